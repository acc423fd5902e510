"""The report's words per language: `Locale` = the figures of `pipeline.numbers` + the catalog.

English msgids live in the templates and in `text.py`; `locales/id.po` (gettext, read with Babel at
runtime, no compile step) gives the Indonesian. Numbers, money, percentages and dates are
`pipeline.numbers.Numbers`, the one formatting layer of the project.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import CATALOG_DIR, LANGUAGES, catalog
from ..numbers import DASH, Numbers

__all__ = ["CATALOG_DIR", "DASH", "LANGUAGES", "Locale", "N_", "catalog", "extract_msgids"]

log = logging.getLogger("pipeline")


def N_(msgid: str) -> str:  # noqa: N802 - gettext convention
    """Marks a msgid for extraction where it is defined; `Locale._` translates it where shown."""
    return msgid


def extract_msgids() -> list[str]:
    """Every msgid of the report: `_()`/`N_()` in this package's modules, in the templates and in
    the results workbook (`pipeline/export.py`)."""
    from babel.messages.extract import extract_from_dir, extract_from_file

    from .brands import TEMPLATES_DIR

    found: dict[str, None] = {}
    sources = (
        (Path(__file__).parent, [("*.py", "python")]),
        (TEMPLATES_DIR, [("**.j2", "jinja2")]),
    )
    for directory, method_map in sources:
        for _file, _line, msg, _comments, _ctx in extract_from_dir(
            directory,
            method_map=method_map,
            keywords={"_": None, "N_": None},
            options_map={"**.j2": {"extensions": "", "trimmed": "false"}},
        ):
            if isinstance(msg, str) and msg:
                found[msg] = None
    # The results workbook (pipeline/export.py) speaks the report's words from the same catalog.
    export = Path(__file__).parents[1] / "export.py"
    for _line, msg, _comments, _ctx in extract_from_file(
        "python", export, keywords={"_": None, "N_": None}
    ):
        if isinstance(msg, str) and msg:
            found[msg] = None
    return list(found)


@dataclass(kw_only=True)
class Locale(Numbers):
    """Translation and formatting for one report: `_` translates, the `Numbers` methods format."""

    missing: set[str] = field(default_factory=set)
    """msgids asked for that the catalog lacks (tests assert this stays empty)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._catalog = catalog(self.lang)

    # ------------------------------------------------------------------------------ words
    def _(self, msgid: str, **values: object) -> str:  # noqa: N802 - gettext convention
        """The text in the report language; `{name}` placeholders filled from `values`."""
        text = msgid
        if self.lang != "en":
            text = self._catalog.get(msgid, "")
            if not text:
                self.missing.add(msgid)
                log.warning("no %s translation for %r", self.lang, msgid)
                text = msgid
        return text.format(**values) if values else text

    def label(self, text) -> str:
        """A schema.Text in the report language."""
        return text(self.lang)

    def months(self, value: int | None) -> str:
        """A payback month as words: `month 14`; 0 (never behind) reads `from the start`."""
        if value is None:
            return DASH
        if value == 0:
            return self._("from the start")
        return self._("month {n}", n=self.number(value))
