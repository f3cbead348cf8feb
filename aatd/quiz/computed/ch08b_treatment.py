"""Computed quiz answers for the chapter "Treatment" (``notebooks/treatment.ipynb``).

Each calls :mod:`aatd.therapy`.
"""

from __future__ import annotations

from ._registry import computed


@computed("treatment_zz_weekly_trough_uM")
def treatment_zz_weekly_trough_uM() -> float:
    """Steady-state trough of a ZZ person on 60 mg/kg weekly (µM): the fitted 17.3."""
    from aatd import therapy

    return round(therapy.steady_trough_uM("ZZ"), 1)


@computed("treatment_60_monthly_keeps_zz_above")
def treatment_60_monthly_keeps_zz_above() -> bool:
    """Does 60 mg/kg every 4 weeks keep a ZZ person's trough above 11 µM? (No.)"""
    from aatd import therapy

    return therapy.steady_trough_uM("ZZ", dose_mg_per_kg=60, interval_days=28) > 11.0
