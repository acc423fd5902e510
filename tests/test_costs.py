"""Cash flows: hand-worked figures for every basis, escalation, growth, minimum fee, parallel run.

The tiny book (tests/model_fixtures.py) has round drivers every month: 1,000 contacts, 6,000
handled minutes, 100 staffed hours, 1 FTE, no hires; horizon 1 year unless stated.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import compute
from pipeline.model.costs import CATEGORIES
from pipeline.model.engine import Engine
from pipeline.model.inputs import Channel, Option
from tests.model_fixtures import big_inputs, example_inputs, line, tiny_inputs

IH = "In-house"


def months(inputs, option: str = IH) -> list[float]:
    engine = Engine(inputs)
    return engine.pure(inputs.option(option)).total.tolist()


def flat(value: float, n: int = 12, month0: float = 0.0) -> list[float]:
    return [month0] + [value] * n


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [line(IH, "one_time", 1000, start_month=0)],
            [1000.0] + [0.0] * 12,
            id="one-time-month-0",
        ),
        pytest.param(
            [line(IH, "one_time", 1000, start_month=5)],
            [0.0] * 5 + [1000.0] + [0.0] * 7,
            id="one-time-month-5",
        ),
        pytest.param([line(IH, "monthly", 100)], flat(100), id="monthly"),
        pytest.param(
            [line(IH, "monthly", 100, start_month=0)], flat(100), id="monthly-not-in-month-0"
        ),
        pytest.param([line(IH, "annual", 1200)], flat(100), id="annual-over-12"),
        pytest.param([line(IH, "per_fte_month", 5000)], flat(5000), id="per-fte"),
        pytest.param([line(IH, "per_contact", 2)], flat(2000), id="per-contact"),
        pytest.param([line(IH, "per_minute", 0.5)], flat(3000), id="per-minute"),
        pytest.param([line(IH, "per_agent_hour", 10)], flat(1000), id="per-agent-hour"),
        pytest.param([line(IH, "per_hire", 100)], flat(0), id="per-hire-no-hires"),
        pytest.param([line(IH, "monthly", 100, quantity=3)], flat(300), id="quantity"),
        pytest.param(
            [line(IH, "monthly", 100, start_month=3, end_month=5)],
            [0.0, 0, 0, 100, 100, 100, 0, 0, 0, 0, 0, 0, 0],
            id="start-end",
        ),
        pytest.param([line(IH, "monthly", 100, start_month=13)], flat(0), id="after-horizon"),
        pytest.param(
            [
                line(IH, "monthly", 1000),
                line(IH, "monthly", 500, category="technology"),
                line(IH, "pct_labour", 0.10, category="labour"),
            ],
            flat(1000 + 500 + 100),
            id="pct-of-labour",
        ),
        pytest.param(
            [
                line(IH, "monthly", 1000),
                line(IH, "monthly", 500, category="technology"),
                line(IH, "pct_other", 0.10, category="hidden"),
            ],
            flat(1000 + 500 + 150),
            id="pct-of-other",
        ),
        pytest.param(
            [
                line(IH, "monthly", 1000),
                line(IH, "pct_labour", 0.10),
                line(IH, "pct_other", 0.10, category="hidden"),
            ],
            flat(1000 + 100 + 100),
            id="pct-lines-ignore-each-other",
        ),
        pytest.param(
            [
                line(IH, "monthly", 1000),
                line(IH, "one_time", 400, start_month=0),
                line(IH, "pct_other", 0.10, category="hidden"),
            ],
            [400.0] + [1100.0] * 12,
            id="pct-not-in-month-0",
        ),
    ],
)
def test_every_basis_hand_worked(lines, expected):
    assert months(tiny_inputs(lines)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("already_running", "attrition", "expected"),
    [
        pytest.param(True, 0.12, flat(100 * 0.01), id="attrition-1pct-a-month"),
        pytest.param(False, 0.0, [0.0, 100.0] + [0.0] * 11, id="initial-team-in-month-1"),
    ],
)
def test_per_hire(already_running, attrition, expected):
    opt = Option(
        name=IH,
        type="in-house",
        already_running=already_running,
        shrinkage=0.0,
        paid_hours=100.0,
        attrition=attrition,
    )
    inputs = tiny_inputs([line(IH, "per_hire", 100)], options=(opt,))
    assert months(inputs) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("escalation", "year2"),
    [
        pytest.param("wage", 105.0, id="wage-5pct"),
        pytest.param("vendor", 103.0, id="vendor-3pct"),
        pytest.param("general", 102.0, id="general-2pct"),
        pytest.param("none", 100.0, id="none"),
    ],
)
def test_escalation_steps_once_a_year(escalation, year2):
    inputs = tiny_inputs(
        [
            line(IH, "monthly", 100, escalation=escalation, end_month=24),
            line(IH, "one_time", 1000, start_month=0, escalation=escalation),
            line(IH, "one_time", 1000, start_month=13, escalation=escalation),
        ],
        horizon_years=2,
        wage_inflation=0.05,
        vendor_escalation=0.03,
        general_inflation=0.02,
    )
    got = months(inputs)
    assert got[0] == pytest.approx(1000.0)  # month 0 is year 1: no escalation
    assert got[1:13] == pytest.approx([100.0] * 12)
    assert got[13] == pytest.approx(year2 + 10 * year2)
    assert got[14:] == pytest.approx([year2] * 11)


def test_volume_growth_steps_yearly():
    inputs = tiny_inputs(
        [line(IH, "per_contact", 2, end_month=24)], horizon_years=2, volume_growth=0.10
    )
    got = months(inputs)
    assert got[1:13] == pytest.approx([2000.0] * 12)
    assert got[13:] == pytest.approx([2200.0] * 12)


def test_channel_limited_lines():
    chans = (
        Channel(
            name="Email",
            mode="deferred",
            monthly_volume=1000.0,
            aht_minutes=6.0,
            max_occupancy=1.0,
            min_agents=0,
        ),
        Channel(
            name="WhatsApp",
            mode="deferred",
            monthly_volume=3000.0,
            aht_minutes=2.0,
            max_occupancy=1.0,
            min_agents=0,
        ),
    )
    lines = [
        line(IH, "per_contact", 1, channel="Email"),
        line(IH, "per_contact", 10, channel="WhatsApp"),
        line(IH, "per_minute", 100, channel="WhatsApp"),
        line(IH, "per_agent_hour", 1000, channel="Email"),
        line(IH, "per_fte_month", 1),
    ]
    # 1,000 + 30,000 + 100 x 6,000 + 1,000 x 100 h + (1 + 1) FTE
    assert months(tiny_inputs(lines, channels=chans))[1] == pytest.approx(
        1_000 + 30_000 + 600_000 + 100_000 + 2
    )


def _vendor(**kw) -> Option:
    base = dict(name="Vendor", type="outsourced", shrinkage=0.0, paid_hours=100.0, attrition=0.0)
    base.update(kw)
    return Option(**base)


@pytest.mark.parametrize(
    ("fee", "year1", "year2"),
    [
        pytest.param(2500.0, 2500.0, 2575.0, id="fee-binds-escalated-as-vendor"),
        pytest.param(1500.0, 2000.0, 2000.0, id="usage-above-fee"),
        pytest.param(0.0, 2000.0, 2000.0, id="no-fee"),
    ],
)
def test_minimum_monthly_fee_on_usage_lines(fee, year1, year2):
    opts = (
        Option(
            name=IH, type="in-house", already_running=True, shrinkage=0, paid_hours=100, attrition=0
        ),
        _vendor(minimum_monthly_fee=fee),
    )
    lines = [
        line("Vendor", "per_contact", 2, end_month=24),
        line("Vendor", "monthly", 300, category="hidden", end_month=24),  # not a usage line
    ]
    got = months(
        tiny_inputs(lines, options=opts, horizon_years=2, vendor_escalation=0.03), "Vendor"
    )
    assert got[1] == pytest.approx(year1 + 300)
    assert got[13] == pytest.approx(year2 + 300)


def test_minimum_fee_topup_goes_to_the_usage_category():
    opts = (
        Option(name=IH, type="in-house", already_running=True, shrinkage=0, paid_hours=100),
        _vendor(minimum_monthly_fee=5000.0),
    )
    inputs = tiny_inputs([line("Vendor", "per_contact", 2, category="technology")], options=opts)
    res = compute(inputs)
    vendor = res.option("Vendor")
    assert vendor.by_category["technology"] == pytest.approx(12 * 5000.0)
    assert vendor.min_fee_topup == pytest.approx(12 * 3000.0)


def test_parallel_run_carries_baseline_running_costs_under_setup():
    opts = (
        Option(
            name=IH, type="in-house", already_running=True, shrinkage=0, paid_hours=100, attrition=0
        ),
        _vendor(transition_months=2),
    )
    lines = [
        line(IH, "monthly", 1000),
        line(IH, "one_time", 500, start_month=0),  # not a running cost: not carried
        line(IH, "one_time", 700, start_month=1),  # not carried either
        line("Vendor", "monthly", 300),
    ]
    inputs = tiny_inputs(lines, options=opts)
    assert months(inputs, "Vendor") == pytest.approx([0.0, 1300.0, 1300.0] + [300.0] * 10)
    res = compute(inputs)
    vendor = res.option("Vendor")
    assert vendor.parallel_run_cost == pytest.approx(2000.0)
    assert vendor.by_category["setup"] == pytest.approx(2000.0)
    assert vendor.investment == pytest.approx(2000.0)
    assert res.option(IH).parallel_run_cost == 0.0


def test_option_totals_and_categories_add_up():
    res = compute(example_inputs())
    for o in res.options:
        assert sum(o.by_category.values()) == pytest.approx(o.total_cost)
        assert sum(o.annual_cost) == pytest.approx(o.total_cost)
        assert sum(o.monthly_cost) == pytest.approx(o.total_cost)
        for i, year in enumerate(o.annual_cost):
            assert sum(v[i] for v in o.annual_by_category.values()) == pytest.approx(year)
        assert set(o.by_category) == set(CATEGORIES)
        assert o.cost_per_contact == pytest.approx(o.total_cost / o.contacts)
    assert res.option(IH).contacts == pytest.approx(36 * (12000 + 6000 + 4000))


def test_big_book_equals_its_repeated_lines():
    """20,000 lines = the example's lines repeated with amounts divided: same money per line."""
    small, big = compute(example_inputs()), compute(big_inputs(len(example_inputs().costs) * 50))
    for a, b in zip(small.options, big.options, strict=True):
        assert b.total_cost == pytest.approx(a.total_cost, rel=1e-9)


AMOUNT_LINES = [
    ("one_time", dict(start_month=0)),
    ("monthly", {}),
    ("annual", {}),
    ("per_fte_month", {}),
    ("per_contact", {}),
    ("per_minute", {}),
    ("per_agent_hour", {}),
    ("pct_labour", dict(category="hidden")),
    ("pct_other", dict(category="hidden")),
]


def _book(amounts, fee, k=1.0):
    opts = (
        Option(
            name=IH,
            type="in-house",
            already_running=True,
            shrinkage=0.1,
            paid_hours=150,
            attrition=0.3,
            minimum_monthly_fee=fee * k,
        ),
    )
    lines = [
        # % amounts are rates, not money: scaling money leaves them alone.
        line(IH, basis, amt / 100.0 if basis.startswith("pct") else amt * k, **kw)
        for (basis, kw), amt in zip(AMOUNT_LINES, amounts, strict=True)
    ]
    return tiny_inputs(lines, options=opts, horizon_years=2, wage_inflation=0.05, volume_growth=0.1)


amounts_st = st.lists(st.floats(0, 1e6), min_size=len(AMOUNT_LINES), max_size=len(AMOUNT_LINES))


@settings(max_examples=40, deadline=None)
@given(
    amounts=amounts_st,
    fee=st.floats(0, 1e7),
    which=st.integers(0, len(AMOUNT_LINES) - 1),
    bump=st.floats(0.01, 1e5),
)
def test_raising_any_amount_never_lowers_a_total(amounts, fee, which, bump):
    before = np.array(months(_book(amounts, fee)))
    raised = list(amounts)
    raised[which] += bump
    after = np.array(months(_book(raised, fee)))
    assert (after >= before - 1e-9 * np.maximum(1.0, before)).all()
    assert after.sum() >= before.sum() * (1 - 1e-12)


@settings(max_examples=40, deadline=None)
@given(amounts=amounts_st, fee=st.floats(0, 1e7), k=st.floats(0.01, 100.0))
def test_scaling_every_amount_scales_every_total(amounts, fee, k):
    base = np.array(months(_book(amounts, fee)))
    scaled = np.array(months(_book(amounts, fee, k)))
    assert scaled == pytest.approx(base * k, rel=1e-9, abs=1e-6)
