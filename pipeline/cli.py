"""The command line: argument parsing and printing, no business logic.

`main(argv)` returns the exit code: 0 success (warnings allowed), 1 the workbook has errors,
2 unusable file, usage or environment error (DESIGN §6).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .console import Ctx, print_issues, print_results, print_summary, print_timings, say
from .issues import (
    ERROR,
    InvalidWorkbook,
    Issue,
    PipelineError,
    UsageError,
    WorkbookError,
    errors,
)

log = logging.getLogger("pipeline")

LANG = click.Choice(["en", "id"], case_sensitive=False)
EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2


def _examples(*lines: str) -> str:
    return "\n\n\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help="Decide between in-house, outsourced and hybrid customer service, from an Excel workbook to "
    "a branded PDF recommendation."
    + _examples(
        "cs-sourcing demo",
        "cs-sourcing template -o my-analysis.xlsx --lang id",
        "cs-sourcing validate my-analysis.xlsx --annotate checked.xlsx",
        "cs-sourcing report my-analysis.xlsx -o report.pdf --brand nusantara",
        "cs-sourcing batch clients/ -o reports/ --jobs 2",
    ),
)
@click.version_option(__version__, prog_name="cs-sourcing")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and requested output.")
@click.option("-v", "--verbose", is_flag=True, help="Print stage timings and debug details.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    # WeasyPrint and fontTools are chatty at INFO; keep their warnings only.
    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    ctx.obj = Ctx(quiet, verbose)


# -------------------------------------------------------------------------------- template/example
@cli.command(
    help="Write the blank workbook template." + _examples("cs-sourcing template -o analysis.xlsx")
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it [default: cs-sourcing-template-LANG.xlsx].",
)
@click.option("--lang", type=LANG, default="en", show_default=True, help="Template language.")
@click.pass_obj
def template(obj: Ctx, output: Path | None, lang: str) -> None:
    from .template import write_template

    output = output or Path(f"cs-sourcing-template-{lang}.xlsx")
    write_template(output, lang=lang)
    obj.info(f"Wrote the blank template: {output}")


@cli.command(
    help="Write a realistic filled example workbook."
    + _examples("cs-sourcing example --lang id -o contoh.xlsx")
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it [default: cs-sourcing-example-LANG.xlsx].",
)
@click.option("--lang", type=LANG, default="en", show_default=True, help="Workbook language.")
@click.pass_obj
def example(obj: Ctx, output: Path | None, lang: str) -> None:
    from .template import write_example

    output = output or Path(f"cs-sourcing-example-{lang}.xlsx")
    write_example(output, lang=lang)
    obj.info(f"Wrote the example workbook: {output}")


# ---------------------------------------------------------------------------------------- validate
BOOK = click.argument("book", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@cli.command(
    help="Check a workbook cell by cell. Exit 0 when there are no errors (warnings allowed), 1 with "
    "errors, 2 when the file is unusable."
    + _examples(
        "cs-sourcing validate analysis.xlsx",
        "cs-sourcing validate analysis.xlsx --json > issues.json",
        "cs-sourcing validate analysis.xlsx --annotate analysis-checked.xlsx",
    )
)
# Not BOOK: a missing file or a folder is the reader's WorkbookError, so that --json reports it.
@click.argument("book", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the issues as JSON on stdout.")
@click.option(
    "--annotate",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a copy with problem cells marked and an Issues sheet.",
)
@click.option(
    "--lang", type=LANG, default=None, help="Language of the messages [default: the workbook's]."
)
@click.pass_obj
def validate(obj: Ctx, book: Path, as_json: bool, annotate: Path | None, lang: str | None) -> int:
    from . import files
    from .flow import issues_json, read_and_validate

    if annotate is not None:
        files.refuse_overwrite(annotate, [book])
    try:
        checked = read_and_validate(book, lang=lang)
    except WorkbookError as exc:
        if as_json:
            # Scripts always get JSON: the unusable file is one issue, its precise kind as value.
            unusable = Issue(
                code="unusable-file", severity=ERROR, value=exc.code, message=exc.message(lang)
            )
            obj.out.file.write(issues_json([unusable]))
        return _unusable(exc, lang)
    if as_json:
        obj.out.file.write(issues_json(checked.issues))
    else:
        print_issues(obj, checked.issues, book, checked.lang)
    if annotate is not None:
        from .workbook import annotate_workbook

        try:
            annotate_workbook(book, checked.issues, annotate, lang=checked.lang)
        except WorkbookError as exc:
            return _unusable(exc, checked.lang)
        obj.info(say("annotated", checked.lang, path=annotate))
    return EXIT_INVALID if errors(checked.issues) else EXIT_OK


XLSX = click.option(
    "--xlsx",
    "xlsx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the results workbook: every figure as Excel tables with live totals.",
)


def _write_xlsx(obj: Ctx, results, xlsx_out: Path, lang: str) -> None:
    from .export import write_results_workbook  # pandas only when asked for

    write_results_workbook(results, xlsx_out, lang=lang)
    obj.info(say("wrote-json", lang, path=xlsx_out))  # "Wrote {path}"


# ----------------------------------------------------------------------------------------- compute
@cli.command(
    help="Validate and compute the comparison; print it as a table and optionally write results.json."
    + _examples(
        "cs-sourcing compute analysis.xlsx --json results.json",
        "cs-sourcing compute analysis.xlsx --xlsx results.xlsx",
    )
)
@BOOK
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the results (schema cs-sourcing/results@2) to this file.",
)
@XLSX
@click.option(
    "--lang", type=LANG, default=None, help="Language of messages [default: the workbook's]."
)
@click.pass_obj
def compute(
    obj: Ctx, book: Path, json_out: Path | None, xlsx_out: Path | None, lang: str | None
) -> int:
    from . import files
    from .flow import Timings, compute_workbook, results_json_bytes

    if json_out is not None:
        files.refuse_overwrite(json_out, [book])
    if xlsx_out is not None:
        files.refuse_overwrite(xlsx_out, [book, json_out])
    timings = Timings()
    try:
        results = compute_workbook(book, lang=lang, timings=timings)
    except InvalidWorkbook as exc:
        return _invalid(obj, exc, book)
    except WorkbookError as exc:
        return _unusable(exc, lang)
    out_lang = lang or results.inputs.project.language
    print_results(obj, results, out_lang)
    if json_out is not None:
        files.write_bytes(json_out, results_json_bytes(results))
        obj.info(say("wrote-json", out_lang, path=json_out))
    if xlsx_out is not None:
        _write_xlsx(obj, results, xlsx_out, out_lang)
    print_timings(obj, timings)
    return EXIT_OK


def _unusable(exc: WorkbookError, lang: str | None) -> int:
    """Say why the file cannot be used, in `lang`; in English when no --lang was given, as the
    language of a workbook that cannot be read is unknown."""
    click.echo(f"{say('error', lang or 'en')}: {exc.message(lang)}", err=True)
    return EXIT_UNUSABLE


def _invalid(obj: Ctx, exc: InvalidWorkbook, book: Path) -> int:
    from rich.markup import escape

    print_issues(obj, exc.issues, book, exc.lang)
    obj.err.print(escape(say("no-output", exc.lang, book=book.name)))
    return EXIT_INVALID


# ------------------------------------------------------------------------------------------ report
BRAND = click.option(
    "--brand",
    default=None,
    help="Brand name (report_templates/brands/NAME) or path to a brand folder.",
)


@cli.command(
    help="The whole pipeline: validate, compute and write the PDF report."
    + _examples(
        "cs-sourcing report analysis.xlsx",
        "cs-sourcing report analysis.xlsx -o laporan.pdf --lang id --brand nusantara",
        "cs-sourcing report analysis.xlsx --json results.json --html preview.html --pdfa",
        "cs-sourcing report analysis.xlsx --xlsx results.xlsx",
        "cs-sourcing report analysis.xlsx --notes NOTES.md --draft",
    )
)
@BOOK
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="PDF to write [default: BOOK-report.pdf beside the workbook].",
)
@BRAND
@click.option("--lang", type=LANG, default=None, help="Report language [default: the workbook's].")
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write results.json.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the rendered HTML, self-contained, for preview.",
)
@click.option("--pdfa", is_flag=True, help="PDF/A-3b with the workbook and results.json attached.")
@click.option(
    "--no-attach-workbook",
    "no_workbook",
    is_flag=True,
    help="With --pdfa: attach results.json only, not the workbook (for clients who must not "
    "receive it).",
)
@XLSX
@click.option(
    "--notes",
    "notes_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Markdown file with the commentary, next steps, transition plan, disclaimer and "
    "sign-off; each section given replaces the Commentary sheet's (format: docs/notes.md).",
)
@click.option("--draft", is_flag=True, help="Mark every page DRAFT (and the PDF metadata).")
@click.pass_obj
def report(
    obj: Ctx,
    book: Path,
    output: Path | None,
    brand: str | None,
    lang: str | None,
    json_out: Path | None,
    html_out: Path | None,
    pdfa: bool,
    no_workbook: bool,
    xlsx_out: Path | None,
    notes_path: Path | None,
    draft: bool,
) -> int:
    from . import files
    from .flow import Timings, build_report
    from .notes import read_notes

    notes = read_notes(notes_path) if notes_path is not None else None

    output = output or book.with_name(f"{book.stem}-report.pdf")
    if xlsx_out is not None:
        files.refuse_overwrite(xlsx_out, [book, output, json_out, html_out])
    timings = Timings()
    try:
        outcome = build_report(
            book,
            output,
            brand=brand,
            lang=lang,
            json_out=json_out,
            html_out=html_out,
            pdfa=pdfa,
            attach_workbook=not no_workbook,
            notes=notes,
            draft=draft,
            timings=timings,
        )
    except InvalidWorkbook as exc:
        return _invalid(obj, exc, book)
    except WorkbookError as exc:
        return _unusable(exc, lang)
    rec = outcome.results.recommendation
    out_lang = lang or outcome.results.inputs.project.language
    obj.info(say("wrote-report", out_lang, path=output, pages=outcome.pages, option=rec.option))
    if outcome.results.issues:
        obj.info(say("warnings-in-appendix", out_lang, n=len(outcome.results.issues)))
    if xlsx_out is not None:
        _write_xlsx(obj, outcome.results, xlsx_out, out_lang)
    print_timings(obj, timings)
    return EXIT_OK


# -------------------------------------------------------------------------------------------- demo
@cli.command(
    help="Write the example workbook, its report and its results workbook (English and Indonesian) "
    "into a folder." + _examples("cs-sourcing demo", "cs-sourcing demo -o /tmp/demo")
)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the files.",
)
@BRAND
@click.pass_obj
def demo(obj: Ctx, outdir: Path, brand: str | None) -> int:
    from .export import write_results_workbook
    from .flow import build_report
    from .template import write_example

    outdir.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "id"):
        book = outdir / f"example-{lang}.xlsx"
        write_example(book, lang=lang)
        pdf = outdir / f"example-{lang}.pdf"
        outcome = build_report(
            book, pdf, brand=brand, lang=lang, json_out=outdir / f"example-{lang}.results.json"
        )
        write_results_workbook(outcome.results, outdir / f"example-{lang}.results.xlsx", lang=lang)
        obj.info(
            f"Wrote {book} and {pdf} ({outcome.pages} pages); "
            f"recommendation: {outcome.results.recommendation.option}"
        )
    return EXIT_OK


# ------------------------------------------------------------------------------------------- batch
@cli.command(
    help="Run every .xlsx in a folder, in parallel: one PDF per valid workbook, an annotated copy and "
    "issues.json per invalid one, and summary.csv. One failure never stops the rest."
    + _examples(
        "cs-sourcing batch clients/ -o reports/",
        "cs-sourcing batch clients/ -o reports/ --recursive --jobs 2 --skip-unchanged",
        "cs-sourcing batch clients/ -o reports/ --notes NOTES.md --draft",
        "cs-sourcing batch clients/ -o reports/ --notes clients/",
    )
)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for reports and the summary.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: number of cores].",
)
@BRAND
@click.option("--lang", type=LANG, default=None, help="Report language [default: each workbook's].")
@click.option("--recursive", "-r", is_flag=True, help="Also look in sub-folders.")
@click.option(
    "--skip-unchanged",
    is_flag=True,
    help="Skip workbooks whose content, notes, --draft and tool version match the previous run's "
    "output.",
)
@click.option(
    "--notes",
    "notes_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Commentary and sign-off in Markdown (format: docs/notes.md). A file: the same notes for "
    "every workbook. A folder: NAME.md for NAME.xlsx, at the same place below it (the input folder "
    "itself works: notes beside their workbooks); a workbook without one keeps its Commentary "
    "sheet. A mistake in a folder's NAME.md: that workbook gets no report and its summary row "
    "says why; in the one file: the batch stops before any work.",
)
@click.option("--draft", is_flag=True, help="Mark every page of every report DRAFT.")
@click.pass_obj
def batch(
    obj: Ctx,
    folder: Path,
    outdir: Path,
    jobs: int | None,
    brand: str | None,
    lang: str | None,
    recursive: bool,
    skip_unchanged: bool,
    notes_path: Path | None,
    draft: bool,
) -> int:
    from .batch import run_batch

    summary = run_batch(
        folder,
        outdir,
        jobs=jobs,
        brand=brand,
        lang=lang,
        recursive=recursive,
        skip_unchanged=skip_unchanged,
        notes=notes_path,
        draft=draft,
        progress=not obj.quiet,
        console=obj.err,
    )
    print_summary(obj, summary)
    return summary.exit_code


# ------------------------------------------------------------------ the intake service (issue 11)
def _register_service() -> None:
    # pipeline.service.cli imports only click; Flask and SQLAlchemy load when a command runs.
    from .service.cli import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register_service()


# -------------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting (testable)."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        result = cli.main(args=args, prog_name="cs-sourcing", standalone_mode=False)
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Interrupted; no partial files were left.", err=True)
        return 130
    except click.ClickException as exc:  # usage errors: bad option, missing file
        exc.show()
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        click.echo("Interrupted; no partial files were left.", err=True)
        return 130
    except WorkbookError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_UNUSABLE
    except PipelineError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except OSError as exc:
        # Disk full, permission denied, a folder where a file was expected: the user's environment.
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        return EXIT_UNUSABLE
    except Exception as exc:  # a bug: one line for the user, the traceback with -v
        log.debug("internal error", exc_info=True)
        click.echo(
            f"internal error (a bug in cs-sourcing, not in your workbook): {exc!r}. "
            "Run again with -v for the details and report them.",
            err=True,
        )
        return EXIT_UNUSABLE
    return int(result or 0)


__all__ = ["main", "UsageError"]
