"""The one translation layer: every text a user reads, in English and Bahasa Indonesia.

Texts live where they are written, in one of two stores, and are looked up here:

- Texts defined in code beside what they describe — the schema's labels and helps, validation
  and reader messages, the report's caveats, the command line's and the service's words — are
  `T(en, id)` pairs; a layer that says things by key keeps them in a `Words` table.
- The report's prose is written in its Jinja templates (and `report/text.py`) as English msgids;
  `catalog(lang)` reads their Indonesian from `report/locales/id.po`, the file a translator edits
  with gettext tools. `report.locales.Locale._` is the lookup.

Both stores are checked the same way: `tests/test_indonesian.py` (no English left in the
Indonesian, spelling) and `tests/test_locales.py` (every msgid translated, placeholders kept).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "id")
CATALOG_DIR = Path(__file__).parent / "report" / "locales"
"""Where `<lang>.po` catalogs of the report's msgids are."""


@dataclass(frozen=True, kw_only=True)
class Text:
    """A text in both languages."""

    en: str
    id: str

    def __call__(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


def T(en: str, id: str) -> Text:  # noqa: N802 - short constructor used throughout the tables
    return Text(en=en, id=id)


class Words(Mapping[str, Text]):
    """A layer's words by key; `say(key, lang, **values)` is the text with `{name}`s filled in."""

    def __init__(self, texts: Mapping[str, Text]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: str) -> Text:
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def say(self, key: str, lang: str, **values: object) -> str:
        """The text of `key` in `lang`, `{name}`s filled from `values` (a `Text` value in `lang`
        too: a message made before the page's language was known keeps both)."""
        text = self._texts[key](lang)
        if not values:
            return text
        return text.format(**{k: v(lang) if isinstance(v, Text) else v for k, v in values.items()})


@cache
def catalog(lang: str) -> dict[str, str]:
    """msgid -> translation for `lang` (empty for English: the msgids are English)."""
    if lang == "en":
        return {}
    from babel.messages.pofile import read_po  # only the report pays for reading a catalog

    with (CATALOG_DIR / f"{lang}.po").open("rb") as fh:
        po = read_po(fh, locale=lang)
    return {m.id: m.string for m in po if m.id and m.string and not m.fuzzy}
