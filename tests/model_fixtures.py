"""Hand-built Inputs for the model tests and the benchmark (no workbook needed).

`example_inputs()` mirrors a realistic filled example (in-house baseline, two vendors, three
channels); `big_inputs(n)` repeats its lines up to n cost lines for the performance budget;
`tiny_inputs(...)` is the small book of the hand-worked figures in docs/model.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pipeline import schema
from pipeline.model.inputs import (
    Channel,
    CostLine,
    Criterion,
    Inputs,
    Option,
    Profile,
    Project,
    Seasonality,
)


def project(**kw) -> Project:
    base = dict(
        client_name="PT Contoh",
        report_date=date(2025, 1, 15),
        currency="IDR",
        horizon_years=3,
        discount_rate=0.10,
        wage_inflation=0.05,
        vendor_escalation=0.03,
        general_inflation=0.03,
        volume_growth=0.0,
        baseline_option="In-house",
        financial_weight=0.6,
    )
    base.update(kw)
    return Project(**base)


def line(option: str, basis: str, amount: float, **kw) -> CostLine:
    """A cost line with sensible defaults: labour category, no escalation, months 1..M."""
    base = dict(
        option=option,
        category="labour",
        item=f"{basis} line",
        cost_type="other",
        basis=basis,
        amount=amount,
        quantity=1.0,
        start_month=1,
        end_month=kw.pop("end_month", 36),
        escalation="none",
    )
    base.update(kw)
    return CostLine(**base)


def tiny_inputs(lines=(), *, channels=None, options=None, **project_kw) -> Inputs:
    """One deferred channel (1,000 emails of 6 min, 45 h/week, 100% occupancy, no floor) and
    one in-house option (no shrinkage, 100 paid hours, no attrition, already running), 1 year.

    Workload = 1,000 x 6 / 60 = 100 h/month = 1 FTE, so every driver is a round number:
    contacts 1,000, minutes 6,000, staffed hours 100, FTE 1, hires 0.
    """
    kw = dict(horizon_years=1, baseline_option="In-house")
    kw.update(project_kw)
    chans = channels or (
        Channel(
            name="Email",
            mode="deferred",
            monthly_volume=1000.0,
            aht_minutes=6.0,
            max_occupancy=1.0,
            min_agents=0,
        ),
    )
    opts = options or (
        Option(
            name="In-house",
            type="in-house",
            already_running=True,
            shrinkage=0.0,
            paid_hours=100.0,
            attrition=0.0,
        ),
    )
    months = 12 * kw["horizon_years"]
    fixed = tuple(ln if ln.end_month <= months else replace(ln, end_month=months) for ln in lines)
    return Inputs(project=project(**kw), channels=tuple(chans), options=tuple(opts), costs=fixed)


CHANNELS = (
    Channel(name="Phone", mode="live", monthly_volume=12000, aht_minutes=6.0, hours_per_week=60),
    Channel(
        name="Chat",
        mode="live",
        monthly_volume=6000,
        aht_minutes=8.0,
        hours_per_week=84,
        concurrency=2,
        answer_seconds=60,
    ),
    Channel(name="Email", mode="deferred", monthly_volume=4000, aht_minutes=5.0, min_agents=0),
)

OPTIONS = (
    Option(name="In-house", type="in-house", already_running=True),
    Option(
        name="Vendor A",
        type="outsourced",
        shrinkage=0.0,
        attrition=0.0,
        aht_factor=1.1,
        transition_months=2,
        minimum_monthly_fee=150_000_000,
    ),
    Option(name="Vendor B", type="outsourced", shrinkage=0.0, attrition=0.0, aht_factor=1.05),
)


def _cost(option, category, item, basis, amount, *, ctype, esc, **kw) -> CostLine:
    return CostLine(
        option=option,
        category=category,
        item=item,
        cost_type=ctype,
        basis=basis,
        amount=amount,
        quantity=kw.pop("quantity", 1.0),
        start_month=kw.pop("start_month", 1),
        end_month=kw.pop("end_month", 36),
        escalation=esc,
        **kw,
    )


COSTS = (
    # In-house (today's team)
    _cost(
        "In-house",
        "labour",
        "Agent salaries",
        "per_fte_month",
        6_500_000,
        ctype="agent_salaries",
        esc="wage",
    ),
    _cost(
        "In-house", "labour", "Benefits and BPJS", "pct_labour", 0.30, ctype="benefits", esc="none"
    ),
    _cost(
        "In-house",
        "labour",
        "Supervisors",
        "per_fte_month",
        12_000_000,
        quantity=0.1,
        ctype="supervision",
        esc="wage",
    ),
    _cost(
        "In-house",
        "training",
        "Recruiting per hire",
        "per_hire",
        4_000_000,
        ctype="recruiting",
        esc="general",
    ),
    _cost(
        "In-house",
        "training",
        "Initial training",
        "per_hire",
        3_000_000,
        ctype="training",
        esc="general",
    ),
    _cost(
        "In-house",
        "technology",
        "CRM and telephony licences",
        "per_fte_month",
        900_000,
        ctype="technology",
        esc="general",
    ),
    _cost(
        "In-house",
        "technology",
        "Office seats",
        "per_fte_month",
        2_500_000,
        ctype="facilities",
        esc="general",
    ),
    _cost(
        "In-house",
        "hidden",
        "IT maintenance",
        "monthly",
        15_000_000,
        ctype="technology",
        esc="general",
    ),
    # Vendor A: per agent hour
    _cost(
        "Vendor A",
        "labour",
        "Agent hourly rate",
        "per_agent_hour",
        95_000,
        ctype="agent_salaries",
        esc="vendor",
    ),
    _cost(
        "Vendor A",
        "setup",
        "Setup and onboarding fee",
        "one_time",
        250_000_000,
        start_month=0,
        ctype="setup_fee",
        esc="none",
    ),
    _cost(
        "Vendor A",
        "training",
        "Training and integration",
        "one_time",
        80_000_000,
        start_month=0,
        ctype="training",
        esc="none",
    ),
    _cost(
        "Vendor A",
        "hidden",
        "Vendor management and oversight",
        "monthly",
        25_000_000,
        ctype="vendor_management",
        esc="general",
    ),
    _cost(
        "Vendor A",
        "hidden",
        "Exit fee",
        "one_time",
        150_000_000,
        start_month=36,
        ctype="exit_fee",
        esc="none",
    ),
    _cost(
        "Vendor A",
        "technology",
        "CRM licences kept",
        "monthly",
        10_000_000,
        ctype="technology",
        esc="general",
    ),
    # Vendor B: per contact
    _cost(
        "Vendor B",
        "labour",
        "Per call",
        "per_contact",
        14_000,
        channel="Phone",
        ctype="transaction_fees",
        esc="vendor",
    ),
    _cost(
        "Vendor B",
        "labour",
        "Per chat",
        "per_contact",
        9_000,
        channel="Chat",
        ctype="transaction_fees",
        esc="vendor",
    ),
    _cost(
        "Vendor B",
        "labour",
        "Per email",
        "per_contact",
        6_000,
        channel="Email",
        ctype="transaction_fees",
        esc="vendor",
    ),
    _cost(
        "Vendor B",
        "setup",
        "Setup fee",
        "one_time",
        120_000_000,
        start_month=0,
        ctype="setup_fee",
        esc="none",
    ),
    _cost(
        "Vendor B",
        "hidden",
        "Management fee",
        "pct_other",
        0.05,
        ctype="vendor_management",
        esc="none",
    ),
)


def criteria() -> tuple[Criterion, ...]:
    out = []
    for c in schema.DEFAULT_CRITERIA:
        scores = {"In-house": c.in_house, "Vendor A": c.outsourced, "Vendor B": c.outsourced}
        out.append(Criterion(name=c.label.en, weight=c.weight, scores=scores))
    return tuple(out)


def example_inputs(**project_kw) -> Inputs:
    return Inputs(
        project=project(**project_kw),
        channels=CHANNELS,
        options=OPTIONS,
        costs=COSTS,
        criteria=criteria(),
        source_name="example.xlsx",
    )


def big_inputs(n_lines: int = 20_000) -> Inputs:
    """The example with its cost lines repeated (amounts scaled down) up to `n_lines` lines."""
    reps = -(-n_lines // len(COSTS))
    lines = []
    for r in range(reps):
        for ln in COSTS:
            lines.append(
                replace(ln, amount=ln.amount / reps, item=f"{ln.item} #{r + 1}", row=len(lines) + 2)
            )
    return replace(example_inputs(), costs=tuple(lines[:n_lines]))


def builtin_profile(code: str, lang: str = "en") -> Profile:
    p = schema.builtin_profile(code)
    return Profile(name=p.label(lang), weights=tuple(w for day in p.days for w in day))


def builtin_pattern(code: str, lang: str = "en") -> Seasonality:
    p = schema.builtin_pattern(code)
    mean = sum(p.months) / 12
    return Seasonality(name=p.label(lang), factors=tuple(v / mean for v in p.months))


def demand_v2(inputs: Inputs, lang: str = "en") -> Inputs:
    """`inputs` with the demand of template version 2 as in the shipped example: e-commerce hours
    on live channels, office hours on email, the Indonesian e-commerce seasons, a 90 s patience
    on the phone, 15% complex contacts on live channels, vendors flexing monthly."""
    season = builtin_pattern("id_ecommerce", lang)
    channels = []
    for c in inputs.channels:
        kw: dict = {"seasonality": season}
        if c.mode == "live":
            kw.update(
                profile=builtin_profile("ecommerce_24_7", lang),
                complex_share=0.15,
                complex_aht_factor=1.8,
                hours_per_week=168,
            )
            if c.name.lower().startswith(("phone", "telepon")):
                kw["patience_seconds"] = 90.0
        else:
            kw.update(profile=builtin_profile("office_hours", lang), hours_per_week=45)
        channels.append(replace(c, **kw))
    return replace(
        inputs,
        channels=tuple(channels),
        options=tuple(replace(o, flexes_monthly=o.outsourced) for o in inputs.options),
        project=replace(inputs.project, go_live=date(2027, 1, 1)),
        template_version=2,
    )


def example_inputs_v2(**project_kw) -> Inputs:
    return demand_v2(example_inputs(**project_kw))
