"""Queues per hour: the vector Erlang C against the v1 scalar search, Erlang A against an independent
birth-death computation and published figures, and the smallest-N property of both searches."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model.queues import erlang_a, solve_erlang_a, solve_erlang_c
from pipeline.model.staffing import solve_agents


# ------------------------------------------------------------------------- independent reference
def _expm(m: np.ndarray) -> np.ndarray:
    """Matrix exponential by scaling and squaring of a Taylor series (small generators only)."""
    k = max(0, math.ceil(math.log2(np.abs(m).max() + 1e-300)) + 4)
    m = m / 2**k
    out = np.eye(len(m))
    term = np.eye(len(m))
    for q in range(1, 30):
        term = term @ m / q
        out = out + term
    for _ in range(k):
        out = out @ out
    return out


def birth_death(n: int, a: float, aht: float, patience: float, answer: float, states: int = 3000):
    """M/M/n+M by brute force: the stationary law of the truncated chain (births lambda, deaths
    min(k, n) mu + max(k - n, 0) theta) and, for a caller who finds j waiting ahead, the absorbing
    chain of its own wait (ahead i -> i-1 at n mu + i theta, served from 0, abandons at theta)
    solved with a matrix exponential. No closed form, no negative binomial."""
    mu, theta = 1.0 / aht, 1.0 / patience
    lam = a * mu
    logp = [0.0]
    for k in range(1, states):
        logp.append(logp[-1] + math.log(lam / (min(k, n) * mu + max(k - n, 0) * theta)))
    p = np.exp(np.array(logp) - max(logp))
    p /= p.sum()
    p_wait = float(p[n:].sum())
    queue = float(np.clip(np.arange(states) - n, 0, None) @ p)
    p_ab = theta * queue / lam
    sl = float(p[:n].sum())
    for j in range(states - n):
        if p[n + j] < 1e-15:
            break
        size = j + 1
        g = np.zeros((size + 2, size + 2))
        for s in range(size):
            ahead = j - s
            nxt = s + 1 if ahead > 0 else size  # `size` = served, `size + 1` = abandoned
            g[s, nxt] += n * mu + ahead * theta
            g[s, size + 1] += theta
            g[s, s] -= n * mu + ahead * theta + theta
        sl += p[n + j] * _expm(g * answer)[0, size]
    return p_wait, p_ab, sl


CASES = [
    pytest.param(14, 10.0, 180.0, 120.0, 20.0, id="14-agents-10-erlangs"),
    pytest.param(8, 9.0, 300.0, 60.0, 20.0, id="overloaded-8-for-9"),
    pytest.param(50, 48.0, 240.0, 300.0, 30.0, id="50-agents"),
    pytest.param(3, 1.2, 390.0, 90.0, 20.0, id="example-phone-night"),
    pytest.param(1, 0.3, 600.0, 30.0, 60.0, id="one-agent-answer-after-patience"),
]


@pytest.mark.parametrize(("n", "a", "aht", "patience", "answer"), CASES)
def test_erlang_a_matches_birth_death_chain(n, a, aht, patience, answer):
    m = erlang_a(
        np.array([n]),
        np.array([a]),
        aht_seconds=aht,
        patience_seconds=patience,
        answer_seconds=answer,
    )
    p_wait, p_ab, sl = birth_death(n, a, aht, patience, answer)
    assert m.p_wait[0] == pytest.approx(p_wait, rel=1e-9)
    assert m.p_abandon[0] == pytest.approx(p_ab, rel=1e-9)
    assert m.service_level[0] == pytest.approx(sl, rel=1e-9)


def test_erlang_a_abandonment_two_ways():
    """theta E[Q] / lambda (Little) equals the sum over arrivals of P(abandon | j ahead)."""
    n, a, aht, patience = 8, 9.0, 300.0, 60.0
    m = erlang_a(
        np.array([n]), np.array([a]), aht_seconds=aht, patience_seconds=patience, answer_seconds=1
    )
    mu, theta = 1 / aht, 1 / patience
    # P(answered) = 1 - P(abandon); served traffic = occupancy x N
    assert m.occupancy[0] * n == pytest.approx(a * (1 - m.p_abandon[0]), rel=1e-12)
    # wait of all callers (Little: E[Q] / lambda) = P(abandon) / theta
    assert m.mean_wait_seconds[0] == pytest.approx(m.p_abandon[0] / theta, rel=1e-12)
    assert 0 < m.asa_seconds[0] < m.mean_wait_seconds[0] / (1 - m.p_abandon[0]) * 2
    del mu


def test_erlang_a_tends_to_erlang_c_as_patience_grows():
    c = solve_agents(
        10.0, aht_seconds=180.0, answer_seconds=20.0, target=0.8, max_occupancy=0.85, min_agents=1
    )
    m = erlang_a(
        np.array([14]), np.array([10.0]), aht_seconds=180.0, patience_seconds=1e9, answer_seconds=20
    )
    assert m.p_wait[0] == pytest.approx(c.p_wait, rel=1e-6)
    assert m.service_level[0] == pytest.approx(c.service_level, rel=1e-6)
    assert m.asa_seconds[0] == pytest.approx(c.asa_seconds, rel=1e-5)
    assert m.p_abandon[0] < 1e-6


def test_erlang_a_zero_answer_time_counts_only_immediate_answers():
    m = erlang_a(
        np.array([5]), np.array([4.0]), aht_seconds=300.0, patience_seconds=120.0, answer_seconds=0
    )
    assert m.service_level[0] == pytest.approx(1 - m.p_wait[0], rel=1e-12)


# ---------------------------------------------------------------------------------- the searches
KW = dict(aht_seconds=390.0, answer_seconds=20.0, target=0.8, max_occupancy=0.85)


def test_vector_erlang_c_equals_the_v1_scalar_search():
    traffic = np.array([0.0, 0.05, 1.2, 2.0833333333333335, 4.59, 37.5, 420.0, 5000.0])
    q = solve_erlang_c(traffic, min_agents=1, **KW)
    for i, a in enumerate(traffic):
        r = solve_agents(float(a), min_agents=1, **KW)
        assert q.agents[i] == r.agents
        assert q.service_level[i] == pytest.approx(r.service_level, rel=1e-12, abs=1e-12)
        assert q.occupancy[i] == pytest.approx(r.occupancy, rel=1e-12)
        assert q.p_wait[i] == pytest.approx(r.p_wait, rel=1e-9, abs=1e-300)


@settings(max_examples=60, deadline=None)
@given(
    traffic=st.lists(st.floats(0.0, 300.0), min_size=1, max_size=12),
    patience=st.one_of(st.none(), st.floats(5.0, 1200.0)),
    target=st.floats(0.5, 0.95),
    occupancy=st.floats(0.6, 1.0),
    floor=st.integers(0, 3),
)
def test_agents_are_the_smallest_that_meet_the_target(traffic, patience, target, occupancy, floor):
    """Property (DESIGN §8): N meets the service level and the occupancy cap, N - 1 does not (or N
    is the floor)."""
    a = np.array(traffic)
    kw = dict(aht_seconds=300.0, answer_seconds=20.0, target=target, max_occupancy=occupancy)
    if patience is None:
        q = solve_erlang_c(a, min_agents=floor, **kw)
    else:
        q = solve_erlang_a(a, patience_seconds=patience, min_agents=floor, **kw)
    for i, t in enumerate(a):
        n = int(q.agents[i])
        if t <= 0:
            assert n == floor
            continue
        assert q.service_level[i] >= target - 1e-12
        assert q.occupancy[i] <= occupancy + 1e-12
        if n > max(floor, 1):
            if patience is None:
                fewer = solve_erlang_c(np.array([t]), min_agents=n - 1, **kw)
            else:
                m = erlang_a(
                    np.array([n - 1]),
                    np.array([t]),
                    aht_seconds=300.0,
                    patience_seconds=patience,
                    answer_seconds=20.0,
                )
                assert m.service_level[0] < target - 1e-12 or m.occupancy[0] > occupancy + 1e-12
                continue
            assert fewer.agents[0] == n  # starting one lower still ends at n


def test_erlang_a_needs_fewer_agents_than_erlang_c_when_callers_give_up():
    a = np.array([10.0, 40.0])
    c = solve_erlang_c(a, min_agents=1, **KW)
    ab = solve_erlang_a(a, patience_seconds=180.0, min_agents=1, **KW)
    assert (ab.agents <= c.agents).all()
    assert (ab.abandonment > 0).all()


def test_huge_traffic_is_refused_with_a_clear_message():
    from pipeline.issues import WorkloadTooLarge

    with pytest.raises(WorkloadTooLarge, match="Erlangs"):
        solve_erlang_c(np.array([2e6]), min_agents=1, **KW)


# Erlang A reference values from the published closed forms, evaluated independently in mpmath at
# 50 digits (not with this code): Mandelbaum & Zeltyn, "Service engineering in action: the
# Palm/Erlang-A queue" (2007), formula 3.5 for A(x, y) = x e^y y^-x gamma(x, y), P{W>0} = A pi_n,
# P{Ab | W>0} = 1 / (rho A) + 1 - 1 / rho; Zeltyn's thesis (2004) eqs. 5.18, 5.20 and 5.23 for
# P{W > t} and P{W > t, served}; service level = P(answered within T) of all offered contacts,
# ASA = mean wait of answered contacts. Case B is the pyworkforce / CRAN ErlangC example (10
# Erlangs, 14 agents, AHT 180 s, 20 s) with a 120 s patience; case A takes the parameters of a
# public R Erlang-A example (2 calls/min, AHT 4 min, patience 2 min, 10 agents), which prints no
# output of its own.
# See docs/model.md, "Erlang A".
@pytest.mark.parametrize(
    ("n", "a", "aht", "patience", "answer", "p_wait", "p_ab", "wait_all", "asa", "sl", "occ"),
    [
        pytest.param(10, 8.0, 240.0, 120.0, 20.0, 0.247519189667083, 0.068405352895339,
                     0.136810705790678 * 60, 0.11017427849421 * 60, 0.825157102968082,
                     0.745275717683729, id="A-10-agents-8-erlangs"),
        pytest.param(14, 10.0, 180.0, 120.0, 20.0, 0.126976340079795, 0.0228392865318188,
                     2.74071438381825, 2.34537523415217, 0.93272958069806, 0.697971938191558,
                     id="B-erlang-c-example-with-patience"),
        pytest.param(100, 100.0, 1.0, 1.0, 0.1, 0.513298798279149, 0.0398609968091471,
                     0.0398609968091471, 0.0389165331159615, 0.813654534930008,
                     0.960139003190853, id="C-critically-loaded"),
        pytest.param(100, 120.0, 1.0, 2.0, 0.1, 0.996634370420645, 0.166790630955068,
                     0.333581261910136, 0.359990109834611, 0.0253951351474605,
                     0.999851242853918, id="D-overloaded"),
    ],
)  # fmt: skip
def test_erlang_a_matches_the_closed_forms(n, a, aht, patience, answer, p_wait, p_ab, wait_all,
                                           asa, sl, occ):  # fmt: skip
    m = erlang_a(
        np.array([n]),
        np.array([a]),
        aht_seconds=aht,
        patience_seconds=patience,
        answer_seconds=answer,
    )
    assert m.p_wait[0] == pytest.approx(p_wait, rel=1e-10)
    assert m.p_abandon[0] == pytest.approx(p_ab, rel=1e-10)
    assert m.mean_wait_seconds[0] == pytest.approx(wait_all, rel=1e-10)
    assert m.asa_seconds[0] == pytest.approx(asa, rel=1e-10)
    assert m.service_level[0] == pytest.approx(sl, rel=1e-10)
    assert m.occupancy[0] == pytest.approx(occ, rel=1e-10)
