"""The command line through `main([...])`: exit codes, messages, outputs, atomicity."""

import hashlib
import json

import pytest

from pipeline import cli

COMMANDS = ["template", "example", "validate", "compute", "report", "batch", "demo"]


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", COMMANDS, ids=COMMANDS)
def test_every_command_has_help_with_examples(command, capsys):
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Examples:" in out
    assert f"cs-sourcing {command}" in out


def test_top_level_help_and_version(capsys):
    assert cli.main(["--help"]) == 0
    assert "Examples:" in capsys.readouterr().out
    assert cli.main(["--version"]) == 0
    assert "cs-sourcing" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["nonsense"], ["validate"], ["validate", "missing.xlsx"], ["template", "--lang", "fr"]],
    ids=["unknown-command", "missing-argument", "missing-file", "bad-language"],
)
def test_usage_errors_exit_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    assert "error" in capsys.readouterr().err.lower()  # click's "Error:" or the reader's


@pytest.mark.parametrize("lang", ["en", "id"])
def test_template_and_example_are_written(tmp_path, lang):
    assert cli.main(["-q", "template", "-o", str(tmp_path / "t.xlsx"), "--lang", lang]) == 0
    assert cli.main(["-q", "example", "-o", str(tmp_path / "e.xlsx"), "--lang", lang]) == 0
    assert (tmp_path / "t.xlsx").stat().st_size > 5000
    assert (tmp_path / "e.xlsx").stat().st_size > 5000


def test_validate_example_is_clean(make_workbook, capsys):
    book = make_workbook()
    assert cli.main(["validate", str(book), "--json"]) == 0
    issues = json.loads(capsys.readouterr().out)
    assert [i for i in issues if i["severity"] == "error"] == []


def test_validate_errors_exit_1_and_annotate_leaves_source_untouched(
    make_workbook, tmp_path, capsys
):
    book = make_workbook(client_name=None)
    before = sha(book)
    out = tmp_path / "checked.xlsx"
    assert cli.main(["validate", str(book), "--annotate", str(out)]) == 1
    captured = capsys.readouterr()
    assert "client_name" in captured.out or "Client name" in captured.out
    assert "has errors" in captured.err
    assert out.exists()
    assert sha(book) == before


def test_validate_json_lists_the_error_cell(make_workbook, capsys):
    book = make_workbook(client_name=None)
    assert cli.main(["validate", str(book), "--json"]) == 1
    issues = json.loads(capsys.readouterr().out)
    errors = [(i["field"], i["severity"]) for i in issues if i["severity"] == "error"]
    assert ("client_name", "error") in errors
    assert set(issues[0]) == {"code", "severity", "sheet", "cell", "field", "value", "message"}


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("book.xlsx", b"a,b,c\n1,2,3\n", "not-a-workbook"),
        ("book.xlsx", b"PK\x03\x04broken", "corrupt-workbook"),
        ("nope.xlsx", None, "file-not-found"),
    ],
    ids=["csv", "corrupt-zip", "missing-file"],
)
def test_validate_json_on_an_unusable_file_is_one_issue(tmp_path, capsys, name, content, kind):
    """Scripts always get JSON on stdout: one unusable-file issue, the reason, exit 2."""
    book = tmp_path / name
    if content is not None:
        book.write_bytes(content)
    assert cli.main(["validate", str(book), "--json"]) == 2
    captured = capsys.readouterr()
    [issue] = json.loads(captured.out)
    assert (issue["code"], issue["severity"], issue["value"]) == ("unusable-file", "error", kind)
    assert issue["message"].startswith(f"{name}: ")
    assert issue["message"] in captured.err


@pytest.mark.parametrize(
    "content", [b"", b"a,b,c\n1,2,3\n", b"PK\x03\x04broken"], ids=["empty", "csv", "corrupt-zip"]
)
def test_unusable_file_exit_2_without_traceback(tmp_path, capsys, content):
    book = tmp_path / "book.xlsx"
    book.write_bytes(content)
    assert cli.main(["validate", str(book)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_annotate_refuses_to_overwrite_the_input(make_workbook, capsys):
    book = make_workbook()
    before = sha(book)
    assert cli.main(["validate", str(book), "--annotate", str(book)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert sha(book) == before


def test_compute_prints_table_and_writes_results(make_workbook, tmp_path, capsys):
    book = make_workbook()
    out = tmp_path / "results.json"
    assert cli.main(["compute", str(book), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Recommendation:" in printed
    data = json.loads(out.read_text())
    assert data["schema"] == "cs-sourcing/results@2"
    for key in (
        "currency",
        "horizon_months",
        "baseline",
        "options",
        "comparisons",
        "hybrid",
        "sensitivity",
        "recommendation",
        "issues",
    ):
        assert key in data
    assert data["recommendation"]["option"] in printed


def test_compute_invalid_workbook_exit_1_and_writes_nothing(make_workbook, tmp_path, capsys):
    book = make_workbook(client_name=None)
    out = tmp_path / "results.json"
    assert cli.main(["compute", str(book), "--json", str(out)]) == 1
    assert not out.exists()
    assert "no output was written" in capsys.readouterr().err


def test_report_unknown_brand_exit_2(make_workbook, tmp_path, capsys):
    book = make_workbook()
    pdf = tmp_path / "r.pdf"
    assert cli.main(["report", str(book), "-o", str(pdf), "--brand", "no-such-brand"]) == 2
    assert "no-such-brand" in capsys.readouterr().err
    assert not pdf.exists()


def test_report_interrupted_leaves_no_partial_files(make_workbook, tmp_path, monkeypatch, capsys):
    import pipeline.report as report

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "pdf_bytes", boom)
    book = make_workbook()
    outdir = tmp_path / "out"
    outdir.mkdir()
    code = cli.main(
        ["report", str(book), "-o", str(outdir / "r.pdf"), "--json", str(outdir / "r.json")]
    )
    assert code == 130
    assert list(outdir.iterdir()) == []


def test_report_writes_pdf_json_and_html(make_workbook, tmp_path, capsys):
    book = make_workbook()
    pdf, js, html = tmp_path / "r.pdf", tmp_path / "r.json", tmp_path / "r.html"
    assert (
        cli.main(["report", str(book), "-o", str(pdf), "--json", str(js), "--html", str(html)]) == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert json.loads(js.read_text())["schema"] == "cs-sourcing/results@2"
    assert "<html" in html.read_text().lower()
    assert "Wrote" in capsys.readouterr().err


def test_report_json_equals_compute_json(make_workbook, tmp_path, capsys):
    book = make_workbook()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli.main(["-q", "compute", str(book), "--json", str(a)]) == 0
    assert (
        cli.main(["-q", "report", str(book), "-o", str(tmp_path / "r.pdf"), "--json", str(b)]) == 0
    )
    assert a.read_bytes() == b.read_bytes()


def test_indonesian_workbook_gets_indonesian_console_text(make_workbook, tmp_path, capsys):
    book = make_workbook(lang="id")
    assert cli.main(["compute", str(book)]) == 0
    out = capsys.readouterr().out
    assert "Rekomendasi:" in out and "Recommendation" not in out
    assert "Biaya PV" in out

    broken = make_workbook(lang="id", client_name=None)
    annotated = tmp_path / "diperiksa.xlsx"
    assert cli.main(["validate", str(broken), "--annotate", str(annotated)]) == 1
    captured = capsys.readouterr()
    assert "galat" in captured.out and "berisi galat" in captured.err
    assert "Salinan bertanda ditulis" in captured.err

    # --lang overrides the workbook's language.
    assert cli.main(["validate", str(broken), "--lang", "en"]) == 1
    assert "has errors" in capsys.readouterr().err


def test_workbook_text_with_brackets_prints_literally(make_workbook, capsys):
    from pipeline import template

    book = make_workbook({template.cell_of("costs", "amount", 0, "en"): "[red]12[/red]"})
    assert cli.main(["validate", str(book)]) == 1
    # rich would swallow "[red]" as markup; the user must see exactly what the cell holds.
    assert "[red]12[/red]" in capsys.readouterr().out


def test_report_pdfa_attaches_the_workbook_and_results(make_workbook, tmp_path, capsys):
    from pypdf import PdfReader

    book = make_workbook()
    pdf, js = tmp_path / "r.pdf", tmp_path / "r.json"
    assert cli.main(["-q", "report", str(book), "-o", str(pdf), "--pdfa", "--json", str(js)]) == 0
    reader = PdfReader(pdf)
    assert reader.attachments[book.name] == [book.read_bytes()]
    assert reader.attachments["results.json"] == [js.read_bytes()]
    assert b"pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_two_outputs_on_one_path_is_a_usage_error(make_workbook, tmp_path, capsys):
    book = make_workbook()
    pdf = tmp_path / "x.pdf"
    assert cli.main(["report", str(book), "-o", str(pdf), "--json", str(pdf)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert not pdf.exists()


@pytest.mark.parametrize(
    ("cell", "value"),
    [("monthly_volume", 1e15), ("aht_minutes", 1e308), ("min_agents", 100_000_000)],
    ids=["volume-1e15", "aht-1e308", "min-agents-1e8"],
)
def test_absurd_demand_is_a_cell_error_not_a_crash(make_workbook, capsys, cell, value):
    from pipeline import template

    book = make_workbook({template.cell_of("channels", cell, 0, "en"): value})
    assert cli.main(["validate", str(book), "--json"]) == 1
    issues = json.loads(capsys.readouterr().out)
    assert [(i["field"], i["code"]) for i in issues if i["severity"] == "error"] == [
        (cell, "out-of-range")
    ]


@pytest.mark.parametrize(
    ("column", "value"),
    [("start_month", 1e20), ("amount", 1e30), ("quantity", 1e30)],
    ids=["start-month-1e20", "amount-1e30", "quantity-1e30"],
)
def test_absurd_cost_line_is_a_cell_error_not_a_crash(make_workbook, capsys, column, value):
    from pipeline import template

    book = make_workbook({template.cell_of("costs", column, 0, "en"): value})
    assert cli.main(["compute", str(book)]) == 1
    assert "out-of-range" in capsys.readouterr().out


def test_a_bug_exits_2_with_one_line(make_workbook, monkeypatch, capsys):
    import pipeline.model

    def bug(*args, **kwargs):
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(pipeline.model, "compute", bug)
    assert cli.main(["compute", str(make_workbook())]) == 2
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err


def test_workload_beyond_any_call_centre_is_reported(make_workbook, capsys):
    from pipeline import template

    # Each value is within its range; together they make ~1.4 million Erlangs.
    book = make_workbook(
        {
            template.cell_of("channels", "monthly_volume", 0, "en"): 100_000_000,
            template.cell_of("channels", "aht_minutes", 0, "en"): 1000,
            template.cell_of("channels", "hours_per_week", 0, "en"): 168,
        }
    )
    assert cli.main(["compute", str(book)]) == 1
    assert "Erlangs" in capsys.readouterr().err
