"""The sheets of the workbook template: layout, styles, addresses, and one writer per sheet kind.

`template.build_workbook` assembles them; tests compute cell addresses with `cell_of`/`field_cell`
instead of hard-coding them. Every visible text comes from `schema` or `example_data`.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.formatting.rule import ColorScaleRule, FormulaRule, Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from . import example_data as content
from . import schema
from . import template_guide as guide_text
from .validate.scores import POSITION_COLUMNS, POSITION_HEADER

# ------------------------------------------------------------------------------------------ layout
TITLE_ROW = 1
INTRO_ROW = 2
HEADER_ROW = 4
"""Header row of every table (and of the Project sheet's list)."""
FIRST_DATA_ROW = HEADER_ROW + 1
TABLE_ROWS = {
    "tbl_channels": 12,
    "tbl_profiles": 70,
    "tbl_seasonality": 12,
    "tbl_options": 10,
    "tbl_costs": 300,
    "tbl_hybrids": 20,
    "tbl_risks": 30,
    "tbl_commentary": len(schema.COMMENTARY_SECTIONS) + 4,
}
"""Pre-sized blank rows: Excel cannot grow a table on a protected sheet. tbl_scores: criteria + 5;
tbl_profiles: ten profiles of seven days (four built-in)."""
PROFILE_DAYS = 7
FROZEN_COLUMNS = {"tbl_profiles": 2}
"""Columns kept in view when scrolling right (Profile and Day beside the 24 hours)."""
TITLE_WIDTH = 100
"""A table's title and intro span at least this many characters of columns (or the table)."""
SCORE_EXTRA_ROWS = 5
FIELD_COLUMN, VALUE_COLUMN, HELP_COLUMN = "A", "B", "C"

# ------------------------------------------------------------------------------------------ styles
NAVY, BLUE, GREY = "1F3864", "1F4E78", "595959"
INPUT_FILL = PatternFill("solid", fgColor="FFF6D5")
LABEL_FILL = PatternFill("solid", fgColor="EDF1F7")
HEADER_FILL = PatternFill("solid", fgColor=BLUE)
TITLE_FONT = Font(name="Calibri", size=16, bold=True, color=NAVY)
INTRO_FONT = Font(name="Calibri", size=10, italic=True, color=GREY)
HEADER_FONT = Font(name="Calibri", size=10, bold=True, color="FFFFFF")
BODY_FONT = Font(name="Calibri", size=10)
_thin = Side(style="thin", color="BFBFBF")
INPUT_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
UNLOCKED = Protection(locked=False)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")


def table_rows(table: schema.Table) -> int:
    if table.name == "tbl_scores":
        return len(schema.DEFAULT_CRITERIA) + SCORE_EXTRA_ROWS
    return TABLE_ROWS[table.name]


def _table(key: str) -> schema.Table:
    name = key if key.startswith("tbl_") else f"tbl_{key}"
    return schema.TABLES_BY_NAME[name]


def column_letter(table_key: str, column: str | int) -> str:
    """Column letter of a schema column key, or of a 0-based column position (tbl_scores options)."""
    table = _table(table_key)
    if isinstance(column, int):
        return get_column_letter(column + 1)
    return get_column_letter([c.key for c in table.columns].index(column) + 1)


def cell_of(table_key: str, column: str | int, row_index: int = 0, lang: str = "en") -> str:
    """`Sheet!A1` of a table cell: `row_index` 0 is the first data row (worksheet row 5).

    `table_key` is `tbl_costs` or `costs`; `column` a schema column key, or for tbl_scores an int
    position (0 Criterion, 1 Weight, 2.. the options in Options order).
    """
    table = _table(table_key)
    return f"{table.sheet(lang)}!{column_letter(table_key, column)}{FIRST_DATA_ROW + row_index}"


def field_cell(key: str, lang: str = "en") -> str:
    """`Sheet!A1` of the Project value cell carrying the defined name `key`."""
    row = FIRST_DATA_ROW + [f.key for f in schema.FIELDS].index(key)
    return f"{schema.SHEETS['project'](lang)}!{VALUE_COLUMN}{row}"


def _abs_range(sheet: str, col: str, first: int, last: int) -> str:
    return f"{quote_sheetname(sheet)}!${col}${first}:${col}${last}"


def _data_range(table: schema.Table, column_key: str, lang: str) -> str:
    first = FIRST_DATA_ROW
    return _abs_range(
        table.sheet(lang),
        column_letter(table.name, column_key),
        first,
        first + table_rows(table) - 1,
    )


# --------------------------------------------------------------------------------------- helpers
def _fit_height(text: str, width: float, line: float = 13.5) -> float:
    """Row height that shows `text` wrapped in a column `width` characters wide."""
    lines = 0
    for para in str(text).split("\n"):
        lines += max(1, -(-len(para) // max(1, int(width * 1.3))))
    return max(15.0, lines * line + 3)


def _title(ws: Worksheet, title: str, intro: str, span: int) -> None:
    ws.cell(TITLE_ROW, 1, title).font = TITLE_FONT
    ws.row_dimensions[TITLE_ROW].height = 24
    cell = ws.cell(INTRO_ROW, 1, intro)
    cell.font = INTRO_FONT
    cell.alignment = Alignment(vertical="top")
    if span > 1:
        ws.merge_cells(start_row=INTRO_ROW, start_column=1, end_row=INTRO_ROW, end_column=span)


def _header(ws: Worksheet, col: int, text: str) -> None:
    cell = ws.cell(HEADER_ROW, col, text)
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN


def _input(cell, number_format: str = "General") -> None:
    cell.fill, cell.border, cell.protection, cell.font = (
        INPUT_FILL,
        INPUT_BORDER,
        UNLOCKED,
        BODY_FONT,
    )
    cell.number_format = number_format
    cell.alignment = Alignment(vertical="top")


def _validation(
    ws: Worksheet,
    sqref: str,
    title: str,
    prompt: str,
    lang: str,
    values: str | None = None,
    *,
    warn: bool = True,
) -> None:
    """Input message on `sqref`; a dropdown when `values` (a list formula) is given, which warns
    about a value not in the list unless `warn` is False (a list of names may be typed)."""
    error = content.NOT_IN_LIST(lang) if values else None
    # Excel cuts a title past 32 characters and a message past 255 (or refuses the file): a
    # text that long needs a real short form (guide_text.SHORT_TITLES), never a cut one.
    for text, limit in ((title, TITLE_LIMIT), (prompt, MESSAGE_LIMIT), (error, MESSAGE_LIMIT)):
        if text and len(text) > limit:
            raise ValueError(f"{len(text)} characters, Excel shows {limit}: {text!r}")
    dv = DataValidation(
        type="list" if values else None,
        formula1=values,
        allow_blank=True,
        showInputMessage=True,
        promptTitle=title,
        prompt=prompt,
        # A warning, not a stop: the reader accepts synonyms and the other language's labels.
        showErrorMessage=bool(values) and warn,
        errorStyle="warning",
        errorTitle=title if values else None,
        error=error,
    )
    dv.add(sqref)
    ws.add_data_validation(dv)


TITLE_LIMIT, MESSAGE_LIMIT = 32, 255
"""Excel's limits on a data validation's title and message."""


def _print_setup(
    ws: Worksheet, last_col: int, last_row: int, *, titles: bool = True, first_title: int = 0
) -> None:
    """Landscape A4, one page wide, the whole table (blank rows too, for printing it to fill in
    by hand) with its header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    if titles:
        ws.print_title_rows = f"{first_title or HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True


def protect(ws: Worksheet) -> None:
    # Without a password: protection guards against slips, not against the user. Sorting and
    # the tables' filter buttons stay usable (False = allowed, in Excel's inverted flags).
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False


# ---------------------------------------------------------------------------------------- sheets
class Lists:
    """Dropdown sources: inline when short, else a column of the hidden `_meta` sheet."""

    def __init__(self, meta: Worksheet, lang: str) -> None:
        self.meta, self.lang, self.next_col = meta, lang, 4
        self.cache: dict[tuple[str, ...], str] = {}

    def formula(self, labels: Sequence[str]) -> str:
        labels = tuple(labels)
        inline = '"' + ",".join(labels) + '"'
        if len(inline) <= 250 and not any("," in x or '"' in x for x in labels):
            return inline
        if labels not in self.cache:
            col = get_column_letter(self.next_col)
            for i, label in enumerate(labels, start=1):
                self.meta[f"{col}{i}"] = label
            self.cache[labels] = _abs_range(self.meta.title, col, 1, len(labels))
            self.next_col += 1
        return self.cache[labels]

    def distinct(self, table: schema.Table, column_key: str, lang: str) -> str:
        """A dropdown of the names in a table column, each once and in order (a profile's name
        is on its seven rows): two helper columns of `_meta` with plain formulas that Excel and
        LibreOffice both compute, and an OFFSET as long as the names found."""
        key = ("distinct", table.name, column_key)
        if key not in self.cache:  # the Project's business hours and the channels share a list
            self._distinct_columns(table, column_key, lang)
        return self.cache[key]

    def nth_name(self, table: schema.Table, column_key: str, lang: str, n: int) -> str:
        """A formula for the `n`-th (1-based) distinct name of a table column, "" when fewer."""
        key = ("nth", table.name, column_key)
        if key not in self.cache:
            self._distinct_columns(table, column_key, lang)
        return f"={quote_sheetname(self.meta.title)}!${self.cache[key]}${n}"

    def _distinct_columns(self, table: schema.Table, column_key: str, lang: str) -> None:
        key = ("distinct", table.name, column_key)
        sheet = quote_sheetname(table.sheet(lang))
        col = column_letter(table.name, column_key)
        first, n = FIRST_DATA_ROW, table_rows(table)
        last = first + n - 1
        seq, names = get_column_letter(self.next_col), get_column_letter(self.next_col + 1)
        self.next_col += 2
        for i in range(1, n + 1):
            r = first + i - 1
            cell = f"{sheet}!${col}{r}"
            before = f"MAX(${seq}$1:${seq}{i - 1})+1" if i > 1 else "1"
            # First occurrence (TRIM, and = is case-insensitive): the next number, else "".
            self.meta[f"{seq}{i}"] = (
                f"=IF(AND(LEN(TRIM({cell}))>0,SUMPRODUCT(--(TRIM({sheet}!${col}${first}:${col}{r})"
                f'=TRIM({cell})))=1),{before},"")'
            )
            self.meta[f"{names}{i}"] = (
                f"=IFERROR(INDEX({sheet}!${col}${first}:${col}${last},"
                f'MATCH({i},${seq}$1:${seq}${n},0)),"")'
            )
        meta = quote_sheetname(self.meta.title)
        self.cache[key] = (
            f"OFFSET({meta}!${names}$1,0,0,MAX(1,COUNT({meta}!${seq}$1:${seq}${n})),1)"
        )
        self.cache[("nth", table.name, column_key)] = names


def _choice_labels(choices: Sequence[schema.Choice], lang: str) -> list[str]:
    return [c.label(lang) for c in choices]


def write_guide(ws: Worksheet, lang: str) -> None:
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 4
    ws.column_dimensions["C"].width = 100
    ws.sheet_view.showGridLines = False
    ws.cell(1, 2, guide_text.GUIDE_TITLE(lang)).font = TITLE_FONT
    ws.row_dimensions[1].height = 26
    row = 3
    for kind, text, extra in guide_text.guide_blocks(lang):
        if kind == "heading":
            row += 1
            ws.cell(row, 2, text).font = Font(name="Calibri", size=12, bold=True, color=NAVY)
            ws.row_dimensions[row].height = 18
        elif kind == "subheading":
            ws.cell(row, 3, text).font = Font(name="Calibri", size=10, bold=True, color=NAVY)
        elif kind == "bullet":
            ws.cell(row, 3, f"\u2022  {text}").font = BODY_FONT
            ws.row_dimensions[row].height = 14
        elif kind == "swatch":
            swatch = ws.cell(row, 2)
            swatch.fill = {"input": INPUT_FILL, "label": LABEL_FILL, "header": HEADER_FILL}[extra]
            swatch.border = INPUT_BORDER
            ws.cell(row, 3, text).font = BODY_FONT
        else:
            if extra:
                ws.cell(row, 2, extra).font = Font(name="Calibri", size=10, bold=True, color=NAVY)
                ws.cell(row, 2).alignment = Alignment(vertical="top", horizontal="right")
            cell = ws.cell(row, 3, text)
            cell.font, cell.alignment = BODY_FONT, WRAP_TOP
            ws.row_dimensions[row].height = _fit_height(text, 100)
        row += 1
    _print_setup(ws, 3, row, titles=False)
    ws.page_setup.orientation = "portrait"
    protect(ws)


def write_project(ws: Worksheet, lang: str, values: dict[str, object], lists: Lists) -> None:
    opts = schema.TABLES_BY_NAME["tbl_options"]
    _title(ws, content.PROJECT_TITLE(lang), content.PROJECT_INTRO(lang), 3)
    for col, text in enumerate(content.PROJECT_HEADERS, start=1):
        _header(ws, col, text(lang))
    ws.row_dimensions[HEADER_ROW].height = 20
    widths = {FIELD_COLUMN: 36, VALUE_COLUMN: 26, HELP_COLUMN: 78}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row, field in enumerate(schema.FIELDS, start=FIRST_DATA_ROW):
        label = ws[f"{FIELD_COLUMN}{row}"]
        label.value = field.label(lang) + (" *" if field.required else "")
        label.font, label.fill, label.alignment = (
            Font(name="Calibri", size=10, bold=True),
            LABEL_FILL,
            WRAP_TOP,
        )
        value = ws[f"{VALUE_COLUMN}{row}"]
        value.value = values.get(field.key)
        fmt = number_format(field, content.FIELD_FORMATS.get(field.kind, "General"))
        _input(value, fmt)
        if content.FIELD_FORMATS.get(field.kind) == schema.MONEY2_FORMAT:
            _cents(ws, f"{VALUE_COLUMN}{row}", lang)
        value.alignment = Alignment(vertical="top", horizontal="left")
        help_cell = ws[f"{HELP_COLUMN}{row}"]
        help_cell.value = field.help(lang)
        help_cell.font, help_cell.alignment = INTRO_FONT, WRAP_TOP
        ws.row_dimensions[row].height = _fit_height(field.help(lang), widths[HELP_COLUMN])
        ref = f"{quote_sheetname(ws.title)}!${VALUE_COLUMN}${row}"
        ws.parent.defined_names[field.key] = DefinedName(field.key, attr_text=ref)
        source = None
        if field.choices:
            source = lists.formula(_choice_labels(field.choices, lang))
        elif field.kind == "option":
            source = _data_range(opts, "option", lang)
        elif field.kind == "profile":
            source = lists.distinct(schema.PROFILES, "profile", lang)
        title = guide_text.SHORT_TITLES.get(field.key, field.label)(lang)
        _validation(ws, f"{VALUE_COLUMN}{row}", title, field.help(lang), lang, source)
    last = FIRST_DATA_ROW + len(schema.FIELDS)
    note = ws.cell(last + 1, 1, content.REQUIRED_NOTE(lang))
    note.font = INTRO_FONT
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    _print_setup(ws, 3, last + 1)
    ws.page_setup.orientation = "portrait"
    protect(ws)


def score_headers(lang: str, example: bool = False) -> list[str]:
    """ "Option 1".."Option 10": the k-th column scores the k-th option of the Options sheet, so a
    new option needs no retyped header (a header may still be an option's name)."""
    return [POSITION_HEADER(lang).format(n=k) for k in range(1, POSITION_COLUMNS + 1)]


NAME_ROW = HEADER_ROW - 1
"""Above the score columns: the name of the option each one scores (a live formula)."""
UNUSED_FILL = PatternFill("solid", fgColor="E7E6E6")
UNUSED_HEADER_FILL = PatternFill("solid", fgColor="A6A6A6")


def _score_names(
    ws: Worksheet, lang: str, lists: Lists, first: int, last: int, last_row: int
) -> None:
    """The name row above the score columns, and the columns without an option greyed."""
    options = schema.TABLES_BY_NAME["tbl_options"]
    label = ws.cell(NAME_ROW, 1, content.SCORE_NAMES_LABEL(lang))
    label.font = Font(name="Calibri", size=10, italic=True, bold=True, color=NAVY)
    label.alignment = Alignment(horizontal="right", vertical="center")
    ws.merge_cells(start_row=NAME_ROW, start_column=1, end_row=NAME_ROW, end_column=first - 1)
    ws.row_dimensions[NAME_ROW].height = 28
    for k, col in enumerate(range(first, last + 1), start=1):
        cell = ws.cell(NAME_ROW, col, lists.nth_name(options, "option", lang, k))
        cell.font = Font(name="Calibri", size=10, bold=True, color=NAVY)
        cell.alignment = HEADER_ALIGN
        cell.fill, cell.border = LABEL_FILL, INPUT_BORDER
    a, b = get_column_letter(first), get_column_letter(last)
    unused = f"LEN(TRIM({a}${NAME_ROW}))=0"
    ws.conditional_formatting.add(
        f"{a}{HEADER_ROW}:{b}{HEADER_ROW}",
        FormulaRule(formula=[unused], fill=UNUSED_HEADER_FILL, stopIfTrue=True),
    )
    ws.conditional_formatting.add(
        f"{a}{NAME_ROW}:{b}{NAME_ROW} {a}{FIRST_DATA_ROW}:{b}{last_row}",
        FormulaRule(formula=[unused], fill=UNUSED_FILL, stopIfTrue=True),
    )


def _content_widths(table: schema.Table, lang: str) -> dict[str, float]:
    """Column widths that fit the schema width, the header's longest word and the example's text.

    Computed from the example in both the template and the example so that both share one layout.
    """
    rows = [] if table.name == "tbl_scores" else content.table_rows(table.name, lang)
    widths = {}
    for col in table.columns:
        longest_word = max(len(w) for w in col.header(lang).split())
        texts = [len(str(r[col.key])) for r in rows if isinstance(r.get(col.key), str)]
        floor = min(col.width, 10)  # narrow columns stay narrow (the 24 hours of a profile)
        # The built-in profiles and patterns describe themselves in Notes, their last column.
        cap = 90 if table.name in content.SHAPE_TABLES and col.key == "notes" else 46
        cap = max(cap, col.width) if col.wrap else cap
        widths[col.key] = min(
            cap, max(col.width, floor, longest_word + 3, max(texts, default=0) + 2)
        )
    return widths


def _title_span(
    cols: Sequence[schema.Column], widths: dict[str, float], ncols: int, intro: str
) -> int:
    """Columns the title and intro are merged over: eight, or more when they are narrow."""
    span, total = 0, 0.0
    wanted = max(TITLE_WIDTH, 0.85 * len(intro))  # the italic intro is narrower than a "0"
    for col in cols:
        if span >= 8 and total >= wanted:
            break
        span, total = span + 1, total + widths[col.key]
    return min(max(span, 8), ncols)


_CURRENCY = next(f for f in schema.FIELDS if f.key == "currency")
MONEY_FORMAT = (
    schema.MONEY_FORMAT if _CURRENCY.default in schema.WHOLE_CURRENCIES else schema.MONEY2_FORMAT
)
"""Amounts in the default currency (IDR: 1,250,000, not 1,250,000.00); a rule shows cents when
the Project's currency has them."""
CENTS = DifferentialStyle(numFmt=NumberFormat(numFmtId=4, formatCode=schema.MONEY2_FORMAT))
PLAIN_FORMATS = {schema.NUMBER_FORMAT: "General"}
"""Hours, minutes, concurrency, quantities, weights: 40 and 37.5, not 40.0 and 37.50."""


def number_format(spec: schema.Column | schema.Field, default: str) -> str:
    """The input format of a column or Project value: money in the default currency's way."""
    if default == schema.MONEY2_FORMAT:
        return MONEY_FORMAT
    return PLAIN_FORMATS.get(default, default)


def _cents(ws: Worksheet, sqref: str, lang: str, basis: str | None = None) -> None:
    """Amounts with cents when the Project's currency has minor units (a live rule: the user
    picks the currency after the template is made); a cost line on a percent basis keeps its %."""
    whole = ",".join(f'TRIM(currency)="{c}"' for c in schema.WHOLE_CURRENCIES)
    condition = f"NOT(OR({whole}))"
    if basis:
        labels = [schema.choice_label(schema.BASES, b, lang) for b in sorted(schema.PERCENT_BASES)]
        condition += "".join(f',{basis}<>"{label}"' for label in labels)
        condition = f"AND({condition})"
    rule = Rule(type="expression", dxf=CENTS, formula=[condition])
    ws.conditional_formatting.add(sqref, rule)


HEAT_LOW, HEAT_HIGH = "FFF6D5", "F4B183"
"""Busy hours and months are shaded from the input colour (quiet) to orange (busiest)."""


def _heat(ws: Worksheet, table: schema.Table, last_row: int) -> None:
    """A colour scale on the weights, per profile (seven rows) or per pattern (one row), so the
    shape of the week or the year shows at a glance, built-ins and the user's own rows alike."""
    if table.name == "tbl_profiles":
        keys, block = schema.HOUR_KEYS, PROFILE_DAYS
    elif table.name == "tbl_seasonality":
        keys, block = schema.MONTH_KEYS, 1
    else:
        return
    first, last = column_letter(table.name, keys[0]), column_letter(table.name, keys[-1])
    for top in range(FIRST_DATA_ROW, last_row + 1, block):
        bottom = min(top + block - 1, last_row)
        rule = ColorScaleRule(
            start_type="min", start_color=HEAT_LOW, end_type="max", end_color=HEAT_HIGH
        )
        ws.conditional_formatting.add(f"{first}{top}:{last}{bottom}", rule)


def write_table(
    ws: Worksheet,
    table: schema.Table,
    lang: str,
    rows: list[dict[str, object]],
    lists: Lists,
    extra_headers: Sequence[str] = (),
) -> None:
    """Title, intro, header row, pre-sized input rows, dropdowns and the Excel table itself."""
    cols = list(table.columns)
    ncols = len(cols) + len(extra_headers)
    nrows = table_rows(table)
    last_row = HEADER_ROW + nrows
    widths = _content_widths(table, lang)
    intro = table.intro(lang)
    span = _title_span(cols, widths, ncols, intro)
    _title(ws, table.title(lang), intro, span)
    ws.row_dimensions[INTRO_ROW].height = 16
    tallest = 1
    for i, col in enumerate(cols, start=1):
        _header(ws, i, col.header(lang))
        width = widths[col.key]
        ws.column_dimensions[get_column_letter(i)].width = width
        tallest = max(tallest, -(-len(col.header(lang)) // int(width - 1)))
    for j, name in enumerate(extra_headers, start=len(cols) + 1):
        _header(ws, j, name)
        # A score column may be headed by an option's name instead (version 1): unlocked.
        ws.cell(HEADER_ROW, j).protection = UNLOCKED
        ws.column_dimensions[get_column_letter(j)].width = 15
    ws.row_dimensions[HEADER_ROW].height = 14 * tallest + 6
    for r in range(FIRST_DATA_ROW, last_row + 1):
        data = rows[r - FIRST_DATA_ROW] if r - FIRST_DATA_ROW < len(rows) else {}
        for i, col in enumerate(cols, start=1):
            cell = ws.cell(r, i, data.get(col.key))
            fmt = data.get(f"{col.key}.format") or number_format(col, col.number_format)
            if table.name == "tbl_scores":
                fmt = "General"  # weights are small whole numbers mostly: 4, not 4.0
            _input(cell, fmt)
            if col.wrap:
                cell.alignment = WRAP_TOP
        wrapped = [
            _fit_height(str(data[c.key]), widths[c.key] * 0.85, line=13)
            for c in cols
            if c.wrap and data.get(c.key)
        ]
        if wrapped:  # long texts shown whole (the Commentary, a risk and its mitigation)
            ws.row_dimensions[r].height = min(300, max(wrapped))
        for j, name in enumerate(extra_headers, start=len(cols) + 1):
            _input(ws.cell(r, j, data.get(name)), schema.INT_FORMAT)
    for i, col in enumerate(cols, start=1):
        letter = get_column_letter(i)
        sqref = f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}"
        if col.number_format == schema.MONEY2_FORMAT:
            basis = None
            if any(c.key == "basis" for c in cols):
                basis = f"${column_letter(table.name, 'basis')}{FIRST_DATA_ROW}"
            _cents(ws, sqref, lang, basis)
        source = None
        if col.choices:
            source = lists.formula(_choice_labels(col.choices, lang))
        elif col.kind == "option":
            source = _data_range(schema.TABLES_BY_NAME["tbl_options"], "option", lang)
        elif col.kind in ("channel", "channels"):
            source = _data_range(schema.TABLES_BY_NAME["tbl_channels"], "channel", lang)
        elif col.kind == "profile":
            source = lists.distinct(schema.PROFILES, "profile", lang)
        elif col.kind == "pattern":
            source = lists.distinct(schema.SEASONALITY, "pattern", lang)
        elif table.name == "tbl_scores" and col.key == "weight":
            source = '"0,1,2,3,4,5"'
        elif table.name == "tbl_risks" and col.key in ("likelihood", "impact"):
            source = '"1,2,3,4,5"'
        # A hybrid's Channels pick one name from the list or type several: no warning then.
        warn = col.kind != "channels"
        title = guide_text.SHORT_TITLES.get(f"{table.name}.{col.key}", col.header)(lang)
        _validation(ws, sqref, title, col.help(lang), lang, source, warn=warn)
    if extra_headers:
        first = get_column_letter(len(cols) + 1)
        sqref = f"{first}{FIRST_DATA_ROW}:{get_column_letter(ncols)}{last_row}"
        _validation(
            ws, sqref, content.SCORE_TITLE(lang), content.SCORE_HELP(lang), lang, '"1,2,3,4,5"'
        )
        _score_names(ws, lang, lists, len(cols) + 1, ncols, last_row)
    ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last_row}"
    xl = XlTable(displayName=table.name, ref=ref)
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(xl)
    frozen = FROZEN_COLUMNS.get(table.name, 1 if ncols > 8 else 0)
    ws.freeze_panes = f"{get_column_letter(frozen + 1)}{FIRST_DATA_ROW}"
    _heat(ws, table, last_row)
    _print_setup(ws, ncols, last_row, first_title=NAME_ROW if extra_headers else 0)
    protect(ws)
