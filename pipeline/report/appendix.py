"""Appendix tables: the assumptions as read (labels from the schema), cost lines, warnings.

A long cost-line list is grouped by option, category and cost type so a 20,000-line workbook still
gives a short appendix; the workbook stays the place for the line-by-line detail.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from .. import schema
from ..model import demand, routing
from ..model.results import Results
from .caveats import caveat
from .context import Row
from .locales import DASH, Locale

CHANNEL_KEYS = (
    "channel",
    "mode",
    "monthly_volume",
    "aht_minutes",
    "hours_per_week",
    "service_level",
    "answer_seconds",
    "max_occupancy",
    "concurrency",
    "min_agents",
)
OPTION_KEYS = (
    "option",
    "type",
    "already_running",
    "shrinkage",
    "paid_hours",
    "attrition",
    "aht_factor",
    "transition_months",
    "minimum_monthly_fee",
)
_ATTR = {"channel": "name", "option": "name", "paid_hours": "paid_hours"}


def headers(loc: Locale, table: schema.Table, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(loc.label(table.column(k).header) for k in keys)


def _value(loc: Locale, kind: str, value, choices=()) -> str:
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return schema.choice_label(schema.YES_NO, "yes" if value else "no", loc.lang)
    if kind == "percent":
        return loc.percent(value, 1 if round(value * 100, 1) % 1 else 0)
    if kind in ("int",):
        return loc.number(value)
    if kind == "number":
        return loc.number(value, 0 if float(value).is_integer() else 2)
    if kind == "date" and isinstance(value, date):
        return loc.date(value)
    if kind == "choice" and choices:
        return schema.choice_label(choices, value, loc.lang)
    if kind == "language":
        return loc._("English") if value == "en" else loc._("Indonesian")
    if kind == "currency" and value == loc.currency and loc.lang != "en":
        return loc.currency_in_words
    return str(value)


def project_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    """Every Project value the workbook's template version has (a v1 workbook has no go-live)."""
    project = results.inputs.project
    version = results.inputs.template_version
    rows = []
    for f in schema.FIELDS:
        if f.since > version:
            continue
        value = getattr(project, f.key, None)
        if f.key == "language":
            value = loc.lang
        if f.key == "go_live":
            value = loc.month(demand.go_live(project))
        if f.key == "business_hours":
            value = routing.business_profile(results.inputs).name
        rows.append(Row(cells=(loc.label(f.label), _value(loc, f.kind, value, f.choices))))
    return tuple(rows)


DEMAND_KEYS = (
    "channel",
    "profile",
    "seasonality",
    "complex_share",
    "complex_aht_factor",
    "patience_seconds",
)


def demand_head(loc: Locale) -> tuple[str, ...]:
    """Headers of the v2 demand table: the schema's, plus the open hours the profile gives."""
    head = list(headers(loc, schema.CHANNELS, DEMAND_KEYS))
    head.insert(2, loc._("Open hours per week"))
    return tuple(head)


def demand_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    """Template version 2: how each channel's demand arrives (empty for a v1 workbook)."""
    if results.inputs.template_version < 2:
        return ()
    rows = []
    for ch in results.inputs.channels:
        live = ch.mode == "live"
        hours = ch.profile.open_hours if ch.profile is not None else ch.hours_per_week
        rows.append(
            Row(
                cells=(
                    ch.name,
                    ch.profile.name if ch.profile is not None else loc._("even over the hours"),
                    loc.number(hours, 0 if float(hours).is_integer() else 1),
                    ch.seasonality.name if ch.seasonality is not None else loc._("flat"),
                    loc.percent(ch.complex_share),
                    loc.percent(ch.complex_aht_factor) if ch.complex_share > 0 else DASH,
                    loc.number(ch.patience_seconds) if live and ch.patience_seconds else DASH,
                )
            )
        )
    return tuple(rows)


def pattern_rows(results: Results, loc: Locale) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """The seasonal patterns the channels use: factors per calendar month (mean 1)."""
    used = {}
    for ch in results.inputs.channels:
        if ch.seasonality is not None:
            used.setdefault(ch.seasonality.name, ch.seasonality)
    head = (loc._("Pattern"), *(m(loc.lang) for m in schema.MONTHS))
    rows = tuple(Row(cells=(p.name, *(loc.number(f, 2) for f in p.factors))) for p in used.values())
    return head, rows


def profile_rows(results: Results, loc: Locale) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """The weekly profiles the channels use: each day's share of the week and the busiest hour."""
    used = {}
    for ch in results.inputs.channels:
        if ch.profile is not None:
            used.setdefault(ch.profile.name, ch.profile)
    head = (
        loc._("Profile"),
        *(d(loc.lang) for d in schema.DAYS),
        loc._("Open hours"),
        loc._("Busiest hour"),
    )
    rows = []
    for p in used.values():
        total = sum(p.weights) or 1.0
        days = [sum(p.weights[24 * d : 24 * d + 24]) / total for d in range(7)]
        k = max(range(len(p.weights)), key=lambda i: p.weights[i])
        busiest = loc._(
            "{hour}: {share} of the week",
            hour=f"{schema.DAYS[k // 24](loc.lang)} {k % 24:02d}:00",
            share=loc.percent(p.weights[k] / total, 1),
        )
        rows.append(
            Row(
                cells=(
                    p.name,
                    *(loc.percent(v, 1) for v in days),
                    loc.number(p.open_hours),
                    busiest,
                )
            )
        )
    return head, tuple(rows)


def _rows(loc: Locale, table: schema.Table, keys, records) -> tuple[Row, ...]:
    out = []
    for rec in records:
        cells = []
        for k in keys:
            col = table.column(k)
            value = getattr(rec, _ATTR.get(k, k))
            if k == "minimum_monthly_fee":
                cells.append(loc.money(value))
            else:
                cells.append(_value(loc, col.kind, value, col.choices))
        out.append(Row(cells=tuple(cells)))
    return tuple(out)


LIVE_ONLY = frozenset({"service_level", "answer_seconds"})
"""Channel columns that apply to live channels only: a deferred channel keeps a backlog, it has no
queue to answer within a target time (its cells hold the template defaults, never used)."""


def channel_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    channels = results.inputs.channels
    rows = _rows(loc, schema.CHANNELS, CHANNEL_KEYS, channels)
    return tuple(
        Row(
            cells=tuple(
                DASH if ch.mode == "deferred" and key in LIVE_ONLY else cell
                for key, cell in zip(CHANNEL_KEYS, row.cells, strict=True)
            )
        )
        for row, ch in zip(rows, channels, strict=True)
    )


def option_keys(results: Results) -> tuple[str, ...]:
    """v2 workbooks also say whether each option flexes monthly."""
    if results.inputs.template_version >= 2:
        return (*OPTION_KEYS, "flexes_monthly")
    return OPTION_KEYS


def option_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    return _rows(loc, schema.OPTIONS, option_keys(results), results.inputs.options)


def _amount(loc: Locale, basis: str, amount: float) -> str:
    if basis in schema.PERCENT_BASES:
        return loc.percent(amount, 1)
    return loc.money_auto(amount)


def cost_lines(results: Results, loc: Locale, limit: int) -> tuple[tuple[Row, ...], bool]:
    """Each line (up to `limit`), else one row per option x category x cost type."""
    lines = results.inputs.costs
    if len(lines) <= limit:
        rows = []
        for ln in lines:
            ctype = next((t.label for t in schema.COST_TYPES if t.code == ln.cost_type), None)
            ctype_text = loc.label(ctype) if ctype else ln.cost_type
            if ln.cost_type_inferred:
                ctype_text += " *"
            months = f"{loc.number(ln.start_month)}–{loc.number(ln.end_month)}"
            rows.append(
                Row(
                    cells=(
                        loc.number(ln.row) if ln.row else DASH,
                        ln.option,
                        schema.choice_label(schema.CATEGORIES, ln.category, loc.lang),
                        ln.item,
                        ctype_text,
                        schema.choice_label(schema.BASES, ln.basis, loc.lang),
                        _amount(loc, ln.basis, ln.amount),
                        loc.number(ln.quantity, 0 if float(ln.quantity).is_integer() else 2),
                        months,
                        schema.choice_label(schema.ESCALATIONS, ln.escalation, loc.lang),
                    )
                )
            )
        return tuple(rows), False
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for ln in lines:
        groups[(ln.option, ln.category, ln.cost_type)].append(ln)
    order = {o.name: i for i, o in enumerate(results.inputs.options)}
    cat_order = {c.code: i for i, c in enumerate(schema.CATEGORIES)}
    rows = []
    for (option, cat, ctype), group in sorted(
        groups.items(), key=lambda kv: (order.get(kv[0][0], 99), cat_order.get(kv[0][1], 9))
    ):
        bases = sorted({ln.basis for ln in group})
        money = [ln.amount for ln in group if ln.basis not in schema.PERCENT_BASES]
        rng = DASH
        if money:
            lo, hi = min(money), max(money)
            rng = loc.money_auto(lo) if lo == hi else f"{loc.money_auto(lo)} – {loc.money_auto(hi)}"
        rows.append(
            Row(
                cells=(
                    option,
                    schema.choice_label(schema.CATEGORIES, cat, loc.lang),
                    next((loc.label(t.label) for t in schema.COST_TYPES if t.code == ctype), ctype),
                    loc.number(len(group)),
                    ", ".join(schema.choice_label(schema.BASES, b, loc.lang) for b in bases[:3])
                    + (" …" if len(bases) > 3 else ""),
                    rng,
                )
            )
        )
    return tuple(rows), True


def warnings(results: Results, loc: Locale, limit: int) -> tuple[tuple[Row, ...], int]:
    issues = list(results.issues)
    rows = tuple(
        Row(cells=(i.sheet or DASH, i.cell or DASH, caveat(i, loc.lang))) for i in issues[:limit]
    )
    return rows, max(0, len(issues) - limit)
