"""Tables whose Excel table object is gone ("Convert to Range", or the sheet pasted into a new
workbook) are found again by their header row: EN or ID headers, every required column present."""

from __future__ import annotations

from collections.abc import Iterator

from .. import schema
from ..formula import FormulaError
from .cells import Book, letters
from .parts import Structure, TableDef
from .sheet import Cell, SheetData

BLANK_RUN = 10
"""Fully blank rows that end a recovered table. Without the table object nothing marks its end;
a few cleared lines inside it must not cut it short, a gap this long is no longer one table."""

_TEXT_TYPES = frozenset({"s", "str", "inlineStr"})
_LONGEST_HEADER = 60  # longer texts (intro paragraphs, notes) are never headers: skip the fold


def _compact(text: str) -> str:
    # The same folding as schema.match_header, which confirms every column found here.
    return schema.fold(text).replace(" ", "")


# folded header -> [(table name, column key)], every table, both languages and the keys
_HEADERS: dict[str, list[tuple[str, str]]] = {}
for _table in schema.TABLES:
    for _col in _table.columns:
        for _form in {_compact(_col.header.en), _compact(_col.header.id), _compact(_col.key)}:
            _HEADERS.setdefault(_form, []).append((_table.name, _col.key))
_REQUIRED = {t.name: {c.key for c in t.columns if c.required} for t in schema.TABLES}


def is_blank(book: Book, cell: Cell | None) -> bool:
    """No value and no formula (a cell holding only spaces is blank too)."""
    if cell is None:
        return True
    if cell.formula is not None:
        return False
    if cell.value is None:
        return True
    if cell.type == "s":
        value = book.convert(cell)
        return not (isinstance(value, str) and value.strip())
    return not cell.value.strip()


def header_value(book: Book, sheet: SheetData, row: int, col: int) -> object:
    """A header cell's value; a header linked by formula (`=Options!A5`) without a cached value
    is resolved when simple, else None; a whole number as its text (see `_hour_text`)."""
    cell = sheet.get(row, col)
    if cell is None:
        return None
    if not book.lacks_value(cell):
        return _hour_text(book.convert(cell))
    try:
        return _hour_text(book.resolve(sheet.name, row, col))
    except FormulaError:
        return None


def _hour_text(value: object) -> object:
    """A whole number as header text, single digits padded as the Profiles hour headers are
    written ("00".."09"): pandas turns the header texts "00".."23" into the numbers 0..23."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if not float(value).is_integer() or abs(value) >= 1e15:
        return value
    return f"{int(value):02d}"


def find_range(book: Book, st: Structure, spec: schema.Table) -> TableDef | None:
    """The header row and data rows of `spec` typed as a plain range, on the sheet of the table's
    EN or ID name first, then on any sheet; None when no row holds all its required headers.

    The result is a TableDef as if the table were still there: min_row is the header row, max_row
    the last data row read (the header row when there is none)."""
    own = [st.sheet(spec.sheet(lang)) for lang in ("en", "id")]
    preferred = [s for s in dict.fromkeys(own) if s is not None]
    for sdef in preferred + [s for s in st.sheets if s not in preferred]:
        sheet = book.sheet(sdef.name)
        if sheet is None:
            continue
        occupied = [(t.min_col, t.min_row, t.max_col, t.max_row) for t in sdef.tables]
        headers = list(_header_rows(book, sheet, occupied))
        for i, (row, found) in enumerate(headers):
            if spec.name not in found:
                continue
            lo, hi = _span(book, sheet, row, found[spec.name].values())
            ends = [r for r, _ in headers[i + 1 :]] + [r for _, r, _, _ in occupied if r > row]
            last = _last_row(book, sheet, row, lo, hi, min(ends, default=1 << 21))
            return TableDef(
                name=spec.name,
                sheet=sheet.name,
                ref=f"{letters(lo)}{row}:{letters(hi)}{last}",
                min_col=lo,
                min_row=row,
                max_col=hi,
                max_row=last,
                header_rows=1,
                totals_rows=0,
                column_names=(),
            )
    return None


def _header_rows(
    book: Book, sheet: SheetData, occupied: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, dict[str, dict[str, int]]]]:
    """(row, {table name: {column key: column}}) for each row outside the sheet's remaining
    tables that holds every required header of at least one table."""
    folded: dict[str, str] = {}
    for r in sorted(sheet.rows):
        matched: dict[str, dict[str, int]] = {}
        for c, cell in sheet.rows[r].items():
            if cell.type not in _TEXT_TYPES or cell.value is None:
                continue
            if any(c1 <= c <= c2 and r1 <= r <= r2 for c1, r1, c2, r2 in occupied):
                continue
            text = book.convert(cell)
            if not isinstance(text, str) or len(text) > _LONGEST_HEADER:
                continue
            key = folded.get(text)
            if key is None:
                key = folded[text] = _compact(text)
            for table, column in _HEADERS.get(key, ()):
                matched.setdefault(table, {}).setdefault(column, c)
        found = {t: cols for t, cols in matched.items() if _REQUIRED[t] <= cols.keys()}
        if found:
            yield r, found


def _span(book: Book, sheet: SheetData, row: int, columns) -> tuple[int, int]:
    """The header cells around the matched ones: unknown headers next to them (tbl_scores' option
    columns, extra columns) belong to the table, up to the first blank header."""
    lo, hi = min(columns), max(columns)
    # Leftwards only text: the numbers pandas writes in an index column (to_excel's default) are
    # no header, and every table of the template starts with a text column.
    while lo > 1 and isinstance(_raw_header(book, sheet, row, lo - 1), str):
        if _blank_header(book, sheet, row, lo - 1):
            break
        lo -= 1
    while not _blank_header(book, sheet, row, hi + 1):
        hi += 1
    return lo, hi


def _raw_header(book: Book, sheet: SheetData, row: int, col: int) -> object:
    cell = sheet.get(row, col)
    return None if cell is None or book.lacks_value(cell) else book.convert(cell)


def _blank_header(book: Book, sheet: SheetData, row: int, col: int) -> bool:
    value = header_value(book, sheet, row, col)
    return value is None or not str(value).strip()


def _last_row(book: Book, sheet: SheetData, header: int, lo: int, hi: int, stop: int) -> int:
    """The last non-blank row below `header` (columns lo..hi) before `stop` or a blank run."""
    last = header
    for r in sorted(k for k in sheet.rows if header < k < stop):
        if r - last > BLANK_RUN:
            break
        stored = sheet.rows[r]
        if any(not is_blank(book, stored.get(c)) for c in range(lo, hi + 1)):
            last = r
    return last
