"""read_workbook: single values by defined name, tables by name, columns by header (EN or ID)."""

from __future__ import annotations

import logging
import os
import re

from .. import schema
from ..issues import ERROR, WARNING, Issue
from ..raw import RawBook, RawCell, RawRow, RawTable
from ..schema import T
from ..values import fold_name
from .cells import Book, letters
from .labels import find_by_label
from .messages import make_issue
from .package import Package, Source
from .parts import NameDef, Structure, TableDef, parse_cell, read_structure
from .recover import find_range, header_value, is_blank
from .rows import RowCells, TableColumns
from .sheet import Cell, SheetData, StoredRow

log = logging.getLogger("pipeline")

AND = T("and", "dan")
_NAME_TARGET = re.compile(
    r"^=?(?:'(?P<q>(?:[^']|'')+)'|(?P<s>[^'!]+))!(?P<c>\$?[A-Za-z]{1,3}\$?\d{1,7})"
    r"(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$"
)


def read_workbook(source: Source, *, name: str | None = None) -> RawBook:
    """Read the workbook (a path, its bytes or a binary file) into raw cells; WorkbookError when
    the file is unusable. `name` is the file name messages use."""
    with Package(source, name=name) as pkg:
        structure = read_structure(pkg)
        book = Book(pkg, structure)
        return _Reader(pkg, structure, book).read()


class _Reader:
    def __init__(self, pkg: Package, st: Structure, book: Book) -> None:
        self.pkg, self.st, self.book = pkg, st, book
        self.issues: list[Issue] = []

    @property
    def lang(self) -> str:
        return self.book.lang

    def read(self) -> RawBook:
        version_cell = self._name_cell(schema.META_VERSION_NAME)
        lang_cell = self._name_cell(schema.META_LANGUAGE_NAME)
        declared = lang_cell.value if isinstance(lang_cell, RawCell) else None
        declared = str(declared).strip().lower() if declared is not None else None
        language = declared if declared in schema.LANGUAGES else None
        self.book.lang = language or self._guess_language()
        version = self._check_version(version_cell)
        if self.pkg.has_macros:
            self.issues.append(make_issue("macros-ignored", WARNING, self.lang))
        # A workbook of an unknown version was reported; read it as the current one.
        layout = version if version in schema.READABLE_VERSIONS else schema.TEMPLATE_VERSION
        values = self._values(layout)
        tables = {}
        for table in schema.tables_in_version(layout):
            raw = self._table(table)
            if raw is not None:
                tables[table.name] = raw
        return RawBook(
            path=os.fspath(self.pkg.path),
            template_version=version,
            template_language=language or self.book.lang,
            values=values,
            tables=tables,
            sheets=tuple(s.name for s in self.st.sheets),
            issues=tuple(self.issues + self.book.issues),
        )

    # ------------------------------------------------------------------------------ names
    def _find_name(self, key: str) -> NameDef | None:
        folded = key.lower()
        found = [n for n in self.st.names if n.name.lower() == folded]
        # Workbook scope first; a sheet-scoped copy (some tools write those) is accepted too.
        found.sort(key=lambda n: n.sheet_scope is not None)
        return found[0] if found else None

    def _name_cell(self, key: str) -> RawCell | NameDef | None:
        """The RawCell a name points to; the NameDef itself when it points nowhere usable."""
        name = self._find_name(key)
        if name is None:
            return find_by_label(self.book, key)  # all names lost (pandas): found by labels
        text = name.text.split(",")[0].strip()
        m = _NAME_TARGET.match(text)
        if not m:
            return name
        sheet_name = (m.group("q") or "").replace("''", "'") or m.group("s")
        sheet = self.book.sheet(sheet_name)
        if sheet is None:
            return name
        row, col = parse_cell(m.group("c"))
        return self._cell(sheet, row, col)

    def _cell(self, sheet: SheetData, row: int, col: int) -> RawCell:
        cell = sheet.get(row, col)
        if cell is None:
            for c1, r1, c2, r2 in sheet.merges:
                if c1 <= col <= c2 and r1 <= row <= r2:
                    cell = sheet.get(r1, c1)
                    break
        return self.book.raw_cell(sheet, row, col, cell)

    def _guess_language(self) -> str:
        """Without _meta: the language whose sheet names the workbook uses most."""
        names = {s.name.lower() for s in self.st.sheets}
        score = {
            lang: sum(t(lang).lower() in names for t in schema.SHEETS.values())
            for lang in ("en", "id")
        }
        return "id" if score["id"] > score["en"] else "en"

    def _check_version(self, cell: RawCell | NameDef | None) -> object:
        """The template version as an int when readable (1 or 2); else the value found."""
        expected = schema.TEMPLATE_VERSION
        if not isinstance(cell, RawCell):
            self.issues.append(make_issue("missing-meta", ERROR, self.lang, expected=expected))
            return None
        value = cell.value
        try:
            number = float(str(value).strip())
        except ValueError:
            number = None
        if number is not None and number in schema.READABLE_VERSIONS:
            return int(number)
        readable = [str(v) for v in schema.READABLE_VERSIONS]
        expected = f"{', '.join(readable[:-1])} {AND(self.lang)} {readable[-1]}"
        self.issues.append(
            make_issue(
                "wrong-template-version",
                ERROR,
                self.lang,
                sheet=cell.sheet,
                cell=cell.ref,
                field=schema.META_VERSION_NAME,
                value=value,
                found=value,
                expected=expected,
            )
        )
        return value

    def _values(self, version: int) -> dict[str, RawCell]:
        values: dict[str, RawCell] = {}
        project = schema.SHEETS["project"](self.lang)
        for field in schema.fields_in_version(version):
            found = self._name_cell(field.key)
            if isinstance(found, RawCell):
                values[field.key] = found
                continue
            severity = ERROR if field.required else WARNING
            common = dict(name=field.key, label=field.label(self.lang), expected_sheet=project)
            sheet = project if self.st.sheet(project) else None
            if found is None:
                key = "missing-name" if field.required else "missing-name-optional"
                self.issues.append(
                    make_issue(
                        "missing-name",
                        severity,
                        self.lang,
                        sheet=sheet,
                        field=field.key,
                        message_key=key,
                        **common,
                    )
                )
            else:
                self.issues.append(
                    make_issue(
                        "broken-name",
                        severity,
                        self.lang,
                        sheet=sheet,
                        field=field.key,
                        value=found.text,
                        **common,
                    )
                )
        return values

    # ----------------------------------------------------------------------------- tables
    def _find_table(self, name: str) -> TableDef | None:
        for sheet in self.st.sheets:
            for t in sheet.tables:
                if t.name.lower() == name.lower():
                    return t
        return None

    def _table(self, spec: schema.Table) -> RawTable | None:
        tdef = self._find_table(spec.name)
        stop = None
        if tdef is None:
            tdef = find_range(self.book, self.st, spec)
            if tdef is None:
                if not spec.optional:
                    self._missing_table(spec)
                return None
            stop = tdef.max_row + 1
            self._converted(spec, tdef)
        sheet = self.book.sheet(tdef.sheet)
        assert sheet is not None  # tables come from the sheets' own relationships
        has_header = tdef.header_rows > 0
        header_row = tdef.min_row if has_header else tdef.min_row - 1
        first = tdef.min_row + (1 if has_header else 0)
        columns, extra, headers = self._headers(spec, tdef, sheet, header_row, has_header)
        self._missing_columns(spec, tdef, sheet, columns, headers, header_row)
        rows = self._rows(tdef, sheet, first, columns, extra, stop)
        return RawTable(
            name=spec.name,
            sheet=sheet.name,
            header_row=header_row,
            columns={k: letters(c) for k, c in columns.items()},
            extra_columns={h: letters(c) for h, c in extra.items()},
            rows=rows,
        )

    def _missing_table(self, spec: schema.Table) -> None:
        # Same code either way; the message says whether the whole sheet is gone.
        gone = all(self.st.sheet(spec.sheet(lang)) is None for lang in ("en", "id"))
        self.issues.append(
            make_issue(
                "missing-table",
                ERROR,
                self.lang,
                message_key="missing-table-sheet" if gone else None,
                field=spec.name,
                table=spec.name,
                expected_sheet=spec.sheet(self.lang),
            )
        )

    def _converted(self, spec: schema.Table, tdef: TableDef) -> None:
        first = f"{letters(tdef.min_col)}{tdef.min_row}"
        rows = f"{tdef.min_row + 1}–{tdef.max_row}" if tdef.max_row > tdef.min_row else None
        self.issues.append(
            make_issue(
                "table-converted-to-range",
                WARNING,
                self.lang,
                sheet=tdef.sheet,
                cell=first,
                field=spec.name,
                message_key=None if rows else "table-converted-to-range-empty",
                table=spec.name,
                headers=f"{first}:{letters(tdef.max_col)}{tdef.min_row}",
                rows=rows,
            )
        )

    def _headers(self, spec, tdef: TableDef, sheet: SheetData, header_row: int, has_header: bool):
        columns: dict[str, int] = {}
        extra: dict[str, int] = {}
        headers: list[str] = []
        expected = ", ".join(c.header(self.lang) for c in spec.columns)
        # Only the header cells stored and the names the table part lists: a reference as wide
        # as the sheet does not mean 16,384 columns to look at.
        lo, hi = tdef.min_col, tdef.max_col
        stored = sheet.rows.get(header_row, {}) if has_header else {}
        named = range(lo, min(hi, lo + len(tdef.column_names) - 1) + 1)
        for col in sorted({c for c in stored if lo <= c <= hi}.union(named)):
            i = col - lo
            text = None
            if has_header:
                value = header_value(self.book, sheet, header_row, col)
                text = str(value).strip() if value is not None else None
            if not text and i < len(tdef.column_names):
                text = tdef.column_names[i].strip()
            if not text:
                continue
            headers.append(text)
            key = schema.match_header(spec, text)
            ref = f"{letters(col)}{header_row}"
            folded = fold_name(text)
            if key is not None and key not in columns:
                columns[key] = col
            elif key is not None or folded in {fold_name(h) for h in extra}:
                self.issues.append(
                    make_issue(
                        "duplicate-column",
                        WARNING,
                        self.lang,
                        sheet=sheet.name,
                        cell=ref,
                        value=text,
                        table=spec.name,
                    )
                )
            else:
                extra[text] = col
                if not spec.extra_columns_allowed:
                    self.issues.append(
                        make_issue(
                            "extra-column",
                            WARNING,
                            self.lang,
                            sheet=sheet.name,
                            cell=ref,
                            value=text,
                            table=spec.name,
                            expected=expected,
                        )
                    )
        return columns, extra, headers

    def _missing_columns(self, spec, tdef, sheet, columns, headers, header_row) -> None:
        ref = f"{letters(tdef.min_col)}{header_row}"
        for col in spec.columns:
            if col.key in columns or col.key == "notes":
                continue
            self.issues.append(
                make_issue(
                    "missing-column",
                    ERROR if col.required else WARNING,
                    self.lang,
                    sheet=sheet.name,
                    cell=ref,
                    field=col.key,
                    message_key=None if col.required else "missing-column-optional",
                    table=spec.name,
                    column=col.header(self.lang),
                    found=", ".join(headers) or "-",
                )
            )

    def _rows(self, tdef: TableDef, sheet: SheetData, first: int, columns, extra, stop=None):
        """Non-blank rows of the table and typed just below it (up to `stop`, by default the
        next table below), merged cells filled in.

        Work follows the cells stored, never the table's or a merge's extent: a reference as
        wide as the sheet (A4:XFD1048576) or a merge down to its last row costs nothing more."""
        wanted = sorted(set(columns.values()) | set(extra.values()))
        lo, hi = tdef.min_col, tdef.max_col
        totals = range(tdef.max_row - tdef.totals_rows + 1, tdef.max_row + 1)
        stop = stop or self._next_table_below(tdef)
        fill = _MergeFill(sheet, wanted, first, stop)
        # A row counts when one of its own cells is filled; merged values only fill it in.
        candidates = sorted(r for r in sheet.rows if first <= r < stop and r not in totals)
        rows: list[RawRow] = []
        refs = {c: letters(c) for c in wanted}
        known_cols = TableColumns(self.book, sheet, dict(columns), refs)
        extra_cols = TableColumns(self.book, sheet, dict(extra), refs)
        key_of = {c: k for k, c in columns.items()}
        head_of = {c: h for h, c in extra.items()}
        raw_cell = self.book.raw_cell
        for r in candidates:
            stored = sheet.rows[r]
            if self._blank_row(stored, lo, hi):
                continue
            fill.advance(r)
            # Made now: formulas and errors (their issues in sheet order) and merged fills.
            made: dict[str, RawCell] = {}
            more: dict[str, RawCell] = {}
            for c in () if stored.plain and not fill.active else wanted:
                i = stored.index(c)
                if i >= 0:
                    if stored.is_plain(i):
                        continue
                    cell = stored.cell_at(i)
                else:
                    cell = fill.value(c)
                    if cell is None:
                        continue
                raw = raw_cell(sheet, r, c, cell, refs[c] + str(r))
                if c in key_of:
                    made[key_of[c]] = raw
                if c in head_of:
                    more[head_of[c]] = raw
            rows.append(
                RawRow(
                    number=r,
                    cells=RowCells(known_cols, r, stored, made or None),
                    extra=RowCells(extra_cols, r, stored, more or None),
                )
            )
        return tuple(rows)

    def _blank_row(self, stored: StoredRow, lo: int, hi: int) -> bool:
        """No stored cell of the row within the table's columns holds a value or a formula."""
        formulas = stored.formulas
        for i, c in enumerate(stored.cols):
            if lo <= c <= hi:
                if formulas and c in formulas:
                    return False
                text = stored.texts[i]
                if text is None:
                    continue
                if stored.codes[i] & 7 == 1:  # a shared string: its text is elsewhere
                    if not is_blank(self.book, stored.cell_at(i)):
                        return False
                elif text[:1].isalnum() or text.strip():
                    return False
        return True

    def _next_table_below(self, tdef: TableDef) -> int:
        """Rows typed below a table are read up to the next table sharing its columns."""
        stop = 1 << 21
        for sheet in self.st.sheets:
            if sheet.name != tdef.sheet:
                continue
            for t in sheet.tables:
                if (
                    t is not tdef
                    and t.min_row > tdef.max_row
                    and t.min_col <= tdef.max_col
                    and t.max_col >= tdef.min_col
                ):
                    stop = min(stop, t.min_row)
        return stop


class _MergeFill:
    """The merged cell covering (row, col) in the table's data area, found by a sweep down the
    rows that exist: each merge is looked at once per wanted column, never cell by cell."""

    def __init__(self, sheet: SheetData, wanted: list[int], first: int, stop: int) -> None:
        self.sheet = sheet
        self.wanted = wanted
        # Merges starting above the data area (a title over the header) fill nothing in it.
        self.pending = sorted(
            (m for m in sheet.merges if first <= m[1] < stop), key=lambda m: m[1], reverse=True
        )
        self.active: dict[int, list[tuple[int, int, int, int]]] = {}
        self.row = 0

    def advance(self, row: int) -> None:
        """Move down to `row` (rows come in increasing order)."""
        self.row = row
        pending = self.pending
        while pending and pending[-1][1] <= row:
            merge = pending.pop()
            c1, _, c2, _ = merge
            for c in self.wanted:
                if c1 <= c <= c2:
                    self.active.setdefault(c, []).append(merge)

    def value(self, col: int) -> Cell | None:
        found = self.active.get(col)
        if not found:
            return None
        row = self.row
        while found and found[-1][3] < row:
            found.pop()  # the latest merge has ended; an earlier one may still cover the row
        for c1, r1, _, r2 in reversed(found):
            if r1 <= row <= r2 and (row, col) != (r1, c1):
                return self.sheet.get(r1, c1)
        return None
