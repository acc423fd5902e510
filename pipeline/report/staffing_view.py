"""The staffing chapter, prepared for the template: the year-1 table, one week grid per live channel
with a sentence on its peak and worst hour, and the monthly FTE chart (DESIGN §8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .. import schema
from ..model import demand
from ..model.results import Results, StaffingByHour
from . import staffing_charts
from .brands import Brand
from .context import Row
from .locales import Locale


@dataclass(frozen=True, kw_only=True)
class WeekChart:
    channel: str
    sentences: tuple[str, ...]
    """Per option: its peak, average, worst hour and abandonment, in words."""
    svg: Markup


@dataclass(frozen=True, kw_only=True)
class StaffingView:
    rows: tuple[Row, ...]
    weeks: tuple[WeekChart, ...]
    fte_chart: Markup | None
    fte_sentence: str
    planning_month: str
    """'December 2027': the busiest month of year 1, which the table and the grids describe; blank
    without seasons (every month alike) or when channels peak in different months."""
    has_abandonment: bool


def _month_label(results: Results, month: int, loc: Locale) -> str:
    start = demand.go_live(results.inputs.project)
    index = start.month - 1 + month - 1
    return loc.month(date(start.year + index // 12, index % 12 + 1, 1))


def _hour_label(k: int, loc: Locale) -> str:
    return f"{schema.DAYS[k // 24](loc.lang)} {k % 24:02d}:00"


def _rows(results: Results, loc: Locale, abandonment: bool) -> tuple[Row, ...]:
    rows = []
    for o in results.options:
        rows.append(Row(cells=(o.name,), head=True))
        for s in o.staffing:
            if s.year != 1:
                continue
            live = s.mode == "live"
            cells = [
                s.channel,
                schema.choice_label(schema.MODES, s.mode, loc.lang),
                f"{loc.number(s.agents_on_duty, 1)} / {loc.number(s.peak_agents)}" if live else "–",
                f"{loc.percent(s.service_level)} / {loc.percent(s.worst_hour_service_level)}"
                if live
                else "–",
            ]
            if abandonment:
                cells.append(loc.percent(s.abandonment, 1))
            cells += [
                loc.percent(s.occupancy) if live else "–",
                loc.number(s.asa_seconds) if live else "–",
                loc.number(s.staffed_hours_month),
                loc.number(s.fte, 1),
            ]
            rows.append(Row(cells=tuple(cells)))
    return tuple(rows)


def _sentence(option: str, week: StaffingByHour, loc: Locale, answer: float) -> str:
    agents = week.agents
    open_hours = [k for k, sl in enumerate(week.service_level) if sl is not None]
    busiest = max(open_hours, key=lambda k: (agents[k], week.contacts[k]))
    avg = sum(agents[k] for k in open_hours) / max(len(open_hours), 1)
    served = [k for k in open_hours if week.contacts[k] > 0]
    text = loc._(
        "{option}: up to {peak} agents ({hour}) against {average} on average.",
        option=option,
        peak=loc.number(agents[busiest]),
        hour=_hour_label(busiest, loc),
        average=loc.number(avg, 1),
    )
    if served:
        worst = min(served, key=lambda k: week.service_level[k])
        text += " " + loc._(
            "Its worst hour ({hour}) answers {sl} within {seconds}.",
            hour=_hour_label(worst, loc),
            sl=loc.percent(week.service_level[worst]),
            seconds=f"{loc.number(answer)}\u00a0s",
        )
        if week.abandonment is not None:
            total = sum(week.contacts[k] for k in served)
            lost = sum(week.contacts[k] * week.abandonment[k] for k in served)
            text += " " + loc._(
                "{share} of callers hang up before an answer.",
                share=loc.percent(lost / total if total else 0.0, 1),
            )
    return text


def build(results: Results, loc: Locale, brand: Brand) -> StaffingView:
    channels = {c.name: c for c in results.inputs.channels}
    abandonment = any(s.abandonment is not None for o in results.options for s in o.staffing)
    weeks = []
    for name, channel in channels.items():
        if channel.mode != "live" or channel.profile is None:
            continue  # without a profile every open hour is alike: the table says it all
        picked = [
            (o.name, w)
            for o in results.options
            for w in o.staffing_by_hour
            if w.channel == name and w.year == 1
        ]
        if not picked:
            continue
        svg = staffing_charts.week_grid(picked, loc, brand, key=f"c{len(weeks)}")
        weeks.append(
            WeekChart(
                channel=name,
                sentences=tuple(
                    _sentence(opt, w, loc, channel.answer_seconds) for opt, w in picked
                ),
                svg=Markup(svg),
            )
        )
    months = {s.month for o in results.options for s in o.staffing if s.year == 1}
    seasonal = any(c.seasonality is not None for c in channels.values())
    planning = _month_label(results, months.pop(), loc) if seasonal and len(months) == 1 else ""
    flexing = [o.name for o in results.options if o.flexes_monthly]
    steady = [o.name for o in results.options if not o.flexes_monthly]
    if flexing and steady:
        fte_sentence = loc._(
            "{flexing} staff each month for that month's demand; {steady} staff each year for "
            "its busiest month, so the team is sized for the peak all year.",
            flexing=", ".join(flexing),
            steady=", ".join(steady),
        )
    elif flexing:
        fte_sentence = loc._("Every option staffs each month for that month's demand.")
    else:
        fte_sentence = loc._(
            "Every option staffs each year for its busiest month, so the team is sized for the "
            "peak all year."
        )
    return StaffingView(
        rows=_rows(results, loc, abandonment),
        weeks=tuple(weeks),
        fte_chart=Markup(staffing_charts.monthly_fte(results, loc, brand))
        if seasonal and results.horizon_months > 1
        else None,
        fte_sentence=fte_sentence,
        planning_month=planning,
        has_abandonment=abandonment,
    )
