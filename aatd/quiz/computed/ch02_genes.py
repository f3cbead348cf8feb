"""Computed quiz answers for genes and inheritance (chapter 2): units, genotype ranges against the
threshold, Punnett chances.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


def _entirely_below_threshold(genotype: str) -> bool:
    from aatd import genetics, units

    return genetics.serum_aat(genotype).high_uM < units.PROTECTIVE_THRESHOLD_UM


@computed("threshold_mg_dl_by_mass")
def threshold_mg_dl_by_mass() -> float:
    """The 11 µM protective threshold in mg/dL by molecular mass (about 57.2)."""
    from aatd import units

    return round(float(units.uM_to_mg_dl(units.PROTECTIVE_THRESHOLD_UM)), 1)


@computed("mz_x_mz_zz_percent")
def mz_x_mz_zz_percent() -> float:
    """Chance (percent) that a child of two MZ parents is ZZ (25)."""
    from aatd import genetics

    return round(100.0 * genetics.offspring("MZ", "MZ").get("ZZ", 0.0), 1)


@computed("mz_serum_m_share_percent")
def mz_serum_m_share_percent() -> float:
    """Share (percent) of M protein in an MZ person's serum (about 87)."""
    from aatd import genetics

    return round(100.0 * genetics.protein_shares("MZ")["M"], 1)


@computed("zz_entirely_below_threshold")
def zz_entirely_below_threshold() -> bool:
    """True when the whole ZZ range (5th–95th percentile) lies below 11 µM."""
    return _entirely_below_threshold("ZZ")


@computed("sz_entirely_below_threshold")
def sz_entirely_below_threshold() -> bool:
    """True when the whole SZ range lies below 11 µM (it straddles it: False)."""
    return _entirely_below_threshold("SZ")


@computed("mz_entirely_below_threshold")
def mz_entirely_below_threshold() -> bool:
    """True when the whole MZ range lies below 11 µM (False)."""
    return _entirely_below_threshold("MZ")


@computed("mz_typical_above_threshold")
def mz_typical_above_threshold() -> bool:
    """True when the typical MZ level is above the 11 µM threshold."""
    from aatd import genetics, units

    return genetics.serum_aat("MZ").typical_uM > units.PROTECTIVE_THRESHOLD_UM


@computed("mz_typical_below_threshold")
def mz_typical_below_threshold() -> bool:
    """True when the typical MZ level is below the 11 µM threshold."""
    from aatd import genetics, units

    return genetics.serum_aat("MZ").typical_uM < units.PROTECTIVE_THRESHOLD_UM


@computed("old_standard_70_below_threshold")
def old_standard_70_below_threshold() -> bool:
    """True when 70 mg/dL on the older commercial standard is below 11 µM (about 9.6 µM)."""
    from aatd import units

    return float(units.mg_dl_to_uM(70, standard="old_commercial")) < units.PROTECTIVE_THRESHOLD_UM
