"""Figures of the treatment chapter: serum AAT during augmentation (``aatd.therapy``).

:func:`augmentation_figure` builds the explorer's two-panel figure once and returns the
artists that move; :func:`draw_augmentation` moves them to one regimen. The notebook's
static figure :func:`augmentation_regimens` compares the three regimens for one genotype.
"""

from __future__ import annotations

import numpy as np

from .. import therapy
from .style import GENOTYPE_COLORS, OKABE_ITO, THRESHOLD_COLOR, new_figure, style

#: Upper end of the serum axis (µM): the 250 mg/kg peak of a Q0Q0 person fits.
SERUM_AXIS_MAX_UM = 130.0
#: Exposure axis (× an MM person's exposure after one burst; log scale).
EXPOSURE_AXIS_UM = (0.05, 500.0)


def augmentation_figure():
    """The explorer's figure: serum AAT over 8 weeks (top) and elastase exposure per burst
    relative to MM (bottom, log). Returns ``(fig, artists)``; ``artists`` is a dict of the
    lines and texts :func:`draw_augmentation` moves."""
    fig, (ax, bx) = new_figure(7.4, 5.6, nrows=2, sharex=True)
    with style():
        thr = therapy.THRESHOLD_UM
        ax.axhline(thr, color=THRESHOLD_COLOR, ls="--", lw=1.4)
        ax.text(56.6, thr, "11 µM", ha="left", va="center", color=THRESHOLD_COLOR, clip_on=False)
        (serum,) = ax.plot([], [], lw=2.2, color=GENOTYPE_COLORS["ZZ"], label="Serum AAT")
        (own,) = ax.plot([], [], lw=1.2, ls=":", color="#333333", label="Own level")
        (trough,) = ax.plot([], [], lw=1.2, ls="-.", color=OKABE_ITO["blue"], label="Trough")
        below = ax.fill_between([0, 1], [0, 0], [0, 0], color=OKABE_ITO["vermillion"], alpha=0.0)
        ax.set_ylim(0, SERUM_AXIS_MAX_UM)
        ax.set_ylabel("Serum AAT (µM)")
        ax.legend(loc="upper right", fontsize=9)
        (expo,) = bx.plot([], [], lw=2.0, color=OKABE_ITO["reddish_purple"], label="On treatment")
        (untreated,) = bx.plot([], [], lw=1.2, ls=":", color="#333333", label="Untreated")
        bx.axhline(1.0, color=OKABE_ITO["blue"], lw=1.0, ls="--")
        bx.text(0.5, 1.1, "MM person", color=OKABE_ITO["blue"], va="bottom", fontsize=9)
        bx.set_yscale("log")
        bx.set_ylim(*EXPOSURE_AXIS_UM)
        bx.set_xlim(0, 56)
        bx.set_xticks(np.arange(0, 57, 7))
        bx.set_xlabel("Days (dose on day 0 of a steady regimen)")
        bx.set_ylabel("Elastase exposure\nper burst (× MM)")
        bx.legend(loc="upper right", fontsize=9)
        # a text inside the axes (not a title): the blitted redraw keeps the layout fixed
        title = ax.text(
            0.01,
            0.97,
            "",
            transform=ax.transAxes,
            va="top",
            fontsize=10,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )
    artists = {
        "serum": serum,
        "own": own,
        "trough": trough,
        "below": below,
        "expo": expo,
        "untreated": untreated,
        "title": title,
        "ax": ax,
    }
    return fig, artists


def draw_augmentation(artists, curve: therapy.AugmentationCurve, exposure, untreated: float):
    """Move ``artists`` (from :func:`augmentation_figure`) to ``curve``."""
    t = curve.t_days
    s = curve.serum_uM
    artists["serum"].set_data(t, s)
    artists["serum"].set_color(GENOTYPE_COLORS.get(curve.genotype, "#333333"))
    artists["own"].set_data([0, 56], [curve.own_uM, curve.own_uM])
    artists["trough"].set_data([0, 56], [curve.trough_uM, curve.trough_uM])
    artists["below"].remove()
    artists["below"] = artists["ax"].fill_between(
        t,
        s,
        therapy.THRESHOLD_UM,
        where=s < therapy.THRESHOLD_UM,
        color=OKABE_ITO["vermillion"],
        alpha=0.35,
        lw=0,
    )
    artists["expo"].set_data(t, np.clip(exposure, *EXPOSURE_AXIS_UM))
    artists["untreated"].set_data([0, 56], [untreated, untreated])
    missed = " (dose of day 28 missed)" if curve.missed_doses else ""
    artists["title"].set_text(
        f"{curve.genotype}: {curve.dose_mg_per_kg:g} mg/kg every {curve.interval_days:g} days"
        f"{missed}"
    )
    # the legend shows the genotype's colour
    artists["ax"].legend(loc="upper right", fontsize=9)


def augmentation_regimens(genotype: str = "ZZ"):
    """Serum AAT on the three regimens of the chapter (60 mg/kg weekly, 120 mg/kg every 2
    weeks, 250 mg/kg every 4 weeks) for ``genotype``, against 11 µM. Returns the Figure."""
    fig, ax = new_figure(7.0, 4.0)
    colors = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["reddish_purple"]]
    with style():
        for (dose, interval), color in zip(REGIMENS, colors, strict=True):
            c = therapy.augmentation_serum(genotype, dose_mg_per_kg=dose, interval_days=interval)
            ax.plot(
                c.t_days, c.serum_uM, color=color, lw=2, label=f"{dose:g} mg/kg / {interval:g} d"
            )
        ax.axhline(therapy.THRESHOLD_UM, color=THRESHOLD_COLOR, ls="--", lw=1.4)
        ax.text(
            56.6, therapy.THRESHOLD_UM, "11 µM", va="center", color=THRESHOLD_COLOR, clip_on=False
        )
        ax.set_xlim(0, 56)
        ax.set_xticks(np.arange(0, 57, 7))
        ax.set_ylim(0, SERUM_AXIS_MAX_UM)
        ax.set_xlabel("Days")
        ax.set_ylabel("Serum AAT (µM, purified standard)")
        ax.legend(loc="upper right", fontsize=9)
    return fig


#: The chapter's regimens: (dose mg/kg, interval days).
REGIMENS = ((60.0, 7.0), (120.0, 14.0), (250.0, 28.0))
