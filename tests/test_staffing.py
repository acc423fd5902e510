"""Staffing: Erlang B/C against published examples, the agent search, deferred workload, FTE, hires."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model.inputs import Channel, Option
from pipeline.model.staffing import (
    coverage_hours,
    erlang_b,
    erlang_c,
    hires,
    monthly,
    service_level,
    solve_agents,
    staff_channel_year,
    staff_option,
)
from tests.model_fixtures import tiny_inputs


def _erlang_b_by_factorials(n: int, a: float) -> float:
    """Textbook definition, fine for small n: (A^N / N!) / sum_k (A^k / k!)."""
    return (a**n / math.factorial(n)) / sum(a**k / math.factorial(k) for k in range(n + 1))


# Published reference: 100 calls in 30 minutes, AHT 180 s -> A = 10 Erlangs, 80% in 20 s,
# max occupancy 85%. Sources: the pyworkforce README (PyPI, pyworkforce 0.1.0: raw_positions 14,
# service_level 0.8883500191794669, occupancy 0.7142857142857143, waiting_probability
# 0.1741319335950498) and the ErlangC R package README (CRAN, ErlangC 0.1.0: wait_probability
# 0.1741319, service_level 0.88835, ASA 7.83593701177724 s with 14 agents; 0.6821182 with 11
# agents). The same example is Call Centre Helper's "Erlang C formula" walk-through.
@pytest.mark.parametrize(
    ("agents", "p_wait", "sl", "asa"),
    [
        pytest.param(14, 0.1741319335950498, 0.8883500191794669, 7.83593701177724, id="14-agents"),
        pytest.param(11, 0.6821182, None, None, id="11-agents"),
    ],
)
def test_erlang_c_matches_published_example(agents, p_wait, sl, asa):
    assert erlang_c(agents, 10.0) == pytest.approx(p_wait, rel=1e-6)
    if sl is not None:
        assert service_level(agents, 10.0, 180.0, 20.0) == pytest.approx(sl, rel=1e-9)
        assert erlang_c(agents, 10.0) * 180.0 / (agents - 10.0) == pytest.approx(asa, rel=1e-9)


def test_solve_agents_matches_published_example():
    r = solve_agents(
        10.0, aht_seconds=180.0, answer_seconds=20.0, target=0.8, max_occupancy=0.85, min_agents=1
    )
    assert (r.agents, round(r.service_level, 5), round(r.occupancy, 7)) == (14, 0.88835, 0.7142857)
    assert r.p_wait == pytest.approx(0.1741319335950498, rel=1e-9)
    assert r.asa_seconds == pytest.approx(7.83593701177724, rel=1e-9)
    # With shrinkage 30% the published example rounds 14 / 0.7 up to 20 positions.
    assert math.ceil(r.agents / (1 - 0.3)) == 20


# Published reference: Mitan Ltd, "The Erlang-C Formula" (http://www.mitan.co.uk/erlang/elgcmath.htm,
# archived at web.archive.org/web/20181209042241/http://www.mitan.co.uk/erlang/elgcmath.htm), the
# widely reproduced step-by-step walk-through: 360 calls per half hour, average call duration
# 4 minutes, 55 agents, target answer time 15 seconds. Published results: traffic intensity 48,
# agent occupancy 0.873, probability of waiting E_C = 0.239, average speed of answer 8.2 seconds,
# service level 0.846 (84.6% answered within 15 s). Asserted to the published precision.
MITAN = {"traffic": 48.0, "occupancy": 0.873, "p_wait": 0.239, "asa": 8.2, "sl": 0.846}


def test_erlang_c_matches_mitan_walk_through():
    traffic = 360 / (30 * 60) * 240  # calls per second x seconds per call
    assert traffic == MITAN["traffic"]
    p_wait = erlang_c(55, traffic)
    assert round(traffic / 55, 3) == MITAN["occupancy"]
    assert round(p_wait, 3) == MITAN["p_wait"]
    assert round(p_wait * 240 / (55 - traffic), 1) == MITAN["asa"]
    assert round(service_level(55, traffic, 240.0, 15.0), 3) == MITAN["sl"]


def test_model_staffing_reproduces_mitan_walk_through():
    """The same example through the model's units: monthly volume over the coverage hours,
    AHT in minutes; 55 agents on duty (the minimum), so the published figures must come back."""
    channel = Channel(
        name="Phone",
        mode="live",
        monthly_volume=0.0,
        aht_minutes=4.0,
        hours_per_week=45,
        service_level=0.80,
        answer_seconds=15,
        max_occupancy=0.95,
        min_agents=55,
    )
    volume = 720.0 * coverage_hours(channel)  # 360 per half hour = 720 per hour
    row = staff_channel_year(
        channel,
        Option(name="In-house", type="in-house"),
        contacts_month=volume,
        aht_minutes=4.0,
        shrinkage=0.0,
        year=1,
    )
    r = row.erlang
    assert r.agents == 55 and r.traffic == pytest.approx(MITAN["traffic"])
    assert round(r.occupancy, 3) == MITAN["occupancy"]
    assert round(r.p_wait, 3) == MITAN["p_wait"]
    assert round(r.asa_seconds, 1) == MITAN["asa"]
    assert round(r.service_level, 3) == MITAN["sl"]


@pytest.mark.parametrize(
    ("n", "a"),
    [
        pytest.param(1, 0.5, id="one-server"),
        pytest.param(15, 10.0, id="15-lines-10-erlangs"),
        pytest.param(30, 25.3, id="30-lines"),
        pytest.param(60, 48.0, id="60-lines"),
    ],
)
def test_erlang_b_recursion_equals_factorial_definition(n, a):
    assert erlang_b(n, a) == pytest.approx(_erlang_b_by_factorials(n, a), rel=1e-12)


def test_erlang_b_table_value():
    # Erlang B tables: 10 Erlangs offered to 15 lines block about 3.65% of calls.
    assert erlang_b(15, 10.0) == pytest.approx(0.0365, abs=5e-5)


@pytest.mark.parametrize(
    ("kwargs", "agents"),
    [
        pytest.param(dict(target=0.8, max_occupancy=0.5, min_agents=1), 20, id="occupancy-binds"),
        pytest.param(dict(target=0.8, max_occupancy=1.0, min_agents=1), 14, id="sl-binds"),
        pytest.param(dict(target=0.8, max_occupancy=1.0, min_agents=25), 25, id="floor-binds"),
        pytest.param(dict(target=0.0, max_occupancy=1.0, min_agents=0), 11, id="stability-only"),
    ],
)
def test_solve_agents_each_constraint_binds(kwargs, agents):
    r = solve_agents(10.0, aht_seconds=180.0, answer_seconds=20.0, **kwargs)
    assert r.agents == agents


def test_zero_traffic_needs_only_min_agents():
    r = solve_agents(
        0.0, aht_seconds=180.0, answer_seconds=20.0, target=0.8, max_occupancy=0.85, min_agents=2
    )
    assert (r.agents, r.service_level, r.occupancy, r.p_wait) == (2, 1.0, 0.0, 0.0)


def test_five_thousand_erlangs_is_exact_and_minimal():
    kw = dict(aht_seconds=300.0, answer_seconds=20.0, target=0.8, max_occupancy=1.0, min_agents=1)
    r = solve_agents(5000.0, **kw)
    assert r.service_level >= 0.8
    assert service_level(r.agents - 1, 5000.0, 300.0, 20.0) < 0.8
    assert 5000 < r.agents < 5100  # square-root staffing: a few dozen above A


@settings(max_examples=60, deadline=None)
@given(
    a=st.floats(0.05, 400.0),
    target=st.floats(0.5, 0.95),
    occ=st.floats(0.5, 1.0),
    t=st.floats(0.0, 120.0),
    floor=st.integers(0, 5),
)
def test_solved_agents_are_the_smallest_meeting_every_constraint(a, target, occ, t, floor):
    r = solve_agents(
        a, aht_seconds=240.0, answer_seconds=t, target=target, max_occupancy=occ, min_agents=floor
    )

    def ok(n: int) -> bool:
        return (
            n >= floor
            and n > a
            and a / n <= occ + 1e-9
            and service_level(n, a, 240.0, t) >= target - 1e-12
        )

    assert ok(r.agents)
    assert not ok(r.agents - 1)


def _live(**kw) -> Channel:
    base = dict(
        name="Phone",
        mode="live",
        monthly_volume=0.0,
        aht_minutes=3.0,
        hours_per_week=45.0,
        service_level=0.8,
        answer_seconds=20.0,
        max_occupancy=0.85,
    )
    base.update(kw)
    return Channel(**base)


OPTION = Option(name="X", type="in-house", paid_hours=160.0, shrinkage=0.2)


def test_live_channel_staffed_hours_and_fte():
    ch = _live()
    hours = coverage_hours(ch)  # 45 x 52 / 12 = 195 h
    assert hours == pytest.approx(195.0)
    # 10 Erlangs over 195 h at AHT 3 min = 200 calls/h = 39,000 calls/month -> 14 agents.
    row = staff_channel_year(
        ch, OPTION, contacts_month=39_000.0, aht_minutes=3.0, shrinkage=0.2, year=1
    )
    assert row.erlang.agents == 14
    assert row.staffed_hours_month == pytest.approx(14 * 195.0)
    assert row.fte == pytest.approx(14 * 195.0 / (160.0 * 0.8))


def test_concurrency_divides_handling_time():
    chat = _live(name="Chat", concurrency=2.0)
    row = staff_channel_year(
        chat, OPTION, contacts_month=78_000.0, aht_minutes=6.0, shrinkage=0.2, year=1
    )
    # 400 chats/h x 6 min / 2 concurrent = 20 Erlangs of 3-minute effective handling.
    expected = solve_agents(
        20.0, aht_seconds=180.0, answer_seconds=20.0, target=0.8, max_occupancy=0.85, min_agents=1
    )
    assert row.erlang.traffic == pytest.approx(20.0)
    assert row.erlang.agents == expected.agents


@pytest.mark.parametrize(
    ("volume", "min_agents", "hours"),
    [
        pytest.param(1000.0, 0, 1000 * 6 / 60 / 0.8, id="workload-over-occupancy"),
        pytest.param(1000.0, 2, 2 * 195.0, id="coverage-floor-binds"),
        pytest.param(0.0, 0, 0.0, id="zero-volume-no-floor"),
        pytest.param(0.0, 1, 195.0, id="zero-volume-floor"),
    ],
)
def test_deferred_channel_hours(volume, min_agents, hours):
    email = Channel(
        name="Email",
        mode="deferred",
        monthly_volume=volume,
        aht_minutes=6.0,
        max_occupancy=0.8,
        min_agents=min_agents,
    )
    row = staff_channel_year(
        email, OPTION, contacts_month=volume, aht_minutes=6.0, shrinkage=0.2, year=1
    )
    assert row.erlang is None
    assert row.staffed_hours_month == pytest.approx(hours)


def test_volume_growth_steps_yearly_and_aht_factor_applies():
    inputs = tiny_inputs(horizon_years=3, volume_growth=0.1)
    opt = Option(name="V", type="outsourced", shrinkage=0.0, paid_hours=100.0, aht_factor=1.5)
    plan = staff_option(inputs, opt, share=0.5)
    first_of_year = [1, 13, 25]  # months 1..36; month 0 (before go-live) carries nothing
    assert plan.contacts[0, 0] == plan.fte[0, 0] == 0.0
    assert plan.contacts[0, first_of_year].tolist() == pytest.approx([500.0, 550.0, 605.0])
    assert plan.minutes[0, first_of_year].tolist() == pytest.approx(
        [500 * 9.0, 550 * 9.0, 605 * 9.0]
    )
    assert plan.fte[0, first_of_year].tolist() == pytest.approx([0.75, 0.825, 0.9075])
    assert plan.fte[0, 1:13].tolist() == [plan.fte[0, 1]] * 12  # steps once a year


def test_monthly_spreads_years_and_zeroes_month_zero():
    out = monthly(np.array([[1.0, 2.0]]), 24)
    assert out[0, 0] == 0.0 and out[0, 1] == 1.0 and out[0, 12] == 1.0 and out[0, 13] == 2.0


@pytest.mark.parametrize(
    ("running", "expected"),
    [
        pytest.param(True, [0.0, 0.5, 0.5, 0.55 + 1.0, 2.5 + 39.0], id="already-running"),
        pytest.param(False, [0.0, 10.5, 0.5, 0.55 + 1.0, 2.5 + 39.0], id="new-team-in-month-1"),
    ],
)
def test_hires_attrition_increases_and_initial_team(running, expected):
    # 60% attrition = 5% of FTE a month; FTE 10, 10, then +1 and +39.
    fte = np.array([0.0, 10.0, 10.0, 11.0, 50.0])
    got = hires(fte, attrition=0.6, already_running=running)
    assert got.tolist() == pytest.approx(expected)


def test_hires_never_count_reductions():
    fte = np.array([0.0, 10.0, 5.0, 5.0])
    assert hires(fte, attrition=0.0, already_running=True).tolist() == [0.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize(
    ("n", "a"),
    [
        pytest.param(64, 50.0, id="threshold"),
        pytest.param(500, 450.0, id="hundreds"),
        pytest.param(5264, 5000.0, id="five-thousand-erlangs"),
        pytest.param(2000, 1000.0, id="occupancy-50pct"),
    ],
)
def test_vector_path_equals_the_recursion(n, a):
    from pipeline.model.staffing import _inv_erlang_b

    assert 1.0 / _inv_erlang_b(n, a) == pytest.approx(erlang_b(n, a), rel=1e-9)
