"""Exercises of chapter 2, Genes and inheritance (``notebooks/02-genes-and-inheritance``).

Expected values ask ``aatd.genetics`` and ``aatd.units`` when the check runs.
"""

from __future__ import annotations

import math

from aatd import genetics, units
from aatd.checks.core import Exercise, Wrong, register

ZZ_PREVALENCE = 1 / 3500  # the exercise's assumption, within 1 in 2,000-5,000 (stoller2012)


def chance_below_threshold(parent_a: str, parent_b: str) -> float:
    """Chance that a child's serum range reaches below 11 µM."""
    return sum(
        p
        for child, p in genetics.offspring(parent_a, parent_b).items()
        if genetics.serum_aat(child).low_uM < units.PROTECTIVE_THRESHOLD_UM
    )


def chance_carrier(parent_a: str, parent_b: str) -> float:
    """Chance that a child has exactly one Z allele and one M allele (an MZ carrier)."""
    return genetics.offspring(parent_a, parent_b).get("MZ", 0.0)


def sibling_carrier_given_not_zz() -> float:
    kids = genetics.offspring("MZ", "MZ")
    return kids["MZ"] / (1 - kids["ZZ"])


def z_allele_share() -> float:
    return math.sqrt(ZZ_PREVALENCE)


def mz_carrier_share() -> float:
    q = z_allele_share()
    return 2 * q * (1 - q)


def halfway_mz_uM() -> float:
    mm, zz = genetics.serum_aat("MM").typical_uM, genetics.serum_aat("ZZ").typical_uM
    return (mm + zz) / 2


register(
    Exercise(
        "ex-02-ms-mz",
        expected=lambda: chance_below_threshold("MS", "MZ"),
        unit="a chance between 0 and 1",
        confirm="MM, MS, MZ and SZ are each 1 in 4, and only SZ (10–23 µM) reaches below 11 µM.",
        hint="Draw the square (M and S down the side, M and Z across), then look up each "
        "child's range: which reach below 11 µM?",
        wrong=(
            Wrong(
                "s-carriers",
                lambda: 0.5,
                "MS and SZ both carry S, but MS (18–52 µM) stays above 11 µM; only SZ "
                "reaches below.",
            ),
            Wrong(
                "parents-above",
                lambda: 0.0,
                "Neither parent's range reaches below 11 µM, but a child who gets S from one "
                "and Z from the other (SZ, 10–23 µM) does.",
            ),
        ),
        abs_tol=0.01,
    )
)

register(
    Exercise(
        "ex-02-zz-mm",
        expected=lambda: chance_carrier("ZZ", "MM"),
        unit="a chance between 0 and 1",
        confirm="Every child gets Z from the ZZ parent and M from the MM parent: all are MZ.",
        hint="Which allele can each parent pass on? Fill the four boxes.",
        wrong=(
            Wrong(
                "half",
                lambda: 0.5,
                "1 in 2 would hold for an MZ × MM couple. A ZZ parent has only Z to pass on.",
            ),
            Wrong(
                "quarter",
                lambda: 0.25,
                "1 in 4 is a ZZ child's chance for two MZ parents. Here every box is MZ.",
            ),
        ),
        abs_tol=0.01,
    )
)

register(
    Exercise(
        "ex-02-units",
        expected=lambda: units.mg_dl_to_uM(50),
        unit="µM",
        confirm="50 mg/dL ÷ about 5.2 mg/dL per µM ≈ 9.6 µM by molecular mass: below 11 µM.",
        hint="1 µM of a 52 kDa protein is about 5.2 mg/dL: divide the mg/dL value by it.",
        wrong=(
            Wrong(
                "multiplied",
                lambda: 50 * units.uM_to_mg_dl(1),
                "You multiplied by 5.2. Going from mg/dL to µM, divide.",
            ),
            Wrong(
                "old-standard",
                lambda: units.mg_dl_to_uM(50, standard="old_commercial"),
                "That is the conversion for the older commercial standard. This report used a "
                "purified standard, so convert by molecular mass.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-02-sibling",
        expected=sibling_carrier_given_not_zz,
        unit="a chance between 0 and 1",
        confirm="Knowing he is not ZZ leaves three equally likely boxes (MM, MZ, ZM): 2 in 3.",
        hint="Cross out the ZZ box and count what is left.",
        wrong=(
            Wrong(
                "before-knowing",
                lambda: genetics.offspring("MZ", "MZ")["MZ"],
                "1 in 2 is his chance before anything was known. Knowing he is not ZZ removes "
                "one of the four boxes.",
            ),
            Wrong(
                "three-quarters",
                lambda: 0.75,
                "3 in 4 is the chance that a child is not ZZ. Of those three boxes, how many are "
                "carriers?",
            ),
        ),
        abs_tol=0.01,
    )
)

register(
    Exercise(
        "ex-02-carriers",
        expected=mz_carrier_share,
        unit="a share of the population (about 0.03 means 3%)",
        confirm="q = √(1/3,500) ≈ 0.017 and 2q(1 − q) ≈ 0.033: about 1 person in 30 is MZ.",
        hint="If a share q of alleles are Z, ZZ has chance q²; MZ has chance 2q(1 − q).",
        wrong=(
            Wrong(
                "allele-share",
                z_allele_share,
                "0.017 is q, the share of Z alleles. A person is MZ with chance 2q(1 − q).",
            ),
            Wrong(
                "zz-share",
                lambda: ZZ_PREVALENCE,
                "1 in 3,500 is the ZZ share you started from. Carriers need only one Z allele.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-02-halfway",
        expected=halfway_mz_uM,
        unit="µM",
        confirm="(MM + ZZ) / 2 with the package's typical levels is about 19 µM, below the "
        "package's typical MZ level of about 25 µM.",
        hint="An M allele supplies half of the MM level and a Z allele half of the ZZ level.",
        wrong=(
            Wrong(
                "package-mz",
                lambda: genetics.serum_aat("MZ").typical_uM,
                "That is the package's typical MZ level (Brantly's ranges). Part (a) asks for "
                "half of MM plus half of ZZ.",
            ),
            Wrong(
                "half-difference",
                lambda: (
                    (genetics.serum_aat("MM").typical_uM - genetics.serum_aat("ZZ").typical_uM) / 2
                ),
                "That is half the difference between MM and ZZ. Add the two halves instead.",
            ),
        ),
    )
)
