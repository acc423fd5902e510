"""The hostile regression corpus (tests/data/hostile/, written by its make.py): each file, named
after what it reproduces, gets its pinned answer from `validate --json`, never an internal error."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pipeline import cli

CORPUS = Path(__file__).parent / "data" / "hostile"
EXPECTED = {
    "backslash-member-names.xlsx": (0, None),  # read as its parts
    "deflate64-members.xlsx": (2, "corrupt-workbook"),
    "merge-to-last-row.xlsx": (0, None),  # one sweep over the stored rows, not a million cells
    "truncated-half.xlsx": (2, "corrupt-workbook"),
    "utf32-sheet.xlsx": (2, "corrupt-workbook"),
    "workbook-inside-a-zip.xlsx": (2, "not-a-workbook"),
}


def test_the_corpus_is_what_the_test_expects():
    assert sorted(p.name for p in CORPUS.glob("*.xlsx")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gets_its_answer(name):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["-q", "validate", str(CORPUS / name), "--json"])
    assert "internal error" not in out.getvalue() + err.getvalue()
    issues = json.loads(out.getvalue())
    expected_code, kind = EXPECTED[name]
    assert code == expected_code
    if kind is not None:
        assert [(i["code"], i["value"]) for i in issues] == [("unusable-file", kind)]
        assert issues[0]["message"]
