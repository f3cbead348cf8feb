"""Checks for chapter 07 (Liver and skin): secretion shares and inheritance after a transplant."""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register


def _mz_z_share_percent() -> float:
    from aatd import genetics

    return 100 * float(genetics.protein_shares("MZ")["Z"])


def _only_child_genotype(parent_a: str, parent_b: str) -> str:
    """The one genotype all children of this couple have (error if there is more than one)."""
    from aatd import genetics

    kids = genetics.offspring(parent_a, parent_b)
    if len(kids) != 1:
        raise ValueError(f"{parent_a} x {parent_b} gives several genotypes: {kids}")
    return next(iter(kids))


register(
    Exercise(
        "ex-07-1",
        expected=_mz_z_share_percent,
        confirm="About 13% of an MZ person's AAT is Z protein: Z protein is secreted at "
        "about 15% of the M rate, so the M allele supplies most of the blood's AAT.",
        hint="genetics.protein_shares('MZ') gives each protein's share as a fraction; "
        "multiply the Z share by 100 for a percentage.",
        unit="%",
        wrong=(
            Wrong(
                "half",
                50.0,
                "One of two alleles is Z, but the blood does not get half Z protein: Z protein "
                "leaves the liver cell far less than M protein. Look at protein_shares('MZ').",
            ),
            Wrong(
                "secretion",
                lambda: 100 * _secretion("Z"),
                "15% is how much Z protein a liver cell secretes compared with M, not the share "
                "of Z protein in an MZ person's blood. Use protein_shares('MZ').",
            ),
            Wrong(
                "m-share",
                lambda: 100 - _mz_z_share_percent(),
                "That is the M protein's share. The question asks for the share that is Z.",
            ),
            Wrong(
                "fraction",
                lambda: _mz_z_share_percent() / 100,
                "That is the right share as a fraction; give it as a percentage (× 100).",
            ),
        ),
    )
)


def _secretion(allele: str) -> float:
    from aatd import genetics

    return float(genetics.ALLELE_SECRETION[allele])


register(
    Exercise(
        "ex-07-3",
        expected=lambda: _only_child_genotype("ZZ", "MM"),
        confirm="Every child is MZ: eggs and sperm come from the recipient's own cells, which "
        "still carry two Z alleles. The transplant changes the liver, not the genes passed on.",
        hint="Use genetics.offspring('ZZ', 'MM') and give the genotype as text, e.g. 'MS'.",
        wrong=(
            Wrong(
                "donor-genes",
                lambda: _only_child_genotype("MM", "MM"),
                "The new liver makes the donor's MM protein, but the recipient's eggs or sperm "
                "still carry their own two Z alleles: the transplant does not change what "
                "they pass on.",
            ),
            Wrong(
                "allele-order",
                lambda: _only_child_genotype("ZZ", "MM")[::-1],
                "That is the right pair of alleles written the other way round; genotype codes "
                "put M first: give it as the package writes it.",
            ),
            Wrong(
                "zz",
                lambda: _only_child_genotype("ZZ", "ZZ"),
                "A ZZ child needs a Z allele from each parent, and an MM partner can pass on "
                "only M.",
            ),
        ),
    )
)
