"""Alembic: an empty database upgrades to head, and so does one at every earlier revision (with data);
the models and the migrations describe the same tables."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from pipeline.service import migrate
from pipeline.service.models import Base, make_engine


def revisions() -> list[str]:
    """Oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config(make_engine("sqlite://")))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_empty_database_upgrades_to_head(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    migrate.upgrade(engine)
    assert migrate.current(engine) == revisions()[-1]
    tables = set(inspect(engine).get_table_names())
    assert tables >= {"clients", "consultants", "submissions", "jobs", "batches"}
    migrate.upgrade(engine)  # a second start changes nothing
    assert migrate.current(engine) == revisions()[-1]


@pytest.mark.parametrize("start", revisions()[:-1])
def test_earlier_revision_upgrades_with_its_data(tmp_path, start):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, start)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, name, token_hash, created_at) "
                "VALUES ('c1', 'PT Lama', :h, '2026-01-01 00:00:00')"
            ),
            {"h": "0" * 64},
        )
    migrate.upgrade(engine)
    assert migrate.current(engine) == revisions()[-1]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM clients")).scalar_one() == "PT Lama"


def test_a_job_from_revision_1_gets_an_empty_worker(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'r1.db'}")
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO clients VALUES ('c', 'PT', '" + "0" * 64 + "', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO submissions VALUES ('s', 'c', 1, 'a.xlsx', '', 1, 'valid', 'en', '[]', "
            "0, 0, '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO jobs VALUES ('j', 's', NULL, 0, NULL, NULL, 'running', 'pdf', 65, 1, '', "
            "0, '2026-01-01', '2026-01-01', NULL, '{}')"
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT state, worker FROM jobs").one() == ("running", "")


def test_downgrade_to_the_first_revision(tmp_path):
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    migrate.upgrade(engine)
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revisions()[0])
    assert migrate.current(engine) == revisions()[0]


def test_migrations_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def downgrade(engine, revision: str) -> None:
    from alembic import command

    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def draft_and_notes_round_trip(engine) -> None:
    """Revision 0003 on `engine` (an empty database): a job of 0002 becomes a final report without
    notes; a draft with notes is kept; down to 0002 and up again, the rest of the job is kept."""
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, name, token_hash, created_at) "
                "VALUES ('c', 'PT', :h, '2026-01-01')"
            ),
            {"h": "0" * 64},
        )
        conn.execute(
            text(
                "INSERT INTO submissions (id, client_id, version, filename, uploaded_by, size, "
                "status, lang, issues_json, errors, warnings, created_at) VALUES ('s', 'c', 1, "
                "'a.xlsx', '', 1, 'valid', 'en', '[]', 0, 0, '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO jobs (id, submission_id, by_consultant, state, stage, progress, "
                "attempts, error, pages, created_at, extra, worker) VALUES ('old', 's', :f, "
                "'done', 'done', 100, 1, '', 12, '2026-01-01', '{}', 'h:1')"
            ),
            {"f": False},
        )
    migrate.upgrade(engine, "0003")
    notes = "# Penafian\nAngka adalah perkiraan — “kutipan”.\n"
    with engine.begin() as conn:
        assert conn.execute(text("SELECT draft, notes FROM jobs")).one() == (False, None)
        conn.execute(
            text(
                "INSERT INTO jobs (id, submission_id, by_consultant, state, stage, progress, "
                "attempts, error, pages, created_at, extra, worker, draft, notes) VALUES ('new', "
                "'s', :t, 'queued', '', 0, 0, '', 0, '2026-01-02', '{}', '', :t, :n)"
            ),
            {"t": True, "n": notes},
        )
        rows = conn.execute(text("SELECT id, draft, notes FROM jobs ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("new", True, notes), ("old", False, None)]
    downgrade(engine, "0002")
    assert migrate.current(engine) == "0002"
    with engine.connect() as conn:
        assert {c["name"] for c in inspect(conn).get_columns("jobs")}.isdisjoint({"draft", "notes"})
        assert conn.execute(text("SELECT pages, worker FROM jobs WHERE id = 'old'")).one() == (
            12,
            "h:1",
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM jobs WHERE draft")).scalar_one() == 0


def test_revision_3_draft_and_notes_up_and_down(tmp_path):
    draft_and_notes_round_trip(make_engine(f"sqlite:///{tmp_path / 'r3.db'}"))
