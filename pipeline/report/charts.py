"""The report's charts as SVG text (matplotlib, imported here only).

Text stays text (`svg.fonttype = none`) so the PDF uses the brand's bundled font; no filters, no
foreignObject. Series differ by colour *and* by marker, line style or hatch, and carry direct labels,
so the charts read in black and white. Output is deterministic (fixed hash salt, no date).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from .. import schema  # noqa: E402
from ..model.results import Results  # noqa: E402
from .brands import Brand  # noqa: E402
from .locales import Locale  # noqa: E402

WIDTH_IN = 6.7
"""Full text width of an A4 page with 20 mm margins, so 1 SVG unit prints at 1 pt."""
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (3, 1)))
HATCHES = ("", "///", "...", "xx", "\\\\")
CATEGORY_ORDER = tuple(c.code for c in schema.CATEGORIES)


@cache
def _register_fonts(paths: tuple[str, ...]) -> None:
    for path in paths:
        font_manager.fontManager.addfont(path)


def _style(brand: Brand, salt: str) -> dict:
    _register_fonts(tuple(str(f.path) for f in brand.fonts))
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": f"cs-sourcing-{salt}",
        "font.family": [brand.font],
        "font.size": 8.5,
        "axes.titlesize": 9.5,
        "axes.labelsize": 8.5,
        "axes.edgecolor": "#888888",
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.5,
        "xtick.color": "#444444",
        "ytick.color": "#444444",
        "text.color": brand.text,
        "axes.labelcolor": brand.text,
        "legend.frameon": False,
        "legend.fontsize": 8,
        "hatch.linewidth": 0.6,
        "hatch.color": "#FFFFFF",
        "path.simplify": False,
    }


def _svg(fig, salt: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=None)
    plt.close(fig)
    text = buf.getvalue()
    # Inline in HTML: drop the XML prolog and DOCTYPE; let CSS set the printed size.
    text = text[text.index("<svg") :]
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", text, count=1)
    # Several charts share one HTML document: make every id unique to its chart.
    text = re.sub(r'\bid="', f'id="{salt}-', text)
    text = text.replace("url(#", f"url(#{salt}-").replace('href="#', f'href="#{salt}-')
    return text.replace("<svg ", '<svg class="chart" role="img" ', 1)


def _money_axis(ax, loc: Locale, axis: str = "y") -> None:
    fmt = FuncFormatter(lambda v, _pos: loc.axis_money(v))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def _colours(brand: Brand, n: int) -> list[str]:
    pal = brand.palette
    return [pal[i % len(pal)] for i in range(n)]


def cumulative_cost(results: Results, loc: Locale, brand: Brand) -> str:
    """Cumulative nominal cost per option over the months, labelled at the line ends."""
    with plt.rc_context(_style(brand, "cumulative")):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.45), layout="constrained")
        colours = _colours(brand, len(results.options))
        ends = []
        for i, opt in enumerate(results.options):
            acc, ys = 0.0, []
            for v in opt.monthly_cost:
                acc += v
                ys.append(acc)
            xs = range(len(ys))
            every = max(1, len(ys) // 6)
            ax.plot(
                xs,
                ys,
                color=colours[i],
                linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[i % len(MARKERS)],
                markevery=every,
                markersize=4,
                linewidth=1.6,
                label=opt.name,
            )
            ends.append((ys[-1], opt.name, colours[i]))
        ax.set_xlabel(loc._("Month"))
        ax.set_ylabel(loc._("Cumulative cost ({currency})", currency=results.currency))
        _money_axis(ax, loc)
        ax.set_xlim(0, results.horizon_months * 1.0)
        ax.legend(loc="upper left", ncols=min(3, len(results.options)))
        return _svg(fig, "cumulative")


def annual_stacked(results: Results, loc: Locale, brand: Brand) -> str:
    """Annual cost per option and year, stacked by category (hatched so print tells them apart)."""
    with plt.rc_context(_style(brand, "annual")):
        years = len(results.options[0].annual_cost)
        n_opt = len(results.options)
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.1), layout="constrained")
        group = years + 1
        width = 0.8
        cat_colours = [brand.primary, brand.secondary, brand.accent, "#8C8C8C", "#C9A227"]
        xticks, xlabels = [], []
        for i, opt in enumerate(results.options):
            xs = [i * group + y for y in range(years)]
            bottom = [0.0] * years
            for k, cat in enumerate(CATEGORY_ORDER):
                vals = list(opt.annual_by_category.get(cat, (0.0,) * years))
                ax.bar(
                    xs,
                    vals,
                    width,
                    bottom=bottom,
                    color=cat_colours[k % len(cat_colours)],
                    hatch=HATCHES[k % len(HATCHES)],
                    edgecolor="white",
                    linewidth=0.4,
                    label=loc.label(schema.CATEGORIES[k].label) if i == 0 else None,
                )
                bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
            xticks += xs
            xlabels += [loc._("Y{n}", n=y + 1) for y in range(years)]
            ax.text(
                i * group + (years - 1) / 2,
                -0.16,
                opt.name,
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=8,
                fontweight="bold",
            )
        ax.set_xticks(xticks, xlabels, fontsize=7 if n_opt * years > 24 else 8)
        ax.set_ylabel(loc._("Annual cost ({currency})", currency=results.currency))
        _money_axis(ax, loc)
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=3, fontsize=7.5)
        return _svg(fig, "annual")


def cumulative_savings(results: Results, loc: Locale, brand: Brand) -> str:
    """Cumulative savings of each alternative against the baseline, payback months marked."""
    with plt.rc_context(_style(brand, "savings")):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.9), layout="constrained")
        colours = _colours(brand, len(results.comparisons) + 1)[1:]
        for i, comp in enumerate(results.comparisons):
            ys = list(comp.cumulative_savings)
            ax.plot(
                range(len(ys)),
                ys,
                color=colours[i],
                linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[(i + 1) % len(MARKERS)],
                markevery=max(1, len(ys) // 6),
                markersize=4,
                linewidth=1.6,
                label=comp.option,
            )
            if comp.payback_month is not None and comp.payback_month < len(ys):
                m = comp.payback_month
                ax.axvline(m, color=colours[i], linewidth=0.8, linestyle=":")
                ax.annotate(
                    loc._("Payback: month {n}", n=loc.number(m)),
                    xy=(m, ys[m]),
                    xytext=(6, 10 + 12 * (i % 3)),
                    textcoords="offset points",
                    fontsize=7.5,
                    color=brand.text,
                    arrowprops={"arrowstyle": "-", "color": colours[i], "linewidth": 0.6},
                )
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel(loc._("Month"))
        ax.set_ylabel(loc._("Cumulative savings ({currency})", currency=results.currency))
        _money_axis(ax, loc)
        ax.set_xlim(0, results.horizon_months * 1.0)
        ax.legend(loc="lower right", ncols=min(3, max(1, len(results.comparisons))))
        return _svg(fig, "savings")


def hybrid_curve(results: Results, loc: Locale, brand: Brand) -> str:
    """Present-value cost as the share sent to each vendor goes from 0 to 100%."""
    with plt.rc_context(_style(brand, "hybrid")):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.8), layout="constrained")
        colours = _colours(brand, len(results.hybrid) + 1)[1:]
        for i, hyb in enumerate(results.hybrid):
            xs = [p.share * 100 for p in hyb.curve]
            ys = [p.pv_cost for p in hyb.curve]
            ax.plot(
                xs,
                ys,
                color=colours[i],
                linestyle=LINESTYLES[i % len(LINESTYLES)],
                marker=MARKERS[(i + 1) % len(MARKERS)],
                markersize=4,
                linewidth=1.6,
                label=hyb.vendor,
            )
            ax.plot(
                [hyb.best_share * 100],
                [hyb.best_pv_cost],
                marker="*",
                markersize=12,
                color=colours[i],
                markeredgecolor=brand.text,
                linestyle="none",
            )
            ax.annotate(
                loc._("Best: {share}", share=loc.percent(hyb.best_share)),
                xy=(hyb.best_share * 100, hyb.best_pv_cost),
                xytext=(0, -16 - 10 * (i % 3)),
                textcoords="offset points",
                ha="center",
                fontsize=7.5,
            )
        ax.set_xlabel(loc._("Share of volume sent to the vendor (%)"))
        ax.set_ylabel(loc._("Present value of cost ({currency})", currency=results.currency))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: loc.number(v)))
        _money_axis(ax, loc)
        ax.set_xlim(-2, 102)
        ax.legend(loc="upper right")
        return _svg(fig, "hybrid")


def tornado(results: Results, loc: Locale, brand: Brand, labels: Sequence[str]) -> str:
    """NPV of the leading alternative at each driver's low and high value, widest swing on top."""
    sens = results.sensitivity
    assert sens is not None
    rows = list(sens.rows)
    with plt.rc_context(_style(brand, "tornado")):
        fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.5 + 0.32 * len(rows)), layout="constrained")
        base = sens.base_npv
        for k, row in enumerate(rows):
            y = len(rows) - 1 - k
            for value, colour, hatch, tag in (
                (row.npv_low, brand.secondary, "", "low"),
                (row.npv_high, brand.accent, "///", "high"),
            ):
                ax.barh(
                    y,
                    value - base,
                    left=base,
                    height=0.6,
                    color=colour,
                    hatch=hatch,
                    edgecolor="white",
                    linewidth=0.4,
                    label=(loc._("Low value") if tag == "low" else loc._("High value"))
                    if k == 0
                    else None,
                )
        ax.axvline(base, color=brand.text, linewidth=0.9)
        ax.set_yticks(range(len(rows)), list(reversed(list(labels))))
        ax.set_xlabel(loc._("NPV of savings ({currency})", currency=results.currency))
        _money_axis(ax, loc, axis="x")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
        return _svg(fig, "tornado")
