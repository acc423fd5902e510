"""Reading PDFs back in tests with pypdf only, so `make test` needs no poppler."""

from __future__ import annotations

from pypdf import PdfReader


def pdf_fonts(path) -> list[tuple[str, bool]]:
    """(base font name without the subset prefix, embedded?) for every font the pages use,
    like `pdffonts` prints them."""
    reader = PdfReader(path)
    seen: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            name = name.split("+", 1)[1] if "+" in name[:7] else name
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[name] = seen.get(name, True) and embedded
    return sorted(seen.items())
