"""Rows of tbl_costs: typed, references resolved, defaults by option type, month rules."""

from __future__ import annotations

from collections.abc import Mapping

from .. import schema
from ..numbers import fmt_num
from ..raw import RawTable
from ..schema import T
from .cells import BAD, Checker
from .tables import Row, check_not_empty, fold_name, read_rows

UNKNOWN_REF = T(
    "{place}: {value} is not {what} of sheet {target}; expected one of: {expected}.",
    "{place}: {value} bukan {what} di lembar {target}; yang diharapkan salah satu dari: {expected}.",
)
WHAT_REF = {"option": T("an option", "opsi"), "channel": T("a channel", "saluran")}
START_AFTER_END = T(
    "{place}: the line ends in month {value} but starts in month {start}; the end month must not "
    "come before the start month.",
    "{place}: baris berakhir di bulan {value} tetapi mulai di bulan {start}; bulan akhir tidak "
    "boleh sebelum bulan mulai.",
)
START_ZERO = T(
    "{place}: month 0 (before go-live) is for one-time costs only, and this line is “{basis}”. "
    "Use month 1 or more, or make the line one-time.",
    "{place}: bulan 0 (sebelum mulai beroperasi) hanya untuk biaya sekali, sedangkan baris ini "
    "“{basis}”. Pakai bulan 1 atau lebih, atau jadikan baris ini biaya sekali.",
)
START_BEYOND = T(
    "{place}: month {value} is after the end of the horizon (month {months}); this line is never "
    "charged.",
    "{place}: bulan {value} sesudah akhir periode analisis (bulan {months}); baris ini tidak "
    "pernah "
    "dikenakan.",
)
END_BEYOND = T(
    "{place}: month {value} is after the end of the horizon (month {months}); the line is charged "
    "up to month {months} only.",
    "{place}: bulan {value} sesudah akhir periode analisis (bulan {months}); baris ini hanya "
    "dikenakan "
    "sampai bulan {months}.",
)
CHANNEL_IGNORED = T(
    "{place}: a channel only limits the usage bases (per FTE per month, per contact, per handled "
    "minute, per agent hour); on a “{basis}” line it is ignored.",
    "{place}: saluran hanya membatasi dasar pemakaian (per FTE per bulan, per kontak, per menit "
    "penanganan, per jam agen); pada baris “{basis}” saluran diabaikan.",
)
WHAT_LINE = T("cost line", "baris biaya")
CHANNEL_NOT_PRICED = T(
    "{place}: option {value} prices {priced} per use, but no per-use line prices {channels}, so "
    "the vendor would handle those contacts for nothing. Add a price line on sheet {target} (per "
    "contact, per handled minute, per agent hour or per FTE per month) with that Channel, or one "
    "without a Channel for every channel.",
    "{place}: opsi {value} memberi harga per pemakaian untuk {priced}, tetapi tidak ada baris per "
    "pemakaian untuk {channels}, sehingga penyedia menangani kontak itu tanpa biaya. Tambahkan "
    "baris harga di lembar {target} (per kontak, per menit penanganan, per jam agen atau per FTE "
    "per bulan) dengan Saluran itu, atau satu baris tanpa Saluran untuk semua saluran.",
)
A_MONTH = T("{channel} ({volume} contacts a month)", "{channel} ({volume} kontak per bulan)")
NOT_THE_PRICE = frozenset({"premium_services", "night_premium", "transaction_fees"})
"""Usage lines that add to a vendor's price rather than being it: a surcharge or a messaging
platform's fee per conversation does not price the handling of a channel."""


def read_costs(
    ck: Checker,
    table: RawTable | None,
    options: Mapping[str, Row],
    channels: Mapping[str, Row],
    *,
    months: int,
    sheets: Mapping[str, str],
    version: int = schema.TEMPLATE_VERSION,
) -> list[Row]:
    """Cost rows with option/channel names resolved to their canonical spelling.

    `options` / `channels`: folded name -> row; `sheets`: "options"/"channels" -> sheet name
    as found, for messages. A version 1 workbook has no `In a hybrid`: blank on every line.
    """
    spec = schema.in_version(schema.COSTS, version)
    rows = read_rows(ck, table, spec, skip=("amount",))
    for row in rows:
        v = row.values
        basis = v["basis"]
        # The % bases take a percent (15, "15%" or 0.15); 15 means 15% since a share above 100%
        # of labour or of other costs is not plausible. An unreadable basis reads the amount
        # leniently so that one mistake gives one issue.
        percent = basis in schema.PERCENT_BASES or basis is BAD
        present = table is not None and "amount" in table.columns
        v["amount"] = (
            ck.read_in(
                spec.column("amount"), row.raw.cells, percent_range=(0.0, 1.0) if percent else None
            )
            if present
            else None
        )
        if v["cost_type"] is BAD:  # an unknown tag is a warning: infer it instead
            v["cost_type"] = None
        row.typed_end = v["end_month"] is not None  # before the default fills it in
        _resolve(ck, row, "option", options, sheets["options"])
        _resolve(ck, row, "channel", channels, sheets["channels"])
        _defaults(row, options, months)
        _months(ck, row, months)
    check_not_empty(ck, table, rows, "option", "no-cost-lines", WHAT_LINE)
    return rows


def _resolve(ck: Checker, row: Row, key: str, index: Mapping[str, Row], sheet: str) -> None:
    name = row.values.get(key)
    if not isinstance(name, str):
        return
    target = index.get(fold_name(name))
    if target is not None:
        row.values[key] = target.values["option" if key == "option" else "channel"]
        return
    names = [r.values[key] for r in index.values()]
    ck.at(
        f"unknown-{key}",
        UNKNOWN_REF,
        row.cell(key),
        schema.COSTS.column(key),
        what=WHAT_REF[key](ck.lang),
        target=sheet,
        expected=", ".join(names) or "–",
    )
    row.values[key] = BAD


def _defaults(row: Row, options: Mapping[str, Row], months: int) -> None:
    v = row.values
    if v["quantity"] is None:
        v["quantity"] = 1.0
    if v["start_month"] is None:
        v["start_month"] = 1
    if v["end_month"] is None:
        v["end_month"] = months
    if v["notes"] is None:
        v["notes"] = ""
    if v.get("in_hybrid") is None:
        v["in_hybrid"] = ""  # the model takes the default of the cost type (v1: in full)
    v["cost_type_inferred"] = False
    if v["cost_type"] is None:
        inferred = infer_cost_type(v["item"]) if isinstance(v["item"], str) else None
        # Without a readable Item the type is unknown (not "other"): no hidden-cost warning then.
        v["cost_type"] = inferred or ("other" if isinstance(v["item"], str) else BAD)
        v["cost_type_inferred"] = inferred is not None
    if v["escalation"] is None:
        option = options.get(fold_name(v["option"])) if isinstance(v["option"], str) else None
        otype = option.values.get("type") if option else None
        if otype == "outsourced":
            v["escalation"] = "vendor"
        elif otype == "in-house":
            v["escalation"] = "wage" if v["category"] == "labour" else "general"
        else:
            v["escalation"] = BAD  # unknown option or type: reported there


_KEYWORDS = tuple((t.code, tuple(schema.fold(k) for k in t.keywords)) for t in schema.COST_TYPES)


def infer_cost_type(item: str) -> str | None:
    """schema.infer_cost_type with the keywords folded once (20,000 lines must stay fast)."""
    text = f" {schema.fold(item)} "
    for code, keywords in _KEYWORDS:
        if any(kw in text for kw in keywords):
            return code
    return None


def _months(ck: Checker, row: Row, months: int) -> None:
    v, lang = row.values, ck.lang
    start, end, basis = v["start_month"], v["end_month"], v["basis"]
    basis_label = schema.choice_label(schema.BASES, basis, lang) if isinstance(basis, str) else ""
    col = schema.COSTS.column
    if isinstance(start, int) and start == 0 and isinstance(basis, str) and basis != "one_time":
        ck.at(
            "start-month-zero",
            START_ZERO,
            row.cell("start_month"),
            col("start_month"),
            basis=basis_label,
        )
        v["start_month"] = BAD
    explicit_end = isinstance(end, int) and row.typed_end
    if isinstance(start, int) and isinstance(end, int) and start > end and explicit_end:
        ck.at(
            "start-after-end", START_AFTER_END, row.cell("end_month"), col("end_month"), start=start
        )
        v["end_month"] = BAD
    elif isinstance(start, int) and start > months and row.cell("start_month") is not None:
        ck.at(
            "beyond-horizon",
            START_BEYOND,
            row.cell("start_month"),
            col("start_month"),
            months=months,
        )
    elif explicit_end and end > months:
        ck.at("beyond-horizon", END_BEYOND, row.cell("end_month"), col("end_month"), months=months)
    if isinstance(v["channel"], str) and isinstance(basis, str) and basis not in schema.USAGE_BASES:
        ck.at(
            "channel-ignored",
            CHANNEL_IGNORED,
            row.cell("channel"),
            col("channel"),
            basis=basis_label,
        )
        v["channel"] = None


def check_channels_priced(
    ck: Checker, channels: list[Row], options: list[Row], costs: list[Row], *, target: str
) -> None:
    """`channel-not-priced`: an outsourced option that prices some channels per use (usage lines
    that name a channel) but none for all channels leaves each channel with volume and no such
    line of its own free of charge; one error per option, at its Option cell, naming them.
    `target` is the Costs sheet's name, for the message."""
    if any(r.values.get("option") is BAD for r in costs):
        return  # a line of an unknown option may be the very price line an option lacks
    volumes = {}
    for row in channels:
        name, volume = row.values.get("channel"), row.values.get("monthly_volume")
        if isinstance(name, str) and isinstance(volume, int | float) and volume > 0:
            volumes[name] = volume
    for row in options:
        name = row.values.get("option")
        if row.values.get("type") != "outsourced" or not isinstance(name, str):
            continue
        priced = _priced_channels(r.values for r in costs if r.values.get("option") == name)
        if not priced:  # no per-use price at all, or one for every channel
            continue
        missing = [c for c in volumes if c not in priced]
        if not missing:
            continue
        lang = ck.lang
        shown = [A_MONTH(lang).format(channel=c, volume=fmt_num(volumes[c], lang)) for c in missing]
        ck.at(
            "channel-not-priced",
            CHANNEL_NOT_PRICED,
            row.cell("option"),
            schema.OPTIONS.column("option"),
            priced=", ".join(sorted(priced, key=_order(channels))),
            channels=", ".join(shown),
            target=target,
        )


def _priced_channels(lines) -> set[str]:
    """The channels the per-use lines name; empty when one prices every channel, when there is
    none, or when a basis or channel could not be read (reported there)."""
    priced: set[str] = set()
    for v in lines:
        basis, channel = v.get("basis"), v.get("channel")
        if basis is BAD or channel is BAD:
            return set()
        if basis not in schema.USAGE_BASES or v.get("cost_type") in NOT_THE_PRICE:
            continue
        if channel is None:
            return set()
        priced.add(channel)
    return priced


def _order(channels: list[Row]):
    index = {r.values.get("channel"): i for i, r in enumerate(channels)}
    return lambda name: index.get(name, len(index))
