"""The application factory: `create_app(settings)` builds one app (tests make as many as they like).

Safety lives here, once for every page: CSRF on every form, a strict Content Security Policy (no
inline script or style anywhere), the upload limit (413), rate limits, and error pages.
"""

from __future__ import annotations

import logging

from flask import Flask, g, jsonify, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFError, CSRFProtect

from . import i18n, pipeline_calls
from .config import Settings
from .jobs import Jobs
from .models import Consultant, make_engine, make_sessionmaker
from .storage import make_storage

log = logging.getLogger("pipeline")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def create_app(settings: Settings, *, migrate: bool = True) -> Flask:
    from . import migrate as migrations
    from .views import api, client, consultant

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        MAX_CONTENT_LENGTH=settings.max_upload_bytes,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        REMEMBER_COOKIE_SECURE=settings.cookie_secure,
        WTF_CSRF_TIME_LIMIT=None,  # tied to the session; a page left open all day still works
        # The token and SameSite cookies are the protection; a strict Referer check would refuse
        # every form over HTTPS, since pages send no Referer (Referrer-Policy: no-referrer).
        WTF_CSRF_SSL_STRICT=False,
    )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    if migrate:
        migrations.upgrade(engine)
    sessions = make_sessionmaker(engine)
    app.extensions["cs"] = ServiceState(
        settings=settings,
        engine=engine,
        sessions=sessions,
        storage=make_storage(settings.storage_url, settings.data_dir),
        jobs=Jobs(settings),
    )

    csrf = CSRFProtect(app)
    csrf.exempt(api.bp)  # the API authenticates by bearer token, not by cookie

    login = LoginManager(app)
    login.login_view = "consultant.login"

    @login.user_loader
    def load_consultant(consultant_id: str):
        return db().get(Consultant, consultant_id)

    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=settings.rate_limit_storage_url,
        enabled=settings.rate_limits_enabled,
        headers_enabled=True,
    )
    app.extensions["cs-limiter"] = limiter  # its limits hold it by a weak reference only
    app.register_blueprint(client.bp)
    app.register_blueprint(consultant.bp)
    app.register_blueprint(api.bp)
    # Blueprints are shared by every app the factory makes; limits are set on this app's views.
    for endpoint, limit in (
        ("client.upload", settings.rate_limit_upload),
        ("api.create", settings.rate_limit_upload),
        ("consultant.login", settings.rate_limit_login),
    ):
        view = app.view_functions[endpoint]
        app.view_functions[endpoint] = limiter.limit(limit, methods=["POST"])(view)
    # The consultant's part of the API checks a password on every call: wrong ones count as
    # sign-in attempts (a script polling a job with the right one is never slowed).
    for endpoint in api.CONSULTANT_ENDPOINTS:
        view = app.view_functions[endpoint]
        app.view_functions[endpoint] = limiter.limit(
            settings.rate_limit_login, deduct_when=lambda response: response.status_code == 401
        )(view)

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # Client pages carry their token in the address: never leak it to another site.
        response.headers["Referrer-Policy"] = "no-referrer"
        if response.headers.get("Content-Disposition", "").startswith("attachment"):
            response.headers["Cache-Control"] = "private, no-store"  # send_file says no-cache
        else:
            response.headers.setdefault("Cache-Control", "no-store")
        if request.args.get("lang") in i18n.LANGS:
            response.set_cookie(
                "lang", request.args["lang"], max_age=365 * 86400, samesite="Lax", httponly=True
            )
        return response

    @app.teardown_appcontext
    def close_session(_exc) -> None:
        session = g.pop("db", None)
        if session is not None:
            session.close()

    def switch_url(other: str) -> str:
        """This page in the other language; after a form (a POST-only address), the home page
        it belongs to: following the switch must never be a GET on a POST-only route."""
        from flask import url_for

        args = dict(request.view_args or {})
        if request.method == "GET" and request.endpoint and request.endpoint != "static":
            return url_for(request.endpoint, **args, **{**request.args.to_dict(), "lang": other})
        if request.blueprint == "client" and g.get("token"):
            return url_for("client.home", token=g.token, lang=other)
        if request.blueprint == "consultant":
            return url_for("consultant.home", lang=other)
        return f"/?lang={other}"

    @app.context_processor
    def words():
        lang = page_language()
        other = "id" if lang == "en" else "en"
        return {
            "t": lambda key, **values: i18n.word(key, lang, **values),
            "lang": lang,
            "other_lang": other,
            "lang_url": switch_url(other),
            "settings": settings,
        }

    def error(status: int, key: str, **values):
        lang = page_language()
        message = i18n.word(key, lang, **values)
        if request.path.startswith("/api/"):
            return jsonify({"error": message, "status": status}), status
        if request.blueprint == "client" and g.get("client") is not None:
            # A refused upload: the client's own page again, with the reason above the form.
            page = render_template("client/home.html", client=g.client, error=(key, values))
            return page, status
        return render_template("error.html", message=message), status

    @app.errorhandler(404)
    def not_found(_exc):
        return error(404, "not-found")

    @app.errorhandler(413)
    def too_large(_exc):
        if request.endpoint in NOTES_ENDPOINTS:  # no workbook there: the commentary is too long
            return error(413, "notes-too-large", kb=pipeline_calls.NOTES_MAX_BYTES // 1000)
        return error(413, "too-large", mb=f"{settings.max_upload_mb:g}")

    @app.errorhandler(429)
    def too_many(_exc):
        return error(429, "rate-limited")

    @app.errorhandler(CSRFError)
    def csrf_failed(_exc):
        return error(400, "csrf")

    @app.errorhandler(pipeline_calls.WorkbookError)
    def unusable(exc):
        # A file accepted at upload that cannot be annotated (damaged for openpyxl, too many
        # cells): the reason, in the page's language, not a 500.
        lang = page_language()
        if request.path.startswith("/api/"):
            return jsonify({"error": exc.message(lang), "code": exc.code, "status": 422}), 422
        return render_template("error.html", message=exc.message(lang)), 422

    @app.errorhandler(500)
    def internal(_exc):
        return error(500, "internal")

    def log_exception(exc_info) -> None:
        # Client addresses carry their token: log the endpoint, never the path.
        app.logger.error(
            "Exception on %s [%s]", request.endpoint or "?", request.method, exc_info=exc_info
        )

    app.log_exception = log_exception

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    @app.get("/")
    def home():
        from flask import redirect, url_for

        return redirect(url_for("consultant.home"))

    app.jinja_env.globals["brands"] = pipeline_calls.brands
    return app


NOTES_ENDPOINTS = ("consultant.render_again", "consultant.batch", "api.render", "api.batch")
"""The forms and calls that take a consultant's commentary (and no workbook)."""


class ServiceState:
    """The app's parts, reached by `state()` in views."""

    def __init__(self, *, settings, engine, sessions, storage, jobs):
        self.settings = settings
        self.engine = engine
        self.sessions = sessions
        self.storage = storage
        self.jobs = jobs


def page_language() -> str:
    """The page's language, chosen once per request: the switch, the cookie, then the browser's.
    Not a before_request hook: a client link's 404 is decided before those hooks run."""
    if "lang" not in g:
        g.lang = i18n.pick_language(
            request.args.get("lang"), request.cookies.get("lang"), request.accept_languages
        )
    return g.lang


def state() -> ServiceState:
    from flask import current_app

    return current_app.extensions["cs"]


def db():
    """The request's database session (closed when the request ends)."""
    if "db" not in g:
        g.db = state().sessions()
    return g.db
