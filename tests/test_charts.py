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
    # The unit is spelt out in the axis title ("20 M" reads as million to Indonesian readers too)
    # and the ticks are plain numbers in the locale's decimal mark.
    idn, en = svgs[("cumulative", "id")], svgs[("cumulative", "en")]
    assert "(miliar Rp)" in idn and "(IDR billion)" in en
    assert not re.search(r">\s*[\d.,−]+\s?[MB]\s*<", idn + en)
    assert ">5<" in idn and ">5<" in en  # plain numbers in the unit of the title
    assert "Bulan" in idn and "Month" in en


@pytest.mark.parametrize(
    ("values", "lang", "unit", "ticks"),
    [
        ((2.5e10, -5e9), "id", "miliar Rp", {2.5e10: "25", -5e9: "−5"}),
        ((7.5e8, 2.5e8), "en", "IDR million", {7.5e8: "750", 2.5e8: "250"}),
        ((1.2e9, 2.5e8), "en", "IDR billion", {1.2e9: "1.2", 2.5e8: "0.25"}),
        ((800.0,), "en", "IDR", {800.0: "800"}),
    ],
    ids=["id-miliar-negative", "en-million", "en-billion-decimals", "en-small-plain"],
)
def test_money_axis_unit_and_ticks(values, lang, unit, ticks):
    fmt, got = Locale(lang=lang, currency="IDR").money_axis(values)
    assert got == unit
    assert {v: fmt(v) for v in ticks} == ticks


@pytest.mark.parametrize(
    ("spans", "rows"),
    [
        (((0, 50), (60, 110)), [0, 0]),
        (((0, 50), (30, 80), (40, 90)), [0, 1, 2]),
        (((0, 50), (30, 80), (100, 150)), [0, 1, 0]),
        (((0, 50), (0, 50), (52, 90)), [0, 1, 2]),
    ],
    ids=["apart-one-row", "all-touch-three-rows", "third-fits-low", "gap-under-4pt-touches"],
)
def test_payback_rows_never_overlap(spans, rows):
    assert charts._payback_rows(spans) == rows


def test_payback_labels_in_a_band_above_the_plot():
    res = make_results(n_options=6)  # Vendor A..D pay back in months 13, 16, 22, 30
    svg = charts.cumulative_savings(res, Locale(lang="en", currency="IDR"), load_brand(None))
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>Payback: month (\d+)<', svg)
    assert len(labels) == 4
    dotted = re.findall(r'<line x1="[\d.]+" y1="([\d.]+)"[^>]*stroke-dasharray="1 2"', svg)
    assert len(dotted) == 4
    plot_top = float(dotted[0])  # the dotted payback lines run from the plot's top down
    assert all(float(y) < plot_top for _, y, _ in labels)  # every label above the plot
    assert len({(x, y) for x, y, _ in labels}) == 4


def test_hybrid_best_split_in_legend_not_on_plot(svgs):
    hybrid = svgs[("hybrid", "en")]
    assert hybrid.count("(Best: ") == len(RESULTS.hybrid)
    assert ">Best: " not in hybrid


def test_charts_are_deterministic(svgs):
    again = charts.cumulative_cost(RESULTS, Locale(lang="en", currency="IDR"), load_brand(None))
    assert again == svgs[("cumulative", "en")]


def test_second_brand_uses_its_font_and_colours():
    brand = load_brand("nusantara")
    svg = charts.annual_stacked(RESULTS, Locale(lang="en", currency="IDR"), brand)
    assert "Carlito" in svg and brand.primary.lower() in svg.lower()
