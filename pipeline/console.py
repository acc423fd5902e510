"""What the command line prints: issue tables, the comparison, batch summaries, timings (rich)."""

from __future__ import annotations

from pathlib import Path

from .i18n import T, Words
from .issues import errors
from .numbers import numbers

# What the command line says around the workbook's own messages, in the workbook's language.
_PAIRS = {
    "error": T("error", "galat"),
    "warning": T("warning", "peringatan"),
    "sheet": T("Sheet", "Lembar"),
    "cell": T("Cell", "Sel"),
    "code": T("Code", "Kode"),
    "message": T("Message", "Pesan"),
    "valid": T("is valid", "valid"),
    "has-errors": T("has errors", "berisi galat"),
    "counts": T("{e} error(s), {w} warning(s).", "{e} galat, {w} peringatan."),
    "no-output": T(
        "error: the workbook has errors; no output was written. Fix the cells listed above, or run "
        "`cs-sourcing validate {book} --annotate checked.xlsx` to see them marked.",
        "galat: buku kerja berisi galat; tidak ada berkas yang ditulis. Perbaiki sel di atas, atau "
        "jalankan `cs-sourcing validate {book} --annotate diperiksa.xlsx` untuk melihatnya ditandai.",
    ),
    "annotated": T("Wrote the annotated copy: {path}", "Salinan bertanda ditulis: {path}"),
    "wrote-json": T("Wrote {path}", "Ditulis: {path}"),
    "wrote-report": T(
        "Wrote {path} ({pages} pages). Recommendation: {option}.",
        "Ditulis: {path} ({pages} halaman). Rekomendasi: {option}.",
    ),
    "warnings-in-appendix": T(
        "{n} warning(s) are listed in the data-quality appendix.",
        "{n} peringatan dicantumkan di lampiran kualitas data.",
    ),
    "warnings-run-validate": T(
        "{n} warning(s); run `cs-sourcing validate` to list them.",
        "{n} peringatan; jalankan `cs-sourcing validate` untuk melihatnya.",
    ),
    "comparison": T("Comparison over {m} months ({cur})", "Perbandingan selama {m} bulan ({cur})"),
    "option": T("Option", "Opsi"),
    "type": T("Type", "Jenis"),
    "total": T("Total cost", "Total biaya"),
    "pv": T("PV cost", "Biaya PV"),
    "per-contact": T("Per contact", "Per kontak"),
    "fte": T("Avg FTE", "Rata-rata FTE"),
    "npv": T("NPV vs baseline", "NPV thd. pembanding"),
    "payback": T("Payback", "Balik modal"),
    "quality": T("Quality", "Kualitas"),
    "baseline": T(" (baseline)", " (pembanding)"),
    "best-split": T(
        "Best split with {vendor}: {share} outsourced, PV cost {pv}",
        "Pembagian terbaik dengan {vendor}: {share} dialihdayakan, biaya PV {pv}",
    ),
    "recommendation": T("Recommendation", "Rekomendasi"),
    "composite": T("composite", "skor gabungan"),
    "robust": T("robust", "kokoh"),
    "not-robust": T("not robust: {drivers}", "tidak kokoh: {drivers}"),
}
WORDS = Words(_PAIRS)


def say(key: str, lang: str = "en", **values) -> str:
    return WORDS.say(key, lang, **values)


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


def print_issues(obj: Ctx, issues, book: Path, lang: str = "en") -> None:
    from rich.markup import escape
    from rich.table import Table

    n_err, n_warn = len(errors(issues)), len(issues) - len(errors(issues))
    if issues and not obj.quiet or n_err:
        shown = issues if not obj.quiet else errors(issues)
        table = Table(show_lines=False, header_style="bold", expand=False)
        table.add_column("")
        for key in ("sheet", "cell", "code", "message"):
            table.add_column(say(key, lang), overflow="fold")
        for i in shown:
            mark = (
                f"[red]{say('error', lang)}[/]"
                if i.is_error
                else f"[yellow]{say('warning', lang)}[/]"
            )
            # Workbook text may hold [brackets]: print it literally, not as rich markup.
            table.add_row(mark, escape(i.sheet or ""), i.cell or "", i.code, escape(i.message))
        obj.out.print(table)
    verdict = f"[red]{say('has-errors', lang)}[/]" if n_err else f"[green]{say('valid', lang)}[/]"
    if not obj.quiet or n_err:
        counts = say("counts", lang, e=n_err, w=n_warn)
        obj.err.print(f"{escape(book.name)} {verdict}: {counts}")


def print_results(obj: Ctx, results, lang: str = "en") -> None:
    from rich.markup import escape
    from rich.table import Table

    from .report.locales import Locale
    from .report.text import driver_name
    from .schema import OPTION_TYPES, choice_label

    loc = Locale(lang=lang, currency=results.currency)
    comparisons = {c.option: c for c in results.comparisons}
    title = say("comparison", lang, m=results.horizon_months, cur=loc.currency_unit)
    table = Table(title=title, header_style="bold")
    for key, justify in (
        ("option", "left"),
        ("type", "left"),
        ("total", "right"),
        ("pv", "right"),
        ("per-contact", "right"),
        ("fte", "right"),
        ("npv", "right"),
        ("ROI", "right"),
        ("payback", "right"),
        ("IRR", "right"),
        ("quality", "right"),
    ):
        table.add_column(say(key, lang) if key in WORDS else key, justify=justify)
    for o in results.options:
        c = None if o.name == results.baseline else comparisons.get(o.name)
        table.add_row(
            escape(o.name) + (say("baseline", lang) if o.name == results.baseline else ""),
            choice_label(OPTION_TYPES, o.type, lang),
            loc.number(o.total_cost),
            loc.number(o.pv_cost),
            loc.number(o.cost_per_contact, 2),
            loc.number(o.avg_fte, 1),
            "" if c is None else loc.number(c.npv),
            "" if c is None else loc.percent(c.roi),
            "" if c is None else loc.months(c.payback_month),
            "" if c is None else loc.percent(c.irr),
            loc.number(o.qualitative_index),
        )
    obj.out.print(table)
    for h in results.hybrid:
        share = loc.percent(h.best_share)
        line = say("best-split", lang, vendor=h.vendor, share=share, pv=loc.number(h.best_pv_cost))
        obj.out.print(escape(line))
    rec = results.recommendation
    drivers = ", ".join(driver_name(loc, d) for d in rec.flipping_drivers)
    robust = say("robust", lang) if rec.robust else say("not-robust", lang, drivers=drivers)
    composite = say("composite", lang)
    obj.out.print(
        f"[bold]{say('recommendation', lang)}: {escape(rec.option)}[/] "
        f"({composite} {loc.number(rec.composite, 1)}, {escape(robust)})"
    )
    n_warn = len(results.issues)
    if n_warn and not obj.quiet:
        obj.err.print(say("warnings-run-validate", lang, n=n_warn))


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
        "bad-notes": "red",
        "skipped": "dim",
    }
    for r in summary.rows:
        table.add_row(
            r.file,
            f"[{colours.get(r.status, 'white')}]{r.status}[/]",
            r.recommendation or "",
            numbers("en").amount(r.npv) if r.npv is not None else "",
            "" if r.payback_month is None else str(r.payback_month),
            str(r.errors),
            str(r.warnings),
            f"{r.seconds:.1f}",
            r.message,
        )
    if not obj.quiet or summary.exit_code:
        obj.out.print(table)
    obj.info(f"Summary written to {summary.csv_path}")
