"""Hybrids by routing (DESIGN §8): routings as values, each side staffed on its own routed traffic,
fixed lines by their hybrid rule, and the families per vendor."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from pipeline.model import hybrids, routing
from pipeline.model.engine import Engine
from pipeline.model.inputs import Channel, Option
from tests import model_fixtures
from tests.model_fixtures import line, tiny_inputs

TEAM = Option(
    name="In-house", type="in-house", already_running=True, shrinkage=0.0, paid_hours=100.0,
    attrition=0.0,
)  # fmt: skip
VENDOR = Option(name="Vendor", type="outsourced", shrinkage=0.0, paid_hours=100.0, attrition=0.0)
CHANNELS = (
    Channel(name="Phone", mode="live", monthly_volume=9000.0, aht_minutes=5.0, hours_per_week=168),
    Channel(name="Email", mode="deferred", monthly_volume=3000.0, aht_minutes=6.0, min_agents=0),
)


def per_contact_inputs(**kw):
    lines = (line("In-house", "per_contact", 20_000.0), line("Vendor", "per_contact", 15_000.0))
    inputs = tiny_inputs(lines, channels=CHANNELS, options=(TEAM, VENDOR), **kw)
    return replace(inputs, template_version=2)


def test_by_channel_hybrid_of_per_contact_costs_adds_up_exactly():
    """Issue 9: with every cost per contact, the vendor taking Email costs the baseline's cost of
    Phone plus the vendor's cost of Email, exactly."""
    engine = Engine(per_contact_inputs())
    r = routing.Routing(
        vendor="Vendor", rules=(routing.Rule(channels=("Email",)),), family="channel"
    )
    run = engine.routed(r)
    months = engine.months
    phone = np.r_[0.0, np.full(months, 9000.0 * 20_000.0)]
    email = np.r_[0.0, np.full(months, 3000.0 * 15_000.0)]
    assert run.total.tolist() == (phone + email).tolist()
    kept, taken = run.sides
    assert kept.contacts[1] == 9000.0 and taken.contacts[1] == 3000.0


def test_a_routing_of_everything_is_the_pure_vendor_and_of_nothing_the_baseline():
    inputs = model_fixtures.example_inputs_v2()
    engine = Engine(inputs)
    vendor = inputs.option("Vendor A")
    assert (
        engine.routed(routing.pure("Vendor A")).total.tolist() == engine.pure(vendor).total.tolist()
    )
    nothing = routing.Routing(vendor="Vendor A", rules=(routing.Rule(share=0.0),), family="uniform")
    assert engine.routed(nothing).total.tolist() == engine.pure(engine.baseline).total.tolist()


def test_after_hours_sides_split_the_week_and_keep_every_contact():
    inputs = model_fixtures.example_inputs_v2()
    engine = Engine(inputs)
    r = routing.Routing(
        vendor="Vendor B", rules=(routing.Rule(hours="after_hours"),), family="after_hours"
    )
    kept, taken = engine.routed(r).sides
    whole = engine.pure(engine.baseline).contacts
    assert (kept.contacts + taken.contacts) == pytest.approx(whole, rel=1e-12)
    phone = next(i for i, c in enumerate(inputs.channels) if c.name == "Phone")
    kept_week = kept.plan.rows[3 * phone].hourly.agents.reshape(7, 24)
    taken_week = taken.plan.rows[3 * phone].hourly.agents.reshape(7, 24)
    assert kept_week[0, 10] > 0 and kept_week[0, 22] == 0 and kept_week[6].sum() == 0
    assert taken_week[0, 10] == 0 and taken_week[0, 22] > 0 and taken_week[6].sum() > 0


def test_tier_hybrid_gives_each_side_its_own_handling_time():
    inputs = model_fixtures.example_inputs_v2()
    engine = Engine(inputs)
    r = routing.Routing(vendor="Vendor B", rules=(routing.Rule(tier="simple"),), family="tier")
    kept, taken = engine.routed(r).sides
    phone = next(c for c in inputs.channels if c.name == "Phone")
    vendor = inputs.option("Vendor B")
    kept_row = kept.plan.rows[0]
    taken_row = taken.plan.rows[0]
    assert kept_row.contacts_month == pytest.approx(
        phone.complex_share * taken_row.contacts_month / (1 - phone.complex_share)
    )
    assert kept_row.aht_minutes == pytest.approx(phone.aht_minutes * phone.complex_aht_factor)
    assert taken_row.aht_minutes == pytest.approx(phone.aht_minutes * vendor.aht_factor)


def test_fixed_lines_follow_their_hybrid_rule():
    lines = (
        line("In-house", "monthly", 1000.0, cost_type="facilities", in_hybrid="full"),
        line("In-house", "monthly", 3000.0, cost_type="supervision", in_hybrid="pro_rata"),
        line("In-house", "monthly", 5000.0, cost_type="exit_fee", in_hybrid="pure_only"),
        line("Vendor", "per_contact", 1.0),
    )
    inputs = replace(
        tiny_inputs(lines, channels=CHANNELS, options=(TEAM, VENDOR)), template_version=2
    )
    engine = Engine(inputs)
    kept, _taken = engine.routed(routing.uniform("Vendor", 0.5)).sides
    pure_hours = engine.pure(engine.baseline).sides[0].plan.hours.sum(axis=0)
    share = kept.plan.hours.sum(axis=0)[1] / pure_hours[1]
    assert 0 < share < 1
    assert kept.flows.total[1] == pytest.approx(1000.0 + 3000.0 * share)  # exit fee: pure only
    assert engine.pure(engine.baseline).total[1] == pytest.approx(9000.0)


def test_families_of_the_example():
    engine = Engine(model_fixtures.example_inputs_v2())
    found = hybrids.families(engine)
    kinds = {(v.routing.vendor, v.routing.family) for v in found}
    for vendor in ("Vendor A", "Vendor B"):
        for family in ("channel", "after_hours", "tier", "uniform"):
            assert (vendor, family) in kinds
    for v in found:
        assert v.pv_cost == pytest.approx(engine.pv(engine.routed(v.routing).total))


def test_results_json_lists_the_hybrids_with_words_in_both_languages():
    import json

    from pipeline.model import compute
    from pipeline.model.results import to_json

    data = json.loads(json.dumps(to_json(compute(model_fixtures.example_inputs_v2()))))
    by_id = {h["id"]: h for h in data["hybrids"]}
    after = by_id["after_hours:Vendor B"]
    assert after["family"] == "after_hours" and after["vendor"] == "Vendor B"
    assert after["description"]["en"] == (
        "Vendor B takes every channel outside business hours; In-house keeps the rest."
    )
    assert after["description"]["id"] == (
        "Vendor B menangani semua saluran di luar jam kerja; In-house menangani sisanya."
    )
    phone = next(r for r in after["routing"] if r["channel"] == "Phone")
    assert phone["simple_after_hours"] == phone["complex_after_hours"] == 1.0
    assert phone["simple_business"] == phone["complex_business"] == 0.0
    tier = next(r for r in by_id["tier:Vendor A"]["routing"] if r["channel"] == "Phone")
    assert (tier["simple_business"], tier["complex_business"]) == (1.0, 0.0)
    for h in data["hybrids"]:
        assert h["agents_kept"] > 0 and h["agents_vendor"] > 0
        assert h["npv"] == pytest.approx(
            sum(
                (b - x) / 1.1 ** (m / 12)
                for m, (b, x) in enumerate(
                    zip(data["options"][0]["monthly_cost"], h["monthly_cost"], strict=True)
                )
            ),
            rel=1e-9,
        )


def test_severance_per_fte_released_follows_the_team_that_leaves():
    """`per FTE released`: the running baseline team's FTE that a switch releases, charged once in
    the month after the parallel run; a hybrid releases only the part it does not keep."""
    vendor = replace(VENDOR, transition_months=2)
    lines = (
        line("In-house", "per_contact", 1.0),
        line("Vendor", "per_contact", 1.0),
        line("Vendor", "per_fte_released", 1000.0, cost_type="severance"),
    )
    inputs = replace(
        tiny_inputs(lines, channels=CHANNELS, options=(TEAM, vendor)), template_version=2
    )
    engine = Engine(inputs)
    team = engine.pure(engine.baseline).sides[0].plan.fte[:, 1]
    pure = engine.pure(vendor).sides[0]
    usage = pure.contacts  # 1 per contact
    severance = pure.flows.total - usage
    assert severance[3] == pytest.approx(1000.0 * team.sum())
    assert np.count_nonzero(severance) == 1  # once, in month 3 (after 2 months of parallel run)
    kept, taken = engine.routed(
        routing.Routing(vendor="Vendor", rules=(routing.Rule(channels=("Email",)),))
    ).sides
    hybrid_severance = taken.flows.total - taken.contacts
    released = team.sum() - kept.plan.fte[:, 1].sum()
    assert hybrid_severance[3] == pytest.approx(1000.0 * released)
    assert 0 < released < team.sum()
    not_running = replace(inputs, options=(replace(TEAM, already_running=False), vendor))
    none = Engine(not_running).pure(vendor).sides[0]
    assert (none.flows.total - none.contacts).sum() == 0.0  # no running team, nothing released


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_BASE_V2 = model_fixtures.example_inputs_v2()
_PURE = {o.name: Engine(_BASE_V2).pure(o).total.tolist() for o in _BASE_V2.options}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["", "full", "pro_rata", "pure_only"]),
                min_size=len(_BASE_V2.costs), max_size=len(_BASE_V2.costs)))  # fmt: skip
def test_a_pure_option_is_charged_exactly_as_before_whatever_in_a_hybrid_says(rules):
    """DESIGN §8 property: `In a hybrid` only matters on a side of a hybrid."""
    costs = tuple(replace(c, in_hybrid=r) for c, r in zip(_BASE_V2.costs, rules, strict=True))
    engine = Engine(replace(_BASE_V2, costs=costs))
    for option in _BASE_V2.options:
        assert engine.pure(option).total.tolist() == _PURE[option.name]
