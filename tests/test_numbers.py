"""One number-formatting layer (`pipeline.numbers`): the same figure reads the same everywhere.

The layer groups and rounds by itself (six times faster than Babel, for validations that report
many cells); these properties check it against Babel's own formatting, character for character.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest
from babel.numbers import format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import BABEL_LOCALES, DASH, MINUS, Numbers, fmt_num, fmt_pct, grouped

ROOT = Path(__file__).resolve().parents[1]
FIGURES = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)
LANGS = st.sampled_from(["en", "id"])


@given(FIGURES, st.integers(min_value=0, max_value=3), LANGS)
def test_grouping_and_rounding_are_babels(value, digits, lang):
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    assert grouped(value, digits, lang) == format_decimal(
        value, format=pattern, locale=BABEL_LOCALES[lang]
    )


@given(st.floats(min_value=-99, max_value=99, allow_nan=False), st.integers(0, 2), LANGS)
def test_percent_is_babels_with_a_true_minus(value, digits, lang):
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    babel = format_percent(abs(value), format=pattern, locale=BABEL_LOCALES[lang])
    got = Numbers(lang=lang).percent(value, digits)
    assert got.lstrip(MINUS) == babel
    assert got.startswith(MINUS) == (round(value * 100, digits) < 0)


@given(FIGURES, LANGS)
def test_axis_ticks_are_babels_optional_decimals(value, lang):
    fmt, _unit = Numbers(lang=lang, currency="IDR").money_axis([1.0])  # scale 1: plain amounts
    babel = format_decimal(abs(value), format="#,##0.##", locale=BABEL_LOCALES[lang])
    assert fmt(value).lstrip(MINUS) == babel


@given(FIGURES, LANGS)
def test_a_message_number_reads_as_the_report_would_print_it(value, lang):
    # What validation says about a cell (`fmt_num`) and what the report prints (`number`) agree
    # wherever both show the same decimals.
    whole = float(round(value))
    assert fmt_num(whole, lang) == Numbers(lang=lang).number(whole)


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 1500, "1,500"),
        ("id", 1500, "1.500"),
        ("en", 0.12345, "0.1234"),
        ("id", 1234.5, "1.234,5"),
        ("en", -0.00001, "0"),
        ("en", float("inf"), "inf"),
        ("en", "abc", "abc"),
        ("en", True, "True"),
    ],
)
def test_fmt_num_as_typed(lang, value, expected):
    assert fmt_num(value, lang) == expected


def test_fmt_pct_and_money_forms():
    assert fmt_pct(0.305, "id") == "30,5%"
    idn, en = Numbers(lang="id", currency="IDR"), Numbers(lang="en", currency="IDR")
    assert idn.money(-1234567) == f"{MINUS}Rp\u00a01.234.567"
    assert en.money(1234567) == "IDR\u00a01,234,567"
    assert en.money_words(5_358_930_252) == "IDR\u00a05.36\u00a0billion"
    assert idn.money_words(5_358_930_252) == "Rp\u00a05,36\u00a0miliar"
    assert en.money_auto(0) == "IDR\u00a00" and en.money_auto(12.5) == "IDR\u00a012.50"
    assert en.percent(150) == "> 10,000%" and en.percent(-150) == f"{MINUS}> 10,000%"
    assert en.number(None) == DASH and en.money(math.nan) == DASH
    assert en.number(1e30, 2) == "1.00e+30"  # absurd inputs stay one short word
    assert idn.currency_unit == "Rp" and en.currency_unit == "IDR"
    assert idn.currency_in_words == "Rupiah Indonesia (Rp)" and en.currency_in_words == "IDR"


def test_babel_numbers_is_used_only_by_the_layer():
    # Grouped numbers are written by pipeline/numbers.py alone: no other module formats figures
    # with Babel or with Python's thousands separator (the results workbook's column widths
    # measure text, they print nothing).
    offenders = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "pipeline/numbers.py":
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "babel.numbers":
                offenders.append(f"{rel}: imports babel.numbers")
            if (
                isinstance(node, ast.FormattedValue)
                and isinstance(node.format_spec, ast.JoinedStr)
                and any(
                    isinstance(v, ast.Constant) and "," in str(v.value)
                    for v in node.format_spec.values
                )
                and rel != "pipeline/export.py"
            ):
                offenders.append(f"{rel}:{node.lineno}: formats a grouped number itself")
    assert offenders == []
