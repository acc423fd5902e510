"""Qualitative index, hidden-cost checklist, candidate ranking and the recommendation's reasons.

cost score = 100 x min PV / PV; composite = w x cost score + (1 - w) x qualitative index (cost
score alone unless every candidate has an index); the highest composite wins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import schema
from .engine import BASE, SHARE_STEPS, Engine, Scenario
from .inputs import CostLine, Criterion, Option
from .results import Candidate, ChecklistItem, Comparison, Reason, Recommendation, Sensitivity
from .scenarios import CandidateRef, hybrid_curve, hybrid_name


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
    for ctype in schema.checklist_types(option.type):
        if ctype.code == "night_premium" and not round_the_clock:
            continue
        items = tuple(
            ln.item
            for ln in lines
            if ln.cost_type == ctype.code
            or (ctype.code == "attrition_replacement" and ln.basis == "per_hire")
        )
        included = bool(items) or (ctype.code == "parallel_run" and option.transition_months > 0)
        out.append(ChecklistItem(cost_type=ctype.code, included=included, items=items))
    return tuple(out)


def missing_types(items: Sequence[ChecklistItem]) -> list[str]:
    return [i.cost_type for i in items if not i.included]


def candidate_refs(engine: Engine, sc: Scenario = BASE) -> list[CandidateRef]:
    """Every pure option, plus each vendor's best split when strictly between 0% and 100%."""
    refs = [CandidateRef(name=o.name, kind="option", option=o) for o in engine.inputs.options]
    for vendor in engine.vendors():
        _, k = hybrid_curve(engine, vendor, sc)
        if 0 < k < SHARE_STEPS:
            refs.append(
                CandidateRef(name=hybrid_name(vendor.name, k), kind="hybrid", option=vendor, k=k)
            )
    return refs


def indices_of(engine: Engine) -> dict[str, float | None]:
    return {
        o.name: qualitative_index(engine.inputs.criteria, o.name) for o in engine.inputs.options
    }


def ref_index(engine: Engine, ref: CandidateRef, indices: Mapping[str, float | None]):
    if ref.kind == "hybrid":
        return hybrid_index(
            indices[engine.baseline.name], indices[ref.option.name], ref.k / SHARE_STEPS
        )
    return indices[ref.name]


def rank(
    engine: Engine, refs: Sequence[CandidateRef], sc: Scenario = BASE
) -> list[tuple[CandidateRef, Candidate]]:
    """Candidates with their scores, best composite first (ties: lower PV, then input order)."""
    indices = indices_of(engine)
    weight = engine.inputs.project.financial_weight
    pvs = [engine.pv(ref.run(engine, sc).total, sc) for ref in refs]
    q = [ref_index(engine, ref, indices) for ref in refs]
    use_q = all(v is not None for v in q)
    low = min(pvs)
    out = []
    for ref, pv, qi in zip(refs, pvs, q, strict=True):
        score = 100.0 if pv <= 0 else 100.0 * max(low, 0.0) / pv
        composite = weight * score + (1.0 - weight) * qi if use_q else score
        out.append(
            Candidate(
                name=ref.name,
                kind=ref.kind,
                pv_cost=pv,
                cost_score=score,
                qualitative_index=qi,
                composite=composite,
                share=ref.k / SHARE_STEPS if ref.kind == "hybrid" else None,
                vendor=ref.option.name if ref.kind == "hybrid" else None,
            )
        )
    order = sorted(range(len(out)), key=lambda i: (-out[i].composite, out[i].pv_cost, i))
    return [(refs[i], out[i]) for i in order]


def winner_key(engine: Engine, sc: Scenario) -> str:
    """Key of the recommended candidate under a scenario (for robustness)."""
    return rank(engine, candidate_refs(engine, sc), sc)[0][0].key


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
        values = {"option": base}
        if runner is not None and runner[1].name in comparisons:
            cmp = comparisons[runner[1].name]
            values |= {"runner_up": runner[1].name, "npv": cmp.npv, "net_savings": cmp.net_savings}
        reasons.append(Reason(code="baseline-best", values=values))
    elif best.name in comparisons:
        cmp = comparisons[best.name]
        reasons.append(
            Reason(
                code="savings",
                values={
                    "option": best.name,
                    "baseline": base,
                    "net_savings": cmp.net_savings,
                    "npv": cmp.npv,
                    "roi": cmp.roi,
                    "irr": cmp.irr,
                    "investment": cmp.investment,
                },
            )
        )
        if cmp.payback_month is None:
            reasons.append(Reason(code="no-payback", values={"option": best.name}))
        else:
            reasons.append(
                Reason(
                    code="payback",
                    values={
                        "option": best.name,
                        "month": cmp.payback_month,
                        "discounted_month": cmp.discounted_payback_month,
                    },
                )
            )
    if best.qualitative_index is not None and indices.get(base) is not None:
        reasons.append(
            Reason(
                code="qualitative",
                values={
                    "option": best.name,
                    "index": best.qualitative_index,
                    "baseline": base,
                    "baseline_index": indices[base],
                    "difference": best.qualitative_index - indices[base],
                },
            )
        )
    parts = [best_ref.option.name]
    if best_ref.kind == "hybrid":
        parts = [base, best_ref.option.name]
    for part in parts:
        missing = missing_types(checklists.get(part, ()))
        if missing:
            reasons.append(
                Reason(code="missing-hidden-costs", values={"option": part, "missing": missing})
            )
    if sensitivity is not None:
        if flipping:
            reasons.append(Reason(code="not-robust", values={"drivers": list(flipping)}))
        else:
            reasons.append(Reason(code="robust", values={"option": sensitivity.option}))
    return Recommendation(
        option=best.name,
        composite=best.composite,
        robust=not flipping,
        candidates=tuple(c for _, c in ranked),
        reasons=tuple(reasons),
        flipping_drivers=flipping,
    )
