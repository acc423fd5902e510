"""Sentences of the report built from the model's data: recommendation reasons, driver names.

Every English string here is a msgid of `locales/id.po`; values are formatted by the Locale so the
sentence reads naturally in both languages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from .. import schema
from ..model.results import (
    BaselineBest,
    MissingHiddenCosts,
    NoPayback,
    NotRobust,
    Payback,
    Premium,
    Qualitative,
    Reason,
    Results,
    Robust,
    Savings,
)
from .locales import DASH, N_, Locale

log = logging.getLogger("pipeline")

DRIVERS = {
    "volume": N_("Contact volume"),
    "aht": N_("Handling time (AHT)"),
    "inhouse_labour": N_("In-house labour rates"),
    "vendor_price": N_("Vendor prices"),
    "shrinkage": N_("Shrinkage"),
    "attrition": N_("Attrition"),
    "wage_inflation": N_("Wage inflation"),
    "discount_rate": N_("Discount rate"),
}
"""Sensitivity driver code -> English name (msgid)."""

PERCENT_DRIVERS = frozenset({"wage_inflation", "discount_rate"})
"""Drivers tried at absolute rates (`3% – 7%`)."""
POINT_DRIVERS = frozenset({"shrinkage", "attrition"})
"""Drivers moved by percentage points around each option's own rate (`±5 pp`): there is no single
rate to print, and `-5% – 5%` read as a shrinkage of minus 5%."""


def driver_name(loc: Locale, code: str) -> str:
    return loc._(DRIVERS[code]) if code in DRIVERS else code


def driver_range(loc: Locale, code: str, low: float, high: float) -> str:
    """The values tried, as the reader thinks of them: `×0.80 – ×1.20`, `3% – 7%`, `±5 pp` or
    `−5 pp – +10 pp`."""
    if code in POINT_DRIVERS:
        if low == -high:  # the usual symmetric test: `±5 pp` fits the table's column
            return loc._("{n} pp", n="±" + loc.number(abs(high) * 100))
        return f"{_points(loc, low)} – {_points(loc, high)}"
    if code in PERCENT_DRIVERS:
        return f"{loc.percent(low)} – {loc.percent(high)}"
    return f"{loc.multiplier(low)} – {loc.multiplier(high)}"


def _points(loc: Locale, delta: float) -> str:
    sign = "−" if delta < 0 else "+" if delta > 0 else ""
    return loc._("{n} pp", n=sign + loc.number(abs(delta) * 100))


def cost_type_label(loc: Locale, code: str) -> str:
    for t in schema.COST_TYPES:
        if t.code == code:
            return loc.label(t.label)
    return code


def _lower_first(name: str) -> str:
    """`Vendor prices` -> `vendor prices` inside a sentence, keeping acronyms such as AHT."""
    return name[:1].lower() + name[1:]


def join(loc: Locale, items: Iterable[str]) -> str:
    """`a, b and c` / `a, b dan c`."""
    items = [str(i) for i in items]
    if not items:
        return DASH
    if len(items) == 1:
        return items[0]
    return loc._("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def reason_sentence(loc: Locale, results: Results, reason: Reason) -> str | None:
    """One recommendation reason as a sentence, from its typed fields; None for a kind this
    version cannot phrase."""
    baseline = results.baseline
    years = results.horizon_months // 12
    option = candidate_label(loc, results, getattr(reason, "option", results.recommendation.option))
    if isinstance(reason, Savings):
        text = loc._(
            "{option} saves {amount} over {years} years compared with {baseline}.",
            option=option,
            amount=loc.money_words(reason.net_savings),
            years=loc.number(years),
            baseline=reason.baseline,
        )
        return (
            text
            + " "
            + loc._("In present-value terms the saving is {npv}.", npv=loc.money_words(reason.npv))
        )
    if isinstance(reason, Payback):
        if reason.month == 0:  # never behind: "pays back in month 0" misleads
            return loc._(
                "It costs less than {baseline} from the start, so there is no investment to pay "
                "back.",
                baseline=baseline,
            )
        return loc._(
            "The investment pays back in month {month} and stays repaid to the end of the horizon.",
            month=loc.number(reason.month),
        )
    if isinstance(reason, NoPayback):
        return loc._(
            "The investment in {option} does not pay back within the {years}-year horizon.",
            option=option,
            years=loc.number(years),
        )
    if isinstance(reason, Qualitative):
        text = loc._(
            "Its qualitative index is {index} out of 100.", index=loc.number(reason.index, 1)
        )
        # When the recommendation is the baseline itself the comparison would repeat the figure.
        if reason.baseline_index is not None and reason.option != reason.baseline:
            text += " " + loc._(
                "{baseline} scores {index} on the same criteria.",
                baseline=reason.baseline,
                index=loc.number(reason.baseline_index, 1),
            )
        return text
    if isinstance(reason, MissingHiddenCosts):
        return loc._(
            "{option} has no cost line for {items}: confirm these costs before deciding.",
            option=option,
            items=join(loc, (cost_type_label(loc, c) for c in reason.missing)),
        )
    if isinstance(reason, Robust):
        return loc._(
            "The recommendation holds when any single assumption moves across its tested range."
        )
    if isinstance(reason, NotRobust):
        names = join(loc, (_lower_first(driver_name(loc, d)) for d in reason.drivers))
        if len(reason.drivers) > 1:  # "volume and AHT move across their ranges", not "moves"
            return loc._(
                "The recommendation is sensitive: it changes when {drivers} move across their "
                "tested ranges.",
                drivers=names,
            )
        return loc._(
            "The recommendation is sensitive: it changes when {drivers} moves across its tested "
            "range.",
            drivers=names,
        )
    if isinstance(reason, BaselineBest):
        if not results.comparisons:  # one option: "no alternative beats it" suggests a contest
            return loc._(
                "{option} is the only option in the workbook, so there is no alternative to "
                "compare it with.",
                option=option,
            )
        text = loc._(
            "No alternative beats {option} once cost and quality are weighed together.",
            option=option,
        )
        if reason.runner_up and reason.npv is not None:
            text += " " + loc._(
                "The closest alternative, {runner}, has an NPV of savings of {npv}.",
                runner=candidate_label(loc, results, reason.runner_up),
                npv=loc.money_words(reason.npv),
            )
        return text
    if isinstance(reason, Premium):
        text = loc._(
            "It is not the cheapest: it costs {premium} more than {cheaper}, in present value.",
            premium=loc.money_words(reason.premium),
            cheaper=candidate_label(loc, results, reason.cheaper),
        )
        if reason.quality_gain is not None and reason.quality_gain > 0:
            text += " " + loc._(
                "The premium buys {points} more quality points out of 100.",
                points=loc.number(reason.quality_gain, 1),
            )
        return text
    log.warning("no sentence for recommendation reason %r", reason.code)
    return None


def reason_sentences(loc: Locale, results: Results) -> list[str]:
    out = []
    for reason in results.recommendation.reasons:
        sentence = reason_sentence(loc, results, reason)
        if sentence:
            out.append(sentence)
    return out


def describe_routing(loc: Locale, r, baseline: str, channels: Sequence[str]) -> str:
    """One sentence saying what goes where in a hybrid, built from the routing's data."""
    parts = []
    for rule in r.rules:
        names = list(rule.channels) if rule.channels is not None else []
        what = join(loc, names) if names and len(names) < len(channels) else loc._("every channel")
        if rule.tier == "simple":
            what = loc._("the simple contacts of {what}", what=what)
        elif rule.tier == "complex":
            what = loc._("the complex contacts of {what}", what=what)
        if rule.share < 1.0:
            what = loc._("{share} of {what}", share=loc.percent(rule.share), what=what)
        if rule.hours == "after_hours":
            what = loc._("{what} outside business hours", what=what)
        elif rule.hours == "business":
            what = loc._("{what} in business hours", what=what)
        parts.append(what)
    sentence = loc._("{vendor} takes {what}; {baseline} keeps the rest.", vendor=r.vendor,
                     what=join(loc, parts), baseline=baseline)  # fmt: skip
    if r.family == "user" and r.name:
        sentence = f"{r.name}: {sentence}"
    return sentence


def candidate_label(loc: Locale, results: Results, key: str) -> str:
    """A candidate's name in the report's language: an option's own name, or a hybrid named from
    its routing ("Hybrid: Vendor A after hours"), never the routing's identity string."""
    hybrid = next((h for h in results.hybrids if h.id == key), None)
    if hybrid is None:
        return key
    r = hybrid.routing
    if r.family == "user" and r.name:
        return r.name
    if r.family == "channel":
        what = loc._("{vendor} takes {channels}", vendor=r.vendor,
                     channels=join(loc, r.rules[0].channels or ()))  # fmt: skip
    elif r.family == "after_hours":
        what = loc._("{vendor} after hours", vendor=r.vendor)
    elif r.family == "tier":
        what = loc._("{vendor} on simple contacts", vendor=r.vendor)
    elif r.family == "uniform":
        what = loc._("{share} to {vendor}", share=loc.percent(r.rules[0].share), vendor=r.vendor)
    else:
        what = r.vendor
    return loc._("Hybrid: {what}", what=what)


def family_label(loc: Locale, family: str) -> str:
    return {
        "channel": loc._("By channel"),
        "after_hours": loc._("After hours"),
        "tier": loc._("By tier"),
        "uniform": loc._("Same share of everything"),
        "user": loc._("Your own"),
    }.get(family, family)
