"""The JSON API (DESIGN §9), for scripts: the client's token as `Authorization: Bearer <token>`."""

from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, request

from .. import intake, pipeline_calls
from ..app import db, page_language, state
from ..models import DONE, INVALID, Submission
from .common import send_bytes, send_stored

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.before_request
def authenticate():
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    g.client = intake.client_by_token(db(), token)
    if g.client is None:
        response = jsonify({"error": "a client token is needed: Authorization: Bearer <token>"})
        response.status_code = 401
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return None


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
