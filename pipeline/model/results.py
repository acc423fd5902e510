"""What `compute` returns and the report renders; `to_json` gives results.json (DESIGN §6).

Money is float64, unrounded; None where a figure does not exist (no investment, no payback...).
Fields may be added; renaming or removing one breaks the report and results.json.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any, ClassVar

from ..issues import Issue
from .inputs import Inputs

SCHEMA_ID = "cs-sourcing/results@2"


@dataclass(frozen=True, kw_only=True)
class Staffing:
    """Staffing of one option on one channel in one year (volumes of that year)."""

    channel: str
    year: int
    mode: str
    agents_on_duty: float | None
    """Erlang C agents on duty (live); None for deferred channels."""
    service_level: float | None
    occupancy: float | None
    p_wait: float | None
    asa_seconds: float | None
    """Average speed of answer (live)."""
    staffed_hours_month: float
    fte: float
    contacts_month: float = 0.0
    """Contacts this option handles per month in that year."""
    aht_minutes: float = 0.0
    """The option's handling time on the channel (channel AHT x AHT factor)."""
    traffic_erlangs: float | None = None
    """Offered traffic A (live; averaged over the open hours when demand varies by hour)."""
    peak_agents: float | None = None
    """Live: most agents on duty in any hour of the week (results@2)."""
    worst_hour_service_level: float | None = None
    """Live: service level of the worst hour of the week (results@2)."""
    abandonment: float | None = None
    """Live with a patience: share of offered contacts that hang up (results@2)."""
    month: int = 0
    """Model month whose demand this row describes: the busiest month of the year."""


@dataclass(frozen=True, kw_only=True)
class StaffingByHour:
    """One option's requirement on one live channel across the 168 hours of a week, in the month
    that sets the year's staffing (DESIGN §8). Hour 0 is Monday 00:00-01:00."""

    option: str
    channel: str
    year: int
    month: int
    agents: tuple[float, ...]
    contacts: tuple[float, ...]
    """Contacts arriving in each hour."""
    service_level: tuple[float | None, ...]
    """None in closed hours."""
    abandonment: tuple[float, ...] | None
    """None when the channel has no patience (Erlang C)."""
    occupancy: tuple[float, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ChecklistItem:
    cost_type: str
    """schema.COST_TYPES code."""
    included: bool
    items: tuple[str, ...] = ()
    """Items of the option's lines carrying this type."""


@dataclass(frozen=True, kw_only=True)
class OptionResult:
    name: str
    type: str
    total_cost: float
    """Nominal, months 0..M."""
    pv_cost: float
    contacts: float
    cost_per_contact: float | None
    avg_fte: float
    by_category: Mapping[str, float]
    """Category code -> nominal total over the horizon (parallel run counted under `setup`)."""
    annual_cost: tuple[float, ...]
    """Nominal cost per year 1..Y (month 0 counts in year 1)."""
    annual_by_category: Mapping[str, tuple[float, ...]]
    monthly_cost: tuple[float, ...]
    """Months 0..M."""
    monthly_fte: tuple[float, ...] = ()
    """Total FTE of months 0..M (0 in month 0)."""
    flexes_monthly: bool = False
    staffing_by_hour: tuple[StaffingByHour, ...] = ()
    staffing: tuple[Staffing, ...]
    """Every channel, every year."""
    qualitative_index: float | None
    checklist: tuple[ChecklistItem, ...] = ()
    parallel_run_cost: float = 0.0
    investment: float = 0.0
    """One-time lines + parallel run, nominal."""
    min_fee_topup: float = 0.0
    """What the minimum monthly fee added to the usage lines over the horizon (nominal)."""
    line_count: int = 0


@dataclass(frozen=True, kw_only=True)
class Comparison:
    option: str
    net_savings: float
    npv: float
    investment: float
    """Peak cash exposure: the largest cumulative shortfall of the savings (DESIGN §8)."""
    roi: float | None
    payback_month: int | None
    discounted_payback_month: int | None
    irr: float | None
    """Annualised: (1 + irr_monthly)^12 - 1."""
    cumulative_savings: tuple[float, ...] = ()
    """Cumulative Δ for months 0..M (baseline cost - option cost)."""
    kind: str = "option"
    """`option` or `hybrid` (the best split of a vendor, when it is a candidate)."""
    pv_cost: float = 0.0
    """PV of the alternative's cost."""
    investment_month: int | None = None
    """Month in which the cumulative savings are lowest (None when never below zero)."""
    irr_note: str | None = None
    """Why there is no IRR: `no-sign-change` or `several-sign-changes` (None when there is one)."""


@dataclass(frozen=True, kw_only=True)
class HybridResult:
    """The best variant of one hybrid family for one vendor, or a user's hybrid (DESIGN §8)."""

    id: str
    """Stable identity: family and vendor (and the user's name), e.g. `after_hours:Vendor A`."""
    family: str
    """channel, after_hours, tier, uniform or user."""
    vendor: str
    routing: object
    """The `routing.Routing` value (data, not text); results.json writes it as a table."""
    routing_table: tuple[Mapping[str, Any], ...]
    """Per channel the vendor's share by tier (simple, complex) and band (business, after hours)."""
    pv_cost: float
    npv: float
    """Against the baseline: PV of (baseline cost - hybrid cost)."""
    total_cost: float
    agents_kept: float
    """Peak agents on the baseline's side (sum over live channels, year 1)."""
    agents_vendor: float
    """Peak agents on the vendor's side."""
    monthly_cost: tuple[float, ...] = ()


@dataclass(frozen=True, kw_only=True)
class HybridPoint:
    share: float
    """Share of every channel's volume sent to the vendor, 0..1."""
    pv_cost: float
    total_cost: float


@dataclass(frozen=True, kw_only=True)
class Hybrid:
    vendor: str
    curve: tuple[HybridPoint, ...]
    best_share: float
    best_pv_cost: float
    name: str
    """Display name of the best point, e.g. 'Hybrid: 70% Vendor A', or the pure option's name."""
    qualitative_index: float | None = None
    """Share-weighted index of the best split."""
    best_total_cost: float = 0.0
    best_monthly_cost: tuple[float, ...] = ()
    """Months 0..M of the best split."""


@dataclass(frozen=True, kw_only=True)
class SensitivityRow:
    driver: str
    """Stable code: volume, aht, inhouse_labour, vendor_price, shrinkage, attrition,
    wage_inflation, discount_rate."""
    low: float
    high: float
    """The driver values tried (multipliers or absolute rates), for labels."""
    npv_low: float
    npv_high: float
    flips: bool = False
    """True when either end changes the recommendation."""


@dataclass(frozen=True, kw_only=True)
class Sensitivity:
    option: str
    """The leading alternative analysed against the baseline."""
    base_npv: float
    rows: tuple[SensitivityRow, ...]
    """Sorted by swing, largest first."""
    breakeven_price: float | None
    """Vendor price multiplier at which NPV = 0 (None when none in the searched range)."""
    breakeven_volume: float | None
    breakeven_price_step: bool = False
    """True when the NPV jumps across zero there (a staffing step) instead of passing through it."""
    breakeven_volume_step: bool = False


@dataclass(frozen=True, kw_only=True)
class Candidate:
    name: str
    kind: str
    """`option` or `hybrid`."""
    pv_cost: float
    cost_score: float
    qualitative_index: float | None
    composite: float
    share: float | None = None
    """Hybrids: share of every channel sent to the vendor (0..1)."""
    vendor: str | None = None
    """Hybrids: the vendor's option name."""
    on_front: bool = True
    """On the cost-quality Pareto front (no candidate is cheaper and at least as good)."""


@dataclass(frozen=True, kw_only=True)
class Reason:
    """One reason behind the recommendation, as typed data; the report turns it into a sentence.
    Each kind is a subclass with its own fields; `code` names the kind in results.json."""

    code: ClassVar[str] = ""

    @property
    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, kw_only=True)
class Savings(Reason):
    code: ClassVar[str] = "savings"
    option: str
    baseline: str
    net_savings: float
    npv: float
    roi: float | None = None
    irr: float | None = None
    investment: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Payback(Reason):
    code: ClassVar[str] = "payback"
    option: str
    month: int
    """0 when the alternative is never behind."""
    discounted_month: int | None = None


@dataclass(frozen=True, kw_only=True)
class NoPayback(Reason):
    code: ClassVar[str] = "no-payback"
    option: str


@dataclass(frozen=True, kw_only=True)
class Qualitative(Reason):
    code: ClassVar[str] = "qualitative"
    option: str
    index: float
    baseline: str
    baseline_index: float | None = None
    difference: float | None = None


@dataclass(frozen=True, kw_only=True)
class MissingHiddenCosts(Reason):
    code: ClassVar[str] = "missing-hidden-costs"
    option: str
    missing: tuple[str, ...]
    """Cost-type codes of the checklist without a line."""


@dataclass(frozen=True, kw_only=True)
class Premium(Reason):
    code: ClassVar[str] = "premium"
    option: str
    premium: float
    """PV the recommended candidate costs above the cheapest."""
    cheaper: str
    quality_gain: float | None = None


@dataclass(frozen=True, kw_only=True)
class Robust(Reason):
    code: ClassVar[str] = "robust"
    option: str


@dataclass(frozen=True, kw_only=True)
class NotRobust(Reason):
    code: ClassVar[str] = "not-robust"
    drivers: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class BaselineBest(Reason):
    code: ClassVar[str] = "baseline-best"
    option: str
    runner_up: str | None = None
    npv: float | None = None
    net_savings: float | None = None


@dataclass(frozen=True, kw_only=True)
class Recommendation:
    option: str
    composite: float
    robust: bool
    candidates: tuple[Candidate, ...]
    """Sorted by composite, best first."""
    reasons: tuple[Reason, ...]
    flipping_drivers: tuple[str, ...] = ()
    premium: float | None = None
    """PV the recommended candidate costs above the cheapest candidate (None when it is the
    cheapest)."""
    premium_over: str | None = None
    """The cheapest candidate, when the recommended one is not."""


@dataclass(frozen=True, kw_only=True)
class Results:
    inputs: Inputs
    currency: str
    horizon_months: int
    baseline: str
    options: tuple[OptionResult, ...]
    comparisons: tuple[Comparison, ...]
    hybrid: tuple[Hybrid, ...]
    sensitivity: Sensitivity | None
    recommendation: Recommendation
    issues: tuple[Issue, ...] = ()
    """Warnings of validation (errors never reach the model)."""
    hybrids: tuple[HybridResult, ...] = ()
    """The best variant of each hybrid family per vendor, and the user's hybrids (results@2)."""

    def option(self, name: str) -> OptionResult:
        for o in self.options:
            if o.name == name:
                return o
        raise KeyError(name)


def _plain(value: Any) -> Any:
    if isinstance(value, Issue):
        return value.to_dict()
    if isinstance(value, Reason):  # results.json keeps v1's shape: {code, values}
        return {"code": value.code, "values": _plain(value.values)}
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return _plain(value.item())
    return value


def _option_json(o: OptionResult) -> dict[str, Any]:
    """DESIGN §6: `staffing` holds year 1 only; every year is under `staffing_by_year`; the
    168-hour arrays go to the top-level `staffing_by_hour` (DESIGN §8)."""
    data = _plain(o)
    del data["staffing_by_hour"]  # top level (DESIGN §8)
    data["staffing"] = [_plain(s) for s in o.staffing if s.year == 1]
    data["staffing_by_year"] = [_plain(s) for s in o.staffing]
    return data


def _hybrid_json(h: HybridResult, results: Results) -> dict[str, Any]:
    """DESIGN §8 `hybrids[]`: the routing as a table and what goes where in words, EN and ID
    (from the report's one translation layer)."""
    from ..report.locales import Locale
    from ..report.text import describe_routing

    names = [c.name for c in results.inputs.channels]
    data = {k: v for k, v in _plain(h).items() if k not in ("routing", "routing_table")}
    data["description"] = {
        lang: describe_routing(
            Locale(lang=lang, currency=results.currency), h.routing, results.baseline, names
        )  # fmt: skip
        for lang in ("en", "id")
    }
    data["routing"] = [_plain(dict(row)) for row in h.routing_table]
    return data


def to_json(results: Results) -> dict[str, Any]:
    """The results.json document (DESIGN §6): schema id first, numbers unrounded, None where absent.

    `sensitivity` is the tornado's list of rows; the analysed option, base NPV and break-evens
    are under `sensitivity_summary`.
    """
    data: dict[str, Any] = {"schema": SCHEMA_ID}
    for f in fields(results):
        if f.name == "inputs":
            continue
        value = getattr(results, f.name)
        if f.name == "options":
            data["options"] = [_option_json(o) for o in value]
        elif f.name == "hybrids":
            data["hybrids"] = [_hybrid_json(h, results) for h in value]
        elif f.name == "sensitivity":
            data["sensitivity"] = [_plain(r) for r in value.rows] if value is not None else []
            summary = None
            if value is not None:
                summary = {k: v for k, v in _plain(value).items() if k != "rows"}
            data["sensitivity_summary"] = summary
        else:
            data[f.name] = _plain(value)
    data["staffing_by_hour"] = [_plain(h) for o in results.options for h in o.staffing_by_hour]
    data["project"] = _plain(results.inputs.project)
    return data
