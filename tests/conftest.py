"""Shared fixtures: `make_workbook` copies the filled example and applies cell and name edits.

Where things land in the example (compute addresses with the helpers rather than hard-coding):
- every table's header is row 4 and its data starts at row 5 (`template.FIRST_DATA_ROW`);
  `template.cell_of("costs", "amount", 0, lang)` -> "Costs!F5" (EN) / "Biaya!F5" (ID);
- column letters follow schema order: `template.column_letter("costs", "basis")` -> "E";
- single values sit in column B of the Project sheet, one per schema.FIELDS entry from row 5:
  `template.field_cell("horizon_years", "en")` -> "Project!B10";
- example rows are `example_data.table_rows(table_name, lang)` in sheet order, so the row index of a
  line is its position there (`example_row("tbl_costs", item="Setup and onboarding fee")`);
- tbl_scores: Criterion in A, Weight in B, then one column per option in Options order.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from pipeline import example_data, template

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    lang: ROOT / "input_templates" / template.FILE_NAMES[("example", lang)] for lang in ("en", "id")
}
TEMPLATES = {
    lang: ROOT / "input_templates" / template.FILE_NAMES[("template", lang)]
    for lang in ("en", "id")
}


def example_path(lang: str = "en") -> Path:
    """The committed filled example of `lang` (never edit it: copy it, or use make_workbook)."""
    return EXAMPLES[lang]


def template_path(lang: str = "en") -> Path:
    """The committed blank template of `lang`."""
    return TEMPLATES[lang]


def example_row(table_name: str, lang: str = "en", **match: object) -> int:
    """0-based row index of the first example row whose columns equal `match` (labels in `lang`)."""
    for i, row in enumerate(example_data.table_rows(table_name, lang)):
        if all(row.get(k) == v for k, v in match.items()):
            return i
    raise LookupError(f"no example row of {table_name} matches {match}")


def apply_edits(path: Path, edits: dict[str, object] | None = None, **names: object) -> Path:
    """Apply `{"Sheet!A1": value}` cell edits and `name=value` defined-name edits to `path` in place.

    A value of None blanks the cell. A string starting with '=' is stored as a formula (without a
    cached value, as scripts write them).
    """
    wb = openpyxl.load_workbook(path)
    for address, value in (edits or {}).items():
        sheet, ref = address.rsplit("!", 1)
        wb[sheet.strip("'")][ref].value = value
    for name, value in names.items():
        if name not in wb.defined_names:
            raise KeyError(f"the example has no defined name {name!r}")
        (sheet, ref), *_ = wb.defined_names[name].destinations
        wb[sheet][ref.replace("$", "")].value = value
    wb.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """A function `make_workbook(edits=None, *, lang="en", **names) -> Path`.

    Copies the filled example of `lang` into tmp_path (a new file per call) and applies cell edits
    keyed "Sheet!A1" (that language's sheet names) and defined-name edits given as keywords
    (`client_name=None` blanks the client name). With no edits the file is the example unchanged.
    """
    counter = iter(range(1_000_000))

    def make(edits: dict[str, object] | None = None, *, lang: str = "en", **names: object) -> Path:
        out = tmp_path / f"book-{lang}-{next(counter)}.xlsx"
        shutil.copyfile(EXAMPLES[lang], out)
        if edits or names:
            apply_edits(out, edits, **names)
        return out

    return make


@pytest.fixture(params=["en", "id"])
def book_lang(request) -> str:
    """Both workbook languages."""
    return request.param
