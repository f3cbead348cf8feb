"""Exercises of the chapter "Families and populations" (``notebooks/families.ipynb``).

Expected values come from :mod:`aatd.population` and :mod:`aatd.genetics` when a check runs.
"""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register


def _swiss_sz_per_100k() -> float:
    from aatd import population

    ch = population.preset("switzerland")
    return population.per_100k(z=ch.z, s=ch.s)["SZ"]


def _swiss_sz_without_the_two() -> float:
    return _swiss_sz_per_100k() / 2


def _sibling_mz_sz() -> tuple[float, ...]:
    from aatd import population

    c = population.sibling_chances("MZ", "SZ")
    return (c["ZZ"], c["MZ"])


def _usa_undiagnosed_zz_per_million() -> float:
    from aatd import population

    us = population.preset("usa")
    zz = population.expected_counts(z=us.z, s=us.s, population=1_000_000)["ZZ"]
    return population.undiagnosed(zz, 0.10)


def _usa_zz_per_million() -> float:
    from aatd import population

    us = population.preset("usa")
    return population.expected_counts(z=us.z, s=us.s, population=1_000_000)["ZZ"]


register(
    Exercise(
        id="ex-families-1",
        expected=_swiss_sz_per_100k,
        unit="people per 100,000",
        confirm="SZ = 2 × S × Z, so about 100 SZ people per 100,000 in Switzerland: more than "
        "six times the number of ZZ people there.",
        hint="Use Hardy–Weinberg: the SZ frequency is 2 × s × z; multiply by 100,000.",
        wrong=(
            Wrong(
                "forgot the 2",
                _swiss_sz_without_the_two,
                "That is s × z × 100,000: a person can be SZ two ways (S from the mother and Z "
                "from the father, or the other way round), so the frequency is 2 × s × z.",
            ),
        ),
    )
)

register(
    Exercise(
        id="ex-families-2",
        expected=_sibling_mz_sz,
        confirm="With parents MZ and SZ, a full sibling is ZZ with chance 1/4 and MZ with "
        "chance 1/4 (the other halves are MS and SZ).",
        hint="Draw the Punnett square of MZ × SZ (or set the Punnett explorer to it) and add "
        "the boxes that are ZZ, then those that are MZ. Give (chance ZZ, chance MZ).",
        wrong=(
            Wrong(
                "used the MZ × MZ square",
                (0.25, 0.5),
                "That is the answer for two MZ parents. An SZ parent passes on S or Z, never "
                "M, so only one box in four is MZ.",
            ),
            Wrong(
                "counted the proband as a sibling",
                (1.0, 0.0),
                "The proband being ZZ does not make a sibling ZZ: each child is a new draw "
                "from the same square.",
            ),
        ),
    )
)

register(
    Exercise(
        id="ex-families-3",
        expected=_usa_undiagnosed_zz_per_million,
        unit="people",
        confirm="About 225 ZZ people are expected in a million at the United States "
        "frequencies; with 10% diagnosed, about 200 of them do not know.",
        hint="First the expected ZZ count in 1,000,000 people (z² × 1,000,000), then keep the "
        "90% who are not diagnosed.",
        wrong=(
            Wrong(
                "forgot the diagnosed share",
                _usa_zz_per_million,
                "That is every ZZ person expected in the city; only 10% of them are "
                "diagnosed, so multiply by 0.9.",
            ),
            Wrong(
                "kept the diagnosed ones",
                lambda: _usa_zz_per_million() * 0.10,
                "That is the 10% who are diagnosed; the question asks for the others.",
            ),
        ),
    )
)
