"""Published cohort tables by group: FEV1 decline by smoking status, age at breathlessness.

Rows are built from :mod:`aatd.evidence` (each value once, with its bibliography key):
PiZZ adults in the Swedish register (``hiller2019``) beside the general population
(``oelsner2020``), and the age at which breathlessness began in ZZ smokers and
non-smokers (``janus1985``). Chapter 5 draws and computes with these; the lung model's
calibration (:mod:`aatd.calibration`) reads the same evidence rows.
"""

from __future__ import annotations

from typing import Any

from . import evidence

SMOKING_STATUSES = ("never", "former", "current")

#: Mean FEV1 decline (mL/yr) by group and smoking status, with sources.
#: PiZZ: Swedish national AATD register (hiller2019).
#: General population: pooled cohorts (oelsner2020).
FEV1_DECLINE_ML_PER_YEAR: tuple[dict[str, Any], ...] = tuple(
    {
        "group": group,
        "smoking": smoking,
        "decline_ml_per_year": evidence.value(name),
        "source": evidence.source(name),
    }
    for group, smoking, name in (
        ("PiZZ (Sweden)", "never", "decline_zz_never_ml_yr"),
        ("PiZZ (Sweden)", "former", "decline_zz_former_ml_yr"),
        ("PiZZ (Sweden)", "current", "decline_zz_current_ml_yr"),
        ("General population", "never", "decline_general_never_ml_yr"),
        ("General population", "former", "decline_general_former_ml_yr"),
        ("General population", "current", "decline_general_current_ml_yr"),
    )
)

#: Age (years) at which shortness of breath began in PiZZ adults (``janus1985``).
DYSPNOEA_ONSET_AGE_YEARS: tuple[dict[str, Any], ...] = tuple(
    {"group": group, "age_years": evidence.value(name), "source": evidence.source(name)}
    for group, name in (
        ("ZZ smokers", "dyspnoea_onset_zz_smokers_years"),
        ("ZZ non-smokers", "dyspnoea_onset_zz_nonsmokers_years"),
    )
)


def decline_ml_per_year(group: str, smoking: str) -> float:
    """Published mean FEV1 decline (mL/yr) for ``group`` and ``smoking`` status.

    ``ValueError`` naming the value for an unknown group or status.
    """
    groups = sorted({r["group"] for r in FEV1_DECLINE_ML_PER_YEAR})
    if group not in groups:
        raise ValueError(f"unknown group {group!r}; allowed: {', '.join(groups)}")
    if smoking not in SMOKING_STATUSES:
        raise ValueError(
            f"unknown smoking status {smoking!r}; allowed: {', '.join(SMOKING_STATUSES)}"
        )
    for row in FEV1_DECLINE_ML_PER_YEAR:
        if row["group"] == group and row["smoking"] == smoking:
            return float(row["decline_ml_per_year"])
    raise ValueError(f"no value for {group!r}, {smoking!r}")  # pragma: no cover
