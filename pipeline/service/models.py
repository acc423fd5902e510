"""Database tables (SQLAlchemy 2) and the session factory. Jobs are data: the `jobs` row is the truth
the pages poll; the queue only carries its id."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

# Job and submission states, as stored.
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
INVALID, VALID = "invalid", "valid"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    """Random, unguessable ids for everything a URL names."""
    return secrets.token_urlsafe(12)


def token_hash(token: str) -> str:
    """Client link tokens are stored hashed: a copy of the database does not open the links."""
    return hashlib.sha256(token.encode()).hexdigest()


class Base(DeclarativeBase):
    pass


class Consultant(Base):
    __tablename__ = "consultants"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    # Flask-Login
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return self.id


class Client(Base):
    __tablename__ = "clients"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    submissions: Mapped[list[Submission]] = relationship(
        back_populates="client", order_by="Submission.version.desc()"
    )


class Submission(Base):
    """One uploaded version of a client's workbook, with its issues."""

    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("client_id", "version", name="uq_submissions_client_version"),
    )
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    """The uploaded name, for display only: files are stored by id."""
    uploaded_by: Mapped[str] = mapped_column(String(200), default="")
    """Who: the name typed on the page, 'API', or the consultant's e-mail."""
    size: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16))
    """invalid (has errors) or valid; the report's state is on its jobs."""
    lang: Mapped[str] = mapped_column(String(8), default="en")
    """Language of the issue messages (the workbook's)."""
    issues_json: Mapped[str] = mapped_column(Text, default="[]", deferred=True)  # lists skip it
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    client: Mapped[Client] = relationship(back_populates="submissions")
    jobs: Mapped[list[Job]] = relationship(
        back_populates="submission", order_by="Job.created_at.desc()"
    )

    @property
    def issues(self) -> list[dict]:
        return json.loads(self.issues_json)

    @property
    def workbook_key(self) -> str:
        return f"submissions/{self.id}/workbook.xlsx"

    @property
    def annotated_key(self) -> str:
        return f"submissions/{self.id}/annotated.xlsx"

    @property
    def latest_job(self) -> Job | None:
        return self.jobs[0] if self.jobs else None

    @property
    def client_job(self) -> Job | None:
        """The report the client sees: the latest one not asked for by a consultant."""
        own = [j for j in self.jobs if j.batch_id is None and not j.by_consultant]
        return own[0] if own else None


class Batch(Base):
    """Several submissions rendered together by a consultant."""

    __tablename__ = "batches"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    brand: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lang: Mapped[str | None] = mapped_column(String(8), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    jobs: Mapped[list[Job]] = relationship(back_populates="batch", order_by="Job.created_at")


class Job(Base):
    """One report render: state, progress and artefacts. Found again if its worker dies."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), index=True)
    batch_id: Mapped[str | None] = mapped_column(
        ForeignKey("batches.id"), nullable=True, index=True
    )
    by_consultant: Mapped[bool] = mapped_column(default=False)
    brand: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lang: Mapped[str | None] = mapped_column(String(8), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default=QUEUED, index=True)
    stage: Mapped[str] = mapped_column(String(16), default="")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    heartbeat: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    worker: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """host:pid of the worker that claimed it last (revision 0002), for the operator."""
    draft: Mapped[bool] = mapped_column(default=False, server_default=false())
    """Rendered with DRAFT on every page (revision 0003): only ever a consultant's render."""
    notes: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    """The consultant's commentary for this render, NOTES.md Markdown (revision 0003), or None:
    the workbook's Commentary sheet alone. Deferred: lists of jobs never load it."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    submission: Mapped[Submission] = relationship(back_populates="jobs")
    batch: Mapped[Batch | None] = relationship(back_populates="jobs")

    @property
    def pdf_key(self) -> str:
        return f"jobs/{self.id}/report.pdf"

    @property
    def json_key(self) -> str:
        return f"jobs/{self.id}/results.json"

    @property
    def xlsx_key(self) -> str:
        return f"jobs/{self.id}/results.xlsx"

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED)


def make_engine(url: str):
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # WAL: readers (the pages polling) never wait for the writer (a worker's heartbeat).
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_sessionmaker(engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
