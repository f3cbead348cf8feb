"""Lifetime lung function (FEV1): growth, ageing, smoking, elastase damage.

The model (rates in mL/yr; every number is in ``aatd.parameters``)::

    H(a)  = F_peak·(1 − (1 − g0)·(1 − a/25)ⁿ) before 25, F_peak after   (growth)
    r(a)  = r_smoke·[smoking at a]                                        (smoke itself)
          + α · B · m_smoke^[smoking at a] · U(serum(a), smoker at a)     (elastase)
    C(a)  = F_peak − r_age·max(0, a − 25) − ∫₁₈ᵃ r                        (ceiling)
    FEV1(a) = min(H(a), soft_floor(C(a)))

* ``r_age`` is normal ageing (fitted to the general population, ``oelsner2020``);
* ``r_smoke`` is the part of smokers' extra decline that does not depend on AAT (smokers
  with normal AAT decline faster too, ``oelsner2020``, ``lunghealth2002``);
* the elastase term is proportional to yearly damage: bursts per year ``B`` (multiplied by
  ``m_smoke`` while smoking) × free-elastase exposure per burst ``U`` from
  ``aatd.kinetics.elastase_exposure`` (smoking also oxidises 40% of lining-fluid AAT);
* damage is counted from 18; current smokers smoke from 18; a former smoker smokes from
  18 until ``quit_age``. Quitting stops the smoking terms from then on and restores
  nothing (``fletcher1977``);
* augmentation (from ``augmentation_start_age``) holds serum AAT at the trough reached
  with weekly infusions, 126 mg/dL (``wewers1987``, whose abstract does not state the
  assay standard; reading it on the old commercial standard is an assumption), about
  17.3 µM, the added protein being M. Its effect on FEV1 is a **model
  assumption**: the RAPID trial measured slower loss of CT lung density, not FEV1
  (``chapman2015``).
* the lung grows until it meets its (falling) ceiling, so FEV1 rises to one peak in the
  early-to-mid 20s and never rises after it; a soft floor keeps FEV1 positive.

This is a teaching model of averages. It is not a prognosis for any person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _checks, genetics, kinetics
from . import parameters as P

#: Allowed values of ``smoking``.
SMOKING = ("never", "current", "former")

PEAK_FEV1_L = P.value("peak_fev1_l")
PEAK_AGE_YEARS = P.value("peak_age_years")
BIRTH_FEV1_FRACTION = P.value("birth_fev1_fraction")
GROWTH_EXPONENT = P.value("growth_exponent")
AGEING_ML_PER_YEAR = P.value("ageing_ml_per_year")
SMOKING_ML_PER_YEAR = P.value("smoking_ml_per_year")
DAMAGE_START_AGE_YEARS = P.value("damage_start_age_years")
BURSTS_PER_YEAR = P.value("bursts_per_year")
SMOKER_BURST_FACTOR = P.value("smoker_burst_factor")
DAMAGE_ML_PER_NM_S = P.value("damage_ml_per_nM_s")
FEV1_FLOOR_L = P.value("fev1_floor_l")
AUGMENTATION_TROUGH_UM = P.value("augmentation_trough_uM")
_FLOOR_SOFTNESS_L = 0.05

#: Default ages of a trajectory (years).
DEFAULT_AGES = np.linspace(18.0, 90.0, 145)


@dataclass(frozen=True)
class Trajectory:
    """FEV1 over a lifetime: ``age_years``, ``fev1_l`` (L) and ``percent_of_age25``.

    ``percent_of_age25`` is FEV1 as % of the same person's value at 25, the scale
    Fletcher & Peto used (``fletcher1977``). ``peak_age_years`` is where FEV1 peaks.
    """

    age_years: np.ndarray
    fev1_l: np.ndarray
    percent_of_age25: np.ndarray
    genotype: str
    smoking: str
    quit_age: float | None
    augmentation_start_age: float | None
    serum_aat_uM: float
    peak_age_years: float


# ------------------------------------------------------------------ checks
def _check_ages(ages):
    if ages is None:
        return DEFAULT_AGES.copy()
    arr = _checks.nonnegative("ages", ages, "years")
    arr = np.atleast_1d(np.asarray(arr, dtype=float))
    if arr.ndim != 1:
        raise ValueError(f"ages must be a 1-D list of ages in years, got shape {arr.shape}")
    too_old = arr > _checks.MAX_AGE_YEARS
    if too_old.any():
        raise ValueError(
            f"ages must be between {_checks.MIN_AGE_YEARS:g} and "
            f"{_checks.MAX_AGE_YEARS:g} years, got {arr[too_old][0]!r}"
        )
    return arr


def _check_scenario(smoking, quit_age, augmentation_start_age):
    if smoking not in SMOKING:
        raise ValueError(
            f"smoking must be one of {', '.join(repr(s) for s in SMOKING)}, got {smoking!r}"
        )
    if smoking == "former":
        if quit_age is None:
            raise ValueError(
                "smoking='former' needs quit_age (age in years, 0–100), got None"
            )
        quit_age = _checks.age("quit_age", quit_age)
    elif quit_age is not None:
        raise ValueError(
            f"quit_age is only allowed with smoking='former', got quit_age={quit_age!r} "
            f"with smoking={smoking!r}"
        )
    if augmentation_start_age is not None:
        augmentation_start_age = _checks.age(
            "augmentation_start_age", augmentation_start_age)
    return quit_age, augmentation_start_age


# ------------------------------------------------------------------ rates
def _serum_and_rate(genotype, aat_uM, augmented):
    """Serum level (µM) and effective rate constant (M⁻¹s⁻¹), with augmentation."""
    serum = genetics.serum_aat(genotype).typical_uM if aat_uM is None else float(aat_uM)
    k_own = kinetics.k_ass_per_M_s(genotype)
    if not augmented or serum >= AUGMENTATION_TROUGH_UM:
        return serum, k_own
    infused = AUGMENTATION_TROUGH_UM - serum
    k = (serum * k_own + infused * kinetics.K_ASS_PER_M_S["M"]) / AUGMENTATION_TROUGH_UM
    return AUGMENTATION_TROUGH_UM, k


def decline_rates_ml_per_year(genotype, *, smoker=False, augmented=False, aat_uM=None):
    """The three parts of the yearly FEV1 decline after the peak (mL/yr).

    Returns a dict with ``"ageing"``, ``"smoking"`` (AAT-independent), ``"elastase"``
    (bursts/yr × exposure × damage coefficient) and ``"total"``, for someone who smokes
    (``smoker``) or not, with or without augmentation, at the genotype's typical serum
    level or at ``aat_uM`` (µM, serum).
    """
    g = genetics.parse_genotype(genotype)
    if aat_uM is not None:
        aat_uM = _checks.nonnegative("aat_uM", aat_uM, "µM")
        if np.ndim(aat_uM) != 0:
            raise ValueError(f"aat_uM must be one serum level (µM), got {aat_uM!r}")
    for name, flag in (("smoker", smoker), ("augmented", augmented)):
        if not isinstance(flag, (bool, np.bool_)):
            raise ValueError(f"{name} must be True or False, got {flag!r}")
    serum, k = _serum_and_rate(g, aat_uM, bool(augmented))
    exposure = kinetics.exposure_for_rate(k, serum, smoker=bool(smoker))
    bursts = BURSTS_PER_YEAR * (SMOKER_BURST_FACTOR if smoker else 1.0)
    elastase = DAMAGE_ML_PER_NM_S * bursts * exposure
    smoking = SMOKING_ML_PER_YEAR if smoker else 0.0
    return {
        "ageing": AGEING_ML_PER_YEAR,
        "smoking": smoking,
        "elastase": elastase,
        "total": AGEING_ML_PER_YEAR + smoking + elastase,
    }


def _segments(genotype, aat_uM, smoking, quit_age, aug_age):
    """Piecewise-constant damage rates from 18 on: list of (start, end, L/yr)."""
    start = DAMAGE_START_AGE_YEARS
    stop_smoking = {"never": start, "current": np.inf,
                    "former": max(start, quit_age or 0.0)}[smoking]
    aug = np.inf if aug_age is None else max(start, aug_age)
    edges = sorted({start, min(stop_smoking, 1e9), min(aug, 1e9), 1e9})
    cache = {}
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        if hi <= lo:
            continue
        key = (bool(lo < stop_smoking), bool(lo >= aug))
        if key not in cache:
            rates = decline_rates_ml_per_year(genotype, smoker=key[0], augmented=key[1],
                                              aat_uM=aat_uM)
            cache[key] = (rates["smoking"] + rates["elastase"]) / 1000.0
        out.append((lo, hi, cache[key]))
    return out


def _fev1_l(ages, segments):
    """FEV1 (L) at ``ages`` for the damage ``segments`` of :func:`_segments`."""
    young = np.minimum(ages, PEAK_AGE_YEARS) / PEAK_AGE_YEARS
    growth = PEAK_FEV1_L * (1.0 - (1.0 - BIRTH_FEV1_FRACTION)
                            * (1.0 - young) ** GROWTH_EXPONENT)
    damage = np.zeros_like(ages)
    for lo, hi, rate_l in segments:
        damage += rate_l * np.clip(ages - lo, 0.0, hi - lo)
    ceiling = (PEAK_FEV1_L
               - AGEING_ML_PER_YEAR / 1000.0 * np.maximum(ages - PEAK_AGE_YEARS, 0.0)
               - damage)
    s = _FLOOR_SOFTNESS_L
    ceiling = FEV1_FLOOR_L + s * np.logaddexp(0.0, (ceiling - FEV1_FLOOR_L) / s)
    return np.minimum(growth, ceiling)


_PEAK_SEARCH_AGES = np.linspace(0.0, 40.0, 801)


# ------------------------------------------------------------------ public API
def fev1_trajectory(genotype, *, smoking="never", quit_age=None,
                    augmentation_start_age=None, ages=None, aat_uM=None) -> Trajectory:
    """FEV1 (L) and FEV1 as % of the value at 25 over ``ages`` (years).

    Parameters
    ----------
    genotype : str
        Genotype code (``"MM"``, ``"MZ"``, ``"ZZ"``, ``"Q0Q0"``, ...).
    smoking : {"never", "current", "former"}
        Current smokers smoke from 18 on; ``"former"`` smokes from 18 until ``quit_age``.
    quit_age : float, optional
        Required with ``smoking="former"`` and only allowed with it (years, 0–100; a
        quit age at or before 18 means no smoking years).
    augmentation_start_age : float, optional
        Weekly augmentation from this age: serum AAT held at the ~17.3 µM trough
        (``wewers1987``). Its FEV1 effect is a model assumption (``chapman2015``).
    ages : array, optional
        Ages in years (0–100); default 18 to 90 in half years.
    aat_uM : float, optional
        Serum AAT (µM) instead of the genotype's typical level (kinetics stay the
        genotype's).
    """
    g = genetics.parse_genotype(genotype)
    quit_age, aug_age = _check_scenario(smoking, quit_age, augmentation_start_age)
    if aat_uM is not None:
        aat_uM = _checks.nonnegative("aat_uM", aat_uM, "µM")
        if np.ndim(aat_uM) != 0:
            raise ValueError(f"aat_uM must be one serum level (µM), got {aat_uM!r}")
    ages = _check_ages(ages)
    segments = _segments(g, aat_uM, smoking, quit_age, aug_age)
    n = ages.size
    fev1_all = _fev1_l(np.concatenate([ages, [PEAK_AGE_YEARS], _PEAK_SEARCH_AGES]),
                       segments)
    fev1, at25 = fev1_all[:n], fev1_all[n]
    peak_age = float(_PEAK_SEARCH_AGES[np.argmax(fev1_all[n + 1:])])
    serum = genetics.serum_aat(g).typical_uM if aat_uM is None else float(aat_uM)
    return Trajectory(ages, fev1, 100.0 * fev1 / at25, g, smoking, quit_age, aug_age,
                      serum, peak_age)


def decline_ml_per_year(genotype, *, smoking="never", from_age=40, to_age=60, **kw):
    """Mean FEV1 decline between ``from_age`` and ``to_age`` (mL/yr; default 40–60).

    Keyword arguments (``quit_age``, ``augmentation_start_age``, ``aat_uM``) as in
    :func:`fev1_trajectory`. Positive numbers mean loss.
    """
    a = _checks.age("from_age", from_age)
    b = _checks.age("to_age", to_age)
    if not b > a:
        raise ValueError(f"to_age must be later than from_age, got from_age={from_age!r}, "
                         f"to_age={to_age!r}")
    if "ages" in kw:
        raise ValueError("decline_ml_per_year takes from_age and to_age, not ages")
    traj = fev1_trajectory(genotype, smoking=smoking, ages=[a, b], **kw)
    return float((traj.fev1_l[0] - traj.fev1_l[1]) / (b - a) * 1000.0)


# ------------------------------------------------------------------ calibration targets
@dataclass(frozen=True)
class CalibrationTarget:
    """One published FEV1-decline number the model is set beside (mL/yr, ages 40–60).

    ``published`` is a tuple of ``(value_ml_per_year, label, bibtex_key)``; ``band`` the
    range the model must land in (tests assert it); ``scenario`` the keyword arguments of
    :func:`decline_ml_per_year`; ``fitted_parameter`` names the parameter of
    ``aatd.parameters`` chosen to meet this target (``""``: the target is a genuine
    check the model was not tuned to).
    """

    label: str
    genotype: str
    scenario: dict
    published: tuple
    band: tuple
    note: str = ""
    fitted_parameter: str = ""

    def model_ml_per_year(self) -> float:
        """The model's mean decline for this scenario (mL/yr, ages 40–60)."""
        return decline_ml_per_year(self.genotype, **self.scenario)


#: The published declines of the model issue, with the bands the model must meet.
CALIBRATION_TARGETS = (
    CalibrationTarget(
        "MM never-smoker", "MM", {"smoking": "never"},
        ((31.0, "general population", "oelsner2020"),), (25.0, 37.0),
        fitted_parameter="ageing_ml_per_year"),
    CalibrationTarget(
        "MM current smoker", "MM", {"smoking": "current"},
        ((40.0, "current smokers", "oelsner2020"),
         (54.2, "continuing smokers, women", "lunghealth2002"),
         (66.1, "continuing smokers, men", "lunghealth2002")), (38.0, 70.0),
        fitted_parameter="smoking_ml_per_year"),
    CalibrationTarget(
        "ZZ never-smoker", "ZZ", {"smoking": "never"},
        ((32.0, "Swedish registry", "hiller2019"),
         (54.0, "NHLBI registry, mixed smoking", "registry1998")), (30.0, 60.0),
        fitted_parameter="damage_ml_per_nM_s"),
    CalibrationTarget(
        "ZZ current smoker", "ZZ", {"smoking": "current"},
        ((70.0, "Swedish registry", "hiller2019"),
         (317.0, "small New Zealand cohort", "janus1985")), (65.0, 140.0),
        "Janus's 317 mL/yr came from 69 ZZ people followed 1970–83 (how they were "
        "found is not stated in the abstract; selection may explain part of the gap); "
        "the band follows the population registry.",
        fitted_parameter="smoker_burst_factor"),
    CalibrationTarget(
        "ZZ former smoker (quit at 40)", "ZZ", {"smoking": "former", "quit_age": 40},
        ((42.0, "ex-smokers, any quit age", "hiller2019"),), (30.0, 60.0),
        "Also: below the current smoker and within 10 mL/yr of the ZZ never-smoker."),
    CalibrationTarget(
        "MZ never-smoker", "MZ", {"smoking": "never"},
        (), (None, None),
        "No clear difference from MM in mean FEV1 (hersh2004): the model must be "
        "within 5 mL/yr of the MM never-smoker."),
    CalibrationTarget(
        "Q0Q0 never-smoker", "Q0Q0", {"smoking": "never"},
        (), (None, None),
        "No AAT at all: the model must decline at least as fast as the ZZ "
        "never-smoker."),
)


def calibration_table() -> list[dict]:
    """Model beside every published decline: one dict per :data:`CALIBRATION_TARGETS`.

    Keys: ``label``, ``model_ml_per_year``, ``published`` (tuple as in the target),
    ``band`` (low, high) or ``(None, None)``, ``within_band`` (bool or ``None``),
    ``note``, ``fitted_parameter``.
    """
    rows = []
    for t in CALIBRATION_TARGETS:
        value = t.model_ml_per_year()
        low, high = t.band
        rows.append({
            "label": t.label,
            "model_ml_per_year": value,
            "published": t.published,
            "band": t.band,
            "within_band": None if low is None else bool(low <= value <= high),
            "note": t.note,
            "fitted_parameter": t.fitted_parameter,
        })
    return rows
