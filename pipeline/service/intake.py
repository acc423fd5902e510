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


class NotesRefused(Exception):
    """A consultant's commentary that cannot be used: `key` names the page's words (i18n.WORDS)
    with their `values`, `status` the HTTP status."""

    def __init__(self, key: str, status: int = 400, **values: object):
        super().__init__(key)
        self.key, self.status, self.values = key, status, values


def take_notes(text: str | None, upload: bytes | None = None) -> str | None:
    """The commentary typed in the form (or the API's `notes`) or uploaded as a NOTES.md, checked
    as the render will read it; None when none is given. Raises NotesRefused."""
    limit = pipeline_calls.NOTES_MAX_BYTES
    typed = text if text and text.strip() else None
    if upload is not None:
        if typed is not None:
            raise NotesRefused("notes-twice")
        if len(upload) > limit:
            raise NotesRefused("notes-too-large", 413, kb=limit // 1000)
        try:
            typed = upload.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NotesRefused("notes-not-text") from None
    if typed is None:
        return None
    try:
        size = len(typed.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate (JSON "\ud800"): no database stores it
        raise NotesRefused("notes-not-text") from None
    if size > limit:
        raise NotesRefused("notes-too-large", 413, kb=limit // 1000)
    if "\x00" in typed:  # not text; and PostgreSQL cannot store it
        raise NotesRefused("notes-not-text")
    try:
        return pipeline_calls.check_notes(typed)
    except pipeline_calls.UsageError as exc:
        # A NotesError carries its message in both languages (`text`); the page picks its own.
        message = getattr(exc, "text", None) or str(exc)
        raise NotesRefused("notes-invalid", message=message) from None


def render_again(
    session,
    jobs,
    subs,
    *,
    brand: str | None,
    lang: str | None,
    by: str,
    draft: bool = False,
    notes: str | None = None,
):
    """Queue a consultant's render of each valid submission (marked DRAFT when `draft`, with their
    commentary `notes`, checked by `take_notes`); several make one batch."""
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
            draft=draft,
            notes=notes,
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
