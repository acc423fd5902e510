"""The optional Risks and Commentary sheets (template version 2): the consultant's own risk
register and the texts and sign-off a report needs before a consultant signs it."""

from __future__ import annotations

from .core import INT_FORMAT, Choice, Column, T, Table
from .layout import SHEETS

RATING_MIN, RATING_MAX = 1, 5
"""Likelihood and impact are rated 1 (rare, minor) to 5 (almost certain, severe)."""

RISKS = Table(
    name="tbl_risks",
    sheet=SHEETS["risks"],
    title=T("Risk register", "Daftar risiko"),
    intro=T(
        "Optional. One row per risk, rated 1-5 for likelihood and impact. Left empty, the report "
        "proposes the usual risks of each option with default ratings for you to review.",
        "Opsional. Satu baris per risiko, dinilai 1-5 untuk kemungkinan dan dampak. Jika kosong, "
        "laporan mengusulkan risiko umum setiap opsi dengan nilai bawaan untuk Anda tinjau.",
    ),
    columns=(
        Column(
            key="risk",
            header=T("Risk", "Risiko"),
            kind="text",
            required=True,
            width=44,
            wrap=True,
            help=T(
                "What could go wrong, in one sentence, e.g. Customer data leaks at the vendor.",
                "Apa yang bisa salah, dalam satu kalimat, mis. Data pelanggan bocor di penyedia.",
            ),
        ),
        Column(
            key="option",
            header=T("Option", "Opsi"),
            kind="option",
            width=18,
            help=T(
                "The option of the Options sheet the risk belongs to; blank = every option.",
                "Opsi dari lembar Opsi yang memiliki risiko ini; kosong = semua opsi.",
            ),
        ),
        Column(
            key="likelihood",
            header=T("Likelihood (1-5)", "Kemungkinan (1-5)"),
            kind="int",
            required=True,
            min=RATING_MIN,
            max=RATING_MAX,
            width=12,
            number_format=INT_FORMAT,
            help=T(
                "How likely it happens: 1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost "
                "certain.",
                "Seberapa mungkin terjadi: 1 jarang, 2 kecil kemungkinannya, 3 mungkin, "
                "4 besar kemungkinannya, 5 hampir pasti.",
            ),
        ),
        Column(
            key="impact",
            header=T("Impact (1-5)", "Dampak (1-5)"),
            kind="int",
            required=True,
            min=RATING_MIN,
            max=RATING_MAX,
            width=12,
            number_format=INT_FORMAT,
            help=T(
                "How much it would hurt: 1 minor, 2 moderate, 3 serious, 4 major, 5 severe.",
                "Seberapa besar kerugiannya: 1 kecil, 2 sedang, 3 serius, 4 besar, 5 sangat berat.",
            ),
        ),
        Column(
            key="mitigation",
            header=T("Mitigation", "Mitigasi"),
            kind="text",
            width=44,
            wrap=True,
            help=T(
                "What lowers the likelihood or the impact, and when.",
                "Apa yang menurunkan kemungkinan atau dampaknya, dan kapan.",
            ),
        ),
        Column(
            key="owner",
            header=T("Owner", "Penanggung jawab"),
            kind="text",
            width=20,
            help=T(
                "Who watches this risk (a role or a name).",
                "Siapa yang memantau risiko ini (jabatan atau nama).",
            ),
        ),
    ),
    since=2,
    optional=True,
)

COMMENTARY_SECTIONS = (
    Choice(
        code="executive",
        label=T("Executive commentary", "Komentar eksekutif"),
        synonyms=("executive summary", "commentary", "komentar", "ringkasan eksekutif"),
    ),
    Choice(
        code="next_steps",
        label=T("Next steps", "Langkah berikutnya"),
        synonyms=("next step", "langkah selanjutnya"),
    ),
    Choice(
        code="transition",
        label=T("Transition plan", "Rencana transisi"),
        synonyms=("transition", "transisi"),
    ),
    Choice(
        code="disclaimer",
        label=T("Disclaimer", "Penafian"),
        synonyms=("sanggahan", "batasan tanggung jawab"),
    ),
    Choice(
        code="prepared_by",
        label=T("Prepared by", "Disusun oleh"),
        synonyms=("author", "penyusun"),
    ),
    Choice(
        code="reviewed_by",
        label=T("Reviewed by", "Ditinjau oleh"),
        synonyms=("reviewer", "approved by", "peninjau", "disetujui oleh"),
    ),
    Choice(
        code="version",
        label=T("Version", "Versi"),
        synonyms=("report version", "versi laporan"),
    ),
    Choice(
        code="date",
        label=T("Sign-off date", "Tanggal pengesahan"),
        synonyms=("date", "tanggal", "signed on", "disahkan tanggal"),
    ),
)
"""The rows of the Commentary sheet: four texts (Markdown allowed) and the sign-off fields."""
COMMENTARY_TEXTS = ("executive", "next_steps", "transition", "disclaimer")
SIGNOFF_KEYS = ("prepared_by", "reviewed_by", "version", "date")

COMMENTARY = Table(
    name="tbl_commentary",
    sheet=SHEETS["commentary"],
    title=T("Commentary and sign-off", "Komentar dan pengesahan"),
    intro=T(
        "Optional: your own words in the report. Alt+Enter starts a new line; Markdown such as "
        "**bold** and - lists is allowed.",
        "Opsional: kata-kata Anda sendiri di laporan. Alt+Enter untuk baris baru; Markdown "
        "seperti **tebal** dan - daftar boleh.",
    ),
    columns=(
        Column(
            key="section",
            header=T("Section", "Bagian"),
            kind="choice",
            choices=COMMENTARY_SECTIONS,
            required=True,
            width=22,
            help=T(
                "Which part of the report the text goes to.",
                "Bagian laporan tempat teks ini dimuat.",
            ),
        ),
        Column(
            key="text",
            header=T("Text", "Teks"),
            kind="text",
            width=100,
            wrap=True,
            help=T(
                "The text; Markdown allowed (**bold**, *italic*, - lists). Prepared by blank = the "
                "Project sheet's; Sign-off date blank = the report date.",
                "Teksnya; Markdown boleh (**tebal**, *miring*, - daftar). Disusun oleh kosong = isi "
                "lembar Proyek; Tanggal pengesahan kosong = tanggal laporan.",
            ),
        ),
    ),
    since=2,
    optional=True,
)
