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
