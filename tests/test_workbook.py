"""The workbook reader and the annotated copy: names, tables, headers, rows, formulas, merges."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from pipeline import example_data, schema
from pipeline.flow import check_workbook
from pipeline.issues import Issue
from pipeline.raw import RawCell
from pipeline.template_sheets import score_headers
from pipeline.workbook import annotate_workbook, read_workbook
from pipeline.workbook.cells import make_cell
from pipeline.workbook.package import Package
from pipeline.workbook.parts import read_structure
from pipeline.workbook.recover import BLANK_RUN
from tests.conftest import example_path

FIRST = 5  # first data row of every table in the example; headers are row 4


def flat(book) -> list[tuple]:
    return [(i.sheet, i.cell, i.code) for i in book.issues]


def sheet_part(path: Path, sheet: str) -> str:
    with Package(path) as pkg:
        return read_structure(pkg).sheet(sheet).part


def patch_part(path: Path, part: str, edit) -> Path:
    """Rewrite one part of the zip through `edit(text) -> text` (what Excel or a script might
    have written differently from openpyxl)."""
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info.filename, data)
    return path


def set_cached(path: Path, sheet: str, ref: str, value: str) -> Path:
    """Give the formula cell `ref` a cached value, as Excel would have stored it."""

    def edit(xml: str) -> str:
        pattern = re.compile(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?')
        assert pattern.search(xml), f"no formula cell {ref}"
        return pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}<v>{value}</v>", xml)

    return patch_part(path, sheet_part(path, sheet), edit)


def costs(book, column: str) -> list:
    return [r.cells[column].value for r in book.tables["tbl_costs"].rows]


# ------------------------------------------------------------------------------ the examples
@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_reads_clean_and_matches_openpyxl(lang):
    path = example_path(lang)
    book = read_workbook(path)
    assert book.issues == ()
    assert book.template_version == schema.TEMPLATE_VERSION
    assert book.template_language == lang
    assert set(book.values) == {f.key for f in schema.FIELDS}
    wb = openpyxl.load_workbook(path)
    for key, cell in book.values.items():
        assert cell.value == wb[cell.sheet][cell.ref].value, key
    for table in schema.TABLES:
        raw = book.tables[table.name]
        assert raw.sheet == table.sheet(lang)
        expected = (
            len(schema.DEFAULT_CRITERIA)
            if table is schema.SCORES
            else len(example_data.table_rows(table.name, lang))
        )
        assert len(raw.rows) == expected
        assert set(raw.columns) == {c.key for c in table.columns}
        ws = wb[raw.sheet]
        for row in raw.rows:
            for cell in [*row.cells.values(), *row.extra.values()]:
                assert cell.value == ws[cell.ref].value, (table.name, cell.ref)


def test_example_id_headers_and_sheets_are_indonesian():
    book = read_workbook(example_path("id"))
    assert book.tables["tbl_costs"].sheet == "Biaya"
    assert book.values["client_name"].sheet == "Proyek"


def test_make_cell_equals_the_dataclass():
    fast = make_cell("Costs", "F5", 1.5, "0%")
    assert fast == RawCell(sheet="Costs", ref="F5", value=1.5, number_format="0%")
    assert fast.formula is None
    with pytest.raises(AttributeError):
        fast.value = 2  # still frozen


# ------------------------------------------------------------------------- tables and headers
def test_columns_reordered_and_headers_in_the_other_language(make_workbook):
    # Swap Amount (F) and Basis (E) and write the headers in Indonesian with odd case/spaces.
    edits = {"Costs!E4": "  jumlah ", "Costs!F4": "DASAR"}
    wb = openpyxl.load_workbook(example_path("en"))
    ws = wb["Costs"]
    for r in range(FIRST, ws.max_row + 1):
        edits[f"Costs!E{r}"], edits[f"Costs!F{r}"] = ws[f"F{r}"].value, ws[f"E{r}"].value
    book = read_workbook(make_workbook(edits))
    table = book.tables["tbl_costs"]
    assert (table.columns["amount"], table.columns["basis"]) == ("E", "F")
    assert flat(book) == []
    reference = read_workbook(example_path("en"))
    assert costs(book, "amount") == costs(reference, "amount")
    assert costs(book, "basis") == costs(reference, "basis")


def test_extra_column_is_a_warning_at_its_header(tmp_path):
    path = tmp_path / "extra.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    ws = wb["Costs"]
    table = ws.tables["tbl_costs"]
    ws["M4"], ws["M5"] = "Approved by", "Budi"
    table.ref = re.sub(r"L(\d+)$", r"M\1", table.ref)
    table._initialise_columns()
    wb.save(path)
    book = read_workbook(path)
    assert flat(book) == [("Costs", "M4", "extra-column")]
    assert book.issues[0].severity == "warning"
    assert "Approved by" in book.issues[0].message
    assert book.tables["tbl_costs"].extra_columns == {"Approved by": "M"}
    assert book.tables["tbl_costs"].rows[0].extra["Approved by"].value == "Budi"


def test_score_columns_are_extra_columns_without_warning():
    book = read_workbook(example_path("en"))
    scores = book.tables["tbl_scores"]
    # "Option 1".."Option 10": the k-th column scores the k-th option (template_sheets).
    assert list(scores.extra_columns) == score_headers("en")
    assert all(set(r.extra) == set(scores.extra_columns) for r in scores.rows)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("F4", [("F4", "extra-column", "warning"), ("A4", "missing-column", "error")]),
        ("G4", [("G4", "extra-column", "warning"), ("A4", "missing-column", "warning")]),
        ("M4", [("M4", "extra-column", "warning")]),
    ],
    ids=["required-amount-error", "optional-quantity-warning", "notes-not-needed"],
)
def test_renamed_header_is_a_missing_column(make_workbook, cell, expected):
    book = read_workbook(make_workbook({f"Costs!{cell}": "Something else"}))
    assert [(i.cell, i.code, i.severity) for i in book.issues] == expected
    assert all(i.sheet == "Costs" for i in book.issues)
    header = openpyxl.load_workbook(example_path("en"))["Costs"][cell].value
    assert all("Something else" in i.message for i in book.issues if i.code == "extra-column")
    assert all(header in i.message for i in book.issues if i.code == "missing-column")


@pytest.mark.parametrize(
    ("cell", "field"),
    [("Options!A4", "option"), ("Demand!A4", "channel")],
    ids=["option-header", "channel-header"],
)
def test_renamed_key_header_is_one_missing_column(make_workbook, cell, field):
    """Rows without a name (their key column is gone) are not duplicates of each other."""
    _, issues = check_workbook(make_workbook({cell: "Something else"}))
    sheet = cell.split("!")[0]
    errors = [(i.sheet, i.cell, i.field, i.code) for i in issues if i.is_error]
    assert (sheet, "A4", field, "missing-column") in errors
    assert not [e for e in errors if e[3].startswith("duplicate-")]


def test_missing_table_is_an_error(tmp_path):
    """No table object and no header row left to recover it from."""
    path = tmp_path / "no-table.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    del wb["Options"].tables["tbl_options"]
    wb["Options"]["B4"] = "Kind"  # the required Type header is gone too
    wb.save(path)
    book = read_workbook(path)
    assert flat(book) == [(None, None, "missing-table")]
    assert "tbl_options" in book.issues[0].message and "Options" in book.issues[0].message
    assert "tbl_options" not in book.tables


# -------------------------------------------------------------- tables converted to a range
def without_tables(src: Path, out: Path, *names: str, edit=None) -> Path:
    """`src` with the table objects `names` (all when none) removed, as Excel's Convert to Range
    does: the cells, headers and formats stay."""
    wb = openpyxl.load_workbook(src)
    for ws in wb:
        for name in list(ws.tables):
            if not names or name in names:
                del ws.tables[name]
    if edit:
        edit(wb)
    wb.save(out)
    return out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_tables_converted_to_ranges_read_to_the_same_inputs(tmp_path, lang):
    path = without_tables(example_path(lang), tmp_path / "ranges.xlsx")
    book = read_workbook(path)
    sheets = [t.sheet(lang) for t in schema.TABLES]
    assert flat(book) == [(s, "A4", "table-converted-to-range") for s in sheets]
    costs_message = book.issues[sheets.index(schema.COSTS.sheet(lang))].message
    n = len(example_data.table_rows("tbl_costs", lang))
    assert (
        f"{schema.COSTS.sheet(lang)}!A4:M4" in costs_message and f"5\u2013{4 + n}" in costs_message
    )
    assert "tbl_costs" in costs_message
    assert ("converted to a range" if lang == "en" else "diubah menjadi rentang") in costs_message
    before, issues_before = check_workbook(example_path(lang))
    after, issues_after = check_workbook(path)
    assert before is not None and after is not None
    assert replace(after, source_name="") == replace(before, source_name="")
    assert [i.code for i in issues_after] == [i.code for i in issues_before] + [
        "table-converted-to-range"
    ] * len(schema.TABLES)


def test_converted_table_on_a_renamed_sheet_is_found_on_any_sheet(tmp_path):
    def rename(wb):
        wb["Costs"].title = "Pasted"

    path = without_tables(example_path("en"), tmp_path / "p.xlsx", "tbl_costs", edit=rename)
    book = read_workbook(path)
    assert flat(book) == [("Pasted", "A4", "table-converted-to-range")]
    assert costs(book, "item") == [r["item"] for r in example_data.table_rows("tbl_costs", "en")]


@pytest.mark.parametrize(
    ("gap", "read"),
    [(BLANK_RUN - 1, True), (BLANK_RUN, False)],
    ids=["short-gap-still-read", "long-blank-run-ends-the-table"],
)
def test_converted_table_ends_at_a_blank_run(tmp_path, gap, read):
    n = len(example_data.table_rows("tbl_costs", "en"))
    below = FIRST + n + gap

    def type_below(wb):
        wb["Costs"][f"A{below}"] = "In-house"
        wb["Costs"][f"C{below}"] = "Typed below"

    path = without_tables(example_path("en"), tmp_path / "g.xlsx", "tbl_costs", edit=type_below)
    book = read_workbook(path)
    assert ("Typed below" in costs(book, "item")) is read
    assert len(book.tables["tbl_costs"].rows) == n + read
    assert f"5\u2013{below if read else FIRST + n - 1}" in book.issues[0].message


def test_converted_table_ends_at_the_next_header_row(tmp_path):
    """Sheets pasted one under the other: the next table's headers end the one above."""
    n = len(example_data.table_rows("tbl_options", "en"))

    def stack(wb):
        below = FIRST + n + 1
        for col, cell in enumerate(wb["Demand"][4], start=1):
            wb["Options"].cell(below, col, cell.value)
        wb["Options"].cell(below + 1, 1, "Phone")

    path = without_tables(example_path("en"), tmp_path / "s.xlsx", "tbl_options", edit=stack)
    book = read_workbook(path)
    assert flat(book) == [("Options", "A4", "table-converted-to-range")]
    assert [r.number for r in book.tables["tbl_options"].rows] == list(range(FIRST, FIRST + n))
    assert len(book.tables["tbl_channels"].rows) == len(
        example_data.table_rows("tbl_channels", "en")
    )


def test_converted_scores_keep_their_option_columns(tmp_path):
    path = without_tables(example_path("id"), tmp_path / "q.xlsx", "tbl_scores")
    table = read_workbook(path).tables["tbl_scores"]
    assert list(table.extra_columns) == score_headers("id")


def test_converted_table_with_headers_only(tmp_path):
    def clear(wb):
        ws = wb["Options"]
        for row in ws.iter_rows(min_row=FIRST):
            for cell in row:
                cell.value = None

    path = without_tables(example_path("en"), tmp_path / "h.xlsx", "tbl_options", edit=clear)
    book = read_workbook(path)
    assert book.tables["tbl_options"].rows == ()
    issue = next(i for i in book.issues if i.code == "table-converted-to-range")
    assert (issue.sheet, issue.cell, issue.severity) == ("Options", "A4", "warning")
    assert "no rows" in issue.message


@pytest.mark.parametrize("lang", ["en", "id"])
def test_deleted_sheet_is_named_as_deleted(tmp_path, lang):
    """Regression: a deleted Costs sheet got the same advice as a removed table ("do not rename
    the tables"), which does not tell the user the sheet itself is gone."""
    path = tmp_path / "no-sheet.xlsx"
    wb = openpyxl.load_workbook(example_path(lang))
    sheet = schema.COSTS.sheet(lang)
    del wb[sheet]
    wb.save(path)
    book = read_workbook(path)
    assert flat(book) == [(None, None, "missing-table")]
    message = book.issues[0].message
    assert sheet in message and "tbl_costs" in message
    assert ("deleted" if lang == "en" else "terhapus") in message


def test_table_found_by_name_not_by_sheet(tmp_path):
    path = tmp_path / "renamed.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    wb["Costs"].title = "My costs"
    wb.save(path)
    book = read_workbook(path)
    assert book.tables["tbl_costs"].sheet == "My costs"
    assert len(book.tables["tbl_costs"].rows) == len(example_data.table_rows("tbl_costs", "en"))


# ----------------------------------------------------------------------------------- rows
def test_rows_below_the_table_and_blank_rows(make_workbook):
    n = len(example_data.table_rows("tbl_costs", "en"))
    last = FIRST + n - 1
    below = last + 3  # two blank rows, then a line typed under the table
    book = read_workbook(
        make_workbook(
            {
                f"Costs!A{FIRST + 1}": None,  # a row emptied inside the table stays out
                **{f"Costs!{c}{FIRST + 1}": None for c in "BCDEFGHIJKLM"},
                f"Costs!A{below}": "In-house",
                f"Costs!C{below}": "Typed below",
                f"Costs!F{below}": 1000,
                f"Costs!N{below + 1}": "outside the table's columns",
            }
        )
    )
    rows = book.tables["tbl_costs"].rows
    numbers = [r.number for r in rows]
    assert FIRST + 1 not in numbers
    assert numbers[-1] == below and len(rows) == n
    assert rows[-1].cells["item"] == RawCell(sheet="Costs", ref=f"C{below}", value="Typed below")
    assert rows[-1].cells["amount"].value == 1000
    assert flat(book) == []


def test_merged_cells_fill_the_range(tmp_path):
    path = tmp_path / "merged.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    ws = wb["Costs"]
    ws["A6"] = ws["A7"] = None
    ws.merge_cells(f"A{FIRST}:A{FIRST + 2}")
    wb.save(path)
    book = read_workbook(path)
    first3 = book.tables["tbl_costs"].rows[:3]
    assert [r.cells["option"].value for r in first3] == ["In-house"] * 3
    assert [r.cells["option"].ref for r in first3] == ["A5", "A6", "A7"]


@pytest.mark.parametrize(
    "dimension", ["A1:XFD1048576", "A1", "B2:C3"], ids=["huge", "one-cell", "wrong"]
)
def test_stored_dimension_does_not_matter(make_workbook, dimension):
    path = make_workbook()
    patch_part(
        path,
        sheet_part(path, "Costs"),
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>', xml),
    )
    book = read_workbook(path)
    assert costs(book, "amount") == costs(read_workbook(example_path("en")), "amount")


def test_dates_and_date_text(make_workbook):
    book = read_workbook(make_workbook(report_date="03/04/2025"))
    assert book.values["report_date"].value == "03/04/2025"  # text stays text
    book = read_workbook(example_path("en"))
    date = book.values["report_date"]
    assert isinstance(date.value, dt.datetime) and "yy" in date.number_format


# ------------------------------------------------------------------------------- formulas
def test_formula_with_cached_value_uses_it(make_workbook):
    path = make_workbook({f"Costs!F{FIRST}": "=VLOOKUP(1,A1:B2,2)"})
    set_cached(path, "Costs", f"F{FIRST}", "123456")
    book = read_workbook(path)
    assert book.tables["tbl_costs"].rows[0].cells["amount"].value == 123456
    assert flat(book) == []


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=2*1500000+500000", 3500000),
        ("=(G5+1)^2/2", 2),
        ("=Project!B10*1000", 3000),
        ("='Project'!B10*10%", 0.3),
        ("=SUM(G5:H5)", 2),
        ("=-F6+F6*2", None),  # filled below: equal to F6
    ],
    ids=[
        "arithmetic",
        "parentheses-power",
        "other-sheet",
        "quoted-sheet-percent",
        "sum-range",
        "same-sheet",
    ],
)
def test_formula_without_cached_value_is_evaluated(make_workbook, formula, expected):
    book = read_workbook(make_workbook({f"Costs!F{FIRST}": formula}))
    assert flat(book) == []
    cell = book.tables["tbl_costs"].rows[0].cells["amount"]
    if expected is None:
        expected = book.tables["tbl_costs"].rows[1].cells["amount"].value
    assert cell.value == pytest.approx(expected) and cell.formula is None


@pytest.mark.parametrize(
    "formula",
    ["=VLOOKUP(1,A1:B2,2)", "=F5*2", "=1/0", '="a"&"b"', "=Nowhere!A1", "=tbl_costs[Amount]"],
    ids=["function", "circular", "division-by-zero", "text", "unknown-sheet", "structured"],
)
def test_formula_not_simple_is_reported_at_its_cell(make_workbook, formula):
    book = read_workbook(make_workbook({f"Costs!F{FIRST}": formula}))
    assert flat(book) == [("Costs", f"F{FIRST}", "formula-without-value")]
    cell = book.tables["tbl_costs"].rows[0].cells["amount"]
    assert (cell.value, cell.formula) == (None, formula[1:])
    assert book.issues[0].severity == "error" and "F5" in book.issues[0].message


def test_shared_formula_dependent_is_translated(make_workbook):
    path = make_workbook({"Costs!F5": "=G5*100", "Costs!F6": "=G6*100"})

    def edit(xml: str) -> str:
        xml = xml.replace("<f>G5*100</f>", '<f t="shared" ref="F5:F6" si="0">G5*100</f>')
        return xml.replace("<f>G6*100</f>", '<f t="shared" si="0"/>')

    patch_part(path, sheet_part(path, "Costs"), edit)
    book = read_workbook(path)
    rows = book.tables["tbl_costs"].rows
    assert [rows[0].cells["amount"].value, rows[1].cells["amount"].value] == [
        rows[0].cells["quantity"].value * 100,
        rows[1].cells["quantity"].value * 100,
    ]


def test_cached_error_value_is_reported(make_workbook):
    path = make_workbook({"Costs!F5": "=1/0"})
    patch_part(
        path,
        sheet_part(path, "Costs"),
        lambda xml: re.sub(r'<c r="F5"([^>]*?)(?: t="\w+")?>', r'<c r="F5"\1 t="e">', xml).replace(
            "<f>1/0</f><v />", "<f>1/0</f><v>#DIV/0!</v>"
        ),
    )
    book = read_workbook(path)
    assert flat(book) == [("Costs", "F5", "formula-error")]
    assert "#DIV/0!" in book.issues[0].message


# ---------------------------------------------------------------------- names and _meta
def test_missing_required_and_optional_names(tmp_path):
    path = tmp_path / "names.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    del wb.defined_names["client_name"]
    del wb.defined_names["usd_rate"]
    wb.save(path)
    book = read_workbook(path)
    assert [(i.sheet, i.field, i.code, i.severity) for i in book.issues] == [
        ("Project", "client_name", "missing-name", "error"),
        ("Project", "usd_rate", "missing-name", "warning"),
    ]
    assert "client_name" not in book.values


def test_broken_name_is_reported(tmp_path):
    path = tmp_path / "ref.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    wb.defined_names["client_name"].attr_text = "#REF!"
    wb.save(path)
    assert [(i.field, i.code) for i in read_workbook(path).issues] == [
        ("client_name", "broken-name")
    ]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_meta_is_an_error_in_the_guessed_language(tmp_path, lang):
    path = tmp_path / "nometa.xlsx"
    wb = openpyxl.load_workbook(example_path(lang))
    del wb.defined_names[schema.META_VERSION_NAME]
    del wb.defined_names[schema.META_LANGUAGE_NAME]
    del wb["_meta"]
    wb.save(path)
    book = read_workbook(path)
    assert [i.code for i in book.issues if i.is_error][:1] == ["missing-meta"]
    assert book.template_version is None
    word = {"en": "template", "id": "tidak ditemukan"}[lang]
    assert word in book.issues[0].message


@pytest.mark.parametrize("lang", ["en", "id"])
def test_wrong_template_version(make_workbook, lang):
    book = read_workbook(make_workbook(lang=lang, template_version=3))
    assert flat(book) == [("_meta", "B1", "wrong-template-version")]
    message = book.issues[0].message
    assert "3" in message and {"en": "1 and 2", "id": "1 dan 2"}[lang] in message
    assert message.startswith("Versi templat") == (lang == "id")


@pytest.mark.parametrize("version", [1, 2, 2.0, "2"], ids=["v1", "v2", "v2-float", "v2-text"])
def test_template_versions_1_and_2_are_read(make_workbook, version):
    book = read_workbook(make_workbook(template_version=version))
    assert book.template_version == int(float(version))
    assert [i.code for i in book.issues if i.is_error] == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_v1_workbook_is_read_without_the_v2_pieces_and_without_issues(lang):
    """A version 1 workbook has no Profiles or Seasonality sheet, no go_live and none of the new
    columns: nothing is missing for its version."""
    book = read_workbook(Path(__file__).parent / "fixtures" / "v1" / f"example-{lang}.xlsx")
    assert (book.template_version, book.issues) == (1, ())
    assert set(book.tables) == {"tbl_channels", "tbl_options", "tbl_costs", "tbl_scores"}
    assert "go_live" not in book.values
    assert "profile" not in book.tables["tbl_channels"].columns
    assert "flexes_monthly" not in book.tables["tbl_options"].columns


def test_v2_workbook_without_profiles_and_seasonality_sheets_reads_clean(tmp_path):
    """The two new tables are optional: without them only the built-ins can be named."""
    path = tmp_path / "no-shapes.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    del wb["Profiles"], wb["Seasonality"]
    wb.save(path)
    book = read_workbook(path)
    assert flat(book) == []
    assert "tbl_profiles" not in book.tables and "tbl_seasonality" not in book.tables


def test_v2_columns_missing_from_a_v2_workbook_take_their_defaults(tmp_path):
    path = tmp_path / "old-columns.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    ws = wb["Demand"]
    ws["K4"] = "Comment"  # the Profile header renamed: an unknown column now
    wb.save(path)
    book = read_workbook(path)
    assert [(i.cell, i.code, i.severity) for i in book.issues] == [
        ("K4", "extra-column", "warning"),
        ("A4", "missing-column", "warning"),
    ]


def test_macro_workbook_is_read_with_a_warning(make_workbook, tmp_path):
    path = make_workbook()
    xlsm = tmp_path / "macro.xlsm"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(xlsm, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 Sub AutoOpen() Shell(...)")
    book = read_workbook(xlsm)
    assert [(i.code, i.severity) for i in book.issues] == [("macros-ignored", "warning")]
    assert len(book.tables["tbl_costs"].rows) == len(example_data.table_rows("tbl_costs", "en"))


# ------------------------------------------------------------------------------- annotate
def _issues() -> list[Issue]:
    return [
        Issue(
            code="not-a-number", severity="error", sheet="Costs", cell="F5", message="Amount bad"
        ),
        Issue(code="extra-column", severity="warning", sheet="Costs", cell="M4", message="Extra"),
        Issue(code="missing-table", severity="error", message="No tbl_options"),
        Issue(code="odd", severity="warning", sheet="Costs", cell="F5", message="Also here"),
    ]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_annotated_copy_marks_cells_and_lists_issues(tmp_path, make_workbook, lang):
    src = make_workbook(lang=lang)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "checked.xlsx"
    issues = _issues()
    if lang == "id":
        issues = [Issue(**{**i.to_dict(), "sheet": "Biaya" if i.sheet else None}) for i in issues]
    annotate_workbook(src, issues, out, lang=lang)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    wb = openpyxl.load_workbook(out)
    sheet = "Biaya" if lang == "id" else "Costs"
    cell = wb[sheet]["F5"]
    assert cell.fill.start_color.rgb.endswith("F4B6B6")  # red: one of its issues is an error
    assert "Amount bad" in cell.comment.text and "Also here" in cell.comment.text
    assert wb[sheet]["M4"].fill.start_color.rgb.endswith("FFD98C")  # amber
    listing = wb.worksheets[0]
    assert listing.title == ("Masalah" if lang == "id" else "Issues")
    rows = list(listing.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["not-a-number", "missing-table", "extra-column", "odd"]
    assert listing["D2"].hyperlink.location == f"'{sheet}'!F5"
    assert read_workbook(out).tables["tbl_costs"].rows  # still a readable workbook
    assert not list(tmp_path.glob(".checked.xlsx.*"))  # no temporary file left


def test_annotate_refuses_to_overwrite_its_source(make_workbook):
    src = make_workbook()
    before = src.read_bytes()
    with pytest.raises(Exception, match="refusing to overwrite"):
        annotate_workbook(src, _issues(), src)
    assert src.read_bytes() == before


def test_annotate_macro_workbook_writes_plain_xlsx(make_workbook, tmp_path):
    src = tmp_path / "m.xlsm"
    with zipfile.ZipFile(make_workbook()) as zin, zipfile.ZipFile(src, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("xl/vbaProject.bin", b"macro")
    out = tmp_path / "out.xlsx"
    annotate_workbook(src, _issues(), out)
    assert not any("vba" in n.lower() for n in zipfile.ZipFile(out).namelist())


def test_shared_strings_rich_text_and_escapes(make_workbook):
    """Excel and LibreOffice store text in a shared-strings part: runs joined, phonetic hints
    dropped, `_x000D_` escapes decoded."""
    from tests.test_hostile import add_shared_strings

    path = make_workbook()
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sst = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>unused</t></si>"
        '<si><r><rPr><b/></rPr><t>PT Kilat </t></r><r><t xml:space="preserve">Belanja</t></r>'
        "<rPh><t>ignored</t></rPh><t>_x0021_</t></si></sst>"
    )
    project = sheet_part(path, "Project")
    xml = parts[project].decode("utf-8")
    xml = re.sub(
        r'<c r="B5"([^>]*?) t="inlineStr"><is>.*?</is></c>', r'<c r="B5"\1 t="s"><v>1</v></c>', xml
    )
    parts[project] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in add_shared_strings(parts, sst).items():
            z.writestr(name, data)
    assert read_workbook(path).values["client_name"].value == "PT Kilat Belanja!"


def test_edited_example_in_both_languages(make_workbook, book_lang):
    """The same edits read the same way in the EN and ID workbooks, messages in their language."""
    costs_sheet = schema.SHEETS["costs"](book_lang)
    project = schema.SHEETS["project"](book_lang)
    n = len(example_data.table_rows("tbl_costs", book_lang))
    below = FIRST + n + 1
    path = make_workbook(
        {
            f"{costs_sheet}!F{FIRST}": f"='{project}'!B10*1000",  # horizon (3) x 1000
            f"{costs_sheet}!F{FIRST + 1}": "=INDEX(A1:A3,2)",
            f"{costs_sheet}!A{below}": "In-house",
            f"{costs_sheet}!F{below}": "Rp 1.500.000",
        },
        lang=book_lang,
    )
    book = read_workbook(path)
    assert flat(book) == [(costs_sheet, f"F{FIRST + 1}", "formula-without-value")]
    message = book.issues[0].message
    assert ("tanpa nilai terhitung" in message) == (book_lang == "id")
    rows = book.tables["tbl_costs"].rows
    assert rows[0].cells["amount"].value == 3000
    assert (rows[-1].number, rows[-1].cells["amount"].value) == (below, "Rp 1.500.000")


def test_links_to_other_cells_keep_text(make_workbook):
    """Users link names instead of retyping them: `=Options!A5` reads as the option's name, in a
    cell and in a score column's header."""
    path = make_workbook({"Costs!A5": "=Options!A5", "Qualitative!C4": "=Options!A6"})
    book = read_workbook(path)
    assert book.tables["tbl_costs"].rows[0].cells["option"].value == "In-house"
    # C4 now names the second option, which D4 ("Option 2") scores too: the name wins and
    # validation says that D4's scores are not used (In-house has no column).
    second = example_data.table_rows("tbl_options", "en")[1]["option"]
    assert book.tables["tbl_scores"].extra_columns[second] == "C"
    assert flat(book) == []
    _inputs, issues = check_workbook(path)
    assert [(i.sheet, i.cell, i.code) for i in issues if i.sheet == "Qualitative"] == [
        ("Qualitative", "D4", "unknown-score-column")
    ]


def test_formatted_empty_rows_to_the_bottom_of_the_sheet_are_not_rows(make_workbook):
    """A sheet formatted down to row 1,048,576 (styled empty cells, wrong dimension) reads as
    its filled rows only."""
    path = make_workbook()
    n = len(example_data.table_rows("tbl_costs", "en"))
    empty = "".join(
        f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="F{r}" s="2"/></row>'
        for r in range(FIRST + n + 5, FIRST + n + 60_000)
    )
    last = '<row r="1048576" s="1" customFormat="1"><c r="L1048576" s="1"/></row>'

    def edit(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("</sheetData>", empty + last + "</sheetData>")

    patch_part(path, sheet_part(path, "Costs"), edit)
    book = read_workbook(path)
    assert len(book.tables["tbl_costs"].rows) == n and flat(book) == []


@pytest.mark.parametrize(
    "text",
    ["nan", "inf", "-Infinity", "1_000", "9" * 400],
    ids=["nan", "inf", "-inf", "1_000", "400-digits"],
)
def test_numeric_cell_holding_no_number_is_text(make_workbook, text):
    """float() reads "nan", "inf" and "1_000"; a cell stored as a number holding them is kept as
    the text it is, so that validation reports it, and a formula using it is not evaluated."""
    path = make_workbook({"Costs!M5": "=F5*2"})
    patch_part(
        path,
        sheet_part(path, "Costs"),
        lambda xml: xml.replace("<v>5400000</v>", f"<v>{text}</v>", 1),
    )
    book = read_workbook(path)
    row = book.tables["tbl_costs"].rows[0]
    assert row.cells["amount"].value == text
    assert flat(book) == [("Costs", "M5", "formula-without-value")]
    _, issues = check_workbook(path)
    assert ("Costs", "F5", "not-a-number") in [(i.sheet, i.cell, i.code) for i in issues]


# ---------------------------------------------------------------------- annotate, round trip
def test_an_annotated_copy_fixed_and_checked_again_keeps_no_earlier_marks(tmp_path, make_workbook):
    """Users fix the annotated copy and send it back: the second check marks only what is still
    wrong, on one Issues sheet, with every other cell as it was before the first check."""
    from pipeline.flow import read_and_validate

    src = make_workbook({"Costs!F5": "not a number", "Costs!F6": "nor this"})
    original = openpyxl.load_workbook(src)
    f5_fill = original["Costs"]["F5"].fill.fgColor.rgb
    # A comment of the user's own, on a cell that will be marked.
    original["Costs"]["F6"].comment = openpyxl.comments.Comment("ask Budi", "Sari")
    original.save(src)
    first = tmp_path / "checked.xlsx"
    annotate_workbook(src, read_and_validate(src).issues, first)
    marked = openpyxl.load_workbook(first)
    assert marked["Costs"]["F5"].fill.fgColor.rgb.endswith("F4B6B6")
    assert marked["_cs_marks"].sheet_state == "veryHidden"
    # The user fixes F5 only, in the annotated copy, and checks it again.
    marked["Costs"]["F5"].value = 12000
    fixed = tmp_path / "fixed.xlsx"
    marked.save(fixed)
    issues = read_and_validate(fixed).issues
    assert {i.cell for i in issues if i.is_error} == {"F6"}
    second = tmp_path / "checked-again.xlsx"
    annotate_workbook(fixed, issues, second)
    wb = openpyxl.load_workbook(second)
    listings = [ws.title for ws in wb.worksheets if ws.title.startswith("Issues")]
    assert listings == ["Issues"]
    assert [
        r[3] for r in wb["Issues"].iter_rows(min_row=2, values_only=True) if r[0] == "error"
    ] == ["F6"]
    f5, f6 = wb["Costs"]["F5"], wb["Costs"]["F6"]
    assert f5.fill.fgColor.rgb == f5_fill and f5.comment is None
    assert f6.fill.fgColor.rgb.endswith("F4B6B6")
    assert f6.comment.text.startswith("ask Budi\n---\n") and f6.comment.text.count("---") == 1
    # And once all is fixed, the user's own comment is all that is left.
    wb["Costs"]["F6"].value = 500
    wb.save(fixed)
    third = tmp_path / "clean.xlsx"
    annotate_workbook(fixed, read_and_validate(fixed).issues, third)
    clean = openpyxl.load_workbook(third)
    assert clean["Costs"]["F6"].comment.text == "ask Budi"
    assert not clean["Costs"]["F6"].fill.fgColor.rgb.endswith("F4B6B6")
    assert [ws.title for ws in clean.worksheets].count("Issues") == 1


def test_a_copy_annotated_by_an_older_version_loses_its_issues_sheet_too(tmp_path, make_workbook):
    src = make_workbook()
    first = tmp_path / "a.xlsx"
    annotate_workbook(src, _issues(), first)
    wb = openpyxl.load_workbook(first)
    wb.remove(wb["_cs_marks"])  # as written before marks were remembered
    wb.save(first)
    second = tmp_path / "b.xlsx"
    annotate_workbook(first, _issues()[:1], second)
    titles = openpyxl.load_workbook(second).sheetnames
    assert [t for t in titles if t.startswith("Issues")] == ["Issues"]
    assert openpyxl.load_workbook(second)["Costs"]["M4"].comment is None


def test_a_user_sheet_called_issues_is_not_taken_for_ours(tmp_path, make_workbook):
    src = make_workbook()
    wb = openpyxl.load_workbook(src)
    wb.create_sheet("Issues")["A1"] = "our own list of open questions"
    wb.save(src)
    out = tmp_path / "a.xlsx"
    annotate_workbook(src, _issues(), out)
    titles = openpyxl.load_workbook(out).sheetnames
    assert "Issues" in titles and "Issues (2)" in titles


def test_no_annotated_copy_of_a_workbook_with_too_many_cells(tmp_path, make_workbook):
    """A small upload can store millions of cells in a sheet the reader ignores; openpyxl would
    need ~450 bytes and a minute per million. Counted while streaming, refused with the reason."""
    from pipeline.issues import WorkbookError
    from pipeline.workbook.annotate import annotated_bytes

    src = make_workbook()
    wb = openpyxl.load_workbook(src)
    extra = wb.create_sheet("Scratch")
    for _ in range(300):
        extra.append(list(range(10)))
    wb.save(src)
    with pytest.raises(WorkbookError) as caught:
        annotated_bytes(src.read_bytes(), _issues(), max_cells=3_000)
    assert caught.value.code == "annotate-failed"
    assert "more than 3,000 cells" in str(caught.value)
    assert "lebih dari 3.000 sel" in caught.value.message("id")
    # Under the limit (the default allows 1.5 million), the copy is made.
    assert annotated_bytes(src.read_bytes(), _issues()).startswith(b"PK")
