"""Every cost line's own monthly cash flow: an option's totals split back into the lines that make
them, plus what no single line carries (the minimum-fee top-up and the parallel run).

The model charges lines in aggregated groups (`costs.build_book`); this module charges each line
alone on the same drivers and escalation, for the results workbook's long table (issue 12).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .costs import (
    CATEGORIES,
    ESCALATIONS,
    LABOUR,
    SETUP,
    USAGE_DRIVER_BASES,
    _spans,
    driver_index,
)
from .engine import BASE, Engine
from .inputs import Inputs, Option

LINE, TOPUP, PARALLEL, REST = "line", "min_fee_topup", "parallel_run", "rest"
"""Kinds of flow: a cost line; the minimum monthly fee's top-up; the baseline's running cost
carried during the transition; and, should the split ever disagree with the option's total, the
difference (never expected: tests assert it does not occur)."""


@dataclass(frozen=True, kw_only=True)
class LineFlow:
    """One cost line of one option (or a computed part of its cost), month by month."""

    option: str
    kind: str
    """LINE, TOPUP, PARALLEL or REST."""
    category: str
    item: str = ""
    cost_type: str = ""
    basis: str = ""
    channel: str = ""
    row: int = 0
    """Worksheet row of the Costs table the line came from (0 for the computed parts)."""
    monthly: tuple[float, ...]
    """Months 0..M, nominal."""


def line_flows(inputs: Inputs, engine: Engine | None = None) -> tuple[LineFlow, ...]:
    """Every option's cost as lines: their sum per category and month is the option's
    `by_category` (the report's figures) to rounding."""
    engine = engine or Engine(inputs)
    out: list[LineFlow] = []
    for option in inputs.options:
        out.extend(_option_flows(engine, option))
    return tuple(out)


def _option_flows(engine: Engine, option: Option) -> list[LineFlow]:
    months = engine.months
    n = months + 1
    run = engine.pure(option)
    side = run.sides[0]
    drivers = side.drivers
    esc = engine.escalation(BASE)
    lines = engine.lines[option.name]
    book = engine.books[option.name]
    ch_index = {c.name: i for i, c in enumerate(engine.inputs.channels)}
    n_ch = len(ch_index)
    values = np.zeros((len(lines), n))
    once_total = np.zeros(n)
    usage_cat = np.zeros((len(CATEGORIES), n))
    fallback = LABOUR
    first_usage = True
    pct: list[int] = []
    for i, ln in enumerate(lines):
        amount = ln.amount * ln.quantity
        e = ESCALATIONS.index(ln.escalation)
        if ln.basis == "one_time":
            if 0 <= ln.start_month <= months:
                values[i, ln.start_month] = amount * esc[e, ln.start_month]
                once_total += values[i]
            continue
        if ln.basis in ("pct_labour", "pct_other"):
            pct.append(i)
            continue
        chan = ch_index.get(ln.channel, -1) if ln.channel else -1
        d = driver_index(ln.basis, chan, n_ch)
        lo, hi = _spans(np.array([ln.start_month]), np.array([ln.end_month]), months)
        lo, hi = int(lo[0]), int(hi[0])
        if lo <= hi:
            weight = amount / (12.0 if ln.basis == "annual" else 1.0)
            values[i, lo : hi + 1] = weight * esc[e, lo : hi + 1] * drivers[d, lo : hi + 1]
        if ln.basis in USAGE_DRIVER_BASES:
            if first_usage:
                fallback, first_usage = CATEGORIES.index(ln.category), False
            usage_cat[CATEGORIES.index(ln.category)] += values[i]
    # The minimum fee's top-up lands on the usage lines' categories in proportion (costs.py).
    topup = side.flows.min_fee_topup
    usage_total = usage_cat.sum(axis=0)
    weights = np.divide(usage_cat, usage_total, out=np.zeros_like(usage_cat), where=usage_total > 0)
    weights[fallback] += usage_total <= 0
    topup_cat = weights * topup
    nonpct = np.zeros((len(CATEGORIES), n))
    for i, ln in enumerate(lines):
        if ln.basis not in ("pct_labour", "pct_other"):
            nonpct[CATEGORIES.index(ln.category)] += values[i]
    nonpct += topup_cat
    other = nonpct.sum(axis=0)
    if book.recurring_pct_base:
        other = other - once_total
    for i in pct:
        ln = lines[i]
        base = nonpct[LABOUR] if ln.basis == "pct_labour" else other
        lo, hi = _spans(np.array([ln.start_month]), np.array([ln.end_month]), months)
        lo, hi = int(lo[0]), int(hi[0])
        if lo <= hi:
            values[i, lo : hi + 1] = ln.amount * ln.quantity * base[lo : hi + 1]

    flows = [
        LineFlow(
            option=option.name,
            kind=LINE,
            category=ln.category,
            item=ln.item,
            cost_type=ln.cost_type,
            basis=ln.basis,
            channel=ln.channel or "",
            row=ln.row,
            monthly=tuple(float(v) for v in values[i]),
        )
        for i, ln in enumerate(lines)
    ]
    for k, cat in enumerate(CATEGORIES):
        if np.any(topup_cat[k] != 0):
            flows.append(
                LineFlow(
                    option=option.name,
                    kind=TOPUP,
                    category=cat,
                    monthly=tuple(float(v) for v in topup_cat[k]),
                )
            )
    if np.any(run.parallel_run != 0):
        flows.append(
            LineFlow(
                option=option.name,
                kind=PARALLEL,
                category=CATEGORIES[SETUP],
                monthly=tuple(float(v) for v in run.parallel_run),
            )
        )
    # What the split misses, if anything, per category: the long table always adds up.
    split = np.zeros((len(CATEGORIES), n))
    for f in flows:
        split[CATEGORIES.index(f.category)] += f.monthly
    rest = run.by_category - split
    scale = max(float(np.abs(run.by_category).max(initial=0.0)), 1.0)
    for k, cat in enumerate(CATEGORIES):
        if np.abs(rest[k]).max(initial=0.0) > 1e-9 * scale:
            flows.append(
                LineFlow(
                    option=option.name,
                    kind=REST,
                    category=cat,
                    monthly=tuple(float(v) for v in rest[k]),
                )
            )
    return flows


__all__ = ["LINE", "PARALLEL", "REST", "TOPUP", "LineFlow", "line_flows"]
