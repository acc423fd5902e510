"""Safety (DESIGN §9): upload limit, CSRF, authorisation by id, hostile files, stored names, CSP,
rate limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.service.app import create_app

from .conftest import (
    add_client,
    add_consultant,
    api_upload,
    csrf_token,
    example_bytes,
    make_settings,
    upload,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "pipeline" / "service" / "templates"


@pytest.fixture
def small_app(tmp_path):
    app = create_app(make_settings(tmp_path, max_upload_mb=0.05))
    app.config["WTF_CSRF_ENABLED"] = False
    return app


def test_oversize_upload_is_413(small_app):
    _, token = add_client(small_app)
    web = small_app.test_client()
    big = b"PK" + b"\0" * 60_000
    page = upload(web, token, big)
    assert page.status_code == 413 and "larger than 0.05 MB" in page.get_data(as_text=True)
    assert 'type="file"' in page.get_data(as_text=True)  # the upload form again, with the reason
    api = api_upload(web, token, big)
    assert api.status_code == 413 and "0.05 MB" in api.get_json()["error"]


def test_default_limit_is_10_mb(settings):
    assert settings.max_upload_bytes == 10 * 1024 * 1024


def test_form_without_csrf_token_is_400(strict_web, client_token):
    response = upload(strict_web, client_token, example_bytes())
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)


def test_form_with_csrf_token_passes(strict_web, client_token, fast_render):
    token = csrf_token(strict_web.get(f"/c/{client_token}/").get_data(as_text=True))
    response = upload(strict_web, client_token, example_bytes(), csrf_token=token)
    assert response.status_code == 303


def test_consultant_forms_need_csrf_too(app, strict_web):
    add_consultant(app)
    response = strict_web.post(
        "/consultant/login", data={"email": "ana@example.com", "password": "x"}
    )
    assert response.status_code == 400


def test_every_form_carries_a_csrf_token():
    for path in TEMPLATES.rglob("*.html"):
        html = path.read_text()
        for form in re.findall(r"<form[^>]*>.*?</form>", html, flags=re.S):
            if 'method="post"' in form:
                assert "csrf_token()" in form or "_upload.html" in str(path), path


@pytest.mark.parametrize(
    "suffix", ["", "/progress", "/annotated.xlsx", "/report.pdf", "/results.json"]
)
def test_another_clients_submission_is_404(app, web, client_token, fast_render, suffix):
    location = upload(web, client_token, example_bytes()).headers["Location"]
    sub_id = location.rsplit("/", 1)[1]
    _, other = add_client(app, "PT Lain")
    assert web.get(f"/c/{other}/s/{sub_id}{suffix}").status_code == 404
    assert web.get(f"/c/{client_token}/s/{sub_id}{suffix}").status_code == 200


def test_unknown_link_is_404(web):
    response = web.get("/c/not-a-real-token/")
    assert response.status_code == 404
    assert "the link is no longer valid" in response.get_data(as_text=True)
    indonesian = web.get("/c/not-a-real-token/", headers={"Accept-Language": "id"})
    assert "tautannya sudah tidak berlaku" in indonesian.get_data(as_text=True)


def test_zip_bomb_gets_the_unusable_file_answer(web, client_token, tmp_path):
    from pipeline import flow
    from pipeline.issues import WorkbookError
    from tests.test_hostile import members, write_zip

    parts = members()
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet>" + b" " * (48 * 2**20) + b"</worksheet>"
    bomb = write_zip(tmp_path / "bomb.xlsx", parts)
    assert bomb.stat().st_size < 1_000_000  # small on the wire, 48 MB inflated
    with pytest.raises(WorkbookError) as cli:
        flow.read_and_validate(bomb)
    api = api_upload(web, client_token, bomb.read_bytes(), "bomb.xlsx")
    assert api.status_code == 400 and api.get_json()["error"] == str(cli.value)
    page = upload(web, client_token, bomb.read_bytes(), "bomb.xlsx")
    assert page.status_code == 400 and "This file cannot be read" in page.get_data(as_text=True)


def test_path_traversal_name_is_stored_by_id(app, web, client_token, fast_render, settings):
    from pipeline.service.models import Submission

    evil = "../../../../tmp/evil/../owned.xlsx"
    response = api_upload(web, client_token, example_bytes(), evil)
    assert response.status_code == 201
    body = response.get_json()
    assert body["filename"] == "owned.xlsx"
    stored = sorted(p.relative_to(settings.data_dir) for p in settings.data_dir.rglob("*.xlsx"))
    assert stored == [Path("files/submissions") / body["id"] / "workbook.xlsx"]
    assert not Path("/tmp/evil").exists()
    with app.extensions["cs"].sessions() as session:
        assert session.get(Submission, body["id"]).filename == "owned.xlsx"


def test_strict_content_security_policy(web, client_token):
    response = web.get(f"/c/{client_token}/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_no_inline_script_or_style_in_templates():
    for path in TEMPLATES.rglob("*.html"):
        html = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path  # onclick= and friends
        assert "hx-on" not in html and "javascript:" not in html, path


def test_upload_rate_limit(tmp_path, fast_render):
    app = create_app(
        make_settings(tmp_path, rate_limits_enabled=True, rate_limit_upload="2 per minute")
    )
    app.config["WTF_CSRF_ENABLED"] = False
    _, token = add_client(app)
    web = app.test_client()
    codes = [upload(web, token, b"not a workbook").status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    assert web.get(f"/c/{token}/").status_code == 200  # pages still open


def test_login_rate_limit(tmp_path):
    app = create_app(
        make_settings(tmp_path, rate_limits_enabled=True, rate_limit_login="2 per minute")
    )
    app.config["WTF_CSRF_ENABLED"] = False
    web = app.test_client()
    form = {"email": "x@example.com", "password": "guess"}
    codes = [web.post("/consultant/login", data=form).status_code for _ in range(3)]
    assert codes == [401, 401, 429]


def test_links_store_only_a_hash(app, client_token):
    from pipeline.service.models import Client

    with app.extensions["cs"].sessions() as session:
        (client,) = session.query(Client).all()
        assert client_token not in client.token_hash and len(client.token_hash) == 64


def test_secret_key_is_generated_once_private(tmp_path):
    from pipeline.service.config import load_settings

    env = {"CS_SOURCING_DATA": str(tmp_path / "d")}
    first = load_settings(env)
    assert load_settings(env).secret_key == first.secret_key
    assert (tmp_path / "d" / "secret_key").stat().st_mode & 0o077 == 0
    assert load_settings({**env, "SECRET_KEY": "from-env"}).secret_key == "from-env"


def test_shared_database_needs_secret_key_from_the_environment(tmp_path):
    from pipeline.service.config import load_settings

    with pytest.raises(ValueError, match="SECRET_KEY"):
        load_settings({"CS_SOURCING_DATA": str(tmp_path), "DATABASE_URL": "postgresql://h/db"})


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\..\\budget.xlsx", "budget.xlsx"),
        ("..", "workbook.xlsx"),
        ("a\x00b<script>.xlsx", "a_b_script_.xlsx"),
        ("", "workbook.xlsx"),
    ],
    ids=["dots", "windows", "only-dots", "control-and-markup", "empty"],
)
def test_uploaded_names_are_reduced_to_a_plain_name(name, shown):
    from pipeline.service.pipeline_calls import safe_name

    assert safe_name(name) == shown


def test_workbook_text_is_escaped_in_pages(tmp_path, web, client_token, fast_render):
    from tests.conftest import apply_edits, example_path

    path = tmp_path / "xss.xlsx"
    path.write_bytes(example_path("en").read_bytes())
    apply_edits(path, {"Costs!F5": "<script>alert(1)</script>"})
    response = upload(web, client_token, path.read_bytes(), "<b>x</b>.xlsx")
    page = web.get(response.headers["Location"]).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<b>x</b>" not in page


def test_settings_pass_to_the_worker_process_unchanged(tmp_path):
    from pipeline.service.config import load_settings

    env = {
        "CS_SOURCING_DATA": str(tmp_path),
        "SESSION_COOKIE_SECURE": "1",
        "MAX_UPLOAD_MB": "3",
        "JOB_STALE_SECONDS": "30",
    }
    settings = load_settings(env)
    assert settings.cookie_secure and settings.max_upload_mb == 3
    assert load_settings(settings.env()) == settings
