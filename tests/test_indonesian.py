"""An Indonesian client meets no English words and no misspellings: in the Indonesian report, the
Indonesian template and example workbooks, and every Indonesian text the code defines (schema texts,
issue and console messages, the report catalogue, the service's words).

The terms that replace the English ones are listed in docs/decisions.md, "Indonesian terms". The
template writer's texts (template*.py, validate/scores.py), the committed workbooks and the
service's texts are tested apart, so a failure names the part to fix.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = ROOT / "pipeline"

# English words an Indonesian reader must not meet (whole words, any case). "per" is not here:
# it is Indonesian too (KBBI: "per" = tiap; "biaya per kontak", "per tahun").
ENGLISH = (
    "baseline",
    "go-live",
    "horizon",
    "email",
    "e-mail",
    "vendor",
    "vendors",
    "sheet",
    "sheets",
    "workbook",
    "shrinkage",
    "attrition",
    "overhead",
    "payback",
    "break-even",
    "onboarding",
    "headcount",
    "the",
    "and",
    "with",
    "of",
)

# Misspellings (KBBI spelling in the comment); whole words, any case.
MISSPELT = {
    "attrisi": "atrisi",
    "resiko": "risiko",
    "analisa": "analisis",
    "aktifitas": "aktivitas",
    "kwalitas": "kualitas",
    "ijin": "izin",
    "sistim": "sistem",
    "jadual": "jadwal",
    "nasehat": "nasihat",
    "praktek": "praktik",
    "merubah": "mengubah",
}

# Proper names and acronyms that stay as they are in Indonesian text: the trade's acronyms, brand
# and product names. They are taken out of a text before the scan, so a brand that holds an English
# word ("WhatsApp Business API") passes. "IDR" is not here: Indonesian text writes rupiah as "Rp"
# (test_rupiah_is_rp_in_the_indonesian_report).
ALLOWED = (
    "BPO",
    "NPV",
    "ROI",
    "IRR",
    "FTE",
    "PV",
    "AHT",
    "SLA",
    "Erlang",
    "KPI",
    "CSAT",
    "CRM",
    "QA",
    "WhatsApp Business API",
    "WhatsApp",
    "Microsoft Excel",
    "Excel",
    "LibreOffice",
    "Apple Numbers",
    "PowerPoint",
)

# Whole words; an Indonesian suffix joined by a hyphen ("sheet-nya") still counts as the word.
_END = r"(?![\w])(?!-(?!nya\b|lah\b)\w)"
WORD = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")" + _END, re.I)
BAD_SPELLING = re.compile(r"(?<![\w-])(" + "|".join(MISSPELT) + r")" + _END, re.I)
# Placeholders ({name}), backquoted commands and code-like names (tbl_costs, _meta) are not prose.
NOT_PROSE = re.compile(r"\{[^{}]*\}|`[^`]*`|\b\w*_\w*\b|\b[\w.-]+\.(xlsx|xls|pdf|csv|json)\b")


def hits(text: str) -> list[str]:
    """The English words and misspellings in one Indonesian text."""
    prose = NOT_PROSE.sub(" ", text)
    for name in ALLOWED:
        prose = prose.replace(name, " ")
    found = [m.group(0) for m in WORD.finditer(prose)]
    found += [
        f"{m.group(0)} (-> {MISSPELT[m.group(0).lower()]})" for m in BAD_SPELLING.finditer(prose)
    ]
    return found


def report(texts) -> list[str]:
    """`where: hit in 'text'` for every (where, text) with a hit; [] when clean."""
    out = []
    for where, text in texts:
        for hit in hits(text):
            out.append(f"{where}: {hit!r} in {text[:160]!r}")
    return out


# ------------------------------------------------------------------------------ texts in code
def _constant(node) -> str | None:
    """A string literal (implicit concatenation included; f-string holes as {})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


@cache
def code_texts() -> dict[str, list[tuple[str, str]]]:
    """Indonesian halves of every `T(en, id)` / `Text(en=..., id=...)` in pipeline/, by file."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(PIPELINE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ("T", "Text"):
                continue
            value = None
            if len(node.args) >= 2:
                value = _constant(node.args[1])
            for kw in node.keywords:
                if kw.arg == "id":
                    value = _constant(kw.value)
            if value is not None:
                out.setdefault(rel, []).append((f"{rel}:{node.lineno}", value))
    return out


# Files whose Indonesian texts belong to the template writer or the service (module docstring).
OTHER_OWNERS = (
    "pipeline/template.py",
    "pipeline/template_sheets.py",
    "pipeline/template_guide.py",
    "pipeline/validate/scores.py",
    "pipeline/service/",
)


def _ours(rel: str) -> bool:
    return not rel.startswith(OTHER_OWNERS)


def test_code_texts_are_found():
    texts = code_texts()
    assert len(texts) > 20 and sum(map(len, texts.values())) > 500
    assert "pipeline/console.py" in texts and "pipeline/workbook/unusable.py" in texts


def test_indonesian_texts_in_code():
    texts = [t for rel, items in code_texts().items() if _ours(rel) for t in items]
    assert report(texts) == []


def test_indonesian_texts_of_the_templates_and_the_service():
    """The template writer's and the service's own texts (kept apart: other owners)."""
    texts = [t for rel, items in code_texts().items() if not _ours(rel) for t in items]
    assert report(texts) == []


def test_report_catalogue():
    with open(PIPELINE / "report" / "locales" / "id.po", "rb") as f:
        catalog = read_po(f)
    texts = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts += [(f"id.po: {message.id!r}"[:90], s) for s in strings if s]
    assert len(texts) > 300
    assert report(texts) == []


# ------------------------------------------------------------------------------ workbooks
def workbook_texts(path: Path) -> list[tuple[str, str]]:
    """Every string a user sees in a workbook: sheet names, cells, data-validation prompts."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    out = []
    for ws in book.worksheets:
        out.append((f"{path.name} sheet name", ws.title))
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    out.append((f"{path.name} {ws.title}!{cell.coordinate}", cell.value))
        for dv in ws.data_validations.dataValidation:
            for attr in ("promptTitle", "prompt", "errorTitle", "error"):
                value = getattr(dv, attr)
                if value:
                    out.append((f"{path.name} {ws.title} validation {dv.sqref} {attr}", value))
    return out


@pytest.mark.parametrize("kind", ["template", "example"])
def test_indonesian_workbooks(kind):
    path = ROOT / "input_templates" / f"cs-sourcing-{kind}-id.xlsx"
    texts = [t for t in workbook_texts(path) if not t[0].split("!")[0].endswith("_meta")]
    assert len(texts) > 50
    assert report(texts) == []


# ------------------------------------------------------------------------------ the report
@pytest.fixture(scope="module")
def id_report():
    from pypdf import PdfReader

    from pipeline.flow import render_report

    done = render_report(ROOT / "input_templates" / "cs-sourcing-example-id.xlsx", lang="id")
    reader = PdfReader(BytesIO(done.pdf))
    # Words hyphenated at a line end are joined again ("vendor-\nnya" reads "vendornya").
    text = "\n".join(page.extract_text() for page in reader.pages)
    return done.results, re.sub(r"-\n(?=\w)", "", text)


def test_indonesian_report(id_report):
    results, text = id_report
    assert "Ringkasan eksekutif" in text
    # The user's own names (options, channels, cost lines, risks typed in the workbook) are quoted
    # as typed; the Indonesian example types them in Indonesian, so none is taken out.
    lines = [(f"page text line {i}", line) for i, line in enumerate(text.splitlines())]
    assert report(lines) == []


def test_rupiah_is_rp_in_the_indonesian_report(id_report):
    _results, text = id_report
    assert "Rp" in text
    assert re.findall(r"\bIDR\b", text) == []


def test_allowed_names_are_not_english_words():
    assert [name for name in ALLOWED if WORD.search(name)] == []


def test_the_scan_finds_what_it_should():
    assert hits("Biaya baseline per bulan") == ["baseline"]
    assert hits("tanggal Go-Live") == ["Go-Live"]
    assert hits("Attrisi dan resiko") == ["Attrisi (-> atrisi)", "resiko (-> risiko)"]
    assert hits("lihat {sheet}!{cell} dan tbl_vendor_costs di `cs-sourcing template`") == []
    assert hits("The vendor") == ["The", "vendor"]
    assert hits("sheet-nya ditempel; e-mail") == ["sheet", "e-mail"]
    assert hits("go-live-nya; tata-kelola") == ["go-live"]
    assert hits("opsi pembanding, penyedia BPO, jumlah staf") == []
