"""Figures for the genes-and-inheritance chapter."""

from __future__ import annotations

from .. import genetics, units
from .style import GENOTYPE_COLORS, THRESHOLD_COLOR, new_figure, style


def serum_by_genotype(genotypes=genetics.COMMON_GENOTYPES):
    """Serum AAT ranges by genotype with the 11 µM protective threshold.

    Each bar spans Brantly 1991's 5th–95th percentiles (µM, purified standard); the dot
    is the typical level. A second axis gives mg/dL by molecular mass.
    Returns the matplotlib ``Figure``.
    """
    ranges = [genetics.serum_aat(g) for g in genotypes]
    fig, ax = new_figure(7.0, 4.2)
    with style():
        ys = range(len(ranges))
        for y, r in zip(ys, ranges, strict=True):
            color = GENOTYPE_COLORS[r.genotype]
            if r.high_uM > r.low_uM:
                ax.plot(
                    [r.low_uM, r.high_uM],
                    [y, y],
                    color=color,
                    lw=9,
                    solid_capstyle="butt",
                )
            ax.plot([r.typical_uM], [y], "o", color="white", mec=color, mew=2, ms=8)
        ax.axvline(units.PROTECTIVE_THRESHOLD_UM, color=THRESHOLD_COLOR, ls="--", lw=1.5)
        ax.text(
            units.PROTECTIVE_THRESHOLD_UM + 0.6,
            len(ranges) - 0.45,
            f"{units.PROTECTIVE_THRESHOLD_UM:g} µM protective threshold",
            color=THRESHOLD_COLOR,
            va="bottom",
        )
        ax.set_yticks(list(ys), [r.genotype for r in ranges])
        ax.invert_yaxis()
        ax.set_xlim(0, 60)
        ax.set_ylim(len(ranges) - 0.5 + 0.1, -0.8)
        ax.set_xlabel("Serum AAT (µM, purified standard)")
        ax.set_ylabel("Genotype")
        ax.grid(axis="y", visible=False)
        top = ax.secondary_xaxis(
            "top",
            functions=(lambda x: x * units.uM_to_mg_dl(1.0), lambda y: y / units.uM_to_mg_dl(1.0)),
        )
        top.set_xlabel("mg/dL (converted by molecular mass, 52 kDa)")
    return fig
