"""`cs-sourcing serve`, `worker`, `consultant add` and `client add`: registered in pipeline/cli.py,
imported only when one of them runs (Flask and SQLAlchemy never load for `validate` or `report`)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import click

from .config import SETTINGS, load_settings

log = logging.getLogger("pipeline")
MIN_PASSWORD = 8


def _env_line(s) -> str:
    text = (
        s.help if s.default is None or "[default" in s.help else f"{s.help} [default: {s.default}]"
    )
    return textwrap.fill(
        text, width=98, initial_indent=f"  {s.env:<23}", subsequent_indent=" " * 25
    )


ENV_HELP = "\n\n\b\nEnvironment (for scale; every one optional on one machine):\n" + "\n".join(
    _env_line(s) for s in SETTINGS
)
DATA = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data folder (database, queue, files, secret key) [env CS_SOURCING_DATA; "
    "default: ./cs-sourcing-data].",
)


def _settings(data_dir: Path | None, **more):
    try:
        return load_settings(data_dir=str(data_dir) if data_dir else None, **more)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _sessions(settings):
    from . import migrate
    from .models import make_engine, make_sessionmaker

    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    return make_sessionmaker(engine)


def serve(host: str, port: int, workers: int, threads: int, data_dir: Path | None) -> int:
    from waitress import serve as waitress_serve

    from .app import create_app
    from .worker import quiet_libraries

    quiet_libraries()
    # A wildcard address is where the service listens, not where anyone reaches it: links made
    # from it would not work, so without BASE_URL the printed links say localhost.
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    settings = _settings(data_dir, base_url=os.environ.get("BASE_URL") or f"http://{shown}:{port}")
    sessions = _sessions(settings)  # create or migrate the database once, before the workers start
    app = create_app(settings, migrate=False)
    from sqlalchemy import func, select

    from .models import Consultant

    with sessions() as session:
        if not session.scalar(select(func.count(Consultant.id))):
            click.echo(
                "No consultant yet: add one with `cs-sourcing consultant add EMAIL"
                + (f" --data {data_dir}" if data_dir else "")
                + "`, and clients with `cs-sourcing client add NAME`.",
                err=True,
            )
    child = None
    if workers > 0:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline.service.worker",
                "--workers",
                str(workers),
                "--parent",
                str(os.getpid()),
            ],
            env={**os.environ, **settings.env()},
        )
    click.echo(
        f"cs-sourcing intake service on http://{host}:{port}/ (data: {settings.data_dir}; "
        f"{workers} report worker(s)). Ctrl+C stops it.",
        err=True,
    )
    # SIGTERM (systemd, docker stop) stops like Ctrl+C: the workers finish their job and stop.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        # Waitress buffers a request body (to disk) before Flask sees it, up to 1 GiB by default:
        # refuse by Content-Length, and cut chunked bodies, just past the upload limit.
        waitress_serve(
            app,
            host=host,
            port=port,
            threads=threads,
            ident="cs-sourcing",
            max_request_body_size=settings.max_upload_bytes + 64 * 1024,
        )
    finally:
        if child is not None:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


def worker(workers: int, data_dir: Path | None) -> int:
    from .worker import run

    run(_settings(data_dir), workers)
    return 0


def consultant_add(email: str, password: str, data_dir: Path | None) -> int:
    from argon2 import PasswordHasher
    from sqlalchemy import select

    from .models import Consultant

    email = email.strip().lower()
    if "@" not in email:
        raise click.UsageError(f"{email!r} is not an e-mail address")
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(f"the password needs at least {MIN_PASSWORD} characters")
    sessions = _sessions(_settings(data_dir))
    with sessions() as session:
        found = session.scalar(select(Consultant).where(Consultant.email == email))
        hashed = PasswordHasher().hash(password)
        if found:
            found.password_hash = hashed
            click.echo(f"Changed the password of {email}.")
        else:
            session.add(Consultant(email=email, password_hash=hashed))
            click.echo(f"Added consultant {email}; sign in at /consultant/login.")
        session.commit()
    return 0


def client_add(name: str, base_url: str | None, data_dir: Path | None) -> int:
    import secrets

    from .models import Client, token_hash

    name = name.strip()
    if not name:
        raise click.UsageError("the client needs a name")
    settings = _settings(data_dir)
    sessions = _sessions(settings)
    token = secrets.token_urlsafe(24)
    with sessions() as session:
        session.add(Client(name=name, token_hash=token_hash(token)))
        session.commit()
    base = (base_url or settings.base_url or "http://127.0.0.1:8000").rstrip("/")
    click.echo(f"Added client {name}. Their upload link (shown once, keep it private):")
    click.echo(f"{base}/c/{token}/")
    return 0


# ------------------------------------------------------------------------------- click commands
@click.command(
    "serve",
    help="Start the intake service: the web pages, the JSON API and the report workers. On the "
    "first run it creates the data folder and the database; later runs migrate it."
    "\n\n\b\nExamples:\n  cs-sourcing serve\n  cs-sourcing serve --host 0.0.0.0 --port 8080 "
    "--workers 4 --data /srv/cs-sourcing" + ENV_HELP,
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Report worker processes (0: none here; run `cs-sourcing worker` elsewhere).",
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Web threads."
)
@DATA
def serve_command(host, port, workers, threads, data_dir):
    return serve(host, port, workers, threads, data_dir)


@click.command(
    "worker",
    help="Run report workers only, for more machines sharing DATABASE_URL, QUEUE_URL and "
    "STORAGE_URL with `cs-sourcing serve --workers 0`." + ENV_HELP,
)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@DATA
def worker_command(workers, data_dir):
    return worker(workers, data_dir)


@click.group("consultant", help="Consultant accounts of the intake service.")
def consultant_group():
    pass


@consultant_group.command(
    "add",
    help="Add a consultant (or change their password). The password is asked for, hidden.",
)
@click.argument("email")
@click.password_option(help="The password (asked for when not given).")
@DATA
def consultant_add_command(email, password, data_dir):
    return consultant_add(email, password, data_dir)


@click.group("client", help="Clients of the intake service.")
def client_group():
    pass


@client_group.command(
    "add", help="Add a client and print their private upload link (no password needed)."
)
@click.argument("name")
@click.option("--base-url", default=None, help="Public address of the service [env BASE_URL].")
@DATA
def client_add_command(name, base_url, data_dir):
    return client_add(name, base_url, data_dir)


COMMANDS = (serve_command, worker_command, consultant_group, client_group)
