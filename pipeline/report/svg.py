"""A small SVG drawing kit for the report's charts: a canvas, nice axis ticks, markers, legends.

Written by hand instead of a plotting library: a plotting library costs half a second to import and
as much again per report, and its SVG carries thousands of styled nodes that WeasyPrint must parse
and draw. Here every chart is a few hundred plain elements; 1 unit prints as 1 pt at full width.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

WIDTH = 482.4
"""Full text width of an A4 page with 18-20 mm margins, in pt (6.7 in)."""
FONT = 8.5
SMALL = 7.5
GRID = "#DDDDDD"
AXIS = "#888888"
TICK_TEXT = "#444444"
DASHES = ("", "5 2", "6 2 1.5 2", "1.5 1.5", "8 2 2 2 2 2", "3 1.5")
"""Line styles per series, so lines differ without colour (solid, dashed, dash-dot, dotted...)."""
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

_NARROW = set("iljtfrI.,:;'!|()[] ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float = FONT, bold: bool = False) -> float:
    """Approximate printed width of `text` (humanist sans such as Lato or Carlito)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.27
        elif ch in _WIDE:
            em += 0.85
        elif ch.isupper():
            em += 0.64
        else:
            em += 0.54
    return em * size * (1.06 if bold else 1.0)


def num(x: float) -> str:
    """Coordinates with one decimal: the SVG stays small and deterministic."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 x 10^k) covering [lo, hi], about `target` of them."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / max(1, target)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    count = round((last - first) / step)
    return [first + i * step for i in range(count + 1)]


@dataclass(kw_only=True)
class Canvas:
    """Collects SVG elements; ids get the chart's prefix so charts can share one HTML page."""

    prefix: str
    width: float
    height: float
    font: str
    text_colour: str
    parts: list[str] = field(default_factory=list)
    defs: list[str] = field(default_factory=list)

    def line(self, x1, y1, x2, y2, colour, width=0.6, dash="") -> None:
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="{colour}" stroke-width="{width}"{extra}/>'
        )

    def polyline(self, points, colour, width=1.6, dash="") -> None:
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{width}" '
            f'stroke-linejoin="round"{extra}/>'
        )

    def rect(self, x, y, w, h, fill, stroke="#FFFFFF", width=0.4) -> None:
        if h < 0:
            y, h = y + h, -h
        if w < 0:
            x, w = x + w, -w
        self.parts.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{width}"/>'
        )

    def boxes(self, boxes, fill, stroke="#FFFFFF", width=0.4) -> None:
        """Many rectangles (x, y, w, h) of one fill as a single path: a grid of hundreds of
        cells costs WeasyPrint one element per colour instead of one per cell."""
        d = "".join(f"M{num(x)} {num(y)}h{num(w)}v{num(h)}h{num(-w)}z" for x, y, w, h in boxes)
        self.parts.append(f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>')

    def text(self, x, y, value, *, size=FONT, anchor="start", colour=None, bold=False, rotate=0):
        if not rotate:  # keep labels inside the drawing: an SVG image clips what overflows
            w = text_width(str(value), size, bold)
            shift = {"start": 0.0, "middle": w / 2, "end": w}[anchor]
            x = min(max(x, shift + 1), self.width - 1 - w + shift)
        attrs = [f'x="{num(x)}"', f'y="{num(y)}"']
        if size != FONT:
            attrs.append(f'font-size="{size}"')
        if anchor != "start":
            attrs.append(f'text-anchor="{anchor}"')
        if colour:
            attrs.append(f'fill="{colour}"')
        if bold:
            attrs.append('font-weight="bold"')
        if rotate:
            attrs.append(f'transform="rotate({rotate} {num(x)} {num(y)})"')
        self.parts.append(f"<text {' '.join(attrs)}>{escape(str(value), quote=False)}</text>")

    def marker(self, kind: str, x: float, y: float, colour: str, size: float = 4.0) -> None:
        """A marker of `size` pt; the shape tells series apart in black and white."""
        r = size / 2
        edge = 'stroke="#FFFFFF" stroke-width="0.5"'
        if kind == "o":
            self.parts.append(
                f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{colour}" {edge}/>'
            )
            return
        shapes = {
            "s": [(-r, -r), (r, -r), (r, r), (-r, r)],
            "^": [(0, -r * 1.2), (r * 1.1, r * 0.8), (-r * 1.1, r * 0.8)],
            "v": [(0, r * 1.2), (r * 1.1, -r * 0.8), (-r * 1.1, -r * 0.8)],
            "D": [(0, -r * 1.3), (r, 0), (0, r * 1.3), (-r, 0)],
            "P": _cross(r, 0.38),
            "X": [(x * 0.7071 - y * 0.7071, x * 0.7071 + y * 0.7071) for x, y in _cross(r, 0.36)],
            "*": _star(r * 1.25),
        }
        pts = " ".join(f"{num(x + dx)},{num(y + dy)}" for dx, dy in shapes[kind])
        self.parts.append(f'<polygon points="{pts}" fill="{colour}" {edge}/>')

    def hatch(self, key: str, kind: str) -> str:
        """A fill pattern (white lines over the bar colour); returns its url() for `fill`."""
        pid = f"{self.prefix}-{key}"
        d = {
            "///": "M0 6L6 0M-1 1L1 -1M5 7L7 5",
            "\\\\": "M0 0L6 6M-1 5L1 7M5 -1L7 1",
            "...": "M1.5 1.5h0.01M4.5 4.5h0.01",
            "xx": "M0 6L6 0M0 0L6 6",
        }[kind]
        stroke = (
            'stroke-width="1.4" stroke-linecap="round"' if kind == "..." else 'stroke-width="0.7"'
        )
        self.defs.append(
            f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">'
            f'<path d="{d}" stroke="#FFFFFF" {stroke}/></pattern>'
        )
        return f"url(#{pid})"

    def svg(self, label: str, alt: str | None = None) -> str:
        """The chart; `alt` is the sentence that says what it shows (a tagged PDF's alternate
        text, read from the <title>), `label` its short name."""
        head = (
            f'<svg class="chart" id="{self.prefix}-chart" role="img" aria-label="{escape(label)}" '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(self.width)} '
            f'{num(self.height)}" font-family="{escape(self.font)}" font-size="{FONT}" '
            f'fill="{self.text_colour}">'
        )
        title = f"<title>{escape(alt or label)}</title>"
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        return head + title + defs + "\n".join(self.parts) + "</svg>\n"


def _cross(r: float, t: float) -> list[tuple[float, float]]:
    a, b = r, r * t
    return [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b),
            (-a, b), (-a, -b), (-b, -b)]  # fmt: skip


def _star(r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        ang = math.pi / 2 + i * math.pi / 5
        pts.append((rad * math.cos(ang), -rad * math.sin(ang)))
    return pts


@dataclass(frozen=True, kw_only=True)
class LegendItem:
    label: str
    colour: str
    dash: str = ""
    marker: str | None = None
    fill: str | None = None
    """A swatch fill (url(#pattern) for hatched bars); None draws a line sample."""


def legend(c: Canvas, items: Sequence[LegendItem], *, top: float, left: float, right: float):
    """Items in rows from `top`, wrapped to fit between left and right; returns the bottom y."""
    x, y = left, top + 8
    for item in items:
        w = 24 + text_width(item.label, 8)
        if x > left and x + w > right:
            x, y = left, y + 11
        if item.fill is None:
            c.line(x, y - 3, x + 18, y - 3, item.colour, 1.6, item.dash)
            if item.marker:
                c.marker(item.marker, x + 9, y - 3, item.colour)
        else:
            c.rect(x, y - 8, 14, 8, item.colour, stroke=item.colour, width=0.4)
            if item.fill != item.colour:
                c.rect(x, y - 8, 14, 8, item.fill, stroke="none", width=0)
        c.text(x + (22 if item.fill is None else 18), y, item.label, size=8)
        x += w + 12
    return y + 4


@dataclass(kw_only=True)
class Axes:
    """A plot area with linear x and y scales, grid, ticks and axis titles."""

    c: Canvas
    x0: float
    x1: float
    y0: float
    y1: float
    left: float
    right: float
    top: float
    bottom: float

    def x(self, v: float) -> float:
        return self.left + (v - self.x0) / (self.x1 - self.x0) * (self.right - self.left)

    def y(self, v: float) -> float:
        return self.bottom - (v - self.y0) / (self.y1 - self.y0) * (self.bottom - self.top)


def axes(
    c: Canvas,
    *,
    top: float,
    x_range: tuple[float, float],
    y_values: Sequence[float],
    y_format: Callable[[float], str],
    x_ticks: Sequence[tuple[float, str]] = (),
    x_title: str = "",
    y_title: str = "",
    y_ticks: Sequence[tuple[float, str]] | None = None,
    y_tick_values: Sequence[float] | None = None,
    x_grid: bool = True,
    y_grid: bool = True,
    bottom_extra: float = 0.0,
) -> Axes:
    """Frame a plot below `top`: y ticks from the data (0 included) unless given as values, or
    categories (`y_ticks`, bottom up); the left margin fits the tick labels."""
    if y_ticks is None:
        lo, hi = min([0.0, *y_values]), max([0.0, *y_values])
        pad = (hi - lo) * 0.01 or 1.0
        ticks = y_tick_values or nice_ticks(lo - (pad if lo < 0 else 0), hi + pad, target=6)
        y_ticks = [(t, y_format(t)) for t in ticks]
        y_lo, y_hi = ticks[0], ticks[-1]
    else:
        y_lo, y_hi = -0.6, len(y_ticks) - 0.4
    label_w = max((text_width(t) for _, t in y_ticks), default=0.0)
    left = 4 + (13 if y_title else 0) + label_w + 5
    bottom = c.height - 4 - (12 if x_title else 0) - (12 if x_ticks else 0) - bottom_extra
    ax = Axes(
        c=c, x0=x_range[0], x1=x_range[1], y0=y_lo, y1=y_hi,
        left=left, right=c.width - 8, top=top, bottom=bottom,
    )  # fmt: skip
    for v, label in y_ticks:
        y = ax.y(v)
        if y_grid:
            c.line(ax.left, y, ax.right, y, GRID, 0.5)
        c.text(ax.left - 4, y + 3, label, anchor="end", colour=TICK_TEXT)
    for v, label in x_ticks:
        x = ax.x(v)
        if x_grid:
            c.line(x, ax.top, x, ax.bottom, GRID, 0.5)
        c.line(x, ax.bottom, x, ax.bottom + 3, AXIS, 0.6)
        c.text(x, ax.bottom + 12, label, anchor="middle", colour=TICK_TEXT)
    c.line(ax.left, ax.top, ax.left, ax.bottom, AXIS, 0.6)
    c.line(ax.left, ax.bottom, ax.right, ax.bottom, AXIS, 0.6)
    if x_title:
        c.text((ax.left + ax.right) / 2, c.height - 4 - bottom_extra, x_title, anchor="middle")
    if y_title:
        mid = (ax.top + ax.bottom) / 2
        c.text(11, mid, y_title, anchor="middle", rotate=-90)
    return ax


def linear_ticks(lo: float, hi: float, fmt: Callable[[float], str], target: int = 8):
    """(value, label) ticks inside [lo, hi], for an x axis."""
    return [(t, fmt(t)) for t in nice_ticks(lo, hi, target) if lo - 1e-9 <= t <= hi + 1e-9]
