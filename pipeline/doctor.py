"""Check the system libraries the pipeline needs and say clearly what is missing.

Run by `make` before the demo and the tests: `python -m pipeline.doctor`.
"""

from __future__ import annotations

import sys


def missing_system_libraries() -> list[str]:
    """Human lines naming each missing system piece with the package that provides it."""
    problems = []
    try:
        import weasyprint  # noqa: F401 - importing loads Pango through cffi
    except OSError as exc:
        problems.append(
            f"WeasyPrint cannot load Pango ({exc}). Install it: "
            "Debian/Ubuntu `apt-get install libpango-1.0-0 libpangoft2-1.0-0`, "
            "macOS `brew install pango`, Fedora `dnf install pango`."
        )
    except ImportError as exc:
        problems.append(f"WeasyPrint is not installed in this environment ({exc}); run `make`.")
    return problems


def speed_notes() -> list[str]:
    """Optional system pieces whose absence only makes reports slower (a note, not a failure)."""
    try:
        from weasyprint.text.ffi import harfbuzz_subset
    except (ImportError, OSError):
        return []  # already reported as missing
    if harfbuzz_subset is None:
        return [
            "HarfBuzz-Subset is not installed, so WeasyPrint subsets fonts with fontTools: each "
            "report takes about 0.6 s longer, and fontTools stamps the fonts with the time of the "
            "run, so the same workbook no longer gives byte-identical PDFs. Install it: "
            "Debian/Ubuntu `apt-get install "
            "libharfbuzz-subset0`, Fedora `dnf install harfbuzz` (macOS Homebrew's harfbuzz has it)."
        ]
    return []


def main() -> int:
    problems = missing_system_libraries()
    for line in problems:
        print(f"missing: {line}", file=sys.stderr)
    if not problems:
        for line in speed_notes():
            print(f"note: {line}", file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
