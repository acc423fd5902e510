"""The consultant's report: Markdown shown safely, NOTES.md, the sign-off, --draft, and the risk
register with its likelihood x impact grid (proposed risks marked as defaults)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from pipeline import cli
from pipeline.issues import UsageError
from pipeline.model import compute
from pipeline.model.inputs import Commentary, Risk
from pipeline.notes import parse_notes
from pipeline.report import load_brand, pdf_bytes, register, render_html
from pipeline.report.locales import Locale
from pipeline.report.markdown import render
from tests import model_fixtures
from tests.conftest import example_path

BRAND = load_brand(None)


# -------------------------------------------------------------------------------------- Markdown
def test_markdown_has_no_raw_html_and_no_links_or_images():
    html = render(
        "**Bold** <script>alert(1)</script>\n\n[x](javascript:alert(1)) [our site](https://ex.id/a)"
        " ![logo](https://ex.id/logo.png)\n\n<img src=x onerror=alert(1)>"
    )
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<a " not in html and "href" not in html and "<img" not in html
    assert "[x](javascript:alert(1))" in html  # not a link: shown as typed
    assert "our site (https://ex.id/a)" in html
    assert "logo (https://ex.id/logo.png)" in html


def test_markdown_headings_stay_out_of_the_bookmarks():
    html = render("# Phase 1\ntext\n\n## Phase 2")
    assert html.count('<h4 class="md-h">') == 2 and "<h1" not in html and "<h2" not in html


def test_blank_markdown_is_none():
    assert render("") is None and render("  \n ") is None


# -------------------------------------------------------------------------------------- NOTES.md
NOTES = """
# Executive commentary
Keep **phone** in-house.

# Langkah berikutnya
1. Pilot
2. Review

# Transition plan

# Sign-off
Prepared by: Ana Wijaya
Ditinjau oleh: Budi Santoso
Version: 2.1
Date: 2026-12-03
"""


def test_notes_sections_in_either_language_and_the_signoff():
    notes = parse_notes(NOTES)
    c = notes.commentary
    assert c.executive == "Keep **phone** in-house."
    assert c.next_steps == "1. Pilot\n2. Review"
    assert (c.prepared_by, c.reviewed_by, c.version) == ("Ana Wijaya", "Budi Santoso", "2.1")
    assert c.signoff_date == date(2026, 12, 3)
    # an empty section gives nothing: the workbook's transition plan stays
    base = Commentary(transition="From the workbook", disclaimer="Workbook disclaimer")
    merged = notes.over(base)
    assert merged.transition == "From the workbook" and merged.disclaimer == "Workbook disclaimer"
    assert merged.executive == "Keep **phone** in-house." and merged.version == "2.1"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("# Summary\ntext", "line 1: “# Summary” is not a section"),
        ("intro\n# Next steps\nx", "line 1: text before the first heading"),
        ("# Sign-off\nSigned: Ana", "line 2: expected a sign-off line"),
        ("# Sign-off\nDate: soon", "line 2: “soon” is not a date"),
    ],
    ids=["unknown-heading", "text-first", "unknown-signoff-key", "bad-date"],
)
def test_notes_problems_name_the_line(text, says):
    with pytest.raises(UsageError, match=re.escape(says)):
        parse_notes(text)


def test_a_heading_inside_a_code_block_is_text():
    notes = parse_notes("# Next steps\n```\n# not a heading\n```\n")
    assert "# not a heading" in notes.commentary.next_steps


# ------------------------------------------------------------------------------------ the report
@pytest.fixture(scope="module")
def own():
    """The example with a register and a commentary of its own."""
    inputs = replace(
        model_fixtures.example_inputs(),
        risks=(
            Risk(risk="Low one", option="", likelihood=1, impact=2, row=5),
            Risk(risk="Data leak", option="Vendor A", likelihood=2, impact=5, row=6),
            Risk(risk="Peak overload", option="In-house", likelihood=4, impact=4, row=7),
        ),
        commentary=Commentary(
            executive="We advise **caution**. <script>x</script>",
            next_steps="- Pilot",
            reviewed_by="Dewi Lestari",
            version="1.0",
        ),
    )
    return compute(inputs)


def test_register_is_ranked_and_numbered(own):
    view = register.build(own, Locale(lang="en", currency="IDR"), BRAND)
    assert not view.defaults
    assert [(r.number, r.risk, r.score, r.level) for r in view.rows] == [
        (1, "Peak overload", 16, "high"),
        (2, "Data leak", 10, "medium"),
        (3, "Low one", 2, "low"),
    ]
    assert view.rows[2].option == "Every option"


def test_grid_places_each_risk_in_its_cell(own):
    view = register.build(own, Locale(lang="en", currency="IDR"), BRAND)
    assert register.cells(view.rows) == {(4, 4): [1], (2, 5): [2], (1, 2): [3]}
    svg = str(view.grid)
    discs = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    labels = re.findall(r'font-weight="bold">(\d+)</text>', svg)
    assert labels == ["3", "2", "1"]  # drawn column by column: (1, 2), (2, 5), (4, 4)
    for (cx, cy), number in zip(discs, labels, strict=True):
        row = view.rows[int(number) - 1]
        column = int((float(cx) - register.LEFT) // register.CELL) + 1
        impact = 5 - int((float(cy) - register.TOP) // register.CELL)
        assert (column, impact) == (row.likelihood, row.impact)
    assert "<title>" in svg and "foreignObject" not in svg


@pytest.mark.parametrize("lang", ["en", "id"])
def test_without_risks_the_report_proposes_defaults_marked_for_review(lang):
    results = compute(model_fixtures.example_inputs())
    loc = Locale(lang=lang, currency="IDR")
    view = register.build(results, loc, BRAND)
    assert view.defaults and all(r.default for r in view.rows)
    kinds = {d.kind for d in register.DEFAULT_RISKS}
    assert kinds == {"in-house", "outsourced", "hybrid"}
    scores = [r.score for r in view.rows]
    assert scores == sorted(scores, reverse=True)
    html = render_html(results, brand=BRAND, lang=lang)
    assert loc._("* proposed by the tool; review") in html
    assert f"{view.rows[0].likelihood}*</td>" in html
    assert loc._("Service quality drifts from your brand standards.") in html


@pytest.mark.parametrize("lang", ["en", "id"])
def test_commentary_signoff_and_register_in_the_html(own, lang):
    loc = Locale(lang=lang, currency="IDR")
    html = render_html(own, brand=BRAND, lang=lang)
    assert "<strong>caution</strong>" in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script" not in html
    assert loc._("Next steps and sign-off") in html and "Dewi Lestari" in html
    assert loc._("* proposed by the tool; review") not in html
    assert "Peak overload" in html and 'class="score high">16<' in html
    assert "watermark" not in html.split("<body>")[1]


def test_notes_replace_the_workbook_commentary(own):
    notes = parse_notes("# Executive commentary\nFrom the notes.\n# Sign-off\nVersion: 3.0")
    html = render_html(own, brand=BRAND, lang="en", commentary=notes.over(own.inputs.commentary))
    assert "From the notes." in html and "caution" not in html
    assert "3.0" in html and "Dewi Lestari" in html  # reviewer kept from the workbook


@pytest.mark.parametrize(("lang", "word"), [("en", "DRAFT"), ("id", "DRAF")])
def test_draft_marks_every_page_and_the_metadata(own, lang, word):
    html = render_html(own, brand=BRAND, lang=lang, draft=True)
    data, pages = pdf_bytes(html, brand=BRAND, lang=lang)
    import io

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages
    missing = [i for i, p in enumerate(reader.pages, 1) if word not in p.extract_text()]
    assert missing == []
    meta = reader.metadata
    assert meta.title.startswith(f"{word}: ")
    assert "Draft" in meta["/Keywords"]


# ------------------------------------------------------------------------------------------ CLI
def test_report_with_notes_and_draft(tmp_path):
    notes = tmp_path / "NOTES.md"
    notes.write_text("# Disclaimer\nFigures are estimates.\n# Sign-off\nReviewed by: Rina\n")
    out = tmp_path / "r.pdf"
    html = tmp_path / "r.html"
    code = cli.main(
        [
            "-q",
            "report",
            str(example_path("en")),
            "-o",
            str(out),
            "--html",
            str(html),
            "--notes",
            str(notes),
            "--draft",
        ]
    )
    assert code == 0 and out.exists()
    text = html.read_text()
    assert "Figures are estimates." in text and "Rina" in text and "DRAFT" in text


def test_report_with_bad_notes_is_a_usage_error(tmp_path, capsys):
    notes = tmp_path / "NOTES.md"
    notes.write_text("# Appendix\nx\n")
    code = cli.main(["report", str(example_path("en")), "-o", str(tmp_path / "r.pdf"),
                     "--notes", str(notes)])  # fmt: skip
    assert code == 2
    assert "NOTES.md line 1" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_top_risks_of_the_summary_say_when_the_rating_is_proposed(own):
    from pipeline.report.context import build_view

    loc = Locale(lang="en", currency="IDR")
    plain = compute(model_fixtures.example_inputs())
    proposed = build_view(plain, loc, BRAND).top_risks
    assert any("(proposed rating: likelihood" in r for r in proposed)
    mine = build_view(own, loc, BRAND).top_risks
    assert not any("proposed rating" in r for r in mine)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_parallel_run_the_model_charges_says_so_in_the_checklist(lang):
    # A vendor with transition months has no "parallel run" line: the model charges it, and the
    # checklist says by how much rather than leaving "Covered by" blank.
    results = compute(model_fixtures.example_inputs())
    loc = Locale(lang=lang, currency="IDR")
    vendor = next(o for o in results.options if o.parallel_run_cost > 0)
    html = render_html(results, brand=BRAND, lang=lang)
    said = loc._(
        "Transition months, charged by the analysis: {amount}",
        amount=loc.money_words(vendor.parallel_run_cost),
    )
    assert said in html
