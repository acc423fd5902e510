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
from .issues import UsageError
from .model.inputs import Commentary

SIGNOFF_HEADINGS = ("sign-off", "sign off", "signoff", "pengesahan", "tanda tangan")
_HEADING = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_KEY_LINE = re.compile(r"^\s*[-*]?\s*([^:]+?)\s*:\s*(.*?)\s*$")


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
        raise UsageError(f"cannot read the notes {path}: {exc}") from None
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
            raise UsageError(
                f"{name} line {number}: text before the first heading; start each part with a "
                f"heading such as {_accepted()}."
            )
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


def _accepted() -> str:
    texts = [c.label.en for c in schema.COMMENTARY_SECTIONS if c.code in schema.COMMENTARY_TEXTS]
    return ", ".join(f"# {t}" for t in texts) + " or # Sign-off"


def _section_key(heading: str, name: str, number: int) -> str:
    if values.fold_name(heading) in SIGNOFF_HEADINGS:
        return "signoff"
    code = schema.match_choice(schema.COMMENTARY_SECTIONS, heading)
    if code is None:
        raise UsageError(
            f"{name} line {number}: “# {heading}” is not a section of the notes; expected "
            f"{_accepted()} (or their Indonesian names: # Komentar eksekutif, # Langkah "
            "berikutnya, # Rencana transisi, # Penafian, # Pengesahan)."
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
            raise UsageError(
                f"{name} line {at}: expected a sign-off line such as “Prepared by: Ana Wijaya”; "
                "the keys are Prepared by, Reviewed by, Version and Date (Disusun oleh, Ditinjau "
                "oleh, Versi, Tanggal)."
            )
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
        raise UsageError(
            f"{name} line {number}: “{text}” is not a date; expected e.g. 2026-12-03."
        ) from None
