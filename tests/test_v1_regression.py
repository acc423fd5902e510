"""Version 1 workbooks keep giving exactly their version 1 figures (DESIGN §8).

The fixtures in tests/fixtures/v1/ are the shipped v1 examples (EN and ID) and the results.json
that version 1 of the pipeline wrote for them, pinned before template version 2 existed. Every
number they hold must come out the same (relative 1e-9); keys that results@2 adds are ignored,
keys of v1 must all still be there with their v1 meaning.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from pipeline.flow import compute_workbook, results_json_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
IGNORED = {"schema"}
"""The schema id is the one key whose value changes on purpose (results@1 -> results@2)."""
DECISION = (
    ".comparisons[].investment",
    ".comparisons[].roi",
    ".comparisons[].irr",
    ".sensitivity[]",
    ".sensitivity_summary",
    ".recommendation",
)
"""What DESIGN §8 "The decision" changes for every workbook, v1 included, because v1's answers were
wrong, not merely different: investment is the peak cash exposure (so ROI follows it), an IRR only
exists when the savings change sign once, the vendor-price driver flexes only what the vendor
charges (so the tornado, its break-evens and the robustness flags move), and the recommendation
ranks on the cost-quality front. Every cost, staffing, saving, NPV and payback figure of a v1
workbook stays exactly as v1 gave it (docs/decisions.md)."""


KEYED = {".comparisons": "option"}
"""Lists compared by a key rather than by position (results@2 adds entries to them)."""


def _exempt(path: str) -> bool:
    generic = re.sub(r"\[[^\]]+\]", "[]", path)
    return any(generic == d or generic.startswith(d + ".") or generic.startswith(d + "[")
               for d in DECISION)  # fmt: skip


def _compare(old, new, path: str, problems: list[str]) -> None:
    if _exempt(path):
        return
    if isinstance(old, dict):
        if not isinstance(new, dict):
            problems.append(f"{path}: was an object, now {type(new).__name__}")
            return
        for key, value in old.items():
            if path == "" and key in IGNORED:
                continue
            if key not in new:
                problems.append(f"{path}.{key}: missing")
                continue
            _compare(value, new[key], f"{path}.{key}", problems)
    elif isinstance(old, list) and path in KEYED:
        # v2 adds the hybrid candidates' comparisons: v1's entries must all be there, unchanged
        by_key = {item[KEYED[path]]: item for item in new} if isinstance(new, list) else {}
        for item in old:
            key = item[KEYED[path]]
            if key not in by_key:
                problems.append(f"{path}[{key}]: missing")
            else:
                _compare(item, by_key[key], f"{path}[{key}]", problems)
    elif isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            problems.append(f"{path}: list of {len(old)} is now {new!r:.80}")
            return
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _compare(a, b, f"{path}[{i}]", problems)
    elif isinstance(old, bool) or old is None or isinstance(old, str):
        if old != new:
            problems.append(f"{path}: {old!r} is now {new!r}")
    elif isinstance(old, int | float):
        if (
            not isinstance(new, int | float)
            or isinstance(new, bool)
            or not math.isclose(old, new, rel_tol=1e-9, abs_tol=1e-9)
        ):
            problems.append(f"{path}: {old!r} is now {new!r}")
    else:  # pragma: no cover - JSON has no other types
        problems.append(f"{path}: unexpected {type(old).__name__}")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_v1_example_gives_its_v1_figures(lang):
    pinned = json.loads((FIXTURES / f"example-{lang}.results.json").read_text(encoding="utf-8"))
    results = compute_workbook(FIXTURES / f"example-{lang}.xlsx")
    now = json.loads(results_json_bytes(results))
    problems: list[str] = []
    _compare(pinned, now, "", problems)
    assert not problems, "\n".join(problems[:40])


def test_compare_notices_a_changed_figure():
    """The comparison itself can fail: a figure off by more than 1e-9 relative is reported."""
    problems: list[str] = []
    _compare({"a": [1.0, {"b": 2.0}]}, {"a": [1.0, {"b": 2.000001}]}, "", problems)
    assert problems == [".a[1].b: 2.0 is now 2.000001"]
    problems = []
    _compare({"a": 1.0, "c": None}, {"a": 1.0 + 1e-12, "c": None, "new": 3}, "", problems)
    assert problems == []
    problems = []
    old = {"comparisons": [{"option": "B", "npv": 1.0, "roi": 2.0}]}
    new = {"comparisons": [{"option": "H", "npv": 9.0}, {"option": "B", "npv": 1.5, "roi": 3.0}]}
    _compare(old, new, "", problems)
    assert problems == [".comparisons[B].npv: 1.0 is now 1.5"]  # roi is a decision figure
