"""Stream one worksheet's XML and keep its non-empty cells, with both the formula and the cached
value, plus its merged ranges. The stored <dimension> is ignored: only cells present count."""

from __future__ import annotations

import contextlib
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


@dataclass(kw_only=True)
class SheetData:
    name: str
    rows: dict[int, dict[int, Cell]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(min_col, min_row, max_col, max_row) of each merged range."""
    shared_formulas: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """si -> (row, col, text) of the cell that holds a shared formula's text."""

    def get(self, row: int, col: int) -> Cell | None:
        r = self.rows.get(row)
        return r.get(col) if r else None


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
    # st: [row, col, t, s, in_text, value, formula, shared_si, formula_ref, in_phonetic]
    st: list = [0, 0, "n", 0, False, None, None, None, None, 0]

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
    new_cell = tuple.__new__  # Cell(...) without the namedtuple's Python-level __new__
    lookup = table.get

    def start(tag: str, attrs: dict) -> None:
        local = lookup(tag)
        if local is None:
            return
        if local == "c":
            ref = attrs.get("r")
            if ref:
                # The row number comes from <row r>; only the column letters are needed.
                letters = ref.rstrip("0123456789")
                col = cols_cache.get(letters)
                if col is None:
                    col = cols_cache[letters] = column_index(letters)
                st[1] = col
            else:
                st[1] += 1  # cells without r follow the previous one
            st[2] = attrs.get("t", "n")
            s = attrs.get("s")
            st[3] = styles[s] if s else 0
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
        if local == "v":
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
                data.shared_formulas[st[7]] = (st[0], st[1], st[6])
        elif local == "c":
            if st[5] is not None or st[6] is not None:
                row = rows.get(st[0])
                if row is None:
                    row = rows[st[0]] = {}
                row[st[1]] = new_cell(Cell, (st[2], st[3], st[5], st[6], st[7]))
        elif local == "rPh":
            st[9] -= 1

    def chars(chunk: str) -> None:
        if st[4]:
            text.append(chunk)

    def configure(p) -> None:
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars

    pkg.expat(part, configure)
    return data
