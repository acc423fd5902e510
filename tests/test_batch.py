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
