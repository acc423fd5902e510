"""Hybrids by routing (DESIGN §8) in the workbook and its validation: the Hybrids table, the
Project's business hours, a line's `In a hybrid`, the basis per FTE released, unpriced channels
and the whole hidden-cost checklist; version 1 workbooks unaffected."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import example_data, schema, template
from pipeline.flow import check_workbook
from pipeline.validate import CODES_BY_NAME, validate
from pipeline.validate.hybrids import split_channels
from pipeline.workbook import read_workbook
from tests.conftest import example_row
from tests.test_validate import (
    TODAY,
    F,
    cell_values,
    channel_rows,
    cost_rows,
    edit,
    flat,
    make_book,
    option_rows,
    profile_rows,
    project_values,
)

V1 = Path(__file__).parent / "fixtures" / "v1"
P, D, OP, C, H = "Project", "Demand", "Options", "Costs", "Hybrids"


def run(**kw):
    return validate(make_book(**kw), today=TODAY)


def round_the_clock(channels: list[dict], index: int) -> list[dict]:
    """`channels` with one of them open 24/7, and the night premium the in-house checklist then
    asks for."""
    return edit(channels, index, profile="Flat 24/7", hours_per_week=None)


NIGHT = dict(
    option="In-house",
    category="Labour",
    item="Night shift premium",
    basis="per agent hour",
    amount=10_000,
)


def hybrid(**kw) -> dict:
    return {"hybrid": "Vendor takes email", "vendor": "Vendor A", "channels": "Email", **kw}


def weights(code: str) -> tuple[float, ...]:
    return tuple(w for day in schema.builtin_profile(code).days for w in day)


# ------------------------------------------------------------------------------ the Hybrids table
def test_hybrids_are_read_with_their_defaults():
    rows = [
        hybrid(),
        hybrid(hybrid="All after hours", channels=None, hours="after hours"),
        hybrid(hybrid="Half of the simple phone calls", channels="phone", tier="simple", share=0.5),
    ]
    inputs, issues = run(hybrids=rows)
    assert flat(issues) == []
    assert [
        (h.name, h.vendor, h.channels, h.hours, h.tier, h.share, h.row) for h in inputs.hybrids
    ] == [
        ("Vendor takes email", "Vendor A", ("Email",), "all", "all", 1.0, 5),
        ("All after hours", "Vendor A", (), "after_hours", "all", 1.0, 6),
        ("Half of the simple phone calls", "Vendor A", ("Phone",), "all", "simple", 0.5, 7),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email", ("Email",)),
        ("email, PHONE", ("Email", "Phone")),
        ("Phone;Email", ("Phone", "Email")),
        ("Phone\nEmail", ("Phone", "Email")),
        (" Phone ,, Phone; ", ("Phone",)),
    ],
    ids=["one", "comma-case", "semicolon", "line-break", "repeated-and-empty"],
)
def test_channels_are_a_list_matched_like_names(text, expected):
    inputs, issues = run(hybrids=[hybrid(channels=text, tier="simple")])
    assert [i.code for i in issues if i.code != "hybrid-routes-everything"] == []
    assert inputs.hybrids[0].channels == expected


def test_split_channels():
    assert split_channels("a, b;c\nd ,, ") == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("hours", "tier", "expected"),
    [
        ("business hours", "complex", ("business", "complex")),
        ("jam kerja", "kompleks", ("business", "complex")),
        ("di luar jam kerja", "sederhana", ("after_hours", "simple")),
        ("After-hours", "Simple", ("after_hours", "simple")),
        ("semua", "semua", ("all", "all")),
        (None, None, ("all", "all")),
    ],
    ids=["en", "id", "id-after-hours", "synonym", "id-all", "blank"],
)
def test_hours_and_tier_in_either_language(hours, tier, expected):
    channels = edit(round_the_clock(channel_rows(), 1), 1, complex_share=F(0.2, "0%"))
    inputs, issues = run(
        channels=channels, costs=cost_rows() + [NIGHT], hybrids=[hybrid(hours=hours, tier=tier)]
    )
    assert flat(issues) == []
    assert (inputs.hybrids[0].hours, inputs.hybrids[0].tier) == expected


def test_without_a_hybrids_table_or_with_an_empty_one_there_are_none():
    for rows in (None, []):
        inputs, issues = run(hybrids=rows)
        assert flat(issues) == [] and inputs.hybrids == ()


def test_vendor_takes_its_name_from_the_options_sheet():
    inputs, _ = run(hybrids=[hybrid(vendor="  vendor A ")])
    assert inputs.hybrids[0].vendor == "Vendor A"


def test_unknown_channels_are_named_and_the_channels_listed():
    _, issues = run(hybrids=[hybrid(channels="Fax, Email, Pigeon")])
    (issue,) = issues
    assert (issue.cell, issue.code) == ("C5", "unknown-channel")
    assert "“Fax”, “Pigeon” are not a channel of sheet Demand" in issue.message
    assert "from: Phone, Email" in issue.message


def test_routes_nothing_gives_the_reason_per_channel():
    office = "Office hours"
    channels = edit(channel_rows(), 0, profile=office, hours_per_week=None)
    channels = edit(channels, 1, monthly_volume=0)
    _, issues = run(channels=channels, hybrids=[hybrid(channels=None, hours="after hours")])
    (issue,) = issues
    assert (issue.cell, issue.code) == ("A5", "hybrid-routes-nothing")
    assert "Phone is open only within the business hours (Office hours)" in issue.message
    assert "Email has no volume" in issue.message


def test_business_hours_on_a_24_7_channel_route_something():
    channels = round_the_clock(channel_rows(), 0)
    for hours in ("business hours", "after hours"):
        hybrids = [hybrid(channels="Phone", hours=hours)]
        _, issues = run(channels=channels, costs=cost_rows() + [NIGHT], hybrids=hybrids)
        assert flat(issues) == []


def test_a_hybrid_with_an_error_gives_no_inputs():
    inputs, issues = run(hybrids=[hybrid(), hybrid(hybrid="Other", vendor="In-house")])
    assert inputs is None and flat(issues) == [(H, "B6", "not-a-vendor")]


# ------------------------------------------------------------------------------ business hours
@pytest.mark.parametrize(
    ("given", "lang", "name", "code"),
    [
        (None, "en", "Office hours", "office_hours"),
        (None, "id", "Jam kantor", "office_hours"),
        ("Jam kantor", "en", "Office hours", "office_hours"),
        ("retail_extended", "en", "Retail extended", "retail_extended"),
        ("E-COMMERCE 24/7", "id", "E-commerce 24/7", "ecommerce_24_7"),
    ],
    ids=["blank-en", "blank-id", "id-label-in-en-book", "code", "case"],
)
def test_business_hours_resolve_like_a_channels_profile(given, lang, name, code):
    inputs, issues = run(project=project_values(business_hours=given), lang=lang)
    assert flat(issues) == []
    hours = inputs.project.business_hours
    assert (hours.name, hours.weights) == (name, weights(code))


def test_business_hours_take_the_workbooks_own_row():
    mine = profile_rows("Office hours", dict.fromkeys(range(7, 19), 1))
    own = profile_rows("Our desk", dict.fromkeys(range(9, 15), 1))
    inputs, _ = run(profiles=mine + own)
    assert inputs.project.business_hours.open_hours == 12 * 7  # blank: the edited Office hours
    inputs, issues = run(profiles=mine + own, project=project_values(business_hours="our DESK"))
    assert flat(issues) == []
    assert (inputs.project.business_hours.name, inputs.project.business_hours.open_hours) == (
        "Our desk",
        6 * 7,
    )


def test_unknown_business_hours_list_the_profiles_in_indonesian():
    _, issues = run(
        project=project_values(business_hours="Shift malam", language="id"),
        profiles=profile_rows("Meja kami"),
        lang="id",
    )
    (issue,) = issues
    assert (issue.sheet, issue.cell, issue.code) == ("Proyek", "B20", "unknown-profile")
    assert issue.message.startswith("Proyek!B20 (“Jam kerja”): “Shift malam” bukan profil")
    assert "Meja kami, Jam kantor, Ritel diperpanjang" in issue.message
    assert "atau kosong (Jam kantor, Sen-Jum 08-17)" in issue.message


# ----------------------------------------------------------------------------- In a hybrid, basis
@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("full", "full"),
        ("penuh", "full"),
        ("pro rata", "pro_rata"),
        ("Pro-Rata", "pro_rata"),
        ("prorata", "pro_rata"),
        ("proporsional", "pro_rata"),
        ("pure only", "pure_only"),
        ("pure", "pure_only"),
        ("hanya murni", "pure_only"),
        (None, ""),
    ],
    ids=str,
)
def test_in_a_hybrid_labels_and_synonyms(given, code):
    inputs, issues = run(costs=edit(cost_rows(), 6, in_hybrid=given))
    assert flat(issues) == []
    assert inputs.costs[6].in_hybrid == code


@pytest.mark.parametrize("given", ["per FTE released", "per FTE dilepas", "per fte let go"])
def test_per_fte_released_on_any_option(given):
    costs = edit(cost_rows(), 17, basis=given)
    costs.append(
        dict(option="In-house", category="Labour", item="Severance", basis=given, amount=1)
    )
    inputs, issues = run(costs=costs)
    assert flat(issues) == []
    assert [c.basis for c in inputs.costs if c.cost_type == "severance"] == ["per_fte_released"] * 2


def test_per_fte_released_is_not_a_usage_basis():
    costs = edit(cost_rows(), 17, channel="Phone")
    costs = edit(costs, 17, start_month=0)
    inputs, issues = run(costs=costs)
    assert flat(issues) == [(C, "H22", "start-month-zero"), (C, "K22", "channel-ignored")]


# ---------------------------------------------------------------------------- channel-not-priced
def priced(*channels: str | None) -> list[dict]:
    """cost_rows with the vendor's rate line split into one line per channel given."""
    rate = cost_rows()[5]
    rows = [r for i, r in enumerate(cost_rows()) if i != 5]
    return rows + [dict(rate, item=f"Rate {c}", channel=c) for c in channels]


@pytest.mark.parametrize(
    ("costs", "expected"),
    [
        (priced("Phone", "Email"), []),
        (priced("Phone", None), []),
        (priced("Phone"), [(OP, "A6", "channel-not-priced")]),
        (priced(), []),  # no per-use price at all: priced by fixed fees
    ],
    ids=["every-channel", "one-for-all", "email-unpriced", "fixed-fees-only"],
)
def test_channel_not_priced(costs, expected):
    _, issues = run(costs=costs)
    assert flat(issues) == expected


def test_a_transaction_fee_does_not_price_a_channel():
    fee = dict(cost_rows()[14], channel="Email")  # Transaction fees, per contact
    costs = priced("Phone")
    costs[costs.index(cost_rows()[14])] = fee
    _, issues = run(costs=costs)
    assert [i.code for i in issues] == ["channel-not-priced"]
    assert "prices Phone per use" in issues[0].message


def test_a_channel_without_volume_needs_no_price():
    _, issues = run(costs=priced("Phone"), channels=edit(channel_rows(), 1, monthly_volume=0))
    assert flat(issues) == []


def test_in_house_options_are_not_checked():
    costs = edit(cost_rows(), 0, channel="Phone")
    _, issues = run(costs=costs)
    assert flat(issues) == []


def test_channel_not_priced_names_every_channel_in_sheet_order_in_indonesian():
    channels = channel_rows() + [
        dict(channel="Chat", mode="live", monthly_volume=500, aht_minutes=5)
    ]
    _, issues = run(
        costs=priced("Email"), channels=channels, project=project_values(language="id"), lang="id"
    )
    (issue,) = issues
    assert (issue.sheet, issue.cell, issue.code) == ("Opsi", "A6", "channel-not-priced")
    assert "untuk Email, tetapi" in issue.message
    assert "Phone (10.000 kontak per bulan), Chat (500 kontak per bulan)" in issue.message
    assert "di lembar Biaya" in issue.message


@pytest.mark.parametrize("lang", ["en", "id"])
def test_deleting_the_examples_offshore_email_price_is_an_error_at_that_option(make_workbook, lang):
    email = example_data.EMAIL(lang)
    row = _offshore_email_row(lang)
    edits = {template.cell_of("costs", c.key, row, lang): None for c in schema.COSTS.columns}
    inputs, issues = check_workbook(make_workbook(edits, lang=lang))
    offshore = example_row("tbl_options", lang, option=example_data.OFFSHORE(lang))
    cell = template.cell_of("options", "option", offshore, lang)
    assert inputs is None
    assert [(i.sheet, i.cell, i.code) for i in issues] == [
        (schema.OPTIONS.sheet(lang), cell.split("!")[1], "channel-not-priced")
    ]
    volume = "6,000 contacts a month" if lang == "en" else "6.000 kontak per bulan"
    assert f"{email} ({volume})" in issues[0].message
    assert issues[0].message.count(email) == 1  # only Email is unpriced


def _offshore_email_row(lang: str) -> int:
    for i, row in enumerate(example_data.table_rows("tbl_costs", lang)):
        if row["option"] == example_data.OFFSHORE(lang) and row["channel"] == example_data.EMAIL(
            lang
        ):
            return i
    raise LookupError("the example has no offshore e-mail price line")


# -------------------------------------------------------------------------- hidden-costs-missing
def test_one_warning_lists_every_missing_item_in_checklist_order():
    costs = [r for r in cost_rows() if r["option"] == "In-house" or r["item"] == "Agent rate"]
    _, issues = run(costs=costs)
    (issue,) = issues
    assert (issue.cell, issue.code) == ("A6", "hidden-costs-missing")
    labels = [t.label.en for t in schema.checklist_types("outsourced")]
    assert f"11 of the 11 items of the hidden-cost checklist: {', '.join(labels)}." in issue.message


def test_transition_months_and_per_hire_lines_count():
    costs = [r for r in cost_rows() if r["item"] not in ("Parallel run", "Recruiting")]
    options = edit(option_rows(), 1, transition_months=1)
    _, issues = run(costs=costs, options=options)
    (issue,) = issues  # Initial training is per hire: attrition replacement is covered
    assert issue.cell == "A5" and "1 of the 7 items" in issue.message
    assert issue.message.endswith(
        "checklist: Recruiting. These costs are often forgotten; add each one (set Cost type, "
        "or name it in Item), or a line with amount 0 to show it was considered."
    )


def test_night_premium_is_listed_only_when_a_channel_is_open_round_the_clock():
    costs = [r for r in cost_rows() if r["item"] != "Benefits and BPJS"]
    _, issues = run(costs=costs)
    assert "1 of the 7 items" in issues[0].message
    channels = edit(channel_rows(), 1, profile="E-commerce 24/7", hours_per_week=None)
    options = edit(option_rows(), 0, attrition=F(0.45, "0%"))
    _, issues = run(costs=costs, channels=channels, options=options)
    (issue,) = issues
    assert "2 of the 8 items of the hidden-cost checklist: Benefits, Night/weekend premium " in (
        issue.message
    )
    assert "(Email open round the clock)" in issue.message


def test_hidden_costs_missing_in_indonesian():
    costs = [r for r in cost_rows() if r["item"] not in ("Exit fee", "Severance pay")]
    _, issues = run(costs=costs, project=project_values(language="id"), lang="id")
    (issue,) = issues
    assert issue.message == (
        "Opsi!A6, kolom “Opsi”: opsi “Vendor A” (alih daya) tidak punya baris biaya untuk 2 dari "
        "11 butir daftar biaya tersembunyi: Biaya keluar / terminasi, Pesangon. Biaya ini sering "
        "terlupa; tambahkan masing-masing (isi Jenis biaya, atau sebut di Item), atau baris "
        "dengan jumlah 0 untuk menunjukkan sudah dipertimbangkan."
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_hybrid_messages_in_both_languages(lang):
    s = {k: schema.SHEETS[k](lang) for k in ("hybrids", "options")}
    rows = [
        hybrid(vendor="Vendor Z"),
        hybrid(hybrid="B", vendor="In-house"),
        hybrid(hybrid="C", tier="complex"),
        hybrid(hybrid="c"),
    ]
    _, issues = run(hybrids=rows, project=project_values(language=lang), lang=lang)
    assert [(i.sheet, i.cell, i.code) for i in issues] == [
        (s["hybrids"], "B5", "unknown-vendor"),
        (s["hybrids"], "B6", "not-a-vendor"),
        (s["hybrids"], "A7", "hybrid-routes-nothing"),
        (s["hybrids"], "A8", "duplicate-hybrid"),
    ]
    starts = {
        "en": ["Hybrids!B5, column “Vendor”: “Vendor Z” is not an option of sheet Options"],
        "id": ["Hibrida!B5, kolom “Penyedia”: “Vendor Z” bukan opsi di lembar Opsi"],
    }
    assert issues[0].message.startswith(starts[lang][0])
    assert ("opsi internal" if lang == "id" else "is an in-house option") in issues[1].message
    assert ("tidak mengirim kontak" if lang == "id" else "sends no contact") in issues[2].message
    assert ("Porsi kompleks 0%" if lang == "id" else "Complex share 0%") in issues[2].message


# --------------------------------------------------------------------------------------- version 1
def test_v1_book_ignores_the_hybrid_cells_and_gives_the_same_inputs():
    plain, issues = run(version=1)
    assert flat(issues) == []
    stray, issues = run(
        version=1,
        hybrids=[hybrid(vendor="Nobody")],
        project=project_values(business_hours="Nonsense"),
        costs=edit(cost_rows(), 0, in_hybrid="half"),
    )
    assert flat(issues) == []
    assert stray == plain
    assert (plain.project.business_hours, plain.hybrids) == (None, ())
    assert {c.in_hybrid for c in plain.costs} == {""}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_v1_fixtures_have_no_hybrid_inputs(lang):
    inputs, issues = validate(read_workbook(V1 / f"example-{lang}.xlsx"), today=TODAY)
    assert flat(issues) == []
    assert (inputs.project.business_hours, inputs.hybrids) == (None, ())
    assert {c.in_hybrid for c in inputs.costs} == {""}
    assert "per_fte_released" not in {c.basis for c in inputs.costs}


# ------------------------------------------------------------------------------------ the example
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_example_reads_its_hybrids_and_business_hours(make_workbook, lang):
    inputs, issues = check_workbook(make_workbook(lang=lang))
    assert issues == []
    office = schema.builtin_profile("office_hours")
    hours = inputs.project.business_hours
    assert (hours.name, hours.weights) == (office.label(lang), weights("office_hours"))
    whatsapp, email = example_data.WHATSAPP(lang), example_data.EMAIL(lang)
    assert [(h.vendor, h.channels, h.hours, h.tier, h.share) for h in inputs.hybrids] == [
        (example_data.OFFSHORE(lang), (whatsapp, email), "all", "all", 1.0),
        (example_data.JAKARTA(lang), (), "after_hours", "all", 1.0),
    ]
    severance = [c for c in inputs.costs if c.cost_type == "severance"]
    assert [(c.basis, c.amount) for c in severance] == [
        ("per_fte_released", example_data.SEVERANCE_PER_FTE)
    ] * 2
    explicit = {(c.option, c.cost_type, c.in_hybrid) for c in inputs.costs if c.in_hybrid}
    assert {t for _, t, _ in explicit} == {"technology", "exit_fee"}
    assert {mode for *_, mode in explicit} == {"pro_rata"}


def test_a_version_2_book_made_before_hybrids_reads_with_the_defaults(make_workbook, tmp_path):
    """No business_hours name, no Hybrids sheet: warnings that the defaults apply, no error."""
    path = make_workbook()
    wb = openpyxl.load_workbook(path)
    del wb.defined_names["business_hours"]
    del wb["Hybrids"]
    wb.save(path)
    inputs, issues = check_workbook(path)
    assert [(i.code, i.severity) for i in issues] == [("missing-name", "warning")]
    assert inputs.project.business_hours.name == "Office hours"
    assert inputs.hybrids == ()


# ------------------------------------------------------------------------------------ robustness
@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    key=st.sampled_from([c.key for c in schema.HYBRIDS.columns] + ["business_hours", "in_hybrid"]),
    value=cell_values,
)
def test_any_value_in_the_hybrid_cells_never_raises(key, value):
    rows, project, costs = [hybrid()], project_values(), cost_rows()
    if key == "business_hours":
        project = project_values(business_hours=value)
    elif key == "in_hybrid":
        costs = edit(costs, 7, in_hybrid=value)
    else:
        rows = edit(rows, 0, **{key: value})
    inputs, issues = run(hybrids=rows, project=project, costs=costs)
    assert (inputs is None) == any(i.is_error for i in issues)
    for issue in issues:
        assert issue.code in CODES_BY_NAME and issue.message
    if inputs is not None:
        assert inputs.project.business_hours is not None
        assert all(0 < h.share <= 1 for h in inputs.hybrids)


def test_a_parallel_run_beside_a_baseline_that_does_not_run_yet_is_a_warning():
    """DESIGN §8: transition months only make sense beside a running baseline; the model charges
    nothing then, and validation says so at the option's Transition months cell."""
    options = edit(option_rows(), 0, already_running="no")
    options = edit(options, 1, transition_months=3)
    inputs, issues = run(options=options)
    warned = [i for i in issues if i.code == "parallel-run-without-running-baseline"]
    assert inputs is not None and len(warned) == 1
    assert warned[0].sheet == OP and "Vendor A" in warned[0].message
    _, clean = run(options=edit(option_rows(), 1, transition_months=3))  # baseline runs: fine
    assert not [i for i in clean if i.code == "parallel-run-without-running-baseline"]
