"""cs-sourcing: in-house, outsourced or hybrid customer service, from a workbook to a PDF report."""

__version__ = "0.1.0"
