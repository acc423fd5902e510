"""The SVG kit under the charts: round ticks, workbook text escaped, labels kept inside the
drawing, markers and hatches that need no colour, and charts that stay small."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from pipeline.report import charts, load_brand
from pipeline.report.locales import Locale
from pipeline.report.svg import MARKERS, Canvas, nice_ticks, text_width
from tests.report_fixtures import make_results


@pytest.mark.parametrize(
    ("lo", "hi", "target", "expected"),
    [
        (0, 38.9e9, 5, [0, 10e9, 20e9, 30e9, 40e9]),
        (0, 14.6e9, 6, [0, 2.5e9, 5e9, 7.5e9, 10e9, 12.5e9, 15e9]),
        (-4.1e9, 5.6e9, 5, [-6e9, -4e9, -2e9, 0, 2e9, 4e9, 6e9]),
        (0, 36, 5, [0, 10, 20, 30, 40]),
        (0, 0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ],
    ids=["cost-billions", "steps-of-2.5", "negative-and-positive", "months", "empty-range"],
)
def test_nice_ticks_cover_the_range_in_round_steps(lo, hi, target, expected):
    assert nice_ticks(lo, hi, target) == pytest.approx(expected)


def _canvas() -> Canvas:
    return Canvas(prefix="t", width=200, height=100, font="Lato", text_colour="#222222")


def test_workbook_text_is_escaped_not_markup():
    c = _canvas()
    c.text(10, 10, '<tspan onload="x">A & B</tspan>')
    svg = c.svg('label "quoted" <b>')
    ElementTree.fromstring(svg)  # well-formed XML
    assert "<tspan" not in svg and "&lt;tspan" in svg and "A &amp; B" in svg
    assert 'aria-label="label &quot;quoted&quot; &lt;b&gt;"' in svg


@pytest.mark.parametrize("anchor", ["start", "middle", "end"], ids=["start", "middle", "end"])
def test_labels_are_pulled_inside_the_drawing(anchor):
    c = _canvas()
    label = "Best: 100%"
    c.text(199, 50, label, anchor=anchor)
    c.text(0, 60, label, anchor=anchor)
    width = text_width(label)
    for x in map(float, re.findall(r'<text x="([\d.]+)"', c.svg("t"))):
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        assert left >= 0 and left + width <= 200


def test_every_marker_is_drawn_and_hatches_are_patterns():
    c = _canvas()
    for i, kind in enumerate(MARKERS):
        c.marker(kind, 10 + 20 * i, 50, "#1F3A5F")
    fill = c.hatch("h1", "///")
    svg = c.svg("t")
    assert svg.count("<polygon") + svg.count("<circle") == len(MARKERS)
    assert fill == "url(#t-h1)" and '<pattern id="t-h1"' in svg


@pytest.mark.parametrize("n_options", [2, 3, 6], ids=["two-options", "three", "six"])
def test_charts_are_well_formed_and_small(n_options):
    results = make_results(n_options=n_options, years=10)
    loc, brand = Locale(lang="en", currency="IDR"), load_brand(None)
    drivers = [row.driver for row in results.sensitivity.rows]
    for svg in (
        charts.cumulative_cost(results, loc, brand),
        charts.annual_stacked(results, loc, brand),
        charts.cumulative_savings(results, loc, brand),
        charts.hybrid_curve(results, loc, brand),
        charts.tornado(results, loc, brand, drivers),
    ):
        ElementTree.fromstring(svg)  # well-formed: no duplicate attributes, text escaped
        assert len(svg) < 60_000 and svg.count("<") < 700
