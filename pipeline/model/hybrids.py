"""Hybrid families per vendor (DESIGN §8): by channel, after hours, by tier, uniform share, and
the user's own rows; the best variant of each family by present value.

Each variant is a `routing.Routing` run through the engine, so every side is staffed on its own
routed traffic, hour by hour, and charged by the hybrid rules of its lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from . import routing
from .engine import BASE, SHARE_STEPS, Engine, Run, Scenario
from .inputs import Option

EXHAUSTIVE_UP_TO = 8
"""Channels up to which every subset is tried; above, a greedy search (see `by_channel`)."""


@dataclass(frozen=True, kw_only=True)
class Variant:
    routing: routing.Routing
    pv_cost: float
    run: Run


def _variant(engine: Engine, r: routing.Routing, sc: Scenario) -> Variant:
    run = engine.routed(r, sc)
    return Variant(routing=r, pv_cost=engine.pv(run.total, sc), run=run)


def _channel_routing(vendor: Option, names: tuple[str, ...]) -> routing.Routing:
    return routing.Routing(
        vendor=vendor.name, rules=(routing.Rule(channels=names),), family="channel"
    )


def by_channel(engine: Engine, vendor: Option, sc: Scenario = BASE) -> Variant | None:
    """The cheapest split of whole channels between the baseline and `vendor` (each side takes
    some channel). Every proper subset up to EXHAUSTIVE_UP_TO channels; above that a greedy
    search: start from the baseline alone and move, one at a time, the channel whose move lowers
    the present value most, while a move does."""
    names = tuple(c.name for c in engine.inputs.channels)
    if len(names) < 2:
        return None
    if len(names) <= EXHAUSTIVE_UP_TO:
        best = None
        for size in range(1, len(names)):
            for subset in combinations(names, size):
                v = _variant(engine, _channel_routing(vendor, subset), sc)
                if best is None or v.pv_cost < best.pv_cost:
                    best = v
        return best
    taken: tuple[str, ...] = ()
    best = None
    while len(taken) < len(names) - 1:
        trials = [
            _variant(engine, _channel_routing(vendor, (*taken, n)), sc)
            for n in names
            if n not in taken
        ]
        step = min(trials, key=lambda v: v.pv_cost)
        if best is not None and step.pv_cost >= best.pv_cost:
            break
        best = step
        taken = step.routing.rules[0].channels or ()
    return best


def after_hours(engine: Engine, vendor: Option, sc: Scenario = BASE) -> Variant | None:
    """The vendor takes every channel outside `business_hours` (seed 004)."""
    r = routing.Routing(
        vendor=vendor.name, rules=(routing.Rule(hours="after_hours"),), family="after_hours"
    )
    fraction = engine._fraction(r)
    if not fraction.any() or fraction.all():
        return None
    return _variant(engine, r, sc)


def by_tier(engine: Engine, vendor: Option, sc: Scenario = BASE) -> Variant | None:
    """The vendor takes the simple contacts, the baseline keeps the complex ones (seed 000)."""
    if not any(c.complex_share > 0 for c in engine.inputs.channels):
        return None
    r = routing.Routing(vendor=vendor.name, rules=(routing.Rule(tier="simple"),), family="tier")
    return _variant(engine, r, sc)


def uniform(engine: Engine, vendor: Option, sc: Scenario = BASE) -> Variant | None:
    """The best of the same share of every contact, 10% to 90% (v1's curve without its ends)."""
    variants = [
        _variant(engine, routing.uniform(vendor.name, k / SHARE_STEPS), sc)
        for k in range(1, SHARE_STEPS)
    ]
    return min(variants, key=lambda v: v.pv_cost) if variants else None


def user(engine: Engine, sc: Scenario = BASE) -> list[Variant]:
    """Every hybrid of the workbook's Hybrids sheet."""
    out = []
    for spec in engine.inputs.hybrids:
        rule = routing.Rule(
            channels=spec.channels or None, hours=spec.hours, tier=spec.tier, share=spec.share
        )
        r = routing.Routing(vendor=spec.vendor, rules=(rule,), family="user", name=spec.name)
        out.append(_variant(engine, r, sc))
    return out


def families(engine: Engine, sc: Scenario = BASE) -> list[Variant]:
    """For every vendor the best variant of each family, then the user's hybrids."""
    mine = user(engine, sc)
    posed = {(v.routing.vendor, v.routing.rules) for v in mine}
    out: list[Variant] = []
    for vendor in engine.vendors():
        for family in (by_channel, after_hours, by_tier, uniform):
            v = family(engine, vendor, sc)
            # a family's best that the user also posed is listed once, under the user's name
            if v is not None and (v.routing.vendor, v.routing.rules) not in posed:
                out.append(v)
    out.extend(mine)
    return out


def routing_table(r: routing.Routing, engine: Engine) -> list[dict]:
    """Per channel, the vendor's share by tier and time band (results.json `routing`)."""
    fraction = engine._fraction(r)
    business = np.asarray(routing.business_profile(engine.inputs).weights, dtype=float) > 0
    rows = []
    for c, channel in enumerate(engine.inputs.channels):
        row = {"channel": channel.name}
        for t, tier in enumerate(routing.TIERS):
            for band, mask in (("business", business), ("after_hours", ~business)):
                row[f"{tier}_{band}"] = float(fraction[c, mask, t].mean()) if mask.any() else 0.0
        rows.append(row)
    return rows
