"""Qualitative index, hidden-cost checklist, candidate ranking and the recommendation's reasons.

The ranking (DESIGN §8): candidates on the cost-quality Pareto front (no other candidate is at
most as dear and at least as good, one of them strictly) rank above the dominated ones; on the
front, cost score = 100 x (dearest PV on the front - PV) / (dearest - cheapest on the front),
composite = w x cost score + (1 - w) x qualitative index, highest first. Without a qualitative
index for every candidate, cost alone ranks (cheapest first). Adding the same cost to every
candidate, or scaling every cost, leaves the ranking as it is; a dominated candidate never wins;
lowering a candidate's cost never lowers its rank (each a hypothesis test).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .. import schema
from .engine import BASE, SHARE_STEPS, Engine, Scenario
from .inputs import CostLine, Criterion, Option
from .results import (
    BaselineBest,
    Candidate,
    ChecklistItem,
    Comparison,
    MissingHiddenCosts,
    NoPayback,
    NotRobust,
    Payback,
    Premium,
    Qualitative,
    Reason,
    Recommendation,
    Robust,
    Savings,
    Sensitivity,
)
from .scenarios import CandidateRef


def qualitative_index(criteria: Sequence[Criterion], option: str) -> float | None:
    """100 x sum(w x score) / (5 x sum(w)) over the criteria scored for `option`; None if none."""
    pairs = [(c.weight, c.scores[option]) for c in criteria if option in c.scores]
    total_w = sum(w for w, _ in pairs)
    if not pairs or total_w <= 0:
        return None
    return 100.0 * sum(w * s for w, s in pairs) / (schema.SCORE_MAX * total_w)


def hybrid_index(base: float | None, vendor: float | None, share: float) -> float | None:
    """Share-weighted mean of the two parts' indices (None when either is missing)."""
    if base is None or vendor is None:
        return None
    return (1.0 - share) * base + share * vendor


def checklist(
    option: Option, lines: Sequence[CostLine], *, round_the_clock: bool = True
) -> tuple[ChecklistItem, ...]:
    """Included / missing per hidden-cost type of the option's type (DOMAIN.md checklist).

    A transition of more than 0 months counts as a parallel run: the model charges it. Per-hire
    lines cover attrition replacement: the model's hires include the replacements of leavers, as
    validation already accepts (an in-house option "with attrition (per hire)", DESIGN §4).
    The night/weekend premium is on the checklist only when a channel runs 24/7
    (`round_the_clock`), as validation warns: a 45-hour desk does not "miss" it.
    """
    out = []
    for ctype in schema.checklist_for(option.type, round_the_clock=round_the_clock):
        items = tuple(ln.item for ln in lines if schema.covers(ctype.code, ln.cost_type, ln.basis))
        included = bool(items) or schema.covers(ctype.code, "", None, option.transition_months)
        out.append(ChecklistItem(cost_type=ctype.code, included=included, items=items))
    return tuple(out)


def missing_types(items: Sequence[ChecklistItem]) -> list[str]:
    return [i.cost_type for i in items if not i.included]


def candidate_refs(engine: Engine, variants: Sequence | None = None) -> list[CandidateRef]:
    """Every pure option, then the best variant of each hybrid family per vendor and the user's
    hybrids (DESIGN §8; `variants` from `hybrids.families`); v1's split is the `uniform` family."""
    from . import hybrids

    refs = [CandidateRef(name=o.name, kind="option", option=o) for o in engine.inputs.options]
    for v in hybrids.families(engine) if variants is None else variants:
        vendor = engine.inputs.option(v.routing.vendor)
        ref = CandidateRef(name="", kind="hybrid", option=vendor, routing=v.routing)
        refs.append(replace(ref, name=ref.key))
    return refs


def indices_of(engine: Engine) -> dict[str, float | None]:
    return {
        o.name: qualitative_index(engine.inputs.criteria, o.name) for o in engine.inputs.options
    }


def vendor_share(engine: Engine, ref: CandidateRef) -> float:
    """A hybrid's vendor's share of the contacts over the horizon (base case)."""
    if ref.routing is None:
        return ref.k / SHARE_STEPS
    run = ref.run(engine)
    total = float(run.contacts.sum())
    return float(run.sides[-1].contacts.sum()) / total if total > 0 and len(run.sides) > 1 else 1.0


def ref_index(engine: Engine, ref: CandidateRef, indices: Mapping[str, float | None]):
    if ref.kind == "hybrid":
        return hybrid_index(
            indices[engine.baseline.name], indices[ref.option.name], vendor_share(engine, ref)
        )
    return indices[ref.name]


def front_ranking(
    costs: Sequence[float], quality: Sequence[float | None], weight: float
) -> tuple[list[int], list[float], list[float], list[bool]]:
    """(order best first, cost scores, composites, on the front) of candidates with PV `costs`
    and qualitative indices `quality` (DESIGN §8). Ties: lower cost, then better quality, then
    input order."""
    n = len(costs)
    use_q = n > 0 and all(q is not None for q in quality)
    q = [float(v) if use_q else 0.0 for v in quality]
    front = [
        not any(
            costs[j] <= costs[i] and q[j] >= q[i] and (costs[j] < costs[i] or q[j] > q[i])
            for j in range(n)
        )
        for i in range(n)
    ]
    on = [costs[i] for i in range(n) if front[i]]
    low, high = min(on), max(on)
    span = high - low
    scores = [100.0 if span <= 0 else 100.0 * (high - c) / span for c in costs]
    composite = [
        weight * s + (1.0 - weight) * qi if use_q else s for s, qi in zip(scores, q, strict=True)
    ]
    order = sorted(range(n), key=lambda i: (not front[i], -composite[i], costs[i], -q[i], i))
    return order, scores, composite, front


def rank(
    engine: Engine, refs: Sequence[CandidateRef], sc: Scenario = BASE
) -> list[tuple[CandidateRef, Candidate]]:
    """Candidates with their scores, best first (see the module docstring)."""
    indices = indices_of(engine)
    weight = engine.inputs.project.financial_weight
    pvs = [engine.pv(ref.run(engine, sc).total, sc) for ref in refs]
    q = [ref_index(engine, ref, indices) for ref in refs]
    order, scores, composite, front = front_ranking(pvs, q, weight)
    out = []
    for i in order:
        ref = refs[i]
        out.append(
            (
                ref,
                Candidate(
                    name=ref.name,
                    kind=ref.kind,
                    pv_cost=pvs[i],
                    cost_score=scores[i],
                    qualitative_index=q[i],
                    composite=composite[i],
                    share=vendor_share(engine, ref) if ref.kind == "hybrid" else None,
                    vendor=ref.option.name if ref.kind == "hybrid" else None,
                    on_front=front[i],
                ),
            )
        )
    return out


def winner_key(engine: Engine, sc: Scenario, refs: Sequence[CandidateRef]) -> str:
    """Key of the recommended candidate under a scenario, among the base case's candidates (a
    hybrid is the routing found in the base case; robustness asks whether a swing changes the
    choice among them, not whether it reshapes a hybrid)."""
    return rank(engine, refs, sc)[0][0].key


def recommendation(
    engine: Engine,
    ranked: Sequence[tuple[CandidateRef, Candidate]],
    *,
    comparisons: Mapping[str, Comparison],
    checklists: Mapping[str, tuple[ChecklistItem, ...]],
    sensitivity: Sensitivity | None,
) -> Recommendation:
    """The winner, the ranking and the reasons as data (the report words them)."""
    best_ref, best = ranked[0]
    base = engine.baseline.name
    indices = indices_of(engine)
    flipping = tuple(r.driver for r in sensitivity.rows if r.flips) if sensitivity else ()
    reasons: list[Reason] = []
    if best_ref.kind == "option" and best.name == base:
        runner = next(((r, c) for r, c in ranked if c.name != base), None)
        cmp = comparisons.get(runner[1].name) if runner is not None else None
        reasons.append(
            BaselineBest(
                option=base,
                runner_up=runner[1].name if cmp is not None else None,
                npv=cmp.npv if cmp is not None else None,
                net_savings=cmp.net_savings if cmp is not None else None,
            )
        )
    elif best.name in comparisons:
        cmp = comparisons[best.name]
        reasons.append(
            Savings(
                option=best.name,
                baseline=base,
                net_savings=cmp.net_savings,
                npv=cmp.npv,
                roi=cmp.roi,
                irr=cmp.irr,
                investment=cmp.investment,
            )
        )
        if cmp.payback_month is None:
            reasons.append(NoPayback(option=best.name))
        else:
            reasons.append(
                Payback(
                    option=best.name,
                    month=cmp.payback_month,
                    discounted_month=cmp.discounted_payback_month,
                )
            )
    if best.qualitative_index is not None and indices.get(base) is not None:
        reasons.append(
            Qualitative(
                option=best.name,
                index=best.qualitative_index,
                baseline=base,
                baseline_index=indices[base],
                difference=best.qualitative_index - indices[base],
            )
        )
    parts = [best_ref.option.name]
    if best_ref.kind == "hybrid":
        parts = [base, best_ref.option.name]
    for part in parts:
        missing = missing_types(checklists.get(part, ()))
        if missing:
            reasons.append(MissingHiddenCosts(option=part, missing=tuple(missing)))
    if sensitivity is not None:
        if flipping:
            reasons.append(NotRobust(drivers=tuple(flipping)))
        else:
            reasons.append(Robust(option=sensitivity.option))
    cheapest = min((c for _, c in ranked), key=lambda c: c.pv_cost)
    premium = None
    premium_over = None
    if best.pv_cost > cheapest.pv_cost:
        premium = best.pv_cost - cheapest.pv_cost
        premium_over = cheapest.name
        gain = (
            best.qualitative_index - cheapest.qualitative_index
            if best.qualitative_index is not None and cheapest.qualitative_index is not None
            else None
        )
        reasons.append(
            Premium(option=best.name, premium=premium, cheaper=cheapest.name, quality_gain=gain)
        )
    return Recommendation(
        option=best.name,
        composite=best.composite,
        robust=not flipping,
        candidates=tuple(c for _, c in ranked),
        reasons=tuple(reasons),
        flipping_drivers=flipping,
        premium=premium,
        premium_over=premium_over,
    )
