"""doctor: missing system libraries fail, a missing HarfBuzz-Subset is only a speed note."""

from __future__ import annotations

import pytest
import weasyprint.text.ffi as ffi

from pipeline import doctor


@pytest.mark.parametrize(
    ("library", "notes"),
    [("present", 0), ("missing", 1)],
    ids=["harfbuzz-subset-installed", "harfbuzz-subset-missing"],
)
def test_harfbuzz_subset_is_a_note_not_a_failure(monkeypatch, capsys, library, notes):
    if library == "missing":
        monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    elif ffi.harfbuzz_subset is None:
        monkeypatch.setattr(ffi, "harfbuzz_subset", object())
    assert len(doctor.speed_notes()) == notes
    assert doctor.main() == 0
    err = capsys.readouterr().err
    assert ("note: HarfBuzz-Subset" in err) == bool(notes)
    assert ("libharfbuzz-subset0" in err) == bool(notes)
