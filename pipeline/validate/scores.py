"""tbl_scores: criteria, weights 0-5 and one score column (1-5) per option.

A score column is headed by an option's name, or by its place in the Options sheet ("Option 3",
"Opsi 3": the third option listed there), so a new option needs no retyped header (DESIGN §8).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import schema
from ..model.inputs import Criterion
from ..raw import RawTable
from ..schema import T
from ..values import is_blank
from .cells import BAD, PLACE_TABLE, Checker, show
from .tables import Row, first_cell_ref, fold_name

POSITION_HEADER = T("Option {n}", "Opsi {n}")
"""Header of the template's k-th score column: it scores the k-th option of the Options sheet."""
POSITION_COLUMNS = 10
"""Score columns in the template: as many as the Options table's pre-sized rows."""
_POSITION = re.compile(r"(?:option|opsi)\s*(?:no\.?|#)?\s*(\d{1,3})", re.IGNORECASE)

UNKNOWN_COLUMN = T(
    "{sheet}!{cell}: the score column {value} names no option of sheet {options_sheet}, so it is "
    "ignored. Head a score column with an option's name ({expected}) or with its place in the "
    "list, such as {example}.",
    "{sheet}!{cell}: kolom nilai {value} tidak bernama opsi mana pun di lembar {options_sheet}, "
    "jadi diabaikan. Beri judul kolom nilai nama opsi ({expected}) atau urutannya di daftar, "
    "misalnya {example}.",
)
UNUSED_POSITION = T(
    "{sheet}!{cell}: the score column {value} scores option number {n} of sheet {options_sheet}, "
    "but it lists {count} options, so its scores are ignored. Add the option on sheet "
    "{options_sheet} or clear the scores.",
    "{sheet}!{cell}: kolom nilai {value} untuk opsi nomor {n} di lembar {options_sheet}, tetapi "
    "lembar itu hanya memuat {count} opsi, jadi nilainya diabaikan. Tambahkan opsinya di lembar "
    "{options_sheet} atau hapus nilainya.",
)
SCORED_TWICE = T(
    "{sheet}!{cell}: the score column {value} scores option {option}, which column {first} "
    "already scores, so it is ignored.",
    "{sheet}!{cell}: kolom nilai {value} untuk opsi {option}, yang sudah dinilai di kolom "
    "{first}, jadi diabaikan.",
)
NO_SCORES = T(
    "{place}: no option has a score, so the recommendation ranks the options on cost alone.",
    "{place}: tidak ada opsi yang diberi nilai, jadi rekomendasi hanya memakai biaya.",
)
OPTION_WITHOUT_SCORES = T(
    "{sheet}!{cell}: option {value} has no score on any criterion; its qualitative index is "
    "unknown. Give it scores 1-5 in its column ({header}) on sheet {scores_sheet}.",
    "{sheet}!{cell}: opsi {value} tidak punya nilai pada kriteria mana pun; indeks kualitatifnya "
    "tidak diketahui. Beri nilai 1-5 di kolomnya ({header}) di lembar {scores_sheet}.",
)
OPTION_WITHOUT_COLUMN = T(
    "{sheet}!{cell}: option {value} has no score column on sheet {scores_sheet}; its qualitative "
    "index is unknown. Head a score column {value} (or {position}) and give it scores 1-5.",
    "{sheet}!{cell}: opsi {value} tidak punya kolom nilai di lembar {scores_sheet}; indeks "
    "kualitatifnya tidak diketahui. Beri judul {value} (atau {position}) pada sebuah kolom nilai "
    "dan isi nilai 1-5.",
)
SCORE_HELP = T("Score 1-5", "Nilai 1-5")


def score_position(header: str) -> int | None:
    """1 for "Option 1" or "Opsi 1" (either language, any case and spacing), else None."""
    found = _POSITION.fullmatch(str(header).strip())
    return int(found.group(1)) if found else None


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
    columns = _score_columns(ck, table, options, options_sheet)
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


def _score_columns(
    ck: Checker, table: RawTable, options: Mapping[str, Row], options_sheet: str
) -> dict[str, str]:
    """Header as found -> canonical option name: a header naming an option first, then the
    places in the list ("Option 2"), each option scored by one column only."""
    if not options:
        return {}  # no-options says it; the blank template's headers are no news
    listed = [r.values["option"] for r in options.values()]
    columns: dict[str, str] = {}
    places: list[tuple[str, str, int]] = []
    for header, letter in table.extra_columns.items():
        option = options.get(fold_name(header))
        if option is not None:
            columns[header] = option.values["option"]
        elif (n := score_position(header)) is not None:
            places.append((header, letter, n))
        else:
            ck.add(
                "unknown-score-column",
                UNKNOWN_COLUMN,
                sheet=table.sheet,
                cell=f"{letter}{table.header_row}",
                field="score",
                value=header,
                options_sheet=options_sheet,
                expected=", ".join(listed) or "–",
                example=show(POSITION_HEADER(ck.lang).format(n=1), ck.lang),
            )
    scored_by = {option: table.extra_columns[h] for h, option in columns.items()}
    for header, letter, n in places:
        # A spare column of the template, left blank, is no news; a score in it is.
        used = any(not is_blank(getattr(r.extra.get(header), "value", None)) for r in table.rows)
        common = dict(
            sheet=table.sheet, cell=f"{letter}{table.header_row}", field="score", value=header
        )
        if not 1 <= n <= len(listed):
            if used:
                ck.add(
                    "unknown-score-column",
                    UNUSED_POSITION,
                    n=n,
                    count=len(listed),
                    options_sheet=options_sheet,
                    **common,
                )
            continue
        option = listed[n - 1]
        if option in scored_by:
            if used:
                shown = show(option, ck.lang)
                first = scored_by[option]
                ck.add("unknown-score-column", SCORED_TWICE, option=shown, first=first, **common)
            continue
        columns[header] = option
        scored_by[option] = letter
    return columns


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
    headers = {option: h for h, option in columns.items()}
    for n, row in enumerate(options.values(), start=1):
        name = row.values["option"]
        if name in scored:
            continue
        if name in headers:
            header = headers[name]
            sheet, cell = table.sheet, f"{table.extra_columns[header]}{table.header_row}"
            message, fmt = OPTION_WITHOUT_SCORES, {"header": show(header, ck.lang)}
        else:
            sheet, cell = row.cell("option").sheet, row.cell("option").ref
            position = show(POSITION_HEADER(ck.lang).format(n=n), ck.lang)
            message, fmt = OPTION_WITHOUT_COLUMN, {"position": position}
        ck.add(
            "option-without-scores",
            message,
            sheet=sheet,
            cell=cell,
            field="score",
            value=name,
            scores_sheet=table.sheet,
            **fmt,
        )
