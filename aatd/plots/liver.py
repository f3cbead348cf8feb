"""Figures for the liver-and-skin chapter.

``z_protein_fate()`` shows where the Z protein made in a liver cell goes: about 15 % is
secreted into the blood and about 85 % stays inside the cell, where part of it is degraded
and part links into polymers (``lomas1992``; the shares come from
:data:`aatd.genetics.ALLELE_SECRETION`). ``autopsy_odds_ratios()`` draws the adult liver
risks of ZZ people in a Swedish autopsy series: cirrhosis odds ratio 8.3 and
hepatocellular carcinoma odds ratio 5.0 (``elzouki1996``).
"""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .. import evidence
from ..genetics import z_shares_percent
from .style import OKABE_ITO, new_figure, style, text_color_on

#: Adult ZZ autopsy odds ratios (``elzouki1996``): outcome -> odds ratio.
AUTOPSY_ODDS_RATIOS = {
    "Cirrhosis": evidence.value("cirrhosis_odds_ratio_zz"),
    "Hepatocellular\ncarcinoma (liver cancer)": evidence.value("hcc_odds_ratio_zz"),
}

SECRETED_COLOR = OKABE_ITO["blue"]
RETAINED_COLOR = OKABE_ITO["vermillion"]


def _box(ax, x, y, w, h, text, edge, face="white"):
    ax.add_patch(
        FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.03", fc=face, ec=edge, lw=2
        )
    )
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=10.5, wrap=True)


def _arrow(ax, start, end, color):
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16, lw=2, color=color)
    )


def z_protein_fate():
    """Where Z protein goes after a liver cell makes it (``lomas1992``).

    A 100 % bar splits the Z protein made in a hepatocyte into the share secreted into the
    blood (about 15 %) and the share retained in the cell (about 85 %). Arrows lead to the
    two consequences: too little AAT reaches the lung (loss of function) and retained
    protein forms polymers in the liver cell (gain of toxic function) or is degraded.
    Returns the matplotlib ``Figure``.
    """
    shares = z_shares_percent()
    fig, ax = new_figure(8.0, 4.6)
    with style():
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 100)
        ax.grid(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_yticks([])
        ticks = [0.0, shares["secreted"], 50.0, 100.0]
        ax.set_xticks(ticks, [f"{t:.0f}%" for t in ticks])
        ax.set_xlabel("Share of the Z protein made in a liver cell (%)")
        ax.text(
            0,
            93,
            "Z protein made in a liver cell (hepatocyte)",
            fontsize=11.5,
            fontweight="bold",
            va="center",
        )
        # The 100 % bar.
        sec, ret = shares["secreted"], shares["retained"]
        ax.barh(80, sec, height=12, left=0, color=SECRETED_COLOR)
        ax.barh(80, ret, height=12, left=sec, color=RETAINED_COLOR)
        ax.text(
            sec / 2,
            80,
            f"~{sec:.0f}%",
            ha="center",
            va="center",
            color=text_color_on(SECRETED_COLOR),
            fontweight="bold",
        )
        ax.text(
            sec + ret / 2,
            80,
            f"~{ret:.0f}% stays inside the cell",
            ha="center",
            va="center",
            color=text_color_on(RETAINED_COLOR),  # >= 4.5:1 on the bar
            fontweight="bold",
        )
        # Consequences.
        _box(
            ax,
            0,
            12,
            40,
            34,
            "Secreted into the blood\n\nToo little AAT reaches\nthe lung: loss of\n"
            "protective function",
            SECRETED_COLOR,
        )
        _box(
            ax,
            52,
            12,
            48,
            34,
            "Retained in the cell's\nendoplasmic reticulum\n\nPart is degraded; part "
            "links\ninto polymers that can harm\nthe liver: gain of toxic function",
            RETAINED_COLOR,
        )
        _arrow(ax, (sec / 2, 73), (12, 47), SECRETED_COLOR)
        _arrow(ax, (sec + ret / 2, 73), (76, 47), RETAINED_COLOR)
    return fig


def autopsy_odds_ratios():
    """Adult liver disease in ZZ autopsies: odds ratios vs non-ZZ (``elzouki1996``).

    Horizontal bars for cirrhosis (8.3) and hepatocellular carcinoma (5.0), with the
    line at odds ratio 1 (no difference). Returns the matplotlib ``Figure``.
    """
    labels = list(AUTOPSY_ODDS_RATIOS)
    values = [AUTOPSY_ODDS_RATIOS[k] for k in labels]
    fig, ax = new_figure(7.0, 3.0)
    with style():
        ys = list(range(len(labels)))
        ax.barh(ys, values, height=0.55, color=OKABE_ITO["reddish_purple"])
        for y, v in zip(ys, values, strict=True):
            ax.text(v + 0.15, y, f"OR {v:.1f}", va="center")
        ax.axvline(1.0, color=OKABE_ITO["grey"], ls="--", lw=1.5)
        ax.text(1.15, -0.62, "OR 1 = no difference", color=OKABE_ITO["grey"], va="center")
        ax.set_yticks(ys, labels)
        ax.invert_yaxis()
        ax.set_ylim(len(labels) - 0.5 + 0.05, -0.9)
        ax.set_xlim(0, 10)
        ax.set_xlabel("Odds ratio in ZZ adults vs other adults (autopsy series; no unit)")
        ax.grid(axis="y", visible=False)
    return fig
