"""The Guide sheet's text, EN and ID: what the workbook decides, the steps, demand through the week
and the year and hybrids in plain words, the colours and the hidden-cost checklist.

Sheet and column names come from `schema`, never spelled here.
"""

from __future__ import annotations

from . import schema
from .schema import T
from .validate.scores import POSITION_HEADER

GUIDE_TITLE = T(
    "Customer service: in-house, outsourced or hybrid?",
    "Layanan pelanggan: internal, alih daya, atau hibrida?",
)
SHORT_TITLES = {
    "vendor_escalation": T("Vendor price rise per year", "Kenaikan harga penyedia/tahun"),
    "financial_weight": T("Weight of cost", "Bobot biaya"),
}
"""Input-message titles for the labels longer than Excel's 32 characters (Project keys, or
`table.column` for a column): real short forms, not cut ones."""


def guide_blocks(lang: str) -> list[tuple[str, str, str]]:
    """(kind, text, extra) rows of the Guide: heading, subheading, para (extra = step number),
    bullet, swatch (extra = which fill)."""
    s = {k: v(lang) for k, v in schema.SHEETS.items()}
    en = lang != "id"

    def pos(n: int) -> str:
        return POSITION_HEADER(lang).format(n=n)

    blocks: list[tuple[str, str, str]] = [
        (
            "heading",
            "What this workbook decides" if en else "Apa yang diputuskan buku kerja ini",
            "",
        ),
        (
            "para",
            (
                "Whether to run customer service with your own team, hand it to a BPO / call-centre vendor, "
                "or split it between the two. You describe the demand, the options and every cost line; the "
                "tool checks each cell, computes a multi-year cost comparison with ROI, payback, staffing "
                "(Erlang C), hybrids and a sensitivity analysis, and writes a PDF recommendation."
            )
            if en
            else (
                "Apakah layanan pelanggan dijalankan tim sendiri, diserahkan ke penyedia BPO / pusat "
                "kontak, atau dibagi di antara keduanya. Anda mengisi permintaan, opsi dan setiap baris "
                "biaya; alat ini memeriksa setiap sel, menghitung perbandingan biaya beberapa tahun "
                "dengan ROI, periode balik modal, "
                "kebutuhan staf (Erlang C), hibrida dan analisis sensitivitas, lalu menulis "
                "rekomendasi dalam PDF."
            ),
            "",
        ),
        ("heading", "Steps" if en else "Langkah", ""),
        (
            "para",
            (
                f"{s['project']}: client name, currency, horizon, inflation and discount rate."
                if en
                else f"{s['project']}: nama klien, mata uang, periode analisis, inflasi dan tingkat diskonto."
            ),
            "1",
        ),
        (
            "para",
            (
                f"{s['demand']}: one row per contact channel with its monthly volume, handling time and "
                "opening hours (168 = 24/7), and when in the week and the year its contacts arrive "
                "(see below)."
                if en
                else f"{s['demand']}: satu baris per saluran kontak dengan volume bulanan, waktu "
                "penanganan dan jam buka (168 = 24/7), serta kapan dalam seminggu dan setahun "
                "kontaknya datang (lihat di bawah)."
            ),
            "2",
        ),
        (
            "para",
            (
                f"{s['options']}: today's in-house team (mark it as already running) and each vendor quote."
                if en
                else f"{s['options']}: tim internal saat ini (tandai sudah berjalan) dan setiap "
                "penawaran penyedia."
            ),
            "3",
        ),
        (
            "para",
            (
                f"{s['costs']}: every cost line of every option: salaries, benefits, licences, vendor rates "
                "and the hidden costs listed below. Choose a basis (monthly, per FTE, per contact...)."
                if en
                else f"{s['costs']}: setiap baris biaya setiap opsi: gaji, tunjangan, lisensi, tarif "
                "penyedia dan biaya tersembunyi di bawah. Pilih dasar (bulanan, per FTE, per kontak...)."
            ),
            "4",
        ),
        (
            "para",
            (
                f"{s['hybrids']} (optional): a split of your own between a vendor and your team "
                "that you want to see in the report (see below)."
                if en
                else f"{s['hybrids']} (opsional): pembagian Anda sendiri antara penyedia dan tim "
                "Anda yang ingin dilihat di laporan (lihat di bawah)."
            ),
            "5",
        ),
        (
            "para",
            (
                f"{s['scores']}: weight each criterion 0-5 and score each option 1-5. Column "
                f"{pos(1)} scores the first option of the {s['options']} sheet, {pos(2)} the "
                "second, and so on (sorting the options changes the order): the option's name shows "
                "above each column, which is grey while it has no option."
                if en
                else f"{s['scores']}: beri bobot kriteria 0-5 dan nilai setiap opsi 1-5. Kolom "
                f"{pos(1)} menilai opsi pertama di lembar {s['options']}, {pos(2)} yang kedua, "
                "dan seterusnya (mengurutkan opsi mengubah urutannya): nama opsinya tampil di atas "
                "setiap kolom, yang berwarna abu-abu selama belum punya opsi."
            ),
            "6",
        ),
        (
            "para",
            (
                f"{s['risks']} and {s['commentary']} (optional): your risk register (likelihood and "
                "impact 1-5, mitigation, owner), your commentary, next steps, transition plan, "
                "disclaimer and sign-off for the report. Without risks the report proposes the usual "
                "ones, marked as defaults."
                if en
                else f"{s['risks']} dan {s['commentary']} (opsional): daftar risiko Anda (kemungkinan "
                "dan dampak 1-5, mitigasi, penanggung jawab), komentar, langkah berikutnya, rencana "
                "transisi, penafian dan pengesahan untuk laporan. Tanpa risiko, laporan mengusulkan "
                "risiko umum yang ditandai sebagai bawaan."
            ),
            "7",
        ),
        (
            "para",
            (
                "Run: cs-sourcing validate FILE.xlsx to check it, then cs-sourcing report FILE.xlsx for the PDF."
                if en
                else "Jalankan: cs-sourcing validate FILE.xlsx untuk memeriksa, lalu "
                "cs-sourcing report FILE.xlsx untuk PDF."
            ),
            "8",
        ),
        *demand_blocks(lang),
        *hybrid_blocks(lang),
        ("heading", "Colours" if en else "Warna", ""),
        (
            "swatch",
            "Input cell: type or choose a value here (a dropdown offers the valid values)."
            if en
            else "Sel isian: ketik atau pilih nilai di sini (daftar pilihan menawarkan nilai yang sah).",
            "input",
        ),
        ("swatch", "Label: fixed text." if en else "Label: teks tetap.", "label"),
        (
            "swatch",
            "Table header: keep the text; columns may be reordered."
            if en
            else "Judul tabel: jangan ubah teksnya; urutan kolom boleh diubah.",
            "header",
        ),
        (
            "para",
            (
                "The sheets are protected without a password only to prevent slips (sorting and "
                "the filter buttons still work): Review > Unprotect Sheet if you need to add rows "
                "beyond the prepared ones. Percentages may be typed as 30% or 0.3; amounts are in "
                "the currency chosen on the Project sheet."
                if en
                else "Lembar-lembar dilindungi tanpa kata sandi hanya untuk mencegah salah ketik "
                "(mengurutkan dan tombol filter tetap bisa dipakai): Tinjau > Buka Proteksi Lembar "
                "bila perlu menambah baris. Persentase boleh diketik 30% atau 0,3; semua nilai dalam "
                "mata uang yang dipilih di lembar Proyek."
            ),
            "",
        ),
        (
            "heading",
            "Hidden costs people forget" if en else "Biaya tersembunyi yang sering terlupa",
            "",
        ),
    ]
    for option_type, title in (
        ("outsourced", T("Outsourced option", "Opsi alih daya")),
        ("in-house", T("In-house option", "Opsi internal")),
    ):
        blocks.append(("subheading", title(lang), ""))
        blocks += [("bullet", t.label(lang), "") for t in schema.checklist_types(option_type)]
    blocks.append(
        (
            "para",
            (
                "Tag each line with its Cost type (or leave it blank and the tool infers it from the Item "
                "text); the report shows each checklist item as included or missing."
                if en
                else "Beri setiap baris Jenis biaya (atau kosongkan dan alat ini menebak dari teks "
                "Item); laporan menampilkan setiap butir daftar sebagai ada atau belum ada."
            ),
            "",
        )
    )
    return blocks


def demand_blocks(lang: str) -> list[tuple[str, str, str]]:
    """The Guide's section on demand by hour, season, patience and complex contacts, in plain
    words; column and sheet names come from the schema."""
    s = {k: v(lang) for k, v in schema.SHEETS.items()}
    ch, op = schema.CHANNELS.column, schema.OPTIONS.column
    h = {k: ch(k).header(lang) for k in ("profile", "seasonality", "monthly_volume")}
    h |= {k: ch(k).header(lang) for k in ("complex_share", "complex_aht_factor")}
    h |= {
        "patience": ch("patience_seconds").header(lang),
        "flexes": op("flexes_monthly").header(lang),
    }
    h["go_live"] = schema.FIELDS_BY_KEY["go_live"].label(lang)
    names = ", ".join(b.label(lang) for b in schema.BUILTIN_PROFILES)
    if lang != "id":
        return [
            ("heading", "Demand as it really arrives", ""),
            ("subheading", "When do your customers contact you?", ""),
            (
                "para",
                "Customers do not come evenly: nights are quiet, lunch is a dip and evenings are "
                f"busy. Choose a {h['profile']} for each channel on the {s['demand']} sheet and "
                "the tool staffs every hour of the week for the customers who arrive in that hour, "
                f"so the busiest hour gets enough people. Ready-made profiles ({names}) are on the "
                f"{s['profiles']} sheet: change their numbers, or add your own profile as seven "
                "rows, Monday to Sunday. The numbers only have to be right relative to each other: "
                "10 is twice as busy as 5, and 0 means closed.",
                "",
            ),
            ("subheading", "Busy months", ""),
            (
                "para",
                "Most businesses have peak months, such as Ramadan and Lebaran or the 11.11 and "
                f"12.12 sales. Choose a {h['seasonality']} pattern for each channel (sheet "
                f"{s['seasonality']}); the {h['monthly_volume']} you type is then an average month. "
                f"{h['go_live']} on the {s['project']} sheet says in which calendar month the "
                f"comparison starts. On the {s['options']} sheet, {h['flexes']} says whether an "
                "option adds people only for the busy months (vendors usually can) or keeps a team "
                "sized for the busiest month all year.",
                "",
            ),
            ("subheading", "Customers who hang up", ""),
            (
                "para",
                "On the phone and in chat some customers give up when they wait too long. "
                f"{h['patience']} is how long they wait on average before hanging up; with it, "
                "the report shows how many customers would be lost. Leave it blank if you do not "
                "know: the tool then assumes everyone waits.",
                "",
            ),
            ("subheading", "Complex contacts", ""),
            (
                "para",
                "Some contacts need an expert and take longer: complaints, technical problems, "
                f"disputed refunds. {h['complex_share']} is the part of a channel's contacts that "
                f"are like this (e.g. 15%), and {h['complex_aht_factor']} how much longer they "
                "take than the average (e.g. 180% = 1.8 times as long). The tool counts that "
                "extra time when it works out the staff needed.",
                "",
            ),
        ]
    return [
        ("heading", "Permintaan seperti kenyataannya", ""),
        ("subheading", "Kapan pelanggan menghubungi Anda?", ""),
        (
            "para",
            "Pelanggan tidak datang merata: malam hari sepi, jam makan siang agak turun, dan sore "
            f"sampai malam ramai. Pilih {h['profile']} untuk setiap saluran di lembar "
            f"{s['demand']}; alat ini lalu menghitung staf untuk setiap jam dalam seminggu sesuai "
            "pelanggan yang datang pada jam itu, sehingga jam tersibuk pun cukup orangnya. Profil "
            f"siap pakai ({names}) ada di lembar {s['profiles']}: ubah angkanya, atau tambahkan "
            "profil Anda sendiri sebagai tujuh baris, Senin sampai Minggu. Angkanya cukup benar "
            "secara relatif: 10 berarti dua kali lebih ramai dari 5, dan 0 berarti tutup.",
            "",
        ),
        ("subheading", "Bulan-bulan ramai", ""),
        (
            "para",
            "Kebanyakan bisnis punya bulan puncak, seperti Ramadan dan Lebaran atau promo 11.11 "
            f"dan 12.12. Pilih pola {h['seasonality']} untuk setiap saluran (lembar "
            f"{s['seasonality']}); {h['monthly_volume']} yang Anda ketik menjadi rata-rata per "
            f"bulan. {h['go_live']} di lembar {s['project']} menentukan bulan kalender awal "
            f"perbandingan. Di lembar {s['options']}, {h['flexes']} menyatakan apakah sebuah opsi "
            "menambah orang hanya pada bulan ramai (penyedia biasanya bisa) atau mempertahankan tim "
            "seukuran bulan tersibuk sepanjang tahun.",
            "",
        ),
        ("subheading", "Pelanggan yang menutup telepon", ""),
        (
            "para",
            "Di telepon dan chat, sebagian pelanggan menyerah bila menunggu terlalu lama. "
            f"{h['patience']} adalah rata-rata berapa lama mereka mau menunggu sebelum menutup; "
            "dengan angka ini laporan menunjukkan berapa pelanggan yang hilang. Kosongkan bila "
            "tidak tahu: alat ini lalu menganggap semua pelanggan mau menunggu.",
            "",
        ),
        ("subheading", "Kontak kompleks", ""),
        (
            "para",
            "Sebagian kontak perlu ditangani ahli dan lebih lama: keluhan, masalah teknis, "
            f"sengketa refund. {h['complex_share']} adalah bagian kontak saluran yang seperti ini "
            f"(mis. 15%), dan {h['complex_aht_factor']} berapa kali lebih lama penanganannya "
            "dibanding rata-rata (mis. 180% = 1,8 kali). Alat ini memperhitungkan waktu tambahan "
            "itu saat menghitung kebutuhan staf.",
            "",
        ),
    ]


def _types(mode: str, lang: str) -> str:
    """The cost types whose fixed lines count `mode` in a hybrid by default, as a list in words."""
    labels = [t.label(lang).lower() for t in schema.COST_TYPES if t.in_hybrid == mode]
    last = " dan " if lang == "id" else " and "
    return ", ".join(labels[:-1]) + last + labels[-1] if len(labels) > 1 else "".join(labels)


def hybrid_blocks(lang: str) -> list[tuple[str, str, str]]:
    """The Guide's section on hybrids: what the tool tries, the Hybrids sheet, `In a hybrid` and
    severance per FTE released, in plain words; names come from the schema."""
    s = {k: v(lang) for k, v in schema.SHEETS.items()}
    column = schema.COSTS.column("in_hybrid").header(lang)
    hours = schema.FIELDS_BY_KEY["business_hours"].label(lang)
    label = {c.code: c.label(lang) for c in (*schema.IN_HYBRID, *schema.BASES)}
    full, pure = _types("full", lang), _types("pure_only", lang)
    if lang != "id":
        return [
            ("heading", "Sharing the work: hybrids", ""),
            (
                "para",
                "Besides each option on its own, the tool tries hybrids: a vendor takes part of "
                "the contacts and your baseline team keeps the rest. For each vendor it tries a "
                "split by channel (e.g. the vendor takes WhatsApp and email), after hours (your "
                f"team keeps the hours set by “{hours}” on the {s['project']} sheet, Mon-Fri "
                "08-17 unless you change it, and the vendor takes the rest), by tier (the vendor takes the simple contacts, your team the complex "
                "ones) and by share (10% to 90% of everything). Each side is staffed hour by hour "
                "for the contacts it gets, and the report shows the best of each kind.",
                "",
            ),
            ("subheading", "Your own hybrids", ""),
            (
                "para",
                f"To see a particular split in the report, add a row on the {s['hybrids']} sheet: "
                "a name, the vendor, the channels it takes (blank = all), the hours, the tier and "
                "the share.",
                "",
            ),
            ("subheading", "Costs in a hybrid", ""),
            (
                "para",
                "Costs charged per use (per contact, per minute, per agent hour, per FTE, per "
                "hire) follow each side's own volume. For fixed amounts (one-time, monthly, "
                f"annual) the column “{column}” on the {s['costs']} sheet says how they count: "
                f"{label['full']} = charged in full on a side that handles anything; "
                f"{label['pro_rata']} = by that side's share of the workload; {label['pure_only']} "
                "= only when the option runs alone. Blank takes the default of the cost type: in "
                f"full for {full}; only for the option on its own for {pure}; pro rata for the "
                "others.",
                "",
            ),
            (
                "para",
                f"Severance: use the basis “{label['per_fte_released']}”. The amount is paid for "
                "each FTE of your current team that is no longer needed, so a hybrid that keeps "
                "part of the team pays only for the part it lets go.",
                "",
            ),
        ]
    return [
        ("heading", "Berbagi pekerjaan: hibrida", ""),
        (
            "para",
            "Selain setiap opsi secara tersendiri, alat ini mencoba hibrida: penyedia menangani "
            "sebagian kontak dan tim pembanding Anda menangani sisanya. Untuk setiap penyedia "
            "dicoba pembagian per saluran (mis. penyedia menangani WhatsApp dan surel), di luar "
            f"jam kerja (tim Anda tetap melayani jam yang ditetapkan “{hours}” di lembar "
            f"{s['project']}, Sen-Jum 08-17 bila tidak diubah, dan penyedia menangani sisanya), "
            "per tingkat (penyedia menangani kontak sederhana, tim Anda yang kompleks) dan "
            "per porsi (10% sampai 90% dari semuanya). Setiap sisi diisi staf jam demi jam untuk "
            "kontak yang diterimanya, dan laporan menampilkan yang terbaik dari setiap jenis.",
            "",
        ),
        ("subheading", "Hibrida Anda sendiri", ""),
        (
            "para",
            "Untuk melihat pembagian tertentu di laporan, tambahkan baris di lembar "
            f"{s['hybrids']}: nama, penyedia, saluran yang ditanganinya (kosong = semua), jam, "
            "tingkat dan porsi.",
            "",
        ),
        ("subheading", "Biaya dalam hibrida", ""),
        (
            "para",
            "Biaya per pemakaian (per kontak, per menit, per jam agen, per FTE, per rekrutmen) "
            "mengikuti volume masing-masing sisi. Untuk jumlah tetap (sekali, bulanan, tahunan) "
            f"kolom “{column}” di lembar {s['costs']} menentukan cara menghitungnya: "
            f"{label['full']} = dikenakan utuh pada sisi yang menangani apa pun; "
            f"{label['pro_rata']} = sesuai porsi beban kerja sisi itu; {label['pure_only']} = "
            "hanya bila opsi berjalan sendiri. Kosong memakai bawaan jenis biaya: utuh untuk "
            f"{full}; hanya untuk opsi yang berjalan sendiri untuk {pure}; proporsional untuk "
            "lainnya.",
            "",
        ),
        (
            "para",
            f"Pesangon: pakai dasar “{label['per_fte_released']}”. Jumlahnya dibayar untuk setiap "
            "FTE tim Anda saat ini yang tidak lagi diperlukan, sehingga hibrida yang "
            "mempertahankan sebagian tim hanya membayar bagian yang dilepas.",
            "",
        ),
    ]
