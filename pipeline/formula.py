"""A tiny evaluator for the simple formulas scripts write without cached values.

Numbers, + - * / ^ %, parentheses, cell references (same or another sheet), ranges inside SUM /
MIN / MAX / AVERAGE, and ROUND. Anything else raises `FormulaError`: the reader then reports the
cell rather than guessing. Never eval(): a tokenizer and a recursive-descent parser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

MAX_LENGTH = 4000
MAX_NESTING = 64
"""Parentheses and function calls nested deeper than this are refused: the parser
recurses once per level, and no formula a person or a script writes comes near it."""

# A reference: optional sheet (quoted or bare), a cell, optionally `:cell`.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![\w$])
  | (?P<func>[A-Za-z_][A-Za-z0-9_.]*)\(
  | (?P<ref>(?:(?:'(?P<qsheet>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][\w.]*))!)?
        (?P<c1>\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(?P<c2>\$?[A-Za-z]{1,3}\$?\d{1,7}))?)(?![\w(!])
  | (?P<op>[-+*/^%(),])
    """,
    re.VERBOSE,
)
_SHIFT = re.compile(r"(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])")
_STRING = re.compile(r'("(?:[^"]|"")*")')
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_AGGREGATES = frozenset({"SUM", "MIN", "MAX", "AVERAGE"})
_NUMBER_TEXT = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class FormulaError(Exception):
    """The formula is not simple arithmetic the reader can evaluate (or its result is not a
    number): the reader reports the cell instead."""


@dataclass(frozen=True, kw_only=True)
class _Tok:
    kind: str
    text: str
    sheet: str | None = None
    area: tuple[int, int, int, int] | None = None
    """(row1, col1, row2, col2) for references."""


Resolve = Callable[[str, int, int], object]
CellsIn = Callable[[str, int, int, int, int], Iterable[object]]


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell(ref: str) -> tuple[int, int]:
    m = _CELL.fullmatch(ref)
    assert m is not None  # the tokenizer only produces well-formed references
    return int(m.group(2)), _col(m.group(1))


def tokenize(formula: str) -> list[_Tok]:
    text = formula.strip()
    if text.startswith("="):
        text = text[1:]
    if len(text) > MAX_LENGTH:
        raise FormulaError("formula too long")
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise FormulaError(f"unsupported syntax at {text[pos : pos + 12]!r}")
        pos = m.end()
        kind = m.lastgroup
        if m.group("ws"):
            continue
        if m.group("num"):
            out.append(_Tok(kind="num", text=m.group("num")))
        elif m.group("func"):
            out.append(_Tok(kind="func", text=m.group("func").upper()))
        elif m.group("ref"):
            sheet = m.group("qsheet")
            sheet = sheet.replace("''", "'") if sheet else m.group("sheet")
            r1, c1 = _cell(m.group("c1"))
            r2, c2 = _cell(m.group("c2") or m.group("c1"))
            area = (min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
            out.append(_Tok(kind="ref", text=m.group("ref"), sheet=sheet, area=area))
        else:
            out.append(_Tok(kind="op", text=m.group("op") or kind or ""))
    return out


def translate(formula: str, rows: int, cols: int) -> str:
    """Shift the relative references of a shared formula by (rows, cols); strings untouched."""

    def shift(m: re.Match) -> str:
        col_abs, letters, row_abs, digits = m.groups()
        col = _col(letters) if col_abs else _col(letters) + cols
        row = int(digits) if row_abs else int(digits) + rows
        if col < 1 or row < 1:
            return "#REF!"
        return f"{col_abs}{_letters(col)}{row_abs}{row}"

    parts = _STRING.split(formula)
    return "".join(p if i % 2 else _SHIFT.sub(shift, p) for i, p in enumerate(parts))


def _number(value: object) -> float:
    """Coerce a referenced cell's value the way Excel arithmetic does."""
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise FormulaError(f"value {value!r} is not a finite number")
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        # float() also reads "nan", "inf" and "Infinity", which are no numbers in a workbook.
        if not _NUMBER_TEXT.fullmatch(text):
            raise FormulaError(f"text {value!r} used as a number")
        return float(text)
    raise FormulaError(f"value {value!r} is not a number")


class _Parser:
    def __init__(self, tokens: list[_Tok], sheet: str, resolve: Resolve, cells_in: CellsIn):
        self.toks, self.i = tokens, 0
        self.sheet, self.resolve, self.cells_in = sheet, resolve, cells_in
        self.depth = 0

    def enter(self) -> None:
        """One level deeper (a parenthesis, a call); refused past MAX_NESTING, so that a
        hostile formula ends in a FormulaError, not in a RecursionError."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise FormulaError("formula nested too deep")

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, text: str | None = None) -> _Tok:
        tok = self.peek()
        if tok is None or (text is not None and tok.text != text):
            raise FormulaError(f"expected {text or 'a value'}")
        self.i += 1
        return tok

    def at(self, *ops: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == "op" and tok.text in ops

    def expr(self) -> float:
        value = self.term()
        while self.at("+", "-"):
            op = self.take().text
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self) -> float:
        value = self.power()
        while self.at("*", "/"):
            op = self.take().text
            right = self.power()
            if op == "*":
                value *= right
            elif right == 0:
                raise FormulaError("division by zero")
            else:
                value /= right
        return value

    def power(self) -> float:
        value = self.unary()
        while self.at("^"):
            self.take()
            exponent = self.unary()
            try:
                value = math.pow(value, exponent)
            except (OverflowError, ValueError):
                raise FormulaError("invalid power") from None
        return value

    def unary(self) -> float:
        # Signs are counted, not recursed into: `=------1` is legal, and a thousand of them too.
        negative = False
        while self.at("-", "+"):
            negative ^= self.take().text == "-"
        value = self.primary()
        while self.at("%"):
            self.take()
            value /= 100.0
        return -value if negative else value

    def primary(self) -> float:
        tok = self.take()
        if tok.kind == "num":
            return float(tok.text)
        if tok.kind == "ref":
            assert tok.area is not None
            r1, c1, r2, c2 = tok.area
            if (r1, c1) != (r2, c2):
                raise FormulaError("a range outside a function")
            return _number(self.resolve(tok.sheet or self.sheet, r1, c1))
        if tok.kind == "func":
            self.enter()
            value = self.function(tok.text)
            self.depth -= 1
            return value
        if tok.text == "(":
            self.enter()
            value = self.expr()
            self.take(")")
            self.depth -= 1
            return value
        raise FormulaError(f"unexpected {tok.text!r}")

    def args(self, name: str) -> list[list[float] | float]:
        """Arguments up to ')': a range gives the numbers it holds (text and blanks skipped);
        a single cell too inside SUM/MIN/MAX/AVERAGE, and is a plain value elsewhere (ROUND)."""
        out: list[list[float] | float] = []
        if self.at(")"):
            self.take()
            return out
        while True:
            tok = self.peek()
            nxt = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
            is_arg_end = nxt is not None and nxt.kind == "op" and nxt.text in (",", ")")
            if (
                tok is not None
                and tok.kind == "ref"
                and is_arg_end
                and (name in _AGGREGATES or tok.area[:2] != tok.area[2:])
            ):
                self.take()
                assert tok.area is not None
                r1, c1, r2, c2 = tok.area
                values = self.cells_in(tok.sheet or self.sheet, r1, c1, r2, c2)
                out.append(
                    [
                        float(v)
                        for v in values
                        if isinstance(v, int | float)
                        and not isinstance(v, bool)
                        and math.isfinite(v)
                    ]
                )
            else:
                out.append(self.expr())
            if self.at(","):
                self.take()
                continue
            self.take(")")
            return out

    def function(self, name: str) -> float:
        args = self.args(name)
        flat = [x for a in args for x in (a if isinstance(a, list) else [a])]
        if name == "SUM":
            return math.fsum(flat)
        if name == "MIN":
            return min(flat, default=0.0)
        if name == "MAX":
            return max(flat, default=0.0)
        if name == "AVERAGE":
            if not flat:
                raise FormulaError("AVERAGE of nothing")
            return math.fsum(flat) / len(flat)
        if name == "ROUND" and len(args) == 2 and not any(isinstance(a, list) for a in args):
            value, digits = args  # type: ignore[misc]
            if not (math.isfinite(value) and math.isfinite(digits)) or abs(digits) > 300:
                raise FormulaError("ROUND of a value that is not a finite number")
            scale = 10.0 ** int(digits)
            # Excel rounds half away from zero.
            return math.copysign(math.floor(abs(value) * scale + 0.5) / scale, value)
        raise FormulaError(f"function {name} is not supported")


def evaluate(formula: str, *, sheet: str, resolve: Resolve, cells_in: CellsIn) -> object:
    """The value of a simple arithmetic formula (a float, or the linked value of a single-cell
    link such as `=Options!A5`); FormulaError when it is not one.

    `resolve(sheet, row, col)` gives a referenced cell's value (evaluating it when it is itself a
    formula); `cells_in(sheet, r1, c1, r2, c2)` gives the values stored in a range."""
    tokens = tokenize(formula)
    if not tokens:
        raise FormulaError("empty formula")
    if len(tokens) == 1 and tokens[0].kind == "ref" and tokens[0].area[:2] == tokens[0].area[2:]:
        # `=Options!A5`: a plain link keeps the linked value, text included (blank reads as 0).
        r, c = tokens[0].area[:2]
        value = resolve(tokens[0].sheet or sheet, r, c)
        return 0.0 if value is None or value == "" else value  # type: ignore[return-value]
    parser = _Parser(tokens, sheet, resolve, cells_in)
    try:
        value = parser.expr()
    except (OverflowError, ZeroDivisionError):
        raise FormulaError("arithmetic overflow") from None
    except RecursionError:
        # Each formula is bounded by MAX_NESTING, but a chain of references to formulas that
        # are each nested deep can still add up: the chain is refused, not the process.
        raise FormulaError("formulas nested too deep") from None
    if parser.peek() is not None:
        raise FormulaError(f"unexpected {parser.peek().text!r}")
    if not math.isfinite(value):
        raise FormulaError("result is not a finite number")
    return value
