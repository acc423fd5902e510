"""The comparison sections (ROI, hybrid split, sensitivity, scorecard): their rows and notes, and
which of them the report leaves out when the workbook gives them nothing to show (one option, no
vendor)."""

from __future__ import annotations

from dataclasses import replace

from .. import schema
from ..model.results import Results, SensitivityRow
from . import text
from .context import Row
from .locales import DASH, Locale


def omitted_sections(results: Results) -> tuple[str, ...]:
    """Section ids with nothing to show. A client reads a page that says "nothing here" as a
    gap in the work, so these sections and their contents entries are dropped and the summary
    says why in one sentence (`scope_note`)."""
    out = []
    if not results.comparisons:
        out.append("roi")
    if not results.hybrid:
        out.append("hybrid")
    if results.sensitivity is None or not sensitivity_rows(results):
        out.append("sensitivity")
    return tuple(out)


def scope_note(loc: Locale, results: Results) -> str:
    """One sentence for the summary naming the analyses left out and what would bring them."""
    if not results.comparisons:
        return loc._(
            "The return-on-investment, hybrid and sensitivity analyses need an alternative to "
            "{baseline}, so they are left out: add one, such as a vendor quote, on the {sheet} "
            "sheet of the workbook.",
            baseline=results.baseline,
            sheet=schema.SHEETS["options"](loc.lang),
        )
    notes = []
    if not results.hybrid:
        notes.append(
            loc._(
                "No outsourced vendor was quoted, so there is no hybrid split (part of the volume "
                "in-house, part with a vendor) to show."
            )
        )
    if results.sensitivity is None or not sensitivity_rows(results):
        notes.append(loc._("No sensitivity analysis could be run for these options."))
    return " ".join(notes)


def _has_vendor(results: Results) -> bool:
    return any(o.type == "outsourced" for o in results.options)


def sensitivity_rows(results: Results) -> tuple[SensitivityRow, ...]:
    """The drivers worth showing: vendor prices move nothing when no option is outsourced."""
    sens = results.sensitivity
    if sens is None:
        return ()
    if _has_vendor(results):
        return sens.rows
    return tuple(r for r in sens.rows if r.driver != "vendor_price")


def shown_sensitivity(results: Results) -> Results:
    """`results` with the sensitivity rows the report shows (for the tornado chart)."""
    if results.sensitivity is None:
        return results
    return replace(
        results, sensitivity=replace(results.sensitivity, rows=sensitivity_rows(results))
    )


def shown_comparisons(results: Results):
    """The ROI chapter's alternatives: every option, and the recommended hybrid when it is one
    (the other hybrids have their own chapter)."""
    rec = results.recommendation.option
    return tuple(c for c in results.comparisons if c.kind == "option" or c.option == rec)


def comparison_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    return tuple(
        Row(
            cells=(
                text.candidate_label(loc, results, c.option),
                loc.amount(c.net_savings),
                loc.amount(c.npv),
                loc.amount(c.investment),
                loc.percent(c.roi),
                loc.months(c.payback_month),
                loc.months(c.discounted_payback_month),
                loc.percent(c.irr, 1),
            )
        )
        for c in shown_comparisons(results)
    )


def family_rows(results: Results, loc: Locale) -> tuple[Row, ...]:
    """The hybrid chapter's table: per vendor, the best variant of each family (and the user's
    hybrids) with what goes where, PV, NPV against the baseline and agents on each side."""
    rows: list[Row] = []
    rec = results.recommendation.option
    vendors = list(dict.fromkeys(h.vendor for h in results.hybrids))
    names = [c.name for c in results.inputs.channels]
    for vendor in vendors:
        rows.append(Row(cells=(vendor,), head=True))
        for h in (h for h in results.hybrids if h.vendor == vendor):
            rows.append(
                Row(
                    cells=(
                        text.family_label(loc, h.family),
                        text.describe_routing(loc, h.routing, results.baseline, names),
                        loc.amount(h.pv_cost),
                        loc.amount(h.npv),
                        f"{loc.number(h.agents_kept)} / {loc.number(h.agents_vendor)}",
                    ),
                    strong=h.id == rec,
                )
            )
    return tuple(rows)


def hybrid_summary(results: Results, loc: Locale) -> str:
    """One sentence on the hybrids against the pure options: the best of them, and whether it is
    recommended."""
    if not results.hybrids:
        return ""
    best = min(results.hybrids, key=lambda h: h.pv_cost)
    rec = results.recommendation.option
    name = text.candidate_label(loc, results, best.id)
    if best.id == rec:
        return loc._(
            "The recommended option is a hybrid: {name}. It saves {npv} in present value against "
            "{baseline}.",
            name=name,
            npv=loc.money_words(best.npv),
            baseline=results.baseline,
        )
    return loc._(
        "The cheapest hybrid is {name}, at {pv} in present value ({npv} against {baseline}); "
        "the recommended option, {rec}, does better on cost and quality combined.",
        name=name,
        pv=loc.money_words(best.pv_cost),
        npv=loc.money_words(best.npv),
        baseline=results.baseline,
        rec=text.candidate_label(loc, results, rec),
    )


def sensitivity(results: Results, loc: Locale) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    """The sensitivity table's rows and the break-even sentences."""
    sens = results.sensitivity
    if sens is None:
        return (), ()
    rows = tuple(
        Row(
            cells=(
                text.driver_name(loc, r.driver),
                text.driver_range(loc, r.driver, r.low, r.high),
                loc.amount(r.npv_low),
                loc.amount(r.npv_high),
                loc.amount(abs(r.npv_high - r.npv_low)),
                loc._("yes") if r.flips else loc._("no"),
            ),
            strong=r.flips,
        )
        for r in sensitivity_rows(results)
    )
    notes = []
    if not _has_vendor(results):
        pass  # no vendor price to break even on
    elif sens.breakeven_price is not None:
        notes.append(
            loc._(
                "Break-even vendor price: {option} stops saving money when vendor prices reach "
                "{mult} of the quoted prices.",
                option=sens.option,
                mult=loc.multiplier(sens.breakeven_price),
            )
        )
    else:
        notes.append(loc._("No break-even vendor price within the range searched."))
    if sens.breakeven_volume is not None and sens.breakeven_volume_step:
        notes.append(
            loc._(
                "Break-even volume: at {mult} of the forecast volume the saving jumps across zero "
                "— a staffing step, where one more or one fewer agent is needed — rather than "
                "fading away.",
                mult=loc.multiplier(sens.breakeven_volume),
            )
        )
    elif sens.breakeven_volume is not None:
        notes.append(
            loc._(
                "Break-even volume: the saving disappears at {mult} of the forecast volume.",
                mult=loc.multiplier(sens.breakeven_volume),
            )
        )
    else:
        notes.append(loc._("No break-even volume within the range searched."))
    return rows, tuple(notes)


def scores(results: Results, loc: Locale) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    names = [o.name for o in results.options]
    head = (loc._("Criterion"), loc._("Weight")) + tuple(names)
    rows = []
    labels = {c.label.en: c.label for c in schema.DEFAULT_CRITERIA}
    for c in results.inputs.criteria:
        name = loc.label(labels[c.name]) if c.name in labels else c.name
        rows.append(
            Row(
                cells=(name, loc.number(c.weight, 0))
                + tuple(loc.number(c.scores.get(n), 0) if n in c.scores else DASH for n in names)
            )
        )
    rows.append(
        Row(
            cells=(loc._("Qualitative index (0-100)"), "")
            + tuple(loc.number(o.qualitative_index, 1) for o in results.options),
            strong=True,
        )
    )
    return head, tuple(rows)


def candidates(results: Results, loc: Locale) -> tuple[Row, ...]:
    return tuple(
        Row(
            cells=(
                text.candidate_label(loc, results, c.name),
                loc.amount(c.pv_cost),
                loc.number(c.cost_score, 1) if c.on_front else DASH,
                loc.number(c.qualitative_index, 1),
                loc.number(c.composite, 1) if c.on_front else loc._("dominated"),
            ),
            strong=c.name == results.recommendation.option,
        )
        for c in results.recommendation.candidates
    )
