"""Closed-form serpin arithmetic for chapters 1 and 3: titration, half-times, turnover.

AAT is a serpin used up one-for-one (``kramps1987``): :func:`titration` counts what is left
when elastase meets a fixed amount of AAT. With the inhibitor in excess the reaction is
pseudo-first-order, so half of a small puff of elastase is inhibited after
``t½ = ln 2 / (k·[I])`` (:func:`lining_fluid_half_time_ms`), with ``k`` the association rate
constant of the protein (:data:`aatd.kinetics.K_ASS_PER_M_S`) and ``[I]`` the active AAT
measured in lining fluid (PiMM 3.7 µM, PiZZ 1.4 µM, ``mulgrew2004``). Smokers' lavage has
about 40% less inhibitory capacity (``carp1982``); oxidised AAT reacts >2000× slower
(``beatty1980``), so it counts as inactive. Also: first-order clearance with the half-lives
of injected human M and Z protein in dogs (``moser1978``), and the elastase one neutrophil
stores (``damiano1988``, ``netechdata``). All published numbers come from
:mod:`aatd.evidence`.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from . import _checks, evidence
from . import parameters as P
from ._checks import FloatOrArray
from .kinetics import K_ASS_PER_M_S

#: Measured AAT in epithelial lining fluid, µM (``mulgrew2004``).
LINING_FLUID_AAT_UM = {"MM": evidence.value("elf_aat_MM_uM"), "ZZ": evidence.value("elf_aat_ZZ_uM")}
#: Serum AAT of the same PiMM and PiZZ groups, µM (``mulgrew2004``).
SERUM_AAT_UM = {"MM": evidence.value("serum_aat_MM_uM"), "ZZ": evidence.value("serum_aat_ZZ_uM")}
#: Neutrophil elastase: molecular mass (kDa, ``netechdata``) and mass stored per
#: neutrophil (pg, ``damiano1988``).
ELASTASE_KDA = evidence.value("elastase_kda")
ELASTASE_PG_PER_NEUTROPHIL = evidence.value("elastase_pg_per_neutrophil")
_AVOGADRO_PER_MOL = 6.02214076e23  # exact (SI definition)
#: Circulating half-life of radio-labelled human AAT injected into dogs, hours, by protein
#: type (``moser1978``).
DOG_HALF_LIFE_HOURS = {
    "M": evidence.value("half_life_dog_M_hours"),
    "Z": evidence.value("half_life_dog_Z_hours"),
}

#: Which protein each measured genotype carries.
_PROTEIN_OF = {"MM": "M", "ZZ": "Z"}


def _k_per_M_s(protein: str) -> float:
    if protein not in K_ASS_PER_M_S:
        raise ValueError(
            f"unknown AAT protein {protein!r}; allowed: {', '.join(sorted(K_ASS_PER_M_S))}"
        )
    return float(K_ASS_PER_M_S[protein])


def lining_fluid_half_time_ms(
    lining_fluid_uM: npt.ArrayLike, protein: str = "M", *, oxidised_fraction: float = 0.0
) -> FloatOrArray:
    """Inhibition half-time (ms) of a small amount of elastase meeting AAT in excess.

    ``t½ = ln 2 / (k · [I] · (1 − oxidised_fraction))`` with ``k`` the association rate
    constant of ``protein`` ("M", "S" or "Z"; ``ogushi1987``, ``cook1996``) and ``[I]`` the
    lining-fluid AAT ``lining_fluid_uM`` (µM). ``math.inf`` where no active AAT is left.
    A float for a number, an array for an array. (:func:`aatd.kinetics.inhibition_half_time_s`
    is the same time for a *serum* level, through the model's lining-fluid fraction.)
    """
    conc = _checks.nonnegative("lining_fluid_uM", lining_fluid_uM, "µM")
    ox = _checks.nonnegative("oxidised_fraction", oxidised_fraction)
    if np.ndim(ox) != 0 or ox > 1:
        raise ValueError(
            f"oxidised_fraction must be one number from 0 to 1, got {oxidised_fraction!r}"
        )
    k = _k_per_M_s(protein)
    active_M = np.atleast_1d(np.asarray(conc, dtype=float)) * 1e-6 * (1.0 - ox)
    with np.errstate(divide="ignore"):
        t_ms = np.where(
            active_M > 0,
            1000.0 * math.log(2.0) / (k * np.where(active_M > 0, active_M, 1.0)),
            np.inf,
        )
    return float(t_ms[0]) if np.ndim(conc) == 0 else t_ms.reshape(np.shape(conc))


def measured_half_times_ms() -> dict[str, float]:
    """Half-time (ms) at the measured lining-fluid levels: MM (M protein) and ZZ (Z protein)."""
    return {
        g: float(lining_fluid_half_time_ms(c, _PROTEIN_OF[g]))
        for g, c in LINING_FLUID_AAT_UM.items()
    }


def elastase_per_neutrophil() -> dict[str, float]:
    """Elastase stored in one neutrophil: picograms, attomoles and molecules.

    1.59 pg per cell (``damiano1988``) divided by 29 kDa (``netechdata``): about 55 amol,
    or about 33 million molecules (derived).
    """
    mol = ELASTASE_PG_PER_NEUTROPHIL * 1e-12 / (ELASTASE_KDA * 1000.0)
    return {
        "pg": ELASTASE_PG_PER_NEUTROPHIL,
        "amol": round(mol * 1e18, 1),
        "molecules": round(mol * _AVOGADRO_PER_MOL, -5),
    }


def fraction_remaining(days: npt.ArrayLike, half_life_days: npt.ArrayLike) -> FloatOrArray:
    """Share of today's molecules still circulating after ``days`` days.

    First-order clearance, ``0.5 ** (days / half_life_days)``. The half-life must be given
    (``DOG_HALF_LIFE_HOURS`` holds measured ones, in hours); with ``half_life_days=1`` the
    time counts in half-lives. ``ValueError`` for negative or non-finite inputs or a zero
    half-life.
    """
    d = _checks.nonnegative("days", days, "days")
    h = _checks.nonnegative("half_life_days", half_life_days, "days")
    if np.any(np.asarray(h) == 0):
        raise ValueError(f"half_life_days must be > 0 days, got {half_life_days!r}")
    return 0.5 ** (d / h)


def titration(
    aat_molecules: float, elastase_added: npt.ArrayLike
) -> tuple[FloatOrArray, FloatOrArray]:
    """Active AAT and free elastase left after ``elastase_added`` molecules meet AAT.

    With 1:1 stoichiometry (``kramps1987``; ``aatd.parameters`` "stoichiometry") and a
    reaction that runs to completion, each elastase molecule uses up one AAT molecule:
    ``active = max(AAT − n·E, 0)`` and ``free = max(E − AAT/n, 0)`` with ``n`` the
    stoichiometry. Returns ``(active_aat, free_elastase)`` as floats or arrays like
    ``elastase_added``.
    """
    i0 = _checks.nonnegative("aat_molecules", aat_molecules, "molecules")
    e = _checks.nonnegative("elastase_added", elastase_added, "molecules")
    n = P.value("stoichiometry")
    active = np.maximum(i0 - n * np.asarray(e, dtype=float), 0.0)
    free = np.maximum(np.asarray(e, dtype=float) - i0 / n, 0.0)
    if np.ndim(e) == 0:
        return float(active), float(free)
    return active, free
