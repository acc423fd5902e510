"""The service's commands: serve --help, consultant add, client add; and `validate` stays light."""

from __future__ import annotations

import re
import subprocess
import sys

from pipeline.cli import main
from tests.conftest import example_path


def test_serve_help_lists_settings_and_environment(capsys):
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for word in ("--host", "--port", "--workers", "--data"):
        assert word in out
    for env in ("DATABASE_URL", "QUEUE_URL", "STORAGE_URL", "SECRET_KEY"):
        assert env in out


def test_consultant_and_client_add(tmp_path, capsys, monkeypatch):
    from argon2 import PasswordHasher

    from pipeline.service.app import create_app
    from pipeline.service.config import load_settings
    from pipeline.service.models import Consultant

    monkeypatch.delenv("SECRET_KEY", raising=False)
    data = str(tmp_path / "data")
    assert (
        main(["consultant", "add", "Ana@Example.com", "--password", "s3cret-pass", "--data", data])
        == 0
    )
    assert (
        main(["client", "add", "PT Contoh", "--data", data, "--base-url", "https://cs.example"])
        == 0
    )
    out = capsys.readouterr().out
    link = re.search(r"https://cs\.example(/c/\S+/)", out).group(1)
    app = create_app(load_settings({"CS_SOURCING_DATA": data}))
    assert "Workbook for PT Contoh" in app.test_client().get(link).get_data(as_text=True)
    with app.extensions["cs"].sessions() as session:
        (consultant,) = session.query(Consultant).all()
        assert consultant.email == "ana@example.com"
        assert PasswordHasher().verify(consultant.password_hash, "s3cret-pass")
    # again: changes the password
    assert (
        main(["consultant", "add", "ana@example.com", "--password", "new-pass", "--data", data])
        == 0
    )
    assert "Changed the password" in capsys.readouterr().out


def test_bad_email_or_short_password_is_a_usage_error(tmp_path, capsys):
    data = str(tmp_path)
    assert main(["consultant", "add", "nobody", "--password", "long-enough", "--data", data]) == 2
    assert main(["consultant", "add", "a@example.com", "--password", "short", "--data", data]) == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_validate_does_not_load_the_web_stack():
    code = (
        "import sys; from pipeline.cli import main; "
        f"main(['-q', 'validate', {str(example_path('en'))!r}]); "
        "print(sorted(m for m in ('flask', 'sqlalchemy', 'huey', 'waitress', 'boto3') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
