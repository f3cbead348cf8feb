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
* augmentation (from ``augmentation_start_age``) is an **assumption parameter**
  ``f_aug`` (default 1/3, range 0–1/2): while it is given, it removes that share of the
  deficiency-related excess, the person's elastase damage minus an MM person's in the
  same smoking state. The RAPID trial measured slower loss of CT lung density (about a
  third), not FEV1 (``chapman2015``); the mechanism alone (serum held at the ~17.3 µM
  trough of ``wewers1987``) would remove nearly all of the excess, which overstates the
  evidence, so the model does not use it for FEV1. (The trough of 126 mg/dL is read as an
  old-commercial-standard value, itself an assumption: the abstract does not state the
  assay standard);
* the lung grows until it meets its (falling) ceiling, so FEV1 rises to one peak in the
  early-to-mid 20s and never rises after it; a soft floor keeps FEV1 positive;
* the model's range ends where FEV1 reaches 15% of its age-25 value
  (``Trajectory.end_age_years``); rates over spans that reach it are not meaningful
  (:func:`decline_within_model_ml_per_year` returns ``None`` for them).

This is a teaching model of averages. It is not a prognosis for any person.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from . import _checks, genetics, kinetics
from . import parameters as P
from ._checks import FloatOrArray
from ._lung_inputs import (  # noqa: F401  (SMOKING and DEFAULT_AGES are public names here)
    DEFAULT_AGES,
    SMOKING,
    _check_ages,
    _check_fraction,
    _check_scenario,
)

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
#: Share of the deficiency-related excess decline augmentation removes (an assumption).
AUGMENTATION_FEV1_FRACTION = P.value("augmentation_fev1_fraction")
#: The range of that assumption drawn as a band in figures and explorers.
AUGMENTATION_FEV1_RANGE = tuple(P.get("augmentation_fev1_fraction").allowed_range)
#: Curves end where FEV1 reaches this % of its age-25 value (the model's range ends).
MODEL_END_PERCENT = P.value("model_end_percent_of_age25")
_FLOOR_SOFTNESS_L = P.value("fev1_floor_softness_l")


@dataclass(frozen=True)
class Trajectory:
    """FEV1 over a lifetime: ``age_years``, ``fev1_l`` (L) and ``percent_of_age25``.

    ``percent_of_age25`` is FEV1 as % of the same person's value at 25, the scale
    Fletcher & Peto used (``fletcher1977``). ``peak_age_years`` is where FEV1 peaks.
    ``end_age_years`` is the age at which FEV1 first reaches :data:`MODEL_END_PERCENT`
    of its age-25 value (the end of the model's range; ``None`` if not before 100):
    figures stop each curve there with a marker.
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
    end_age_years: float | None = None
    augmentation_fev1_fraction: float = AUGMENTATION_FEV1_FRACTION

    def within_model(self) -> np.ndarray:
        """Boolean mask of the ages up to :attr:`end_age_years` (inside the model's range)."""
        if self.end_age_years is None:
            return np.ones(self.age_years.shape, dtype=bool)
        return self.age_years <= self.end_age_years


# ------------------------------------------------------------------ rates
def _serum_and_rate(
    genotype: object, aat_uM: FloatOrArray | None, augmented: bool
) -> tuple[float, float]:
    """Serum level (µM) and effective rate constant (M⁻¹s⁻¹); with ``augmented`` serum
    is held at the trough with the infused M protein added (the mechanism only)."""
    serum = genetics.serum_aat(genotype).typical_uM if aat_uM is None else float(aat_uM)
    k_own = kinetics.k_ass_per_M_s(genotype)
    if not augmented or serum >= AUGMENTATION_TROUGH_UM:
        return serum, k_own
    infused = AUGMENTATION_TROUGH_UM - serum
    k = (serum * k_own + infused * kinetics.K_ASS_PER_M_S["M"]) / AUGMENTATION_TROUGH_UM
    return AUGMENTATION_TROUGH_UM, k


def _elastase_ml_per_year(
    genotype: object,
    aat_uM: FloatOrArray | None,
    smoker: bool,
    *,
    mechanism_augmented: bool = False,
) -> float:
    """Elastase term (mL/yr): bursts/yr × exposure per burst × damage coefficient."""
    serum, k = _serum_and_rate(genotype, aat_uM, mechanism_augmented)
    exposure = kinetics.exposure_for_rate(k, serum, smoker=smoker)
    bursts = BURSTS_PER_YEAR * (SMOKER_BURST_FACTOR if smoker else 1.0)
    # ``serum`` is one number, so ``exposure`` is one too
    return DAMAGE_ML_PER_NM_S * bursts * float(exposure)


def decline_rates_ml_per_year(
    genotype: object,
    *,
    smoker: object = False,
    augmented: object = False,
    aat_uM: npt.ArrayLike | None = None,
    augmentation_fev1_fraction: float | None = None,
) -> dict[str, float]:
    """The three parts of the yearly FEV1 decline after the peak (mL/yr).

    Returns a dict with ``"ageing"``, ``"smoking"`` (AAT-independent), ``"elastase"``
    (bursts/yr × exposure × damage coefficient), ``"excess"`` (the deficiency-related
    part of the elastase term: minus an MM person's in the same smoking state) and
    ``"total"``, for someone who smokes (``smoker``) or not, at the genotype's typical
    serum level or at ``aat_uM`` (µM, serum). With ``augmented`` the excess shrinks by
    ``augmentation_fev1_fraction`` (default :data:`AUGMENTATION_FEV1_FRACTION`, range
    :data:`AUGMENTATION_FEV1_RANGE`): an assumption, not a trial result (``chapman2015``).
    """
    g = genetics.parse_genotype(genotype)
    if aat_uM is not None:
        aat_uM = _checks.nonnegative("aat_uM", aat_uM, "µM")
        if np.ndim(aat_uM) != 0:
            raise ValueError(f"aat_uM must be one serum level (µM), got {aat_uM!r}")
    for name, flag in (("smoker", smoker), ("augmented", augmented)):
        if not isinstance(flag, (bool, np.bool_)):
            raise ValueError(f"{name} must be True or False, got {flag!r}")
    fraction = _check_fraction(augmentation_fev1_fraction)
    smoker = bool(smoker)
    own = _elastase_ml_per_year(g, aat_uM, smoker)
    normal = _elastase_ml_per_year("MM", None, smoker)
    excess = own - normal
    if augmented and excess > 0:
        excess *= 1.0 - fraction
    elastase = normal + excess
    smoking = SMOKING_ML_PER_YEAR if smoker else 0.0
    return {
        "ageing": AGEING_ML_PER_YEAR,
        "smoking": smoking,
        "elastase": elastase,
        "excess": excess,
        "total": AGEING_ML_PER_YEAR + smoking + elastase,
    }


def mechanism_excess_removed_fraction(genotype: object = "ZZ", *, smoker: object = False) -> float:
    """Share of the deficiency-related excess that the *mechanism alone* would remove if
    augmentation held serum AAT at the trough (``wewers1987``) and FEV1 followed the
    exposure: nearly all of it for ZZ. The model does not use this for FEV1 (it overstates
    what RAPID showed, ``chapman2015``); the book shows it to explain why."""
    g = genetics.parse_genotype(genotype)
    own = _elastase_ml_per_year(g, None, bool(smoker))
    normal = _elastase_ml_per_year("MM", None, bool(smoker))
    mech = _elastase_ml_per_year(g, None, bool(smoker), mechanism_augmented=True)
    if own - normal <= 0:
        return 0.0
    return float((own - mech) / (own - normal))


def _segments(
    genotype: object,
    aat_uM: FloatOrArray | None,
    smoking: str,
    quit_age: float | None,
    aug_age: float | None,
    fraction: float | None = None,
) -> list[tuple[float, float, float]]:
    """Piecewise-constant damage rates from 18 on: list of (start, end, L/yr)."""
    start = DAMAGE_START_AGE_YEARS
    stop_smoking = {"never": start, "current": np.inf, "former": max(start, quit_age or 0.0)}[
        smoking
    ]
    aug = np.inf if aug_age is None else max(start, aug_age)
    edges = sorted({start, min(stop_smoking, 1e9), min(aug, 1e9), 1e9})
    cache: dict[tuple[bool, bool], float] = {}
    out: list[tuple[float, float, float]] = []
    for lo, hi in itertools.pairwise(edges):
        if hi <= lo:
            continue
        key = (bool(lo < stop_smoking), bool(lo >= aug))
        if key not in cache:
            rates = decline_rates_ml_per_year(
                genotype,
                smoker=key[0],
                augmented=key[1],
                aat_uM=aat_uM,
                augmentation_fev1_fraction=fraction,
            )
            cache[key] = (rates["smoking"] + rates["elastase"]) / 1000.0
        out.append((lo, hi, cache[key]))
    return out


def _fev1_l(
    ages: npt.NDArray[np.float64], segments: list[tuple[float, float, float]]
) -> npt.NDArray[np.float64]:
    """FEV1 (L) at ``ages`` for the damage ``segments`` of :func:`_segments`."""
    young = np.minimum(ages, PEAK_AGE_YEARS) / PEAK_AGE_YEARS
    growth = PEAK_FEV1_L * (1.0 - (1.0 - BIRTH_FEV1_FRACTION) * (1.0 - young) ** GROWTH_EXPONENT)
    damage = np.zeros_like(ages)
    for lo, hi, rate_l in segments:
        damage += rate_l * np.clip(ages - lo, 0.0, hi - lo)
    ceiling = (
        PEAK_FEV1_L - AGEING_ML_PER_YEAR / 1000.0 * np.maximum(ages - PEAK_AGE_YEARS, 0.0) - damage
    )
    s = _FLOOR_SOFTNESS_L
    ceiling = FEV1_FLOOR_L + s * np.logaddexp(0.0, (ceiling - FEV1_FLOOR_L) / s)
    return np.minimum(growth, ceiling)


_PEAK_SEARCH_AGES = np.linspace(0.0, 40.0, 801)
#: Ages searched for the end of the model's range (every 0.05 yr; FEV1 is piecewise
#: linear in age after 25, so interpolation between them is exact to ~1e-6 yr).
_END_SEARCH_AGES = np.linspace(PEAK_AGE_YEARS, 100.0, 1501)


def _end_age(fev1_end_search: npt.NDArray[np.float64], at25: float) -> float | None:
    """First age at which FEV1 reaches MODEL_END_PERCENT of its age-25 value, or None."""
    limit = MODEL_END_PERCENT / 100.0 * at25
    below = np.flatnonzero(fev1_end_search <= limit)
    if below.size == 0:
        return None
    i = int(below[0])
    if i == 0:
        return float(_END_SEARCH_AGES[0])
    a0, a1 = _END_SEARCH_AGES[i - 1], _END_SEARCH_AGES[i]
    f0, f1 = fev1_end_search[i - 1], fev1_end_search[i]
    return float(a0 + (f0 - limit) / (f0 - f1) * (a1 - a0))


# ------------------------------------------------------------------ public API
def fev1_trajectory(
    genotype: object,
    *,
    smoking: str = "never",
    quit_age: float | None = None,
    augmentation_start_age: float | None = None,
    ages: npt.ArrayLike | None = None,
    aat_uM: npt.ArrayLike | None = None,
    augmentation_fev1_fraction: float | None = None,
) -> Trajectory:
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
        Weekly augmentation from this age. Its FEV1 effect is a model assumption
        (``chapman2015``): it removes ``augmentation_fev1_fraction`` of the
        deficiency-related excess decline.
    ages : array, optional
        Ages in years (0–100); default 18 to 90 in half years.
    aat_uM : float, optional
        Serum AAT (µM) instead of the genotype's typical level (kinetics stay the
        genotype's).
    augmentation_fev1_fraction : float, optional
        The assumption's value, from 0 to 1/2 (default 1/3, :data:`AUGMENTATION_FEV1_FRACTION`).
    """
    g = genetics.parse_genotype(genotype)
    quit_age, aug_age = _check_scenario(smoking, quit_age, augmentation_start_age)
    if aat_uM is not None:
        aat_uM = _checks.nonnegative("aat_uM", aat_uM, "µM")
        if np.ndim(aat_uM) != 0:
            raise ValueError(f"aat_uM must be one serum level (µM), got {aat_uM!r}")
    fraction = _check_fraction(augmentation_fev1_fraction)
    ages = _check_ages(ages)
    segments = _segments(g, aat_uM, smoking, quit_age, aug_age, fraction)
    n, m = ages.size, _PEAK_SEARCH_AGES.size
    fev1_all = _fev1_l(
        np.concatenate([ages, [PEAK_AGE_YEARS], _PEAK_SEARCH_AGES, _END_SEARCH_AGES]), segments
    )
    fev1, at25 = fev1_all[:n], fev1_all[n]
    peak_age = float(_PEAK_SEARCH_AGES[np.argmax(fev1_all[n + 1 : n + 1 + m])])
    end_age = _end_age(fev1_all[n + 1 + m :], at25)
    serum = genetics.serum_aat(g).typical_uM if aat_uM is None else float(aat_uM)
    return Trajectory(
        ages,
        fev1,
        100.0 * fev1 / at25,
        g,
        smoking,
        quit_age,
        aug_age,
        serum,
        peak_age,
        end_age,
        fraction,
    )


def decline_ml_per_year(
    genotype: object,
    *,
    smoking: str = "never",
    from_age: float = 40,
    to_age: float = 60,
    **kw: Any,
) -> float:
    """Mean FEV1 decline between ``from_age`` and ``to_age`` (mL/yr; default 40–60).

    Keyword arguments (``quit_age``, ``augmentation_start_age``, ``aat_uM``) as in
    :func:`fev1_trajectory`. Positive numbers mean loss.
    """
    a = _checks.age("from_age", from_age)
    b = _checks.age("to_age", to_age)
    if not b > a:
        raise ValueError(
            f"to_age must be later than from_age, got from_age={from_age!r}, to_age={to_age!r}"
        )
    if "ages" in kw:
        raise ValueError("decline_ml_per_year takes from_age and to_age, not ages")
    traj = fev1_trajectory(genotype, smoking=smoking, ages=[a, b], **kw)
    return float((traj.fev1_l[0] - traj.fev1_l[1]) / (b - a) * 1000.0)


def model_end_age(genotype: object, *, smoking: str = "never", **kw: Any) -> float | None:
    """Age (years) at which this scenario's FEV1 reaches :data:`MODEL_END_PERCENT` of its
    age-25 value, the end of the model's range; ``None`` if not before 100."""
    return fev1_trajectory(genotype, smoking=smoking, ages=[PEAK_AGE_YEARS], **kw).end_age_years


def decline_within_model_ml_per_year(
    genotype: object,
    *,
    smoking: str = "never",
    from_age: float = 40,
    to_age: float = 60,
    **kw: Any,
) -> float | None:
    """:func:`decline_ml_per_year`, or ``None`` when the span reaches the end of the
    model's range (FEV1 at :data:`MODEL_END_PERCENT` of its age-25 value): a rate there
    is not meaningful, so readouts say so instead of printing a number."""
    end = model_end_age(genotype, smoking=smoking, **kw)
    if end is not None and _checks.age("to_age", to_age) > end:
        return None
    return decline_ml_per_year(genotype, smoking=smoking, from_age=from_age, to_age=to_age, **kw)


# The calibration targets live in aatd.calibration (they call this module); the old names
# stay importable from here.
_CALIBRATION_NAMES = (
    "CALIBRATION_TARGETS",
    "CalibrationTarget",
    "TARGET_KINDS",
    "calibration_table",
)


def __getattr__(name: str) -> Any:
    if name in _CALIBRATION_NAMES:
        from . import calibration

        return getattr(calibration, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
