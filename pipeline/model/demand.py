"""Demand as it arrives (DESIGN §8): the hours of the week, the months of the year, the tiers.

A channel with a profile spreads its weekly volume over the 168 hours by the profile's weights. A
channel without one (every v1 workbook) is open `hours_per_week` hours placed on the week by one
rule, spread evenly; it is staffed exactly as in v1, the placement only says *when* it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .inputs import HOURS_IN_WEEK, Channel, Project

WEEKS_PER_MONTH = 52.0 / 12.0
DAYS_IN_WEEK = 7
WEEKDAY_HOURS_UP_TO = 60.0
"""Rule for a channel without a profile: up to this many hours a week it opens Monday to Friday,
beyond it every day."""
DAY_STARTS_AT = 8.0
"""... from 08:00, each open day alike; a day longer than 16 hours ends at midnight instead."""


def flat_week(hours_per_week: float) -> np.ndarray:
    """The open share (0..1) of each hour of the week for a channel without a profile: 45 h is
    Mon-Fri 08-17, 84 h every day 08-20, 168 h round the clock (a part hour opens part-way)."""
    hours = min(max(float(hours_per_week), 0.0), float(HOURS_IN_WEEK))
    days = 5 if hours <= WEEKDAY_HOURS_UP_TO else DAYS_IN_WEEK
    per_day = hours / days
    start = DAY_STARTS_AT if per_day <= 24.0 - DAY_STARTS_AT else 24.0 - per_day
    day = np.clip(
        np.minimum(np.arange(1, 25), start + per_day) - np.maximum(np.arange(24), start), 0, 1
    )
    week = np.zeros(HOURS_IN_WEEK)
    for d in range(days):
        week[24 * d : 24 * (d + 1)] = day
    return week


def open_hours(channel: Channel) -> np.ndarray:
    """How much of each hour of the week (168 values, 0..1) the channel is open."""
    if channel.profile is None:
        return flat_week(channel.hours_per_week)
    return (np.asarray(channel.profile.weights, dtype=float) > 0).astype(float)


def open_all_week(channel: Channel) -> bool:
    """Open round the clock, every day: by its profile, or by 168 hours a week without one."""
    if channel.profile is None:
        return channel.hours_per_week >= HOURS_IN_WEEK
    return channel.profile.open_hours >= HOURS_IN_WEEK


def week_shares(channel: Channel) -> np.ndarray:
    """Share of a week's contacts arriving in each of its 168 hours (sums to 1)."""
    if channel.profile is None:
        w = flat_week(channel.hours_per_week)
    else:
        w = np.asarray(channel.profile.weights, dtype=float)
    total = w.sum()
    return w / total if total > 0 else w


def open_hours_per_month(channel: Channel) -> float:
    """Hours a channel is open per month: v1's hours per week x 52/12, or the profile's open hours."""
    if channel.profile is None:
        return channel.hours_per_week * WEEKS_PER_MONTH
    return channel.profile.open_hours * WEEKS_PER_MONTH


def go_live(project: Project) -> date:
    """Calendar month of model month 1: the project's go-live, else the month after the report."""
    if project.go_live is not None:
        return project.go_live
    d = project.report_date
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def calendar_months(project: Project) -> np.ndarray:
    """Calendar month index (0 = January) of model months 0..M (month 0 = the one before go-live)."""
    first = go_live(project).month - 1
    return (first + np.arange(-1, project.horizon_months)) % 12


def season_factors(channel: Channel, project: Project) -> np.ndarray:
    """Volume factor of months 0..M from the channel's seasonal pattern (1 without one)."""
    if channel.seasonality is None:
        return np.ones(project.horizon_months + 1)
    return np.asarray(channel.seasonality.factors, dtype=float)[calendar_months(project)]


@dataclass(frozen=True, kw_only=True)
class Tier:
    """A part of a channel's contacts with its own handling time (DESIGN §8: simple / complex)."""

    code: str
    """`simple` or `complex`."""
    share: float
    aht_factor: float
    """Handling time relative to the channel's AHT."""


def tiers(channel: Channel) -> tuple[Tier, ...]:
    """The channel's tiers; one queue pools them at AHT x (1 - q + q x factor)."""
    q = channel.complex_share
    out = [Tier(code="simple", share=1.0 - q, aht_factor=1.0)]
    if q > 0:
        out.append(Tier(code="complex", share=q, aht_factor=channel.complex_aht_factor))
    return tuple(out)


def busiest_months(volume: np.ndarray, flexes: bool) -> np.ndarray:
    """For months 1..M, the month whose demand sets the staffing: itself when the option flexes
    monthly, else the busiest month of its year (the first of equals). Index 0 maps to 0."""
    months = len(volume) - 1
    out = np.arange(months + 1)
    if flexes:
        return out
    for start in range(1, months + 1, 12):
        stop = min(start + 12, months + 1)
        out[start:stop] = start + int(np.argmax(volume[start:stop]))
    return out
