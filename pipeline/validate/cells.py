"""The issue collector and the typed reading of one cell against its schema Field or Column.

Every check goes through `Checker.add`, so messages come out in one language, name the place
(sheet, cell, header in that language), the value found and what is expected.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from .. import schema
from ..issues import ERROR, Issue
from ..numbers import fmt_num, fmt_pct
from ..raw import RawCell
from ..schema import T, Text
from ..values import (
    MULTIPLIER_LETTERS,
    MULTIPLIER_WORDS,
    ParseError,
    ambiguous_date,
    is_blank,
    number_word,
    parse_choice,
    parse_date,
    parse_int,
    parse_month,
    parse_number,
    parse_percent,
    parse_text,
)
from .codes import CODES_BY_NAME


class _Bad:
    """Marks a value that could not be read (an issue was reported, or the reader reported one)."""

    def __repr__(self) -> str:
        return "BAD"


BAD: Any = _Bad()

CHOICE_CODES = {
    "currency": "unknown-currency",
    "language": "unknown-language",
    "mode": "unknown-mode",
    "type": "unknown-type",
    "already_running": "not-yes-no",
    "flexes_monthly": "not-yes-no",
    "day": "unknown-day",
    "category": "unknown-category",
    "basis": "unknown-basis",
    "escalation": "unknown-escalation",
    "cost_type": "unknown-cost-type",
}
MONEY_KEYS = frozenset({"amount", "minimum_monthly_fee", "usd_rate"})
TEXT_KINDS = frozenset({"text", "option", "channel", "channels", "profile", "pattern"})
"""Kinds read as text; the names are resolved against their tables afterwards."""

PLACE_COLUMN = T("{sheet}!{ref}, column “{label}”", "{sheet}!{ref}, kolom “{label}”")
PLACE_FIELD = T("{sheet}!{ref} (“{label}”)", "{sheet}!{ref} (“{label}”)")
PLACE_TABLE = T("table {table} on sheet {sheet}", "tabel {table} di lembar {sheet}")

MESSAGES = {
    "missing-value": T(
        "{place} is empty, but it is required; expected {expected}.",
        "{place} kosong, padahal wajib diisi; yang diharapkan {expected}.",
    ),
    "not-a-number": T(
        "{place}: {value} is not a number; expected {expected}.",
        "{place}: {value} bukan angka; yang diharapkan {expected}.",
    ),
    "unexpected-percent": T(
        "{place}: {value} is a percent, but {expected} is expected here.",
        "{place}: {value} adalah persentase, padahal yang diharapkan {expected}.",
    ),
    "not-an-integer": T(
        "{place}: {value} is not a whole number; expected {expected}.",
        "{place}: {value} bukan bilangan bulat; yang diharapkan {expected}.",
    ),
    "not-a-date": T(
        "{place}: {value} is not a date; expected a date such as 2026-11-23, 23/11/2026 or "
        "23 Nov 2026.",
        "{place}: {value} bukan tanggal; yang diharapkan tanggal seperti 2026-11-23, 23/11/2026 "
        "atau 23 Nov 2026.",
    ),
    "not-a-month": T(
        "{place}: {value} is not a month; expected a month such as Jan 2027, 2027-01 or any date "
        "in it.",
        "{place}: {value} bukan bulan; yang diharapkan bulan seperti Jan 2027, 2027-01 atau "
        "tanggal berapa pun di bulan itu.",
    ),
    "too-long": T(
        "{place}: the text has {length} characters; at most {max} are allowed.",
        "{place}: teks berisi {length} karakter; paling banyak {max} karakter.",
    ),
    "choice": T(
        "{place}: {value} is not an accepted value; expected one of: {expected}.",
        "{place}: {value} bukan nilai yang diterima; yang diharapkan salah satu dari: {expected}.",
    ),
    "unknown-cost-type": T(
        "{place}: {value} is not a cost type of the checklist; the type is taken from the Item "
        "instead. Expected one of: {expected}.",
        "{place}: {value} bukan jenis biaya dari daftar; jenisnya ditebak dari Item. Yang "
        "diharapkan salah satu dari: {expected}.",
    ),
    "out-of-range": T(
        "{place}: {value} is out of range; expected {expected}.",
        "{place}: {value} di luar rentang; yang diharapkan {expected}.",
    ),
    "negative-amount": T(
        "{place}: {value} is negative; expected {expected}.",
        "{place}: {value} bernilai negatif; yang diharapkan {expected}.",
    ),
    "percent-as-whole-number": T(
        "{place}: {value} was read as {read}; if you meant {alt}, type {alt} (a percent-formatted "
        "cell removes the doubt).",
        "{place}: {value} dibaca sebagai {read}; jika maksud Anda {alt}, ketik {alt} (sel "
        "berformat persen menghilangkan keraguan).",
    ),
    "number-words-as-multipliers": T(
        "{place}: {value} was read as {read}: number words are read as multipliers ({words}). "
        "Other cells written this way are read the same, without another warning.",
        "{place}: {value} dibaca sebagai {read}: kata bilangan dibaca sebagai pengali ({words}). "
        "Sel lain yang ditulis dengan cara ini dibaca sama, tanpa peringatan lagi.",
    ),
    "ambiguous-date": T(
        "{place}: {value} was read day first, as {read}; if you meant {alt}, type {alt_iso}.",
        "{place}: {value} dibaca dengan hari lebih dulu, sebagai {read}; jika maksud Anda {alt}, "
        "ketik {alt_iso}.",
    ),
}
MONTH_NAMES = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
}

EXPECT = {
    "text": T("a text", "teks"),
    "option": T("the name of an option", "nama sebuah opsi"),
    "channel": T("the name of a channel", "nama sebuah saluran"),
    "channels": T("channel names separated by commas", "nama saluran dipisah koma"),
    "profile": T("the name of a profile", "nama sebuah profil"),
    "pattern": T("the name of a seasonal pattern", "nama sebuah pola musiman"),
    "date": T("a date", "tanggal"),
    "month": T("a month", "bulan"),
    "number": T("a number", "angka"),
    "int": T("a whole number", "bilangan bulat"),
    "percent": T("a percent", "persentase"),
    "choice": T("a value from the list", "nilai dari daftar"),
}
ONE_OF = T("one of: {}", "salah satu dari: {}")
RANGE = {
    "between": T("from {lo} to {hi}", "dari {lo} sampai {hi}"),
    "above_to": T("above {lo} up to {hi}", "di atas {lo} sampai {hi}"),
    "min": T("≥ {lo}", "≥ {lo}"),
    "min_exclusive": T("> {lo}", "> {lo}"),
    "max": T("≤ {hi}", "≤ {hi}"),
}


# ------------------------------------------------------------------------------------- formatting
def show(value: Any, lang: str) -> str:
    """The value found, as the user would recognise it."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return fmt_num(value, lang)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


def label_of(spec: schema.Field | schema.Column) -> Text:
    return spec.label if isinstance(spec, schema.Field) else spec.header


def expected(spec: schema.Field | schema.Column, lang: str, *, percent: bool | None = None) -> str:
    """What a cell should hold, e.g. "a whole number from 1 to 10", "one of: live, deferred"."""
    if spec.choices:
        return ", ".join(c.label(lang) for c in spec.choices)
    percent = spec.kind == "percent" if percent is None else percent
    base = EXPECT["percent" if percent else spec.kind if spec.kind in EXPECT else "text"](lang)
    lo, hi = spec.min, spec.max
    if lo is None and hi is None:
        return base
    f = (lambda v: fmt_pct(v, lang)) if percent else (lambda v: fmt_num(v, lang))
    if lo is not None and hi is not None:
        key = "above_to" if getattr(spec, "min_exclusive", False) else "between"
        rng = RANGE[key](lang).format(lo=f(lo), hi=f(hi))
    elif lo is not None:
        key = "min_exclusive" if getattr(spec, "min_exclusive", False) else "min"
        rng = RANGE[key](lang).format(lo=f(lo))
    else:
        rng = RANGE["max"](lang).format(hi=f(hi))
    return f"{base} {rng}"


def cell_key(ref: str | None) -> tuple[int, int]:
    """(row, column) of an A1 reference for sorting; (0, 0) when there is none."""
    if not ref:
        return (0, 0)
    letters = "".join(ch for ch in ref if ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return (int(digits or 0), col)


# --------------------------------------------------------------------------------------- checker
_MISSING = object()
MEMO_SIZE = 16_384
"""Distinct (column, value) readings remembered per validation."""


class Checker:
    """Collects issues in `lang` and reads typed values from cells (mutable, one per validation)."""

    def __init__(
        self, lang: str, reported: Iterable[Issue] = (), *, read_lang: str | None = None
    ) -> None:
        self.lang = lang
        # How numbers and dates typed as text are read: the workbook's language, whatever the
        # language of the messages (`--lang en` must not turn an ID 1.500 into 1.5).
        self.read_lang = read_lang or lang
        self.issues: list[Issue] = []
        self.words_warned = False
        # Cells the reader already reported as errors (formula without value...): not re-checked.
        self.reported = {(i.sheet, i.cell) for i in reported if i.cell and i.is_error}
        # Values read without an issue, by what the reading depends on: a long cost table
        # repeats the same options, bases and amounts. Specs are kept so their ids stay theirs.
        self._memo: dict[tuple, Any] = {}
        self._specs: dict[int, object] = {}

    def place(self, cell: RawCell, label: Text, *, field: bool = False) -> str:
        template = PLACE_FIELD if field else PLACE_COLUMN
        return template(self.lang).format(sheet=cell.sheet, ref=cell.ref, label=label(self.lang))

    def add(
        self,
        code: str,
        message: Text,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        field: str | None = None,
        value: Any = None,
        severity: str | None = None,
        **fmt: Any,
    ) -> None:
        severity = severity or CODES_BY_NAME[code].severity
        fmt.setdefault("sheet", sheet)
        fmt.setdefault("cell", cell)
        shown = fmt.pop("shown", None)
        fmt["value"] = show(value, self.lang) if shown is None else shown
        text = message(self.lang).format(**fmt)
        text = text[:1].upper() + text[1:]  # "{place}" may start "table tbl_scores on sheet..."
        self.issues.append(
            Issue(
                code=code,
                severity=severity,
                sheet=sheet,
                cell=cell,
                field=field,
                value=_jsonable(value),
                message=text,
                params=fmt,
            )
        )

    def at(
        self, code: str, message: Text, raw: RawCell, spec: schema.Field | schema.Column, **fmt
    ) -> None:
        """An issue at the cell `raw` of `spec`, with {place} filled in."""
        label = label_of(spec)
        fmt.setdefault("label", label(self.lang))
        place = self.place(raw, label, field=isinstance(spec, schema.Field))
        self.add(
            code,
            message,
            sheet=raw.sheet,
            cell=raw.ref,
            field=spec.key,
            value=raw.value,
            place=place,
            **fmt,
        )

    @property
    def has_errors(self) -> bool:
        return any(i.severity == ERROR for i in self.issues)

    # ---------------------------------------------------------------------------------- reading
    def read_row(
        self, columns: Iterable[schema.Column], cells: Mapping[str, RawCell]
    ) -> dict[str, Any]:
        """`read_in` of each of `columns` in one row: key -> typed value."""
        value_keys = getattr(cells, "value_keys", None)
        known = value_keys() if value_keys is not None and not self.reported else {}
        memo, out = self._memo, {}
        for spec in columns:
            key = spec.key
            value_key = known.get(key)
            if value_key is not None:
                found = memo.get((id(spec), None, None, value_key), _MISSING)
                if found is not _MISSING:
                    out[key] = found
                    continue
                before = len(self.issues)
                typed = self.read(spec, cells.get(key))
                self._remember((id(spec), None, None, value_key), spec, typed, before)
                out[key] = typed
            else:
                out[key] = self.read(spec, cells.get(key))
        return out

    def read_in(
        self,
        spec: schema.Field | schema.Column,
        cells: Mapping[str, RawCell],
        *,
        required: bool | None = None,
        percent_range: tuple[float | None, float | None] | None = None,
    ) -> Any:
        """`read(spec, cells.get(spec.key))`, without making the cell when the row can say what
        its value depends on (`value_key`) and that was read before without an issue."""
        key = spec.key
        value_key = getattr(cells, "value_key", None)
        known = value_key(key) if value_key is not None and not self.reported else None
        if known is not None:
            memo_key = (id(spec), required, percent_range, known)
            found = self._memo.get(memo_key, _MISSING)
            if found is not _MISSING:
                return found
        before = len(self.issues)
        typed = self.read(spec, cells.get(key), required=required, percent_range=percent_range)
        if known is not None:
            self._remember(memo_key, spec, typed, before)
        return typed

    def read(
        self,
        spec: schema.Field | schema.Column,
        raw: RawCell | None,
        *,
        required: bool | None = None,
        percent_range: tuple[float | None, float | None] | None = None,
    ) -> Any:
        """The typed value of `raw` per `spec`: None when blank, BAD when unreadable (reported).

        Checks type, required, choices, range and text length. `percent_range` reads a number
        column as a percent (the % bases' Amount) and gives the range used to tell 15 from 0.15.
        """
        required = spec.required if required is None else required
        if raw is None:
            return None
        if raw.formula is not None or (raw.sheet, raw.ref) in self.reported:
            return BAD
        value = raw.value
        memo_key = (id(spec), required, percent_range, value.__class__, value, raw.number_format)
        found = self._memo.get(memo_key, _MISSING)
        if found is not _MISSING:
            return found
        before = len(self.issues)
        typed = self._read(spec, raw, required, percent_range)
        self._remember(memo_key, spec, typed, before)
        return typed

    def _remember(self, memo_key: tuple, spec, typed: Any, issues_before: int) -> None:
        """Keep `typed` for `memo_key` when it was read without an issue (and there is room)."""
        if len(self.issues) == issues_before and typed is not BAD and len(self._memo) < MEMO_SIZE:
            self._specs[id(spec)] = spec  # keeps the spec alive, so its id stays its own
            self._memo[memo_key] = typed

    def _read(self, spec, raw: RawCell, required: bool, percent_range) -> Any:
        key, lang = spec.key, self.lang
        if is_blank(raw.value):
            if required:
                want = expected(spec, lang)
                want = ONE_OF(lang).format(want) if spec.choices else want
                self.at("missing-value", MESSAGES["missing-value"], raw, spec, expected=want)
                return BAD
            return None
        kind = "percent" if percent_range is not None else spec.kind
        try:
            value = self._parse(spec, raw, kind, percent_range)
        except ParseError as exc:
            if spec.choices:
                code = CHOICE_CODES.get(key, "unknown-choice")
                message = MESSAGES.get(code, MESSAGES["choice"])
            else:
                code, message = exc.code, MESSAGES[exc.code]
                if kind == "month":
                    message = MESSAGES["not-a-month"]
            self.at(
                code, message, raw, spec, expected=expected(spec, lang, percent=kind == "percent")
            )
            return BAD
        if kind in TEXT_KINDS:
            limit = getattr(spec, "max_length", None)
            if limit and len(value) > limit:
                self.at("too-long", MESSAGES["too-long"], raw, spec, length=len(value), max=limit)
                return BAD
            return value
        if kind in ("number", "int", "percent") and not self._in_range(spec, raw, value, kind):
            return BAD
        return value

    def _parse(self, spec, raw: RawCell, kind: str, percent_range) -> Any:
        lang = self.read_lang
        if spec.choices:
            return parse_choice(spec.choices, raw.value)
        if kind in TEXT_KINDS:
            return parse_text(raw.value)
        if kind in ("date", "month"):
            parse = parse_date if kind == "date" else parse_month
            value = parse(raw.value, lang=lang)
            self._ambiguous_date(spec, raw)
            return value
        if kind == "int":
            value = parse_int(raw.value, lang=lang)
            self._number_word(spec, raw, value)
            return value
        if kind == "percent":
            low, high = percent_range or (spec.min, spec.max)
            value, ambiguous = parse_percent(
                raw.value, lang=lang, number_format=raw.number_format, low=low, high=high
            )
            if ambiguous:
                number = parse_number(raw.value, lang=lang)
                alt = number if math.isclose(value, number / 100) else number / 100
                self.at(
                    "percent-as-whole-number",
                    MESSAGES["percent-as-whole-number"],
                    raw,
                    spec,
                    read=fmt_pct(value, self.lang),
                    alt=fmt_pct(alt, self.lang),
                )
            return value
        value = parse_number(raw.value, lang=lang)
        self._number_word(spec, raw, value)
        return value

    def _number_word(self, spec, raw: RawCell, value: float) -> None:
        """Once per workbook: the first amount typed with a number word says how it was read."""
        if self.words_warned or not isinstance(raw.value, str):
            return
        word = number_word(raw.value, lang=self.read_lang)
        if word is None:
            return
        self.words_warned = True
        letters = MULTIPLIER_LETTERS.get(self.read_lang, {})
        by_factor: dict[int, list[str]] = {}
        for w, factor in (*letters.items(), *MULTIPLIER_WORDS.items()):
            by_factor.setdefault(factor, []).append(w)
        words = "; ".join(
            f"{'/'.join(ws)} = {fmt_num(factor, self.lang)}"
            for factor, ws in sorted(by_factor.items())
        )
        self.at(
            "number-words-as-multipliers",
            MESSAGES["number-words-as-multipliers"],
            raw,
            spec,
            read=fmt_num(value, self.lang),
            words=words,
        )

    def _ambiguous_date(self, spec, raw: RawCell) -> None:
        both = ambiguous_date(raw.value)
        if both is None:
            return
        read, alt = both
        self.at(
            "ambiguous-date",
            MESSAGES["ambiguous-date"],
            raw,
            spec,
            read=self._long_date(read),
            alt=self._long_date(alt),
            alt_iso=alt.isoformat(),
        )

    def _long_date(self, day: date) -> str:
        months = MONTH_NAMES.get(self.lang, MONTH_NAMES["en"])
        return f"{day.day} {months[day.month - 1]} {day.year}"

    def _in_range(self, spec, raw: RawCell, value: float, kind: str) -> bool:
        lo, hi = spec.min, spec.max
        low_bad = lo is not None and (
            value <= lo if getattr(spec, "min_exclusive", False) else value < lo
        )
        if not low_bad and not (hi is not None and value > hi):
            return True
        code = "negative-amount" if spec.key in MONEY_KEYS and value < 0 else "out-of-range"
        # A percent cell holding 0.99 is shown as the user sees it in Excel: 99%.
        numeric = isinstance(raw.value, int | float) and not isinstance(raw.value, bool)
        self.at(
            code,
            MESSAGES[code],
            raw,
            spec,
            expected=expected(spec, self.lang, percent=kind == "percent"),
            **({"shown": fmt_pct(value, self.lang)} if kind == "percent" and numeric else {}),
        )
        return False


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value
