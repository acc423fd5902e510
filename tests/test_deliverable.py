"""The optional Risks and Commentary sheets: read, validated cell by cell, optional."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from pipeline import schema, template
from pipeline.flow import check_workbook


def flat(issues) -> list[tuple]:
    return [(i.sheet, i.cell, i.code) for i in issues]


@pytest.mark.parametrize(
    ("value", "code"),
    [(0, "out-of-range"), (6, "out-of-range"), ("high", "not-a-number"), (2.5, "not-an-integer")],
    ids=["zero", "six", "a-word", "a-fraction"],
)
def test_a_bad_likelihood_is_an_error_at_its_cell(make_workbook, book_lang, value, code):
    address = template.cell_of("risks", "likelihood", 1, book_lang)
    inputs, issues = check_workbook(make_workbook({address: value}, lang=book_lang))
    sheet, cell = address.split("!")
    assert inputs is None
    assert flat(issues) == [(sheet, cell, code)]
    message = issues[0].message
    label = schema.RISKS.column("likelihood").header(book_lang)
    assert label in message and cell in message
    if code == "out-of-range":
        assert ("from 1 to 5" if book_lang == "en" else "dari 1 sampai 5") in message


def test_a_risk_without_its_rating_is_an_error(make_workbook):
    address = template.cell_of("risks", "impact", 0)
    _inputs, issues = check_workbook(make_workbook({address: None}))
    assert flat(issues) == [("Risks", "D5", "missing-value")]


def test_a_risk_of_an_unknown_option_is_a_warning_and_keeps_its_name(make_workbook, book_lang):
    address = template.cell_of("risks", "option", 0, book_lang)
    inputs, issues = check_workbook(make_workbook({address: "Vendor Z"}, lang=book_lang))
    sheet, cell = address.split("!")
    assert flat(issues) == [(sheet, cell, "unknown-risk-option")]
    assert inputs is not None and inputs.risks[0].option == "Vendor Z"


def test_the_example_register_and_commentary_are_read(book_lang):
    from tests.conftest import example_path

    inputs, issues = check_workbook(example_path(book_lang))
    assert issues == []
    assert [(r.likelihood, r.impact) for r in inputs.risks] == [
        (4, 3),
        (2, 5),
        (4, 4),
        (3, 3),
        (3, 4),
        (3, 2),
    ]
    assert inputs.risks[2].option == ("In-house" if book_lang == "en" else "Internal")
    assert inputs.risks[5].option == ""  # blank: every option
    c = inputs.commentary
    assert "**" in c.executive and c.next_steps.startswith("1. ")
    reviewer = "Dewi Lestari, Partner" if book_lang == "en" else "Dewi Lestari, Mitra"
    assert c.reviewed_by == reviewer and c.version == "1.0"
    assert c.prepared_by == "" and c.signoff_date is None


def test_commentary_rows_by_label_in_either_language_and_a_signoff_date(make_workbook):
    text = template.cell_of("commentary", "text", 0)
    section = template.cell_of("commentary", "section", 0)
    date_row = [c.code for c in schema.COMMENTARY_SECTIONS].index("date")
    book = make_workbook(
        {
            section: "Komentar eksekutif",
            text: "Line one\nLine two",
            template.cell_of("commentary", "text", date_row): datetime(2026, 12, 3),
        }
    )
    inputs, issues = check_workbook(book)
    assert issues == []
    assert inputs.commentary.executive == "Line one\nLine two"
    assert inputs.commentary.signoff_date == date(2026, 12, 3)


def test_a_signoff_date_that_is_no_date_is_an_error(make_workbook):
    date_row = [c.code for c in schema.COMMENTARY_SECTIONS].index("date")
    address = template.cell_of("commentary", "text", date_row)
    inputs, issues = check_workbook(make_workbook({address: "next Tuesday"}))
    assert inputs is None
    assert flat(issues) == [("Commentary", address.split("!")[1], "not-a-date")]


def test_a_workbook_without_the_new_sheets_reads_as_before(make_workbook, tmp_path):
    """v2 workbooks made before the Risks and Commentary sheets: no issue, no register."""
    path = make_workbook()
    wb = openpyxl.load_workbook(path)
    for key in ("risks", "commentary"):
        del wb[schema.SHEETS[key]("en")]
    wb.save(path)
    inputs, issues = check_workbook(path)
    assert issues == []
    assert inputs.risks == () and inputs.commentary == type(inputs.commentary)()
