"""The reader's copy of Excel's built-in formats and serial dates equals openpyxl's, and reading a
workbook never imports openpyxl (its 0.3 s belong to the annotated copy and the templates)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl.styles import numbers
from openpyxl.utils import datetime as xl_datetime

from pipeline.workbook import formats
from tests.conftest import ROOT, example_path

FORMATS = [
    *numbers.BUILTIN_FORMATS.values(),
    "yyyy-mm-dd",
    "[$-421]dd mmmm yyyy",
    '"Rp"#,##0',
    "[Red]0.00",
    "[h]:mm",
    "0_);[Red](0)",
    "dd/mm/yyyy;@",
    '#,##0 "days"',
    None,
]


def test_builtin_formats_are_openpyxl_s():
    assert formats.BUILTIN_FORMATS == numbers.BUILTIN_FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_date_formats_are_openpyxl_s(fmt):
    assert formats.is_date_format(fmt) == numbers.is_date_format(fmt)


@pytest.mark.parametrize("serial", [0, 0.25, 0.999999, 1, 59, 60, 61, 45231.5, 100000.75, -1])
@pytest.mark.parametrize("epoch", ["windows", "mac"])
def test_serial_dates_are_openpyxl_s(serial, epoch):
    ours = formats.WINDOWS_EPOCH if epoch == "windows" else formats.MAC_EPOCH
    theirs = xl_datetime.WINDOWS_EPOCH if epoch == "windows" else xl_datetime.MAC_EPOCH
    assert formats.from_excel(serial, ours) == xl_datetime.from_excel(serial, theirs)


def test_reading_and_validating_never_imports_openpyxl():
    code = (
        "import sys; from pipeline.flow import read_and_validate; "
        f"read_and_validate({str(example_path('en'))!r}); "
        "print(sorted(m for m in sys.modules if m.startswith('openpyxl')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
