"""Figures for "Protease–antiprotease balance in the lung".

How fast does AAT in the lung's lining fluid switch off a small puff of free elastase?
With the inhibitor in excess the reaction is pseudo-first-order (mass action), so half of
the elastase is inhibited after ``t½ = ln 2 / (k·[I])``, where ``k`` is the association rate
constant of the AAT protein (M 9.7×10⁶, Z 4.5×10⁶ M⁻¹s⁻¹, ``ogushi1987``; read from
:data:`aatd.kinetics.K_ASS_PER_M_S`) and ``[I]`` the active AAT in epithelial lining fluid
(PiMM 3.7 µM, PiZZ 1.4 µM, ``mulgrew2004``). Z-AAT is both scarcer and about 2× slower,
and the two effects multiply: about 19 ms for MM and 110 ms for ZZ lining fluid.

Smokers' lavage has about 40% less elastase-inhibitory capacity because oxidants turn
Met358 into methionine sulfoxide (``carp1982``); oxidised AAT reacts more than 2000×
slower (``beatty1980``), so it is counted as inactive here.
"""

from __future__ import annotations

import numpy as np

from .. import parameters as P
from ..kinetics import K_ASS_PER_M_S

# Re-exported for chapter 3's cells (``balance.half_time_ms`` ...); the science is in
# aatd.serpin.
from ..serpin import (  # noqa: F401
    ELASTASE_KDA,
    ELASTASE_PG_PER_NEUTROPHIL,
    LINING_FLUID_AAT_UM,
    SERUM_AAT_UM,
    elastase_per_neutrophil,
    measured_half_times_ms,
)
from ..serpin import lining_fluid_half_time_ms as half_time_ms
from .style import GENOTYPE_COLORS, new_figure, style


def half_time_vs_level(max_uM: float = 6.0):
    """Inhibition half-time (ms) against lining-fluid AAT (µM) for M and Z protein.

    Curves from :func:`half_time_ms`; dots mark the measured MM and ZZ lining-fluid levels
    (``mulgrew2004``) and a hollow marker the MM level with 40% oxidised (smoker,
    ``carp1982``). Returns the matplotlib ``Figure``.
    """
    levels = np.linspace(0.4, float(max_uM), 300)
    m_color, z_color = GENOTYPE_COLORS["MM"], GENOTYPE_COLORS["ZZ"]
    fig, ax = new_figure(7.0, 4.2)
    with style():
        ax.plot(
            levels,
            half_time_ms(levels, "M"),
            color=m_color,
            lw=2.5,
            label=f"M protein (k = {P.format_value(K_ASS_PER_M_S['M'])} M⁻¹s⁻¹)",
        )
        ax.plot(
            levels,
            half_time_ms(levels, "Z"),
            color=z_color,
            lw=2.5,
            ls="--",
            label=f"Z protein (k = {P.format_value(K_ASS_PER_M_S['Z'])} M⁻¹s⁻¹)",
        )
        measured = measured_half_times_ms()
        for g, c in LINING_FLUID_AAT_UM.items():
            color = GENOTYPE_COLORS[g]
            t = measured[g]
            ax.plot([c], [t], "o", color=color, ms=9, zorder=4)
            ax.annotate(
                f"{g} lining fluid\n{c:g} µM → {t:.0f} ms",
                xy=(c, t),
                xytext=(c + 0.35, t + 45),
                fontsize=9,
                color="#111111",
                arrowprops=dict(arrowstyle="-", color=color, lw=1),
            )
        ox = P.value("smoker_oxidised_fraction")
        c_mm = LINING_FLUID_AAT_UM["MM"]
        t_smoke = half_time_ms(c_mm, "M", oxidised_fraction=ox)
        ax.plot([c_mm * (1 - ox)], [t_smoke], "o", mfc="white", mec=m_color, mew=2, ms=9, zorder=4)
        ax.annotate(
            f"MM smoker, {ox:.0%} oxidised\n→ {t_smoke:.0f} ms",
            xy=(c_mm * (1 - ox), t_smoke),
            xytext=(c_mm * (1 - ox) + 0.6, t_smoke + 70),
            fontsize=9,
            color="#111111",
            arrowprops=dict(arrowstyle="-", color=m_color, lw=1),
        )
        ax.set_xlim(0, max_uM)
        ax.set_ylim(0, 360)
        ax.set_xlabel("Active AAT in lung lining fluid (µM)")
        ax.set_ylabel("Inhibition half-time (ms)")
        ax.legend(loc="upper right")
    return fig


def lining_fluid_levels():
    """Serum and lung lining-fluid AAT (µM) for PiMM and PiZZ, side by side.

    Data: :data:`SERUM_AAT_UM` and :data:`LINING_FLUID_AAT_UM` (``mulgrew2004``).
    Returns the matplotlib ``Figure``.
    """
    fig, (ax_s, ax_l) = new_figure(7.0, 3.4, ncols=2)
    genotypes = list(LINING_FLUID_AAT_UM)
    colors = [GENOTYPE_COLORS[g] for g in genotypes]
    with style():
        for ax, data, title, top in (
            (ax_s, SERUM_AAT_UM, "Blood (serum)", 75.0),
            (ax_l, LINING_FLUID_AAT_UM, "Lung lining fluid", 4.5),
        ):
            vals = [data[g] for g in genotypes]
            bars = ax.bar(genotypes, vals, color=colors, width=0.6)
            for b, v in zip(bars, vals, strict=True):
                ax.text(
                    b.get_x() + b.get_width() / 2,
                    v + top * 0.02,
                    f"{v:g} µM",
                    ha="center",
                    va="bottom",
                    fontsize=10,
                    color="#111111",
                )
            ax.set_ylim(0, top)
            ax.set_title(title)
            ax.set_ylabel("AAT (µM)")
            ax.grid(axis="x", visible=False)
    return fig
