"""Figure for the population explorer: expected people of each genotype (log scale).

``population_figure()`` builds the figure once; ``draw_population(fig, counts, ...)`` moves its
bars and labels in place. Counts come from :func:`aatd.population.expected_counts`; this module
only draws them.
"""

from __future__ import annotations

from ..population import GENOTYPES
from .style import GENOTYPE_COLORS, new_figure, style

#: Width and height of the figure (inches).
FIGURE_SIZE_IN = (7.6, 3.6)
#: Log axis limits (people): bars start at the left edge.
COUNT_AXIS_MIN = 0.1
COUNT_AXIS_MAX = 3e8


def count_text(n: float) -> str:
    """An expected count as people read it: "85,394", "47.6", "0.36"."""
    if n >= 100:
        return f"{n:,.0f}"
    if n >= 10:
        return f"{n:.1f}"
    return f"{n:.2g}"


def population_figure():
    """A new figure with one horizontal bar per genotype (MM at the top)."""
    with style():
        fig, ax = new_figure(*FIGURE_SIZE_IN)
        ys = list(range(len(GENOTYPES)))
        bars = ax.barh(
            ys,
            [1.0] * len(GENOTYPES),
            left=COUNT_AXIS_MIN,
            color=[GENOTYPE_COLORS[g] for g in GENOTYPES],
            edgecolor="#333333",
            linewidth=0.6,
        )
        ax.set_xscale("log")
        ax.set_xlim(COUNT_AXIS_MIN, COUNT_AXIS_MAX)
        ax.set_yticks(ys, list(GENOTYPES))
        ax.invert_yaxis()
        ax.set_xlabel("Expected people (log scale)")
        labels = [ax.text(1.0, y, "", va="center", ha="left", fontsize=9) for y in ys]
        title = ax.set_title("Expected people of each genotype")
    fig._aatd_population = (bars, labels, title)  # type: ignore[attr-defined]
    return fig


def draw_population(fig, counts: dict[str, float], *, title: str | None = None) -> None:
    """Move the bars and labels of ``fig`` to ``counts`` (genotype -> expected people);
    ``title`` replaces the title (the live explorer keeps a fixed one, so it can blit)."""
    bars, labels, title_artist = fig._aatd_population
    for bar, label, g in zip(bars, labels, GENOTYPES, strict=True):
        n = max(counts[g], COUNT_AXIS_MIN)
        bar.set_width(n - COUNT_AXIS_MIN)
        label.set_x(n * 1.15)
        label.set_text(count_text(counts[g]))
    if title is not None:
        title_artist.set_text(title)
