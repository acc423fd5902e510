"""The workbook contract of DESIGN §2 as written by `pipeline.template`, and the committed copies."""

from __future__ import annotations

import io
import os

import openpyxl
import pytest

from pipeline import example_data, schema, template, template_guide
from tests.conftest import EXAMPLES, TEMPLATES, apply_edits

KINDS = [("template", "en"), ("template", "id"), ("example", "en"), ("example", "id")]
KIND_IDS = [f"{k}-{lang}" for k, lang in KINDS]
TABLE_SHEETS = {t.name: t for t in schema.TABLES}


def _load(kind: str, lang: str) -> openpyxl.Workbook:
    wb = template.build_workbook(lang, example=kind == "example")
    return openpyxl.load_workbook(io.BytesIO(template.workbook_bytes(wb)))


@pytest.fixture(scope="module", params=KINDS, ids=KIND_IDS)
def book(request):
    kind, lang = request.param
    return kind, lang, _load(kind, lang)


def _headers(ws, ref: str) -> list[str]:
    first_row = ws[ref][0]
    return [c.value for c in first_row]


# ------------------------------------------------------------------------------------- contract
def test_sheet_names_in_order_and_meta_hidden(book):
    _, lang, wb = book
    expected = [schema.SHEETS[k](lang) for k in ("guide", "project")]
    expected += [t.sheet(lang) for t in schema.TABLES] + [schema.SHEETS["meta"](lang)]
    assert wb.sheetnames == expected
    assert wb.sheetnames[0] == schema.SHEETS["guide"](lang)
    assert [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"] == ["_meta"]


def test_meta_names_hold_version_and_language(book):
    _, lang, wb = book
    for name, value in (
        (schema.META_VERSION_NAME, schema.TEMPLATE_VERSION),
        (schema.META_LANGUAGE_NAME, lang),
    ):
        (sheet, ref), *_ = wb.defined_names[name].destinations
        assert (sheet, wb[sheet][ref.replace("$", "")].value) == ("_meta", value)


def test_every_field_has_a_workbook_scoped_name_on_the_project_sheet(book):
    _, lang, wb = book
    project = schema.SHEETS["project"](lang)
    for field in schema.FIELDS:
        dests = list(wb.defined_names[field.key].destinations)
        assert len(dests) == 1, field.key
        sheet, ref = dests[0]
        assert f"{sheet}!{ref.replace('$', '')}" == template.field_cell(field.key, lang)
        assert sheet == project
        # The label beside the value names the field in the workbook's language.
        label = wb[sheet][ref.replace("$", "").replace("B", "A")].value
        assert label.rstrip(" *") == field.label(lang)
    for ws in wb.worksheets:
        assert not ws.defined_names, f"sheet-scoped names on {ws.title}"


def test_tables_have_canonical_headers_in_schema_order(book):
    _, lang, wb = book
    for table in schema.TABLES:
        ws = wb[table.sheet(lang)]
        assert list(ws.tables) == [table.name]
        xl = ws.tables[table.name]
        assert xl.ref.startswith(f"A{template.HEADER_ROW}:")
        headers = _headers(ws, xl.ref)
        canonical = [c.header(lang) for c in table.columns]
        assert headers[: len(canonical)] == canonical
        assert [c.name for c in xl.tableColumns] == headers
        if table.name == "tbl_scores":  # Option 1..10 in the template and the example alike
            assert headers[len(canonical) :] == template.score_headers(lang)
        else:
            assert len(headers) == len(canonical)


@pytest.mark.parametrize(
    ("table_name", "rows"),
    [
        ("tbl_channels", 12),
        ("tbl_profiles", 70),
        ("tbl_seasonality", 12),
        ("tbl_options", 10),
        ("tbl_costs", 300),
        ("tbl_scores", 16),
    ],
    ids=["channels-12", "profiles-10x7", "seasonality-12", "options-10", "costs-300", "scores"],
)
def test_tables_are_presized(book, table_name, rows):
    _, lang, wb = book
    xl = wb[schema.TABLES_BY_NAME[table_name].sheet(lang)].tables[table_name]
    last_row = int(xl.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    assert last_row - template.HEADER_ROW == rows


def _validations(ws) -> list[tuple[str, object, str | None, str | None]]:
    return [
        (str(dv.sqref), dv.type, dv.formula1, dv.prompt)
        for dv in ws.data_validations.dataValidation
    ]


def _list_values(wb, formula: str) -> list[str]:
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, rng = formula.rsplit("!", 1)
    return [c.value for row in wb[sheet.strip("'")][rng.replace("$", "")] for c in row]


def test_every_coded_column_has_a_dropdown_with_its_labels(book):
    _, lang, wb = book
    checked = 0
    for table in schema.TABLES:
        ws = wb[table.sheet(lang)]
        by_column = {}
        for sqref, kind, formula, prompt in _validations(ws):
            by_column[sqref.split(":")[0].rstrip("0123456789")] = (sqref, kind, formula, prompt)
        for col in table.columns:
            letter = template.column_letter(table.name, col.key)
            sqref, kind, formula, prompt = by_column[letter]
            last = template.HEADER_ROW + template.table_rows(table)
            assert sqref == f"{letter}{template.FIRST_DATA_ROW}:{letter}{last}"
            assert prompt == col.help(lang)[:255]
            if col.choices:
                assert kind == "list"
                assert _list_values(wb, formula) == [c.label(lang) for c in col.choices]
                checked += 1
            elif col.kind in ("option", "channel", "channels"):
                source = "tbl_options" if col.kind == "option" else "tbl_channels"
                rows = template.table_rows(TABLE_SHEETS[source])
                expected = (
                    f"'{TABLE_SHEETS[source].sheet(lang)}'!$A$5:$A${template.HEADER_ROW + rows}"
                )
                assert (kind, formula) == ("list", expected)
                checked += 1
            elif col.kind in ("profile", "pattern"):
                # Each name once, from helper columns of _meta (a profile's name is on 7 rows).
                assert kind == "list"
                assert formula.startswith("OFFSET('_meta'!$")
                checked += 1
    # mode, profile, pattern, day, type, yes/no (2), category, cost type, basis, escalation,
    # option, channel, in a hybrid; a hybrid's vendor, channels, hours and tier; a risk's option;
    # a commentary row's section
    assert checked == 20


def test_a_hybrids_channels_take_a_list_without_a_warning(book):
    """The Channels dropdown offers one name; typing several (WhatsApp, Email) must not pop up
    "not in the list", unlike the other dropdowns, which warn."""
    _, lang, wb = book
    ws = wb[schema.HYBRIDS.sheet(lang)]
    letter = template.column_letter("hybrids", "channels")
    warns = {str(dv.sqref)[0]: dv.showErrorMessage for dv in ws.data_validations.dataValidation}
    assert warns[letter] is False
    assert warns[template.column_letter("hybrids", "vendor")] is True


@pytest.mark.parametrize(
    "key", ["currency", "language", "baseline_option", "business_hours"], ids=str
)
def test_coded_project_fields_have_dropdowns(book, key):
    _, lang, wb = book
    ws = wb[schema.SHEETS["project"](lang)]
    ref = template.field_cell(key, lang).split("!")[1]
    (sqref, kind, formula, prompt), *_ = [v for v in _validations(ws) if v[0] == ref]
    assert kind == "list"
    assert prompt == schema.FIELDS_BY_KEY[key].help(lang)
    if key == "baseline_option":
        assert formula.endswith("!$A$5:$A$14")
    elif key == "business_hours":
        # the Profiles' names, each once: the same list as a channel's Profile column
        demand = wb[schema.SHEETS["demand"](lang)]
        letter = template.column_letter("channels", "profile")
        profile = [v for v in _validations(demand) if v[0].startswith(f"{letter}5:")]
        assert formula.startswith("OFFSET('_meta'!$") and formula == profile[0][2]
        assert ws[ref].value == schema.builtin_profile("office_hours").label(lang)
    else:
        values = _list_values(wb, formula)
        assert values == [c.label(lang) for c in schema.FIELDS_BY_KEY[key].choices]


def test_sheets_protected_without_password_and_inputs_unlocked(book):
    _, lang, wb = book
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    project = wb[schema.SHEETS["project"](lang)]
    for field in schema.FIELDS:
        ref = template.field_cell(field.key, lang).split("!")[1]
        assert project[ref].protection.locked is False, field.key
        assert project[ref.replace("B", "A")].protection.locked is True
    for table in schema.TABLES:
        ws = wb[table.sheet(lang)]
        xl = ws.tables[table.name]
        for row in ws[xl.ref][1:]:
            assert all(c.protection.locked is False for c in row), row[0].coordinate
        headers = ws[xl.ref][0]
        fixed = headers[: len(table.columns)]
        assert all(c.protection.locked is True for c in fixed)
        assert ws["A1"].protection.locked is True
        # Profiles keep Profile and Day in view beside the 24 hours.
        assert ws.freeze_panes in (("C5",) if table is schema.PROFILES else ("A5", "B5"))
        assert ws.page_setup.orientation == "landscape"
        # The Scores sheet repeats the option names above its header too.
        assert ws.print_title_rows == ("$3:$4" if table is schema.SCORES else "$4:$4")


# ------------------------------------------------------------------------------------- contents
def _table_values(wb, table: schema.Table, lang: str) -> list[list[object]]:
    ws = wb[table.sheet(lang)]
    rows = ws[ws.tables[table.name].ref][1:]
    return [[c.value for c in row] for row in rows if any(c.value is not None for c in row)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_blank_template_has_defaults_and_criteria_but_no_example_rows(lang):
    wb = _load("template", lang)
    for name in ("tbl_channels", "tbl_options", "tbl_costs"):
        assert _table_values(wb, TABLE_SHEETS[name], lang) == []
    scores = _table_values(wb, TABLE_SHEETS["tbl_scores"], lang)
    assert [r[:2] for r in scores] == [[c.label(lang), c.weight] for c in schema.DEFAULT_CRITERIA]
    assert all(v is None for r in scores for v in r[2:])
    values = {f.key: wb.defined_names[f.key].destinations for f in schema.FIELDS}
    project = wb[schema.SHEETS["project"](lang)]
    got = {k: project[next(iter(d))[1].replace("$", "")].value for k, d in values.items()}
    assert got["client_name"] is None
    assert (got["currency"], got["language"], got["horizon_years"]) == ("IDR", lang, 3)
    assert got["discount_rate"] == pytest.approx(0.10)


@pytest.mark.parametrize(("kind", "lang"), KINDS, ids=KIND_IDS)
def test_builtin_profiles_and_patterns_in_every_template(kind, lang):
    wb = _load(kind, lang)
    profiles = _table_values(wb, schema.PROFILES, lang)
    own = 7 * len(example_data.OWN_PROFILES) if kind == "example" else 0
    assert len(profiles) == 7 * len(schema.BUILTIN_PROFILES) + own
    for b, start in zip(schema.BUILTIN_PROFILES, range(0, len(profiles), 7), strict=False):
        block = profiles[start : start + 7]
        assert [r[0] for r in block] == [b.label(lang)] * 7
        assert [r[1] for r in block] == [d(lang) for d in schema.DAYS]
        weights = [w for r in block for w in r[2:26]]
        assert weights == pytest.approx([w for day in b.days for w in day], abs=1e-4)
        assert block[0][26] == b.description(lang)
    patterns = _table_values(wb, schema.SEASONALITY, lang)
    assert [(r[0], tuple(r[1:13]), r[13]) for r in patterns] == [
        (p.label(lang), p.months, p.description(lang)) for p in schema.BUILTIN_PATTERNS
    ]
    headers = _headers(wb[schema.SEASONALITY.sheet(lang)], "A4:N4")
    assert headers[1:13] == [m(lang) for m in schema.MONTHS]


def test_profile_and_season_weights_are_shaded_per_block(book):
    """A colour scale per profile (7 rows) and per pattern (1 row): the week's shape shows."""
    _, lang, wb = book
    shaded = {}
    for table in (schema.PROFILES, schema.SEASONALITY):
        ws = wb[table.sheet(lang)]
        ranges = [str(cf.sqref) for cf in ws.conditional_formatting]
        shaded[table.name] = ranges[:2]
        assert len(ranges) == {"tbl_profiles": 10, "tbl_seasonality": 12}[table.name]
    assert shaded == {
        "tbl_profiles": ["C5:Z11", "C12:Z18"],
        "tbl_seasonality": ["B5:M5", "B6:M6"],
    }


@pytest.mark.parametrize("lang", ["en", "id"])
def test_go_live_is_a_month_after_the_report_date_in_the_example(lang):
    wb = _load("example", lang)
    sheet, ref = template.field_cell("go_live", lang).split("!")
    cell = wb[sheet][ref]
    assert cell.value.date().isoformat() == "2027-01-01"
    assert cell.number_format == "mmm yyyy"
    blank = _load("template", lang)
    assert blank[sheet][ref].value is None


def _example_costs(lang: str) -> list[dict[str, object]]:
    return example_data.table_rows("tbl_costs", lang)


def test_example_covers_every_category_and_basis():
    rows = example_data.COST_ROWS
    assert {r[1] for r in rows} == {c.code for c in schema.CATEGORIES}
    assert {r[4] for r in rows} == {b.code for b in schema.BASES}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_has_every_hidden_cost_type_per_option(lang):
    by_option: dict[str, set[str]] = {}
    blank = 0
    for raw, row in zip(example_data.COST_ROWS, _example_costs(lang), strict=True):
        code = raw[3]
        if code is None:
            blank += 1
            code = schema.infer_cost_type(row["item"])
            assert code not in (None, "other"), row["item"]
            assert code == schema.infer_cost_type(raw[2].en), "EN and ID infer alike"
        by_option.setdefault(raw[0].en, set()).add(code)
    assert 3 <= blank <= len(example_data.COST_ROWS) // 3
    for name, option_type in (("In-house", "in-house"), ("Jakarta vendor", "outsourced")):
        wanted = {t.code for t in schema.checklist_types(option_type)} - {"parallel_run"}
        if option_type == "in-house":
            # Attrition replacement is carried by the per-hire lines (recruiting + training).
            wanted -= {"attrition_replacement"}
        assert wanted <= by_option[name], wanted - by_option[name]
    assert by_option["Offshore vendor"] >= by_option["Jakarta vendor"] - {"technology"}


def test_example_vendor_rates_and_scores():
    options = {r[0].en: r for r in example_data.OPTION_ROWS}
    assert options["In-house"][1:3] == ("in-house", "yes")
    assert [options[n][7] for n in ("Jakarta vendor", "Offshore vendor")] == [2, 3]
    assert options["Offshore vendor"][8] > 0  # a minimum monthly fee
    scores = example_data.score_rows("en", example=True)
    assert len(scores) == len(schema.DEFAULT_CRITERIA)
    # In the columns Option 1..3, in the order of the Options sheet.
    assert [r[0].en for r in example_data.OPTION_ROWS] == list(example_data.option_names("en"))
    assert all(1 <= r[f"Option {n}"] <= 5 for r in scores for n in (1, 2, 3))
    jakarta = [r["Option 2"] for r in scores]
    offshore = [r["Option 3"] for r in scores]
    assert jakarta != offshore


@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_rows_land_where_cell_of_says(lang):
    wb = _load("example", lang)
    rows = _example_costs(lang)
    for i in (0, len(rows) - 1):
        sheet, ref = template.cell_of("costs", "item", i, lang).split("!")
        assert wb[sheet][ref].value == rows[i]["item"]
    sheet, ref = template.cell_of("scores", 2, 0, lang).split("!")
    assert (
        wb[sheet][ref].value
        == example_data.score_rows(lang, example=True)[0][template.score_headers(lang)[0]]
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("costs", "amount", 0, "en"), "Costs!F5"),
        (("tbl_costs", "basis", 2, "id"), "Biaya!E7"),
        (("channels", "aht_minutes", 0, "en"), "Demand!D5"),
        (("scores", 2, 10, "en"), "Qualitative!C15"),
    ],
    ids=["costs-amount", "id-sheet-name", "channels", "scores-by-position"],
)
def test_cell_of(args, expected):
    assert template.cell_of(*args) == expected


# ------------------------------------------------------------------------- files and staleness
def _dump(wb) -> dict[str, object]:
    """What matters of a workbook, independent of zip bytes and openpyxl's XML details."""
    sheets = {}
    for ws in wb.worksheets:
        cells = [
            (c.coordinate, c.value, c.number_format, c.protection.locked, c.fill.fgColor.rgb)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None or c.protection.locked is False
        ]
        sheets[ws.title] = {
            "state": ws.sheet_state,
            "protected": ws.protection.sheet,
            "freeze": ws.freeze_panes,
            "cells": cells,
            "tables": {
                n: (ws.tables[n].ref, [c.name for c in ws.tables[n].tableColumns])
                for n in ws.tables
            },
            "validations": sorted(map(str, _validations(ws))),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        }
    names = {n: d.attr_text for n, d in wb.defined_names.items()}
    return {"sheets": sheets, "names": names}


@pytest.mark.parametrize(("kind", "lang"), KINDS, ids=KIND_IDS)
def test_committed_workbooks_are_fresh(kind, lang):
    committed = (EXAMPLES if kind == "example" else TEMPLATES)[lang]
    stale = _dump(openpyxl.load_workbook(committed)) != _dump(_load(kind, lang))
    assert not stale, (
        f"{committed.name} is stale: run `python -m pipeline.template --refresh input_templates`"
    )


def test_output_is_byte_deterministic():
    first = template.workbook_bytes(template.build_workbook("id", example=True))
    second = template.workbook_bytes(template.build_workbook("id", example=True))
    assert first == second


def test_refresh_writes_four_files_atomically(tmp_path):
    assert template.main(["--refresh", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(template.FILE_NAMES.values())
    for path in tmp_path.iterdir():
        assert oct(os.stat(path).st_mode & 0o777) == "0o644"
    assert (tmp_path / template.FILE_NAMES[("example", "en")]).read_bytes() == (
        EXAMPLES["en"].read_bytes()
    )


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        template.build_workbook("fr", example=False)


def test_make_workbook_applies_cell_and_name_edits(make_workbook):
    address = template.cell_of("costs", "amount", 3, "id")
    path = make_workbook({address: "Rp 1.500.000"}, lang="id", client_name=None, horizon_years=25)
    wb = openpyxl.load_workbook(path)
    sheet, ref = address.split("!")
    assert wb[sheet][ref].value == "Rp 1.500.000"
    project = wb[schema.SHEETS["project"]("id")]
    assert project[template.field_cell("client_name", "id").split("!")[1]].value is None
    assert project[template.field_cell("horizon_years", "id").split("!")[1]].value == 25
    assert EXAMPLES["id"].read_bytes() != path.read_bytes()
    with pytest.raises(KeyError, match="no_such_name"):
        apply_edits(path, no_such_name=1)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_guide_lists_the_hidden_costs_and_names_the_sheets_in_its_language(lang):
    wb = _load("template", lang)
    guide = wb[schema.SHEETS["guide"](lang)]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    for option_type in ("outsourced", "in-house"):
        for ctype in schema.checklist_types(option_type):
            assert f"\u2022  {ctype.label(lang)}" in text
    for key in ("project", "demand", "options", "costs", "scores"):
        assert schema.SHEETS[key](lang) in text
    other = "id" if lang == "en" else "en"
    assert template_guide.GUIDE_TITLE(other) not in text
    # The section on demand through the week and the year, in plain words.
    heading = {"en": "When do your customers contact you?", "id": "Kapan pelanggan menghubungi"}
    assert heading[lang] in text and heading[other] not in text
    for key in ("profile", "seasonality", "patience_seconds", "complex_share"):
        assert schema.CHANNELS.column(key).header(lang) in text
    for key in ("profiles", "seasonality"):
        assert schema.SHEETS[key](lang) in text
    assert all(c.protection.locked for row in guide.iter_rows() for c in row)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_reads_and_validates_without_any_issue(lang):
    from pipeline.validate import validate
    from pipeline.workbook import read_workbook

    inputs, issues = validate(read_workbook(EXAMPLES[lang]))
    assert [(i.severity, i.code, i.sheet, i.cell) for i in issues] == []
    assert len(inputs.costs) == len(example_data.COST_ROWS)
    assert sum(c.cost_type_inferred for c in inputs.costs) == sum(
        r[3] is None for r in example_data.COST_ROWS
    )


def test_example_makes_its_case_for_a_vendor_by_flexing_with_the_season():
    from dataclasses import replace

    from pipeline.flow import check_workbook
    from pipeline.model import compute

    inputs, _ = check_workbook(EXAMPLES["en"])

    def savings(inp):
        pv = {o.name: o.pv_cost for o in compute(inp).options}
        return {name: 1 - cost / pv["In-house"] for name, cost in pv.items()}

    saving = savings(inputs)
    # Both vendors beat in-house, which must staff for Harbolnas and Lebaran all year ...
    assert 0 < saving["Jakarta vendor"] < saving["Offshore vendor"] < 0.3
    # ... while on flat months the margin would be a modest one, not a landslide.
    flat = replace(inputs, channels=tuple(replace(c, seasonality=None) for c in inputs.channels))
    assert 0 < savings(flat)["Jakarta vendor"] < savings(flat)["Offshore vendor"] < 0.2
    assert compute(inputs).recommendation.option in ("Offshore vendor", "Jakarta vendor")
