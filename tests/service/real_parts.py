"""Start and stop Debian's redis-server and PostgreSQL in a temporary folder, for the tests that
need the real thing. Each helper says why it cannot, and the test skips with that reason."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .server import free_port, wait_until

PG_BIN = (
    next(
        (p for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)),
        None,
    )
    if Path("/usr/lib/postgresql").is_dir()
    else None
)


def redis_missing() -> str | None:
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (Debian: apt-get install redis-server; .ci/run does)"
    return None


@contextlib.contextmanager
def redis_server():
    folder = Path(tempfile.mkdtemp(prefix="cs-redis-"))
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        import redis

        client = redis.Redis(port=port)

        def up():
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        wait_until(up, what="redis-server", timeout=30)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def postgres_missing() -> str | None:
    if PG_BIN is None or not (PG_BIN / "initdb").is_file():
        return "PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run PostgreSQL as"
    return None


def _as_owner(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the Debian package's user.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def postgres_server():
    folder = Path(tempfile.mkdtemp(prefix="cs-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", free_port()
    user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    run = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    subprocess.run(
        _as_owner(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"]
        ),
        **run,
    )
    options = f"-p {port} -k {folder} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_owner(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-w",
                "-l",
                str(folder / "log"),
                "start",
            ]
        ),
        **run,
    )
    try:
        subprocess.run(
            _as_owner(
                [str(PG_BIN / "createdb"), "-h", str(folder), "-p", str(port), "-U", user, "cs"]
            ),
            **run,
        )
        yield f"postgresql+psycopg://{user}@/cs?host={folder}&port={port}"
    finally:
        subprocess.run(
            _as_owner([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)
