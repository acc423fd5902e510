"""The validated, typed inputs of the model: what `validate` produces and `compute` consumes.

Codes (mode, type, category, basis, escalation, cost type) are the schema's `Choice.code`s.
Percentages are fractions (0.3 = 30%). Months run 0..12 x horizon_years.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, kw_only=True)
class Project:
    client_name: str
    prepared_by: str = ""
    report_date: date
    currency: str = "IDR"
    language: str = "en"
    """Report language, `en` or `id` (the workbook's unless overridden)."""
    horizon_years: int = 3
    discount_rate: float = 0.10
    wage_inflation: float = 0.05
    vendor_escalation: float = 0.03
    general_inflation: float = 0.03
    volume_growth: float = 0.0
    baseline_option: str
    """Name of the option the others are compared with (resolved: never blank)."""
    financial_weight: float = 0.60
    usd_rate: float | None = None
    """Units of `currency` per 1 USD, or None."""
    business_hours: Profile | None = None
    """v2: the hours a hybrid keeps in-house when it routes *after hours* to a vendor (the profile
    named by `business_hours`, default the built-in Office hours); None in v1 workbooks, where the
    model takes the built-in Office hours."""
    go_live: date | None = None
    """First day of the calendar month that model month 1 is (v2; default the month after
    `report_date`). Seasonality is calendar-based, so it needs this; None in v1 workbooks."""

    @property
    def horizon_months(self) -> int:
        return 12 * self.horizon_years


HOURS_IN_WEEK = 168
MONTHS_IN_YEAR = 12


@dataclass(frozen=True, kw_only=True)
class Profile:
    """When in the week a channel's contacts arrive: relative weights per hour (DESIGN §8)."""

    name: str
    """As written in the workbook's Profiles table (the identity within this workbook)."""
    weights: tuple[float, ...]
    """168 weights >= 0, not all zero: Monday 00:00-01:00 first, Sunday 23:00-24:00 last.
    Any scale; open hours are those with weight > 0."""

    @property
    def open_hours(self) -> int:
        return sum(1 for w in self.weights if w > 0)


@dataclass(frozen=True, kw_only=True)
class Seasonality:
    """How volume moves over the calendar year: 12 factors, January first, mean 1."""

    name: str
    factors: tuple[float, ...]
    """12 values > 0 normalised to a mean of 1 (validation normalises what the user typed)."""


@dataclass(frozen=True, kw_only=True)
class Channel:
    name: str
    mode: str
    """`live` or `deferred`."""
    monthly_volume: float
    """Contacts per month in year 1."""
    aht_minutes: float
    hours_per_week: float = 45.0
    service_level: float = 0.80
    answer_seconds: float = 20.0
    max_occupancy: float = 0.85
    concurrency: float = 1.0
    min_agents: int = 1
    notes: str = ""
    profile: Profile | None = None
    """When in the week contacts arrive (v2); None = v1: flat over `hours_per_week`."""
    seasonality: Seasonality | None = None
    """How volume moves over the calendar year (v2); None = flat."""
    complex_share: float = 0.0
    """Share of contacts that need expert handling (v2)."""
    complex_aht_factor: float = 1.5
    """Handling time of complex contacts relative to `aht_minutes` (v2)."""
    patience_seconds: float | None = None
    """Average time a waiting customer stays before hanging up (v2); None = nobody abandons."""

    @property
    def pooled_aht_factor(self) -> float:
        """Mean handling time of the mixed queue relative to `aht_minutes`: 1 - q + q x factor."""
        return 1.0 - self.complex_share + self.complex_share * self.complex_aht_factor


@dataclass(frozen=True, kw_only=True)
class Option:
    name: str
    type: str
    """`in-house` or `outsourced`."""
    already_running: bool = False
    shrinkage: float = 0.30
    paid_hours: float = 173.33
    attrition: float = 0.30
    aht_factor: float = 1.0
    transition_months: int = 0
    minimum_monthly_fee: float = 0.0
    notes: str = ""
    flexes_monthly: bool = False
    """v2: staff each month for that month's demand; otherwise each year for its busiest month."""

    @property
    def outsourced(self) -> bool:
        return self.type == "outsourced"


@dataclass(frozen=True, kw_only=True)
class CostLine:
    option: str
    category: str
    """labour, technology, training, setup or hidden."""
    item: str
    cost_type: str
    """A code of schema.COST_TYPES (`other` when neither given nor inferable)."""
    cost_type_inferred: bool = False
    """True when `cost_type` was inferred from Item rather than typed by the user."""
    basis: str
    """one_time, monthly, annual, per_fte_month, per_hire, per_contact, per_minute, per_agent_hour,
    pct_labour or pct_other."""
    amount: float
    """Money per unit of the basis, or a fraction for the % bases."""
    quantity: float = 1.0
    start_month: int = 1
    end_month: int
    """Resolved: never blank (horizon end when the cell was blank)."""
    escalation: str
    """Resolved: wage, vendor, general or none."""
    channel: str | None = None
    notes: str = ""
    row: int = 0
    """Worksheet row the line came from (for the cost-line appendix and messages)."""
    in_hybrid: str = ""
    """v2 `In a hybrid`: `full`, `pro_rata` or `pure_only` as typed; "" when blank (the model then
    takes the default of the line's cost type, schema.IN_HYBRID_DEFAULTS; in a v1 workbook every
    line counts in full on each side, as v1 charged it)."""


@dataclass(frozen=True, kw_only=True)
class HybridSpec:
    """A hybrid the user poses on the optional Hybrids sheet (`tbl_hybrids`, DESIGN §8)."""

    name: str
    vendor: str
    """The outsourced option that takes the routed contacts (its exact name in tbl_options)."""
    channels: tuple[str, ...] = ()
    """Exact channel names the vendor takes; () = every channel."""
    hours: str = "all"
    """`all`, `business` (within `business_hours`) or `after_hours` (outside them)."""
    tier: str = "all"
    """`all`, `simple` or `complex`."""
    share: float = 1.0
    """Share of the routed contacts the vendor takes, 0..1."""
    row: int = 0


@dataclass(frozen=True, kw_only=True)
class Criterion:
    name: str
    weight: float
    scores: Mapping[str, float] = field(default_factory=dict)
    """Option name -> score 1-5 (options left blank are absent)."""


@dataclass(frozen=True, kw_only=True)
class Risk:
    """A row of the optional Risks sheet (`tbl_risks`): the consultant's own risk register."""

    risk: str
    option: str = ""
    """The option it belongs to (its exact name in tbl_options, or as typed when it names none);
    "" = every option."""
    likelihood: int
    """1 rare ... 5 almost certain."""
    impact: int
    """1 minor ... 5 severe."""
    mitigation: str = ""
    owner: str = ""
    row: int = 0
    """Worksheet row (0 for a risk proposed by the tool)."""
    default: bool = False
    """True for a risk and rating proposed by the tool (no Risks sheet), to be reviewed."""

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True, kw_only=True)
class Commentary:
    """The consultant's own words and sign-off: the optional Commentary sheet, overridden section
    by section by `report --notes NOTES.md`. Texts are Markdown; "" = not given."""

    executive: str = ""
    next_steps: str = ""
    transition: str = ""
    disclaimer: str = ""
    prepared_by: str = ""
    """"" = the Project sheet's Prepared by."""
    reviewed_by: str = ""
    version: str = ""
    signoff_date: date | None = None
    """None = the report date."""


@dataclass(frozen=True, kw_only=True)
class Inputs:
    project: Project
    channels: tuple[Channel, ...]
    options: tuple[Option, ...]
    costs: tuple[CostLine, ...]
    criteria: tuple[Criterion, ...] = ()
    profiles: tuple[Profile, ...] = ()
    """Every row of the workbook's Profiles table (v2), used or not, for the appendix."""
    patterns: tuple[Seasonality, ...] = ()
    """Every row of the workbook's Seasonality table (v2)."""
    hybrids: tuple[HybridSpec, ...] = ()
    """The user's own hybrids (v2, optional Hybrids sheet)."""
    risks: tuple[Risk, ...] = ()
    """The user's risk register (v2, optional Risks sheet); () = the report proposes defaults."""
    commentary: Commentary = field(default_factory=lambda: Commentary())
    """The consultant's texts and sign-off (v2, optional Commentary sheet)."""
    template_version: int = 1
    source_name: str = ""
    """File name of the workbook (no directory), for the report."""

    def option(self, name: str) -> Option:
        for o in self.options:
            if o.name == name:
                return o
        raise KeyError(name)

    @property
    def baseline(self) -> Option:
        return self.option(self.project.baseline_option)
