"""The risk register of the report: the workbook's Risks sheet, or the usual risks of each kind
of option (DOMAIN.md) with default ratings marked for review; and its likelihood x impact grid."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.inputs import Risk
from ..model.results import Results
from .brands import Brand
from .locales import N_, Locale
from .svg import SMALL, Canvas, text_width

OWNER_CS, OWNER_HR, OWNER_IT = N_("Head of customer service"), N_("HR"), N_("IT and security")
OWNER_OPS, OWNER_LEGAL = N_("Operations manager"), N_("Procurement and legal")


@dataclass(frozen=True, kw_only=True)
class DefaultRisk:
    """A risk the report proposes when the workbook has none: English msgids, default ratings."""

    kind: str
    """`outsourced`, `in-house` or `hybrid`."""
    risk: str
    likelihood: int
    impact: int
    mitigation: str
    owner: str


def _r(kind, risk, likelihood, impact, mitigation, owner) -> DefaultRisk:
    return DefaultRisk(kind=kind, risk=risk, likelihood=likelihood, impact=impact,
                       mitigation=mitigation, owner=owner)  # fmt: skip


DEFAULT_RISKS = (
    _r(
        "outsourced",
        N_("Service quality drifts from your brand standards."),
        3,
        4,
        N_(
            "An SLA with measurable KPIs (response time, resolution, satisfaction), audited monthly."
        ),
        OWNER_CS,
    ),
    _r(
        "outsourced",
        N_("Customer data is exposed at the vendor."),
        2,
        5,
        N_(
            "A data-processing agreement, access limited to what agents need, yearly security audits."
        ),
        OWNER_IT,
    ),
    _r(
        "outsourced",
        N_("Leaving the vendor is slow and costly."),
        3,
        3,
        N_("Exit terms, knowledge transfer and ownership of the knowledge base in the contract."),
        OWNER_LEGAL,
    ),
    _r(
        "outsourced",
        N_("Vendor oversight takes more internal time than budgeted."),
        4,
        2,
        N_("A named vendor manager and a monthly governance meeting, budgeted as a cost line."),
        OWNER_OPS,
    ),
    _r(
        "outsourced",
        N_("Agents lack product knowledge and resolve complex cases slowly."),
        3,
        3,
        N_("Joint training before go-live and an escalation path to in-house experts."),
        OWNER_CS,
    ),
    _r(
        "in-house",
        N_("Attrition keeps recruiting and training costs high."),
        4,
        3,
        N_("Career paths, retention pay and a standing hiring pipeline."),
        OWNER_HR,
    ),
    _r(
        "in-house",
        N_("Fixed capacity cannot follow seasonal peaks."),
        4,
        3,
        N_("Cross-training, seasonal contract staff or overflow to a vendor at peaks."),
        OWNER_OPS,
    ),
    _r(
        "in-house",
        N_("Night and weekend shifts raise pay and turnover."),
        3,
        2,
        N_("Shift premiums in the budget, rotation, and online channels outside office hours."),
        OWNER_HR,
    ),
    _r(
        "in-house",
        N_("Tools, facilities and supervision stay your capital and your burden."),
        2,
        3,
        N_("A maintenance budget and cloud contact-centre tools instead of owned systems."),
        OWNER_IT,
    ),
    _r(
        "hybrid",
        N_("Hand-offs between the vendor and your team lose context."),
        3,
        3,
        N_("One shared ticketing system and written routing rules."),
        OWNER_OPS,
    ),
    _r(
        "hybrid",
        N_("Service differs by channel or hour, and customers notice."),
        3,
        3,
        N_("One quality scorecard for both teams, calibrated together monthly."),
        OWNER_CS,
    ),
)
"""DOMAIN.md's risks of each kind of option, with the ratings the report proposes by default."""


@dataclass(frozen=True, kw_only=True)
class RegisterRow:
    number: int
    """Its number in the table and on the grid (1 = highest likelihood x impact)."""
    risk: str
    option: str
    likelihood: int
    impact: int
    score: int
    level: str
    """`high` (15+), `medium` (8-14) or `low`: the colour of its grid cell."""
    mitigation: str
    owner: str
    default: bool


@dataclass(frozen=True, kw_only=True)
class Register:
    rows: tuple[RegisterRow, ...]
    defaults: bool
    """True when the rows are the tool's proposals (no Risks sheet, or an empty one)."""
    grid: Markup


def level(score: int) -> str:
    return "high" if score >= 15 else "medium" if score >= 8 else "low"


def _kinds(results: Results) -> dict[str, list[str]]:
    """Option kind -> the names of the options of that kind (hybrids: when one is recommended
    or the workbook poses its own)."""
    kinds: dict[str, list[str]] = {}
    for o in results.options:
        kinds.setdefault(o.type, []).append(o.name)
    rec = results.recommendation.option
    if results.inputs.hybrids or any(h.id == rec for h in results.hybrids):
        kinds["hybrid"] = []
    return kinds


def default_risks(results: Results, loc: Locale, kinds=None) -> tuple[Risk, ...]:
    """The risks the report proposes for the kinds of option compared (or only `kinds`), in the
    report's language, each marked `default`."""
    out = []
    present = _kinds(results)
    for d in DEFAULT_RISKS:
        if d.kind not in present or (kinds is not None and d.kind not in kinds):
            continue
        names = present[d.kind]
        option = ", ".join(names) if d.kind != "hybrid" else loc._("Hybrid")
        out.append(
            Risk(
                risk=loc._(d.risk),
                option=option,
                likelihood=d.likelihood,
                impact=d.impact,
                mitigation=loc._(d.mitigation),
                owner=loc._(d.owner),
                default=True,
            )
        )
    return tuple(out)


def ranked(risks: tuple[Risk, ...]) -> list[Risk]:
    """Highest likelihood x impact first; ties by impact, then in the order given."""
    order = {id(r): i for i, r in enumerate(risks)}
    return sorted(risks, key=lambda r: (-r.score, -r.impact, order[id(r)]))


def build(results: Results, loc: Locale, brand: Brand) -> Register:
    own = results.inputs.risks
    risks = own or default_risks(results, loc)
    rows = tuple(
        RegisterRow(
            number=i,
            risk=r.risk,
            option=r.option or loc._("Every option"),
            likelihood=r.likelihood,
            impact=r.impact,
            score=r.score,
            level=level(r.score),
            mitigation=r.mitigation,
            owner=r.owner,
            default=r.default,
        )
        for i, r in enumerate(ranked(risks), start=1)
    )
    return Register(rows=rows, defaults=not own, grid=Markup(grid(rows, loc, brand)))


# ------------------------------------------------------------------------------------------ grid
CELL, LEFT, TOP, GAP = 50.0, 54.0, 8.0, 1.5
FILLS = {"high": "#F4B9B2", "medium": "#FBE3A6", "low": "#CFE8CF"}
"""Cell colours by likelihood x impact, light enough for the numbers on them."""


def cells(rows: tuple[RegisterRow, ...]) -> dict[tuple[int, int], list[int]]:
    """(likelihood, impact) -> the numbers of the risks in that cell."""
    out: dict[tuple[int, int], list[int]] = {}
    for r in rows:
        out.setdefault((r.likelihood, r.impact), []).append(r.number)
    return out


def grid(rows: tuple[RegisterRow, ...], loc: Locale, brand: Brand) -> str:
    """The 5 x 5 heat map: likelihood across, impact up, each risk's number in its cell."""
    width = LEFT + 5 * CELL + 8
    height = TOP + 5 * CELL + 34
    c = Canvas(prefix="riskgrid", width=width, height=height, font=brand.font,
               text_colour=brand.text)  # fmt: skip
    by_cell = cells(rows)
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x = LEFT + (likelihood - 1) * CELL
            y = TOP + (5 - impact) * CELL
            c.rect(x, y, CELL - GAP, CELL - GAP, FILLS[level(likelihood * impact)], width=0)
            numbers = by_cell.get((likelihood, impact), [])
            _numbers(c, numbers, x + (CELL - GAP) / 2, y + (CELL - GAP) / 2, brand)
    for k in range(1, 6):
        c.text(LEFT + (k - 0.5) * CELL, TOP + 5 * CELL + 10, str(k), size=SMALL, anchor="middle")
        c.text(LEFT - 6, TOP + (5.5 - k) * CELL + 3, str(k), size=SMALL, anchor="end")
    c.text(LEFT + 2.5 * CELL, TOP + 5 * CELL + 26, loc._("Likelihood"), anchor="middle", bold=True)
    c.text(14, TOP + 2.5 * CELL, loc._("Impact"), anchor="middle", bold=True, rotate=-90)
    high = [str(r.number) for r in rows if r.level == "high"]
    alt = loc._(
        "Likelihood against impact, 1 to 5, of {n} risks, each by its number; {high} in the red "
        "cells (likelihood times impact 15 or more).",
        n=loc.number(len(rows)),
        high=", ".join(high) if high else loc._("none"),
    )
    return c.svg(loc._("Risk grid"), alt)


def _numbers(c: Canvas, numbers: list[int], cx: float, cy: float, brand: Brand) -> None:
    """Each number in a small disc; up to three per line, up to three lines, then "+n"."""
    if not numbers:
        return
    shown = numbers if len(numbers) <= 9 else numbers[:8]
    per_line = min(3, len(shown))
    lines = -(-len(shown) // per_line)
    step = 15.5
    for i, n in enumerate(shown):
        row, col = divmod(i, per_line)
        in_row = min(per_line, len(shown) - row * per_line)
        x = cx + (col - (in_row - 1) / 2) * step
        y = cy + (row - (lines - 1) / 2) * step
        c.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7.2" fill="{brand.primary}"/>')
        label = str(n)
        size = SMALL if text_width(label, SMALL) < 10 else SMALL - 1
        c.text(x, y + size * 0.35, label, size=size, anchor="middle", colour="#FFFFFF", bold=True)
    if len(numbers) > len(shown):
        c.text(cx, cy + step * 1.6, f"+{len(numbers) - len(shown)}", size=SMALL, anchor="middle")


def top_risks(results: Results, loc: Locale, option, n: int) -> list[str]:
    """The `n` highest risks of the register that concern `option` (an OptionResult): its own,
    those of every option, and the proposed risks of its kind; one sentence each."""
    own = results.inputs.risks
    if own:
        mine = [r for r in own if r.option in ("", option.name)]
    else:
        mine = [r for r in default_risks(results, loc, kinds=(option.type,))]
    out = []
    for r in ranked(tuple(mine))[:n]:
        if r.default:  # a rating the tool proposed reads as one, here as in the register
            sentence = loc._(
                "{risk} (proposed rating: likelihood {likelihood}, impact {impact})",
                risk=r.risk.rstrip("."),
                likelihood=r.likelihood,
                impact=r.impact,
            )
        else:
            sentence = loc._(
                "{risk} (likelihood {likelihood}, impact {impact})",
                risk=r.risk.rstrip("."),
                likelihood=r.likelihood,
                impact=r.impact,
            )
        out.append(sentence)
    return out
