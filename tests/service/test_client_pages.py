"""Business-user pages: upload, issues grouped by sheet, annotated copy, versions, report, languages."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from tests.conftest import apply_edits, example_path

from .conftest import FAKE_PDF, example_bytes, template_bytes, upload


@pytest.fixture
def one_error(tmp_path) -> bytes:
    """The example with one bad amount: one error on the Costs sheet."""
    path = tmp_path / "one-error.xlsx"
    path.write_bytes(example_path("en").read_bytes())
    apply_edits(path, {"Costs!F5": "lots"})
    return path.read_bytes()


def text(response) -> str:
    return response.get_data(as_text=True)


def test_home_offers_template_example_and_upload(web, client_token):
    page = text(web.get(f"/c/{client_token}/"))
    assert "Workbook for PT Contoh" in page
    for kind in ("template", "example"):
        for lang in ("en", "id"):
            assert f"/c/{client_token}/{kind}-{lang}.xlsx" in page
    assert 'type="file"' in page and "Nothing uploaded yet." in page


@pytest.mark.parametrize("kind", ["template", "example"])
def test_blank_workbooks_download(web, client_token, kind):
    response = web.get(f"/c/{client_token}/{kind}-id.xlsx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith(f"cs-sourcing-{kind}-id.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert "Proyek" in book.sheetnames  # the Indonesian workbook


def test_language_follows_the_browser_then_the_switch(web, client_token):
    home = f"/c/{client_token}/"
    assert "Unggah buku kerja Anda" in text(web.get(home, headers={"Accept-Language": "id-ID,id"}))
    assert "Upload your workbook" in text(web.get(home, headers={"Accept-Language": "en-GB"}))
    switched = web.get(home + "?lang=id", headers={"Accept-Language": "en"})
    assert "Unggah buku kerja Anda" in text(switched)
    # remembered by a cookie
    assert "Unggah buku kerja Anda" in text(web.get(home, headers={"Accept-Language": "en"}))


def test_every_word_exists_in_both_languages():
    from pipeline.service.i18n import WORDS

    for key, words in WORDS.items():
        assert words.en.strip() and words.id.strip(), key
        assert words.en.count("{") == words.id.count("{"), key


def test_errors_are_listed_by_sheet_with_their_cells(web, client_token, fast_render, one_error):
    response = upload(web, client_token, one_error, "my book.xlsx", name="Budi")
    assert response.status_code == 303
    page = text(web.get(response.headers["Location"]))
    assert "my book.xlsx, version 1" in page
    assert "1 error(s)" in page and "No report is made until every error is fixed" in page
    assert "<h3>Costs</h3>" in page and ">F5<" in page and "lots" in page
    assert fast_render == []  # no report for a workbook with errors


def test_blank_template_errors_come_first_by_sheet(web, client_token, fast_render):
    page = text(web.get(upload(web, client_token, template_bytes()).headers["Location"]))
    sheets = [s for s in ("Project", "Demand", "Options", "Costs") if f"<h3>{s}</h3>" in page]
    assert sheets == ["Project", "Demand", "Options", "Costs"]
    assert page.index("<h3>Project</h3>") < page.index("<h3>Costs</h3>")


def test_issues_come_in_the_workbooks_language(web, client_token, fast_render):
    location = upload(web, client_token, template_bytes("id")).headers["Location"]
    page = text(web.get(location, headers={"Accept-Language": "en"}))
    assert "Issues" in page  # the page in English...
    assert "kosong" in page  # ...the workbook's messages in Indonesian


def test_annotated_copy_marks_the_cells(web, client_token, fast_render, one_error):
    location = upload(web, client_token, one_error, "budget.xlsx").headers["Location"]
    response = web.get(location + "/annotated.xlsx")
    assert response.status_code == 200
    assert "budget-v1-annotated.xlsx" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert "Issues" in book.sheetnames
    assert book["Costs"]["F5"].comment is not None
    # made once, then served from storage
    assert web.get(location + "/annotated.xlsx").data == response.data


def test_fixed_version_gets_its_report(web, client_token, fast_render, one_error):
    upload(web, client_token, one_error)
    response = upload(web, client_token, example_bytes(), name="Budi")
    page = text(web.get(response.headers["Location"]))
    assert "version 2" in page
    assert "Your report is ready (3 pages)." in page
    assert "hx-trigger" not in page  # finished: the progress stops polling
    pdf = web.get(response.headers["Location"] + "/report.pdf")
    assert pdf.data == FAKE_PDF and pdf.mimetype == "application/pdf"
    results = web.get(response.headers["Location"] + "/results.json")
    assert json.loads(results.data) == {"schema": "fake"}
    history = text(web.get(f"/c/{client_token}/"))
    assert history.count("/s/") == 2 and "report ready" in history and "has errors" in history
    assert "Budi" in history


def test_progress_polls_until_the_job_is_finished(app, web, client_token, fast_render):
    from pipeline.service.models import Job, Submission

    location = upload(web, client_token, example_bytes()).headers["Location"]
    sub_id = location.rsplit("/", 1)[1]
    with app.extensions["cs"].sessions() as session:
        job = session.get(Submission, sub_id).client_job
        session.get(Job, job.id).state, session.get(Job, job.id).stage = "running", "compute"
        session.get(Job, job.id).progress = 25
        session.commit()
    fragment = text(web.get(location + "/progress"))
    assert 'hx-trigger="every 1s"' in fragment
    assert 'value="25"' in fragment and "computing" in fragment
    assert web.get(location + "/report.pdf").status_code == 404  # not ready


@pytest.mark.parametrize("state", ["queued", "running", "done", "failed"])
def test_progress_has_words_for_every_state_and_stage(app, web, client_token, fast_render, state):
    from pipeline.service.models import Submission

    location = upload(web, client_token, example_bytes()).headers["Location"]
    for stage in ("", "read", "validate", "compute", "html", "pdf", "done"):
        with app.extensions["cs"].sessions() as session:
            job = session.get(Submission, location.rsplit("/", 1)[1]).client_job
            job.state, job.stage, job.error = state, stage, "why"
            session.commit()
        for lang in ("en", "id"):
            for path in (location, location + "/progress"):
                assert web.get(f"{path}?lang={lang}").status_code == 200, (stage, lang, path)


def test_unusable_file_gets_the_command_lines_message(web, client_token, tmp_path):
    from pipeline import flow
    from pipeline.issues import WorkbookError

    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"name,volume\nphone,100\n")
    with pytest.raises(WorkbookError) as cli_error:
        flow.read_and_validate(bad)
    response = upload(web, client_token, bad.read_bytes(), "notes.xlsx")
    assert response.status_code == 400
    assert str(cli_error.value) in text(response).replace("&#39;", "'").replace("&#34;", '"')
    assert "Nothing uploaded yet." in text(response)  # nothing kept


def test_upload_without_a_file(web, client_token):
    response = web.post(f"/c/{client_token}/", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a workbook file first." in text(response)


def test_indonesian_pages_are_indonesian(web, client_token, fast_render):
    headers = {"Accept-Language": "id"}
    response = upload(web, client_token, example_bytes("id"))
    page = text(web.get(response.headers["Location"], headers=headers))
    assert "Laporan Anda siap (3 halaman)." in page and "Unduh laporan PDF" in page
    assert fast_render[0]["lang"] is None  # the workbook's own language decides the report's


@pytest.mark.slow
def test_render_real(web, client_token):
    """The real pipeline behind the page: a PDF and results.json of the example."""
    location = upload(web, client_token, example_bytes()).headers["Location"]
    assert "Your report is ready" in text(web.get(location))
    pdf = web.get(location + "/report.pdf").data
    assert pdf.startswith(b"%PDF-")
    results = json.loads(web.get(location + "/results.json").data)
    assert results["schema"].startswith("cs-sourcing/results")


@pytest.mark.slow
def test_results_workbook_of_a_finished_report(web, client_token, fast_render):
    location = upload(web, client_token, example_bytes("id")).headers["Location"]
    assert "Buku kerja hasil (.xlsx)" in text(web.get(location + "?lang=id"))
    response = web.get(location + "/results.xlsx")
    assert response.status_code == 200
    assert "-v1.results.xlsx" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert len(book.sheetnames) > 3
    assert web.get(location + "/results.xlsx").data == response.data  # made once, kept


def test_unusable_file_message_in_the_page_language(web, client_token):
    from pipeline import flow
    from pipeline.issues import WorkbookError

    data = b"%PDF-1.4 a report, not a workbook"
    with pytest.raises(WorkbookError) as cli_error:
        flow.read_and_validate(data, name="laporan.xlsx")
    assert cli_error.value.message("id") != cli_error.value.message("en")
    page = upload(web, client_token, data, "laporan.xlsx")
    shown = page.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')
    assert cli_error.value.message("en") in shown
    page = web.post(
        f"/c/{client_token}/?lang=id",
        data={"file": (io.BytesIO(data), "laporan.xlsx")},
        content_type="multipart/form-data",
    )
    shown = page.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')
    assert cli_error.value.message("id") in shown and "Berkas ini tidak dapat dibaca" in shown
