"""Hybrid curves and sensitivity: exact end points, economies of scale, tornado, break-evens."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import compute
from pipeline.model.costs import CATEGORIES
from pipeline.model.engine import BASE, SHARE_STEPS, Engine, Scenario
from pipeline.model.inputs import Channel, Option
from pipeline.model.scenarios import (
    CandidateRef,
    bisect_root,
    hybrid_curve,
    hybrid_name,
    npv_against_baseline,
)
from tests.model_fixtures import example_inputs, line, tiny_inputs

IH, V = "In-house", "Vendor"


def _pair(**vendor_kw):
    opts = (
        Option(
            name=IH,
            type="in-house",
            already_running=True,
            shrinkage=0.2,
            paid_hours=160,
            attrition=0.3,
        ),
        Option(
            name=V, type="outsourced", shrinkage=0.0, paid_hours=160, attrition=0.0, **vendor_kw
        ),
    )
    chans = (
        Channel(name="Phone", mode="live", monthly_volume=8000.0, aht_minutes=5.0),
        Channel(
            name="Email", mode="deferred", monthly_volume=3000.0, aht_minutes=7.0, min_agents=1
        ),
    )
    lines = [
        line(IH, "per_fte_month", 6000, escalation="wage"),
        line(IH, "pct_labour", 0.3),
        line(IH, "per_hire", 2500, category="training"),
        line(IH, "monthly", 9000, category="technology", escalation="general"),
        line(IH, "one_time", 4000, start_month=0, category="setup"),
        line(V, "per_agent_hour", 45, escalation="vendor"),
        line(V, "per_contact", 0.5, channel="Email", escalation="vendor"),
        line(V, "monthly", 7000, category="hidden", escalation="general"),
        line(V, "one_time", 30000, start_month=0, category="setup"),
        line(V, "pct_other", 0.05, category="hidden"),
    ]
    return tiny_inputs(lines, channels=chans, options=opts, horizon_years=2, volume_growth=0.1)


@pytest.mark.parametrize(
    "vendor_kw",
    [
        pytest.param({}, id="plain"),
        pytest.param(dict(transition_months=3), id="with-parallel-run"),
        pytest.param(dict(minimum_monthly_fee=90_000.0), id="with-minimum-fee"),
        pytest.param(
            dict(transition_months=30, minimum_monthly_fee=1e6), id="transition-past-horizon"
        ),
    ],
)
def test_hybrid_end_points_equal_pure_options_exactly(vendor_kw):
    inputs = _pair(**vendor_kw)
    engine = Engine(inputs)
    vendor = inputs.option(V)
    h0, h1 = engine.hybrid(vendor, 0), engine.hybrid(vendor, SHARE_STEPS)
    base, pure = engine.pure(inputs.option(IH)), engine.pure(vendor)
    assert np.array_equal(h0.by_category, base.by_category)
    assert np.array_equal(h1.by_category, pure.by_category)
    assert np.array_equal(h1.parallel_run, pure.parallel_run)
    res = compute(inputs)
    curve = res.hybrid[0].curve
    assert curve[0].pv_cost == res.option(IH).pv_cost
    assert curve[-1].pv_cost == res.option(V).pv_cost


@settings(max_examples=25, deadline=None)
@given(
    volume=st.floats(0, 50_000),
    aht=st.floats(0.5, 20),
    rate=st.floats(0, 200),
    transition=st.integers(0, 30),
    fee=st.floats(0, 1e6),
)
def test_hybrid_end_points_property(volume, aht, rate, transition, fee):
    inputs = _pair(transition_months=transition, minimum_monthly_fee=fee)
    chans = tuple(replace(c, monthly_volume=volume, aht_minutes=aht) for c in inputs.channels)
    costs = tuple(
        replace(c, amount=rate) if c.basis == "per_agent_hour" else c for c in inputs.costs
    )
    inputs = replace(inputs, channels=chans, costs=costs)
    engine = Engine(inputs)
    vendor = inputs.option(V)
    assert np.array_equal(engine.hybrid(vendor, 0).total, engine.pure(inputs.option(IH)).total)
    assert np.array_equal(engine.hybrid(vendor, SHARE_STEPS).total, engine.pure(vendor).total)


def test_hybrid_interior_keeps_fixed_lines_on_both_sides_and_vendor_setup():
    inputs = _pair()
    engine = Engine(inputs)
    h = engine.hybrid(inputs.option(V), 5)
    # month 0: baseline's one-time 4,000 + vendor's setup 30,000 (both sides are running).
    assert h.total[0] == pytest.approx(34_000.0)
    # fixed monthly lines of both sides in month 1: 9,000 + 7,000 (+5% of the vendor's)
    kept, moved = h.sides
    assert kept.share == 0.5 and moved.share == 0.5
    assert kept.flows.by_category[CATEGORIES.index("technology")][1] == pytest.approx(9000.0)
    assert h.total[1] == pytest.approx(kept.flows.total[1] + moved.flows.total[1])


def test_hybrid_each_side_staffed_on_its_own_share():
    """Erlang economies of scale: two half queues need more agents than one whole queue."""
    inputs = _pair()
    engine = Engine(inputs)
    h = engine.hybrid(inputs.option(V), 5)
    whole = engine.pure(inputs.option(IH)).sides[0].plan.rows[0].erlang.agents
    halves = [s.plan.rows[0].erlang.agents for s in h.sides]
    assert sum(halves) > whole


def test_hybrid_parallel_run_is_the_baseline_beyond_its_kept_part():
    inputs = _pair(transition_months=2)
    engine = Engine(inputs)
    base = engine.pure(inputs.option(IH))
    h = engine.hybrid(inputs.option(V), 3)
    kept = h.sides[0]
    expected = base.total[1:3] - base.sides[0].flows.one_time[1:3] - kept.flows.running[1:3]
    assert h.parallel_run[1:3] == pytest.approx(expected)
    assert h.parallel_run[3:].sum() == 0.0 and h.parallel_run[0] == 0.0


def test_hybrid_curve_best_share_and_names():
    res = compute(example_inputs())
    for h in res.hybrid:
        assert [p.share for p in h.curve] == pytest.approx([k / 10 for k in range(11)])
        best = min(h.curve, key=lambda p: p.pv_cost)
        assert h.best_pv_cost == best.pv_cost
        if 0 < h.best_share < 1:
            assert h.name == hybrid_name(h.vendor, round(h.best_share * 10))
        else:
            assert h.name in (h.vendor, res.baseline)
    assert hybrid_name("Vendor A", 7) == "Hybrid: 70% Vendor A"


def _stepped():
    """500 calls a month need 2 in-house agents (min 1 + Erlang), 1 once 20% goes out."""
    opts = (
        Option(
            name=IH, type="in-house", already_running=True, shrinkage=0, paid_hours=100, attrition=0
        ),
        Option(name=V, type="outsourced", shrinkage=0, paid_hours=100, attrition=0),
    )
    chans = (Channel(name="Phone", mode="live", monthly_volume=500.0, aht_minutes=6.0),)
    lines = [line(IH, "per_agent_hour", 10), line(V, "per_contact", 8)]
    return tiny_inputs(lines, channels=chans, options=opts)


def test_interior_hybrid_becomes_a_candidate_and_can_win():
    inputs = _stepped()
    points, k = hybrid_curve(Engine(inputs), inputs.option(V))
    assert k == 2
    res = compute(inputs)
    assert res.hybrid[0].name == "Hybrid: 20% Vendor" and res.hybrid[0].best_share == 0.2
    # the uniform family's best split is the candidate; its identity is data (family: vendor)
    assert res.recommendation.option == "uniform:Vendor"
    hybrid_cmp = next(c for c in res.comparisons if c.option == "uniform:Vendor")
    assert hybrid_cmp.kind == "hybrid"
    assert hybrid_cmp.npv == pytest.approx(points[0][1] - points[2][1])
    cand = res.recommendation.candidates[0]
    assert (cand.kind, cand.vendor) == ("hybrid", V)
    assert cand.share == pytest.approx(0.2)  # the vendor's share of the contacts


def test_best_split_at_an_end_is_the_pure_option():
    res = compute(_pair())
    assert res.hybrid[0].best_share == 1.0 and res.hybrid[0].name == V
    assert res.recommendation.option in (V, res.baseline)  # no split beats the pure options


def test_sensitivity_rows_sorted_by_swing_with_all_drivers():
    res = compute(example_inputs())
    sens = res.sensitivity
    assert sens is not None and sens.option != res.baseline
    assert {r.driver for r in sens.rows} == {
        "volume",
        "aht",
        "inhouse_labour",
        "vendor_price",
        "shrinkage",
        "attrition",
        "wage_inflation",
        "discount_rate",
    }
    swings = [abs(r.npv_high - r.npv_low) for r in sens.rows]
    assert swings == sorted(swings, reverse=True)
    by = {r.driver: r for r in sens.rows}
    # Dearer in-house labour makes the alternative look better; dearer vendors worse.
    assert by["inhouse_labour"].npv_high > sens.base_npv > by["inhouse_labour"].npv_low
    assert by["vendor_price"].npv_high < sens.base_npv < by["vendor_price"].npv_low
    assert by["discount_rate"].low == pytest.approx(0.05)


def test_breakeven_vendor_price_zeroes_the_npv():
    inputs = example_inputs()
    res = compute(inputs)
    sens = res.sensitivity
    assert sens.breakeven_price is not None and sens.breakeven_price > 1.0
    engine = Engine(inputs)
    lead = next(c for c in res.recommendation.candidates if c.name == sens.option)
    ref = CandidateRef(name=lead.name, kind="option", option=inputs.option(lead.name))
    npv = npv_against_baseline(engine, ref, Scenario(vendor_price=sens.breakeven_price))
    assert abs(npv) < 1e-4 * abs(sens.base_npv)
    assert npv_against_baseline(engine, ref, BASE) == pytest.approx(sens.base_npv)


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        pytest.param(lambda x: x - 2.0, 2.0, id="linear"),
        pytest.param(lambda x: 1.0, None, id="no-root"),
        pytest.param(lambda x: x, 0.0, id="root-at-end"),
    ],
)
def test_bisect_root(f, expected):
    got = bisect_root(f, 0.0, 5.0)
    assert got == (None if expected is None else pytest.approx(expected, abs=1e-5))


def test_single_option_has_no_sensitivity_or_hybrid():
    res = compute(tiny_inputs([line(IH, "monthly", 100)]))
    assert res.sensitivity is None and res.hybrid == () and res.comparisons == ()
    assert res.recommendation.option == IH


def test_a_break_even_on_a_staffing_step_is_called_a_step():
    """f jumps from -1 to +1 at 0.3 (a step); g passes through zero at 0.3 (a root)."""
    from pipeline.model.scenarios import bisect_crossing

    x, step = bisect_crossing(lambda m: -1.0 if m < 0.3 else 1.0, 0.0, 1.0)
    assert x == pytest.approx(0.3, abs=1e-4) and step
    x, step = bisect_crossing(lambda m: m - 0.3, 0.0, 1.0)
    assert x == pytest.approx(0.3, abs=1e-4) and not step
    assert bisect_crossing(lambda m: m + 1.0, 0.0, 1.0) is None
