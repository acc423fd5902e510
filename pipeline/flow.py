"""The whole pipeline as one short function per entry point: read, validate, compute, render.

Stages are imported lazily so that `cs-sourcing template` or `validate` never pay for WeasyPrint.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .issues import InvalidWorkbook, Issue, errors

log = logging.getLogger("pipeline")


@dataclass(kw_only=True)
class Timings:
    """Seconds spent per stage, for --verbose and the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)

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
    path: str | os.PathLike, *, lang: str | None = None, timings: Timings | None = None
) -> Checked:
    """Read and validate a workbook. Raises WorkbookError when the file is unusable."""
    from .validate import validate
    from .workbook import read_workbook

    timings = timings or Timings()
    t = time.perf_counter()
    raw = read_workbook(path)
    timings.add("read", t)
    t = time.perf_counter()
    inputs, issues = validate(raw, lang=lang)
    timings.add("validate", t)
    if inputs is not None:
        inputs = replace(inputs, source_name=Path(path).name)
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


def compute_workbook(path, *, lang: str | None = None, timings: Timings | None = None):
    """Read, validate and compute; raises InvalidWorkbook when the workbook has errors."""
    timings = timings or Timings()
    checked = read_and_validate(path, lang=lang, timings=timings)
    if checked.inputs is None or errors(checked.issues):
        raise InvalidWorkbook(checked.issues, lang=checked.lang)
    from .model import compute

    t = time.perf_counter()
    results = compute(checked.inputs, warnings=[i for i in checked.issues if not i.is_error])
    timings.add("compute", t)
    return results


def results_json_bytes(results) -> bytes:
    from .model.results import to_json

    return (json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
    timings: Timings | None = None,
) -> ReportOutcome:
    """The whole pipeline: workbook -> results -> HTML -> PDF (+ results.json, HTML preview)."""
    from . import files

    outputs = [out for out in (out_pdf, json_out, html_out) if out is not None]
    for i, out in enumerate(outputs):
        files.refuse_overwrite(out, [path, *outputs[:i]])
    timings = timings or Timings()
    t = time.perf_counter()
    from . import report

    timings.add("import", t)
    the_brand = report.load_brand(brand)  # fail on a bad brand before any work
    results = compute_workbook(path, lang=lang, timings=timings)
    lang = lang or results.inputs.project.language
    t = time.perf_counter()
    html = report.render_html(results, brand=the_brand, lang=lang)
    timings.add("html", t)
    payload = results_json_bytes(results)
    t = time.perf_counter()
    attachments: Sequence[tuple[str, bytes]] = ()
    if pdfa:
        attachments = ((Path(path).name, Path(path).read_bytes()), ("results.json", payload))
    pages = report.write_pdf(
        html, out_pdf, brand=the_brand, lang=lang, pdfa=pdfa, attachments=attachments
    )
    timings.add("pdf", t)
    if json_out is not None:
        files.write_bytes(json_out, payload)
    if html_out is not None:
        files.write_text(html_out, html)
    return ReportOutcome(results=results, pages=pages, pdf=Path(out_pdf), timings=timings)


def issues_json(issues: Sequence[Issue]) -> str:
    return json.dumps([i.to_dict() for i in issues], ensure_ascii=False, indent=2) + "\n"
