"""Computed quiz answers for case studies (chapter 9): the illustrative model people and family
chances.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("case_maya_decline_40_60")
def case_maya_decline_40_60() -> float:
    """Model FEV1 decline of Maya (ZZ, never smoked) from 40 to 60 (mL/yr)."""
    from aatd import cases

    return round(cases.MAYA.decline_ml_per_year(40, 60), 0)


@computed("case_maya_faster_than_mm")
def case_maya_faster_than_mm() -> bool:
    """True when Maya's (ZZ, never smoked) model decline at 40-60 beats an MM never-smoker's."""
    from aatd import cases, lung

    return cases.MAYA.decline_ml_per_year(40, 60) > lung.decline_ml_per_year("MM")


@computed("case_maya_close_to_mm")
def case_maya_close_to_mm() -> bool:
    """True when Maya's model decline from 40 to 60 is within 2 mL/yr of an MM never-smoker's."""
    from aatd import cases, lung

    return abs(cases.MAYA.decline_ml_per_year(40, 60) - lung.decline_ml_per_year("MM")) <= 2.0


@computed("case_daniel_smoking_decline_faster")
def case_daniel_smoking_decline_faster() -> bool:
    """True when Daniel's model decline while smoking (25 to quit age) beats Maya's."""
    from aatd import cases

    d = cases.DANIEL
    return d.decline_ml_per_year(25, d.quit_age) > cases.MAYA.decline_ml_per_year(25, d.quit_age)


@computed("case_daniel_after_quit_close_to_maya")
def case_daniel_after_quit_close_to_maya() -> bool:
    """True when Daniel's model decline after quitting is within 10% of Maya's (same ages)."""
    from aatd import cases

    d = cases.DANIEL
    after = d.decline_ml_per_year(d.quit_age + 1, d.quit_age + 21)
    maya = cases.MAYA.decline_ml_per_year(d.quit_age + 1, d.quit_age + 21)
    return abs(after - maya) <= 0.1 * maya


@computed("case_daniel_regains_lost_fev1")
def case_daniel_regains_lost_fev1() -> bool:
    """True if quitting let Daniel's model FEV1 (% of age 25) catch up with Maya's by 70."""
    from aatd import cases

    d = cases.DANIEL.trajectory([70.0]).percent_of_age25[0]
    m = cases.MAYA.trajectory([70.0]).percent_of_age25[0]
    return bool(d >= m)


@computed("case_priya_decline_close_to_mm")
def case_priya_decline_close_to_mm() -> bool:
    """True when Priya's (MZ, never smoked) model decline is within 2 mL/yr of MM never-smoking."""
    from aatd import cases, lung

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
