"""Stream one worksheet's XML and keep its non-empty cells, with both the formula and the cached
value, plus its merged ranges. The stored <dimension> is ignored: only cells present count."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .package import Package
from .parts import column_index, parse_range

_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main|",
    "http://purl.oclc.org/ooxml/spreadsheetml/main|",
)


class Cell(NamedTuple):
    """One stored cell, as written: nothing converted yet."""

    type: str
    """The t attribute: n, s, str, inlineStr, b, e, d."""
    style: int
    value: str | None
    """Text of <v> (or of <is>), None when the cell has no cached value."""
    formula: str | None
    """Text of <f>, '' for a shared-formula dependent; None when no formula."""
    shared: str | None = None
    """si of a shared formula."""


TYPES = ("n", "s", "str", "inlineStr", "b", "e", "d", "?")
"""Cell types by code; "?" is a t attribute Excel never writes (read as a number, like "n")."""
_TYPE_CODES = {t: i for i, t in enumerate(TYPES[:-1])}
_NO_FORMULA = (None, None)


class StoredRow:
    """The cells of one row in three parallel tuples (columns ascending, texts, type and style
    codes) and the rare formulas aside: a few hundred bytes where a dict of Cells took 2 KB, and
    nothing the garbage collector has to scan (100,000 cost lines are 1.3 million cells).

    Reads like the dict {col: Cell} it replaces; Cells are made on demand."""

    __slots__ = ("cols", "texts", "codes", "formulas", "plain")

    def __init__(
        self,
        cols: tuple[int, ...],
        texts: tuple[str | None, ...],
        codes: tuple[int, ...],
        formulas: dict[int, tuple[str, str | None]] | None,
        plain: bool | None = None,
    ) -> None:
        self.cols, self.texts, self.codes, self.formulas = cols, texts, codes, formulas
        if plain is None:
            plain = not formulas and all(code & 7 != 5 for code in codes)
        self.plain = plain
        """No formula and no error in the row: every cell is its value as typed."""

    def cell_at(self, i: int) -> Cell:
        code, col = self.codes[i], self.cols[i]
        formula, shared = self.formulas.get(col, _NO_FORMULA) if self.formulas else _NO_FORMULA
        return tuple.__new__(Cell, (TYPES[code & 7], code >> 3, self.texts[i], formula, shared))

    def index(self, col: int) -> int:
        """Position of `col` in the row, -1 when the row stores no such cell."""
        try:
            return self.cols.index(col)
        except ValueError:
            return -1

    def get(self, col: int, default: Cell | None = None) -> Cell | None:
        i = self.index(col)
        return self.cell_at(i) if i >= 0 else default

    def is_plain(self, i: int) -> bool:
        """A value as typed: no formula, not an error."""
        return (self.codes[i] & 7) != 5 and not (self.formulas and self.cols[i] in self.formulas)

    def items(self) -> Iterator[tuple[int, Cell]]:
        for i, col in enumerate(self.cols):
            yield col, self.cell_at(i)

    def __iter__(self) -> Iterator[int]:
        return iter(self.cols)

    def __contains__(self, col: object) -> bool:
        return col in self.cols

    def __len__(self) -> int:
        return len(self.cols)

    def __getitem__(self, col: int) -> Cell:
        i = self.index(col)
        if i < 0:
            raise KeyError(col)
        return self.cell_at(i)


def _merged(old: StoredRow | None, new: StoredRow) -> StoredRow:
    """One row from a row whose cells came out of order, repeated, or in two <row> elements
    with the same number: columns ascending, the last cell written wins (as a dict did)."""
    cells = dict(old.items()) if old is not None else {}
    cells.update(new.items())
    cols = tuple(sorted(cells))
    ordered = [cells[c] for c in cols]
    formulas = {c: (x.formula, x.shared) for c, x in cells.items() if x.formula is not None}
    return StoredRow(
        cols,
        tuple(x.value for x in ordered),
        tuple(x.style * 8 + _TYPE_CODES.get(x.type, 7) for x in ordered),
        formulas or None,
    )


@dataclass(kw_only=True)
class SheetData:
    name: str
    rows: dict[int, StoredRow] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(min_col, min_row, max_col, max_row) of each merged range."""
    shared_formulas: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """si -> (row, col, text) of the cell that holds a shared formula's text."""

    def get(self, row: int, col: int) -> Cell | None:
        r = self.rows.get(row)
        return r.get(col) if r is not None else None


class _Styles(dict):
    """Style index text -> int, parsed once per distinct value."""

    def __missing__(self, key: str) -> int:
        try:
            value = int(key)
        except ValueError:
            value = 0
        self[key] = value
        return value


def read_sheet(pkg: Package, part: str, name: str) -> SheetData:
    """Every cell of the sheet that holds a value or a formula; formatting-only cells skipped."""
    data = SheetData(name=name)
    rows = data.rows
    cols_cache: dict[str, int] = {}
    text: list[str] = []
    # Mutable parser state in locals of the closures via a small list (fast attribute-free access).
    # st: [row, col (or the cell's reference), attributes, row flags (see flush), in_text, value, formula, shared_si, formula_ref, in_phonetic,
    #      row of the cells pending]
    st: list = [0, 0, {}, 0, False, None, None, None, None, 0, 0]
    # The cells of the row being read, flushed into one StoredRow when it ends.
    cols: list[int] = []
    texts: list[str | None] = []
    codes: list[int] = []
    formulas: dict[int, tuple[str, str | None]] = {}

    def names(prefix: str) -> dict[str, str]:
        return {
            prefix + "c": "c",
            prefix + "v": "v",
            prefix + "f": "f",
            prefix + "t": "t",
            prefix + "is": "is",
            prefix + "row": "row",
            prefix + "mergeCell": "mergeCell",
            prefix + "rPh": "rPh",
        }

    table = names(_NS[0]) | names(_NS[1])
    styles = _Styles()
    type_codes = _TYPE_CODES
    lookup = table.get

    def column_now() -> int:
        """The current cell's column: st[1] holds its reference until asked."""
        col = st[1]
        if col.__class__ is str:
            # The row number comes from <row r>; only the column letters are needed.
            letters = col.rstrip("0123456789")
            col = cols_cache.get(letters)
            if col is None:
                col = cols_cache[letters] = column_index(letters)
            st[1] = col
        return col

    def flush() -> None:
        if not cols:
            return
        number = st[10]
        # st[3]: 1 when a cell came at or left of the one before, 2 when one was an error
        plain = st[3] < 2 and not formulas
        row = StoredRow(tuple(cols), tuple(texts), tuple(codes), dict(formulas) or None, plain)
        old = rows.get(number)
        rows[number] = row if st[3] & 1 == 0 and old is None else _merged(old, row)
        st[3] = 0
        cols.clear()
        texts.clear()
        codes.clear()
        formulas.clear()

    def start(tag: str, attrs: dict) -> None:
        local = lookup(tag)
        if local is None:
            return
        if local == "c":
            # Column and type are worked out at the end, for the cells that hold something:
            # formatted empty cells are common and cost only this.
            ref = attrs.get("r")
            st[1] = ref or column_now() + 1  # cells without r follow the previous one
            st[2] = attrs
            st[5] = st[6] = st[7] = None
        elif local == "v":
            st[4] = True
            text.clear()
        elif local == "t":
            if not st[9]:
                st[4] = True
        elif local == "is":
            text.clear()
            st[5] = ""
        elif local == "f":
            st[4] = True
            text.clear()
            st[6] = ""
            if attrs.get("t") == "shared":
                st[7] = attrs.get("si")
                st[8] = attrs.get("ref")
            else:
                st[7] = st[8] = None
        elif local == "row":
            flush()
            r = attrs.get("r")
            st[0] = int(r) if r else st[0] + 1
            st[1] = 0
        elif local == "rPh":
            st[9] += 1
        elif local == "mergeCell":
            # A malformed merge is ignored: the cells keep their own values.
            with contextlib.suppress(ValueError):
                data.merges.append(parse_range(attrs.get("ref", "")))

    def end(tag: str) -> None:
        local = lookup(tag)
        if local is None:
            return
        if local == "c":
            if st[5] is not None or st[6] is not None:
                if st[0] != st[10]:
                    flush()  # cells outside any <row> (damaged files) join the row above
                    st[10] = st[0]
                col = st[1]
                if col.__class__ is str:
                    letters = col.rstrip("0123456789")
                    col = cols_cache.get(letters)
                    if col is None:
                        col = cols_cache[letters] = column_index(letters)
                    st[1] = col
                if cols and col <= cols[-1]:
                    st[3] |= 1
                attrs = st[2]
                s = attrs.get("s")
                code = (styles[s] if s else 0) * 8 + type_codes.get(attrs.get("t", "n"), 7)
                if code & 7 == 5:
                    st[3] |= 2
                cols.append(col)
                texts.append(st[5])
                codes.append(code)
                if st[6] is not None:
                    formulas[col] = (st[6], st[7])
        elif local == "v":
            st[4] = False
            st[5] = "".join(text)
        elif local == "t":
            st[4] = False
        elif local == "is":
            st[5] = "".join(text)
        elif local == "f":
            st[4] = False
            st[6] = "".join(text)
            if st[7] is not None and st[6]:
                data.shared_formulas[st[7]] = (st[0], column_now(), st[6])
        elif local == "row":
            flush()
        elif local == "rPh":
            st[9] -= 1

    def chars(chunk: str) -> None:
        if st[4]:
            text.append(chunk)

    def configure(p) -> None:
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars

    pkg.expat(part, configure)
    flush()
    return data
