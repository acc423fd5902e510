"""The template as users see it: score columns by place, print areas, protection that lets them
sort and filter, number formats, input-message limits and the Indonesian template's own words."""

from __future__ import annotations

import re
from functools import cache

import openpyxl
import pytest

from pipeline import example_data, schema, template, template_guide
from pipeline.raw import RawCell, RawRow, RawTable
from pipeline.validate import validate
from pipeline.validate.cells import Checker
from pipeline.validate.scores import read_scores, score_position
from pipeline.validate.tables import Row
from pipeline.workbook import read_workbook

from .conftest import example_path

KINDS = [(k, lang) for k in ("template", "example") for lang in ("en", "id")]
IDS = [f"{k}-{lang}" for k, lang in KINDS]


@cache
def _load(kind: str, lang: str) -> openpyxl.Workbook:
    path = template.FILE_NAMES[(kind, lang)]
    return openpyxl.load_workbook(example_path().parent / path)


@pytest.fixture(params=KINDS, ids=IDS)
def book(request):
    kind, lang = request.param
    return kind, lang, _load(kind, lang)


# --------------------------------------------------------------------------- scores by place
@pytest.mark.parametrize(
    ("header", "n"),
    [("Option 3", 3), ("Opsi 10", 10), ("option3", 3), (" OPSI  2 ", 2), ("Option #4", 4)]
    + [("Vendor A", None), ("Option", None), ("Options 2", None), ("2", None)],
)
def test_score_position_reads_either_language(header, n):
    assert score_position(header) == n


def test_score_columns_are_option_1_to_10_under_a_live_name_row(book):
    _, lang, wb = book
    ws = wb[schema.SCORES.sheet(lang)]
    first = len(schema.SCORES.columns) + 1
    headers = [ws.cell(template.HEADER_ROW, first + k).value for k in range(10)]
    word = "Option" if lang == "en" else "Opsi"
    assert headers == [f"{word} {k}" for k in range(1, 11)]
    names = [ws.cell(template.HEADER_ROW - 1, first + k).value for k in range(10)]
    meta = schema.SHEETS["meta"](lang)
    assert all(
        re.fullmatch(rf"='?{re.escape(meta)}'?!\$[A-Z]+\${k + 1}", f) for k, f in enumerate(names)
    )
    # The helper column lists the Options' names in order: the k-th cell names the k-th option.
    column = names[0].split("!$")[1].split("$")[0]
    index = wb[meta][f"{column}1"].value
    assert "MATCH(1," in index and schema.OPTIONS.sheet(lang) in index
    # Columns without an option are greyed, header and cells.
    ranges = {str(cf.sqref) for cf in ws.conditional_formatting}
    last = openpyxl.utils.get_column_letter(first + 9)
    c = openpyxl.utils.get_column_letter(first)
    assert f"{c}{template.HEADER_ROW}:{last}{template.HEADER_ROW}" in ranges


@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_keeps_its_scores_by_option_name(lang):
    inputs, issues = validate(read_workbook(example_path(lang)))
    assert issues == []
    names = list(example_data.option_names(lang))
    first = inputs.criteria[0]
    assert list(first.scores) == names
    expected = example_data.score_rows(lang, example=True)[0]
    assert [first.scores[n] for n in names] == [
        expected[template.score_headers(lang)[k]] for k in range(3)
    ]


def _options(*names: str) -> dict[str, Row]:
    rows = {}
    for i, name in enumerate(names):
        cell = RawCell(sheet="Options", ref=f"A{5 + i}", value=name)
        rows[name.lower()] = Row(
            raw=RawRow(number=5 + i, cells={"option": cell}), values={"option": name}
        )
    return rows


def _scores(headers: list[str], *score_rows: list[object]) -> RawTable:
    letters = [chr(ord("C") + i) for i in range(len(headers))]
    rows = []
    for r, scores in enumerate(score_rows):
        n = 5 + r
        cells = {
            "criterion": RawCell(sheet="Qualitative", ref=f"A{n}", value=f"Criterion {r}"),
            "weight": RawCell(sheet="Qualitative", ref=f"B{n}", value=3),
        }
        extra = {
            h: RawCell(sheet="Qualitative", ref=f"{c}{n}", value=v)
            for h, c, v in zip(headers, letters, scores, strict=True)
        }
        rows.append(RawRow(number=n, cells=cells, extra=extra))
    return RawTable(
        name="tbl_scores",
        sheet="Qualitative",
        header_row=4,
        columns={"criterion": "A", "weight": "B"},
        extra_columns=dict(zip(headers, letters, strict=True)),
        rows=tuple(rows),
    )


def _read(headers, *rows, options=("In-house", "Vendor A", "Vendor B"), lang="en"):
    ck = Checker(lang)
    criteria = read_scores(ck, _scores(headers, *rows), _options(*options), "Options")
    return criteria, ck.issues


def test_places_score_the_options_in_their_order():
    criteria, issues = _read(["Option 1", "Option 2", "Option 3", "Option 4"], [5, 3, 2, None])
    assert criteria[0].scores == {"In-house": 5, "Vendor A": 3, "Vendor B": 2}
    assert issues == []  # Option 4 is a spare column, blank: no news


def test_names_first_then_places_version_1_headers_unchanged():
    criteria, issues = _read(["Vendor B", "In-house", "Vendor A"], [2, 5, 3])
    assert criteria[0].scores == {"In-house": 5, "Vendor A": 3, "Vendor B": 2}
    assert issues == []
    # A name header wins over the place that names the same option, wherever it stands.
    criteria, issues = _read(["Option 1", "Option 2", "In-house"], [1, 3, 5], [None, 4, None])
    assert criteria[0].scores == {"In-house": 5, "Vendor A": 3}
    assert [(i.cell, i.code) for i in issues] == [
        ("C4", "unknown-score-column"),
        ("A7", "option-without-scores"),
    ]
    assert "column E already scores" in issues[0].message


def test_a_score_past_the_last_option_is_a_warning_that_says_so():
    criteria, issues = _read(["Option 1", "Option 2", "Option 3", "Option 4"], [5, 3, 2, 4])
    assert criteria[0].scores == {"In-house": 5, "Vendor A": 3, "Vendor B": 2}
    assert [(i.sheet, i.cell, i.code, i.severity) for i in issues] == [
        ("Qualitative", "F4", "unknown-score-column", "warning")
    ]
    assert issues[0].message == (
        "Qualitative!F4: the score column “Option 4” scores option number 4 of sheet Options, but "
        "it lists 3 options, so its scores are ignored. Add the option on sheet Options or clear "
        "the scores."
    )
    _, issues = _read(["Opsi 1", "Opsi 4"], [5, 4], lang="id")
    assert issues[0].message.startswith(
        "Qualitative!D4: kolom nilai “Opsi 4” untuk opsi nomor 4 di lembar Options, tetapi lembar "
        "itu hanya memuat 3 opsi"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Head a score column with an option's name (In-house, Vendor A, Vendor B) or "
            "with its place in the list, such as “Option 1”.",
        ),
        (
            "id",
            "Beri judul kolom nilai nama opsi (In-house, Vendor A, Vendor B) atau urutannya "
            "di daftar, misalnya “Opsi 1”.",
        ),
    ],
)
def test_an_unknown_header_names_both_kinds(lang, expected):
    _, issues = _read(["In-house", "Vendor A", "Vendor C"], [5, 3, 4], lang=lang)
    codes = [(i.cell, i.code) for i in issues]
    assert codes == [("E4", "unknown-score-column"), ("A7", "option-without-scores")]
    assert issues[0].message.endswith(expected)
    # Vendor B has no column at all: the message offers both headers.
    word = "Option" if lang == "en" else "Opsi"
    assert "“Vendor B” (" in issues[1].message and f"“{word} 3”)" in issues[1].message


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_option_without_scores_is_pointed_at_its_column(lang):
    word = "Option" if lang == "en" else "Opsi"
    _, issues = _read([f"{word} 1", f"{word} 2", f"{word} 3"], [5, 3, None], lang=lang)
    assert [(i.cell, i.code) for i in issues] == [("E4", "option-without-scores")]
    assert f"(“{word} 3”)" in issues[0].message


def test_scores_in_a_spare_column_of_the_example(make_workbook):
    path = make_workbook({"Qualitative!F5": 4})  # Option 4: the example has three options
    inputs, issues = validate(read_workbook(path))
    assert [(i.sheet, i.cell, i.code) for i in issues] == [
        ("Qualitative", "F4", "unknown-score-column")
    ]
    assert inputs is not None and len(inputs.criteria[0].scores) == 3


def test_version_1_headers_in_the_new_example_still_read(make_workbook):
    names = example_data.option_names("en")
    path = make_workbook({f"Qualitative!{c}4": n for c, n in zip("EDC", names[::-1], strict=True)})
    before, _ = validate(read_workbook(example_path()))
    after, issues = validate(read_workbook(path))
    assert issues == []
    assert [c.scores for c in after.criteria] == [c.scores for c in before.criteria]


# ------------------------------------------------------------------------- print, protection
def test_print_area_is_the_whole_table_with_its_header_on_every_page(book):
    _, lang, wb = book
    for table in schema.TABLES:
        ws = wb[table.sheet(lang)]
        ref = ws.tables[table.name].ref
        col, row = re.fullmatch(r"([A-Z]+)(\d+)", ref.split(":")[1]).groups()
        assert ws.print_area == f"'{ws.title}'!$A$1:${col}${row}", ws.title
        assert ws.print_title_rows.endswith(f"${template.HEADER_ROW}")
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_protected_sheets_allow_sorting_and_filtering(book):
    _, lang, wb = book
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert ws.protection.sort is False and ws.protection.autoFilter is False, ws.title
    for table in schema.TABLES:
        xl = wb[table.sheet(lang)].tables[table.name]
        assert xl.autoFilter is not None and xl.autoFilter.ref == xl.ref  # the filter buttons


# ---------------------------------------------------------------------------- number formats
def _format(wb, table, key, lang, row=0):
    sheet, ref = template.cell_of(table, key, row, lang).split("!")
    return wb[sheet][ref].number_format


def test_amounts_without_cents_in_rupiah_hours_without_a_decimal(book):
    _, lang, wb = book
    assert _format(wb, "costs", "amount", lang, 250) == "#,##0"
    assert _format(wb, "options", "minimum_monthly_fee", lang) == "#,##0"
    for key in ("hours_per_week", "aht_minutes", "concurrency"):
        assert _format(wb, "channels", key, lang) == "General", key
    assert _format(wb, "options", "paid_hours", lang) == "General"
    assert _format(wb, "costs", "quantity", lang) == "General"
    assert _format(wb, "options", "attrition", lang) == "0%"
    project = wb[schema.SHEETS["project"](lang)]
    assert project[template.field_cell("usd_rate", lang).split("!")[1]].number_format == "#,##0"
    assert project[template.field_cell("discount_rate", lang).split("!")[1]].number_format.endswith(
        "%"
    )


def test_cents_come_back_with_a_currency_that_has_them(book):
    """A live rule: the user picks the currency after the template is made."""
    _, lang, wb = book
    ws = wb[schema.COSTS.sheet(lang)]
    col = template.column_letter("costs", "amount")
    rules = [
        (str(cf.sqref), r)
        for cf in ws.conditional_formatting
        for r in cf.rules
        if r.dxf is not None and r.dxf.numFmt is not None
    ]
    assert [sqref for sqref, _ in rules] == [f"{col}5:{col}304"]
    formula = rules[0][1].formula[0]
    assert 'TRIM(currency)="IDR"' in formula and 'TRIM(currency)="JPY"' in formula
    percent = schema.choice_label(schema.BASES, "pct_labour", lang)
    assert f'$E5<>"{percent}"' in formula  # a line on a percent basis keeps its %
    assert rules[0][1].dxf.numFmt.formatCode == "#,##0.00"


def test_example_percent_lines_stay_percent():
    wb = _load("example", "en")
    rows = example_data.table_rows("tbl_costs", "en")
    for i, row in enumerate(rows):
        fmt = _format(wb, "costs", "amount", "en", i)
        assert fmt == ("0%" if row["basis"].startswith("%") else "#,##0"), row["item"]


# ------------------------------------------------------------------------- input messages
def test_every_input_message_fits_excel(book):
    _, _, wb = book
    count = 0
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            count += 1
            for title in (dv.promptTitle, dv.errorTitle):
                assert title is None or 0 < len(title) <= 32, (ws.title, dv.sqref, title)
            for text in (dv.prompt, dv.error):
                assert text is None or 0 < len(text) <= 255, (ws.title, dv.sqref, text)
            assert dv.promptTitle and dv.prompt, (ws.title, dv.sqref)
    assert count > 60


@pytest.mark.parametrize("lang", ["en", "id"])
def test_long_labels_get_real_short_titles(lang):
    wb = _load("template", lang)
    ws = wb[schema.SHEETS["project"](lang)]
    titles = {str(dv.sqref): dv.promptTitle for dv in ws.data_validations.dataValidation}
    for key, short in template_guide.SHORT_TITLES.items():
        ref = template.field_cell(key, lang).split("!")[1]
        assert titles[ref] == short(lang)
        assert not short(lang).endswith(" ")


# ---------------------------------------------------------------- the Indonesian template's words
ENGLISH = re.compile(
    r"\b(sheet|workbook|baseline|go-live|horizon|vendor|e-?mail|dropdown|payback|attrisi|call center)\b",
    re.IGNORECASE,
)


def test_indonesian_guide_and_scorecard_texts_have_no_english_words():
    texts = [text for _, text, _ in template_guide.guide_blocks("id")]
    texts += [t.id for t in template_guide.SHORT_TITLES.values()]
    texts += [
        example_data.SCORE_HELP("id"),
        schema.SCORES.intro("id"),
        example_data.SCORE_NAMES_LABEL("id"),
        example_data.SCORE_TITLE("id"),
        example_data.NOT_IN_LIST("id"),
    ]
    from pipeline.validate import scores

    texts += [v.id for v in vars(scores).values() if isinstance(v, schema.Text)]
    texts = [re.sub(r"\{\w+\}", "", t) for t in texts]  # the placeholders are no words
    found = sorted({m.group(0).lower() for t in texts for m in ENGLISH.finditer(t)})
    assert found == []
