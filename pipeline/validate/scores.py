"""tbl_scores: criteria, weights 0-5 and one score column (1-5) per option, named after it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import schema
from ..model.inputs import Criterion
from ..raw import RawTable
from ..schema import T
from .cells import BAD, PLACE_TABLE, Checker
from .tables import Row, first_cell_ref, fold_name

UNKNOWN_COLUMN = T(
    "{sheet}!{cell}: the score column {value} names no option of sheet {options_sheet}, so it is "
    "ignored. Score columns must be headed by an option's name: {expected}.",
    "{sheet}!{cell}: kolom nilai {value} tidak bernama opsi mana pun di sheet {options_sheet}, "
    "jadi diabaikan. Judul kolom nilai harus nama opsi: {expected}.",
)
NO_SCORES = T(
    "{place}: no option has a score, so the recommendation ranks the options on cost alone.",
    "{place}: tidak ada opsi yang diberi nilai, jadi rekomendasi hanya memakai biaya.",
)
OPTION_WITHOUT_SCORES = T(
    "{sheet}!{cell}: option {value} has no score on any criterion; its qualitative index is "
    "unknown. Give it scores 1-5 in a column headed {value} on sheet {scores_sheet}.",
    "{sheet}!{cell}: opsi {value} tidak punya nilai pada kriteria mana pun; indeks kualitatifnya "
    "tidak diketahui. Beri nilai 1-5 di kolom berjudul {value} di sheet {scores_sheet}.",
)
SCORE_HELP = T("Score 1-5", "Nilai 1-5")


def _score_column(header: str) -> schema.Column:
    return schema.Column(
        key="score",
        header=T(header, header),
        kind="number",
        min=schema.SCORE_MIN,
        max=schema.SCORE_MAX,
        help=SCORE_HELP,
    )


def read_scores(
    ck: Checker, table: RawTable | None, options: Mapping[str, Row], options_sheet: str
) -> list[Criterion] | Any:
    """The criteria with their scores by (canonical) option name; BAD entries mark errors."""
    if table is None:
        return []
    spec = schema.SCORES
    columns: dict[str, str] = {}  # header as found -> canonical option name
    for header, letter in table.extra_columns.items():
        option = options.get(fold_name(header))
        if option is not None:
            columns[header] = option.values["option"]
            continue
        if not options:
            continue  # no-options says it; the blank template's placeholder headers are no news
        ck.add(
            "unknown-score-column",
            UNKNOWN_COLUMN,
            sheet=table.sheet,
            cell=f"{letter}{table.header_row}",
            field="score",
            value=header,
            options_sheet=options_sheet,
            expected=", ".join(r.values["option"] for r in options.values()) or "–",
        )
    criteria: list[Criterion] = []
    ok = True
    for raw_row in table.rows:
        name = ck.read(spec.column("criterion"), raw_row.cells.get("criterion"))
        weight = ck.read(spec.column("weight"), raw_row.cells.get("weight"))
        scores: dict[str, float] = {}
        for header, option in columns.items():
            cell = raw_row.extra.get(header)
            score = ck.read(_score_column(header), cell)
            if score is BAD:
                ok = False
            elif score is not None:
                scores[option] = score
        if name is BAD or weight is BAD or name is None:
            ok = False
            continue
        criteria.append(Criterion(name=name, weight=weight or 0.0, scores=scores))
    _check_coverage(ck, table, options, columns, criteria, options_sheet)
    return criteria if ok else BAD


def _check_coverage(ck, table, options, columns, criteria, options_sheet) -> None:
    scored = {o for c in criteria for o in c.scores}
    if not table.rows or not options:
        return
    if not scored:
        place = PLACE_TABLE(ck.lang).format(table=table.name, sheet=table.sheet)
        ck.add(
            "no-scores",
            NO_SCORES,
            sheet=table.sheet,
            cell=first_cell_ref(table),
            field=table.name,
            place=place,
        )
        return
    letters = {option: table.extra_columns[h] for h, option in columns.items()}
    for row in options.values():
        name = row.values["option"]
        if name in scored:
            continue
        if name in letters:
            sheet, cell = table.sheet, f"{letters[name]}{table.header_row}"
        else:
            sheet, cell = row.cell("option").sheet, row.cell("option").ref
        ck.add(
            "option-without-scores",
            OPTION_WITHOUT_SCORES,
            sheet=sheet,
            cell=cell,
            field="score",
            value=name,
            scores_sheet=table.sheet,
        )
