"""Demand by hour of the week and month of the year, and how it is staffed (DESIGN §8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from pipeline.model import demand
from pipeline.model.inputs import Channel, Option
from pipeline.model.staffing import solve_agents, staff_option
from tests import model_fixtures
from tests.model_fixtures import tiny_inputs

WPM = 52.0 / 12.0


builtin = model_fixtures.builtin_profile
pattern = model_fixtures.builtin_pattern


PHONE = Channel(
    name="Phone",
    mode="live",
    monthly_volume=14000.0,
    aht_minutes=6.5,
    hours_per_week=168,
    service_level=0.8,
    answer_seconds=20,
    max_occupancy=0.85,
    min_agents=1,
)
TEAM = Option(
    name="In-house",
    type="in-house",
    already_running=True,
    shrinkage=0.0,
    paid_hours=100.0,
    attrition=0.0,
)


def inputs_with(channel: Channel, option: Option = TEAM, **project):
    return tiny_inputs(channels=(channel,), options=(option,), **project)


# ------------------------------------------------------------------------------ placing the week
@pytest.mark.parametrize(
    ("hours", "first_open", "last_open", "days"),
    [
        pytest.param(45, 8, 16, 5, id="45h-mon-fri-08-17"),
        pytest.param(84, 8, 19, 7, id="84h-daily-08-20"),
        pytest.param(168, 0, 23, 7, id="24-7"),
    ],
)
def test_channel_without_profile_is_placed_on_the_week_by_one_rule(
    hours, first_open, last_open, days
):
    week = demand.flat_week(hours).reshape(7, 24)
    assert week.sum() == pytest.approx(hours)
    assert (week[:days].sum(axis=1) > 0).all() and (week[days:] == 0).all()
    monday = np.flatnonzero(week[0])
    assert (monday[0], monday[-1]) == (first_open, last_open)


def test_part_hours_open_part_way():
    week = demand.flat_week(47.5).reshape(7, 24)
    assert week.sum() == pytest.approx(47.5)
    assert week[0, 17] == pytest.approx(0.5)  # 9.5 h a day from 08:00


def test_builtin_profiles_are_what_design_says():
    office = builtin("office_hours")
    week = np.array(office.weights).reshape(7, 24)
    assert office.open_hours == 45
    assert (week[5:] == 0).all() and np.flatnonzero(week[0]).tolist() == list(range(8, 17))
    assert builtin("retail_extended").open_hours == 98
    assert builtin("ecommerce_24_7").open_hours == builtin("flat_24_7").open_hours == 168
    ecom = np.array(builtin("ecommerce_24_7").weights).reshape(7, 24)
    assert ecom[0].argmax() in (20, 21) and ecom[0].argmin() in (3, 4)  # evening peak, quiet night


# ------------------------------------------------------------------------------ staffing per hour
def test_flat_profile_staffs_exactly_like_v1_round_the_clock():
    v1 = staff_option(inputs_with(PHONE), TEAM)
    v2 = staff_option(inputs_with(replace(PHONE, profile=builtin("flat_24_7"))), TEAM)
    assert v2.hours[0, 1] == pytest.approx(v1.hours[0, 1], rel=1e-12)
    assert v2.rows[0].peak_agents == v1.rows[0].peak_agents == v1.rows[0].erlang.agents


def test_each_hour_gets_its_own_erlang_c_and_staffed_hours_add_up():
    channel = replace(PHONE, profile=builtin("ecommerce_24_7"))
    plan = staff_option(inputs_with(channel), TEAM)
    row = plan.rows[0]
    h = row.hourly
    assert h.contacts.sum() == pytest.approx(14000.0 / WPM)
    aht_s = 6.5 * 60
    for k in (3, 12, 20, 150):
        traffic = h.contacts[k] * 6.5 / 60
        expected = solve_agents(
            traffic,
            aht_seconds=aht_s,
            answer_seconds=20.0,
            target=0.8,
            max_occupancy=0.85,
            min_agents=1,
        )
        assert h.agents[k] == expected.agents
        assert h.service_level[k] == pytest.approx(expected.service_level, rel=1e-12)
    assert row.staffed_hours_month == pytest.approx(h.agents.sum() * WPM)
    assert plan.hours[0, 1] == pytest.approx(h.agents.sum() * WPM)
    assert row.peak_agents == h.agents.max() > row.agents_on_duty
    assert row.worst_hour_service_level == pytest.approx(np.nanmin(h.service_level))
    assert row.abandonment is None


def test_the_v1_average_hour_hides_the_peak():
    """The issue's point: on the average hour the phone looks fine; the busiest hour needs more."""
    v1 = staff_option(inputs_with(PHONE), TEAM).rows[0]
    v2 = staff_option(inputs_with(replace(PHONE, profile=builtin("ecommerce_24_7"))), TEAM).rows[0]
    assert v2.peak_agents > v1.erlang.agents
    busiest = int(np.argmax(v2.hourly.contacts))
    assert v2.hourly.contacts[busiest] > 1.7 * v2.hourly.contacts.mean()


def test_closed_hours_have_nobody_and_open_hours_the_floor():
    channel = replace(PHONE, monthly_volume=0.0, profile=builtin("office_hours"), min_agents=2)
    row = staff_option(inputs_with(channel), TEAM).rows[0]
    week = row.hourly.agents.reshape(7, 24)
    assert (week[5:] == 0).all() and week[0, 8] == 2 and week[0, 7] == 0
    assert row.staffed_hours_month == pytest.approx(2 * 45 * WPM)


def test_patience_brings_abandonment_and_fewer_agents():
    ecom = replace(PHONE, profile=builtin("ecommerce_24_7"))
    c = staff_option(inputs_with(ecom), TEAM).rows[0]
    a = staff_option(inputs_with(replace(ecom, patience_seconds=90.0)), TEAM).rows[0]
    assert a.abandonment is not None and 0 < a.abandonment < 0.2
    assert a.hourly.abandonment is not None
    assert a.staffed_hours_month <= c.staffed_hours_month


def test_complex_contacts_pool_their_handling_time():
    ch = replace(PHONE, complex_share=0.2, complex_aht_factor=2.0)
    assert ch.pooled_aht_factor == pytest.approx(1.2)
    plan = staff_option(inputs_with(ch), TEAM)
    assert plan.rows[0].aht_minutes == pytest.approx(6.5 * 1.2)
    assert plan.minutes[0, 1] == pytest.approx(14000 * 6.5 * 1.2)
    assert [t.code for t in demand.tiers(ch)] == ["simple", "complex"]
    assert sum(t.share for t in demand.tiers(ch)) == pytest.approx(1.0)


def test_deferred_channel_with_profile_has_a_floor_over_its_open_hours():
    email = Channel(
        name="Email",
        mode="deferred",
        monthly_volume=0.0,
        aht_minutes=8.0,
        hours_per_week=168,  # disagrees with the profile: the profile wins
        min_agents=1,
        profile=builtin("office_hours"),
    )
    plan = staff_option(inputs_with(email), TEAM)
    assert plan.hours[0, 1] == pytest.approx(45 * WPM)


# -------------------------------------------------------------------------------------- seasons
def test_seasonality_follows_the_calendar_from_go_live():
    ch = replace(PHONE, seasonality=pattern("id_ecommerce"), mode="deferred", min_agents=0)
    inputs = inputs_with(ch, go_live=date(2026, 11, 1))
    plan = staff_option(inputs, TEAM)
    f = np.array(ch.seasonality.factors)
    assert f.mean() == pytest.approx(1.0)
    # month 1 is November, month 2 December, month 3 January
    assert plan.contacts[0, 1:4].tolist() == pytest.approx((14000 * f[[10, 11, 0]]).tolist())
    assert plan.contacts[0, 1:13].sum() == pytest.approx(12 * 14000)


def test_option_that_does_not_flex_staffs_the_busiest_month_all_year():
    ch = replace(PHONE, seasonality=pattern("id_ecommerce"), profile=builtin("ecommerce_24_7"))
    inputs = inputs_with(ch, go_live=date(2027, 1, 1))
    fixed = staff_option(inputs, TEAM)
    flex = staff_option(inputs, replace(TEAM, flexes_monthly=True))
    assert np.all(fixed.hours[0, 1:13] == fixed.hours[0, 1])
    assert fixed.hours[0, 1] == pytest.approx(flex.hours[0, 1:13].max())
    assert flex.hours[0, 1:13].min() < flex.hours[0, 1:13].max()
    assert fixed.rows[0].month == 12  # December is the busiest month of the pattern
    # the contacts are the same either way: only the staffing differs
    assert fixed.contacts.tolist() == flex.contacts.tolist()


def test_go_live_defaults_to_the_month_after_the_report():
    inputs = tiny_inputs(report_date=date(2026, 12, 1))
    assert demand.go_live(inputs.project) == date(2027, 1, 1)
    assert demand.calendar_months(inputs.project)[1] == 0


def _meets(ch: Channel, agents: int, traffic: float, aht_s: float) -> bool:
    """Service level and occupancy of `agents` on one hour's traffic: Erlang C (the v1 scalar
    formula) or Erlang A (checked against independent references in test_queues)."""
    from pipeline.model.queues import erlang_a
    from pipeline.model.staffing import service_level

    if ch.patience_seconds is None:
        return (
            agents > traffic
            and service_level(agents, traffic, aht_s, ch.answer_seconds) >= ch.service_level - 1e-12
            and traffic / agents <= ch.max_occupancy
        )
    m = erlang_a(
        np.array([agents]),
        np.array([traffic]),
        aht_seconds=aht_s,
        patience_seconds=ch.patience_seconds,
        answer_seconds=ch.answer_seconds,
    )
    return (
        m.service_level[0] >= ch.service_level - 1e-12
        and m.occupancy[0] <= ch.max_occupancy + 1e-12
    )


def test_every_hour_of_the_example_gets_the_fewest_agents_that_meet_the_target():
    """DESIGN §8 / issue 8: from results.json's staffing_by_hour alone (contacts and agents), each
    open hour's agents meet the service level and the occupancy cap, and one agent fewer would not
    (unless the count is the channel's floor)."""
    import json

    from pipeline.model import compute
    from pipeline.model.results import to_json
    from tests.model_fixtures import example_inputs_v2

    inputs = example_inputs_v2()
    data = json.loads(json.dumps(to_json(compute(inputs))))
    channels = {c.name: c for c in inputs.channels}
    options = {o.name: o for o in inputs.options}
    checked = 0
    for week in data["staffing_by_hour"]:
        ch = channels[week["channel"]]
        aht = ch.aht_minutes * ch.pooled_aht_factor * options[week["option"]].aht_factor
        aht_s = aht * 60 / ch.concurrency
        assert len(week["agents"]) == len(week["contacts"]) == 168
        for k in range(168):
            n, contacts = int(week["agents"][k]), week["contacts"][k]
            if week["service_level"][k] is None:
                assert n == 0 and contacts == 0
                continue
            traffic = contacts * aht_s / 3600

            assert _meets(ch, n, traffic, aht_s), (week["option"], ch.name, week["year"], k)
            assert n == ch.min_agents or not _meets(ch, n - 1, traffic, aht_s), (ch.name, k)
            checked += 1
    assert checked > 3 * 2 * 3 * 160  # options x live channels x years x open hours
