"""Template version 2 demand (DESIGN §8) in validation: profiles, seasonal patterns, the new
channel and option columns, go-live, and version 1 workbooks read exactly as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import schema
from pipeline.validate import CODES_BY_NAME, validate
from tests.test_validate import (
    TODAY,
    cell_values,
    channel_rows,
    edit,
    flat,
    make_book,
    option_rows,
    pattern_row,
    profile_rows,
    project_values,
)

V1 = Path(__file__).parent / "fixtures" / "v1"


def run(**kw):
    return validate(make_book(**kw), today=TODAY)


def office() -> tuple[float, ...]:
    return tuple(w for day in schema.builtin_profile("office_hours").days for w in day)


# ------------------------------------------------------------------------------------- defaults
def test_v2_defaults_without_the_new_cells():
    inputs, issues = run()
    assert flat(issues) == []
    assert inputs.template_version == 2
    phone = inputs.channels[0]
    assert (phone.profile, phone.seasonality, phone.patience_seconds) == (None, None, None)
    assert (phone.complex_share, phone.complex_aht_factor) == (0.0, 1.5)
    # In-house does not flex, a vendor does; go-live is the month after the report date.
    assert [o.flexes_monthly for o in inputs.options] == [False, True]
    assert inputs.project.go_live == date(2026, 2, 1)
    assert (inputs.profiles, inputs.patterns) == ((), ())


def test_v1_book_ignores_v2_cells_and_gives_the_v1_inputs():
    """A version 1 workbook means the v1 model, whatever stray cells it holds."""
    channels = edit(
        channel_rows(),
        0,
        profile="Nonsense",
        seasonality="Office hours",
        complex_share="300%",
        patience_seconds=-5,
    )
    options = edit(option_rows(), 1, flexes_monthly="maybe")
    project = project_values(go_live="never")
    inputs, issues = run(
        version=1,
        channels=channels,
        options=options,
        project=project,
        profiles=profile_rows("Mine", {}),
    )
    assert flat(issues) == []
    assert inputs.template_version == 1
    assert inputs.project.go_live is None
    for ch in inputs.channels:
        assert (ch.profile, ch.seasonality, ch.patience_seconds) == (None, None, None)
        assert (ch.complex_share, ch.complex_aht_factor) == (0.0, 1.5)
    assert [o.flexes_monthly for o in inputs.options] == [False, False]
    assert (inputs.profiles, inputs.patterns) == ((), ())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_v1_fixtures_validate_clean_with_the_v1_defaults(lang):
    from pipeline.workbook import read_workbook

    for kind in ("example",):
        inputs, issues = validate(read_workbook(V1 / f"{kind}-{lang}.xlsx"), today=TODAY)
        assert flat(issues) == []
        assert (inputs.template_version, inputs.project.go_live) == (1, None)
        assert all(c.profile is None and c.seasonality is None for c in inputs.channels)
        assert all(c.patience_seconds is None and c.complex_share == 0 for c in inputs.channels)
        assert not any(o.flexes_monthly for o in inputs.options)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_v1_blank_templates_report_only_what_v1_reported(lang):
    from pipeline.workbook import read_workbook

    _, issues = validate(read_workbook(V1 / f"template-{lang}.xlsx"), today=TODAY)
    assert [i.code for i in issues] == [
        "missing-value",
        "no-channels",
        "no-options",
        "no-cost-lines",
    ]


# ------------------------------------------------------------------------------------ go-live
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, date(2026, 2, 1)),
        ("Mar 2027", date(2027, 3, 1)),
        ("Maret 2027", date(2027, 3, 1)),
        ("2027-03", date(2027, 3, 1)),
        ("15/03/2027", date(2027, 3, 1)),
        (date(2027, 3, 20), date(2027, 3, 1)),
    ],
    ids=["blank", "mon-yyyy", "id-month", "yyyy-mm", "a-date", "a-date-cell"],
)
def test_go_live_is_the_first_of_a_month(value, expected):
    inputs, issues = run(project=project_values(go_live=value))
    assert flat(issues) == []
    assert inputs.project.go_live == expected


def test_go_live_default_crosses_the_year():
    inputs, _ = run(project=project_values(report_date=date(2026, 12, 15)))
    assert inputs.project.go_live == date(2027, 1, 1)


# ------------------------------------------------------------------------------- resolution
@pytest.mark.parametrize(
    "name",
    ["Office hours", "office  HOURS", "Jam kantor", "jam kantor", "office_hours", "OfficeHours"],
    ids=["en", "spaces-case", "id", "id-lower", "code", "no-space"],
)
def test_builtin_profile_by_either_label_without_a_profiles_table(name):
    channels = edit(channel_rows(), 0, profile=name, hours_per_week=45)
    inputs, issues = run(channels=channels)
    assert flat(issues) == []
    profile = inputs.channels[0].profile
    assert (profile.name, profile.weights, profile.open_hours) == ("Office hours", office(), 45)


def test_builtin_takes_its_label_in_the_workbook_language():
    channels = edit(channel_rows(), 0, profile="Office hours", seasonality="Indonesian e-commerce")
    inputs, issues = run(channels=channels, lang="id")
    assert flat(issues) == []
    phone = inputs.channels[0]
    assert (phone.profile.name, phone.seasonality.name) == ("Jam kantor", "E-commerce Indonesia")


def test_workbook_row_wins_over_the_builtin_under_either_label():
    """The user edited the built-in Office hours (written in ID as "Jam kantor"): a channel that
    names it in English still gets the user's numbers."""
    mine = profile_rows("Jam kantor", dict.fromkeys(range(9, 17), 2))
    channels = edit(channel_rows(), 0, profile="Office hours", hours_per_week=None)
    inputs, issues = run(channels=channels, profiles=mine)
    assert flat(issues) == []
    phone = inputs.channels[0]
    assert phone.profile.name == "Jam kantor"
    assert phone.profile.open_hours == 8 * 7
    assert phone.hours_per_week == 56  # blank hours: the profile's open hours
    assert [p.name for p in inputs.profiles] == ["Jam kantor"]


def test_own_profile_weights_are_monday_first_168_hours():
    rows = profile_rows("Mine", {0: 1, 23: 3})
    rows[6]["h12"] = 9  # Sunday noon
    rows[2]["h05"] = None  # a blank weight is closed
    channels = edit(channel_rows(), 0, profile="mine", hours_per_week=None)
    inputs, issues = run(channels=channels, profiles=rows)
    assert flat(issues) == []
    w = inputs.channels[0].profile.weights
    assert len(w) == 168
    assert (w[0], w[23], w[24], w[6 * 24 + 12], w[6 * 24 + 11]) == (1, 3, 1, 9, 0)
    assert inputs.channels[0].profile.open_hours == 15
    assert inputs.channels[0].hours_per_week == 15


def test_missing_day_is_closed_with_a_warning_naming_the_days():
    rows = profile_rows("Weekdays", days=["Mon", "Tue", "Wed", "Thu", "Fri"])
    channels = edit(channel_rows(), 0, profile="Weekdays", hours_per_week=45)
    inputs, issues = run(channels=channels, profiles=rows)
    assert [(i.cell, i.code) for i in issues] == [("A5", "profile-day-missing")]
    assert "Sat, Sun" in issues[0].message
    w = inputs.channels[0].profile.weights
    assert sum(w[5 * 24 :]) == 0 and inputs.channels[0].profile.open_hours == 45


def test_days_by_full_name_in_either_language():
    days = ["Monday", "selasa", "Rab", "Kamis", "Jumat", "Saturday", "Minggu"]
    inputs, issues = run(profiles=profile_rows("Mine", days=days))
    assert flat(issues) == []
    assert inputs.profiles[0].open_hours == 9 * 7


def test_patterns_are_normalised_to_a_mean_of_one():
    months = dict(zip(schema.MONTH_KEYS, range(1, 13), strict=True))
    channels = edit(channel_rows(), 0, seasonality="Ramp")
    inputs, issues = run(channels=channels, patterns=[pattern_row("Ramp", **months)])
    assert flat(issues) == []
    factors = inputs.channels[0].seasonality.factors
    assert sum(factors) / 12 == pytest.approx(1.0)
    assert factors[0] == pytest.approx(1 / 6.5) and factors[-1] == pytest.approx(12 / 6.5)
    assert inputs.patterns == (inputs.channels[0].seasonality,)


def test_builtin_pattern_is_normalised_too():
    channels = edit(channel_rows(), 0, seasonality="E-commerce Indonesia")
    inputs, _ = run(channels=channels)
    months = schema.builtin_pattern("id_ecommerce").months
    mean = sum(months) / 12
    assert inputs.channels[0].seasonality.factors == pytest.approx([m / mean for m in months])


# ------------------------------------------------------------------------------------ messages
def test_unknown_profile_lists_the_table_and_the_builtins():
    channels = edit(channel_rows(), 0, profile="Night shift")
    _, issues = run(channels=channels, profiles=profile_rows("Mine"))
    (issue,) = issues
    assert issue.message.startswith("Demand!K5, column “Profile”: “Night shift” is neither")
    assert "Mine, Office hours, Retail extended, E-commerce 24/7, Flat 24/7" in issue.message
    assert "sheet Profiles" in issue.message


def test_messages_in_indonesian():
    channels = edit(
        channel_rows(), 0, profile="Jam kantor", hours_per_week=168, patience_seconds=-1
    )
    _, issues = run(channels=channels, lang="id", project=project_values(language="id"))
    assert [(i.code, i.message.split(":")[0]) for i in issues] == [
        ("hours-differ-from-profile", "Permintaan!E5, kolom “Jam per minggu”"),
        ("patience-not-positive", "Permintaan!O5, kolom “Kesabaran (detik)”"),
    ]
    assert "168 jam per minggu" in issues[0].message and "buka 45 jam" in issues[0].message


def test_hours_warning_names_both_numbers_and_says_the_profile_wins():
    channels = edit(channel_rows(), 0, profile="Office hours", hours_per_week=40)
    inputs, issues = run(channels=channels)
    (issue,) = issues
    assert "40 hours per week" in issue.message and "open 45 hours" in issue.message
    assert "The profile wins" in issue.message
    assert (
        inputs.channels[0].hours_per_week == 40
    )  # what the user typed; the model uses the profile


def test_all_zero_profile_names_the_volume():
    channels = edit(channel_rows(), 0, profile="Shut")
    _, issues = run(channels=channels, profiles=profile_rows("Shut", {}))
    assert "10,000 contacts a month" in issues[0].message


def test_errors_in_a_profile_do_not_cascade_to_the_channels_using_it():
    rows = edit(profile_rows("Mine"), 0, h10=-1)
    channels = edit(channel_rows(), 0, profile="Mine")
    inputs, issues = run(channels=channels, profiles=rows)
    assert inputs is None
    assert flat(issues) == [("Profiles", "M5", "negative-weight")]
    assert "profile “Mine” on Mon at 10:00" in issues[0].message


# ------------------------------------------------------------------------------------ robustness
@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    table=st.sampled_from(["profiles", "patterns", "channels"]),
    value=cell_values,
    data=st.data(),
)
def test_any_value_in_the_v2_cells_never_raises(table, value, data):
    profiles, patterns = profile_rows("Mine"), [pattern_row("Season")]
    channels = edit(channel_rows(), 0, profile="Mine", seasonality="Season")
    if table == "profiles":
        key = data.draw(st.sampled_from([c.key for c in schema.PROFILES.columns]))
        profiles = edit(profiles, data.draw(st.integers(0, 6)), **{key: value})
    elif table == "patterns":
        key = data.draw(st.sampled_from([c.key for c in schema.SEASONALITY.columns]))
        patterns = edit(patterns, 0, **{key: value})
    else:
        key = data.draw(
            st.sampled_from(
                ["profile", "seasonality", "complex_share", "complex_aht_factor"]
                + ["patience_seconds", "hours_per_week", "monthly_volume"]
            )
        )
        channels = edit(channels, 0, **{key: value})
    inputs, issues = run(profiles=profiles, patterns=patterns, channels=channels)
    assert (inputs is None) == any(i.is_error for i in issues)
    for issue in issues:
        assert issue.code in CODES_BY_NAME and issue.message
    if inputs is not None:
        phone = inputs.channels[0]
        assert phone.profile is None or len(phone.profile.weights) == 168
        assert phone.seasonality is None or sum(phone.seasonality.factors) == pytest.approx(12)
