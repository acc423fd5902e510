"""Mutated workbooks for the fuzzing test and for longer local runs (issue 10).

A mutation starts from the shipped example's zip parts and changes its XML (delete or duplicate an
element, swap cell types, huge and non-finite numbers, long strings, renamed headers, merges
across the sheet, foreign encodings) or its zip structure (dropped or duplicated members,
backslash names, stored/deflated/unsupported compression, truncation). Every mutant is at most a
few hundred kilobytes, so its cost is bounded by construction: the test asserts outcomes, never
times.

`python -m tests.fuzz_workbooks N` runs N mutants through `cs-sourcing validate --json` and prints
the outcomes by kind (docs/robustness.md records such runs).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parent.parent / "input_templates" / "cs-sourcing-example-en.xlsx"
HUGE = ("1e308", "-1e308", "1e309", "NaN", "nan", "INF", "-inf", "99999999999999999999999", "-0")
ENCODINGS = ("shift_jis", "big5", "utf-7", "UTF-32", "x-unknown", "latin-1", "utf-16")
TYPES = ("s", "n", "str", "b", "e", "inlineStr", "d", "zz")


def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(EXAMPLE) as z:
        return {n: z.read(n) for n in z.namelist()}


def _xml_members(p: dict[str, bytes]) -> list[str]:
    return sorted(n for n in p if n.endswith(".xml") or n.endswith(".rels"))


def _elements(text: str) -> list[tuple[int, int]]:
    """Spans of simple elements <x ...>...</x> or <x .../> (good enough to cut or copy)."""
    spans = []
    for m in re.finditer(r"<(\w+:?\w*)\b[^>]*?(/>|>.*?</\1>)", text, flags=re.S):
        spans.append(m.span())
        if len(spans) > 400:
            break
    return spans


Mutation = Callable[[dict[str, bytes], st.DataObject], None]


def _pick(data, names):
    """One of `names`, or None when an earlier mutation left none (dropped or renamed members)."""
    return data.draw(st.sampled_from(names)) if names else None


def delete_element(p, data):
    name = _pick(data, _xml_members(p))
    if name is None:
        return
    text = p[name].decode("utf-8", "replace")
    spans = _elements(text)
    if spans:
        a, b = data.draw(st.sampled_from(spans))
        p[name] = (text[:a] + text[b:]).encode()


def duplicate_element(p, data):
    name = _pick(data, _xml_members(p))
    if name is None:
        return
    text = p[name].decode("utf-8", "replace")
    spans = _elements(text)
    if spans:
        a, b = data.draw(st.sampled_from(spans))
        p[name] = (text[:b] + text[a:b] + text[b:]).encode()


def _sheets(p):
    return [n for n in p if n.startswith("xl/worksheets/sheet")]


def cell_values(p, data):
    name = _pick(data, _sheets(p))
    if name is None:
        return
    text = p[name].decode("utf-8", "replace")
    values = list(re.finditer(r"<v>[^<]*</v>", text))
    if values:
        m = data.draw(st.sampled_from(values))
        new = data.draw(st.sampled_from(HUGE))
        p[name] = (text[: m.start()] + f"<v>{new}</v>" + text[m.end() :]).encode()


def cell_types(p, data):
    name = _pick(data, _sheets(p))
    if name is None:
        return
    text = p[name].decode("utf-8", "replace")
    cells = list(re.finditer(r'<c r="[A-Z]+\d+"', text))
    if cells:
        m = data.draw(st.sampled_from(cells))
        kind = data.draw(st.sampled_from(TYPES))
        end = text.find(">", m.end())
        head = re.sub(r'\st="[^"]*"', "", text[m.start() : end])
        p[name] = (text[: m.start()] + head + f' t="{kind}"' + text[end:]).encode()


def long_string(p, data):
    if "xl/sharedStrings.xml" in p:
        text = p["xl/sharedStrings.xml"].decode("utf-8", "replace")
        strings = list(re.finditer(r"<t[^>]*>[^<]*</t>", text))
        if strings:
            m = data.draw(st.sampled_from(strings))
            body = "é" * data.draw(st.integers(1_000, 40_000))
            p["xl/sharedStrings.xml"] = (
                text[: m.start()] + f"<t>{body}</t>" + text[m.end() :]
            ).encode()


def rename_header(p, data):
    if "xl/sharedStrings.xml" in p:
        text = p["xl/sharedStrings.xml"].decode("utf-8", "replace")
        header = data.draw(
            st.sampled_from(["Option", "Channel", "Amount", "Basis", "Item", "Mode"])
        )
        new = data.draw(st.sampled_from(["", "Opsi?", "X", header.upper() + "!"]))
        p["xl/sharedStrings.xml"] = text.replace(f">{header}<", f">{new}<", 1).encode()


def huge_merge(p, data):
    name = _pick(data, _sheets(p))
    if name is None:
        return
    text = p[name].decode("utf-8", "replace")
    ref = data.draw(st.sampled_from(["A1:A1048576", "A4:XFD1048576", "B2:C1048576", "A1:XFD1"]))
    merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
    text = re.sub(r"<mergeCells.*?</mergeCells>", "", text, flags=re.S)
    p[name] = text.replace("</sheetData>", "</sheetData>" + merge, 1).encode()


def wide_table(p, data):
    tables = [n for n in p if n.startswith("xl/tables/")]
    if tables:
        name = data.draw(st.sampled_from(tables))
        text = p[name].decode("utf-8", "replace")
        p[name] = re.sub(
            r'ref="[A-Z]+\d+:[A-Z]+\d+"', 'ref="A4:XFD1048576"', text, count=1
        ).encode()


def encoding(p, data):
    name = _pick(data, _xml_members(p))
    if name is None:
        return
    enc = data.draw(st.sampled_from(ENCODINGS))
    text = p[name].decode("utf-8", "replace")
    body = re.sub(r"^<\?xml[^>]*\?>", "", text)
    head = f'<?xml version="1.0" encoding="{enc}"?>'
    try:
        raw = (head + body).encode(enc.lower().replace("x-unknown", "utf-8"))
    except (LookupError, UnicodeError):
        raw = (head + body).encode()
    p[name] = raw


def drop_member(p, data):
    name = _pick(data, sorted(p))
    if name is not None:
        del p[name]


def backslash_names(p, data):
    for name in list(p):
        if data.draw(st.booleans()):
            p[name.replace("/", "\\")] = p.pop(name)


MUTATIONS: tuple[Mutation, ...] = (
    delete_element,
    duplicate_element,
    cell_values,
    cell_types,
    long_string,
    rename_header,
    huge_merge,
    wide_table,
    encoding,
    drop_member,
    backslash_names,
)


def _zip(p: dict[str, bytes], method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in p.items():
            z.writestr(name, body)
    raw = bytearray(buf.getvalue())
    if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Claim an unsupported method (Deflate64 = 9, zstd = 93) in every header: the bytes stay
        # deflated, as a reader that ignored the method would find them.
        for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            for m in re.finditer(re.escape(sig), bytes(raw)):
                raw[m.start() + offset : m.start() + offset + 2] = struct.pack("<H", method)
    return bytes(raw)


@st.composite
def mutants(draw) -> bytes:
    """Bytes of one mutated workbook."""
    data = draw(st.data())
    p = parts()
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        mutate(p, data)
    raw = _zip(p, draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, 9, 93])))
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


def run_once(raw: bytes, path: Path) -> tuple[int, str]:
    """(exit code, outcome) of `validate --json` on the bytes, in this process."""
    import contextlib
    import json

    from pipeline import cli

    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["-q", "validate", str(path), "--json"])
    text = out.getvalue() + err.getvalue()
    if "internal error" in text:
        return code, "internal-error"
    try:
        issues = json.loads(out.getvalue())
        kind = "errors" if any(i.get("severity") == "error" for i in issues) else "valid"
    except ValueError:
        kind = "no-json"
    return code, {0: "valid", 1: "errors", 2: "unusable"}.get(code, f"exit-{code}") + (
        "" if kind != "no-json" else " (no JSON)"
    )


if __name__ == "__main__":  # pragma: no cover - a longer local run
    import collections
    import sys
    import tempfile

    from hypothesis import given, settings

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    counts: collections.Counter[str] = collections.Counter()
    bad: list[bytes] = []
    with tempfile.TemporaryDirectory() as tmp:

        @settings(max_examples=n, deadline=None, database=None)
        @given(mutants())
        def fuzz(raw):
            _, outcome = run_once(raw, Path(tmp) / "mutant.xlsx")
            counts[outcome] += 1
            if outcome == "internal-error" and len(bad) < 20:
                bad.append(raw)

        fuzz()
    for outcome, c in counts.most_common():
        print(f"{outcome}: {c}")
    for i, raw in enumerate(bad):
        Path(f"/tmp/fuzz-bad-{i}.xlsx").write_bytes(raw)
