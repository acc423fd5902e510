"""Accessible, archivable PDFs: a structure tree, the document language, alternate text for every
chart (a sentence that says what it shows), and PDF/A without the workbook when asked."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pipeline import cli, flow
from pipeline.report.locales import Locale

from .conftest import example_path


def _figures(node, out: list) -> list:
    """Every /Figure of the structure tree below `node`, depth first."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kid in node:
            _figures(kid, out)
        return out
    if not hasattr(node, "get"):
        return out
    if node.get("/S") == "/Figure":
        out.append(node)
    kids = node.get("/K")
    if kids is not None:
        _figures(kids, out)
    return out


@pytest.fixture(scope="module", params=["en", "id"])
def rendered(request):
    lang = request.param
    return lang, flow.render_report(example_path(lang).read_bytes(), lang=lang)


def test_the_report_is_tagged_with_its_language(rendered):
    lang, done = rendered
    root = PdfReader(io.BytesIO(done.pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == lang
    assert root["/MarkInfo"]["/Marked"]


def test_every_chart_says_what_it_shows(rendered):
    lang, done = rendered
    root = PdfReader(io.BytesIO(done.pdf)).trailer["/Root"]
    figures = _figures(root["/StructTreeRoot"], [])
    alts = [str(f.get("/Alt", "")) for f in figures]
    charts = done.html.count('<svg class="chart"')
    assert charts >= 6
    assert len(figures) >= charts  # the logo is a figure too
    assert all(alts), "a figure without alternate text"
    # Sentences with figures in words, not the charts' short titles.
    scale = "miliar" if lang == "id" else "billion"
    with_money = [a for a in alts if scale in a]
    assert len(with_money) >= 4
    assert all(a.endswith(".") and len(a) > 60 for a in with_money)
    names = [o.name for o in done.results.options]
    assert all(any(name in a for a in alts) for name in names)


def test_money_in_words_keeps_three_figures():
    en, id_ = Locale(lang="en", currency="IDR"), Locale(lang="id", currency="IDR")
    assert en.money_words(5_358_930_252) == "IDR\u00a05.36\u00a0billion"
    assert id_.money_words(5_358_930_252) == "Rp\u00a05,36\u00a0miliar"
    assert en.money_words(999_999_999) == "IDR\u00a01.00\u00a0billion"  # not "1,000 million"
    assert en.money_words(29_000_000_000) == "IDR\u00a029.0\u00a0billion"
    assert en.money_words(-4.2e12) == "−IDR\u00a04.20\u00a0trillion"
    assert en.money_words(12_345) == "IDR\u00a012,345"  # under a million: in full
    assert id_.money_words(750_000) == "Rp\u00a0750.000"


def _attached(pdf: bytes) -> set[str]:
    return set(PdfReader(io.BytesIO(pdf)).attachments)


def test_pdfa_attaches_the_workbook_unless_asked_not_to(tmp_path):
    book = tmp_path / "client.xlsx"
    book.write_bytes(example_path().read_bytes())
    with_book, without = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert cli.main(["-q", "report", str(book), "-o", str(with_book), "--pdfa"]) == 0
    assert (
        cli.main(["-q", "report", str(book), "-o", str(without), "--pdfa", "--no-attach-workbook"])
        == 0
    )
    assert _attached(with_book.read_bytes()) == {"client.xlsx", "results.json"}
    assert _attached(without.read_bytes()) == {"results.json"}
    # Archival and tagged at once.
    root = PdfReader(io.BytesIO(without.read_bytes())).trailer["/Root"]
    assert "/StructTreeRoot" in root and "/Metadata" in root
