"""The data-quality appendix's sentences: each warning told to the client who reads the report.

A validation message speaks to whoever fills the workbook ("Type 45 here, or choose another
profile"); the report's reader is the client, who needs to know what the workbook said, what the
analysis assumed and how it may move the figures. Each warning code has its own sentence here,
filled from the values its message was made from (`Issue.params`, in the report's language). A
warning without a sentence, or whose values do not fill it (an issue read back from an older
results.json has none), keeps its validation message.
"""

from __future__ import annotations

import logging

from ..issues import Issue
from ..schema import T, Text

log = logging.getLogger("pipeline")

SENTENCES: dict[str, Text] = {
    # --------------------------------------------------------------------- how cells were read
    "ambiguous-date": T(
        "{label}: the workbook gives {value}, read as {read}; it could also mean {alt}.",
        "{label}: buku kerja berisi {value}, dibaca sebagai {read}; bisa juga berarti {alt}.",
    ),
    "percent-as-whole-number": T(
        "{label}: the workbook gives {value} without a percent sign; it was read as {read}, not "
        "{alt}.",
        "{label}: buku kerja berisi {value} tanpa tanda persen; dibaca sebagai {read}, bukan "
        "{alt}.",
    ),
    "number-words-as-multipliers": T(
        "Amounts were written with words such as {value}; they were read as multipliers "
        "({value} = {read}), and so were the workbook's other amounts written this way.",
        "Jumlah uang ditulis dengan kata seperti {value}; kata itu dibaca sebagai pengali "
        "({value} = {read}), begitu pula jumlah lain yang ditulis dengan cara ini.",
    ),
    "unknown-cost-type": T(
        "A cost line's type {value} is not one of the checklist's; its type was inferred from "
        "its description instead.",
        "Jenis biaya {value} pada sebuah baris biaya tidak ada dalam daftar periksa; jenisnya "
        "disimpulkan dari uraian barisnya.",
    ),
    # ------------------------------------------------------------------------------- cost lines
    "beyond-horizon": T(
        "A cost line runs to month {value}, past the {months} months this analysis covers; it is "
        "counted up to month {months} only.",
        "Sebuah baris biaya berjalan sampai bulan ke-{value}, melewati {months} bulan yang dicakup "
        "analisis ini; biaya itu dihitung sampai bulan ke-{months} saja.",
    ),
    "channel-ignored": T(
        "A cost line charged {basis} names the channel {value}; the channel does not change a "
        "charge of this kind and was not used.",
        "Sebuah baris biaya dengan dasar {basis} menyebut saluran {value}; saluran tidak "
        "mengubah biaya semacam ini dan tidak dipakai.",
    ),
    "duplicate-line": T(
        "The cost line {value} appears twice (the same as row {first}); both are counted. If it "
        "was entered twice by mistake, the option's cost is overstated by that line.",
        "Baris biaya {value} muncul dua kali (sama dengan baris {first}); keduanya dihitung. Bila "
        "tercatat dua kali karena keliru, biaya opsi ini terlalu tinggi sebesar baris itu.",
    ),
    "hidden-costs-missing": T(
        "Option {value} has no cost for {count} of the {total} costs that are often forgotten: "
        "{items}. The comparison counts them as zero, so its cost may be understated.",
        "Opsi {value} tidak memuat biaya untuk {count} dari {total} biaya yang sering terlupa: "
        "{items}. Perbandingan menghitungnya nol, sehingga biayanya bisa terlalu rendah.",
    ),
    "vendor-rate-benchmark": T(
        "A vendor's rate of {value} per agent hour is about USD {usd}, outside the USD {low}-{high} "
        "usually reported for vendors; it is worth confirming against the quote.",
        "Tarif penyedia {value} per jam agen setara sekitar USD {usd}, di luar kisaran USD "
        "{low}-{high} yang umum dilaporkan; sebaiknya dicocokkan dengan penawarannya.",
    ),
    # ------------------------------------------------------------------------------------ demand
    "hours-differ-from-profile": T(
        "A channel is given {value} open hours a week, but its weekly pattern {profile} is open "
        "{open} hours; it was staffed for the {open} hours of the pattern.",
        "Sebuah saluran diberi {value} jam buka per minggu, tetapi pola mingguannya {profile} "
        "buka {open} jam; saluran itu diberi staf untuk {open} jam pola tersebut.",
    ),
    "profile-day-missing": T(
        "The weekly pattern {value} has no hours for {days}; channels that follow it are taken "
        "as closed on those days.",
        "Pola mingguan {value} tidak punya jam untuk {days}; saluran yang mengikutinya dianggap "
        "tutup pada hari itu.",
    ),
    "productivity-benchmark": T(
        "A handling time of {value} minutes means about {rate} contacts per agent hour, where "
        "{kind} channels usually handle {low}-{high}; the channel's staffing rests on that figure.",
        "Waktu penanganan {value} menit berarti sekitar {rate} kontak per jam agen, padahal "
        "saluran {kind} biasanya menangani {low}-{high}; kebutuhan staf saluran itu bertumpu pada "
        "angka tersebut.",
    ),
    # ----------------------------------------------------------------------------------- options
    "attrition-24-7": T(
        "Option “{option}” staffs {channels} around the clock in-house with an attrition of "
        "{value_pct} a year; night shifts usually raise turnover, so its hiring and training "
        "costs may be understated.",
        "Opsi “{option}” melayani {channels} 24 jam sehari dengan staf sendiri dan atrisi "
        "{value_pct} per tahun; sif malam biasanya menaikkan perputaran karyawan, sehingga biaya "
        "rekrutmen dan pelatihannya bisa terlalu rendah.",
    ),
    "parallel-run-without-running-baseline": T(
        "Option “{option}” has {months} transition month(s), but “{baseline}” is not already "
        "running, so no cost of running both side by side is counted.",
        "Opsi “{option}” punya {months} bulan transisi, tetapi “{baseline}” belum berjalan, sehingga "
        "tidak ada biaya menjalankan keduanya berdampingan yang dihitung.",
    ),
    "hybrid-routes-nothing": T(
        "The hybrid {value} sends no contact to “{vendor}”: {reasons}. It is the same as the "
        "comparison's reference option.",
        "Hibrida {value} tidak mengirim kontak apa pun ke “{vendor}”: {reasons}. Hasilnya "
        "sama dengan opsi acuan perbandingan.",
    ),
    "hybrid-routes-everything": T(
        "The hybrid {value} sends every contact to “{vendor}”; it is the same as the option "
        "“{vendor}” on its own.",
        "Hibrida {value} mengirim semua kontak ke “{vendor}”; hasilnya sama dengan opsi "
        "“{vendor}” sendiri.",
    ),
    # -------------------------------------------------------------------------- scores and risks
    "no-scores": T(
        "No option was given qualitative scores, so the recommendation rests on cost alone.",
        "Tidak ada opsi yang diberi nilai kualitatif, sehingga rekomendasi hanya bertumpu pada "
        "biaya.",
    ),
    "option-without-scores": T(
        "Option {value} was given no qualitative score; its quality index is unknown and it is "
        "ranked on cost.",
        "Opsi {value} tidak diberi nilai kualitatif; indeks kualitasnya tidak diketahui dan "
        "peringkatnya memakai biaya.",
    ),
    "unknown-score-column": T(
        "A column of scores headed {value} names none of the options; its scores were not used.",
        "Kolom nilai berjudul {value} tidak menyebut opsi mana pun; nilainya tidak dipakai.",
    ),
    "unknown-risk-option": T(
        "A risk names the option {value}, which the workbook does not compare; it is listed as "
        "written.",
        "Sebuah risiko menyebut opsi {value}, yang tidak dibandingkan dalam buku kerja; risiko itu "
        "dicantumkan sesuai tulisannya.",
    ),
    # -------------------------------------------------------------------- the workbook's structure
    "names-recovered-by-labels": T(
        "The workbook had lost its cell names (it was saved by a program that keeps only "
        "values); {count} values were found by their labels ({places}).",
        "Buku kerja kehilangan nama-nama selnya (disimpan oleh program yang hanya menyimpan "
        "nilai); {count} nilai ditemukan melalui labelnya ({places}).",
    ),
    "table-converted-to-range": T(
        "The table {table} was no longer an Excel table; its rows {rows} were read from its "
        "headers.",
        "Tabel {table} bukan lagi tabel Excel; baris {rows} dibaca dari judul kolomnya.",
    ),
    "table-converted-to-range-empty": T(
        "The table {table} was no longer an Excel table and had no rows; it was taken as empty.",
        "Tabel {table} bukan lagi tabel Excel dan tidak berisi baris; tabel itu dianggap kosong.",
    ),
    "missing-column-optional": T(
        "The table {table} had no column {column}; its default value was used on every row.",
        "Tabel {table} tidak punya kolom {column}; nilai bawaannya dipakai di setiap baris.",
    ),
    "missing-name-optional": T(
        "The workbook did not include {label}; its default value was used.",
        "Buku kerja tidak memuat {label}; nilai bawaannya dipakai.",
    ),
    "extra-column": T(
        "A column headed {value!r} in the table {table} is not part of the template and was not "
        "read.",
        "Kolom berjudul {value!r} di tabel {table} bukan bagian dari templat dan tidak dibaca.",
    ),
    "duplicate-column": T(
        "The table {table} has two columns headed {value!r}; only the first was read.",
        "Tabel {table} punya dua kolom berjudul {value!r}; hanya yang pertama yang dibaca.",
    ),
    "macros-ignored": T(
        "The workbook contains macros; they were not run, only its values were read.",
        "Buku kerja berisi makro; makro tidak dijalankan, hanya nilainya yang dibaca.",
    ),
}
"""Warning code -> the sentence for the client, `{name}`s filled from `Issue.params`."""


def caveat(issue: Issue, lang: str) -> str:
    """The sentence for the client about `issue`, in `lang` (its validation message if none)."""
    return sentence_for(issue, lang) or issue.message or issue.code


def sentence_for(issue: Issue, lang: str) -> str | None:
    """`issue`'s sentence filled from its values, or None when it has none or they do not fill it."""
    sentence = SENTENCES.get(issue.code)
    if sentence is None or not issue.params:
        return None
    try:
        text = sentence(lang).format(**issue.params)
    except (KeyError, IndexError, ValueError) as exc:
        log.warning("caveat %s: %s missing from its values; its message is shown", issue.code, exc)
        return None
    return text[:1].upper() + text[1:]
