"""Rows of tbl_channels and tbl_options: typed, checked, defaults applied, names unique."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import schema, values
from ..raw import RawCell, RawRow, RawTable
from ..schema import T, Text
from .cells import BAD, PLACE_TABLE, Checker

V1_CHANNEL = {
    "profile": None,
    "seasonality": None,
    "complex_share": 0.0,
    "complex_aht_factor": 1.5,
    "patience_seconds": None,
}
"""What a version 1 workbook means by the channel columns version 2 added: exactly the v1 model."""

DUPLICATE = T(
    "{place}: the name {value} is used already in row {first}; each {what} needs its own name.",
    "{place}: nama {value} sudah dipakai di baris {first}; setiap {what} perlu nama sendiri.",
)
WHAT = {
    "channel": T("channel", "saluran"),
    "option": T("option", "opsi"),
    "hybrid": T("hybrid", "hibrida"),
}
EMPTY_TABLE = T(
    "{place} has no {what}; add at least one row.",
    "{place} tidak berisi {what}; tambahkan paling sedikit satu baris.",
)
UNREACHABLE_SL = T(
    "{place}: a service level of 100% cannot be reached by any number of agents, because in a "
    "queue some contacts always wait a moment; expected a target below 100%, such as 90% or 95%.",
    "{place}: tingkat layanan 100% tidak dapat dicapai berapa pun jumlah agennya, karena dalam "
    "antrean selalu ada kontak yang menunggu sebentar; yang diharapkan target di bawah 100%, "
    "misalnya 90% atau 95%.",
)


@dataclass(kw_only=True)
class Row:
    """One table row being validated: typed values by column key (BAD when unreadable)."""

    raw: RawRow
    values: dict[str, Any] = field(default_factory=dict)
    typed_end: bool = False
    """Cost lines: the End month was typed (not left to its default)."""

    def cell(self, key: str) -> RawCell | None:
        return self.raw.cells.get(key)

    @property
    def ok(self) -> bool:
        return all(v is not BAD for v in self.values.values())


def fold_name(name: object) -> str:
    """Names (options, channels, score headers) are matched case- and space-insensitively."""
    return values.fold_name(name)


def first_cell_ref(table: RawTable) -> str:
    """The first data cell of a table: where an 'empty table' issue points."""
    letters = sorted(table.columns.values(), key=lambda c: (len(c), c))
    return f"{letters[0] if letters else 'A'}{table.header_row + 1}"


def read_rows(ck: Checker, table: RawTable | None, spec: schema.Table, *, skip=()) -> list[Row]:
    """Every row of `table` read per the schema columns (except `skip`), blanks left as None."""
    if table is None:
        return []
    wanted = [col for col in spec.columns if col.key not in skip]
    # A column the reader did not find was reported by it; its rows take the default.
    present = [col for col in wanted if col.key in table.columns]
    absent = dict.fromkeys(col.key for col in wanted if col.key not in table.columns)
    order = [col.key for col in wanted]
    rows = []
    for raw_row in table.rows:
        values = ck.read_row(present, raw_row.cells)
        if absent:
            values = {key: values.get(key) for key in order}
        rows.append(Row(raw=raw_row, values=values))
    return rows


def check_unique(ck: Checker, rows: list[Row], spec: schema.Table, key: str, code: str) -> None:
    seen: dict[str, int] = {}
    col = spec.column(key)
    for row in rows:
        name = row.values.get(key)
        # A row without a name (blank, or its key column renamed away: missing-column says so)
        # is no one's duplicate.
        if not isinstance(name, str) or not name.strip():
            continue
        folded = fold_name(name)
        if folded in seen:
            ck.at(code, DUPLICATE, row.cell(key), col, first=seen[folded], what=WHAT[key](ck.lang))
            row.values[key] = BAD
        else:
            seen[folded] = row.raw.number


def check_not_empty(
    ck: Checker, table: RawTable | None, rows: list[Row], key: str, code: str, what: Text
) -> None:
    """A table without a single named row is an error (a missing table was reported already)."""
    if table is None or key not in table.columns:
        return  # the reader reported the missing table or column
    if any(isinstance(r.values.get(key), str) or not r.ok for r in rows):
        return
    place = PLACE_TABLE(ck.lang).format(table=table.name, sheet=table.sheet)
    ck.add(
        code,
        EMPTY_TABLE,
        sheet=table.sheet,
        cell=first_cell_ref(table),
        field=table.name,
        place=place,
        what=what(ck.lang),
    )


# -------------------------------------------------------------------------------------- channels
def read_channels(
    ck: Checker, table: RawTable | None, version: int = schema.TEMPLATE_VERSION
) -> list[Row]:
    """Channel rows; Profile and Seasonality stay names (or None) until resolved."""
    spec = schema.in_version(schema.CHANNELS, version)
    rows = read_rows(ck, table, spec)
    for row in rows:
        v = row.values
        mode = v.get("mode") if v.get("mode") in ("live", "deferred") else "live"
        for col in spec.columns:
            # The name stays None when its column is missing: no default names a channel;
            # profile and pattern are resolved later.
            unnamed = col.key == "channel" or col.kind in ("profile", "pattern")
            if v.get(col.key) is None and not unnamed:
                v[col.key] = _default(col, mode)
        for key, value in V1_CHANNEL.items():
            v.setdefault(key, value)
        # Erlang C never reaches 100%: the model would stop at a float tolerance with absurd
        # staffing (20 agents for 2 Erlangs), so a live queue needs a target below it.
        level = v.get("service_level")
        if mode == "live" and isinstance(level, float | int) and level >= 1.0:
            ck.at(
                "unreachable-service-level",
                UNREACHABLE_SL,
                row.cell("service_level"),
                spec.column("service_level"),
            )
            v["service_level"] = BAD
    check_unique(ck, rows, spec, "channel", "duplicate-channel")
    check_not_empty(ck, table, rows, "channel", "no-channels", WHAT["channel"])
    return rows


# --------------------------------------------------------------------------------------- options
def read_options(
    ck: Checker, table: RawTable | None, version: int = schema.TEMPLATE_VERSION
) -> list[Row]:
    """Option rows; `already_running` stays None when blank (it depends on the baseline).

    A version 1 workbook has no `Flexes monthly`: no option flexes, as in version 1."""
    spec = schema.in_version(schema.OPTIONS, version)
    rows = read_rows(ck, table, spec)
    for row in rows:
        v = row.values
        otype = v.get("type") if v.get("type") in ("in-house", "outsourced") else "in-house"
        for col in spec.columns:
            # The name stays None when its column is missing: no default names an option.
            if v.get(col.key) is None and col.key not in ("already_running", "option"):
                v[col.key] = _default(col, otype)
        v.setdefault("flexes_monthly", "no")
    check_unique(ck, rows, spec, "option", "duplicate-option")
    check_not_empty(ck, table, rows, "option", "no-options", WHAT["option"])
    return rows


def option_index(rows: list[Row]) -> Mapping[str, Row]:
    """Folded option name -> row, for the options whose name was read."""
    return {fold_name(r.values["option"]): r for r in rows if isinstance(r.values["option"], str)}


def _default(col: schema.Column, kind: str) -> Any:
    if isinstance(col.default, dict):
        return col.default[kind]
    if col.default is None and col.kind == "text":
        return ""
    return col.default
