"""The hidden-cost checklist: cost types, the keywords that infer them, what each option needs,
and how each type's fixed lines count in a hybrid by default (DESIGN §8)."""

from __future__ import annotations

from dataclasses import dataclass

from .core import Choice, T, Text, fold


@dataclass(frozen=True, kw_only=True)
class CostType:
    """A tag of the hidden-cost checklist; `keywords` (EN and ID) infer it from a line's Item."""

    code: str
    label: Text
    keywords: tuple[str, ...]
    in_hybrid: str
    """How a fixed line (one-time, monthly, annual) of this type is charged on its side of a
    hybrid when its `In a hybrid` cell is blank: full, pro_rata or pure_only (DESIGN §8)."""
    in_hybrid_reason: Text
    """Why, in one line (docs and the Guide)."""
    applies_to: tuple[str, ...] = ("in-house", "outsourced")
    """Option types whose checklist lists this type."""
    checklist: bool = True


COST_TYPES = (
    CostType(
        code="agent_salaries",
        label=T("Agent salaries", "Gaji agen"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "A side pays for the agents its own workload needs.",
            "Tiap sisi membayar agen yang dibutuhkan beban kerjanya sendiri.",
        ),
        keywords=(
            "salary",
            "salaries",
            "wage",
            "gaji",
            "upah",
            "agent cost",
            "payroll",
            "agent rate",
            "hourly rate",
            "tarif agen",
        ),
        checklist=False,
    ),
    CostType(
        code="benefits",
        label=T("Benefits", "Tunjangan"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Benefits follow the salaries they are paid on.",
            "Tunjangan mengikuti gaji yang menjadi dasarnya.",
        ),
        keywords=(
            "benefit",
            "insurance",
            "bpjs",
            "tunjangan",
            "asuransi",
            "thr",
            "pension",
            "pensiun",
            "payroll tax",
        ),
        applies_to=("in-house",),
    ),
    CostType(
        code="recruiting",
        label=T("Recruiting", "Rekrutmen"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Hiring follows the size of the team a side keeps.",
            "Rekrutmen mengikuti ukuran tim yang dipertahankan tiap sisi.",
        ),
        keywords=("recruit", "hiring", "rekrut", "job ad", "iklan lowongan", "headhunt"),
        applies_to=("in-house",),
    ),
    CostType(
        code="training",
        label=T("Training", "Pelatihan"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Training is paid per agent trained.",
            "Pelatihan dibayar per agen yang dilatih.",
        ),
        keywords=(
            "training",
            "pelatihan",
            "coaching",
            "onboarding training",
            "integration",
            "integrasi",
            "induction",
        ),
        applies_to=("in-house", "outsourced"),
    ),
    CostType(
        code="attrition_replacement",
        label=T("Attrition replacement", "Penggantian karyawan keluar"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Leavers are a share of the team a side keeps.",
            "Karyawan yang keluar adalah bagian dari tim yang dipertahankan.",
        ),
        keywords=("attrition", "replacement", "turnover", "penggantian", "karyawan keluar"),
        applies_to=("in-house",),
    ),
    CostType(
        code="supervision",
        label=T("Supervision", "Supervisi"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "One supervisor per so many agents.",
            "Satu supervisor untuk sejumlah agen.",
        ),
        keywords=(
            "supervisor",
            "supervision",
            "team lead",
            "team leader",
            "manager",
            "supervisi",
            "penyelia",
            "quality assurance",
            "qa ",
        ),
        applies_to=("in-house",),
    ),
    CostType(
        code="facilities",
        label=T("Facilities", "Fasilitas"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Seats and space follow the agents seated.",
            "Kursi dan ruang mengikuti jumlah agen.",
        ),
        keywords=(
            "facilit",
            "office",
            "seat",
            "rent",
            "space",
            "furniture",
            "kantor",
            "sewa",
            "ruang",
            "kursi",
            "gedung",
            "utilities",
            "listrik",
        ),
        applies_to=("in-house",),
    ),
    CostType(
        code="technology",
        label=T("Technology & licences", "Teknologi & lisensi"),
        in_hybrid="full",
        in_hybrid_reason=T(
            "A platform and its licences are needed as soon as a side runs at all.",
            "Platform dan lisensinya diperlukan begitu sebuah sisi berjalan.",
        ),
        keywords=(
            "licence",
            "license",
            "software",
            "crm",
            "telephony",
            "ccaas",
            "hardware",
            "computer",
            "laptop",
            "lisensi",
            "perangkat",
            "komputer",
            "it maintenance",
            "pemeliharaan it",
            "pemeliharaan ti",
            "headset",
            "internet",
        ),
        applies_to=("in-house", "outsourced"),
    ),
    CostType(
        code="night_premium",
        label=T("Night/weekend premium", "Tunjangan sif malam/akhir pekan"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Paid on the night and weekend hours a side still staffs.",
            "Dibayar atas jam malam dan akhir pekan yang masih diisi staf.",
        ),
        keywords=(
            "night",
            "weekend",
            "shift premium",
            "24/7",
            "malam",
            "akhir pekan",
            "lembur",
            "overtime",
            "shift",
        ),
        applies_to=("in-house",),
    ),
    CostType(
        code="setup_fee",
        label=T("Setup & onboarding fee", "Biaya penyiapan & orientasi"),
        in_hybrid="full",
        in_hybrid_reason=T(
            "A vendor charges the whole setup to start any contract.",
            "Penyedia menagih seluruh biaya penyiapan untuk memulai kontrak apa pun.",
        ),
        keywords=(
            "setup",
            "set-up",
            "onboarding",
            "implementation",
            "penyiapan",
            "implementasi",
            "start-up",
            "transition fee",
            "biaya awal",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="parallel_run",
        label=T("Parallel run", "Operasi paralel"),
        in_hybrid="full",
        in_hybrid_reason=T(
            "The old operation runs beside the new one, whatever the share.",
            "Operasi lama berjalan berdampingan dengan yang baru, berapa pun porsinya.",
        ),
        keywords=("parallel", "paralel", "transition", "transisi", "dual run"),
        applies_to=("outsourced",),
    ),
    CostType(
        code="vendor_management",
        label=T("Vendor management & oversight", "Manajemen & pengawasan penyedia"),
        in_hybrid="full",
        in_hybrid_reason=T(
            "Any contract needs its oversight staff and audits.",
            "Setiap kontrak perlu staf pengawas dan auditnya.",
        ),
        keywords=(
            "vendor management",
            "oversight",
            "governance",
            "audit qa",
            "qa audit",
            "pengawasan",
            "manajemen vendor",
            "tata kelola",
            "relationship manager",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="premium_services",
        label=T("Premium services", "Layanan premium"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Surcharges are priced on the volume served.",
            "Biaya tambahan dihitung atas volume yang dilayani.",
        ),
        keywords=(
            "premium",
            "multilingual",
            "bilingual",
            "specialised",
            "specialized",
            "surcharge",
            "biaya tambahan",
            "multibahasa",
            "khusus",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="transaction_fees",
        label=T("Transaction fees", "Biaya transaksi"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "Charged per transaction.",
            "Dikenakan per transaksi.",
        ),
        keywords=(
            "transaction",
            "per contact fee",
            "per-contact",
            "transaksi",
            "sms",
            "whatsapp fee",
            "conversation fee",
            "biaya percakapan",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="data_security",
        label=T("Data security & compliance", "Keamanan data & kepatuhan"),
        in_hybrid="full",
        in_hybrid_reason=T(
            "An audit covers the vendor whatever the volume.",
            "Audit mencakup penyedia berapa pun volumenya.",
        ),
        keywords=(
            "security",
            "compliance",
            "privacy",
            "pdp",
            "iso 27001",
            "pci",
            "keamanan",
            "kepatuhan",
            "privasi",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="exit_fee",
        label=T("Exit / termination fee", "Biaya keluar / terminasi"),
        in_hybrid="pure_only",
        in_hybrid_reason=T(
            "Paid for handing the whole operation back; a hybrid keeps the know-how in-house.",
            "Dibayar untuk menyerahkan kembali seluruh operasi; hibrida menyimpan pengetahuannya di internal.",
        ),
        keywords=(
            "exit",
            "termination",
            "terminasi",
            "knowledge transfer",
            "pemutusan kontrak",
            "penghentian",
        ),
        applies_to=("outsourced",),
    ),
    CostType(
        code="severance",
        label=T("Severance", "Pesangon"),
        in_hybrid="pure_only",
        in_hybrid_reason=T(
            "A lump sum for letting the whole team go; for the part a hybrid lets go, use the basis per FTE released.",
            "Sejumlah uang untuk melepas seluruh tim; untuk bagian yang dilepas hibrida, pakai dasar per FTE dilepas.",
        ),
        keywords=("severance", "pesangon", "redundancy", "layoff", "phk"),
        applies_to=("outsourced",),
    ),
    CostType(
        code="change_requests",
        label=T("Change requests", "Permintaan perubahan"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T(
            "They grow with the work the vendor does.",
            "Bertambah seiring pekerjaan yang dikerjakan penyedia.",
        ),
        keywords=("change request", "permintaan perubahan", "change order", "rework"),
        applies_to=("outsourced",),
    ),
    CostType(
        code="other",
        label=T("Other", "Lainnya"),
        in_hybrid="pro_rata",
        in_hybrid_reason=T("Assumed to follow the workload.", "Dianggap mengikuti beban kerja."),
        keywords=(),
        checklist=False,
    ),
)
# Indonesian labels earlier templates wrote, still read from the Cost type column.
FORMER_LABELS = {
    "setup_fee": ("Biaya penyiapan & onboarding",),
    "vendor_management": ("Manajemen & pengawasan vendor",),
    "night_premium": ("Tunjangan shift malam/akhir pekan",),
}
COST_TYPE_CHOICES = tuple(
    Choice(code=t.code, label=t.label, synonyms=FORMER_LABELS.get(t.code, ())) for t in COST_TYPES
)

IN_HYBRID_DEFAULTS: dict[str, str] = {t.code: t.in_hybrid for t in COST_TYPES}
"""Cost-type code -> how its fixed lines count in a hybrid when `In a hybrid` is blank: `full`
(in full on a side that handles anything), `pro_rata` (by that side's share of the option's
workload) or `pure_only` (only when the option runs alone). Each type's reason is its
`in_hybrid_reason`; docs/validation.md lists the table."""


def checklist_types(option_type: str) -> tuple[CostType, ...]:
    """The hidden-cost checklist of an option type, in display order."""
    return tuple(t for t in COST_TYPES if t.checklist and option_type in t.applies_to)


def checklist_for(option_type: str, *, round_the_clock: bool) -> tuple[CostType, ...]:
    """The checklist an option is held to: the night/weekend premium only when some channel is
    open round the clock (a 45-hour desk does not "miss" it). Validation and the report share it."""
    return tuple(
        t for t in checklist_types(option_type) if t.code != "night_premium" or round_the_clock
    )


def covers(code: str, cost_type: str, basis: object, transition_months: object = 0) -> bool:
    """Whether a line (cost type, basis) — or the option's transition months — covers checklist
    item `code`: a line of that type; a per-hire line covers attrition replacement (the model's
    hires include leavers' replacements); transition months are a parallel run (the model charges
    it)."""
    if cost_type == code or (code == "attrition_replacement" and basis == "per_hire"):
        return True
    months = transition_months if isinstance(transition_months, int | float) else 0
    return code == "parallel_run" and not isinstance(months, bool) and months > 0


def infer_cost_type(item: str) -> str | None:
    """The cost type an Item text suggests (first keyword hit, EN or ID), or None."""
    text = f" {fold(item)} "
    for ctype in COST_TYPES:
        for kw in ctype.keywords:
            if fold(kw) in text:
                return ctype.code
    return None
