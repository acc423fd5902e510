"""A real browser (Playwright driving Debian's chromium, never a downloaded one) walks the business
user's path in English and Indonesian: upload -> issues -> annotated copy -> fixed upload -> PDF; and
the consultant's: sign in -> client -> submissions -> render again.

Screenshots go to $CS_SOURCING_SCREENSHOTS (default: the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import apply_edits, example_path

from .server import Server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

pytestmark = pytest.mark.slow
if not Path(CHROMIUM).is_file():
    reason = f"no chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run does)"
    if os.environ.get("CS_SOURCING_REQUIRE_SERVICE_PARTS"):
        raise RuntimeError(reason)  # CI: a missing browser is a failure, not a skip
    pytest.skip(reason, allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

COSTS = {"en": "Costs", "id": "Biaya"}
WORDS = {
    "en": {
        "issues": "Issues",
        "annotated": "Download the annotated copy",
        "ready": "Your report is ready",
        "pdf": "Download the PDF report",
        "upload": "Upload and check",
    },
    "id": {
        "issues": "Masalah",
        "annotated": "Unduh salinan bertanda",
        "ready": "Laporan Anda siap",
        "pdf": "Unduh laporan PDF",
        "upload": "Unggah dan periksa",
    },
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("serve") / "data", workers=2).start()
    server.cli("consultant", "add", "ana@example.com", "--password", "browser-test-pw")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("CS_SOURCING_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def book_with_one_error(folder: Path, lang: str) -> Path:
    path = folder / f"analysis-{lang}.xlsx"
    shutil.copyfile(example_path(lang), path)
    apply_edits(path, {f"{COSTS[lang]}!F5": "lots"})
    return path


@pytest.mark.parametrize("lang", ["en", "id"])
def test_business_user_path(server, browser, shots, tmp_path, lang):
    words = WORDS[lang]
    link = server.add_client(f"PT Browser {lang.upper()}")
    context = browser.new_context(
        locale="id-ID" if lang == "id" else "en-GB", accept_downloads=True
    )
    page = context.new_page()
    csp_errors = []
    page.on(
        "console", lambda m: csp_errors.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(link)
    page.screenshot(path=shots / f"{lang}-1-home.png", full_page=True)

    # 1. a workbook with one error: the issue at once, with its sheet and cell
    page.set_input_files("input[type=file]", book_with_one_error(tmp_path, lang))
    page.get_by_role("button", name=words["upload"]).click()
    page.get_by_role("heading", name=words["issues"]).wait_for()
    assert page.locator("tr.error td.cell").first.inner_text() == "F5"
    assert page.locator("h3").first.inner_text() == COSTS[lang]
    page.screenshot(path=shots / f"{lang}-2-issues.png", full_page=True)

    # 2. the annotated copy
    with page.expect_download() as download:
        page.get_by_role("link", name=words["annotated"]).click()
    assert download.value.suggested_filename == f"analysis-{lang}-v1-annotated.xlsx"

    # 3. the fixed version: the report's progress updates without reloading, then the PDF
    fixed = tmp_path / f"analysis-{lang}.xlsx"
    shutil.copyfile(example_path(lang), fixed)
    page.set_input_files("input[type=file]", fixed)
    page.get_by_role("button", name=words["upload"]).click()
    page.locator("#report").wait_for()
    page.screenshot(path=shots / f"{lang}-3-progress.png", full_page=True)
    page.get_by_text(words["ready"]).wait_for(timeout=120_000)
    # the badge at the top follows the report without a reload too
    assert page.locator("#status-badge .st-done").count() == 1
    page.screenshot(path=shots / f"{lang}-4-ready.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=words["pdf"]).click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert download.value.suggested_filename == f"analysis-{lang}-v2.pdf"
    page.goto(link)
    page.screenshot(path=shots / f"{lang}-5-history.png", full_page=True)
    assert page.locator("table.history tbody tr").count() == 2
    assert csp_errors == []
    context.close()


def test_consultant_path(server, browser, shots):
    link = server.add_client("PT Konsultan")
    page = browser.new_page(locale="en-GB")
    page.goto(link)
    page.set_input_files("input[type=file]", example_path("en"))
    page.get_by_role("button", name="Upload and check").click()
    page.locator("#report").wait_for()  # valid: its report is under way; no need to wait for it
    page.set_input_files("input[type=file]", example_path("id"))
    page.get_by_role("button", name="Upload and check").click()
    page.locator("#report").wait_for()

    page.goto(server.url + "/consultant/")
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=password]", "browser-test-pw")
    page.get_by_role("button", name="Sign in").click()
    page.screenshot(path=shots / "consultant-0-clients.png", full_page=True)
    page.get_by_role("link", name="PT Konsultan").click()
    page.screenshot(path=shots / "consultant-1-client.png", full_page=True)
    page.get_by_role("link", name="Open").last.click()
    page.select_option("select[name=brand]", "nusantara")
    page.select_option("select[name=lang]", "id")
    page.get_by_role("button", name="Render again").click()
    page.locator("#jobs a", has_text="PDF").nth(1).wait_for(timeout=120_000)
    page.screenshot(path=shots / "consultant-2-renders.png", full_page=True)

    # a batch of two submissions, with its progress
    page.get_by_role("link", name="PT Konsultan").click()
    for box in page.locator("input[name=submission]").all():
        box.check()
    page.get_by_role("button", name="Render the selected as one batch").click()
    page.get_by_text("2 of 2 finished").wait_for(timeout=180_000)
    page.screenshot(path=shots / "consultant-3-batch.png", full_page=True)
    page.get_by_role("link", name="Submissions").click()
    page.screenshot(path=shots / "consultant-4-all-submissions.png", full_page=True)
    page.close()


DRAFT_WORDS = {
    "en": {
        "sign-in": "Sign in",
        "render": "Render again",
        "mark": "Draft: DRAFT on every page",
        "notes": "Commentary and sign-off (Markdown, optional)",
        "badge": "Draft",
        "on-page": "DRAFT",
        "notes-text": "# Disclaimer\nFigures from the browser test are estimates.\n",
        "bad": "# Summary\nnot a section\n",
        "refused": "The commentary cannot be used: NOTES.md line 1",
    },
    "id": {
        "sign-in": "Masuk",
        "render": "Buat ulang laporan",
        "mark": "Draf: tanda DRAF di setiap halaman",
        "notes": "Komentar dan pengesahan (Markdown, opsional)",
        "badge": "Draf",
        "on-page": "DRAF",
        "notes-text": "# Penafian\nAngka dari uji peramban adalah perkiraan.\n",
        "bad": "# Ringkasan\nbukan bagian\n",
        "refused": "Komentar tidak dapat dipakai: NOTES.md baris 1",
    },
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_consultant_renders_a_draft_with_notes(server, browser, shots, lang):
    words = DRAFT_WORDS[lang]
    link = server.add_client(f"PT Draf {lang.upper()}")
    context = browser.new_context(
        locale="id-ID" if lang == "id" else "en-GB", accept_downloads=True
    )
    page = context.new_page()
    page.goto(link)
    page.set_input_files("input[name=file]", example_path(lang))
    page.locator("button[type=submit]").first.click()
    page.locator("#report").wait_for()

    page.goto(f"{server.url}/consultant/?lang={lang}")
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=password]", "browser-test-pw")
    page.get_by_role("button", name=words["sign-in"]).click()
    page.get_by_role("link", name=f"PT Draf {lang.upper()}").click()
    page.locator("a[href*='/consultant/submissions/']").last.click()

    # notes that cannot be used: the reason above the form, the text kept, nothing queued
    page.get_by_label(words["mark"]).check()
    page.get_by_text(words["notes"], exact=True).click()  # opens the <details>
    page.locator("textarea[name=notes]").fill(words["bad"])
    page.get_by_role("button", name=words["render"]).click()
    page.get_by_role("alert").filter(has_text=words["refused"]).wait_for()
    assert page.locator("textarea[name=notes]").input_value() == words["bad"]
    assert page.get_by_label(words["mark"]).is_checked()
    page.screenshot(path=shots / f"consultant-{lang}-5-notes-refused.png", full_page=True)

    page.locator("textarea[name=notes]").fill(words["notes-text"])
    page.get_by_role("button", name=words["render"]).click()
    page.locator("#jobs .badge.draft", has_text=words["badge"]).wait_for()
    page.locator("#jobs a", has_text="PDF").nth(1).wait_for(timeout=120_000)
    page.screenshot(path=shots / f"consultant-{lang}-6-draft.png", full_page=True)
    with page.expect_download() as download:
        page.locator("#jobs a", has_text="PDF").first.click()
    assert download.value.suggested_filename.endswith("-draft.pdf")
    from pypdf import PdfReader

    reader = PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert words["on-page"] in reader.pages[0].extract_text()
    assert words["notes-text"].split("\n")[1] in text.replace("\n", " ")
    context.close()
