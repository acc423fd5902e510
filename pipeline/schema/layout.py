"""The workbook layout: sheets and the single values on the Project sheet (defined names, DESIGN §2)."""

from __future__ import annotations

from .choices import (
    CURRENCY_CHOICES,
    LANGUAGE_CHOICES,
)
from .core import (
    Field,
    T,
)

# ------------------------------------------------------------------------------------------ sheets
SHEETS = {
    "guide": T("Guide", "Panduan"),
    "project": T("Project", "Proyek"),
    "demand": T("Demand", "Permintaan"),
    "profiles": T("Profiles", "Profil"),
    "seasonality": T("Seasonality", "Musiman"),
    "options": T("Options", "Opsi"),
    "costs": T("Costs", "Biaya"),
    "hybrids": T("Hybrids", "Hibrida"),
    "scores": T("Qualitative", "Kualitatif"),
    "risks": T("Risks", "Risiko"),
    "commentary": T("Commentary", "Komentar"),
    "meta": T("_meta", "_meta"),
}
META_VERSION_NAME = "template_version"
META_LANGUAGE_NAME = "template_language"

# ---------------------------------------------------------------------------------- single values
FIELDS = (
    Field(
        key="client_name",
        kind="text",
        required=True,
        max_length=120,
        label=T("Client name", "Nama klien"),
        help=T(
            "The company the analysis is for; printed on the report cover.",
            "Perusahaan yang dianalisis; dicetak di sampul laporan.",
        ),
    ),
    Field(
        key="prepared_by",
        kind="text",
        max_length=120,
        label=T("Prepared by", "Disusun oleh"),
        help=T("Your name or firm (optional).", "Nama Anda atau firma Anda (opsional)."),
    ),
    Field(
        key="report_date",
        kind="date",
        default="today",
        label=T("Report date", "Tanggal laporan"),
        help=T(
            "Date printed on the report; blank = today.",
            "Tanggal yang dicetak di laporan; kosong = hari ini.",
        ),
    ),
    Field(
        key="currency",
        kind="currency",
        default="IDR",
        choices=CURRENCY_CHOICES,
        label=T("Currency", "Mata uang"),
        help=T(
            "ISO code of the currency every amount is in.", "Kode ISO mata uang untuk semua nilai."
        ),
    ),
    Field(
        key="language",
        kind="language",
        default=None,
        choices=LANGUAGE_CHOICES,
        label=T("Report language", "Bahasa laporan"),
        help=T("en = English, id = Bahasa Indonesia.", "en = Inggris, id = Bahasa Indonesia."),
    ),
    Field(
        key="horizon_years",
        kind="int",
        default=3,
        min=1,
        max=10,
        label=T("Horizon (years)", "Periode analisis (tahun)"),
        synonyms=("Horizon (tahun)",),
        help=T(
            "How many years to compare, 1 to 10.", "Berapa tahun yang dibandingkan, 1 sampai 10."
        ),
    ),
    Field(
        key="discount_rate",
        kind="percent",
        default=0.10,
        min=0.0,
        max=0.50,
        label=T("Discount rate (per year)", "Tingkat diskonto (per tahun)"),
        help=T(
            "Your cost of capital, used for present values and NPV.",
            "Biaya modal Anda, dipakai untuk nilai kini dan NPV.",
        ),
    ),
    Field(
        key="wage_inflation",
        kind="percent",
        default=0.05,
        min=-0.10,
        max=0.50,
        label=T("Wage inflation (per year)", "Kenaikan upah (per tahun)"),
        help=T(
            "Yearly rise of in-house labour costs.", "Kenaikan tahunan biaya tenaga kerja internal."
        ),
    ),
    Field(
        key="vendor_escalation",
        kind="percent",
        default=0.03,
        min=-0.10,
        max=0.50,
        label=T("Vendor price escalation (per year)", "Eskalasi harga penyedia (per tahun)"),
        synonyms=("Eskalasi harga vendor (per tahun)",),
        help=T(
            "Yearly price rise in the vendor contracts.",
            "Kenaikan harga tahunan dalam kontrak penyedia.",
        ),
    ),
    Field(
        key="general_inflation",
        kind="percent",
        default=0.03,
        min=-0.10,
        max=0.50,
        label=T("General inflation (per year)", "Inflasi umum (per tahun)"),
        help=T(
            "Yearly rise of other costs (rent, software...).",
            "Kenaikan tahunan biaya lain (sewa, perangkat lunak...).",
        ),
    ),
    Field(
        key="volume_growth",
        kind="percent",
        default=0.0,
        min=-0.50,
        max=1.00,
        label=T("Volume growth (per year)", "Pertumbuhan volume (per tahun)"),
        help=T("Yearly growth of contact volumes.", "Pertumbuhan tahunan volume kontak."),
    ),
    Field(
        key="baseline_option",
        kind="option",
        default="first-in-house",
        label=T("Baseline option", "Opsi pembanding"),
        synonyms=("Opsi pembanding (baseline)",),
        help=T(
            "The option the others are compared with, usually today's in-house team; blank = first in-house option.",
            "Opsi yang menjadi pembanding, biasanya tim internal saat ini; kosong = opsi internal pertama.",
        ),
    ),
    Field(
        key="financial_weight",
        kind="percent",
        default=0.60,
        min=0.0,
        max=1.0,
        label=T("Weight of cost in the recommendation", "Bobot biaya dalam rekomendasi"),
        help=T(
            "Cost score vs qualitative score: 60% means cost counts 60%, quality 40%.",
            "Skor biaya vs skor kualitatif: 60% berarti biaya 60%, kualitas 40%.",
        ),
    ),
    Field(
        key="usd_rate",
        kind="number",
        default=None,
        min=0.0,
        max=None,
        label=T("Units of currency per 1 USD", "Nilai 1 USD dalam mata uang ini"),
        help=T(
            "Optional; enables the check of vendor hourly rates against USD 10-50.",
            "Opsional; mengaktifkan pemeriksaan tarif per jam penyedia terhadap USD 10-50.",
        ),
    ),
    Field(
        key="go_live",
        kind="month",
        default="month-after-report",
        since=2,
        label=T("Go-live month", "Bulan mulai beroperasi"),
        synonyms=("Bulan go-live",),
        help=T(
            "The calendar month the compared operation starts (month 1 of the horizon); it places "
            "the busy months of the Seasonality sheet. Any day of the month will do; blank = the "
            "month after the report date.",
            "Bulan kalender saat operasi yang dibandingkan dimulai (bulan 1 periode analisis); "
            "menentukan letak bulan-bulan ramai di lembar Musiman. Tanggal berapa pun dalam bulan itu boleh; "
            "kosong = bulan setelah tanggal laporan.",
        ),
    ),
    Field(
        key="business_hours",
        kind="profile",
        default="office_hours",
        since=2,
        label=T("Business hours", "Jam kerja"),
        help=T(
            "The hours your own team keeps when a hybrid sends the contacts outside them to a "
            "vendor (after hours): a profile of the Profiles sheet; its open hours count. Blank = "
            "Office hours (Mon-Fri 08-17).",
            "Jam yang tetap dilayani tim Anda sendiri saat hibrida mengirim kontak di luar jam itu "
            "ke penyedia (di luar jam kerja): profil dari lembar Profil; jam bukanya yang dihitung. "
            "Kosong = Jam kantor (Sen-Jum 08-17).",
        ),
    ),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}


def fields_in_version(version: int) -> tuple[Field, ...]:
    """The single values template `version` has (go_live and business_hours arrived with
    version 2)."""
    return tuple(f for f in FIELDS if f.since <= version)
