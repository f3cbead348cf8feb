"""Figures for the diagnosis-and-care chapter.

``diagnostic_pathway()`` draws the usual order of tests: a serum AAT level measured with
C-reactive protein (AAT is an acute-phase protein), then isoelectric-focusing phenotyping
or genotyping, then gene sequencing for rare alleles (``ats2003tables``, ``genereviews``).

``augmentation_levels()`` compares serum AAT before augmentation therapy (about
30 mg/dL) with the weekly trough on 60 mg/kg (about 126 mg/dL) (``wewers1987``) against
both readings of the 11 µM protective threshold from :mod:`aatd.units`: about 57 mg/dL by
molecular mass and 80 mg/dL on the older commercial standard (``ogushi1987``).
"""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .. import evidence, units
from .style import OKABE_ITO, THRESHOLD_COLOR, new_figure, style

#: Steps of the diagnostic pathway: (heading, detail).
PATHWAY_STEPS = (
    (
        "1. Who is tested",
        "Everyone with COPD (any age, smokers\ntoo), unexplained liver disease,\n"
        "panniculitis, relatives with AATD",
    ),
    (
        "2. Serum AAT level",
        "Measured with C-reactive protein\n(CRP): inflammation raises AAT\n"
        "and can hide a low level",
    ),
    (
        "3. Protein type\nor genes",
        "Phenotyping (misses null alleles:\nZQ0 looks like ZZ) or genotyping\n"
        "for S and Z (misses rare alleles)",
    ),
    (
        "4. Rare alleles",
        "Gene sequencing when the level\nand the protein type or\ngenotype do not agree",
    ),
)

#: Serum AAT before augmentation and weekly trough on 60 mg/kg (mg/dL, ``wewers1987``).
SERUM_BEFORE_MG_DL = evidence.value("augmentation_before_mg_dl")
SERUM_TROUGH_MG_DL = evidence.value("augmentation_trough_mg_dl")
#: AAT in epithelial lining fluid before and on augmentation (µM, ``wewers1987``).
ELF_BEFORE_UM = evidence.value("augmentation_elf_before_uM")
ELF_ON_THERAPY_UM = evidence.value("augmentation_elf_on_uM")

_STEP_COLORS = (
    OKABE_ITO["grey"],
    OKABE_ITO["blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
)


def diagnostic_pathway():
    """The diagnostic pathway for AATD as four steps joined by arrows, top to bottom.

    Returns the matplotlib ``Figure``. Sources: ``ats2003tables``, ``genereviews``.
    """
    fig, ax = new_figure(7.0, 6.4)
    n = len(PATHWAY_STEPS)
    height, gap = 19.0, (100.0 - n * 19.0) / (n - 1)
    with style():
        ax.set_xlim(0, 100)
        ax.set_ylim(-1, 101)
        ax.axis("off")
        for i, ((head, detail), color) in enumerate(zip(PATHWAY_STEPS, _STEP_COLORS, strict=True)):
            y = 100.0 - height - i * (height + gap)
            ax.add_patch(
                FancyBboxPatch(
                    (1, y),
                    98,
                    height,
                    boxstyle="round,pad=0,rounding_size=2",
                    fc="white",
                    ec=color,
                    lw=2.2,
                )
            )
            ax.add_patch(
                FancyBboxPatch(
                    (1, y),
                    34,
                    height,
                    boxstyle="round,pad=0,rounding_size=2",
                    fc=color,
                    ec=color,
                    lw=2.2,
                    alpha=0.22,
                )
            )
            ax.text(
                18,
                y + height / 2,
                head,
                ha="center",
                va="center",
                fontsize=13,
                fontweight="bold",
                color="#111111",
            )
            ax.text(
                39,
                y + height / 2,
                detail,
                ha="left",
                va="center",
                fontsize=12.5,
                color="#111111",
                linespacing=1.3,
            )
            if i < n - 1:
                ax.add_patch(
                    FancyArrowPatch(
                        (18, y - 0.5),
                        (18, y - gap + 0.5),
                        arrowstyle="-|>",
                        mutation_scale=16,
                        lw=2,
                        color="#333333",
                    )
                )
    return fig


def augmentation_levels():
    """Serum AAT before and on augmentation vs the 11 µM threshold (mg/dL).

    Bars: about 30 mg/dL before treatment and a weekly trough of about 126 mg/dL on
    60 mg/kg (``wewers1987``). Dashed lines: the 11 µM threshold converted with
    :func:`aatd.units.uM_to_mg_dl` by molecular mass (about 57 mg/dL) and on the older
    commercial standard (80 mg/dL, ``ogushi1987``). Returns the matplotlib ``Figure``.
    """
    by_mass = float(units.uM_to_mg_dl(units.PROTECTIVE_THRESHOLD_UM))
    old = float(units.uM_to_mg_dl(units.PROTECTIVE_THRESHOLD_UM, standard="old_commercial"))
    fig, ax = new_figure(7.0, 4.0)
    with style():
        labels = ["Before augmentation", "Weekly trough on\n60 mg/kg augmentation"]
        values = [SERUM_BEFORE_MG_DL, SERUM_TROUGH_MG_DL]
        colors = [OKABE_ITO["vermillion"], OKABE_ITO["blue"]]
        ax.bar([0, 1], values, width=0.5, color=colors)
        for x, v in zip([0, 1], values, strict=True):
            ax.text(x, v + 3, f"~{v:.0f} mg/dL", ha="center", va="bottom")
        for level, text in (
            (
                by_mass,
                f"{units.PROTECTIVE_THRESHOLD_UM:g} µM ≈ {by_mass:.0f} mg/dL (by molecular mass)",
            ),
            (
                old,
                f"{units.PROTECTIVE_THRESHOLD_UM:g} µM = {old:.0f} mg/dL "
                "(older commercial standard)",
            ),
        ):
            ax.axhline(level, color=THRESHOLD_COLOR, ls="--", lw=1.4)
            ax.text(
                -0.45,
                level + 1.5,
                text,
                ha="left",
                va="bottom",
                fontsize=9.5,
                color=THRESHOLD_COLOR,
            )
        ax.set_xticks([0, 1], labels)
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(0, 145)
        ax.set_ylabel("Serum AAT (mg/dL, as reported)")
        ax.grid(axis="x", visible=False)
    return fig
