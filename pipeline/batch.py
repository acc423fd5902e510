"""Many workbooks at once: a process pool, a progress bar, one summary row per file.

One failure never stops the rest: a valid workbook gives a PDF, an invalid one an annotated copy and
`issues.json`, an unusable one (or one whose NOTES.md cannot be read) a row naming the problem.
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import hashlib
import io
import logging
import os
import resource
import time
import traceback
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from . import __version__, files
from .issues import InvalidWorkbook, WorkbookError, errors

log = logging.getLogger("pipeline")

SUMMARY_NAME = "summary.csv"


@dataclass(kw_only=True)
class Row:
    file: str
    """Path relative to the batch folder."""
    status: str
    """ok, invalid, unusable, bad-notes (its NOTES.md cannot be read or parsed), failed or skipped
    (unchanged since the previous run)."""
    recommendation: str = ""
    npv: float | None = None
    """NPV of the recommended option against the baseline (None for the baseline or no result)."""
    payback_month: int | None = None
    errors: int = 0
    warnings: int = 0
    pages: int = 0
    seconds: float = 0.0
    peak_mb: float = 0.0
    """Peak resident memory of the worker process so far."""
    outputs: str = ""
    """Output files, relative to the output folder, separated by ';'."""
    message: str = ""
    input_sha256: str = ""
    tool_version: str = __version__
    notes: str = ""
    """The NOTES.md used for this workbook (as found), or empty: the Commentary sheet alone."""
    notes_sha256: str = ""
    draft: bool = False
    """Rendered with --draft."""


@dataclass(kw_only=True)
class Summary:
    rows: list[Row]
    csv_path: Path

    @property
    def exit_code(self) -> int:
        if any(
            r.status in ("invalid", "unusable", "bad-notes", "failed") or r.errors
            for r in self.rows
        ):
            return 1
        return 0


def find_workbooks(folder: Path, *, recursive: bool = False) -> list[Path]:
    pattern = "**/*" if recursive else "*"
    found = [
        p
        for p in folder.glob(pattern)
        if p.is_file()
        and p.suffix.lower() in (".xlsx", ".xlsm")
        and not p.name.startswith(("~$", "."))
    ]
    return sorted(found)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def notes_for(notes: Path | None, rel: str) -> Path | None:
    """The NOTES.md of the workbook at `rel` (relative to the batch folder): `notes` itself when it
    is a file (one for every workbook); when it is a folder, NAME.md at the same relative place as
    NAME.xlsx (`jakarta/toko.xlsx` -> `NOTES/jakarta/toko.md`) if there is one, else None
    (the workbook's own Commentary sheet)."""
    if notes is None:
        return None
    if not notes.is_dir():
        return notes
    candidate = notes / f"{rel.rsplit('.', 1)[0]}.md"
    return candidate if candidate.is_file() else None


def _notes_sha256(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return _sha256(path)
    except OSError:
        return ""  # unreadable: the workbook's row will say so


def _peak_mb() -> float:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    exec, so a worker started from a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def output_stems(rels: list[str]) -> dict[str, str]:
    """Output name stem per input: `a/client.2024.xlsx` -> `a/client.2024`. Inputs that would share a
    stem (`a.xlsx` and `a.xlsm`) keep their extension (`a.xlsx`, `a.xlsm`) so no report overwrites
    another."""
    stems = {rel: rel.rsplit(".", 1)[0] for rel in rels}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem.lower()] = counts.get(stem.lower(), 0) + 1
    return {rel: (rel if counts[stem.lower()] > 1 else stem) for rel, stem in stems.items()}


def process_one(
    path: Path,
    rel: str,
    outdir: Path,
    brand: str | None,
    lang: str | None,
    out_stem: str | None = None,
    notes: Path | None = None,
    draft: bool = False,
) -> Row:
    """Run one workbook, with its NOTES.md when `notes` names one and marked draft when `draft`;
    never raises (the row says what happened)."""
    from .flow import build_report, issues_json
    from .issues import UsageError
    from .notes import read_notes

    started = time.perf_counter()
    stem = outdir / (out_stem or rel.rsplit(".", 1)[0])
    stem.parent.mkdir(parents=True, exist_ok=True)
    row = Row(
        file=rel,
        status="ok",
        input_sha256=_sha256(path),
        notes=str(notes) if notes is not None else "",
        notes_sha256=_notes_sha256(notes),
        draft=draft,
    )
    try:
        try:
            parsed = read_notes(notes) if notes is not None else None
        except UsageError as exc:
            # The commentary would be wrong: no report for this workbook, the others go on.
            row.status = "bad-notes"
            row.errors = 1
            row.message = f"notes: {exc}"
            row.seconds = time.perf_counter() - started
            row.peak_mb = _peak_mb()
            return row
        pdf = stem.parent / f"{stem.name}.pdf"
        outcome = build_report(path, pdf, brand=brand, lang=lang, notes=parsed, draft=draft)
        res = outcome.results
        rec = res.recommendation
        comp = {c.option: c for c in res.comparisons}.get(rec.option)
        row.recommendation = rec.option
        row.npv = comp.npv if comp else None
        row.payback_month = comp.payback_month if comp else None
        row.warnings = len(res.issues)
        row.pages = outcome.pages
        row.outputs = pdf.relative_to(outdir).as_posix()
    except InvalidWorkbook as exc:
        row.status = "invalid"
        row.errors = len(errors(exc.issues))
        row.warnings = len(exc.issues) - row.errors
        first = errors(exc.issues)[0] if errors(exc.issues) else None
        row.message = f"{first.sheet or ''}!{first.cell or ''}: {first.message}" if first else ""
        issues_path = stem.parent / f"{stem.name}.issues.json"
        files.write_text(issues_path, issues_json(exc.issues))
        outputs = [issues_path]
        try:
            from .workbook import annotate_workbook

            annotated = stem.parent / f"{stem.name}.annotated.xlsx"
            annotate_workbook(path, exc.issues, annotated)
            outputs.append(annotated)
        except Exception as ann_exc:  # the issues.json is already written; say why no copy
            log.warning("%s: could not write the annotated copy: %s", rel, ann_exc)
        row.outputs = ";".join(p.relative_to(outdir).as_posix() for p in outputs)
    except WorkbookError as exc:
        row.status = "unusable"
        row.errors = 1
        row.message = exc.message(lang)  # English unless --lang: the file's language is unknown
    except Exception as exc:  # a bug: keep going, keep the traceback for the report
        row.status = "failed"
        row.errors = 1
        row.message = f"internal error: {exc!r}"
        files.write_text(stem.parent / f"{stem.name}.error.log", traceback.format_exc())
    row.seconds = time.perf_counter() - started
    row.peak_mb = _peak_mb()
    return row


def _warm_up() -> None:
    # Import the heavy stages once per worker, so each file pays only for its own work.
    import pipeline.report  # noqa: F401
    import pipeline.validate  # noqa: F401
    import pipeline.workbook  # noqa: F401


def _read_previous(csv_path: Path) -> dict[str, Row]:
    if not csv_path.exists():
        return {}
    previous = {}
    names = {f.name: f for f in fields(Row)}
    try:
        with csv_path.open(newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                kwargs = {}
                for k, v in rec.items():
                    if k not in names:
                        continue
                    kwargs[k] = _parse_field(k, v)
                previous[rec["file"]] = Row(**kwargs)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the previous summary %s: %s", csv_path, exc)
        return {}
    return previous


def _parse_field(name: str, value: str):
    if name in ("npv", "seconds", "peak_mb"):
        return float(value) if value not in ("", None) else (None if name == "npv" else 0.0)
    if name in ("payback_month",):
        return int(value) if value not in ("", None) else None
    if name in ("errors", "warnings", "pages"):
        return int(value or 0)
    if name == "draft":
        return value == "True"
    return value or ""


def write_summary(rows: list[Row], csv_path: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[f.name for f in fields(Row)])
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in asdict(r).items()})
    files.write_text(csv_path, buf.getvalue())


def run_batch(
    folder: Path,
    outdir: Path,
    *,
    jobs: int | None = None,
    brand: str | None = None,
    lang: str | None = None,
    recursive: bool = False,
    skip_unchanged: bool = False,
    notes: Path | None = None,
    draft: bool = False,
    progress: bool = True,
    console=None,
) -> Summary:
    """Process every workbook of `folder` into `outdir`; return the summary (also in summary.csv).

    `notes`: one NOTES.md for every workbook, or a folder of NAME.md files, one per NAME.xlsx
    (see `notes_for`); `draft` marks every report DRAFT."""
    from .issues import UsageError

    folder, outdir = Path(folder), Path(outdir)
    if outdir.resolve() == folder.resolve():
        raise UsageError("the output folder must differ from the input folder")
    from .report import load_brand

    load_brand(brand)  # a bad brand is a usage error before any work starts
    if notes is not None:
        notes = Path(notes)
        if not notes.exists():
            raise UsageError(f"no notes file or folder {notes}")
        if not notes.is_dir():
            from .notes import read_notes

            read_notes(notes)  # one file for every workbook: a mistake in it stops the batch now
    outdir.mkdir(parents=True, exist_ok=True)
    csv_path = outdir / SUMMARY_NAME
    books = [
        p
        for p in find_workbooks(folder, recursive=recursive)
        if outdir.resolve() not in p.resolve().parents
    ]
    stems = output_stems([p.relative_to(folder).as_posix() for p in books])
    previous = _read_previous(csv_path) if skip_unchanged else {}
    rows: dict[str, Row] = {}
    todo: list[tuple[Path, str]] = []
    their_notes: dict[str, Path | None] = {}
    for path in books:
        rel = path.relative_to(folder).as_posix()
        their_notes[rel] = notes_for(notes, rel)
        prev = previous.get(rel)
        if (
            prev
            and prev.tool_version == __version__
            and prev.input_sha256 == _sha256(path)
            and prev.notes_sha256 == _notes_sha256(their_notes[rel])
            and prev.draft == draft
            and all((outdir / o).exists() for o in prev.outputs.split(";") if o)
        ):
            prev.message = prev.message or f"unchanged since the previous run ({prev.status})"
            if prev.status != "skipped":
                prev.message = f"unchanged (was {prev.status})"
            prev.status = "skipped"
            rows[rel] = prev
        else:
            todo.append((path, rel))

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    bar = _Progress(len(todo), enabled=progress, console=console)
    with bar:
        if jobs == 1:
            for path, rel in todo:
                rows[rel] = process_one(
                    path, rel, outdir, brand, lang, stems[rel], their_notes[rel], draft
                )
                bar.advance(rel)
        else:
            with cf.ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
                futures = {
                    pool.submit(
                        process_one,
                        path,
                        rel,
                        outdir,
                        brand,
                        lang,
                        stems[rel],
                        their_notes[rel],
                        draft,
                    ): rel
                    for path, rel in todo
                }
                try:
                    for fut in cf.as_completed(futures):
                        rel = futures[fut]
                        try:
                            rows[rel] = fut.result()
                        except Exception as exc:  # the worker died (out of memory, killed)
                            rows[rel] = Row(
                                file=rel, status="failed", errors=1, message=f"worker died: {exc!r}"
                            )
                        bar.advance(rel)
                except KeyboardInterrupt:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
    ordered = [rows[k] for k in sorted(rows)]
    write_summary(ordered, csv_path)
    return Summary(rows=ordered, csv_path=csv_path)


class _Progress:
    """A rich progress bar on stderr, or nothing when disabled."""

    def __init__(self, total: int, *, enabled: bool, console=None):
        self.total = total
        self.enabled = enabled and total > 0
        self.console = console
        self._progress = None
        self._task = None

    def __enter__(self):
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=self.console,
                transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("", total=self.total)
        return self

    def advance(self, rel: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=rel)

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.__exit__(*exc)
        return False
