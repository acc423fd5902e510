"""Routings: which share of each channel x hour of the week x tier a vendor handles (DESIGN §8).

A routing is a value: a vendor and a few rules, each naming channels (or all), a time band and a
tier, and the share the vendor takes of what they match; the baseline keeps the rest. A pure
vendor, v1's uniform share and every hybrid family are routings, so one code path staffs and
charges them all. Its identity is this data, never a display string.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import demand
from .inputs import HOURS_IN_WEEK, Inputs, Profile

TIERS = ("simple", "complex")
HOURS = ("all", "business", "after_hours")
FAMILIES = ("pure", "channel", "after_hours", "tier", "uniform", "user")


@dataclass(frozen=True, kw_only=True)
class Rule:
    """The vendor takes `share` of the contacts of `channels` (None = all) in the `hours` band of
    the tier `tier` (`all`, `simple` or `complex`)."""

    channels: tuple[str, ...] | None = None
    hours: str = "all"
    tier: str = "all"
    share: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Routing:
    vendor: str
    rules: tuple[Rule, ...]
    family: str = "pure"
    """One of FAMILIES: how the routing was found."""
    name: str = ""
    """A user hybrid's own name (family `user`); blank otherwise."""

    @property
    def is_pure(self) -> bool:
        return self.rules == (Rule(),)


def pure(vendor: str) -> Routing:
    return Routing(vendor=vendor, rules=(Rule(),), family="pure")


def uniform(vendor: str, share: float) -> Routing:
    return Routing(vendor=vendor, rules=(Rule(share=share),), family="uniform")


def business_profile(inputs: Inputs) -> Profile:
    """The hours a hybrid keeps in-house when it routes after hours (default: Office hours)."""
    if inputs.project.business_hours is not None:
        return inputs.project.business_hours
    from .. import schema

    office = schema.builtin_profile("office_hours")
    return Profile(name=office.label.en, weights=tuple(w for day in office.days for w in day))


def vendor_fraction(routing: Routing, inputs: Inputs) -> np.ndarray:
    """(C, 168, 2): the share of each channel x hour x tier (simple, complex) the vendor takes.
    Where several rules match, the largest share counts."""
    n_ch = len(inputs.channels)
    out = np.zeros((n_ch, HOURS_IN_WEEK, len(TIERS)))
    business = np.asarray(business_profile(inputs).weights, dtype=float) > 0
    for rule in routing.rules:
        hours = np.ones(HOURS_IN_WEEK, dtype=bool)
        if rule.hours == "business":
            hours = business
        elif rule.hours == "after_hours":
            hours = ~business
        tiers = np.array([rule.tier in ("all", t) for t in TIERS])
        for c, channel in enumerate(inputs.channels):
            if rule.channels is not None and channel.name not in rule.channels:
                continue
            cell = np.outer(hours, tiers) * rule.share
            out[c] = np.maximum(out[c], cell)
    return out


@dataclass(frozen=True, kw_only=True)
class Portion:
    """What one side handles of one channel: per hour of the week, the share of the channel's
    contacts (`mix`) and their mean handling time relative to the channel AHT (`aht`)."""

    mix: np.ndarray
    """(168,) share of the channel's contacts of that hour handled by this side."""
    aht: np.ndarray
    """(168,) handling time of those contacts relative to the channel's AHT (1 = simple tier)."""
    key: bytes
    """Identity of the portion, for caches."""

    @property
    def uniform(self) -> bool:
        return bool(np.all(self.mix == self.mix[0]) and np.all(self.aht == self.aht[0]))


def portion(fraction: np.ndarray, channel, tiers=TIERS) -> Portion:
    """A side's portion of one channel from its (168, 2) fraction of simple and complex contacts."""
    q = channel.complex_share
    f_s, f_c = fraction[:, 0], fraction[:, 1]
    mix = (1.0 - q) * f_s + q * f_c
    work = (1.0 - q) * f_s + q * f_c * channel.complex_aht_factor
    aht = np.where(mix > 0, work / np.where(mix > 0, mix, 1.0), channel.pooled_aht_factor)
    return Portion(mix=mix, aht=aht, key=fraction.tobytes())


def open_share(channel) -> np.ndarray:
    """Share of a week's contacts in each hour, for routing (v1 channels by the placement rule)."""
    return demand.week_shares(channel)
