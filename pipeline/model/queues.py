"""Agents per hour for many live queues at once: Erlang C, and Erlang A when callers abandon.

Every function takes arrays of hours (any shape, flattened inside) and works on all of them in a few
numpy operations, so the 168 hours x 12 months x years of a channel cost one call (DESIGN §8).

Erlang A (M/M/N+M, Palm's queue with exponential patience) is computed from its birth-death chain:
the states below N are the Erlang B terms (the same recursion as Erlang C), the states above N are
the queue, truncated where its terms are below e^-50 of the largest. The share answered within T
of a caller who finds j callers waiting ahead is N mu / (N mu + (j+1) theta) x I(j), I(j) the
probability that j+1 exponential stages of rates N mu + i theta (i = 1..j+1) end within T, a
negative-binomial tail (see docs/model.md for the derivation and the published checks).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..issues import WorkloadTooLarge
from ..numbers import fmt_num

SL_TOLERANCE = 1e-12
"""A service level this close below the target counts as meeting it (float rounding)."""
MAX_TRAFFIC = 1_000_000.0
NEGLIGIBLE_TRAFFIC = 1e-12
"""Erlang A treats less traffic than this as none (its logs need an arrival rate above zero)."""
SEARCH_WINDOW = 1
"""Erlang A agent counts tried per hour in one evaluation. Measured on the example: 1 is fastest
(the cost is per hour and state evaluated, not per call); kept as a knob for larger queues."""
CHUNK_CELLS = 2_000_000
"""Erlang A evaluates hours x queue states at once; larger problems are cut into chunks."""


@dataclass(frozen=True, kw_only=True)
class QueueHours:
    """How a set of hours is staffed and how each then performs (arrays of the input's shape)."""

    agents: np.ndarray
    """Agents on duty (int)."""
    service_level: np.ndarray
    """Share of offered contacts answered within the answer time (1 where no contact arrives)."""
    occupancy: np.ndarray
    """Busy share of the agents' time (served traffic / agents; 0 where nobody is on duty)."""
    p_wait: np.ndarray
    """Probability that a contact waits at all."""
    asa_seconds: np.ndarray
    """Average wait of answered contacts (Erlang C: of all contacts, as in v1, since all are
    answered)."""
    abandonment: np.ndarray | None
    """Share of offered contacts that hang up before an answer; None without patience."""


def _check(traffic: np.ndarray) -> None:
    worst = float(traffic.max(initial=0.0))
    if not math.isfinite(worst) or worst > MAX_TRAFFIC:
        raise WorkloadTooLarge(
            f"the demand implies {fmt_num(worst, 'en', 0)} Erlangs of traffic in one hour of one "
            f"channel (more than {fmt_num(MAX_TRAFFIC, 'en')}); check its monthly volume, AHT and "
            "profile"
        )


def _inv_erlang_b(agents: np.ndarray, traffic: np.ndarray) -> np.ndarray:
    """1 / B(N, A) for each pair, by the recursion 1/B(k) = 1 + k/A x 1/B(k-1), stepped for all
    pairs together up to the largest N (pairs stop at their own N). Overflows to inf when N is far
    above A, which callers read as 'never waits'."""
    inv = np.ones_like(traffic)
    top = int(agents.max(initial=0))
    with np.errstate(over="ignore"):
        for k in range(1, top + 1):
            step = agents >= k
            inv = np.where(step, 1.0 + inv * k / traffic, inv)
    return inv


def _erlang_c_sl(n, traffic, inv_b, aht, answer):
    """(P_wait, service level) of Erlang C for N > A."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        b = 1.0 / inv_b
        c = b / (1.0 - traffic / n * (1.0 - b))
        sl = 1.0 - c * np.exp(-(n - traffic) * answer / aht)
    return c, sl


def _on_unique(solver):
    """Solve each distinct (traffic, floor) pair once: a week repeats its weekday hours and a
    year its seasons, so 168 x 12 x years hours often hold a few dozen distinct queues."""

    def solve(traffic: np.ndarray, *, min_agents: np.ndarray | int = 0, **kw) -> QueueHours:
        a = np.asarray(traffic, dtype=float)
        floor = np.broadcast_to(np.asarray(min_agents, dtype=np.int64), a.shape)
        flat, floors = a.ravel(), floor.ravel()
        if len(flat) < 2:
            return solver(a, min_agents=floor, **kw)
        # by traffic alone (a fast 1-D sort) when every traffic value has one floor, which is
        # the rule (closed hours have no traffic and floor 0); by (traffic, floor) otherwise
        values, first, where = np.unique(flat, return_index=True, return_inverse=True)
        keys_floor = floors[first]
        if not np.array_equal(keys_floor[where], floors):
            pairs = np.stack((flat, floors.astype(float)), axis=1)
            keys, where = np.unique(pairs, axis=0, return_inverse=True)
            values, keys_floor = keys[:, 0], keys[:, 1].astype(np.int64)
        where = where.ravel()
        q = solver(values, min_agents=keys_floor, **kw)

        def back(values):
            return None if values is None else values[where].reshape(a.shape)

        return QueueHours(
            agents=back(q.agents),
            service_level=back(q.service_level),
            occupancy=back(q.occupancy),
            p_wait=back(q.p_wait),
            asa_seconds=back(q.asa_seconds),
            abandonment=back(q.abandonment),
        )

    solve.__doc__ = solver.__doc__
    solve.__wrapped__ = solver
    return solve


@_on_unique
def solve_erlang_c(
    traffic: np.ndarray,
    *,
    aht_seconds: float,
    answer_seconds: float,
    target: float,
    max_occupancy: float,
    min_agents: np.ndarray | int,
) -> QueueHours:
    """Per hour, the smallest N >= min agents with Erlang C service level >= target and A / N <=
    max occupancy (N > A): the vector form of `erlang.solve_agents`, same start and steps."""
    shape = traffic.shape
    a = np.asarray(traffic, dtype=float).ravel()
    _check(a)
    floor = np.broadcast_to(np.asarray(min_agents, dtype=np.int64), shape).ravel()
    busy = a > 0
    n = floor.copy()
    a_b = np.where(busy, a, 1.0)
    start = np.maximum(np.floor(a_b).astype(np.int64) + 1, np.ceil(a_b / max_occupancy - 1e-9))
    n = np.where(busy, np.maximum(n, start.astype(np.int64)), n)
    cap = n + 1000 + 20 * np.ceil(np.sqrt(a_b)).astype(np.int64)
    inv = _inv_erlang_b(np.where(busy, n, 0), a_b)
    c, sl = _erlang_c_sl(n, a_b, inv, aht_seconds, answer_seconds)
    todo = busy & (sl < target - SL_TOLERANCE) & (n < cap)
    while todo.any():
        n = np.where(todo, n + 1, n)
        with np.errstate(over="ignore"):
            inv = np.where(todo, 1.0 + inv * n / a_b, inv)
        c2, sl2 = _erlang_c_sl(n, a_b, inv, aht_seconds, answer_seconds)
        c = np.where(todo, c2, c)
        sl = np.where(todo, sl2, sl)
        todo = todo & (sl < target - SL_TOLERANCE) & (n < cap)
    c = np.where(busy, np.nan_to_num(c, nan=0.0), 0.0)
    sl = np.where(busy, np.nan_to_num(sl, nan=1.0), 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > 0, a / np.maximum(n, 1), 0.0)
        asa = np.where(busy, c * aht_seconds / np.maximum(n - a, 1e-300), 0.0)
    return QueueHours(
        agents=n.reshape(shape),
        service_level=sl.reshape(shape),
        occupancy=occ.reshape(shape),
        p_wait=c.reshape(shape),
        asa_seconds=asa.reshape(shape),
        abandonment=None,
    )


# ------------------------------------------------------------------------------------- Erlang A
@dataclass(frozen=True, kw_only=True)
class ErlangA:
    """Erlang A measures for N agents (arrays)."""

    p_wait: np.ndarray
    p_abandon: np.ndarray
    service_level: np.ndarray
    """P(answered within T) over all offered contacts (abandoned ones count as not answered)."""
    asa_seconds: np.ndarray
    """Mean wait of the answered contacts (those answered at once count with 0)."""
    mean_wait_seconds: np.ndarray
    """Mean time in queue over all offered contacts, abandoned ones included (E[Q] / lambda)."""
    occupancy: np.ndarray


def _queue_states(lam, nmu, theta) -> int:
    """How many queue states j = 0..J-1 hold all but ~1e-14 of the queue's probability: past
    i0 = (lambda - N mu) / theta the ratio of successive terms falls faster than a
    Poisson(lambda/theta) tail, so i0 + 8 sd + 16 states suffice (the tests compare with a chain
    of thousands of states)."""
    i0 = np.maximum((lam - nmu) / theta, 0.0)
    return int(np.ceil((i0 + 8.0 * np.sqrt(lam / theta) + 16.0).max(initial=16.0)))


def erlang_a(
    agents: np.ndarray,
    traffic: np.ndarray,
    *,
    aht_seconds: float,
    patience_seconds: float,
    answer_seconds: float,
    inv_b: np.ndarray | None = None,
) -> ErlangA:
    """Erlang A (M/M/N+M) for each pair (N, A), A > 0, N >= 1. `inv_b` = 1/B(N, A) if known."""
    n = np.asarray(agents, dtype=np.int64).ravel()
    a = np.asarray(traffic, dtype=float).ravel()
    if inv_b is None:
        inv_b = _inv_erlang_b(n, a)
    out = [np.empty(len(a)) for _ in range(6)]
    mu = 1.0 / aht_seconds
    theta = 1.0 / patience_seconds
    lam = a * mu
    nmu = n * mu
    per_row = max(_queue_states(lam, nmu, theta), 1)
    step = max(1, CHUNK_CELLS // per_row)
    for lo in range(0, len(a), step):
        sl = slice(lo, lo + step)
        parts = _erlang_a_chunk(
            n[sl], a[sl], inv_b[sl], lam[sl], nmu[sl], theta, answer_seconds, per_row
        )
        for o, p in zip(out, parts, strict=True):
            o[sl] = p
    p_wait, p_ab, sl_, asa, wait, occ = (o.reshape(np.shape(traffic)) for o in out)
    return ErlangA(
        p_wait=p_wait,
        p_abandon=p_ab,
        service_level=sl_,
        asa_seconds=asa,
        mean_wait_seconds=wait,
        occupancy=occ,
    )


def _erlang_a_chunk(n, a, inv_b, lam, nmu, theta, answer, states):
    j = np.arange(states, dtype=float)  # callers waiting ahead: 0..J-1
    # log r_j = sum_{i=1..j} log(lambda / (N mu + i theta)); r_0 = 1 (the state N itself)
    steps = np.log(lam)[:, None] - np.log(nmu[:, None] + (j[None, 1:]) * theta)
    log_r = np.concatenate((np.zeros((len(a), 1)), np.cumsum(steps, axis=1)), axis=1)
    never = ~np.isfinite(inv_b)  # N far above A: 1/B overflowed, nobody ever waits
    log_inv_b = np.log(np.where(never, 1.0, inv_b))
    top = np.maximum(log_r.max(axis=1), log_inv_b)
    r = np.exp(log_r - top[:, None])
    below = np.exp(log_inv_b - top)  # sum of the states 0..N relative to state N, scaled
    total = below + r[:, 1:].sum(axis=1)  # pi_N = scale / total
    # P(wait) = P(state >= N) = (r_0 + ... ) / total (PASTA)
    p_wait = r.sum(axis=1) / total
    queue = (j[None, :] * r).sum(axis=1) / total  # E[Q]
    p_ab = theta * queue / lam
    # a caller finding j waiting ahead: served with prob nmu / (nmu + (j+1) theta), after j+1
    # stages of rates nmu + i theta (i = 1..j+1); P(stages end within T) = P(NegBin(b, p) >= j+1)
    # with b = nmu/theta + 1, p = 1 - exp(-theta T).
    served = nmu[:, None] / (nmu[:, None] + (j[None, :] + 1.0) * theta)
    b = nmu / theta + 1.0
    p = -math.expm1(-theta * answer)
    if p > 0.0:
        k = j[None, 1:]
        log_t = (
            np.concatenate(
                (
                    np.zeros((len(a), 1)),
                    np.cumsum(np.log(b[:, None] + k - 1.0) - np.log(k) + math.log(p), axis=1),
                ),
                axis=1,
            )
            + (b * math.log1p(-p))[:, None]
        )
        within = np.clip(1.0 - np.cumsum(np.exp(log_t), axis=1), 0.0, 1.0)
    else:
        within = np.zeros_like(r)
    immediate = (below - np.exp(-top)) / total  # states 0..N-1 (1/B counts state N as 1)
    sl = immediate + (r * served * within).sum(axis=1) / total
    # mean wait of served callers: sum_j P(j ahead) x P(served | j) x E[stage times]
    stage = 1.0 / (nmu[:, None] + (j[None, :] + 1.0) * theta)
    waited = (r * served * np.cumsum(stage, axis=1)).sum(axis=1) / total
    answered = 1.0 - p_ab
    asa = np.where(answered > 0, waited / np.maximum(answered, 1e-300), 0.0)
    occ = a * answered / n
    p_wait = np.where(never, 0.0, p_wait)
    p_ab = np.where(never, 0.0, p_ab)
    sl = np.where(never, 1.0, sl)
    asa = np.where(never, 0.0, asa)
    occ = np.where(never, a / n, occ)
    return p_wait, p_ab, sl, asa, queue / lam, occ


@_on_unique
def solve_erlang_a(
    traffic: np.ndarray,
    *,
    aht_seconds: float,
    patience_seconds: float,
    answer_seconds: float,
    target: float,
    max_occupancy: float,
    min_agents: np.ndarray | int,
) -> QueueHours:
    """Per hour, the smallest N >= min agents (and >= 1 when contacts arrive) with Erlang A service
    level of offered contacts >= target and occupancy (served traffic / N) <= max occupancy.

    The search starts at a floor no answer can be below: at least `target` of the offered traffic
    must be served, and the served traffic is at most max occupancy x N, so
    N >= target x A / max occupancy; then every hour still short tries the next few counts.
    """
    shape = traffic.shape
    a = np.asarray(traffic, dtype=float).ravel()
    _check(a)
    floor = np.broadcast_to(np.asarray(min_agents, dtype=np.int64), shape).ravel()
    busy = a > NEGLIGIBLE_TRAFFIC
    a_b = np.where(busy, a, 1.0)
    start = np.maximum(np.ceil(target * a_b / max_occupancy - 1e-9).astype(np.int64), 1)
    n = np.where(busy, np.maximum(floor, start), floor)
    cap = n + 1000 + 20 * np.ceil(np.sqrt(a_b)).astype(np.int64)
    inv = _inv_erlang_b(np.where(busy, n, 0), a_b)
    res = {f: np.zeros(len(a)) for f in ("p_wait", "p_ab", "sl", "asa", "occ")}
    todo = busy.copy()
    steps = np.arange(SEARCH_WINDOW)
    while todo.any():
        # try N, N+1, ... N+W-1 of every hour still short in one evaluation
        idx = np.flatnonzero(todo)
        a_i = a_b[idx]
        cand = n[idx][:, None] + steps[None, :]
        cand_inv = np.empty(cand.shape)
        cand_inv[:, 0] = inv[idx]
        with np.errstate(over="ignore"):
            for i in range(1, SEARCH_WINDOW):
                cand_inv[:, i] = 1.0 + cand_inv[:, i - 1] * cand[:, i] / a_i
        m = erlang_a(
            cand.ravel(),
            np.repeat(a_i, SEARCH_WINDOW),
            aht_seconds=aht_seconds,
            patience_seconds=patience_seconds,
            answer_seconds=answer_seconds,
            inv_b=cand_inv.ravel(),
        )
        ok = (m.service_level >= target - SL_TOLERANCE) & (m.occupancy <= max_occupancy + 1e-12)
        ok = ok.reshape(cand.shape) | (cand >= cap[idx][:, None])
        found = ok.any(axis=1)
        pick = ok.argmax(axis=1)
        flat = np.arange(len(idx)) * SEARCH_WINDOW + pick
        done = idx[found]
        n[done] = cand[found, pick[found]]
        for key, values in (
            ("p_wait", m.p_wait),
            ("p_ab", m.p_abandon),
            ("sl", m.service_level),
            ("asa", m.asa_seconds),
            ("occ", m.occupancy),
        ):
            res[key][done] = values[flat[found]]
        later = idx[~found]
        n[later] = cand[~found, -1] + 1
        with np.errstate(over="ignore"):
            inv[later] = 1.0 + cand_inv[~found, -1] * n[later] / a_b[later]
        todo = np.zeros(len(a), dtype=bool)
        todo[later] = True
    sl = np.where(busy, res["sl"], 1.0)
    occ = np.where(busy, res["occ"], 0.0)
    return QueueHours(
        agents=n.reshape(shape),
        service_level=sl.reshape(shape),
        occupancy=occ.reshape(shape),
        p_wait=np.where(busy, res["p_wait"], 0.0).reshape(shape),
        asa_seconds=np.where(busy, res["asa"], 0.0).reshape(shape),
        abandonment=np.where(busy, res["p_ab"], 0.0).reshape(shape),
    )
