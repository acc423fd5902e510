"""Writes docs/images/report-pages.png: the first pages of the English example report, side by side.

Run from the repository root: `.venv/bin/python docs/make_images.py` (needs pdftoppm and Pillow).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.flow import build_report  # noqa: E402

PAGES = 4
OUT = ROOT / "docs" / "images" / "report-pages.png"


def main() -> None:
    book = ROOT / "input_templates" / "cs-sourcing-example-en.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        build_report(book, pdf, lang="en")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", str(PAGES), str(pdf), f"{tmp}/p"],
            check=True,
        )
        pages = [Image.open(p) for p in sorted(Path(tmp).glob("p-*.png"))]
        w, h = pages[0].size
        gap = 12
        sheet = Image.new("RGB", (len(pages) * (w + gap) + gap, h + 2 * gap), "#D9D9D9")
        for i, page in enumerate(pages):
            sheet.paste(page, (gap + i * (w + gap), gap))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
