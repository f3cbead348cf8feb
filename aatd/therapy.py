"""Serum AAT during augmentation therapy: a one-compartment model of weekly infusions.

The model::

    serum(t) = own + Σ_doses  C0 · exp(-k · (t - t_dose))      for t >= t_dose
    C0 = dose_mg_per_kg / V / 52 mg/L per µM                    k = ln 2 / t½

* ``own`` is the genotype's typical serum level (``aatd.genetics.serum_aat``,
  ``brantly1991``): the infused protein adds to it and does not change it.
* ``t½`` = 4.8 days is the terminal half-life of functional AAT after one 60 mg/kg
  infusion of a plasma-derived product in people with AATD (``stocks2005``): a
  pharmacokinetic source, not a case report.
* ``V`` (L/kg) is **fitted**: the one value for which a ZZ person (typical 4.9 µM) on
  60 mg/kg weekly reaches the steady-state trough of Wewers 1987, 126 mg/dL
  (``wewers1987``). The abstract does not state the assay standard; like
  ``aatd.lung`` the model reads it on the older commercial standard (17.3 µM). The
  fit meets its target exactly and is not a test of the model.
* Before day 0 the person has had regular infusions for a long time, so the curve starts
  in the steady state, at the peak just after the day-0 dose. Doses are given at
  ``0, interval, 2·interval, ...``; ``missed_doses`` (numbered from 1) are skipped.

Anchors the fit did not use (``tests/test_therapy.py``): 250 mg/kg every 28 days kept serum
above the threshold for about 25 days (``hubbard1988``; the model gives fewer: a one-
compartment model with one half-life is the simplest picture, not the whole one);
Wewers' functional trough, 13.3 µM of anti-elastase capacity, lies below the model's
antigenic trough, as an activity assay should (``wewers1987``); a steady-state antigenic
trough of 17.7 µM on weekly infusions (``stocks2006``).

Levels are µM on the purified standard; the 11 µM threshold is ``stoller2012``. What a
level means for the lung goes through ``aatd.kinetics`` (exposure of lining fluid to
elastase after one burst); the lifetime model's use of augmentation (``aatd.lung``) is an
assumption, not a trial result (``chapman2015``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import genetics, kinetics, units
from . import parameters as P
from .parameters import Parameter

#: The protective threshold the curves are drawn against (µM), ``stoller2012``.
THRESHOLD_UM = units.PROTECTIVE_THRESHOLD_UM
#: mg/L of AAT per µM (by molecular mass, 52 kDa).
_MG_PER_L_PER_UM = units.AAT_MOLECULAR_MASS_KDA
#: The genotype and regimen the volume is fitted for (``wewers1987``).
FIT_GENOTYPE = "ZZ"
FIT_DOSE_MG_PER_KG = 60.0
FIT_INTERVAL_DAYS = 7.0

HALF_LIFE_DAYS = 4.8
#: Wewers 1987 steady-state trough read on the old commercial standard (µM).
FIT_TROUGH_UM = P.value("augmentation_trough_uM")

#: The allowed range of ``interval_days``.
MIN_INTERVAL_DAYS = 1.0
MAX_INTERVAL_DAYS = 28.0
#: Samples per day of the returned curve.
SAMPLES_PER_DAY = 24


def _fitted_volume_l_per_kg() -> float:
    """V such that the FIT_GENOTYPE's steady-state trough equals FIT_TROUGH_UM."""
    k = math.log(2.0) / HALF_LIFE_DAYS
    r = math.exp(-k * FIT_INTERVAL_DAYS)
    own = genetics.serum_aat(FIT_GENOTYPE).typical_uM
    infused_trough_uM = FIT_TROUGH_UM - own
    # trough = C0 · r / (1 - r), C0 = dose / V / 52
    c0_uM = infused_trough_uM * (1.0 - r) / r
    return FIT_DOSE_MG_PER_KG / (c0_uM * _MG_PER_L_PER_UM)


VOLUME_L_PER_KG = _fitted_volume_l_per_kg()

#: The model's two parameters, in the form of ``aatd.parameters`` (for tables).
PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "augmentation_half_life_days",
        HALF_LIFE_DAYS,
        "days",
        "stocks2005",
        "sourced",
        "Terminal half-life of functional AAT after one 60 mg/kg infusion (Prolastin arm, "
        "4.8 ± 1.2 days; the other product 4.5 ± 3.1 days).",
        r"t_{1/2}",
    ),
    Parameter(
        "augmentation_volume_l_per_kg",
        round(VOLUME_L_PER_KG, 4),
        "L/kg",
        "wewers1987",
        "fitted",
        "Volume of distribution of the infused AAT in one compartment.",
        r"V",
        fitted_to=(
            "ZZ steady-state trough on 60 mg/kg weekly = 126 mg/dL (Wewers 1987; standard "
            "not stated, read on the old commercial standard: 17.3 µM)"
        ),
    ),
)


@dataclass(frozen=True)
class AugmentationCurve:
    """Serum AAT over time during augmentation (µM, purified standard)."""

    genotype: str
    dose_mg_per_kg: float
    interval_days: float
    missed_doses: tuple[int, ...]
    #: time (days) from the first dose of the window
    t_days: npt.NDArray[np.float64]
    #: serum AAT (µM): the genotype's own level plus the infused protein
    serum_uM: npt.NDArray[np.float64]
    #: days on which a dose was given (missed doses left out)
    dose_days: tuple[float, ...]
    #: the genotype's own level (µM)
    own_uM: float
    #: steady-state trough of the regimen, missed doses ignored (µM)
    trough_uM: float
    #: steady-state peak just after a dose (µM)
    peak_uM: float

    @property
    def lowest_uM(self) -> float:
        """The lowest level in the window (below the trough after a missed dose)."""
        return float(self.serum_uM.min())

    def share_below(self, threshold_uM: float = THRESHOLD_UM) -> float:
        """Share of the window (0–1) with serum below ``threshold_uM``."""
        return float(np.mean(self.serum_uM[:-1] < threshold_uM))

    def days_below(self, threshold_uM: float = THRESHOLD_UM) -> float:
        """Days of the window with serum below ``threshold_uM``."""
        return self.share_below(threshold_uM) * float(self.t_days[-1] - self.t_days[0])


def _check_dose(dose_mg_per_kg: object) -> float:
    if isinstance(dose_mg_per_kg, bool):
        raise ValueError(f"dose_mg_per_kg must be a number > 0 (mg/kg), got {dose_mg_per_kg!r}")
    try:
        dose = float(dose_mg_per_kg)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(
            f"dose_mg_per_kg must be a number > 0 (mg/kg), got {dose_mg_per_kg!r}"
        ) from None
    if not math.isfinite(dose) or dose <= 0:
        raise ValueError(f"dose_mg_per_kg must be a finite number > 0 (mg/kg), got {dose!r}")
    return dose


def _check_interval(interval_days: object) -> float:
    allowed = f"{MIN_INTERVAL_DAYS:g} to {MAX_INTERVAL_DAYS:g} days"
    if isinstance(interval_days, bool):
        raise ValueError(f"interval_days must be a number from {allowed}, got {interval_days!r}")
    try:
        days = float(interval_days)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(
            f"interval_days must be a number from {allowed}, got {interval_days!r}"
        ) from None
    if not math.isfinite(days) or not MIN_INTERVAL_DAYS <= days <= MAX_INTERVAL_DAYS:
        raise ValueError(f"interval_days must be from {allowed}, got {interval_days!r}")
    return days


def _check_weeks(weeks: object) -> int:
    if isinstance(weeks, bool) or not isinstance(weeks, (int, np.integer)) or not 1 <= weeks <= 52:
        raise ValueError(f"weeks must be a whole number from 1 to 52, got {weeks!r}")
    return int(weeks)


def _check_missed(missed_doses: Iterable[object], n_doses: int) -> tuple[int, ...]:
    if isinstance(missed_doses, (str, bytes)):
        raise ValueError(f"missed_doses must be dose numbers (1 = first), got {missed_doses!r}")
    try:
        items = list(missed_doses)
    except TypeError:
        raise ValueError(
            f"missed_doses must be dose numbers (1 = first), got {missed_doses!r}"
        ) from None
    out = []
    for m in items:
        if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or not 1 <= m <= n_doses:
            raise ValueError(
                f"missed_doses holds dose numbers from 1 to {n_doses} (the doses in the "
                f"window), got {m!r}"
            )
        out.append(int(m))
    return tuple(sorted(set(out)))


def _rate_per_day() -> float:
    return math.log(2.0) / HALF_LIFE_DAYS


def initial_rise_uM(dose_mg_per_kg: float) -> float:
    """Rise of serum AAT just after one dose, ``C0`` (µM)."""
    return _check_dose(dose_mg_per_kg) / VOLUME_L_PER_KG / _MG_PER_L_PER_UM


def steady_trough_uM(
    genotype: object, *, dose_mg_per_kg: float = 60.0, interval_days: float = 7.0
) -> float:
    """Steady-state trough (µM): own level + ``C0 · r / (1 − r)``, ``r = e^(−k·interval)``."""
    own = genetics.serum_aat(genotype).typical_uM
    r = math.exp(-_rate_per_day() * _check_interval(interval_days))
    return own + initial_rise_uM(dose_mg_per_kg) * r / (1.0 - r)


def days_above_after_dose(
    genotype: object,
    *,
    dose_mg_per_kg: float,
    interval_days: float,
    threshold_uM: float = THRESHOLD_UM,
) -> float:
    """Days after a steady-state dose until serum falls to ``threshold_uM`` (capped at the
    interval; 0 if even the peak stays below it)."""
    own = genetics.serum_aat(genotype).typical_uM
    interval = _check_interval(interval_days)
    k = _rate_per_day()
    r = math.exp(-k * interval)
    peak_infused = initial_rise_uM(dose_mg_per_kg) / (1.0 - r)
    need = threshold_uM - own
    if need <= 0:
        return interval
    if peak_infused <= need:
        return 0.0
    return min(interval, math.log(peak_infused / need) / k)


def augmentation_serum(
    genotype: object,
    *,
    dose_mg_per_kg: float = 60.0,
    interval_days: float = 7.0,
    weeks: int = 8,
    missed_doses: Iterable[int] = (),
) -> AugmentationCurve:
    """Serum AAT (µM) over ``weeks`` of infusions every ``interval_days`` (1–28 days).

    Starts in the steady state of the regimen (at the peak, just after the dose on day
    0); doses numbered in ``missed_doses`` (1 = the dose on day 0) are skipped. Returns an
    :class:`AugmentationCurve` with arrays ``t_days`` and ``serum_uM`` and the float
    ``trough_uM`` (the steady-state trough). Dose ≤ 0 or not finite, an interval outside
    1–28 days, or an unknown genotype raise ``ValueError`` naming the value.
    """
    g = genetics.parse_genotype(genotype)
    dose = _check_dose(dose_mg_per_kg)
    interval = _check_interval(interval_days)
    n_weeks = _check_weeks(weeks)
    span = 7.0 * n_weeks
    dose_days_all = np.arange(0.0, span - 1e-9, interval)
    missed = _check_missed(missed_doses, len(dose_days_all))

    own = genetics.serum_aat(g).typical_uM
    k = _rate_per_day()
    r = math.exp(-k * interval)
    c0 = initial_rise_uM(dose)
    t = np.linspace(0.0, span, round(span * SAMPLES_PER_DAY) + 1)
    # the infused protein still present at day 0 from the regular doses before it
    infused = c0 * r / (1.0 - r) * np.exp(-k * t)
    given = [float(d) for i, d in enumerate(dose_days_all, start=1) if i not in missed]
    for d in given:
        after = t >= d
        infused[after] += c0 * np.exp(-k * (t[after] - d))
    serum = own + infused
    return AugmentationCurve(
        genotype=g,
        dose_mg_per_kg=dose,
        interval_days=interval,
        missed_doses=missed,
        t_days=t,
        serum_uM=serum,
        dose_days=tuple(given),
        own_uM=own,
        trough_uM=own + c0 * r / (1.0 - r),
        peak_uM=own + c0 / (1.0 - r),
    )


def exposure_ratio(curve: AugmentationCurve, *, smoker: bool = False) -> npt.NDArray[np.float64]:
    """Elastase exposure after one burst (``aatd.kinetics``) at each level of ``curve``,
    relative to an MM person's at their typical level (1 = MM).

    The person's own protein reacts at its genotype's rate and the infused protein is M
    (``ogushi1987``); the two rates are weighted by their share of the serum level.
    """
    own = curve.own_uM
    k_own = kinetics.k_ass_per_M_s(curve.genotype)
    k_m = kinetics.K_ASS_PER_M_S["M"]
    serum = curve.serum_uM
    mm = float(kinetics.elastase_exposure("MM", smoker=smoker))
    out = np.empty_like(serum)
    for i, s in enumerate(serum):
        k = (own * k_own + (s - own) * k_m) / s if s > 0 else k_m
        out[i] = float(kinetics.exposure_for_rate(k, float(s), smoker=smoker)) / mm
    return out


def untreated_exposure_ratio(genotype: object, *, smoker: bool = False) -> float:
    """Exposure after one burst at the genotype's own level, relative to MM's."""
    mm = float(kinetics.elastase_exposure("MM", smoker=smoker))
    return float(kinetics.elastase_exposure(genotype, smoker=smoker)) / mm
