"""The results as pandas DataFrames, for analysts (`pipeline.load`) and the results workbook.

pandas is imported here and in `export.py` only: `report`, `validate` and the service never pay
for it. Columns are stable snake_case names, codes stay codes (`labour`, `per_contact`), amounts
are nominal and unrounded in the workbook's currency, shares are fractions (0.8 = 80%).
"""

from __future__ import annotations

import os
from functools import cached_property

import pandas as pd

from .files import Source
from .issues import Issue
from .model.results import Results

HOURS_IN_WEEK = 168


def cash_flows(results: Results) -> pd.DataFrame:
    """The long table: one row per option, cost line (or computed part) and month with a cost.

    `kind` is `line` (a row of the Costs table, `row` its worksheet row), `min_fee_topup` (what the
    minimum monthly fee adds), `parallel_run` (the baseline's cost carried during a transition).
    Months without cost are left out; the rows of an option add up to its `total_cost`."""
    from .model.lines import line_flows

    records = []
    year_of = _year_of(results.horizon_months)
    for n, f in enumerate(line_flows(results.inputs)):
        for month, amount in enumerate(f.monthly):
            if amount != 0.0:
                records.append(
                    (f.option, month, year_of[month], f.category, f.kind, f.cost_type, f.item,
                     f.basis, f.channel, f.row, n, amount)
                )  # fmt: skip
    columns = ["option", "month", "year", "category", "kind", "cost_type", "item", "basis",
               "channel", "row", "line", "amount"]  # fmt: skip
    return pd.DataFrame.from_records(records, columns=columns)


def _year_of(months: int) -> list[int]:
    """Year 1..Y of months 0..M; month 0 (before go-live) counts in year 1 as in the model."""
    return [max(1, (m - 1) // 12 + 1) for m in range(months + 1)]


def options(results: Results) -> pd.DataFrame:
    """One row per option: totals, present value, contacts, FTE and cost per category."""
    rows = []
    for o in results.options:
        row = {
            "option": o.name,
            "type": o.type,
            "total_cost": o.total_cost,
            "pv_cost": o.pv_cost,
            "contacts": o.contacts,
            "cost_per_contact": o.cost_per_contact,
            "avg_fte": o.avg_fte,
            "investment": o.investment,
            "parallel_run_cost": o.parallel_run_cost,
            "min_fee_topup": o.min_fee_topup,
            "qualitative_index": o.qualitative_index,
            "line_count": o.line_count,
        }
        rows.append(row)
    return pd.DataFrame(rows)


def monthly(results: Results) -> pd.DataFrame:
    """Cost and FTE of every option, month 0..M (long)."""
    year_of = _year_of(results.horizon_months)
    records = [
        (o.name, m, year_of[m], cost, o.monthly_fte[m] if m < len(o.monthly_fte) else 0.0)
        for o in results.options
        for m, cost in enumerate(o.monthly_cost)
    ]
    return pd.DataFrame.from_records(records, columns=["option", "month", "year", "cost", "fte"])


def annual(results: Results) -> pd.DataFrame:
    """Nominal cost per option, category and year (the report's annual figures)."""
    records = [
        (o.name, cat, year, value)
        for o in results.options
        for cat, values in o.annual_by_category.items()
        for year, value in enumerate(values, start=1)
    ]
    return pd.DataFrame.from_records(records, columns=["option", "category", "year", "cost"])


STAFFING_COLUMNS = ("channel", "year", "mode", "month", "contacts_month", "aht_minutes",
                    "traffic_erlangs", "agents_on_duty", "peak_agents", "service_level",
                    "worst_hour_service_level", "occupancy", "p_wait", "asa_seconds",
                    "abandonment", "staffed_hours_month", "fte")  # fmt: skip


def staffing(results: Results) -> pd.DataFrame:
    """Every option, channel and year: the busiest month's requirement (`month`)."""
    records = [
        {"option": o.name, **{k: getattr(s, k) for k in STAFFING_COLUMNS}}
        for o in results.options
        for s in o.staffing
    ]
    return pd.DataFrame(records, columns=["option", *STAFFING_COLUMNS])


def staffing_by_hour(results: Results) -> pd.DataFrame:
    """The 168 hours of the week of every option, live channel and year (hour 0 = Monday
    00:00-01:00); service level is missing in closed hours, abandonment without a patience."""
    records = []
    for o in results.options:
        for h in o.staffing_by_hour:
            for k in range(HOURS_IN_WEEK):
                records.append(
                    (h.option, h.channel, h.year, h.month, k, k // 24, k % 24, h.contacts[k],
                     h.agents[k], h.service_level[k],
                     h.occupancy[k] if h.occupancy else None,
                     h.abandonment[k] if h.abandonment is not None else None)
                )  # fmt: skip
    columns = ["option", "channel", "year", "month", "hour", "weekday", "hour_of_day",
               "contacts", "agents", "service_level", "occupancy", "abandonment"]  # fmt: skip
    return pd.DataFrame.from_records(records, columns=columns)


def comparisons(results: Results) -> pd.DataFrame:
    """Every alternative (options, then the hybrids that are candidates) against the baseline."""
    keys = ("option", "kind", "pv_cost", "net_savings", "npv", "investment", "investment_month",
            "roi", "payback_month", "discounted_payback_month", "irr", "irr_note")  # fmt: skip
    return pd.DataFrame(
        [{k: getattr(c, k) for k in keys} for c in results.comparisons], columns=list(keys)
    )


def hybrids(results: Results) -> pd.DataFrame:
    """The best split of each hybrid family per vendor, and the user's own hybrids."""
    keys = ("id", "family", "vendor", "pv_cost", "total_cost", "npv", "agents_kept",
            "agents_vendor")  # fmt: skip
    return pd.DataFrame(
        [{k: getattr(h, k) for k in keys} for h in results.hybrids], columns=list(keys)
    )


def hybrid_curves(results: Results) -> pd.DataFrame:
    """PV and total cost of each vendor's uniform share 0%..100% (the report's hybrid curve)."""
    records = [
        (h.vendor, p.share, p.pv_cost, p.total_cost, p.share == h.best_share)
        for h in results.hybrid
        for p in h.curve
    ]
    return pd.DataFrame.from_records(
        records, columns=["vendor", "share", "pv_cost", "total_cost", "best"]
    )


def sensitivity(results: Results) -> pd.DataFrame:
    """The tornado: each driver's low and high values and the NPV they give, largest swing first."""
    sens = results.sensitivity
    records = [
        (r.driver, r.low, r.high, r.npv_low, r.npv_high, abs(r.npv_high - r.npv_low), r.flips)
        for r in (sens.rows if sens is not None else ())
    ]
    return pd.DataFrame.from_records(
        records, columns=["driver", "low", "high", "npv_low", "npv_high", "swing", "flips"]
    )


class Analysis:
    """One computed workbook: `results` (typed), `issues` (warnings), and DataFrames built on
    first use: `cash_flows`, `monthly`, `annual`, `options`, `staffing`, `staffing_by_hour`,
    `comparisons`, `hybrids`, `hybrid_curves`, `sensitivity`."""

    def __init__(self, results: Results) -> None:
        self.results = results

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self.results.issues

    def __repr__(self) -> str:
        r = self.results
        return (
            f"<Analysis {r.inputs.source_name or r.inputs.project.client_name!r}: "
            f"{len(r.options)} options, recommendation {r.recommendation.option!r}>"
        )

    cash_flows = cached_property(lambda self: cash_flows(self.results))
    monthly = cached_property(lambda self: monthly(self.results))
    annual = cached_property(lambda self: annual(self.results))
    options = cached_property(lambda self: options(self.results))
    staffing = cached_property(lambda self: staffing(self.results))
    staffing_by_hour = cached_property(lambda self: staffing_by_hour(self.results))
    comparisons = cached_property(lambda self: comparisons(self.results))
    hybrids = cached_property(lambda self: hybrids(self.results))
    hybrid_curves = cached_property(lambda self: hybrid_curves(self.results))
    sensitivity = cached_property(lambda self: sensitivity(self.results))


def load(source: Source | os.PathLike, *, lang: str | None = None) -> Analysis:
    """Read, validate and compute a workbook (a path, bytes or a binary file) for analysis.

    Raises `InvalidWorkbook` (its `.issues`) when the workbook has errors and `WorkbookError`
    when the file is unusable, as `cs-sourcing compute` does.

    >>> a = pipeline.load("analysis.xlsx")
    >>> a.cash_flows.groupby(["option", "year"])["amount"].sum()
    """
    from .flow import compute_workbook

    return Analysis(compute_workbook(source, lang=lang))


__all__ = ["Analysis", "load"]
