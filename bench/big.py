"""A large workbook for the benchmark: the example with its cost lines repeated to N lines."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries


def write_big_workbook(path: Path, *, lines: int = 20000, lang: str = "en") -> Path:
    """Write the example with `lines` cost lines (its own lines repeated, items numbered)."""
    from pipeline.template import write_example

    write_example(path, lang=lang)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if "tbl_costs" in ws.tables:
            break
    else:
        raise RuntimeError("the example has no tbl_costs table")
    table = ws.tables["tbl_costs"]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    headers = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
    item_col = min_col + next(i for i, h in enumerate(headers) if str(h).strip().lower() == "item")
    data = []
    for r in range(min_row + 1, max_row + 1):
        row = [ws.cell(r, c).value for c in range(min_col, max_col + 1)]
        if any(v not in (None, "") for v in row):
            data.append(row)
    ws.protection.sheet = False
    for i in range(lines):
        src = data[i % len(data)]
        r = min_row + 1 + i
        for j, value in enumerate(src):
            ws.cell(r, min_col + j, value)
        # Distinct items, so that the duplicate-line warning does not fire 20,000 times.
        ws.cell(r, item_col, f"{src[item_col - min_col]} #{i // len(data) + 1}")
    for r in range(min_row + 1 + lines, max_row + 1):
        for c in range(min_col, max_col + 1):
            ws.cell(r, c).value = None
    last = max(max_row, min_row + lines)
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    wb.save(path)
    return path
