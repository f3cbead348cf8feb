"""Figures for "The protein" chapter: how a serpin switches off elastase.

``inhibition_scheme()`` draws the suicide-inhibition mechanism: elastase (E) meets AAT (I),
docks on the reactive centre loop at the bait residue Met358 (the Michaelis complex E·I),
cuts the loop and is locked in a covalent E–I complex that the liver clears
(``lomas2002``, ``kramps1987``; Met358 as the P1 residue: ``carp1982``, ``lomas2002``).

``inhibitor_used_up()`` shows the consequence of that 1:1 stoichiometry
(``kramps1987``): each elastase molecule added uses up one AAT molecule, so active AAT
falls one-for-one until none is left, and only then does free elastase appear.
The numbers come from :func:`titration`, not from the figure code.

Also here: first-order clearance for the chapter's turnover examples, with the half-lives
of injected human M and Z protein measured in dogs (``moser1978``). No synthesis rate is
given: no turnover study stating one was found and read (see the book's Corrections page).
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Wedge

# Re-exported for chapter 1's cells (``protein.titration`` ...); the science is in aatd.serpin.
from ..serpin import DOG_HALF_LIFE_HOURS, fraction_remaining, titration  # noqa: F401
from .style import OKABE_ITO, new_figure, style

AAT_COLOR = OKABE_ITO["blue"]
LOOP_COLOR = OKABE_ITO["orange"]
ELASTASE_COLOR = OKABE_ITO["vermillion"]
LIVER_COLOR = OKABE_ITO["bluish_green"]


# ------------------------------------------------------------------ drawing helpers
def _aat(ax, x, y, *, loop="up", cut=False, label=True):
    """AAT body (circle) with its reactive centre loop and the Met358 bait."""
    r = 0.55
    ax.add_patch(Circle((x, y), r, fc="#D6E9F5", ec=AAT_COLOR, lw=2, zorder=2))
    if label:
        ax.text(
            x - (0.1 if cut else 0.0),
            y - 0.05,
            "AAT",
            ha="center",
            va="center",
            fontsize=12,
            color="#111111",
            zorder=5,
        )
    if loop == "up" and not cut:
        t = np.linspace(0, math.pi, 60)
        lx = x + 0.32 * np.cos(t)
        ly = y + r - 0.05 + 0.42 * np.sin(t)
        ax.plot(lx, ly, color=LOOP_COLOR, lw=3.5, solid_capstyle="round", zorder=3)
        ax.plot([x], [y + r + 0.37], "o", color="#111111", ms=6, zorder=4)
    elif cut:
        # The cut loop has sprung into the body of the serpin (drawn as a band inside).
        ax.plot(
            [x + 0.3, x + 0.3],
            [y + 0.35, y - 0.5],
            color=LOOP_COLOR,
            lw=3.5,
            solid_capstyle="round",
            zorder=3,
        )


def _elastase(ax, x, y, *, facing=-90, distorted=False):
    """Elastase drawn as a wedge whose notch is the active site."""
    mouth = 55
    ax.add_patch(
        Wedge(
            (x, y),
            0.42,
            facing + mouth / 2,
            facing - mouth / 2 + 360,
            fc="#F6D3BF" if not distorted else "#EFC0A8",
            ec=ELASTASE_COLOR,
            lw=2,
            zorder=3,
            ls="-" if not distorted else (0, (3, 1.5)),
        )
    )
    ax.text(
        x,
        y + (0.1 if facing < 0 else -0.12),
        "E",
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
        color="#111111",
        zorder=5,
    )


def _arrow(ax, x0, x1, y, text=""):
    ax.add_patch(
        FancyArrowPatch(
            (x0, y), (x1, y), arrowstyle="-|>", mutation_scale=16, lw=1.6, color="#333333", zorder=1
        )
    )
    if text:
        ax.text((x0 + x1) / 2, y - 0.16, text, ha="center", va="top", fontsize=11, color="#333333")


def inhibition_scheme():
    """The suicide-inhibition scheme of a serpin, drawn with matplotlib.

    Four steps from left to right: elastase (E) plus AAT (I, with its reactive centre loop
    and the Met358 bait); the Michaelis complex E·I with the loop in the active site; the
    covalent E–I complex after the loop is cut at Met358 (the protease is trapped, the AAT
    molecule used up); clearance of the complex by the liver (``lomas2002``,
    ``kramps1987``). Returns the matplotlib ``Figure``.
    """
    fig, ax = new_figure(10.0, 3.9)
    with style():
        ax.set_xlim(0, 12.4)
        ax.set_ylim(-1.75, 2.45)
        ax.set_aspect("equal")
        ax.axis("off")
        base = 0.1

        # Step 1: E + I
        _elastase(ax, 0.7, base + 1.2, facing=-90)
        ax.text(
            0.7,
            base + 1.75,
            "Neutrophil\nelastase",
            ha="center",
            va="bottom",
            fontsize=11,
            color="#111111",
        )
        ax.text(0.7, base + 0.35, "+", ha="center", va="center", fontsize=16)
        _aat(ax, 1.9, base - 0.2)
        ax.annotate(
            "reactive\ncentre loop",
            xy=(2.19, base + 0.62),
            xytext=(2.5, base + 1.55),
            fontsize=11,
            color="#111111",
            ha="left",
            va="center",
            arrowprops=dict(arrowstyle="-", color=LOOP_COLOR, lw=1.2),
        )
        ax.annotate(
            "Met358\n(bait)",
            xy=(1.93, base + 0.76),
            xytext=(2.6, base + 0.55),
            fontsize=11,
            color="#111111",
            ha="left",
            va="center",
            arrowprops=dict(arrowstyle="-", color="#111111", lw=1),
        )
        ax.text(
            1.3,
            -1.7,
            "1. E meets\nAAT (I)",
            ha="center",
            va="bottom",
            fontsize=12,
            fontweight="bold",
        )

        _arrow(ax, 3.0, 3.9, base + 0.3, "binds")

        # Step 2: Michaelis complex E·I
        _aat(ax, 4.9, base - 0.2)
        _elastase(ax, 4.9, base + 1.05, facing=-90)
        ax.text(
            4.9,
            -1.7,
            "2. Michaelis\ncomplex E·I",
            ha="center",
            va="bottom",
            fontsize=12,
            fontweight="bold",
        )
        ax.text(
            4.9,
            base + 1.55,
            "loop in the\nactive site",
            ha="center",
            va="bottom",
            fontsize=11,
            color="#333333",
        )

        _arrow(ax, 5.9, 6.8, base + 0.3, "cuts at\nMet358")

        # Step 3: covalent complex E–I (protease trapped at the far pole)
        _aat(ax, 7.8, base + 0.35, cut=True)
        _elastase(ax, 7.8, base - 0.62, facing=90, distorted=True)
        ax.text(
            7.8,
            -1.7,
            "3. Covalent\nE–I complex",
            ha="center",
            va="bottom",
            fontsize=12,
            fontweight="bold",
        )
        ax.text(
            7.8,
            base + 1.0,
            "elastase trapped,\nAAT used up (1:1)",
            ha="center",
            va="bottom",
            fontsize=11,
            color="#333333",
        )

        _arrow(ax, 8.75, 9.65, base + 0.3, "in blood")

        # Step 4: cleared by the liver
        ax.add_patch(
            FancyBboxPatch(
                (9.85, base - 0.45),
                2.3,
                1.5,
                boxstyle="round,pad=0.02,rounding_size=0.25",
                fc="#D2EEE4",
                ec=LIVER_COLOR,
                lw=2,
            )
        )
        ax.text(
            11.0,
            base + 0.3,
            "Liver\nclears the\ncomplex",
            ha="center",
            va="center",
            fontsize=12,
            color="#111111",
        )
        ax.text(
            11.0,
            -1.7,
            "4. Removed\nby the liver",
            ha="center",
            va="bottom",
            fontsize=12,
            fontweight="bold",
        )
    return fig


def inhibitor_used_up(aat_molecules: float = 100.0):
    """Active AAT and free elastase as elastase is added to a fixed amount of AAT.

    Computed by :func:`titration` (1:1, ``kramps1987``): active AAT falls one-for-one
    and free elastase appears only after every AAT molecule is used up. Axes count
    molecules per ``aat_molecules`` AAT molecules. Returns the matplotlib ``Figure``.
    """
    added = np.linspace(0.0, 2.0 * float(aat_molecules), 201)
    active, free = titration(aat_molecules, added)
    fig, ax = new_figure(7.0, 3.8)
    with style():
        ax.plot(added, active, color=AAT_COLOR, lw=2.5, label="Active AAT left")
        ax.plot(
            added, free, color=ELASTASE_COLOR, lw=2.5, ls="--", label="Free (unchecked) elastase"
        )
        ax.axvline(aat_molecules, color=OKABE_ITO["grey"], lw=1, ls=":")
        ax.text(
            aat_molecules * 1.03,
            aat_molecules * 0.35,
            "all AAT used up:\nequal numbers added",
            color="#333333",
            fontsize=9,
            va="top",
        )
        ax.set_xlim(0, added[-1])
        ax.set_ylim(0, aat_molecules * 1.3)
        ax.set_xlabel(f"Elastase molecules added (per {aat_molecules:g} AAT molecules)")
        ax.set_ylabel("Molecules")
        ax.legend(loc="upper center", ncol=2)
    return fig
