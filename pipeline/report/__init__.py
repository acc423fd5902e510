"""The branded PDF report: brands, charts, EN/ID texts, HTML and PDF rendering (DESIGN §5)."""

from .brands import Brand, brand_names, load_brand
from .render import pdf_bytes, render_html, write_pdf

__all__ = ["Brand", "brand_names", "load_brand", "pdf_bytes", "render_html", "write_pdf"]
