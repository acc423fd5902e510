"""The results workbook (`report`/`compute --xlsx`): every figure of the report as Excel tables
with number formats and live totals (SUBTOTAL, SUMIFS, SUMPRODUCT) that recalculate to the report's
figures, in the report's language (issue 12).

Sheets depend on one another in one direction: Summary totals sum the long Cash flows table and
the Monthly table; Comparisons subtract Summary cells; nothing refers back.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.table import Table, TableStyleInfo

from . import __version__, files, frames, schema
from .issues import UsageError
from .model.lines import LINE, PARALLEL, REST, TOPUP
from .model.results import Results
from .report import text
from .report.locales import N_, Locale

MONEY, COUNT, INT, DEC1, DEC2, PCT, MULT, FACTOR, TEXT, DATE = (
    "money", "count", "int", "dec1", "dec2", "pct", "mult", "factor", "text", "date"
)  # fmt: skip
"""Currencies whose amounts are shown without decimals (rupiah has no cents in practice)."""
CENTRE = Alignment(horizontal="center")
STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
EXCEL_MAX_ROWS = 1_048_576

SHEETS = {
    "summary": N_("Summary"),
    "cash_flows": N_("Cash flows"),
    "by_year": N_("Cash flows by year"),
    "monthly": N_("Monthly"),
    "staffing": N_("Staffing"),
    "by_hour": N_("Staffing by hour"),
    "comparisons": N_("Comparisons"),
    "hybrids": N_("Hybrids"),
    "sensitivity": N_("Sensitivity"),
    "assumptions": N_("Assumptions"),
    "lines": N_("Cost lines"),
}
"""Sheet keys -> titles (msgids), in the workbook's order."""
KINDS = {
    LINE: N_("Cost line"),
    TOPUP: N_("Minimum fee top-up"),
    PARALLEL: N_("Parallel run"),
    REST: N_("Unallocated"),
}
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))  # fmt: skip


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    """Translated header (unique within its table)."""
    fmt: str = TEXT
    total: bool = False
    """A SUBTOTAL(109, ...) of the column in the row under the table."""


@dataclass(frozen=True)
class TableRef:
    """Where a written table is: its sheet, columns and data rows, for formulas elsewhere."""

    sheet: str
    letters: dict[str, str]
    first: int
    last: int

    def column(self, key: str) -> str:
        c = self.letters[key]
        return f"{quote_sheetname(self.sheet)}!${c}${self.first}:${c}${self.last}"

    def cell(self, key: str, index: int) -> str:
        return f"{quote_sheetname(self.sheet)}!${self.letters[key]}${self.first + index}"


class SheetWriter:
    """Writes tables down one worksheet: formats, Excel table objects, totals, widths, frozen
    header of the first table."""

    def __init__(self, ws, formats: dict[str, str], total_label: str) -> None:
        self.ws = ws
        self.formats = formats
        self.total_label = total_label
        self.row = 1
        self.widths: dict[int, float] = {}

    def _width(self, col: int, value, fmt: str) -> None:
        if value is None:
            n = 2
        elif isinstance(value, str) and value.startswith("="):
            n = 18 if fmt == MONEY else 10
        elif isinstance(value, bool | str):
            n = len(str(value))
        elif fmt in (MONEY, COUNT, DEC1, DEC2):
            n = len(f"{value:,.2f}") - (3 if fmt in (MONEY, COUNT) else 0) + 1
        elif fmt == PCT:
            n = len(f"{value * 100:.1f}") + 2
        elif fmt == DATE:
            n = 10
        else:
            n = len(str(value))
        cap = 60 if col == 1 else 48  # names in the first column; notes and sentences wrap less
        self.widths[col] = max(self.widths.get(col, 0), min(n + 2, cap))

    def table(
        self,
        name: str,
        cols: Sequence[Col],
        rows: Sequence[Sequence],
        *,
        title: str | None = None,
        formats: Sequence[Sequence[str | None]] | None = None,
    ) -> TableRef:
        """Write a table; a string cell starting with `=` is a formula in which `{r}` is its row and
        `{key}` the column letter of `key`. `formats` overrides the column's format per cell."""
        ws = self.ws
        if title is not None:
            if self.row > 1:
                self.row += 1
            ws.cell(self.row, 1, title).font = Font(bold=True, size=12)
            self.row += 1
        head = self.row
        letters = {c.key: get_column_letter(i) for i, c in enumerate(cols, start=1)}
        for i, c in enumerate(cols, start=1):
            ws.cell(head, i, c.header)
            self.widths[i] = max(self.widths.get(i, 0), len(c.header) + 4)
        if self.ws.freeze_panes is None:
            ws.freeze_panes = ws.cell(head + 1, 1)
        first = head + 1
        for n, values in enumerate(rows):
            r = first + n
            for i, (c, value) in enumerate(zip(cols, values, strict=True), start=1):
                if isinstance(value, float) and not math.isfinite(value):
                    value = None
                if isinstance(value, str) and value.startswith("="):
                    value = value.format(r=r, **letters)
                cell = ws.cell(r, i, value)
                fmt = (formats[n][i - 1] if formats is not None else None) or c.fmt
                if fmt in self.formats:
                    cell.number_format = self.formats[fmt]
                if fmt == INT:  # months, years, rows: centred, clear of the text beside them
                    cell.alignment = CENTRE
                self._width(i, value, fmt)
        last = first + max(len(rows), 1) - 1
        if not rows:  # an Excel table needs a data row: an empty one
            for i in range(1, len(cols) + 1):
                ws.cell(first, i, None)
        ref = f"A{head}:{get_column_letter(len(cols))}{last}"
        ws.add_table(Table(displayName=name, ref=ref, tableStyleInfo=STYLE))
        self.row = last + 1
        if any(c.total for c in cols):
            ws.cell(self.row, 1, self.total_label).font = Font(bold=True)
            for i, c in enumerate(cols, start=1):
                if c.total:
                    col = letters[c.key]
                    cell = ws.cell(self.row, i, f"=SUBTOTAL(109,{col}{first}:{col}{last})")
                    cell.number_format = self.formats.get(c.fmt, "General")
                    cell.font = Font(bold=True)
            self.row += 1
        return TableRef(sheet=ws.title, letters=letters, first=first, last=last)

    def finish(self) -> None:
        ws = self.ws
        for i, w in self.widths.items():
            ws.column_dimensions[get_column_letter(i)].width = w
        # Printed (or saved as PDF): landscape, every column on the page, the header repeated.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if ws.freeze_panes is not None:
            header = ws[ws.freeze_panes].row - 1
            ws.print_title_rows = f"{header}:{header}"


def _formats(currency: str) -> dict[str, str]:
    money = "#,##0" if currency.upper() in schema.WHOLE_CURRENCIES else "#,##0.00"
    return {
        MONEY: f"{money};[Red]-{money}",
        COUNT: "#,##0",
        INT: "0",
        DEC1: "#,##0.0",
        DEC2: "#,##0.00",
        PCT: "0.0%",
        MULT: '0.00"×"',
        FACTOR: "0.000000",
        DATE: "yyyy-mm-dd",
    }


def _sheet_title(loc: Locale, key: str) -> str:
    title = loc._(SHEETS[key])
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31]


# ----------------------------------------------------------------------------------- the book
def results_workbook(results: Results, *, lang: str | None = None) -> bytes:
    """The results workbook as .xlsx bytes, in `lang` (default: the workbook's report language)."""
    loc = Locale(lang=lang or results.inputs.project.language, currency=results.currency)
    fmts = _formats(results.currency)
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {}
    for key in SHEETS:
        ws = wb.create_sheet(_sheet_title(loc, key))
        sheets[key] = SheetWriter(ws, fmts, loc._("Total"))
    cash = _cash_flows(sheets["cash_flows"], results, loc)
    summary_rate = _summary_facts_row(results)
    monthly = _monthly(sheets["monthly"], results, loc, sheets["summary"].ws.title, summary_rate)
    summary = _summary(sheets["summary"], results, loc, cash, monthly)
    _by_year(sheets["by_year"], results, loc, cash)
    _comparisons(sheets["comparisons"], results, loc, summary)
    _staffing(sheets["staffing"], results, loc)
    _by_hour(sheets["by_hour"], results, loc)
    _hybrids(sheets["hybrids"], results, loc)
    _sensitivity(sheets["sensitivity"], results, loc)
    _assumptions(sheets["assumptions"], results, loc)
    _cost_lines(sheets["lines"], results, loc)
    for s in sheets.values():
        s.finish()
    wb.properties.creator = f"cs-sourcing {__version__}"
    wb.properties.title = loc._("Results")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_results_workbook(
    results: Results, path: str | os.PathLike, *, lang: str | None = None
) -> None:
    """Write the results workbook atomically (never a half-written file)."""
    data = results_workbook(results, lang=lang)
    try:
        files.write_bytes(path, data)
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename or path}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------------- the sheets
def _category(loc: Locale, code: str) -> str:
    return schema.choice_label(schema.CATEGORIES, code, loc.lang)


def _cash_flows(s: SheetWriter, results: Results, loc: Locale) -> TableRef:
    df = frames.cash_flows(results)
    if len(df) + 3 > EXCEL_MAX_ROWS:  # beyond Excel: one row per option, category and month
        df = (
            df.assign(kind=LINE, cost_type="", item="", basis="", channel="", row=0)
            .groupby(["option", "month", "year", "category"], as_index=False, sort=False)
            .agg(
                {
                    "kind": "first",
                    "cost_type": "first",
                    "item": "first",
                    "basis": "first",
                    "channel": "first",
                    "row": "first",
                    "amount": "sum",
                }
            )  # fmt: skip
        )
    cols = [
        Col("option", loc._("Option")),
        Col("month", loc._("Month"), INT),
        Col("year", loc._("Year"), INT),
        Col("category", loc._("Category")),
        Col("kind", loc._("Part")),
        Col("cost_type", loc._("Cost type")),
        Col("item", loc._("Item")),
        Col("basis", loc._("Basis")),
        Col("channel", loc._("Channel")),
        Col("row", loc._("Row"), INT),
        Col("amount", loc._("Amount"), MONEY, total=True),
    ]
    cats = {c.code: c.label(loc.lang) for c in schema.CATEGORIES}
    kinds = {k: loc._(v) for k, v in KINDS.items()}
    types = {t.code: loc.label(t.label) for t in schema.COST_TYPES}
    bases = {b.code: b.label(loc.lang) for b in schema.BASES}
    rows = [
        [r.option, r.month, r.year, cats.get(r.category, r.category), kinds[r.kind],
         types.get(r.cost_type, r.cost_type) if r.cost_type else None, r.item or None,
         bases.get(r.basis, r.basis) if r.basis else None, r.channel or None,
         r.row or None, r.amount]
        for r in df.itertuples(index=False)
    ]  # fmt: skip
    return s.table("tbl_cash_flows", cols, rows)


def _summary_facts_row(results: Results) -> int:
    """Row of the discount rate in the Summary's key figures (see `_summary`)."""
    n = len(results.options)
    return 1 + n + 1 + 1 + 1 + 1 + _FACT_RATE  # head, options, blank, title, head, index


_FACT_RATE = 4
"""Index of the discount rate among the Summary's key figures."""


def _monthly(s: SheetWriter, results: Results, loc: Locale, summary: str, rate_row: int):
    df = frames.monthly(results)
    rate = f"{quote_sheetname(summary)}!$B${rate_row}"
    cols = [
        Col("option", loc._("Option")),
        Col("month", loc._("Month"), INT),
        Col("year", loc._("Year"), INT),
        Col("cost", loc._("Cost"), MONEY, total=True),
        Col("fte", loc._("FTE"), DEC1),
        Col("factor", loc._("Discount factor"), FACTOR),
        Col("pv", loc._("Present value"), MONEY, total=True),
    ]
    rows = [
        [r.option, r.month, r.year, r.cost, r.fte, f"=(1+{rate})^(-{{month}}{{r}}/12)",
         "={cost}{r}*{factor}{r}"]
        for r in df.itertuples(index=False)
    ]  # fmt: skip
    return s.table("tbl_monthly", cols, rows)


def _summary(s: SheetWriter, results, loc: Locale, cash: TableRef, monthly: TableRef) -> TableRef:
    cols = [
        Col("option", loc._("Option")),
        Col("type", loc._("Type")),
        Col("total", loc._("Total cost"), MONEY),
        Col("pv", loc._("PV cost"), MONEY),
        Col("contacts", loc._("Contacts"), COUNT),
        Col("per_contact", loc._("Cost per contact"), MONEY),
        Col("fte", loc._("Average FTE"), DEC1),
        Col("investment", loc._("One-time costs"), MONEY),
        Col("quality", loc._("Qualitative index"), DEC2),
    ]
    rows = [
        [o.name, schema.choice_label(schema.OPTION_TYPES, o.type, loc.lang),
         f"=SUMIFS({cash.column('amount')},{cash.column('option')},{{option}}{{r}})",
         f"=SUMIFS({monthly.column('pv')},{monthly.column('option')},{{option}}{{r}})",
         o.contacts,
         '=IF({contacts}{r}>0,{total}{r}/{contacts}{r},"")',
         f'=AVERAGEIFS({monthly.column("fte")},{monthly.column("option")},{{option}}{{r}},'
         f'{monthly.column("month")},">=1")',
         o.investment, o.qualitative_index]
        for o in results.options
    ]  # fmt: skip
    ref = s.table("tbl_summary", cols, rows)
    p = results.inputs.project
    rec = results.recommendation
    yes_no = {True: loc._("Yes"), False: loc._("No")}
    facts = [
        (loc._("Client"), p.client_name, TEXT),
        (loc._("Workbook"), results.inputs.source_name, TEXT),
        (loc._("Currency"), results.currency, TEXT),
        (loc._("Horizon (months)"), results.horizon_months, INT),
        (loc._("Discount rate"), p.discount_rate, PCT),
        (loc._("Baseline"), results.baseline, TEXT),
        (loc._("Recommendation"), text.candidate_label(loc, results, rec.option), TEXT),
        (loc._("Robust"), yes_no[bool(rec.robust)], TEXT),
        (loc._("Report date"), p.report_date, DATE),
        (loc._("Written by"), f"cs-sourcing {__version__}", TEXT),
    ]
    key_figures = s.table(
        "tbl_key_figures",
        [Col("item", loc._("Item")), Col("value", loc._("Value"))],
        [[k, v] for k, v, _ in facts],
        title=loc._("Key figures"),
        formats=[[None, f] for _, _, f in facts],
    )
    # The Monthly sheet's discount factors refer to this cell before it is written.
    assert key_figures.first + _FACT_RATE == _summary_facts_row(results)
    assert facts[_FACT_RATE][2] == PCT
    return ref


def _by_year(s: SheetWriter, results: Results, loc: Locale, cash: TableRef) -> None:
    years = range(1, results.horizon_months // 12 + 1)
    cols = [Col("option", loc._("Option")), Col("category", loc._("Category"))]
    cols += [Col(f"y{y}", loc._("Year {n}", n=y), MONEY, total=True) for y in years]
    cols.append(Col("total", loc._("Total"), MONEY, total=True))
    first, last = f"y{years[0]}", f"y{years[-1]}"
    rows = [
        [o.name, _category(loc, cat)]
        + [
            f"=SUMIFS({cash.column('amount')},{cash.column('option')},{{option}}{{r}},"
            f"{cash.column('category')},{{category}}{{r}},{cash.column('year')},{y})"
            for y in years
        ]
        + [f"=SUM({{{first}}}{{r}}:{{{last}}}{{r}})"]
        for o in results.options
        for cat in o.annual_by_category
    ]
    s.table("tbl_cash_flows_by_year", cols, rows)


def _comparisons(s: SheetWriter, results: Results, loc: Locale, summary: TableRef) -> None:
    index = {o.name: i for i, o in enumerate(results.options)}
    base = index[results.baseline]
    kinds = {"option": loc._("Option"), "hybrid": loc._("Hybrid")}
    cols = [
        Col("alternative", loc._("Alternative")),
        Col("kind", loc._("Type")),
        Col("pv", loc._("PV cost"), MONEY),
        Col("net", loc._("Net savings"), MONEY),
        Col("npv", loc._("NPV"), MONEY),
        Col("investment", loc._("Investment"), MONEY),
        Col("investment_month", loc._("Month of peak exposure"), INT),
        Col("roi", loc._("ROI"), PCT),
        Col("payback", loc._("Payback month"), INT),
        Col("discounted", loc._("Discounted payback month"), INT),
        Col("irr", loc._("IRR"), PCT),
    ]
    rows = []
    for c in results.comparisons:
        if c.kind == "option" and c.option in index:
            i = index[c.option]
            pv = f"={summary.cell('pv', i)}"
            net = f"={summary.cell('total', base)}-{summary.cell('total', i)}"
            npv = f"={summary.cell('pv', base)}-{summary.cell('pv', i)}"
        else:
            pv, net, npv = c.pv_cost, c.net_savings, c.npv
        rows.append(
            [text.candidate_label(loc, results, c.option), kinds.get(c.kind, c.kind), pv, net,
             npv, c.investment, c.investment_month, c.roi, c.payback_month,
             c.discounted_payback_month, c.irr]
        )  # fmt: skip
    s.table("tbl_comparisons", cols, rows)


def _staffing(s: SheetWriter, results: Results, loc: Locale) -> None:
    cols = [
        Col("option", loc._("Option")),
        Col("channel", loc._("Channel")),
        Col("year", loc._("Year"), INT),
        Col("mode", loc._("Mode")),
        Col("month", loc._("Month"), INT),
        Col("contacts_month", loc._("Contacts per month"), COUNT, total=True),
        Col("aht_minutes", loc._("Handling time (min)"), DEC1),
        Col("traffic_erlangs", loc._("Traffic (Erlangs)"), DEC2),
        Col("agents_on_duty", loc._("Agents on duty"), DEC1),
        Col("peak_agents", loc._("Peak agents"), DEC1),
        Col("service_level", loc._("Service level"), PCT),
        Col("worst_hour_service_level", loc._("Worst-hour service level"), PCT),
        Col("occupancy", loc._("Occupancy"), PCT),
        Col("asa_seconds", loc._("Average speed of answer (s)"), COUNT),
        Col("abandonment", loc._("Abandonment"), PCT),
        Col("staffed_hours_month", loc._("Staffed hours per month"), COUNT, total=True),
        Col("fte", loc._("FTE"), DEC1, total=True),
    ]
    df = frames.staffing(results)
    modes = {m.code: m.label(loc.lang) for m in schema.MODES}
    rows = [
        [getattr(r, c.key) if c.key != "mode" else modes.get(r.mode, r.mode) for c in cols]
        for r in df.itertuples(index=False)
    ]
    s.table("tbl_staffing", cols, [[_none(v) for v in row] for row in rows])


def _by_hour(s: SheetWriter, results: Results, loc: Locale) -> None:
    cols = [
        Col("option", loc._("Option")),
        Col("channel", loc._("Channel")),
        Col("year", loc._("Year"), INT),
        Col("month", loc._("Month"), INT),
        Col("hour", loc._("Hour of the week"), INT),
        Col("weekday", loc._("Day")),
        Col("hour_of_day", loc._("Time")),
        Col("contacts", loc._("Contacts"), DEC1, total=True),
        Col("agents", loc._("Agents"), DEC1, total=True),
        Col("service_level", loc._("Service level"), PCT),
        Col("occupancy", loc._("Occupancy"), PCT),
        Col("abandonment", loc._("Abandonment"), PCT),
    ]
    days = [loc._(d) for d in WEEKDAYS]
    df = frames.staffing_by_hour(results)
    rows = [
        [r.option, r.channel, r.year, r.month, r.hour, days[r.weekday],
         f"{r.hour_of_day:02d}:00", r.contacts, r.agents, _none(r.service_level),
         _none(r.occupancy), _none(r.abandonment)]
        for r in df.itertuples(index=False)
    ]  # fmt: skip
    s.table("tbl_staffing_by_hour", cols, rows)


def _hybrids(s: SheetWriter, results: Results, loc: Locale) -> None:
    names = [c.name for c in results.inputs.channels]
    cols = [
        Col("hybrid", loc._("Hybrid")),
        Col("family", loc._("Family")),
        Col("vendor", loc._("Vendor")),
        Col("what", loc._("What goes where")),
        Col("pv", loc._("PV cost"), MONEY),
        Col("total", loc._("Total cost"), MONEY),
        Col("npv", loc._("NPV"), MONEY),
        Col("kept", loc._("Agents kept"), DEC1),
        Col("vendor_agents", loc._("Vendor agents"), DEC1),
    ]
    rows = [
        [text.candidate_label(loc, results, h.id), text.family_label(loc, h.family), h.vendor,
         text.describe_routing(loc, h.routing, results.baseline, names), h.pv_cost,
         h.total_cost, h.npv, h.agents_kept, h.agents_vendor]
        for h in results.hybrids
    ]  # fmt: skip
    s.table("tbl_hybrids", cols, rows)
    curve = frames.hybrid_curves(results)
    yes_no = {True: loc._("Yes"), False: loc._("No")}
    s.table(
        "tbl_hybrid_curve",
        [
            Col("vendor", loc._("Vendor")),
            Col("share", loc._("Share to the vendor"), PCT),
            Col("pv", loc._("PV cost"), MONEY),
            Col("total", loc._("Total cost"), MONEY),
            Col("best", loc._("Best share")),
        ],
        [
            [r.vendor, r.share, r.pv_cost, r.total_cost, yes_no[bool(r.best)]]
            for r in curve.itertuples(index=False)
        ],  # fmt: skip
        title=loc._("The same share of every channel to one vendor"),
    )


def _sensitivity(s: SheetWriter, results: Results, loc: Locale) -> None:
    sens = results.sensitivity
    yes_no = {True: loc._("Yes"), False: loc._("No")}
    cols = [
        Col("driver", loc._("Driver")),
        Col("low", loc._("Low"), MULT),
        Col("high", loc._("High"), MULT),
        Col("npv_low", loc._("NPV at low"), MONEY),
        Col("npv_high", loc._("NPV at high"), MONEY),
        Col("swing", loc._("Swing"), MONEY),
        Col("flips", loc._("Changes the recommendation")),
    ]
    rows, fmts = [], []
    for r in sens.rows if sens is not None else ():
        rows.append(
            [text.driver_name(loc, r.driver), r.low, r.high, r.npv_low, r.npv_high,
             "=ABS({npv_high}{r}-{npv_low}{r})", yes_no[bool(r.flips)]]
        )  # fmt: skip
        scale = PCT if r.driver in text.PERCENT_DRIVERS | text.POINT_DRIVERS else MULT
        fmts.append([None, scale, scale, None, None, None, None])
    s.table("tbl_sensitivity", cols, rows, formats=fmts)
    if sens is None:
        return
    facts = [
        (loc._("Alternative analysed"), text.candidate_label(loc, results, sens.option), TEXT),
        (loc._("NPV"), sens.base_npv, MONEY),
        (loc._("Break-even vendor price"), sens.breakeven_price, MULT),
        (loc._("Break-even volume"), sens.breakeven_volume, MULT),
    ]
    s.table(
        "tbl_sensitivity_summary",
        [Col("item", loc._("Item")), Col("value", loc._("Value"))],
        [[k, v] for k, v, _ in facts],
        title=loc._("Break-even"),
        formats=[[None, f] for _, _, f in facts],
    )


def _kind_format(kind: str) -> str:
    return {"percent": PCT, "int": INT, "number": DEC2, "date": DATE, "month": DATE}.get(kind, TEXT)


def _value(loc: Locale, col, value):
    if isinstance(value, bool):
        return loc._("Yes") if value else loc._("No")
    if col is not None and getattr(col, "choices", ()) and isinstance(value, str):
        return schema.choice_label(col.choices, value, loc.lang)
    if value is None or isinstance(value, int | float | str | date):
        return value
    return getattr(value, "name", str(value))  # a profile or a seasonality pattern


def _assumptions(s: SheetWriter, results: Results, loc: Locale) -> None:
    p = results.inputs.project
    version = results.inputs.template_version
    rows, fmts = [], []
    for f in schema.FIELDS:
        if f.since > version:
            continue
        value = getattr(p, f.key, None)
        if f.key == "language":
            value = loc._("English") if p.language == "en" else loc._("Indonesian")
        rows.append([loc.label(f.label), _value(loc, f, value)])
        fmts.append([None, _kind_format(f.kind)])
    s.table(
        "tbl_project",
        [Col("item", loc._("Item")), Col("value", loc._("Value"))],
        rows,
        formats=fmts,
    )
    _input_table(s, "tbl_channels", schema.CHANNELS, results.inputs.channels, loc,
                 title=loc._("Channels"), attr={"channel": "name"})  # fmt: skip
    _input_table(s, "tbl_options", schema.OPTIONS, results.inputs.options, loc,
                 title=loc._("Options"), attr={"option": "name"})  # fmt: skip


def _input_table(s, name, table, records, loc, *, title, attr) -> None:
    keys = [c.key for c in table.columns if hasattr(records[0], attr.get(c.key, c.key))]
    cols = [
        Col(k, loc.label(table.column(k).header),
            MONEY if k == "minimum_monthly_fee" else _kind_format(table.column(k).kind))
        for k in keys
    ]  # fmt: skip
    rows = [
        [_value(loc, table.column(k), getattr(r, attr.get(k, k))) for k in keys] for r in records
    ]
    s.table(name, cols, rows, title=title)


def _cost_lines(s: SheetWriter, results: Results, loc: Locale) -> None:
    table = schema.COSTS
    keys = [c.key for c in table.columns if c.key != "notes"]
    keys = [k for k in keys if results.inputs.costs and hasattr(results.inputs.costs[0], k)]
    header: Callable[[str], str] = lambda k: loc.label(table.column(k).header)  # noqa: E731
    cols = [Col(k, header(k), _kind_format(table.column(k).kind)) for k in keys]
    cols.append(Col("row", loc._("Row"), INT))
    rows, fmts = [], []
    for ln in results.inputs.costs:
        rows.append([_value(loc, table.column(k), getattr(ln, k)) for k in keys] + [ln.row])
        pct = ln.basis in schema.PERCENT_BASES
        fmts.append([(PCT if pct else MONEY) if k == "amount" else None for k in keys] + [None])
    s.table("tbl_cost_lines", cols, rows, formats=fmts)


def _none(value):
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if pd.isna(value):
        return None
    return value


__all__ = ["results_workbook", "write_results_workbook"]
