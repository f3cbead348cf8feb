"""Computed quiz answers for liver and skin (chapter 7): Z protein retention, ZZ × MM children.

Each function calls the model layer only (never the view) and is registered with
``@computed``; see :mod:`aatd.quiz.computed`.
"""

from __future__ import annotations

from ._registry import computed


@computed("z_retained_percent")
def z_retained_percent() -> float:
    """Share of Z protein kept inside the liver cell (percent, about 85; ``lomas1992``)."""
    from aatd import genetics

    return genetics.z_shares_percent()["retained"]


@computed("zz_mm_children_all_mz")
def zz_mm_children_all_mz() -> bool:
    """True when every child of a ZZ and an MM parent is MZ (a transplant changes no genes)."""
    from aatd import genetics

    return genetics.offspring("ZZ", "MM").get("MZ", 0.0) == 1.0


@computed("zz_mm_children_can_be_mm")
def zz_mm_children_can_be_mm() -> bool:
    """True if a child of a ZZ and an MM parent can be MM (False)."""
    from aatd import genetics

    return genetics.offspring("ZZ", "MM").get("MM", 0.0) > 0.0
