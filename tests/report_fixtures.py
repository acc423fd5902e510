"""Hand-built Results for the report tests, independent of the model (figures are plausible,
internally consistent where the report cross-checks them, and easy to vary: options, lines, warnings).
"""

from __future__ import annotations

from datetime import date

from pipeline import schema
from pipeline.issues import Issue
from pipeline.model.inputs import Channel, CostLine, Criterion, Inputs, Option, Project
from pipeline.model.results import (
    BaselineBest,
    Candidate,
    ChecklistItem,
    Comparison,
    Hybrid,
    HybridPoint,
    MissingHiddenCosts,
    NotRobust,
    OptionResult,
    Payback,
    Qualitative,
    Recommendation,
    Results,
    Savings,
    Sensitivity,
    SensitivityRow,
    Staffing,
)

CHANNELS = (
    Channel(name="Phone", mode="live", monthly_volume=30000, aht_minutes=6, hours_per_week=84),
    Channel(
        name="Chat",
        mode="live",
        monthly_volume=12000,
        aht_minutes=8,
        concurrency=2,
        hours_per_week=84,
    ),
    Channel(name="Email", mode="deferred", monthly_volume=8000, aht_minutes=10, min_agents=0),
)
CATS = ("labour", "technology", "training", "setup", "hidden")


def _option_names(n: int) -> list[str]:
    return ["In-house"] + [f"Vendor {chr(ord('A') + i)}" for i in range(n - 1)]


def _monthly(i: int, months: int) -> tuple[float, ...]:
    """Month 0..M: a setup spike for vendors, then a flat run rate growing 4% a year."""
    base = 1_450_000_000.0 if i == 0 else 1_050_000_000.0 + 50_000_000.0 * i
    setup = 0.0 if i == 0 else 300_000_000.0 + 50_000_000.0 * i
    out = [setup]
    for m in range(1, months + 1):
        y = (m - 1) // 12
        out.append(base * (1.04**y) / 12)
    return tuple(out)


def _lines(names, n_lines: int, markup: str | None) -> tuple[CostLine, ...]:
    lines = []
    items = [
        ("labour", "Agent salaries", "per_fte_month", 7_500_000.0, "agent_salaries"),
        ("labour", "Benefits (BPJS, THR)", "pct_labour", 0.3, "benefits"),
        ("technology", "CRM licences", "per_fte_month", 450_000.0, "technology"),
        ("setup", "Setup & onboarding fee", "one_time", 900_000_000.0, "setup_fee"),
        ("hidden", "Vendor management", "monthly", 25_000_000.0, "vendor_management"),
        ("training", "Initial training", "per_hire", 3_000_000.0, "training"),
    ]
    for k in range(n_lines):
        cat, item, basis, amount, ctype = items[k % len(items)]
        opt = names[k % len(names)]
        if markup and k == 0:
            item = markup
        lines.append(
            CostLine(
                option=opt,
                category=cat,
                item=item if k < len(items) * len(names) else f"{item} #{k}",
                cost_type=ctype,
                basis=basis,
                amount=amount,
                start_month=0 if basis == "one_time" else 1,
                end_month=36,
                escalation="general",
                row=k + 2,
            )
        )
    return tuple(lines)


def make_results(
    *,
    n_options: int = 3,
    n_lines: int = 18,
    n_warnings: int = 2,
    client: str = "PT Contoh Sejahtera",
    markup: str | None = None,
    years: int = 3,
    currency: str = "IDR",
) -> Results:
    names = _option_names(n_options)
    months = 12 * years
    project = Project(
        client_name=client,
        prepared_by="A. Consultant",
        report_date=date(2025, 3, 14),
        currency=currency,
        horizon_years=years,
        baseline_option="In-house",
    )
    options = tuple(
        Option(
            name=n,
            type="in-house" if i == 0 else "outsourced",
            already_running=i == 0,
            transition_months=0 if i == 0 else 2,
        )
        for i, n in enumerate(names)
    )
    criteria = tuple(
        Criterion(
            name=c.label.en,
            weight=c.weight,
            scores={
                n: (c.in_house if i == 0 else max(1, c.outsourced - (i - 1) % 2))
                for i, n in enumerate(names)
            },
        )
        for c in schema.DEFAULT_CRITERIA
    )
    inputs = Inputs(
        project=project,
        channels=CHANNELS,
        options=options,
        costs=_lines(names, n_lines, markup),
        criteria=criteria,
        source_name="example.xlsx",
    )
    results_opts = []
    for i, n in enumerate(names):
        monthly = _monthly(i, months)
        total = sum(monthly)
        annual = tuple(
            sum(monthly[(y * 12 + 1) : (y * 12 + 13)]) + (monthly[0] if y == 0 else 0.0)
            for y in range(years)
        )
        shares = (0.7, 0.12, 0.06, 0.07, 0.05) if i == 0 else (0.0, 0.05, 0.03, 0.12, 0.80)
        setup_share = monthly[0]
        abc = {}
        for c, s in zip(CATS, shares, strict=True):
            abc[c] = tuple(
                (a - (setup_share if y == 0 else 0.0)) * s
                + (setup_share if (c == "setup" and y == 0) else 0.0)
                for y, a in enumerate(annual)
            )
        staffing = tuple(
            Staffing(
                channel=ch.name,
                year=y + 1,
                mode=ch.mode,
                agents_on_duty=(14.0 + 3 * ci + i) if ch.mode == "live" else None,
                service_level=0.83 if ch.mode == "live" else None,
                occupancy=0.78 if ch.mode == "live" else None,
                p_wait=0.31 if ch.mode == "live" else None,
                asa_seconds=12.4 if ch.mode == "live" else None,
                staffed_hours_month=5200.0 + 100 * ci,
                fte=(42.5 + 8 * ci) * (1.43 if i == 0 else 1.0),
            )
            for y in range(years)
            for ci, ch in enumerate(CHANNELS)
        )
        checklist = tuple(
            ChecklistItem(
                cost_type=t.code,
                included=k % 3 != 2,
                items=(f"Line for {t.label.en}",) if k % 3 != 2 else (),
            )
            for k, t in enumerate(schema.checklist_types(options[i].type))
        )
        results_opts.append(
            OptionResult(
                name=n,
                type=options[i].type,
                total_cost=total,
                pv_cost=total * 0.88,
                contacts=50000.0 * months,
                cost_per_contact=total / (50000.0 * months),
                avg_fte=60.0 if i == 0 else 44.0,
                by_category={c: sum(v) for c, v in abc.items()},
                annual_cost=annual,
                annual_by_category=abc,
                monthly_cost=monthly,
                staffing=staffing,
                qualitative_index=[78.5, 64.2, 60.1, 58.0, 66.0, 61.0][i % 6],
                checklist=checklist,
                investment=0.0 if i == 0 else monthly[0],
            )
        )
    base = results_opts[0]
    comparisons = []
    for o in results_opts[1:]:
        cum, acc = [], 0.0
        for b, a in zip(base.monthly_cost, o.monthly_cost, strict=True):
            acc += b - a
            cum.append(acc)
        payback = next((m for m in range(len(cum)) if all(c >= 0 for c in cum[m:])), None)
        comparisons.append(
            Comparison(
                option=o.name,
                net_savings=cum[-1],
                npv=cum[-1] * 0.86,
                investment=o.investment,
                roi=cum[-1] / o.investment if o.investment else None,
                payback_month=payback,
                discounted_payback_month=payback + 2 if payback is not None else None,
                irr=0.42 if payback is not None else None,
                cumulative_savings=tuple(cum),
            )
        )
    hybrid = tuple(
        Hybrid(
            vendor=o.name,
            curve=tuple(
                HybridPoint(
                    share=s / 10,
                    pv_cost=base.pv_cost * (1 - 0.25 * (s / 10) + 0.3 * (s / 10 - 0.7) ** 2),
                    total_cost=base.total_cost * (1 - 0.2 * s / 10),
                )
                for s in range(11)
            ),
            best_share=0.7,
            best_pv_cost=base.pv_cost * (1 - 0.25 * 0.7),
            name=f"Hybrid: 70% {o.name}",
        )
        for o in results_opts[1:]
    )
    leader = comparisons[0].option if comparisons else None
    sensitivity = None
    if leader:
        npv = comparisons[0].npv
        drivers = (
            ("volume", 0.8, 1.2, 0.45, 1.5),
            ("vendor_price", 0.9, 1.1, 1.4, 0.55),
            ("inhouse_labour", 0.9, 1.1, 0.7, 1.3),
            ("aht", 0.8, 1.2, 0.8, 1.2),
            ("discount_rate", 0.05, 0.15, 1.05, 0.95),
            ("shrinkage", 0.25, 0.35, 0.92, 1.1),
            ("attrition", 0.2, 0.4, 0.95, 1.05),
            ("wage_inflation", 0.03, 0.07, 0.97, 1.03),
        )
        sensitivity = Sensitivity(
            option=leader,
            base_npv=npv,
            rows=tuple(
                SensitivityRow(
                    driver=d,
                    low=lo,
                    high=hi,
                    npv_low=npv * a,
                    npv_high=npv * b,
                    flips=d == "volume",
                )
                for d, lo, hi, a, b in drivers
            ),
            breakeven_price=1.23,
            breakeven_volume=0.61,
        )
    rec_name = hybrid[0].name if hybrid else names[0]
    candidates = tuple(
        Candidate(
            name=o.name,
            kind="option",
            pv_cost=o.pv_cost,
            cost_score=80.0 + k,
            qualitative_index=o.qualitative_index,
            composite=70.0 + k,
        )
        for k, o in enumerate(results_opts)
    )
    if hybrid:
        candidates = (
            Candidate(
                name=rec_name,
                kind="hybrid",
                pv_cost=hybrid[0].best_pv_cost,
                cost_score=100.0,
                qualitative_index=69.0,
                composite=87.6,
            ),
        ) + tuple(sorted(candidates, key=lambda c: -c.composite))
    reasons = (
        (
            Savings(option=rec_name, baseline=names[0], net_savings=4.2e9, npv=3.6e9),
            Payback(option=rec_name, month=9),
            Qualitative(option=rec_name, index=69.0, baseline=names[0], baseline_index=78.5),
            MissingHiddenCosts(option=rec_name, missing=("exit_fee", "severance")),
            NotRobust(drivers=("volume",)),
        )
        if hybrid
        else (BaselineBest(option=names[0]),)
    )
    recommendation = Recommendation(
        option=rec_name,
        composite=87.6 if hybrid else 75.0,
        robust=not hybrid,
        candidates=candidates,
        reasons=reasons,
        flipping_drivers=("volume",) if hybrid else (),
    )
    issues = tuple(
        Issue(
            code="missing-hidden-cost",
            severity="warning",
            sheet="Costs",
            cell=f"C{k + 2}",
            field="item",
            value=f"value {k}",
            message=f"Vendor A has no exit or termination fee line (warning {k}).",
        )
        for k in range(n_warnings)
    )
    return Results(
        inputs=inputs,
        currency=currency,
        horizon_months=months,
        baseline="In-house",
        options=tuple(results_opts),
        comparisons=tuple(comparisons),
        hybrid=hybrid,
        sensitivity=sensitivity,
        recommendation=recommendation,
        issues=issues,
    )
