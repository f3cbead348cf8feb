"""Checks for chapter 06 (Lung damage over a lifetime): the lung model and published rates."""

from __future__ import annotations

import numpy as np

from aatd.checks.core import Exercise, Wrong, register

_YEARS_40_TO_60 = 20


def _published(group: str, smoking: str) -> float:
    from aatd.plots import lungdisease

    return float(lungdisease.decline_ml_per_year(group, smoking))


def _losses_ml(years: float) -> tuple[float, float]:
    """FEV1 lost over ``years`` at the general never-smoker and PiZZ current-smoker rates."""
    return (
        years * _published("General population", "never"),
        years * _published("PiZZ (Sweden)", "current"),
    )


def _first_age_below_half(shift: int = 0) -> tuple[float, float]:
    """First whole age at which ZZ FEV1 is below 50% of its age-25 value (current; quit at 40).

    ``shift=-1`` gives the last age still at or above 50% (a counting slip)."""
    from aatd import lung

    ages = np.arange(25, 81)
    out = []
    for kw in ({"smoking": "current"}, {"smoking": "former", "quit_age": 40}):
        traj = lung.fev1_trajectory("ZZ", ages=ages, **kw)
        below = traj.age_years[traj.percent_of_age25 < 50]
        out.append(float(below[0]) + shift)
    return out[0], out[1]


def _model_rate(genotype: str) -> float:
    from aatd import lung

    return float(lung.decline_ml_per_year(genotype, smoking="never"))


register(
    Exercise(
        "ex-06-1",
        expected=lambda: _losses_ml(_YEARS_40_TO_60),
        confirm="Twenty years at 31 mL/yr is 620 mL and at 70 mL/yr 1,400 mL: about 0.6 L "
        "against 1.4 L of a starting 4.0 L.",
        hint="Multiply each yearly rate by the 20 years from 40 to 60, and give both losses "
        "in mL as a pair: answer = (never-smoker loss, ZZ smoker loss).",
        unit="mL",
        wrong=(
            Wrong(
                "litres",
                lambda: tuple(x / 1000 for x in _losses_ml(_YEARS_40_TO_60)),
                "Those are the right losses in litres. The check wants them in mL (the unit "
                "of the rates): multiply by 1,000.",
            ),
            Wrong(
                "one-year",
                lambda: _losses_ml(1),
                "Those are the yearly rates themselves. Multiply each by the 20 years from "
                "40 to 60.",
            ),
            Wrong(
                "21-years",
                lambda: _losses_ml(21),
                "You counted 21 years (40, 41, …, 60 as years). From age 40 to age 60 is 20 "
                "years of decline.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-06-2",
        expected=_first_age_below_half,
        confirm="In the model the continuing smoker first falls below half of the age-25 "
        "value at 47, and stopping at 40 moves that to 52.",
        hint="Use whole ages from 25 to 80, keep the ages where percent_of_age25 < 50, and "
        "take the first one, for both scenarios: answer = (continuing, stopped at 40).",
        unit="years",
        rel_tol=0.0,
        abs_tol=0.5,
        wrong=(
            Wrong(
                "swapped",
                lambda: tuple(reversed(_first_age_below_half())),
                "Your two ages are the right ones in the wrong order: give the continuing "
                "smoker first, then the person who stops at 40.",
            ),
            Wrong(
                "last-above",
                lambda: _first_age_below_half(shift=-1),
                "Those are the last ages still at or above 50%. The question asks for the "
                "first age at which FEV1 is below 50%.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-06-5",
        expected=lambda: _model_rate("ZZ") - _model_rate("MM"),
        confirm="The model's ZZ never-smoker declines at about 45 mL/yr and its MM "
        "never-smoker at about 31, an excess of about 14 mL/yr, against about 1 mL/yr in "
        "the data (32 − 31).",
        hint="Call lung.decline_ml_per_year for ZZ and for MM (never-smokers, the default "
        "ages 40–60) and subtract MM from ZZ.",
        unit="mL/yr",
        abs_tol=0.3,
        wrong=(
            Wrong(
                "data-excess",
                lambda: (
                    _published("PiZZ (Sweden)", "never") - _published("General population", "never")
                ),
                "That is the excess in the data (32 − 31). The exercise first asks for the "
                "model's excess: use lung.decline_ml_per_year for ZZ and MM.",
            ),
            Wrong(
                "zz-rate",
                lambda: _model_rate("ZZ"),
                "That is the model's ZZ decline itself. The deficiency-related excess is what "
                "ZZ loses on top of MM: subtract the MM never-smoker's rate.",
            ),
            Wrong(
                "ratio",
                lambda: _model_rate("ZZ") / _model_rate("MM"),
                "That is a ratio. The excess is a difference in mL/yr: subtract instead of "
                "dividing.",
            ),
        ),
    )
)
