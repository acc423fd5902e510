"""The whole pipeline as one short function per entry point: read, validate, compute, render.

Stages are imported lazily so that `cs-sourcing template` or `validate` never pay for WeasyPrint.
"""

from __future__ import annotations

import io
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .files import Source, source_name
from .issues import InvalidWorkbook, Issue, UsageError, errors

if TYPE_CHECKING:
    from .notes import Notes

log = logging.getLogger("pipeline")


@dataclass(kw_only=True)
class Timings:
    """Seconds spent per stage, for --verbose and the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)
    on_stage: Callable[[str], None] | None = None
    """Called with each stage's name as it starts (a service's progress indicator)."""

    def start(self, stage: str) -> float:
        if self.on_stage is not None:
            self.on_stage(stage)
        return time.perf_counter()

    def add(self, stage: str, started: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started


@dataclass(frozen=True, kw_only=True)
class Checked:
    inputs: object
    """Inputs, or None when the workbook has errors."""
    issues: list[Issue]
    lang: str
    """Language of the messages: `--lang`, else the workbook's report language, else its template's."""


def read_and_validate(
    source: Source,
    *,
    name: str | None = None,
    lang: str | None = None,
    timings: Timings | None = None,
) -> Checked:
    """Read and validate a workbook: a path, its bytes (an upload) or a binary file; `name` is
    the file name messages use. Raises WorkbookError when the file is unusable."""
    from .validate import validate
    from .workbook import read_workbook

    timings = timings or Timings()
    t = timings.start("read")
    raw = read_workbook(source, name=name)
    timings.add("read", t)
    t = timings.start("validate")
    inputs, issues = validate(raw, lang=lang)
    timings.add("validate", t)
    if inputs is not None:
        inputs = replace(inputs, source_name=source_name(source, name))
        used = lang or inputs.project.language
    else:
        used = lang or raw.template_language or "en"
    return Checked(inputs=inputs, issues=issues, lang=used if used in ("en", "id") else "en")


def check_workbook(
    path: str | os.PathLike, *, lang: str | None = None, timings: Timings | None = None
):
    """Read and validate a workbook: (Inputs or None, issues). Raises WorkbookError when unusable."""
    checked = read_and_validate(path, lang=lang, timings=timings)
    return checked.inputs, checked.issues


def compute_workbook(
    source: Source,
    *,
    name: str | None = None,
    lang: str | None = None,
    timings: Timings | None = None,
):
    """Read, validate and compute; raises InvalidWorkbook when the workbook has errors."""
    timings = timings or Timings()
    checked = read_and_validate(source, name=name, lang=lang, timings=timings)
    if checked.inputs is None or errors(checked.issues):
        raise InvalidWorkbook(checked.issues, lang=checked.lang)
    from .model import compute

    t = timings.start("compute")
    results = compute(checked.inputs, warnings=[i for i in checked.issues if not i.is_error])
    timings.add("compute", t)
    return results


def annotated_copy(
    source: Source,
    issues: Sequence[Issue],
    *,
    lang: str,
    name: str | None = None,
    max_cells: int | None = None,
) -> bytes:
    """The workbook with its problem cells marked and an Issues sheet, as .xlsx bytes.
    WorkbookError when no copy can be made (damaged for openpyxl, or over `max_cells` stored
    cells: by default 1.5 million)."""
    from .workbook import annotated_bytes

    return annotated_bytes(source, issues, lang=lang, name=name, max_cells=max_cells)


def results_json_bytes(results) -> bytes:
    from .model.results import to_json

    return (json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True, kw_only=True)
class Rendered:
    results: object
    pdf: bytes
    results_json: bytes
    html: str
    pages: int
    timings: Timings


def render_report(
    source: Source,
    *,
    name: str | None = None,
    brand: str | None = None,
    lang: str | None = None,
    pdfa: bool = False,
    attach_workbook: bool = True,
    notes: Notes | None = None,
    draft: bool = False,
    timings: Timings | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Rendered:
    """The whole pipeline in memory: workbook -> results -> HTML -> PDF bytes and results.json.
    Safe in threads: nothing outside the call changes. `on_stage` hears "read", "validate",
    "compute", "html" and "pdf" as each starts. `notes` (a parsed NOTES.md) replaces sections of
    the workbook's commentary; `draft` marks every page and the metadata as a draft."""
    timings = timings or Timings()
    if on_stage is not None:
        timings.on_stage = on_stage
    t = time.perf_counter()
    from . import report

    timings.add("import", t)
    the_brand = report.load_brand(brand)  # fail on a bad brand before any work
    if isinstance(source, io.IOBase) or hasattr(source, "read"):
        source = source.read()  # read once: attached to a PDF/A as well as parsed
    results = compute_workbook(source, name=name, lang=lang, timings=timings)
    lang = lang or results.inputs.project.language
    t = timings.start("html")
    commentary = notes.over(results.inputs.commentary) if notes is not None else None
    html = report.render_html(
        results, brand=the_brand, lang=lang, commentary=commentary, draft=draft
    )
    timings.add("html", t)
    payload = results_json_bytes(results)
    t = timings.start("pdf")
    attachments: Sequence[tuple[str, bytes]] = ()
    if pdfa:
        attachments = (("results.json", payload),)
        if attach_workbook:
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            attachments = ((source_name(source, name), data), *attachments)
    pdf, pages = report.pdf_bytes(
        html, brand=the_brand, lang=lang, pdfa=pdfa, attachments=attachments
    )
    timings.add("pdf", t)
    return Rendered(
        results=results, pdf=pdf, results_json=payload, html=html, pages=pages, timings=timings
    )


@dataclass(frozen=True, kw_only=True)
class ReportOutcome:
    results: object
    pages: int
    pdf: Path
    timings: Timings


def build_report(
    path: str | os.PathLike,
    out_pdf: str | os.PathLike,
    *,
    brand: str | None = None,
    lang: str | None = None,
    json_out: str | os.PathLike | None = None,
    html_out: str | os.PathLike | None = None,
    pdfa: bool = False,
    attach_workbook: bool = True,
    notes: Notes | None = None,
    draft: bool = False,
    timings: Timings | None = None,
) -> ReportOutcome:
    """The whole pipeline to files: workbook -> PDF (+ results.json, HTML preview), each written
    atomically; an input is never overwritten."""
    from . import files

    outputs = [out for out in (out_pdf, json_out, html_out) if out is not None]
    for i, out in enumerate(outputs):
        files.refuse_overwrite(out, [path, *outputs[:i]])
    done = render_report(
        path,
        brand=brand,
        lang=lang,
        pdfa=pdfa,
        attach_workbook=attach_workbook,
        notes=notes,
        draft=draft,
        timings=timings,
    )
    try:
        files.write_bytes(out_pdf, done.pdf)
        if json_out is not None:
            files.write_bytes(json_out, done.results_json)
        if html_out is not None:
            files.write_text(html_out, done.html)
    except OSError as exc:  # disk full, permissions: an environment problem, exit code 2
        raise UsageError(f"cannot write {exc.filename or out_pdf}: {exc.strerror or exc}") from None
    return ReportOutcome(
        results=done.results, pages=done.pages, pdf=Path(out_pdf), timings=done.timings
    )


def issues_json(issues: Sequence[Issue]) -> str:
    return json.dumps([i.to_dict() for i in issues], ensure_ascii=False, indent=2) + "\n"
