"""The hidden-cost checklist: cost types, the keywords that infer them, what each option needs."""

from __future__ import annotations

from dataclasses import dataclass

from .core import Choice, T, Text, fold


@dataclass(frozen=True, kw_only=True)
class CostType:
    """A tag of the hidden-cost checklist; `keywords` (EN and ID) infer it from a line's Item."""

    code: str
    label: Text
    keywords: tuple[str, ...]
    applies_to: tuple[str, ...] = ("in-house", "outsourced")
    """Option types whose checklist lists this type."""
    checklist: bool = True


COST_TYPES = (
    CostType(
        code="agent_salaries",
        label=T("Agent salaries", "Gaji agen"),
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
        keywords=("recruit", "hiring", "rekrut", "job ad", "iklan lowongan", "headhunt"),
        applies_to=("in-house",),
    ),
    CostType(
        code="training",
        label=T("Training", "Pelatihan"),
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
        keywords=("attrition", "replacement", "turnover", "penggantian", "karyawan keluar"),
        applies_to=("in-house",),
    ),
    CostType(
        code="supervision",
        label=T("Supervision", "Supervisi"),
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
            "headset",
            "internet",
        ),
        applies_to=("in-house", "outsourced"),
    ),
    CostType(
        code="night_premium",
        label=T("Night/weekend premium", "Tunjangan shift malam/akhir pekan"),
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
        label=T("Setup & onboarding fee", "Biaya penyiapan & onboarding"),
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
        keywords=("parallel", "paralel", "transition", "transisi", "dual run"),
        applies_to=("outsourced",),
    ),
    CostType(
        code="vendor_management",
        label=T("Vendor management & oversight", "Manajemen & pengawasan vendor"),
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
        keywords=("severance", "pesangon", "redundancy", "layoff", "phk"),
        applies_to=("outsourced",),
    ),
    CostType(
        code="change_requests",
        label=T("Change requests", "Permintaan perubahan"),
        keywords=("change request", "permintaan perubahan", "change order", "rework"),
        applies_to=("outsourced",),
    ),
    CostType(code="other", label=T("Other", "Lainnya"), keywords=(), checklist=False),
)
COST_TYPE_CHOICES = tuple(Choice(code=t.code, label=t.label) for t in COST_TYPES)

# What validation requires per option type (DESIGN §4): each group is satisfied by any of its types.
REQUIRED_COST_TYPES = {
    "outsourced": (
        ("setup_fee", "parallel_run"),
        ("vendor_management",),
        ("exit_fee",),
        ("training",),
    ),
    "in-house": (
        ("attrition_replacement", "recruiting"),
        ("benefits",),
        ("facilities",),
        ("supervision",),
    ),
}


def checklist_types(option_type: str) -> tuple[CostType, ...]:
    """The hidden-cost checklist of an option type, in display order."""
    return tuple(t for t in COST_TYPES if t.checklist and option_type in t.applies_to)


def infer_cost_type(item: str) -> str | None:
    """The cost type an Item text suggests (first keyword hit, EN or ID), or None."""
    text = f" {fold(item)} "
    for ctype in COST_TYPES:
        for kw in ctype.keywords:
            if fold(kw) in text:
                return ctype.code
    return None
