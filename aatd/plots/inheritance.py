"""Figures for inheritance: the Punnett square and what it means for the children's serum AAT.

``punnett_figure(parent_a, parent_b)`` draws a new figure; ``draw_punnett(fig, ...)``
redraws an existing one in place (the live Punnett explorer uses it). Chances come from
:func:`aatd.genetics.offspring`, serum ranges from :func:`aatd.genetics.serum_aat`
(``brantly1991``; null-allele genotypes derived), the threshold from
:data:`aatd.units.PROTECTIVE_THRESHOLD_UM` (``stoller2012``).
"""

from __future__ import annotations

from fractions import Fraction

from matplotlib.patches import Rectangle

from .. import genetics, units
from ..genetics import threshold_relation  # noqa: F401  (re-export: old import path)
from .style import GENOTYPE_COLORS, THRESHOLD_COLOR, new_figure, style, text_color_on

#: Width and height of the Punnett figure (inches).
FIGURE_SIZE_IN = (8.6, 3.9)
#: Upper end of the serum axis (µM).
SERUM_AXIS_MAX_UM = 55.0


def chance_text(probability: float) -> str:
    """A chance as a fraction and a percentage, e.g. ``"1/4 (25%)"``."""
    frac = Fraction(probability).limit_denominator(4)
    frac_txt = "1" if frac == 1 else f"{frac.numerator}/{frac.denominator}"
    return f"{frac_txt} ({probability * 100:.0f}%)"


def _draw_square(ax, parent_a: str, parent_b: str) -> None:
    square = genetics.punnett_square(parent_a, parent_b)
    alleles_a = genetics.alleles_of(parent_a)
    alleles_b = genetics.alleles_of(parent_b)
    ax.set_xlim(-0.35, 3)
    ax.set_ylim(3, -0.25)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.grid(False)
    ax.text(
        2.0,
        -0.1,
        f"Parent B ({parent_b}) passes on",
        ha="center",
        va="center",
        fontsize=10,
        color="#333333",
    )
    ax.text(
        -0.2,
        2.0,
        f"Parent A ({parent_a}) passes on",
        ha="center",
        va="center",
        fontsize=10,
        color="#333333",
        rotation=90,
    )
    for j, allele in enumerate(alleles_b):
        ax.text(1.5 + j, 0.5, allele, ha="center", va="center", fontsize=15, fontweight="bold")
    for i, allele in enumerate(alleles_a):
        ax.text(0.5, 1.5 + i, allele, ha="center", va="center", fontsize=15, fontweight="bold")
    for i, row in enumerate(square):
        for j, child in enumerate(row):
            color = GENOTYPE_COLORS[child]
            ax.add_patch(
                Rectangle(
                    (1 + j + 0.04, 1 + i + 0.04),
                    0.92,
                    0.92,
                    facecolor=color,
                    edgecolor="white",
                    lw=2,
                )
            )
            ax.text(
                1.5 + j,
                1.45 + i,
                child,
                ha="center",
                va="center",
                fontsize=15,
                fontweight="bold",
                color=text_color_on(color),
            )
            ax.text(
                1.5 + j,
                1.8 + i,
                "1/4",
                ha="center",
                va="center",
                fontsize=9,
                color=text_color_on(color),
            )
    ax.set_title(f"Punnett square: {parent_a} × {parent_b}", fontsize=11)


def _draw_children(ax, parent_a: str, parent_b: str) -> None:
    chances = genetics.offspring(parent_a, parent_b)
    threshold = units.PROTECTIVE_THRESHOLD_UM
    children = list(chances)
    for y, child in enumerate(children):
        r = genetics.serum_aat(child)
        color = GENOTYPE_COLORS[child]
        if r.high_uM > r.low_uM:
            ax.plot(
                [r.low_uM, r.high_uM], [y, y], color=color, lw=11, solid_capstyle="butt", alpha=0.9
            )
            ax.plot([r.typical_uM], [y], "o", color="white", mec=color, mew=2, ms=8)
        else:
            ax.plot([0], [y], "o", color=color, ms=8, clip_on=False)
            ax.text(1.2, y, "no AAT", va="center", fontsize=9, color="#333333")
    ax.axvline(threshold, color=THRESHOLD_COLOR, ls="--", lw=1.5)
    ax.text(
        threshold + 0.6, -0.62, f"{threshold:g} µM", color=THRESHOLD_COLOR, va="center", fontsize=9
    )
    labels = []
    for child in children:
        mark = "*" if genetics.serum_aat(child).status == "derived" else ""
        labels.append(f"{child}{mark}  {chance_text(chances[child])}")
    ax.set_yticks(range(len(children)), labels)
    ax.set_ylim(len(children) - 0.5, -0.9)
    ax.set_xlim(0, SERUM_AXIS_MAX_UM)
    derived = any(genetics.serum_aat(c).status == "derived" for c in children)
    ax.set_xlabel("Child's serum AAT (µM, purified standard" + ("; * derived)" if derived else ")"))
    ax.set_title("Chance of each child genotype and its serum range", fontsize=11)
    ax.grid(axis="y", visible=False)


def draw_punnett(fig, parent_a, parent_b):
    """Redraw ``fig`` (from :func:`punnett_figure`) in place for two new parents.

    Raises ``ValueError`` for an unknown genotype before touching the figure.
    """
    a = genetics.parse_genotype(parent_a)
    b = genetics.parse_genotype(parent_b)
    square_ax, children_ax = fig.axes[:2]
    with style():
        square_ax.clear()
        children_ax.clear()
        _draw_square(square_ax, a, b)
        _draw_children(children_ax, a, b)
    return fig


def punnett_figure(parent_a="MZ", parent_b="MZ"):
    """Punnett square of two parents beside each child genotype's chance and serum range.

    Left: the 2×2 square (rows: parent A's alleles, columns: parent B's), each cell a
    1-in-4 chance, coloured by genotype. Right: each possible child genotype with its
    chance (from :func:`aatd.genetics.offspring`) and its serum AAT range (µM, purified
    standard, ``brantly1991``) against the 11 µM protective threshold.
    Returns the matplotlib ``Figure``.
    """
    fig, _axes = new_figure(*FIGURE_SIZE_IN, ncols=2, gridspec_kw={"width_ratios": [1.0, 1.45]})
    return draw_punnett(fig, parent_a, parent_b)
