"""Per-line cash flows: an option's cost split back into its lines adds up to the model's figures."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from pipeline.model import compute
from pipeline.model.costs import CATEGORIES
from pipeline.model.lines import LINE, PARALLEL, REST, TOPUP, line_flows
from tests.model_fixtures import example_inputs, example_inputs_v2, line, tiny_inputs


def _by_category(flows, option: str, months: int) -> np.ndarray:
    out = np.zeros((len(CATEGORIES), months + 1))
    for f in flows:
        if f.option == option:
            out[CATEGORIES.index(f.category)] += f.monthly
    return out


def _assert_adds_up(inputs) -> list:
    results = compute(inputs)
    flows = line_flows(inputs)
    assert [f for f in flows if f.kind == REST] == []
    for o in results.options:
        split = _by_category(flows, o.name, results.horizon_months)
        for k, cat in enumerate(CATEGORIES):
            assert split[k].sum() == pytest.approx(o.by_category[cat], rel=1e-9, abs=1e-6)
        assert split.sum(axis=0) == pytest.approx(o.monthly_cost, rel=1e-9, abs=1e-6)
    return flows


@pytest.mark.parametrize(
    "make", [example_inputs, example_inputs_v2], ids=["example-v1-shape", "example-v2"]
)
def test_lines_add_up_to_every_category_and_month(make):
    flows = _assert_adds_up(make())
    kinds = {f.kind for f in flows}
    assert LINE in kinds and PARALLEL in kinds  # Vendor A's transition carries the baseline
    # one row per input line, in the workbook's order, plus the computed parts
    assert sum(f.kind == LINE for f in flows) == len(make().costs)


def test_minimum_fee_top_up_and_percent_lines_are_their_own_rows():
    inputs = tiny_inputs(
        [
            line("In-house", "per_contact", 100.0, category="technology"),
            line("In-house", "pct_labour", 0.25, category="labour"),
            line("In-house", "pct_other", 0.10, category="hidden"),
            line("In-house", "one_time", 5_000.0, start_month=0, category="setup"),
        ]
    )
    opt = replace(inputs.options[0], minimum_monthly_fee=250_000.0)
    inputs = replace(inputs, options=(opt,))
    flows = _assert_adds_up(inputs)
    topup = [f for f in flows if f.kind == TOPUP]
    assert [f.category for f in topup] == ["technology"]
    # 1,000 contacts x 100 = 100,000 a month against a 250,000 floor
    assert topup[0].monthly[1] == pytest.approx(150_000.0)
    pct_other = next(f for f in flows if f.basis == "pct_other")
    # 10% of the recurring lines (250,000 with the top-up), not of the one-time 5,000
    assert pct_other.monthly[1] == pytest.approx(25_000.0)
