"""Exercises of the chapter "Treatment" (``notebooks/treatment.ipynb``).

Expected values come from :mod:`aatd.therapy` when a check runs.
"""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register


def _zz_biweekly_trough() -> float:
    from aatd import therapy

    return therapy.steady_trough_uM("ZZ", dose_mg_per_kg=120, interval_days=14)


def _zz_weekly_trough() -> float:
    from aatd import therapy

    return therapy.steady_trough_uM("ZZ")


def _zz_missed_days_below() -> float:
    from aatd import therapy

    return therapy.augmentation_serum("ZZ", missed_doses=(5,)).days_below()


def _zz_monthly_days_above() -> float:
    from aatd import therapy

    return therapy.days_above_after_dose("ZZ", dose_mg_per_kg=250, interval_days=28)


register(
    Exercise(
        id="ex-treatment-1",
        expected=_zz_biweekly_trough,
        unit="µM",
        confirm="The same total dose over two weeks gives a lower trough (about 11.5 µM against "
        "17.3 µM weekly): the level falls for 14 days, about three half-lives, before the next "
        "dose.",
        hint="Use therapy.steady_trough_uM with dose_mg_per_kg=120 and interval_days=14.",
        wrong=(
            Wrong(
                "weekly-defaults",
                _zz_weekly_trough,
                "That is the weekly 60 mg/kg trough: pass dose_mg_per_kg=120 and interval_days=14.",
            ),
        ),
    )
)

register(
    Exercise(
        id="ex-treatment-2",
        expected=_zz_missed_days_below,
        unit="days",
        rel_tol=0.1,
        confirm="About 2 days below 11 µM: the level keeps falling for a second week after the "
        "missed dose and dips under the threshold before the next infusion lifts it.",
        hint="Build the curve with missed_doses=(5,) (the dose on day 28 is the fifth) and call "
        ".days_below().",
        wrong=(
            Wrong(
                "no-dose-missed",
                0.0,
                "Zero days is the regular schedule: pass missed_doses=(5,) to skip the dose of "
                "day 28.",
            ),
            Wrong(
                "whole-week",
                7.0,
                "Not the whole week: the infused protein from earlier doses is still there, so "
                "the level only dips below 11 µM near the end of the second week.",
            ),
        ),
    )
)

register(
    Exercise(
        id="ex-treatment-3",
        expected=_zz_monthly_days_above,
        unit="days",
        rel_tol=0.05,
        confirm="About 19 days in the model, fewer than the 25 days Hubbard and colleagues "
        "measured: one compartment with one half-life is too simple to hold a large dose as "
        "long as the patients did.",
        hint="Use therapy.days_above_after_dose('ZZ', dose_mg_per_kg=250, interval_days=28).",
        wrong=(
            Wrong(
                "published-value",
                25.0,
                "25 days is the published measurement, not the model's answer: compute it with "
                "therapy.days_above_after_dose and compare the two.",
            ),
            Wrong(
                "whole-interval",
                28.0,
                "28 days would mean the level never falls below 11 µM; compute when it does.",
            ),
        ),
    )
)
