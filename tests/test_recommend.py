"""Qualitative index, checklist, composite ranking, reasons, robustness and results.json keys."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import compute
from pipeline.model.inputs import Channel, Criterion, Option
from pipeline.model.recommend import checklist, hybrid_index, qualitative_index
from pipeline.model.results import to_json
from tests.model_fixtures import example_inputs, line, tiny_inputs

CRITERIA = (
    Criterion(name="Control", weight=4, scores={"A": 5, "B": 3}),
    Criterion(name="Flexibility", weight=2, scores={"A": 2, "B": 5}),
    Criterion(name="Unweighted", weight=0, scores={"A": 1, "B": 1}),
)


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        pytest.param("A", 100 * (4 * 5 + 2 * 2) / (5 * 6), id="weighted-A"),
        pytest.param("B", 100 * (4 * 3 + 2 * 5) / (5 * 6), id="weighted-B"),
        pytest.param("C", None, id="no-scores"),
    ],
)
def test_qualitative_index(option, expected):
    assert qualitative_index(CRITERIA, option) == (
        None if expected is None else pytest.approx(expected)
    )


def test_hybrid_index_is_share_weighted():
    assert hybrid_index(80.0, 60.0, 0.3) == pytest.approx(74.0)
    assert hybrid_index(None, 60.0, 0.3) is None


def test_checklist_from_cost_types_and_transition():
    vendor = Option(name="V", type="outsourced", transition_months=2)
    lines = [
        line("V", "one_time", 1, cost_type="setup_fee", item="Setup"),
        line("V", "monthly", 1, cost_type="vendor_management", item="Oversight"),
    ]
    items = {i.cost_type: i for i in checklist(vendor, lines)}
    assert items["setup_fee"].included and items["setup_fee"].items == ("Setup",)
    assert items["parallel_run"].included  # transition months count as a parallel run
    assert not items["exit_fee"].included
    assert "benefits" not in items  # an in-house type
    no_transition = checklist(replace(vendor, transition_months=0), lines)
    assert not {i.cost_type: i for i in no_transition}["parallel_run"].included


def test_per_hire_lines_cover_attrition_replacement():
    """Regression: a team with recruiting and training per hire was told in the executive summary
    that it had no cost line for attrition replacement, though hires include the replacements
    (and validation, rightly, did not warn)."""
    team = Option(name="T", type="in-house")
    lines = [
        line("T", "per_hire", 1, cost_type="recruiting", item="Recruiting"),
        line("T", "per_hire", 1, cost_type="training", item="Initial training"),
        line("T", "monthly", 1, cost_type="training", item="Coaching"),
    ]
    items = {i.cost_type: i for i in checklist(team, lines)}
    assert items["attrition_replacement"].included
    assert items["attrition_replacement"].items == ("Recruiting", "Initial training")
    bare = {i.cost_type: i for i in checklist(team, lines[2:])}
    assert not bare["attrition_replacement"].included


def test_night_premium_is_on_the_checklist_only_for_24_7():
    """Regression: a 45-hour in-house desk was told it "has no cost line for Night/weekend
    premium" in the executive summary (validation rightly warns only for 24/7 coverage)."""
    team = Option(name="T", type="in-house")
    daytime = {i.cost_type for i in checklist(team, [], round_the_clock=False)}
    assert "night_premium" not in daytime and "benefits" in daytime
    assert "night_premium" in {i.cost_type for i in checklist(team, [])}
    nine_to_five = tiny_inputs()
    assert all(c.hours_per_week < 168 for c in nine_to_five.channels)
    for option in compute(nine_to_five).options:
        assert "night_premium" not in {i.cost_type for i in option.checklist}


def test_example_recommendation_composite_and_reasons():
    res = compute(example_inputs())
    rec = res.recommendation
    cands = {c.name: c for c in rec.candidates}
    front = [c for c in rec.candidates if c.on_front]
    low, high = min(c.pv_cost for c in front), max(c.pv_cost for c in front)
    for c in rec.candidates:
        assert c.cost_score == pytest.approx(100 * (high - c.pv_cost) / (high - low))
        assert c.composite == pytest.approx(0.6 * c.cost_score + 0.4 * c.qualitative_index)
        dominated = any(
            d.pv_cost <= c.pv_cost
            and d.qualitative_index >= c.qualitative_index
            and (d.pv_cost < c.pv_cost or d.qualitative_index > c.qualitative_index)
            for d in rec.candidates
        )
        assert c.on_front == (not dominated)
    assert rec.option == rec.candidates[0].name and rec.candidates[0].on_front
    on = [c.composite for c in rec.candidates if c.on_front]
    assert on == sorted(on, reverse=True)
    assert all(c.on_front for c in rec.candidates[: len(on)])  # the front ranks first
    codes = [r.code for r in rec.reasons]
    assert codes[0] == "savings" and "payback" in codes and "qualitative" in codes
    assert codes[-1] in ("robust", "not-robust")
    missing = next(r for r in rec.reasons if r.code == "missing-hidden-costs")
    assert "exit_fee" in missing.values["missing"]  # Vendor B has no exit line
    assert cands[rec.option].qualitative_index is not None


def test_financial_weight_one_is_cost_only_and_zero_is_quality_only():
    cost_only = compute(example_inputs(financial_weight=1.0)).recommendation
    assert cost_only.option == min(cost_only.candidates, key=lambda c: c.pv_cost).name
    quality_only = compute(example_inputs(financial_weight=0.0)).recommendation
    assert quality_only.option == "In-house"  # the highest default index
    assert any(r.code == "baseline-best" for r in quality_only.reasons)


def test_missing_scores_fall_back_to_cost_score():
    inputs = replace(example_inputs(), criteria=())
    rec = compute(inputs).recommendation
    for c in rec.candidates:
        assert c.qualitative_index is None and c.composite == c.cost_score


def test_a_close_call_is_not_robust_and_names_the_drivers():
    # Vendor B priced so that its NPV against in-house is near zero: a 10% price swing flips it.
    base = example_inputs(financial_weight=1.0)
    res = compute(base)
    factor = res.sensitivity.breakeven_price
    costs = tuple(
        replace(c, amount=c.amount * factor * 0.97)
        if c.option == "Vendor B" and not c.basis.startswith("pct")
        else c
        for c in base.costs
    )
    res = compute(replace(base, costs=costs))
    rec = res.recommendation
    assert not rec.robust
    assert "vendor_price" in rec.flipping_drivers
    assert any(r.code == "not-robust" for r in rec.reasons)
    assert compute(base).recommendation.robust


def test_results_json_follows_design_section_6():
    res = compute(example_inputs())
    data = json.loads(json.dumps(to_json(res)))
    assert data["schema"] == "cs-sourcing/results@2"
    for key in (
        "currency",
        "horizon_months",
        "baseline",
        "options",
        "comparisons",
        "hybrid",
        "sensitivity",
        "recommendation",
        "issues",
    ):
        assert key in data
    opt = data["options"][0]
    for key in (
        "name",
        "type",
        "total_cost",
        "pv_cost",
        "contacts",
        "cost_per_contact",
        "avg_fte",
        "by_category",
        "annual_cost",
        "staffing",
        "qualitative_index",
    ):
        assert key in opt
    assert len(opt["staffing"]) == 3  # year 1 only, one per channel
    assert len(opt["staffing_by_year"]) == 9
    for key in (
        "channel",
        "agents_on_duty",
        "service_level",
        "occupancy",
        "staffed_hours_month",
        "fte",
    ):
        assert key in opt["staffing"][0]
    for key in (
        "option",
        "net_savings",
        "npv",
        "investment",
        "roi",
        "payback_month",
        "discounted_payback_month",
        "irr",
    ):
        assert key in data["comparisons"][0]
    assert {"vendor", "curve", "best_share"} <= set(data["hybrid"][0])
    assert {"share", "pv_cost"} <= set(data["hybrid"][0]["curve"][0])
    assert {"driver", "npv_low", "npv_high"} <= set(data["sensitivity"][0])
    assert {"option", "composite", "robust"} <= set(data["recommendation"])
    assert data["options"][0]["staffing"][1]["agents_on_duty"] is not None
    assert data["options"][0]["staffing"][2]["agents_on_duty"] is None  # deferred: null


def test_compute_is_deterministic():
    a = json.dumps(to_json(compute(example_inputs())), sort_keys=True)
    b = json.dumps(to_json(compute(example_inputs())), sort_keys=True)
    assert a == b


@settings(max_examples=25, deadline=None)
@given(
    live_min=st.integers(0, 20),
    deferred_min=st.integers(0, 20),
    aht=st.floats(0.1, 60),
    hours_week=st.floats(1, 168),
    sl=st.floats(0, 0.99),
    occ=st.floats(0.5, 1.0),
)
def test_zero_volume_needs_only_minimum_staff(live_min, deferred_min, aht, hours_week, sl, occ):
    common = dict(
        monthly_volume=0.0,
        aht_minutes=aht,
        hours_per_week=hours_week,
        service_level=sl,
        max_occupancy=occ,
    )
    chans = (
        Channel(name="Phone", mode="live", min_agents=live_min, **common),
        Channel(name="Email", mode="deferred", min_agents=deferred_min, **common),
    )
    res = compute(tiny_inputs([line("In-house", "per_fte_month", 100)], channels=chans))
    rows = res.option("In-house").staffing
    hours = hours_week * 52 / 12
    assert [r.agents_on_duty for r in rows] == [float(live_min), None]
    assert [r.staffed_hours_month for r in rows] == pytest.approx(
        [live_min * hours, deferred_min * hours]
    )
    assert res.option("In-house").contacts == 0 and res.option("In-house").cost_per_contact is None


def test_results_json_has_the_staffing_keys_of_design_section_8():
    from tests.model_fixtures import example_inputs_v2

    inputs = example_inputs_v2()
    data = json.loads(json.dumps(to_json(compute(inputs))))
    phone = next(s for s in data["options"][0]["staffing"] if s["channel"] == "Phone")
    email = next(s for s in data["options"][0]["staffing"] if s["channel"] == "Email")
    assert phone["peak_agents"] >= phone["agents_on_duty"] > 0
    assert 0 < phone["worst_hour_service_level"] <= phone["service_level"] <= 1
    assert 0 < phone["abandonment"] < 1  # a patience on phone
    assert email["peak_agents"] is None and email["abandonment"] is None  # deferred
    by_hour = data["staffing_by_hour"]
    live = [c.name for c in inputs.channels if c.mode == "live"]
    years = inputs.project.horizon_years
    assert len(by_hour) == len(inputs.options) * len(live) * years
    for row in by_hour:
        assert set(row) >= {"option", "channel", "year", "agents", "contacts", "service_level",
                            "abandonment"}  # fmt: skip
        assert all(len(row[k]) == 168 for k in ("agents", "contacts", "service_level"))
        assert (row["abandonment"] is None) == (row["channel"] != "Phone")
    assert "staffing_by_hour" not in data["options"][0]
    assert len(data["options"][0]["monthly_fte"]) == inputs.project.horizon_months + 1


# ------------------------------------------------------------------ the decision (DESIGN §8)
from hypothesis import assume  # noqa: E402

from pipeline.model.recommend import front_ranking  # noqa: E402

_COSTS = st.lists(st.floats(1e3, 1e12, allow_nan=False), min_size=1, max_size=7)
_Q = st.floats(0, 100, allow_nan=False)


@st.composite
def _candidates(draw):
    costs = draw(_COSTS)
    quality = draw(st.one_of(st.just([None] * len(costs)),
                             st.lists(_Q, min_size=len(costs), max_size=len(costs))))  # fmt: skip
    return costs, quality, draw(st.floats(0, 1))


@settings(max_examples=300, deadline=None)
@given(_candidates(), st.floats(-1e11, 1e11), st.floats(1e-3, 1e3))
def test_ranking_ignores_a_cost_every_candidate_shares_and_the_unit(cands, shift, k):
    costs, quality, w = cands
    order, *_ = front_ranking(costs, quality, w)
    shifted, *_ = front_ranking([c + shift for c in costs], quality, w)
    scaled, *_ = front_ranking([c * k for c in costs], quality, w)
    assume(all(c + shift > 0 for c in costs))
    # the same winner and the same order, up to float rounding of exact ties
    assert shifted[0] == order[0] or costs[shifted[0]] == pytest.approx(costs[order[0]], rel=1e-9)
    assert scaled[0] == order[0] or costs[scaled[0]] == pytest.approx(costs[order[0]], rel=1e-9)


@settings(max_examples=300, deadline=None)
@given(_candidates())
def test_a_dearer_candidate_that_is_not_better_never_wins(cands):
    costs, quality, w = cands
    order, _, _, front = front_ranking(costs, quality, w)
    win = order[0]
    q = [0.0 if v is None else v for v in quality]
    for j in range(len(costs)):
        assert not (costs[j] < costs[win] and q[j] >= q[win])
    assert front[win]


@settings(max_examples=300, deadline=None)
@given(_candidates(), st.data())
def test_lowering_a_candidates_cost_never_lowers_its_rank(cands, data):
    costs, quality, w = cands
    j = data.draw(st.integers(0, len(costs) - 1))
    cut = data.draw(st.floats(0.0, 0.99))
    order, *_ = front_ranking(costs, quality, w)
    cheaper = list(costs)
    cheaper[j] = costs[j] * (1 - cut)
    after, *_ = front_ranking(cheaper, quality, w)
    assert after.index(j) <= order.index(j)


def test_front_ranking_by_hand():
    """A 100 / Q 50, B 120 / Q 80, C 130 / Q 70 (dominated by B), w = 0.6: front {A, B}; cost
    scores A 100, B 0; composites A 0.6 x 100 + 0.4 x 50 = 80, B 0.4 x 80 = 32: A wins; C, off
    the front, ranks last whatever its composite."""
    order, scores, composite, front = front_ranking([100.0, 120.0, 130.0], [50.0, 80.0, 70.0], 0.6)
    assert order == [0, 1, 2] and front == [True, True, False]
    assert scores[:2] == [100.0, 0.0] and composite[:2] == [
        pytest.approx(80.0),
        pytest.approx(32.0),
    ]


def test_an_identical_line_on_every_option_leaves_the_recommendation():
    from tests.model_fixtures import example_inputs_v2, line

    for inputs in (example_inputs(), example_inputs_v2()):
        before = compute(inputs).recommendation.option
        extra = tuple(
            line(
                o.name,
                "monthly",
                250_000_000.0,
                category="hidden",
                cost_type="other",
                in_hybrid="full",
            )  # fmt: skip
            for o in inputs.options
        )
        after = compute(replace(inputs, costs=inputs.costs + extra)).recommendation.option
        assert after == before


def test_a_winner_that_is_not_the_cheapest_states_its_premium():
    """Quality decides (cost weight 0): the winner costs more than the cheapest candidate, and
    the recommendation says how much more, over whom, for how many quality points."""
    res = compute(example_inputs(financial_weight=0.0))
    rec = res.recommendation
    cheapest = min(rec.candidates, key=lambda c: c.pv_cost)
    winner = rec.candidates[0]
    assert winner.name != cheapest.name
    assert rec.premium == pytest.approx(winner.pv_cost - cheapest.pv_cost)
    assert rec.premium_over == cheapest.name
    reason = next(r for r in rec.reasons if r.code == "premium")
    assert reason.values["quality_gain"] == pytest.approx(
        winner.qualitative_index - cheapest.qualitative_index
    )


def test_a_winner_with_a_negative_npv_is_reported_with_its_premium():
    """Issue 9: quality can justify a dearer option — a vendor that costs more than today's team
    (negative NPV) but scores best wins at a low cost weight, and both the recommendation and the
    report's summary say what that costs."""
    from pipeline.report import load_brand, render_html

    base = example_inputs(financial_weight=0.2)
    costs = tuple(replace(c, amount=c.amount * 1.6) if c.option == "Vendor A" else c
                  for c in base.costs)  # fmt: skip
    criteria = tuple(replace(c, scores={**c.scores, "Vendor A": 5}) for c in base.criteria)
    res = compute(replace(base, costs=costs, criteria=criteria))
    rec = res.recommendation
    assert rec.option == "Vendor A"
    assert next(c for c in res.comparisons if c.option == "Vendor A").npv < 0
    cheapest = min(rec.candidates, key=lambda c: c.pv_cost)
    assert rec.premium_over == cheapest.name and rec.premium > 0
    html = render_html(res, brand=load_brand(None), lang="en")
    assert "It is not the cheapest: it costs" in html and f"more than {cheapest.name}" in html
    data = json.loads(json.dumps(to_json(res)))
    assert data["recommendation"]["premium"] == pytest.approx(rec.premium)
    premium = next(r for r in data["recommendation"]["reasons"] if r["code"] == "premium")
    assert premium["values"]["cheaper"] == cheapest.name
