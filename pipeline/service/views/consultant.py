"""Consultant pages (sign-in): clients, their submissions and versions, renders and batches."""

from __future__ import annotations

import functools
import io
import secrets
import zipfile

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select

from .. import intake, pipeline_calls
from ..app import db, page_language, state
from ..models import DONE, Batch, Client, Consultant, Job, Submission, token_hash
from .common import send_bytes, send_stored

bp = Blueprint("consultant", __name__, url_prefix="/consultant")
hasher = PasswordHasher()
LANGS = ("", "en", "id")


@functools.cache
def _unknown_hash() -> str:
    return hasher.hash(secrets.token_urlsafe(16))


def client_link(token: str) -> str:
    base = state().settings.base_url or request.host_url
    return base.rstrip("/") + url_for("client.home", token=token)


def new_token() -> str:
    return secrets.token_urlsafe(24)


# ------------------------------------------------------------------------------------ sign in/out
def check_password(email: str, password: str) -> Consultant | None:
    """The consultant with this e-mail and password (the sign-in page, the API's Basic
    authentication), or None."""
    email = email.strip().lower()
    consultant = db().scalar(select(Consultant).where(Consultant.email == email))
    # An unknown e-mail costs the same hash as a wrong password: no telling them apart.
    stored = consultant.password_hash if consultant is not None else _unknown_hash()
    try:
        ok = hasher.verify(stored, password) and consultant is not None
    except (VerifyMismatchError, InvalidHashError):
        ok = False
    return consultant if ok else None


@bp.route("/login", methods=["GET", "POST"])
def login():
    failed = False
    if request.method == "POST":
        consultant = check_password(request.form.get("email", ""), request.form.get("password", ""))
        if consultant is not None:
            login_user(consultant)
            target = request.args.get("next", "")
            # Only a consultant page of this site: never an open redirect. Browsers drop tabs
            # and newlines from addresses ("/\t/evil.example" is "//evil.example") and read "\"
            # as "/", so anything but a plain path under /consultant/ goes home.
            if (
                not target.startswith("/consultant/")
                or any(ch in target for ch in "\\\t\r\n")
                or any(ord(ch) < 32 for ch in target)
            ):
                target = url_for("consultant.home")
            return redirect(target, code=303)
        failed = True
    nobody = not db().scalar(select(func.count(Consultant.id)))
    page = render_template("consultant/login.html", failed=failed, nobody=nobody)
    return page, 401 if failed else 200


@bp.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("consultant.login"), code=303)


# ---------------------------------------------------------------------------------------- clients
@bp.get("/")
@login_required
def home(new_link: tuple[Client, str] | None = None):
    session = db()
    rows = session.execute(
        select(Client, func.count(Submission.id), func.max(Submission.created_at))
        .outerjoin(Submission)
        .group_by(Client.id)
        .order_by(Client.name)
    ).all()
    batches = session.scalars(select(Batch).order_by(Batch.created_at.desc()).limit(10)).all()
    return render_template("consultant/home.html", rows=rows, batches=batches, new_link=new_link)


@bp.post("/clients")
@login_required
def add_client():
    name = request.form.get("name", "").strip()[:200]
    if not name:
        return home()
    token = new_token()
    client = Client(name=name, token_hash=token_hash(token))
    db().add(client)
    db().commit()
    return home(new_link=(client, client_link(token)))


@bp.post("/clients/<client_id>/link")
@login_required
def new_link(client_id: str):
    client = db().get(Client, client_id) or abort(404)
    token = new_token()
    client.token_hash = token_hash(token)
    db().commit()
    return client_page(client_id, new_link=client_link(token))


@bp.get("/clients/<client_id>")
@login_required
def client_page(client_id: str, new_link: str | None = None):
    client = db().get(Client, client_id) or abort(404)
    return render_template("consultant/client.html", client=client, new_link=new_link, error=None)


# ------------------------------------------------------------------------------------ submissions
@bp.get("/submissions")
@login_required
def submissions():
    subs = db().scalars(select(Submission).order_by(Submission.created_at.desc()).limit(200)).all()
    return render_template("consultant/submissions.html", subs=subs)


@bp.post("/clients/<client_id>/upload")
@login_required
def upload(client_id: str):
    """A workbook that reached the consultant another way (e-mail): kept as the client's next
    version, exactly as if the client had uploaded it."""
    client = db().get(Client, client_id) or abort(404)
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template(
            "consultant/client.html", client=client, new_link=None, error="no-file"
        ), 400
    try:
        sub = intake.submit(
            db(),
            state().storage,
            state().jobs,
            client,
            upload.read(),
            filename=upload.filename,
            by=current_user.email,
        )
    except pipeline_calls.WorkbookError as exc:
        return render_template(
            "consultant/client.html",
            client=client,
            new_link=None,
            error=None,
            message=exc.message(page_language()),
        ), 400
    return redirect(url_for("consultant.submission", sub_id=sub.id), code=303)


@bp.get("/submissions/<sub_id>")
@login_required
def submission(sub_id: str):
    sub = db().get(Submission, sub_id) or abort(404)
    return render_template(
        "consultant/submission.html", sub=sub, groups=intake.issues_by_sheet(sub.issues)
    )


@bp.get("/submissions/<sub_id>/jobs")
@login_required
def submission_jobs(sub_id: str):
    sub = db().get(Submission, sub_id) or abort(404)
    return render_template("consultant/_jobs.html", sub=sub)


def _choice(name: str, allowed) -> str | None:
    value = request.form.get(name, "")
    if value not in allowed:
        abort(400)
    return value or None


def _render_options() -> dict:
    """The render form's brand, language, draft mark and commentary (typed or a NOTES.md file);
    intake.NotesRefused when the commentary cannot be used."""
    upload = request.files.get("notes_file")
    return {
        "brand": _choice("brand", ["", *state_brands()]),
        "lang": _choice("lang", LANGS),
        "draft": request.form.get("draft") == "1",
        "notes": intake.take_notes(
            request.form.get("notes"),
            upload.read() if upload is not None and upload.filename else None,
        ),
    }


def _refused(exc: intake.NotesRefused) -> dict:
    """What the page shows above the form again: the reason, and the typed text (kept unless
    too large to send back)."""
    typed = request.form.get("notes", "")
    return {
        "notes_error": (exc.key, exc.values),
        "notes_text": typed if exc.key != "notes-too-large" else "",
        "draft_checked": request.form.get("draft") == "1",
    }


@bp.post("/submissions/<sub_id>/render")
@login_required
def render_again(sub_id: str):
    sub = db().get(Submission, sub_id) or abort(404)
    try:
        options = _render_options()
    except intake.NotesRefused as exc:
        return render_template(
            "consultant/submission.html",
            sub=sub,
            groups=intake.issues_by_sheet(sub.issues),
            **_refused(exc),
        ), exc.status
    intake.render_again(db(), state().jobs, [sub], by=current_user.email, **options)
    return redirect(url_for("consultant.submission", sub_id=sub.id), code=303)


@bp.post("/batches")
@login_required
def batch():
    ids = request.form.getlist("submission")
    subs = [s for s in (db().get(Submission, i) for i in ids[:200]) if s is not None]
    try:
        options = _render_options()
    except intake.NotesRefused as exc:
        clients = {s.client_id for s in subs}
        if len(clients) == 1:  # the client's page the form was on
            return render_template(
                "consultant/client.html",
                client=subs[0].client,
                new_link=None,
                error=None,
                **_refused(exc),
            ), exc.status
        latest = (
            db().scalars(select(Submission).order_by(Submission.created_at.desc()).limit(200)).all()
        )
        return render_template(
            "consultant/submissions.html", subs=latest, **_refused(exc)
        ), exc.status
    valid = [s for s in subs if s.status == "valid"]
    if not valid:
        client = subs[0].client if subs else None
        if client is None:
            return redirect(url_for("consultant.home"), code=303)
        return render_template(
            "consultant/client.html", client=client, new_link=None, error="nothing-selected"
        ), 400
    made, jobs = intake.render_again(db(), state().jobs, valid, by=current_user.email, **options)
    if made is None:
        return redirect(url_for("consultant.submission", sub_id=valid[0].id), code=303)
    return redirect(url_for("consultant.batch_page", batch_id=made.id), code=303)


@bp.get("/batches/<batch_id>")
@login_required
def batch_page(batch_id: str):
    batch = db().get(Batch, batch_id) or abort(404)
    return render_template("consultant/batch.html", batch=batch)


@bp.get("/batches/<batch_id>/progress")
@login_required
def batch_progress(batch_id: str):
    batch = db().get(Batch, batch_id) or abort(404)
    return render_template("consultant/_batch.html", batch=batch)


@bp.get("/batches/<batch_id>/reports.zip")
@login_required
def batch_zip(batch_id: str):
    batch = db().get(Batch, batch_id) or abort(404)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for job in batch.jobs:
            if job.state == DONE:
                sub = job.submission
                draft = "-draft" if job.draft else ""
                name = f"{intake.stem(sub.filename)}-v{sub.version}-{job.id}{draft}.pdf"
                zf.writestr(name, state().storage.get(job.pdf_key))
    return send_bytes(buffer.getvalue(), f"batch-{batch.id}.zip")


# -------------------------------------------------------------------------------------- downloads
@bp.get("/submissions/<sub_id>/workbook.xlsx")
@login_required
def workbook(sub_id: str):
    sub = db().get(Submission, sub_id) or abort(404)
    return send_stored(sub.workbook_key, f"{intake.stem(sub.filename)}-v{sub.version}.xlsx")


@bp.get("/submissions/<sub_id>/annotated.xlsx")
@login_required
def annotated(sub_id: str):
    sub = db().get(Submission, sub_id) or abort(404)
    data = intake.annotated_copy(state().storage, sub)
    return send_bytes(data, f"{intake.stem(sub.filename)}-v{sub.version}-annotated.xlsx")


@bp.get("/jobs/<job_id>/notes.md")
@login_required
def job_notes(job_id: str):
    """The commentary a render was made with, as the consultant gave it."""
    job = db().get(Job, job_id) or abort(404)
    if not job.notes:
        abort(404)
    sub = job.submission
    return send_bytes(job.notes.encode("utf-8"), f"{intake.stem(sub.filename)}-v{sub.version}.md")


@bp.get("/jobs/<job_id>/<any('report.pdf', 'results.json', 'results.xlsx'):what>")
@login_required
def job_file(job_id: str, what: str):
    job = db().get(Job, job_id) or abort(404)
    if job.state != DONE:
        abort(404)
    sub = job.submission
    stem = f"{intake.stem(sub.filename)}-v{sub.version}-{job.brand or 'default'}-{job.lang or sub.lang}"
    if job.draft:  # a draft never passes for the final report on someone's disk
        stem += "-draft"
    if what == "report.pdf":
        return send_stored(job.pdf_key, f"{stem}.pdf")
    if what == "results.xlsx":
        return send_bytes(intake.results_xlsx(state().storage, job), f"{stem}.results.xlsx")
    return send_stored(job.json_key, f"{stem}.results.json")


def state_brands() -> list[str]:
    return pipeline_calls.brands()
