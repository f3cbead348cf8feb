"""Computed quiz answers for lung damage over a lifetime (chapter 6): model declines, quitting,
augmentation.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


def _quit_and_augmentation_gains() -> tuple[float, float]:
    """ZZ, mean decline 40–60 (mL/yr): saved by stopping at 40, then by augmentation from 40."""
    from aatd import lung

    current = lung.decline_ml_per_year("ZZ", smoking="current")
    former = lung.decline_ml_per_year("ZZ", smoking="former", quit_age=40)
    augmented = lung.decline_ml_per_year(
        "ZZ", smoking="former", quit_age=40, augmentation_start_age=40
    )
    return current - former, former - augmented


@computed("zz_current_vs_never_decline_ratio")
def zz_current_vs_never_decline_ratio() -> float:
    """Model FEV1 decline (40–60), ZZ current smoker ÷ ZZ never-smoker."""
    from aatd import lung

    return round(
        lung.decline_ml_per_year("ZZ", smoking="current")
        / lung.decline_ml_per_year("ZZ", smoking="never"),
        2,
    )


@computed("zz_quit35_vs_quit55_gap_at_65")
def zz_quit35_vs_quit55_gap_at_65() -> float:
    """FEV1 at 65 (% of age-25 value): ZZ stopping at 35 minus stopping at 55 (model)."""
    from aatd import lung

    def at65(q):
        t = lung.fev1_trajectory("ZZ", smoking="former", quit_age=q, ages=[65.0])
        return float(t.percent_of_age25[0])

    return round(at65(35) - at65(55), 1)


@computed("mz_never_closer_to_mm")
def mz_never_closer_to_mm() -> bool:
    """True when the MZ never-smoker's model decline is closer to MM's than to ZZ's."""
    from aatd import lung

    mm, mz, zz = (lung.decline_ml_per_year(g) for g in ("MM", "MZ", "ZZ"))
    return abs(mz - mm) < abs(mz - zz)


@computed("mz_never_closer_to_zz")
def mz_never_closer_to_zz() -> bool:
    """True when the MZ never-smoker's model decline is closer to ZZ's than to MM's."""
    return not mz_never_closer_to_mm()


@computed("mz_never_near_mm_zz_midpoint")
def mz_never_near_mm_zz_midpoint() -> bool:
    """True when the MZ never-smoker's model decline lies within a tenth of the MM–ZZ gap of
    the midpoint between MM and ZZ (the 'one allele of each, so halfway' guess)."""
    from aatd import lung

    mm, mz, zz = (lung.decline_ml_per_year(g) for g in ("MM", "MZ", "ZZ"))
    return abs(mz - (mm + zz) / 2) <= 0.1 * abs(zz - mm)


@computed("zz_quit40_returns_to_never_rate")
def zz_quit40_returns_to_never_rate() -> bool:
    """True when a ZZ smoker who stops at 40 declines (45–60) at the never-smoker's rate."""
    from aatd import lung

    after = lung.decline_ml_per_year("ZZ", smoking="former", quit_age=40, from_age=45, to_age=60)
    never = lung.decline_ml_per_year("ZZ", from_age=45, to_age=60)
    return abs(after - never) < 0.5


@computed("quitting_lowers_decline_more_than_augmentation")
def quitting_lowers_decline_more_than_augmentation() -> bool:
    """True when, in the model, stopping at 40 saves more mL/yr than augmentation from 40."""
    quit_gain, aug_gain = _quit_and_augmentation_gains()
    return quit_gain > aug_gain


@computed("quitting_and_augmentation_gains_similar")
def quitting_and_augmentation_gains_similar() -> bool:
    """True when the model's gains from stopping at 40 and from augmentation are within 20%."""
    quit_gain, aug_gain = _quit_and_augmentation_gains()
    return abs(quit_gain - aug_gain) <= 0.2 * max(quit_gain, aug_gain)


@computed("augmentation_lowers_decline_more_than_quitting")
def augmentation_lowers_decline_more_than_quitting() -> bool:
    """True when, in the model, augmentation from 40 saves more mL/yr than stopping at 40."""
    quit_gain, aug_gain = _quit_and_augmentation_gains()
    return aug_gain > quit_gain
