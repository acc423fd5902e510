"""Evaluate an option, or a hybrid split, under a scenario: staffing -> drivers -> cash flows.

The per-option line books are built once; each (option, share, scenario) side is cached, so the
hybrid curves and the sensitivity cases re-use what the base case already computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import routing
from .costs import (
    CATEGORIES,
    HYBRID_RULES,
    LABOUR,
    SETUP,
    CashFlows,
    LineBook,
    build_book,
    cash_flows,
    driver_matrix,
    escalation_matrix,
)
from .finance import present_value
from .inputs import Inputs, Option
from .staffing import MAX_SHRINKAGE, StaffingPlan, staff_option

SHARE_STEPS = 10
"""Hybrid shares are k / SHARE_STEPS of every channel, k = 0..SHARE_STEPS (0%, 10%, ... 100%)."""


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """Changes to the inputs for one sensitivity case; the default is the base case."""

    volume: float = 1.0
    """Multiplier of every channel's volume."""
    aht: float = 1.0
    """Multiplier of every handling time."""
    inhouse_labour: float = 1.0
    """Multiplier of the money amounts of in-house options' labour lines."""
    vendor_price: float = 1.0
    """Multiplier of every money amount of outsourced options (and their minimum fee)."""
    shrinkage_pp: float = 0.0
    """Added to in-house options' shrinkage (clipped to 0..95%)."""
    attrition_pp: float = 0.0
    """Added to in-house options' attrition (not below 0)."""
    wage_inflation: float | None = None
    """Replaces the project's wage inflation."""
    discount_rate: float | None = None
    """Replaces the project's discount rate."""


BASE = Scenario()


@dataclass(frozen=True, kw_only=True)
class Side:
    """One option handling `share` of every channel under one scenario."""

    option: Option
    share: float
    plan: StaffingPlan
    fte: np.ndarray
    """(M+1,) total FTE per month (0 in month 0)."""
    contacts: np.ndarray
    """(M+1,) contacts handled per month."""
    flows: CashFlows
    drivers: np.ndarray | None = None
    """The driver rows the lines were charged on (`costs.driver_index`), for the per-line flows."""


@dataclass(frozen=True, kw_only=True)
class Run:
    """Monthly cost of one candidate (a pure option or a hybrid split), parallel run included."""

    by_category: np.ndarray
    """(K, M+1); the parallel run is inside `setup`."""
    parallel_run: np.ndarray
    one_time: np.ndarray
    """The candidate's own one-time lines (for a hybrid: the vendor side's)."""
    contacts: np.ndarray
    fte: np.ndarray
    sides: tuple[Side, ...]

    @property
    def total(self) -> np.ndarray:
        return self.by_category.sum(axis=0)


class Engine:
    """Holds the inputs, the line books and the caches of one `compute` call."""

    def __init__(self, inputs: Inputs) -> None:
        self.inputs = inputs
        self.months = inputs.project.horizon_months
        by_option: dict[str, list] = {o.name: [] for o in inputs.options}
        for line in inputs.costs:
            if line.option in by_option:
                by_option[line.option].append(line)
        self.lines = by_option
        self.books: dict[str, LineBook] = {
            name: build_book(
                name,
                lines,
                inputs.channels,
                self.months,
                inputs.template_version,
                outsourced=inputs.option(name).outsourced,
            )
            for name, lines in by_option.items()
        }
        self.baseline = inputs.baseline
        self._sides: dict[tuple, Side] = {}
        self._plans: dict[tuple, StaffingPlan] = {}
        self._months: dict = {}
        """Solved monthly staffing per (channel, handling time, volume), shared by all plans."""
        self._esc: dict[tuple, np.ndarray] = {}
        self._fractions: dict[routing.Routing, np.ndarray] = {}

    # ------------------------------------------------------------------------------ scenario
    def discount_rate(self, sc: Scenario) -> float:
        p = self.inputs.project
        return p.discount_rate if sc.discount_rate is None else sc.discount_rate

    def escalation(self, sc: Scenario) -> np.ndarray:
        p = self.inputs.project
        wage = p.wage_inflation if sc.wage_inflation is None else sc.wage_inflation
        key = (wage, p.vendor_escalation, p.general_inflation)
        if key not in self._esc:
            self._esc[key] = escalation_matrix(
                self.months, wage=wage, vendor=p.vendor_escalation, general=p.general_inflation
            )
        return self._esc[key]

    def pv(self, series: np.ndarray, sc: Scenario = BASE) -> float:
        return present_value(series, self.discount_rate(sc))

    # --------------------------------------------------------------------------------- sides
    def side(self, option: Option, k: int = SHARE_STEPS, sc: Scenario = BASE, *, part=None) -> Side:
        """`option` handling k / SHARE_STEPS of every channel (k = SHARE_STEPS: the pure option),
        or, given `part` = (routing, role), the vendor's part of a routing (role `vendor`) or the
        baseline's rest of it (role `kept`)."""
        if part is None and k == SHARE_STEPS:
            part_key = None
        elif part is None:
            part_key = (routing.uniform(option.name, k / SHARE_STEPS), "vendor")
        else:
            part_key = part
        key = (option.name, part_key, sc)
        cached = self._sides.get(key)
        if cached is not None:
            return cached
        fraction = None
        share = 1.0
        if part_key is not None:
            the_routing, role = part_key
            if part is None:  # v1's uniform share: exactly v1's arithmetic
                share = the_routing.rules[0].share
            else:
                fraction = self._fraction(the_routing)
                if role == "kept":
                    fraction = 1.0 - fraction
        inhouse = not option.outsourced
        shrinkage = option.shrinkage
        attrition = option.attrition
        scale = np.ones(len(CATEGORIES))
        fee = option.minimum_monthly_fee
        if inhouse:
            shrinkage = min(max(shrinkage + sc.shrinkage_pp, 0.0), MAX_SHRINKAGE)
            attrition = max(attrition + sc.attrition_pp, 0.0)
            scale[LABOUR] = sc.inhouse_labour
        else:  # the vendor-price driver flexes what the vendor charges, and its minimum fee
            fee *= sc.vendor_price
        # Prices, rates and attrition leave the staffing as it is: plans are shared between the
        # scenarios that change only those.
        plan_key = (option.name, part_key, sc.volume, sc.aht, shrinkage)
        plan = self._plans.get(plan_key)
        if plan is None:
            plan = staff_option(
                self.inputs,
                option,
                share=share,
                volume_factor=sc.volume,
                aht_factor=sc.aht,
                shrinkage=shrinkage,
                memo=self._months,
                fraction=fraction,
            )
            self._plans[plan_key] = plan
        released = None
        if self.books[option.name].has_released:
            released = self._released(option, part_key, sc, plan)
        drivers = driver_matrix(
            plan,
            self.months,
            attrition=attrition,
            already_running=option.already_running,
            released=released,
        )
        rules = None
        if part_key is not None:
            rules, fee = self._hybrid_charges(option, plan, sc, fee)
        flows = cash_flows(
            self.books[option.name],
            drivers,
            self.escalation(sc),
            category_scale=scale,
            minimum_fee=fee,
            rule_scale=rules,
            vendor_scale=1.0 if inhouse else sc.vendor_price,
        )
        side = Side(
            option=option,
            share=share,
            plan=plan,
            fte=plan.fte.sum(axis=0),
            contacts=plan.contacts.sum(axis=0),
            flows=flows,
            drivers=drivers,
        )
        self._sides[key] = side
        return side

    def _released(self, option: Option, part_key, sc: Scenario, plan) -> np.ndarray:
        """(C, M+1) FTE of the running baseline team released when `option` takes over: the
        baseline's month-1 team less what it keeps (a hybrid's kept side, or nothing), counted
        once, in the month after the transition (parallel run) ends. Nothing when the baseline is
        not already running, or for the baseline itself run alone (DESIGN §8 `per FTE released`)."""
        out = np.zeros((len(self.inputs.channels), self.months + 1))
        base = self.baseline
        if not base.already_running or self.months < 1:
            return out
        if option.name == base.name and part_key is None:
            return out
        team = self.side(base, SHARE_STEPS, sc).plan.fte[:, 1]
        if option.name == base.name:
            kept = plan.fte[:, 1]
            mover = self.inputs.option(part_key[0].vendor) if part_key[0].vendor else option
        elif part_key is None:
            kept = np.zeros_like(team)
            mover = option
        else:
            kept = self.side(base, sc=sc, part=(part_key[0], "kept")).plan.fte[:, 1]
            mover = option
        month = min(max(mover.transition_months, 0), self.months - 1) + 1
        if mover.transition_months >= self.months:
            return out
        out[:, month] = np.maximum(team - kept, 0.0)
        return out

    def _fraction(self, the_routing: routing.Routing) -> np.ndarray:
        cached = self._fractions.get(the_routing)
        if cached is None:
            cached = routing.vendor_fraction(the_routing, self.inputs)
            self._fractions[the_routing] = cached
        return cached

    def _hybrid_charges(self, option: Option, plan, sc: Scenario, fee: float):
        """(rule scale, minimum fee) of a side of a hybrid (DESIGN §8): fixed lines in full on a
        side that handles anything, pro rata to its share of the option's workload (agent hours
        against the pure option's, month by month), or only when pure; the minimum fee pro rata.
        A v1 workbook keeps v1's convention: every fixed line and the fee in full on both sides."""
        n = self.months + 1
        if self.inputs.template_version < 2:
            return None, fee
        whole = self.side(option, SHARE_STEPS, sc).plan.hours.sum(axis=0)
        mine = plan.hours.sum(axis=0)
        workload = np.clip(np.divide(mine, whole, out=np.zeros(n), where=whole > 0), 0.0, 1.0)
        rules = np.ones((len(HYBRID_RULES), n))
        rules[HYBRID_RULES.index("pro_rata")] = workload
        rules[HYBRID_RULES.index("pure_only")] = 0.0
        return rules, fee * workload

    def _parallel_run(self, option: Option, sc: Scenario, kept: Side | None) -> np.ndarray:
        """The baseline's running cost carried beside `option` in months 1..T.

        While `option` takes over, the baseline keeps handling the whole volume; when part of the
        baseline stays anyway (a hybrid), only the difference to that kept part is extra.
        """
        out = np.zeros(self.months + 1)
        t = min(option.transition_months, self.months)
        if t <= 0 or option.name == self.baseline.name:
            return out
        if self.inputs.template_version >= 2 and not self.baseline.already_running:
            return out  # v2: nothing runs beside the new option unless the baseline already runs
        full = self.side(self.baseline, SHARE_STEPS, sc).flows.running
        out[1 : t + 1] = full[1 : t + 1]
        if kept is not None:
            out[1 : t + 1] -= kept.flows.running[1 : t + 1]
        return out

    # ------------------------------------------------------------------------------ candidates
    def pure(self, option: Option, sc: Scenario = BASE) -> Run:
        side = self.side(option, SHARE_STEPS, sc)
        pr = self._parallel_run(option, sc, None)
        by_cat = side.flows.by_category.copy()
        by_cat[SETUP] += pr
        return Run(
            by_category=by_cat,
            parallel_run=pr,
            one_time=side.flows.one_time,
            contacts=side.contacts,
            fte=side.fte,
            sides=(side,),
        )

    def hybrid(self, vendor: Option, k: int, sc: Scenario = BASE) -> Run:
        """Baseline on (1 - s) of every channel + `vendor` on s, s = k / SHARE_STEPS (v1's curve).

        A side with no share carries nothing (not even its fixed lines), so k = 0 is the pure
        baseline and k = SHARE_STEPS the pure vendor, parallel run included, exactly.
        """
        if k <= 0:
            return self.pure(self.baseline, sc)
        if k >= SHARE_STEPS:
            return self.pure(vendor, sc)
        if self.inputs.template_version < 2:  # v1: exactly v1's arithmetic
            kept = self.side(self.baseline, SHARE_STEPS - k, sc)
            return self._combine(vendor, kept, self.side(vendor, k, sc), sc)
        return self.routed(routing.uniform(vendor.name, k / SHARE_STEPS), sc)

    def routed(self, the_routing: routing.Routing, sc: Scenario = BASE) -> Run:
        """The baseline keeps what `the_routing` does not send to its vendor; each side staffed on
        its own routed traffic hour by hour and charged by the hybrid rules. A routing that sends
        everything is the pure vendor (parallel run included), exactly."""
        vendor = self.inputs.option(the_routing.vendor)
        fraction = self._fraction(the_routing)
        if np.all(fraction >= 1.0):
            return self.pure(vendor, sc)
        if not np.any(fraction > 0.0):
            return self.pure(self.baseline, sc)
        kept = self.side(self.baseline, sc=sc, part=(the_routing, "kept"))
        taken = self.side(vendor, sc=sc, part=(the_routing, "vendor"))
        return self._combine(vendor, kept, taken, sc)

    def _combine(self, vendor: Option, kept: Side, taken: Side, sc: Scenario) -> Run:
        n = self.months + 1
        by_cat = kept.flows.by_category + taken.flows.by_category
        pr = self._parallel_run(vendor, sc, kept)
        by_cat = by_cat.copy()
        by_cat[SETUP] += pr
        return Run(
            by_category=by_cat,
            parallel_run=pr,
            one_time=taken.flows.one_time if n else taken.flows.one_time,
            contacts=kept.contacts + taken.contacts,
            fte=kept.fte + taken.fte,
            sides=(kept, taken),
        )

    def vendors(self) -> tuple[Option, ...]:
        """Outsourced options other than the baseline: each gets a hybrid curve."""
        return tuple(
            o for o in self.inputs.options if o.outsourced and o.name != self.baseline.name
        )
