"""Service fixtures: an app on SQLite in a temporary folder with Huey in immediate mode (each job runs
inside the request that queues it), a client with its token, a signed-in consultant."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

from tests.conftest import example_path, template_path

pytest.importorskip("flask")

from pipeline.service.app import create_app  # noqa: E402
from pipeline.service.config import Settings  # noqa: E402
from pipeline.service.models import Client, Consultant, token_hash  # noqa: E402

PASSWORD = "correct horse battery staple"


def make_settings(tmp_path: Path, **changes) -> Settings:
    base = Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'data' / 'service.db'}",
        secret_key=secrets.token_urlsafe(32),
        immediate_jobs=True,
        rate_limits_enabled=False,
    )
    return base.but(**changes)


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path)


@pytest.fixture
def app(settings):
    app = create_app(settings)
    app.config["TESTING"] = True
    return app


def add_client(app, name: str = "PT Contoh") -> tuple[str, str]:
    """(client id, token)."""
    token = secrets.token_urlsafe(24)
    with app.extensions["cs"].sessions() as session:
        client = Client(name=name, token_hash=token_hash(token))
        session.add(client)
        session.commit()
        return client.id, token


def add_consultant(app, email: str = "ana@example.com") -> str:
    from argon2 import PasswordHasher

    with app.extensions["cs"].sessions() as session:
        session.add(Consultant(email=email, password_hash=PasswordHasher().hash(PASSWORD)))
        session.commit()
    return email


@pytest.fixture
def client_token(app):
    return add_client(app)[1]


@pytest.fixture
def web(app):
    """A test browser that posts forms without fetching their token first (CSRF checks off)."""
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


@pytest.fixture
def strict_web(app):
    """A test browser with every check on, as in production."""
    return app.test_client()


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def example_bytes(lang: str = "en") -> bytes:
    return example_path(lang).read_bytes()


def template_bytes(lang: str = "en") -> bytes:
    return template_path(lang).read_bytes()


FAKE_PDF = b"%PDF-1.7 fake report\n"


@pytest.fixture
def fast_render(monkeypatch):
    """Replace the PDF render by a stand-in that records its calls (the real one: test_render_real).

    Stages are reported as the real render reports them."""
    from pipeline.service import pipeline_calls

    calls = []

    def render(data, *, name=None, brand=None, lang=None, notes=None, draft=False, on_stage=None):
        calls.append(
            {
                "name": name,
                "brand": brand,
                "lang": lang,
                "size": len(data),
                "notes": notes,
                "draft": draft,
            }
        )
        for stage in pipeline_calls.STAGES:
            if on_stage:
                on_stage(stage)
        return pipeline_calls.Rendered(pdf=FAKE_PDF, results_json=b'{"schema": "fake"}\n', pages=3)

    monkeypatch.setattr(pipeline_calls, "render", render)
    return calls


def upload(web, token: str, data: bytes, filename: str = "book.xlsx", **form):
    import io

    return web.post(
        f"/c/{token}/",
        data={"file": (io.BytesIO(data), filename), **form},
        content_type="multipart/form-data",
    )


def api_upload(web, token: str, data: bytes, filename: str = "book.xlsx"):
    import io

    return web.post(
        "/api/submissions",
        data={"file": (io.BytesIO(data), filename)},
        headers={"Authorization": f"Bearer {token}"},
        content_type="multipart/form-data",
    )
