"""The building blocks of the schema: bilingual texts, choices, fields, columns, tables, matching."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

# The schema's texts are the translation layer's pairs (re-exported: `schema.T`, `schema.Text`).
from ..i18n import LANGUAGES as LANGUAGES
from ..i18n import T as T
from ..i18n import Text as Text

TEMPLATE_VERSION = 2
"""The version the template writer writes (DESIGN §8)."""
READABLE_VERSIONS = (1, 2)
"""The versions the reader accepts; a version 1 workbook gives exactly its version 1 figures."""


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One dropdown value: a stable code, its EN and ID labels, and accepted synonyms."""

    code: str
    label: Text
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Field:
    """A single value on the Project sheet, found by a workbook-scoped defined name == key."""

    key: str
    kind: str
    """text, date, month, currency, language, int, percent, number, option (names a row of
    tbl_options), profile (names a weekly profile)."""
    label: Text
    help: Text
    default: object = None
    """Default when blank; None = no default. The strings 'today' and 'first-in-house' are special."""
    required: bool = False
    min: float | None = None
    max: float | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    since: int = 1
    """First template version that has this value; older workbooks neither have nor need it."""
    synonyms: tuple[str, ...] = ()
    """Former labels still found (an Indonesian label reworded since)."""


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column of an Excel table; matched by header in EN or ID, case and space insensitive."""

    key: str
    header: Text
    kind: str
    """text, number, int, percent, yesno, choice, option (names an option), channel, channels
    (a comma list of channel names), profile (names a weekly profile), pattern (names a seasonal
    pattern)."""
    help: Text
    unit: Text | None = None
    default: object = None
    """Default when blank; a dict {'in-house': x, 'outsourced': y} when it depends on option type."""
    required: bool = False
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    choices: tuple[Choice, ...] = ()
    width: float = 14
    """Column width in the template (characters)."""
    number_format: str = "General"
    wrap: bool = False
    """Long text typed over several lines (the Commentary sheet): the template wraps it."""
    since: int = 1
    """First template version that has this column; older workbooks are read without it."""
    synonyms: tuple[str, ...] = ()
    """Former headers still read (an Indonesian header reworded since)."""


@dataclass(frozen=True, kw_only=True)
class Table:
    name: str
    sheet: Text
    title: Text
    intro: Text
    columns: tuple[Column, ...]
    extra_columns_allowed: bool = False
    """tbl_scores: one extra column per option, named after it."""
    since: int = 1
    """First template version that has this table."""
    optional: bool = False
    """A workbook may leave it out without an issue (tbl_profiles, tbl_seasonality: the built-in
    rows are known anyway)."""

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


def in_version(table: Table, version: int) -> Table:
    """`table` as template `version` has it: the columns added later are left out."""
    key = (table.name, version)
    if key not in _VIEWS:
        cols = tuple(c for c in table.columns if c.since <= version)
        _VIEWS[key] = table if cols == table.columns else replace(table, columns=cols)
    return _VIEWS[key]


_VIEWS: dict[tuple[str, int], Table] = {}

# ------------------------------------------------------------------------------ number formats
MONEY_FORMAT = "#,##0"
MONEY2_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0%"
PERCENT1_FORMAT = "0.0%"
INT_FORMAT = "0"
NUMBER_FORMAT = "#,##0.0#"
WEIGHT_FORMAT = "General"
"""Profile weights: 8 shows as 8, 6.5 as 6.5 (narrow hour columns)."""

# ------------------------------------------------------------------------------------ columns
NOTES = Column(
    key="notes",
    header=T("Notes", "Catatan"),
    kind="text",
    width=30,
    help=T("Free text.", "Teks bebas."),
)
"""The free-text Notes column every table but the scorecard ends with."""


# ------------------------------------------------------------------------------------- matching
_SPACES = re.compile(r"[\s_]+")


def fold(text: object) -> str:
    """Case-, accent- and space-insensitive form used to match headers and dropdown labels."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return _SPACES.sub(" ", s).strip().lower()


def _compact(text: object) -> str:
    return fold(text).replace(" ", "")


def match_choice(choices: tuple[Choice, ...], value: object) -> str | None:
    """The code of the choice whose code, EN/ID label or synonym equals `value` (folded), or None."""
    key = _compact(value)
    if not key:
        return None
    for c in choices:
        if key in {_compact(c.code), _compact(c.label.en), _compact(c.label.id)}:
            return c.code
    for c in choices:
        if key in {_compact(s) for s in c.synonyms}:
            return c.code
    return None


def match_header(table: Table, header: object) -> str | None:
    """The column key a header names (EN or ID, case and space insensitive), or None."""
    key = _compact(header)
    for col in table.columns:
        if key in (_compact(col.header.en), _compact(col.header.id), _compact(col.key)):
            return col.key
        if key in {_compact(s) for s in col.synonyms}:
            return col.key
    return None


def choice_label(choices: tuple[Choice, ...], code: str, lang: str) -> str:
    for c in choices:
        if c.code == code:
            return c.label(lang)
    return code
