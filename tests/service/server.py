"""A real `cs-sourcing serve` in a subprocess, for the end-to-end and browser tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, *, what: str, timeout: float = 120.0, every: float = 0.2):
    """Poll `check()` until it returns something truthy; a timeout is a failure, not a threshold."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"gave up waiting for {what}")


class Server:
    def __init__(self, data: Path, *, workers: int = 1, env: dict[str, str] | None = None):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log = data.parent / f"serve-{self.port}.log"

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "pipeline", *args, "--data", str(self.data)],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    def add_client(self, name: str) -> str:
        out = self.cli("client", "add", name, "--base-url", self.url)
        return re.search(r"(http://\S+/c/\S+/)", out).group(1)

    def start(self) -> Server:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline",
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--data",
                str(self.data),
            ],
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        wait_until(self._up, what=f"the server on {self.url} (log: {self.log})")
        return self

    def _up(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"serve exited: {self.log.read_text()}")
        try:
            with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
