"""Why a file cannot be used as a workbook, in English and Bahasa Indonesia: one catalogue keyed by
a stable message key, and `unusable()`, which builds the `WorkbookError` in both languages."""

from __future__ import annotations

import os
import string
from typing import Any

from ..issues import WorkbookError
from ..schema import LANGUAGES, T, Text

# The precise kinds of unusable file (`WorkbookError.code`, the `value` of an `unusable-file`
# issue); docs/validation.md lists each.
CODES = (
    "empty-file",
    "not-a-workbook",
    "legacy-xls",
    "xlsb-file",
    "encrypted-workbook",
    "ods-file",
    "corrupt-workbook",
    "zip-bomb",
    "xml-dtd",
    "unreadable-file",
    "file-not-found",
    "annotate-failed",
)

# What a file is, for the {kind} of "not-regular-file" and "other-document".
KINDS: dict[str, Text] = {
    "fifo": T("a named pipe (FIFO)", "pipa bernama (FIFO)"),
    "char-device": T("a character device", "perangkat karakter"),
    "block-device": T("a block device", "perangkat blok"),
    "socket": T("a socket", "soket"),
    "not-regular": T("not a regular file", "bukan berkas biasa"),
    "docx": T("a Word document (.docx)", "dokumen Word (.docx)"),
    "pptx": T("a PowerPoint presentation (.pptx)", "presentasi PowerPoint (.pptx)"),
    "zip": T("a zip archive", "arsip zip"),
}
UNKNOWN_METHOD = T("an unknown method", "metode yang tidak dikenal")

SAVE_AS_XLSX = T(
    "save it as an Excel Workbook (.xlsx).", "simpan sebagai Buku Kerja Excel (.xlsx)."
)

MESSAGES: dict[str, Text] = {
    # ------------------------------------------------------------- what the file is, by its bytes
    "empty": T(
        "the file is empty (0 bytes); it is not a workbook.",
        "berkas ini kosong (0 byte); ini bukan buku kerja.",
    ),
    "encrypted-ole": T(
        "the workbook is password-protected (encrypted). Open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it as .xlsx.",
        "buku kerja ini dilindungi kata sandi (dienkripsi). Buka di Excel, hapus kata sandinya "
        "(File > Info > Proteksi Buku Kerja), lalu simpan sebagai .xlsx.",
    ),
    "legacy-xls": T(
        "this is an old-format Excel file (.xls, Excel 97-2003). Open it in Excel or LibreOffice "
        "and " + SAVE_AS_XLSX.en,
        "ini berkas Excel format lama (.xls, Excel 97-2003). Buka di Excel atau LibreOffice, lalu "
        + SAVE_AS_XLSX.id,
    ),
    "legacy-biff": T(
        "this is an old Excel (.xls) workbook (Excel 2-4). Open it in Excel or LibreOffice and "
        + SAVE_AS_XLSX.en,
        "ini buku kerja Excel lama (.xls) dari Excel 2-4. Buka di Excel atau LibreOffice, lalu "
        + SAVE_AS_XLSX.id,
    ),
    "empty-zip": T(
        "the file is an empty zip archive, not a workbook.",
        "berkas ini arsip zip kosong, bukan buku kerja.",
    ),
    "broken-zip": T(
        "the file is damaged (broken zip archive).",
        "berkas ini rusak (arsip zip-nya tidak utuh).",
    ),
    "fods": T(
        "this is a flat OpenDocument spreadsheet (.fods). Open it in LibreOffice and "
        + SAVE_AS_XLSX.en,
        "ini spreadsheet OpenDocument datar (.fods). Buka di LibreOffice, lalu " + SAVE_AS_XLSX.id,
    ),
    "xml-or-html": T(
        "the file is an XML or HTML document, not an .xlsx workbook. Open it in Excel and "
        + SAVE_AS_XLSX.en,
        "berkas ini dokumen XML atau HTML, bukan buku kerja .xlsx. Buka di Excel, lalu "
        + SAVE_AS_XLSX.id,
    ),
    "plain-text": T(
        "the file is plain text (CSV or similar) with an .xlsx name, not a workbook. Open it in "
        "Excel and save it as an Excel Workbook (.xlsx), or start from the template "
        "(`cs-sourcing template`).",
        "berkas ini teks biasa (CSV atau sejenisnya) yang diberi nama .xlsx, bukan buku kerja. "
        "Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx), atau mulailah dari templat "
        "(`cs-sourcing template`).",
    ),
    "unrecognised": T(
        "the file is not a spreadsheet (unrecognised content), not an Excel workbook (.xlsx).",
        "isi berkas ini tidak dikenali: ini bukan lembar kerja, bukan buku kerja Excel (.xlsx).",
    ),
    # -------------------------------------------------------------------- the path, not the bytes
    "folder": T("this is a folder, not a workbook.", "ini folder, bukan buku kerja."),
    "not-found": T("no such file.", "berkas tidak ditemukan."),
    "unreadable": T("cannot read the file ({detail}).", "berkas tidak dapat dibaca ({detail})."),
    "not-regular-file": T(
        "this is {kind}, not a workbook file; give the path of a saved .xlsx workbook.",
        "ini {kind}, bukan berkas buku kerja; berikan jalur ke buku kerja .xlsx yang tersimpan.",
    ),
    "upload-too-large": T(
        "the upload is larger than any workbook; refused.",
        "unggahan ini lebih besar daripada buku kerja mana pun; ditolak.",
    ),
    # ------------------------------------------------------------ the zip and its central directory
    "zip-directory": T(
        "the file is damaged or truncated (its zip directory cannot be read). Re-save or "
        "re-download it.",
        "berkas ini rusak atau terpotong (direktori zip-nya tidak dapat dibaca). Simpan ulang "
        "atau unduh ulang berkasnya.",
    ),
    "too-many-members": T(
        "the archive holds {count} files; refused.",
        "arsip ini berisi {count} berkas; ditolak.",
    ),
    "encrypted-member": T(
        "the workbook is password-protected (encrypted). Remove the password and save it as .xlsx.",
        "buku kerja ini dilindungi kata sandi (dienkripsi). Hapus kata sandinya, lalu simpan "
        "sebagai .xlsx.",
    ),
    "unsupported-compression": T(
        "the file is damaged or unsupported: the part {part} is compressed with {method} (zip "
        "method {method_id}), which Excel never writes. Re-save it from Excel or LibreOffice as "
        "an Excel Workbook (.xlsx).",
        "berkas ini rusak atau tidak didukung: bagian {part} dikompresi dengan {method} (metode "
        "zip {method_id}), yang tidak pernah dipakai Excel. Simpan ulang dari Excel atau "
        "LibreOffice sebagai Buku Kerja Excel (.xlsx).",
    ),
    "part-would-expand": T(
        "the part {part} would expand to {mb} MB ({ratio} times its compressed size); refused as "
        "a possible zip bomb.",
        "bagian {part} akan mengembang menjadi {mb} MB ({ratio} kali ukuran terkompresinya); "
        "ditolak karena mungkin bom zip.",
    ),
    "archive-would-expand": T(
        "the archive would expand to {mb} MB; refused as a possible zip bomb.",
        "arsip ini akan mengembang menjadi {mb} MB; ditolak karena mungkin bom zip.",
    ),
    # ------------------------------------------------------------------------ what is inside it
    "ods": T(
        "this is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and "
        + SAVE_AS_XLSX.en,
        "ini spreadsheet OpenDocument (.ods). Buka di LibreOffice atau Excel, lalu "
        + SAVE_AS_XLSX.id,
    ),
    "xlsb": T(
        "this is a binary Excel workbook (.xlsb). Save it as an Excel Workbook (.xlsx).",
        "ini buku kerja Excel biner (.xlsb). Simpan sebagai Buku Kerja Excel (.xlsx).",
    ),
    "numbers": T(
        "this is an Apple Numbers file, not an Excel workbook. In Numbers, File > Export To > "
        "Excel, then use the .xlsx file.",
        "ini berkas Apple Numbers, bukan buku kerja Excel. Di Numbers, pilih File > Ekspor Ke > "
        "Excel, lalu gunakan berkas .xlsx-nya.",
    ),
    "zip-with-workbook": T(
        "this is a zip archive with a workbook inside ({inner}): unzip it first and give the "
        "workbook itself.",
        "ini arsip zip yang berisi buku kerja ({inner}): ekstrak dulu arsipnya, lalu berikan "
        "buku kerjanya sendiri.",
    ),
    "other-document": T(
        "this is {kind}, not an Excel workbook; no spreadsheet inside.",
        "ini {kind}, bukan buku kerja Excel; tidak ada spreadsheet di dalamnya.",
    ),
    "main-part-not-spreadsheet": T(
        "the main part is not a spreadsheet workbook.",
        "bagian utamanya bukan buku kerja spreadsheet.",
    ),
    # ------------------------------------------------------------------------- reading its parts
    "missing-part": T(
        "the workbook is damaged: the part {part} is missing.",
        "buku kerja ini rusak: bagian {part} tidak ada.",
    ),
    "part-too-large": T(
        "the part {part} is too large ({size} bytes).",
        "bagian {part} terlalu besar ({size} byte).",
    ),
    "part-larger-than-declared": T(
        "the part {part} is larger than declared; refused.",
        "bagian {part} lebih besar daripada ukuran yang tercatat; ditolak.",
    ),
    "part-overflow": T(
        "the part {part} is larger than declared.",
        "bagian {part} lebih besar daripada ukuran yang tercatat.",
    ),
    "damaged-part": T(
        "the file is damaged or truncated (part {part}: {detail}). Re-save or re-download it.",
        "berkas ini rusak atau terpotong (bagian {part}: {detail}). Simpan ulang atau unduh "
        "ulang berkasnya.",
    ),
    "unsupported-encoding": T(
        "the file is damaged or unsupported: the part {part} is written in the encoding "
        "{encoding!r}; Excel workbooks are UTF-8 or UTF-16. Re-save it from Excel or LibreOffice "
        "as an Excel Workbook (.xlsx).",
        "berkas ini rusak atau tidak didukung: bagian {part} ditulis dengan pengodean "
        "{encoding!r}, padahal buku kerja Excel selalu UTF-8 atau UTF-16. Simpan ulang dari "
        "Excel atau LibreOffice sebagai Buku Kerja Excel (.xlsx).",
    ),
    "undecodable-part": T(
        "the file is damaged or unsupported: {part} cannot be decoded ({detail}).",
        "berkas ini rusak atau tidak didukung: {part} tidak dapat didekode ({detail}).",
    ),
    "invalid-xml": T(
        "the workbook is damaged: {part} is not valid XML ({detail}).",
        "buku kerja ini rusak: {part} bukan XML yang valid ({detail}).",
    ),
    "unexpected-content": T(
        "the workbook is damaged: unexpected content in {part} ({detail}).",
        "buku kerja ini rusak: ada isi yang tidak terduga di {part} ({detail}).",
    ),
    "dtd": T(
        "the part {part} declares a DTD or XML entities, which Excel never writes; refused "
        "(possible entity-expansion or external-entity attack).",
        "bagian {part} mendeklarasikan DTD atau entitas XML, yang tidak pernah ditulis Excel; "
        "ditolak (kemungkinan serangan ekspansi entitas atau entitas eksternal).",
    ),
    # ------------------------------------------------------------------------ the annotated copy
    "annotate-load-failed": T(
        "cannot make an annotated copy ({detail}).",
        "salinan bertanda tidak dapat dibuat ({detail}).",
    ),
    "annotate-too-many-cells": T(
        "cannot make an annotated copy: the workbook stores more than {max} cells (found "
        "{cells} so far), too many to copy with its formatting. The issues above still apply; "
        "delete the sheets and rows you do not need and check it again for an annotated copy.",
        "salinan bertanda tidak dapat dibuat: buku kerja menyimpan lebih dari {max} sel "
        "(ditemukan {cells} sejauh ini), terlalu banyak untuk disalin beserta formatnya. "
        "Masalah di atas tetap berlaku; hapus lembar dan baris yang tidak diperlukan lalu "
        "periksa lagi untuk mendapatkan salinan bertanda.",
    ),
    "annotate-huge-merges": T(
        "cannot make an annotated copy: the sheet {sheet} merges {cells} cells (up to "
        "{last_cell}). Unmerge the cells below the tables (Home > Merge & Center) and try again; "
        "the issues above still apply.",
        "salinan bertanda tidak dapat dibuat: lembar {sheet} menggabungkan {cells} sel (sampai "
        "{last_cell}). Pisahkan sel yang digabung di bawah tabel (Beranda > Gabungkan & "
        "Ketengahkan > Batalkan Penggabungan Sel), lalu coba lagi; masalah di atas tetap "
        "berlaku.",
    ),
}


def placeholders(template: str) -> set[str]:
    """The names a template fills, e.g. {"part", "mb"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(key: str, lang: str, **params: Any) -> str:
    """MESSAGES[key] in `lang`, filled from `params`: numbers in the language's separators
    (1,234 / 1.234), `Text` values in the language."""
    values = {name: _shown(value, lang) for name, value in params.items()}
    return MESSAGES[key](lang).format(**values)


def unusable(
    path: str | os.PathLike, code: str, key: str, *, name: str | None = None, **params: Any
) -> WorkbookError:
    """The WorkbookError for the file at `path` (shown by its base name, or `name`): `code` is
    its kind (CODES), `key` its message in MESSAGES, `params` the message's placeholders."""
    shown = name or os.path.basename(path)
    messages = {lang: f"{shown}: {render(key, lang, **params)}" for lang in LANGUAGES}
    return WorkbookError(messages["en"], code=code, path=str(path), key=key, messages=messages)


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value(lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Imported on use: the read path does not load the validation stage for a message.
        from ..numbers import fmt_num

        return fmt_num(value, lang)
    return value
