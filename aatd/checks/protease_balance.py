"""Exercises of chapter 3, Protease-antiprotease balance (``notebooks/03-protease-balance``).

Expected values call the chapter's own functions (``aatd.plots.balance``) and the model's rate
constants (``aatd.kinetics``) when the check runs.
"""

from __future__ import annotations

from aatd import kinetics
from aatd.checks.core import Exercise, Wrong, register
from aatd.plots import balance

MM_LINING_FLUID_UM = 3.7  # measured MM lining-fluid AAT the exercises use (mulgrew2004)


def s_half_time_ms() -> float:
    return balance.half_time_ms(MM_LINING_FLUID_UM, "S")


def z_level_for_mm_half_time_uM() -> float:
    k = kinetics.K_ASS_PER_M_S
    return MM_LINING_FLUID_UM * k["M"] / k["Z"]


register(
    Exercise(
        "ex-03-1",
        expected=s_half_time_ms,
        unit="ms",
        confirm="About 22 ms against about 19 ms for M protein: S protein is only a little "
        "slower, so at the same level the difference is small.",
        hint='Call balance.half_time_ms(3.7, "S"); it gives milliseconds.',
        wrong=(
            Wrong(
                "m-protein",
                lambda: balance.half_time_ms(MM_LINING_FLUID_UM, "M"),
                'That is M protein\'s half-time at 3.7 µM. Pass "S" for the S protein.',
            ),
            Wrong(
                "no-ln2",
                lambda: 1000 / (kinetics.K_ASS_PER_M_S["S"] * MM_LINING_FLUID_UM * 1e-6),
                "That is 1/(k·[I]), without ln 2 ≈ 0.693 on top.",
            ),
            Wrong(
                "seconds",
                lambda: s_half_time_ms() / 1000,
                "That is in seconds; the question asks for milliseconds.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-03-3",
        expected=z_level_for_mm_half_time_uM,
        unit="µM Z protein in lining fluid",
        confirm="[I] must rise by the factor k falls by: 3.7 µM × 9.7 / 4.5 ≈ 8.0 µM, more than "
        "five times the 1.4 µM measured in ZZ lining fluid.",
        hint="Keep k·[I] the same as for M protein at 3.7 µM: [I] = 3.7 µM × k_M / k_Z.",
        wrong=(
            Wrong(
                "inverted",
                lambda: (
                    MM_LINING_FLUID_UM * kinetics.K_ASS_PER_M_S["Z"] / kinetics.K_ASS_PER_M_S["M"]
                ),
                "You scaled the level down. A slower protein needs more of it, not less: "
                "multiply by 9.7 / 4.5.",
            ),
            Wrong(
                "exactly-double",
                lambda: 2 * MM_LINING_FLUID_UM,
                "Close: Z protein is about 2.2 times slower (9.7 / 4.5), not exactly 2 times.",
            ),
            Wrong(
                "measured-zz",
                lambda: 1.4,
                "1.4 µM is what ZZ lining fluid holds; the question asks what it would need.",
            ),
        ),
    )
)
