"""Words and number formats of the report, per language, from one source.

English msgids live in the templates and in `text.py`; `locales/id.po` (gettext, read with Babel at
runtime, no compile step) gives the Indonesian. Numbers, money, percentages and dates go through
Babel so that `id` prints `Rp 1.234.567` and `en` prints `IDR 1,234,567`.
"""

from __future__ import annotations

import decimal
import logging
import math
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

from ..issues import UsageError

log = logging.getLogger("pipeline")

LANGUAGES = ("en", "id")
CATALOG_DIR = Path(__file__).with_name("locales")
DASH = "–"
"""Printed where a figure does not exist (no payback, no ROI...)."""


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


@cache
def catalog(lang: str) -> dict[str, str]:
    """msgid -> translation for `lang` (empty for English: the msgids are English)."""
    if lang == "en":
        return {}
    with (CATALOG_DIR / f"{lang}.po").open("rb") as fh:
        po = read_po(fh, locale=lang)
    return {m.id: m.string for m in po if m.id and m.string and not m.fuzzy}


_SCALE_WORDS = (
    (1e12, {"en": "trillion", "id": "triliun"}),
    (1e9, {"en": "billion", "id": "miliar"}),
    (1e6, {"en": "million", "id": "juta"}),
)


@dataclass(kw_only=True)
class Locale:
    """Translation and formatting for one report: `_` translates, the other methods format."""

    lang: str
    currency: str
    missing: set[str] = field(default_factory=set)
    """msgids asked for that the catalog lacks (tests assert this stays empty)."""

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise UsageError(f"unknown report language {self.lang!r}: use en or id")
        self._catalog = catalog(self.lang)
        self._babel = "id_ID" if self.lang == "id" else "en_GB"
        self._symbol = get_currency_symbol(self.currency, locale=self._babel)

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

    # ---------------------------------------------------------------------------- numbers
    @staticmethod
    def _missing(value: float | None) -> bool:
        return value is None or (isinstance(value, float) and not math.isfinite(value))

    def _decimal(self, value: float, digits: int) -> str:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        try:
            return format_decimal(value, format=pattern, locale=self._babel)
        except decimal.InvalidOperation:
            # Beyond Babel's 28-digit context (absurd inputs): scientific notation, not a crash.
            return f"{value:.{max(digits, 2)}e}"

    def number(self, value: float | None, digits: int = 0) -> str:
        if self._missing(value):
            return DASH
        return self._decimal(value, digits)

    def money(self, value: float | None, digits: int = 0) -> str:
        """`Rp 1.234.567` / `IDR 1,234,567`; negative amounts carry a minus before the symbol."""
        if self._missing(value):
            return DASH
        body = self._decimal(abs(value), digits)
        sign = "−" if round(value, digits) < 0 else ""
        return f"{sign}{self._symbol}\u00a0{body}"

    def amount(self, value: float | None, digits: int = 0) -> str:
        """Money without the symbol, for tables whose unit line names the currency."""
        if self._missing(value):
            return DASH
        text = self.number(abs(value), digits)
        return ("−" if round(value, digits) < 0 else "") + text

    def amount_auto(self, value: float | None) -> str:
        if self._missing(value):
            return DASH
        return self.amount(value, 2 if abs(value) < 100 else 0)

    def money_auto(self, value: float | None) -> str:
        """Money with cents only where they matter (small unit prices)."""
        if self._missing(value):
            return DASH
        # Zero has no cents to show: "IDR 0", not "IDR 0.00" (a tile's savings against itself).
        return self.money(value, 2 if 0 < abs(value) < 100 else 0)

    def money_words(self, value: float | None) -> str:
        """Money in a sentence: three significant figures and a scale word, `IDR 5.36 billion` /
        `Rp 5,36 miliar`; amounts under a million in full."""
        if self._missing(value):
            return DASH
        rounded = float(f"{abs(value):.3g}")
        for scale, words in _SCALE_WORDS:
            if rounded >= scale:
                x = rounded / scale
                digits = 2 if x < 10 else 1 if x < 100 else 0
                body = self._decimal(x, digits)
                sign = "−" if value < 0 else ""
                return f"{sign}{self._symbol}\u00a0{body} {words[self.lang]}"
        return self.money_auto(value)

    def axis_money(self, value: float) -> str:
        """Short amounts for chart axes, without the currency symbol (the axis label has it)."""
        if abs(value) < 1000:
            return self.number(value)
        body = format_compact_decimal(
            abs(value), format_type="short", locale=self._babel, fraction_digits=1
        )
        return ("−" if value < 0 else "") + body

    def percent(self, value: float | None, digits: int = 0) -> str:
        if self._missing(value):
            return DASH
        if abs(value) >= 100:  # e.g. the IRR of a tiny investment: the exact figure means nothing
            sign = "−" if value < 0 else ""
            return f"{sign}> {format_percent(100, format='#,##0%', locale=self._babel)}"
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
        # The minus sign of amounts (−), not Babel's hyphen: ROI −66% sits next to −885,858,199.
        text = format_percent(abs(value), format=pattern, locale=self._babel)
        return ("−" if round(value * 100, digits) < 0 else "") + text

    def date(self, value: date) -> str:
        return format_date(value, format="long", locale=self._babel)

    def month(self, value: date) -> str:
        """A calendar month: `January 2027` / `Januari 2027`."""
        return format_date(value, format="MMMM y", locale=self._babel)

    def months(self, value: int | None) -> str:
        """A payback month as words: `month 14`; 0 (never behind) reads `from the start`."""
        if value is None:
            return DASH
        if value == 0:
            return self._("from the start")
        return self._("month {n}", n=self.number(value))

    def multiplier(self, value: float | None) -> str:
        if self._missing(value):
            return DASH
        return "×" + self.number(value, 2)
