"""annotate_workbook: a copy of the user's workbook with each problem cell filled and commented,
plus an Issues sheet linking to the cells. The source file is only ever read."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterable
from copy import copy

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import CellCoordinatesException
from openpyxl.worksheet.hyperlink import Hyperlink

from ..files import atomic_path, refuse_overwrite
from ..issues import ERROR, Issue
from ..schema import T
from .cells import letters
from .package import Package, Source
from .parts import parse_range, read_structure
from .unusable import unusable

log = logging.getLogger("pipeline")

RED = PatternFill(fill_type="solid", start_color="FFF4B6B6", end_color="FFF4B6B6")
AMBER = PatternFill(fill_type="solid", start_color="FFFFD98C", end_color="FFFFD98C")
SHEET_NAME = T("Issues", "Masalah")
HEADERS = (
    T("Severity", "Tingkat"),
    T("Code", "Kode"),
    T("Sheet", "Lembar"),
    T("Cell", "Sel"),
    T("Message", "Pesan"),
)
FORMER_ID_HEADERS = ["Tingkat", "Kode", "Sheet", "Sel", "Pesan"]
"""The Indonesian header row of copies annotated before "Sheet" became "Lembar"."""
SEVERITY = {"error": T("error", "galat"), "warning": T("warning", "peringatan")}
NONE_FOUND = T("No problems found.", "Tidak ada masalah.")
AUTHOR = "cs-sourcing"
MARKS_SHEET = "_cs_marks"
_MARK_COLOURS = {RED.fgColor.rgb.upper(), AMBER.fgColor.rgb.upper()}
MAX_ANNOTATED_CELLS = 1_500_000
"""Stored cells beyond which no annotated copy is made (100,000 cost lines are 1.3 million)."""
MAX_MERGED_CELLS = 200_000
"""openpyxl makes one object per merged cell when it loads a workbook (a merge down to row
1,048,576 is 12 million of them, minutes and gigabytes): beyond this, no annotated copy."""


def annotate_workbook(
    src: str | os.PathLike,
    issues: Iterable[Issue],
    out: str | os.PathLike,
    *,
    lang: str = "en",
    max_cells: int | None = None,
) -> None:
    """Write `out`: `src` with problem cells filled (red error, amber warning) and commented, and
    an Issues sheet (ID: Masalah). Written atomically; refuses to write over `src`."""
    refuse_overwrite(out, [src])
    wb = _annotated(src, list(issues), lang, None, max_cells)
    with atomic_path(out) as tmp:
        wb.save(tmp)
    log.debug("annotated copy written: %s", out)


def annotated_bytes(
    src: Source,
    issues: Iterable[Issue],
    *,
    lang: str = "en",
    name: str | None = None,
    max_cells: int | None = None,
) -> bytes:
    """The annotated copy of `src` (a path, bytes or a binary file) as .xlsx bytes."""
    wb = _annotated(src, list(issues), lang, name, max_cells)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _annotated(
    src: Source, issues: list[Issue], lang: str, name: str | None, max_cells: int | None
):
    if isinstance(src, (bytes, bytearray, memoryview)):
        src = io.BytesIO(bytes(src))
    with Package(src, name=name) as pkg:
        # The same container checks as the reader, before openpyxl sees the file.
        _refuse_too_big(pkg, MAX_ANNOTATED_CELLS if max_cells is None else max_cells)
    if not isinstance(src, (str, os.PathLike)):
        src.seek(0)
    try:
        # keep_vba=False: the copy is a plain .xlsx; macros are never carried or run.
        wb = load_workbook(
            os.fspath(src) if isinstance(src, (str, os.PathLike)) else src,
            keep_vba=False,
            keep_links=False,
        )
    except Exception as exc:  # openpyxl raises many kinds on files Excel itself opens
        raise unusable(pkg.path, "annotate-failed", "annotate-load-failed", detail=exc) from exc
    # An annotated copy fixed and checked again: its earlier marks and Issues sheet go first.
    _clear_earlier(wb)
    sheets = {ws.title.lower(): ws for ws in wb.worksheets}
    by_cell: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        if issue.sheet and issue.cell and issue.sheet.lower() in sheets:
            by_cell.setdefault((issue.sheet.lower(), issue.cell.upper()), []).append(issue)
    marks = _Marks(wb)
    for (sheet, ref), found in by_cell.items():
        _mark(sheets[sheet], ref, found, lang, marks)
    _issues_sheet(wb, issues, sheets, lang)
    return wb


class _Marks:
    """A very hidden sheet remembering what each marked cell looked like before (its fill, kept
    as the fill of a cell here, and its own comment), so that the next check of this copy puts
    every cell back before marking it again."""

    def __init__(self, wb) -> None:
        self.wb, self.ws = wb, None

    def remember(self, cell) -> None:
        if self.ws is None:
            self.ws = self.wb.create_sheet(MARKS_SHEET)
            self.ws.sheet_state = "veryHidden"
            self.ws.append(["sheet", "cell", "fill", "comment", "author"])
        own = cell.comment if cell.comment is not None and cell.comment.author != AUTHOR else None
        self.ws.append(
            [
                cell.parent.title,
                cell.coordinate,
                None,
                own.text if own else None,
                own.author if own else None,
            ]
        )
        self.ws.cell(self.ws.max_row, 3).fill = copy(cell.fill)


def _ours(fill) -> bool:
    rgb = getattr(fill.fgColor, "rgb", None)
    return fill.fill_type == "solid" and isinstance(rgb, str) and rgb.upper() in _MARK_COLOURS


def _clear_earlier(wb) -> None:
    """Undo the marks of an earlier check: fills put back (unless the user recoloured the cell),
    our comments removed (the user's own restored), the Issues sheet and the memory removed."""
    listings = [ws for ws in wb.worksheets if _is_issues_sheet(ws)]
    if MARKS_SHEET in wb.sheetnames:
        memory = wb[MARKS_SHEET]
        for row in memory.iter_rows(min_row=2):
            cell = _cell_at(wb, row[0].value, row[1].value)
            if cell is None:
                continue
            if _ours(cell.fill):
                cell.fill = copy(row[2].fill)
            if cell.comment is not None and cell.comment.author == AUTHOR:
                text, author = row[3].value, row[4].value
                cell.comment = Comment(str(text), str(author or "")) if text else None
        wb.remove(memory)
    elif listings:
        # A copy annotated before marks were remembered: comments go, the user's part kept;
        # the fills cannot be told from the user's own and stay.
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.comment is not None and cell.comment.author == AUTHOR:
                        text = cell.comment.text
                        own = text.split("\n---\n", 1)[0] if "\n---\n" in text else None
                        cell.comment = Comment(own, "") if own else None
    for ws in listings:
        wb.remove(ws)


def _cell_at(wb, sheet: object, ref: object):
    if not isinstance(sheet, str) or not isinstance(ref, str) or sheet not in wb.sheetnames:
        return None
    try:
        cell = wb[sheet][ref]
    except (CellCoordinatesException, ValueError, IndexError, AttributeError):
        return None
    return None if isinstance(cell, tuple) else cell


def _is_issues_sheet(ws) -> bool:
    """An Issues sheet this tool wrote (either language, numbered or not): its header row."""
    first = [ws.cell(1, c).value for c in range(1, len(HEADERS) + 1)]
    known = [[h(lang) for h in HEADERS] for lang in ("en", "id")] + [FORMER_ID_HEADERS]
    return first in known and any(
        ws.title == name(lang) or ws.title.startswith(f"{name(lang)} (")
        for lang in ("en", "id")
        for name in (SHEET_NAME,)
    )


def _refuse_too_big(pkg: Package, max_cells: int) -> None:
    """WorkbookError when the sheets' merged ranges cover more than MAX_MERGED_CELLS cells, or
    the sheets store more than `max_cells` cells: openpyxl keeps ~450 bytes per cell and needs a
    minute per million, and a small upload can hold millions (an extra sheet the reader ignores).
    Streamed, only <c> and <mergeCell> looked at."""
    stored = 0
    for sheet in read_structure(pkg).sheets:
        merged = 0

        def start(tag: str, attrs: dict, sheet: str = sheet.name) -> None:
            nonlocal merged, stored
            if tag.endswith("|c") or tag == "c":
                stored += 1
                if stored > max_cells:
                    raise pkg.fail(
                        "annotate-failed", "annotate-too-many-cells", cells=stored, max=max_cells
                    )
            elif tag.endswith("|mergeCell") or tag == "mergeCell":
                try:
                    c1, r1, c2, r2 = parse_range(attrs.get("ref", ""))
                except ValueError:
                    return
                merged += (c2 - c1 + 1) * (r2 - r1 + 1)
                if merged > MAX_MERGED_CELLS:
                    raise pkg.fail(
                        "annotate-failed",
                        "annotate-huge-merges",
                        sheet=sheet,
                        cells=merged,
                        last_cell=f"{letters(c2)}{r2}",
                    )

        def configure(p, start=start) -> None:
            p.StartElementHandler = start

        pkg.expat(sheet.part, configure)


def _mark(ws, ref: str, found: list[Issue], lang: str, marks: _Marks) -> None:
    try:
        cell = ws[ref]
    except (CellCoordinatesException, ValueError, IndexError):
        return
    if isinstance(cell, tuple):
        return  # a range, not a cell: listed on the Issues sheet only
    has_error = any(i.severity == ERROR for i in found)
    if not hasattr(cell, "fill") or type(cell).__name__ == "MergedCell":
        # A merged cell other than the top-left: mark the cell that holds the value.
        for merged in ws.merged_cells.ranges:
            if ref in merged:
                cell = ws.cell(merged.min_row, merged.min_col)
                break
        else:
            return
    marks.remember(cell)
    cell.fill = RED if has_error else AMBER
    text = "\n".join(f"[{SEVERITY[i.severity](lang)}] {i.message}" for i in found)
    if cell.comment is not None and cell.comment.author != AUTHOR:
        text = f"{cell.comment.text}\n---\n{text}"
    comment = Comment(text[:30000], AUTHOR)
    comment.width, comment.height = 360, min(60 + 18 * text.count("\n") + len(text) // 3, 600)
    cell.comment = comment


def _issues_sheet(wb, issues: list[Issue], sheets: dict, lang: str) -> None:
    title = SHEET_NAME(lang)
    n = 2
    while title.lower() in {ws.title.lower() for ws in wb.worksheets}:
        title, n = f"{SHEET_NAME(lang)} ({n})", n + 1
    ws = wb.create_sheet(title, 0)
    wb.active = 0
    for ws_other in wb.worksheets:
        ws_other.sheet_view.tabSelected = ws_other is ws
    ws.append([h(lang) for h in HEADERS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    order = sorted(issues, key=lambda i: i.severity != ERROR)
    for issue in order:
        ws.append(
            [
                SEVERITY.get(issue.severity, SEVERITY["warning"])(lang),
                issue.code,
                issue.sheet or "",
                issue.cell or "",
                issue.message,
            ]
        )
        row = ws.max_row
        ws.cell(row, 1).fill = RED if issue.severity == ERROR else AMBER
        if issue.sheet and issue.cell and issue.sheet.lower() in sheets:
            target = sheets[issue.sheet.lower()].title.replace("'", "''")
            link = ws.cell(row, 4)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{target}'!{issue.cell}")
            link.font = Font(color="FF0563C1", underline="single")
        for col in range(1, 5):
            ws.cell(row, col).alignment = Alignment(vertical="top")
        ws.cell(row, 5).alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheet apps do not grow rows for wrapped text written by a script: size them.
        lines = sum(1 + len(part) // 95 for part in issue.message.split("\n"))
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines
    if not issues:
        ws.append([NONE_FOUND(lang)])
    for col, width in zip("ABCDE", (11, 24, 14, 8, 90), strict=True):
        ws.column_dimensions[col].width = width
    # Printed, the list fits the page width (landscape), as many pages long as needed.
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
