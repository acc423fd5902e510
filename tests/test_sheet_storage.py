"""How a worksheet's cells are kept: compact rows that read like {col: Cell}, whatever order or
repetition the XML has, and table rows whose cells are made on demand."""

from __future__ import annotations

import gc
import pyexpat

from pipeline.raw import RawCell
from pipeline.workbook.sheet import Cell, StoredRow, read_sheet

from .conftest import example_path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


class _Part:
    """Just enough of a Package for read_sheet: one part, parsed as the real one does."""

    def __init__(self, xml: str) -> None:
        self.data = xml.encode("utf-8")

    def expat(self, part, configure) -> None:
        parser = pyexpat.ParserCreate(namespace_separator="|")
        parser.buffer_text = True
        configure(parser)
        parser.Parse(self.data, True)


def _sheet(body: str):
    return read_sheet(
        _Part(f'<worksheet xmlns="{NS}"><sheetData>{body}</sheetData></worksheet>'), "p", "S"
    )


def test_cells_read_back_as_they_were_written():
    sheet = _sheet(
        '<row r="2"><c r="A2" s="3" t="s"><v>0</v></c><c r="C2"><v>1.5</v></c>'
        '<c r="D2" s="1"/><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="F2" t="zz"><v>7</v></c></row>'
    )
    row = sheet.rows[2]
    assert list(row) == [1, 3, 5, 6]  # D2 holds only a style: not kept
    assert row.get(1) == Cell("s", 3, "0", None)
    assert row[3] == Cell("n", 0, "1.5", None)
    assert row.get(4) is None and 4 not in row
    assert row.get(5) == Cell("e", 0, "#DIV/0!", "1/0")
    assert row.get(6).type == "?"  # a type Excel never writes reads as a number
    assert dict(row.items()) == {c: row[c] for c in row}
    assert not row.is_plain(row.index(5)) and row.is_plain(row.index(3))


def test_cells_out_of_order_repeated_or_split_over_two_rows_keep_the_last_written():
    sheet = _sheet(
        '<row r="4"><c r="C4"><v>3</v></c><c r="A4"><v>1</v></c><c r="C4"><v>33</v></c></row>'
        '<row r="4"><c r="B4"><v>2</v></c></row>'
    )
    row = sheet.rows[4]
    assert list(row) == [1, 2, 3]
    assert [row[c].value for c in row] == ["1", "2", "33"]


def test_rows_and_cells_without_numbers_follow_the_previous_ones():
    sheet = _sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c></row>')
    assert {r: list(sheet.rows[r]) for r in sheet.rows} == {1: [1, 2], 2: [2]}


def test_shared_formula_text_is_kept_with_its_cell():
    sheet = _sheet(
        '<row r="1"><c r="A1"><f t="shared" si="0" ref="A1:A2">B1*2</f><v>4</v></c></row>'
        '<row r="2"><c r="A2"><f t="shared" si="0"/><v>6</v></c></row>'
    )
    assert sheet.get(1, 1).formula == "B1*2" and sheet.get(1, 1).shared == "0"
    assert sheet.get(2, 1).formula == "" and sheet.get(2, 1).shared == "0"
    assert sheet.shared_formulas == {"0": (1, 1, "B1*2")}


def test_stored_rows_are_not_garbage_collector_work():
    row = StoredRow((1, 2), ("a", "1"), (3, 0), None)
    for part in (row.cols, row.texts, row.codes):
        gc.collect()
        assert not gc.is_tracked(part)


def test_table_rows_make_their_cells_on_demand_and_equal_plain_dicts():
    from pipeline.workbook import read_workbook

    book = read_workbook(example_path())
    table = book.tables["tbl_costs"]
    row = table.rows[0]
    cells = dict(row.cells)
    assert set(cells) == set(table.columns)
    assert all(isinstance(c, RawCell) for c in cells.values())
    assert row.cells == cells  # a Mapping equals the dict of its items
    assert row.cells.get("no-such-column") is None
    option = row.cells["option"]
    assert option.ref == f"{table.columns['option']}{row.number}"
    assert option.value and option.sheet == table.sheet
