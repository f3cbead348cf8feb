"""Checks of the lung model's inputs: ages, smoking scenario, augmentation assumption.

Each check returns the canonical value or raises ``ValueError`` naming the value and what is
allowed; :mod:`aatd.lung` calls them before it computes anything.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from . import _checks
from . import parameters as P

#: Allowed values of ``smoking``.
SMOKING = ("never", "current", "former")
#: Default ages of a trajectory (years).
DEFAULT_AGES = np.linspace(18.0, 90.0, 145)
AUGMENTATION_FEV1_FRACTION = P.value("augmentation_fev1_fraction")
AUGMENTATION_FEV1_RANGE = tuple(P.get("augmentation_fev1_fraction").allowed_range)


def _check_ages(ages: npt.ArrayLike | None) -> npt.NDArray[np.float64]:
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


def _check_scenario(
    smoking: str, quit_age: float | None, augmentation_start_age: float | None
) -> tuple[float | None, float | None]:
    if smoking not in SMOKING:
        raise ValueError(
            f"smoking must be one of {', '.join(repr(s) for s in SMOKING)}, got {smoking!r}"
        )
    if smoking == "former":
        if quit_age is None:
            raise ValueError("smoking='former' needs quit_age (age in years, 0–100), got None")
        quit_age = _checks.age("quit_age", quit_age)
    elif quit_age is not None:
        raise ValueError(
            f"quit_age is only allowed with smoking='former', got quit_age={quit_age!r} "
            f"with smoking={smoking!r}"
        )
    if augmentation_start_age is not None:
        augmentation_start_age = _checks.age("augmentation_start_age", augmentation_start_age)
    return quit_age, augmentation_start_age


def _check_fraction(fraction: Any) -> float:
    if fraction is None:
        return AUGMENTATION_FEV1_FRACTION
    lo, hi = AUGMENTATION_FEV1_RANGE
    if isinstance(fraction, (bool, np.bool_)):
        raise ValueError(f"augmentation_fev1_fraction must be a number, got {fraction!r}")
    try:
        f = float(fraction)
    except (TypeError, ValueError):
        raise ValueError(
            f"augmentation_fev1_fraction must be a number from {lo:g} to {hi:g}, got {fraction!r}"
        ) from None
    if not np.isfinite(f) or not lo <= f <= hi:
        raise ValueError(
            f"augmentation_fev1_fraction must be from {lo:g} to {hi:g} (the range the "
            f"evidence allows; an assumption), got {fraction!r}"
        )
    return f
