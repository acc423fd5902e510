"""Built-in demand shapes of template version 2 (DESIGN §8): weekly profiles and seasonal patterns.

They are written as editable rows into every v2 template; a workbook's own rows win over these.
The numbers are relative weights (any scale): the model divides by their total.
"""

from __future__ import annotations

from dataclasses import dataclass

from .core import Choice, T, Text

DAYS = (
    T("Mon", "Sen"),
    T("Tue", "Sel"),
    T("Wed", "Rab"),
    T("Thu", "Kam"),
    T("Fri", "Jum"),
    T("Sat", "Sab"),
    T("Sun", "Min"),
)
"""Day labels in the order of the 168 hours (Monday first), EN and ID."""
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = (
    ("monday", "senin", "mo"),
    ("tuesday", "selasa", "tu", "tues"),
    ("wednesday", "rabu", "we", "weds"),
    ("thursday", "kamis", "th", "thur", "thurs"),
    ("friday", "jumat", "jum'at", "fr"),
    ("saturday", "sabtu", "sa"),
    ("sunday", "minggu", "ahad", "su", "mgg"),
)
DAY_CHOICES = tuple(
    Choice(code=code, label=label, synonyms=names)
    for code, label, names in zip(DAY_CODES, DAYS, _DAY_NAMES, strict=True)
)
"""The Day column of tbl_profiles: Mon..Sun / Sen..Min, full names accepted."""
MONTHS = (
    T("Jan", "Jan"),
    T("Feb", "Feb"),
    T("Mar", "Mar"),
    T("Apr", "Apr"),
    T("May", "Mei"),
    T("Jun", "Jun"),
    T("Jul", "Jul"),
    T("Aug", "Agu"),
    T("Sep", "Sep"),
    T("Oct", "Okt"),
    T("Nov", "Nov"),
    T("Dec", "Des"),
)
MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""Column keys of the twelve month columns of tbl_seasonality."""
HOUR_KEYS = tuple(f"h{h:02d}" for h in range(24))
"""Column keys of the 24 hour columns of tbl_profiles (headers 00..23)."""


@dataclass(frozen=True, kw_only=True)
class BuiltinProfile:
    code: str
    label: Text
    days: tuple[tuple[float, ...], ...]
    """Seven rows (Mon..Sun) of 24 hourly weights (00..23)."""
    description: Text


@dataclass(frozen=True, kw_only=True)
class BuiltinPattern:
    code: str
    label: Text
    months: tuple[float, ...]
    """Jan..Dec relative volumes (normalised to a mean of 1 when read)."""
    description: Text


def _day(weights: dict[int, float]) -> tuple[float, ...]:
    return tuple(float(weights.get(h, 0.0)) for h in range(24))


_CLOSED = _day({})
# Office hours: Mon-Fri 08:00-17:00 (45 h); calls build up to late morning, dip at lunch, a second
# smaller peak early in the afternoon.
_OFFICE = _day({8: 8, 9: 11, 10: 13, 11: 13, 12: 9, 13: 11, 14: 12, 15: 11, 16: 8})
# Retail extended: every day 08:00-22:00 (98 h), an after-work evening bump; weekends 20% busier.
_RETAIL = _day(
    {
        8: 4,
        9: 6,
        10: 8,
        11: 9,
        12: 9,
        13: 9,
        14: 8,
        15: 8,
        16: 8,
        17: 8,
        18: 9,
        19: 10,
        20: 9,
        21: 6,
    }
)
# E-commerce 24/7: quiet nights, a steady day, the evening peak after work (19-22); busiest hour
# about 1.8 x the average hour of the week, weekends 10% busier.
_ECOM = _day(
    {
        0: 3,
        1: 2,
        2: 1.5,
        3: 1,
        4: 1,
        5: 1.5,
        6: 2.5,
        7: 4,
        8: 5.5,
        9: 6.5,
        10: 7,
        11: 7,
        12: 6.5,
        13: 6.5,
        14: 6.5,
        15: 6.5,
        16: 6.5,
        17: 6.5,
        18: 7,
        19: 8.5,
        20: 9.5,
        21: 9.5,
        22: 7.5,
        23: 5,
    }
)


def _scaled(day: tuple[float, ...], k: float) -> tuple[float, ...]:
    return tuple(w * k for w in day)


BUILTIN_PROFILES = (
    BuiltinProfile(
        code="office_hours",
        label=T("Office hours", "Jam kantor"),
        days=(_OFFICE,) * 5 + (_CLOSED, _CLOSED),
        description=T(
            "Mon-Fri 08-17, peaks late morning and early afternoon",
            "Sen-Jum 08-17, puncak menjelang siang dan awal sore",
        ),
    ),
    BuiltinProfile(
        code="retail_extended",
        label=T("Retail extended", "Ritel diperpanjang"),
        days=(_RETAIL,) * 5 + (_scaled(_RETAIL, 1.2),) * 2,
        description=T(
            "Every day 08-22, evening bump, busier weekends",
            "Setiap hari 08-22, ramai di sore hari, akhir pekan lebih ramai",
        ),
    ),
    BuiltinProfile(
        code="ecommerce_24_7",
        label=T("E-commerce 24/7", "E-commerce 24/7"),
        days=(_ECOM,) * 5 + (_scaled(_ECOM, 1.1),) * 2,
        description=T(
            "Round the clock: quiet nights, evening peak 19-22",
            "Sepanjang waktu: malam sepi, puncak malam 19-22",
        ),
    ),
    BuiltinProfile(
        code="flat_24_7",
        label=T("Flat 24/7", "Rata 24/7"),
        days=(_day(dict.fromkeys(range(24), 1.0)),) * 7,
        description=T("Round the clock, every hour alike", "Sepanjang waktu, setiap jam sama"),
    ),
)

BUILTIN_PATTERNS = (
    BuiltinPattern(
        code="flat",
        label=T("Flat", "Rata"),
        months=(1.0,) * 12,
        description=T("The same volume every month", "Volume sama setiap bulan"),
    ),
    BuiltinPattern(
        code="id_ecommerce",
        label=T("Indonesian e-commerce", "E-commerce Indonesia"),
        # Ramadan and Lebaran fall in Feb-Mar in 2026-2027 (move them as the holiday moves);
        # Harbolnas 11.11 and 12.12 lift November and December; mid-year is quiet.
        months=(0.92, 1.05, 1.30, 0.95, 0.88, 0.88, 0.90, 0.92, 0.95, 1.00, 1.20, 1.35),
        description=T(
            "Ramadan/Lebaran (Feb-Mar) and Harbolnas 11.11/12.12 peaks; move them with the calendar",
            "Puncak Ramadan/Lebaran (Feb-Mar) dan Harbolnas 11.11/12.12; geser sesuai kalender",
        ),
    ),
)


def builtin_profile(code: str) -> BuiltinProfile:
    for p in BUILTIN_PROFILES:
        if p.code == code:
            return p
    raise KeyError(code)


def builtin_pattern(code: str) -> BuiltinPattern:
    for p in BUILTIN_PATTERNS:
        if p.code == code:
            return p
    raise KeyError(code)
