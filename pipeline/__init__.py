"""cs-sourcing: in-house, outsourced or hybrid customer service, from a workbook to a PDF report.

Public API: `check_workbook(path)`, `compute_workbook(path)`, `build_report(path, out_pdf)`, and
for analysts `load(path)`: the results as pandas DataFrames (`pipeline.frames.Analysis`).
"""

__version__ = "0.1.0"

__all__ = ["__version__", "build_report", "check_workbook", "compute_workbook", "load"]


def __getattr__(name):
    # Lazy: `import pipeline` stays cheap (no numpy, no WeasyPrint) for the CLI and workers.
    if name in ("build_report", "check_workbook", "compute_workbook"):
        from . import flow

        return getattr(flow, name)
    if name == "load":  # pandas loads here, never for the command line
        from .frames import load

        return load
    raise AttributeError(name)
