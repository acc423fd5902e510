"""Fuzzing (issue 10): mutated example workbooks — XML parts and zip structure — always get a clear
answer: exit 0, 1 or 2, JSON on stdout, never an internal error. Mutants are small by
construction (tests/fuzz_workbooks.py), so no timing threshold is needed; `python -m
tests.fuzz_workbooks N` runs a longer pass (docs/robustness.md)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz_workbooks import mutants, run_once


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=mutants())
def test_every_mutant_gets_a_clear_answer(tmp_path_factory, raw):
    code, outcome = run_once(raw, tmp_path_factory.mktemp("fuzz") / "mutant.xlsx")
    assert code in (0, 1, 2), outcome
    assert outcome in ("valid", "errors", "unusable"), outcome
