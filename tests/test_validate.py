"""Tests of pipeline.validate on RawBooks built here (no workbook file needed), plus end-to-end
checks of the committed examples through the reader."""

from __future__ import annotations

import string
from dataclasses import dataclass, fields, replace
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import schema
from pipeline.issues import Issue
from pipeline.raw import RawBook, RawCell, RawRow, RawTable
from pipeline.validate import CODES_BY_NAME, validate

TODAY = date(2026, 1, 15)
FIRST_ROW = 5  # header row 4, as in the template


@dataclass(frozen=True)
class F:
    """A value with a number format, e.g. F(0.3, "0%")."""

    value: object
    fmt: str


def _cell(sheet: str, ref: str, value: object) -> RawCell:
    if isinstance(value, F):
        return RawCell(sheet=sheet, ref=ref, value=value.value, number_format=value.fmt)
    return RawCell(sheet=sheet, ref=ref, value=value)


def project_values(**kw) -> dict:
    base = dict(
        client_name="PT Contoh",
        report_date=datetime(2026, 1, 5),
        currency="IDR",
        language="en",
        horizon_years=3,
        discount_rate=F(0.1, "0%"),
        baseline_option="In-house",
        usd_rate=16000,
    )
    base.update(kw)
    return base


def channel_rows() -> list[dict]:
    return [
        dict(channel="Phone", mode="live", monthly_volume=10000, aht_minutes=6, hours_per_week=45),
        dict(channel="Email", mode="deferred", monthly_volume=3000, aht_minutes=8),
    ]


def option_rows() -> list[dict]:
    return [
        dict(option="In-house", type="in-house", attrition=F(0.35, "0%")),
        dict(option="Vendor A", type="outsourced", transition_months=0),
    ]


def cost_rows() -> list[dict]:
    def line(option, category, item, basis, amount, **kw):
        return dict(option=option, category=category, item=item, basis=basis, amount=amount, **kw)

    return [
        line("In-house", "Labour", "Agent salaries", "per FTE per month", 5_000_000),
        line("In-house", "Labour", "Benefits and BPJS", "% of labour", F(0.3, "0%")),
        line("In-house", "Labour", "Supervisors", "per FTE per month", 10_000_000, quantity=0.1),
        line("In-house", "Training & management", "Recruiting", "per hire", 3_000_000),
        line("In-house", "Hidden & other fees", "Office seats", "per FTE per month", 1_500_000),
        line("Vendor A", "Labour", "Agent rate", "per agent hour", 200_000),
        line("Vendor A", "Setup & transition", "Setup fee", "one-time", 100_000_000, start_month=0),
        line("Vendor A", "Training & management", "Vendor management", "monthly", 20_000_000),
        line("Vendor A", "Training & management", "Training of agents", "one-time", 50_000_000),
        line("Vendor A", "Hidden & other fees", "Exit fee", "one-time", 80_000_000, start_month=36),
        # the rest of the hidden-cost checklist, so that the small book is complete
        line("In-house", "Training & management", "Initial training", "per hire", 6_000_000),
        line(
            "In-house", "Technology & infrastructure", "CRM licences", "per FTE per month", 900_000
        ),
        line("Vendor A", "Setup & transition", "Parallel run", "one-time", 60_000_000),
        line("Vendor A", "Hidden & other fees", "Premium surcharge", "monthly", 5_000_000),
        line("Vendor A", "Hidden & other fees", "Transaction fees", "per contact", 300),
        line(
            "Vendor A", "Technology & infrastructure", "CRM licences we keep", "monthly", 9_000_000
        ),
        line("Vendor A", "Hidden & other fees", "Data security audit", "annual", 30_000_000),
        line("Vendor A", "Setup & transition", "Severance pay", "per FTE released", 10_000_000),
        line(
            "Vendor A", "Hidden & other fees", "Change requests", "% of other costs", F(0.03, "0%")
        ),
    ]


def score_rows() -> list[dict]:
    return [
        {"criterion": "Control", "weight": 4, "In-house": 5, "Vendor A": 3},
        {"criterion": "Flexibility", "weight": 3, "In-house": 2, "Vendor A": 5},
    ]


def _letter(i: int) -> str:
    """Column letter of the 0-based column `i` (A..Z, AA..)."""
    head, tail = divmod(i, 26)
    return (string.ascii_uppercase[head - 1] if head else "") + string.ascii_uppercase[tail]


def profile_rows(name: str, weights: dict[int, float] | None = None, days=None) -> list[dict]:
    """Seven rows (or `days`) of a profile: weight 1 in hours 08-16 unless `weights` is given."""
    hours = weights if weights is not None else dict.fromkeys(range(8, 17), 1)
    days = days or ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return [
        {"profile": name, "day": day, **{f"h{h:02d}": w for h, w in hours.items()}} for day in days
    ]


def pattern_row(name: str, **months) -> dict:
    return {"pattern": name, **dict.fromkeys(schema.MONTH_KEYS, 1), **months}


def _table(spec: schema.Table, sheet: str, rows: list[dict], extra: tuple[str, ...] = ()):
    letters = {c.key: _letter(i) for i, c in enumerate(spec.columns)}
    extra_letters = {h: _letter(len(letters) + i) for i, h in enumerate(extra)}
    raw_rows = []
    for i, row in enumerate(rows):
        n = FIRST_ROW + i
        cells = {k: _cell(sheet, f"{col}{n}", row.get(k)) for k, col in letters.items()}
        ext = {h: _cell(sheet, f"{col}{n}", row.get(h)) for h, col in extra_letters.items()}
        raw_rows.append(RawRow(number=n, cells=cells, extra=ext))
    return RawTable(
        name=spec.name,
        sheet=sheet,
        header_row=FIRST_ROW - 1,
        columns=letters,
        extra_columns=extra_letters,
        rows=tuple(raw_rows),
    )


def make_book(
    *,
    project: dict | None = None,
    channels: list[dict] | None = None,
    options: list[dict] | None = None,
    costs: list[dict] | None = None,
    scores: list[dict] | None = None,
    score_columns: tuple[str, ...] = ("In-house", "Vendor A"),
    profiles: list[dict] | None = None,
    patterns: list[dict] | None = None,
    hybrids: list[dict] | None = None,
    risks: list[dict] | None = None,
    commentary: list[dict] | None = None,
    lang: str = "en",
    version: int = schema.TEMPLATE_VERSION,
    issues: tuple[Issue, ...] = (),
) -> RawBook:
    """A valid small book by default; pass whole lists (see `edit`) to change rows.

    Without `profiles` / `patterns` the book has no Profiles / Seasonality table (only the
    built-ins can be named); without `hybrids` no Hybrids table. `version` 1 is read as a version 1 workbook (its v2 cells ignored).
    """
    s = {k: v(lang) for k, v in schema.SHEETS.items()}
    values = project_values() if project is None else project
    cells = {
        f.key: _cell(s["project"], f"B{FIRST_ROW + i}", values.get(f.key))
        for i, f in enumerate(schema.FIELDS)
    }
    shapes = {}
    if profiles is not None:
        shapes["tbl_profiles"] = _table(schema.PROFILES, s["profiles"], profiles)
    if patterns is not None:
        shapes["tbl_seasonality"] = _table(schema.SEASONALITY, s["seasonality"], patterns)
    if hybrids is not None:
        shapes["tbl_hybrids"] = _table(schema.HYBRIDS, s["hybrids"], hybrids)
    if risks is not None:
        shapes["tbl_risks"] = _table(schema.RISKS, s["risks"], risks)
    if commentary is not None:
        shapes["tbl_commentary"] = _table(schema.COMMENTARY, s["commentary"], commentary)
    return RawBook(
        path="/tmp/book.xlsx",
        template_version=version,
        template_language=lang,
        values=cells,
        tables={
            **shapes,
            "tbl_channels": _table(
                schema.CHANNELS, s["demand"], channel_rows() if channels is None else channels
            ),
            "tbl_options": _table(
                schema.OPTIONS, s["options"], option_rows() if options is None else options
            ),
            "tbl_costs": _table(schema.COSTS, s["costs"], cost_rows() if costs is None else costs),
            "tbl_scores": _table(
                schema.SCORES,
                s["scores"],
                score_rows() if scores is None else scores,
                score_columns,
            ),
        },
        sheets=tuple(
            s[k]
            for k in ("guide", "project", "demand", "profiles", "seasonality")
            + ("options", "costs", "hybrids", "scores", "risks", "commentary")
        ),
        issues=issues,
    )


def edit(rows: list[dict], index: int, **changes) -> list[dict]:
    out = [dict(r) for r in rows]
    out[index].update(changes)
    return out


def flat(issues) -> list[tuple]:
    return [(i.sheet, i.cell, i.code) for i in issues]


def run(**kw):
    return validate(make_book(**kw), today=TODAY)


# ------------------------------------------------------------------------------------ valid books
def test_valid_book_gives_inputs_with_defaults():
    inputs, issues = run()
    assert flat(issues) == []
    assert inputs is not None
    p = inputs.project
    assert (p.client_name, p.report_date, p.horizon_years, p.discount_rate) == (
        "PT Contoh",
        date(2026, 1, 5),
        3,
        0.1,
    )
    assert (p.wage_inflation, p.financial_weight, p.usd_rate, p.language) == (
        0.05,
        0.6,
        16000,
        "en",
    )
    phone, email = inputs.channels
    assert (phone.min_agents, email.min_agents, phone.service_level, email.max_occupancy) == (
        1,
        0,
        0.8,
        0.85,
    )
    house, vendor = inputs.options
    assert (house.already_running, house.shrinkage, house.attrition) == (True, 0.3, 0.35)
    assert (vendor.already_running, vendor.shrinkage, vendor.attrition) == (False, 0.0, 0.0)
    salary, benefits, *_ = inputs.costs
    assert (salary.escalation, salary.end_month, salary.start_month, salary.quantity) == (
        "wage",
        36,
        1,
        1.0,
    )
    assert (salary.cost_type, salary.cost_type_inferred, salary.row) == ("agent_salaries", True, 5)
    assert (benefits.basis, benefits.amount, benefits.cost_type) == ("pct_labour", 0.3, "benefits")
    by_item = {c.item: c for c in inputs.costs}
    assert by_item["Recruiting"].escalation == "general"  # in-house, not labour
    assert by_item["Agent rate"].escalation == "vendor"
    assert by_item["Setup fee"].start_month == 0
    assert inputs.criteria[0].scores == {"In-house": 5, "Vendor A": 3}
    assert inputs.source_name == "book.xlsx"


def test_blank_project_values_take_defaults():
    values = project_values(report_date=None, language=None, baseline_option=None, usd_rate=None)
    values.pop("discount_rate")
    inputs, issues = validate(make_book(project=values, lang="id"), today=TODAY)
    assert flat(issues) == []
    p = inputs.project
    assert (p.report_date, p.language, p.baseline_option, p.usd_rate, p.discount_rate) == (
        TODAY,
        "id",
        "In-house",
        None,
        0.1,
    )


def test_baseline_defaults_to_first_in_house_option():
    options = [option_rows()[1], option_rows()[0]]
    inputs, issues = run(options=options, project=project_values(baseline_option=None))
    assert flat(issues) == []
    assert inputs.project.baseline_option == "In-house"
    assert inputs.option("In-house").already_running is True


def test_text_numbers_and_mixed_labels_validate_clean():
    costs = edit(
        cost_rows(), 0, amount="Rp 5.000.000", basis="per FTE per bulan", category="Tenaga kerja"
    )
    costs = edit(costs, 1, amount="30%")
    costs = edit(costs, 2, quantity="0,1", amount="Rp10.000.000,-")
    costs = edit(costs, 3, amount="IDR 3,000,000", escalation="umum")
    costs = edit(costs, 5, amount="Rp 200.000", option="vendor  a")
    channels = edit(channel_rows(), 0, mode="langsung", monthly_volume="10,000")
    options = edit(option_rows(), 1, type="alih daya", already_running="tidak")
    inputs, issues = run(costs=costs, channels=channels, options=options)
    assert flat(issues) == []
    got = [(c.amount, c.quantity, c.option) for c in inputs.costs[:6]]
    assert got == [
        (5_000_000, 1, "In-house"),
        (0.3, 1, "In-house"),
        (10_000_000, 0.1, "In-house"),
        (3_000_000, 1, "In-house"),
        (1_500_000, 1, "In-house"),
        (200_000, 1, "Vendor A"),
    ]
    assert inputs.costs[3].escalation == "general"
    assert inputs.channels[0].monthly_volume == 10_000


@pytest.mark.parametrize(
    "amount",
    [15, "15%", 0.15, F(0.15, "0%"), "15 %"],
    ids=["15", "15%-text", "0.15", "0.15-fmt", "15-space-%"],
)
def test_percent_basis_amount(amount):
    inputs, issues = run(costs=edit(cost_rows(), 1, amount=amount))
    assert flat(issues) == []
    assert inputs.costs[1].amount == pytest.approx(0.15)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(F(0.3, "0%"), 0.3), ("30%", 0.3), (30, 0.3), ("30", 0.3), ("12,5%", 0.125)],
    ids=["fraction-formatted", "text-percent", "whole-number", "whole-number-text", "id-decimal"],
)
def test_percent_field(value, expected):
    inputs, issues = run(project=project_values(discount_rate=value))
    assert flat(issues) == []
    assert inputs.project.discount_rate == pytest.approx(expected)


# ----------------------------------------------------------------------------------- bad values
P, D, OP, C, Q = "Project", "Demand", "Options", "Costs", "Qualitative"
PR, SE, H = "Profiles", "Seasonality", "Hybrids"
MINE = profile_rows("Mine")


def hybrid(**kw) -> dict:
    """A hybrid row: Vendor A takes email unless told otherwise."""
    return {"hybrid": "Vendor takes email", "vendor": "Vendor A", "channels": "Email", **kw}


CASES = {
    # id: (book edits, expected flattened issues)
    "parallel-run-without-running-baseline": (
        dict(options=edit(edit(option_rows(), 0, already_running="no"), 1, transition_months=3)),
        [(OP, "H6", "parallel-run-without-running-baseline")],
    ),
    "bad-amount": (dict(costs=edit(cost_rows(), 0, amount="lots")), [(C, "F5", "not-a-number")]),
    "unknown-basis": (
        dict(costs=edit(cost_rows(), 0, basis="per fortnight")),
        [(C, "E5", "unknown-basis")],
    ),
    "unknown-category": (
        dict(costs=edit(cost_rows(), 0, category="Snacks")),
        [(C, "B5", "unknown-category")],
    ),
    "unknown-escalation": (
        dict(costs=edit(cost_rows(), 0, escalation="moon")),
        [(C, "J5", "unknown-escalation")],
    ),
    "unknown-option": (
        dict(costs=edit(cost_rows(), 0, option="Vendor Z")),
        [(C, "A5", "unknown-option")],
    ),
    "negative-quantity": (
        dict(costs=edit(cost_rows(), 2, quantity=-1)),
        [(C, "G7", "out-of-range")],
    ),
    "negative-amount": (
        dict(costs=edit(cost_rows(), 0, amount="(5.000)")),
        [(C, "F5", "negative-amount")],
    ),
    "percent-money": (
        dict(costs=edit(cost_rows(), 0, amount="15%")),
        [(C, "F5", "unexpected-percent")],
    ),
    "missing-item": (dict(costs=edit(cost_rows(), 3, item=" ")), [(C, "C8", "missing-value")]),
    "zero-aht": (
        dict(channels=edit(channel_rows(), 0, aht_minutes=0)),
        [(D, "D5", "out-of-range")],
    ),
    "unknown-mode": (
        dict(channels=edit(channel_rows(), 1, mode="sometimes")),
        [(D, "B6", "unknown-mode")],
    ),
    "hours-over-168": (
        dict(channels=edit(channel_rows(), 0, hours_per_week=200)),
        [(D, "E5", "out-of-range")],
    ),
    "horizon-25": (dict(project=project_values(horizon_years=25)), [(P, "B10", "out-of-range")]),
    "horizon-fraction": (
        dict(project=project_values(horizon_years=2.5)),
        [(P, "B10", "not-an-integer")],
    ),
    "client-missing": (
        dict(project=project_values(client_name=None)),
        [(P, "B5", "missing-value")],
    ),
    "client-too-long": (
        dict(project=project_values(client_name="x" * 121)),
        [(P, "B5", "too-long")],
    ),
    "bad-date": (dict(project=project_values(report_date="soon")), [(P, "B7", "not-a-date")]),
    "bad-currency": (dict(project=project_values(currency="XYZ")), [(P, "B8", "unknown-currency")]),
    "bad-language": (dict(project=project_values(language="fr")), [(P, "B9", "unknown-language")]),
    "discount-60%": (
        dict(project=project_values(discount_rate="60%")),
        [(P, "B11", "out-of-range")],
    ),
    "unknown-type": (
        dict(options=edit(option_rows(), 1, type="partner")),
        [(OP, "B6", "unknown-type")],
    ),
    "not-yes-no": (
        dict(options=edit(option_rows(), 1, already_running="maybe")),
        [(OP, "C6", "not-yes-no")],
    ),
    "number-words": (
        dict(costs=edit(edit(cost_rows(), 0, amount="5 million"), 3, amount="3k")),
        [(C, "F5", "number-words-as-multipliers")],
    ),
    "ambiguous-date": (
        dict(project=project_values(report_date="2/11/2026")),
        [(P, "B7", "ambiguous-date")],
    ),
    "attrition-ambiguous": (
        dict(options=edit(option_rows(), 0, attrition=2)),
        [(OP, "F5", "percent-as-whole-number")],
    ),
    "duplicate-option": (
        dict(options=option_rows() + [dict(option="vendor a", type="outsourced")]),
        [(OP, "A7", "duplicate-option")],
    ),
    "duplicate-channel": (
        dict(
            channels=channel_rows()
            + [dict(channel="PHONE", mode="live", monthly_volume=1, aht_minutes=5)]
        ),
        [(D, "A7", "duplicate-channel")],
    ),
    "baseline-unknown": (
        dict(project=project_values(baseline_option="Nobody")),
        [(P, "B16", "baseline-not-an-option")],
    ),
    "no-baseline": (
        dict(
            project=project_values(baseline_option=None),
            options=[dict(option="Vendor A", type="outsourced")],
            costs=[r for r in cost_rows() if r["option"] == "Vendor A"],
            scores=[{"criterion": "Control", "weight": 4, "Vendor A": 3}],
            score_columns=("Vendor A",),
        ),
        [(P, "B16", "no-baseline")],
    ),
    "start-after-end": (
        dict(costs=edit(cost_rows(), 0, start_month=5, end_month=3)),
        [(C, "I5", "start-after-end")],
    ),
    "start-month-zero": (
        dict(costs=edit(cost_rows(), 0, start_month=0)),
        [(C, "H5", "start-month-zero")],
    ),
    "end-beyond-horizon": (
        dict(costs=edit(cost_rows(), 0, end_month=48)),
        [(C, "I5", "beyond-horizon")],
    ),
    "start-beyond-horizon": (
        dict(costs=edit(cost_rows(), 7, start_month=40)),
        [(C, "H12", "beyond-horizon")],
    ),
    "unknown-channel": (
        dict(costs=edit(cost_rows(), 0, channel="Fax")),
        [(C, "K5", "unknown-channel")],
    ),
    "channel-ignored": (
        dict(costs=edit(cost_rows(), 7, channel="Phone")),
        [(C, "K12", "channel-ignored")],
    ),
    "unknown-cost-type": (
        dict(costs=edit(cost_rows(), 0, cost_type="Snacks")),
        [(C, "D5", "unknown-cost-type")],
    ),
    "score-7": (dict(scores=edit(score_rows(), 1, **{"Vendor A": 7})), [(Q, "D6", "out-of-range")]),
    "weight-6": (dict(scores=edit(score_rows(), 0, weight=6)), [(Q, "B5", "out-of-range")]),
    "unknown-score-column": (
        dict(score_columns=("In-house", "Vendor A", "Vendor B")),
        [(Q, "E4", "unknown-score-column")],
    ),
    "option-without-scores": (
        dict(scores=[{"criterion": "Control", "weight": 4, "In-house": 5}]),
        [(Q, "D4", "option-without-scores")],
    ),
    "no-scores": (dict(scores=[{"criterion": "Control", "weight": 4}]), [(Q, "A5", "no-scores")]),
    "no-channels": (dict(channels=[]), [(D, "A5", "no-channels")]),
    "no-options": (
        dict(options=[], costs=[], scores=[], score_columns=()),
        [(OP, "A5", "no-options"), (C, "A5", "no-cost-lines")],
    ),
    "option-without-costs": (
        dict(
            options=option_rows() + [dict(option="Vendor B", type="outsourced")],
            score_columns=("In-house", "Vendor A", "Vendor B"),
            scores=[
                {"criterion": "Control", "weight": 4, "In-house": 5, "Vendor A": 3, "Vendor B": 2}
            ],
        ),
        # regression: a warning only, and the option that cost nothing was recommended
        [(OP, "A7", "option-without-costs")],
    ),
    "missing-exit-fee": (
        dict(costs=[r for r in cost_rows() if r["item"] != "Exit fee"]),
        [(OP, "A6", "hidden-costs-missing")],
    ),
    # one warning per option, listing every item it lacks
    "missing-benefits-and-facilities": (
        dict(costs=[r for i, r in enumerate(cost_rows()) if i not in (1, 4)]),
        [(OP, "A5", "hidden-costs-missing")],
    ),
    "vendor-rate-too-high": (
        dict(costs=edit(cost_rows(), 5, amount=2_000_000)),
        [(C, "F10", "vendor-rate-benchmark")],
    ),
    "vendor-rate-too-low": (
        dict(costs=edit(cost_rows(), 5, amount=50_000)),
        [(C, "F10", "vendor-rate-benchmark")],
    ),
    "24-7-without-premium": (
        dict(
            channels=edit(channel_rows(), 0, hours_per_week=168),
            options=edit(option_rows(), 0, attrition=F(0.3, "0%")),
        ),
        [(OP, "A5", "hidden-costs-missing"), (OP, "F5", "attrition-24-7")],
    ),
    "fast-phone": (
        dict(channels=edit(channel_rows(), 0, aht_minutes=0.5)),
        [(D, "D5", "productivity-benchmark")],
    ),
    "slow-email": (
        dict(channels=edit(channel_rows(), 1, aht_minutes=60)),
        [(D, "D6", "productivity-benchmark")],
    ),
    "duplicate-line": (dict(costs=cost_rows() + [cost_rows()[4]]), [(C, "C24", "duplicate-line")]),
    # regression: a 100% target silently staffed 20 agents for 2 Erlangs
    "unreachable-service-level": (
        dict(channels=edit(channel_rows(), 0, service_level=F(1, "0%"))),
        [(D, "F5", "unreachable-service-level")],
    ),
    "deferred-100%-service-level-unused": (
        dict(channels=edit(channel_rows(), 1, service_level=F(1, "0%"))),
        [],
    ),
    # demand by hour of the week (template version 2)
    "unknown-profile": (
        dict(channels=edit(channel_rows(), 0, profile="Night shift"), profiles=MINE),
        [(D, "K5", "unknown-profile")],
    ),
    "unknown-pattern": (
        dict(channels=edit(channel_rows(), 0, seasonality="Monsoon")),
        [(D, "L5", "unknown-pattern")],
    ),
    "unknown-day": (dict(profiles=edit(MINE, 2, day="Someday")), [(PR, "B7", "unknown-day")]),
    "negative-weight": (dict(profiles=edit(MINE, 0, h10=-1)), [(PR, "M5", "negative-weight")]),
    "duplicate-profile-day": (
        dict(profiles=MINE + [dict(MINE[0], profile="MINE ")]),
        [(PR, "B12", "duplicate-profile-day")],
    ),
    "profile-day-missing": (
        dict(profiles=MINE[:5], channels=edit(channel_rows(), 0, profile="Mine")),
        [(PR, "A5", "profile-day-missing")],
    ),
    "profile-all-zero": (
        dict(profiles=profile_rows("Shut", {}), channels=edit(channel_rows(), 0, profile="Shut")),
        [(D, "K5", "profile-all-zero")],
    ),
    "profile-all-zero-without-volume": (
        dict(
            profiles=profile_rows("Shut", {}),
            channels=edit(channel_rows(), 0, profile="Shut", monthly_volume=0),
        ),
        [],
    ),
    "hours-differ-from-profile": (
        dict(channels=edit(channel_rows(), 0, profile="Office hours", hours_per_week=40)),
        [(D, "E5", "hours-differ-from-profile")],
    ),
    # the profile wins: round the clock, so the 24/7 checks apply though Hours per week is 45
    "profile-24-7-wins": (
        dict(channels=edit(channel_rows(), 0, profile="Flat 24/7", hours_per_week=None)),
        [(OP, "A5", "hidden-costs-missing")],
    ),
    "pattern-zero": (
        dict(patterns=[pattern_row("Mine", mar=0)]),
        [(SE, "D5", "pattern-not-positive")],
    ),
    "pattern-blank-and-negative": (
        dict(patterns=[pattern_row("Mine", jan=None, dec=-0.5)]),
        [(SE, "B5", "pattern-not-positive"), (SE, "M5", "pattern-not-positive")],
    ),
    "duplicate-pattern": (
        dict(patterns=[pattern_row("Mine"), pattern_row("mine")]),
        [(SE, "A6", "duplicate-pattern")],
    ),
    "patience-zero": (
        dict(channels=edit(channel_rows(), 0, patience_seconds=0)),
        [(D, "O5", "patience-not-positive")],
    ),
    "complex-share-120%": (
        dict(channels=edit(channel_rows(), 0, complex_share="120%")),
        [(D, "M5", "out-of-range")],
    ),
    "complex-factor-50%": (
        dict(channels=edit(channel_rows(), 0, complex_aht_factor="50%")),
        [(D, "N5", "out-of-range")],
    ),
    "flexes-not-yes-no": (
        dict(options=edit(option_rows(), 1, flexes_monthly="sometimes")),
        [(OP, "J6", "not-yes-no")],
    ),
    "go-live-not-a-month": (
        dict(project=project_values(go_live="after Lebaran")),
        [(P, "B19", "not-a-date")],
    ),
    # hybrids by routing (DESIGN §8)
    "business-hours-unknown": (
        dict(project=project_values(business_hours="Night shift")),
        [(P, "B20", "unknown-profile")],
    ),
    "in-a-hybrid-unknown": (
        dict(costs=edit(cost_rows(), 8, in_hybrid="half")),
        [(C, "L13", "unknown-choice")],
    ),
    "channel-not-priced": (
        dict(costs=edit(cost_rows(), 5, channel="Phone")),
        [(OP, "A6", "channel-not-priced")],
    ),
    "unknown-vendor": (dict(hybrids=[hybrid(vendor="Vendor Z")]), [(H, "B5", "unknown-vendor")]),
    "unknown-risk-option": (
        dict(risks=[{"risk": "Data leak", "option": "Vendor Z", "likelihood": 2, "impact": 5}]),
        [("Risks", "B5", "unknown-risk-option")],
    ),
    "not-a-vendor": (dict(hybrids=[hybrid(vendor="in-house")]), [(H, "B5", "not-a-vendor")]),
    "vendor-is-baseline": (
        dict(project=project_values(baseline_option="Vendor A"), hybrids=[hybrid()]),
        [(H, "B5", "vendor-is-baseline")],
    ),
    "hybrid-unknown-channel": (
        dict(hybrids=[hybrid(channels="Email; Fax")]),
        [(H, "C5", "unknown-channel")],
    ),
    "duplicate-hybrid": (
        dict(hybrids=[hybrid(), hybrid(hybrid="VENDOR takes  email", channels="Phone")]),
        [(H, "A6", "duplicate-hybrid")],
    ),
    "hybrid-missing-vendor": (dict(hybrids=[hybrid(vendor=None)]), [(H, "B5", "missing-value")]),
    "hybrid-share-0": (dict(hybrids=[hybrid(share=F(0, "0%"))]), [(H, "F5", "out-of-range")]),
    "hybrid-unknown-tier": (dict(hybrids=[hybrid(tier="medium")]), [(H, "E5", "unknown-choice")]),
    "hybrid-routes-nothing": (
        dict(hybrids=[hybrid(tier="complex")]),
        [(H, "A5", "hybrid-routes-nothing")],
    ),
    "hybrid-routes-everything": (
        dict(hybrids=[hybrid(channels="Phone, email")]),
        [(H, "A5", "hybrid-routes-everything")],
    ),
}


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES.keys())
def test_issue(edits, expected):
    inputs, issues = run(**edits)
    assert flat(issues) == expected
    is_error = any(CODES_BY_NAME[code].severity == "error" for *_, code in expected)
    assert (inputs is None) is is_error
    for issue in issues:
        assert issue.severity == CODES_BY_NAME[issue.code].severity
        assert issue.message and issue.field


def test_transition_months_count_as_parallel_run():
    costs = [r for r in cost_rows() if r["item"] != "Parallel run"]
    _, issues = run(costs=costs)
    assert flat(issues) == [(OP, "A6", "hidden-costs-missing")]
    assert "1 of the 11 items of the hidden-cost checklist: Parallel run." in issues[0].message
    _, issues = run(costs=costs, options=edit(option_rows(), 1, transition_months=2))
    assert flat(issues) == []


def test_six_errors_each_at_its_own_cell():
    costs = edit(cost_rows(), 0, amount="abc")
    costs = edit(costs, 1, basis="sometimes")
    costs = edit(costs, 2, option="Nobody", quantity=-2)
    _, issues = run(
        costs=costs,
        channels=edit(channel_rows(), 0, aht_minutes=0),
        project=project_values(horizon_years=25),
    )
    assert flat(issues) == [
        (P, "B10", "out-of-range"),
        (D, "D5", "out-of-range"),
        (C, "F5", "not-a-number"),
        (C, "E6", "unknown-basis"),
        (C, "A7", "unknown-option"),
        (C, "G7", "out-of-range"),
    ]


# -------------------------------------------------------------------------------------- messages
def _messages(**kw) -> list[str]:
    lang = kw.pop("msg_lang", None)
    _, issues = validate(make_book(**kw), lang=lang, today=TODAY)
    return [i.message for i in issues]


def test_message_names_place_value_and_expected_in_english():
    (message,) = _messages(costs=edit(cost_rows(), 0, amount="lots"))
    assert message == (
        "Costs!F5, column “Amount”: “lots” is not a number; "
        "expected a number from 0 to 1,000,000,000,000."
    )


def test_message_in_indonesian_workbook():
    values = project_values(language="id", horizon_years=25)
    (message,) = _messages(project=values, lang="id")
    assert message == (
        "Proyek!B10 (“Periode analisis (tahun)”): 25 di luar rentang; yang diharapkan bilangan bulat "
        "dari 1 sampai 10."
    )


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [(F(0.99, "0%"), "en", "99%"), (0.995, "id", "99,5%"), ("95%", "en", "“95%”")],
    ids=["percent-cell", "plain-fraction-id", "text-as-typed"],
)
def test_out_of_range_percent_shows_the_percent(value, lang, shown):
    """Regression: a shrinkage of 99% was reported as "0.99 is out of range"."""
    options = edit(option_rows(), 0, shrinkage=value)
    (message,) = _messages(options=options, lang=lang, project=project_values(language=lang))
    assert message.split(": ", 1)[1].startswith(f"{shown} ")
    assert "90%" in message


@pytest.mark.parametrize(
    ("book_lang", "cell_lang", "override", "expected"),
    [
        ("en", "id", None, "bukan angka"),
        ("id", "en", None, "is not a number"),
        ("id", "fr", None, "bukan angka"),
        ("id", "id", "en", "is not a number"),
    ],
    ids=["project-language-wins", "en-cell-in-id-template", "bad-cell-template-wins", "override"],
)
def test_message_language(book_lang, cell_lang, override, expected):
    values = project_values(language=cell_lang)
    messages = _messages(
        project=values, lang=book_lang, msg_lang=override, costs=edit(cost_rows(), 0, amount="x")
    )
    assert any(expected in m for m in messages)


def test_number_words_in_an_id_workbook_are_read_and_warned_once():
    costs = edit(edit(cost_rows(), 0, amount="Rp 5,4 juta"), 3, amount="750 rb")
    costs = edit(costs, 6, amount="0,1 M")
    book = make_book(project=project_values(language="id"), costs=costs, lang="id")
    inputs, issues = validate(book, today=TODAY)
    assert inputs is not None
    assert [c.amount for c in inputs.costs][:7:3] == [5_400_000, 750_000, 100_000_000]
    assert flat(issues) == [("Biaya", "F5", "number-words-as-multipliers")]
    assert "“Rp 5,4 juta” dibaca sebagai 5.400.000" in issues[0].message
    assert "M/miliar/milyar/billion/bn = 1.000.000.000" in issues[0].message


def test_number_letters_are_refused_in_an_en_workbook():
    _, issues = run(costs=edit(cost_rows(), 0, amount="1,2 M"))
    assert flat(issues) == [(C, "F5", "not-a-number")]


@pytest.mark.parametrize("text", ["nan", "-inf", "Infinity"])
def test_non_finite_text_is_not_a_number(text):
    _, issues = run(costs=edit(cost_rows(), 0, amount=text))
    assert flat(issues) == [(C, "F5", "not-a-number")]


def test_numbers_are_read_by_the_workbook_language_whatever_the_messages():
    # An ID workbook's 1.500 is 1,500 even when its messages are asked for in English.
    costs = edit(cost_rows(), 0, amount="1.500")
    book = make_book(project=project_values(language="id"), costs=costs, lang="id")
    for lang in (None, "en", "id"):
        inputs, _ = validate(book, lang=lang, today=TODAY)
        assert inputs is not None and inputs.costs[0].amount == 1500


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "“2/11/2026” was read day first, as 2 November 2026; if you meant 11 February "
            "2026, type 2026-02-11.",
        ),
        (
            "id",
            "“2/11/2026” dibaca dengan hari lebih dulu, sebagai 2 November 2026; jika maksud "
            "Anda 11 Februari 2026, ketik 2026-02-11.",
        ),
    ],
)
def test_ambiguous_date_names_both_readings(lang, expected):
    values = project_values(language=lang, report_date="2/11/2026")
    inputs, issues = validate(make_book(project=values, lang=lang), today=TODAY)
    assert inputs is not None and inputs.project.report_date == date(2026, 11, 2)
    assert [i.code for i in issues] == ["ambiguous-date"]
    assert expected in issues[0].message


def test_unambiguous_text_dates_have_no_warning():
    for text in ("13/11/2026", "2026-02-11", "2 Nov 2026", "11/11/2026"):
        inputs, issues = run(project=project_values(report_date=text))
        assert inputs is not None and issues == [], text


def test_override_sets_report_language():
    inputs, _ = validate(make_book(), lang="id", today=TODAY)
    assert inputs.project.language == "id"


def test_percent_message_shows_both_readings():
    (message,) = _messages(options=edit(option_rows(), 0, attrition=2))
    assert "2 was read as 2%" in message and "200%" in message


def test_unknown_choice_message_lists_labels_in_language():
    (message,) = _messages(
        costs=edit(cost_rows(), 0, basis="weekly"), project=project_values(language="id")
    )
    assert "sekali, bulanan, tahunan, per FTE per bulan" in message
    assert "“Dasar”" in message


# --------------------------------------------------------------------- order, reader issues, codes
def test_reader_issues_are_merged_in_sheet_order_and_not_repeated():
    reader = (
        Issue(code="extra-column", severity="warning", sheet="Costs", cell="M4", message="x"),
        Issue(
            code="formula-without-value", severity="error", sheet="Costs", cell="F6", message="y"
        ),
        Issue(code="macros-ignored", severity="warning", message="z"),
    )
    costs = edit(cost_rows(), 1, amount=None)
    costs[1]["amount"] = None
    book = make_book(costs=costs, project=project_values(horizon_years=0), issues=reader)
    # The formula cell holds no value: validation must not add missing-value on top.
    cells = dict(book.tables["tbl_costs"].rows[1].cells)
    cells["amount"] = cells["amount"]._replace(formula="=A1*2")
    rows = list(book.tables["tbl_costs"].rows)
    rows[1] = replace(rows[1], cells=cells)
    book = replace(
        book,
        tables={**book.tables, "tbl_costs": replace(book.tables["tbl_costs"], rows=tuple(rows))},
    )
    inputs, issues = validate(book, today=TODAY)
    assert inputs is None
    assert flat(issues) == [
        (None, None, "macros-ignored"),
        (P, "B10", "out-of-range"),
        (C, "M4", "extra-column"),
        (C, "F6", "formula-without-value"),
    ]


def test_every_listed_code_is_exercised():
    codes = {code for _, expected in CASES.values() for *_, code in expected}
    # unknown-choice is the fallback for a coded column without a specific code (In a hybrid,
    # and a hybrid's Hours and Tier)
    assert set(CODES_BY_NAME) == codes


cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["Rp 1.500", "30%", "(1,000)", "1.2.3", "In-house", "per hire", "0", "-"]),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    table=st.sampled_from(["channels", "options", "costs", "scores", "project"]),
    row=st.integers(0, 1),
    value=cell_values,
    data=st.data(),
)
def test_any_cell_value_never_raises(table, row, value, data):
    if table == "project":
        key = data.draw(st.sampled_from([f.key for f in schema.FIELDS]))
        book = make_book(project=project_values(**{key: value}))
    else:
        rows = {"channels": channel_rows, "options": option_rows, "costs": cost_rows}.get(
            table, score_rows
        )()
        spec = {"channels": schema.CHANNELS, "options": schema.OPTIONS, "costs": schema.COSTS}
        keys = [c.key for c in spec.get(table, schema.SCORES).columns] + (
            ["In-house", "Vendor A"] if table == "scores" else []
        )
        key = data.draw(st.sampled_from(keys))
        book = make_book(**{table: edit(rows, row, **{key: value})})
    inputs, issues = validate(book, today=TODAY)
    assert (inputs is None) == any(i.is_error for i in issues)
    for issue in issues:
        assert issue.code in CODES_BY_NAME and issue.message


# ------------------------------------------------------------------- end to end (reader + examples)
def _check(path):
    from pipeline.workbook import read_workbook

    return validate(read_workbook(path), today=TODAY)


def _without_labels(inputs):
    """Inputs with everything language-dependent (names, items, notes, language) taken out."""
    options = {o.name: i for i, o in enumerate(inputs.options)}
    channels = {c.name: i for i, c in enumerate(inputs.channels)}

    def strip(obj, **renames):
        data = {f.name: getattr(obj, f.name) for f in fields(obj)}
        for key in ("name", "notes", "item", "prepared_by", "language"):
            data.pop(key, None)
        # Profiles and patterns are named in the workbook's language; their numbers must agree.
        if data.get("profile") is not None:
            data["profile"] = data["profile"].weights
        if data.get("seasonality") is not None:
            data["seasonality"] = data["seasonality"].factors
        data.update(renames)
        return data

    return dict(
        project=strip(
            inputs.project,
            baseline_option=options[inputs.project.baseline_option],
            business_hours=inputs.project.business_hours.weights,
        ),
        channels=[strip(c) for c in inputs.channels],
        options=[strip(o) for o in inputs.options],
        costs=[
            strip(c, option=options[c.option], channel=channels.get(c.channel))
            for c in inputs.costs
        ],
        criteria=[
            (c.weight, {options[k]: v for k, v in c.scores.items()}) for c in inputs.criteria
        ],
        profiles=[p.weights for p in inputs.profiles],
        patterns=[p.factors for p in inputs.patterns],
        hybrids=[
            strip(
                h,
                vendor=options[h.vendor],
                channels=tuple(channels[c] for c in h.channels),
            )
            for h in inputs.hybrids
        ],
    )


def test_examples_validate_clean_and_agree(make_workbook):
    en, en_issues = _check(make_workbook(lang="en"))
    id_, id_issues = _check(make_workbook(lang="id"))
    assert flat(en_issues) == [] and flat(id_issues) == []
    assert (en.project.language, id_.project.language) == ("en", "id")
    assert len(en.costs) == len(schema_rows("tbl_costs"))
    assert _without_labels(en) == _without_labels(id_)


def schema_rows(table: str) -> list:
    from pipeline import example_data

    return example_data.table_rows(table, "en")


def test_example_with_six_errors(make_workbook, book_lang):
    from pipeline import template

    def at(sheet: str, key: str, row: int) -> str:
        return template.cell_of(sheet, key, row, book_lang)

    horizon = template.field_cell("horizon_years", book_lang)
    path = make_workbook(
        {
            at("costs", "amount", 0): "a lot",
            at("costs", "basis", 1): "per fortnight",
            at("costs", "option", 2): "Vendor Z",
            at("costs", "quantity", 3): -1,
            at("channels", "aht_minutes", 1): 0,
            horizon: 25,
        },
        lang=book_lang,
    )
    _, issues = _check(path)
    sheets = {k: schema.SHEETS[k](book_lang) for k in ("project", "demand", "costs")}
    assert flat(issues) == [
        (sheets["project"], horizon.split("!")[1], "out-of-range"),
        (sheets["demand"], "D6", "out-of-range"),
        (sheets["costs"], "F5", "not-a-number"),
        (sheets["costs"], "E6", "unknown-basis"),
        (sheets["costs"], "A7", "unknown-option"),
        (sheets["costs"], "G8", "out-of-range"),
    ]


def test_example_with_amounts_as_text(make_workbook):
    from pipeline import template
    from tests.conftest import example_row

    salary = example_row("tbl_costs", item="Agent salaries (base pay)")
    benefits = example_row("tbl_costs", basis="% of labour")
    recruiting = example_row("tbl_costs", basis="per hire")
    path = make_workbook(
        {
            template.cell_of("costs", "amount", salary, "en"): "Rp 5.400.000",
            template.cell_of("costs", "amount", benefits, "en"): "22%",
            template.cell_of("costs", "amount", recruiting, "en"): "3,500,000",
            template.cell_of("channels", "monthly_volume", 0, "en"): "14,000",
        }
    )
    inputs, issues = _check(path)
    assert flat(issues) == []
    reference, _ = _check(make_workbook())
    assert inputs.costs == reference.costs
    assert inputs.channels == reference.channels


def test_fast_cost_type_inference_matches_the_schema():
    from pipeline import example_data
    from pipeline.validate.costs import infer_cost_type

    items = [r["item"] for lg in ("en", "id") for r in example_data.table_rows("tbl_costs", lg)]
    items += ["", "QA audit", "Sewa gedung", "nothing known"]
    assert [infer_cost_type(i) for i in items] == [schema.infer_cost_type(i) for i in items]


def test_blank_template_reports_what_is_missing(book_lang):
    from pipeline.workbook import read_workbook
    from tests.conftest import template_path

    inputs, issues = validate(read_workbook(template_path(book_lang)), today=TODAY)
    s = {k: schema.SHEETS[k](book_lang) for k in ("project", "demand", "options", "costs")}
    assert inputs is None
    assert flat(issues) == [
        (s["project"], "B5", "missing-value"),
        (s["demand"], "A5", "no-channels"),
        (s["options"], "A5", "no-options"),
        (s["costs"], "A5", "no-cost-lines"),
    ]
    assert issues[0].message.startswith(f"{s['project']}!B5")


def test_example_with_text_dates_percents_and_mixed_labels(make_workbook):
    from pipeline import template

    path = make_workbook(
        {
            template.cell_of("costs", "basis", 0, "en"): "per FTE per bulan",
            template.cell_of("costs", "category", 0, "en"): "Tenaga kerja",
            template.cell_of("options", "type", 1, "en"): "alih daya",
            template.cell_of("channels", "max_occupancy", 0, "en"): "85%",
        },
        report_date="23 Agustus 2026",
        discount_rate="11%",
        horizon_years="3",
        volume_growth=8,
    )
    inputs, issues = _check(path)
    assert flat(issues) == []
    reference, _ = _check(make_workbook())
    assert inputs.project.report_date == date(2026, 8, 23)
    assert replace(inputs.project, report_date=reference.project.report_date) == reference.project
    assert (inputs.costs, inputs.options, inputs.channels) == (
        reference.costs,
        reference.options,
        reference.channels,
    )


# ------------------------------------------------------------------------------------ regressions
def test_names_differing_only_outside_ascii_are_distinct():
    """Regression: option names were folded to ASCII, so "供应商 甲" and "供应商 乙" (or two names
    differing by an emoji) were reported as duplicates and their scores merged."""
    a, b = "供应商 甲", "供应商 乙"
    options = option_rows() + [dict(option=b, type="outsourced")]
    options[1]["option"] = a
    costs = [dict(c, option=a) if c["option"] == "Vendor A" else c for c in cost_rows()]
    costs += [dict(c, option=b) for c in cost_rows() if c["option"] == "Vendor A"]
    scores = [{**r, a: r["Vendor A"], b: 1} for r in score_rows()]
    inputs, issues = run(
        options=options, costs=costs, scores=scores, score_columns=("In-house", a, b)
    )
    assert [i.code for i in issues if i.severity == "error"] == []
    assert [o.name for o in inputs.options] == ["In-house", a, b]
    assert {c.option for c in inputs.costs} == {"In-house", a, b}
    assert inputs.criteria[0].scores == {"In-house": 5.0, a: 3.0, b: 1.0}


def test_missing_cost_table_does_not_bury_its_error_under_hidden_cost_warnings():
    """Regression: deleting the Costs sheet gave one error and eleven missing-hidden-cost
    warnings (every option "lacked" every hidden cost)."""
    book = make_book(channels=edit(channel_rows(), 0, hours_per_week=168))
    tables = {k: v for k, v in book.tables.items() if k != "tbl_costs"}
    _, issues = validate(replace(book, tables=tables), today=TODAY)
    assert [i.code for i in issues if i.code == "hidden-costs-missing"] == []
    _, with_table = validate(book, today=TODAY)  # the same book with its table still warns
    assert "hidden-costs-missing" in {i.code for i in with_table}


def test_messages_start_with_a_capital():
    """Regression: "table tbl_scores on sheet Qualitative: no option has a score..." began in
    lower case in the data-quality appendix."""
    scores = [
        {k: v for k, v in r.items() if k not in ("In-house", "Vendor A")} for r in score_rows()
    ]
    _, issues = run(scores=scores)
    no_scores = [i.message for i in issues if i.code == "no-scores"]
    assert no_scores and no_scores[0].startswith("Table tbl_scores")
