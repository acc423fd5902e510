"""Jobs are data: claimed once, found again when their worker dies, failed with a reason; a restart
loses nothing."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from pipeline.service import jobs as jobs_module
from pipeline.service.app import create_app
from pipeline.service.models import DONE, FAILED, QUEUED, RUNNING, Job, Submission, now

from .conftest import add_client, example_bytes, upload


@pytest.fixture
def sub_id(web, client_token, fast_render) -> str:
    return upload(web, client_token, example_bytes()).headers["Location"].rsplit("/", 1)[1]


def set_job(app, sub_id: str, **values) -> str:
    with app.extensions["cs"].sessions() as session:
        job = session.get(Submission, sub_id).client_job
        for key, value in values.items():
            setattr(job, key, value)
        session.commit()
        return job.id


def get_job(app, job_id: str) -> Job:
    with app.extensions["cs"].sessions() as session:
        return session.get(Job, job_id)


def test_stages_are_recorded_in_order(app, sub_id, monkeypatch, fast_render):
    seen = []
    original = jobs_module._set

    def spy(sessions, job_id, attempt, **values):
        if "stage" in values:
            seen.append((values["stage"], values.get("progress")))
        return original(sessions, job_id, attempt, **values)

    monkeypatch.setattr(jobs_module, "_set", spy)
    job_id = set_job(app, sub_id, state=QUEUED, progress=0)
    assert jobs_module.run_job(app.extensions["cs"].settings, job_id) == DONE
    assert seen == [
        ("read", 5),
        ("validate", 15),
        ("compute", 25),
        ("html", 45),
        ("pdf", 65),
        ("done", 100),
    ]


def test_a_dead_workers_job_is_taken_up_again(app, sub_id, fast_render):
    stale = now() - timedelta(seconds=app.extensions["cs"].settings.job_stale_seconds + 5)
    job_id = set_job(app, sub_id, state=RUNNING, stage="html", heartbeat=stale, attempts=1)
    taken = app.extensions["cs"].jobs.recover()
    assert taken == [job_id]
    job = get_job(app, job_id)
    assert job.state == DONE and job.attempts == 2
    assert job.worker.endswith(f":{os.getpid()}")  # who took it, for the operator


def test_a_live_workers_job_is_left_alone(app, sub_id, fast_render):
    job_id = set_job(app, sub_id, state=RUNNING, heartbeat=now(), attempts=1)
    assert app.extensions["cs"].jobs.recover() == []
    assert jobs_module.run_job(app.extensions["cs"].settings, job_id) == "skipped"
    assert get_job(app, job_id).state == RUNNING


def test_a_finished_job_is_never_run_twice(app, sub_id, fast_render):
    job_id = get_job_id(app, sub_id)
    calls = len(fast_render)
    assert jobs_module.run_job(app.extensions["cs"].settings, job_id) == "skipped"
    assert len(fast_render) == calls


def get_job_id(app, sub_id):
    with app.extensions["cs"].sessions() as session:
        return session.get(Submission, sub_id).client_job.id


def test_a_slow_worker_whose_job_was_taken_over_writes_nothing(app, sub_id, monkeypatch):
    """A worker that paused past the stale limit (its job was claimed again by another) must not
    overwrite the new attempt: no stage, no beat, no DONE or FAILED of its own."""
    from pipeline.service import pipeline_calls

    job_id = set_job(app, sub_id, state=QUEUED, progress=0, stage="", attempts=0, pages=0)

    def render(data, *, on_stage=None, **_):
        on_stage("read")
        set_job(app, sub_id, attempts=2, stage="validate", worker="other:1")  # taken over
        on_stage("html")
        raise RuntimeError("the slow worker fails late")

    monkeypatch.setattr(pipeline_calls, "render", render)
    assert jobs_module.run_job(app.extensions["cs"].settings, job_id) == "superseded"
    job = get_job(app, job_id)
    assert (job.attempts, job.stage, job.worker, job.state) == (2, "validate", "other:1", RUNNING)
    assert job.error in (None, "")

    def finishes(data, *, on_stage=None, **_):
        set_job(app, sub_id, attempts=3, worker="other:2")
        return pipeline_calls.Rendered(pdf=b"%PDF-1.7 x", results_json=b"{}", pages=1)

    set_job(app, sub_id, state=QUEUED, attempts=0, worker="")
    monkeypatch.setattr(pipeline_calls, "render", finishes)
    assert jobs_module.run_job(app.extensions["cs"].settings, job_id) == "superseded"
    job = get_job(app, job_id)  # the other attempt's, untouched: not DONE by this one
    assert (job.state, job.attempts, job.worker, job.pages) == (RUNNING, 3, "other:2", 0)


def test_a_job_that_keeps_killing_its_worker_fails(app, sub_id, fast_render):
    settings = app.extensions["cs"].settings
    stale = now() - timedelta(seconds=settings.job_stale_seconds + 5)
    job_id = set_job(
        app, sub_id, state=RUNNING, heartbeat=stale, attempts=settings.job_max_attempts
    )
    assert jobs_module.run_job(settings, job_id) == FAILED
    assert "stopped 3 times" in get_job(app, job_id).error


def test_a_queued_job_whose_enqueue_was_lost_runs_on_start(app, sub_id, fast_render):
    job_id = set_job(app, sub_id, state=QUEUED, progress=0, stage="")
    assert app.extensions["cs"].jobs.recover(queued_older_than=0) == [job_id]
    assert get_job(app, job_id).state == DONE


def test_a_failing_render_says_why(app, web, client_token, monkeypatch):
    from pipeline.service import pipeline_calls

    def broken(*_args, **_kw):
        raise pipeline_calls.PipelineError("brand 'x' has no brand.toml")

    monkeypatch.setattr(pipeline_calls, "render", broken)
    location = upload(web, client_token, example_bytes()).headers["Location"]
    page = web.get(location).get_data(as_text=True)
    assert "The report could not be made: brand" in page


def test_restart_loses_nothing(settings, fast_render):
    first = create_app(settings)
    first.config["WTF_CSRF_ENABLED"] = False
    _, token = add_client(first)
    location = upload(first.test_client(), token, example_bytes()).headers["Location"]
    second = create_app(settings)  # a new process on the same data folder
    again = second.test_client().get(location)
    assert again.status_code == 200 and "Your report is ready" in again.get_data(as_text=True)
    assert second.test_client().get(location + "/report.pdf").status_code == 200


def test_a_queue_that_refuses_a_job_loses_nothing(app, web, client_token, fast_render, monkeypatch):
    jobs = app.extensions["cs"].jobs

    def down(job_id):
        raise ConnectionError("queue unreachable")

    monkeypatch.setattr(jobs, "enqueue", down)
    location = upload(web, client_token, example_bytes()).headers["Location"]
    assert web.get(location).status_code == 200  # the upload is kept; its job waits
    monkeypatch.undo()
    job_id = get_job_id(app, location.rsplit("/", 1)[1])
    assert get_job(app, job_id).state == QUEUED
    assert jobs.recover(queued_older_than=0) == [job_id]
    assert get_job(app, job_id).state == DONE


def test_a_bug_in_a_render_is_named_as_such(app, web, client_token, monkeypatch):
    from pipeline.service import pipeline_calls

    def buggy(*_args, **_kw):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline_calls, "render", buggy)
    location = upload(web, client_token, example_bytes()).headers["Location"]
    page = web.get(location).get_data(as_text=True)
    assert "internal error (a bug in cs-sourcing, not in your workbook; job " in page
    assert "ZeroDivisionError" not in page and "division by zero" not in page  # kept in the log


# ---------------------------------------------------------------------------- time limit
def _fake(stages=("read", "pdf"), *, sleep=0.0, raises=None, exit_code=None):
    from pipeline.service import pipeline_calls

    def render(data, *, on_stage=None, **kwargs):
        for stage in stages:
            on_stage(stage)
        if exit_code is not None:
            os._exit(exit_code)  # the child dies without a word (killed by the OOM killer...)
        if sleep:
            import time

            time.sleep(sleep)
        if raises is not None:
            raise raises
        return pipeline_calls.Rendered(pdf=b"%PDF " + data, results_json=b"{}", pages=len(kwargs))

    return render


def _in_child(monkeypatch, render, limit=20.0):
    from pipeline.service import pipeline_calls

    monkeypatch.setattr(pipeline_calls, "render", render)
    monkeypatch.setattr(pipeline_calls, "_warm", True)  # warm-up: its own test below
    seen = []
    child = jobs_module._Render.start(b"book", {"name": "b.xlsx", "lang": "id"}, limit, False)
    assert child.pid  # really in a child process
    try:
        return child.result(seen.append), seen
    finally:
        assert child.pid == 0  # reaped, no zombie left


def test_a_render_in_its_own_process_reports_stages_and_result(monkeypatch):
    rendered, seen = _in_child(monkeypatch, _fake())
    assert (rendered.pdf, rendered.pages, seen) == (b"%PDF book", 2, ["read", "pdf"])


def test_a_render_past_the_time_limit_is_stopped(monkeypatch):
    import time

    started = time.monotonic()
    with pytest.raises(jobs_module.RenderTimeout, match="longer than 1 seconds"):
        _in_child(monkeypatch, _fake(sleep=60), limit=1)
    assert time.monotonic() - started < 30  # killed, not waited for


def test_errors_in_the_child_come_back_as_they_were(monkeypatch):
    from pipeline.issues import ERROR, InvalidWorkbook, Issue, PipelineError

    bad = Issue(code="not-a-number", severity=ERROR, sheet="Costs", cell="F5", message="x")
    with pytest.raises(InvalidWorkbook) as invalid:
        _in_child(monkeypatch, _fake(raises=InvalidWorkbook([bad], lang="id")))
    assert invalid.value.issues == [bad] and invalid.value.lang == "id"
    with pytest.raises(PipelineError, match="unknown brand"):
        _in_child(monkeypatch, _fake(raises=PipelineError("unknown brand 'x'")))
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        _in_child(monkeypatch, _fake(raises=ZeroDivisionError("a bug")))
    with pytest.raises(PipelineError, match="stopped unexpectedly \\(exit code 3\\)"):
        _in_child(monkeypatch, _fake(exit_code=3))


def test_a_hung_render_fails_its_job_and_the_worker_goes_on(app, sub_id, monkeypatch):
    from dataclasses import replace

    from pipeline.service import pipeline_calls

    settings = replace(app.extensions["cs"].settings, immediate_jobs=False, job_max_seconds=1)
    monkeypatch.setattr(pipeline_calls, "_warm", True)
    job_id = set_job(app, sub_id, state=QUEUED, progress=0, stage="", attempts=0)
    monkeypatch.setattr(pipeline_calls, "render", _fake(("read",), sleep=60))
    assert jobs_module.run_job(settings, job_id) == FAILED
    job = get_job(app, job_id)
    assert job.state == FAILED and "longer than 1 seconds" in job.error and job.stage == "read"
    job_id = set_job(app, sub_id, state=QUEUED, progress=0, stage="", attempts=0)
    monkeypatch.setattr(pipeline_calls, "render", _fake())
    assert jobs_module.run_job(settings, job_id) == DONE


def test_the_worker_warms_its_renderer_once_before_forking(monkeypatch):
    """A forked render starts from the worker's memory: warm it there (once), or every report
    pays WeasyPrint's start-up again in a child that throws it away."""
    from pipeline.service import pipeline_calls

    calls = []

    def render(data, *, on_stage=None, **kwargs):
        calls.append(kwargs.get("name"))
        return pipeline_calls.Rendered(pdf=b"%PDF", results_json=b"{}", pages=1)

    monkeypatch.setattr(pipeline_calls, "render", render)
    monkeypatch.setattr(pipeline_calls, "_warm", False)
    for _ in range(2):
        child = jobs_module._Render.start(b"book", {"name": "b.xlsx"}, 20, False)
        assert child.result(lambda stage: None).pdf == b"%PDF"
    assert calls == ["warm-up.xlsx"]  # in this process, once; the renders ran in the children
