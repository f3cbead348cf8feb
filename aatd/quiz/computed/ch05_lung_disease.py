"""Computed quiz answers for lung disease (chapter 5): published PiZZ FEV1 declines by smoking.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("pizz_current_vs_never_decline_ratio")
def pizz_current_vs_never_decline_ratio() -> float:
    """PiZZ FEV1 decline, current over never smokers (Hiller 2019, 70/32): about 2.2."""
    from aatd import cohorts as ld

    g = "PiZZ (Sweden)"
    return round(ld.decline_ml_per_year(g, "current") / ld.decline_ml_per_year(g, "never"), 1)


@computed("pizz_quit_vs_continue_gap_20y_ml")
def pizz_quit_vs_continue_gap_20y_ml() -> float:
    """FEV1 gap (mL) after 20 years at the PiZZ current vs former rates (70 − 42) × 20: 560."""
    from aatd import cohorts as ld

    g = "PiZZ (Sweden)"
    return 20 * (ld.decline_ml_per_year(g, "current") - ld.decline_ml_per_year(g, "former"))
