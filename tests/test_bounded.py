"""Work and memory follow the cells a workbook stores, never the ranges it declares: a merge down
to the last row, a table reference as wide as the sheet. Checked by counting work and memory, not
by timing (each file is generated here, small)."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import openpyxl
import pytest

from pipeline.flow import check_workbook
from pipeline.issues import WorkbookError
from pipeline.workbook import annotate_workbook, reader
from tests.conftest import example_path
from tests.test_hostile import members, write_zip

COSTS = "xl/worksheets/sheet7.xml"  # the example's Costs sheet (tbl_costs, A4:M304)
COSTS_TABLE = "xl/tables/table5.xml"
LAST_ROW = 1_048_576


def _with_costs(path: Path, sheet_edit, table_edit=lambda t: t) -> Path:
    parts = members()
    parts[COSTS] = sheet_edit(parts[COSTS].decode("utf-8")).encode("utf-8")
    parts[COSTS_TABLE] = table_edit(parts[COSTS_TABLE].decode("utf-8")).encode("utf-8")
    return write_zip(path, parts)


def merge_to_last_row(path: Path) -> Path:
    """B70:M1048576 merged, and one cell stored on the sheet's last row (34 KB zipped)."""

    def edit(xml: str) -> str:
        last = f'<row r="{LAST_ROW}"><c r="A{LAST_ROW}" t="inlineStr"><is><t>x</t></is></c></row>'
        xml = xml.replace("</sheetData>", last + "</sheetData>")
        merge = '<mergeCell ref="A2:H2" />'
        assert merge in xml
        return xml.replace(merge, merge + f'<mergeCell ref="B70:M{LAST_ROW}" />')

    return _with_costs(path, edit)


def table_as_wide_as_the_sheet(path: Path, blank_rows: int = 3000) -> Path:
    """tbl_costs as A4:XFD1048576, with thousands of rows holding only a space."""

    def sheet(xml: str) -> str:
        rows = "".join(
            f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t> </t></is></c></row>'
            for r in range(400, 400 + blank_rows)
        )
        return xml.replace("</sheetData>", rows + "</sheetData>")

    def table(xml: str) -> str:
        return re.sub(r'ref="A4:M304"', f'ref="A4:XFD{LAST_ROW}"', xml)

    return _with_costs(path, sheet, table)


def test_merge_down_to_the_last_row_costs_the_cells_stored(tmp_path):
    path = merge_to_last_row(tmp_path / "merge-to-last-row.xlsx")
    tracemalloc.start()
    try:
        _, issues = check_workbook(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Expanding the merge cell by cell took 2 GB; reading the example itself takes ~3 MB.
    assert peak < 64 * 2**20
    # The row stored at the bottom is read like any other line typed below the table.
    assert ("Costs", f"A{LAST_ROW}", "unknown-option") in [
        (i.sheet, i.cell, i.code) for i in issues
    ]


def test_table_as_wide_as_the_sheet_costs_the_cells_stored(tmp_path, monkeypatch):
    path = table_as_wide_as_the_sheet(tmp_path / "table-as-wide-as-the-sheet.xlsx")
    calls = 0
    is_blank = reader.is_blank

    def counted(book, cell):
        nonlocal calls
        calls += 1
        return is_blank(book, cell)

    monkeypatch.setattr(reader, "is_blank", counted)
    _, issues = check_workbook(path)
    # One look per stored cell at most (~5,000 here), not rows x 16,384 columns.
    assert calls < 10_000
    assert not [i for i in issues if i.is_error]


SALARIES = "Agent salaries (base pay)"  # Costs!C5, the example's first item


@pytest.mark.parametrize(
    ("merge", "expected"),
    [("C5:C7", [SALARIES] * 3), ("C5:D6", [SALARIES, SALARIES, None])],
    ids=["column-merge", "block-merge"],
)
def test_merged_cells_fill_the_rows_they_cover(tmp_path, merge, expected):
    """The sweep over merges gives what expanding them did: the top-left value, in range only."""

    def edit(xml: str) -> str:
        for ref in ("C6", "C7"):
            xml, n = re.subn(rf'<c r="{ref}"[^>]*>.*?</c>', "", xml, count=1)
            assert n == 1
        title = '<mergeCell ref="A2:H2" />'
        return xml.replace(title, f'{title}<mergeCell ref="{merge}" />')

    book = reader.read_workbook(_with_costs(tmp_path / "merged.xlsx", edit))
    rows = {r.number: r for r in book.tables["tbl_costs"].rows}
    assert [rows[n].cells["item"].value for n in (5, 6, 7)] == expected


def test_no_annotated_copy_of_a_merge_down_to_the_last_row(tmp_path):
    """openpyxl would make 12 million merged-cell objects: refused before it loads the file."""
    path = merge_to_last_row(tmp_path / "merge-to-last-row.xlsx")
    out = tmp_path / "annotated.xlsx"
    with pytest.raises(WorkbookError) as caught:
        annotate_workbook(path, [], out)
    assert caught.value.code == "annotate-failed"
    assert "Costs merges 12,582,092 cells" in str(caught.value)
    assert not out.exists()


def test_annotated_copy_keeps_small_merges(tmp_path):
    out = tmp_path / "annotated.xlsx"
    annotate_workbook(example_path("en"), [], out)
    assert openpyxl.load_workbook(out)["Costs"].merged_cells.ranges
