"""Report jobs: the Huey queue carries only a job id; the `jobs` row holds state, stage, progress,
attempts and a heartbeat. A worker claims a job atomically; a job whose worker died (no heartbeat for
`job_stale_seconds`) is claimed again, up to `job_max_attempts`. Every later write of a worker names
the attempt it claimed: a worker that was only slow (a long pause, a lost database connection) and
whose job another worker has since taken writes nothing more, so it can neither mark the new
attempt failed nor keep it alive with its beats."""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, select, update

from . import pipeline_calls
from .config import Settings
from .models import DONE, FAILED, QUEUED, RUNNING, Job, make_engine, make_sessionmaker, now
from .storage import make_storage

log = logging.getLogger("pipeline")

# Share of the work done when each stage starts (the PDF stage is the longest).
PROGRESS = {"queued": 0, "read": 5, "validate": 15, "compute": 25, "html": 45, "pdf": 65}


@dataclass(frozen=True, kw_only=True)
class Context:
    """What a worker process needs: its own engine (never shared across a fork) and the storage."""

    sessions: object
    storage: object


_contexts: dict[tuple[int, str], Context] = {}


def context(settings: Settings) -> Context:
    key = (os.getpid(), settings.database_url)
    if key not in _contexts:
        engine = make_engine(settings.database_url)
        _contexts[key] = Context(
            sessions=make_sessionmaker(engine),
            storage=make_storage(settings.storage_url, settings.data_dir),
        )
    return _contexts[key]


def _claim(session, job_id: str, stale_before) -> int | None:
    """Take the job if it waits, or if its worker stopped beating: the attempt claimed, or None
    if someone else has it."""
    result = session.execute(
        update(Job)
        .where(
            Job.id == job_id,
            or_(Job.state == QUEUED, (Job.state == RUNNING) & (Job.heartbeat < stale_before)),
        )
        .values(
            state=RUNNING,
            attempts=Job.attempts + 1,
            heartbeat=now(),
            stage="",
            worker=f"{socket.gethostname()}:{os.getpid()}"[:200],
        )
    )
    session.commit()
    if result.rowcount != 1:
        return None
    return session.scalar(select(Job.attempts).where(Job.id == job_id))


def _set(sessions, job_id: str, attempt: int, **values) -> bool:
    """Write `values` to the job if it is still this attempt's; False once another has it."""
    with sessions() as session:
        result = session.execute(
            update(Job).where(Job.id == job_id, Job.attempts == attempt).values(**values)
        )
        session.commit()
    if result.rowcount != 1:
        log.warning("job %s: attempt %s was superseded; its result is dropped", job_id, attempt)
        return False
    return True


def _beat(sessions, job_id: str, attempt: int, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        try:
            if not _set(sessions, job_id, attempt, heartbeat=now()):
                return  # another worker has the job: keeping it alive would hide that one's death
        except Exception:  # a missed beat only risks a duplicate attempt, never a lost job
            log.warning("heartbeat of job %s failed", job_id, exc_info=True)


def run_job(settings: Settings, job_id: str) -> str:
    """Render one job; returns its final state ('skipped' when another worker holds it,
    'superseded' when another took it over while this one rendered)."""
    ctx = context(settings)
    stale_before = now() - timedelta(seconds=settings.job_stale_seconds)
    with ctx.sessions() as session:
        attempt = _claim(session, job_id, stale_before)
        if attempt is None:
            return "skipped"
        job = session.get(Job, job_id)
        sub = job.submission
        if attempt > settings.job_max_attempts:
            _set(
                ctx.sessions,
                job_id,
                attempt,
                state=FAILED,
                error=f"the worker stopped {attempt - 1} times on this job",
                finished_at=now(),
            )
            return FAILED
        data = ctx.storage.get(sub.workbook_key)
        name, brand, lang = sub.filename, job.brand, job.lang
        notes, draft = job.notes, job.draft
        pdf_key, json_key = job.pdf_key, job.json_key

    def on_stage(stage: str) -> None:
        _set(
            ctx.sessions,
            job_id,
            attempt,
            stage=stage,
            progress=PROGRESS.get(stage, 0),
            heartbeat=now(),
        )

    kwargs = {"name": name, "brand": brand, "lang": lang, "notes": notes, "draft": draft}
    # The child is forked before the heartbeat thread starts: a fork copies only the forking thread.
    child = _Render.start(data, kwargs, settings.job_max_seconds, settings.immediate_jobs)
    stop = threading.Event()
    beat = threading.Thread(
        target=_beat,
        args=(ctx.sessions, job_id, attempt, stop, max(1.0, settings.job_stale_seconds / 6)),
        daemon=True,
    )
    beat.start()

    try:
        rendered = child.result(on_stage)
        ctx.storage.put(pdf_key, rendered.pdf)
        ctx.storage.put(json_key, rendered.results_json)
    except pipeline_calls.InvalidWorkbook as exc:
        first = next((i for i in exc.issues if i.is_error), None)
        kept = _set(
            ctx.sessions,
            job_id,
            attempt,
            state=FAILED,
            error=first.message if first else str(exc),
            finished_at=now(),
        )
        return FAILED if kept else "superseded"
    except Exception as exc:
        # Unusable files never get here (refused at upload); a bad brand or a bug does.
        log.exception("job %s failed", job_id)
        message = (
            str(exc)
            if isinstance(exc, pipeline_calls.PipelineError)
            else f"internal error (a bug in cs-sourcing, not in your workbook; job {job_id})"
        )
        kept = _set(ctx.sessions, job_id, attempt, state=FAILED, error=message, finished_at=now())
        return FAILED if kept else "superseded"
    finally:
        stop.set()
        beat.join()
    if not _set(
        ctx.sessions,
        job_id,
        attempt,
        state=DONE,
        stage="done",
        progress=100,
        pages=rendered.pages,
        finished_at=now(),
    ):
        return "superseded"
    return DONE


class RenderTimeout(pipeline_calls.PipelineError):
    """A render ran past `job_max_seconds` and was stopped."""


class _Render:
    """One report render, in a forked child process when a time limit applies (a hung render is
    killed; the worker lives on), else in this process. The child sends its stages and its result
    through a pipe as plain data: issues as dicts, errors as their message. `os.fork` rather than
    `multiprocessing.Process`: the consumer's workers are daemonic processes, which
    multiprocessing does not let have children."""

    def __init__(self, direct=None, pid: int = 0, conn=None, limit: float = 0):
        self.direct, self.pid, self.conn, self.limit = direct, pid, conn, limit

    @classmethod
    def start(cls, data: bytes, kwargs: dict, limit: float, in_process: bool) -> _Render:
        if not limit or in_process or not hasattr(os, "fork"):
            return cls(direct=(data, kwargs))
        pipeline_calls.warm_up()  # once per worker: the children inherit a warm renderer
        # The worker's objects stay out of the child's garbage collections: a collection that
        # walks them would copy every page of the parent's heap into the child (a report through
        # the service took 1.37 x the command line's time without this, 1.10 x with it). Only
        # live objects are frozen: the worker's own garbage is collected first.
        gc.collect()
        gc.freeze()
        receive, send = multiprocessing.Pipe(duplex=False)
        pid = os.fork()
        if pid == 0:  # the child: render, report, and leave without running the parent's cleanup
            code = 0
            try:
                receive.close()
                _render_child(send, data, kwargs)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        send.close()
        return cls(pid=pid, conn=receive, limit=limit)

    def result(self, on_stage) -> pipeline_calls.Rendered:
        if self.direct is not None:
            data, kwargs = self.direct
            return pipeline_calls.render(data, on_stage=on_stage, **kwargs)
        deadline = time.monotonic() + self.limit
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not self.conn.poll(left):
                    raise RenderTimeout(
                        f"the report took longer than {self.limit:g} seconds and was stopped; "
                        "try again, and tell us if it happens again"
                    )
                try:
                    kind, value = self.conn.recv()
                except EOFError:
                    raise pipeline_calls.PipelineError(
                        f"the report's process stopped unexpectedly ({self._reap()}); try again"
                    ) from None
                if kind == "stage":
                    on_stage(value)
                elif kind == "done":
                    return pipeline_calls.Rendered(**value)
                elif kind == "invalid":
                    issues, lang = value
                    raise pipeline_calls.InvalidWorkbook(
                        [pipeline_calls.Issue(**i) for i in issues], lang=lang
                    )
                elif kind == "refused":
                    raise pipeline_calls.PipelineError(value)
                else:  # "bug": the child's traceback, for the log
                    raise RuntimeError(f"the render failed in its process:\n{value}")
        finally:
            self.conn.close()
            self._reap(kill=True)

    def _reap(self, *, kill: bool = False) -> str:
        """Wait for the child (killing it first if asked and still there): how it ended."""
        if not self.pid:
            return "already reaped"
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.WIFSIGNALED(status):
            return f"signal {os.WTERMSIG(status)}"
        return f"exit code {os.waitstatus_to_exitcode(status)}"


def _render_child(send, data: bytes, kwargs: dict) -> None:
    """In the forked child: render, and send stages and the outcome back."""
    try:
        rendered = pipeline_calls.render(
            data, on_stage=lambda stage: send.send(("stage", stage)), **kwargs
        )
        send.send(
            (
                "done",
                {
                    "pdf": rendered.pdf,
                    "results_json": rendered.results_json,
                    "pages": rendered.pages,
                },
            )
        )
    except pipeline_calls.InvalidWorkbook as exc:
        send.send(("invalid", ([i.to_dict() for i in exc.issues], exc.lang)))
    except pipeline_calls.PipelineError as exc:
        send.send(("refused", str(exc)))
    except BaseException:
        send.send(("bug", traceback.format_exc()))
    finally:
        send.close()


def _warm_up_quietly() -> None:
    try:
        pipeline_calls.warm_up()
    except Exception:  # a failed warm-up only costs the first report its speed
        log.warning("the worker's warm-up render failed", exc_info=True)


def orphaned(session, settings: Settings, *, queued_older_than: float = 0) -> list[str]:
    """Jobs that no worker holds: queued ones (the enqueue may have been lost) and running ones
    whose heartbeat stopped."""
    t = now()
    stale = t - timedelta(seconds=settings.job_stale_seconds)
    waiting = t - timedelta(seconds=queued_older_than)
    rows = session.scalars(
        select(Job.id).where(
            or_(
                (Job.state == QUEUED) & (Job.created_at <= waiting),
                (Job.state == RUNNING) & (Job.heartbeat < stale),
            )
        )
    )
    return list(rows)


class Jobs:
    """The queue of one app or consumer: Huey (SQLite file, Redis, or immediate for tests)."""

    def __init__(self, settings: Settings):
        from huey import RedisHuey, SqliteHuey, crontab

        self.settings = settings
        if settings.immediate_jobs:
            from huey import MemoryHuey

            self.huey = MemoryHuey("cs-sourcing", immediate=True)
        elif settings.queue_url:
            self.huey = RedisHuey("cs-sourcing", url=settings.queue_url)
        else:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            self.huey = SqliteHuey("cs-sourcing", filename=str(settings.data_dir / "queue.db"))

        self.render = self.huey.task(name="render")(lambda job_id: run_job(settings, job_id))
        if settings.job_max_seconds and not settings.immediate_jobs:
            # Each worker warms its renderer as it starts, not on its first job.
            self.huey.on_startup(name="warm-up")(_warm_up_quietly)
        self.sweep = self.huey.periodic_task(crontab(minute="*"), name="sweep")(self.recover)

    def enqueue(self, job_id: str) -> None:
        self.render(job_id)

    def recover(self, *, queued_older_than: float | None = None) -> list[str]:
        """Enqueue every orphaned job again (on consumer start, then every minute)."""
        if queued_older_than is None:
            queued_older_than = self.settings.job_stale_seconds
        ctx = context(self.settings)
        with ctx.sessions() as session:
            ids = orphaned(session, self.settings, queued_older_than=queued_older_than)
        for job_id in ids:
            log.info("job %s taken up again", job_id)
            self.enqueue(job_id)
        return ids
