"""Domain warnings from DOMAIN.md: the hidden-cost checklist (one warning per option listing every
item it lacks), 24/7 attrition, benchmarks, repeated lines. They never block the report; each
points at the most useful cell."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import schema
from ..model.inputs import Profile
from ..numbers import Numbers, fmt_num, fmt_pct
from ..schema import T
from .cells import BAD, Checker
from .tables import Row, fold_name

HIDDEN_COSTS_MISSING = T(
    "{place}: option {value} ({type}) has no cost line for {count} of the {total} items of the "
    "hidden-cost checklist: {items}. These costs are often forgotten; add each one (set Cost "
    "type, or name it in Item), or a line with amount 0 to show it was considered.",
    "{place}: opsi {value} ({type}) tidak punya baris biaya untuk {count} dari {total} butir "
    "daftar biaya tersembunyi: {items}. Biaya ini sering terlupa; tambahkan masing-masing (isi "
    "Jenis biaya, atau sebut di Item), atau baris dengan jumlah 0 untuk menunjukkan sudah "
    "dipertimbangkan.",
)
ROUND_THE_CLOCK = T("{channels} open round the clock", "{channels} buka sepanjang waktu")
ATTRITION_24_7 = T(
    "{place}: option “{option}” runs {channels} 24/7 in-house with an attrition of {value_pct} per "
    "year; night shifts raise turnover, so a higher figure is usually more realistic.",
    "{place}: opsi “{option}” menjalankan {channels} 24/7 secara internal dengan atrisi "
    "{value_pct} per tahun; sif malam menaikkan perputaran karyawan, jadi angka yang lebih "
    "tinggi biasanya lebih realistis.",
)
PARALLEL_RUN = T(
    "{place}: option “{option}” has {months} transition month(s), but the baseline “{baseline}” "
    "is not already running, so nothing runs beside it: no parallel run is charged.",
    "{place}: opsi “{option}” memiliki {months} bulan transisi, tetapi opsi pembanding “{baseline}” "
    "belum berjalan, jadi tidak ada yang berjalan berdampingan: tidak ada biaya operasi paralel.",
)
VENDOR_RATE = T(
    "{place}: {value} per agent hour is about USD {usd} at {rate} {currency} per USD, outside "
    "the USD {low}-{high} usually reported for vendors. Check the amount, the basis and the rate.",
    "{place}: {value} per jam agen setara sekitar USD {usd} dengan kurs {unit} {rate} per "
    "USD, di luar kisaran USD {low}-{high} yang lazim untuk penyedia BPO. Periksa jumlah, dasar dan "
    "kursnya.",
)
PRODUCTIVITY = T(
    "{place}: an AHT of {value} minutes with concurrency {concurrency} and occupancy {occupancy} "
    "means about {rate} contacts per agent hour; {kind} channels usually handle {low}-{high}. "
    "Check the handling time.",
    "{place}: AHT {value} menit dengan konkurensi {concurrency} dan okupansi {occupancy} berarti "
    "sekitar {rate} kontak per jam agen; saluran {kind} biasanya {low}-{high}. Periksa waktu "
    "penanganannya.",
)
KINDS = {
    "phone": T("phone", "telepon"),
    "walk-in": T("walk-in", "tatap muka"),
    "online": T("online", "daring"),
}
DUPLICATE_LINE = T(
    "{place}: this line repeats row {first} (same option, category, item, basis and amount), so "
    "it is counted twice. Delete one, or tell them apart in Item.",
    "{place}: baris ini mengulang baris {first} (opsi, kategori, item, dasar dan jumlah sama), "
    "jadi dihitung dua kali. Hapus salah satu, atau bedakan di Item.",
)
PRODUCTIVITY_TOLERANCE = 1.5
"""'Far outside' the benchmark: below low / 1.5 or above high x 1.5."""
NORMAL_ATTRITION = 0.30
"""The schema's in-house default; 24/7 at or below it deserves a warning."""
_NOT_THE_RATE = frozenset({"premium_services", "night_premium", "transaction_fees"})


def _ok(*values: Any) -> bool:
    return all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values)


def check_domain(
    ck: Checker,
    project: Mapping[str, Any],
    channels: list[Row],
    options: list[Row],
    costs: list[Row],
    *,
    costs_read: bool = True,
    version: int = 1,
) -> None:
    """`costs_read` False: the cost table itself is missing (reported as such), so every option
    would "lack" every hidden cost; those warnings would only bury the one error that matters."""
    if costs_read:
        _hidden_costs(ck, channels, options, costs)
    _attrition_24_7(ck, channels, options)
    if version >= 2:
        _parallel_run(ck, project, options)
    _vendor_rates(ck, project, options, costs)
    _productivity(ck, channels)
    _duplicate_lines(ck, costs)


def _lines_by_option(costs: list[Row]) -> dict[str, list[tuple[str, Any]] | None]:
    """(cost type, basis) of each line per option; None for an option with a line whose type is
    unknown, and {"": None} when a line names no known option."""
    out: dict[str, list[tuple[str, Any]] | None] = {}
    for row in costs:
        option, ctype = row.values.get("option"), row.values.get("cost_type")
        if option is BAD:
            # A line whose option is unknown may be the very line another option lacks.
            return {name: None for name in out} | {"": None}
        if not _ok(option):
            continue
        lines = out.setdefault(option, [])
        if lines is None:
            continue
        if _ok(ctype):
            lines.append((ctype, row.values.get("basis")))
        else:
            out[option] = None
    return out


def missing_checklist(
    option_type: str,
    lines: list[tuple[str, Any]],
    *,
    transition_months: Any = 0,
    round_the_clock: bool = False,
) -> list[str]:
    """The codes of the hidden-cost checklist (DOMAIN.md) an option lacks, in checklist order,
    by the rules the report uses too (schema.covers, schema.checklist_for): a per-hire line covers attrition
    replacement, transition months are a parallel run, and the night/weekend premium is on the
    list only when a channel is open round the clock."""
    months = transition_months if _ok(transition_months) else 0
    return [
        t.code
        for t in schema.checklist_for(option_type, round_the_clock=round_the_clock)
        if not schema.covers(t.code, "", None, months)
        and not any(schema.covers(t.code, ctype, basis) for ctype, basis in lines)
    ]


def _hidden_costs(ck: Checker, channels: list[Row], options: list[Row], costs: list[Row]) -> None:
    """`hidden-costs-missing`: one warning per option listing every checklist item it lacks."""
    present = _lines_by_option(costs)
    labels = {t.code: t.label for t in schema.COST_TYPES}
    full = _round_the_clock_channels(channels)
    for row in options:
        name, otype = row.values.get("option"), row.values.get("type")
        if not _ok(name, otype) or otype not in ("in-house", "outsourced"):
            continue
        if "" in present or (name in present and present[name] is None):
            continue  # a line without a readable Item was reported; do not guess what it was
        if name not in present and present:
            continue  # option-without-costs (an error) says it; "lacks every type" adds nothing
        missing = missing_checklist(
            otype,
            present.get(name) or [],
            transition_months=row.values.get("transition_months"),
            round_the_clock=bool(full),
        )
        if not missing:
            continue
        total = sum(1 for t in schema.checklist_types(otype) if t.code != "night_premium" or full)
        items = [labels[c](ck.lang) for c in missing]
        if "night_premium" in missing:
            at = missing.index("night_premium")
            clock = ROUND_THE_CLOCK(ck.lang).format(channels=", ".join(full))
            items[at] = f"{items[at]} ({clock})"
        ck.at(
            "hidden-costs-missing",
            HIDDEN_COSTS_MISSING,
            row.cell("option"),
            schema.OPTIONS.column("option"),
            count=len(missing),
            total=total,
            items=", ".join(items),
            type=schema.choice_label(schema.OPTION_TYPES, otype, ck.lang),
        )


def _open_hours(row: Row) -> Any:
    """A channel's hours per week: its profile's open hours when it has one (the profile wins)."""
    profile = row.values.get("profile")
    if isinstance(profile, Profile):
        return profile.open_hours
    return row.values.get("hours_per_week")


def _round_the_clock_channels(channels: list[Row]) -> list[str]:
    """Channels open every hour of the week, by their profile or by 168 hours a week without one
    (as model.demand.open_all_week)."""
    return [
        r.values["channel"]
        for r in channels
        if _ok(r.values.get("channel"), _open_hours(r)) and _open_hours(r) >= 168
    ]


def _parallel_run(ck: Checker, project, options) -> None:
    """DESIGN §8: a parallel run only beside a baseline that already runs (v2 workbooks)."""
    baseline = project.get("baseline_option")
    base = next((r for r in options if r.values.get("option") == baseline), None)
    if base is None or base.values.get("already_running") != "yes":
        for row in options:
            v = row.values
            months = v.get("transition_months")
            if v.get("option") == baseline or not _ok(months, v.get("option")) or months <= 0:
                continue
            cell = row.cell("transition_months") or row.cell("option")
            ck.add(
                "parallel-run-without-running-baseline",
                PARALLEL_RUN,
                sheet=cell.sheet,
                cell=cell.ref,
                field="transition_months",
                value=months,
                option=v["option"],
                months=months,
                baseline=baseline,
                place=ck.place(cell, schema.OPTIONS.column("transition_months").header),
            )


def _attrition_24_7(ck: Checker, channels, options) -> None:
    full = _round_the_clock_channels(channels)
    if not full:
        return
    names = ", ".join(full)
    for row in options:
        v = row.values
        if v.get("type") != "in-house" or not _ok(v.get("option")):
            continue
        attrition = v.get("attrition")
        if _ok(attrition) and attrition <= NORMAL_ATTRITION + 1e-9:
            cell = row.cell("attrition")
            if cell is None or cell.value is None:
                cell = row.cell("option")
            ck.add(
                "attrition-24-7",
                ATTRITION_24_7,
                sheet=cell.sheet,
                cell=cell.ref,
                field="attrition",
                value=attrition,
                option=v["option"],
                channels=names,
                value_pct=fmt_pct(attrition, ck.lang),
                place=ck.place(cell, schema.OPTIONS.column("attrition").header),
            )


def _vendor_rates(ck: Checker, project, options, costs) -> None:
    usd_rate = project.get("usd_rate")
    if not _ok(usd_rate) or usd_rate <= 0:
        return
    outsourced = {r.values["option"] for r in options if r.values.get("type") == "outsourced"}
    low, high = schema.VENDOR_RATE_USD
    for row in costs:
        v = row.values
        if (
            v.get("option") not in outsourced
            or v.get("basis") != "per_agent_hour"
            or v.get("cost_type") in _NOT_THE_RATE
            or not _ok(v.get("amount"))
        ):
            continue
        usd = v["amount"] / usd_rate
        if not low <= usd <= high:
            currency = project.get("currency") or ""
            ck.at(
                "vendor-rate-benchmark",
                VENDOR_RATE,
                row.cell("amount"),
                schema.COSTS.column("amount"),
                usd=fmt_num(round(usd, 2), ck.lang),
                rate=fmt_num(usd_rate, ck.lang),
                currency=currency,
                unit=Numbers(lang=ck.lang, currency=currency).currency_unit if currency else "",
                low=fmt_num(low, ck.lang),
                high=fmt_num(high, ck.lang),
            )


def _productivity(ck: Checker, channels: list[Row]) -> None:
    for row in channels:
        v = row.values
        keys = ("channel", "mode", "aht_minutes", "concurrency", "max_occupancy")
        if not all(_ok(v.get(k)) for k in keys) or v["aht_minutes"] <= 0:
            continue
        rate = 60.0 / v["aht_minutes"] * v["concurrency"] * v["max_occupancy"]
        kind = schema.channel_kind(v["channel"], v["mode"])
        low, high = schema.CONTACTS_PER_AGENT_HOUR[kind]
        if low / PRODUCTIVITY_TOLERANCE <= rate <= high * PRODUCTIVITY_TOLERANCE:
            continue
        lang = ck.lang
        ck.at(
            "productivity-benchmark",
            PRODUCTIVITY,
            row.cell("aht_minutes"),
            schema.CHANNELS.column("aht_minutes"),
            concurrency=fmt_num(v["concurrency"], lang),
            occupancy=fmt_pct(v["max_occupancy"], lang),
            rate=fmt_num(round(rate, 1), lang),
            kind=KINDS[kind](lang),
            low=fmt_num(low, lang),
            high=fmt_num(high, lang),
        )


def _duplicate_lines(ck: Checker, costs: list[Row]) -> None:
    seen: dict[tuple, int] = {}
    for row in costs:
        v = row.values
        key = tuple(v.get(k) for k in ("option", "category", "item", "basis", "amount", "channel"))
        if not _ok(*key[:5]):
            continue
        key = (*key[:2], fold_name(key[2]), *key[3:])
        if key in seen:
            ck.at(
                "duplicate-line",
                DUPLICATE_LINE,
                row.cell("item"),
                schema.COSTS.column("item"),
                first=seen[key],
            )
        else:
            seen[key] = row.raw.number
