"""Tests of pipeline.values: numbers, percents, dates and choices as real workbooks hold them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from pipeline import schema
from pipeline.values import (
    MULTIPLIER_LETTERS,
    MULTIPLIER_WORDS,
    ParseError,
    ambiguous_date,
    fold_name,
    is_blank,
    number_word,
    parse_choice,
    parse_date,
    parse_int,
    parse_month,
    parse_number,
    parse_percent,
    parse_text,
)

NUMBERS = [
    ("1.500.000", "en", 1_500_000),
    ("1.500.000", "id", 1_500_000),
    ("1,500,000", "id", 1_500_000),
    ("1,500,000.50", "en", 1_500_000.5),
    ("1.500.000,50", "id", 1_500_000.5),
    ("1.500.000,50", "en", 1_500_000.5),
    ("Rp 1.500.000", "en", 1_500_000),
    ("Rp1.500.000,-", "id", 1_500_000),
    ("Rp. 1.500.000,00", "id", 1_500_000),
    ("IDR 1,500,000", "id", 1_500_000),
    ("1.500.000 IDR", "en", 1_500_000),
    ("USD 12.50", "id", 12.5),
    ("$12.50", "en", 12.5),
    ("US$12,50", "id", 12.5),
    ("1,5", "id", 1.5),
    ("1,5", "en", 1.5),
    ("1.500", "id", 1500),
    ("1.500", "en", 1.5),
    ("1,500", "en", 1500),
    ("1,500", "id", 1.5),
    ("Rp 1,500", "en", 1500),
    ("Rp 1,500", "id", 1500),
    ("0.500", "id", 0.5),
    ("12.5", "id", 12.5),
    ("(1,000)", "en", -1000),
    ("($12.50)", "en", -12.5),
    ("-Rp\u00a01.500.000,00", "id", -1_500_000),
    ("Rp -1.500", "id", -1500),
    ("\u22121\u00a0500", "en", -1500),
    ("1\u202f500\u202f000", "en", 1_500_000),
    ("1'500'000", "en", 1_500_000),
    ("+42", "en", 42),
    ("15,00,000", "en", 1_500_000),
    ("1.5E+06", "en", 1_500_000),
    (".5", "en", 0.5),
    ("  7  ", "en", 7),
    (1500, "en", 1500),
    (2.5, "id", 2.5),
]


@pytest.mark.parametrize(
    ("text", "lang", "expected"), NUMBERS, ids=[f"{t!r}-{lg}" for t, lg, _ in NUMBERS]
)
def test_parse_number(text, lang, expected):
    assert parse_number(text, lang=lang) == pytest.approx(expected)


BAD_NUMBERS = [
    ("abc", "not-a-number"),
    ("1.2.3", "not-a-number"),
    ("1,50,0", "not-a-number"),
    ("1.500,000.5", "not-a-number"),
    ("12 apples", "not-a-number"),
    ("Rp", "not-a-number"),
    ("-", "not-a-number"),
    ("", "not-a-number"),
    ("30%", "unexpected-percent"),
    (True, "not-a-number"),
    (None, "not-a-number"),
    (float("nan"), "not-a-number"),
    (datetime(2025, 1, 1), "not-a-number"),
]


@pytest.mark.parametrize(("value", "code"), BAD_NUMBERS, ids=[repr(v) for v, _ in BAD_NUMBERS])
def test_parse_number_rejects(value, code):
    with pytest.raises(ParseError) as exc:
        parse_number(value, lang="en")
    assert exc.value.code == code


def test_parse_int():
    assert parse_int("1.000", lang="id") == 1000
    assert parse_int(3.0) == 3
    with pytest.raises(ParseError) as exc:
        parse_int(2.5)
    assert exc.value.code == "not-an-integer"


PERCENTS = [
    # value, number_format, low, high, expected fraction, ambiguous
    (0.3, "0%", 0, 0.5, 0.3, False),
    ("30%", "General", 0, 0.5, 0.3, False),
    ("30 %", "General", 0, 0.5, 0.3, False),
    ("12,5%", "General", 0, 0.5, 0.125, False),
    (30, "General", 0, 0.5, 0.3, False),
    ("30", "General", 0, 0.5, 0.3, False),
    (-5, "General", -0.5, 1, -0.05, False),
    (2, "General", 0, 3, 0.02, True),
    (1.5, "0%", 0, 3, 1.5, True),
    (110, "0%", 0.5, 3, 1.1, False),
    (500, "General", 0, 0.5, 5.0, False),
    (1, "General", 0, 1, 1.0, False),
    (1.1, "General", 0.5, 3, 1.1, False),
    (2, "0%", 0, 0.5, 0.02, False),
]


@pytest.mark.parametrize(
    ("value", "fmt", "low", "high", "fraction", "ambiguous"),
    PERCENTS,
    ids=[f"{v!r}-{f}-{lo}..{hi}" for v, f, lo, hi, _, _ in PERCENTS],
)
def test_parse_percent(value, fmt, low, high, fraction, ambiguous):
    got, amb = parse_percent(value, lang="id", number_format=fmt, low=low, high=high)
    assert got == pytest.approx(fraction)
    assert amb is ambiguous


DATES = [
    (date(2026, 11, 23), date(2026, 11, 23)),
    (datetime(2026, 11, 23, 14, 5), date(2026, 11, 23)),
    (46349, date(2026, 11, 23)),
    (46349.75, date(2026, 11, 23)),
    ("2026-11-23", date(2026, 11, 23)),
    ("2026/11/23", date(2026, 11, 23)),
    ("2026-11-23 00:00:00", date(2026, 11, 23)),
    ("23/11/2026", date(2026, 11, 23)),
    ("23-11-2026", date(2026, 11, 23)),
    ("23.11.2026", date(2026, 11, 23)),
    ("03/04/2026", date(2026, 4, 3)),
    ("11/23/2026", date(2026, 11, 23)),
    ("23 Nov 2026", date(2026, 11, 23)),
    ("23 November 2026", date(2026, 11, 23)),
    ("23-Nov-2026", date(2026, 11, 23)),
    ("23 Agustus 2026", date(2026, 8, 23)),
    ("23 Agt 2026", date(2026, 8, 23)),
    ("1 Mei 2026", date(2026, 5, 1)),
    ("17 Desember 2026", date(2026, 12, 17)),
    ("Nov 23, 2026", date(2026, 11, 23)),
    ("November 23rd, 2026", date(2026, 11, 23)),
    ("Senin, 23 November 2026", date(2026, 11, 23)),
    ("46349", date(2026, 11, 23)),
]


@pytest.mark.parametrize(("value", "expected"), DATES, ids=[repr(v) for v, _ in DATES])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["31/02/2026", "next week", "2026", "23 Foo 2026", True, -5, 0, "13/13/2026"],
    ids=["no-such-day", "words", "a-year", "unknown-month", "bool", "negative", "zero", "13-13"],
)
def test_parse_date_rejects(value):
    with pytest.raises(ParseError) as exc:
        parse_date(value)
    assert exc.value.code == "not-a-date"


MONTHS = [
    ("Jan 2027", date(2027, 1, 1)),
    ("Januari 2027", date(2027, 1, 1)),
    ("Des. 2026", date(2026, 12, 1)),
    ("August 2027", date(2027, 8, 1)),
    ("2027-03", date(2027, 3, 1)),
    ("03/2027", date(2027, 3, 1)),
    ("15/03/2027", date(2027, 3, 1)),
    (datetime(2027, 3, 31, 12), date(2027, 3, 1)),
    (46388, date(2027, 1, 1)),
]


@pytest.mark.parametrize(("value", "expected"), MONTHS, ids=[repr(v) for v, _ in MONTHS])
def test_parse_month_gives_the_first_of_the_month(value, expected):
    assert parse_month(value) == expected


@pytest.mark.parametrize("value", ["Lebaran", "13/2027", "Foo 2027", "2027"], ids=str)
def test_parse_month_rejects(value):
    with pytest.raises(ParseError) as exc:
        parse_month(value)
    assert exc.value.code == "not-a-date"


@pytest.mark.parametrize(
    ("choices", "value", "code"),
    [
        (schema.BASES, "per FTE per bulan", "per_fte_month"),
        (schema.BASES, "  One-Time ", "one_time"),
        (schema.BASES, "sekali", "one_time"),
        (schema.CATEGORIES, "Teknologi & infrastruktur", "technology"),
        (schema.YES_NO, True, "yes"),
        (schema.YES_NO, "ya", "yes"),
        (schema.YES_NO, 0.0, "no"),
        (schema.OPTION_TYPES, "alih\u00a0daya", "outsourced"),
    ],
    ids=["id-basis", "case-space", "id-one-time", "id-category", "bool", "ya", "zero", "nbsp"],
)
def test_parse_choice(choices, value, code):
    assert parse_choice(choices, value) == code


def test_parse_choice_rejects():
    with pytest.raises(ParseError) as exc:
        parse_choice(schema.BASES, "per fortnight")
    assert exc.value.code == "unknown-choice"


def test_text_and_blank():
    assert parse_text(2024.0) == "2024"
    assert parse_text("  Vendor\u00a0 A ") == "Vendor A"
    assert is_blank(None) and is_blank(" \u00a0 ") and not is_blank(0) and not is_blank("x")


def test_text_keeps_dashes():
    """Regression: parse_text turned every em/en dash of a name or item into a hyphen."""
    assert (
        parse_text("PT Maju \u2014 Jaya (2020\u20132025)") == "PT Maju \u2014 Jaya (2020\u20132025)"
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vendor A", " vendor  a ", True),
        ("Vendor\u00a0A", "VENDOR A", True),
        ("Vendor \u2013 A", "vendor - a", True),
        ("Caf\u00e9 Vendor", "cafe vendor", True),
        ("\u4f9b\u5e94\u5546 \u7532", "\u4f9b\u5e94\u5546 \u4e59", False),
        ("Vendor \U0001f600", "Vendor \U0001f680", False),
        ("\u4f9b\u5e94\u5546", "", False),
    ],
    ids=["case-space", "nbsp", "dash", "accent", "cjk-differ", "emoji-differ", "cjk-not-blank"],
)
def test_fold_name(a, b, same):
    """Regression: names were folded to ASCII, so two CJK or emoji names became duplicates."""
    assert (fold_name(a) == fold_name(b)) is same


# ---------------------------------------------------------------------- properties (Babel round trip)
LOCALES = {"en": "en_US", "id": "id_ID"}
amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False
)
money = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2)


@given(value=amounts, lang=st.sampled_from(["en", "id"]))
def test_babel_decimal_round_trip(value, lang):
    text = format_decimal(value, locale=LOCALES[lang])
    assert parse_number(text, lang=lang) == pytest.approx(float(value), abs=1e-9)


@given(
    value=money,
    lang=st.sampled_from(["en", "id"]),
    currency=st.sampled_from(["IDR", "USD", "EUR", "SGD"]),
    accounting=st.booleans(),
)
def test_babel_currency_round_trip(value, lang, currency, accounting):
    text = format_currency(
        value,
        currency,
        locale=LOCALES[lang],
        format_type="accounting" if accounting else "standard",
    )
    assert parse_number(text, lang=lang) == pytest.approx(float(value), abs=1e-9)


@given(
    value=st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=4),
    lang=st.sampled_from(["en", "id"]),
)
def test_babel_percent_round_trip(value, lang):
    text = format_percent(value, locale=LOCALES[lang], decimal_quantization=False)
    fraction, _ = parse_percent(text, lang=lang)
    assert fraction == pytest.approx(float(value), abs=1e-9)


# ------------------------------------------------------------------ number words and non-finite text
WORDED = [
    ("5,4 juta", "id", 5_400_000, "juta"),
    ("5 jt", "id", 5_000_000, "jt"),
    ("5 jt.", "id", 5_000_000, "jt"),
    ("750 rb", "id", 750_000, "rb"),
    ("750 ribu", "id", 750_000, "ribu"),
    ("1,2 M", "id", 1_200_000_000, "M"),
    ("1,2 miliar", "id", 1_200_000_000, "miliar"),
    ("1,2 Milyar", "id", 1_200_000_000, "Milyar"),
    ("2 triliun", "id", 2_000_000_000_000, "triliun"),
    ("2 T", "id", 2_000_000_000_000, "T"),
    ("Rp 5,4 juta", "id", 5_400_000, "juta"),
    ("Rp5jt", "id", 5_000_000, "jt"),
    ("5 juta rupiah", "id", 5_000_000, "juta"),
    ("(1,5 jt)", "id", -1_500_000, "jt"),
    ("1.500 jt", "id", 1_500_000_000, "jt"),
    ("50K", "id", 50_000, "K"),
    ("5.4 million", "en", 5_400_000, "million"),
    ("750k", "en", 750_000, "k"),
    ("1.2bn", "en", 1_200_000_000, "bn"),
    ("USD 3 mn", "en", 3_000_000, "mn"),
    ("5 juta", "en", 5_000_000, "juta"),
]


@pytest.mark.parametrize(
    ("text", "lang", "expected", "word"), WORDED, ids=[f"{t!r}-{lg}" for t, lg, _, _ in WORDED]
)
def test_number_words_are_multipliers(text, lang, expected, word):
    assert parse_number(text, lang=lang) == expected
    assert number_word(text, lang=lang) == word


REFUSED = [
    ("1,2 M", "en"),  # million to an English reader, miliar to an Indonesian one
    ("2 T", "en"),
    ("1,2 m", "id"),  # the letters only as Indonesians write them
    ("12 agents", "en"),
    ("juta", "id"),
    ("1e3 k", "en"),
    ("5 jt%", "id"),
    ("nan", "en"),
    ("NaN", "id"),
    ("-nan", "en"),
    ("inf", "en"),
    ("+Inf", "id"),
    ("-infinity", "en"),
    ("INFINITY", "id"),
    ("Rp nan", "id"),
    ("1e999", "en"),
]


@pytest.mark.parametrize(("text", "lang"), REFUSED, ids=[f"{t!r}-{lg}" for t, lg in REFUSED])
def test_not_numbers_everywhere_numbers_are_parsed(text, lang):
    for parse in (parse_number, parse_int, parse_percent):
        with pytest.raises(ParseError) as exc:
            parse(text, lang=lang)
        assert exc.value.code == "not-a-number"
    assert number_word(text, lang=lang) is None


def test_number_words_are_not_percents_nor_dates():
    with pytest.raises(ParseError) as exc:
        parse_percent("5 rb", lang="id")
    assert exc.value.code == "not-a-number"
    with pytest.raises(ParseError):
        parse_date("45 rb", lang="id")  # would be the serial of 2023-03-15
    for text in ("nan", "inf", "-Infinity"):
        with pytest.raises(ParseError):
            parse_date(text)


def _words(lang: str) -> list[tuple[str, int]]:
    words = [(w, f) for w, f in MULTIPLIER_WORDS.items()]
    words += [(w.upper(), f) for w, f in MULTIPLIER_WORDS.items()]
    return words + list(MULTIPLIER_LETTERS[lang].items())


@given(value=amounts, lang=st.sampled_from(["en", "id"]), data=st.data())
def test_number_word_round_trip(value, lang, data):
    """For any amount written in the language's format and any multiplier word, parsing gives
    the amount times the multiplier exactly."""
    word, factor = data.draw(st.sampled_from(_words(lang)))
    space = data.draw(st.sampled_from(["", " "]))
    text = format_decimal(value, locale=LOCALES[lang]) + space + word
    assert parse_number(text, lang=lang) == float(value * factor)
    assert number_word(text, lang=lang) == word


# ---------------------------------------------------------------------------------- ambiguous dates
@pytest.mark.parametrize(
    ("text", "both"),
    [
        ("2/11/2026", (date(2026, 11, 2), date(2026, 2, 11))),
        ("02-11-2026", (date(2026, 11, 2), date(2026, 2, 11))),
        ("Senin, 2.11.2026", (date(2026, 11, 2), date(2026, 2, 11))),
        ("13/11/2026", None),
        ("11/13/2026", None),
        ("11/11/2026", None),
        ("2026-02-11", None),
        ("2 Nov 2026", None),
        (datetime(2026, 2, 11), None),
    ],
    ids=str,
)
def test_ambiguous_date_names_both_readings(text, both):
    assert ambiguous_date(text) == both
    if both:
        for lang in ("en", "id"):
            assert parse_date(text, lang=lang) == both[0]  # day first in both languages


@given(day=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_day_first_text_dates_read_back_with_a_warning_only_when_ambiguous(day):
    text = f"{day.day}/{day.month}/{day.year}"
    for lang in ("en", "id"):
        assert parse_date(text, lang=lang) == day
    both = ambiguous_date(text)
    if day.day <= 12 and day.day != day.month:
        assert both == (day, date(day.year, day.day, day.month))
    else:
        assert both is None
