"""Staffing per option, channel and month: queues per hour for live channels, workload for deferred
ones, FTE and hires (DESIGN §3, §8).

Contacts follow each month's demand; the staffing follows the month that sets it. The queue maths
is in `erlang` (one queue, v1) and `queues` (every hour of the week at once, Erlang A); `hours` solves a channel hour by hour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

import numpy as np

from . import demand, routing
from .demand import WEEKS_PER_MONTH
from .erlang import (  # noqa: F401 - re-exported: the v1 names of this module
    MAX_TRAFFIC,
    SL_TOLERANCE,
    VECTOR_FROM,
    ErlangResult,
    _inv_erlang_b,
    erlang_b,
    erlang_c,
    service_level,
    solve_agents,
)
from .hours import HourlyPlan, Month, flat_week_plan, hourly_detail, staff_hours
from .inputs import Channel, Inputs, Option

MAX_SHRINKAGE = 0.95


@dataclass(frozen=True, kw_only=True)
class ChannelYear:
    """One option's staffing of one channel in one year, in the month that sets it (the busiest)."""

    channel: str
    year: int
    mode: str
    month: int
    """Model month (1..M) whose demand this row describes: the busiest month of the year."""
    contacts_month: float
    aht_minutes: float
    """Handling time of this option on this channel (pooled over tiers, x option factor)."""
    erlang: ErlangResult | None
    """v1 channels (no profile) on a live queue: the one Erlang C result of every open hour."""
    staffed_hours_month: float
    fte: float
    agents_on_duty: float | None = None
    """Live: agents on duty, averaged over the open hours (v1: the one figure)."""
    peak_agents: float | None = None
    service_level: float | None = None
    """Live: share of the month's contacts answered in time (volume-weighted over the hours)."""
    worst_hour_service_level: float | None = None
    occupancy: float | None = None
    p_wait: float | None = None
    asa_seconds: float | None = None
    traffic_erlangs: float | None = None
    """Live: offered traffic, averaged over the open hours."""
    abandonment: float | None = None
    """Live with a patience: share of the month's contacts that hang up."""
    hourly: HourlyPlan | None = None


@dataclass(frozen=True, kw_only=True)
class StaffingPlan:
    """Per channel (rows, in Inputs order) and month (columns, 0..M; month 0 is zero)."""

    contacts: np.ndarray
    """Contacts handled per month, shape (C, M+1)."""
    minutes: np.ndarray
    """Handled minutes per month, (C, M+1)."""
    hours: np.ndarray
    """Staffed agent hours per month, (C, M+1)."""
    fte: np.ndarray
    """FTE, (C, M+1)."""
    row_makers: tuple[Callable[[], ChannelYear], ...] = ()

    @cached_property
    def rows(self) -> tuple[ChannelYear, ...]:
        """Per channel (in Inputs order), then year: built when first asked for, since the
        hybrid and sensitivity runs need only the arrays."""
        return tuple(make() for make in self.row_makers)


def coverage_hours(channel: Channel) -> float:
    """Hours a channel is open per month: hours per week x 52 / 12 (v1; see demand for v2)."""
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
    """Staffed hours and FTE of one v1 channel (no profile) in one year (DESIGN §3 Staffing)."""
    s = _staff_flat(channel, contacts_month, aht_minutes)
    return _row(
        channel, year, 12 * (year - 1) + 1, contacts_month, aht_minutes, s, option, shrinkage
    )


def _staff_flat(channel: Channel, volume: float, aht: float) -> Month:
    """v1: one Erlang C result for every open hour, or the deferred workload."""
    hours_open = coverage_hours(channel)
    aht_eff = aht / max(channel.concurrency, 1e-9)
    if channel.mode != "live":
        workload = volume * aht_eff / 60.0
        return Month(staffed=max(workload / channel.max_occupancy, channel.min_agents * hours_open))
    traffic = volume / hours_open * aht_eff / 60.0
    e = solve_agents(
        float(traffic),
        aht_seconds=float(aht_eff * 60.0),
        answer_seconds=float(channel.answer_seconds),
        target=float(channel.service_level),
        max_occupancy=float(channel.max_occupancy),
        min_agents=int(channel.min_agents),
    )
    return Month(staffed=e.agents * hours_open, erlang=e)


def _row(channel, year, month, volume, aht, s: Month, option, shrinkage) -> ChannelYear:
    productive = option.paid_hours * (1.0 - min(max(shrinkage, 0.0), MAX_SHRINKAGE))
    extra: dict = {}
    if s.erlang is not None:
        e = s.erlang
        extra = dict(
            agents_on_duty=float(e.agents),
            peak_agents=float(e.agents),
            service_level=e.service_level,
            worst_hour_service_level=e.service_level,
            occupancy=e.occupancy,
            p_wait=e.p_wait,
            asa_seconds=e.asa_seconds,
            traffic_erlangs=e.traffic,
            hourly=flat_week_plan(channel, volume, e),
        )
    elif s.detail is not None:
        hourly, summary = hourly_detail(s.detail)
        keys = (
            "agents_on_duty",
            "peak_agents",
            "service_level",
            "worst_hour_service_level",
            "occupancy",
            "p_wait",
            "asa_seconds",
            "traffic_erlangs",
            "abandonment",
        )
        extra = dict(zip(keys, summary, strict=True), hourly=hourly)
    return ChannelYear(
        channel=channel.name,
        year=year,
        mode=channel.mode,
        month=month,
        contacts_month=volume,
        aht_minutes=aht,
        erlang=s.erlang,
        staffed_hours_month=s.staffed,
        fte=s.staffed / productive,
        **extra,
    )


def _staff_months(
    channel: Channel,
    volumes: np.ndarray,
    aht: float,
    memo: dict | None,
    key: object,
    portion: routing.Portion | None = None,
) -> list[Month]:
    """Staff each of the given monthly volumes of one channel (distinct values, any order),
    solving only those `memo` does not hold yet (hybrid shares and volume scenarios meet the same
    volumes: 80% of the volume at full share is the full volume at an 80% share). `portion` is
    the part of the channel a routed side handles when it varies by hour (else None)."""
    if memo is None:
        return _solve_months(channel, volumes, aht, portion)
    tag = None if portion is None else portion.key
    missing = [v for v in volumes.tolist() if (key, aht, v, tag) not in memo]
    if missing:
        solved = _solve_months(channel, np.array(missing), aht, portion)
        for v, month in zip(missing, solved, strict=True):
            memo[(key, aht, v, tag)] = month
    return [memo[(key, aht, v, tag)] for v in volumes.tolist()]


def _solve_months(
    channel: Channel, volumes: np.ndarray, aht: float, portion: routing.Portion | None = None
) -> list[Month]:
    if portion is not None:
        week = demand.week_shares(channel) * portion.mix
        if channel.mode == "live":
            return staff_hours(channel, volumes, aht, week=week, aht_hours=portion.aht)
        openness = demand.open_hours(channel)
        hours_open = float(openness[week > 0].sum()) * WEEKS_PER_MONTH
        work = float((week * portion.aht).sum())
        aht_eff = aht / max(channel.concurrency, 1e-9)
        return [
            Month(
                staffed=max(
                    v * work * aht_eff / 60.0 / channel.max_occupancy,
                    channel.min_agents * hours_open,
                )
            )
            for v in volumes
        ]
    if channel.mode == "live" and channel.profile is not None:
        return staff_hours(channel, volumes, aht)
    if channel.mode != "live":
        hours_open = demand.open_hours_per_month(channel)
        aht_eff = aht / max(channel.concurrency, 1e-9)
        return [
            Month(
                staffed=max(
                    v * aht_eff / 60.0 / channel.max_occupancy, channel.min_agents * hours_open
                )
            )
            for v in volumes
        ]
    return [_staff_flat(channel, float(v), aht) for v in volumes]


def _side_of(
    channel: Channel, share: float, fraction: np.ndarray | None
) -> tuple[float, float, routing.Portion | None]:
    """(share of the channel's volume, its handling-time factor, hourly portion or None).

    Every contact alike (a pure option, a uniform share) keeps v1's arithmetic exactly; a routing
    that differs only by tier scales the volume and sets the tier mix's handling time; one that
    differs by hour returns the hourly portion."""
    if fraction is None or np.all(fraction == 1.0):
        return share, channel.pooled_aht_factor, None
    if np.all(fraction == fraction.flat[0]):
        return share * float(fraction.flat[0]), channel.pooled_aht_factor, None
    part = routing.portion(fraction, channel)
    if part.uniform:
        return share * float(part.mix[0]), float(part.aht[0]), None
    return share, 1.0, part  # the portion carries each hour's handling time


def staff_option(
    inputs: Inputs,
    option: Option,
    *,
    share: float = 1.0,
    volume_factor: float = 1.0,
    aht_factor: float = 1.0,
    shrinkage: float | None = None,
    volume_growth: float | None = None,
    memo: dict | None = None,
    fraction: np.ndarray | None = None,
) -> StaffingPlan:
    """Staffing of `option` handling `share` of every channel, for every channel and month; or,
    given `fraction` (C, 168, 2), the share of each channel x hour x tier a routing sends it.

    Contacts follow each month's demand; staffing follows the month that sets it (the month itself
    for an option that flexes monthly, else the busiest month of its year, DESIGN §8). `memo`, a
    dict the caller keeps for one set of inputs, shares solved months between calls.
    """
    project = inputs.project
    years = project.horizon_years
    months = project.horizon_months
    growth = project.volume_growth if volume_growth is None else volume_growth
    shrink = option.shrinkage if shrinkage is None else shrinkage
    productive = option.paid_hours * (1.0 - min(max(shrink, 0.0), MAX_SHRINKAGE))
    n_ch = len(inputs.channels)
    contacts = np.zeros((n_ch, months + 1))
    minutes = np.zeros((n_ch, months + 1))
    hours = np.zeros((n_ch, months + 1))
    year_of = year_index(months) + 1
    growth_factor = (1.0 + growth) ** (year_of - 1.0)
    rows = []
    for c, channel in enumerate(inputs.channels):
        c_share, pooled, part = _side_of(channel, share, None if fraction is None else fraction[c])
        aht = channel.aht_minutes * pooled * option.aht_factor * aht_factor
        season = demand.season_factors(channel, project)
        volume = c_share * channel.monthly_volume * volume_factor * growth_factor
        if channel.seasonality is not None:
            volume = volume * season
        volume[0] = 0.0
        handled, work = 1.0, 1.0
        if part is not None:  # contacts this side handles, and their handling time, by hour
            weekly = demand.week_shares(channel)
            handled = float((weekly * part.mix).sum())
            work = float((weekly * part.mix * part.aht).sum()) / handled if handled > 0 else 1.0
        sets = demand.busiest_months(volume, option.flexes_monthly)
        distinct, where = np.unique(volume[sets[1:]], return_inverse=True)
        staffed = _staff_months(channel, distinct, aht, memo, c, part)
        for m in range(1, months + 1):
            hours[c, m] = staffed[where[m - 1]].staffed
        contacts[c] = volume * handled
        minutes[c] = volume * handled * aht * work
        for y in range(1, years + 1):
            first = 12 * (y - 1) + 1
            peak = first + int(np.argmax(volume[first : first + 12]))
            month = sets[peak]
            rows.append(
                partial(
                    _row,
                    channel,
                    y,
                    int(month),
                    float(volume[month]) * handled,
                    aht * work,
                    staffed[where[month - 1]],
                    option,
                    shrink,
                )
            )
    fte = hours / productive
    return StaffingPlan(
        contacts=contacts, minutes=minutes, hours=hours, fte=fte, row_makers=tuple(rows)
    )


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
