"""The service's settings: one table (name, environment variable, default, help), read once into a
frozen `Settings`. Secrets come from the environment only; see docs/deploy.md."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True, kw_only=True)
class Setting:
    name: str
    env: str
    default: object
    help: str


SETTINGS = (
    Setting(
        name="data_dir",
        env="CS_SOURCING_DATA",
        default="cs-sourcing-data",
        help="Folder for the SQLite database, the queue, stored files and the generated secret key.",
    ),
    Setting(
        name="database_url",
        env="DATABASE_URL",
        default=None,
        help="SQLAlchemy URL of the database, e.g. postgresql://user:pw@host/db "
        "[default: SQLite in the data folder].",
    ),
    Setting(
        name="queue_url",
        env="QUEUE_URL",
        default=None,
        help="Job queue, e.g. redis://host:6379/0 [default: SQLite in the data folder].",
    ),
    Setting(
        name="storage_url",
        env="STORAGE_URL",
        default=None,
        help="Where files go, e.g. s3://bucket/prefix (S3-compatible; AWS_* variables and "
        "S3_ENDPOINT_URL) [default: the data folder's files/].",
    ),
    Setting(
        name="secret_key",
        env="SECRET_KEY",
        default=None,
        help="Signs sessions and CSRF tokens; required with DATABASE_URL "
        "[default: generated once into the data folder].",
    ),
    Setting(
        name="max_upload_mb",
        env="MAX_UPLOAD_MB",
        default=10.0,
        help="Largest accepted upload, in MB (bigger: 413).",
    ),
    Setting(
        name="rate_limit_upload",
        env="RATE_LIMIT_UPLOAD",
        default="30 per minute",
        help="Uploads per client address.",
    ),
    Setting(
        name="rate_limit_login",
        env="RATE_LIMIT_LOGIN",
        default="10 per minute",
        help="Consultant sign-in attempts per address.",
    ),
    Setting(
        name="rate_limit_storage_url",
        env="RATE_LIMIT_STORAGE_URL",
        default="memory://",
        help="Where rate-limit counters live (redis://... when several web servers share them).",
    ),
    Setting(
        name="base_url",
        env="BASE_URL",
        default=None,
        help="Public address used in printed upload links [default: http://HOST:PORT].",
    ),
    Setting(
        name="cookie_secure",
        env="SESSION_COOKIE_SECURE",
        default=None,
        help="1 behind HTTPS: cookies are sent over HTTPS only.",
    ),
    Setting(
        name="job_stale_seconds",
        env="JOB_STALE_SECONDS",
        default=120,
        help="A running job without a heartbeat for this long is taken again by another worker.",
    ),
    Setting(
        name="job_max_attempts",
        env="JOB_MAX_ATTEMPTS",
        default=3,
        help="Attempts before a job whose worker keeps dying is marked failed.",
    ),
    Setting(
        name="job_max_seconds",
        env="JOB_MAX_SECONDS",
        default=600,
        help="A report still rendering after this long is stopped and marked failed (0: no limit).",
    ),
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything the app, the workers and the CLI need; tests build their own."""

    data_dir: Path
    database_url: str
    queue_url: str | None = None
    """None: Huey on SQLite in the data folder."""
    storage_url: str | None = None
    """None: files in data_dir/files."""
    secret_key: str
    max_upload_mb: float = 10.0
    rate_limit_upload: str = "30 per minute"
    rate_limit_login: str = "10 per minute"
    rate_limit_storage_url: str = "memory://"
    rate_limits_enabled: bool = True
    base_url: str | None = None
    job_stale_seconds: int = 120
    job_max_attempts: int = 3
    job_max_seconds: int = 600
    """A render running longer is stopped (it runs in a child process); 0 = no limit."""
    immediate_jobs: bool = False
    """Tests: run each job inside the request that enqueues it (Huey immediate mode)."""
    cookie_secure: bool = False
    """Secure session cookies; set SESSION_COOKIE_SECURE=1 behind HTTPS."""

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    def env(self) -> dict[str, str]:
        """The environment that gives the same settings in a child process (the job consumer)."""
        out = {}
        for s in SETTINGS:
            value = getattr(self, s.name)
            if isinstance(value, bool):
                value = "1" if value else None
            if value is not None:
                out[s.env] = str(value)
        return out

    def but(self, **changes) -> Settings:
        return replace(self, **changes)


def _database_url(url: str | None, data_dir: Path) -> str:
    if not url:
        return f"sqlite:///{data_dir / 'service.db'}"
    # psycopg 3 is the driver we ship; plain postgresql:// would ask SQLAlchemy for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _secret_key(data_dir: Path) -> str:
    """The one-machine default: a random key generated once into the data folder (mode 0600)."""
    path = data_dir / "secret_key"
    if path.is_file():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key + "\n")
    return key


def load_settings(environ: dict[str, str] | None = None, **overrides) -> Settings:
    """Settings from the environment, then `overrides` (command-line options) on top."""
    environ = dict(os.environ if environ is None else environ)
    raw: dict[str, object] = {}
    for s in SETTINGS:
        value = overrides.get(s.name)
        if value is None:
            value = environ.get(s.env) or s.default
        raw[s.name] = value
    data_dir = Path(str(raw["data_dir"])).expanduser().resolve()
    database_url = _database_url(raw["database_url"], data_dir)
    secret_key = raw["secret_key"]
    if not secret_key:
        if not database_url.startswith("sqlite"):
            raise ValueError(
                "SECRET_KEY must be set when the database is shared (DATABASE_URL): every web "
                "server must sign with the same key"
            )
        secret_key = _secret_key(data_dir)
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        queue_url=raw["queue_url"] or None,
        storage_url=raw["storage_url"] or None,
        secret_key=str(secret_key),
        max_upload_mb=float(raw["max_upload_mb"]),
        rate_limit_upload=str(raw["rate_limit_upload"]),
        rate_limit_login=str(raw["rate_limit_login"]),
        rate_limit_storage_url=str(raw["rate_limit_storage_url"]),
        base_url=raw["base_url"] or None,
        job_stale_seconds=int(raw["job_stale_seconds"]),
        job_max_attempts=int(raw["job_max_attempts"]),
        job_max_seconds=int(raw["job_max_seconds"]),
        cookie_secure=str(raw["cookie_secure"] or "").lower() in ("1", "true", "yes"),
    )
