"""The staffing chapter of a version 2 report: the week grids, the sentences, the monthly FTE chart,
in both languages; and that a v1 workbook's chapter stays as it was (no grids, no FTE chart)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from pipeline.model import compute
from pipeline.report import load_brand, render_html
from pipeline.report.locales import Locale
from pipeline.report.staffing_view import build
from tests import model_fixtures


@pytest.fixture(scope="module")
def results_v2():
    return compute(model_fixtures.example_inputs_v2())


@pytest.fixture(scope="module")
def results_v1():
    return compute(model_fixtures.example_inputs())


def _chapter(html: str) -> str:
    start = html.index('id="staffing"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("agents needed across the week", "FTE month by month", "Hang up", "(flexes monthly)")),
        ("id", ("agen yang dibutuhkan sepanjang minggu", "FTE bulan demi bulan", "Menutup telepon",
                "(menyesuaikan tiap bulan)")),
    ],
)  # fmt: skip
def test_v2_chapter_shows_the_week_and_the_months(results_v2, lang, words):
    html = render_html(results_v2, brand=load_brand(None), lang=lang)
    chapter = _chapter(html)
    for w in words:
        assert w in chapter
    assert chapter.count('id="week-c') == 2  # Phone and Chat (live, with a profile); not Email
    assert 'id="fte-chart"' in chapter
    for svg in re.findall(r"<svg.*?</svg>", chapter, flags=re.S):
        ET.fromstring(svg)  # well-formed


def test_sentences_name_the_peak_hour_and_the_hang_ups(results_v2):
    view = build(results_v2, Locale(lang="en", currency="IDR"), load_brand(None))
    phone = next(w for w in view.weeks if w.channel == "Phone")
    assert len(phone.sentences) == len(results_v2.options)
    first = phone.sentences[0]
    week = next(
        w for w in results_v2.options[0].staffing_by_hour if w.channel == "Phone" and w.year == 1
    )
    assert f"up to {int(max(week.agents))} agents" in first
    assert "hang up before an answer" in first
    chat = next(w for w in view.weeks if w.channel == "Chat")
    assert "hang up" not in chat.sentences[0]  # no patience on chat: Erlang C
    assert view.has_abandonment and view.planning_month  # seasons: the busiest month is named


def test_week_grid_writes_every_open_hours_agents_once_per_run_of_days(results_v2):
    loc = Locale(lang="en", currency="IDR")
    from pipeline.report.staffing_charts import day_groups, week_grid

    week = next(w for w in results_v2.options[0].staffing_by_hour if w.channel == "Phone")
    groups = day_groups(week)
    assert groups == [(0, 4), (5, 6)]  # e-commerce: weekdays alike, weekend busier
    svg = week_grid([("In-house", week)], loc, load_brand(None), key="t")
    numbers = [int(t) for t in re.findall(r'font-size="6.3"[^>]*>(\d+)</text>', svg)]
    expected = [int(week.agents[24 * first + h]) for first, _ in groups for h in range(24)]
    assert numbers == expected
    assert ">Mon–Fri<" in svg and ">Sat–Sun<" in svg
    for first, last in groups:  # every day of a run is staffed exactly like its first
        for d in range(first, last + 1):
            assert week.agents[24 * d : 24 * d + 24] == week.agents[24 * first : 24 * first + 24]


def test_day_groups_split_where_days_differ():
    from pipeline.model.results import StaffingByHour
    from pipeline.report.staffing_charts import day_groups

    agents = tuple(float(d % 3 == 0) for d in range(7) for _ in range(24))
    week = StaffingByHour(option="o", channel="c", year=1, month=1, agents=agents,
                          contacts=(0.0,) * 168, service_level=(1.0,) * 168, abandonment=None)  # fmt: skip
    assert day_groups(week) == [(0, 0), (1, 2), (3, 3), (4, 5), (6, 6)]


def test_v1_chapter_has_no_grids_and_no_monthly_chart(results_v1):
    html = render_html(results_v1, brand=load_brand(None), lang="en")
    chapter = _chapter(html)
    assert 'id="week-' not in chapter and 'id="fte-chart"' not in chapter
    assert "busiest month" not in chapter
    assert "Hang up" not in chapter  # no patience anywhere: no abandonment column


def _appendix(html: str) -> str:
    start = html.index('id="assumptions"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("When contacts arrive", "Weekly profiles", "Seasonal patterns", "January 2027",
                "Flexes monthly", "E-commerce 24/7", "Office hours")),
        ("id", ("Kapan kontak datang", "Profil mingguan", "Pola musiman", "Januari 2027")),
    ],
)  # fmt: skip
def test_v2_appendix_lists_how_demand_arrives(lang, words):
    results = compute(model_fixtures.demand_v2(model_fixtures.example_inputs(), lang))
    appendix = _appendix(render_html(results, brand=load_brand(None), lang=lang))
    for w in words:
        assert w in appendix


def test_v1_appendix_has_no_go_live_and_no_demand_tables(results_v1):
    appendix = _appendix(render_html(results_v1, brand=load_brand(None), lang="en"))
    for w in ("Go-live", "When contacts arrive", "Weekly profiles", "Flexes monthly"):
        assert w not in appendix


def test_appendix_names_the_business_hours_profile():
    results = compute(model_fixtures.example_inputs_v2())
    appendix = _appendix(render_html(results, brand=load_brand(None), lang="en"))
    assert "Office hours" in appendix and "Profile(" not in appendix
