"""Consultant pages: sign-in, clients and their links, submissions with versions, renders, batches."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from .conftest import (
    FAKE_PDF,
    PASSWORD,
    add_client,
    add_consultant,
    example_bytes,
    template_bytes,
    upload,
)


@pytest.fixture
def signed_in(app, web):
    add_consultant(app)
    response = web.post(
        "/consultant/login", data={"email": "Ana@Example.com ", "password": PASSWORD}
    )
    assert response.status_code == 303
    return web


def text(response) -> str:
    return response.get_data(as_text=True)


def test_pages_need_sign_in(web):
    response = web.get("/consultant/")
    assert response.status_code == 302 and "/consultant/login" in response.headers["Location"]
    assert web.get("/").headers["Location"].endswith("/consultant/")


def test_first_visit_says_how_to_add_a_consultant(app, web):
    assert "cs-sourcing consultant add EMAIL" in text(web.get("/consultant/login"))
    add_consultant(app)
    assert "cs-sourcing consultant add" not in text(web.get("/consultant/login"))


def test_wrong_password_is_refused(app, web):
    add_consultant(app)
    response = web.post("/consultant/login", data={"email": "ana@example.com", "password": "no"})
    assert response.status_code == 401 and "Wrong e-mail or password." in text(response)


def test_sign_in_never_redirects_off_site(app, web):
    add_consultant(app)
    form = {"email": "ana@example.com", "password": PASSWORD}
    response = web.post("/consultant/login?next=//evil.example/", data=form)
    assert response.headers["Location"] == "/consultant/"


def test_add_client_shows_a_working_link_once(signed_in):
    page = text(signed_in.post("/consultant/clients", data={"name": "PT Maju"}))
    assert "Upload link for PT Maju" in page
    link = re.search(r'<code class="link">([^<]+)</code>', page).group(1)
    path = link.split("localhost", 1)[1]
    assert "Workbook for PT Maju" in text(signed_in.get(path))
    assert link not in text(signed_in.get("/consultant/"))  # shown once


def test_new_link_replaces_the_old(app, signed_in):
    client_id, token = add_client(app, "PT Lama")
    page = text(signed_in.post(f"/consultant/clients/{client_id}/link"))
    new = re.search(r'<code class="link">[^<]*(/c/[^<]+)</code>', page).group(1)
    assert signed_in.get(f"/c/{token}/").status_code == 404
    assert signed_in.get(new).status_code == 200


def test_submissions_with_versions_status_who_and_when(app, signed_in, fast_render):
    client_id, token = add_client(app, "PT Contoh")
    upload(signed_in, token, template_bytes(), "draft.xlsx", name="Budi")
    upload(signed_in, token, example_bytes(), "final.xlsx", name="Sari")
    home = text(signed_in.get("/consultant/"))
    assert "PT Contoh" in home and "<td>2</td>" in home
    page = text(signed_in.get(f"/consultant/clients/{client_id}"))
    rows = re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)[1:]
    assert len(rows) == 2
    assert "final.xlsx" in rows[0] and "report ready" in rows[0] and "Sari" in rows[0]
    assert "draft.xlsx" in rows[1] and "has errors" in rows[1] and "Budi" in rows[1]
    assert rows[0].count('type="checkbox"') == 1 and 'type="checkbox"' not in rows[1]
    assert " UTC" in rows[0]


def test_render_again_with_brand_and_language(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = upload(signed_in, token, example_bytes()).headers["Location"].rsplit("/", 1)[1]
    response = signed_in.post(
        f"/consultant/submissions/{sub_id}/render", data={"brand": "nusantara", "lang": "id"}
    )
    assert response.status_code == 303
    assert fast_render[-1]["brand"] == "nusantara" and fast_render[-1]["lang"] == "id"
    page = text(signed_in.get(f"/consultant/submissions/{sub_id}"))
    pdfs = re.findall(r'href="(/consultant/jobs/[^"]+/report.pdf)"', page)
    assert len(pdfs) == 2
    assert "<td>Indonesian</td>" in page and "<td>id</td>" not in page  # a language, not a code
    assert signed_in.get(pdfs[0]).data == FAKE_PDF
    xlsx = signed_in.get(pdfs[0].replace("report.pdf", "results.xlsx"))
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    # the client still sees their own report, not the consultant's
    assert signed_in.get(f"/c/{token}/s/{sub_id}/report.pdf").status_code == 200


def test_render_again_refuses_unknown_brand(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = upload(signed_in, token, example_bytes()).headers["Location"].rsplit("/", 1)[1]
    response = signed_in.post(
        f"/consultant/submissions/{sub_id}/render", data={"brand": "../etc", "lang": ""}
    )
    assert response.status_code == 400


def test_batch_renders_several_with_progress_and_a_zip(app, signed_in, fast_render):
    ids = []
    for name in ("PT Satu", "PT Dua"):
        _, token = add_client(app, name)
        ids.append(upload(signed_in, token, example_bytes()).headers["Location"].rsplit("/", 1)[1])
    response = signed_in.post(
        "/consultant/batches", data={"submission": ids, "brand": "", "lang": "en"}
    )
    assert response.status_code == 303
    page = text(signed_in.get(response.headers["Location"]))
    assert "Batch of 2 report(s)" in page and "2 of 2 finished" in page
    assert "hx-trigger" not in page
    zipped = signed_in.get(response.headers["Location"] + "/reports.zip")
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as z:
        assert len(z.namelist()) == 2
    assert "Batch of 2 report(s)" in text(signed_in.get("/consultant/"))


def test_batch_of_invalid_only_says_so(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = upload(signed_in, token, template_bytes()).headers["Location"].rsplit("/", 1)[1]
    response = signed_in.post("/consultant/batches", data={"submission": [sub_id]})
    assert response.status_code == 400 and "Select at least one valid submission." in text(response)


def test_downloads_of_any_artefact(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = (
        upload(signed_in, token, template_bytes(), "b.xlsx").headers["Location"].rsplit("/", 1)[1]
    )
    original = signed_in.get(f"/consultant/submissions/{sub_id}/workbook.xlsx")
    assert original.data == template_bytes()
    annotated = signed_in.get(f"/consultant/submissions/{sub_id}/annotated.xlsx")
    assert (
        annotated.status_code == 200
        and "b-v1-annotated.xlsx" in annotated.headers["Content-Disposition"]
    )
    assert signed_in.get("/consultant/submissions/nope/workbook.xlsx").status_code == 404


def test_sign_out(signed_in):
    signed_in.post("/consultant/logout")
    assert signed_in.get("/consultant/").status_code == 302


def test_upload_on_behalf_of_a_client(app, signed_in, fast_render):
    client_id, token = add_client(app, "PT Email")
    response = signed_in.post(
        f"/consultant/clients/{client_id}/upload",
        data={"file": (io.BytesIO(example_bytes()), "from-email.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    history = text(signed_in.get(f"/c/{token}/"))  # the client sees it as their version 1
    assert "from-email.xlsx" in history and "ana@example.com" in history
    refused = signed_in.post(
        f"/consultant/clients/{client_id}/upload",
        data={"file": (io.BytesIO(b"not a workbook"), "x.xlsx")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 400 and "This file cannot be read" in text(refused)


def test_latest_submissions_of_every_client_make_one_batch(app, signed_in, fast_render):
    for name in ("PT Satu", "PT Dua"):
        _, token = add_client(app, name)
        upload(signed_in, token, example_bytes())
    page = text(signed_in.get("/consultant/submissions"))
    assert "PT Satu" in page and "PT Dua" in page
    ids = re.findall(r'name="submission" value="([^"]+)"', page)
    response = signed_in.post("/consultant/batches", data={"submission": ids, "lang": "id"})
    assert "Batch of 2 report(s)" in text(signed_in.get(response.headers["Location"]))
    assert [c["lang"] for c in fast_render[-2:]] == ["id", "id"]
