"""Exercises of chapter 4, Elastase versus antitrypsin (``notebooks/04-elastase-vs-antitrypsin``).

Expected values ask the model (``aatd.kinetics``) when the check runs; the measured
lining-fluid levels are the ones the exercise states (``mulgrew2004``).
"""

from __future__ import annotations

import math

from aatd import kinetics, serpin
from aatd.checks.core import Exercise, Wrong, register

#: Lining-fluid AAT the exercise gives (µM, ``mulgrew2004``): MM and ZZ.
MEASURED_ELF_UM = serpin.LINING_FLUID_AAT_UM  # measured MM and ZZ lining fluid, mulgrew2004
THRESHOLD_UM = 11.0  # the protective threshold the exercise starts from (``stoller2012``)


def _half_time_ms(k_per_m_s: float, aat_um: float, *, ln2: bool = True) -> float:
    return 1000 * (math.log(2) if ln2 else 1.0) / (k_per_m_s * aat_um * 1e-6)


def half_times_ms(*, swap: bool = False, ln2: bool = True, ms: bool = True) -> tuple[float, ...]:
    """(MM, ZZ) half-times from the stated levels; the keywords make the named slips."""
    k_m, k_z = kinetics.K_ASS_PER_M_S["M"], kinetics.K_ASS_PER_M_S["Z"]
    if swap:
        k_m, k_z = k_z, k_m
    scale = 1.0 if ms else 1e-3
    return (
        scale * _half_time_ms(k_m, MEASURED_ELF_UM["MM"], ln2=ln2),
        scale * _half_time_ms(k_z, MEASURED_ELF_UM["ZZ"], ln2=ln2),
    )


def smoker_serum_uM() -> float:
    """Serum AAT a smoker needs for the active AAT of a non-smoker at 11 µM."""
    return THRESHOLD_UM / (1 - kinetics.SMOKER_OXIDISED_FRACTION)


def double_burst_bend_uM() -> float:
    """The model's bend (serum µM) for a burst twice the standard one."""
    return kinetics.exposure_bend_uM(burst_nM=2 * kinetics.STANDARD_BURST_NM)


register(
    Exercise(
        "ex-04-1",
        expected=half_times_ms,
        unit="ms, as (MM, ZZ)",
        confirm="ln 2 / (k·[I]) gives about 19 ms for MM and about 110 ms for ZZ: a ZZ lung has "
        "2.6 times less AAT and a protein about 2.2 times slower.",
        hint="Use t½ = ln 2 / (k·[I]) with [I] in mol/L (1 µM = 10⁻⁶ M), convert seconds to "
        "milliseconds, and give a pair: answer = (mm_ms, zz_ms).",
        wrong=(
            Wrong(
                "seconds",
                lambda: half_times_ms(ms=False),
                "Those are seconds. Multiply by 1000 for milliseconds.",
            ),
            Wrong(
                "no-ln2",
                lambda: half_times_ms(ln2=False),
                "That is 1/(k·[I]), the mean lifetime. The half-time has ln 2 ≈ 0.693 on top.",
            ),
            Wrong(
                "swapped-k",
                lambda: half_times_ms(swap=True),
                "You gave ZZ the M protein's rate and MM the Z protein's. Z protein is the "
                "slower one (4.5 × 10⁶ M⁻¹s⁻¹).",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-04-2",
        expected=smoker_serum_uM,
        unit="µM serum",
        confirm="Only 60% of a smoker's AAT is active, so 11 µM ÷ 0.6 ≈ 18 µM gives the same "
        "active AAT: the smoker's bend sits near 18 µM, where the model puts it.",
        hint="Which serum level, with 60% of it active, gives the active AAT of 11 µM?",
        wrong=(
            Wrong(
                "times-0.6",
                lambda: THRESHOLD_UM * (1 - kinetics.SMOKER_OXIDISED_FRACTION),
                "That is 11 × 0.6: the active AAT a smoker at 11 µM has left. The question asks "
                "which level leaves 11 µM-worth active, so divide by 0.6.",
            ),
            Wrong(
                "plus-40-percent",
                lambda: THRESHOLD_UM * (1 + kinetics.SMOKER_OXIDISED_FRACTION),
                "Adding 40% (11 × 1.4) is close but not the same: 40% of 15.4 µM is lost too, "
                "leaving only 9.2 µM active. Divide by 0.6.",
            ),
            Wrong(
                "divide-0.4",
                lambda: THRESHOLD_UM / kinetics.SMOKER_OXIDISED_FRACTION,
                "0.4 is the share that is oxidised; the active share is 0.6.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-04-3",
        expected=double_burst_bend_uM,
        unit="µM serum",
        confirm="The bend is where the active lining-fluid AAT equals the burst, so twice the "
        "burst puts it at twice 11 µM, about 22 µM.",
        hint="Call kinetics.exposure_bend_uM(burst_nM=2 * kinetics.STANDARD_BURST_NM).",
        wrong=(
            Wrong(
                "standard-burst",
                kinetics.exposure_bend_uM,
                "That is the bend of the standard burst. Pass burst_nM for a burst twice as large.",
            ),
            Wrong(
                "half",
                lambda: kinetics.exposure_bend_uM(burst_nM=kinetics.STANDARD_BURST_NM / 2),
                "That bend is for half the burst. A bigger burst needs more AAT to match it.",
            ),
        ),
    )
)
