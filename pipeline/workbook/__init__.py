"""The workbook stage (read side): an .xlsx file -> RawBook, and the annotated copy.

The only module (with template.py on the write side) that touches openpyxl or the .xlsx format.
"""

from .annotate import annotate_workbook
from .reader import read_workbook

__all__ = ["annotate_workbook", "read_workbook"]
