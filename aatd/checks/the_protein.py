"""Exercises of chapter 1, What is alpha-1 antitrypsin? (``notebooks/01-the-protein``).

Expected values call the chapter's own functions (``aatd.plots.protein``) when the check runs.
"""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register
from aatd.plots import protein

PUFFS_RUNNING_TOTAL = (40, 80, 120)  # elastase molecules, exercise 4
AAT_MOLECULES = 100


def share_after_three_half_lives() -> float:
    return protein.fraction_remaining(3, half_life_days=1)


def free_elastase_after_each_puff() -> tuple[float, ...]:
    return tuple(float(protein.titration(AAT_MOLECULES, n)[1]) for n in PUFFS_RUNNING_TOTAL)


def active_aat_after_each_puff() -> tuple[float, ...]:
    return tuple(float(protein.titration(AAT_MOLECULES, n)[0]) for n in PUFFS_RUNNING_TOTAL)


register(
    Exercise(
        "ex-01-1",
        expected=share_after_three_half_lives,
        unit="a share between 0 and 1",
        confirm="½ × ½ × ½ = 0.125: one eighth of today's molecules is left after three "
        "half-lives. The level stays steady because removal balances the daily making.",
        hint="Each half-life halves what is left: multiply by ½ once per half-life.",
        wrong=(
            Wrong(
                "share-removed",
                lambda: 1 - share_after_three_half_lives(),
                "0.875 is the share that has been removed. The question asks what is left.",
            ),
            Wrong(
                "two-half-lives",
                lambda: protein.fraction_remaining(2, half_life_days=1),
                "0.25 is what is left after two half-lives. Halve once more.",
            ),
            Wrong(
                "linear",
                lambda: 0.0,
                "Removal is not a fixed amount per day (3 × ½ would leave nothing): each "
                "half-life removes half of what is still there.",
            ),
        ),
        abs_tol=0.005,
    )
)

register(
    Exercise(
        "ex-01-4",
        expected=free_elastase_after_each_puff,
        unit="free elastase molecules after each puff, as (first, second, third)",
        confirm="(0, 0, 20): the first two puffs are trapped completely; during the third "
        "the last 20 AAT molecules are used up, one for one, and 20 elastase molecules stay free.",
        hint="Call protein.titration(100, total) with the running totals 40, 80 and 120 and "
        "take the second number (free elastase) each time.",
        wrong=(
            Wrong(
                "active-aat",
                active_aat_after_each_puff,
                "(60, 20, 0) is the active AAT left after each puff. The question asks for the "
                "free elastase, the second number protein.titration gives.",
            ),
            Wrong(
                "reused",
                lambda: (0.0, 0.0, 0.0),
                "That would be true if AAT could be used again. Each AAT traps one elastase and "
                "is used up, so after 80 are trapped only 20 AAT are left for the third puff.",
            ),
        ),
        abs_tol=0.5,
    )
)
