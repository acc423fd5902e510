"""Every word the service's pages say, in English and Indonesian, in one `Words` table of the
translation layer (`pipeline.i18n`), as the command line's `console.WORDS`. The issue messages
themselves come from the pipeline, in the workbook's language."""

from __future__ import annotations

from ..i18n import T, Words

LANGS = ("en", "id")

_PAIRS = {
    # Layout
    "title": T("Customer-service sourcing", "Layanan pelanggan: internal atau alih daya"),
    "lang-switch": T("Bahasa Indonesia", "English"),
    "footer": T(
        "Your files are kept private to you and your consultant.",
        "Berkas Anda hanya dapat dilihat oleh Anda dan konsultan Anda.",
    ),
    # Client home
    "welcome": T("Workbook for {client}", "Buku kerja untuk {client}"),
    "intro": T(
        "Fill in the workbook, upload it here and see at once what needs fixing. When it has no "
        "errors left, your report is prepared automatically.",
        "Isi buku kerja, unggah di sini, dan langsung lihat apa yang perlu diperbaiki. Bila tidak "
        "ada galat lagi, laporan Anda disiapkan otomatis.",
    ),
    "step-get": T("1. Get the workbook", "1. Ambil buku kerja"),
    "template": T("Blank template", "Templat kosong"),
    "example": T("Filled example", "Contoh terisi"),
    "in-en": T("English", "Inggris"),
    "in-id": T("Indonesian", "Indonesia"),
    "step-upload": T("2. Upload your workbook", "2. Unggah buku kerja Anda"),
    "upload-new": T("Upload a new version", "Unggah versi baru"),
    "file": T("Workbook (.xlsx)", "Buku kerja (.xlsx)"),
    "your-name": T("Your name (optional)", "Nama Anda (opsional)"),
    "upload": T("Upload and check", "Unggah dan periksa"),
    "max-size": T("Up to {mb} MB.", "Maksimal {mb} MB."),
    "history": T("Your uploads", "Unggahan Anda"),
    "no-history": T("Nothing uploaded yet.", "Belum ada unggahan."),
    "version": T("Version", "Versi"),
    "uploaded": T("Uploaded", "Diunggah"),
    "by": T("By", "Oleh"),
    "status": T("Status", "Status"),
    "file-name": T("File", "Berkas"),
    "open": T("Open", "Buka"),
    "back": T("All uploads", "Semua unggahan"),
    # Statuses
    "st-invalid": T("has errors", "berisi galat"),
    "st-valid": T("valid", "valid"),
    "st-queued": T("report waiting", "laporan menunggu"),
    "st-running": T("report in progress", "laporan diproses"),
    "st-done": T("report ready", "laporan siap"),
    "st-failed": T("report failed", "laporan gagal"),
    # Submission page
    "submission": T("{file}, version {version}", "{file}, versi {version}"),
    "counts": T("{e} error(s), {w} warning(s)", "{e} galat, {w} peringatan"),
    "has-errors": T(
        "The workbook has errors: fix the cells below, then upload the new version. No report is "
        "made until every error is fixed.",
        "Buku kerja berisi galat: perbaiki sel di bawah, lalu unggah versi barunya. Laporan baru "
        "dibuat setelah semua galat diperbaiki.",
    ),
    "no-errors": T(
        "No errors: your report is being prepared.",
        "Tidak ada galat: laporan Anda sedang disiapkan.",
    ),
    "no-issues": T("No issues found.", "Tidak ada masalah."),
    "warnings-note": T(
        "Warnings do not stop the report; they are listed in its data-quality appendix.",
        "Peringatan tidak menghentikan laporan; semuanya dicantumkan di lampiran kualitas data.",
    ),
    "issues": T("Issues", "Masalah"),
    "sheet": T("Sheet", "Lembar"),
    "whole-file": T("Whole workbook", "Seluruh buku kerja"),
    "cell": T("Cell", "Sel"),
    "message": T("Message", "Pesan"),
    "error": T("error", "galat"),
    "warning": T("warning", "peringatan"),
    "annotated": T("Download the annotated copy", "Unduh salinan bertanda"),
    "annotated-help": T(
        "Your workbook with the problem cells coloured and commented, and a sheet listing them.",
        "Buku kerja Anda dengan sel bermasalah diwarnai dan diberi komentar, serta lembar daftarnya.",
    ),
    "report": T("Report", "Laporan"),
    "progress": T("Preparing the report: {stage}", "Menyiapkan laporan: {stage}"),
    "stage-queued": T("waiting for a worker", "menunggu giliran"),
    "stage-running": T("starting", "memulai"),
    "stage-read": T("reading", "membaca"),
    "stage-validate": T("checking", "memeriksa"),
    "stage-compute": T("computing", "menghitung"),
    "stage-html": T("laying out", "menata"),
    "stage-pdf": T("writing the PDF", "menulis PDF"),
    "stage-done": T("done", "selesai"),
    "report-ready": T(
        "Your report is ready ({pages} pages).", "Laporan Anda siap ({pages} halaman)."
    ),
    "download-pdf": T("Download the PDF report", "Unduh laporan PDF"),
    "download-json": T("Results (results.json)", "Hasil (results.json)"),
    "download-xlsx": T("Results workbook (.xlsx)", "Buku kerja hasil (.xlsx)"),
    "report-failed": T("The report could not be made: {error}", "Laporan gagal dibuat: {error}"),
    # Errors
    "unusable": T(
        "This file cannot be read: {message}", "Berkas ini tidak dapat dibaca: {message}"
    ),
    "no-file": T("Choose a workbook file first.", "Pilih berkas buku kerja terlebih dahulu."),
    "too-large": T(
        "The file is larger than {mb} MB. A workbook is usually well under 1 MB: remove pasted "
        "images or unused sheets and try again.",
        "Berkas lebih besar dari {mb} MB. Buku kerja biasanya jauh di bawah 1 MB: hapus gambar "
        "atau lembar yang tidak dipakai lalu coba lagi.",
    ),
    "not-found": T(
        "This page does not exist, or the link is no longer valid. Ask your consultant for a new link.",
        "Halaman ini tidak ada, atau tautannya sudah tidak berlaku. Minta tautan baru ke konsultan "
        "Anda.",
    ),
    "csrf": T(
        "The form expired or was not sent from this site. Reload the page and try again.",
        "Formulir kedaluwarsa atau tidak dikirim dari situs ini. Muat ulang halaman lalu coba lagi.",
    ),
    "issues-truncated": T(
        "The first {shown} of {total} issues are listed (and marked in the annotated copy); fix "
        "these and upload again to see the rest.",
        "Ditampilkan {shown} dari {total} masalah pertama (dan ditandai di salinan bertanda); "
        "perbaiki lalu unggah lagi untuk melihat sisanya.",
    ),
    "internal": T(
        "Something went wrong on our side; nothing you sent was lost. Try again in a moment, or "
        "tell your consultant.",
        "Terjadi kesalahan di pihak kami; tidak ada kiriman Anda yang hilang. Coba lagi sebentar "
        "lagi, atau beri tahu konsultan Anda.",
    ),
    "rate-limited": T(
        "Too many attempts in a short time. Wait a minute and try again.",
        "Terlalu banyak percobaan dalam waktu singkat. Tunggu satu menit lalu coba lagi.",
    ),
    "error-title": T("Something went wrong", "Terjadi kesalahan"),
    # Consultant
    "consultant": T("Consultant", "Konsultan"),
    "sign-in": T("Sign in", "Masuk"),
    "sign-out": T("Sign out", "Keluar"),
    "email": T("E-mail", "Surel"),
    "password": T("Password", "Kata sandi"),
    "no-consultant": T(
        "No consultant account exists yet. On the server, run:",
        "Belum ada akun konsultan. Di server, jalankan:",
    ),
    "bad-login": T("Wrong e-mail or password.", "Surel atau kata sandi salah."),
    "clients": T("Clients", "Klien"),
    "client": T("Client", "Klien"),
    "no-clients": T(
        "No clients yet: add one below and send them their upload link.",
        "Belum ada klien: tambahkan di bawah lalu kirim tautan unggahnya.",
    ),
    "add-client": T("Add a client", "Tambah klien"),
    "client-name": T("Client name", "Nama klien"),
    "add": T("Add", "Tambah"),
    "link-once": T(
        "Upload link for {client} (shown once; send it to the client):",
        "Tautan unggah untuk {client} (ditampilkan sekali; kirim ke klien):",
    ),
    "new-link": T("New upload link", "Tautan unggah baru"),
    "new-link-help": T(
        "Makes a new link; the old one stops working.",
        "Membuat tautan baru; tautan lama tidak berlaku lagi.",
    ),
    "submissions": T("Submissions", "Kiriman"),
    "latest": T("Latest", "Terbaru"),
    "no-submissions": T("No submissions yet.", "Belum ada kiriman."),
    "select": T("Select", "Pilih"),
    "brand": T("Brand", "Merek"),
    "language": T("Language", "Bahasa"),
    "workbook-lang": T("the workbook's", "bahasa buku kerja"),
    "render-selected": T(
        "Render the selected as one batch", "Buat laporan terpilih sebagai satu kelompok"
    ),
    "render-again": T("Render again", "Buat ulang laporan"),
    "nothing-selected": T(
        "Select at least one valid submission.", "Pilih minimal satu kiriman valid."
    ),
    "renders": T("Reports", "Laporan"),
    "created": T("Created", "Dibuat"),
    "attempts": T("Attempts", "Percobaan"),
    "downloads": T("Downloads", "Unduhan"),
    "original": T("Uploaded workbook", "Buku kerja yang diunggah"),
    "batch": T("Batch of {n} report(s)", "Kelompok {n} laporan"),
    "batch-progress": T("{done} of {n} finished", "{done} dari {n} selesai"),
    "download-zip": T("Download every PDF (.zip)", "Unduh semua PDF (.zip)"),
    "recent-batches": T("Recent batches", "Kelompok terbaru"),
    "recent-submissions": T("Latest submissions of every client", "Kiriman terbaru semua klien"),
    "upload-for": T("Upload a workbook for {client}", "Unggah buku kerja untuk {client}"),
    # A consultant's render: DRAFT mark and commentary (NOTES.md)
    "draft": T("Draft", "Draf"),
    "mark-draft": T("Draft: DRAFT on every page", "Draf: tanda DRAF di setiap halaman"),
    "notes": T(
        "Commentary and sign-off (Markdown, optional)",
        "Komentar dan pengesahan (Markdown, opsional)",
    ),
    "notes-type": T("Type it here", "Ketik di sini"),
    "notes-file": T("or upload a NOTES.md file", "atau unggah berkas NOTES.md"),
    "notes-help": T(
        "Sections # Executive commentary, # Next steps, # Transition plan, # Disclaimer and "
        "# Sign-off (Prepared by:, Reviewed by:, Version:, Date:); each one given replaces the "
        "workbook's Commentary sheet. Up to {kb} KB.",
        "Bagian # Komentar eksekutif, # Langkah berikutnya, # Rencana transisi, # Penafian dan "
        "# Pengesahan (Disusun oleh:, Ditinjau oleh:, Versi:, Tanggal:); setiap bagian yang diisi "
        "menggantikan isi lembar Komentar di buku kerja. Maksimal {kb} KB.",
    ),
    "with-notes": T("with commentary", "dengan komentar"),
    "notes-too-large": T(
        "The commentary is larger than {kb} KB: shorten it and try again.",
        "Komentar lebih besar dari {kb} KB: persingkat lalu coba lagi.",
    ),
    "notes-not-text": T(
        "The commentary is not plain text: save it as UTF-8 text (.md) and try again.",
        "Komentar bukan teks biasa: simpan sebagai teks UTF-8 (.md) lalu coba lagi.",
    ),
    "notes-twice": T(
        "Give the commentary either in the box or as a file, not both.",
        "Isi komentar di kotak teks atau sebagai berkas, jangan keduanya.",
    ),
    "notes-invalid": T(
        "The commentary cannot be used: {message}",
        "Komentar tidak dapat dipakai: {message}",
    ),
}
WORDS = Words(_PAIRS)


def word(key: str, lang: str, **values: object) -> str:
    return WORDS.say(key, lang, **values)


def pick_language(requested: str | None, cookie: str | None, accept) -> str:
    """The page language: an explicit switch, then the remembered choice, then the browser's."""
    for candidate in (requested, cookie):
        if candidate in LANGS:
            return candidate
    return accept.best_match(LANGS, default="en") if accept else "en"
