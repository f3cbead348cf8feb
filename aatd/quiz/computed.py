"""Computed answers for question banks: the key can never drift from the model.

A bank may write ``answer_from: <name>`` (numeric questions: a number) or
``correct_when: <name>`` (an option of a single/multiple question: a bool) instead of a
literal answer. ``<name>`` is a function registered here with ``@computed("<name>")``.
Each function takes no arguments, calls the ``aatd`` model and returns the value.

Chapter authors: ADD small functions below (a few lines each, calling the aatd model),
one ``@computed("lowercase-or_underscore-name")`` each. Keep imports inside the function
so that loading a bank never imports modules it does not need.
"""

from __future__ import annotations

from collections.abc import Callable

#: name -> zero-argument function returning a number (answer_from) or bool (correct_when)
REGISTRY: dict[str, Callable[[], object]] = {}


def computed(name: str):
    """Register a zero-argument function under ``name`` for ``answer_from``/``correct_when``."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"computed name must be a non-empty string, got {name!r}")

    def register(func):
        if name in REGISTRY and REGISTRY[name] is not func:
            raise ValueError(f"computed name {name!r} is already registered")
        REGISTRY[name] = func
        return func

    return register


def names() -> list[str]:
    """Every registered computed name, sorted."""
    return sorted(REGISTRY)


def value(name: str):
    """Call the function registered as ``name``; ``KeyError`` if there is none."""
    return REGISTRY[name]()


# --- units (chapter 02) -----------------------------------------------------------


@computed("threshold_mg_dl_by_mass")
def threshold_mg_dl_by_mass() -> float:
    """The 11 µM protective threshold in mg/dL by molecular mass (about 57.2)."""
    from aatd import units

    return round(float(units.uM_to_mg_dl(units.PROTECTIVE_THRESHOLD_UM)), 1)


@computed("threshold_mg_dl_old_standard")
def threshold_mg_dl_old_standard() -> float:
    """The 11 µM threshold on the older commercial standard (80 mg/dL)."""
    from aatd import units

    return round(
        float(units.uM_to_mg_dl(units.PROTECTIVE_THRESHOLD_UM, standard="old_commercial")), 1
    )


# --- genetics (chapter 02) --------------------------------------------------------


@computed("z_secreted_percent")
def z_secreted_percent() -> float:
    """Share of Z protein that leaves the liver, relative to M (percent, about 15)."""
    from aatd import genetics

    return round(100.0 * genetics.ALLELE_SECRETION["Z"], 1)


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


def _entirely_below_threshold(genotype: str) -> bool:
    from aatd import genetics, units

    return genetics.serum_aat(genotype).high_uM < units.PROTECTIVE_THRESHOLD_UM


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


# --- liver and skin (chapter 07) --------------------------------------------------


@computed("z_retained_percent")
def z_retained_percent() -> float:
    """Share of Z protein kept inside the liver cell (percent, about 85; ``lomas1992``)."""
    from aatd.plots import liver

    return liver.z_shares_percent()["retained"]


@computed("zz_mm_children_all_mz")
def zz_mm_children_all_mz() -> bool:
    """True when every child of a ZZ and an MM parent is MZ (a transplant changes no genes)."""
    from aatd import genetics

    return genetics.offspring("ZZ", "MM").get("MZ", 0.0) == 1.0


@computed("zz_mm_children_can_be_mm")
def zz_mm_children_can_be_mm() -> bool:
    """True if a child of a ZZ and an MM parent can be MM (False)."""
    from aatd import genetics

    return genetics.offspring("ZZ", "MM").get("MM", 0.0) > 0.0


# --- diagnosis and care (chapter 08) ----------------------------------------------


@computed("zz_typical_mg_dl_by_mass")
def zz_typical_mg_dl_by_mass() -> float:
    """Typical ZZ serum AAT converted to mg/dL by molecular mass (about 25)."""
    from aatd import genetics, units

    return round(float(units.uM_to_mg_dl(genetics.serum_aat("ZZ").typical_uM)), 1)


# --- case studies (chapter 09) ----------------------------------------------------


@computed("case_maya_decline_40_60")
def case_maya_decline_40_60() -> float:
    """Model FEV1 decline of Maya (ZZ, never smoked) from 40 to 60 (mL/yr)."""
    from aatd.plots import cases

    return round(cases.MAYA.decline_ml_per_year(40, 60), 0)


@computed("case_maya_faster_than_mm")
def case_maya_faster_than_mm() -> bool:
    """True when Maya's (ZZ, never smoked) model decline at 40-60 beats an MM never-smoker's."""
    from aatd import lung
    from aatd.plots import cases

    return cases.MAYA.decline_ml_per_year(40, 60) > lung.decline_ml_per_year("MM")


@computed("case_maya_close_to_mm")
def case_maya_close_to_mm() -> bool:
    """True when Maya's model decline from 40 to 60 is within 2 mL/yr of an MM never-smoker's."""
    from aatd import lung
    from aatd.plots import cases

    return abs(cases.MAYA.decline_ml_per_year(40, 60) - lung.decline_ml_per_year("MM")) <= 2.0


@computed("case_daniel_smoking_decline_faster")
def case_daniel_smoking_decline_faster() -> bool:
    """True when Daniel's model decline while smoking (25 to quit age) beats Maya's."""
    from aatd.plots import cases

    d = cases.DANIEL
    return d.decline_ml_per_year(25, d.quit_age) > cases.MAYA.decline_ml_per_year(25, d.quit_age)


@computed("case_daniel_after_quit_close_to_maya")
def case_daniel_after_quit_close_to_maya() -> bool:
    """True when Daniel's model decline after quitting is within 10% of Maya's (same ages)."""
    from aatd.plots import cases

    d = cases.DANIEL
    after = d.decline_ml_per_year(d.quit_age + 1, d.quit_age + 21)
    maya = cases.MAYA.decline_ml_per_year(d.quit_age + 1, d.quit_age + 21)
    return abs(after - maya) <= 0.1 * maya


@computed("case_daniel_regains_lost_fev1")
def case_daniel_regains_lost_fev1() -> bool:
    """True if quitting let Daniel's model FEV1 (% of age 25) catch up with Maya's by 70."""
    from aatd.plots import cases

    d = cases.DANIEL.trajectory([70.0]).percent_of_age25[0]
    m = cases.MAYA.trajectory([70.0]).percent_of_age25[0]
    return bool(d >= m)


@computed("case_priya_decline_close_to_mm")
def case_priya_decline_close_to_mm() -> bool:
    """True when Priya's (MZ, never smoked) model decline is within 2 mL/yr of MM never-smoking."""
    from aatd import lung
    from aatd.plots import cases

    return abs(cases.PRIYA.decline_ml_per_year() - lung.decline_ml_per_year("MM")) <= 2.0


@computed("mz_x_mm_zz_percent")
def mz_x_mm_zz_percent() -> float:
    """Chance (percent) that a child of an MZ and an MM parent is ZZ (0)."""
    from aatd import genetics

    return round(100.0 * genetics.offspring("MZ", "MM").get("ZZ", 0.0), 1)


@computed("mz_x_mm_mz_percent")
def mz_x_mm_mz_percent() -> float:
    """Chance (percent) that a child of an MZ and an MM parent is MZ (50)."""
    from aatd import genetics

    return round(100.0 * genetics.offspring("MZ", "MM").get("MZ", 0.0), 1)


@computed("zz_smoking_exposure_ratio")
def zz_smoking_exposure_ratio() -> float:
    """Model elastase exposure per burst for a ZZ smoker divided by a ZZ non-smoker's."""
    from aatd import kinetics

    return round(
        float(kinetics.elastase_exposure("ZZ", smoker=True) / kinetics.elastase_exposure("ZZ")), 2
    )


# --- simulation chapters (04 elastase vs antitrypsin, 06 lung damage) ------------


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


def _largest_smoking_factor() -> str:
    """Of MM, MZ, SZ, ZZ: the genotype whose exposure per burst smoking multiplies most."""
    from aatd import kinetics

    return max(
        ("MM", "MZ", "SZ", "ZZ"),
        key=lambda g: kinetics.elastase_exposure(g, smoker=True) / kinetics.elastase_exposure(g),
    )


for _g in ("MM", "MZ", "SZ", "ZZ"):
    computed(f"smoking_factor_largest_{_g.lower()}")(lambda g=_g: _largest_smoking_factor() == g)


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


def _quit_and_augmentation_gains() -> tuple[float, float]:
    """ZZ, mean decline 40–60 (mL/yr): saved by stopping at 40, then by augmentation from 40."""
    from aatd import lung

    current = lung.decline_ml_per_year("ZZ", smoking="current")
    former = lung.decline_ml_per_year("ZZ", smoking="former", quit_age=40)
    augmented = lung.decline_ml_per_year(
        "ZZ", smoking="former", quit_age=40, augmentation_start_age=40
    )
    return current - former, former - augmented


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


# --- the protein (chapter 01) -------------------------------------------------------


@computed("titration_100_aat_30_elastase_active")
def titration_100_aat_30_elastase_active() -> float:
    """Active AAT left when 30 elastase molecules meet 100 AAT molecules (1:1): 70."""
    from aatd.plots import protein

    return protein.titration(100, 30)[0]


@computed("titration_100_aat_130_elastase_free")
def titration_100_aat_130_elastase_free() -> float:
    """Free elastase left when 130 elastase molecules meet 100 AAT molecules (1:1): 30."""
    from aatd.plots import protein

    return protein.titration(100, 130)[1]


@computed("percent_left_after_two_half_lives")
def percent_left_after_two_half_lives() -> float:
    """Percent of today's molecules left after two half-lives (first-order clearance): 25."""
    from aatd.plots import protein

    return round(100 * protein.fraction_remaining(2, half_life_days=1), 1)


# --- protease balance (chapter 03) --------------------------------------------------


@computed("zz_lining_fluid_half_time_ms")
def zz_lining_fluid_half_time_ms() -> float:
    """Inhibition half-time (ms) of Z protein at PiZZ lining-fluid AAT (1.4 µM): about 110."""
    from aatd.plots import balance

    return round(balance.measured_half_times_ms()["ZZ"])


@computed("zz_vs_mm_lining_fluid_half_time_ratio")
def zz_vs_mm_lining_fluid_half_time_ratio() -> float:
    """How many times longer the ZZ than the MM lining-fluid half-time is: about 5.7."""
    from aatd.plots import balance

    t = balance.measured_half_times_ms()
    return round(t["ZZ"] / t["MM"], 1)


# --- lung disease (chapter 05) ------------------------------------------------------


@computed("pizz_current_vs_never_decline_ratio")
def pizz_current_vs_never_decline_ratio() -> float:
    """PiZZ FEV1 decline, current over never smokers (Hiller 2019, 70/32): about 2.2."""
    from aatd.plots import lungdisease as ld

    g = "PiZZ (Sweden)"
    return round(ld.decline_ml_per_year(g, "current") / ld.decline_ml_per_year(g, "never"), 1)


@computed("pizz_quit_vs_continue_gap_20y_ml")
def pizz_quit_vs_continue_gap_20y_ml() -> float:
    """FEV1 gap (mL) after 20 years at the PiZZ current vs former rates (70 − 42) × 20: 560."""
    from aatd.plots import lungdisease as ld

    g = "PiZZ (Sweden)"
    return 20 * (ld.decline_ml_per_year(g, "current") - ld.decline_ml_per_year(g, "former"))


from aatd.quiz import computed_treatment as _computed_treatment  # noqa: E402, F401
# Chapter "Families and populations" (moved into the per-chapter package at merge).
from aatd.quiz import computed_families as _computed_families  # noqa: E402, F401
