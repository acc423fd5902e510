"""What the command line prints: issue tables, the comparison, batch summaries, timings (rich)."""

from __future__ import annotations

from pathlib import Path

from .issues import errors


class Ctx:
    def __init__(self, quiet: bool, verbose: bool):
        from rich.console import Console

        self.quiet = quiet
        self.verbose = verbose
        self.out = Console(soft_wrap=False, highlight=False)
        self.err = Console(stderr=True, soft_wrap=True, highlight=False)
        # Piped or captured output gets a wide, fixed width so that file names are not folded.
        for console in (self.out, self.err):
            if not console.is_terminal:
                console.width = 160

    def info(self, text: str) -> None:
        if not self.quiet:
            self.err.print(text)


def print_issues(obj: Ctx, issues, book: Path) -> None:
    from rich.table import Table

    n_err, n_warn = len(errors(issues)), len(issues) - len(errors(issues))
    if issues and not obj.quiet or n_err:
        shown = issues if not obj.quiet else errors(issues)
        table = Table(show_lines=False, header_style="bold", expand=False)
        for name in ("", "Sheet", "Cell", "Code", "Message"):
            table.add_column(name, overflow="fold")
        for i in shown:
            mark = "[red]error[/]" if i.is_error else "[yellow]warning[/]"
            table.add_row(mark, i.sheet or "", i.cell or "", i.code, i.message)
        obj.out.print(table)
    verdict = "[red]has errors[/]" if n_err else "[green]is valid[/]"
    if not obj.quiet or n_err:
        obj.err.print(f"{book.name} {verdict}: {n_err} error(s), {n_warn} warning(s).")


def money(x) -> str:
    return "–" if x is None else f"{x:,.0f}"


def print_results(obj: Ctx, results) -> None:
    from rich.table import Table

    cur = results.currency
    comparisons = {c.option: c for c in results.comparisons}
    table = Table(
        title=f"Comparison over {results.horizon_months} months ({cur})", header_style="bold"
    )
    for name, justify in (
        ("Option", "left"),
        ("Type", "left"),
        ("Total cost", "right"),
        ("PV cost", "right"),
        ("Per contact", "right"),
        ("Avg FTE", "right"),
        ("NPV vs baseline", "right"),
        ("ROI", "right"),
        ("Payback (month)", "right"),
        ("IRR", "right"),
        ("Quality", "right"),
    ):
        table.add_column(name, justify=justify)
    for o in results.options:
        c = comparisons.get(o.name)
        base = o.name == results.baseline
        table.add_row(
            o.name + (" (baseline)" if base else ""),
            o.type,
            money(o.total_cost),
            money(o.pv_cost),
            "–" if o.cost_per_contact is None else f"{o.cost_per_contact:,.2f}",
            f"{o.avg_fte:,.1f}",
            "" if base or c is None else money(c.npv),
            "" if base or c is None or c.roi is None else f"{c.roi:.0%}",
            "" if base or c is None else ("–" if c.payback_month is None else str(c.payback_month)),
            "" if base or c is None or c.irr is None else f"{c.irr:.0%}",
            "–" if o.qualitative_index is None else f"{o.qualitative_index:.0f}",
        )
    obj.out.print(table)
    for h in results.hybrid:
        obj.out.print(
            f"Best split with {h.vendor}: {h.best_share:.0%} outsourced, PV cost {money(h.best_pv_cost)}"
        )
    rec = results.recommendation
    robust = "robust" if rec.robust else "not robust: " + ", ".join(rec.flipping_drivers)
    obj.out.print(
        f"[bold]Recommendation: {rec.option}[/] (composite {rec.composite:.1f}, {robust})"
    )
    n_warn = len(results.issues)
    if n_warn and not obj.quiet:
        obj.err.print(f"{n_warn} warning(s); run `cs-sourcing validate` to list them.")


def print_timings(obj: Ctx, timings) -> None:
    if obj.verbose:
        parts = ", ".join(f"{k} {v:.2f}s" for k, v in timings.stages.items())
        obj.err.print(f"timings: {parts}")


def print_summary(obj: Ctx, summary) -> None:
    from rich.table import Table

    table = Table(title=f"Batch: {len(summary.rows)} workbook(s)", header_style="bold")
    for name, justify in (
        ("File", "left"),
        ("Status", "left"),
        ("Recommendation", "left"),
        ("NPV", "right"),
        ("Payback", "right"),
        ("Errors", "right"),
        ("Warnings", "right"),
        ("Seconds", "right"),
        ("Note", "left"),
    ):
        table.add_column(name, justify=justify, overflow="fold")
    colours = {
        "ok": "green",
        "invalid": "red",
        "unusable": "red",
        "failed": "red",
        "skipped": "dim",
    }
    for r in summary.rows:
        table.add_row(
            r.file,
            f"[{colours.get(r.status, 'white')}]{r.status}[/]",
            r.recommendation or "",
            money(r.npv) if r.npv is not None else "",
            "" if r.payback_month is None else str(r.payback_month),
            str(r.errors),
            str(r.warnings),
            f"{r.seconds:.1f}",
            r.message,
        )
    if not obj.quiet or summary.exit_code:
        obj.out.print(table)
    obj.info(f"Summary written to {summary.csv_path}")
