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


def alt_list(items) -> str:
    """Items of a chart's alternate text, one after the other."""
    return "; ".join(items)


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
    values = [v for ys in series for v in ys]
    fmt, unit = loc.money_axis(values)
    ax = axes(
        c,
        top=top + 6,
        x_range=(0, months),
        y_values=values,
        y_format=fmt,
        x_ticks=linear_ticks(0, months, loc.number),
        x_title=loc._("Month"),
        y_title=loc._("Cumulative cost ({currency})", currency=unit),
    )
    for i, ys in enumerate(series):
        _line_series(c, ax, range(len(ys)), ys, colours[i], i, max(1, len(ys) // 6))
    ends = sorted(zip((ys[-1] if ys else 0.0 for ys in series), names, strict=True))
    alt = loc._(
        "Cumulative cost of each option month by month over {months} months; at the end: {list}.",
        months=loc.number(months),
        list=alt_list(f"{name} {loc.money_words(v)}" for v, name in ends),
    )
    return c.svg(loc._("Cumulative cost over the horizon"), alt)


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
    fmt, unit = loc.money_axis(totals)
    ax = axes(
        c,
        top=top + 6,
        x_range=(-0.7, n_opt * group - 1.3),
        y_values=totals,
        y_format=fmt,
        x_ticks=ticks,
        y_title=loc._("Annual cost ({currency})", currency=unit),
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

    def year(y: int) -> str:
        return alt_list(
            f"{opt.name} {loc.money_words(totals[i * years + y])}"
            for i, opt in enumerate(results.options)
        )

    alt = loc._(
        "Annual cost of each option, year by year, stacked by cost category; year 1: {first}; "
        "year {n}: {last}.",
        n=loc.number(years),
        first=year(0),
        last=year(years - 1),
    )
    return c.svg(loc._("Annual cost by category"), alt)


def _payback_rows(spans: Sequence[tuple[float, float]]) -> list[int]:
    """A row (0 = just above the plot) for each payback label's (left, right): the lowest row
    where it touches no other label."""
    rows: list[int] = []
    for lo, hi in spans:
        taken = {
            rows[j] for j, (a, b) in enumerate(spans[: len(rows)]) if lo < b + 4 and a < hi + 4
        }
        rows.append(next(r for r in range(len(rows) + 1) if r not in taken))
    return rows


PAYBACK_ROW = 10.0


def cumulative_savings(results: Results, loc: Locale, brand: Brand) -> str:
    """Cumulative savings of each alternative against the baseline, payback months marked.

    Payback labels sit in a band between the legend and the plot, each above its dotted line with
    the alternative's marker, stacked only where they would touch: they never cross the curves or
    each other, and the dotted lines stay inside the plot.
    """
    c = _canvas("savings", 2.9, brand)
    colours = _colours(brand, len(results.comparisons) + 1)[1:]
    names = [comp.option for comp in results.comparisons]
    items = _legend_lines(names, colours, offset=0)
    top = legend(c, items, top=0, left=LEGEND_LEFT, right=c.width - 8)
    months = results.horizon_months
    values = [v for comp in results.comparisons for v in comp.cumulative_savings]
    fmt, unit = loc.money_axis(values)
    frame = dict(
        x_range=(0, months),
        y_values=values,
        y_format=fmt,
        x_ticks=linear_ticks(0, months, loc.number),
        x_title=loc._("Month"),
        y_title=loc._("Cumulative savings ({currency})", currency=unit),
    )
    # The x scale does not depend on the top: measure it on a scratch canvas to place the labels.
    scratch = axes(_canvas("scratch", 2.9, brand), top=top + 6, **frame)
    paybacks = [
        (i, comp.payback_month)
        for i, comp in enumerate(results.comparisons)
        if comp.payback_month is not None and comp.payback_month < len(comp.cumulative_savings)
    ]
    spans, anchors = [], []
    for _i, m in paybacks:
        label = loc._("Payback: month {n}", n=loc.number(m))
        x = scratch.x(m)
        w = 10 + text_width(label, SMALL)
        # Text to the right of the line, or to its left near the right edge.
        start = x + w <= scratch.right + 4
        anchors.append((label, start))
        spans.append((x - 4, x + w) if start else (x - w, x + 4))
    rows = _payback_rows(spans)
    band = (max(rows) + 1) * PAYBACK_ROW + 2 if rows else 0.0
    c.height += band  # the band adds to the chart instead of squeezing the plot
    ax = axes(c, top=top + 6 + band, **frame)
    c.line(ax.left, ax.y(0), ax.right, ax.y(0), "#444444", 0.8)
    for i, comp in enumerate(results.comparisons):
        ys = list(comp.cumulative_savings)
        _line_series(c, ax, range(len(ys)), ys, colours[i], i, max(1, len(ys) // 6))
    for (i, m), (label, start), row in zip(paybacks, anchors, rows, strict=True):
        x = ax.x(m)
        y = ax.top - 4 - PAYBACK_ROW * row
        c.line(x, ax.top, x, ax.bottom, colours[i], 0.8, "1 2")
        c.marker(MARKERS[i % len(MARKERS)], x, y - 2.5, colours[i], size=3.2)
        c.text(x + 5 if start else x - 5, y, label, size=SMALL, anchor="start" if start else "end")
    items = []
    for comp in results.comparisons:
        end = loc.money_words(comp.cumulative_savings[-1] if comp.cumulative_savings else 0.0)
        if comp.payback_month is None:
            items.append(
                loc._("{name}: {amount} at the end, no payback", name=comp.option, amount=end)
            )
        else:
            items.append(
                loc._(
                    "{name}: {amount} at the end, paid back {when}",
                    name=comp.option,
                    amount=end,
                    when=loc.months(comp.payback_month),
                )
            )
    alt = loc._(
        "Cumulative savings of each alternative against {baseline}, month by month over {months} "
        "months; {list}.",
        baseline=results.baseline,
        months=loc.number(months),
        list=alt_list(items),
    )
    return c.svg(loc._("Return on investment"), alt)


def hybrid_curve(results: Results, loc: Locale, brand: Brand) -> str:
    """Present-value cost as the share sent to each vendor goes from 0 to 100%.

    Each vendor's best split is in its legend entry and a star on its curve, not a label on the
    plot: several vendors' best points often coincide (100%) and labels there would pile up.
    """
    c = _canvas("hybrid", 2.8, brand)
    colours = _colours(brand, len(results.hybrid) + 1)[1:]
    names = [
        f"{hyb.vendor} ({loc._('Best: {share}', share=loc.percent(hyb.best_share))})"
        for hyb in results.hybrid
    ]
    top = legend(
        c, _legend_lines(names, colours, offset=1), top=0, left=LEGEND_LEFT, right=c.width - 8
    )
    values = [p.pv_cost for hyb in results.hybrid for p in hyb.curve]
    # A zero-based axis (DESIGN §8): a truncated one made a 5% difference look like a cliff.
    lo, hi = min(0.0, min(values)), max(values)
    pad = (hi - lo) * 0.05 or abs(hi) * 0.05 or 1.0
    ticks = nice_ticks(lo, hi + pad)  # room for the stars
    fmt, unit = loc.money_axis(ticks)
    ax = axes(
        c,
        top=top + 6,
        x_range=(-2, 102),
        y_values=values,
        y_format=fmt,
        y_tick_values=ticks,
        x_ticks=[(v, loc.number(v)) for v in range(0, 101, 10)],
        x_title=loc._("Share of volume sent to the vendor (%)"),
        y_title=loc._("Present value of cost ({currency})", currency=unit),
    )
    for i, hyb in enumerate(results.hybrid):
        xs = [p.share * 100 for p in hyb.curve]
        ys = [p.pv_cost for p in hyb.curve]
        _line_series(c, ax, xs, ys, colours[i], i + 1, 1)
    for i, hyb in enumerate(results.hybrid):
        c.marker("*", ax.x(hyb.best_share * 100), ax.y(hyb.best_pv_cost), colours[i], size=9)
    alt = loc._(
        "Present value of cost as the share of volume sent to each vendor goes from 0 to 100%; "
        "{list}.",
        list=alt_list(
            loc._(
                "{vendor}: lowest at {share} ({amount})",
                vendor=hyb.vendor,
                share=loc.percent(hyb.best_share),
                amount=loc.money_words(hyb.best_pv_cost),
            )
            for hyb in results.hybrid
        ),
    )
    return c.svg(loc._("Hybrid split"), alt)


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
    fmt, unit = loc.money_axis((x_lo, x_hi))
    ax = axes(
        c,
        top=top + 6,
        x_range=(x_lo, x_hi),
        y_values=(),
        y_format=fmt,
        y_ticks=[(len(rows) - 1 - k, label) for k, label in enumerate(labels)],
        x_ticks=linear_ticks(x_lo, x_hi, fmt, target=6),
        x_title=loc._("NPV of savings ({currency})", currency=unit),
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
    alt = loc._(
        "NPV of the savings of {option} with each driver at its low and its high value, the widest "
        "swing first; base {base}; {list}.",
        option=sens.option,
        base=loc.money_words(base),
        list=alt_list(
            loc._(
                "{driver}: {low} to {high}",
                driver=label,
                low=loc.money_words(row.npv_low),
                high=loc.money_words(row.npv_high),
            )
            for label, row in zip(labels, rows, strict=True)
        ),
    )
    return c.svg(loc._("Sensitivity and break-even"), alt)
