"""Problems found in a workbook, as data, and the pipeline's exception classes.

Checks yield `Issue`s and never raise; `WorkbookError` means the file itself is unusable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, fields
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
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False, repr=False)
    """The values the message was filled from (`place`, `value` as shown, `expected`...), in the
    message's language: the report's sentence for the client is filled from them
    (`pipeline.report.caveats`). Not part of `to_dict` (results.json, `validate --json`)."""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "params"}
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
    """The file is not a usable workbook (empty, CSV, XLS, encrypted, corrupt, a bomb...).

    `str(exc)` is the English message, prefixed by the file name ("book.xlsx: the file is
    empty..."); `exc.message(lang)` is the same message in "en" or "id" (English for any other
    language, or when the error was raised without translations); `code` is the precise kind
    (`zip-bomb`, `corrupt-workbook`...), `key` the message's key in
    `pipeline.workbook.unusable.MESSAGES` and `path` the file's path. Build one with
    `pipeline.workbook.unusable.unusable(path, code, key, **params)` (or `Package.fail`).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "unusable-file",
        path: str | None = None,
        key: str | None = None,
        messages: Mapping[str, str] | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.path = path
        self.key = key
        """Stable key of the message in the unusable-file catalogue, or None."""
        self.messages = dict(messages or {})
        """The whole message (file name included) by language."""

    def message(self, lang: str | None = "en") -> str:
        """The message in `lang` ("en" or "id"), the file name first, as `str(exc)` in English."""
        return self.messages.get(lang or "en") or str(self)

    def __reduce__(self):
        # Keyword arguments do not survive Exception's default pickling (batch workers, queues).
        kwargs = {"code": self.code, "path": self.path, "key": self.key, "messages": self.messages}
        return (_rebuild_workbook_error, (type(self), str(self), kwargs))


def _rebuild_workbook_error(cls: type[WorkbookError], message: str, kwargs: dict) -> WorkbookError:
    return cls(message, **kwargs)


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
