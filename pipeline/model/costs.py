"""Monthly cash flows of one option's cost lines, months 0..M, vectorised over lines and months.

Lines are aggregated once per option into groups sharing a driver, an escalation and a category
(`build_book`); every later evaluation (pure option, hybrid share, sensitivity case) multiplies
those few group rows by the escalation and driver rows, so 20,000 lines cost no more than 20.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import schema
from .inputs import Channel, CostLine
from .staffing import StaffingPlan, hires

CATEGORIES = tuple(c.code for c in schema.CATEGORIES)
LABOUR = CATEGORIES.index("labour")
SETUP = CATEGORIES.index("setup")
ESCALATIONS = ("wage", "vendor", "general", "none")
VENDOR = ESCALATIONS.index("vendor")
DRIVER_BASES = (
    "per_fte_month",
    "per_hire",
    "per_contact",
    "per_minute",
    "per_agent_hour",
    "per_fte_released",
)
"""Bases charged per unit of a staffing driver; `Channel` may limit them to one channel."""
USAGE_DRIVER_BASES = frozenset(b for b in DRIVER_BASES if b in schema.USAGE_BASES)
HYBRID_RULES = ("follows", "full", "pro_rata", "pure_only")
"""How a line is charged on a side of a hybrid: usage lines follow the side's own quantities;
fixed lines (monthly, annual, one-time) by their `In a hybrid` rule (DESIGN §8)."""
FIXED_BASES = frozenset({"monthly", "annual", "one_time"})
CLIENT_OWN_TYPES = frozenset(
    {"training", "technology", "parallel_run", "vendor_management", "data_security", "severance"}
)
"""Cost types an outsourcing client pays to others or to itself, not to the vendor: aligning and
training the vendor, the client's own licences, the parallel run, oversight staff, security
audits, severance of its own team. The *vendor prices* sensitivity driver leaves them alone
(DESIGN §8); every other line of an outsourced option is the vendor's price."""


def vendor_charged(line: CostLine, outsourced: bool) -> int:
    """1 when the vendor charges `line` (an outsourced option's line not of a client-own type)."""
    return int(outsourced and line.cost_type not in CLIENT_OWN_TYPES)


def hybrid_rule(line: CostLine, template_version: int) -> int:
    """Index in HYBRID_RULES of how `line` is charged on a side of a hybrid: a usage line follows
    its side; a fixed line by its `In a hybrid` cell, else the default of its cost type; in a v1
    workbook every fixed line in full, as v1 charged hybrids."""
    if line.basis not in FIXED_BASES:
        return 0
    if template_version < 2:
        return 1
    rule = line.in_hybrid or getattr(schema, "IN_HYBRID_DEFAULTS", {}).get(line.cost_type, "full")
    return HYBRID_RULES.index(rule) if rule in HYBRID_RULES else 1


def driver_index(basis: str, channel: int, n_channels: int) -> int:
    """Row of the driver matrix: 0 = one per month, then per basis: all channels, channel 0, 1..."""
    if basis in ("monthly", "annual"):
        return 0
    return 1 + DRIVER_BASES.index(basis) * (n_channels + 1) + (channel + 1)


def driver_matrix(
    plan: StaffingPlan,
    months: int,
    *,
    attrition: float,
    already_running: bool,
    released: np.ndarray | None = None,
) -> np.ndarray:
    """Driver rows (see `driver_index`) for months 0..M from a staffing plan; `released` (C, M+1)
    is the baseline team's FTE released each month (the `per FTE released` basis)."""
    n_ch = plan.fte.shape[0]
    fte = plan.fte
    total_fte = fte.sum(axis=0)
    per_basis = {
        "per_fte_month": (total_fte, fte),
        "per_hire": (
            hires(total_fte, attrition=attrition, already_running=already_running),
            hires(fte, attrition=attrition, already_running=already_running),
        ),
        "per_contact": None,
        "per_minute": None,
        "per_agent_hour": None,
        "per_fte_released": None,
    }
    gone = np.zeros_like(fte) if released is None else released
    per_basis["per_fte_released"] = (gone.sum(axis=0), gone)
    for basis, arr in (
        ("per_contact", plan.contacts),
        ("per_minute", plan.minutes),
        ("per_agent_hour", plan.hours),
    ):
        per_basis[basis] = (arr.sum(axis=0), arr)
    out = np.empty((1 + len(DRIVER_BASES) * (n_ch + 1), months + 1))
    out[0] = 1.0
    out[0, 0] = 0.0  # month 0 carries one-time lines only
    for b, basis in enumerate(DRIVER_BASES):
        total, by_channel = per_basis[basis]
        row = 1 + b * (n_ch + 1)
        out[row] = total
        out[row + 1 : row + 1 + n_ch] = by_channel
    return out


@dataclass(frozen=True, kw_only=True)
class LineBook:
    """One option's cost lines, aggregated into groups (amount x quantity x active months)."""

    option: str
    months: int
    run_units: np.ndarray
    """(G, M+1): sum of amount x quantity of the running lines active each month (annual / 12)."""
    run_driver: np.ndarray
    run_esc: np.ndarray
    run_cat: np.ndarray
    run_usage: np.ndarray
    """(G,) bool: group is a usage basis the minimum monthly fee applies to."""
    run_rule: np.ndarray
    """(G,) index in HYBRID_RULES."""
    once_units: np.ndarray
    """(R x 2 x E x K, M+1): one-time lines in their start month, by hybrid rule, payer,
    escalation and category."""
    pct_units: np.ndarray
    """(2 x K, M+1): % lines (fractions x quantity) active each month; row kind*K + category,
    kind 0 = % of labour, 1 = % of other costs."""
    usage_months: np.ndarray
    """(M+1,) bool: months in which at least one usage line runs (the minimum fee applies)."""
    usage_fallback_cat: int
    """Category of the minimum-fee top-up in a month where the usage lines charge nothing."""
    n_lines: int
    run_payer: np.ndarray | None = None
    """(G,) 1 when the group is charged by the vendor (scaled by the vendor-price driver)."""
    has_released: bool = False
    """Some line is charged per FTE released (the engine then works out the released team)."""
    recurring_pct_base: bool = False
    """`% of other costs` on the recurring lines only (template v2, DESIGN §8); a v1 workbook
    keeps v1's base, every other line, so that it gives exactly its v1 figures."""


def _spans(start: np.ndarray, end: np.ndarray, months: int) -> tuple[np.ndarray, np.ndarray]:
    """Clip running lines to months 1..M (month 0 is one-time only); empty spans give lo > hi."""
    lo = np.maximum(start, 1)
    hi = np.minimum(end, months)
    return lo, hi


def _accumulate(n_rows: int, rows: np.ndarray, lo, hi, weight, months: int) -> np.ndarray:
    """Sum `weight` over months lo..hi into `rows`, via a difference array and one cumsum."""
    diff = np.zeros((n_rows, months + 2))
    keep = lo <= hi
    np.add.at(diff, (rows[keep], lo[keep]), weight[keep])
    np.add.at(diff, (rows[keep], hi[keep] + 1), -weight[keep])
    return np.cumsum(diff, axis=1)[:, : months + 1]


def build_book(
    option: str,
    lines: Sequence[CostLine],
    channels: Sequence[Channel],
    months: int,
    template_version: int = 1,
    outsourced: bool = False,
) -> LineBook:
    """Aggregate an option's lines into driver x hybrid rule x payer x escalation x category
    groups."""
    n_ch = len(channels)
    ch_index = {c.name: i for i, c in enumerate(channels)}
    n_k, n_e = len(CATEGORIES), len(ESCALATIONS)
    n = len(lines)
    basis = np.array([ln.basis for ln in lines], dtype=object)
    amount = np.array([ln.amount * ln.quantity for ln in lines], dtype=float)
    start = np.array([ln.start_month for ln in lines], dtype=int)
    end = np.array([ln.end_month for ln in lines], dtype=int)
    esc = np.array([ESCALATIONS.index(ln.escalation) for ln in lines], dtype=int)
    cat = np.array([CATEGORIES.index(ln.category) for ln in lines], dtype=int)
    chan = np.array([ch_index.get(ln.channel, -1) if ln.channel else -1 for ln in lines], dtype=int)
    rule = np.array([hybrid_rule(ln, template_version) for ln in lines], dtype=int)
    n_r = len(HYBRID_RULES)
    payer = np.array([vendor_charged(ln, outsourced) for ln in lines], dtype=int)
    if n == 0:
        basis = np.array([], dtype=object)

    is_once = basis == "one_time"
    is_pct = np.isin(basis, list(schema.PERCENT_BASES))
    is_run = ~is_once & ~is_pct

    # Running lines: group key = (driver, hybrid rule, escalation, category).
    run_idx = np.flatnonzero(is_run)
    drivers = np.array([driver_index(basis[i], chan[i], n_ch) for i in run_idx], dtype=int).reshape(
        -1
    )
    weight = amount[run_idx] / np.where(basis[run_idx] == "annual", 12.0, 1.0)
    keys = (
        ((drivers * n_r + rule[run_idx]) * 2 + payer[run_idx]) * n_e + esc[run_idx]
    ) * n_k + cat[run_idx]
    uniq, group_of = np.unique(keys, return_inverse=True)
    lo, hi = _spans(start[run_idx], end[run_idx], months)
    run_units = _accumulate(len(uniq), group_of.reshape(-1), lo, hi, weight, months)
    run_cat = uniq % n_k
    run_esc = (uniq // n_k) % n_e
    run_payer = (uniq // (n_k * n_e)) % 2
    run_rule = (uniq // (n_k * n_e * 2)) % n_r
    run_driver = uniq // (n_k * n_e * 2 * n_r)
    usage_drivers = {driver_index(b, c, n_ch) for b in USAGE_DRIVER_BASES for c in range(-1, n_ch)}
    run_usage = np.isin(run_driver, list(usage_drivers))

    usage_lines = run_idx[np.isin(basis[run_idx], list(USAGE_DRIVER_BASES))]
    ulo, uhi = _spans(start[usage_lines], end[usage_lines], months)
    usage_count = _accumulate(
        1, np.zeros(len(usage_lines), dtype=int), ulo, uhi, np.ones(len(usage_lines)), months
    )[0]
    usage_months = usage_count > 0.5
    fallback = int(cat[usage_lines[0]]) if len(usage_lines) else LABOUR

    once_units = np.zeros((n_r * 2 * n_e * n_k, months + 1))
    once_idx = np.flatnonzero(is_once & (start >= 0) & (start <= months))
    once_rows = ((rule[once_idx] * 2 + payer[once_idx]) * n_e + esc[once_idx]) * n_k + cat[once_idx]
    np.add.at(once_units, (once_rows, start[once_idx]), amount[once_idx])

    pct_idx = np.flatnonzero(is_pct)
    kind = (basis[pct_idx] == "pct_other").astype(int)
    plo, phi = _spans(start[pct_idx], end[pct_idx], months)
    pct_units = _accumulate(2 * n_k, kind * n_k + cat[pct_idx], plo, phi, amount[pct_idx], months)
    return LineBook(
        option=option,
        months=months,
        run_units=run_units,
        run_driver=run_driver,
        run_esc=run_esc,
        run_cat=run_cat,
        run_usage=run_usage,
        run_rule=run_rule,
        run_payer=run_payer,
        once_units=once_units,
        pct_units=pct_units,
        usage_months=usage_months,
        usage_fallback_cat=fallback,
        n_lines=n,
        has_released=bool(np.any(basis == "per_fte_released")),
        recurring_pct_base=template_version >= 2,
    )


@dataclass(frozen=True, kw_only=True)
class CashFlows:
    """An option's cost by category and month, before any parallel run."""

    by_category: np.ndarray
    """(K, M+1), categories in `CATEGORIES` order."""
    one_time: np.ndarray
    """(M+1,) the one-time lines' part of the total."""
    min_fee_topup: np.ndarray
    """(M+1,) what the minimum monthly fee added to the usage lines."""

    @property
    def total(self) -> np.ndarray:
        return self.by_category.sum(axis=0)

    @property
    def running(self) -> np.ndarray:
        """Everything but the one-time lines: what a parallel run carries."""
        return self.total - self.one_time


def escalation_matrix(months: int, *, wage: float, vendor: float, general: float) -> np.ndarray:
    """(E, M+1) yearly-step factors (1 + rate)^(y - 1), rows in `ESCALATIONS` order."""
    from .staffing import year_index

    y = year_index(months)
    rates = np.array([wage, vendor, general, 0.0])
    return (1.0 + rates)[:, None] ** y[None, :]


def cash_flows(
    book: LineBook,
    drivers: np.ndarray,
    escalation: np.ndarray,
    *,
    category_scale: np.ndarray | None = None,
    minimum_fee: float | np.ndarray = 0.0,
    rule_scale: np.ndarray | None = None,
    vendor_scale: float = 1.0,
) -> CashFlows:
    """Cost per category and month: lines x escalation x driver, minimum fee, then % lines.

    `category_scale` multiplies the money amounts of the non-% lines per category (the
    sensitivity's price drivers); % lines follow their bases. `rule_scale` (R, M+1) multiplies the
    lines of each hybrid rule (a side of a hybrid); `minimum_fee` may be a monthly series (a
    hybrid's fee pro rata to the vendor's workload). A pure option passes neither.
    `vendor_scale` multiplies what the vendor charges (the vendor-price driver, DESIGN §8).
    """
    n_k, months = len(CATEGORIES), book.months
    n_e = len(ESCALATIONS)
    scale = np.ones(n_k) if category_scale is None else np.asarray(category_scale, dtype=float)
    run = book.run_units * escalation[book.run_esc] * drivers[book.run_driver]
    run *= scale[book.run_cat][:, None]
    if rule_scale is not None:
        run *= rule_scale[book.run_rule]
    if vendor_scale != 1.0 and book.run_payer is not None:
        run *= np.array([1.0, vendor_scale])[book.run_payer][:, None]
    run_cat = np.zeros((n_k, months + 1))
    np.add.at(run_cat, book.run_cat, run)

    once = book.once_units.reshape(len(HYBRID_RULES), 2, n_e, n_k, months + 1)
    if rule_scale is not None:
        once = once * rule_scale[:, None, None, None, :]
    if vendor_scale != 1.0:
        once = once * np.array([1.0, vendor_scale])[None, :, None, None, None]
    once = once.sum(axis=(0, 1)) * escalation[:, None, :]
    once_cat = once.sum(axis=0) * scale[:, None]

    topup = np.zeros(months + 1)
    topup_cat = np.zeros((n_k, months + 1))
    if np.any(np.asarray(minimum_fee) > 0) and book.usage_months.any():
        usage_cat = np.zeros((n_k, months + 1))
        np.add.at(usage_cat, book.run_cat[book.run_usage], run[book.run_usage])
        usage_total = usage_cat.sum(axis=0)
        floor = minimum_fee * escalation[VENDOR] * book.usage_months
        topup = np.maximum(floor - usage_total, 0.0)
        # The top-up lands on the usage lines' categories in proportion to what they charge.
        safe = np.where(usage_total > 0, usage_total, 1.0)
        weights = np.where(usage_total > 0, usage_cat / safe, 0.0)
        weights[book.usage_fallback_cat] += usage_total <= 0
        topup_cat = weights * topup

    nonpct = run_cat + once_cat + topup_cat
    # `% of other costs` is a share of the recurring lines only, not of one-time severance or exit
    # fees (DESIGN §8); `% of labour` of the labour lines that month.
    other = nonpct.sum(axis=0)
    if book.recurring_pct_base:
        other = other - once_cat.sum(axis=0)
    bases = np.stack([nonpct[LABOUR], other])
    pct = book.pct_units.reshape(2, n_k, months + 1) * bases[:, None, :]
    by_category = nonpct + pct.sum(axis=0)
    return CashFlows(by_category=by_category, one_time=once_cat.sum(axis=0), min_fee_topup=topup)
