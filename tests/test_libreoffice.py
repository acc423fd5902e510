"""The example saved by LibreOffice (`--convert-to xlsx`) reads back to the same inputs.

CI installs LibreOffice, so this always runs there; elsewhere it is skipped with a visible reason.
"""

import os
import shutil
import subprocess
from dataclasses import replace

import openpyxl
import pytest

from pipeline.flow import check_workbook
from pipeline.issues import errors
from tests.conftest import example_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

if SOFFICE is None and os.environ.get("CS_SOURCING_REQUIRE_LIBREOFFICE"):
    pytest.fail("CI requires LibreOffice (soffice) but it is not installed", pytrace=False)

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) not installed: apt-get install libreoffice-calc-nogui",
)


def libreoffice_roundtrip(src, outdir):
    outdir.mkdir()
    profile = outdir.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return outdir / src.name


@pytest.mark.parametrize("lang", ["en", "id"])
def test_libreoffice_saved_example_reads_back_to_the_same_inputs(make_workbook, tmp_path, lang):
    original = make_workbook(lang=lang)
    saved = libreoffice_roundtrip(original, tmp_path / "lo")
    assert saved.exists() and saved.read_bytes() != original.read_bytes()
    before, issues_before = check_workbook(original)
    after, issues_after = check_workbook(saved)
    assert errors(issues_after) == []
    assert after is not None and before is not None
    assert replace(after, source_name="") == replace(before, source_name="")
    assert [(i.code, i.cell) for i in issues_after] == [(i.code, i.cell) for i in issues_before]


def test_libreoffice_saved_converted_ranges_read_back_to_the_same_inputs(tmp_path):
    """Tables converted to ranges, then saved by LibreOffice (which rewrites every cell and
    style): the ranges are still found by their headers."""
    converted = tmp_path / "ranges.xlsx"
    wb = openpyxl.load_workbook(example_path("en"))
    for ws in wb:
        for name in list(ws.tables):
            del ws.tables[name]
    wb.save(converted)
    saved = libreoffice_roundtrip(converted, tmp_path / "lo")
    before, issues_before = check_workbook(example_path("en"))
    after, issues_after = check_workbook(saved)
    assert after is not None and before is not None
    assert replace(after, source_name="") == replace(before, source_name="")
    converted_issues = [
        (i.sheet, i.cell) for i in issues_after if i.code == "table-converted-to-range"
    ]
    assert converted_issues == [
        ("Demand", "A4"),
        ("Options", "A4"),
        ("Costs", "A4"),
        ("Qualitative", "A4"),
    ]
    assert [i.code for i in issues_after if i.code != "table-converted-to-range"] == [
        i.code for i in issues_before
    ]
