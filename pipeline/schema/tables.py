"""The Excel tables of the workbook: channels, options, cost lines, scores (DESIGN §2); with the
Profiles and Seasonality tables of `shapes` and the Hybrids table of `hybrids` (§8), the TABLES a
workbook holds, in sheet order."""

from __future__ import annotations

from .choices import (
    BASES,
    CATEGORIES,
    ESCALATIONS,
    IN_HYBRID,
    MODES,
    OPTION_TYPES,
    YES_NO,
)
from .core import (
    INT_FORMAT,
    MONEY2_FORMAT,
    MONEY_FORMAT,
    NOTES,
    NUMBER_FORMAT,
    PERCENT_FORMAT,
    Column,
    T,
    Table,
    in_version,
)
from .cost_types import COST_TYPE_CHOICES
from .deliverable import COMMENTARY, RISKS
from .hybrids import HYBRIDS
from .layout import SHEETS
from .shapes import PROFILES, SEASONALITY

# ------------------------------------------------------------------------------------------ tables
CHANNELS = Table(
    name="tbl_channels",
    sheet=SHEETS["demand"],
    title=T("Demand: contact channels", "Permintaan: saluran kontak"),
    intro=T(
        "One row per channel. Live channels queue (phone, chat, walk-in); deferred ones keep a backlog (email, social).",
        "Satu baris per saluran. Saluran langsung mengantre (telepon, chat, tatap muka); saluran tertunda menumpuk (surel, media sosial).",
    ),
    columns=(
        Column(
            key="channel",
            header=T("Channel", "Saluran"),
            kind="text",
            required=True,
            width=24,
            help=T(
                "Name of the channel, e.g. Phone, Email, Chat, WhatsApp.",
                "Nama saluran, mis. Telepon, Surel, Chat, WhatsApp.",
            ),
        ),
        Column(
            key="mode",
            header=T("Mode", "Mode"),
            kind="choice",
            choices=MODES,
            required=True,
            width=12,
            help=T(
                "live = customers wait in a queue; deferred = answered later from a backlog.",
                "langsung = pelanggan menunggu di antrean; tertunda = dijawab kemudian dari tumpukan.",
            ),
        ),
        Column(
            key="monthly_volume",
            header=T("Monthly volume", "Volume bulanan"),
            kind="number",
            required=True,
            min=0,
            max=100_000_000,
            width=16,
            number_format=MONEY_FORMAT,
            unit=T("contacts/month", "kontak/bulan"),
            help=T("Contacts per month in year 1.", "Jumlah kontak per bulan pada tahun 1."),
        ),
        Column(
            key="aht_minutes",
            header=T("AHT (minutes)", "AHT (menit)"),
            kind="number",
            required=True,
            min=0,
            max=1440,
            min_exclusive=True,
            width=13,
            number_format=NUMBER_FORMAT,
            unit=T("minutes", "menit"),
            help=T(
                "Average handling time per contact, talk plus after-work.",
                "Rata-rata waktu penanganan per kontak, termasuk pekerjaan setelahnya.",
            ),
        ),
        Column(
            key="hours_per_week",
            header=T("Hours per week", "Jam per minggu"),
            kind="number",
            default=45,
            min=1,
            max=168,
            width=14,
            number_format=NUMBER_FORMAT,
            unit=T("hours/week", "jam/minggu"),
            help=T(
                "Opening hours: 45 business hours, 84 extended, 168 = 24/7.",
                "Jam buka: 45 jam kerja, 84 diperpanjang, 168 = 24/7.",
            ),
        ),
        Column(
            key="service_level",
            header=T("Service level target", "Target tingkat layanan"),
            kind="percent",
            default=0.80,
            min=0,
            max=1,
            width=14,
            number_format=PERCENT_FORMAT,
            help=T(
                "Share of live contacts answered within the answer time.",
                "Porsi kontak langsung yang dijawab dalam waktu jawab.",
            ),
        ),
        Column(
            key="answer_seconds",
            header=T("Answer time (seconds)", "Waktu jawab (detik)"),
            kind="number",
            default=20,
            min=0,
            max=3600,
            width=14,
            number_format=INT_FORMAT,
            unit=T("seconds", "detik"),
            help=T(
                "Target answer time for live channels.",
                "Target waktu jawab untuk saluran langsung.",
            ),
        ),
        Column(
            key="max_occupancy",
            header=T("Max occupancy", "Okupansi maks"),
            kind="percent",
            default=0.85,
            min=0.5,
            max=1,
            width=13,
            number_format=PERCENT_FORMAT,
            help=T(
                "Cap on the share of time agents are busy (50-100%).",
                "Batas porsi waktu agen sibuk (50-100%).",
            ),
        ),
        Column(
            key="concurrency",
            header=T("Concurrency", "Konkurensi"),
            kind="number",
            default=1,
            min=1,
            max=10,
            width=12,
            number_format=NUMBER_FORMAT,
            help=T(
                "Contacts one agent handles at once (chat: 2-3).",
                "Kontak yang ditangani satu agen sekaligus (chat: 2-3).",
            ),
        ),
        Column(
            key="min_agents",
            header=T("Min agents on duty", "Min agen bertugas"),
            kind="int",
            default={"live": 1, "deferred": 0},
            min=0,
            max=10_000,
            width=13,
            number_format=INT_FORMAT,
            help=T(
                "Floor of agents on duty while open (1 for live, 0 for deferred).",
                "Jumlah minimum agen bertugas selama buka (1 untuk langsung, 0 untuk tertunda).",
            ),
        ),
        Column(
            key="profile",
            header=T("Profile", "Profil"),
            kind="profile",
            since=2,
            width=18,
            help=T(
                "When in the week contacts arrive: a profile of the Profiles sheet (e.g. Office "
                "hours, E-commerce 24/7). Blank = spread evenly over Hours per week.",
                "Kapan dalam seminggu kontak datang: profil dari lembar Profil (mis. Jam kantor, "
                "E-commerce 24/7). Kosong = dibagi rata sepanjang Jam per minggu.",
            ),
        ),
        Column(
            key="seasonality",
            header=T("Seasonality", "Musiman"),
            kind="pattern",
            since=2,
            width=18,
            help=T(
                "How volume moves over the year: a pattern of the Seasonality sheet. Monthly "
                "volume is then the average month. Blank = the same every month.",
                "Bagaimana volume bergerak sepanjang tahun: pola dari lembar Musiman. Volume "
                "bulanan menjadi rata-rata per bulan. Kosong = sama setiap bulan.",
            ),
        ),
        Column(
            key="complex_share",
            header=T("Complex share", "Porsi kompleks"),
            kind="percent",
            default=0.0,
            min=0,
            max=1,
            since=2,
            width=12,
            number_format=PERCENT_FORMAT,
            help=T(
                "Share of contacts that need an expert (complaints, technical issues), 0-100%.",
                "Porsi kontak yang perlu ditangani ahli (keluhan, masalah teknis), 0-100%.",
            ),
        ),
        Column(
            key="complex_aht_factor",
            header=T("Complex AHT factor", "Faktor AHT kompleks"),
            kind="percent",
            default=1.5,
            min=1.0,
            max=10.0,
            since=2,
            width=13,
            number_format=PERCENT_FORMAT,
            help=T(
                "Handling time of a complex contact relative to the AHT, e.g. 180% (100-1000%).",
                "Waktu penanganan kontak kompleks relatif terhadap AHT, mis. 180% (100-1000%).",
            ),
        ),
        Column(
            key="patience_seconds",
            header=T("Patience (seconds)", "Kesabaran (detik)"),
            kind="number",
            default=None,
            max=3600,
            since=2,
            width=13,
            number_format=INT_FORMAT,
            unit=T("seconds", "detik"),
            help=T(
                "Live channels: how long a waiting customer stays on average before hanging up. "
                "Blank = nobody hangs up.",
                "Saluran langsung: rata-rata berapa lama pelanggan mau menunggu sebelum menutup. "
                "Kosong = tidak ada yang menutup.",
            ),
        ),
        NOTES,
    ),
)

OPTIONS = Table(
    name="tbl_options",
    sheet=SHEETS["options"],
    title=T("Options compared", "Opsi yang dibandingkan"),
    intro=T(
        "One row per option: today's in-house team and each vendor quote.",
        "Satu baris per opsi: tim internal saat ini dan setiap penawaran penyedia.",
    ),
    columns=(
        Column(
            key="option",
            header=T("Option", "Opsi"),
            kind="text",
            required=True,
            width=22,
            help=T(
                "Name of the option, e.g. In-house, Vendor A.",
                "Nama opsi, mis. Internal, Penyedia A.",
            ),
        ),
        Column(
            key="type",
            header=T("Type", "Jenis"),
            kind="choice",
            choices=OPTION_TYPES,
            required=True,
            width=13,
            help=T(
                "in-house = your own team; outsourced = a BPO / call-centre vendor.",
                "internal = tim sendiri; alih daya = penyedia BPO / pusat panggilan.",
            ),
        ),
        Column(
            key="already_running",
            header=T("Already running", "Sudah berjalan"),
            kind="yesno",
            choices=YES_NO,
            default=None,
            width=12,
            help=T(
                "yes if this is today's operation (no initial hiring); blank = yes for the baseline.",
                "ya jika ini operasi saat ini (tanpa rekrutmen awal); kosong = ya untuk opsi pembanding.",
            ),
        ),
        Column(
            key="shrinkage",
            header=T("Shrinkage", "Waktu tak produktif"),
            kind="percent",
            default={"in-house": 0.30, "outsourced": 0.0},
            min=0,
            max=0.9,
            width=12,
            number_format=PERCENT_FORMAT,
            help=T(
                "Share of paid time not available for contacts (leave, training, breaks).",
                "Porsi waktu dibayar yang tidak tersedia untuk kontak (cuti, pelatihan, istirahat).",
            ),
        ),
        Column(
            key="paid_hours",
            header=T("Paid hours per FTE per month", "Jam dibayar per FTE per bulan"),
            kind="number",
            default=173.33,
            min=1,
            max=400,
            width=15,
            number_format=NUMBER_FORMAT,
            unit=T("hours", "jam"),
            help=T(
                "Paid hours of one full-time agent per month: 40 h x 52 / 12 = 173.33.",
                "Jam dibayar satu agen penuh waktu per bulan: 40 jam x 52 / 12 = 173,33.",
            ),
        ),
        Column(
            key="attrition",
            header=T("Attrition per year", "Atrisi per tahun"),
            synonyms=("Attrisi per tahun",),
            kind="percent",
            default={"in-house": 0.30, "outsourced": 0.0},
            min=0,
            max=3,
            width=12,
            number_format=PERCENT_FORMAT,
            help=T(
                "Share of agents who leave and are replaced each year.",
                "Porsi agen yang keluar dan diganti setiap tahun.",
            ),
        ),
        Column(
            key="aht_factor",
            header=T("AHT factor", "Faktor AHT"),
            kind="percent",
            default=1.0,
            min=0.5,
            max=3.0,
            width=11,
            number_format=PERCENT_FORMAT,
            help=T(
                "Handling time relative to the channel AHT; vendors often start slower (e.g. 110%).",
                "Waktu penanganan relatif terhadap AHT saluran; penyedia sering mulai lebih lambat (mis. 110%).",
            ),
        ),
        Column(
            key="transition_months",
            header=T("Transition months", "Bulan transisi"),
            kind="int",
            default=0,
            min=0,
            max=24,
            width=12,
            number_format=INT_FORMAT,
            help=T(
                "Months the baseline keeps running beside this option (parallel run).",
                "Bulan opsi pembanding tetap berjalan berdampingan dengan opsi ini (operasi paralel).",
            ),
        ),
        Column(
            key="minimum_monthly_fee",
            header=T("Minimum monthly fee", "Biaya minimum bulanan"),
            kind="number",
            default=0,
            min=0,
            max=1e12,
            width=16,
            number_format=MONEY_FORMAT,
            help=T(
                "Vendor's floor on usage charges per month.",
                "Batas bawah tagihan pemakaian penyedia per bulan.",
            ),
        ),
        Column(
            key="flexes_monthly",
            header=T("Flexes monthly", "Fleksibel bulanan"),
            kind="yesno",
            choices=YES_NO,
            default={"in-house": "no", "outsourced": "yes"},
            since=2,
            width=12,
            help=T(
                "yes = the team grows and shrinks with each month's volume; no = it is sized for the "
                "busiest month of each year. Blank = no in-house, yes outsourced.",
                "ya = tim bertambah dan berkurang mengikuti volume tiap bulan; tidak = ukurannya "
                "untuk bulan tersibuk setiap tahun. Kosong = tidak untuk internal, ya untuk alih daya.",
            ),
        ),
        NOTES,
    ),
)

COSTS = Table(
    name="tbl_costs",
    sheet=SHEETS["costs"],
    title=T("Cost lines", "Baris biaya"),
    intro=T(
        "Every cost of every option, one line each. Include the hidden ones: setup fees, oversight, exit fees, severance.",
        "Setiap biaya dari setiap opsi, satu baris masing-masing. Sertakan biaya tersembunyi: biaya penyiapan, pengawasan, biaya keluar, pesangon.",
    ),
    columns=(
        Column(
            key="option",
            header=T("Option", "Opsi"),
            kind="option",
            required=True,
            width=18,
            help=T("Must name an option of the Options sheet.", "Harus nama opsi di lembar Opsi."),
        ),
        Column(
            key="category",
            header=T("Category", "Kategori"),
            kind="choice",
            choices=CATEGORIES,
            required=True,
            width=24,
            help=T(
                "Cost category used for totals and charts.",
                "Kategori biaya untuk total dan grafik.",
            ),
        ),
        Column(
            key="item",
            header=T("Item", "Item"),
            kind="text",
            required=True,
            width=34,
            help=T("What the cost is.", "Apa biayanya."),
        ),
        Column(
            key="cost_type",
            header=T("Cost type", "Jenis biaya"),
            kind="choice",
            choices=COST_TYPE_CHOICES,
            width=24,
            help=T(
                "Tag from the hidden-cost checklist; blank = inferred from Item.",
                "Jenis dari daftar periksa biaya tersembunyi; kosong = ditebak dari Item.",
            ),
        ),
        Column(
            key="basis",
            header=T("Basis", "Dasar"),
            kind="choice",
            choices=BASES,
            required=True,
            width=20,
            help=T(
                "How the amount is charged: one-time, monthly, per FTE per month, per contact... "
                "Severance: per FTE released (x the in-house FTE let go).",
                "Cara biaya dikenakan: sekali, bulanan, per FTE per bulan, per kontak... "
                "Pesangon: per FTE dilepas (x FTE internal yang dilepas).",
            ),
        ),
        Column(
            key="amount",
            header=T("Amount", "Jumlah"),
            kind="number",
            required=True,
            min=0,
            max=1e12,
            width=16,
            number_format=MONEY2_FORMAT,
            help=T(
                "Money per unit of the basis; for the % bases, a percent (e.g. 15%).",
                "Uang per satuan dasar; untuk dasar %, persentase (mis. 15%).",
            ),
        ),
        Column(
            key="quantity",
            header=T("Quantity", "Kuantitas"),
            kind="number",
            default=1,
            min=0,
            max=1_000_000,
            width=10,
            number_format=NUMBER_FORMAT,
            help=T(
                "Multiplier, e.g. 0.1 supervisors per agent FTE or 2 licences.",
                "Pengali, mis. 0,1 supervisor per FTE agen atau 2 lisensi.",
            ),
        ),
        Column(
            key="start_month",
            header=T("Start month", "Bulan mulai"),
            kind="int",
            default=1,
            min=0,
            max=1200,
            width=10,
            number_format=INT_FORMAT,
            help=T(
                "First month charged; 0 = before go-live (one-time costs only).",
                "Bulan pertama dikenakan; 0 = sebelum mulai beroperasi (hanya biaya sekali).",
            ),
        ),
        Column(
            key="end_month",
            header=T("End month", "Bulan akhir"),
            kind="int",
            default=None,
            min=0,
            max=1200,
            width=10,
            number_format=INT_FORMAT,
            help=T(
                "Last month charged; blank = end of the horizon.",
                "Bulan terakhir dikenakan; kosong = akhir periode analisis.",
            ),
        ),
        Column(
            key="escalation",
            header=T("Escalation", "Eskalasi"),
            kind="choice",
            choices=ESCALATIONS,
            default=None,
            width=12,
            help=T(
                "Yearly price rise applied: wage, vendor, general or none; blank = by option type and category.",
                "Kenaikan harga tahunan: upah, penyedia, umum atau tidak ada; kosong = menurut jenis opsi dan kategori.",
            ),
        ),
        Column(
            key="channel",
            header=T("Channel", "Saluran"),
            kind="channel",
            width=16,
            help=T(
                "Limit a usage basis to one channel; blank = all channels.",
                "Batasi dasar pemakaian ke satu saluran; kosong = semua saluran.",
            ),
        ),
        Column(
            key="in_hybrid",
            header=T("In a hybrid", "Dalam hibrida"),
            kind="choice",
            choices=IN_HYBRID,
            since=2,
            width=14,
            help=T(
                "For fixed amounts when the option shares the work: full = charged in full on a "
                "side that handles anything; pro rata = by that side's share of the workload; pure "
                "only = only when the option runs alone; blank = the default of the cost type.",
                "Untuk jumlah tetap bila opsi berbagi pekerjaan: penuh = dikenakan utuh pada sisi "
                "yang menangani apa pun; proporsional = sesuai porsi beban kerja sisi itu; hanya "
                "murni = hanya bila opsi berjalan sendiri; kosong = bawaan jenis biaya.",
            ),
        ),
        NOTES,
    ),
)

SCORES = Table(
    name="tbl_scores",
    sheet=SHEETS["scores"],
    title=T("Qualitative scorecard", "Penilaian kualitatif"),
    intro=T(
        "Weight each criterion 0-5, then score each option 1-5 in the column under its name (Option "
        "1 is the first option of the Options sheet).",
        "Beri bobot setiap kriteria 0-5, lalu nilai setiap opsi 1-5 di kolom di bawah namanya (Opsi 1 "
        "adalah opsi pertama di lembar Opsi).",
    ),
    columns=(
        Column(
            key="criterion",
            header=T("Criterion", "Kriteria"),
            kind="text",
            required=True,
            width=40,
            help=T("What is judged.", "Apa yang dinilai."),
        ),
        Column(
            key="weight",
            header=T("Weight", "Bobot"),
            kind="number",
            default=0,
            min=0,
            max=5,
            width=9,
            number_format=NUMBER_FORMAT,
            help=T("Importance 0-5 (0 = ignore).", "Kepentingan 0-5 (0 = abaikan)."),
        ),
    ),
    extra_columns_allowed=True,
)
SCORE_MIN, SCORE_MAX = 1, 5

TABLES = (CHANNELS, PROFILES, SEASONALITY, OPTIONS, COSTS, HYBRIDS, SCORES, RISKS, COMMENTARY)
TABLES_BY_NAME = {t.name: t for t in TABLES}


def tables_in_version(version: int) -> tuple[Table, ...]:
    """The tables of template `version`, each with the columns that version has."""
    return tuple(in_version(t, version) for t in TABLES if t.since <= version)
