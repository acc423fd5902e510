"""How numbers, money, percentages and dates read in each language: the one place figures become text.

The report and the results workbook (through `report.locales.Locale`, which adds the words), the
validation messages (`fmt_num`, `fmt_pct`), the command line and the charts' axes all format here,
so `1.500` means the same thing everywhere a reader meets it: `en` prints `IDR 1,234,567` and
`1,234.5`, `id` prints `Rp 1.234.567` and `1.234,5`.

Grouping and rounding are done here rather than by Babel's `format_decimal`: the result is the
same character for character (the value is read from its shortest decimal form and rounded half
to even, as Babel does; `tests/test_numbers.py` checks it against Babel on random numbers) and six
times faster, which matters to a validation that may report a hundred thousand cells. Babel still
gives what needs its locale data: currency symbols, month names and scale words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_compact_decimal, get_currency_name, get_currency_symbol

from .i18n import LANGUAGES
from .issues import UsageError

DASH = "–"
"""Printed where a figure does not exist (no payback, no ROI...)."""
MINUS = "−"
"""The minus of amounts and percentages (U+2212), not a hyphen: ROI −66% beside −885,858,199."""
BABEL_LOCALES = {"en": "en_GB", "id": "id_ID"}
_TO_ID = str.maketrans(",.", ".,")
_ABSURD = Decimal(10) ** 28

_SCALE_WORDS = (
    (1e12, {"en": "trillion", "id": "triliun"}),
    (1e9, {"en": "billion", "id": "miliar"}),
    (1e6, {"en": "million", "id": "juta"}),
)


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def grouped(value: float | Decimal, digits: int, lang: str) -> str:
    """`value` with `digits` decimals and thousands grouped in `lang`'s separators (`-` sign)."""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    # 28 digits and more (absurd inputs) in scientific notation, not a line a page wide.
    absurd = abs(number) >= _ABSURD
    text = f"{number:.{max(digits, 2)}e}" if absurd else f"{number:,.{digits}f}"
    return text.translate(_TO_ID) if lang == "id" else text


def _trimmed(value: float, digits: int, lang: str) -> str:
    """Up to `digits` decimals: `2.5`, `3`, `0.1234`."""
    text = grouped(value, digits, "en")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = "0" if text == "-0" else text
    return text.translate(_TO_ID) if lang == "id" else text


@dataclass(kw_only=True)
class Numbers:
    """Figures in one language (and currency): `money`, `amount`, `percent`, `date`..."""

    lang: str
    currency: str = ""

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise UsageError(f"unknown report language {self.lang!r}: use en or id")
        self._babel = BABEL_LOCALES[self.lang]
        self._symbol = (
            get_currency_symbol(self.currency, locale=self._babel) if self.currency else ""
        )

    @property
    def currency_unit(self) -> str:
        """The currency as the reader names it: the ISO code in English (IDR), the symbol in
        Indonesian (Rp), as the amounts themselves print it."""
        return self.currency if self.lang == "en" else self._symbol

    @property
    def currency_in_words(self) -> str:
        """The currency in a sentence: `IDR` / `Rupiah Indonesia (Rp)`."""
        if self.lang == "en" or not self.currency:
            return self.currency
        return f"{self.currency_name} ({self._symbol})"

    @property
    def currency_name(self) -> str:
        """The currency's name in the language: `Indonesian Rupiah` / `Rupiah Indonesia`."""
        return get_currency_name(self.currency, locale=self._babel) if self.currency else ""

    # ------------------------------------------------------------------------------ numbers
    def number(self, value: float | None, digits: int = 0) -> str:
        if _missing(value):
            return DASH
        return grouped(value, digits, self.lang)

    def amount(self, value: float | None, digits: int = 0) -> str:
        """Money without the symbol, for tables whose unit line names the currency."""
        if _missing(value):
            return DASH
        sign = MINUS if round(value, digits) < 0 else ""
        return sign + grouped(abs(value), digits, self.lang)

    def amount_auto(self, value: float | None) -> str:
        if _missing(value):
            return DASH
        return self.amount(value, 2 if abs(value) < 100 else 0)

    def money(self, value: float | None, digits: int = 0) -> str:
        """`Rp 1.234.567` / `IDR 1,234,567`; negative amounts carry a minus before the symbol."""
        if _missing(value):
            return DASH
        sign = MINUS if round(value, digits) < 0 else ""
        return f"{sign}{self._symbol}\u00a0{grouped(abs(value), digits, self.lang)}"

    def money_auto(self, value: float | None) -> str:
        """Money with cents only where they matter (small unit prices)."""
        if _missing(value):
            return DASH
        # Zero has no cents to show: "IDR 0", not "IDR 0.00" (a tile's savings against itself).
        return self.money(value, 2 if 0 < abs(value) < 100 else 0)

    def money_words(self, value: float | None) -> str:
        """Money in a sentence: three significant figures and a scale word, `IDR 5.36 billion` /
        `Rp 5,36 miliar`; amounts under a million in full."""
        if _missing(value):
            return DASH
        rounded = float(f"{abs(value):.3g}")
        for scale, words in _SCALE_WORDS:
            if rounded >= scale:
                x = rounded / scale
                digits = 2 if x < 10 else 1 if x < 100 else 0
                sign = MINUS if value < 0 else ""
                body = grouped(x, digits, self.lang)
                # No-break spaces: "IDR 2.45 billion" never splits across lines.
                return f"{sign}{self._symbol}\u00a0{body}\u00a0{words[self.lang]}"
        return self.money_auto(value)

    def percent(self, value: float | None, digits: int = 0) -> str:
        if _missing(value):
            return DASH
        sign = MINUS if round(value * 100, digits) < 0 else ""
        if abs(value) >= 100:  # e.g. the IRR of a tiny investment: the exact figure means nothing
            return f"{MINUS if value < 0 else ''}> {grouped(10_000, 0, self.lang)}%"
        return sign + grouped(abs(Decimal(repr(float(value)))) * 100, digits, self.lang) + "%"

    def multiplier(self, value: float | None) -> str:
        if _missing(value):
            return DASH
        return "×" + self.number(value, 2)

    def typed(self, value: Any, digits: int = 4) -> str:
        """A number as a user would type it back: grouped, up to `digits` decimals (`1,234.5`);
        anything that is not a finite number as `str()`."""
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            return str(value)
        return _trimmed(value, digits, self.lang)

    def typed_percent(self, value: float) -> str:
        """A fraction as a percent typed back: `0.125` -> `12.5%`."""
        return self.typed(round(value * 100, 6)) + "%"

    # -------------------------------------------------------------------------------- dates
    def date(self, value: date) -> str:
        return format_date(value, format="long", locale=self._babel)

    def month(self, value: date) -> str:
        """A calendar month: `January 2027` / `Januari 2027`."""
        return format_date(value, format="MMMM y", locale=self._babel)

    # ------------------------------------------------------------------------------- charts
    def money_axis(self, values: Sequence[float]) -> tuple[Callable[[float], str], str]:
        """A tick formatter in one unit for the whole axis and that unit's name for the title.

        Ticks read as plain numbers (`20`, `2.5`) and the title names the unit in words (`IDR
        billion`, `miliar Rp`): a compact `20 M` means 20 miliar to Babel's Indonesian data but
        20 million to most readers, and a unit spelt out once cannot be misread.
        """
        peak = max((abs(v) for v in values), default=0.0)
        scale = next((s for s in (10**12, 10**9, 10**6, 10**3) if peak >= s), 1)
        if scale == 1:
            unit = self.currency
        else:
            word = format_compact_decimal(scale, format_type="long", locale=self._babel)
            word = re.sub(r"^[\d\s.,]+", "", word).strip()
            unit = f"{word} {self._symbol}" if self.lang == "id" else f"{self.currency} {word}"

        def fmt(value: float) -> str:
            body = _trimmed(abs(value) / scale, 2, self.lang)
            return (MINUS if round(value / scale, 2) < 0 else "") + body

        return fmt, unit


@cache
def numbers(lang: str) -> Numbers:
    """The `Numbers` of `lang` without a currency (messages, the command line)."""
    return Numbers(lang=lang if lang in LANGUAGES else "en")


def fmt_num(x: Any, lang: str, digits: int = 4) -> str:
    """A number for a message, as typed: grouped, up to `digits` decimals, in `lang`'s separators."""
    return numbers(lang).typed(x, digits)


def fmt_pct(x: float, lang: str) -> str:
    """A fraction for a message as a percent: `0.3` -> `30%`."""
    return numbers(lang).typed_percent(x)
