"""Results -> HTML (Jinja2) -> PDF (WeasyPrint, imported here only).

The HTML is self-contained (inline CSS, inline SVG charts, logo and fonts as data: URIs) so the
`--html` preview works alone. For the PDF the embedded fonts are cut out again and WeasyPrint gets a
per-brand stylesheet parsed once per process, whose file:// URLs the fetcher allows only inside
report_templates/ and the brand folder. Dates come from the project's report date and the PDF
identifier from the HTML, so the same input gives the same bytes.
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlparse

import jinja2
from markupsafe import Markup

from .. import __version__, files, schema
from ..issues import UsageError
from ..model.inputs import Commentary
from ..model.results import Results
from . import analysis, appendix, decision_charts, register, staffing_view
from . import commentary as commentary_view
from .brands import TEMPLATES_DIR, Brand
from .context import build_view
from .locales import N_, Locale

log = logging.getLogger("pipeline")

SECTIONS = (
    ("summary", N_("Executive summary")),
    ("costs", N_("Cost comparison")),
    ("staffing", N_("Staffing and service levels")),
    ("roi", N_("Return on investment")),
    ("hybrid", N_("Hybrid split")),
    ("sensitivity", N_("Sensitivity and break-even")),
    ("scorecard", N_("Qualitative scorecard")),
    ("risks", N_("Risks and hidden-cost checklist")),
    ("signoff", N_("Next steps and sign-off")),
    ("assumptions", N_("Assumptions")),
    ("lines", N_("Cost lines")),
    ("quality", N_("Data-quality notes")),
    ("method", N_("Methodology and glossary")),
)
"""Section id -> English title (msgid), in DESIGN §5 order."""
APPENDICES = ("assumptions", "lines", "quality", "method")
"""Lettered A, B, ... in this order; the data-quality notes only when there is something to say."""


@dataclass(frozen=True, kw_only=True)
class Section:
    id: str
    title: str
    level: str = "top"


FONTS_START = '/*"cs-sourcing embedded fonts"*/'
FONTS_END = '/*"end of embedded fonts"*/'
"""Bracket the data: @font-face rules in the <style>; the quotes make them impossible to forge from
workbook text, which autoescaping turns into &#34;."""


def css_string(value: object) -> Markup:
    """A quoted CSS string literal; escapes what could end the string or the <style> element."""
    out = ['"']
    for ch in str(value):
        if ch in '"\\<>&' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    out.append('"')
    return Markup("".join(out))


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between processes: compiling them costs a cold report ~60 ms.

    Jinja's default place is a private per-user folder in the temp directory; entries are keyed
    by the template source's checksum, so an edited template is simply compiled again."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError) as exc:  # no usable temp folder: compile every time
        log.debug("no template cache: %s", exc)
        return None


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    return env


def _markup(svg: str | None) -> Markup | None:
    return Markup(svg) if svg else None


def render_html(
    results: Results,
    *,
    brand: Brand,
    lang: str,
    commentary: Commentary | None = None,
    draft: bool = False,
) -> str:
    """The whole report as one self-contained HTML document in `lang` (en or id).

    `commentary` replaces the workbook's (`report --notes`); `draft` marks every page DRAFT and
    says so in the metadata."""
    loc = Locale(lang=lang, currency=results.currency)
    project = results.inputs.project
    env = _environment()
    view = build_view(results, loc, brand)
    notes = commentary_view.build(
        commentary or results.inputs.commentary, project, loc, draft=draft
    )
    shown = [key for key, _ in SECTIONS if key != "quality" or view.warning_rows]
    heads = {key: loc._(title) for key, title in SECTIONS}
    if not notes.has_plan:
        heads["signoff"] = loc._("Sign-off")
    lettered = [key for key in shown if key in APPENDICES]
    for i, key in enumerate(lettered):
        heads[key] = loc._("Appendix {letter}: {title}", letter="ABCDEFGH"[i], title=heads[key])
    sections = tuple(
        Section(id=key, title=heads[key], level="sub" if key in APPENDICES else "top")
        for key in shown
    )
    css = env.get_template("report.css.j2").render(
        brand=brand, page_word=loc._("Page"), of_word=loc._("of")
    )
    css = f"{FONTS_START}\n{embedded_font_css(_faces(brand))}{FONTS_END}\n{css}"
    context = {
        "_": loc._,
        "lang": lang,
        "brand": brand,
        "project": project,
        "results": results,
        "view": view,
        "notes": notes,
        "register": register.build(results, loc, brand),
        "staffing": staffing_view.build(results, loc, brand),
        "family_rows": analysis.family_rows(results, loc),
        "hybrid_summary": analysis.hybrid_summary(results, loc),
        "cost_quality": _markup(decision_charts.cost_quality(results, loc, brand)),
        "heads": SimpleNamespace(**heads),
        "sections": sections,
        "css": Markup(css),
        "version": __version__,
        "report_date": loc.date(project.report_date),
        "years": loc.number(results.horizon_months // 12),
        "horizon_months": loc.number(results.horizon_months),
        "discount_rate": loc.percent(project.discount_rate, 1),
        "financial_weight": loc.percent(project.financial_weight),
        "base_npv": loc.money_words(results.sensitivity.base_npv) if results.sensitivity else "",
        "line_count": loc.number(view.line_count),
        "amounts_note": loc._("Amounts in {currency}", currency=loc.currency_unit),
        "currency_words": loc.currency_in_words,
        "warnings_hidden": loc.number(view.warnings_hidden),
        "score_widths": (34, 10)
        + (round(56 / max(1, len(results.options)), 2),) * len(results.options),
        "channel_head": appendix.headers(loc, schema.CHANNELS, appendix.CHANNEL_KEYS),
        "option_head": appendix.headers(loc, schema.OPTIONS, appendix.option_keys(results)),
        "demand_head": appendix.demand_head(loc),
        "demand_rows": appendix.demand_rows(results, loc),
        "patterns": appendix.pattern_rows(results, loc),
        "profiles": appendix.profile_rows(results, loc),
    }
    context["m"] = env.get_template("macros.html.j2").make_module(context)
    html = env.get_template("report.html.j2").render(context)
    if loc.missing:
        log.warning("%d texts lack a %s translation", len(loc.missing), lang)
    return html


# ------------------------------------------------------------------------------------- fonts
def _faces(brand: Brand) -> tuple[tuple[str, int, str, Path], ...]:
    return tuple((f.family, f.weight, f.style, f.path) for f in brand.fonts + brand.fallback_fonts)


def _font_face_rules(faces: tuple, url) -> str:
    return "".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{url(path)}"); }}\n'
        for family, weight, style, path in faces
    )


@cache
def embedded_font_css(faces: tuple) -> str:
    """@font-face rules carrying the font files as data: URIs (built once per process)."""
    return _font_face_rules(
        faces,
        lambda path: "data:font/ttf;base64," + base64.b64encode(path.read_bytes()).decode("ascii"),
    )


def without_embedded_fonts(html: str) -> str:
    """`html` minus the data: @font-face block, which the PDF path replaces by cached fonts."""
    start = html.find(FONTS_START)
    end = html.find(FONTS_END, start)
    if start < 0 or end < 0:
        return html
    return html[:start] + html[end + len(FONTS_END) :]


# --------------------------------------------------------------------------------------- PDF
def _allowed_roots(brand: Brand) -> tuple[Path, ...]:
    return (TEMPLATES_DIR.resolve(), brand.folder.resolve())


def make_url_fetcher(roots: Sequence[Path]):
    """A WeasyPrint URL fetcher that serves data: URIs and files inside `roots`, nothing else."""
    import weasyprint

    class LocalFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in roots) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"resource outside the report templates refused: {url[:80]}")

    return LocalFetcher(allowed_protocols=("data", "file"))


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    # Release it while the interpreter is still whole: WeasyPrint's __del__ calls into Pango and
    # prints "Exception ignored ... NoneType" when it runs during interpreter shutdown.
    atexit.register(_release_fonts)
    return FontConfiguration()


def _release_fonts() -> None:
    _font_stylesheet.cache_clear()
    _font_config.cache_clear()


@cache
def _font_stylesheet(brand_folder: Path, faces: tuple):
    """@font-face rules of a brand, parsed once per process (fonts are fetched from disk once)."""
    import weasyprint

    rules = _font_face_rules(faces, Path.as_uri)
    roots = (TEMPLATES_DIR.resolve(), brand_folder.resolve())
    return weasyprint.CSS(
        string=rules, font_config=_font_config(), url_fetcher=make_url_fetcher(roots)
    )


def _report_datetime(html: str) -> datetime:
    marker = 'name="dcterms.created" content="'
    start = html.find(marker)
    if start >= 0:
        try:
            return datetime.fromisoformat(html[start + len(marker) : start + len(marker) + 10])
        except ValueError:
            pass
    return datetime.combine(datetime(2000, 1, 1), time(), tzinfo=UTC)


def write_pdf(
    html: str,
    out_path: str | os.PathLike,
    *,
    brand: Brand,
    lang: str,
    pdfa: bool = False,
    attachments: Sequence[tuple[str, bytes]] = (),
    identifier: bytes | None = None,
) -> int:
    """Render `html` to a PDF at `out_path` (atomically); returns the page count. See `pdf_bytes`."""
    data, pages = pdf_bytes(
        html, brand=brand, lang=lang, pdfa=pdfa, attachments=attachments, identifier=identifier
    )
    try:
        files.write_bytes(out_path, data)
    except OSError as exc:  # disk full, permissions: an environment problem, exit code 2
        raise UsageError(f"cannot write {out_path}: {exc}") from None
    return pages


def pdf_bytes(
    html: str,
    *,
    brand: Brand,
    lang: str,
    pdfa: bool = False,
    attachments: Sequence[tuple[str, bytes]] = (),
    identifier: bytes | None = None,
) -> tuple[bytes, int]:
    """Render `html` to PDF bytes; returns (bytes, page count). Nothing outside is changed, so
    renders may run in threads side by side.

    `pdfa` gives PDF/A-3b with `attachments` (name, bytes) embedded, e.g. the source workbook and
    results.json. The PDF identifier defaults to a hash of the HTML and the dates come from the
    report date, so output is reproducible (fonts are subset by HarfBuzz, which stamps no time).
    """
    import weasyprint

    fonts_css = _font_stylesheet(brand.folder, _faces(brand))
    fetcher = make_url_fetcher(_allowed_roots(brand))
    # The same fonts as the embedded ones, but registered once per process instead of decoded
    # from base64 and handed to fontconfig again for every report.
    document = weasyprint.HTML(
        string=without_embedded_fonts(html), base_url=str(TEMPLATES_DIR) + "/", url_fetcher=fetcher
    ).render(stylesheets=[fonts_css], font_config=_font_config())
    stamp = _report_datetime(html)
    attached = [
        weasyprint.Attachment(
            string=data,
            name=name,
            created=stamp,
            modified=stamp,
            relationship="Source" if not name.endswith(".json") else "Data",
        )
        for name, data in attachments
    ]
    ident = identifier or hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest()
    options = {
        "pdf_identifier": ident.encode() if isinstance(ident, str) else ident,
        "attachments": attached or None,
        "uncompressed_pdf": False,
        # Tagged: a structure tree (headings, paragraphs, tables, figures with their alternate
        # text) and the document language, so screen readers can read the report.
        "pdf_tags": True,
    }
    if pdfa:
        options["pdf_variant"] = "pdf/a-3b"
    return document.write_pdf(**options), len(document.pages)
