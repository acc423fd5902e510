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


@pytest.mark.parametrize("start", revisions()[:-1] or ["(one revision)"])
def test_earlier_revision_upgrades_with_its_data(tmp_path, start):
    if start == "(one revision)":
        pytest.skip("only one revision so far")
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


def test_migrations_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
