"""Batch: good, invalid and unusable workbooks in one folder; one failure never stops the rest."""

import csv
import shutil

import pytest

from pipeline import cli


@pytest.fixture
def batch_folder(tmp_path, make_workbook):
    folder = tmp_path / "clients"
    folder.mkdir()
    shutil.copy(make_workbook(), folder / "good.xlsx")
    shutil.copy(make_workbook(client_name=None), folder / "invalid.xlsx")
    (folder / "broken.xlsx").write_bytes(b"this is not a workbook")
    (folder / "notes.txt").write_text("ignored")
    return folder


def read_summary(path):
    with path.open(newline="", encoding="utf-8") as f:
        return {r["file"]: r for r in csv.DictReader(f)}


def test_batch_processes_every_file_and_names_the_broken_one(batch_folder, tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["batch", str(batch_folder), "-o", str(out), "--jobs", "2"]) == 1
    rows = read_summary(out / "summary.csv")
    assert {k: r["status"] for k, r in rows.items()} == {
        "broken.xlsx": "unusable",
        "good.xlsx": "ok",
        "invalid.xlsx": "invalid",
    }
    assert (out / "good.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "invalid.issues.json").exists()
    assert (out / "invalid.annotated.xlsx").exists()
    assert not (out / "invalid.pdf").exists()
    assert rows["good.xlsx"]["recommendation"]
    assert int(rows["invalid.xlsx"]["errors"]) >= 1
    assert "broken.xlsx" in capsys.readouterr().out

    # A second run with --skip-unchanged does no work for the unchanged files.
    assert cli.main(["-q", "batch", str(batch_folder), "-o", str(out), "--skip-unchanged"]) == 1
    again = read_summary(out / "summary.csv")
    assert again["good.xlsx"]["status"] == "skipped"
    assert again["good.xlsx"]["recommendation"] == rows["good.xlsx"]["recommendation"]
    # Same bytes, same tool version: the verdict cannot change, and it still fails the batch.
    assert again["broken.xlsx"]["status"] == "skipped"
    assert again["broken.xlsx"]["message"] == "unchanged (was unusable)"


def test_batch_bad_brand_is_a_usage_error(batch_folder, tmp_path, capsys):
    assert cli.main(["batch", str(batch_folder), "-o", str(tmp_path / "o"), "--brand", "nope"]) == 2


def test_batch_output_folder_must_differ(batch_folder, capsys):
    assert cli.main(["batch", str(batch_folder), "-o", str(batch_folder)]) == 2


def test_recursive_batch_mirrors_sub_folders(tmp_path, make_workbook, capsys):
    folder = tmp_path / "clients"
    (folder / "jakarta").mkdir(parents=True)
    shutil.copy(make_workbook(lang="id"), folder / "jakarta" / "toko.xlsx")
    out = tmp_path / "out"
    assert cli.main(["-q", "batch", str(folder), "-o", str(out)]) == 0
    assert read_summary(out / "summary.csv") == {}  # nothing at the top level without --recursive
    assert cli.main(["-q", "batch", str(folder), "-o", str(out), "--recursive", "--jobs", "1"]) == 0
    rows = read_summary(out / "summary.csv")
    assert rows["jakarta/toko.xlsx"]["status"] == "ok"
    assert (out / "jakarta" / "toko.pdf").read_bytes().startswith(b"%PDF-")


def test_output_names_never_collide():
    from pipeline.batch import output_stems

    assert output_stems(
        ["client.2024.xlsx", "client.2025.xlsx", "a.xlsx", "a.xlsm", "s/b.xlsx"]
    ) == {
        "client.2024.xlsx": "client.2024",
        "client.2025.xlsx": "client.2025",
        "a.xlsx": "a.xlsx",
        "a.xlsm": "a.xlsm",
        "s/b.xlsx": "s/b",
    }


# --------------------------------------------------------------------------- --notes and --draft
def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdf_keywords(path) -> str:
    from pypdf import PdfReader

    return PdfReader(path).metadata.get("/Keywords", "")


@pytest.fixture
def two_good(tmp_path, make_workbook):
    folder = tmp_path / "clients"
    folder.mkdir()
    shutil.copy(make_workbook(), folder / "alpha.xlsx")
    shutil.copy(make_workbook(), folder / "beta.xlsx")
    return folder


def test_one_notes_file_and_draft_for_every_workbook(two_good, tmp_path):
    notes = tmp_path / "NOTES.md"
    notes.write_text("# Disclaimer\nShared disclaimer for the batch.\n", encoding="utf-8")
    out = tmp_path / "reports"
    args = ["-q", "batch", str(two_good), "-o", str(out), "--jobs", "1"]
    assert cli.main([*args, "--notes", str(notes), "--draft"]) == 0
    rows = read_summary(out / "summary.csv")
    assert [(r["status"], r["notes"], r["draft"]) for r in rows.values()] == [
        ("ok", str(notes), "True"),
        ("ok", str(notes), "True"),
    ]
    for name in ("alpha", "beta"):
        text = pdf_text(out / f"{name}.pdf")
        assert "Shared disclaimer for the batch." in text and "DRAFT" in text
        assert "Draft" in pdf_keywords(out / f"{name}.pdf")

    # --skip-unchanged: same notes, same --draft: nothing to do; other notes: done again
    assert cli.main([*args, "--notes", str(notes), "--draft", "--skip-unchanged"]) == 0
    assert {r["status"] for r in read_summary(out / "summary.csv").values()} == {"skipped"}
    assert cli.main([*args, "--notes", str(notes), "--skip-unchanged"]) == 0  # no longer a draft
    again = read_summary(out / "summary.csv")
    assert {(r["status"], r["draft"]) for r in again.values()} == {("ok", "False")}
    assert "DRAFT" not in pdf_text(out / "alpha.pdf")


def test_a_notes_folder_gives_each_workbook_its_own(two_good, tmp_path):
    # Notes beside their workbooks: the input folder is the notes folder; beta.xlsx has none.
    (two_good / "alpha.md").write_text("# Next steps\nAlpha's own next step.\n", encoding="utf-8")
    out = tmp_path / "reports"
    code = cli.main(["-q", "batch", str(two_good), "-o", str(out), "--notes", str(two_good)])
    assert code == 0
    rows = read_summary(out / "summary.csv")
    assert rows["alpha.xlsx"]["notes"] == str(two_good / "alpha.md")
    assert rows["beta.xlsx"]["notes"] == ""
    assert "Alpha's own next step." in pdf_text(out / "alpha.pdf")
    assert "Alpha's own next step." not in pdf_text(out / "beta.pdf")
    assert "DRAFT" not in pdf_text(out / "alpha.pdf")


def test_recursive_notes_folder_mirrors_the_sub_folders(tmp_path, make_workbook):
    folder, notes = tmp_path / "clients", tmp_path / "notes"
    (folder / "jakarta").mkdir(parents=True)
    (notes / "jakarta").mkdir(parents=True)
    shutil.copy(make_workbook(), folder / "jakarta" / "toko.xlsx")
    (notes / "jakarta" / "toko.md").write_text("# Disclaimer\nToko only.\n", encoding="utf-8")
    (notes / "toko.md").write_text("# Disclaimer\nWrong place.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["-q", "batch", str(folder), "-o", str(out), "-r", "--jobs", "1", "--notes", str(notes)]
    assert cli.main(args) == 0
    text = pdf_text(out / "jakarta" / "toko.pdf")
    assert "Toko only." in text and "Wrong place." not in text


def test_bad_notes_stop_only_their_workbook(two_good, tmp_path, capsys):
    (two_good / "alpha.md").write_text("# Summary\nNot a section.\n", encoding="utf-8")
    (two_good / "beta.md").write_bytes(b"# Disclaimer\n\xff\xfe not UTF-8\n")
    (two_good / "gamma.xlsx").write_bytes((two_good / "beta.xlsx").read_bytes())
    out = tmp_path / "reports"
    code = cli.main(["batch", str(two_good), "-o", str(out), "--notes", str(two_good)])
    assert code == 1
    rows = read_summary(out / "summary.csv")
    assert {k: r["status"] for k, r in rows.items()} == {
        "alpha.xlsx": "bad-notes",
        "beta.xlsx": "bad-notes",
        "gamma.xlsx": "ok",
    }
    assert rows["alpha.xlsx"]["message"].startswith("notes: alpha.md line 1: “# Summary” is not")
    assert rows["beta.xlsx"]["message"].startswith("notes: cannot read the notes ")
    assert not (out / "alpha.pdf").exists() and (out / "gamma.pdf").exists()
    printed = capsys.readouterr()
    assert "bad-notes" in printed.out and "Traceback" not in printed.out + printed.err


def test_one_bad_notes_file_stops_the_batch_before_any_work(two_good, tmp_path, capsys):
    notes = tmp_path / "NOTES.md"
    notes.write_text("Text before any heading.\n", encoding="utf-8")
    out = tmp_path / "reports"
    assert cli.main(["batch", str(two_good), "-o", str(out), "--notes", str(notes)]) == 2
    assert "NOTES.md line 1: text before the first heading" in capsys.readouterr().err
    assert not (out / "alpha.pdf").exists()
    missing = cli.main(["batch", str(two_good), "-o", str(out), "--notes", str(tmp_path / "no")])
    assert missing == 2
