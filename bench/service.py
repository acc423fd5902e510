"""The intake service, measured from outside: a real `cs-sourcing serve` (waitress, the queue, worker
processes) driven through its JSON API, against the same work done by the pipeline in one process.

- feedback: POST a workbook -> the answer with its issues (the valid example, and one with errors);
- report: POST the valid example -> its report job done, on an idle service with one worker, against
  `flow.render_report` warm in this process (the command line's warm render);
- throughput: N submissions on 1 worker and on 2 workers, first POST to last report done.

Run: `python -m bench.service` (or as part of `make bench`).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from tests.service.server import Server, wait_until

RATE = {"RATE_LIMIT_UPLOAD": "10000 per minute"}


def _post(url: str, token: str, data: bytes, name: str) -> tuple[int, dict, float]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url + "/api/submissions",
        data=body,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            status, payload = r.status, json.load(r)
    except urllib.error.HTTPError as exc:
        status, payload = exc.code, json.load(exc)
    return status, payload, time.perf_counter() - t


def _status(url: str, token: str, sub_id: str) -> dict:
    request = urllib.request.Request(
        f"{url}/api/submissions/{sub_id}", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


def _done(url: str, token: str, sub_id: str) -> bool:
    state = _status(url, token, sub_id)["status"]
    if state == "failed":
        raise RuntimeError(f"report job failed: {_status(url, token, sub_id)}")
    return state == "done"


def _all_done(url: str, token: str, ids: set[str]) -> bool:
    request = urllib.request.Request(
        f"{url}/api/submissions", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        states = {s["id"]: s["status"] for s in json.load(r)}
    if any(states.get(i) == "failed" for i in ids):
        raise RuntimeError("a report job failed")
    return all(states.get(i) == "done" for i in ids)


def _service(work: Path, workers: int) -> tuple[Server, str]:
    server = Server(work / f"data-{workers}", workers=workers, env=RATE).start()
    link = server.add_client(f"Bench {workers}")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    return server, token


def measure(work: Path, n: int = 50, repeat: int = 5) -> dict[str, float]:
    from pipeline import flow
    from pipeline.template import write_example
    from tests.conftest import apply_edits

    work.mkdir(parents=True, exist_ok=True)
    good = write_example(work / "example.xlsx", lang="en").read_bytes()
    broken = write_example(work / "broken.xlsx", lang="en")
    bad = apply_edits(broken, {"Options!B5": "not a number"}).read_bytes()
    # The command line's warm render: the second render in one process.
    flow.render_report(good)
    cli_warm = min(_timed(lambda: flow.render_report(good)) for _ in range(repeat))

    out: dict[str, float] = {"cli_warm": cli_warm, "n": n}
    server, token = _service(work, 1)
    try:
        feedback, invalid, reports = [], [], []
        for _ in range(repeat):
            status, payload, seconds = _post(server.url, token, bad, "bad.xlsx")
            assert status == 422, payload
            invalid.append(seconds)
            t = time.perf_counter()
            status, payload, seconds = _post(server.url, token, good, "example.xlsx")
            assert status == 201, payload
            feedback.append(seconds)
            wait_until(
                lambda p=payload: _done(server.url, token, p["id"]), what="a report", every=0.02
            )
            reports.append(time.perf_counter() - t)
        out["feedback"] = statistics.median(feedback)
        out["feedback_invalid"] = statistics.median(invalid)
        out["report"] = statistics.median(reports)
    finally:
        server.stop()
    for workers in (1, 2):
        server, token = _service(work, workers)
        try:
            # Warm the workers first (each imports WeasyPrint once), as a running service is.
            warm = [_post(server.url, token, good, "warm.xlsx")[1]["id"] for _ in range(workers)]
            for sub_id in warm:
                wait_until(lambda s=sub_id, u=server.url, k=token: _done(u, k, s), what="warm-up")
            t = time.perf_counter()
            ids = {_post(server.url, token, good, f"b{i}.xlsx")[1]["id"] for i in range(n)}
            # One list request a second: polling each submission would take CPU from the
            # workers being measured.
            wait_until(
                lambda u=server.url, k=token, w=ids: _all_done(u, k, w),
                what="a batch",
                timeout=1800,
                every=1.0,
            )
            out[f"workers{workers}"] = time.perf_counter() - t
        finally:
            server.stop()
    out["speedup"] = out["workers1"] / out["workers2"]
    out["report_ratio"] = out["report"] / cli_warm
    return out


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(measure(Path(tmp)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
