"""`cs-sourcing serve` for real: waitress, the Huey consumer child with a worker process, SQLite and
the data folder; a submission by the API rendered by the worker; SIGTERM stops everything."""

from __future__ import annotations

import json
import subprocess
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import example_path

from .server import Server, wait_until


def request(url: str, token: str, data: bytes | None = None, filename: str = "book.xlsx"):
    headers = {"Authorization": f"Bearer {token}"}
    if data is not None:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    else:
        req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=30) as response:
        return response.status, response.read()


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


@pytest.mark.slow
def test_serve_renders_a_submission_and_stops_cleanly(tmp_path):
    server = Server(tmp_path / "data", workers=1)
    token = server.add_client("PT Contoh").rstrip("/").rsplit("/", 1)[1]
    server.start()
    try:
        status, body = request(
            server.url + "/api/submissions", token, example_path("en").read_bytes()
        )
        assert status == 201
        sub = json.loads(body)

        def finished():
            _, body = request(f"{server.url}/api/submissions/{sub['id']}", token)
            state = json.loads(body)
            return state if state["status"] in ("done", "failed") else None

        state = wait_until(finished, what="the report job")
        assert state["status"] == "done" and state["job"]["pages"] > 1
        _, pdf = request(f"{server.url}/api/submissions/{sub['id']}/report.pdf", token)
        assert pdf.startswith(b"%PDF-")
        consumer = children(server.process.pid)
        assert consumer  # the Huey consumer is serve's child
    finally:
        server.stop()
    assert server.process.returncode == 0
    gone = lambda: not any(Path(f"/proc/{pid}").exists() for pid in consumer)  # noqa: E731
    wait_until(gone, what="the consumer and its workers to stop")


def descendants(pid: int) -> list[int]:
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


@pytest.mark.slow
def test_a_crash_mid_render_loses_nothing(tmp_path):
    """serve and its workers killed outright (kill -9) while a report renders: after a restart the
    job is claimed again and finishes."""
    import os
    import signal
    import sqlite3

    data = tmp_path / "data"
    env = {"JOB_STALE_SECONDS": "2"}
    server = Server(data, workers=1, env=env)
    token = server.add_client("PT Crash").rstrip("/").rsplit("/", 1)[1]
    server.start()
    try:
        _, body = request(server.url + "/api/submissions", token, example_path("en").read_bytes())
        sub = json.loads(body)

        def running():
            _, body = request(f"{server.url}/api/submissions/{sub['id']}", token)
            return json.loads(body)["status"] == "running"

        wait_until(running, what="the job to start", every=0.05)
        for pid in [server.process.pid, *descendants(server.process.pid)]:
            os.kill(pid, signal.SIGKILL)
        server.process.wait()
    finally:
        server.stop()
    with sqlite3.connect(data / "service.db") as db:
        assert db.execute("SELECT state, attempts FROM jobs").fetchall() == [("running", 1)]

    again = Server(data, workers=1, env=env).start()
    try:

        def finished():
            _, body = request(f"{again.url}/api/submissions/{sub['id']}", token)
            state = json.loads(body)
            return state if state["status"] in ("done", "failed") else None

        assert wait_until(finished, what="the job taken up again")["status"] == "done"
    finally:
        again.stop()
    with sqlite3.connect(data / "service.db") as db:
        assert db.execute("SELECT state, attempts FROM jobs").fetchall() == [("done", 2)]
