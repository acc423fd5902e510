"""The report end to end: HTML first (sections, words, escaping), then the PDF (text, figures,
pages, bookmarks, fonts, metadata, determinism, PDF/A attachments). Each variant renders once."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from pipeline.model import compute
from pipeline.report import load_brand, render_html, write_pdf
from pipeline.report.locales import Locale
from pipeline.report.render import SECTIONS, make_url_fetcher
from tests import model_fixtures
from tests.pdfutil import pdf_fonts
from tests.report_fixtures import make_results

MARKUP = '<b>bold</b> <img src="file:///etc/passwd"> {{ 7*7 }}'


class _Text(HTMLParser):
    """Visible text of an HTML document (no <style>, no <svg> internals except <text>)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture
def no_weasyprint_errors(caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    errors = [
        r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR
    ]
    assert errors == []


@pytest.fixture(scope="module")
def example():
    return compute(model_fixtures.example_inputs())


@pytest.fixture(scope="module")
def html(example):
    brand = load_brand(None)
    return {lang: render_html(example, brand=brand, lang=lang) for lang in ("en", "id")}


@pytest.fixture(scope="module")
def pdfs(html, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    brand = load_brand(None)
    result = {}
    for lang in ("en", "id"):
        path = out / f"report-{lang}.pdf"
        pages = write_pdf(html[lang], path, brand=brand, lang=lang)
        result[lang] = (path, pages)
    return result


# ------------------------------------------------------------------------------------------ HTML
def test_sections_in_design_order(html):
    ids = re.findall(r'<section class="chapter[^"]*" id="(\w+)"', html["en"])
    # The example raises no warning: no data-quality appendix, and the methodology is Appendix C.
    assert ids == [key for key, _ in SECTIONS if key != "quality"]
    assert "Appendix C: Methodology and glossary" in html["en"]
    assert (
        html["en"].index('class="cover"')
        < html["en"].index('class="contents"')
        < html["en"].index('id="summary"')
    )
    assert html["en"].count("target-counter") >= 1


@pytest.mark.parametrize("lang", ["en", "id"])
def test_html_is_self_contained(html, lang):
    doc = html[lang]
    assert f'<html lang="{lang}">' in doc
    assert "<svg " in doc and "data:image/svg+xml;base64," in doc
    assert not re.search(r'(src|href)="(?!data:|#)', doc)  # nothing to fetch but data: URIs
    assert "<filter" not in doc and "foreignObject" not in doc


def test_indonesian_reader_meets_no_english(html, example):
    text = visible_text(html["id"])
    for name in (
        [o.name for o in example.options]
        + [c.name for c in example.inputs.channels]
        + [ln.item for ln in example.inputs.costs]
        + [example.recommendation.option, example.inputs.project.client_name]
    ):
        text = text.replace(name, " ")  # the user's own names may be English
    words = set(re.findall(r"[A-Za-z]+", text.lower()))
    english = {
        "the",
        "and",
        "of",
        "with",
        "cost",
        "costs",
        "savings",
        "month",
        "year",
        "years",
        "option",
        "page",
        "missing",
        "included",
        "summary",
        "appendix",
        "for",
        "when",
        "from",
        "which",
        "recommendation",
        "contents",
        "risks",
        "scores",
        "value",
    }
    assert sorted(words & english) == []


def test_english_reader_meets_no_indonesian(html):
    words = set(re.findall(r"[A-Za-z]+", visible_text(html["en"]).lower()))
    indonesian = {
        "dan",
        "yang",
        "biaya",
        "bulan",
        "tahun",
        "dari",
        "untuk",
        "dengan",
        "opsi",
        "halaman",
        "penghematan",
        "lampiran",
        "risiko",
        "saluran",
        "tidak",
        "ada",
    }
    assert sorted(words & indonesian) == []


def test_reasons_become_sentences(html, example):
    loc = Locale(lang="en", currency=example.currency)
    assert example.recommendation.reasons
    assert "compared with" in html["en"] or "No alternative beats" in html["en"]
    cmp = next((c for c in example.comparisons if c.option == example.recommendation.option), None)
    if cmp is not None:
        assert loc.money_words(cmp.net_savings) in html["en"]


def test_one_option_reasons_do_not_compare_the_baseline_with_itself():
    """Regression: with one option the summary said "Its qualitative index is 74.1 out of 100.
    In-house scores 74.1 on the same criteria." """
    from dataclasses import replace

    from pipeline.report.text import reason_sentences

    full = model_fixtures.example_inputs()
    base = full.project.baseline_option
    single = replace(
        full,
        options=tuple(o for o in full.options if o.name == base),
        costs=tuple(c for c in full.costs if c.option == base),
    )
    results = compute(single)
    assert results.recommendation.option == base
    text = " ".join(reason_sentences(Locale(lang="en", currency="IDR"), results))
    assert "out of 100" in text and f"{base} scores" not in text


@pytest.mark.parametrize(
    ("drivers", "expected"),
    [
        (("volume",), "when contact volume moves across its tested range."),
        (("volume", "aht"), "when contact volume and handling time (AHT) move across their tested"),
    ],
    ids=["one-driver", "two-drivers-plural"],
)
def test_not_robust_sentence_agrees_with_its_drivers(example, drivers, expected):
    """Regression: "it changes when contact volume and handling time (AHT) moves across its
    tested range"."""
    from pipeline.model.results import NotRobust
    from pipeline.report.text import reason_sentence

    loc = Locale(lang="en", currency="IDR")
    reason = NotRobust(drivers=drivers)
    assert expected in reason_sentence(loc, example, reason)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_payback_in_month_zero_is_not_called_a_payback(example, lang):
    """Regression: an option cheaper from day one "pays back in month 0"."""
    from pipeline.model.results import Payback
    from pipeline.report.text import reason_sentence

    loc = Locale(lang=lang, currency="IDR")
    text = reason_sentence(loc, example, Payback(option=example.baseline, month=0))
    assert example.baseline in text and " 0 " not in f"{text} "
    later = reason_sentence(loc, example, Payback(option=example.baseline, month=7))
    assert " 7 " in later


def test_tile_without_scores_says_so():
    """Regression: with no qualitative scores the tile read "– out of 100"."""
    from dataclasses import replace

    from pipeline.report.context import _tiles

    inputs = replace(model_fixtures.example_inputs(), criteria=())
    results = compute(inputs)
    tiles = {t.label: t for t in _tiles(results, Locale(lang="en", currency="IDR"))}
    tile = tiles["Qualitative index"]
    assert (tile.value, tile.note) == ("–", "no scores given")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_scorecard_without_scores_says_cost_decides(lang):
    """Regression: with no scores the scorecard was a table of dashes and the ranking still
    quoted "60% × cost score + (1 − 60%) × qualitative index"."""
    from dataclasses import replace

    results = compute(replace(model_fixtures.example_inputs(), criteria=()))
    html = render_html(results, brand=load_brand(None), lang=lang)
    start = html.index('id="scorecard"')
    section = visible_text(html[start : html.index("</section>", start)])
    loc = Locale(lang=lang, currency="IDR")
    assert loc._("No qualitative scores were given, so cost alone decides.") in section
    assert loc._("Qualitative index (0-100)") not in section
    assert "× cost score +" not in section and "× skor biaya +" not in section


def test_markup_in_the_workbook_prints_as_text(tmp_path, no_weasyprint_errors):
    results = make_results(n_options=1, client=MARKUP, markup=MARKUP)
    brand = load_brand(None)
    doc = render_html(results, brand=brand, lang="en")
    assert "<b>bold</b>" not in doc and "&lt;b&gt;bold&lt;/b&gt;" in doc
    assert '<img src="file:///etc/passwd">' not in doc
    path = tmp_path / "markup.pdf"
    write_pdf(doc, path, brand=brand, lang="en")
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "<b>bold</b>" in text and "file:///etc/passwd" in text and "{{ 7*7 }}" in text


def test_fetcher_refuses_files_outside_the_templates(tmp_path):
    fetcher = make_url_fetcher([tmp_path])
    (tmp_path / "ok.css").write_text("p {}")
    assert fetcher.fetch((tmp_path / "ok.css").as_uri()) is not None
    for url in ("file:///etc/passwd", "http://example.com/x.png", (tmp_path / ".." / "x").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# ------------------------------------------------------------------------------------------- PDF
@pytest.mark.parametrize("lang", ["en", "id"])
def test_pdf_text_headings_and_figures(pdfs, example, lang, no_weasyprint_errors):
    path, pages = pdfs[lang]
    assert 10 <= pages <= 25
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    text = text.replace("\u00a0", " ")
    loc = Locale(lang=lang, currency=example.currency)
    for key, title in SECTIONS:
        # without next steps or a transition plan the chapter is the sign-off alone
        if key != "quality":  # the example raises no warning
            assert loc._("Sign-off" if key == "signoff" else title) in text
    base = example.option(example.baseline)
    assert loc.amount(base.pv_cost) in text
    assert loc.money_words(base.pv_cost).replace("\u00a0", " ") in text
    for c in example.comparisons:  # the ROI table: options (hybrids are in their chapter)
        if c.kind == "option":
            assert loc.amount(c.net_savings) in text
    for h in example.hybrids:  # the hybrid chapter: NPV of each family's best variant
        assert loc.amount(h.npv) in text
    assert loc._("Page") + " 2 " + loc._("of") + f" {pages}" in text


@pytest.mark.parametrize("lang", ["en", "id"])
def test_pdf_bookmarks_metadata_and_fonts(pdfs, lang):
    path, _ = pdfs[lang]
    reader = PdfReader(path)
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert Locale(lang=lang, currency="IDR")._("Executive summary") in titles
    assert len(titles) >= len(SECTIONS) - 1  # no data-quality notes without warnings
    meta = reader.metadata
    assert meta.title and "PT" in meta.title and meta.author
    assert reader.trailer["/Root"].get("/Lang") == lang
    fonts = pdf_fonts(path)
    assert fonts and all(embedded and name.startswith("Lato") for name, embedded in fonts), fonts


def test_pdf_is_deterministic_and_pdfa_has_attachments(tmp_path, no_weasyprint_errors):
    results = make_results(n_options=2)
    brand = load_brand("nusantara")
    doc = render_html(results, brand=brand, lang="id")
    assert render_html(results, brand=brand, lang="id") == doc
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(doc, a, brand=brand, lang="id")
    write_pdf(doc, b, brand=brand, lang="id")
    assert a.read_bytes() == b.read_bytes()
    c = tmp_path / "c.pdf"
    files = (("book.xlsx", b"PK fake workbook"), ("results.json", b'{"schema": 1}'))
    write_pdf(doc, c, brand=brand, lang="id", pdfa=True, attachments=files)
    reader = PdfReader(c)
    assert set(reader.attachments) == {"book.xlsx", "results.json"}
    assert reader.attachments["results.json"] == [b'{"schema": 1}']
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid" in xmp and b"3" in xmp.split(b"part")[1][:6]
    assert "/OutputIntents" in reader.trailer["/Root"]
    names = [name for name, _ in pdf_fonts(c)]
    assert any(n.startswith("Carlito") for n in names) and not any("DejaVu" in n for n in names)


def test_twenty_thousand_lines_stay_short(tmp_path, no_weasyprint_errors):
    results = make_results(n_lines=20_000, n_warnings=500)
    brand = load_brand(None)
    doc = render_html(results, brand=brand, lang="en")
    assert "20,000 cost lines" in doc and "and 380 more warnings" in doc
    pages = write_pdf(doc, tmp_path / "big.pdf", brand=brand, lang="en")
    assert pages <= 40


def test_data_quality_appendix_only_with_something_to_say(make_workbook):
    """Warnings give the appendix, lettered in turn; addressed to the client, not the filler."""
    from pipeline.flow import render_report

    book = make_workbook({"Costs!D5": "no-such-type"})  # an unknown cost type: a warning
    done = render_report(book)
    assert done.results.issues
    ids = re.findall(r'<section class="chapter[^"]*" id="(\w+)"', done.html)
    assert ids[-2:] == ["quality", "method"]
    assert "Appendix C: Data-quality notes" in done.html
    assert "Appendix D: Methodology and glossary" in done.html
    assert "whoever prepared the workbook" in done.html
