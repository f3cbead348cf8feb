"""Alleles, genotypes, serum AAT by genotype, and inheritance.

Genotype codes are two allele symbols from ``M``, ``S``, ``Z`` and ``Q0`` (a null allele
that makes no protein). Parsing is case- and order-insensitive: ``"zm"`` → ``"MZ"``.

Sources (bibtex keys of ``book/references.bib``): serum ranges ``brantly1991``; null
alleles ``blanco2017``; Z secretion ``lomas1992``; codominant expression ``omim613490``.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from fractions import Fraction

from . import evidence

#: Allele symbols in canonical order (genotype codes list them in this order).
ALLELES = ("M", "S", "Z", "Q0")

#: Secretion of each allele's protein relative to M (fraction of M).
#: Z: about 15 % is secreted, the rest is retained in the liver (``lomas1992``).
#: S: derived from Brantly's typical SS vs MM levels (about 0.95).
#: Q0: a null allele makes no protein.
ALLELE_SECRETION = {"M": 1.0, "S": 0.95, "Z": evidence.value("z_secretion_fraction"), "Q0": 0.0}

#: Brantly 1991 5th–95th percentile serum AAT, purified standard (µM).
_BRANTLY_RANGES_UM = {
    g: (evidence.value(f"serum_{g}_low_uM"), evidence.value(f"serum_{g}_high_uM"))
    for g in ("MM", "MS", "SS", "MZ", "SZ", "ZZ")
}

#: Genotypes shown by default in figures and explorers, in order of falling level.
COMMON_GENOTYPES = ("MM", "MS", "SS", "MZ", "SZ", "ZZ", "Q0Q0")


def parse_genotype(code: object) -> str:
    """Return the canonical genotype code for ``code`` (e.g. ``"zm"`` → ``"MZ"``).

    Raises ``ValueError`` naming the code and listing the valid alleles.
    """
    if not isinstance(code, str):
        raise ValueError(
            f"genotype must be a string of two alleles from {', '.join(ALLELES)}, got {code!r}"
        )
    text = code.strip().upper().replace(" ", "")
    if text.startswith("PI"):  # clinicians write "PiZZ" for the protease-inhibitor type
        text = text[2:]
    alleles = []
    i = 0
    while i < len(text):
        if text.startswith("Q0", i):
            alleles.append("Q0")
            i += 2
        elif text[i] in "MSZ":
            alleles.append(text[i])
            i += 1
        else:
            alleles = []
            break
    if len(alleles) != 2:
        raise ValueError(
            f"unknown genotype {code!r}: a genotype is two alleles from "
            f"{', '.join(ALLELES)} (for example 'MM', 'MZ', 'ZZ', 'ZQ0', 'Q0Q0')"
        )
    return "".join(sorted(alleles, key=ALLELES.index))


def alleles_of(genotype: object) -> tuple[str, str]:
    """The two alleles of a genotype, in canonical order."""
    g = parse_genotype(genotype)
    if g.startswith("Q0"):
        return ("Q0", "Q0")
    first = g[0]
    return (first, g[1:])


def all_genotypes() -> tuple[str, ...]:
    """Every genotype that the four alleles can make (10 codes)."""
    return tuple(a + b for a, b in itertools.combinations_with_replacement(ALLELES, 2))


@dataclass(frozen=True)
class SerumRange:
    """Serum AAT for one genotype (µM, purified standard)."""

    genotype: str
    low_uM: float
    typical_uM: float
    high_uM: float
    #: ``"sourced"`` (Brantly 1991) or ``"derived"`` (from one functional allele)
    status: str


def _range_uM(genotype: str) -> tuple[float, float]:
    if genotype in _BRANTLY_RANGES_UM:
        return _BRANTLY_RANGES_UM[genotype]
    a, b = alleles_of(genotype)
    if a == b == "Q0":
        return (0.0, 0.0)
    # One functional allele (the other is null): half the homozygous level.
    functional = a if b == "Q0" else b
    low, high = _BRANTLY_RANGES_UM[functional * 2]
    return (low / 2.0, high / 2.0)


def serum_aat(genotype: object) -> SerumRange:
    """Serum AAT range and typical level for ``genotype`` (µM).

    ``low_uM``/``high_uM`` are Brantly 1991's 5th/95th percentiles (``brantly1991``);
    the typical level is their geometric mean, rounded to 0.1 µM (derived). Genotypes
    with one null allele get half the homozygous level (derived: one functional allele).
    ``Q0Q0`` has no AAT at all.
    """
    g = parse_genotype(genotype)
    low, high = _range_uM(g)
    typical = round(math.sqrt(low * high), 1)
    status = "sourced" if g in _BRANTLY_RANGES_UM or g == "Q0Q0" else "derived"
    return SerumRange(g, low, typical, high, status)


def protein_shares(genotype: object) -> dict[str, float]:
    """Share of each allele's protein in the serum of ``genotype`` (sums to 1).

    Each allele contributes in proportion to its secretion, so an MZ person's serum is
    about 87 % M protein and 13 % Z protein, not 50:50 (derived from ``lomas1992``).
    ``Q0Q0`` has no protein: an empty dict.
    """
    a, b = alleles_of(genotype)
    weights: dict[str, float] = {}
    for allele in (a, b):
        weights[allele] = weights.get(allele, 0.0) + ALLELE_SECRETION[allele]
    total = sum(weights.values())
    if total == 0:
        return {}
    return {allele: w / total for allele, w in weights.items() if w > 0}


def offspring(parent_a: object, parent_b: object) -> dict[str, float]:
    """Mendelian chances of each child genotype for two parents (sums to 1).

    Each parent passes on one of its two alleles with equal chance (a Punnett square).
    """
    counts: dict[str, Fraction] = {}
    for x in alleles_of(parent_a):
        for y in alleles_of(parent_b):
            child = parse_genotype(x + y)
            counts[child] = counts.get(child, Fraction(0)) + Fraction(1, 4)
    order = all_genotypes()
    return {g: float(counts[g]) for g in order if g in counts}


def punnett_square(parent_a: object, parent_b: object) -> list[list[str]]:
    """The 2×2 Punnett square: rows are ``parent_a``'s alleles, columns ``parent_b``'s."""
    return [[parse_genotype(x + y) for y in alleles_of(parent_b)] for x in alleles_of(parent_a)]


def z_shares_percent() -> dict[str, float]:
    """Secreted and retained shares (percent) of the Z protein a liver cell makes.

    Derived from :data:`ALLELE_SECRETION` (``lomas1992``): about 15 and 85.
    """
    secreted = 100.0 * ALLELE_SECRETION["Z"]
    return {"secreted": round(secreted, 1), "retained": round(100.0 - secreted, 1)}


def threshold_relation(genotype: object) -> str:
    """Where a genotype's serum range lies against the protective threshold (``stoller2012``).

    ``"none"`` (no AAT), ``"below"`` (whole range below), ``"straddles"`` or ``"above"``.
    """
    r = serum_aat(genotype)
    threshold = evidence.value("protective_threshold_uM")
    if r.high_uM == 0:
        return "none"
    if r.high_uM < threshold:
        return "below"
    if r.low_uM < threshold:
        return "straddles"
    return "above"
