"""PV, NPV, payback and IRR conventions (DESIGN §3), checked by hand and against numpy-financial.

Where numpy-financial and the model coincide: `npf.npv(r_m, series)` discounts the first value at
t = 0 like our month 0, so it equals our NPV with the monthly rate r_m = (1 + d)^(1/12) - 1.
`npf.irr` returns a monthly rate and picks the root closest to zero, as we do; we then annualise
it as (1 + r)^12 - 1, which numpy-financial does not.
"""

from __future__ import annotations

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import compute
from pipeline.model.finance import (
    annualise,
    discount_factors,
    discounted_payback_month,
    irr_annual,
    irr_monthly,
    payback_month,
    present_value,
    roi,
)
from tests.model_fixtures import example_inputs


def test_end_of_month_discounting_month_zero_undiscounted():
    df = discount_factors(24, 0.10)
    assert df[0] == 1.0
    assert df[12] == pytest.approx(1 / 1.1)
    assert df[24] == pytest.approx(1 / 1.21)
    assert present_value(np.array([100.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110.0]), 0.10) == (
        pytest.approx(200.0)
    )


@pytest.mark.parametrize(
    "series",
    [
        pytest.param([-1000.0] + [100.0] * 12, id="invest-then-save"),
        pytest.param([-500.0, -300.0] + [90.0] * 24, id="two-month-transition"),
        pytest.param([0.0] + [50.0, -20.0] * 18, id="alternating"),
    ],
)
@pytest.mark.parametrize("annual", [0.0, 0.1, 0.35], ids=["0pct", "10pct", "35pct"])
def test_npv_matches_numpy_financial(series, annual):
    monthly_rate = (1 + annual) ** (1 / 12) - 1
    assert present_value(np.array(series), annual) == pytest.approx(
        npf.npv(monthly_rate, series), rel=1e-12
    )


@pytest.mark.parametrize(
    "series",
    [
        pytest.param([-1000.0] + [100.0] * 12, id="invest-then-save"),
        pytest.param([-500.0, -300.0] + [90.0] * 24, id="two-month-transition"),
        pytest.param([-100.0] + [1.0] * 36, id="negative-irr"),
        pytest.param([-1000.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1100.0], id="10pct-a-year"),
    ],
)
def test_irr_matches_numpy_financial_and_is_annualised(
    series,
):
    ours = irr_monthly(np.array(series))
    assert ours == pytest.approx(npf.irr(series), rel=1e-8, abs=1e-12)
    assert irr_annual(np.array(series)) == pytest.approx((1 + npf.irr(series)) ** 12 - 1)


def test_irr_of_one_year_doubling_is_ten_percent_a_year():
    series = np.zeros(13)
    series[0], series[12] = -1000.0, 1100.0
    assert irr_annual(series) == pytest.approx(0.10, rel=1e-9)


@pytest.mark.parametrize(
    "series",
    [
        pytest.param([100.0] * 12, id="all-savings"),
        pytest.param([-100.0] * 12, id="all-losses"),
        pytest.param([0.0] * 12, id="all-zero"),
        pytest.param([0.0, 0.0, 5e-13, -5e-13], id="float-noise-only"),
    ],
)
def test_irr_none_without_sign_change(series):
    assert irr_monthly(np.array(series)) is None
    assert annualise(None) is None


def test_irr_with_two_roots_picks_the_one_closest_to_zero():
    # -100, +230, -132: roots at 10% and 20% a month; numpy-financial picks 10% as well.
    series = np.array([-100.0, 230.0, -132.0])
    assert irr_monthly(series) == pytest.approx(0.10, rel=1e-9)
    assert npf.irr(series) == pytest.approx(0.10, rel=1e-9)


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        pytest.param([0.0, 10, 10, 10], 0, id="never-negative"),
        pytest.param([-30.0, 10, 10, 10, 10], 3, id="breaks-even-exactly-month-3"),
        pytest.param([-30.0, 10, 10, 11], 3, id="positive-in-month-3"),
        pytest.param([-30.0, 10, 10, 5], None, id="not-within-horizon"),
        pytest.param([-10.0, 20, -20, 30], 3, id="dips-again-counts-last-crossing"),
        pytest.param([0.0, -1, 1], 2, id="negative-in-month-1"),
        pytest.param([0.0, 0, 0], 0, id="all-zero"),
    ],
)
def test_payback_month(series, expected):
    assert payback_month(np.array(series)) == expected


def test_discounted_payback_is_not_earlier():
    series = np.array([-1000.0] + [100.0] * 36)
    assert payback_month(series) == 10
    assert discounted_payback_month(series, 0.10) == 11
    assert discounted_payback_month(series, 0.0) == 10


@pytest.mark.parametrize(
    ("net", "investment", "expected"),
    [
        pytest.param(500.0, 1000.0, 0.5, id="half"),
        pytest.param(500.0, 0.0, None, id="no-investment"),
        pytest.param(-200.0, 100.0, -2.0, id="loss"),
    ],
)
def test_roi(net, investment, expected):
    assert roi(net, investment) == expected


@settings(max_examples=30, deadline=None)
@given(
    series=st.lists(st.floats(-1e9, 1e9), min_size=2, max_size=60),
)
def test_npv_at_zero_rate_is_the_sum(series):
    assert present_value(np.array(series), 0.0) == pytest.approx(sum(series), rel=1e-9, abs=1e-3)


def test_model_comparisons_follow_the_conventions():
    res = compute(example_inputs(discount_rate=0.0))
    for cmp in res.comparisons:
        assert cmp.npv == pytest.approx(cmp.net_savings, rel=1e-12)
    res = compute(example_inputs())
    base = np.array(res.option(res.baseline).monthly_cost)
    for cmp in (c for c in res.comparisons if c.kind == "option"):
        delta = base - np.array(res.option(cmp.option).monthly_cost)
        assert cmp.net_savings == pytest.approx(delta.sum())
        assert cmp.npv == pytest.approx(npf.npv(1.1 ** (1 / 12) - 1, delta), rel=1e-9)
        assert cmp.cumulative_savings[-1] == pytest.approx(cmp.net_savings)
        assert cmp.payback_month == payback_month(delta)
        if cmp.irr is not None:
            assert cmp.irr == pytest.approx((1 + npf.irr(delta)) ** 12 - 1, rel=1e-6)


@pytest.mark.parametrize(
    ("series", "investment", "month"),
    [
        pytest.param([-100.0, 30.0, 30.0, 30.0, 30.0], 100.0, 0, id="outlay-then-returns"),
        pytest.param([0.0, -50.0, -30.0, 60.0, 60.0], 80.0, 2, id="exposure-builds-over-months"),
        pytest.param([-10.0, 20.0, -40.0, 50.0], 30.0, 2, id="second-dip-deeper"),
        pytest.param([5.0, 5.0, 5.0], 0.0, None, id="never-at-risk"),
        pytest.param([-20.0, -20.0, -20.0], 60.0, 2, id="never-pays-back"),
    ],
)
def test_investment_is_the_peak_cash_exposure(series, investment, month):
    """DESIGN §8, by hand: cumulative savings -100, -70, ... -> 100 at risk in month 0; 0, -50,
    -80, -20, 40 -> 80 in month 2; -10, 10, -30, 20 -> 30 in month 2."""
    from pipeline.model.finance import peak_exposure

    assert peak_exposure(np.array(series)) == (pytest.approx(investment), month)


@pytest.mark.parametrize(
    ("series", "note"),
    [
        pytest.param([-100.0, 60.0, 60.0], None, id="one-change"),
        pytest.param([-100.0, 0.0, 60.0, 0.0, 60.0], None, id="zeros-skipped"),
        pytest.param([10.0, 10.0], "no-sign-change", id="never-an-outlay"),
        pytest.param([-10.0, -10.0], "no-sign-change", id="never-a-return"),
        pytest.param([-100.0, 230.0, -132.0], "several-sign-changes", id="two-changes"),
    ],
)
def test_irr_only_with_one_sign_change(series, note):
    from pipeline.model.finance import irr_with_note

    irr, why = irr_with_note(np.array(series))
    assert why == note
    assert (irr is None) == (note is not None)
    if note is None:
        assert irr == pytest.approx(irr_annual(np.array(series)))
