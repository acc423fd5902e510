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


def main() -> int:
    problems = missing_system_libraries()
    for line in problems:
        print(f"missing: {line}", file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
