"""Concentration units for alpha-1 antitrypsin (AAT), in one place.

Two ways to turn µM into mg/dL are in use, and the book teaches both
(sources: ``brantly1991``, ``ogushi1987``):

* **by molecular mass** (purified standard): AAT is a glycoprotein of about 52 kDa, so
  1 µM = 52 mg/L = 5.2 mg/dL and the 11 µM threshold is about 57 mg/dL;
* **on the older commercial standard** used by radial immunodiffusion, the same 11 µM
  threshold was quoted as 80 mg/dL (about 7.27 mg/dL per µM).

Commercial standards differed by up to 50 % (``brantly1991``), so a mg/dL number means
little until you know which standard it used.
"""

from __future__ import annotations

import numpy.typing as npt

from . import _checks, evidence
from ._checks import FloatOrArray

#: Molecular mass of AAT used for the purified-standard conversion (kDa = g/mmol).
AAT_MOLECULAR_MASS_KDA = evidence.value("aat_molecular_mass_kda")
#: Protective serum threshold (µM), ``stoller2012``.
PROTECTIVE_THRESHOLD_UM = evidence.value("protective_threshold_uM")
#: The same threshold on the older commercial standard (mg/dL), ``ogushi1987``.
PROTECTIVE_THRESHOLD_OLD_STANDARD_MG_DL = evidence.value("protective_threshold_old_standard_mg_dl")

#: Allowed values of ``standard``.
STANDARDS = ("molecular_mass", "old_commercial")

_MG_DL_PER_UM = {
    # 1 µmol/L × 52 000 g/mol = 52 mg/L = 5.2 mg/dL
    "molecular_mass": AAT_MOLECULAR_MASS_KDA / 10.0,
    # the old standard maps 11 µM onto 80 mg/dL
    "old_commercial": PROTECTIVE_THRESHOLD_OLD_STANDARD_MG_DL / PROTECTIVE_THRESHOLD_UM,
}


def _factor(standard: str) -> float:
    try:
        return _MG_DL_PER_UM[standard]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown assay standard {standard!r}; allowed: {', '.join(STANDARDS)}"
        ) from None


def uM_to_mg_dl(aat_uM: npt.ArrayLike, standard: str = "molecular_mass") -> FloatOrArray:
    """Convert a serum AAT level from µM to mg/dL on the given ``standard``.

    ``aat_uM`` may be a number or an array; negative, NaN and infinite values raise
    ``ValueError``.
    """
    return _checks.nonnegative("aat_uM", aat_uM, "µM") * _factor(standard)


def mg_dl_to_uM(aat_mg_dl: npt.ArrayLike, standard: str = "molecular_mass") -> FloatOrArray:
    """Convert a serum AAT level from mg/dL on the given ``standard`` to µM."""
    return _checks.nonnegative("aat_mg_dl", aat_mg_dl, "mg/dL") / _factor(standard)


def mg_ml_to_uM(aat_mg_ml: npt.ArrayLike) -> FloatOrArray:
    """Convert mg/mL (g/L) to µM by molecular mass (1 mg/mL = 100 mg/dL)."""
    return mg_dl_to_uM(_checks.nonnegative("aat_mg_ml", aat_mg_ml, "mg/mL") * 100.0)
