"""What the templates show, prepared from Results: tiles, table rows, sentences, charts.

Templates only read attributes of these dataclasses (and of Results); every figure is formatted
here or through the Locale so that one number prints the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from .. import schema
from ..model.results import Comparison, OptionResult, Results
from . import charts, register, text
from .brands import Brand
from .locales import DASH, Locale

MAX_COST_LINES = 40
"""Past this many lines the appendix lists groups (option x category x cost type), not lines:
every line, with its cash flow, is in the results workbook (`--xlsx`). Listing up to 150 made a
150-line workbook the slowest report (25 pages, Appendix B a quarter of WeasyPrint's time)."""
MAX_WARNINGS = 120
"""Past this many warnings the appendix lists the first ones and counts the rest."""
TOP_RISKS = 5


@dataclass(frozen=True, kw_only=True)
class Tile:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Row:
    """One table row: cells already formatted; `head` marks a group heading row."""

    cells: tuple[str, ...]
    head: bool = False
    strong: bool = False


@dataclass(frozen=True, kw_only=True)
class Checklist:
    option: str
    type_label: str
    items: tuple[tuple[str, bool, str], ...]
    """(cost type label, included, items that cover it)."""


@dataclass(frozen=True, kw_only=True)
class Charts:
    cumulative: Markup
    annual: Markup
    savings: Markup | None
    hybrid: Markup | None
    tornado: Markup | None


@dataclass(frozen=True, kw_only=True)
class View:
    title: str
    subtitle: str
    headline: str
    reasons: tuple[str, ...]
    tiles: tuple[Tile, ...]
    top_risks: tuple[str, ...]
    charts: Charts
    cost_rows: tuple[Row, ...]
    annual_head: tuple[str, ...]
    annual_rows: tuple[Row, ...]
    comparison_rows: tuple[Row, ...]
    sensitivity_rows: tuple[Row, ...]
    breakeven: tuple[str, ...]
    score_head: tuple[str, ...]
    score_rows: tuple[Row, ...]
    has_scores: bool
    """False when no option has a qualitative index: the scorecard says so and cost decides."""
    candidate_rows: tuple[Row, ...]
    checklists: tuple[Checklist, ...]
    project_rows: tuple[Row, ...]
    channel_rows: tuple[Row, ...]
    option_rows: tuple[Row, ...]
    line_rows: tuple[Row, ...]
    lines_aggregated: bool
    line_count: int
    warning_rows: tuple[Row, ...]
    warnings_hidden: int
    omitted: tuple[str, ...] = ()
    """Section ids left out (with their contents entries): nothing to show, see scope_note."""
    scope_note: str = ""
    """One sentence in the summary naming the analyses left out and why."""


def _comparison(results: Results, name: str) -> Comparison | None:
    return next((c for c in results.comparisons if c.option == name), None)


def _rec_option(results: Results) -> OptionResult | None:
    """The option behind the recommendation (a hybrid's vendor) or None."""
    rec = results.recommendation.option
    for o in results.options:
        if o.name == rec:
            return o
    for h in results.hybrids:
        if h.id == rec:
            return results.option(h.vendor)
    return None


def _quality_tile(loc: Locale, quality: float | None) -> Tile:
    return Tile(
        label=loc._("Qualitative index"),
        value=loc.number(quality, 0) if quality is not None else DASH,
        # "– out of 100" reads as a score; without scores the tile says why it is empty.
        note=loc._("out of 100") if quality is not None else loc._("no scores given"),
    )


def _single_tiles(results: Results, loc: Locale) -> tuple[Tile, ...]:
    """One option: its own figures, one row of tiles. Baseline, recommended and a saving of 0
    would only repeat it."""
    base = results.option(results.baseline)
    return (
        Tile(
            label=loc._("Cost (PV)"),
            value=loc.money_words(base.pv_cost),
            note=loc._(
                "{total} nominal over {years} years",
                total=loc.money_words(base.total_cost),
                years=loc.number(results.horizon_months // 12),
            ),
        ),
        Tile(
            label=loc._("Cost per contact"),
            value=loc.money_auto(base.cost_per_contact),
            note=loc._("{n} contacts", n=loc.number(base.contacts)),
        ),
        _quality_tile(loc, base.qualitative_index),
    )


def _tiles(results: Results, loc: Locale) -> tuple[Tile, ...]:
    if not results.comparisons:
        return _single_tiles(results, loc)
    base = results.option(results.baseline)
    rec = results.recommendation.option
    cand = next((c for c in results.recommendation.candidates if c.name == rec), None)
    rec_pv = cand.pv_cost if cand else base.pv_cost
    rec_opt = _rec_option(results)
    comp = _comparison(results, rec_opt.name) if rec_opt else None
    tiles = [
        Tile(
            label=loc._("Baseline cost (PV)"), value=loc.money_words(base.pv_cost), note=base.name
        ),
        Tile(
            label=loc._("Recommended cost (PV)"),
            value=loc.money_words(rec_pv),
            note=text.candidate_label(loc, results, rec),
        ),
        Tile(
            label=loc._("Savings (PV)"),
            value=loc.money_words(base.pv_cost - rec_pv),
            note=loc._("against {baseline}", baseline=base.name),
        ),
    ]
    if comp is not None:
        tiles.append(
            Tile(
                label=loc._("ROI"),
                value=loc.percent(comp.roi),
                # ROI is savings / investment: a bare dash needs its reason.
                note=loc._("no investment")
                if comp.roi is None and not comp.investment
                else comp.option
                if comp.option != rec
                else "",
            )
        )
        tiles.append(
            Tile(
                label=loc._("Payback"),
                value=loc.months(comp.payback_month)
                if comp.payback_month is not None
                else loc._("not within horizon"),
                note=comp.option if comp.option != rec else "",
            )
        )
    quality = cand.qualitative_index if cand else base.qualitative_index
    tiles.append(_quality_tile(loc, quality))
    return tuple(tiles)


def _top_risks(results: Results, loc: Locale) -> tuple[str, ...]:
    out = []
    rec_opt = _rec_option(results)
    if rec_opt is not None:
        missing = [c.cost_type for c in rec_opt.checklist if not c.included]
        if missing:
            out.append(
                loc._(
                    "{option} has no cost line for {items}.",
                    option=rec_opt.name,
                    items=text.join(loc, (text.cost_type_label(loc, c) for c in missing[:4])),
                )
            )
    for d in results.recommendation.flipping_drivers:
        out.append(
            loc._(
                "{driver} could change the recommendation within its tested range.",
                driver=text.driver_name(loc, d),
            )
        )
    if rec_opt is not None:
        out += register.top_risks(results, loc, rec_opt, 2)
    n = len(results.issues)
    if n:
        out.append(loc._("Data quality: {n} warnings in the workbook (appendix).", n=n))
    return tuple(out[:TOP_RISKS])


def _annual(results: Results, loc: Locale) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    years = len(results.options[0].annual_cost)
    head = (
        (loc._("Option"),)
        + tuple(loc._("Year {n}", n=y + 1) for y in range(years))
        + (loc._("Total"),)
    )
    rows = []
    for o in results.options:
        rows.append(
            Row(
                cells=(o.name,)
                + tuple(loc.amount(v) for v in o.annual_cost)
                + (loc.amount(o.total_cost),),
                strong=True,
            )
        )
        for cat in schema.CATEGORIES:
            vals = o.annual_by_category.get(cat.code)
            if not vals or not any(vals):
                continue
            rows.append(
                Row(
                    cells=("\u2003" + loc.label(cat.label),)
                    + tuple(loc.amount(v) for v in vals)
                    + (loc.amount(sum(vals)),)
                )
            )
    return head, tuple(rows)


def _cost_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    return tuple(
        Row(
            cells=(
                o.name,
                schema.choice_label(schema.OPTION_TYPES, o.type, loc.lang),
                loc.amount(o.total_cost),
                loc.amount(o.pv_cost),
                loc.number(o.contacts),
                loc.amount_auto(o.cost_per_contact),
                loc.number(o.avg_fte, 1),
            ),
            strong=o.name == results.recommendation.option,
        )
        for o in results.options
    )


def _checklists(results: Results, loc: Locale) -> tuple[Checklist, ...]:
    out = []
    for o in results.options:
        out.append(
            Checklist(
                option=o.name,
                type_label=schema.choice_label(schema.OPTION_TYPES, o.type, loc.lang),
                items=tuple(
                    (text.cost_type_label(loc, c.cost_type), c.included, _covered_by(c, o, loc))
                    for c in o.checklist
                ),
            )
        )
    return tuple(out)


def _covered_by(item, option, loc: Locale) -> str:
    """The lines that cover a checklist item; a parallel run without a line is the model's own."""
    if item.items:
        return ", ".join(item.items[:3]) + (" …" if len(item.items) > 3 else "")
    if item.included and item.cost_type == "parallel_run":
        return loc._(
            "Transition months, charged by the analysis: {amount}",
            amount=loc.money_words(option.parallel_run_cost),
        )
    return ""


def _charts(results: Results, loc: Locale, brand: Brand) -> Charts:
    from . import analysis

    sens = results.sensitivity
    shown = tuple(
        replace(c, option=text.candidate_label(loc, results, c.option))
        for c in analysis.shown_comparisons(results)
    )
    return Charts(
        cumulative=Markup(charts.cumulative_cost(results, loc, brand)),
        annual=Markup(charts.annual_stacked(results, loc, brand)),
        savings=Markup(charts.cumulative_savings(replace(results, comparisons=shown), loc, brand))
        if shown
        else None,
        hybrid=Markup(charts.hybrid_curve(results, loc, brand)) if results.hybrid else None,
        tornado=Markup(
            charts.tornado(
                results, loc, brand, [text.driver_name(loc, r.driver) for r in sens.rows]
            )
        )
        if sens is not None and sens.rows
        else None,
    )


def build_view(results: Results, loc: Locale, brand: Brand) -> View:
    """Everything the templates print, formatted for `loc`."""
    from . import analysis, appendix

    rec = results.recommendation
    annual_head, annual_rows = _annual(results, loc)
    sens_rows, breakeven = analysis.sensitivity(results, loc)
    score_head, score_rows = analysis.scores(results, loc)
    line_rows, aggregated = appendix.cost_lines(results, loc, MAX_COST_LINES)
    warning_rows, hidden = appendix.warnings(results, loc, MAX_WARNINGS)
    rec_name = text.candidate_label(loc, results, rec.option)
    if rec.option == results.baseline:
        headline = loc._("Keep {option}.", option=rec_name)
    else:
        headline = loc._("Move to {option}.", option=rec_name)
    return View(
        title=loc._("Customer service sourcing: in-house, outsourced or hybrid"),
        subtitle=loc._("Cost comparison and recommendation"),
        headline=headline,
        reasons=tuple(text.reason_sentences(loc, results)),
        tiles=_tiles(results, loc),
        top_risks=_top_risks(results, loc),
        charts=_charts(analysis.shown_sensitivity(results), loc, brand),
        cost_rows=_cost_rows(results, loc),
        annual_head=annual_head,
        annual_rows=annual_rows,
        comparison_rows=analysis.comparison_rows(results, loc),
        sensitivity_rows=sens_rows,
        breakeven=breakeven,
        score_head=score_head,
        score_rows=score_rows,
        has_scores=any(o.qualitative_index is not None for o in results.options),
        candidate_rows=analysis.candidates(results, loc),
        checklists=_checklists(results, loc),
        project_rows=appendix.project_rows(results, loc),
        channel_rows=appendix.channel_rows(results, loc),
        option_rows=appendix.option_rows(results, loc),
        line_rows=line_rows,
        lines_aggregated=aggregated,
        line_count=len(results.inputs.costs),
        warning_rows=warning_rows,
        warnings_hidden=hidden,
        omitted=analysis.omitted_sections(results),
        scope_note=analysis.scope_note(loc, results),
    )
