"""The cost model: validated Inputs -> Results (staffing, cash flows, ROI, hybrid, sensitivity)."""

from .compute import compute

__all__ = ["compute"]
