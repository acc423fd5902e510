"""`pipeline.load`: the results as DataFrames for analysts; pandas stays out of the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pipeline
from pipeline.issues import InvalidWorkbook
from pipeline.model.results import Results
from tests.conftest import ROOT, example_path


@pytest.fixture(scope="module")
def analysis():
    return pipeline.load(example_path("en"))


def test_load_gives_typed_results_issues_and_dataframes(analysis):
    import pandas as pd

    assert isinstance(analysis.results, Results)
    assert isinstance(analysis.issues, tuple)
    for name in ("cash_flows", "monthly", "annual", "options", "staffing", "staffing_by_hour",
                 "comparisons", "hybrids", "hybrid_curves", "sensitivity"):  # fmt: skip
        frame = getattr(analysis, name)
        assert isinstance(frame, pd.DataFrame) and len(frame) > 0, name
    assert list(analysis.cash_flows.columns) == [
        "option", "month", "year", "category", "kind", "cost_type", "item", "basis", "channel",
        "row", "line", "amount",
    ]  # fmt: skip


def test_dataframes_hold_the_report_figures(analysis):
    r = analysis.results
    totals = analysis.cash_flows.groupby("option")["amount"].sum()
    for o in r.options:
        assert totals[o.name] == pytest.approx(o.total_cost, rel=1e-9)
        fte = analysis.staffing[analysis.staffing.option == o.name].groupby("year")["fte"].sum()
        assert list(fte) == pytest.approx(
            [sum(s.fte for s in o.staffing if s.year == y) for y in sorted(fte.index)]
        )
    npv = analysis.comparisons.set_index("option")["npv"]
    assert {c.option: c.npv for c in r.comparisons} == pytest.approx(npv.to_dict())
    hours = analysis.staffing_by_hour
    assert len(hours) == 168 * sum(len(o.staffing_by_hour) for o in r.options)


def test_load_of_an_invalid_workbook_raises_with_its_issues(make_workbook):
    with pytest.raises(InvalidWorkbook) as exc:
        pipeline.load(make_workbook(client_name=None))
    assert exc.value.issues


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return set(out.stdout.split())


def test_the_command_line_never_imports_pandas(tmp_path):
    assert "pandas" not in _modules_after("import pipeline, pipeline.cli")
    book = example_path("en")
    pdf = tmp_path / "r.pdf"
    run = f"from pipeline.cli import main; assert main(['-q', 'report', {str(book)!r}, '-o', {str(pdf)!r}, '--json', {str(tmp_path / 'r.json')!r}]) == 0"
    assert "pandas" not in _modules_after(run)
    assert pdf.exists()
    run = f"from pipeline.cli import main; assert main(['-q', 'validate', {str(book)!r}]) == 0"
    assert "pandas" not in _modules_after(run)
    assert "pandas" in _modules_after("import pipeline; pipeline.load")
