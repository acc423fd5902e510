"""Every call the service makes into the pipeline, in one place: validate, annotate, render, the blank
template and the example. The views and the jobs call only these, on the uploaded bytes (`flow`'s
entry points take bytes and are safe in threads); messages name the upload by its plain file name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..issues import InvalidWorkbook, Issue, PipelineError, UsageError, WorkbookError

__all__ = [
    "InvalidWorkbook",
    "PipelineError",
    "UsageError",
    "WorkbookError",
    "Validated",
    "Rendered",
    "validate",
    "annotate",
    "render",
    "check_notes",
    "warm_up",
    "results_workbook",
    "blank_workbook",
    "brands",
    "safe_name",
]

STAGES = ("read", "validate", "compute", "html", "pdf")


@dataclass(frozen=True, kw_only=True)
class Validated:
    issues: list[dict]
    """Issue.to_dict() of the first MAX_ISSUES issues, errors first, then by sheet and cell."""
    lang: str
    """Language of the messages: the workbook's."""
    errors: int
    """Errors found, all of them (beyond those kept)."""
    warnings: int
    """Warnings found, all of them."""


@dataclass(frozen=True, kw_only=True)
class Rendered:
    pdf: bytes
    results_json: bytes
    pages: int


def safe_name(name: str | None) -> str:
    """The uploaded name reduced to a plain file name (no folders, no control characters): it is
    shown to the user and named in messages, never used to store anything."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\- ()]+", "_", name).strip(" .") or "workbook.xlsx"
    return name[-120:]


MAX_ISSUES = 1000
"""Issues kept per submission."""


def validate(data: bytes, *, name: str | None = None) -> Validated:
    """Read and validate; raises WorkbookError when the file is unusable (`exc.message(lang)`: the
    command line's message in "en" or "id")."""
    from .. import flow

    checked = flow.read_and_validate(data, name=safe_name(name))
    order = sorted(checked.issues, key=lambda i: (not i.is_error,))
    n_errors = sum(1 for i in order if i.is_error)
    # A 350 KB upload can hold 125,000 issues (26 MB of JSON, every page listing them): the first
    # MAX_ISSUES are kept, listed and marked; the counts say how many there are in all.
    return Validated(
        issues=[i.to_dict() for i in order[:MAX_ISSUES]],
        lang=checked.lang,
        errors=n_errors,
        warnings=len(order) - n_errors,
    )


def annotate(data: bytes, issues: list[dict], *, lang: str, name: str | None = None) -> bytes:
    """The annotated copy (.xlsx) of an uploaded workbook."""
    from .. import flow

    return flow.annotated_copy(data, [Issue(**i) for i in issues], lang=lang, name=safe_name(name))


NOTES_MAX_BYTES = 100_000
"""A consultant's commentary (NOTES.md) per render: a long one is a few KB."""


def check_notes(text: str | None) -> str | None:
    """A consultant's NOTES.md, checked as the render will read it: None when blank; UsageError
    naming the line (`NOTES.md line 4: ...`) when it does not parse (format: docs/notes.md)."""
    from ..notes import parse_notes

    if text is None or not text.strip():
        return None
    text = text.replace("\r\n", "\n")
    parse_notes(text)
    return text


def render(
    data: bytes,
    *,
    name: str | None = None,
    brand: str | None = None,
    lang: str | None = None,
    notes: str | None = None,
    draft: bool = False,
    on_stage: Callable[[str], None] | None = None,
) -> Rendered:
    """The PDF report and results.json; raises InvalidWorkbook when the workbook has errors.
    `notes`: the consultant's NOTES.md text over the Commentary sheet; `draft`: DRAFT on every
    page."""
    from .. import flow
    from ..notes import parse_notes

    rendered = flow.render_report(
        data,
        name=safe_name(name),
        brand=brand,
        lang=lang,
        notes=parse_notes(notes) if notes else None,
        draft=draft,
        on_stage=on_stage,
    )
    return Rendered(pdf=rendered.pdf, results_json=rendered.results_json, pages=rendered.pages)


_warm = False


def warm_up() -> None:
    """Render the example once in this process, so that the renders forked from it start warm
    (WeasyPrint imported, fonts loaded and shaped): a forked child's warm-up would die with it."""
    global _warm
    if not _warm:
        render(blank_workbook("en", example=True), name="warm-up.xlsx")
        _warm = True


def results_workbook(data: bytes, *, name: str | None = None, lang: str | None = None) -> bytes:
    """The results workbook (.xlsx: cash flows, staffing, comparisons... as Excel tables) of a valid
    workbook, as `report --xlsx` writes it."""
    from .. import export, flow

    results = flow.compute_workbook(data, name=safe_name(name), lang=lang)
    return export.results_workbook(results, lang=lang)


def blank_workbook(lang: str, *, example: bool) -> bytes:
    """The blank template or the filled example, as the `template`/`example` commands write them."""
    from ..template import build_workbook, workbook_bytes

    return workbook_bytes(build_workbook(lang, example=example))


def brands() -> list[str]:
    """The shipped brand names (report_templates/brands)."""
    from ..report.brands import brand_names

    return brand_names()
