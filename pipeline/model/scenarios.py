"""Hybrid curves (share sent to each vendor) and the sensitivity of the leading alternative.

Both are pure functions over an `Engine`; the sensitivity asks a `winner` callback (from
`recommend`) which candidate wins under each case, to tell whether the recommendation is robust.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .engine import BASE, SHARE_STEPS, Engine, Run, Scenario
from .inputs import Option
from .results import Hybrid, HybridPoint, Sensitivity, SensitivityRow

BREAKEVEN_BRACKET = (0.0, 5.0)
"""Multipliers searched for a break-even (vendor price, volume)."""
BREAKEVEN_TOL = 1e-4
"""Multiplier precision of a break-even: 0.01% of the price or the volume."""
STEP_RATIO = 50.0
"""A bracket whose NPV changes this many times more than the average slope predicts holds a jump:
whole agents added or removed, not a root the NPV passes through."""


def hybrid_name(vendor: str, k: int) -> str:
    """Display name of a split (language-neutral; the report translates the pattern)."""
    return f"Hybrid: {round(100 * k / SHARE_STEPS)}% {vendor}"


@dataclass(frozen=True, kw_only=True)
class CandidateRef:
    """How to evaluate a candidate under any scenario: a pure option, or a vendor at share k."""

    name: str
    kind: str
    """`option` or `hybrid`."""
    option: Option
    """The pure option, or the hybrid's vendor."""
    k: int = SHARE_STEPS
    routing: object = None
    """A hybrid of a family (routing.Routing); None for a pure option or v1's uniform split."""

    @property
    def key(self) -> str:
        """Identity for robustness: a hybrid stays itself when its best split moves."""
        if self.routing is not None:
            r = self.routing
            return f"{r.family}:{r.vendor}" + (f":{r.name}" if r.name else "")
        return f"hybrid:{self.option.name}" if self.kind == "hybrid" else self.option.name

    def run(self, engine: Engine, sc: Scenario = BASE) -> Run:
        if self.routing is not None:
            return engine.routed(self.routing, sc)
        if self.kind == "hybrid":
            return engine.hybrid(self.option, self.k, sc)
        return engine.pure(self.option, sc)


def hybrid_curve(engine: Engine, vendor: Option, sc: Scenario = BASE) -> tuple[list, int]:
    """[(k, pv, total)] for k = 0..SHARE_STEPS and the k of the lowest PV (first on ties)."""
    points = []
    for k in range(SHARE_STEPS + 1):
        total = engine.hybrid(vendor, k, sc).total
        points.append((k, engine.pv(total, sc), float(total.sum())))
    best = min(range(len(points)), key=lambda i: (points[i][1], i))
    return points, points[best][0]


def hybrid_result(engine: Engine, vendor: Option) -> Hybrid:
    points, best = hybrid_curve(engine, vendor)
    baseline = engine.baseline.name
    if 0 < best < SHARE_STEPS:
        name = hybrid_name(vendor.name, best)
    else:
        name = vendor.name if best == SHARE_STEPS else baseline
    return Hybrid(
        vendor=vendor.name,
        curve=tuple(
            HybridPoint(share=k / SHARE_STEPS, pv_cost=pv, total_cost=tot) for k, pv, tot in points
        ),
        best_share=best / SHARE_STEPS,
        best_pv_cost=points[best][1],
        name=name,
    )


def npv_against_baseline(engine: Engine, cand: CandidateRef, sc: Scenario = BASE) -> float:
    delta = engine.pure(engine.baseline, sc).total - cand.run(engine, sc).total
    return engine.pv(delta, sc)


def drivers(engine: Engine) -> tuple[tuple[str, float, float, Scenario, Scenario], ...]:
    """(code, low value, high value, low case, high case) of DESIGN §3, in a fixed order.

    Multipliers for volume, AHT and prices; percentage-point deltas for shrinkage and attrition;
    absolute rates for wage inflation and the discount rate (which is not taken below 0).
    """
    p = engine.inputs.project
    wi, dr = p.wage_inflation, p.discount_rate
    dr_low = max(dr - 0.05, 0.0)
    return (
        ("volume", 0.8, 1.2, Scenario(volume=0.8), Scenario(volume=1.2)),
        ("aht", 0.8, 1.2, Scenario(aht=0.8), Scenario(aht=1.2)),
        ("inhouse_labour", 0.9, 1.1, Scenario(inhouse_labour=0.9), Scenario(inhouse_labour=1.1)),
        ("vendor_price", 0.9, 1.1, Scenario(vendor_price=0.9), Scenario(vendor_price=1.1)),
        ("shrinkage", -0.05, 0.05, Scenario(shrinkage_pp=-0.05), Scenario(shrinkage_pp=0.05)),
        ("attrition", -0.10, 0.10, Scenario(attrition_pp=-0.10), Scenario(attrition_pp=0.10)),
        (
            "wage_inflation",
            wi - 0.02,
            wi + 0.02,
            Scenario(wage_inflation=wi - 0.02),
            Scenario(wage_inflation=wi + 0.02),
        ),
        (
            "discount_rate",
            dr_low,
            dr + 0.05,
            Scenario(discount_rate=dr_low),
            Scenario(discount_rate=dr + 0.05),
        ),
    )


def bisect_root(f: Callable[[float], float], lo: float, hi: float) -> float | None:
    """A root of f in [lo, hi] by bisection, or None when f has the same sign at both ends."""
    found = bisect_crossing(f, lo, hi)
    return None if found is None else found[0]


def bisect_crossing(f: Callable[[float], float], lo: float, hi: float) -> tuple[float, bool] | None:
    """(x, step) where f crosses zero in [lo, hi], by bisection; `step` is True when f jumps
    across zero at x (a staffing step: the NPV of whole agents is a staircase) rather than
    passing through it. None when f has the same sign at both ends."""
    f_lo, f_hi = f(lo), f(hi)
    if f_lo == 0:
        return lo, False
    if f_hi == 0:
        return hi, False
    if np.sign(f_lo) == np.sign(f_hi):
        return None
    slope = abs(f_hi - f_lo) / (hi - lo)
    while hi - lo > BREAKEVEN_TOL:
        mid = 0.5 * (lo + hi)
        f_mid = f(mid)
        if f_mid == 0:
            return mid, False
        if np.sign(f_mid) == np.sign(f_lo):
            lo, f_lo = mid, f_mid
        else:
            hi, f_hi = mid, f_mid
    step = abs(f_hi - f_lo) > STEP_RATIO * slope * (hi - lo)
    return 0.5 * (lo + hi), bool(step)


def sensitivity(
    engine: Engine, lead: CandidateRef, winner: Callable[[Scenario], str], base_winner: str
) -> Sensitivity:
    """Tornado of the lead's NPV against the baseline, break-evens and which drivers flip.

    `winner(scenario)` returns the key (`CandidateRef.key`) of the recommended candidate under
    a scenario; a driver flips the recommendation when either end changes it from `base_winner`.
    """
    rows = []
    for code, low, high, sc_low, sc_high in drivers(engine):
        flips = winner(sc_low) != base_winner or winner(sc_high) != base_winner
        rows.append(
            SensitivityRow(
                driver=code,
                low=low,
                high=high,
                npv_low=npv_against_baseline(engine, lead, sc_low),
                npv_high=npv_against_baseline(engine, lead, sc_high),
                flips=flips,
            )
        )
    rows.sort(key=lambda r: -abs(r.npv_high - r.npv_low))
    lo, hi = BREAKEVEN_BRACKET

    def price(m: float) -> float:
        return npv_against_baseline(engine, lead, Scenario(vendor_price=m))

    def volume(m: float) -> float:
        return npv_against_baseline(engine, lead, Scenario(volume=m))

    at_price = bisect_crossing(price, lo, hi)
    at_volume = bisect_crossing(volume, lo, hi)
    return Sensitivity(
        option=lead.name,
        base_npv=npv_against_baseline(engine, lead),
        rows=tuple(rows),
        breakeven_price=None if at_price is None else at_price[0],
        breakeven_volume=None if at_volume is None else at_volume[0],
        breakeven_price_step=at_price is not None and at_price[1],
        breakeven_volume_step=at_volume is not None and at_volume[1],
    )
