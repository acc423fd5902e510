"""`compute`: validated Inputs -> Results (DESIGN §3), pure and deterministic, no I/O."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from ..issues import Issue
from . import demand, finance
from . import hybrids as hybrid_families
from .costs import CATEGORIES
from .engine import BASE, SHARE_STEPS, Engine, Run
from .inputs import Inputs, Option
from .recommend import (
    candidate_refs,
    checklist,
    hybrid_index,
    indices_of,
    rank,
    recommendation,
    winner_key,
)
from .results import (
    Comparison,
    Hybrid,
    HybridResult,
    OptionResult,
    Results,
    Staffing,
    StaffingByHour,
)
from .scenarios import hybrid_result, sensitivity
from .staffing import year_index

log = logging.getLogger("pipeline")


def _staffing(run: Run) -> tuple[Staffing, ...]:
    return tuple(
        Staffing(
            channel=row.channel,
            year=row.year,
            mode=row.mode,
            agents_on_duty=row.agents_on_duty,
            service_level=row.service_level,
            occupancy=row.occupancy,
            p_wait=row.p_wait,
            asa_seconds=row.asa_seconds,
            staffed_hours_month=row.staffed_hours_month,
            fte=row.fte,
            contacts_month=row.contacts_month,
            aht_minutes=row.aht_minutes,
            traffic_erlangs=row.traffic_erlangs,
            peak_agents=row.peak_agents,
            worst_hour_service_level=row.worst_hour_service_level,
            abandonment=row.abandonment,
            month=row.month,
        )
        for row in run.sides[0].plan.rows
    )


def _by_hour(option: str, run: Run) -> tuple[StaffingByHour, ...]:
    """The 168-hour requirement of every live channel and year (DESIGN §8 staffing_by_hour)."""
    out = []
    for row in run.sides[0].plan.rows:
        h = row.hourly
        if h is None:
            continue
        out.append(
            StaffingByHour(
                option=option,
                channel=row.channel,
                year=row.year,
                month=row.month,
                agents=tuple(float(v) for v in h.agents),
                contacts=tuple(float(v) for v in h.contacts),
                service_level=tuple(None if v != v else float(v) for v in h.service_level),
                abandonment=None
                if h.abandonment is None
                else tuple(float(v) for v in h.abandonment),
                occupancy=tuple(float(v) for v in h.occupancy),
            )
        )
    return tuple(out)


def _per_year(series: np.ndarray, years: int) -> tuple[float, ...]:
    """Nominal sums per year 1..Y; month 0 counts in year 1."""
    idx = year_index(len(series) - 1)
    return tuple(float(v) for v in np.bincount(idx, weights=series, minlength=years)[:years])


def option_result(engine: Engine, option: Option, index: float | None) -> OptionResult:
    run = engine.pure(option)
    total = run.total
    years = engine.inputs.project.horizon_years
    contacts = float(run.contacts.sum())
    by_year_cat = {c: _per_year(run.by_category[i], years) for i, c in enumerate(CATEGORIES)}
    side = run.sides[0]
    return OptionResult(
        name=option.name,
        type=option.type,
        total_cost=float(total.sum()),
        pv_cost=engine.pv(total),
        contacts=contacts,
        cost_per_contact=float(total.sum()) / contacts if contacts > 0 else None,
        avg_fte=float(run.fte[1:].mean()) if engine.months > 0 else 0.0,
        by_category={c: float(run.by_category[i].sum()) for i, c in enumerate(CATEGORIES)},
        annual_cost=_per_year(total, years),
        annual_by_category=by_year_cat,
        monthly_cost=tuple(float(v) for v in total),
        monthly_fte=tuple(float(v) for v in run.fte),
        flexes_monthly=option.flexes_monthly,
        staffing=_staffing(run),
        staffing_by_hour=_by_hour(option.name, run),
        qualitative_index=index,
        checklist=checklist(
            option,
            engine.lines[option.name],
            round_the_clock=any(demand.open_all_week(c) for c in engine.inputs.channels),
        ),
        parallel_run_cost=float(run.parallel_run.sum()),
        investment=float(run.one_time.sum() + run.parallel_run.sum()),
        min_fee_topup=float(side.flows.min_fee_topup.sum()),
        line_count=engine.books[option.name].n_lines,
    )


def compare(engine: Engine, name: str, run: Run, baseline: Run, *, kind: str) -> Comparison:
    """An alternative against the baseline (DESIGN §3, §8: Δ = baseline cost - alternative cost;
    investment = peak cash exposure, the largest cumulative shortfall of Δ, and its month; IRR only
    when Δ changes sign once)."""
    rate = engine.discount_rate(BASE)
    delta = baseline.total - run.total
    investment, month = finance.peak_exposure(delta)
    net = float(delta.sum())
    irr, note = finance.irr_with_note(delta)
    return Comparison(
        option=name,
        net_savings=net,
        npv=finance.present_value(delta, rate),
        investment=investment,
        investment_month=month,
        roi=finance.roi(net, investment),
        payback_month=finance.payback_month(delta),
        discounted_payback_month=finance.discounted_payback_month(delta, rate),
        irr=irr,
        irr_note=note,
        cumulative_savings=tuple(float(v) for v in np.cumsum(delta)),
        kind=kind,
        pv_cost=engine.pv(run.total),
    )


def _peak_agents(side) -> float:
    """Peak agents of a side over its live channels in year 1 (summed channel peaks)."""
    return float(
        sum(r.peak_agents or 0.0 for r in side.plan.rows if r.year == 1 and r.mode == "live")
    )


def _hybrid_result(engine: Engine, v, base_run: Run) -> HybridResult:
    r = v.routing
    kept, taken = v.run.sides if len(v.run.sides) == 2 else (None, v.run.sides[0])
    ident = f"{r.family}:{r.vendor}" + (f":{r.name}" if r.name else "")
    rate = engine.discount_rate(BASE)
    return HybridResult(
        id=ident,
        family=r.family,
        vendor=r.vendor,
        routing=r,
        routing_table=tuple(hybrid_families.routing_table(r, engine)),
        pv_cost=v.pv_cost,
        npv=finance.present_value(base_run.total - v.run.total, rate),
        total_cost=float(v.run.total.sum()),
        agents_kept=_peak_agents(kept) if kept is not None else 0.0,
        agents_vendor=_peak_agents(taken),
        monthly_cost=tuple(float(x) for x in v.run.total),
    )


def compute(inputs: Inputs, *, warnings: Sequence[Issue] = ()) -> Results:
    """Staffing, cash flows, comparisons, hybrids, sensitivity and the recommendation."""
    engine = Engine(inputs)
    baseline = engine.baseline
    indices = indices_of(engine)
    options = tuple(option_result(engine, o, indices[o.name]) for o in inputs.options)
    base_run = engine.pure(baseline)
    comparisons = {
        o.name: compare(engine, o.name, engine.pure(o), base_run, kind="option")
        for o in inputs.options
        if o.name != baseline.name
    }
    hybrids: list[Hybrid] = []
    for vendor in engine.vendors():
        h = hybrid_result(engine, vendor)
        k = round(h.best_share * SHARE_STEPS)
        best = engine.hybrid(vendor, k).total
        hybrids.append(
            Hybrid(
                vendor=h.vendor,
                curve=h.curve,
                best_share=h.best_share,
                best_pv_cost=h.best_pv_cost,
                name=h.name,
                qualitative_index=hybrid_index(
                    indices[baseline.name], indices[vendor.name], h.best_share
                ),
                best_total_cost=float(best.sum()),
                best_monthly_cost=tuple(float(v) for v in best),
            )
        )
    variants = hybrid_families.families(engine)
    refs = candidate_refs(engine, variants)
    for ref in refs:
        if ref.kind == "hybrid":
            comparisons[ref.name] = compare(
                engine, ref.name, ref.run(engine), base_run, kind="hybrid"
            )
    ranked = rank(engine, refs)
    lead = next((r for r, _ in ranked if r.key != baseline.name), None)
    sens = None
    if lead is not None:
        base_key = ranked[0][0].key
        sens = sensitivity(engine, lead, lambda sc: winner_key(engine, sc, refs), base_key)
    rec = recommendation(
        engine,
        ranked,
        comparisons=comparisons,
        checklists={o.name: o.checklist for o in options},
        sensitivity=sens,
    )
    found = tuple(_hybrid_result(engine, v, base_run) for v in variants)
    log.debug("compute: %d options, %d lines", len(inputs.options), len(inputs.costs))
    return Results(
        inputs=inputs,
        currency=inputs.project.currency,
        horizon_months=inputs.project.horizon_months,
        baseline=baseline.name,
        options=options,
        comparisons=tuple(comparisons.values()),
        hybrid=tuple(hybrids),
        sensitivity=sens,
        recommendation=rec,
        issues=tuple(warnings),
        hybrids=found,
    )


__all__ = ["compute"]
