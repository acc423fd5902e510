"""The reader's issue messages in English and Bahasa Indonesia; each names the place, the value
found and what is expected. Why a file cannot be used at all is in unusable.py, the same way."""

from __future__ import annotations

from typing import Any

from ..issues import Issue
from ..schema import T, Text

MESSAGES: dict[str, Text] = {
    "missing-meta": T(
        "The hidden sheet _meta with the name template_version was not found: this workbook was "
        "not made from the cs-sourcing template (version {expected}). Start from "
        "`cs-sourcing template` and copy your data into it.",
        "Lembar tersembunyi _meta dengan nama template_version tidak ditemukan: buku kerja ini tidak "
        "dibuat dari templat cs-sourcing (versi {expected}). Mulailah dari `cs-sourcing "
        "template` lalu salin data Anda ke dalamnya.",
    ),
    "wrong-template-version": T(
        "Template version {found} found in {sheet}!{cell}, but this tool reads template versions "
        "{expected}. Copy your data into a new template (`cs-sourcing template`).",
        "Versi templat {found} ditemukan di {sheet}!{cell}, tetapi alat ini membaca templat "
        "versi {expected}. Salin data Anda ke templat baru (`cs-sourcing template`).",
    ),
    "missing-table": T(
        "The table {table} (sheet {expected_sheet}) was not found. Do not delete or rename the "
        "tables of the template; Excel shows them under Formulas > Name Manager.",
        "Tabel {table} (lembar {expected_sheet}) tidak ditemukan. Jangan menghapus atau mengganti "
        "nama tabel templat; Excel menampilkannya di Rumus > Pengelola Nama.",
    ),
    "missing-table-sheet": T(
        "The sheet {expected_sheet} with the table {table} was not found: it was deleted (or "
        "renamed and its table removed). Copy the sheet back from a new template "
        "(`cs-sourcing template`) and fill it again.",
        "Lembar {expected_sheet} dengan tabel {table} tidak ditemukan: lembar itu terhapus (atau "
        "diganti namanya dan tabelnya dihapus). Salin kembali lembar itu dari templat baru "
        "(`cs-sourcing template`) lalu isi lagi.",
    ),
    "table-converted-to-range": T(
        "The table {table} is no longer an Excel table (converted to a range, or the sheet was "
        "pasted into another workbook); it was read from its headers in {sheet}!{headers}, rows "
        "{rows}. Check that these are all its rows, or make it a table again: select it, Insert "
        "> Table, and name it {table} (Table Design > Table Name).",
        "Tabel {table} bukan lagi tabel Excel (diubah menjadi rentang, atau lembarnya ditempel ke "
        "buku kerja lain); datanya dibaca dari judul kolom di {sheet}!{headers}, baris {rows}. "
        "Periksa bahwa semua barisnya terbaca, atau jadikan tabel lagi: pilih rentangnya, Sisipkan "
        "> Tabel, lalu beri nama {table} (Desain Tabel > Nama Tabel).",
    ),
    "table-converted-to-range-empty": T(
        "The table {table} is no longer an Excel table (converted to a range, or the sheet was "
        "pasted into another workbook); its headers were found in {sheet}!{headers}, with no rows "
        "below them. Make it a table again: select it, Insert > Table, and name it {table}.",
        "Tabel {table} bukan lagi tabel Excel (diubah menjadi rentang, atau lembarnya ditempel ke "
        "buku kerja lain); judul kolomnya ada di {sheet}!{headers}, tanpa baris di bawahnya. "
        "Jadikan tabel lagi: pilih rentangnya, Sisipkan > Tabel, lalu beri nama {table}.",
    ),
    "missing-column": T(
        "Table {table} on sheet {sheet} has no column {column} (headers found: {found}). "
        "Add the column back with this header.",
        "Tabel {table} di lembar {sheet} tidak punya kolom {column} (judul yang ada: {found}). "
        "Tambahkan kembali kolom dengan judul ini.",
    ),
    "missing-column-optional": T(
        "Table {table} on sheet {sheet} has no column {column}; its default is used for every row.",
        "Tabel {table} di lembar {sheet} tidak punya kolom {column}; nilai bawaannya dipakai "
        "untuk setiap baris.",
    ),
    "extra-column": T(
        "Column {cell} of table {table} on sheet {sheet} has the header {value!r}, which the "
        "template does not know; the column is ignored. Expected headers: {expected}.",
        "Kolom {cell} tabel {table} di lembar {sheet} berjudul {value!r}, yang tidak dikenal "
        "templat; kolom ini diabaikan. Judul yang diharapkan: {expected}.",
    ),
    "duplicate-column": T(
        "Column {cell} of table {table} on sheet {sheet} repeats the header {value!r}; only "
        "the first such column is read.",
        "Kolom {cell} tabel {table} di lembar {sheet} mengulang judul {value!r}; hanya kolom "
        "pertama yang dibaca.",
    ),
    "missing-name": T(
        "The named cell {name} ({label}) was not found; it is expected on sheet {expected_sheet}. "
        "Do not delete the names of the template (Formulas > Name Manager).",
        "Sel bernama {name} ({label}) tidak ditemukan; seharusnya ada di lembar {expected_sheet}. "
        "Jangan menghapus nama-nama templat (Rumus > Pengelola Nama).",
    ),
    "missing-name-optional": T(
        "The named cell {name} ({label}) was not found on sheet {expected_sheet}; its default is "
        "used.",
        "Sel bernama {name} ({label}) tidak ditemukan di lembar {expected_sheet}; nilai bawaannya "
        "dipakai.",
    ),
    "broken-name": T(
        "The name {name} points to {value!r}, not to a cell of this workbook. Point it back to "
        "its cell on sheet {expected_sheet} (Formulas > Name Manager).",
        "Nama {name} menunjuk ke {value!r}, bukan ke sel di buku kerja ini. Arahkan kembali "
        "ke selnya di lembar {expected_sheet} (Rumus > Pengelola Nama).",
    ),
    "formula-without-value": T(
        "Cell {sheet}!{cell} holds the formula ={value} without a calculated value ({reason}). "
        "Open the workbook in Excel or LibreOffice and save it so the value is stored, or type "
        "the number.",
        "Sel {sheet}!{cell} berisi rumus ={value} tanpa nilai terhitung ({reason}). Buka buku "
        "kerja di Excel atau LibreOffice lalu simpan agar nilainya tersimpan, atau ketik angkanya.",
    ),
    "formula-error": T(
        "Cell {sheet}!{cell} holds a formula whose result is the error {value}; a value is "
        "expected. Fix the formula or type the number.",
        "Sel {sheet}!{cell} berisi rumus yang hasilnya galat {value}; yang diharapkan sebuah "
        "nilai. Perbaiki rumusnya atau ketik angkanya.",
    ),
    "macros-ignored": T(
        "The workbook contains macros (VBA); they were ignored and never run. Only the cell "
        "values are read.",
        "Buku kerja berisi makro (VBA); makro diabaikan dan tidak pernah dijalankan. Hanya nilai sel "
        "yang dibaca.",
    ),
}


def make_issue(
    code: str,
    severity: str,
    lang: str,
    *,
    sheet: str | None = None,
    cell: str | None = None,
    field: str | None = None,
    value: Any = None,
    message_key: str | None = None,
    **fmt: Any,
) -> Issue:
    """An Issue whose message is MESSAGES[message_key or code] in `lang`, filled from the
    place, the value and `fmt`."""
    template = MESSAGES[message_key or code](lang)
    params = {"sheet": sheet, "cell": cell, "value": value, **fmt}
    return Issue(
        code=code,
        severity=severity,
        sheet=sheet,
        cell=cell,
        field=field,
        value=value,
        message=template.format(**params),
        params=params,
    )
