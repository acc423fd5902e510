"""Erlang C for one queue: the Erlang B recursion (no factorials, no powers), so thousands of
Erlangs take a millisecond. This is the v1 scalar search; `queues` holds its vector form over the
hours of the week and Erlang A. Results are cached by their arguments: the hybrid curves and the
sensitivity runs ask for the same traffic many times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..issues import WorkloadTooLarge
from ..numbers import fmt_num

SL_TOLERANCE = 1e-12
"""A service level this close below the target counts as meeting it (float rounding)."""


@dataclass(frozen=True, kw_only=True)
class ErlangResult:
    """Agents on duty for one live queue and how that queue then performs."""

    agents: int
    traffic: float
    """Offered traffic A in Erlangs."""
    service_level: float
    occupancy: float
    p_wait: float
    """Erlang C: probability that a contact waits at all."""
    asa_seconds: float
    """Average speed of answer over all contacts."""


def erlang_b(agents: int, traffic: float) -> float:
    """Erlang B blocking probability by the recursion 1/B(k) = 1 + k/A x 1/B(k-1)."""
    if traffic <= 0:
        return 0.0 if agents > 0 else 1.0
    inv_b = 1.0
    for k in range(1, agents + 1):
        inv_b = 1.0 + inv_b * k / traffic
    return 1.0 / inv_b  # the reference recursion; solve_agents may take the vector path


VECTOR_FROM = 64
"""From this many agents on, 1/B(N) is summed with numpy instead of the Python recursion."""


def _inv_erlang_b(agents: int, traffic: float) -> float:
    """1 / B(N, A): the recursion for small N; for large N the same quantity as one vector sum,
    sum_k (A^k / k!) / (A^N / N!), formed from cumulative logs (never a factorial), so 5,000
    Erlangs cost a few vector operations instead of 5,000 Python steps."""
    if agents < VECTOR_FROM:
        inv_b = 1.0
        for k in range(1, agents + 1):
            inv_b = 1.0 + inv_b * k / traffic
        return inv_b
    k = np.arange(agents + 1, dtype=float)
    log_terms = k * math.log(traffic) - np.concatenate(([0.0], np.cumsum(np.log(k[1:]))))
    top = float(log_terms.max())
    log_sum = top + math.log(float(np.exp(log_terms - top).sum()))
    exponent = log_sum - float(log_terms[-1])
    return math.exp(exponent) if exponent < 709.0 else math.inf


def erlang_c(agents: int, traffic: float) -> float:
    """Probability of waiting P_wait(N, A); 1 when the queue is unstable (N <= A)."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    b = erlang_b(agents, traffic)
    return _c_from_b(b, agents, traffic)


def _c_from_b(b: float, agents: int, traffic: float) -> float:
    rho = traffic / agents
    return b / (1.0 - rho * (1.0 - b))


def service_level(agents: int, traffic: float, aht_seconds: float, answer_seconds: float) -> float:
    """Share answered within `answer_seconds`: 1 - P_wait x exp(-(N - A) T / AHT)."""
    if traffic <= 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    c = erlang_c(agents, traffic)
    return 1.0 - c * math.exp(-(agents - traffic) * answer_seconds / aht_seconds)


MAX_TRAFFIC = 1_000_000.0
"""Erlangs beyond any real queue (the largest centres run tens of thousands of agents)."""


@lru_cache(maxsize=65536)
def solve_agents(
    traffic: float,
    *,
    aht_seconds: float,
    answer_seconds: float,
    target: float,
    max_occupancy: float,
    min_agents: int,
) -> ErlangResult:
    """The smallest N >= min_agents meeting both the service level and the occupancy cap.

    The search starts at the largest of the floors that need no Erlang evaluation (min agents, the
    stability bound N > A and the occupancy bound N >= A / max occupancy), runs the Erlang B
    recursion once up to there, then steps N by one (one recursion step each) until the
    service level is met. A target that cannot be met (100%) stops at a generous cap.
    """
    if not math.isfinite(traffic) or traffic > MAX_TRAFFIC:
        raise WorkloadTooLarge(
            f"the demand implies {fmt_num(traffic, 'en', 0)} Erlangs of traffic on one channel "
            f"(more than {fmt_num(MAX_TRAFFIC, 'en')}); check its monthly volume, AHT and hours "
            "per week"
        )
    if traffic <= 0:
        return ErlangResult(
            agents=int(min_agents),
            traffic=0.0,
            service_level=1.0,
            occupancy=0.0,
            p_wait=0.0,
            asa_seconds=0.0,
        )
    n = max(int(min_agents), math.floor(traffic) + 1, math.ceil(traffic / max_occupancy - 1e-9))
    inv_b = _inv_erlang_b(n, traffic)
    cap = n + 1000 + 20 * math.ceil(math.sqrt(traffic))
    while True:
        b = 1.0 / inv_b
        c = _c_from_b(b, n, traffic)
        sl = 1.0 - c * math.exp(-(n - traffic) * answer_seconds / aht_seconds)
        if sl >= target - SL_TOLERANCE or n >= cap:
            break
        n += 1
        inv_b = 1.0 + inv_b * n / traffic
    return ErlangResult(
        agents=n,
        traffic=traffic,
        service_level=sl,
        occupancy=traffic / n,
        p_wait=c,
        asa_seconds=c * aht_seconds / (n - traffic),
    )
