"""Validation: raw cells -> typed `Inputs` plus every issue found (DESIGN §4).

`validate(raw)` never raises on bad data and never stops at the first problem: it reads every
cell, applies the schema's types, ranges and defaults, resolves the references between tables,
adds the domain warnings, and returns Inputs only when no error was found.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import PurePath
from typing import Any

from .. import schema
from ..issues import ERROR, Issue
from ..model.inputs import Channel, Commentary, CostLine, Inputs, Option, Project
from ..raw import RawBook
from ..schema import T
from .cells import BAD, Checker, cell_key
from .codes import CODES, CODES_BY_NAME, Code
from .costs import check_channels_priced, read_costs
from .deliverable import read_commentary, read_risks
from .demand import (
    Shapes,
    check_patience,
    read_patterns,
    read_profiles,
    resolve_business_hours,
    resolve_channels,
    template_version,
)
from .domain import check_domain
from .hybrids import built as built_hybrids
from .hybrids import read_hybrids
from .project import read_project, template_language, workbook_language
from .scores import read_scores
from .tables import Row, fold_name, option_index, read_channels, read_options

__all__ = ["CODES", "CODES_BY_NAME", "Code", "validate"]

log = logging.getLogger("pipeline")

BASELINE_UNKNOWN = T(
    "{place}: {value} is not an option of sheet {target}; expected one of: {expected}.",
    "{place}: {value} bukan opsi di lembar {target}; yang diharapkan salah satu dari: {expected}.",
)
NO_BASELINE = T(
    "{place} is empty and there is no in-house option to compare with; name the baseline option "
    "(one of: {expected}).",
    "{place} kosong dan tidak ada opsi internal sebagai pembanding; isi opsi pembanding (salah "
    "satu dari: {expected}).",
)
OPTION_WITHOUT_COSTS = T(
    "{place}: option {value} has no cost line on sheet {target}, so it would cost nothing and win "
    "on cost. Add its cost lines, or delete the option.",
    "{place}: opsi {value} tidak punya baris biaya di lembar {target}, jadi biayanya nol dan akan "
    "menang dari sisi biaya. Tambahkan baris biayanya, atau hapus opsi itu.",
)


def validate(
    raw: RawBook, *, lang: str | None = None, today: date | None = None
) -> tuple[Inputs | None, list[Issue]]:
    """Typed Inputs (None when there is any error) and all issues, in sheet and row order.

    The issues are the reader's (`raw.issues`) plus validation's; messages are in `lang`, else
    the Project `language` when valid, else the template's language, else English.
    """
    msg_lang = lang if lang in schema.LANGUAGES else workbook_language(raw)
    ck = Checker(msg_lang, raw.issues, read_lang=workbook_language(raw))
    override = lang if lang in schema.LANGUAGES else None
    version = template_version(raw.template_version)
    project = read_project(ck, raw, today=today or date.today(), lang=override, version=version)
    horizon = project["horizon_years"] if isinstance(project["horizon_years"], int) else 3
    months = 12 * horizon

    tables = raw.tables
    channels = read_channels(ck, tables.get("tbl_channels"), version)
    profiles, patterns = Shapes(), Shapes()
    if version >= 2:
        profiles = read_profiles(
            ck, tables.get("tbl_profiles"), schema.SHEETS["profiles"](msg_lang)
        )
        patterns = read_patterns(
            ck, tables.get("tbl_seasonality"), schema.SHEETS["seasonality"](msg_lang)
        )
        check_patience(ck, channels)
        resolve_channels(ck, channels, profiles, patterns, template_language(raw))
        project["business_hours"] = resolve_business_hours(
            ck,
            raw.values.get("business_hours"),
            project["business_hours"],
            profiles,
            template_language(raw),
        )
    options = read_options(ck, tables.get("tbl_options"), version)
    by_option = option_index(options)
    by_channel = {
        fold_name(r.values["channel"]): r for r in channels if isinstance(r.values["channel"], str)
    }
    _resolve_baseline(ck, raw, project, options, by_option)
    for row in options:
        if row.values["already_running"] is None:
            row.values["already_running"] = (
                "yes" if row.values["option"] == project["baseline_option"] else "no"
            )
    sheets = {
        "options": _sheet(raw, "tbl_options", "options", msg_lang),
        "channels": _sheet(raw, "tbl_channels", "demand", msg_lang),
    }
    costs = read_costs(
        ck,
        tables.get("tbl_costs"),
        by_option,
        by_channel,
        months=months,
        sheets=sheets,
        version=version,
    )
    costs_sheet = _sheet(raw, "tbl_costs", "costs", msg_lang)
    check_channels_priced(ck, channels, options, costs, target=costs_sheet)
    _options_without_costs(ck, raw, options, costs, msg_lang)
    hybrids = []
    if version >= 2:
        hybrids = read_hybrids(
            ck,
            tables.get("tbl_hybrids"),
            options=by_option,
            channels=channels,
            baseline=project["baseline_option"],
            business_hours=project["business_hours"],
            sheets=sheets,
        )
    criteria = read_scores(ck, tables.get("tbl_scores"), by_option, sheets["options"])
    risks, commentary = (), None
    if version >= 2:
        risks = read_risks(ck, tables.get("tbl_risks"), by_option, sheets["options"])
        commentary = read_commentary(ck, tables.get("tbl_commentary"))
    table = tables.get("tbl_costs")
    costs_read = table is not None and all(
        k in table.columns for k in ("option", "item", "cost_type")
    )
    check_domain(ck, project, channels, options, costs, costs_read=costs_read, version=version)

    issues = _ordered([*raw.issues, *ck.issues], raw)
    if any(i.severity == ERROR for i in issues):
        return None, issues
    inputs = _build(raw, project, channels, options, costs, criteria)
    user_hybrids = built_hybrids(hybrids)
    if user_hybrids is BAD or risks is BAD or commentary is BAD:
        inputs = None
    if inputs is not None:
        inputs = replace(
            inputs,
            profiles=profiles.built(),
            patterns=patterns.built(),
            hybrids=user_hybrids,
            risks=risks,
            commentary=commentary or Commentary(),
            template_version=version,
        )
    if inputs is None:  # an unreadable value without an error: the reader's issue was a warning
        log.error("validation left unreadable values without reporting an error")
    return inputs, issues


def _sheet(raw: RawBook, table: str, key: str, lang: str) -> str:
    found = raw.tables.get(table)
    return found.sheet if found else schema.SHEETS[key](lang)


def _resolve_baseline(ck: Checker, raw: RawBook, project, options: list[Row], by_option) -> None:
    field = schema.FIELDS_BY_KEY["baseline_option"]
    cell = raw.values.get("baseline_option")
    names = [r.values["option"] for r in options if isinstance(r.values["option"], str)]
    expected = ", ".join(names) or "–"
    given = project["baseline_option"]
    if not options:
        return  # no-options says it
    if isinstance(given, str):
        row = by_option.get(fold_name(given))
        if row is not None:
            project["baseline_option"] = row.values["option"]
        elif cell is not None:
            sheet = _sheet(raw, "tbl_options", "options", ck.lang)
            ck.at(
                "baseline-not-an-option",
                BASELINE_UNKNOWN,
                cell,
                field,
                target=sheet,
                expected=expected,
            )
            project["baseline_option"] = BAD
        return
    if given is BAD or not names:
        return
    in_house = [r.values["option"] for r in options if r.values.get("type") == "in-house"]
    if in_house and isinstance(in_house[0], str):
        project["baseline_option"] = in_house[0]
    elif not any(r.values.get("type") is BAD for r in options):
        place = ck.place(cell, field.label, field=True) if cell else field.label(ck.lang)
        ck.add(
            "no-baseline",
            NO_BASELINE,
            sheet=cell.sheet if cell else None,
            cell=cell.ref if cell else None,
            field=field.key,
            place=place,
            expected=expected,
        )
        project["baseline_option"] = BAD


def _options_without_costs(ck: Checker, raw, options: list[Row], costs: list[Row], lang) -> None:
    costed = {r.values.get("option") for r in costs}
    if not costs:
        return  # no-cost-lines says it once
    sheet = _sheet(raw, "tbl_costs", "costs", lang)
    for row in options:
        name = row.values.get("option")
        if isinstance(name, str) and name not in costed:
            ck.at(
                "option-without-costs",
                OPTION_WITHOUT_COSTS,
                row.cell("option"),
                schema.OPTIONS.column("option"),
                target=sheet,
            )


def _ordered(issues: list[Issue], raw: RawBook) -> list[Issue]:
    """File-level issues first, then sheet by sheet in workbook order, row by row, left to right."""
    order = {name: i for i, name in enumerate(raw.sheets)}
    keys = ("guide", "project", "demand", "profiles", "seasonality", "options", "costs")
    keys += ("hybrids", "scores", "risks", "commentary")
    for i, key in enumerate((*keys, "meta")):
        for lang in schema.LANGUAGES:
            order.setdefault(schema.SHEETS[key](lang), 100 + i)

    def key(issue: Issue) -> tuple:
        if issue.sheet is None:
            return (-1, 0, 0)
        return (order.get(issue.sheet, 200), *cell_key(issue.cell))

    return sorted(issues, key=key)


# ------------------------------------------------------------------------------------ assembling
def _clean(values: dict[str, Any], keys) -> dict[str, Any] | None:
    out = {k: values.get(k) for k in keys}
    return None if any(v is BAD for v in out.values()) else out


def _build(raw: RawBook, project, channels, options, costs, criteria) -> Inputs | None:
    if criteria is BAD:
        return None
    p = _clean(project, (f.key for f in schema.FIELDS))
    if p is None:
        return None
    p["prepared_by"] = p["prepared_by"] or ""
    built_channels, built_options, built_costs = [], [], []
    for row in channels:
        v = _clean(row.values, (c.key for c in schema.CHANNELS.columns))
        if v is None:
            return None
        v["name"] = v.pop("channel")
        v["notes"] = v["notes"] or ""
        built_channels.append(Channel(**v))
    for row in options:
        v = _clean(row.values, (c.key for c in schema.OPTIONS.columns))
        if v is None:
            return None
        v["name"] = v.pop("option")
        v["already_running"] = v["already_running"] == "yes"
        v["flexes_monthly"] = v["flexes_monthly"] == "yes"
        v["notes"] = v["notes"] or ""
        built_options.append(Option(**v))
    for row in costs:
        keys = [c.key for c in schema.COSTS.columns] + ["cost_type_inferred"]
        v = _clean(row.values, keys)
        if v is None:
            return None
        built_costs.append(CostLine(**v, row=row.raw.number))
    return Inputs(
        project=Project(**p),
        channels=tuple(built_channels),
        options=tuple(built_options),
        costs=tuple(built_costs),
        criteria=tuple(criteria),
        source_name=PurePath(raw.path).name if raw.path else "",
    )
