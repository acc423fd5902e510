"""The optional Hybrids table (template version 2, DESIGN §8): the user's own hybrids, each a
vendor taking some channels, hours and tiers of the contacts, or a share of them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import schema
from ..model.inputs import HybridSpec, Profile
from ..raw import RawTable
from ..schema import T
from .cells import BAD, Checker, show
from .tables import Row, check_unique, fold_name, read_rows

UNKNOWN_VENDOR = T(
    "{place}: {value} is not an option of sheet {target}; expected one of its outsourced "
    "options: {expected}.",
    "{place}: {value} bukan opsi di lembar {target}; yang diharapkan salah satu opsi alih "
    "dayanya: {expected}.",
)
NOT_A_VENDOR = T(
    "{place}: {value} is an in-house option; a hybrid sends contacts to a vendor, so expected "
    "one of the outsourced options: {expected}.",
    "{place}: {value} adalah opsi internal; hibrida mengirim kontak ke penyedia, jadi yang "
    "diharapkan salah satu opsi alih daya: {expected}.",
)
VENDOR_IS_BASELINE = T(
    "{place}: {value} is the baseline option, which keeps the contacts a hybrid does not send to "
    "the vendor; expected another outsourced option: {expected}.",
    "{place}: {value} adalah opsi pembanding, yang menangani kontak yang tidak dikirim hibrida "
    "ke penyedia; yang diharapkan opsi alih daya lain: {expected}.",
)
UNKNOWN_CHANNELS = T(
    "{place}: {unknown} {is_are} not a channel of sheet {target}; expected channel names "
    "separated by commas, from: {expected}; or blank for all channels.",
    "{place}: {unknown} bukan saluran di lembar {target}; yang diharapkan nama saluran dipisah "
    "koma, dari: {expected}; atau kosong untuk semua saluran.",
)
IS_ARE = {False: "is", True: "are"}
ROUTES_NOTHING = T(
    "{place}: hybrid {value} sends no contact to {vendor}: {reasons}. It would be the baseline "
    "on its own; change its channels, hours or tier.",
    "{place}: hibrida {value} tidak mengirim kontak apa pun ke {vendor}: {reasons}. Hasilnya "
    "sama dengan opsi pembanding saja; ubah saluran, jam atau tingkatnya.",
)
REASONS = {
    "volume": T("{channel} has no volume", "{channel} tidak punya volume"),
    "complex": T(
        "{channel} has no complex contacts (Complex share 0%)",
        "{channel} tidak punya kontak kompleks (Porsi kompleks 0%)",
    ),
    "simple": T(
        "every contact of {channel} is complex (Complex share 100%)",
        "semua kontak {channel} kompleks (Porsi kompleks 100%)",
    ),
    "after_hours": T(
        "{channel} is open only within the business hours ({hours})",
        "{channel} hanya buka dalam jam kerja ({hours})",
    ),
    "business": T(
        "{channel} is never open within the business hours ({hours})",
        "{channel} tidak pernah buka dalam jam kerja ({hours})",
    ),
}
ROUTES_EVERYTHING = T(
    "{place}: hybrid {value} sends every contact to {vendor} (all channels, all hours, all "
    "contacts, 100%): that is the option {vendor} on its own, which is compared anyway.",
    "{place}: hibrida {value} mengirim semua kontak ke {vendor} (semua saluran, semua jam, semua "
    "kontak, 100%): itu sama dengan opsi {vendor} sendiri, yang tetap dibandingkan.",
)
_SEPARATORS = re.compile(r"[,;\n]+")


def split_channels(text: str) -> list[str]:
    """The names of a Channels cell: separated by commas, semicolons or line breaks, trimmed."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


def read_hybrids(
    ck: Checker,
    table: RawTable | None,
    *,
    options: Mapping[str, Row],
    channels: list[Row],
    baseline: Any,
    business_hours: Any,
    sheets: Mapping[str, str],
) -> list[Row]:
    """tbl_hybrids rows: Vendor resolved to an outsourced option's name, Channels to a tuple of
    channel names (() = all), Hours and Tier defaulted to `all`, Share to 100%.

    `options`: folded name -> option row; `baseline`: the baseline's name (or BAD/None);
    `business_hours`: the resolved Profile (or BAD/None); `sheets`: "options"/"channels" -> the
    sheet names as found, for messages."""
    spec = schema.HYBRIDS
    rows = read_rows(ck, table, spec)
    by_channel = {
        fold_name(r.values["channel"]): r for r in channels if isinstance(r.values["channel"], str)
    }
    vendors = [
        r.values["option"]
        for r in options.values()
        if r.values.get("type") == "outsourced" and r.values["option"] != baseline
    ]
    for row in rows:
        v = row.values
        v["vendor"] = _vendor(ck, row, options, baseline, vendors, sheets["options"])
        v["channels"] = _channels(ck, row, by_channel, sheets["channels"])
        for key, default in (("hours", "all"), ("tier", "all"), ("share", 1.0)):
            if v.get(key) is None:
                v[key] = default
        if v["notes"] is None:
            v["notes"] = ""
    check_unique(ck, rows, spec, "hybrid", "duplicate-hybrid")
    for row in rows:
        if row.ok:
            _check_routing(ck, row, channels, business_hours)
    return rows


def built(rows: list[Row]) -> tuple[HybridSpec, ...] | Any:
    """The HybridSpecs, or BAD when a row could not be read (an error was reported)."""
    out = []
    for row in rows:
        if not row.ok:
            return BAD
        v = row.values
        out.append(
            HybridSpec(
                name=v["hybrid"],
                vendor=v["vendor"],
                channels=v["channels"],
                hours=v["hours"],
                tier=v["tier"],
                share=float(v["share"]),
                row=row.raw.number,
            )
        )
    return tuple(out)


def _vendor(ck: Checker, row: Row, options, baseline, vendors: list[str], sheet: str) -> Any:
    given = row.values.get("vendor")
    if not isinstance(given, str):
        return given  # None was reported as missing-value, BAD where it was read
    found = options.get(fold_name(given))
    column = schema.HYBRIDS.column("vendor")
    expected = ", ".join(vendors) or "–"
    if found is None:
        ck.at(
            "unknown-vendor",
            UNKNOWN_VENDOR,
            row.cell("vendor"),
            column,
            target=sheet,
            expected=expected,
        )
        return BAD
    name, otype = found.values["option"], found.values.get("type")
    if otype == "in-house":
        ck.at("not-a-vendor", NOT_A_VENDOR, row.cell("vendor"), column, expected=expected)
        return BAD
    if otype is BAD:
        return BAD  # the option's type is reported on the Options sheet
    if name == baseline:
        ck.at(
            "vendor-is-baseline", VENDOR_IS_BASELINE, row.cell("vendor"), column, expected=expected
        )
        return BAD
    return name


def _channels(ck: Checker, row: Row, by_channel: Mapping[str, Row], sheet: str) -> Any:
    given = row.values.get("channels")
    if given is BAD:
        return BAD
    if not isinstance(given, str):
        return ()
    names, unknown = [], []
    for part in split_channels(given):
        found = by_channel.get(fold_name(part))
        if found is None:
            unknown.append(part)
        elif found.values["channel"] not in names:
            names.append(found.values["channel"])
    if unknown:
        lang = ck.lang
        ck.at(
            "unknown-channel",
            UNKNOWN_CHANNELS,
            row.cell("channels"),
            schema.HYBRIDS.column("channels"),
            unknown=", ".join(show(u, lang) for u in unknown),
            is_are=IS_ARE[len(unknown) > 1] if lang != "id" else "",
            target=sheet,
            expected=", ".join(r.values["channel"] for r in by_channel.values()) or "–",
        )
        return BAD
    return tuple(names)


# ------------------------------------------------------------------------------------- routing
def _check_routing(ck: Checker, row: Row, channels: list[Row], business_hours: Any) -> None:
    """Warn about a hybrid that routes nothing, or everything, to its vendor."""
    v = row.values
    routed = [
        r
        for r in channels
        if isinstance(r.values.get("channel"), str)
        and (not v["channels"] or r.values["channel"] in v["channels"])
    ]
    reasons = []
    for r in routed:
        reason = _nothing_routed(r, v["hours"], v["tier"], business_hours)
        if reason is None:
            break
        reasons.append(reason)
    else:
        if routed:
            lang = ck.lang
            hours = business_hours.name if isinstance(business_hours, Profile) else ""
            text = "; ".join(
                REASONS[key](lang).format(channel=name, hours=hours) for key, name in reasons
            )
            ck.at(
                "hybrid-routes-nothing",
                ROUTES_NOTHING,
                row.cell("hybrid"),
                schema.HYBRIDS.column("hybrid"),
                vendor=v["vendor"],
                reasons=text,
            )
        return
    with_volume = [r for r in channels if _volume(r) != 0]
    if (
        (v["hours"], v["tier"], v["share"]) == ("all", "all", 1.0)
        and all(r in routed for r in with_volume)
        and all(_volume(r) is not None for r in channels)
    ):
        ck.at(
            "hybrid-routes-everything",
            ROUTES_EVERYTHING,
            row.cell("hybrid"),
            schema.HYBRIDS.column("hybrid"),
            vendor=v["vendor"],
        )


def _volume(row: Row) -> float | None:
    volume = row.values.get("monthly_volume")
    return float(volume) if isinstance(volume, int | float) else None


def _nothing_routed(
    channel: Row, hours: str, tier: str, business_hours: Any
) -> tuple[str, str] | None:
    """(reason, channel name) when the hybrid sends none of this channel's contacts to the
    vendor; None when it sends some, or when that cannot be known here."""
    v = channel.values
    name = v["channel"]
    if _volume(channel) == 0:
        return ("volume", name)
    complex_share = v.get("complex_share")
    if isinstance(complex_share, int | float):
        if tier == "complex" and complex_share == 0:
            return ("complex", name)
        if tier == "simple" and complex_share >= 1:
            return ("simple", name)
    profile = v.get("profile")
    if hours != "all" and isinstance(profile, Profile) and isinstance(business_hours, Profile):
        # A channel without a profile is placed on the week by the model's rule: not judged here.
        pairs = [
            (w > 0, b > 0) for w, b in zip(profile.weights, business_hours.weights, strict=True)
        ]
        if hours == "after_hours" and not any(is_open and not b for is_open, b in pairs):
            return ("after_hours", name)
        if hours == "business" and not any(is_open and b for is_open, b in pairs):
            return ("business", name)
    return None
