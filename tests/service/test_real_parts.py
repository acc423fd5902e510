"""The same code on the parts that scale (DESIGN §9): the queue on a real Redis, the database on a
real PostgreSQL, both Debian packages started here. Skipped, with the reason, when absent."""

from __future__ import annotations

import os

import pytest

from pipeline.service.app import create_app
from pipeline.service.jobs import Jobs

from .conftest import FAKE_PDF, add_client, api_upload, example_bytes, make_settings, template_bytes
from .real_parts import postgres_missing, postgres_server, redis_missing, redis_server


def skip_or_fail(reason: str) -> None:
    """CI sets CS_SOURCING_REQUIRE_SERVICE_PARTS=1: a missing part is then a failure."""
    if os.environ.get("CS_SOURCING_REQUIRE_SERVICE_PARTS"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def redis_url():
    reason = redis_missing()
    if reason:
        skip_or_fail(reason)
    with redis_server() as url:
        yield url


@pytest.fixture(scope="module")
def postgres_url():
    reason = postgres_missing()
    if reason:
        skip_or_fail(reason)
    with postgres_server() as url:
        yield url


def test_jobs_go_through_redis(tmp_path, redis_url, fast_render):
    settings = make_settings(tmp_path, immediate_jobs=False, queue_url=redis_url)
    app = create_app(settings)
    _, token = add_client(app)
    web = app.test_client()
    body = api_upload(web, token, example_bytes()).get_json()
    assert body["status"] == "queued"  # waiting in Redis, not run in the request
    # a consumer elsewhere: its own Jobs on the same QUEUE_URL
    consumer = Jobs(settings)
    assert consumer.huey.pending_count() == 1
    consumer.huey.execute(consumer.huey.dequeue())
    auth = {"Authorization": f"Bearer {token}"}
    assert web.get(f"/api/submissions/{body['id']}", headers=auth).get_json()["status"] == "done"
    assert web.get(f"/api/submissions/{body['id']}/report.pdf", headers=auth).data == FAKE_PDF


def test_everything_on_postgresql(tmp_path, postgres_url, fast_render):
    from sqlalchemy import inspect

    from pipeline.service import migrate

    settings = make_settings(tmp_path, database_url=postgres_url)
    app = create_app(settings)  # migrates the empty database
    engine = app.extensions["cs"].engine
    assert engine.dialect.name == "postgresql"
    assert "jobs" in inspect(engine).get_table_names()
    assert migrate.current(engine) is not None
    client_id, token = add_client(app, "PT Postgres")
    web = app.test_client()
    assert api_upload(web, token, template_bytes()).status_code == 422
    created = api_upload(web, token, example_bytes())
    assert created.status_code == 201 and created.get_json()["version"] == 2
    auth = {"Authorization": f"Bearer {token}"}
    shown = web.get(f"/api/submissions/{created.get_json()['id']}", headers=auth).get_json()
    assert shown["status"] == "done"
    _, other = add_client(app, "PT Lain")
    other_auth = {"Authorization": f"Bearer {other}"}
    assert web.get(f"/api/submissions/{shown['id']}", headers=other_auth).status_code == 404
    # a second app (another web server) on the same database sees the same
    second = create_app(settings)
    assert (
        second.test_client().get(f"/api/submissions/{shown['id']}", headers=auth).status_code == 200
    )


def test_postgresql_schema_matches_the_models(postgres_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pipeline.service import migrate
    from pipeline.service.models import Base, make_engine

    engine = make_engine(postgres_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_postgresql_revision_3_up_and_down(postgres_url):
    from sqlalchemy import text

    from pipeline.service.models import make_engine

    from .test_migrations import draft_and_notes_round_trip

    # A database of its own: the round trip goes down to revision 0002 and back.
    admin = make_engine(postgres_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE cs_r3"))
    admin.dispose()
    draft_and_notes_round_trip(make_engine(postgres_url.replace("/cs?", "/cs_r3?")))
