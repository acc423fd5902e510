"""The comparison sections when the workbook gives them nothing to show (one option, no vendor),
their rows (sensitivity drivers, risks once per type) and the appendix's channel assumptions."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from pipeline import schema
from pipeline.model import compute
from pipeline.model.inputs import Inputs
from pipeline.report import load_brand, render_html, write_pdf
from pipeline.report.appendix import CHANNEL_KEYS, LIVE_ONLY, channel_rows
from pipeline.report.context import build_view
from pipeline.report.locales import DASH, Locale
from pipeline.report.render import SECTIONS
from pipeline.report.text import driver_range
from tests import model_fixtures
from tests.test_report import visible_text

COMPARISON_SECTIONS = ("roi", "hybrid", "sensitivity")


def single_option() -> Inputs:
    """The example with its baseline only."""
    full = model_fixtures.example_inputs()
    base = full.project.baseline_option
    return replace(
        full,
        options=tuple(o for o in full.options if o.name == base),
        costs=tuple(c for c in full.costs if c.option == base),
        criteria=tuple(
            replace(c, scores={k: v for k, v in c.scores.items() if k == base})
            for c in full.criteria
        ),
    )


def no_vendor() -> Inputs:
    """The baseline and a second in-house site, a little cheaper: an ROI but no hybrid."""
    full = model_fixtures.example_inputs()
    base = next(o for o in full.options if o.name == full.project.baseline_option)
    alt = replace(base, name="In-house (new site)", already_running=False)
    lines = [c for c in full.costs if c.option == base.name]
    alt_lines = [replace(c, option=alt.name, amount=c.amount * 0.95) for c in lines]
    return replace(
        full,
        options=(base, alt),
        costs=tuple(lines + alt_lines),
        criteria=tuple(
            replace(c, scores={base.name: c.scores[base.name], alt.name: c.scores[base.name]})
            for c in full.criteria
        ),
    )


@pytest.fixture(scope="module")
def single():
    return compute(single_option())


@pytest.fixture(scope="module")
def in_house_only():
    return compute(no_vendor())


def section_ids(html: str) -> list[str]:
    return re.findall(r'<section class="chapter[^"]*" id="(\w+)"', html)


def contents_ids(html: str) -> list[str]:
    start = html.index('class="contents"')
    return re.findall(r'href="#(\w+)"', html[start : html.index("</section>", start)])


def flat_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


# ------------------------------------------------------------------------------- one option
@pytest.mark.parametrize("lang", ["en", "id"])
def test_one_option_leaves_out_the_comparison_sections_and_says_why(single, lang):
    html = render_html(single, brand=load_brand(None), lang=lang)
    # no warnings in these workbooks: no data-quality appendix
    expected = [key for key, _ in SECTIONS if key not in (*COMPARISON_SECTIONS, "quality")]
    assert section_ids(html) == expected
    assert contents_ids(html) == expected
    loc = Locale(lang=lang, currency="IDR")
    text = flat_text(visible_text(html))
    sheet = schema.SHEETS["options"](lang)
    note = loc._(
        "The return-on-investment, hybrid and sensitivity analyses need an alternative to "
        "{baseline}, so they are left out: add one, such as a vendor quote, on the {sheet} "
        "sheet of the workbook.",
        baseline=single.baseline,
        sheet=sheet,
    )
    assert note in text and f" {sheet} " in note
    # The callout does not say "no alternative beats" an option that had no rival.
    assert "No alternative beats" not in text and "Tidak ada alternatif yang" not in text
    only = loc._(
        "{option} is the only option in the workbook, so there is no alternative to compare "
        "it with.",
        option=single.baseline,
    )
    assert only in text
    # No one-row ranking of the option against itself.
    assert loc._("Ranking: cost and quality combined") not in text


def test_one_option_pdf_has_the_sentence_and_no_empty_pages(single, tmp_path):
    brand = load_brand(None)
    html = render_html(single, brand=brand, lang="en")
    pages = write_pdf(html, tmp_path / "one.pdf", brand=brand, lang="en")
    reader = PdfReader(tmp_path / "one.pdf")
    text = flat_text(" ".join(p.extract_text() for p in reader.pages))
    assert "need an alternative to In-house, so they are left out" in text
    bookmarks = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Executive summary" in bookmarks and "Qualitative scorecard" in bookmarks
    for title in ("Return on investment", "Hybrid split", "Sensitivity and break-even"):
        assert title not in bookmarks
    # Cover, contents, then one page per remaining chapter and appendix at most.
    assert pages <= 2 + len(SECTIONS) - len(COMPARISON_SECTIONS)


def test_one_option_tiles_show_its_own_figures(single):
    loc = Locale(lang="en", currency="IDR")
    view = build_view(single, loc, load_brand(None))
    assert [t.label for t in view.tiles] == ["Cost (PV)", "Cost per contact", "Qualitative index"]
    base = single.option(single.baseline)
    assert view.tiles[0].value == loc.money_words(base.pv_cost)
    assert view.tiles[0].note == f"{loc.money_words(base.total_cost)} nominal over 3 years"
    assert all(t.value != "IDR\u00a00" for t in view.tiles)  # no saving against itself


# ------------------------------------------------------------------------------ no vendor
@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_vendor_leaves_out_the_hybrid_split(in_house_only, lang):
    assert in_house_only.comparisons and not in_house_only.hybrid
    html = render_html(in_house_only, brand=load_brand(None), lang=lang)
    expected = [key for key, _ in SECTIONS if key not in ("hybrid", "quality")]
    assert section_ids(html) == expected and contents_ids(html) == expected
    loc = Locale(lang=lang, currency="IDR")
    text = flat_text(visible_text(html))
    assert (
        loc._(
            "No outsourced vendor was quoted, so there is no hybrid split (part of the volume "
            "in-house, part with a vendor) to show."
        )
        in text
    )
    # Vendor prices move nothing without a vendor: no driver row, no break-even price.
    start = html.index('id="sensitivity"')
    sensitivity = visible_text(html[start : html.index("</section>", start)])
    assert loc._("Vendor prices") not in sensitivity
    assert loc._("No break-even vendor price within the range searched.") not in sensitivity
    assert loc._("Contact volume") in sensitivity


def test_roi_tile_without_investment_says_so():
    """Investment is the peak cash exposure (DESIGN §8): an alternative that is cheaper from the
    first month (here the second site is already running, so it hires nobody) puts nothing at
    risk, and the ROI tile says so."""
    inputs = no_vendor()
    running = tuple(replace(o, already_running=True) for o in inputs.options)
    results = compute(replace(inputs, options=running))
    comparison = results.comparisons[0]
    assert comparison.investment == 0 and comparison.roi is None
    assert comparison.investment_month is None
    view = build_view(results, Locale(lang="en", currency="IDR"), load_brand(None))
    tile = next(t for t in view.tiles if t.label == "ROI")
    assert (tile.value, tile.note) == (DASH, "no investment")


def test_example_keeps_every_section():
    results = compute(model_fixtures.example_inputs())
    view = build_view(results, Locale(lang="en", currency="IDR"), load_brand(None))
    assert view.omitted == () and view.scope_note == ""


# ----------------------------------------------------------------------------- rows
@pytest.mark.parametrize(
    ("lang", "driver", "low", "high", "expected"),
    [
        ("en", "shrinkage", -0.05, 0.05, "±5 pp"),
        ("id", "attrition", -0.10, 0.10, "±10 poin"),
        ("en", "attrition", -0.05, 0.10, "−5 pp – +10 pp"),
        ("en", "wage_inflation", 0.03, 0.07, "3% – 7%"),
        ("en", "volume", 0.8, 1.2, "×0.80 – ×1.20"),
    ],
    ids=["points-en", "points-id", "points-asymmetric", "absolute-rate", "multiplier"],
)
def test_values_tested_read_as_what_was_tried(lang, driver, low, high, expected):
    """Regression: shrinkage ±5 pp printed as "-5% – 5%", a shrinkage of minus 5%."""
    assert driver_range(Locale(lang=lang, currency="IDR"), driver, low, high) == expected


def test_proposed_risks_listed_once_per_option_type():
    """Regression: six options repeated the same five vendor risks under every vendor; the
    register proposes each risk of a kind once, naming every option of that kind."""
    from pipeline.report import register

    full = model_fixtures.example_inputs()
    vendor = next(o for o in full.options if o.type == "outsourced")
    extra = replace(vendor, name="Vendor Z")
    inputs = replace(
        full,
        options=full.options + (extra,),
        costs=full.costs
        + tuple(replace(c, option="Vendor Z") for c in full.costs if c.option == vendor.name),
        risks=(),
    )
    proposed = register.default_risks(compute(inputs), Locale(lang="en", currency="IDR"))
    vendors = ", ".join(o.name for o in inputs.options if o.type == "outsourced")
    by_option = [r.option for r in proposed if r.option == vendors]
    outsourced = [d for d in register.DEFAULT_RISKS if d.kind == "outsourced"]
    assert len(by_option) == len(outsourced)
    assert len({r.risk for r in proposed}) == len(proposed)
    assert all(r.default for r in proposed)


# -------------------------------------------------------------------------- appendix
@pytest.mark.parametrize("lang", ["en", "id"])
def test_deferred_channels_show_no_service_level_or_answer_time(lang):
    results = compute(model_fixtures.example_inputs())
    rows = channel_rows(results, Locale(lang=lang, currency="IDR"))
    modes = [c.mode for c in results.inputs.channels]
    assert "deferred" in modes and "live" in modes
    live_only = [CHANNEL_KEYS.index(k) for k in LIVE_ONLY]
    assert len(live_only) == 2
    for row, mode in zip(rows, modes, strict=True):
        shown = [row.cells[i] for i in live_only]
        assert (shown == [DASH, DASH]) is (mode == "deferred")
