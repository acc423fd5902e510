"""The workbook stage (read side): an .xlsx file -> RawBook, and the annotated copy.

Reading parses the .xlsx itself; only the annotated copy (annotate.py) uses openpyxl, as
template.py on the write side.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..issues import Issue
from .reader import read_workbook


def annotate_workbook(
    src: str | os.PathLike,
    issues: Iterable[Issue],
    out: str | os.PathLike,
    *,
    lang: str = "en",
    max_cells: int | None = None,
) -> None:
    """See `annotate.annotate_workbook`; imported on use, so that reading never loads openpyxl."""
    from .annotate import annotate_workbook as annotate

    annotate(src, issues, out, lang=lang, max_cells=max_cells)


def annotated_bytes(
    src,
    issues: Iterable[Issue],
    *,
    lang: str = "en",
    name: str | None = None,
    max_cells: int | None = None,
):
    """See `annotate.annotated_bytes`: the annotated copy as .xlsx bytes."""
    from .annotate import annotated_bytes as annotate

    return annotate(src, issues, lang=lang, name=name, max_cells=max_cells)


__all__ = ["annotate_workbook", "annotated_bytes", "read_workbook"]
