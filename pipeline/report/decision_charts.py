"""The decision's chart: every candidate's present-value cost against its qualitative index, the
cost-quality front drawn as a line and the recommended candidate starred (DESIGN §8)."""

from __future__ import annotations

from ..model.results import Results
from . import text
from .brands import Brand
from .charts import _canvas
from .locales import Locale
from .svg import SMALL, axes, linear_ticks, nice_ticks, text_width


def cost_quality(results: Results, loc: Locale, brand: Brand) -> str | None:
    """None when the candidates have no qualitative index (cost alone decides)."""
    cands = [c for c in results.recommendation.candidates if c.qualitative_index is not None]
    if len(cands) < 2 or len(cands) != len(results.recommendation.candidates):
        return None
    c = _canvas("costquality", 3.0, brand)
    costs = [x.pv_cost for x in cands]
    fmt, unit = loc.money_axis(costs)
    low, high = min(costs), max(costs)
    pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
    qs = [x.qualitative_index for x in cands]
    # the index range that matters, not 0-100: candidates often sit within a few points
    y_ticks = nice_ticks(max(min(qs) - 3, 0.0), min(max(qs) + 3, 100.0), target=5)
    ax = axes(
        c,
        top=10,
        x_range=(low - pad, high + pad),
        y_values=qs,
        y_tick_values=y_ticks,
        y_format=lambda v: loc.number(v),
        x_ticks=linear_ticks(low - pad, high + pad, fmt, target=6),
        x_title=loc._("Present value of cost ({currency})", currency=unit),
        y_title=loc._("Qualitative index"),
    )
    front = sorted((x for x in cands if x.on_front), key=lambda x: x.pv_cost)
    c.polyline([(ax.x(x.pv_cost), ax.y(x.qualitative_index)) for x in front], brand.accent,
               width=1.2, dash="4 2")  # fmt: skip
    rec = results.recommendation.option
    taken: list[tuple[float, float, float]] = []  # label boxes (x0, x1, baseline y) placed so far
    for x in cands:
        px, py = ax.x(x.pv_cost), ax.y(x.qualitative_index)
        colour = brand.primary if x.on_front else "#9A9A9A"
        c.marker("*" if x.name == rec else ("o" if x.kind == "option" else "s"), px, py, colour,
                 size=9 if x.name == rec else 5)  # fmt: skip
        if x.on_front:  # dominated candidates are named in the table above, not on the plot
            label = text.candidate_label(loc, results, x.name)
            x0, x1, ly = px + 6, px + 6 + text_width(label, SMALL), py - 4
            while any(a < x1 and x0 < b and abs(y - ly) < 9 for a, b, y in taken):
                ly += 9  # one label under the other instead of on top of it
            taken.append((x0, x1, ly))
            c.text(x0, ly, label, size=SMALL, colour=colour)
    best = min(cands, key=lambda x: x.pv_cost)
    alt = loc._(
        "Present value of cost against the qualitative index for {n} candidates; the recommended "
        "{rec} costs {cost} with an index of {index}; the cheapest, {cheapest}, costs {low}; "
        "{front} candidates are on the cost-quality front.",
        n=loc.number(len(cands)),
        rec=text.candidate_label(loc, results, rec),
        cost=loc.money_words(next(x.pv_cost for x in cands if x.name == rec)),
        index=loc.number(next(x.qualitative_index for x in cands if x.name == rec)),
        cheapest=text.candidate_label(loc, results, best.name),
        low=loc.money_words(best.pv_cost),
        front=loc.number(len(front)),
    )
    return c.svg(loc._("Cost against quality for every candidate"), alt)
