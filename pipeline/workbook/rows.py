"""A table row's cells for validation, made when asked for: a table of 100,000 lines keeps only
the stored rows (texts in tuples), not 1.3 million RawCell objects beside them.

Cells whose value needs work while the workbook is being read (a formula, an error, a merged
range filling a blank) are made at once, so that their issues come in sheet order; every other
cell is converted from its stored text on first access and not kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..raw import RawCell
from .cells import Book
from .sheet import TYPES, SheetData, StoredRow

_new = tuple.__new__
_BLANK = (0, None)
CONVERTED_SIZE = 16_384
"""Distinct stored texts whose values a table remembers."""


class TableColumns:
    """What the rows of one table share: its sheet, and the column of each key."""

    __slots__ = ("book", "sheet", "col_of", "letters", "keys", "_converted")

    def __init__(self, book: Book, sheet: SheetData, col_of: dict[str, int], letters: dict) -> None:
        self.book, self.sheet = book, sheet
        self.col_of = col_of
        """key (or header text) -> column number"""
        self.letters = letters
        """column number -> column letters"""
        self.keys = tuple(col_of)
        # (type and style, text) -> (value, number format): a long table repeats its options,
        # bases and amounts. The value's type is part of the key's meaning, so 1 and "1" differ.
        self._converted: dict[tuple[int, str | None], tuple[object, str]] = {}

    def cell(self, row: int, col: int, stored: StoredRow | None) -> RawCell:
        """The RawCell of a plain stored cell (or a blank one) at (row, col)."""
        ref = f"{self.letters[col]}{row}"
        try:
            i = stored.cols.index(col)  # type: ignore[union-attr]
        except (AttributeError, ValueError):  # no stored row, or no such cell in it
            return _new(RawCell, (self.sheet.name, ref, None, None, "General"))
        key = (stored.codes[i], stored.texts[i])  # type: ignore[union-attr]
        found = self._converted.get(key)
        if found is None:
            code, text = key
            book, style = self.book, code >> 3
            value = book.convert_text(TYPES[code & 7], text, style)
            found = (value, book.number_format(style))
            if len(self._converted) < CONVERTED_SIZE:
                self._converted[key] = found
        return _new(RawCell, (self.sheet.name, ref, found[0], None, found[1]))


class RowCells(Mapping):
    """key -> RawCell for one row: `made` holds the cells made while reading, the others are
    made from the stored row on access."""

    __slots__ = ("_columns", "_row", "_stored", "_made")

    def __init__(
        self,
        columns: TableColumns,
        row: int,
        stored: StoredRow | None,
        made: dict[str, RawCell] | None,
    ) -> None:
        self._columns, self._row, self._stored, self._made = columns, row, stored, made

    def get(self, key: str, default: RawCell | None = None) -> RawCell | None:  # type: ignore[override]
        made = self._made
        if made is not None:
            found = made.get(key)
            if found is not None:
                return found
        col = self._columns.col_of.get(key)
        if col is None:
            return default
        return self._columns.cell(self._row, col, self._stored)

    def value_key(self, key: str) -> tuple | None:
        """What the cell's value and number format depend on, when it is a value as typed (or
        blank): readers may remember what they made of it. None for a cell made while reading."""
        made = self._made
        if made is not None and key in made:
            return None
        col = self._columns.col_of.get(key)
        if col is None:
            return None
        stored = self._stored
        try:
            i = stored.cols.index(col)  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            return _BLANK
        return (stored.codes[i], stored.texts[i])  # type: ignore[union-attr]

    def value_keys(self) -> dict[str, tuple]:
        """`value_key` of every column at once (a row read whole), without the made cells."""
        stored, made = self._stored, self._made
        at = (
            dict(zip(stored.cols, zip(stored.codes, stored.texts, strict=True), strict=True))
            if stored is not None
            else {}
        )
        return {
            key: at.get(col, _BLANK)
            for key, col in self._columns.col_of.items()
            if made is None or key not in made
        }

    def __getitem__(self, key: str) -> RawCell:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._columns.col_of

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns.keys)

    def __len__(self) -> int:
        return len(self._columns.keys)

    def __repr__(self) -> str:
        return f"RowCells({dict(self)!r})"
