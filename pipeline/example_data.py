"""What the template writer puts into the workbook besides the schema: labels and example rows
(the Guide's text is in `template_guide`).

The filled example is an invented Indonesian e-commerce company comparing its in-house team with an
onshore Jakarta vendor and an offshore vendor (IDR, 3 years), with two hybrids of its own, a
risk register and the consultant's commentary. Sheet names, headers and dropdown
labels are never spelled here: they come from `schema`.
"""

from __future__ import annotations

from datetime import datetime

from . import schema
from .schema import T, Text
from .validate.scores import POSITION_HEADER

DOC_TITLES = {
    False: T("cs-sourcing workbook template", "Templat buku kerja cs-sourcing"),
    True: T("cs-sourcing example workbook", "Contoh buku kerja cs-sourcing"),
}


def DOC_TITLE(lang: str, example: bool) -> str:  # noqa: N802 - reads like the Text constants
    return DOC_TITLES[example](lang)


NOT_IN_LIST = T(
    "This value is not in the list. Keep it only if it is a synonym the tool understands.",
    "Nilai ini tidak ada di daftar. Pertahankan hanya jika sinonim yang dipahami alat ini.",
)
PROJECT_TITLE = T("Project settings", "Pengaturan proyek")
PROJECT_INTRO = T(
    "One value per line: who the analysis is for, the currency and the financial assumptions.",
    "Satu nilai per baris: untuk siapa analisis ini, mata uang dan asumsi keuangan.",
)
PROJECT_HEADERS = (T("Setting", "Pengaturan"), T("Value", "Nilai"), T("Explanation", "Penjelasan"))
REQUIRED_NOTE = T("* required", "* wajib diisi")
FIELD_FORMATS = {
    "date": "yyyy-mm-dd",
    "month": "mmm yyyy",
    "percent": schema.PERCENT1_FORMAT,
    "int": schema.INT_FORMAT,
    "number": schema.MONEY2_FORMAT,
}
SCORE_TITLE = T("Score 1-5", "Nilai 1-5")
SCORE_HELP = T(
    "How well the option named above this column does on the criterion: 1 poor ... 5 excellent. "
    "Option 1 is the first option of the Options sheet, Option 2 the second, and so on; a grey "
    "column has no option yet.",
    "Seberapa baik opsi yang namanya tertera di atas kolom ini pada kriteria: 1 buruk ... 5 sangat "
    "baik. Opsi 1 adalah opsi pertama di lembar Opsi, Opsi 2 yang kedua, dan seterusnya; kolom "
    "abu-abu belum punya opsi.",
)
SCORE_NAMES_LABEL = T(
    "Option scored in the column below \u25b8", "Opsi yang dinilai pada kolom di bawah \u25b8"
)

# ------------------------------------------------------------------------------------------ example
IN_HOUSE = T("In-house", "Internal")
JAKARTA = T("Jakarta vendor", "BPO Jakarta")
OFFSHORE = T("Offshore vendor", "BPO luar negeri")
OPTIONS = (IN_HOUSE, JAKARTA, OFFSHORE)
PHONE, CHAT, EMAIL, WHATSAPP = (
    T("Phone", "Telepon"),
    T("Chat", "Chat"),
    T("Email", "Surel"),
    T("WhatsApp", "WhatsApp"),
)


def option_names(lang: str) -> tuple[str, ...]:
    return tuple(o(lang) for o in OPTIONS)


def project_values(lang: str, *, example: bool) -> dict[str, object]:
    """Values of the Project sheet: schema defaults in the template, the company in the example."""
    values: dict[str, object] = {}
    for f in schema.FIELDS:
        if f.kind == "profile":  # a built-in profile, named in the template's language
            values[f.key] = schema.builtin_profile(f.default).label(lang)
        elif f.default not in (None, "today", "first-in-house", "month-after-report"):
            values[f.key] = f.default
    values["language"] = lang
    if example:
        values.update(
            client_name="PT Kilat Belanja Nusantara",
            prepared_by=T("Customer Care Strategy Team", "Tim Strategi Layanan Pelanggan")(lang),
            report_date=datetime(2026, 11, 2),
            currency="IDR",
            horizon_years=3,
            discount_rate=0.11,
            wage_inflation=0.065,
            vendor_escalation=0.05,
            general_inflation=0.03,
            volume_growth=0.08,
            baseline_option=IN_HOUSE(lang),
            financial_weight=0.60,
            usd_rate=16_000,
            go_live=datetime(2027, 1, 1),
        )
    return values


# The example's own weekly profile (beside the built-ins): WhatsApp Business answered 08:00-20:00
# every day, busiest around lunch and after work.
DAILY_08_20 = T("Daily 08-20", "Harian 08-20")
_WA_DAY = (0,) * 8 + (5, 7, 8, 8, 9, 8, 7, 7, 7, 8, 9, 8) + (0,) * 4
OWN_PROFILES = (
    (DAILY_08_20, (_WA_DAY,) * 7, T("WhatsApp Business hours", "Jam WhatsApp Business")),
)
ECOM, OFFICE = (schema.builtin_profile(c).label for c in ("ecommerce_24_7", "office_hours"))
ID_ECOM = schema.builtin_pattern("id_ecommerce").label

SEVERANCE_PER_FTE = 12_800_000
"""Severance per FTE released: about 2.4 months of the agents' base pay. The in-house team is about
97.6 FTE in year 1, so letting all of it go costs about IDR 1.25 billion, the lump sum the example
carried before severance was charged per FTE released (DESIGN §8)."""
SEVERANCE_NOTE = T(
    "About 2.4 months of base pay per FTE let go",
    "Sekitar 2,4 bulan gaji pokok per FTE yang dilepas",
)

# fmt: off
_ = None  # blank cell
# Channel rows: (name, mode, volume, AHT, hours/week, SL, answer s, occupancy, concurrency, min,
#                profile, seasonality, complex share, complex AHT factor, patience s, notes)
CHANNEL_ROWS = (
    (PHONE, "live", 14_000, 6.5, 168, 0.8, 20, 0.85, 1, 2, ECOM, ID_ECOM, 0.15, 1.8, 90, T("24/7 hotline: orders, payments, refunds", "Layanan telepon 24/7: pesanan, pembayaran, pengembalian dana")),
    (CHAT, "live", 26_000, 9.0, 168, 0.8, 60, 0.85, 2, 2, ECOM, ID_ECOM, 0.15, 1.8, _, T("In-app chat, round the clock", "Chat di aplikasi, sepanjang waktu")),
    (EMAIL, "deferred", 6000, 8.0, 45, _, _, 0.85, 1, 0, OFFICE, ID_ECOM, _, _, _, T("Answered within one business day", "Dijawab dalam satu hari kerja")),
    (WHATSAPP, "deferred", 22_000, 4.5, 84, _, _, 0.85, 1, 1, DAILY_08_20, ID_ECOM, _, _, _, T("WhatsApp Business, 08:00-20:00", "WhatsApp Business, 08.00-20.00")),
)
# Option rows: (name, type, running, shrinkage, paid hours, attrition, AHT factor, transition, min fee,
#               flexes monthly, notes)
OPTION_ROWS = (
    (IN_HOUSE, "in-house", "yes", 0.3, 173.33, 0.35, 1.0, 0, 0, "no", T("Today's team in Jakarta", "Tim saat ini di Jakarta")),
    (JAKARTA, "outsourced", "no", 0.0, 173.33, 0.0, 1.1, 2, 0, "yes", T("Onshore BPO, team in South Jakarta", "BPO dalam negeri, Jakarta Selatan")),
    (OFFSHORE, "outsourced", "no", 0.0, 173.33, 0.0, 1.15, 3, 420_000_000, "yes", T("Manila centre, Indonesian-speaking team", "Pusat Manila, tim berbahasa Indonesia")),
)
# Cost lines: (option, category, item, cost type or _ = inferred, basis, amount, quantity, start, end,
#              escalation or _ = default, channel, in a hybrid or _ = the cost type's default, notes)
# In-house, then the onshore vendor (dedicated-FTE pricing), then the offshore one (usage pricing).
COST_ROWS = (
    (IN_HOUSE, "labour", T("Agent salaries (base pay)", "Gaji agen (gaji pokok)"), "agent_salaries", "per_fte_month", 5_400_000, 1, 1, _, "wage", _, _, T("Jakarta UMP plus allowances", "UMP Jakarta ditambah tunjangan tetap")),
    (IN_HOUSE, "labour", T("Benefits: BPJS, THR, health insurance", "Tunjangan: BPJS, THR, asuransi kesehatan"), "benefits", "pct_labour", 0.22, 1, 1, _, _, _, _, T("On all labour lines", "Atas semua baris tenaga kerja")),
    (IN_HOUSE, "labour", T("Team leaders and supervisors", "Ketua tim dan supervisor"), "supervision", "per_fte_month", 11_000_000, 0.1, 1, _, "wage", _, _, T("One per ten agents", "Satu per sepuluh agen")),
    (IN_HOUSE, "labour", T("Night and weekend shift premium", "Tunjangan sif malam dan akhir pekan"), "night_premium", "per_agent_hour", 14_000, 0.7, 1, _, "wage", PHONE, _, T("70% of phone hours are nights/weekends", "70% jam telepon di malam/akhir pekan")),
    (IN_HOUSE, "training", T("Recruiting per new agent (ads, tests)", "Rekrutmen per agen baru (iklan, tes)"), "recruiting", "per_hire", 3_500_000, 1, 1, _, "general", _, _, _),
    (IN_HOUSE, "training", T("Initial training per new agent (3 weeks)", "Pelatihan awal per agen baru (3 minggu)"), "training", "per_hire", 6_000_000, 1, 1, _, "general", _, _, _),
    (IN_HOUSE, "training", T("Ongoing coaching and quality assurance", "Pelatihan berkala dan penjaminan mutu"), _, "per_fte_month", 350_000, 1, 1, _, "general", _, _, _),
    (IN_HOUSE, "technology", T("CCaaS telephony and CRM licences", "Lisensi telepon CCaaS dan CRM"), "technology", "per_fte_month", 1_100_000, 1, 1, _, "general", _, _, _),
    (IN_HOUSE, "technology", T("IT maintenance and helpdesk", "Pemeliharaan TI dan layanan bantuan"), _, "monthly", 45_000_000, 1, 1, _, "general", _, _, _),
    (IN_HOUSE, "technology", T("Computers and headsets refresh", "Penggantian komputer dan headset"), "technology", "annual", 180_000_000, 1, 1, _, "general", _, "pro_rata", T("One set per agent", "Satu set per agen")),
    (IN_HOUSE, "hidden", T("Office seats, rent and utilities", "Kursi kantor, sewa dan utilitas"), "facilities", "per_fte_month", 1_800_000, 1, 1, _, "general", _, _, T("Jakarta office space", "Ruang kantor Jakarta")),
    (IN_HOUSE, "technology", T("WhatsApp Business API conversations", "Percakapan WhatsApp Business API"), "technology", "per_contact", 350, 1, 1, _, "general", WHATSAPP, _, _),
    (JAKARTA, "labour", T("Dedicated agent seat, fully managed", "Kursi agen khusus, dikelola penuh"), "agent_salaries", "per_fte_month", 11_900_000, 1, 1, _, _, _, _, T("Quote of 12 February", "Penawaran 12 Februari")),
    (JAKARTA, "hidden", T("24/7 premium surcharge for phone", "Biaya tambahan premium 24/7 untuk telepon"), "premium_services", "monthly", 35_000_000, 1, 1, _, _, _, _, _),
    (JAKARTA, "setup", T("Setup and onboarding fee", "Biaya penyiapan dan orientasi"), "setup_fee", "one_time", 350_000_000, 1, 0, _, _, _, _, _),
    (JAKARTA, "training", T("Agent training and integration with our CRM", "Pelatihan agen dan integrasi dengan CRM kami"), "training", "one_time", 180_000_000, 1, 0, _, _, _, _, _),
    (JAKARTA, "training", T("Vendor oversight: 2 staff and QA audits", "Pengawasan penyedia: 2 staf dan audit QA"), "vendor_management", "monthly", 38_000_000, 1, 1, _, "wage", _, _, _),
    (JAKARTA, "hidden", T("WhatsApp transaction fee per conversation", "Biaya transaksi WhatsApp per percakapan"), _, "per_contact", 400, 1, 1, _, _, WHATSAPP, _, _),
    (JAKARTA, "technology", T("CRM licences we keep paying", "Lisensi CRM yang tetap kami bayar"), "technology", "monthly", 25_000_000, 1, 1, _, "general", _, "pro_rata", T("Licences for the vendor's agents", "Lisensi untuk agen penyedia")),
    (JAKARTA, "hidden", T("Data security and compliance audit (UU PDP)", "Audit keamanan data dan kepatuhan (UU PDP)"), _, "annual", 120_000_000, 1, 1, _, "general", _, _, _),
    (JAKARTA, "hidden", T("Exit fee and knowledge transfer", "Biaya terminasi dan alih pengetahuan"), "exit_fee", "one_time", 250_000_000, 1, 36, _, "none", _, "pro_rata", T("Due at contract end, on the work handed back", "Jatuh tempo di akhir kontrak, atas pekerjaan yang dikembalikan")),
    (JAKARTA, "setup", T("Severance of the current in-house team", "Pesangon tim internal saat ini"), "severance", "per_fte_released", SEVERANCE_PER_FTE, 1, _, _, "wage", _, _, SEVERANCE_NOTE),
    (JAKARTA, "hidden", T("Change requests (new flows, campaigns)", "Permintaan perubahan (alur baru, kampanye)"), "change_requests", "pct_other", 0.03, 1, 1, _, "none", _, _, _),
    (OFFSHORE, "labour", T("Phone handling per handled minute", "Penanganan telepon per menit"), "agent_salaries", "per_minute", 1450, 1, 1, _, _, PHONE, _, _),
    (OFFSHORE, "labour", T("Chat handling per handled minute", "Penanganan chat per menit"), "agent_salaries", "per_minute", 800, 1, 1, _, _, CHAT, _, _),
    (OFFSHORE, "labour", T("Email handling per ticket", "Penanganan surel per tiket"), "agent_salaries", "per_contact", 9500, 1, 1, _, _, EMAIL, _, _),
    (OFFSHORE, "labour", T("WhatsApp handling per conversation", "Penanganan WhatsApp per percakapan"), "agent_salaries", "per_contact", 5200, 1, 1, _, _, WHATSAPP, _, _),
    (OFFSHORE, "hidden", T("Premium: 24/7 and Indonesian-speaking team", "Premium 24/7 dan tim berbahasa Indonesia"), "premium_services", "monthly", 40_000_000, 1, 1, _, _, _, _, _),
    (OFFSHORE, "setup", T("Setup and onboarding fee", "Biaya penyiapan dan orientasi"), _, "one_time", 280_000_000, 1, 0, _, _, _, _, _),
    (OFFSHORE, "training", T("Training and integration with our processes", "Pelatihan dan integrasi dengan proses kami"), "training", "one_time", 240_000_000, 1, 0, _, _, _, _, _),
    (OFFSHORE, "training", T("Vendor oversight: 3 staff and travel", "Pengawasan penyedia: 3 staf dan perjalanan"), "vendor_management", "monthly", 55_000_000, 1, 1, _, "wage", _, _, _),
    (OFFSHORE, "hidden", T("WhatsApp transaction fee per conversation", "Biaya transaksi WhatsApp per percakapan"), "transaction_fees", "per_contact", 400, 1, 1, _, _, WHATSAPP, _, _),
    (OFFSHORE, "technology", T("CRM licences we keep paying", "Lisensi CRM yang tetap kami bayar"), "technology", "monthly", 25_000_000, 1, 1, _, "general", _, "pro_rata", T("Licences for the vendor's agents", "Lisensi untuk agen penyedia")),
    (OFFSHORE, "hidden", T("Data security and cross-border privacy audit", "Audit keamanan data dan privasi lintas negara"), "data_security", "annual", 160_000_000, 1, 1, _, "general", _, _, _),
    (OFFSHORE, "hidden", T("Exit fee and knowledge transfer", "Biaya terminasi dan alih pengetahuan"), _, "one_time", 300_000_000, 1, 36, _, "none", _, "pro_rata", T("Due at contract end, on the work handed back", "Jatuh tempo di akhir kontrak, atas pekerjaan yang dikembalikan")),
    (OFFSHORE, "setup", T("Severance of the current in-house team", "Pesangon tim internal saat ini"), "severance", "per_fte_released", SEVERANCE_PER_FTE, 1, _, _, "wage", _, _, SEVERANCE_NOTE),
    (OFFSHORE, "hidden", T("Change requests (new flows, campaigns)", "Permintaan perubahan (alur baru, kampanye)"), "change_requests", "pct_other", 0.04, 1, 1, _, "none", _, _, _),
)
# The user's own hybrids: (name, vendor, channels (() = all), hours, tier, share, notes). Seed 000's
# split (the vendor takes the volume of the messaging channels, the own team keeps the live ones)
# and seed 004's (own team in business hours, a vendor after hours).
HYBRID_ROWS = (
    (T("Offshore vendor takes WhatsApp and email", "BPO luar negeri menangani WhatsApp dan surel"), OFFSHORE, (WHATSAPP, EMAIL), "all", "all", 1.0, T("Phone and chat stay with our team", "Telepon dan chat tetap di tim kami")),
    (T("Jakarta vendor after hours", "BPO Jakarta di luar jam kerja"), JAKARTA, (), "after_hours", "all", 1.0, T("Our team keeps Mon-Fri 08-17", "Tim kami tetap melayani Sen-Jum 08-17")),
)
RISK_ROWS = (
    (T("Offshore agents lack the product knowledge for complex disputes", "Agen luar negeri kurang memahami produk untuk sengketa yang rumit"), OFFSHORE, 4, 3, T("Keep disputes and fraud cases in-house; joint training before go-live; monthly calibration", "Sengketa dan kasus penipuan tetap di tim internal; pelatihan bersama sebelum mulai beroperasi; kalibrasi bulanan"), T("Head of Customer Care", "Kepala Layanan Pelanggan")),
    (T("Customer data (addresses, payment details) exposed at a vendor", "Data pelanggan (alamat, data pembayaran) bocor di penyedia"), JAKARTA, 2, 5, T("Data-processing agreement under the PDP Law; access limited to the CRM; yearly audit", "Perjanjian pemrosesan data sesuai UU PDP; akses hanya lewat CRM; audit tahunan"), T("IT security lead", "Kepala keamanan TI")),
    (T("Harbolnas and Lebaran peaks overwhelm the in-house team", "Puncak Harbolnas dan Lebaran melampaui kapasitas tim internal"), IN_HOUSE, 4, 4, T("Seasonal contract agents from October; overflow chat to a vendor", "Agen kontrak musiman mulai Oktober; limpahan chat ke penyedia"), T("Workforce planner", "Perencana tenaga kerja")),
    (T("Agent attrition stays above 30% a year", "Atrisi agen tetap di atas 30% per tahun"), IN_HOUSE, 3, 3, T("Career path to team lead; retention bonus after 12 months", "Jenjang karier menjadi ketua tim; bonus retensi setelah 12 bulan"), T("HR business partner", "Mitra bisnis SDM")),
    (T("Leaving the vendor contract is slow and costly", "Keluar dari kontrak penyedia lambat dan mahal"), OFFSHORE, 3, 4, T("90-day exit clause; the knowledge base stays ours; documented handover", "Klausul keluar 90 hari; basis pengetahuan tetap milik kami; serah terima terdokumentasi"), T("Procurement", "Pengadaan")),
    (T("Service dips during the parallel run", "Layanan menurun selama masa paralel"), None, 3, 2, T("Move channel by channel, email first; daily stand-up during the transition", "Pindah per saluran, surel lebih dulu; rapat harian selama transisi"), T("Project manager", "Manajer proyek")),
)
# fmt: on

COMMENTARY_TEXTS = {
    "executive": T(
        "The figures favour moving volume to a vendor, but **quality on complex contacts** is the "
        "risk that decides. We recommend a phased move: WhatsApp and email first, phone disputes "
        "kept in-house, and a review against the SLA after six months.",
        "Angka-angka mendukung pemindahan volume ke penyedia, tetapi **kualitas pada kontak yang "
        "rumit** adalah risiko penentunya. Kami menyarankan perpindahan bertahap: WhatsApp dan "
        "surel lebih dulu, sengketa telepon tetap di tim internal, dan tinjauan terhadap SLA "
        "setelah enam bulan.",
    ),
    "next_steps": T(
        "1. Present this report to the steering committee in December.\n"
        "2. Ask both vendors for final quotes with exit terms and a data-security annex.\n"
        "3. Run a four-week pilot on email with the preferred vendor.",
        "1. Presentasikan laporan ini kepada komite pengarah pada bulan Desember.\n"
        "2. Minta penawaran akhir dari kedua penyedia, lengkap dengan ketentuan keluar dan lampiran "
        "keamanan data.\n"
        "3. Jalankan uji coba empat minggu untuk surel dengan penyedia pilihan.",
    ),
    "transition": T(
        "- **Months 1-2**: parallel run on email and WhatsApp, with daily quality checks.\n"
        "- **Month 3**: the vendor takes after-hours chat.\n"
        "- **Month 6**: review against the SLA before extending the contract.",
        "- **Bulan 1-2**: masa paralel untuk surel dan WhatsApp, dengan pemeriksaan kualitas "
        "harian.\n"
        "- **Bulan 3**: penyedia menangani chat di luar jam kerja.\n"
        "- **Bulan 6**: tinjauan terhadap SLA sebelum kontrak diperpanjang.",
    ),
    "disclaimer": T(
        "This analysis uses the volumes, costs and quotes provided by the client and the "
        "assumptions in Appendix A. Its figures are estimates, not a guarantee of future costs; "
        "vendor prices must be confirmed in the final contracts.",
        "Analisis ini memakai volume, biaya dan penawaran yang diberikan klien serta asumsi di "
        "Lampiran A. Angka-angkanya adalah perkiraan, bukan jaminan biaya di masa depan; harga "
        "penyedia harus dipastikan dalam kontrak akhir.",
    ),
    "reviewed_by": T("Dewi Lestari, Partner", "Dewi Lestari, Mitra"),
    "version": T("1.0", "1.0"),
}
"""The example's Commentary sheet (Markdown in the texts); the template has the same rows blank."""


def commentary_rows(lang: str, *, example: bool) -> list[dict[str, object]]:
    """tbl_commentary rows: one per section, labelled in every template, filled in the example."""
    return [
        {
            "section": c.label(lang),
            "text": COMMENTARY_TEXTS[c.code](lang)
            if example and c.code in COMMENTARY_TEXTS
            else None,
        }
        for c in schema.COMMENTARY_SECTIONS
    ]


# Scores per option (in-house, Jakarta, offshore) on schema.DEFAULT_CRITERIA, DOMAIN.md's suggested
# in-house / outsourced scores with the onshore vendor a little closer to the business.
SCORE_OVERRIDES = {
    "JAKARTA": {"quality": 4, "speed": 4, "security": 4},
    "OFFSHORE": {"availability": 5},
}


def _text(value: object, lang: str) -> object:
    return value(lang) if isinstance(value, Text) else value


def _profile_rows(name: Text, days, note: Text, lang: str) -> list[dict[str, object]]:
    rows = []
    for i, (day, weights) in enumerate(zip(schema.DAYS, days, strict=True)):
        row: dict[str, object] = {"profile": name(lang), "day": day(lang)}
        row.update({key: _weight(w) for key, w in zip(schema.HOUR_KEYS, weights, strict=True)})
        row["notes"] = note(lang) if i == 0 else None
        rows.append(row)
    return rows


def _weight(w: float) -> int | float:
    return int(w) if float(w).is_integer() else round(w, 4)


def shape_rows(table_name: str, lang: str, *, example: bool) -> list[dict[str, object]]:
    """tbl_profiles / tbl_seasonality rows: the built-ins in every template, plus the example's
    own profile in the example."""
    rows: list[dict[str, object]] = []
    if table_name == "tbl_profiles":
        for b in schema.BUILTIN_PROFILES:
            rows += _profile_rows(b.label, b.days, b.description, lang)
        for name, days, note in OWN_PROFILES if example else ():
            rows += _profile_rows(name, days, note, lang)
        return rows
    for p in schema.BUILTIN_PATTERNS:
        row: dict[str, object] = {"pattern": p.label(lang), "notes": p.description(lang)}
        row.update(dict(zip(schema.MONTH_KEYS, p.months, strict=True)))
        rows.append(row)
    return rows


SHAPE_TABLES = frozenset({"tbl_profiles", "tbl_seasonality"})


def table_rows(table_name: str, lang: str, *, example: bool = True) -> list[dict[str, object]]:
    """The example rows of a table as {column key: cell value} (labels in `lang`)."""
    if table_name in SHAPE_TABLES:
        return shape_rows(table_name, lang, example=example)
    if table_name == "tbl_commentary":
        return commentary_rows(lang, example=example)
    table = schema.TABLES_BY_NAME[table_name]
    source = {
        "tbl_channels": CHANNEL_ROWS,
        "tbl_options": OPTION_ROWS,
        "tbl_costs": COST_ROWS,
        "tbl_hybrids": HYBRID_ROWS,
        "tbl_risks": RISK_ROWS,
    }
    rows = []
    for raw in source[table_name]:
        row: dict[str, object] = {}
        for col, value in zip(table.columns, raw, strict=True):
            if col.choices and value is not None:
                value = schema.choice_label(col.choices, value, lang)
            if isinstance(value, tuple):  # a list of names, e.g. the channels of a hybrid
                value = ", ".join(_text(v, lang) for v in value) or None
            row[col.key] = _text(value, lang)
        if table_name == "tbl_costs" and raw[4] in schema.PERCENT_BASES:
            row["amount.format"] = schema.PERCENT_FORMAT
        rows.append(row)
    return rows


def score_rows(lang: str, *, example: bool) -> list[dict[str, object]]:
    """tbl_scores rows: the default criteria and weights; with scores per option in the example."""
    rows = []
    for crit in schema.DEFAULT_CRITERIA:
        row: dict[str, object] = {"criterion": crit.label(lang), "weight": crit.weight}
        if example:  # in the columns Option 1..3: the options in the order of the Options sheet
            for n, key in enumerate(("IN_HOUSE", "JAKARTA", "OFFSHORE"), start=1):
                base = crit.in_house if key == "IN_HOUSE" else crit.outsourced
                header = POSITION_HEADER(lang).format(n=n)
                row[header] = SCORE_OVERRIDES.get(key, {}).get(crit.key, base)
        rows.append(row)
    return rows
