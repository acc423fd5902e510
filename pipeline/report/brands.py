"""Brand profiles: a folder holding `brand.toml`, a logo and optional fonts (DESIGN §5).

`load_brand` checks everything up front (unknown brand, bad TOML, bad colour, missing logo or font)
so that a bad `--brand` fails with a clear UsageError before any work is done.
"""

from __future__ import annotations

import base64
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..issues import UsageError

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "report_templates"
BRANDS_DIR = TEMPLATES_DIR / "brands"
FONTS_DIR = TEMPLATES_DIR / "fonts"
DEFAULT_BRAND = "default"
FALLBACK_FONT = "Lato"
"""Bundled font that covers what a brand font lacks (Carlito has no no-break space), so that
Pango never falls back to a system font."""

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_COLOUR_KEYS = ("primary", "secondary", "accent", "text")
_FONT_FACES = (("Regular", "normal", "normal"), ("Bold", "bold", "normal"))
_FONT_FACES_OPTIONAL = (("Italic", "normal", "italic"), ("BoldItalic", "bold", "italic"))
_LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}


@dataclass(frozen=True, kw_only=True)
class FontFace:
    family: str
    weight: str
    """CSS font-weight: normal or bold."""
    style: str
    """CSS font-style: normal or italic."""
    path: Path


@dataclass(frozen=True, kw_only=True)
class Brand:
    key: str
    """Folder name (or path given), for messages."""
    name: str
    """Display name, printed on the cover and in the running header."""
    folder: Path
    primary: str
    secondary: str
    accent: str
    text: str
    """Colours as #RRGGBB."""
    font: str
    """Font family name; its faces are in `fonts`."""
    fonts: tuple[FontFace, ...]
    fallback_fonts: tuple[FontFace, ...] = ()
    """Faces of FALLBACK_FONT when the brand font is another one."""
    footer: dict[str, str]
    """Footer text per language (en, id)."""
    confidentiality: dict[str, str]
    logo: Path

    @property
    def logo_data_uri(self) -> str:
        """The logo inline, so that the HTML preview works opened alone."""
        mime = _LOGO_TYPES[self.logo.suffix.lower()]
        return f"data:{mime};base64," + base64.b64encode(self.logo.read_bytes()).decode("ascii")

    @property
    def palette(self) -> tuple[str, ...]:
        """Series colours for charts: brand colours first, then darker/lighter companions."""
        return (self.primary, self.accent, self.secondary, "#7F7F7F", "#B0B0B0", "#4D4D4D")

    def footer_text(self, lang: str) -> str:
        return self.footer.get(lang) or self.footer.get("en", "")

    def confidentiality_text(self, lang: str) -> str:
        return self.confidentiality.get(lang) or self.confidentiality.get("en", "")


def brand_names() -> list[str]:
    """Brands shipped in report_templates/brands/."""
    return sorted(p.name for p in BRANDS_DIR.iterdir() if (p / "brand.toml").is_file())


def _folder(name_or_path: str | None) -> Path:
    name = name_or_path or DEFAULT_BRAND
    if "/" not in name and "\\" not in name and (BRANDS_DIR / name).is_dir():
        return BRANDS_DIR / name
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.name == "brand.toml" and path.is_file():
        return path.parent.resolve()
    raise UsageError(
        f"unknown brand {name!r}: give one of {', '.join(brand_names())} "
        "or the path of a folder holding brand.toml"
    )


def _texts(data: dict, key: str, where: Path) -> dict[str, str]:
    value = data.get(key, "")
    if isinstance(value, str):
        return {"en": value, "id": value}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    raise UsageError(f"{where}: {key} must be a text or a table of texts per language (en, id)")


def _font_faces(family: str, folder: Path, where: Path) -> tuple[FontFace, ...]:
    """Faces of `family` from the brand's fonts/ folder first, then the bundled fonts."""
    if not re.fullmatch(r"[A-Za-z0-9 _-]+", family):
        raise UsageError(f"{where}: font {family!r} is not a plain family name")
    file_stem = family.replace(" ", "")
    for directory in (folder / "fonts", FONTS_DIR):
        regular = directory / f"{file_stem}-Regular.ttf"
        if not regular.is_file():
            continue
        faces = []
        for suffix, weight, style in _FONT_FACES + _FONT_FACES_OPTIONAL:
            path = directory / f"{file_stem}-{suffix}.ttf"
            if path.is_file():
                faces.append(FontFace(family=family, weight=weight, style=style, path=path))
            elif (suffix, weight, style) in _FONT_FACES:
                raise UsageError(f"{where}: font {family!r} has no {path.name}")
        return tuple(faces)
    bundled = sorted({p.name.split("-")[0] for p in FONTS_DIR.glob("*-Regular.ttf")})
    raise UsageError(
        f"{where}: font {family!r} not found; bundled fonts are {', '.join(bundled)}, or put "
        f"{file_stem}-Regular.ttf and {file_stem}-Bold.ttf in the brand's fonts/ folder"
    )


def load_brand(name_or_path: str | None) -> Brand:
    """The brand named (a folder of report_templates/brands/) or found at a path; default if None."""
    folder = _folder(name_or_path)
    toml_path = folder / "brand.toml"
    if not toml_path.is_file():
        raise UsageError(f"brand folder {folder} has no brand.toml")
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{toml_path}: not valid TOML ({exc})") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"{toml_path}: name is missing")
    colours = data.get("colours") or data.get("colors") or {}
    if not isinstance(colours, dict):
        raise UsageError(f"{toml_path}: [colours] must be a table")
    for key in _COLOUR_KEYS:
        value = colours.get(key)
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise UsageError(
                f"{toml_path}: colour {key} is {value!r}; expected #RRGGBB, e.g. #1F3A5F"
            )
    logo_name = data.get("logo") or next(
        (n for n in ("logo.svg", "logo.png") if (folder / n).is_file()), "logo.svg"
    )
    logo = (folder / str(logo_name)).resolve()
    if not logo.is_file():
        raise UsageError(f"{toml_path}: logo {logo_name!r} not found in {folder}")
    if logo.suffix.lower() not in _LOGO_TYPES or not logo.is_relative_to(folder.resolve()):
        raise UsageError(f"{toml_path}: logo must be an SVG or PNG file inside the brand folder")
    font = data.get("font", "Lato")
    if not isinstance(font, str):
        raise UsageError(f"{toml_path}: font must be a family name")
    return Brand(
        key=str(name_or_path or DEFAULT_BRAND),
        name=name.strip(),
        folder=folder,
        primary=colours["primary"].upper(),
        secondary=colours["secondary"].upper(),
        accent=colours["accent"].upper(),
        text=colours["text"].upper(),
        font=font,
        fonts=_font_faces(font, folder, toml_path),
        fallback_fonts=()
        if font == FALLBACK_FONT
        else _font_faces(FALLBACK_FONT, FONTS_DIR, toml_path),
        footer=_texts(data, "footer", toml_path),
        confidentiality=_texts(data, "confidentiality", toml_path),
        logo=logo,
    )
