"""The data-quality appendix tells the client what each warning means for the figures."""

from __future__ import annotations

import pytest

from pipeline.issues import WARNING, Issue
from pipeline.report.caveats import SENTENCES, caveat, sentence_for
from pipeline.validate import CODES_BY_NAME, validate
from pipeline.workbook.messages import MESSAGES as READER_MESSAGES

from .test_validate import CASES, TODAY, make_book

VALIDATION_WARNINGS = sorted(c for c, spec in CODES_BY_NAME.items() if spec.severity == WARNING)
# The reader's warnings (pipeline/workbook): optional parts missing, tables and names recovered.
READER_WARNINGS = [
    "missing-column-optional",
    "missing-name-optional",
    "extra-column",
    "duplicate-column",
    "macros-ignored",
    "table-converted-to-range",
    "table-converted-to-range-empty",
    "names-recovered-by-labels",
]


@pytest.mark.parametrize("code", VALIDATION_WARNINGS + READER_WARNINGS)
def test_every_warning_has_a_sentence_for_the_client(code):
    assert code in SENTENCES
    assert code in CODES_BY_NAME or code in READER_MESSAGES or code == "names-recovered-by-labels"


def test_no_sentence_for_a_code_that_does_not_exist():
    known = set(VALIDATION_WARNINGS) | set(READER_WARNINGS)
    assert set(SENTENCES) <= known


WARNING_CASES = {
    name: edits
    for name, (edits, expected) in CASES.items()
    if any(CODES_BY_NAME[code].severity == WARNING for _s, _c, code in expected)
}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("edits", WARNING_CASES.values(), ids=WARNING_CASES.keys())
def test_each_warning_is_told_from_its_own_values(edits, lang, caplog):
    _inputs, issues = validate(make_book(**edits), today=TODAY, lang=lang)
    warned = [i for i in issues if i.severity == WARNING]
    assert warned
    for issue in warned:
        text = sentence_for(issue, lang)
        assert text, (issue.code, issue.params)
        assert "{" not in text and "None" not in text
        assert text != issue.message
        assert text[0].isupper()
        # What the client is told never asks them to edit a cell.
        for word in ("Type ", "type it", "Add ", "Delete ", "Ketik ", "Tambahkan ", "Hapus "):
            assert word not in text, text
    assert "caveat" not in caplog.text


def test_the_hidden_costs_sentence_names_the_option_and_the_effect():
    edits = next(
        edits
        for edits, expected in CASES.values()
        if any(code == "hidden-costs-missing" for _s, _c, code in expected)
    )
    _inputs, issues = validate(make_book(**edits), today=TODAY, lang="en")
    hidden = [i for i in issues if i.code == "hidden-costs-missing"]
    assert hidden
    text = caveat(hidden[0], "en")
    assert text.startswith("Option “")
    assert "counts them as zero" in text


def test_an_issue_without_values_keeps_its_message(caplog):
    # An issue read back from a results.json (pipeline.load) has no params.
    issue = Issue(code="duplicate-line", severity=WARNING, message="Costs!C24: repeats row 9.")
    assert caveat(issue, "en") == "Costs!C24: repeats row 9."
    odd = Issue(
        code="duplicate-line", severity=WARNING, message="as written", params={"value": "x"}
    )
    assert caveat(odd, "en") == "as written"
    assert "caveat duplicate-line" in caplog.text


def test_params_stay_out_of_the_json():
    issue = Issue(code="x", severity=WARNING, message="m", params={"place": "A1"})
    assert "params" not in issue.to_dict()
    assert Issue(**issue.to_dict()) == issue
