"""Present values, NPV, payback and IRR of monthly series (months 0..M, DESIGN §3).

Conventions, stated once: cash flows fall at the end of their month; month m is discounted by
(1 + annual rate)^(m / 12), so month 0 is undiscounted; IRR is monthly, annualised (1 + r)^12 - 1.
"""

from __future__ import annotations

import numpy as np

IRR_BRACKET = (-0.95, 1000.0)
"""Monthly rates searched for an IRR root: -95% to +100,000% a month."""
_IRR_GRID = 4000


def discount_factors(months: int, annual_rate: float) -> np.ndarray:
    """1 / (1 + rate)^(m / 12) for m = 0..M."""
    m = np.arange(months + 1)
    return (1.0 + annual_rate) ** (-m / 12.0)


def present_value(series: np.ndarray, annual_rate: float) -> float:
    """PV of a monthly series (end-of-month, month 0 undiscounted)."""
    series = np.asarray(series, dtype=float)
    return float(series @ discount_factors(len(series) - 1, annual_rate))


def _tolerance(series: np.ndarray) -> float:
    # Cumulative sums of equal costs can differ by float rounding; ignore that much.
    scale = float(np.abs(series).max()) if series.size else 0.0
    return 1e-9 * max(scale, 1.0)


def payback_month(series: np.ndarray) -> int | None:
    """First month from which the cumulative series stays >= 0 through the horizon.

    0 when it is never negative; None when it is still negative at the end of the horizon.
    """
    series = np.asarray(series, dtype=float)
    cum = np.cumsum(series)
    negative = np.flatnonzero(cum < -_tolerance(series))
    if negative.size == 0:
        return 0
    last = int(negative[-1])
    if last == len(series) - 1:
        return None
    return last + 1


def discounted_payback_month(series: np.ndarray, annual_rate: float) -> int | None:
    """Payback month of the discounted series."""
    series = np.asarray(series, dtype=float)
    return payback_month(series * discount_factors(len(series) - 1, annual_rate))


def _npv_monthly(series: np.ndarray, rates: np.ndarray) -> np.ndarray:
    """NPV of `series` at each monthly rate (month 0 undiscounted), computed in log space."""
    m = np.arange(len(series))
    log_df = -np.log1p(rates)[:, None] * m[None, :]
    with np.errstate(over="ignore", invalid="ignore"):
        return (np.exp(log_df) * series[None, :]).sum(axis=1)


def irr_monthly(series: np.ndarray) -> float | None:
    """Monthly IRR: the root of NPV(r) = 0 closest to zero (numpy-financial's pick), or None.

    Roots are bracketed on a grid over `IRR_BRACKET` (dense near zero) and refined by bisection;
    a series without a sign change, or without a root in the bracket, has no IRR.
    """
    series = np.asarray(series, dtype=float)
    tol = _tolerance(series)
    signs = np.sign(np.where(np.abs(series) <= tol, 0.0, series))
    if not (signs > 0).any() or not (signs < 0).any():
        return None
    lo_b, hi_b = IRR_BRACKET
    # log1p-spaced grid: fine resolution for the rates that matter, still reaching the extremes.
    u = np.linspace(np.log1p(lo_b), np.log1p(hi_b), _IRR_GRID)
    grid = np.unique(np.concatenate([np.expm1(u), [0.0]]))
    values = _npv_monthly(series, grid)
    finite = np.isfinite(values)
    grid, values = grid[finite], values[finite]
    exact = grid[values == 0.0]
    change = np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0)
    roots = list(exact)
    for i in change:
        a, b = grid[i], grid[i + 1]
        fa = values[i]
        for _ in range(200):
            mid = 0.5 * (a + b)
            fm = _npv_monthly(series, np.array([mid]))[0]
            if fm == 0.0 or b - a <= 1e-15 * max(1.0, abs(mid)):
                a = b = mid
                break
            if np.sign(fm) == np.sign(fa):
                a, fa = mid, fm
            else:
                b = mid
        roots.append(0.5 * (a + b))
    if not roots:
        return None
    return float(min(roots, key=abs))


def annualise(monthly_rate: float | None) -> float | None:
    """(1 + r)^12 - 1, None stays None."""
    if monthly_rate is None:
        return None
    return float((1.0 + monthly_rate) ** 12 - 1.0)


def irr_annual(series: np.ndarray) -> float | None:
    """Annualised IRR of a monthly series, or None."""
    return annualise(irr_monthly(series))


def roi(net_savings: float, investment: float) -> float | None:
    """Net savings / investment; None without investment."""
    if investment <= 0:
        return None
    return net_savings / investment


def peak_exposure(series: np.ndarray) -> tuple[float, int | None]:
    """(investment, month): the largest cumulative shortfall of a savings series — the most cash
    the alternative ever has at risk against the baseline — and the month it peaks (the first
    of equals); (0, None) when the cumulative savings never fall below zero (DESIGN §8)."""
    series = np.asarray(series, dtype=float)
    cum = np.cumsum(series)
    low = float(cum.min()) if cum.size else 0.0
    if low >= -_tolerance(series):
        return 0.0, None
    return -low, int(np.argmin(cum))


def sign_changes(series: np.ndarray) -> int:
    """How often a series changes sign, zeros (within rounding) skipped."""
    series = np.asarray(series, dtype=float)
    tol = _tolerance(series)
    signs = np.sign(series[np.abs(series) > tol])
    return int(np.count_nonzero(signs[1:] != signs[:-1])) if signs.size else 0


def irr_with_note(series: np.ndarray) -> tuple[float | None, str | None]:
    """(annual IRR, None) when the savings change sign exactly once — the only case where the IRR
    is one well-defined rate; else (None, reason): `no-sign-change` (never an outlay, or never a
    return) or `several-sign-changes` (several rates can zero the NPV; none is meaningful)."""
    changes = sign_changes(series)
    if changes == 0:
        return None, "no-sign-change"
    if changes > 1:
        return None, "several-sign-changes"
    return irr_annual(series), None
