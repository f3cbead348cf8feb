"""Computed quiz answers for diagnosis and care (chapter 8): serum levels in mg/dL.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("zz_typical_mg_dl_by_mass")
def zz_typical_mg_dl_by_mass() -> float:
    """Typical ZZ serum AAT converted to mg/dL by molecular mass (about 25)."""
    from aatd import genetics, units

    return round(float(units.uM_to_mg_dl(genetics.serum_aat("ZZ").typical_uM)), 1)
