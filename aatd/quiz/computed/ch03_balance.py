"""Computed quiz answers for protease balance (chapter 3): inhibition half-times in lining
fluid.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("zz_lining_fluid_half_time_ms")
def zz_lining_fluid_half_time_ms() -> float:
    """Inhibition half-time (ms) of Z protein at PiZZ lining-fluid AAT (1.4 µM): about 110."""
    from aatd import serpin

    return round(serpin.measured_half_times_ms()["ZZ"])


@computed("zz_vs_mm_lining_fluid_half_time_ratio")
def zz_vs_mm_lining_fluid_half_time_ratio() -> float:
    """How many times longer the ZZ than the MM lining-fluid half-time is: about 5.7."""
    from aatd import serpin

    t = serpin.measured_half_times_ms()
    return round(t["ZZ"] / t["MM"], 1)
