"""Charts: SVG text in the brand font, no filters or foreignObject, brand colours, locale numbers,
told apart without colour, deterministic, ids unique across charts."""

from __future__ import annotations

import re

import pytest

from pipeline.report import charts, load_brand
from pipeline.report.locales import Locale
from tests.report_fixtures import make_results

RESULTS = make_results()
CHARTS = {
    "cumulative": charts.cumulative_cost,
    "annual": charts.annual_stacked,
    "savings": charts.cumulative_savings,
    "hybrid": charts.hybrid_curve,
    "tornado": lambda r, loc, b: charts.tornado(
        r, loc, b, [row.driver for row in r.sensitivity.rows]
    ),
}


@pytest.fixture(scope="module")
def svgs():
    brand = load_brand(None)
    return {
        (name, lang): fn(RESULTS, Locale(lang=lang, currency="IDR"), brand)
        for name, fn in CHARTS.items()
        for lang in ("en", "id")
    }


@pytest.mark.parametrize("name", list(CHARTS), ids=list(CHARTS))
def test_svg_is_plain_and_branded(svgs, name):
    svg = svgs[(name, "en")]
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    assert "<filter" not in svg and "foreignObject" not in svg and "<image" not in svg
    assert "<text" in svg and "font-family" not in svg or "Lato" in svg  # text stays text
    assert "Lato" in svg
    assert (
        load_brand(None).primary.lower() in svg.lower()
        or load_brand(None).accent.lower() in svg.lower()
    )
    assert f'id="{name}-' in svg and not re.search(r'id="(?!' + name + r"-)", svg)


def test_series_differ_without_colour(svgs):
    assert "hatch" in svgs[("annual", "en")] or "<pattern" in svgs[("annual", "en")]
    cumulative = svgs[("cumulative", "en")]
    assert (
        cumulative.count("stroke-dasharray") >= 2
    )  # dashed and dash-dot lines beside the solid one
    assert "<pattern" in svgs[("tornado", "en")]


def test_axes_use_locale_numbers(svgs):
    # Indonesian compact thousands: "1 M" (miliar) / English "1B"
    assert re.search(r">\s*\d+(,\d)?\s?M\s*<", svgs[("cumulative", "id")])
    assert re.search(r">\s*\d+(\.\d)?B\s*<", svgs[("cumulative", "en")])
    assert "Bulan" in svgs[("cumulative", "id")] and "Month" in svgs[("cumulative", "en")]


def test_charts_are_deterministic(svgs):
    again = charts.cumulative_cost(RESULTS, Locale(lang="en", currency="IDR"), load_brand(None))
    assert again == svgs[("cumulative", "en")]


def test_second_brand_uses_its_font_and_colours():
    brand = load_brand("nusantara")
    svg = charts.annual_stacked(RESULTS, Locale(lang="en", currency="IDR"), brand)
    assert "Carlito" in svg and brand.primary.lower() in svg.lower()
