"""NOTES.md: the consultant's commentary and sign-off given beside the workbook
(`cs-sourcing report BOOK --notes NOTES.md`), section by section over the Commentary sheet.

The format (README, docs/notes.md): level-1 headings name the sections, in English or Indonesian
- `# Executive commentary` / `# Komentar eksekutif`, `# Next steps` / `# Langkah berikutnya`,
`# Transition plan` / `# Rencana transisi`, `# Disclaimer` / `# Penafian` - each followed by its
Markdown; and `# Sign-off` / `# Pengesahan` with `Prepared by:`, `Reviewed by:`, `Version:` and
`Date:` lines (`Disusun oleh:`, `Ditinjau oleh:`, `Versi:`, `Tanggal:`). Deeper headings (`##`)
are part of a section's text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from . import schema, values
from .i18n import T, Text
from .issues import UsageError
from .model.inputs import Commentary

SIGNOFF_HEADINGS = ("sign-off", "sign off", "signoff", "pengesahan", "tanda tangan")
_HEADING = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_KEY_LINE = re.compile(r"^\s*[-*]?\s*([^:]+?)\s*:\s*(.*?)\s*$")


MESSAGES = {
    "unreadable": T(
        "cannot read the notes {path}: {reason}", "catatan {path} tidak terbaca: {reason}"
    ),
    "text-before-heading": T(
        "{name} line {number}: text before the first heading; start each part with a heading "
        "such as {accepted}.",
        "{name} baris {number}: ada teks sebelum judul pertama; mulailah setiap bagian dengan "
        "judul seperti {accepted}.",
    ),
    "unknown-section": T(
        "{name} line {number}: “# {heading}” is not a section of the notes; expected {accepted} "
        "(or their Indonesian names: {other}).",
        "{name} baris {number}: “# {heading}” bukan bagian dari catatan; yang diharapkan "
        "{accepted} (atau nama Inggrisnya: {other}).",
    ),
    "not-a-signoff-line": T(
        "{name} line {number}: expected a sign-off line such as “Prepared by: Ana Wijaya”; the "
        "keys are Prepared by, Reviewed by, Version and Date (Disusun oleh, Ditinjau oleh, Versi, "
        "Tanggal).",
        "{name} baris {number}: yang diharapkan baris pengesahan seperti “Disusun oleh: Ana "
        "Wijaya”; kuncinya Disusun oleh, Ditinjau oleh, Versi dan Tanggal (Prepared by, Reviewed "
        "by, Version, Date).",
    ),
    "not-a-date": T(
        "{name} line {number}: “{text}” is not a date; expected e.g. 2026-12-03.",
        "{name} baris {number}: “{text}” bukan tanggal; contohnya 2026-12-03.",
    ),
}


class NotesError(UsageError):
    """A NOTES.md that cannot be used: `str()` is the English message, `text` both languages."""

    def __init__(self, key: str, **params: object) -> None:
        en = {k: v("en") if isinstance(v, Text) else v for k, v in params.items()}
        idn = {k: v("id") if isinstance(v, Text) else v for k, v in params.items()}
        self.text = T(MESSAGES[key]("en").format(**en), MESSAGES[key]("id").format(**idn))
        super().__init__(self.text.en)

    def message(self, lang: str) -> str:
        return self.text(lang)


@dataclass(frozen=True, kw_only=True)
class Notes:
    """What a NOTES.md gives: a Commentary and the names of the fields it sets."""

    commentary: Commentary
    given: frozenset[str]

    def over(self, base: Commentary) -> Commentary:
        """`base` (the workbook's) with each field this file gives replaced."""
        return replace(base, **{k: getattr(self.commentary, k) for k in self.given})


def read_notes(path: str | os.PathLike) -> Notes:
    """Parse the file at `path`; a problem is a UsageError naming the line and what is expected."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NotesError("unreadable", path=path, reason=exc) from None
    return parse_notes(text, name=Path(path).name)


def parse_notes(text: str, *, name: str = "NOTES.md") -> Notes:
    sections: list[tuple[str, int, list[str]]] = []  # (key, heading line, body lines)
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            sections.append((_section_key(heading.group(1), name, number), number, []))
        elif sections:
            sections[-1][2].append(line)
        elif line.strip():
            raise NotesError("text-before-heading", name=name, number=number, accepted=_accepted())
    found: dict[str, object] = {}
    for key, number, body in sections:
        content = "\n".join(body).strip()
        if key == "signoff":
            found.update(_signoff(body, name, number))
        elif key in schema.SIGNOFF_KEYS:  # `# Reviewed by` followed by the name
            found.update(_signoff([f"{key}: {content}"], name, number, keyed=True))
        elif content:
            found[key] = f"{found[key]}\n\n{content}" if key in found else content
    known = {f.name for f in fields(Commentary)}
    return Notes(
        commentary=Commentary(**{k: v for k, v in found.items() if k in known}),  # type: ignore[arg-type]
        given=frozenset(found),
    )


def _accepted(other: bool = False) -> Text:
    """The section headings, `# Executive commentary, ... or # Sign-off`, for a sentence in
    either language; `other`: the other language's headings (the Indonesian ones in English)."""
    sections = [c for c in schema.COMMENTARY_SECTIONS if c.code in schema.COMMENTARY_TEXTS]

    def heads(names: str, sentence: str) -> str:
        listed = [f"# {c.label(names)}" for c in sections]
        last = "# Pengesahan" if names == "id" else "# Sign-off"
        return ", ".join(listed) + (" atau " if sentence == "id" else " or ") + last

    if other:
        return T(heads("id", "en"), heads("en", "id"))
    return T(heads("en", "en"), heads("id", "id"))


def _section_key(heading: str, name: str, number: int) -> str:
    if values.fold_name(heading) in SIGNOFF_HEADINGS:
        return "signoff"
    code = schema.match_choice(schema.COMMENTARY_SECTIONS, heading)
    if code is None:
        raise NotesError(
            "unknown-section",
            name=name,
            number=number,
            heading=heading,
            accepted=_accepted(),
            other=_accepted(other=True),
        )
    return code


def _signoff(body: list[str], name: str, number: int, *, keyed: bool = False) -> dict[str, object]:
    out: dict[str, object] = {}
    for offset, line in enumerate(body, start=1):
        if not line.strip():
            continue
        at = number if keyed else number + offset
        match = _KEY_LINE.match(line)
        key = None
        if match:
            label = match.group(1)
            key = label if keyed else schema.match_choice(schema.COMMENTARY_SECTIONS, label)
        if key not in schema.SIGNOFF_KEYS:
            raise NotesError("not-a-signoff-line", name=name, number=at)
        value = match.group(2)
        if key == "date":
            out["signoff_date"] = _date(value, name, at)
        else:
            out[key] = value
    return out


def _date(text: str, name: str, number: int) -> date | None:
    if not text:
        return None
    try:
        return values.parse_date(text, lang="en")
    except values.ParseError:
        raise NotesError("not-a-date", name=name, number=number, text=text) from None
