"""The staffing chapter's charts: agents needed across the week, and FTE month by month (DESIGN §8).

Same kit and conventions as `charts`: plain SVG, text in the brand's font, deterministic output.
The week is a grid (days down, hours across) with the number of agents written in every open hour,
shaded by how many: a planner reads the figures, a manager sees the peaks.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import schema
from ..model.results import Results, StaffingByHour
from .brands import Brand
from .charts import LEGEND_LEFT, _canvas, _colours, _legend_lines, _line_series, alt_list
from .locales import Locale
from .svg import AXIS, SMALL, TICK_TEXT, axes, legend, linear_ticks, text_width

CELL_H = 9.5
BLOCK_GAP = 10.0
TITLE_H = 12.0
CLOSED = "#F2F2F2"


def _mix(colour: str, share: float) -> str:
    """`colour` blended with white: 0 = white, 1 = the colour."""
    share = min(max(share, 0.0), 1.0)
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    out = [round(255 + (c - 255) * share) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in out)


def _dark(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def day_groups(week: StaffingByHour) -> list[tuple[int, int]]:
    """Runs of consecutive days (first, last) whose 24 hours are staffed alike: an e-commerce week
    reads as Mon-Fri and Sat-Sun, an office week as Mon-Fri and Sat-Sun closed."""

    def day(d: int) -> tuple:
        hours = range(24 * d, 24 * d + 24)
        return tuple((week.agents[k], week.service_level[k] is None) for k in hours)

    groups: list[tuple[int, int]] = []
    for d in range(7):
        if groups and day(groups[-1][0]) == day(d):
            groups[-1] = (groups[-1][0], d)
        else:
            groups.append((d, d))
    return groups


def week_grid(
    weeks: Sequence[tuple[str, StaffingByHour]], loc: Locale, brand: Brand, *, key: str
) -> str:
    """One block per (title, week): a row per run of days staffed alike, 24 hour columns, agents
    written in each open hour, shaded on one scale shared by the blocks (options compare at a
    glance). Cells of one shade are one path: hundreds of cells stay cheap to draw."""
    open_counts = [
        n
        for _, w in weeks
        for n, sl in zip(w.agents, w.service_level, strict=True)
        if sl is not None
    ]
    low, high = min(open_counts, default=0.0), max(open_counts, default=1.0)
    span = (high - low) or 1.0
    groups = [day_groups(w) for _, w in weeks]
    height = 16 + sum(TITLE_H + len(g) * CELL_H + BLOCK_GAP for g in groups) + 6
    c = _canvas(f"week-{key}", height / 72, brand)
    days = [d(loc.lang) for d in schema.DAYS]
    labels = [[days[a] if a == b else f"{days[a]}–{days[b]}" for a, b in g] for g in groups]
    left = 4 + max(text_width(t, SMALL) for ls in labels for t in ls) + 6
    cell_w = (c.width - left - 4) / 24
    for h in range(0, 24, 2):
        c.text(left + (h + 0.5) * cell_w, 10, f"{h:02d}", size=SMALL, anchor="middle",
               colour=TICK_TEXT)  # fmt: skip
    y = 16.0
    shades: dict[str, list] = {}
    numbers = []
    for (title, week), rows, row_labels in zip(weeks, groups, labels, strict=True):
        c.text(left, y + 9, title, size=8, bold=True)
        y += TITLE_H
        for r, ((first, _last), label) in enumerate(zip(rows, row_labels, strict=True)):
            top = y + r * CELL_H
            c.text(left - 4, top + 7, label, size=SMALL, anchor="end", colour=TICK_TEXT)
            for h in range(24):
                k = 24 * first + h
                agents = week.agents[k]
                is_open = week.service_level[k] is not None
                share = 0.12 + 0.8 * (agents - low) / span
                fill = _mix(brand.primary, share) if is_open else CLOSED
                x = left + h * cell_w
                shades.setdefault(fill, []).append((x, top, cell_w, CELL_H))
                if is_open:
                    colour = "#FFFFFF" if _dark(fill) else brand.text
                    numbers.append((x + cell_w / 2, top + 7, loc.number(agents), colour))
        y += len(rows) * CELL_H + BLOCK_GAP
    for fill in sorted(shades):
        c.boxes(shades[fill], fill, stroke="#FFFFFF", width=0.6)
    for x, ty, value, colour in numbers:
        c.text(x, ty, value, size=6.3, anchor="middle", colour=colour)
    label = loc._("Agents needed in each hour of the week, per option")
    items = []
    for title, week in weeks:
        open_hours = [
            (n, k)
            for k, (n, sl) in enumerate(zip(week.agents, week.service_level, strict=True))
            if sl is not None
        ]
        if not open_hours:
            continue
        most, at = max(open_hours)
        items.append(
            loc._(
                "{title}: {low} to {high} agents, the most on {day} at {hour}:00",
                title=title,
                low=loc.number(min(n for n, _ in open_hours)),
                high=loc.number(most),
                day=days[at // 24],
                hour=f"{at % 24:02d}",
            )
        )
    alt = loc._("Agents needed in each open hour of the week; {list}.", list=alt_list(items))
    return c.svg(label, alt)


def monthly_fte(results: Results, loc: Locale, brand: Brand) -> str:
    """Total FTE of each option month by month: a flexing option follows the seasons, one that
    does not stays at its busiest month's level for the whole year."""
    c = _canvas("fte", 2.5, brand)
    options = [o for o in results.options if o.monthly_fte]
    colours = _colours(brand, len(options))
    names = [
        loc._("{option} (flexes monthly)", option=o.name) if o.flexes_monthly else o.name
        for o in options
    ]
    top = legend(c, _legend_lines(names, colours), top=0, left=LEGEND_LEFT, right=c.width - 8)
    months = results.horizon_months
    series = [list(o.monthly_fte[1:]) for o in options]
    values = [v for s in series for v in s]
    ax = axes(
        c,
        top=top + 6,
        x_range=(1, months),
        y_values=values,
        y_format=lambda v: loc.number(v),
        x_ticks=linear_ticks(1, months, loc.number),
        x_title=loc._("Month"),
        y_title=loc._("FTE"),
    )
    for i, ys in enumerate(series):
        _line_series(c, ax, range(1, months + 1), ys, colours[i], i, max(1, months // 6))
    for y in range(12, months, 12):
        c.line(ax.x(y + 0.5), ax.top, ax.x(y + 0.5), ax.bottom, AXIS, 0.4, "2 2")
    alt = loc._(
        "FTE of each option month by month over {months} months; {list}.",
        months=loc.number(months),
        list=alt_list(
            loc._(
                "{option}: {low} to {high} FTE",
                option=name,
                low=loc.number(min(ys), 1),
                high=loc.number(max(ys), 1),
            )
            for name, ys in zip(names, series, strict=True)
            if ys
        ),
    )
    return c.svg(loc._("FTE per month for each option over the horizon"), alt)
