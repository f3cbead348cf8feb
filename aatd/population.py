"""How many people a population holds of each genotype: Hardy–Weinberg from the Z and S alleles.

``genotype_frequencies(z=..., s=...)`` returns the expected frequency of each of ``MM, MS, MZ,
SS, SZ, ZZ`` under Hardy–Weinberg proportions, with ``M = 1 − Z − S``. Here "M" means every
allele that is neither S nor Z. **Null alleles (Q0) and the rare deficiency variants are
ignored:** they are individually rare, so a person with one Z and one null allele is counted as
ZZ (in screening they look like PiZ, and in the Swedish newborn screening they were reported
separately as "PiZ−"). Hardy–Weinberg also assumes random mating and no selection: real
regions are mixtures of local populations, so a prediction is an expectation, not a census.

Presets (:data:`PRESETS`) hold each region's allele frequencies *with their cohort*: either
counted here from a general-population sample's published genotype counts (gene counting,
:func:`allele_frequencies_from_counts`) or taken from a published table. Every preset names its
bibliography key. Counts per 100,000 and in a chosen population size come from
:func:`expected_counts`; :func:`undiagnosed` says how many of them are not diagnosed at a chosen
diagnosed share (more than 90% of people with severe AATD are thought to be undiagnosed,
``orphanet2018``).

Bad input raises ``ValueError`` naming the value: a frequency outside 0–1 or NaN, ``z + s > 1``,
a population that is not a positive whole number, a share outside 0–1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from . import genetics

#: The six genotypes of the M, S and Z alleles, in display order (most to least AAT).
GENOTYPES: tuple[str, ...] = ("MM", "MS", "MZ", "SS", "SZ", "ZZ")

#: The explorer's population sizes (a select, so the static face is a lookup).
POPULATION_SIZES: tuple[int, ...] = (10_000, 100_000, 1_000_000, 10_000_000, 100_000_000)

#: The explorer's diagnosed shares. 10% diagnosed is the default: more than 90% of people with
#: severe AATD are estimated to be undiagnosed (``orphanet2018``); the others are what-ifs.
DIAGNOSED_SHARES: tuple[float, ...] = (0.05, 0.10, 0.25, 0.50, 0.75)
DEFAULT_DIAGNOSED_SHARE = 0.10

#: Genotypes counted as severe deficiency when the undiagnosed number is shown.
SEVERE_GENOTYPES: tuple[str, ...] = ("ZZ",)


def _check_fraction(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}")
    v = float(value)
    if math.isnan(v) or not 0.0 <= v <= 1.0:
        raise ValueError(f"{name} must be a number between 0 and 1 (a fraction), got {value!r}")
    return v


def check_alleles(z: object, s: object) -> tuple[float, float]:
    """``(z, s)`` as floats, or ``ValueError`` naming the values: each must lie in 0–1 (not
    NaN) and together they may not exceed 1 (the M frequency is what is left)."""
    zf = _check_fraction("Z allele frequency z", z)
    sf = _check_fraction("S allele frequency s", s)
    if zf + sf > 1.0 + 1e-12:
        raise ValueError(
            f"Z + S allele frequencies must not exceed 1 (M = 1 - Z - S), got z={z!r}, s={s!r} "
            f"(sum {zf + sf:g})"
        )
    return zf, sf


def genotype_frequencies(*, z: float, s: float) -> dict[str, float]:
    """Hardy–Weinberg genotype frequencies ``{MM, MS, MZ, SS, SZ, ZZ: frequency}`` (sum 1)
    from the Z and S allele frequencies; M = 1 − Z − S, null alleles ignored."""
    zf, sf = check_alleles(z, s)
    m = max(0.0, 1.0 - zf - sf)
    return {
        "MM": m * m,
        "MS": 2.0 * m * sf,
        "MZ": 2.0 * m * zf,
        "SS": sf * sf,
        "SZ": 2.0 * sf * zf,
        "ZZ": zf * zf,
    }


def check_population(population: object) -> int:
    """A population size as an int, or ``ValueError``: a positive whole number."""
    if isinstance(population, bool) or not isinstance(population, (int, float)):
        raise ValueError(f"population must be a positive whole number, got {population!r}")
    p = float(population)
    if math.isnan(p) or math.isinf(p) or p < 1 or not p.is_integer():
        raise ValueError(f"population must be a positive whole number, got {population!r}")
    return int(p)


def expected_counts(*, z: float, s: float, population: int = 100_000) -> dict[str, float]:
    """Expected number of people of each genotype in ``population`` people (not rounded:
    an expectation, e.g. 6.4 ZZ per 10,000)."""
    n = check_population(population)
    return {g: f * n for g, f in genotype_frequencies(z=z, s=s).items()}


def per_100k(*, z: float, s: float) -> dict[str, float]:
    """Expected people of each genotype per 100,000."""
    return expected_counts(z=z, s=s, population=100_000)


def one_in(frequency: float) -> float:
    """A frequency as "1 in N" (N = 1 / frequency); ``inf`` for 0."""
    f = _check_fraction("frequency", frequency)
    return math.inf if f == 0 else 1.0 / f


def undiagnosed(count: float, diagnosed_share: float = DEFAULT_DIAGNOSED_SHARE) -> float:
    """How many of ``count`` people are undiagnosed when ``diagnosed_share`` (0–1) are
    diagnosed."""
    c = float(count)
    if math.isnan(c) or c < 0:
        raise ValueError(f"count must be a non-negative number, got {count!r}")
    share = _check_fraction("diagnosed share", diagnosed_share)
    return c * (1.0 - share)


# ----------------------------------------------------------------------------- from cohorts


@dataclass(frozen=True)
class AlleleFrequencies:
    """Allele frequencies counted from a sample, with their binomial standard errors."""

    z: float
    s: float
    n_people: int
    z_se: float
    s_se: float


def allele_frequencies_from_counts(counts: Mapping[str, float]) -> AlleleFrequencies:
    """Gene counting: Z and S frequencies from genotype counts (or percentages) of a
    general-population sample. Keys are genotype codes; a genotype with any other allele
    (rare variants, nulls, F, I) counts its S or Z allele and its other allele as "M".
    Standard errors are binomial on 2 × (number of people) alleles."""
    total = 0.0
    z_alleles = 0.0
    s_alleles = 0.0
    for code, n in counts.items():
        v = float(n)
        if math.isnan(v) or v < 0:
            raise ValueError(f"count for {code!r} must be a non-negative number, got {n!r}")
        a, b = genetics.alleles_of(code)
        total += v
        z_alleles += v * ((a == "Z") + (b == "Z"))
        s_alleles += v * ((a == "S") + (b == "S"))
    if total <= 0:
        raise ValueError(f"counts must include at least one person, got {dict(counts)!r}")
    n_alleles = 2.0 * total
    z = z_alleles / n_alleles
    s = s_alleles / n_alleles
    return AlleleFrequencies(
        z=z,
        s=s,
        n_people=round(total),
        z_se=math.sqrt(z * (1 - z) / n_alleles),
        s_se=math.sqrt(s * (1 - s) / n_alleles),
    )


def zz_interval(z: float, z_se: float, *, z_score: float = 1.96) -> tuple[float, float]:
    """The ZZ frequency (Z²) at ``z ± z_score·z_se``: the sampling interval of a
    prediction made from an allele frequency measured in a finite sample."""
    zf = _check_fraction("Z allele frequency z", z)
    lo = max(0.0, zf - z_score * z_se)
    hi = min(1.0, zf + z_score * z_se)
    return lo * lo, hi * hi


@dataclass(frozen=True)
class RegionPreset:
    """One region's Z and S allele frequencies, with the cohort they come from."""

    key: str
    label: str
    z: float
    s: float
    cohort: str
    source: str  # bibliography key


def _from_counts(
    key: str, label: str, counts: Mapping[str, float], cohort: str, source: str
) -> RegionPreset:
    af = allele_frequencies_from_counts(counts)
    return RegionPreset(key, label, af.z, af.s, cohort, source)


#: Genotype counts of general-population samples (the published numbers; the allele
#: frequencies are counted from them here).
#: Ireland: 1,100 people sampled at random; 113 MS, 46 MZ, 2 SS, 2 SZ, the rest neither S nor Z.
IRELAND_COUNTS = {"MM": 1100 - 113 - 46 - 2 - 2, "MS": 113, "MZ": 46, "SS": 2, "SZ": 2}
#: Switzerland (SAPALDIA, 6,057 adults): Table 1 of Ferrarotti 2012; 42 rare or novel
#: variants count as "M" (neither S nor Z).
SWITZERLAND_COUNTS = {
    "MM": 5398 + 34 + 8,
    "MS": 453,
    "SS": 10,
    "MZ": 143,
    "SZ": 10,
    "ZZ": 1,
}

#: Region presets, in display order. Ireland and Switzerland are counted from their cohorts;
#: the United States and Mexico are Blanco 2017's pooled estimates (per 1,000 alleles).
PRESETS: dict[str, RegionPreset] = {
    p.key: p
    for p in (
        _from_counts(
            "ireland",
            "Ireland",
            IRELAND_COUNTS,
            "1,100 people sampled at random from the general population",
            "carroll2011",
        ),
        _from_counts(
            "switzerland",
            "Switzerland",
            SWITZERLAND_COUNTS,
            "SAPALDIA: 6,057 adults of a general-population cohort",
            "ferrarotti2012",
        ),
        RegionPreset(
            "usa",
            "United States",
            0.015,
            0.031,
            "15 cohorts, 17,032 people, pooled (Pi*Z 15, Pi*S 31 per 1,000 alleles)",
            "blanco2017sz",
        ),
        RegionPreset(
            "mexico",
            "Mexico",
            0.006,
            0.036,
            "2 cohorts, 3,279 people, pooled (Pi*Z 6, Pi*S 36 per 1,000 alleles)",
            "blanco2017sz",
        ),
    )
}
DEFAULT_PRESET = "ireland"


def preset(key: str) -> RegionPreset:
    """The preset named ``key`` (``ValueError`` listing the presets otherwise)."""
    if key not in PRESETS:
        raise ValueError(f"unknown region preset {key!r}; choose one of {', '.join(PRESETS)}")
    return PRESETS[key]


# ----------------------------------------------------------------------------- families


def parents_of_zz() -> list[tuple[str, str]]:
    """Every unordered pair of parent genotypes (M, S, Z, Q0 alleles) that can have a ZZ child
    (each parent passes on a Z), in the package's genotype order."""
    gs = genetics.all_genotypes()
    pairs = []
    for i, a in enumerate(gs):
        for b in gs[i:]:
            if genetics.offspring(a, b).get("ZZ", 0.0) > 0:
                pairs.append((a, b))
    return pairs


def sibling_chances(parent_a: object, parent_b: object) -> dict[str, float]:
    """For a full sibling of a ZZ proband with these parents: the chance the sibling is ZZ
    and the chance they are MZ (each child is an independent draw; the proband's own
    genotype does not change a sibling's chances)."""
    kids = genetics.offspring(parent_a, parent_b)
    if kids.get("ZZ", 0.0) == 0.0:
        raise ValueError(
            f"parents {parent_a!r} and {parent_b!r} cannot have a ZZ child (each parent "
            "must carry a Z allele)"
        )
    return {"ZZ": kids.get("ZZ", 0.0), "MZ": kids.get("MZ", 0.0)}
