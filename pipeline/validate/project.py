"""The single values of the Project sheet: typed, checked, defaults applied (DESIGN §2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import schema
from ..raw import RawBook
from ..values import ParseError, is_blank, parse_choice
from .cells import BAD, Checker


def workbook_language(raw: RawBook) -> str:
    """The language of the messages: the Project `language` when valid, else the template's."""
    cell = raw.values.get("language")
    if cell is not None and not is_blank(cell.value):
        try:
            return parse_choice(schema.LANGUAGE_CHOICES, cell.value)
        except ParseError:
            pass
    return template_language(raw)


def template_language(raw: RawBook) -> str:
    lang = str(raw.template_language or "").strip().lower()
    return lang if lang in schema.LANGUAGES else "en"


def read_project(
    ck: Checker,
    raw: RawBook,
    *,
    today: date,
    lang: str | None,
    version: int = schema.TEMPLATE_VERSION,
) -> dict[str, Any]:
    """field key -> typed value (defaults applied; BAD when unreadable).

    `baseline_option` stays None when blank (resolved once the options are known), and so does
    `business_hours` (resolved once the profiles are known); `language` is `lang` when given (an
    override), else the cell, else the template's language. A value the workbook's template
    version does not have is None (go_live and business_hours in version 1).
    """
    out: dict[str, Any] = {f.key: None for f in schema.FIELDS}
    for field in schema.fields_in_version(version):
        value = ck.read(field, raw.values.get(field.key))
        if value is None:
            value = _default(field, raw, today)
        out[field.key] = value
    if version >= 2 and out["go_live"] is None:
        out["go_live"] = _month_after(out["report_date"])
    if lang is not None:
        out["language"] = lang
    return out


def _month_after(day: Any) -> date | Any:
    """The first day of the month after `day` (the default go-live); BAD when `day` is."""
    if not isinstance(day, date):
        return BAD
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _default(field: schema.Field, raw: RawBook, today: date) -> Any:
    if field.default == "today":
        return today
    if field.default in ("first-in-house", "month-after-report") or field.kind == "profile":
        return None  # resolved once the options / the report date / the profiles are known
    if field.key == "language":
        return template_language(raw)
    if field.key in ("client_name", "prepared_by"):
        return "" if field.key == "prepared_by" else BAD
    return field.default
