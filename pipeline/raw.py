"""What the reader hands to validation: raw cells with their A1 addresses, nothing typed yet.

Kept apart from `workbook.py` so that validation and tests can build a RawBook without openpyxl.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .issues import Issue


class RawCell(NamedTuple):
    """One cell as read. A named tuple rather than a dataclass: made a million times for a
    100,000-line workbook, it is 5x cheaper to build and the garbage collector stops scanning it.
    Build it with keywords (`RawCell(sheet=, ref=, value=)`)."""

    sheet: str
    """Sheet name as found in the workbook."""
    ref: str
    """A1 address, e.g. `E7`."""
    value: Any
    """Cached value as read: str, int, float, bool, datetime, or None. Formulas are resolved
    (cached value, or evaluated when simple arithmetic); an unresolved formula leaves None here
    and its text in `formula`."""
    formula: str | None = None
    """Formula text when the cell is a formula the reader could not resolve."""
    number_format: str = "General"


@dataclass(frozen=True, kw_only=True)
class RawRow:
    number: int
    """Worksheet row number."""
    cells: Mapping[str, RawCell]
    """Column key (schema) -> cell. Every known column of the table appears (blank cells too)."""
    extra: Mapping[str, RawCell] = field(default_factory=dict)
    """Header text as found -> cell, for columns the schema does not know (tbl_scores: options)."""


@dataclass(frozen=True, kw_only=True)
class RawTable:
    name: str
    sheet: str
    header_row: int
    columns: Mapping[str, str]
    """Column key -> column letter, for the columns found."""
    extra_columns: Mapping[str, str]
    """Header text -> column letter, for unknown headers, in sheet order."""
    rows: tuple[RawRow, ...]
    """Non-blank data rows, including rows typed just below the table, in sheet order."""


@dataclass(frozen=True, kw_only=True)
class RawBook:
    path: str
    template_version: Any
    """Value of the `template_version` defined name, None when absent."""
    template_language: str | None
    values: Mapping[str, RawCell]
    """Defined name -> cell, for the single values found (schema.FIELDS keys)."""
    tables: Mapping[str, RawTable]
    """Table name -> table, for the tables found."""
    sheets: tuple[str, ...] = ()
    issues: tuple[Issue, ...] = ()
    """Structural problems met while reading (missing table or name, extra column,
    formula-without-value...). Messages are in `template_language` (en when unknown)."""
