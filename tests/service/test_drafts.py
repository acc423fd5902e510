"""A consultant's render marked DRAFT and with their commentary (NOTES.md): the re-render form, the
batch form and the API; stored with the job (revision 0003), shown as Draft/Draf, never the client's."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import pytest

from .conftest import (
    PASSWORD,
    add_client,
    add_consultant,
    api_upload,
    csrf_token,
    example_bytes,
    template_bytes,
    upload,
)

NOTES = "# Disclaimer\nFigures are estimates.\n\n# Sign-off\nReviewed by: Rina\n"


@pytest.fixture
def signed_in(app, web):
    add_consultant(app)
    web.post("/consultant/login", data={"email": "ana@example.com", "password": PASSWORD})
    return web


def text(response) -> str:
    return response.get_data(as_text=True)


def submit(web, token, data=None, filename="book.xlsx") -> str:
    location = upload(web, token, data or example_bytes(), filename).headers["Location"]
    return location.rsplit("/", 1)[1]


def jobs_of(app, sub_id):
    from sqlalchemy import select

    from pipeline.service.models import Job

    with app.extensions["cs"].sessions() as session:
        rows = session.scalars(
            select(Job).where(Job.submission_id == sub_id).order_by(Job.created_at)
        ).all()
        return [(j.by_consultant, j.draft, j.notes, j.state) for j in rows]


def render_form(web, sub_id, **form):
    files = form.pop("notes_file", None)
    data = {"brand": "", "lang": "", **form}
    if files is not None:
        data["notes_file"] = (io.BytesIO(files), "NOTES.md")
    return web.post(
        f"/consultant/submissions/{sub_id}/render", data=data, content_type="multipart/form-data"
    )


# ---------------------------------------------------------------------------------------- pages
def test_render_again_as_draft_with_typed_notes(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    response = render_form(signed_in, sub_id, draft="1", notes=NOTES)
    assert response.status_code == 303
    assert (fast_render[-1]["draft"], fast_render[-1]["notes"]) == (True, NOTES)
    # the client's automatic report: neither draft nor notes; the consultant's: both, stored
    assert jobs_of(app, sub_id) == [(False, False, None, "done"), (True, True, NOTES, "done")]
    assert (fast_render[0]["draft"], fast_render[0]["notes"]) == (False, None)
    page = text(signed_in.get(f"/consultant/submissions/{sub_id}"))
    assert page.count('<span class="badge draft">Draft</span>') == 1
    pdfs = re.findall(r'href="(/consultant/jobs/[^"]+/report.pdf)"', page)
    names = [signed_in.get(p).headers["Content-Disposition"] for p in pdfs]
    assert sum("-draft.pdf" in n for n in names) == 1
    notes = re.search(r'href="(/consultant/jobs/[^"]+/notes.md)"', page).group(1)
    assert signed_in.get(notes).get_data(as_text=True) == NOTES
    # the client still gets its own final report, never the consultant's draft
    client_page = text(signed_in.get(f"/c/{token}/s/{sub_id}"))
    assert "Draft" not in client_page and "NOTES.md" not in client_page
    assert (
        "-draft"
        not in signed_in.get(f"/c/{token}/s/{sub_id}/report.pdf").headers["Content-Disposition"]
    )


def test_render_again_with_a_notes_file_shows_draf_in_indonesian(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    response = render_form(signed_in, sub_id, draft="1", notes_file=NOTES.encode("utf-8-sig"))
    assert response.status_code == 303 and fast_render[-1]["notes"] == NOTES
    page = text(signed_in.get(f"/consultant/submissions/{sub_id}?lang=id"))
    assert '<span class="badge draft">Draf</span>' in page
    assert "Draf: tanda DRAF di setiap halaman" in page and "Ketik di sini" in page
    assert "Draft" not in page


def test_a_plain_render_again_is_neither_draft_nor_annotated(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    assert render_form(signed_in, sub_id, notes="  \n").status_code == 303
    assert jobs_of(app, sub_id)[-1] == (True, False, None, "done")


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        (
            {"notes": "# Summary\nNot a section.\n"},
            400,
            "The commentary cannot be used: NOTES.md line 1: “# Summary” is not a section",
        ),
        ({"notes": "# Disclaimer\n" + "x" * 100_001}, 413, "larger than 100 KB"),
        ({"notes_file": b"# Disclaimer\n\xff\xfe\n"}, 400, "not plain text"),
        ({"notes_file": b"# Disclaimer\n" + b"x" * 100_001}, 413, "larger than 100 KB"),
        ({"notes": NOTES, "notes_file": NOTES.encode()}, 400, "either in the box or as a file"),
        ({"notes": "# Disclaimer\nnul \x00 here\n"}, 400, "not plain text"),
    ],
    ids=["not-a-section", "typed-too-large", "not-utf8", "file-too-large", "both", "nul"],
)
def test_notes_that_cannot_be_used_say_why_and_queue_nothing(
    app, signed_in, fast_render, form, status, message
):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    response = render_form(signed_in, sub_id, draft="1", **form)
    assert response.status_code == status
    page = text(response)
    assert message in page and 'role="alert"' in page
    assert '<details class="notes" open>' in page and 'name="draft" value="1" checked' in page
    if status == 400 and "notes" in form and "\x00" not in form["notes"]:
        assert "Not a section." in page or NOTES.split("\n")[1] in page  # the text is kept
    assert len(jobs_of(app, sub_id)) == 1  # only the client's own


def test_notes_refused_in_indonesian(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    signed_in.get("/consultant/?lang=id")  # remembered by cookie
    response = render_form(signed_in, sub_id, notes="# Disclaimer\n" + "x" * 100_001)
    assert response.status_code == 413
    assert "Komentar lebih besar dari 100 KB" in text(response)


def test_notes_that_do_not_parse_are_explained_in_indonesian(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    signed_in.get("/consultant/?lang=id")
    response = render_form(signed_in, sub_id, notes="# Ringkasan\nteks\n")
    assert response.status_code == 400
    page = text(response)
    assert "Komentar tidak dapat dipakai: NOTES.md baris 1: “# Ringkasan” bukan bagian" in page
    assert "is not a section" not in page


def test_batch_as_draft_with_notes(app, signed_in, fast_render):
    ids = []
    for name in ("PT Satu", "PT Dua"):
        _, token = add_client(app, name)
        ids.append(submit(signed_in, token))
    response = signed_in.post(
        "/consultant/batches",
        data={"submission": ids, "brand": "", "lang": "id", "draft": "1", "notes": NOTES},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    assert [(c["draft"], c["notes"]) for c in fast_render[-2:]] == [(True, NOTES)] * 2
    page = text(signed_in.get(response.headers["Location"]))
    assert page.count('<span class="badge draft">Draft</span>') == 3  # the batch and each report
    assert "NOTES.md" in page and "with commentary" in page
    zipped = signed_in.get(response.headers["Location"] + "/reports.zip")
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as z:
        assert all(n.endswith("-draft.pdf") for n in z.namelist())


def test_batch_with_bad_notes_returns_to_the_form(app, signed_in, fast_render):
    client_id, token = add_client(app)
    sub_id = submit(signed_in, token)
    response = signed_in.post(
        "/consultant/batches",
        data={"submission": [sub_id], "notes": "Text before any heading.\n"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    page = text(response)
    assert "NOTES.md line 1: text before the first heading" in page and "PT Contoh" in page
    assert "Text before any heading." in page  # kept in the box
    assert len(jobs_of(app, sub_id)) == 1
    # several clients' submissions: the list of every client's latest, with the reason
    _, other = add_client(app, "PT Lain")
    second = submit(signed_in, other)
    response = signed_in.post(
        "/consultant/batches",
        data={"submission": [sub_id, second], "notes": "# Nope\n"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "“# Nope” is not a section" in text(response)
    assert "PT Lain" in text(response)


def test_forms_are_multipart_with_csrf(app, strict_web, fast_render):
    add_consultant(app)
    login = strict_web.get("/consultant/login")
    strict_web.post(
        "/consultant/login",
        data={
            "email": "ana@example.com",
            "password": PASSWORD,
            "csrf_token": csrf_token(text(login)),
        },
    )
    client_id, token = add_client(app)
    sub_id = api_upload(strict_web, token, example_bytes()).get_json()["id"]
    page = text(strict_web.get(f"/consultant/submissions/{sub_id}"))
    assert 'enctype="multipart/form-data"' in page and 'name="notes_file"' in page
    no_token = render_form(strict_web, sub_id, draft="1", notes=NOTES)
    assert no_token.status_code == 400 and len(jobs_of(app, sub_id)) == 1
    ok = render_form(strict_web, sub_id, draft="1", notes=NOTES, csrf_token=csrf_token(page))
    assert ok.status_code == 303 and jobs_of(app, sub_id)[-1][1:3] == (True, NOTES)
    client_page = text(strict_web.get(f"/consultant/clients/{client_id}"))
    assert client_page.count('enctype="multipart/form-data"') == 2  # the batch and the upload


def test_notes_download_needs_sign_in(app, signed_in, web, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    render_form(signed_in, sub_id, notes=NOTES)
    page = text(signed_in.get(f"/consultant/submissions/{sub_id}"))
    notes = re.search(r'href="(/consultant/jobs/[^"]+/notes.md)"', page).group(1)
    signed_in.post("/consultant/logout")
    assert signed_in.get(notes).status_code == 302
    # a client's own report has no notes to download
    client_job = re.findall(r'href="/consultant/jobs/([^/"]+)/report.pdf"', page)[-1]
    assert client_job not in notes
    assert web.get(f"/c/{token}/s/{sub_id}/notes.md").status_code == 404


# ------------------------------------------------------------------------------------------ API
def basic(email="ana@example.com", password=PASSWORD) -> dict:
    raw = base64.b64encode(f"{email}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


def test_api_render_as_draft_with_notes(app, web, fast_render):
    add_consultant(app)
    _, token = add_client(app)
    sub_id = api_upload(web, token, example_bytes()).get_json()["id"]
    response = web.post(
        f"/api/submissions/{sub_id}/renders",
        json={"brand": "nusantara", "lang": "id", "draft": True, "notes": NOTES},
        headers=basic(),
    )
    assert response.status_code == 201
    job = response.get_json()
    assert {k: job[k] for k in ("status", "brand", "lang", "draft", "with_notes")} == {
        "status": "done",
        "brand": "nusantara",
        "lang": "id",
        "draft": True,
        "with_notes": True,
    }
    assert response.headers["Location"] == f"/api/jobs/{job['id']}"
    assert fast_render[-1]["notes"] == NOTES and fast_render[-1]["draft"] is True
    assert web.get(f"/api/jobs/{job['id']}", headers=basic()).get_json() == job
    pdf = web.get(f"/api/jobs/{job['id']}/report.pdf", headers=basic())
    assert pdf.status_code == 200 and "-draft.pdf" in pdf.headers["Content-Disposition"]
    # the client's view is unchanged: its own final report
    shown = web.get(f"/api/submissions/{sub_id}", headers={"Authorization": f"Bearer {token}"})
    assert shown.get_json()["job"]["id"] != job["id"]
    assert "draft" not in shown.get_json()["job"]


def test_api_render_needs_a_consultant(app, web, fast_render):
    add_consultant(app)
    _, token = add_client(app)
    sub_id = api_upload(web, token, example_bytes()).get_json()["id"]
    url = f"/api/submissions/{sub_id}/renders"
    client_token = web.post(url, json={"draft": True}, headers={"Authorization": f"Bearer {token}"})
    assert client_token.status_code == 401 and "Basic" in client_token.headers["WWW-Authenticate"]
    assert web.post(url, json={}, headers=basic(password="wrong")).status_code == 401
    assert web.post(url, json={}).status_code == 401
    # JSON only: a form posted from another site (the browser may hold the password) is refused
    form = web.post(url, data={"draft": "true"}, headers=basic())
    assert form.status_code == 415 and len(jobs_of(app, sub_id)) == 1
    # and a consultant's password opens no client's part
    assert web.get(f"/api/submissions/{sub_id}", headers=basic()).status_code == 401


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"notes": "# Appendix\nx\n"}, 400, "NOTES.md line 1"),
        ({"notes": "# Disclaimer\n" + "x" * 100_001}, 413, "larger than 100 KB"),
        ({"notes": ["# Disclaimer"]}, 400, "notes: the NOTES.md text"),
        ({"draft": "yes"}, 400, "draft: true or false"),
        ({"brand": "../etc"}, 400, "unknown brand"),
        ({"lang": "fr"}, 400, "lang 'fr'"),
        ([1, 2], 400, "send a JSON object"),
    ],
    ids=["bad-notes", "too-large", "notes-not-a-string", "draft-not-bool", "brand", "lang", "list"],
)
def test_api_render_refuses_with_the_reason(app, web, fast_render, body, status, needle):
    add_consultant(app)
    _, token = add_client(app)
    sub_id = api_upload(web, token, example_bytes()).get_json()["id"]
    response = web.post(f"/api/submissions/{sub_id}/renders", json=body, headers=basic())
    assert response.status_code == status and needle in response.get_json()["error"]
    assert len(jobs_of(app, sub_id)) == 1


def test_api_render_of_an_invalid_or_unknown_submission(app, web, fast_render):
    add_consultant(app)
    _, token = add_client(app)
    sub_id = api_upload(web, token, template_bytes()).get_json()["id"]
    invalid = web.post(f"/api/submissions/{sub_id}/renders", json={}, headers=basic())
    assert invalid.status_code == 409
    assert web.post("/api/submissions/nope/renders", json={}, headers=basic()).status_code == 404
    assert web.get("/api/jobs/nope", headers=basic()).status_code == 404


def test_api_batch_as_draft_with_notes(app, web, fast_render):
    add_consultant(app)
    ids = []
    for name in ("PT Satu", "PT Dua"):
        _, token = add_client(app, name)
        ids.append(api_upload(web, token, example_bytes()).get_json()["id"])
    response = web.post(
        "/api/batches", json={"submissions": ids, "draft": True, "notes": NOTES}, headers=basic()
    )
    assert response.status_code == 201
    body = response.get_json()
    assert body["id"] and [
        (j["submission"], j["draft"], j["with_notes"]) for j in body["jobs"]
    ] == [
        (ids[0], True, True),
        (ids[1], True, True),
    ]
    bad = web.post("/api/batches", json={"submissions": [ids[0], "nope"]}, headers=basic())
    assert bad.status_code == 404 and bad.get_json()["unknown"] == ["nope"]
    assert web.post("/api/batches", json={"submissions": []}, headers=basic()).status_code == 400


def test_api_wrong_passwords_are_rate_limited(tmp_path, fast_render):
    from pipeline.service.app import create_app

    from .conftest import make_settings

    app = create_app(make_settings(tmp_path, rate_limits_enabled=True, rate_limit_login="3/minute"))
    add_consultant(app)
    web = app.test_client()
    codes = [web.get("/api/jobs/x", headers=basic(password="wrong")).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]


def test_notes_past_the_form_limit_are_named_as_notes(app, signed_in, fast_render):
    _, token = add_client(app)
    sub_id = submit(signed_in, token)
    response = render_form(signed_in, sub_id, notes="# Disclaimer\n" + "x" * 600_000)
    assert response.status_code == 413
    assert "The commentary is larger than 100 KB" in text(response)


def test_the_submission_lists_show_a_draft(app, signed_in, fast_render):
    client_id, token = add_client(app)
    sub_id = submit(signed_in, token)
    render_form(signed_in, sub_id, draft="1")
    for url in (f"/consultant/clients/{client_id}", "/consultant/submissions"):
        assert '<span class="badge draft">Draft</span>' in text(signed_in.get(url))
