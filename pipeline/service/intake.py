"""What pages and API share: take an upload, keep its issues, make the annotated copy, queue renders.
Views call these and turn `WorkbookError` into a page or a status code."""

from __future__ import annotations

import json
import logging
from itertools import groupby

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from . import pipeline_calls
from .models import INVALID, VALID, Batch, Client, Job, Submission, token_hash

log = logging.getLogger("pipeline")


def client_by_token(session, token: str | None) -> Client | None:
    if not token or len(token) > 200:
        return None
    return session.scalar(select(Client).where(Client.token_hash == token_hash(token)))


def submit(session, storage, jobs, client: Client, data: bytes, *, filename: str, by: str):
    """Validate `data` and keep it as the client's next version; queue its report when valid.

    Raises pipeline_calls.WorkbookError (nothing kept) when the file is unusable."""
    checked = pipeline_calls.validate(data, name=filename)
    for _attempt in range(5):  # two uploads at once may race for the same version number
        latest = session.scalar(
            select(func.max(Submission.version)).where(Submission.client_id == client.id)
        )
        sub = Submission(
            client_id=client.id,
            version=(latest or 0) + 1,
            filename=pipeline_calls.safe_name(filename),
            uploaded_by=by[:200],
            size=len(data),
            status=INVALID if checked.errors else VALID,
            lang=checked.lang,
            issues_json=json.dumps(checked.issues, ensure_ascii=False),
            errors=checked.errors,
            warnings=checked.warnings,
        )
        session.add(sub)
        try:
            session.flush()
            break
        except IntegrityError:
            session.rollback()
    else:
        raise RuntimeError("could not number the new version")
    storage.put(sub.workbook_key, data)
    job = None
    if sub.status == VALID:
        job = Job(submission_id=sub.id)
        session.add(job)
    session.commit()
    if job is not None:
        _enqueue(jobs, job.id)
    return sub


def render_again(session, jobs, subs, *, brand: str | None, lang: str | None, by: str):
    """Queue a consultant's render of each valid submission; several make one batch."""
    batch = None
    if len(subs) > 1:
        batch = Batch(created_by=by, brand=brand, lang=lang)
        session.add(batch)
        session.flush()
    created = []
    for sub in subs:
        if sub.status != VALID:
            continue
        job = Job(
            submission_id=sub.id,
            batch_id=batch.id if batch else None,
            by_consultant=True,
            brand=brand or None,
            lang=lang or None,
        )
        session.add(job)
        created.append(job)
    session.commit()
    for job in created:
        _enqueue(jobs, job.id)
    return batch, created


def _enqueue(jobs, job_id: str) -> None:
    """The job row is committed first: if the queue cannot take it now, the sweep will."""
    try:
        jobs.enqueue(job_id)
    except Exception:
        log.exception("could not queue job %s; the sweep will take it up", job_id)


def annotated_copy(storage, sub: Submission) -> bytes:
    """The annotated copy, made on first download and kept."""
    if storage.exists(sub.annotated_key):
        return storage.get(sub.annotated_key)
    data = pipeline_calls.annotate(
        storage.get(sub.workbook_key), sub.issues, lang=sub.lang, name=sub.filename
    )
    storage.put(sub.annotated_key, data)
    return data


def results_xlsx(storage, job: Job) -> bytes:
    """The results workbook of a finished job, made on first download (in the job's language)."""
    if storage.exists(job.xlsx_key):
        return storage.get(job.xlsx_key)
    sub = job.submission
    data = pipeline_calls.results_workbook(
        storage.get(sub.workbook_key), name=sub.filename, lang=job.lang
    )
    storage.put(job.xlsx_key, data)
    return data


def issues_by_sheet(issues: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Issues grouped by sheet, sheets with errors first; errors before warnings in each sheet."""
    order: dict[str | None, int] = {}
    for i in issues:
        order.setdefault(i.get("sheet"), len(order))
    has_error = {i.get("sheet") for i in issues if i["severity"] == "error"}

    def sheet_key(i):
        s = i.get("sheet")
        return (s not in has_error, order[s])

    ranked = sorted(issues, key=lambda i: (*sheet_key(i), i["severity"] != "error"))
    return _group(ranked)


def _group(ranked: list[dict]) -> list[tuple[str | None, list[dict]]]:
    out: list[tuple[str | None, list[dict]]] = []
    for sheet, group in groupby(ranked, key=lambda i: i.get("sheet")):
        out.append((sheet, list(group)))
    return out


def stem(filename: str) -> str:
    return filename.rsplit(".", 1)[0] if "." in filename else filename
