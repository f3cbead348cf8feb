"""Computed quiz answers for elastase against antitrypsin (chapter 4): exposure ratios, the bend,
smoking.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


def _largest_smoking_factor() -> str:
    """Of MM, MZ, SZ, ZZ: the genotype whose exposure per burst smoking multiplies most."""
    from aatd import kinetics

    return max(
        ("MM", "MZ", "SZ", "ZZ"),
        key=lambda g: kinetics.elastase_exposure(g, smoker=True) / kinetics.elastase_exposure(g),
    )


for _g in ("MM", "MZ", "SZ", "ZZ"):
    computed(f"smoking_factor_largest_{_g.lower()}")(lambda g=_g: _largest_smoking_factor() == g)


@computed("zz_smoking_exposure_ratio")
def zz_smoking_exposure_ratio() -> float:
    """Model elastase exposure per burst for a ZZ smoker divided by a ZZ non-smoker's."""
    from aatd import kinetics

    return round(
        float(kinetics.elastase_exposure("ZZ", smoker=True) / kinetics.elastase_exposure("ZZ")), 2
    )


@computed("zz_vs_mm_exposure_ratio")
def zz_vs_mm_exposure_ratio() -> float:
    """Exposure per burst, typical ZZ ÷ typical MM non-smoker (model)."""
    from aatd import kinetics

    return round(kinetics.elastase_exposure("ZZ") / kinetics.elastase_exposure("MM"), 1)


@computed("z_vs_m_protein_at_30um_ratio")
def z_vs_m_protein_at_30um_ratio() -> float:
    """Exposure with ZZ protein at 30 µM ÷ M protein (MM) at 30 µM (model)."""
    from aatd import kinetics

    return round(
        kinetics.elastase_exposure("ZZ", aat_uM=30.0)
        / kinetics.elastase_exposure("MM", aat_uM=30.0),
        2,
    )


@computed("smoker_bend_uM")
def smoker_bend_uM() -> float:
    """Serum AAT (µM) at the bend of a smoker's exposure curve (model)."""
    from aatd import kinetics

    return round(kinetics.exposure_bend_uM(smoker=True), 1)


@computed("zz_burst_uses_up_aat")
def zz_burst_uses_up_aat() -> bool:
    """True when one standard burst uses up more than 99% of a typical ZZ lung's active AAT."""
    from aatd import kinetics

    b = kinetics.simulate_burst("ZZ")
    return bool(b.active_aat_nM[-1] < 0.01 * b.active_aat_nM[0])


@computed("sz_smoker_above_mz")
def sz_smoker_above_mz() -> bool:
    """True when a typical SZ smoker's exposure per burst exceeds an MZ non-smoker's."""
    from aatd import kinetics

    return kinetics.elastase_exposure("SZ", smoker=True) > kinetics.elastase_exposure("MZ")


@computed("sz_smoker_below_mz")
def sz_smoker_below_mz() -> bool:
    """True when a typical SZ smoker's exposure per burst is below an MZ non-smoker's."""
    from aatd import kinetics

    return kinetics.elastase_exposure("SZ", smoker=True) < kinetics.elastase_exposure("MZ")


@computed("sz_smoker_close_to_mz")
def sz_smoker_close_to_mz() -> bool:
    """True when a typical SZ smoker's exposure per burst is within 20% of an MZ non-smoker's."""
    from aatd import kinetics

    sz, mz = kinetics.elastase_exposure("SZ", smoker=True), kinetics.elastase_exposure("MZ")
    return abs(sz - mz) <= 0.2 * mz
