"""The Profiles and Seasonality tables of template version 2 (DESIGN §8): when in the week and
when in the year contacts arrive. Their built-in rows are in `demand`."""

from __future__ import annotations

from .core import NOTES, NUMBER_FORMAT, WEIGHT_FORMAT, Column, T, Table
from .demand import DAY_CHOICES, HOUR_KEYS, MONTH_KEYS, MONTHS
from .layout import SHEETS

HOUR_HELP = T(
    "How busy this hour is, relative to the other hours of the profile (any scale, e.g. contacts "
    "per hour). 0 or blank = closed.",
    "Seberapa ramai jam ini dibanding jam lain dalam profil (skala bebas, mis. kontak per jam). "
    "0 atau kosong = tutup.",
)
PROFILES = Table(
    name="tbl_profiles",
    sheet=SHEETS["profiles"],
    title=T(
        "Profiles: when in the week customers contact you",
        "Profil: kapan dalam seminggu pelanggan menghubungi Anda",
    ),
    intro=T(
        "Seven rows per profile, Monday to Sunday; one column per hour (00 = 00:00-01:00). "
        "Numbers are relative: 10 is twice as busy as 5; 0 = closed. Edit these or add your own.",
        "Tujuh baris per profil, Senin sampai Minggu; satu kolom per jam (00 = 00.00-01.00). "
        "Angkanya relatif: 10 dua kali lebih ramai dari 5; 0 = tutup. Ubah atau tambahkan "
        "profil Anda sendiri.",
    ),
    columns=(
        Column(
            key="profile",
            header=T("Profile", "Profil"),
            kind="text",
            required=True,
            width=20,
            help=T(
                "Name of the profile, the same on its seven rows; channels name it on the Demand "
                "sheet.",
                "Nama profil, sama di ketujuh barisnya; saluran menyebutnya di lembar Permintaan.",
            ),
        ),
        Column(
            key="day",
            header=T("Day", "Hari"),
            kind="choice",
            choices=DAY_CHOICES,
            required=True,
            width=7,
            help=T(
                "Day of the week; a day without a row is closed.",
                "Hari dalam minggu; hari tanpa baris berarti tutup.",
            ),
        ),
        *(
            Column(
                key=key,
                header=T(key[1:], key[1:]),
                kind="number",
                max=1_000_000,
                width=5.3,
                number_format=WEIGHT_FORMAT,
                help=HOUR_HELP,
            )
            for key in HOUR_KEYS
        ),
        NOTES,
    ),
    since=2,
    optional=True,
)

SEASONALITY = Table(
    name="tbl_seasonality",
    sheet=SHEETS["seasonality"],
    title=T("Seasonality: busy and quiet months", "Musiman: bulan ramai dan sepi"),
    intro=T(
        "One row per pattern: how busy each calendar month is, relative to the others (1.2 = 20% "
        "above average). Edit these or add your own.",
        "Satu baris per pola: seberapa ramai setiap bulan kalender dibanding bulan lain (1,2 = 20% "
        "di atas rata-rata). Ubah atau tambahkan pola Anda sendiri.",
    ),
    columns=(
        Column(
            key="pattern",
            header=T("Pattern", "Pola"),
            kind="text",
            required=True,
            width=24,
            help=T(
                "Name of the pattern; channels name it on the Demand sheet.",
                "Nama pola; saluran menyebutnya di lembar Permintaan.",
            ),
        ),
        *(
            Column(
                key=key,
                header=label,
                kind="number",
                max=1000,
                width=7,
                number_format=NUMBER_FORMAT,
                help=T(
                    "Volume of this month relative to the others, above 0; the twelve are scaled "
                    "so that their average is 1.",
                    "Volume bulan ini relatif terhadap bulan lain, di atas 0; kedua belasnya "
                    "diskalakan agar rata-ratanya 1.",
                ),
            )
            for key, label in zip(MONTH_KEYS, MONTHS, strict=True)
        ),
        NOTES,
    ),
    since=2,
    optional=True,
)
