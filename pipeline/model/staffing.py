"""Staffing per option, channel and year: Erlang C for live channels, workload for deferred ones.

Erlang C is computed through the Erlang B recursion (no factorials, no powers), so thousands of
Erlangs take a millisecond; results are cached by their arguments because the hybrid curves and the
sensitivity runs ask for the same traffic many times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..issues import WorkloadTooLarge
from .inputs import Channel, Inputs, Option

WEEKS_PER_MONTH = 52.0 / 12.0
SL_TOLERANCE = 1e-12
"""A service level this close below the target counts as meeting it (float rounding)."""
MAX_SHRINKAGE = 0.95


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
            f"the demand implies {traffic:,.0f} Erlangs of traffic on one channel (more than "
            f"{MAX_TRAFFIC:,.0f}); check its monthly volume, AHT and hours per week"
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


@dataclass(frozen=True, kw_only=True)
class ChannelYear:
    """One option's staffing of one channel in one year (that year's monthly volume)."""

    channel: str
    year: int
    mode: str
    contacts_month: float
    aht_minutes: float
    """Handling time of this option on this channel (channel AHT x option factor)."""
    erlang: ErlangResult | None
    """Live channels only."""
    staffed_hours_month: float
    fte: float


@dataclass(frozen=True, kw_only=True)
class StaffingPlan:
    """Per channel (rows, in Inputs order) and year (columns) arrays for the cost model."""

    contacts: np.ndarray
    """Contacts per month, shape (C, Y)."""
    minutes: np.ndarray
    """Handled minutes per month, (C, Y)."""
    hours: np.ndarray
    """Staffed agent hours per month, (C, Y)."""
    fte: np.ndarray
    """FTE, (C, Y)."""
    rows: tuple[ChannelYear, ...]
    """Channel-major, then year."""


def coverage_hours(channel: Channel) -> float:
    """Hours a channel is open per month: hours per week x 52 / 12."""
    return channel.hours_per_week * WEEKS_PER_MONTH


def staff_channel_year(
    channel: Channel,
    option: Option,
    *,
    contacts_month: float,
    aht_minutes: float,
    shrinkage: float,
    year: int,
) -> ChannelYear:
    """Staffed hours and FTE of one channel in one year for one option (DESIGN §3 Staffing)."""
    hours_open = coverage_hours(channel)
    aht_eff = aht_minutes / max(channel.concurrency, 1e-9)
    erlang = None
    if channel.mode == "live":
        arrivals_per_hour = contacts_month / hours_open
        traffic = arrivals_per_hour * aht_eff / 60.0
        erlang = solve_agents(
            float(traffic),
            aht_seconds=float(aht_eff * 60.0),
            answer_seconds=float(channel.answer_seconds),
            target=float(channel.service_level),
            max_occupancy=float(channel.max_occupancy),
            min_agents=int(channel.min_agents),
        )
        staffed = erlang.agents * hours_open
    else:
        workload = contacts_month * aht_eff / 60.0
        staffed = max(workload / channel.max_occupancy, channel.min_agents * hours_open)
    productive = option.paid_hours * (1.0 - min(max(shrinkage, 0.0), MAX_SHRINKAGE))
    return ChannelYear(
        channel=channel.name,
        year=year,
        mode=channel.mode,
        contacts_month=contacts_month,
        aht_minutes=aht_minutes,
        erlang=erlang,
        staffed_hours_month=staffed,
        fte=staffed / productive,
    )


def staff_option(
    inputs: Inputs,
    option: Option,
    *,
    share: float = 1.0,
    volume_factor: float = 1.0,
    aht_factor: float = 1.0,
    shrinkage: float | None = None,
    volume_growth: float | None = None,
) -> StaffingPlan:
    """Staffing of `option` handling `share` of every channel, for every channel and year."""
    years = inputs.project.horizon_years
    growth = inputs.project.volume_growth if volume_growth is None else volume_growth
    shrink = option.shrinkage if shrinkage is None else shrinkage
    n_ch = len(inputs.channels)
    contacts = np.zeros((n_ch, years))
    minutes = np.zeros((n_ch, years))
    hours = np.zeros((n_ch, years))
    fte = np.zeros((n_ch, years))
    rows = []
    for c, channel in enumerate(inputs.channels):
        aht = channel.aht_minutes * option.aht_factor * aht_factor
        for y in range(1, years + 1):
            volume = share * channel.monthly_volume * volume_factor * (1.0 + growth) ** (y - 1)
            row = staff_channel_year(
                channel, option, contacts_month=volume, aht_minutes=aht, shrinkage=shrink, year=y
            )
            rows.append(row)
            contacts[c, y - 1] = volume
            minutes[c, y - 1] = volume * aht
            hours[c, y - 1] = row.staffed_hours_month
            fte[c, y - 1] = row.fte
    return StaffingPlan(contacts=contacts, minutes=minutes, hours=hours, fte=fte, rows=tuple(rows))


def year_index(months: int) -> np.ndarray:
    """0-based year of months 0..M (month 0 belongs to year 1)."""
    m = np.arange(months + 1)
    return np.maximum(np.ceil(m / 12.0).astype(int), 1) - 1


def monthly(per_year: np.ndarray, months: int) -> np.ndarray:
    """Spread a (..., Y) per-year array over months 0..M; month 0 (before go-live) is zero."""
    out = per_year[..., year_index(months)].copy()
    out[..., 0] = 0.0
    return out


def hires(fte_monthly: np.ndarray, *, attrition: float, already_running: bool) -> np.ndarray:
    """Hires per month (last axis = months 0..M): attrition/12 x FTE + increases + initial team.

    Month 1's FTE is taken as already on board for a running option (no increase counted), and
    as hired in month 1 otherwise; reductions hire nobody.
    """
    out = attrition / 12.0 * fte_monthly
    out[..., 0] = 0.0
    if fte_monthly.shape[-1] > 2:
        increase = np.diff(fte_monthly[..., 1:], axis=-1)
        out[..., 2:] += np.maximum(increase, 0.0)
    if not already_running and fte_monthly.shape[-1] > 1:
        out[..., 1] += fte_monthly[..., 1]
    return out
