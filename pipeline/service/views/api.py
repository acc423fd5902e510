"""The JSON API (DESIGN §9), for scripts: the client's token as `Authorization: Bearer <token>`
for its own submissions; a consultant's e-mail and password (HTTP Basic) for renders of any
submission, marked draft and with their commentary, and batches."""

from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, request

from .. import intake, pipeline_calls
from ..app import db, page_language, state
from ..i18n import word
from ..models import DONE, INVALID, VALID, Job, Submission
from .common import send_bytes, send_stored

bp = Blueprint("api", __name__, url_prefix="/api")

CONSULTANT_ENDPOINTS = {"api.render", "api.batch", "api.job", "api.job_report"}
"""Answered for a consultant only; the rest for a client only (never both: a client token opens no
consultant's render, a consultant's password no client's page)."""
MAX_BATCH = 200


@bp.before_request
def authenticate():
    if request.endpoint in CONSULTANT_ENDPOINTS:
        return None  # the view asks for the password: inside the rate limit on sign-in attempts
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    g.client = intake.client_by_token(db(), token)
    if g.client is None:
        response = jsonify({"error": "a client token is needed: Authorization: Bearer <token>"})
        response.status_code = 401
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return None


def _consultant():
    """The consultant of this call (HTTP Basic: e-mail and password), or a 401."""
    from .consultant import check_password

    auth = request.authorization
    found = None
    if auth is not None and auth.type == "basic":
        found = check_password(auth.username or "", auth.password or "")
    if found is None:
        response = jsonify(
            {"error": "a consultant's e-mail and password are needed: HTTP Basic authentication"}
        )
        response.status_code = 401
        response.headers["WWW-Authenticate"] = 'Basic realm="cs-sourcing consultants"'
        abort(response)
    return found


def _submission(sub_id: str) -> Submission:
    sub = db().get(Submission, sub_id)
    if sub is None or sub.client_id != g.client.id:
        abort(404)
    return sub


def _job_json(job) -> dict | None:
    if job is None:
        return None
    return {
        "id": job.id,
        "status": job.state,
        "stage": job.stage or None,
        "progress": job.progress,
        "pages": job.pages or None,
        "error": job.error or None,
    }


def _json(sub: Submission, *, issues: bool = True) -> dict:
    job = sub.client_job
    status = sub.status if job is None else job.state
    out = {
        "id": sub.id,
        "version": sub.version,
        "status": status,
        "filename": sub.filename,
        "created_at": sub.created_at.isoformat() + "Z",
        "errors": sub.errors,
        "warnings": sub.warnings,
        "issues": sub.issues if issues else None,
        "job": _job_json(job),
    }
    if not issues:
        del out["issues"]  # not even loaded: the list stays cheap with many versions
    return out


@bp.post("/submissions")
def create():
    upload = request.files.get("file")
    if upload is None:
        return jsonify({"error": "send the workbook as the multipart field 'file'"}), 400
    try:
        sub = intake.submit(
            db(),
            state().storage,
            state().jobs,
            g.client,
            upload.read(),
            filename=upload.filename or "workbook.xlsx",
            by="API",
        )
    except pipeline_calls.WorkbookError as exc:
        # As `validate --json` says it: one code, the precise kind beside it.
        message = exc.message(page_language())
        return jsonify({"error": message, "code": "unusable-file", "kind": exc.code}), 400
    db().refresh(sub)
    return jsonify(_json(sub)), 422 if sub.status == INVALID else 201


@bp.get("/submissions")
def index():
    """The client's submissions, newest first (without their issues: GET each for those)."""
    subs = g.client.submissions
    return jsonify([_json(s, issues=False) for s in subs])


@bp.get("/submissions/<sub_id>")
def show(sub_id: str):
    return jsonify(_json(_submission(sub_id)))


def _done_job(sub: Submission):
    job = sub.client_job
    if job is None or job.state != DONE:
        # The submission exists but has no report (yet): say why rather than 404.
        response = jsonify({"error": "no report for this submission yet", **_json(sub)})
        response.status_code = 409
        abort(response)
    return job


@bp.get("/submissions/<sub_id>/report.pdf")
def report_pdf(sub_id: str):
    sub = _submission(sub_id)
    return send_stored(_done_job(sub).pdf_key, f"{intake.stem(sub.filename)}-v{sub.version}.pdf")


@bp.get("/submissions/<sub_id>/results.json")
def results_json(sub_id: str):
    sub = _submission(sub_id)
    return send_stored(
        _done_job(sub).json_key, f"{intake.stem(sub.filename)}-v{sub.version}.results.json"
    )


@bp.get("/submissions/<sub_id>/results.xlsx")
def results_xlsx(sub_id: str):
    sub = _submission(sub_id)
    data = intake.results_xlsx(state().storage, _done_job(sub))
    return send_bytes(data, f"{intake.stem(sub.filename)}-v{sub.version}.results.xlsx")


@bp.get("/submissions/<sub_id>/annotated.xlsx")
def annotated(sub_id: str):
    sub = _submission(sub_id)
    data = intake.annotated_copy(state().storage, sub)
    return send_bytes(data, f"{intake.stem(sub.filename)}-v{sub.version}-annotated.xlsx")


# ------------------------------------------------------------------------------ consultants only
def _refuse(status: int, message: str, **more):
    response = jsonify({"error": message, "status": status, **more})
    response.status_code = status
    abort(response)


def _render_options(body: dict) -> dict:
    """brand, lang, draft and notes of a JSON body, checked as the pages check them."""
    brand = body.get("brand") or None
    if brand is not None and brand not in pipeline_calls.brands():
        _refuse(400, f"unknown brand {brand!r}; one of {', '.join(pipeline_calls.brands())}")
    lang = body.get("lang") or None
    if lang not in (None, "en", "id"):
        _refuse(400, f'lang {lang!r}: use "en", "id" or null (the workbook\'s)')
    draft = body.get("draft", False)
    if not isinstance(draft, bool):
        _refuse(400, "draft: true or false")
    notes = body.get("notes")
    if notes is not None and not isinstance(notes, str):
        _refuse(400, "notes: the NOTES.md text (Markdown) as one string, or null")
    try:
        notes = intake.take_notes(notes)
    except intake.NotesRefused as exc:
        _refuse(exc.status, word(exc.key, page_language(), **exc.values), code=exc.key)
    return {"brand": brand, "lang": lang, "draft": draft, "notes": notes}


def _body() -> dict:
    # JSON only: a browser sends no cross-site JSON without a CORS preflight, which nothing here
    # answers, so a page elsewhere cannot make a signed-in browser ask for a render.
    if not request.is_json:
        _refuse(415, "send JSON: Content-Type: application/json")
    if not request.get_data():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        _refuse(400, 'send a JSON object, e.g. {"draft": true, "notes": "# Disclaimer\\n..."}')
    return body


def _consultant_job_json(job: Job) -> dict:
    return {
        **_job_json(job),
        "submission": job.submission_id,
        "batch": job.batch_id,
        "brand": job.brand,
        "lang": job.lang,
        "draft": job.draft,
        "with_notes": job.notes is not None,
    }


def _fresh(jobs: list[Job]) -> list[Job]:
    # A job may have run already (another process's session wrote it): read it again.
    for job in jobs:
        db().refresh(job)
    return jobs


@bp.post("/submissions/<sub_id>/renders")
def render(sub_id: str):
    """A consultant's render of any submission: `{"brand", "lang", "draft", "notes"}`, all optional."""
    consultant = _consultant()
    options = _render_options(_body())
    sub = db().get(Submission, sub_id)
    if sub is None:
        abort(404)
    if sub.status != VALID:
        _refuse(409, "this submission has errors: no report can be made", submission=sub.id)
    _, (job,) = intake.render_again(db(), state().jobs, [sub], by=consultant.email, **options)
    response = jsonify(_consultant_job_json(_fresh([job])[0]))
    response.status_code = 201
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return response


@bp.post("/batches")
def batch():
    """Several submissions rendered as one batch: `{"submissions": [ids], "brand", "lang",
    "draft", "notes"}`; the same draft mark and commentary for every report."""
    consultant = _consultant()
    body = _body()
    ids = body.get("submissions")
    if (
        not isinstance(ids, list)
        or not ids
        or len(ids) > MAX_BATCH
        or not all(isinstance(i, str) for i in ids)
    ):
        _refuse(400, f"submissions: a list of 1 to {MAX_BATCH} submission ids")
    options = _render_options(body)
    subs = [db().get(Submission, i) for i in dict.fromkeys(ids)]
    unknown = [i for i, s in zip(dict.fromkeys(ids), subs, strict=True) if s is None]
    if unknown:
        _refuse(404, "no such submission(s)", unknown=unknown)
    invalid = [s.id for s in subs if s.status != VALID]
    if invalid:
        _refuse(409, "these submissions have errors: no report can be made", invalid=invalid)
    made, jobs = intake.render_again(db(), state().jobs, subs, by=consultant.email, **options)
    body = {
        "id": made.id if made else None,
        "jobs": [_consultant_job_json(j) for j in _fresh(jobs)],
    }
    return jsonify(body), 201


def _consultant_job(job_id: str) -> Job:
    """The job `job_id` for a signed-in consultant (401 otherwise), or 404."""
    _consultant()
    found = db().get(Job, job_id)
    if found is None:
        abort(404)
    return found


@bp.get("/jobs/<job_id>")
def job(job_id: str):
    return jsonify(_consultant_job_json(_consultant_job(job_id)))


@bp.get("/jobs/<job_id>/report.pdf")
def job_report(job_id: str):
    found = _consultant_job(job_id)
    if found.state != DONE:
        _refuse(409, "this report is not ready", **_consultant_job_json(found))
    sub = found.submission
    draft = "-draft" if found.draft else ""
    return send_stored(found.pdf_key, f"{intake.stem(sub.filename)}-v{sub.version}{draft}.pdf")
