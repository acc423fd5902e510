"""The optional Risks and Commentary tables (template version 2): the consultant's risk register,
texts and sign-off. Neither can stop a report except by a rating or a date it cannot read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .. import schema
from ..model.inputs import Commentary, Risk
from ..raw import RawTable
from ..schema import T
from .cells import BAD, Checker
from .tables import Row, fold_name, read_rows

UNKNOWN_RISK_OPTION = T(
    "{place}: {value} is not an option of sheet {target}; the risk is shown with the name as "
    "typed. Expected one of: {expected}; or blank for every option.",
    "{place}: {value} bukan opsi di lembar {target}; risiko ini ditampilkan dengan nama seperti "
    "yang diketik. Yang diharapkan salah satu dari: {expected}; atau kosong untuk semua opsi.",
)
SIGNOFF_DATE = replace(
    schema.COMMENTARY.column("text"),
    kind="date",
    header=schema.T("Sign-off date", "Tanggal pengesahan"),
)
"""The Text cell of the Sign-off date row, read as a date."""


def read_risks(
    ck: Checker, table: RawTable | None, options: Mapping[str, Row], target: str
) -> tuple[Risk, ...] | Any:
    """The Risk rows in sheet order, or BAD when a row could not be read (an error was reported).

    `options`: folded name -> option row; `target`: the Options sheet's name, for messages."""
    rows = read_rows(ck, table, schema.RISKS)
    out = []
    names = [r.values["option"] for r in options.values()]
    for row in rows:
        v = row.values
        option = v.get("option")
        if isinstance(option, str) and option:
            found = options.get(fold_name(option))
            if found is not None:
                v["option"] = found.values["option"]
            else:
                ck.at(
                    "unknown-risk-option",
                    UNKNOWN_RISK_OPTION,
                    row.cell("option"),
                    schema.RISKS.column("option"),
                    target=target,
                    expected=", ".join(names) or "–",
                )
        if not row.ok:
            continue
        out.append(
            Risk(
                risk=v["risk"],
                option=v.get("option") or "",
                likelihood=int(v["likelihood"]),
                impact=int(v["impact"]),
                mitigation=v.get("mitigation") or "",
                owner=v.get("owner") or "",
                row=row.raw.number,
            )
        )
    if len(out) < len(rows):
        return BAD
    return tuple(out)


def read_commentary(ck: Checker, table: RawTable | None) -> Commentary | Any:
    """The Commentary rows as one Commentary (a section typed twice: its texts joined by a blank
    line), or BAD when the sign-off date could not be read."""
    rows = read_rows(ck, table, schema.COMMENTARY)
    texts: dict[str, list[str]] = {}
    signoff_date = None
    for row in rows:
        section, text = row.values.get("section"), row.values.get("text")
        if section is BAD:
            continue  # reported: not one of the sections
        if section == "date":
            cell = row.cell("text")
            day = ck.read(SIGNOFF_DATE, cell) if cell is not None else None
            if day is BAD:
                return BAD
            signoff_date = day or signoff_date
        elif isinstance(section, str) and isinstance(text, str) and text:
            texts.setdefault(section, []).append(text)
    joined = {key: "\n\n".join(parts) for key, parts in texts.items()}
    return Commentary(**joined, signoff_date=signoff_date)
