"""The render module's font handling: the --html preview carries the brand's fonts as data: URIs,
the PDF path swaps them for the cached file:// faces, and workbook text cannot forge the markers."""

from __future__ import annotations

import re

import pytest

from pipeline.report import load_brand, render_html
from pipeline.report.render import (
    FONTS_END,
    FONTS_START,
    embedded_font_css,
    without_embedded_fonts,
)
from tests.pdfutil import pdf_fonts
from tests.report_fixtures import make_results


@pytest.fixture(scope="module")
def preview():
    return render_html(make_results(n_options=2), brand=load_brand("nusantara"), lang="en")


def test_preview_embeds_every_face_of_the_brand(preview):
    brand = load_brand("nusantara")
    faces = re.findall(
        r'@font-face \{ font-family: "([^"]+)"; font-weight: (\w+); font-style: (\w+); '
        r'src: url\("data:font/ttf;base64,[A-Za-z0-9+/=]{1000,}"\); \}',
        preview,
    )
    expected = [(f.family, str(f.weight), f.style) for f in brand.fonts + brand.fallback_fonts]
    assert faces == expected and len(faces) >= 4  # Carlito and its Lato fallback
    assert "file:" not in preview


def test_pdf_path_cuts_out_exactly_the_embedded_block(preview):
    slim = without_embedded_fonts(preview)
    assert "@font-face" not in slim and "base64,AAEAAA" not in slim  # TTF magic, base64
    assert len(preview) - len(slim) > 1_000_000
    before = preview[: preview.index(FONTS_START)]
    after = preview[preview.index(FONTS_END) + len(FONTS_END) :]
    assert slim == before + after


def test_workbook_text_cannot_forge_the_font_markers():
    results = make_results(n_options=1, client=f"ACME {FONTS_START} x {FONTS_END}")
    doc = render_html(results, brand=load_brand(None), lang="en")
    assert doc.count(FONTS_START) == 1 and doc.count(FONTS_END) == 1
    assert "ACME /*&#34;cs-sourcing" in doc
    assert "ACME" in without_embedded_fonts(doc)


def test_embedded_fonts_render_in_plain_weasyprint(tmp_path):
    """A browser or WeasyPrint with no access to our folders still gets the brand font."""
    import weasyprint

    brand = load_brand(None)
    faces = tuple((f.family, f.weight, f.style, f.path) for f in brand.fonts)
    html = (
        f"<style>{embedded_font_css(faces)} body {{ font-family: Lato; }}</style>"
        "<p>Preview <b>bold</b> <i>italic</i></p>"
    )
    out = tmp_path / "p.pdf"
    weasyprint.HTML(string=html).write_pdf(out)
    assert pdf_fonts(out) == [("Lato", True), ("Lato-Bold", True), ("Lato-Italic", True)]
