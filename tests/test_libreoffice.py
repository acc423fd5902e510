"""The example saved by LibreOffice (`--convert-to xlsx`) reads back to the same inputs.

CI installs LibreOffice, so this always runs there; elsewhere it is skipped with a visible reason.
"""

import os
import shutil
import subprocess
from dataclasses import replace

import openpyxl
import pytest

from pipeline import schema
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
        ("Profiles", "A4"),
        ("Seasonality", "A4"),
        ("Options", "A4"),
        ("Costs", "A4"),
        ("Hybrids", "A4"),
        ("Qualitative", "A4"),
        ("Risks", "A4"),
        ("Commentary", "A4"),
    ]
    assert [i.code for i in issues_after if i.code != "table-converted-to-range"] == [
        i.code for i in issues_before
    ]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_libreoffice_saved_v2_example_keeps_profiles_and_seasons(make_workbook, tmp_path, lang):
    """The v2 pieces survive a LibreOffice save: profiles, patterns, go-live, the new columns."""
    saved = libreoffice_roundtrip(make_workbook(lang=lang), tmp_path / "lo")
    inputs, issues = check_workbook(saved)
    assert [i.code for i in issues] == []
    assert inputs.template_version == 2
    assert len(inputs.profiles) == len(schema.BUILTIN_PROFILES) + 1
    phone = inputs.channels[0]
    assert (phone.profile.open_hours, phone.patience_seconds, phone.complex_share) == (
        168,
        90,
        0.15,
    )
    assert inputs.project.go_live.isoformat() == "2027-01-01"


def test_libreoffice_computes_the_profile_and_pattern_dropdowns(make_workbook, tmp_path):
    """The Profile and Seasonality dropdowns list each name once: LibreOffice evaluates the
    helper formulas of _meta and the OFFSET of the validation to exactly the names."""
    path = make_workbook({"Profiles!A40": "Night shift", "Profiles!A41": "office HOURS"})
    wb = openpyxl.load_workbook(path)
    sources = {}
    for dv in wb["Demand"].data_validations.dataValidation:
        if dv.formula1 and dv.formula1.startswith("OFFSET("):
            sources[str(dv.sqref)[0]] = dv.formula1
    assert sorted(sources) == ["K", "L"]
    probe = wb["Guide"]
    for col, formula in zip("XY", (sources["K"], sources["L"]), strict=True):
        probe[f"{col}1"] = f"=ROWS({formula})"
        for i in range(2, 10):
            probe[f"{col}{i}"] = f'=IFERROR(INDEX({formula},{i - 1}),"")'
    wb.save(path)
    saved = openpyxl.load_workbook(libreoffice_roundtrip(path, tmp_path / "lo"), data_only=True)
    guide = saved["Guide"]

    def listed(col: str) -> list[str]:
        n = guide[f"{col}1"].value
        return [guide[f"{col}{i}"].value for i in range(2, 2 + n)]

    profiles = [b.label.en for b in schema.BUILTIN_PROFILES] + ["Daily 08-20", "Night shift"]
    assert listed("X") == profiles
    assert listed("Y") == [p.label.en for p in schema.BUILTIN_PATTERNS]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_libreoffice_saved_hybrids_read_back(make_workbook, tmp_path, lang):
    """The Hybrids sheet, the business hours and In a hybrid survive a LibreOffice save, with a
    third hybrid typed in: a semicolon list, a percent and labels of the other language."""
    from pipeline import template

    def at(key: str) -> str:
        return template.cell_of("hybrids", key, 2, lang)

    typed = {
        at("hybrid"): "Half the simple messages",
        at("vendor"): "Offshore vendor" if lang == "en" else "BPO luar negeri",
        at("channels"): "whatsapp; EMAIL" if lang == "en" else "whatsapp; SUREL",
        at("hours"): "jam kerja" if lang == "en" else "business hours",
        at("tier"): "simple",
        at("share"): "50%",
    }
    original = make_workbook(typed, lang=lang)
    saved = libreoffice_roundtrip(original, tmp_path / "lo")
    before, issues_before = check_workbook(original)
    after, issues_after = check_workbook(saved)
    assert issues_before == [] and issues_after == []
    assert after.hybrids == before.hybrids
    assert [(h.channels, h.hours, h.tier, h.share) for h in after.hybrids][2] == (
        ("WhatsApp", "Email" if lang == "en" else "Surel"),
        "business",
        "simple",
        0.5,
    )
    assert after.project.business_hours == before.project.business_hours
    assert after.project.business_hours.open_hours == 45
    assert [(c.in_hybrid, c.basis) for c in after.costs] == [
        (c.in_hybrid, c.basis) for c in before.costs
    ]
