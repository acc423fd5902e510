"""The workbook's structure, parsed from its small parts: sheets, defined names, tables, shared
strings and number formats. No cell data here (see `sheet.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .formats import BUILTIN_FORMATS, is_date_format
from .package import Package, _local

_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


@dataclass(frozen=True, kw_only=True)
class TableDef:
    name: str
    """displayName as written (Excel formulas use it)."""
    sheet: str
    ref: str
    min_col: int
    min_row: int
    max_col: int
    max_row: int
    header_rows: int
    totals_rows: int
    column_names: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class SheetDef:
    name: str
    part: str
    state: str = "visible"
    tables: tuple[TableDef, ...] = ()


@dataclass(frozen=True, kw_only=True)
class NameDef:
    name: str
    text: str
    sheet_scope: int | None = None
    """localSheetId: None for workbook-scoped names."""


@dataclass(kw_only=True)
class Structure:
    sheets: list[SheetDef] = field(default_factory=list)
    names: list[NameDef] = field(default_factory=list)
    shared_strings: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    """Number format of each cell style (cellXfs index)."""
    date_styles: frozenset[int] = frozenset()
    date1904: bool = False

    def sheet(self, name: str) -> SheetDef | None:
        folded = name.lower()
        for s in self.sheets:
            if s.name.lower() == folded:
                return s
        return None


def unescape(text: str) -> str:
    """Excel stores control characters as `_xHHHH_` in strings."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_cell(ref: str) -> tuple[int, int]:
    """`$B$7` -> (row 7, column 2)."""
    m = _CELL.fullmatch(ref.strip())
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), column_index(m.group(1))


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """`A4:L20` -> (min_col, min_row, max_col, max_row)."""
    first, _, last = ref.partition(":")
    r1, c1 = parse_cell(first)
    r2, c2 = parse_cell(last or first)
    return min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)


def _attr(el, local: str) -> str | None:
    """An attribute by local name, whatever its namespace (r:id comes in two namespaces)."""
    for key, value in el.attrib.items():
        if key == local or key.endswith("}" + local):
            return value
    return None


def _children(el, tag: str):
    return [c for c in el if _local(c.tag) == tag]


def read_structure(pkg: Package) -> Structure:
    """Sheets, names, tables, strings and formats of the workbook in `pkg`."""
    root = pkg.xml(pkg.main_part)
    if root.tag.partition("}")[0].lstrip("{") not in _MAIN_NS:
        raise pkg.fail("not-a-workbook", "main-part-not-spreadsheet")
    st = Structure()
    rels = {r["id"]: r for r in pkg.relationships(pkg.main_part)}
    for el in root:
        tag = _local(el.tag)
        if tag == "workbookPr":
            st.date1904 = el.get("date1904", "0").lower() in ("1", "true")
        elif tag == "sheets":
            for sh in _children(el, "sheet"):
                rel = rels.get(_attr(sh, "id") or "")
                if (
                    rel is None
                    or not rel["type"].endswith("/worksheet")
                    or not pkg.has(rel["target"])
                ):
                    continue  # chartsheets, dialog sheets, dangling entries: no cells to read
                name = sh.get("name", "")
                st.sheets.append(
                    SheetDef(
                        name=name,
                        part=rel["target"],
                        state=sh.get("state", "visible"),
                        tables=tuple(_tables(pkg, rel["target"], name)),
                    )
                )
        elif tag == "definedNames":
            for dn in _children(el, "definedName"):
                scope = dn.get("localSheetId")
                st.names.append(
                    NameDef(
                        name=dn.get("name", ""),
                        text=(dn.text or "").strip(),
                        sheet_scope=int(scope) if scope and scope.isdigit() else None,
                    )
                )
    for rel in rels.values():
        if rel["type"].endswith("/sharedStrings") and pkg.has(rel["target"]):
            st.shared_strings = _shared_strings(pkg, rel["target"])
        elif rel["type"].endswith("/styles") and pkg.has(rel["target"]):
            st.formats = _formats(pkg, rel["target"])
    st.date_styles = frozenset(i for i, f in enumerate(st.formats) if is_date_format(f))
    return st


def _tables(pkg: Package, sheet_part: str, sheet_name: str) -> list[TableDef]:
    out = []
    for rel in pkg.relationships(sheet_part):
        if not rel["type"].endswith("/table") or not pkg.has(rel["target"]):
            continue
        el = pkg.xml(rel["target"])
        ref = el.get("ref", "")
        try:
            min_col, min_row, max_col, max_row = parse_range(ref)
        except ValueError:
            continue  # a table without a usable range cannot be read; reported as missing
        columns = []
        for cols in _children(el, "tableColumns"):
            columns = [c.get("name", "") for c in _children(cols, "tableColumn")]
        out.append(
            TableDef(
                name=el.get("displayName") or el.get("name") or "",
                sheet=sheet_name,
                ref=ref,
                min_col=min_col,
                min_row=min_row,
                max_col=max_col,
                max_row=max_row,
                header_rows=_int(el.get("headerRowCount"), 1),
                totals_rows=_int(el.get("totalsRowCount"), 0),
                column_names=tuple(unescape(c) for c in columns),
            )
        )
    return out


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _shared_strings(pkg: Package, part: str) -> list[str]:
    """Each <si>: its <t> texts (rich-text runs joined), phonetic hints (<rPh>) left out."""
    strings: list[str] = []
    buf: list[str] = []
    state = {"text": False, "phonetic": 0}

    def start(name: str, _attrs: dict) -> None:
        local = name.rpartition("|")[2]
        if local == "t":
            state["text"] = not state["phonetic"]
        elif local == "si":
            buf.clear()
        elif local == "rPh":
            state["phonetic"] += 1

    def end(name: str) -> None:
        local = name.rpartition("|")[2]
        if local == "t":
            state["text"] = False
        elif local == "si":
            strings.append(unescape("".join(buf)))
        elif local == "rPh":
            state["phonetic"] -= 1

    def chars(data: str) -> None:
        if state["text"]:
            buf.append(data)

    def configure(p) -> None:
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars

    pkg.expat(part, configure)
    return strings


def _formats(pkg: Package, part: str) -> list[str]:
    root = pkg.xml(part)
    custom: dict[int, str] = {}
    formats: list[str] = []
    for el in root:
        tag = _local(el.tag)
        if tag == "numFmts":
            for nf in _children(el, "numFmt"):
                custom[_int(nf.get("numFmtId"), -1)] = nf.get("formatCode", "General")
        elif tag == "cellXfs":
            for xf in _children(el, "xf"):
                fid = _int(xf.get("numFmtId"), 0)
                formats.append(custom.get(fid) or BUILTIN_FORMATS.get(fid, "General"))
    return formats
