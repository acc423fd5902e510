"""The optional Hybrids sheet of template version 2 (DESIGN §8): hybrids the user poses, each a
vendor taking some channels, hours and tiers of the contacts, or a share of them."""

from __future__ import annotations

from .core import NOTES, PERCENT_FORMAT, Choice, Column, T, Table
from .layout import SHEETS

HYBRID_HOURS = (
    Choice(
        code="all",
        label=T("all", "semua"),
        synonyms=("all hours", "any", "always", "24/7", "semua jam", "sepanjang waktu"),
    ),
    Choice(
        code="business",
        label=T("business hours", "jam kerja"),
        synonyms=(
            "business",
            "office hours",
            "in hours",
            "daytime",
            "day",
            "jam kantor",
            "siang",
        ),
    ),
    Choice(
        code="after_hours",
        label=T("after hours", "di luar jam kerja"),
        synonyms=(
            "after-hours",
            "outside business hours",
            "out of hours",
            "off hours",
            "nights and weekends",
            "luar jam kerja",
            "di luar jam kantor",
            "luar jam kantor",
            "malam",
        ),
    ),
)
"""Which hours of the week a hybrid sends to the vendor, measured against the Project value
`business_hours`."""

HYBRID_TIERS = (
    Choice(
        code="all",
        label=T("all", "semua"),
        synonyms=("both", "any", "all contacts", "keduanya", "semua kontak"),
    ),
    Choice(
        code="simple",
        label=T("simple", "sederhana"),
        synonyms=("simple contacts", "easy", "basic", "tier 1", "routine", "mudah", "biasa"),
    ),
    Choice(
        code="complex",
        label=T("complex", "kompleks"),
        synonyms=("complex contacts", "expert", "hard", "tier 2", "rumit", "sulit"),
    ),
)
"""Which contacts a hybrid sends to the vendor: the simple ones, the complex ones (each
channel's `Complex share`) or all."""

HYBRIDS = Table(
    name="tbl_hybrids",
    sheet=SHEETS["hybrids"],
    title=T("Hybrids: your own splits", "Hibrida: pembagian Anda sendiri"),
    intro=T(
        "Optional. The tool already tries every vendor by channel, after hours, by simple and "
        "complex contacts and by share; add a row for a split you want to see for sure.",
        "Opsional. Alat ini sudah mencoba setiap penyedia per saluran, di luar jam kerja, per "
        "kontak sederhana dan kompleks, dan per porsi; tambahkan baris untuk pembagian yang pasti "
        "ingin Anda lihat.",
    ),
    columns=(
        Column(
            key="hybrid",
            header=T("Hybrid", "Hibrida"),
            kind="text",
            required=True,
            width=30,
            help=T(
                "A short name for this split, e.g. Vendor takes WhatsApp and email; shown in the "
                "report.",
                "Nama singkat pembagian ini, mis. Penyedia menangani WhatsApp dan surel; tampil di "
                "laporan.",
            ),
        ),
        Column(
            key="vendor",
            header=T("Vendor", "Penyedia"),
            kind="option",
            required=True,
            width=18,
            help=T(
                "The outsourced option of the Options sheet that takes these contacts; the "
                "baseline keeps the rest.",
                "Opsi alih daya dari lembar Opsi yang menangani kontak ini; opsi pembanding "
                "menangani sisanya.",
            ),
        ),
        Column(
            key="channels",
            header=T("Channels", "Saluran"),
            kind="channels",
            width=26,
            help=T(
                "Channels of the Demand sheet the vendor takes, separated by commas, e.g. "
                "WhatsApp, Email. Blank = all channels.",
                "Saluran dari lembar Permintaan yang ditangani penyedia, dipisah koma, mis. "
                "WhatsApp, Surel. Kosong = semua saluran.",
            ),
        ),
        Column(
            key="hours",
            header=T("Hours", "Jam"),
            kind="choice",
            choices=HYBRID_HOURS,
            default="all",
            width=16,
            help=T(
                "When the vendor takes them: all hours, business hours, or after hours (outside "
                "the business hours of the Project sheet). Blank = all.",
                "Kapan penyedia menanganinya: semua jam, jam kerja, atau di luar jam kerja (di "
                "luar jam kerja di lembar Proyek). Kosong = semua.",
            ),
        ),
        Column(
            key="tier",
            header=T("Tier", "Tingkat"),
            kind="choice",
            choices=HYBRID_TIERS,
            default="all",
            width=12,
            help=T(
                "Which contacts: all, simple ones, or complex ones (Complex share on the Demand "
                "sheet). Blank = all.",
                "Kontak mana: semua, yang sederhana, atau yang kompleks (Porsi kompleks di lembar "
                "Permintaan). Kosong = semua.",
            ),
        ),
        Column(
            key="share",
            header=T("Share", "Porsi"),
            kind="percent",
            default=1.0,
            min=0,
            min_exclusive=True,
            max=1,
            width=10,
            number_format=PERCENT_FORMAT,
            help=T(
                "Part of those contacts the vendor takes, above 0% up to 100%. Blank = 100%.",
                "Bagian kontak itu yang ditangani penyedia, di atas 0% sampai 100%. Kosong = 100%.",
            ),
        ),
        NOTES,
    ),
    since=2,
    optional=True,
)
