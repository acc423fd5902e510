"""The results workbook: every total equals results.json, as formulas over the right table columns
and as LibreOffice recalculates them; EN/ID sheets; written only for a valid workbook."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from functools import cache

import openpyxl
import pytest

from pipeline import frames
from pipeline.cli import main
from pipeline.export import results_workbook
from pipeline.flow import compute_workbook, results_json_bytes
from tests.conftest import example_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SHEETS_EN = ["Summary", "Cash flows", "Cash flows by year", "Monthly", "Staffing",
             "Staffing by hour", "Comparisons", "Hybrids", "Sensitivity", "Assumptions",
             "Cost lines"]  # fmt: skip
SHEETS_ID = ["Ringkasan", "Arus kas", "Arus kas per tahun", "Bulanan", "Kebutuhan staf",
             "Staf per jam", "Perbandingan", "Hibrida", "Sensitivitas", "Asumsi",
             "Baris biaya"]  # fmt: skip
RANGE = re.compile(r"'?([^'!=,(]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)")


@cache
def _results():
    return compute_workbook(example_path("en"))


@cache
def _book_bytes(lang: str) -> bytes:
    return results_workbook(_results(), lang=lang)


def _book(lang: str = "en", **kw) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(_book_bytes(lang)), **kw)


@cache
def _json() -> dict:
    return json.loads(results_json_bytes(_results()))


def _header(ws, row: int = 1) -> list:
    return [c.value for c in ws[row] if c.value is not None]


def _rows(ws, table: str) -> list[dict]:
    """The data rows of an Excel table as dicts keyed by header."""
    ref = ws.tables[table].ref
    cells = list(ws[ref])
    head = [c.value for c in cells[0]]
    return [dict(zip(head, (c.value for c in row), strict=True)) for row in cells[1:]]


def test_sheets_tables_formats_and_frozen_headers():
    wb = _book("en")
    assert wb.sheetnames == SHEETS_EN
    for ws in wb.worksheets:
        assert ws.tables, ws.title  # every sheet holds Excel tables (ListObjects)
        assert ws.freeze_panes is not None, ws.title
    cash = wb["Cash flows"]
    assert _header(cash) == ["Option", "Month", "Year", "Category", "Part", "Cost type", "Item",
                             "Basis", "Channel", "Row", "Amount"]  # fmt: skip
    assert cash["K2"].number_format == "#,##0;[Red]-#,##0"  # rupiah without ".00"
    assert cash["B2"].number_format == "0"  # months as integers
    assert wb["Staffing"]["K2"].number_format == "0.0%"
    assert cash.column_dimensions["K"].width >= 14  # no ####


def test_indonesian_workbook_speaks_indonesian():
    wb = _book("id")
    assert wb.sheetnames == SHEETS_ID
    assert _header(wb["Arus kas"]) == ["Opsi", "Bulan", "Tahun", "Kategori", "Bagian",
                                       "Jenis biaya", "Item", "Dasar", "Saluran", "Baris",
                                       "Jumlah"]  # fmt: skip
    assert _header(wb["Ringkasan"])[:3] == ["Opsi", "Jenis", "Total biaya"]
    assert wb["Arus kas"].cell(wb["Arus kas"].max_row, 1).value == "Total"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_table_has_unique_text_headers(lang):
    # Excel repairs (and renames) a table whose headers repeat or are not text.
    for ws in _book(lang).worksheets:
        for table in ws.tables.values():
            head = [c.value for c in next(iter(ws[table.ref]))]
            assert all(isinstance(h, str) and h for h in head), (ws.title, head)
            assert len(set(head)) == len(head), (ws.title, head)


def test_every_cross_sheet_formula_reads_a_whole_table_column():
    wb = _book("en")
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                for sheet, c1, r1, c2, r2 in RANGE.findall(cell.value):
                    found += 1
                    target = wb[sheet.strip("'")]
                    assert c1 == c2
                    tables = [t.ref for t in target.tables.values()]
                    assert any(
                        re.match(rf"[A-Z]+{int(r1) - 1}:[A-Z]+{r2}$", ref) for ref in tables
                    ), (cell.coordinate, cell.value, tables)
    assert found > 50


def test_summary_formulas_name_the_right_columns():
    wb = _book("en")
    summary, cash, monthly = wb["Summary"], wb["Cash flows"], wb["Monthly"]
    n = cash.max_row - 1  # the totals row is below the table
    assert summary["C2"].value == (f"=SUMIFS('Cash flows'!$K$2:$K${n},'Cash flows'!$A$2:$A${n},A2)")
    assert (cash["K1"].value, cash["A1"].value) == ("Amount", "Option")
    assert summary["D2"].value.startswith("=SUMIFS('Monthly'!$G$2:$G$")
    assert (monthly["G1"].value, monthly["A1"].value) == ("Present value", "Option")
    assert cash.cell(cash.max_row, 11).value == f"=SUBTOTAL(109,K2:K{n})"
    # the Monthly discount factors read the Summary's discount rate
    rate = monthly["F3"].value
    address = re.search(r"'Summary'!\$B\$(\d+)", rate).group(1)
    assert summary[f"A{address}"].value == "Discount rate"


def test_long_table_adds_up_to_the_totals_and_the_comparisons():
    results = _results()
    cf = frames.cash_flows(results)
    totals = cf.groupby("option")["amount"].sum()
    base = totals[results.baseline]
    for o in results.options:
        assert totals[o.name] == pytest.approx(o.total_cost, rel=1e-9)
        by_year = cf[cf.option == o.name].groupby("year")["amount"].sum()
        assert list(by_year) == pytest.approx(list(o.annual_cost), rel=1e-9)
    for c in results.comparisons:
        if c.kind == "option":
            assert base - totals[c.option] == pytest.approx(c.net_savings, rel=1e-9)
    assert set(cf.kind) <= {"line", "parallel_run", "min_fee_topup"}  # never "rest"


def test_beyond_excel_rows_the_long_table_keeps_option_category_and_month(monkeypatch):
    import pipeline.export as export

    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 100)
    wb = openpyxl.load_workbook(io.BytesIO(results_workbook(_results(), lang="en")))
    rows = _rows(wb["Cash flows"], "tbl_cash_flows")
    keys = [(r["Option"], r["Month"], r["Category"]) for r in rows]
    assert len(keys) == len(set(keys))
    total = sum(r["Amount"] for r in rows)
    assert total == pytest.approx(sum(o.total_cost for o in _results().options), rel=1e-9)


def _close(a, b):
    if b is None:
        return a in (None, "")
    return a == pytest.approx(b, rel=1e-6, abs=1e-6)


def _check_values(wb, lang: str) -> None:
    """Recalculated (or cached) values of every formula against results.json."""
    data = _json()
    names = dict(zip(SHEETS_EN, SHEETS_ID if lang == "id" else SHEETS_EN, strict=True))
    options = {o["name"]: o for o in data["options"]}
    summary = _rows(wb[names["Summary"]], "tbl_summary")
    assert len(summary) == len(options)
    for row in summary:
        o = options[row[list(row)[0]]]
        values = list(row.values())
        assert _close(values[2], o["total_cost"])
        assert _close(values[3], o["pv_cost"])
        assert _close(values[5], o["cost_per_contact"])
        assert _close(values[6], o["avg_fte"])
    by_year = _rows(wb[names["Cash flows by year"]], "tbl_cash_flows_by_year")
    cats = {c.label("id" if lang == "id" else "en"): c.code for c in _categories()}
    years = len(data["options"][0]["annual_cost"])
    for row in by_year:
        values = list(row.values())
        o = options[values[0]]
        code = cats[values[1]]
        assert [_close(v, e) for v, e in zip(values[2 : 2 + years],
                o["annual_by_category"][code], strict=True)] == [True] * years  # fmt: skip
        assert _close(values[2 + years], o["by_category"][code])
    comparisons = _rows(wb[names["Comparisons"]], "tbl_comparisons")
    for row, c in zip(comparisons, data["comparisons"], strict=True):
        values = list(row.values())
        assert _close(values[2], c["pv_cost"]) and _close(values[3], c["net_savings"])
        assert _close(values[4], c["npv"])
    cash = wb[names["Cash flows"]]
    assert _close(cash.cell(cash.max_row, 11).value, sum(o["total_cost"] for o in options.values()))
    staffing = wb[names["Staffing"]]
    fte = sum(s["fte"] for o in data["options"] for s in o["staffing_by_year"])
    assert _close(staffing.cell(staffing.max_row, 17).value, fte)
    for row, r in zip(_rows(wb[names["Sensitivity"]], "tbl_sensitivity"), data["sensitivity"],
                      strict=True):  # fmt: skip
        assert _close(list(row.values())[5], abs(r["npv_high"] - r["npv_low"]))


def _categories():
    from pipeline import schema

    return schema.CATEGORIES


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("lang", ["en", "id"])
def test_libreoffice_recalculates_every_total_to_results_json(tmp_path, lang):
    src = tmp_path / f"results-{lang}.xlsx"
    src.write_bytes(_book_bytes(lang))
    out = tmp_path / "lo"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    wb = openpyxl.load_workbook(out / src.name, data_only=True)
    _check_values(wb, lang)


# ------------------------------------------------------------------------------------ the CLI
def test_report_and_compute_write_the_results_workbook(tmp_path, make_workbook):
    book = make_workbook()
    xlsx = tmp_path / "results.xlsx"
    assert main(["-q", "compute", str(book), "--xlsx", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames == SHEETS_EN
    xlsx_id = tmp_path / "hasil.xlsx"
    code = main(["-q", "report", str(book), "-o", str(tmp_path / "r.pdf"), "--lang", "id",
                 "--xlsx", str(xlsx_id)])  # fmt: skip
    assert code == 0
    assert openpyxl.load_workbook(xlsx_id).sheetnames == SHEETS_ID


def test_xlsx_over_the_input_or_the_pdf_is_refused(tmp_path, make_workbook):
    book = make_workbook()
    before = book.read_bytes()
    assert main(["-q", "compute", str(book), "--xlsx", str(book)]) == 2
    assert main(["-q", "report", str(book), "--xlsx", str(book)]) == 2
    pdf = tmp_path / "r.pdf"
    assert main(["-q", "report", str(book), "-o", str(pdf), "--xlsx", str(pdf)]) == 2
    assert book.read_bytes() == before
    assert not pdf.exists()


def test_an_invalid_workbook_writes_no_results_workbook(tmp_path, make_workbook):
    book = make_workbook(client_name=None)
    xlsx = tmp_path / "results.xlsx"
    assert main(["-q", "report", str(book), "-o", str(tmp_path / "r.pdf"),
                 "--xlsx", str(xlsx)]) == 1  # fmt: skip
    assert main(["-q", "compute", str(book), "--xlsx", str(xlsx)]) == 1
    assert not xlsx.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".part")] == [book.name]


@pytest.mark.slow
def test_demo_writes_the_results_workbook_beside_each_report(tmp_path):
    assert main(["-q", "demo", "-o", str(tmp_path)]) == 0
    for lang, sheets in (("en", SHEETS_EN), ("id", SHEETS_ID)):
        book = openpyxl.load_workbook(tmp_path / f"example-{lang}.results.xlsx")
        assert book.sheetnames == sheets
        assert (tmp_path / f"example-{lang}.pdf").exists()
    assert not list(tmp_path.glob("*.part"))
