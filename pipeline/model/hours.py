"""Live queues hour by hour: one month's 168-hour plan, its summary figures, and the solve of every
hour of every distinct month of a channel at once (DESIGN §8). `staffing` builds plans from these."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import demand, queues
from .demand import WEEKS_PER_MONTH
from .erlang import ErlangResult
from .inputs import Channel


@dataclass(frozen=True, kw_only=True)
class HourlyPlan:
    """A live queue over the 168 hours of the week (Monday 00:00 first), for one month's demand."""

    agents: np.ndarray
    """Agents on duty per hour (0 when closed)."""
    contacts: np.ndarray
    """Contacts arriving in that hour."""
    traffic: np.ndarray
    """Offered traffic per hour, Erlangs."""
    service_level: np.ndarray
    """Share of offered contacts answered in time; NaN in closed hours."""
    occupancy: np.ndarray
    abandonment: np.ndarray | None
    """Share of offered contacts that hang up (Erlang A); None without patience."""


@dataclass(frozen=True, kw_only=True)
class Month:
    """How one month's demand on one channel is staffed (before FTE)."""

    staffed: float
    erlang: ErlangResult | None = None
    detail: tuple | None = None
    """Live channel with a profile: what `hourly_detail` needs to build the month's 168-hour plan."""


def flat_week_plan(channel: Channel, volume: float, e: ErlangResult) -> HourlyPlan:
    """The 168-hour picture of a v1 channel: the same agents in every open hour."""
    openness = demand.open_hours(channel)
    is_open = openness > 0
    contacts = volume * demand.week_shares(channel) / WEEKS_PER_MONTH
    return HourlyPlan(
        agents=np.where(is_open, e.agents, 0).astype(float),
        contacts=contacts,
        traffic=np.where(is_open, e.traffic * openness, 0.0),
        service_level=np.where(is_open, e.service_level, np.nan),
        occupancy=np.where(is_open, e.occupancy, 0.0),
        abandonment=None,
    )


def staff_hours(
    channel: Channel,
    volumes: np.ndarray,
    aht: float,
    week: np.ndarray | None = None,
    aht_hours: np.ndarray | None = None,
) -> list[Month]:
    """Live channel by the hour: every hour of the week of every given monthly volume at once.

    `week` is the share of a month's contacts arriving in each hour (default: the channel's
    profile); `aht_hours` the handling time of each hour relative to `aht` when a routing splits
    the tiers differently by hour (hours of one handling time are solved together). The hourly
    detail of a month is built only when a result row asks for it."""
    shares = demand.week_shares(channel) if week is None else week
    is_open = shares > 0
    factor = np.ones(len(shares)) if aht_hours is None else aht_hours
    aht_eff = aht * factor / max(channel.concurrency, 1e-9)
    contacts = volumes[:, None] * shares[None, :] / WEEKS_PER_MONTH
    traffic = contacts * aht_eff[None, :] / 60.0
    floor = np.broadcast_to(np.where(is_open, int(channel.min_agents), 0)[None, :], traffic.shape)
    parts = []
    for value in np.unique(aht_eff[is_open]) if is_open.any() else np.array([aht_eff[0]]):
        cols = np.flatnonzero(aht_eff == value) if aht_hours is not None else slice(None)
        common = dict(
            aht_seconds=float(value * 60.0),
            answer_seconds=float(channel.answer_seconds),
            target=float(channel.service_level),
            max_occupancy=float(channel.max_occupancy),
            min_agents=floor[:, cols],
        )
        if channel.patience_seconds is None:
            parts.append((cols, queues.solve_erlang_c(traffic[:, cols], **common)))
        else:
            parts.append(
                (
                    cols,
                    queues.solve_erlang_a(
                        traffic[:, cols], patience_seconds=float(channel.patience_seconds), **common
                    ),
                )
            )
        if aht_hours is None:
            break
    q = parts[0][1] if len(parts) == 1 and aht_hours is None else merge_parts(parts, traffic.shape)
    staffed = q.agents.sum(axis=1) * WEEKS_PER_MONTH
    return [
        Month(staffed=float(staffed[i]), detail=(q, contacts, traffic, is_open, i))
        for i in range(len(volumes))
    ]


def merge_parts(parts, shape) -> queues.QueueHours:
    """One QueueHours from solves of disjoint hour columns (hours closed to all stay at 0)."""
    out = {f: np.zeros(shape) for f in ("service_level", "occupancy", "p_wait", "asa_seconds")}
    agents = np.zeros(shape, dtype=np.int64)
    abandon = None
    out["service_level"][:] = 1.0
    for cols, q in parts:
        agents[:, cols] = q.agents
        for f in out:
            out[f][:, cols] = getattr(q, f)
        if q.abandonment is not None:
            if abandon is None:
                abandon = np.zeros(shape)
            abandon[:, cols] = q.abandonment
    return queues.QueueHours(agents=agents, abandonment=abandon, **out)


def hourly_detail(detail) -> tuple[HourlyPlan, tuple]:
    """The 168-hour plan of one month and its summary figures (see `summarise`)."""
    q, contacts, traffic, is_open, i = detail
    plan = HourlyPlan(
        agents=q.agents[i].astype(float),
        contacts=contacts[i],
        traffic=traffic[i],
        service_level=np.where(is_open, q.service_level[i], np.nan),
        occupancy=q.occupancy[i],
        abandonment=None if q.abandonment is None else q.abandonment[i],
    )
    return plan, summarise(plan, is_open, q.p_wait[i], q.asa_seconds[i])


def summarise(plan: HourlyPlan, is_open: np.ndarray, p_wait, asa) -> tuple:
    """(agents on duty, peak, SL, worst hour SL, occupancy, P wait, ASA, traffic, abandonment)."""
    c = plan.contacts
    total = float(c.sum())
    n_open = max(int(is_open.sum()), 1)
    agents = plan.agents
    ab = plan.abandonment
    answered = c * (1.0 - ab) if ab is not None else c
    served_traffic = plan.traffic * ((1.0 - ab) if ab is not None else 1.0)
    busy = c > 0

    def weighted(values, weights):
        w = float(weights.sum())
        return float((values * weights).sum() / w) if w > 0 else None

    return (
        float(agents[is_open].sum()) / n_open,
        float(agents.max(initial=0.0)),
        weighted(np.nan_to_num(plan.service_level, nan=1.0), c) if total > 0 else 1.0,
        float(plan.service_level[busy].min()) if busy.any() else 1.0,
        float(served_traffic.sum() / agents.sum()) if agents.sum() > 0 else 0.0,
        weighted(p_wait, c) if total > 0 else 0.0,
        weighted(asa, answered) if float(answered.sum()) > 0 else 0.0,
        float(plan.traffic[is_open].sum()) / n_open,
        None if ab is None else (weighted(ab, c) if total > 0 else 0.0),
    )
