"""The command line: argument parsing and printing, no business logic."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("cs-sourcing: not implemented yet", file=sys.stderr)
    return 2
