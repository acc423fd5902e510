"""Writes the blank workbook template and the filled example from `schema` (openpyxl, write side).

Every sheet name, header, label and dropdown value comes from `schema`; the Guide text and the example
rows come from `example_data`. Output is deterministic (fixed timestamps) so staleness is testable.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from . import example_data as content
from . import schema
from .template_sheets import (  # noqa: F401 - the address helpers are part of this module's API
    FIRST_DATA_ROW,
    HEADER_ROW,
    SCORE_EXTRA_ROWS,
    TABLE_ROWS,
    Lists,
    cell_of,
    column_letter,
    field_cell,
    protect,
    score_headers,
    table_rows,
    write_guide,
    write_project,
    write_table,
)

log = logging.getLogger("pipeline")

FILE_NAMES = {
    ("template", "en"): "cs-sourcing-template-en.xlsx",
    ("template", "id"): "cs-sourcing-template-id.xlsx",
    ("example", "en"): "cs-sourcing-example-en.xlsx",
    ("example", "id"): "cs-sourcing-example-id.xlsx",
}
FIXED_TIME = datetime(2026, 11, 2)
"""Document and zip timestamps: the same code writes the same bytes."""


def build_workbook(lang: str, *, example: bool) -> Workbook:
    """The blank template (`example=False`) or the filled example, in `lang` (en or id)."""
    if lang not in schema.LANGUAGES:
        raise ValueError(f"language must be one of {schema.LANGUAGES}, not {lang!r}")
    wb = Workbook()
    guide = wb.active
    guide.title = schema.SHEETS["guide"](lang)
    project = wb.create_sheet(schema.SHEETS["project"](lang))
    sheets = {t.name: wb.create_sheet(t.sheet(lang)) for t in schema.TABLES}
    meta = wb.create_sheet(schema.SHEETS["meta"](lang))
    lists = Lists(meta, lang)
    meta["A1"], meta["B1"] = schema.META_VERSION_NAME, schema.TEMPLATE_VERSION
    meta["A2"], meta["B2"] = schema.META_LANGUAGE_NAME, lang
    for name, ref in ((schema.META_VERSION_NAME, "$B$1"), (schema.META_LANGUAGE_NAME, "$B$2")):
        wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(meta.title)}!{ref}")

    write_guide(guide, lang)
    write_project(project, lang, content.project_values(lang, example=example), lists)
    for table in schema.TABLES:
        extra: list[str] = []
        if table.name == "tbl_scores":
            extra = score_headers(lang, example)
            rows = content.score_rows(lang, example=example)
        elif table.name in content.SHAPE_TABLES:  # the built-in rows, in every template
            rows = content.shape_rows(table.name, lang, example=example)
        elif table.name == "tbl_commentary":  # the section labels, in every template
            rows = content.commentary_rows(lang, example=example)
        else:
            rows = content.table_rows(table.name, lang) if example else []
        write_table(sheets[table.name], table, lang, rows, lists, extra)

    meta.sheet_state = "hidden"
    protect(meta)
    wb.properties.creator = "cs-sourcing"
    wb.properties.title = content.DOC_TITLE(lang, example)
    wb.properties.created = FIXED_TIME
    wb.properties.language = lang
    wb.active = 0
    return wb


# ------------------------------------------------------------------------------------------ write
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def workbook_bytes(wb: Workbook) -> bytes:
    """The saved workbook with fixed timestamps (openpyxl stamps `modified` and zip times with now)."""
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def _write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a workbook is an ordinary shareable file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_template(path: str | os.PathLike, lang: str = "en") -> Path:
    """Write the blank template atomically; returns the path."""
    return _write_atomic(path, workbook_bytes(build_workbook(lang, example=False)))


def write_example(path: str | os.PathLike, lang: str = "en") -> Path:
    """Write the filled example atomically; returns the path."""
    return _write_atomic(path, workbook_bytes(build_workbook(lang, example=True)))


def refresh(folder: str | os.PathLike) -> list[Path]:
    """Regenerate the four committed workbooks of `input_templates/`."""
    written = []
    for (kind, lang), name in FILE_NAMES.items():
        writer = write_example if kind == "example" else write_template
        written.append(writer(Path(folder) / name, lang))
        log.info("wrote %s", written[-1])
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.template")
    parser.add_argument("--refresh", metavar="FOLDER", help="regenerate the committed workbooks")
    args = parser.parse_args(argv)
    if not args.refresh:
        parser.error("nothing to do: give --refresh FOLDER")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    refresh(args.refresh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
