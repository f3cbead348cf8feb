"""Computed quiz answers for the protein (chapter 1): 1:1 titration and first-order clearance.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("titration_100_aat_30_elastase_active")
def titration_100_aat_30_elastase_active() -> float:
    """Active AAT left when 30 elastase molecules meet 100 AAT molecules (1:1): 70."""
    from aatd import serpin

    return serpin.titration(100, 30)[0]


@computed("titration_100_aat_130_elastase_free")
def titration_100_aat_130_elastase_free() -> float:
    """Free elastase left when 130 elastase molecules meet 100 AAT molecules (1:1): 30."""
    from aatd import serpin

    return serpin.titration(100, 130)[1]


@computed("percent_left_after_two_half_lives")
def percent_left_after_two_half_lives() -> float:
    """Percent of today's molecules left after two half-lives (first-order clearance): 25."""
    from aatd import serpin

    return round(100 * serpin.fraction_remaining(2, half_life_days=1), 1)
