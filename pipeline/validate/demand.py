"""Demand by hour of the week (template version 2, DESIGN §8): the Profiles and Seasonality tables,
and each channel's Profile and Seasonality, and the Project's business hours, resolved to a table
row or a built-in.

A channel names a profile or pattern by the name in the workbook's own table, or by a built-in's EN
or ID label (the workbook's row wins when it has one), case- and space-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import schema, values
from ..model.inputs import Profile, Seasonality
from ..numbers import fmt_num
from ..raw import RawCell, RawTable
from ..schema import T
from .cells import BAD, Checker, show
from .tables import Row, read_rows

UNKNOWN = {
    "profile": T(
        "{place}: {value} is neither a profile of sheet {target} nor a built-in one; expected one "
        "of: {expected}; or blank (contacts spread evenly over Hours per week).",
        "{place}: {value} bukan profil di lembar {target} maupun profil bawaan; yang diharapkan "
        "salah satu dari: {expected}; atau kosong (kontak dibagi rata sepanjang Jam per minggu).",
    ),
    "seasonality": T(
        "{place}: {value} is neither a pattern of sheet {target} nor a built-in one; expected one "
        "of: {expected}; or blank (the same volume every month).",
        "{place}: {value} bukan pola di lembar {target} maupun pola bawaan; yang diharapkan salah "
        "satu dari: {expected}; atau kosong (volume sama setiap bulan).",
    ),
}
UNKNOWN_BUSINESS_HOURS = T(
    "{place}: {value} is neither a profile of sheet {target} nor a built-in one; expected one of: "
    "{expected}; or blank (Office hours, Mon-Fri 08-17).",
    "{place}: {value} bukan profil di lembar {target} maupun profil bawaan; yang diharapkan salah "
    "satu dari: {expected}; atau kosong (Jam kantor, Sen-Jum 08-17).",
)
NEGATIVE_WEIGHT = T(
    "{place}: the weight {value} of profile {profile} on {day} at {hour}:00 is negative; expected "
    "0 (closed) or a number above 0.",
    "{place}: bobot {value} profil {profile} pada {day} pukul {hour}.00 bernilai negatif; yang "
    "diharapkan 0 (tutup) atau angka di atas 0.",
)
DUPLICATE_DAY = T(
    "{place}: profile {profile} has a row for {value} already (row {first}); a profile has one "
    "row per day. Delete one of them.",
    "{place}: profil {profile} sudah punya baris untuk {value} (baris {first}); satu profil "
    "punya satu baris per hari. Hapus salah satunya.",
)
DAY_MISSING = T(
    "{place}: profile {value} has no row for {days}, so it is closed on those days. Add a row "
    "for each day it is open.",
    "{place}: profil {value} tidak punya baris untuk {days}, jadi tutup pada hari-hari itu. "
    "Tambahkan baris untuk setiap hari buka.",
)
ALL_ZERO = T(
    "{place}: profile {profile} (sheet {target}) has no hour with a weight above 0, so the "
    "{volume} contacts a month of this channel would never arrive. Give its open hours a weight "
    "above 0, or choose another profile.",
    "{place}: profil {profile} (lembar {target}) tidak punya jam dengan bobot di atas 0, jadi "
    "{volume} kontak per bulan saluran ini tidak pernah datang. Beri jam bukanya bobot di atas "
    "0, atau pilih profil lain.",
)
HOURS_DIFFER = T(
    "{place}: {value} hours per week, but profile {profile} is open {open} hours a week (the "
    "hours with a weight above 0). The profile wins: the channel is staffed in its {open} open "
    "hours. Type {open} here, or choose another profile.",
    "{place}: {value} jam per minggu, tetapi profil {profile} buka {open} jam per minggu (jam "
    "dengan bobot di atas 0). Profil yang dipakai: saluran diisi staf pada {open} jam bukanya. "
    "Ketik {open} di sini, atau pilih profil lain.",
)
NOT_POSITIVE = T(
    "{place}: pattern {pattern} has {found} for {month}; a pattern needs twelve values above 0, "
    "one per month (1 = an average month).",
    "{place}: pola {pattern} berisi {found} untuk {month}; sebuah pola perlu dua belas nilai di "
    "atas 0, satu per bulan (1 = bulan rata-rata).",
)
NOTHING = T("nothing", "kosong")
DUPLICATE_PATTERN = T(
    "{place}: the pattern {value} is defined already in row {first}; each pattern needs its own "
    "name.",
    "{place}: pola {value} sudah ada di baris {first}; setiap pola perlu nama sendiri.",
)
PATIENCE = T(
    "{place}: {value} is not a patience; expected a number of seconds above 0 (how long a "
    "waiting customer stays on average), or blank if nobody hangs up.",
    "{place}: {value} bukan angka kesabaran; yang diharapkan jumlah detik di atas 0 (rata-rata "
    "berapa lama pelanggan mau menunggu), atau kosong bila tidak ada yang menutup.",
)


def name_key(name: object) -> str:
    """Profile and pattern names match case-, accent- and space-insensitively (`fold_name`,
    which unlike `schema.fold` keeps non-Latin letters apart)."""
    return values.fold_name(name).replace(" ", "")


@dataclass(kw_only=True)
class Shape:
    """One profile or pattern of the workbook's table, as read."""

    name: str
    value: Any
    """The Profile or Seasonality; BAD when one of its cells has an error."""
    row: Row
    """Its first row (where an issue about the whole profile points)."""


@dataclass(kw_only=True)
class Shapes:
    """The workbook's profiles or patterns by name key, in table order, and where they live."""

    by_key: dict[str, Shape] = field(default_factory=dict)
    sheet: str = ""

    def built(self) -> tuple[Any, ...]:
        return tuple(s.value for s in self.by_key.values() if s.value is not BAD)


# ------------------------------------------------------------------------------------- profiles
def read_profiles(ck: Checker, table: RawTable | None, sheet: str) -> Shapes:
    """tbl_profiles: seven rows per profile (Mon..Sun), 24 weights each; a missing day is closed."""
    spec = schema.PROFILES
    rows = read_rows(ck, table, spec)
    groups: dict[str, list[Row]] = {}
    for row in rows:
        v = row.values
        name = v.get("profile")
        day = v.get("day")
        for key in schema.HOUR_KEYS:
            weight = v.get(key)
            if isinstance(weight, int | float) and weight < 0:
                ck.at(
                    "negative-weight",
                    NEGATIVE_WEIGHT,
                    row.cell(key),
                    spec.column(key),
                    profile=show(name, ck.lang) if isinstance(name, str) else "?",
                    day=_day_label(day, ck.lang),
                    hour=key[1:],
                )
                v[key] = BAD
        if isinstance(name, str):
            groups.setdefault(name_key(name), []).append(row)
    out = Shapes(sheet=table.sheet if table else sheet)
    for key, group in groups.items():
        out.by_key[key] = _profile(ck, group)
    return out


def _day_label(code: object, lang: str) -> str:
    if isinstance(code, str) and code in schema.DAY_CODES:
        return schema.DAYS[schema.DAY_CODES.index(code)](lang)
    return "?"


def _profile(ck: Checker, group: list[Row]) -> Shape:
    spec = schema.PROFILES
    name = group[0].values["profile"]
    days: dict[str, Row] = {}
    bad = False
    for row in group:
        day = row.values.get("day")
        if not isinstance(day, str):
            bad = True  # missing-value or unknown-day was reported
            continue
        if day in days:
            ck.at(
                "duplicate-profile-day",
                DUPLICATE_DAY,
                row.cell("day"),
                spec.column("day"),
                profile=show(name, ck.lang),
                first=days[day].raw.number,
            )
            bad = True
            continue
        days[day] = row
        bad = bad or not row.ok
    if bad:
        return Shape(name=name, value=BAD, row=group[0])
    missing = [c for c in schema.DAY_CODES if c not in days]
    if missing:
        cell = group[0].cell("profile")
        ck.at(
            "profile-day-missing",
            DAY_MISSING,
            cell,
            spec.column("profile"),
            days=", ".join(_day_label(c, ck.lang) for c in missing),
        )
    weights = tuple(
        float(days[d].values.get(h) or 0.0) if d in days else 0.0
        for d in schema.DAY_CODES
        for h in schema.HOUR_KEYS
    )
    return Shape(name=name, value=Profile(name=name, weights=weights), row=group[0])


# ------------------------------------------------------------------------------------- patterns
def read_patterns(ck: Checker, table: RawTable | None, sheet: str) -> Shapes:
    """tbl_seasonality: one row per pattern, twelve values above 0, normalised to a mean of 1."""
    spec = schema.SEASONALITY
    out = Shapes(sheet=table.sheet if table else sheet)
    for row in read_rows(ck, table, spec):
        v = row.values
        name = v.get("pattern")
        label = show(name, ck.lang) if isinstance(name, str) else "?"
        bad = not row.ok
        for key, month in zip(schema.MONTH_KEYS, schema.MONTHS, strict=True):
            x = v.get(key)
            if x is BAD or (isinstance(x, int | float) and x > 0):
                continue
            cell = row.cell(key) or row.cell("pattern")
            if cell is None:
                continue
            ck.at(
                "pattern-not-positive",
                NOT_POSITIVE,
                cell,
                spec.column(key) if row.cell(key) else spec.column("pattern"),
                pattern=label,
                month=month(ck.lang),
                found=NOTHING(ck.lang) if x is None else fmt_num(x, ck.lang),
            )
            bad = True
        if not isinstance(name, str):
            continue
        key = name_key(name)
        if key in out.by_key:
            ck.at(
                "duplicate-pattern",
                DUPLICATE_PATTERN,
                row.cell("pattern"),
                spec.column("pattern"),
                first=out.by_key[key].row.raw.number,
            )
            continue
        value = BAD if bad else _pattern(name, [v[k] for k in schema.MONTH_KEYS])
        out.by_key[key] = Shape(name=name, value=value, row=row)
    return out


def _pattern(name: str, months: list[float]) -> Seasonality:
    mean = sum(months) / len(months)
    return Seasonality(name=name, factors=tuple(m / mean for m in months))


# ------------------------------------------------------------------------------------ channels
def check_patience(ck: Checker, rows: list[Row]) -> None:
    """Patience must be above 0 (blank = nobody hangs up)."""
    column = schema.CHANNELS.column("patience_seconds")
    for row in rows:
        patience = row.values.get("patience_seconds")
        if isinstance(patience, int | float) and patience <= 0:
            ck.at("patience-not-positive", PATIENCE, row.cell("patience_seconds"), column)
            row.values["patience_seconds"] = BAD


def resolve_channels(
    ck: Checker, rows: list[Row], profiles: Shapes, patterns: Shapes, lang: str
) -> None:
    """Each channel's Profile and Seasonality cell -> Profile / Seasonality / None (blank) / BAD.

    Built-ins not in the workbook's table take their label in `lang` (the workbook's language).
    A blank Hours per week becomes the profile's open hours; a typed one that disagrees warns.
    """
    for row in rows:
        v = row.values
        v["profile"] = _resolve(ck, row, "profile", profiles, schema.BUILTIN_PROFILES, lang)
        v["seasonality"] = _resolve(ck, row, "seasonality", patterns, schema.BUILTIN_PATTERNS, lang)
        if isinstance(v["profile"], Profile):
            _check_profile_use(ck, row, v["profile"], profiles.sheet)


def _resolve(ck: Checker, row: Row, key: str, table: Shapes, builtins, lang: str) -> Any:
    given = row.values.get(key)
    if given is BAD:
        return BAD
    if not isinstance(given, str) or not given.strip():
        return None
    found = find_shape(given, table, builtins, lang)
    if found is not None:
        return found
    code = "unknown-profile" if key == "profile" else "unknown-pattern"
    ck.at(
        code,
        UNKNOWN[key],
        row.cell(key),
        schema.CHANNELS.column(key),
        target=table.sheet,
        expected=_names(table, builtins, ck.lang),
    )
    return BAD


def find_shape(given: str, table: Shapes, builtins, lang: str) -> Any:
    """The workbook's profile or pattern named `given`, else the built-in of that code or EN/ID
    label (the workbook's own row of it, under either label, wins); None when there is none.
    A built-in not in the table takes its label in `lang`; the value is BAD when the row is."""
    found = table.by_key.get(name_key(given))
    if found is not None:
        return found.value
    for b in builtins:
        forms = {name_key(b.code), name_key(b.label.en), name_key(b.label.id)}
        if name_key(given) not in forms:
            continue
        # The workbook's row of this built-in (under either label) wins over the built-in itself.
        for form in (name_key(b.label.en), name_key(b.label.id)):
            if form in table.by_key:
                return table.by_key[form].value
        return _builtin(b, lang)
    return None


def _names(table: Shapes, builtins, lang: str) -> str:
    """The names a cell may give: the table's, then the built-ins it does not redefine."""
    names = [s.name for s in table.by_key.values()]
    taken = {name_key(n) for n in names}
    names += [b.label(lang) for b in builtins if name_key(b.label(lang)) not in taken]
    return ", ".join(names)


def resolve_business_hours(
    ck: Checker, cell: RawCell | None, given: Any, profiles: Shapes, lang: str
) -> Any:
    """The Project value `business_hours` -> a Profile (blank = the built-in Office hours, or the
    workbook's row of it), or BAD when it names no profile (`unknown-profile` at the cell)."""
    if given is BAD:
        return BAD
    if not isinstance(given, str) or not given.strip():
        given = schema.FIELDS_BY_KEY["business_hours"].default
    found = find_shape(given, profiles, schema.BUILTIN_PROFILES, lang)
    if found is not None:
        return found
    if cell is not None:
        ck.at(
            "unknown-profile",
            UNKNOWN_BUSINESS_HOURS,
            cell,
            schema.FIELDS_BY_KEY["business_hours"],
            target=profiles.sheet,
            expected=_names(profiles, schema.BUILTIN_PROFILES, ck.lang),
        )
    return BAD


def _builtin(b, lang: str) -> Profile | Seasonality:
    if isinstance(b, schema.BuiltinProfile):
        weights = tuple(float(w) for day in b.days for w in day)
        return Profile(name=b.label(lang), weights=weights)
    return _pattern(b.label(lang), list(b.months))


def _check_profile_use(ck: Checker, row: Row, profile: Profile, sheet: str) -> None:
    v = row.values
    volume = v.get("monthly_volume")
    if profile.open_hours == 0:
        if isinstance(volume, int | float) and volume > 0:
            ck.at(
                "profile-all-zero",
                ALL_ZERO,
                row.cell("profile"),
                schema.CHANNELS.column("profile"),
                profile=show(profile.name, ck.lang),
                target=sheet,
                volume=fmt_num(volume, ck.lang),
            )
            v["profile"] = BAD
        return
    hours = v.get("hours_per_week")
    cell: RawCell | None = row.cell("hours_per_week")
    if cell is None or values.is_blank(cell.value):
        if hours is not BAD:
            v["hours_per_week"] = float(profile.open_hours)
        return
    if isinstance(hours, int | float) and abs(hours - profile.open_hours) >= 0.5:
        ck.at(
            "hours-differ-from-profile",
            HOURS_DIFFER,
            cell,
            schema.CHANNELS.column("hours_per_week"),
            profile=show(profile.name, ck.lang),
            open=fmt_num(profile.open_hours, ck.lang),
        )


def template_version(raw_version: object) -> int:
    """The workbook's template version when readable, else the current one (the reader has
    reported the wrong version as an error)."""
    try:
        number = float(str(raw_version).strip())
    except ValueError:
        return schema.TEMPLATE_VERSION
    return int(number) if number in schema.READABLE_VERSIONS else schema.TEMPLATE_VERSION
