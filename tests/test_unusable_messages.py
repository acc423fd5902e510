"""The unusable-file messages: one catalogue in EN and ID, every call site on a known key with
its placeholders, each hostile file explained in the language asked for."""

from __future__ import annotations

import ast
import csv
import json
import pickle
import re
import shutil
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.issues import WorkbookError
from pipeline.workbook import read_workbook
from pipeline.workbook.unusable import CODES, KINDS, MESSAGES, placeholders, render, unusable
from tests.test_hostile import (
    _csv,
    _declared_bomb,
    _empty,
    _encrypted,
    _numbers,
    _random_bytes,
    _zipped_workbook,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "hostile"
# Words an English sentence cannot do without and an Indonesian one never uses ("File" is
# also the menu in Indonesian Excel).
ENGLISH = {"the", "is", "it", "and", "not", "of", "workbook", "this", "cannot", "refused"}
INDONESIAN = ("buku kerja", "berkas", "bagian", "arsip", "ditolak")


def english_words(text: str) -> set[str]:
    return {w.strip(".,;:()").lower() for w in text.split()} & ENGLISH


def is_indonesian(text: str) -> bool:
    return not english_words(text) and any(w in text for w in INDONESIAN)


# ------------------------------------------------------------------------------- the catalogue
@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    text = MESSAGES[key]
    assert text.en and text.id and text.en != text.id
    assert placeholders(text.en) == placeholders(text.id)
    assert english_words(text.id) == set()
    assert text.en[0].islower() and text.id[0].islower()  # they follow "book.xlsx: "
    assert text.en.endswith(".") and text.id.endswith(".")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_file_has_both_languages(kind):
    assert KINDS[kind].en and KINDS[kind].id and KINDS[kind].en != KINDS[kind].id
    assert english_words(KINDS[kind].id) == set()


def _call_sites():
    """(file, line, code, key, keyword names) of every pkg.fail / _fail / unusable call."""
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "fail" and isinstance(func, ast.Attribute):
                args = node.args[:2]
            elif name in ("_fail", "unusable"):
                args = node.args[1:3]
            else:
                continue
            if len(args) < 2 or any(k.arg is None for k in node.keywords):
                continue  # _fail and Package.fail passing their own **params on
            code, key = (a.value if isinstance(a, ast.Constant) else None for a in args)
            names = {k.arg for k in node.keywords if k.arg != "name"}
            yield f"{path.relative_to(ROOT)}:{node.lineno}", code, key, names


def test_every_call_site_names_a_known_code_and_key_with_its_placeholders():
    sites = list(_call_sites())
    assert len(sites) >= 35
    wrong = [
        (where, code, key, names)
        for where, code, key, names in sites
        if code not in CODES or key not in MESSAGES or names != placeholders(MESSAGES[key].en)
    ]
    assert wrong == []
    assert sorted(set(MESSAGES) - {key for _, _, key, _ in sites}) == []  # no dead message


def test_the_validation_page_lists_every_kind_of_unusable_file():
    text = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    assert [c for c in CODES if f"| `{c}` | unusable |" not in text] == []


def test_numbers_are_written_in_the_language():
    params = {"part": "xl/worksheets/sheet1.xml", "mb": 3815, "ratio": 1055966}
    assert "3,815 MB (1,055,966 times" in render("part-would-expand", "en", **params)
    assert "3.815 MB (1.055.966 kali" in render("part-would-expand", "id", **params)


def test_the_error_keeps_its_english_text_code_and_path_and_pickles_whole(tmp_path):
    exc = unusable(tmp_path / "book.xlsx", "zip-bomb", "part-too-large", part="p", size=1234)
    assert str(exc) == exc.message("en") == "book.xlsx: the part p is too large (1,234 bytes)."
    assert exc.message("id") == "book.xlsx: bagian p terlalu besar (1.234 byte)."
    assert exc.message(None) == exc.message("fr") == str(exc)
    assert (exc.code, exc.path, exc.key) == (
        "zip-bomb",
        str(tmp_path / "book.xlsx"),
        "part-too-large",
    )
    back = pickle.loads(pickle.dumps(exc))
    assert (str(back), back.message("id"), back.code, back.path, back.key) == (
        str(exc),
        exc.message("id"),
        exc.code,
        exc.path,
        exc.key,
    )
    # Raised without the catalogue (a plain message): English in every language.
    plain = WorkbookError("x.xlsx: gone.", code="corrupt-workbook")
    assert plain.message("id") == "x.xlsx: gone."


# ----------------------------------------------------------------------------- hostile files
HOSTILE = [
    ("empty-file", _empty, "empty-file", "the file is empty (0 bytes)"),
    ("csv-text", _csv, "not-a-workbook", "plain text (CSV or similar)"),
    ("random-bytes", _random_bytes, "not-a-workbook", "unrecognised content"),
    ("zip-bomb", _declared_bomb, "zip-bomb", "would expand to 3,815 MB"),
    ("encrypted-ole", _encrypted, "encrypted-workbook", "password-protected"),
    ("nested-zip", _zipped_workbook, "not-a-workbook", "a workbook inside"),
    ("numbers", _numbers, "not-a-workbook", "an Apple Numbers file"),
]


@pytest.mark.parametrize(
    ("make", "code", "english"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_a_hostile_file_is_explained_in_indonesian_too(tmp_path, make, code, english):
    path = make(tmp_path / "book.xlsx")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    exc = caught.value
    assert exc.code == code
    assert english in str(exc) and exc.message("en") == str(exc)
    indonesian = exc.message("id")
    assert indonesian.startswith("book.xlsx: ") and indonesian != str(exc)
    assert is_indonesian(indonesian), indonesian


def test_a_zip_bomb_says_its_size_in_indonesian_numbers(tmp_path):
    with pytest.raises(WorkbookError) as caught:
        read_workbook(_declared_bomb(tmp_path / "book.xlsx"))
    # The ratio depends on how well the template's first sheet compresses: its digits are grouped
    # the Indonesian way, whatever they are.
    assert re.search(
        r"3\.815 MB \(\d{1,3}(\.\d{3})+ kali ukuran terkompresinya\)", caught.value.message("id")
    )


# ------------------------------------------------------------------------------ command line
def test_validate_json_lang_id_is_one_indonesian_issue(tmp_path, capsys):
    book = _csv(tmp_path / "book.xlsx")
    assert cli.main(["validate", str(book), "--json", "--lang", "id"]) == 2
    captured = capsys.readouterr()
    [issue] = json.loads(captured.out)
    assert (issue["code"], issue["severity"], issue["value"]) == (
        "unusable-file",
        "error",
        "not-a-workbook",
    )
    assert issue["message"].startswith("book.xlsx: berkas ini teks biasa")
    assert is_indonesian(issue["message"])
    assert captured.err.startswith("galat: book.xlsx: berkas ini teks biasa")


def test_validate_without_lang_stays_english(tmp_path, capsys):
    book = _empty(tmp_path / "book.xlsx")
    assert cli.main(["validate", str(book), "--json"]) == 2
    captured = capsys.readouterr()
    [issue] = json.loads(captured.out)
    assert issue["message"] == "book.xlsx: the file is empty (0 bytes); it is not a workbook."
    assert captured.err == f"error: {issue['message']}\n"


@pytest.mark.parametrize("command", ["validate", "compute", "report"])
def test_every_command_speaks_the_language_asked_for(tmp_path, capsys, command):
    book = _empty(tmp_path / "book.xlsx")
    assert cli.main([command, str(book), "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert err == "galat: book.xlsx: berkas ini kosong (0 byte); ini bukan buku kerja.\n"
    assert not (tmp_path / "book-report.pdf").exists()


def test_batch_summary_gives_the_reason_in_the_language_asked_for(tmp_path, capsys):
    folder = tmp_path / "clients"
    folder.mkdir()
    _empty(folder / "empty.xlsx")
    shutil.copy(CORPUS / "workbook-inside-a-zip.xlsx", folder / "zipped.xlsx")
    out = tmp_path / "reports"
    assert cli.main(["-q", "batch", str(folder), "-o", str(out), "--jobs", "1", "--lang", "id"])
    with (out / "summary.csv").open(newline="", encoding="utf-8") as f:
        rows = {r["file"]: r for r in csv.DictReader(f)}
    assert {k: r["status"] for k, r in rows.items()} == {
        "empty.xlsx": "unusable",
        "zipped.xlsx": "unusable",
    }
    assert (
        rows["empty.xlsx"]["message"]
        == "empty.xlsx: berkas ini kosong (0 byte); ini bukan buku kerja."
    )
    assert is_indonesian(rows["zipped.xlsx"]["message"])
