"""Shared figure style: palette, genotype colours, figure factory."""

from __future__ import annotations

import contextlib

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from .. import genetics

#: Okabe & Ito (2008) colour-blind-safe hues. Orange and sky blue are darkened from the published
#: #E69F00 and #56B4E9 (2.3:1 on white) so every line keeps at least 3:1 against the white
#: figure background (WCAG 1.4.11; tests/test_a11y_colours.py measures the rendered figures).
OKABE_ITO = {
    "black": "#000000",
    "orange": "#B57A00",
    "sky_blue": "#3A8FC7",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#B35C8F",
    "grey": "#6E6E6E",
}

#: One colour per genotype, the same on every figure of the book.
GENOTYPE_COLORS = {
    "MM": OKABE_ITO["blue"],
    "MS": OKABE_ITO["sky_blue"],
    "SS": OKABE_ITO["bluish_green"],
    "MZ": OKABE_ITO["orange"],
    "SZ": OKABE_ITO["reddish_purple"],
    "ZZ": OKABE_ITO["vermillion"],
    "Q0Q0": OKABE_ITO["black"],
    "MQ0": OKABE_ITO["sky_blue"],
    "SQ0": OKABE_ITO["bluish_green"],
    "ZQ0": OKABE_ITO["vermillion"],
}

#: Dark-mode partner of each light colour: the same hue, lighter, at least 3:1 against the dark
#: explorer card (#1b2027) and the dark page (#14181e). ``explorer.css`` maps every colour here
#: under ``html[data-theme=dark]``; tests check both lists agree and measure the result.
DARK_PARTNERS = {
    "#000000": "#F0F0F0",
    "#111111": "#ECEFF3",
    "#333333": "#C3C8CF",
    "#444444": "#C3C8CF",
    "#DDDDDD": "#3A424C",
    "#888888": "#9AA1AA",
    "#FFFFFF": "#1B2027",
    "#0072B2": "#4FA3E0",
    "#3A8FC7": "#9ED4F5",
    "#009E73": "#2FD4A0",
    "#B57A00": "#E69F00",
    "#B35C8F": "#E8A2CB",
    "#D55E00": "#FF7A33",
    "#6E6E6E": "#A8A8A8",
    "#F0E442": "#F0E442",
}


def dark_partner(color: str) -> str:
    """The dark-mode partner of a book colour (``"#RRGGBB"``, any case)."""
    key = color.upper()
    if key not in DARK_PARTNERS:
        raise ValueError(
            f"no dark-mode partner for colour {color!r}; known: {sorted(DARK_PARTNERS)}"
        )
    return DARK_PARTNERS[key]


#: The 11 µM protective threshold line.
THRESHOLD_COLOR = OKABE_ITO["grey"]

_RC = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#111111",
    "text.color": "#111111",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "aatd",  # deterministic SVG ids
}


def _show_figures_in_ipython() -> None:
    """Let a bare ``Figure`` returned by a cell display as PNG, as ``%matplotlib inline`` does.

    Our figures are not registered with pyplot (so they never display twice); without this,
    a student who calls a plot function in a fresh kernel would see only "<Figure ...>".
    """
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import select_figure_formats
    except ImportError:  # plain Python: nothing to display
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "display_formatter"):
        select_figure_formats(shell, {"png"})


_show_figures_in_ipython()


def _luminance(hex_color: str) -> float:
    rgb = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def text_color_on(hex_color: str) -> str:
    """Black or white text, whichever contrasts more with the fill ``hex_color`` (WCAG ratio)."""
    lum = _luminance(hex_color)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def genotype_color(genotype) -> str:
    """The book's colour for ``genotype`` (any spelling that parses)."""
    return GENOTYPE_COLORS[genetics.parse_genotype(genotype)]


@contextlib.contextmanager
def style():
    """Context manager applying the book's matplotlib style."""
    with plt.rc_context(_RC):
        yield


def new_figure(width_in: float = 7.0, height_in: float = 4.0, **subplots_kw):
    """A new white-background Figure (not registered with pyplot) and its axes.

    Using ``Figure`` directly keeps figures out of pyplot's global state, so a notebook
    shows each figure exactly once (as the cell's return value).
    """
    with style():
        fig = Figure(figsize=(width_in, height_in), layout="constrained")
        axes = fig.subplots(**subplots_kw)
    return fig, axes
