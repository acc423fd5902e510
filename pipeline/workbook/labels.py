"""Single values whose defined names are gone (pandas and some converters save cell values only)
are found again by their labels, EN or ID, in the cell to the right, as tables are by headers."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from .. import schema
from ..issues import WARNING, Issue
from ..raw import RawCell
from ..schema import T
from .cells import Book, letters
from .sheet import SheetData

_TEXT_TYPES = frozenset({"s", "str", "inlineStr"})
_LONGEST_LABEL = 60  # longer texts (help, intro paragraphs) are never labels: skip the fold
_META = (schema.META_VERSION_NAME, schema.META_LANGUAGE_NAME)


def _form(text: str) -> str:
    # Required labels end in " *" in the template; that mark is not part of the label.
    return schema.fold(text).rstrip("*").strip()


# folded label -> key: both languages' labels, and the keys themselves (_meta's labels are keys)
_LABELS: dict[str, str] = {}
for _f in schema.FIELDS:
    for _text in (_f.label.en, _f.label.id, _f.key, *_f.synonyms):
        _LABELS.setdefault(_form(_text), _f.key)
for _key in _META:
    _LABELS.setdefault(_form(_key), _key)
_TEMPLATE_NAMES = frozenset(k.lower() for k in (*(f.key for f in schema.FIELDS), *_META))

RECOVERED = T(
    "This workbook has lost its defined names (it was saved by a program that keeps only cell "
    "values, such as pandas or a converter): {count} values were found by their labels instead, "
    "in {places}. Check them, or copy your data into a new template (`cs-sourcing template`).",
    "Buku kerja ini kehilangan nama-nama yang ditetapkan (disimpan oleh program yang hanya "
    "menyimpan nilai sel, seperti pandas atau sebuah konverter): {count} nilai ditemukan dari "
    "labelnya, di {places}. Periksa nilai-nilai itu, atau salin data Anda ke templat baru "
    "(`cs-sourcing template`).",
)


@dataclass
class _Found:
    """Where each label sits, and the warning that says which were used (one per workbook)."""

    cells: dict[str, tuple[str, int, int]]
    """key -> (sheet, row, column) of its label."""
    used: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    issue: Issue | None = None


_BY_BOOK: weakref.WeakKeyDictionary[Book, _Found] = weakref.WeakKeyDictionary()


def names_lost(book: Book) -> bool:
    """True when the workbook has none of the template's defined names left."""
    return not any(n.name.lower() in _TEMPLATE_NAMES for n in book.st.names)


def find_by_label(book: Book, key: str) -> RawCell | None:
    """The cell to the right of `key`'s label when the workbook lost all its defined names;
    None otherwise (the caller reports the name as missing).

    Each value found adds itself to the one `names-recovered-by-labels` warning of the book,
    worded in the book's language as it stands (the _meta values are read before it is known;
    the Project values after, so the warning ends in the right language)."""
    if not names_lost(book):
        return None
    found = _BY_BOOK.get(book)
    if found is None:
        found = _BY_BOOK[book] = _Found(cells=_locate(book))
    place = found.cells.get(key)
    if place is None:
        return None
    sheet = book.sheet(place[0])
    assert sheet is not None  # located on that sheet
    _, row, col = place
    found.used[key] = place
    _warn(book, found)
    return _value_cell(book, sheet, row, col + 1)


def _locate(book: Book) -> dict[str, tuple[str, int, int]]:
    """key -> (sheet, row, col) of its label. Project values are taken from the one column, of
    all sheets, that holds the most labels (the Project sheet's first in a tie); _meta's from
    wherever their key is written."""
    project = {schema.SHEETS["project"](lang).lower() for lang in schema.LANGUAGES}
    columns: dict[tuple[str, int], dict[str, int]] = {}
    meta: dict[str, tuple[str, int, int]] = {}
    keys: dict[str, str | None] = {}  # text -> key: a long table repeats the same few texts
    for sdef in book.st.sheets:
        sheet = book.sheet(sdef.name)
        if sheet is None:
            continue
        for r in sorted(sheet.rows):
            for c, cell in sheet.rows[r].items():
                if cell.type not in _TEXT_TYPES or cell.value is None:
                    continue
                text = book.convert(cell)
                if not isinstance(text, str) or len(text) > _LONGEST_LABEL:
                    continue
                if text in keys:
                    key = keys[text]
                else:
                    key = keys[text] = _LABELS.get(_form(text))
                if key in _META:
                    meta.setdefault(key, (sheet.name, r, c))
                elif key is not None:
                    columns.setdefault((sheet.name, c), {}).setdefault(key, r)
    out = dict(meta)
    if columns:
        names = [s.name for s in book.st.sheets]

        def rank(item: tuple[tuple[str, int], dict[str, int]]) -> tuple:
            (name, col), keys = item
            return (-len(keys), name.lower() not in project, names.index(name), col)

        (name, col), keys = min(columns.items(), key=rank)
        out.update({k: (name, r, col) for k, r in keys.items()})
    return out


def _value_cell(book: Book, sheet: SheetData, row: int, col: int) -> RawCell:
    cell = sheet.get(row, col)
    if cell is None:
        for c1, r1, c2, r2 in sheet.merges:
            if c1 <= col <= c2 and r1 <= row <= r2:
                cell = sheet.get(r1, c1)
                break
    return book.raw_cell(sheet, row, col, cell)


def _warn(book: Book, found: _Found) -> None:
    """Add, or reword, the book's one warning listing where values were found."""
    by_sheet: dict[str, list[tuple[int, int]]] = {}
    for name, row, col in found.used.values():
        by_sheet.setdefault(name, []).append((row, col + 1))
    places = []
    for name, cells in by_sheet.items():
        rows = sorted(r for r, _ in cells)
        col = letters(min(c for _, c in cells))
        span = f"{col}{rows[0]}" if len(rows) == 1 else f"{col}{rows[0]}:{col}{rows[-1]}"
        places.append(f"{name}!{span}")
    first = min(found.used.values(), key=lambda p: (p[0] in _meta_sheets(found), p[1]))
    lang = book.lang if book.lang in schema.LANGUAGES else "en"
    issue = Issue(
        code="names-recovered-by-labels",
        severity=WARNING,
        sheet=first[0],
        cell=f"{letters(first[2] + 1)}{first[1]}",
        field=None,
        value=None,
        message=RECOVERED(lang).format(count=len(found.used), places=", ".join(places)),
        params={"count": len(found.used), "places": ", ".join(places)},
    )
    same = [i for i, old in enumerate(book.issues) if old is found.issue]
    if same:
        book.issues[same[0]] = issue
    else:
        book.issues.append(issue)
    found.issue = issue


def _meta_sheets(found: _Found) -> set[str]:
    return {found.used[k][0] for k in _META if k in found.used}
