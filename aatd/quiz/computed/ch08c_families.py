"""Computed quiz answers for the chapter "Families and populations" (``families``).

Each calls :mod:`aatd.population`.
"""

from __future__ import annotations

from ._registry import computed


@computed("families_ireland_zz_per_100k")
def families_ireland_zz_per_100k() -> float:
    """Expected ZZ people per 100,000 at Ireland's allele frequencies (about 48)."""
    from aatd import population

    ie = population.preset("ireland")
    return population.per_100k(z=ie.z, s=ie.s)["ZZ"]
