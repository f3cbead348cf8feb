"""Checks for chapter 09 (Case studies): inheritance and the lung model for model people."""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register


def _decline(genotype: str, smoking: str = "never", **kw: float) -> float:
    from aatd import lung

    return float(lung.decline_ml_per_year(genotype, smoking=smoking, **kw))


def _percent(parent_a: str, parent_b: str, child: str) -> float:
    from aatd import genetics

    return 100 * float(genetics.offspring(parent_a, parent_b).get(child, 0.0))


def _sam() -> float:
    from aatd.plots.cases import ModelPerson

    return float(ModelPerson("Sam", "MZ", "current").decline_ml_per_year(40, 60))


def _zz_spread(low_uM: float = 3.4, high_uM: float = 7.0) -> float:
    return _decline("ZZ", aat_uM=low_uM) - _decline("ZZ", aat_uM=high_uM)


register(
    Exercise(
        "ex-09-1",
        expected="computed:mz_x_mz_zz_percent",
        confirm="If both parents are MZ, each child has a one-in-four (25%) chance of being "
        "ZZ, whatever their brothers and sisters turned out to be.",
        hint="Use genetics.offspring('MZ', 'MZ') and give the ZZ chance as a percentage.",
        unit="%",
        wrong=(
            Wrong(
                "mz-share",
                lambda: _percent("MZ", "MZ", "MZ"),
                "50% is the chance of an MZ child (a carrier). The question asks for a ZZ child.",
            ),
            Wrong(
                "fraction",
                lambda: _percent("MZ", "MZ", "ZZ") / 100,
                "That is the right chance as a fraction; give it as a percentage (× 100).",
            ),
            Wrong(
                "siblings-change-odds",
                0.0,
                "Each child's chance is set afresh: one ZZ child does not use up the family's "
                "'share'. Look at genetics.offspring('MZ', 'MZ').",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-09-2",
        expected=_sam,
        confirm="The model gives Sam about 51 mL/yr, faster than Maya (45) and Priya (31); an "
        "MM smoker declines at about 50, so almost all of it is smoking.",
        hint="Build ModelPerson('Sam', 'MZ', 'current') and call .decline_ml_per_year(40, 60).",
        unit="mL/yr",
        # Sam and an MM smoker differ by about half a mL/yr: count only rounding as right
        rel_tol=0.0,
        abs_tol=0.5,
        wrong=(
            Wrong(
                "mm-smoker",
                lambda: _decline("MM", "current"),
                "That is an MM smoker's decline. Sam is an MZ carrier: use 'MZ' as the genotype "
                "(the two differ by less than 1 mL/yr in the model, which is the point of the "
                "exercise).",
            ),
            Wrong(
                "never-smoker",
                lambda: _decline("MZ"),
                "That is an MZ never-smoker (Priya's rate). Sam smokes: pass 'current' as the "
                "smoking history.",
            ),
            Wrong(
                "zz-smoker",
                lambda: _decline("ZZ", "current"),
                "That is a ZZ smoker. Sam is an MZ carrier: use 'MZ' as the genotype.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-09-3",
        expected=_zz_spread,
        confirm="About 48 mL/yr at 3.4 µM and 40 mL/yr at 7.0 µM: serum level alone spreads "
        "the model's ZZ never-smoker over about 8 mL/yr.",
        hint="Subtract the decline at 7.0 µM from the decline at 3.4 µM.",
        unit="mL/yr",
        abs_tol=0.5,
        wrong=(
            Wrong(
                "negative",
                lambda: -_zz_spread(),
                "The size is right but the sign is not: the lower level gives the faster "
                "decline, so subtract the 7.0 µM rate from the 3.4 µM rate.",
            ),
            Wrong(
                "one-rate",
                lambda: _decline("ZZ", aat_uM=3.4),
                "That is the decline at 3.4 µM alone. The spread is the difference between "
                "the declines at 3.4 µM and at 7.0 µM.",
            ),
        ),
    )
)
