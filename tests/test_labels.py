"""Recovery by labels: a workbook that lost its defined names (re-saved by pandas or a converter
that keeps cell values only) is read from its labels, with one warning."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from pipeline import schema
from pipeline.flow import check_workbook
from pipeline.workbook import read_workbook
from tests.conftest import example_path, template_path

PANDAS = Path(__file__).parent / "fixtures" / "pandas"


def values_only(src: Path, out: Path, *, shift: int = 0, edit=None) -> Path:
    """What pandas writes back (`read_excel(sheet_name=None)` then `to_excel`): every sheet's cell
    values in a new workbook; no defined names, tables, styles, validations or hidden sheets;
    numeric-looking texts ("00" hour headers) become numbers. `shift=1` is `to_excel(index=True)`,
    whose index column of numbers pushes everything one column right."""
    wb = openpyxl.load_workbook(src, data_only=True)
    new = openpyxl.Workbook()
    new.remove(new.active)
    for ws in wb.worksheets:
        copy = new.create_sheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                value = c.value
                if isinstance(value, str) and value.isdigit():
                    value = int(value)
                if value is not None:
                    copy.cell(c.row, c.column + shift, value)
        for r in range(2, ws.max_row + 1 if shift else 0):
            copy.cell(r, 1, r - 2)
    if edit:
        edit(new)
    new.save(out)
    return out


def codes(issues) -> list[tuple]:
    return [(i.sheet, i.cell, i.code) for i in issues]


@pytest.mark.parametrize("shift", [0, 1], ids=["index-false", "index-column"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_resaved_example_reads_the_same_with_one_warning(tmp_path, lang, shift):
    path = values_only(example_path(lang), tmp_path / "pandas.xlsx", shift=shift)
    inputs, issues = check_workbook(path)
    project = schema.SHEETS["project"](lang)
    value_col = "BC"[shift]
    tables = [(t.sheet(lang), "AB"[shift] + "4", "table-converted-to-range") for t in schema.TABLES]
    assert [i for i in issues if i.is_error] == []
    assert sorted(codes(issues)) == sorted(
        [(project, f"{value_col}5", "names-recovered-by-labels"), *tables]
    )
    before, _ = check_workbook(example_path(lang))
    assert inputs is not None and before is not None
    assert replace(inputs, source_name="") == replace(before, source_name="")
    message = next(i.message for i in issues if i.code == "names-recovered-by-labels")
    n = len(schema.FIELDS)
    assert f"{project}!{value_col}5:{value_col}{4 + n}" in message
    assert ("lost its defined names" if lang == "en" else "kehilangan nama") in message


def test_a_label_that_is_gone_is_still_a_missing_name(tmp_path):
    def drop_client(wb):
        wb["Project"]["A5"] = "Customer"

    path = values_only(example_path("en"), tmp_path / "p.xlsx", edit=drop_client)
    book = read_workbook(path)
    assert [(i.field, i.code, i.severity) for i in book.issues if i.sheet == "Project"] == [
        ("client_name", "missing-name", "error"),
        (None, "names-recovered-by-labels", "warning"),
    ]
    warning = next(i for i in book.issues if i.code == "names-recovered-by-labels")
    assert f"{len(schema.FIELDS) + 1} values" in warning.message  # _meta's two, the rest


def test_labels_in_the_other_language_and_on_a_renamed_sheet(tmp_path):
    def rename(wb):
        ws = wb["Project"]
        ws.title = "Setup"
        for row in range(5, 5 + len(schema.FIELDS)):
            field = schema.FIELDS[row - 5]
            ws.cell(row, 1, field.label.id)

    path = values_only(example_path("en"), tmp_path / "p.xlsx", edit=rename)
    book = read_workbook(path)
    assert book.values["client_name"].sheet == "Setup"
    assert book.values["horizon_years"].value == 3
    assert [i.code for i in book.issues if i.sheet == "Setup"] == ["names-recovered-by-labels"]


def test_names_still_there_are_never_replaced_by_labels(tmp_path):
    # One deleted name in an otherwise intact workbook is the user's doing: reported, not guessed.
    path = tmp_path / "names.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    del wb.defined_names["client_name"]
    wb.save(path)
    assert [i.code for i in read_workbook(path).issues] == ["missing-name"]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_resaved_v1_example_reads_as_version_1(tmp_path, lang):
    v1 = Path(__file__).parent / "fixtures" / "v1" / f"example-{lang}.xlsx"
    path = values_only(v1, tmp_path / "v1.xlsx")
    inputs, issues = check_workbook(path)
    before, _ = check_workbook(v1)
    assert [i for i in issues if i.is_error] == []
    assert [i.code for i in issues].count("names-recovered-by-labels") == 1
    assert inputs is not None and before is not None and inputs.template_version == 1
    assert replace(inputs, source_name="") == replace(before, source_name="")


def test_resaved_blank_template_asks_for_the_client_name(tmp_path):
    path = values_only(template_path("en"), tmp_path / "blank.xlsx")
    book = read_workbook(path)
    assert "client_name" in book.values and book.values["client_name"].value is None
    _, issues = check_workbook(path)
    assert ("Project", "B5", "missing-value") in codes(issues)


@pytest.mark.parametrize("how", ["to_excel-index", "to_excel-no-index"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_examples_resaved_by_pandas_itself(lang, how):
    """Real files written by pandas 3.1.1 (tests/fixtures/pandas/README.md)."""
    inputs, issues = check_workbook(PANDAS / f"example-{lang}.{how}.xlsx")
    project = schema.SHEETS["project"](lang)
    value_col = "C" if how == "to_excel-index" else "B"
    assert [(i.sheet, i.cell, i.code) for i in issues if i.code != "table-converted-to-range"] == [
        (project, f"{value_col}5", "names-recovered-by-labels")
    ]
    # The files predate the optional Risks and Commentary sheets.
    older = [t for t in schema.TABLES if t.name not in ("tbl_risks", "tbl_commentary")]
    assert [i.code for i in issues].count("table-converted-to-range") == len(older)
    assert inputs is not None and inputs.template_version == schema.TEMPLATE_VERSION
    assert inputs.project.horizon_years == 3 and inputs.project.language == lang
    # The hour headers pandas wrote as the numbers 0..23 were all found (no missing-column), and
    # pandas' index column of numbers was not taken for one (no extra- or duplicate-column).
    assert all(len(p.weights) == 7 * 24 and sum(p.weights) > 0 for p in inputs.profiles)
