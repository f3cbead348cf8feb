"""Figures of the two explorers (``aatd.widgets``), built once and then updated in place.

Each explorer figure comes as a pair of functions: ``*_explorer_figure()`` builds the
Figure with every artist it will ever need and returns ``(fig, handles)``;
``update_*_explorer(handles, view)`` moves those artists to a new *view* (a dict of numbers
the explorer computed from the model) with ``set_data`` and friends, never creating a new
figure, so a control change costs one model evaluation and one PNG render. Axes are fixed
(the same for every setting) so that students compare like with like.

Axes are placed by hand (no constrained layout) because layout solving on every redraw
would cost more than the model.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import lung, units
from .style import GENOTYPE_COLORS, OKABE_ITO, THRESHOLD_COLOR, style

# ----------------------------------------------------------------------- elastase explorer
#: Time axis of the burst panel (s, log scale) and its concentration axis (nM, log scale).
BURST_T_RANGE_S = (1e-3, 60.0)
BURST_NM_RANGE = (1.0, 1e4)
#: Serum AAT axis of the exposure panel (µM).
SERUM_RANGE_UM = (0.0, 60.0)
ELASTASE_COLOR = OKABE_ITO["vermillion"]
AAT_COLOR = OKABE_ITO["blue"]
REFERENCE_COLOR = OKABE_ITO["grey"]
SMOKER_BEND_COLOR = OKABE_ITO["vermillion"]


def elastase_explorer_figure(ranges_uM: dict, exposure_max_nM_s: float):
    """The elastase explorer's figure: burst time course (left), genotype ranges strip and
    exposure against serum AAT (right). ``ranges_uM`` maps genotype → (low, high) µM.

    Returns ``(fig, handles)``; move it with :func:`update_elastase_explorer`.
    """
    with style():
        fig = Figure(figsize=(10.4, 4.6))
        ax_b = fig.add_axes((0.075, 0.12, 0.36, 0.76))
        ax_s = fig.add_axes((0.55, 0.70, 0.43, 0.2))
        ax_e = fig.add_axes((0.55, 0.12, 0.43, 0.56), sharex=ax_s)
        h = {"fig": fig, "ax_burst": ax_b, "ax_strip": ax_s, "ax_exposure": ax_e}

        ax_b.set_xscale("log")
        ax_b.set_yscale("log")
        ax_b.set_xlim(*BURST_T_RANGE_S)
        ax_b.set_ylim(*BURST_NM_RANGE)
        ax_b.set_xlabel("Time after the burst (s)")
        ax_b.set_ylabel("Concentration in lining fluid (nM)")
        ax_b.set_title("One neutrophil burst", loc="left")
        (h["ref_elastase"],) = ax_b.plot(
            [],
            [],
            color=REFERENCE_COLOR,
            lw=1.5,
            ls="--",
            label="free elastase, typical MM non-smoker",
        )
        (h["elastase"],) = ax_b.plot([], [], color=ELASTASE_COLOR, lw=2.5, label="free elastase")
        (h["aat"],) = ax_b.plot([], [], color=AAT_COLOR, lw=2.5, label="active AAT")
        ax_b.legend(loc="lower left", fontsize=9)

        genotypes = list(ranges_uM)
        h["strip_bars"] = {}
        for i, g in enumerate(genotypes):
            low, high = ranges_uM[g]
            width = max(high - low, 0.6)
            (bar,) = ax_s.barh(
                [i],
                [width],
                left=[low],
                height=0.7,
                color=GENOTYPE_COLORS.get(g, "#888888"),
                alpha=0.35,
            )
            h["strip_bars"][g] = bar
        ax_s.set_yticks(range(len(genotypes)), genotypes, fontsize=8)
        ax_s.set_ylim(len(genotypes) - 0.4, -0.6)
        ax_s.tick_params(axis="x", labelbottom=False)
        ax_s.grid(False, axis="y")
        ax_s.set_title(
            "Typical serum range by genotype (5th–95th percentile)", loc="left", fontsize=10
        )
        ax_s.axvline(units.PROTECTIVE_THRESHOLD_UM, color=THRESHOLD_COLOR, ls="--", lw=1.2)

        ax_e.set_xlim(*SERUM_RANGE_UM)
        ax_e.set_ylim(0.0, exposure_max_nM_s * 1.05)
        ax_e.set_xlabel("Serum AAT (µM)")
        ax_e.set_ylabel("Elastase exposure (nM·s)")
        h["band"] = ax_e.axvspan(0.0, 1.0, color="#888888", alpha=0.15, lw=0)
        ax_e.axvline(units.PROTECTIVE_THRESHOLD_UM, color=THRESHOLD_COLOR, ls="--", lw=1.5)
        ax_e.text(
            units.PROTECTIVE_THRESHOLD_UM + 0.6,
            exposure_max_nM_s * 0.97,
            f"{units.PROTECTIVE_THRESHOLD_UM:g} µM protective threshold",
            fontsize=9,
            va="top",
            color="#111111",
        )
        h["smoker_bend"] = ax_e.axvline(18.0, color=SMOKER_BEND_COLOR, ls=":", lw=2.0)
        h["smoker_bend_text"] = ax_e.text(
            18.6, exposure_max_nM_s * 0.80, "", fontsize=9, va="top", color="#111111"
        )
        (h["ref_curve"],) = ax_e.plot(
            [], [], color=REFERENCE_COLOR, lw=1.5, ls="--", label="same protein, non-smoker"
        )
        (h["curve"],) = ax_e.plot([], [], lw=2.5, label="exposure")
        (h["marker"],) = ax_e.plot([], [], "o", ms=9, mec="#000000", mew=1.2, zorder=5)
        h["marker_text"] = ax_e.text(0, 0, "", fontsize=10, fontweight="bold", zorder=6)
        h["legend_e"] = ax_e.legend(loc="center right", fontsize=9)
    return fig, h


def elastase_animated(h: dict) -> list:
    """The elastase figure's artists that change with the controls (for blitting)."""
    return [
        h["band"],
        *h["strip_bars"].values(),
        h["ref_elastase"],
        h["elastase"],
        h["aat"],
        h["smoker_bend"],
        h["smoker_bend_text"],
        h["ref_curve"],
        h["curve"],
        h["marker"],
        h["marker_text"],
        h["legend_e"],
    ]


def update_elastase_explorer(h: dict, v: dict) -> None:
    """Move the elastase explorer's artists to view ``v`` (see ``aatd.widgets.elastase``)."""
    color = GENOTYPE_COLORS.get(v["genotype"], "#333333")
    h["elastase"].set_data(v["t_s"], v["free_elastase_nM"])
    h["aat"].set_data(v["t_s"], v["active_aat_nM"])
    h["ref_elastase"].set_data(v["t_s"], v["ref_free_elastase_nM"])
    for g, bar in h["strip_bars"].items():
        bar.set_alpha(0.95 if g == v["genotype"] else 0.3)
    low, high = v["band_uM"]
    h["band"].set_x(low)
    h["band"].set_width(max(high - low, 0.3))
    h["band"].set_facecolor(color)
    h["curve"].set_data(v["aat_grid_uM"], v["exposure_nM_s"])
    h["curve"].set_color(color)
    h["curve"].set_label(v["curve_label"])
    if v["ref_exposure_nM_s"] is None:
        h["ref_curve"].set_data([], [])
        h["ref_curve"].set_label("_nolegend_")
    else:
        h["ref_curve"].set_data(v["aat_grid_uM"], v["ref_exposure_nM_s"])
        h["ref_curve"].set_label("same protein, non-smoker")
    ax_e = h["ax_exposure"]
    handles = [a for a in (h["curve"], h["ref_curve"]) if not a.get_label().startswith("_")]
    h["legend_e"].remove()
    h["legend_e"] = ax_e.legend(handles=handles, loc="center right", fontsize=9)
    bend = v["smoker_bend_uM"]
    h["smoker_bend"].set_visible(bend is not None)
    h["smoker_bend_text"].set_visible(bend is not None)
    if bend is not None:
        h["smoker_bend"].set_xdata([bend, bend])
        h["smoker_bend_text"].set_x(bend + 0.6)
        h["smoker_bend_text"].set_text(f"bend when smoking\n≈ {bend:.0f} µM")
    x, y = v["aat_uM"], v["exposure_at_setting_nM_s"]
    h["marker"].set_data([x], [y])
    h["marker"].set_markerfacecolor(color)
    right = x > 40
    h["marker_text"].set_position((x + (-1.2 if right else 1.2), y + 150))
    h["marker_text"].set_horizontalalignment("right" if right else "left")
    h["marker_text"].set_text(v["marker_label"])


# --------------------------------------------------------------------------- lung explorer
#: Age axis (years) and FEV1 axis (% of the value at 25) of the lung explorer.
LUNG_AGE_RANGE = (20.0, 80.0)
LUNG_PERCENT_RANGE = (0.0, 110.0)
PERSON_COLOR = OKABE_ITO["vermillion"]


def lung_explorer_figure():
    """FEV1 (% of its value at 25) against age, Fletcher–Peto style; see
    :func:`update_lung_explorer`. No clinical reference line: the model has no
    predicted-value reference, so a severity line on this scale would have no source."""
    from matplotlib.patches import Polygon

    with style():
        fig = Figure(figsize=(8.6, 4.8))
        ax = fig.add_axes((0.09, 0.12, 0.88, 0.78))
        h = {"fig": fig, "ax": ax}
        ax.set_xlim(*LUNG_AGE_RANGE)
        ax.set_ylim(*LUNG_PERCENT_RANGE)
        ax.set_xlabel("Age (years)")
        ax.set_ylabel("FEV1 (% of its value at age 25)")
        h["title"] = fig.text(0.09, 0.955, "", fontsize=12, ha="left", va="center")
        h["aug_span"] = Polygon(
            [[80, 0], [80, 0]],
            closed=True,
            lw=0,
            alpha=0.35,
            facecolor=OKABE_ITO["bluish_green"],
            visible=False,
        )
        ax.add_patch(h["aug_span"])
        (h["aug_start"],) = ax.plot([], [], color=OKABE_ITO["bluish_green"], lw=1.5, ls=":")
        (h["reference"],) = ax.plot(
            [], [], color=REFERENCE_COLOR, lw=2, ls="--", label="MM never-smoker"
        )
        (h["person"],) = ax.plot([], [], color=PERSON_COLOR, lw=2.8, label="chosen person")
        (h["end"],) = ax.plot([], [], "X", ms=10, color="#000000", zorder=6)
        h["end_text"] = ax.text(0, 0, "", fontsize=9, ha="right", va="bottom")
        (h["quit"],) = ax.plot([], [], "v", ms=10, color="#000000", zorder=5)
        h["quit_text"] = ax.text(0, 0, "", fontsize=9, ha="center", va="bottom")
        h["aug_text"] = ax.text(0, 104, "", fontsize=9, color="#111111")
        # a static legend (drawn once): who the person is goes in the title
        proxy = Line2D([], [], color="#444444", lw=2.8)
        end_proxy = Line2D([], [], color="#000000", marker="X", ls="none", ms=8)
        ax.legend(
            [proxy, h["reference"], end_proxy],
            [
                "chosen model person (colour: genotype; see title)",
                "MM never-smoker",
                f"curve ends: {lung.MODEL_END_PERCENT:g}% of its age-25 FEV1 "
                "(the model's range ends)",
            ],
            loc="lower left",
            fontsize=9,
        )
        ax.text(
            79.5,
            2.5,
            "Illustrative model person, not a prognosis",
            fontsize=9,
            ha="right",
            va="bottom",
            style="italic",
            color="#333333",
        )
    return fig, h


def lung_animated(h: dict) -> list:
    """The lung figure's artists that change with the controls (for blitting)."""
    return [
        h["aug_span"],
        h["aug_start"],
        h["aug_text"],
        h["title"],
        h["reference"],
        h["person"],
        h["end"],
        h["end_text"],
        h["quit"],
        h["quit_text"],
    ]


def update_lung_explorer(h: dict, v: dict) -> None:
    """Move the lung explorer's artists to view ``v`` (see ``aatd.widgets.lung``)."""
    import numpy as np

    h["reference"].set_data(v["age_years"], v["reference_percent"])
    h["person"].set_data(v["person_age_years"], v["person_percent"])
    h["person"].set_color(v["color"])
    h["title"].set_text(v["title"])
    if v["end_age_years"] is None:
        h["end"].set_data([], [])
        h["end_text"].set_text("")
    else:
        h["end"].set_data([v["end_age_years"]], [v["end_percent"]])
        right = v["end_age_years"] < 68  # label on the side with room
        h["end_text"].set_horizontalalignment("left" if right else "right")
        h["end_text"].set_position(
            (v["end_age_years"] + (1.2 if right else -1.2), v["end_percent"] + 2.5)
        )
        h["end_text"].set_text(v["end_label"])
    if v["quit_percent"] is None:
        h["quit"].set_data([], [])
        h["quit_text"].set_text("")
    else:
        qa, qp = v["quit_age"], v["quit_percent"]
        h["quit"].set_data([qa], [qp + 4])
        h["quit_text"].set_position((qa, qp + 6))
        h["quit_text"].set_text(f"quits at {qa:.0f}")
    start = v["augmentation_start_age"]
    if start is None:
        h["aug_span"].set_visible(False)
        h["aug_start"].set_data([], [])
        h["aug_text"].set_text("")
    else:
        h["aug_start"].set_data([start, start], [0, 100])
        h["aug_text"].set_position((start + 0.5, 101))
        h["aug_text"].set_text(
            "augmentation: band = assumed FEV1 effect\n(0 to ½ of the excess; line: ⅓)"
        )
        x, lo, hi = v["band_age_years"], v["band_low_percent"], v["band_high_percent"]
        if len(x) >= 2:
            xy = np.concatenate([np.column_stack([x, hi]), np.column_stack([x, lo])[::-1]])
            h["aug_span"].set_xy(xy)
            h["aug_span"].set_visible(True)
        else:
            h["aug_span"].set_visible(False)
