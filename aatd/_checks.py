"""Input checks shared by every module, so bad input always fails the same clear way."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

#: A number or an array of numbers, as the model functions accept and return them.
FloatOrArray = float | npt.NDArray[np.float64]

MIN_AGE_YEARS = 0.0
MAX_AGE_YEARS = 100.0


def nonnegative(name: str, value: object, unit: str = "") -> FloatOrArray:
    """Return ``value`` (float or float array) if every element is finite and >= 0.

    Raises ``ValueError`` naming the parameter, the bad value and what is allowed.
    """
    unit_txt = f" {unit}" if unit else ""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number{unit_txt}, got {value!r}") from None
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    bad = ~np.isfinite(arr) | (arr < 0)
    if bad.any():
        first = arr[bad].flat[0]
        raise ValueError(f"{name} must be a finite number >= 0{unit_txt}, got {first!r}")
    return float(arr) if arr.ndim == 0 else arr


def age(name: str, value: Any) -> float:
    """Return ``value`` as float if it is a finite age within 0-100 years."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an age in years, got {value!r}")
    try:
        years = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an age in years, got {value!r}") from None
    if not math.isfinite(years) or not MIN_AGE_YEARS <= years <= MAX_AGE_YEARS:
        raise ValueError(
            f"{name} must be an age between {MIN_AGE_YEARS:g} and "
            f"{MAX_AGE_YEARS:g} years, got {value!r}"
        )
    return years
