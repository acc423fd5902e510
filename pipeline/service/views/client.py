"""Business-user pages, reached by the client's link /c/<token>: upload, issues, downloads."""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from .. import intake, pipeline_calls
from ..app import db, page_language, state
from ..models import DONE, Submission
from .common import send_bytes, send_stored

bp = Blueprint("client", __name__, url_prefix="/c/<token>")


@bp.url_value_preprocessor
def find_client(_endpoint, values) -> None:
    g.token = values.pop("token")
    g.client = intake.client_by_token(db(), g.token)
    if g.client is None:
        abort(404)


@bp.url_defaults
def add_token(_endpoint, values) -> None:
    values.setdefault("token", g.get("token"))


def _submission(sub_id: str) -> Submission:
    sub = db().get(Submission, sub_id)
    if sub is None or sub.client_id != g.client.id:  # another client's id: as if it did not exist
        abort(404)
    return sub


@bp.get("/")
def home():
    return render_template("client/home.html", client=g.client, error=None)


@bp.post("/")
def upload():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template("client/home.html", client=g.client, error=("no-file", {})), 400
    data = upload.read()
    try:
        sub = intake.submit(
            db(),
            state().storage,
            state().jobs,
            g.client,
            data,
            filename=upload.filename,
            by=request.form.get("name", "").strip(),
        )
    except pipeline_calls.WorkbookError as exc:
        return render_template(
            "client/home.html",
            client=g.client,
            error=("unusable", {"message": exc.message(page_language())}),
        ), 400
    return redirect(url_for("client.submission", sub_id=sub.id), code=303)


@bp.get("/s/<sub_id>")
def submission(sub_id: str):
    sub = _submission(sub_id)
    return render_template(
        "client/submission.html",
        client=g.client,
        sub=sub,
        job=sub.client_job,
        groups=intake.issues_by_sheet(sub.issues),
    )


@bp.get("/s/<sub_id>/progress")
def progress(sub_id: str):
    sub = _submission(sub_id)
    # oob: the status badge at the top of the page changes with the report's state too.
    return render_template("client/_progress.html", sub=sub, job=sub.client_job, oob=True)


@bp.get("/s/<sub_id>/annotated.xlsx")
def annotated(sub_id: str):
    sub = _submission(sub_id)
    data = intake.annotated_copy(state().storage, sub)
    return send_bytes(data, f"{intake.stem(sub.filename)}-v{sub.version}-annotated.xlsx")


def _done_job(sub: Submission):
    job = sub.client_job
    if job is None or job.state != DONE:
        abort(404)
    return job


@bp.get("/s/<sub_id>/report.pdf")
def report_pdf(sub_id: str):
    sub = _submission(sub_id)
    job = _done_job(sub)
    return send_stored(job.pdf_key, f"{intake.stem(sub.filename)}-v{sub.version}.pdf")


@bp.get("/s/<sub_id>/results.json")
def results_json(sub_id: str):
    sub = _submission(sub_id)
    job = _done_job(sub)
    return send_stored(job.json_key, f"{intake.stem(sub.filename)}-v{sub.version}.results.json")


@bp.get("/s/<sub_id>/results.xlsx")
def results_xlsx(sub_id: str):
    sub = _submission(sub_id)
    data = intake.results_xlsx(state().storage, _done_job(sub))
    return send_bytes(data, f"{intake.stem(sub.filename)}-v{sub.version}.results.xlsx")


@bp.get("/<any(template, example):kind>-<any(en, id):book_lang>.xlsx")
def blank(kind: str, book_lang: str):
    data = pipeline_calls.blank_workbook(book_lang, example=kind == "example")
    return send_bytes(data, f"cs-sourcing-{kind}-{book_lang}.xlsx")
