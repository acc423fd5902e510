"""Cell values from stored cells: shared strings, booleans, dates, errors, and formulas (cached
value, or evaluated when simple arithmetic, or reported)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from .. import formula as formulas
from ..issues import ERROR, Issue
from ..raw import RawCell
from .formats import MAC_EPOCH, WINDOWS_EPOCH, from_excel
from .messages import make_issue
from .package import Package
from .parts import Structure, unescape
from .sheet import Cell, SheetData, read_sheet

MAX_DEPTH = 60
_new = tuple.__new__


def make_cell(sheet: str, ref: str, value: object, number_format: str = "General") -> RawCell:
    """RawCell(sheet=, ref=, value=, number_format=) without the named tuple's keyword handling:
    a 100,000-line workbook is 1.3 million cells."""
    return _new(RawCell, (sheet, ref, value, None, number_format))


_NOT_FOUND = object()
_INFINITE = (float("inf"), float("-inf"))


_LETTERS: dict[int, str] = {}


def letters(col: int) -> str:
    """Column number -> letters (2 -> B), cached: called once per cell read."""
    found = _LETTERS.get(col)
    if found is None:
        out, n = "", col
        while n:
            n, rem = divmod(n - 1, 26)
            out = chr(65 + rem) + out
        found = _LETTERS[col] = out
    return found


class Book:
    """Lazily parsed sheets of one workbook, with value conversion and formula resolution."""

    def __init__(self, pkg: Package, structure: Structure, lang: str = "en") -> None:
        self.pkg, self.st, self.lang = pkg, structure, lang
        self._sheets: dict[str, SheetData | None] = {}
        self._evaluated: dict[tuple[str, int, int], object] = {}
        self._active: set[tuple[str, int, int]] = set()
        self._epoch = MAC_EPOCH if structure.date1904 else WINDOWS_EPOCH
        self.issues: list[Issue] = []

    def sheet(self, name: str) -> SheetData | None:
        key = name.lower()
        if key not in self._sheets:
            sd = self.st.sheet(name)
            self._sheets[key] = read_sheet(self.pkg, sd.part, sd.name) if sd else None
        return self._sheets[key]

    def number_format(self, style: int) -> str:
        formats = self.st.formats
        return formats[style] if 0 <= style < len(formats) else "General"

    # ------------------------------------------------------------------------ conversion
    def convert(self, cell: Cell) -> object:
        """The cached value of a stored cell, as Python (None when it has none)."""
        return self.convert_text(cell.type, cell.value, cell.style)

    def convert_text(self, t: str, v: str | None, style: int) -> object:
        """The value of a stored cell's text `v` of type `t` (see `convert`)."""
        if v is None:
            return None
        if t == "s":
            try:
                return self.st.shared_strings[int(v)]
            except (ValueError, IndexError):
                return None
        if t in ("str", "inlineStr"):
            return unescape(v)
        if t == "b":
            return v.strip().lower() in ("1", "true")
        if t == "e":
            return v
        if t == "d":
            try:
                return dt.datetime.fromisoformat(v.strip().rstrip("Z"))
            except ValueError:
                return v
        v = v.strip()
        if not v:
            return None
        try:
            # Integers beyond float range (300+ digits) go through float() and become inf below.
            whole = len(v) < 300 and v.lstrip("-").isdigit()
            number: int | float = int(v) if whole else float(v)
        except ValueError:
            return v
        # float() also reads "nan", "inf", "Infinity" and "1_000": kept as the text they are.
        if (number != number or number in _INFINITE) or "_" in v:
            return v
        if style in self.st.date_styles:
            try:
                return from_excel(number, self._epoch)
            except (ValueError, OverflowError):
                return number
        return number

    @staticmethod
    def lacks_value(cell: Cell) -> bool:
        """A formula cell without a cached value (scripts write `<f>` and no or an empty `<v>`)."""
        return cell.formula is not None and (
            cell.value is None or (cell.value == "" and cell.type == "n")
        )

    def formula_text(self, sheet: SheetData, row: int, col: int, cell: Cell) -> str:
        if cell.formula or cell.shared is None:
            return cell.formula or ""
        master = sheet.shared_formulas.get(cell.shared)
        if master is None:
            return ""
        mrow, mcol, text = master
        return formulas.translate(text, row - mrow, col - mcol)

    # -------------------------------------------------------------------------- formulas
    def resolve(self, sheet_name: str, row: int, col: int) -> object:
        """A cell's value for formula evaluation; raises FormulaError when it cannot be known."""
        sheet = self.sheet(sheet_name)
        if sheet is None:
            raise formulas.FormulaError(f"no sheet {sheet_name!r}")
        cell = sheet.get(row, col)
        if cell is None:
            return None
        if not self.lacks_value(cell):
            value = self.convert(cell)
            if cell.type == "e":
                raise formulas.FormulaError(f"refers to an error {value}")
            return value
        return self._evaluate(sheet, row, col, cell)

    def cells_in(self, sheet_name: str, r1: int, c1: int, r2: int, c2: int) -> Iterator[object]:
        sheet = self.sheet(sheet_name)
        if sheet is None:
            raise formulas.FormulaError(f"no sheet {sheet_name!r}")
        for r in sorted(k for k in sheet.rows if r1 <= k <= r2):
            for c in sorted(k for k in sheet.rows[r] if c1 <= k <= c2):
                yield self.resolve(sheet.name, r, c)

    def _evaluate(self, sheet: SheetData, row: int, col: int, cell: Cell) -> object:
        key = (sheet.name.lower(), row, col)
        done = self._evaluated.get(key, _NOT_FOUND)
        if done is not _NOT_FOUND:
            if isinstance(done, formulas.FormulaError):
                raise done
            return done  # type: ignore[return-value]
        if key in self._active:
            raise formulas.FormulaError("circular reference")
        if len(self._active) >= MAX_DEPTH:
            raise formulas.FormulaError("references nested too deep")
        self._active.add(key)
        try:
            text = self.formula_text(sheet, row, col, cell)
            value = formulas.evaluate(
                text, sheet=sheet.name, resolve=self.resolve, cells_in=self.cells_in
            )
        except formulas.FormulaError as exc:
            self._evaluated[key] = exc
            raise
        finally:
            self._active.discard(key)
        self._evaluated[key] = value
        return value

    # -------------------------------------------------------------------------- raw cells
    def raw_cell(
        self, sheet: SheetData, row: int, col: int, cell: Cell | None, ref: str | None = None
    ) -> RawCell:
        """The RawCell handed to validation; problems with formulas become issues."""
        ref = ref or f"{letters(col)}{row}"
        if cell is None:
            return make_cell(sheet.name, ref, None)
        fmt = self.number_format(cell.style)
        if cell.formula is None and cell.type != "e":
            return make_cell(sheet.name, ref, self.convert(cell), fmt)
        if self.lacks_value(cell):
            text = self.formula_text(sheet, row, col, cell)
            try:
                value = self._evaluate(sheet, row, col, cell)
            except formulas.FormulaError as exc:
                self.issues.append(
                    make_issue(
                        "formula-without-value",
                        ERROR,
                        self.lang,
                        sheet=sheet.name,
                        cell=ref,
                        value=text,
                        reason=str(exc),
                    )
                )
                return RawCell(
                    sheet=sheet.name, ref=ref, value=None, formula=text, number_format=fmt
                )
            if not isinstance(value, float):
                pass  # a plain link to text, a date or a boolean keeps that value
            elif cell.style in self.st.date_styles:
                with contextlib.suppress(ValueError, OverflowError):
                    value = from_excel(value, self._epoch)
            elif value.is_integer() and abs(value) < 2**53:
                value = int(value)
            return RawCell(sheet=sheet.name, ref=ref, value=value, number_format=fmt)
        value = self.convert(cell)
        if cell.type == "e":
            self.issues.append(
                make_issue(
                    "formula-error", ERROR, self.lang, sheet=sheet.name, cell=ref, value=value
                )
            )
            text = self.formula_text(sheet, row, col, cell) if cell.formula is not None else None
            return RawCell(sheet=sheet.name, ref=ref, value=None, formula=text, number_format=fmt)
        return RawCell(sheet=sheet.name, ref=ref, value=value, number_format=fmt)
