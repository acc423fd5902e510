"""Problems found in a workbook, as data, and the pipeline's exception classes.

Checks yield `Issue`s and never raise; `WorkbookError` means the file itself is unusable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, kw_only=True)
class Issue:
    code: str
    """Stable kebab-case code, e.g. `not-a-number`."""
    severity: str
    """`error` (blocks the report) or `warning` (goes to the data-quality appendix)."""
    sheet: str | None = None
    """Sheet name as found in the workbook."""
    cell: str | None = None
    """A1 address of the cell, or None for a whole table or the file."""
    field: str | None = None
    """Schema key of the field or column (e.g. `amount`), when there is one."""
    value: Any = None
    """The value found, as read (JSON-friendly)."""
    message: str = ""
    """Human message in the workbook's language, naming the place, the value and what is expected."""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        value = data["value"]
        if value is not None and not isinstance(value, str | int | float | bool):
            data["value"] = str(value)
        return data


def errors(issues) -> list[Issue]:
    return [i for i in issues if i.severity == ERROR]


def warnings(issues) -> list[Issue]:
    return [i for i in issues if i.severity == WARNING]


class PipelineError(Exception):
    """Base of the errors the command line turns into a message and an exit code."""

    exit_code = 2


class WorkbookError(PipelineError):
    """The file is not a usable workbook (empty, CSV, XLS, encrypted, corrupt, a bomb...)."""

    def __init__(self, message: str, *, code: str = "unusable-file", path: str | None = None):
        super().__init__(message)
        self.code = code
        self.path = path


class InvalidWorkbook(PipelineError):
    """The workbook was read but has errors; `issues` holds all of them (warnings too)."""

    exit_code = 1

    def __init__(self, issues: list[Issue], *, lang: str = "en"):
        self.issues = list(issues)
        self.lang = lang
        """Language the messages are in (the workbook's unless overridden)."""
        n = len(errors(self.issues))
        super().__init__(f"the workbook has {n} error{'s' if n != 1 else ''}")


class WorkloadTooLarge(PipelineError):
    """The demand implies a queue no call centre has (over a million agents on duty): the volume,
    AHT or hours of a channel are almost certainly mistyped."""

    exit_code = 1


class UsageError(PipelineError):
    """Bad command-line use or environment (unknown brand, missing system library...)."""
