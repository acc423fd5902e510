"""Findings of a security review of the service, each with the request that showed it."""

from __future__ import annotations

import io
import zipfile

import pytest

from .conftest import PASSWORD, add_consultant, api_upload, example_bytes, upload


@pytest.mark.parametrize(
    ("target", "lands"),
    [
        ("/consultant/clients", "/consultant/clients"),
        ("/\t/evil.example", "/consultant/"),  # browsers drop the tab: //evil.example
        ("//evil.example", "/consultant/"),
        ("/\\evil.example", "/consultant/"),
        ("https://evil.example/", "/consultant/"),
        ("/consultant/\n/x", "/consultant/"),
    ],
)
def test_sign_in_never_redirects_off_the_site(app, web, target, lands):
    email = add_consultant(app)
    response = web.post(
        "/consultant/login",
        query_string={"next": target},
        data={"email": email, "password": PASSWORD},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == lands


def _damaged_for_openpyxl() -> bytes:
    """The example with its document properties broken: the reader does not need them, openpyxl
    cannot open the file."""
    src = zipfile.ZipFile(io.BytesIO(example_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            z.writestr(info, b"garbage<<<" if info.filename == "docProps/core.xml" else data)
    return out.getvalue()


def test_an_annotated_copy_that_cannot_be_made_is_a_reason_not_a_500(
    web, client_token, fast_render
):
    created = api_upload(web, client_token, _damaged_for_openpyxl(), "odd.xlsx")
    assert created.status_code == 201  # readable, valid
    sub_id = created.get_json()["id"]
    api = web.get(
        f"/api/submissions/{sub_id}/annotated.xlsx",
        headers={"Authorization": f"Bearer {client_token}"},
    )
    assert api.status_code == 422 and api.get_json()["code"] == "annotate-failed"
    page = web.get(
        f"/c/{client_token}/s/{sub_id}/annotated.xlsx", headers={"Accept-Language": "id"}
    )
    assert page.status_code == 422
    assert "salinan bertanda tidak dapat dibuat" in page.get_data(as_text=True)


def test_a_500_logs_no_client_token(app, web, client_token, monkeypatch, caplog):
    from pipeline.service import intake

    def boom(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(intake, "annotated_copy", boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.testing = False
    sub_id = api_upload(web, client_token, example_bytes()).get_json()["id"]
    response = web.get(f"/c/{client_token}/s/{sub_id}/annotated.xlsx")
    assert response.status_code == 500
    assert "nothing you sent was lost" in response.get_data(as_text=True)
    assert "boom" in caplog.text and client_token not in caplog.text


def test_the_language_switch_after_a_form_goes_to_a_page_that_exists(app, web, client_token):
    import re

    response = upload(web, client_token, b"not a workbook at all", "x.xlsx")
    assert response.status_code == 400  # the upload page again, shown by a POST
    href = re.search(r'class="lang" href="([^"]+)"', response.get_data(as_text=True)).group(1)
    href = href.replace("&amp;", "&")
    assert web.get(href).status_code == 200
    login = web.get("/consultant/login?next=/consultant/clients")
    href = re.search(r'class="lang" href="([^"]+)"', login.get_data(as_text=True)).group(1)
    assert "next=" in href  # the switch keeps where sign-in leads


def test_only_the_first_issues_are_kept_and_the_counts_say_how_many(
    app, web, client_token, monkeypatch
):
    from pipeline.service import pipeline_calls
    from tests.conftest import apply_edits, example_path

    monkeypatch.setattr(pipeline_calls, "MAX_ISSUES", 2)
    book = example_path().read_bytes()
    path = app.extensions["cs"].settings.data_dir.parent / "bad.xlsx"
    path.write_bytes(book)
    apply_edits(path, {"Costs!F5": "x", "Costs!F6": "y", "Costs!F7": "z"})
    body = api_upload(web, client_token, path.read_bytes(), "bad.xlsx").get_json()
    assert body["errors"] == 3 and len(body["issues"]) == 2
    page = web.get(f"/c/{client_token}/s/{body['id']}").get_data(as_text=True)
    assert "The first 2 of 3 issues are listed" in page


def test_downloads_are_not_kept_by_caches(web, client_token, fast_render):
    sub_id = api_upload(web, client_token, example_bytes()).get_json()["id"]
    response = web.get(
        f"/api/submissions/{sub_id}/annotated.xlsx",
        headers={"Authorization": f"Bearer {client_token}"},
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
