"""Dropdown values: modes, option types, categories, bases, escalations, currencies, languages,
and how a cost line counts in a hybrid."""

from __future__ import annotations

from .core import Choice, T

MODES = (
    Choice(code="live", label=T("live", "langsung"), synonyms=("queue", "antrean", "real-time")),
    Choice(
        code="deferred", label=T("deferred", "tertunda"), synonyms=("backlog", "async", "tunda")
    ),
)

OPTION_TYPES = (
    Choice(
        code="in-house",
        label=T("in-house", "internal"),
        synonyms=("inhouse", "in house", "internal", "sendiri", "di dalam perusahaan"),
    ),
    Choice(
        code="outsourced",
        label=T("outsourced", "alih daya"),
        synonyms=("outsource", "outsourcing", "vendor", "bpo", "alihdaya", "alih-daya"),
    ),
)

YES_NO = (
    Choice(code="yes", label=T("yes", "ya"), synonyms=("y", "true", "1", "iya")),
    Choice(code="no", label=T("no", "tidak"), synonyms=("n", "false", "0", "tdk")),
)

CATEGORIES = (
    Choice(
        code="labour",
        label=T("Labour", "Tenaga kerja"),
        synonyms=("labor", "labour", "people", "sdm"),
    ),
    Choice(
        code="technology",
        label=T("Technology & infrastructure", "Teknologi & infrastruktur"),
        synonyms=("technology", "tech", "infrastructure", "it", "teknologi"),
    ),
    Choice(
        code="training",
        label=T("Training & management", "Pelatihan & manajemen"),
        synonyms=("training", "management", "pelatihan", "manajemen"),
    ),
    Choice(
        code="setup",
        label=T("Setup & transition", "Penyiapan & transisi"),
        synonyms=("setup", "transition", "set-up", "penyiapan", "transisi"),
    ),
    Choice(
        code="hidden",
        label=T("Hidden & other fees", "Biaya tersembunyi & lainnya"),
        synonyms=("hidden", "other", "fees", "lainnya", "tersembunyi", "biaya lain"),
    ),
)

BASES = (
    Choice(
        code="one_time",
        label=T("one-time", "sekali"),
        synonyms=("once", "one time", "one-off", "sekali bayar"),
    ),
    Choice(
        code="monthly", label=T("monthly", "bulanan"), synonyms=("per month", "per bulan", "month")
    ),
    Choice(
        code="annual",
        label=T("annual", "tahunan"),
        synonyms=("yearly", "per year", "per tahun", "annually"),
    ),
    Choice(
        code="per_fte_month",
        label=T("per FTE per month", "per FTE per bulan"),
        synonyms=(
            "per fte",
            "per fte/month",
            "fte/month",
            "per agent per month",
            "per agen per bulan",
        ),
    ),
    Choice(
        code="per_hire",
        label=T("per hire", "per rekrutmen"),
        synonyms=("hire", "per new hire", "per karyawan baru"),
    ),
    Choice(
        code="per_fte_released",
        label=T("per FTE released", "per FTE dilepas"),
        synonyms=(
            "per fte let go",
            "per fte laid off",
            "per released fte",
            "per fte reduced",
            "per fte dilepaskan",
            "per fte di-phk",
            "per fte phk",
        ),
    ),
    Choice(
        code="per_contact",
        label=T("per contact", "per kontak"),
        synonyms=("per call", "per transaction", "per transaksi", "per interaksi", "per ticket"),
    ),
    Choice(
        code="per_minute",
        label=T("per handled minute", "per menit penanganan"),
        synonyms=("per minute", "per menit", "per handle minute"),
    ),
    Choice(
        code="per_agent_hour",
        label=T("per agent hour", "per jam agen"),
        synonyms=("per hour", "per jam", "hourly", "per staffed hour"),
    ),
    Choice(
        code="pct_labour",
        label=T("% of labour", "% dari tenaga kerja"),
        synonyms=("% of labor", "percent of labour", "% labour", "% tenaga kerja"),
    ),
    Choice(
        code="pct_other",
        label=T("% of other costs", "% dari biaya lain"),
        synonyms=("% of costs", "percent of other costs", "% other", "% biaya lain"),
    ),
)
USAGE_BASES = frozenset({"per_fte_month", "per_contact", "per_minute", "per_agent_hour"})
"""Bases the vendor's minimum monthly fee applies to and that `Channel` may limit."""
PERCENT_BASES = frozenset({"pct_labour", "pct_other"})
RELEASE_BASES = frozenset({"per_fte_released"})
"""Severance: Amount x the reduction of the running baseline team's FTE, counted once when it
happens (the mirror of `per hire`, DESIGN §8). Not a usage basis: `Channel` does not limit it and
the minimum fee does not apply to it."""

IN_HYBRID = (
    Choice(
        code="full",
        label=T("full", "penuh"),
        synonyms=("in full", "fully", "whole", "seluruhnya", "utuh"),
    ),
    Choice(
        code="pro_rata",
        label=T("pro rata", "proporsional"),
        synonyms=(
            "pro-rata",
            "prorata",
            "proportional",
            "proportionally",
            "by share",
            "shared",
            "proporsi",
            "sebanding",
            "pro rata workload",
        ),
    ),
    Choice(
        code="pure_only",
        label=T("pure only", "hanya murni"),
        synonyms=(
            "pure",
            "pure-only",
            "only pure",
            "pure option only",
            "only when pure",
            "murni",
            "hanya opsi murni",
            "murni saja",
        ),
    ),
)
"""`In a hybrid` (tbl_costs, DESIGN §8): how a fixed line (one-time, monthly, annual) of an option
is charged on its side of a hybrid. Blank = the default of the line's cost type
(`IN_HYBRID_DEFAULTS`)."""

ESCALATIONS = (
    Choice(code="wage", label=T("wage", "upah"), synonyms=("wages", "salary", "gaji")),
    Choice(
        code="vendor", label=T("vendor", "penyedia"), synonyms=("contract", "kontrak", "vendor")
    ),
    Choice(code="general", label=T("general", "umum"), synonyms=("inflation", "cpi", "inflasi")),
    Choice(code="none", label=T("none", "tidak ada"), synonyms=("fixed", "tetap", "-", "no")),
)


CURRENCIES = (
    "IDR",
    "USD",
    "EUR",
    "SGD",
    "MYR",
    "PHP",
    "INR",
    "AUD",
    "GBP",
    "JPY",
    "THB",
    "VND",
    "CNY",
    "HKD",
    "AED",
    "SAR",
)
WHOLE_CURRENCIES = ("IDR", "JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX")
"""Currencies whose amounts are written without cents (in practice, whatever ISO 4217 says of
IDR): the template's and the results workbook's amounts show no ".00" in them."""
CURRENCY_CHOICES = tuple(
    Choice(code=c, label=T(c, c), synonyms=("rp",) if c == "IDR" else ()) for c in CURRENCIES
)
LANGUAGE_CHOICES = (
    Choice(code="en", label=T("en", "en"), synonyms=("english", "inggris")),
    Choice(
        code="id",
        label=T("id", "id"),
        synonyms=("indonesian", "bahasa indonesia", "indonesia", "bahasa"),
    ),
)
