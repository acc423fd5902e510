"""The report's charts as SVG text, drawn with the small kit in `svg` (no plotting library).

Text stays text in the brand's font; no filters, no foreignObject. Series differ by colour *and* by
marker, line style or hatch, so the charts read in black and white. Legends sit above the plot, so
they never hide data. Output is deterministic: the same results give the same SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate

from .. import schema
from ..model.results import Results
from .brands import Brand
from .locales import Locale
from .svg import (
    DASHES,
    MARKERS,
    SMALL,
    WIDTH,
    Canvas,
    LegendItem,
    axes,
    legend,
    linear_ticks,
    nice_ticks,
    text_width,
)

HATCHES = ("", "///", "...", "xx", "\\\\")
CATEGORY_ORDER = tuple(c.code for c in schema.CATEGORIES)
LEGEND_LEFT = 14.0


def _canvas(name: str, height_in: float, brand: Brand) -> Canvas:
    return Canvas(
        prefix=name, width=WIDTH, height=height_in * 72, font=brand.font, text_colour=brand.text
    )


def _colours(brand: Brand, n: int) -> list[str]:
    pal = brand.palette
    return [pal[i % len(pal)] for i in range(n)]


def _line_series(c: Canvas, ax, xs, ys, colour: str, index: int, every: int) -> None:
    c.polyline([(ax.x(x), ax.y(y)) for x, y in zip(xs, ys, strict=True)], colour,
               dash=DASHES[index % len(DASHES)])  # fmt: skip
    kind = MARKERS[index % len(MARKERS)]
    for k in range(0, len(xs), every):
        c.marker(kind, ax.x(xs[k]), ax.y(ys[k]), colour)


def _legend_lines(names: Sequence[str], colours: Sequence[str], offset: int = 0):
    return [
        LegendItem(
            label=name,
            colour=colours[i],
            dash=DASHES[(i + offset) % len(DASHES)],
            marker=MARKERS[(i + offset) % len(MARKERS)],
        )
        for i, name in enumerate(names)
    ]


def cumulative_cost(results: Results, loc: Locale, brand: Brand) -> str:
    """Cumulative nominal cost per option over the months."""
    c = _canvas("cumulative", 2.45, brand)
    colours = _colours(brand, len(results.options))
    series = [list(accumulate(opt.monthly_cost)) for opt in results.options]
    names = [opt.name for opt in results.options]
    top = legend(c, _legend_lines(names, colours), top=0, left=LEGEND_LEFT, right=c.width - 8)
    months = results.horizon_months
    ax = axes(
        c,
        top=top + 6,
        x_range=(0, months),
        y_values=[v for ys in series for v in ys],
        y_format=loc.axis_money,
        x_ticks=linear_ticks(0, months, loc.number),
        x_title=loc._("Month"),
        y_title=loc._("Cumulative cost ({currency})", currency=results.currency),
    )
    for i, ys in enumerate(series):
        _line_series(c, ax, range(len(ys)), ys, colours[i], i, max(1, len(ys) // 6))
    return c.svg(loc._("Cumulative cost over the horizon"))


def annual_stacked(results: Results, loc: Locale, brand: Brand) -> str:
    """Annual cost per option and year, stacked by category (hatched so print tells them apart)."""
    c = _canvas("annual", 3.1, brand)
    years = len(results.options[0].annual_cost)
    n_opt = len(results.options)
    group = years + 1
    cat_colours = [brand.primary, brand.secondary, brand.accent, "#8C8C8C", "#C9A227"]
    fills = []
    items = []
    for k, cat in enumerate(schema.CATEGORIES):
        colour = cat_colours[k % len(cat_colours)]
        hatch = HATCHES[k % len(HATCHES)]
        fill = c.hatch(f"h{k}", hatch) if hatch else colour
        fills.append((colour, fill))
        items.append(LegendItem(label=loc.label(cat.label), colour=colour, fill=fill))
    top = legend(c, items, top=0, left=LEGEND_LEFT, right=c.width - 8)
    totals = [
        sum(opt.annual_by_category.get(cat, (0.0,) * years)[y] for cat in CATEGORY_ORDER)
        for opt in results.options
        for y in range(years)
    ]
    # Many options over many years leave a few points per bar: label every step-th year only.
    slot = (c.width - 70) / (n_opt * group)
    step = max(1, math.ceil((text_width(loc._("Y{n}", n=years)) + 4) / slot))
    ticks = [
        (i * group + y, loc._("Y{n}", n=y + 1))
        for i in range(n_opt)
        for y in range(0, years, step)
        if group - y >= step  # not crowding the next option's first label
    ]
    ax = axes(
        c,
        top=top + 6,
        x_range=(-0.7, n_opt * group - 1.3),
        y_values=totals,
        y_format=loc.axis_money,
        x_ticks=ticks,
        y_title=loc._("Annual cost ({currency})", currency=results.currency),
        x_grid=False,
        bottom_extra=13,
    )
    half = 0.4
    for i, opt in enumerate(results.options):
        for y in range(years):
            x = i * group + y
            bottom = 0.0
            for k, cat in enumerate(CATEGORY_ORDER):
                value = opt.annual_by_category.get(cat, (0.0,) * years)[y]
                if value == 0:
                    continue
                colour, fill = fills[k]
                x0, x1 = ax.x(x - half), ax.x(x + half)
                y0, y1 = ax.y(bottom), ax.y(bottom + value)
                c.rect(x0, y1, x1 - x0, y0 - y1, colour)
                if fill != colour:
                    c.rect(x0, y1, x1 - x0, y0 - y1, fill, stroke="none", width=0)
                bottom += value
        name_x = ax.x(i * group + (years - 1) / 2)
        c.text(name_x, c.height - 4, opt.name, anchor="middle", size=8, bold=True)
    return c.svg(loc._("Annual cost by category"))


def cumulative_savings(results: Results, loc: Locale, brand: Brand) -> str:
    """Cumulative savings of each alternative against the baseline, payback months marked."""
    c = _canvas("savings", 2.9, brand)
    colours = _colours(brand, len(results.comparisons) + 1)[1:]
    names = [comp.option for comp in results.comparisons]
    items = _legend_lines(names, colours, offset=0)
    top = legend(c, items, top=0, left=LEGEND_LEFT, right=c.width - 8)
    months = results.horizon_months
    ax = axes(
        c,
        top=top + 6,
        x_range=(0, months),
        y_values=[v for comp in results.comparisons for v in comp.cumulative_savings],
        y_format=loc.axis_money,
        x_ticks=linear_ticks(0, months, loc.number),
        x_title=loc._("Month"),
        y_title=loc._("Cumulative savings ({currency})", currency=results.currency),
    )
    c.line(ax.left, ax.y(0), ax.right, ax.y(0), "#444444", 0.8)
    for i, comp in enumerate(results.comparisons):
        ys = list(comp.cumulative_savings)
        _line_series(c, ax, range(len(ys)), ys, colours[i], i, max(1, len(ys) // 6))
    for i, comp in enumerate(results.comparisons):  # labels last, over every line
        m = comp.payback_month
        if m is not None and m < len(comp.cumulative_savings):
            # One row per alternative at the top of the plot, beside its dotted line: labels of
            # close payback months never overlap.
            x = ax.x(m)
            c.line(x, ax.top, x, ax.bottom, colours[i], 0.8, "1 2")
            c.text(x + 3, ax.top + 8 + 9 * i, loc._("Payback: month {n}", n=loc.number(m)),
                   size=SMALL)  # fmt: skip
    return c.svg(loc._("Return on investment"))


def hybrid_curve(results: Results, loc: Locale, brand: Brand) -> str:
    """Present-value cost as the share sent to each vendor goes from 0 to 100%."""
    c = _canvas("hybrid", 2.8, brand)
    colours = _colours(brand, len(results.hybrid) + 1)[1:]
    names = [hyb.vendor for hyb in results.hybrid]
    top = legend(
        c, _legend_lines(names, colours, offset=1), top=0, left=LEGEND_LEFT, right=c.width - 8
    )
    values = [p.pv_cost for hyb in results.hybrid for p in hyb.curve]
    lo, hi = min(values), max(values)
    ticks = nice_ticks(lo - (hi - lo) * 0.25, hi + (hi - lo) * 0.05)  # room for the labels
    ax = axes(
        c,
        top=top + 6,
        x_range=(-2, 102),
        y_values=values,
        y_format=loc.axis_money,
        y_tick_values=ticks,
        x_ticks=[(v, loc.number(v)) for v in range(0, 101, 10)],
        x_title=loc._("Share of volume sent to the vendor (%)"),
        y_title=loc._("Present value of cost ({currency})", currency=results.currency),
    )
    for i, hyb in enumerate(results.hybrid):
        xs = [p.share * 100 for p in hyb.curve]
        ys = [p.pv_cost for p in hyb.curve]
        _line_series(c, ax, xs, ys, colours[i], i + 1, 1)
    for i, hyb in enumerate(results.hybrid):
        bx, by = ax.x(hyb.best_share * 100), ax.y(hyb.best_pv_cost)
        c.marker("*", bx, by, colours[i], size=10)
        label = loc._("Best: {share}", share=loc.percent(hyb.best_share))
        right = bx > (ax.left + ax.right) / 2  # label on the side with room, beside its star
        c.text(bx + (-8 if right else 8), by + 3 + 9 * (i % 2), label,
               anchor="end" if right else "start", size=SMALL)  # fmt: skip
    return c.svg(loc._("Hybrid split"))


def tornado(results: Results, loc: Locale, brand: Brand, labels: Sequence[str]) -> str:
    """NPV of the leading alternative at each driver's low and high value, widest swing on top."""
    sens = results.sensitivity
    assert sens is not None
    rows = list(sens.rows)
    c = _canvas("tornado", 0.75 + 0.3 * len(rows), brand)
    high_fill = c.hatch("high", "///")
    items = [
        LegendItem(label=loc._("Low value"), colour=brand.secondary, fill=brand.secondary),
        LegendItem(label=loc._("High value"), colour=brand.accent, fill=high_fill),
    ]
    top = legend(c, items, top=0, left=LEGEND_LEFT, right=c.width - 8)
    base = sens.base_npv
    values = [base] + [v for r in rows for v in (r.npv_low, r.npv_high)]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.04 or abs(base) * 0.1 or 1.0
    x_lo, x_hi = lo - pad, hi + pad
    ax = axes(
        c,
        top=top + 6,
        x_range=(x_lo, x_hi),
        y_values=(),
        y_format=loc.axis_money,
        y_ticks=[(len(rows) - 1 - k, label) for k, label in enumerate(labels)],
        x_ticks=linear_ticks(x_lo, x_hi, loc.axis_money, target=6),
        x_title=loc._("NPV of savings ({currency})", currency=results.currency),
        y_grid=False,
    )
    for k, row in enumerate(rows):
        y = len(rows) - 1 - k
        y0, y1 = ax.y(y + 0.3), ax.y(y - 0.3)
        for value, colour, fill in (
            (row.npv_low, brand.secondary, brand.secondary),
            (row.npv_high, brand.accent, high_fill),
        ):
            x0, x1 = ax.x(base), ax.x(value)
            c.rect(x0, y0, x1 - x0, y1 - y0, colour)
            if fill != colour:
                c.rect(x0, y0, x1 - x0, y1 - y0, fill, stroke="none", width=0)
    c.line(ax.x(base), ax.top, ax.x(base), ax.bottom, brand.text, 0.9)
    return c.svg(loc._("Sensitivity and break-even"))
