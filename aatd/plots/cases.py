"""Figures for the case-studies chapter: three illustrative model people.

The people are fictional. Each is a set of model inputs (genotype, smoking history) passed
to :func:`aatd.lung.fev1_trajectory`; the figure plots the model's FEV1 as a percentage
of its value at age 25 (the scale of ``fletcher1977``), so nobody reads litres as a
personal prognosis. They illustrate the model, they do not predict anyone's future.
"""

from __future__ import annotations

import numpy as np

# The people are model inputs (aatd.cases); re-exported for chapter 9's cells.
from ..cases import CASES, DANIEL, MAYA, PRIYA, ModelPerson  # noqa: F401
from .style import GENOTYPE_COLORS, OKABE_ITO, new_figure, style

_LINESTYLES = ("-", "--", "-.")


def case_trajectories(people=CASES, ages=None):
    """Model FEV1 (% of the value at age 25) against age for illustrative model people.

    One line per person, in the book's genotype colour (line style tells two people of the
    same genotype apart); a thin dotted black line shows an MM never-smoker for reference. Quit ages
    are marked with a dot. Returns the matplotlib ``Figure``.
    """
    if ages is None:
        ages = np.arange(25, 81, 1.0)
    from .. import lung

    fig, ax = new_figure(7.5, 4.4)
    with style():
        from .chapters_sim import end_note, plot_until_end

        ref = lung.fev1_trajectory("MM", smoking="never", ages=ages)
        plot_until_end(
            ax,
            ref,
            color=OKABE_ITO["black"],
            lw=1.4,
            ls=":",
            zorder=5,
            label="Reference: MM, never smoked",
        )
        for i, person in enumerate(people):
            traj = person.trajectory(ages)
            plot_until_end(
                ax,
                traj,
                color=GENOTYPE_COLORS[traj_genotype(person)],
                ls=_LINESTYLES[i % len(_LINESTYLES)],
                lw=2.4,
                label=f"{person.name}: {person.story}",
            )
            if person.quit_age is not None:
                y = float(np.interp(person.quit_age, traj.age_years, traj.percent_of_age25))
                ax.plot(
                    [person.quit_age], [y], "o", color=GENOTYPE_COLORS[traj_genotype(person)], ms=7
                )
                ax.annotate(
                    f"quits at {person.quit_age:g}",
                    (person.quit_age, y),
                    xytext=(8, 8),
                    textcoords="offset points",
                )
        ax.set_xlabel("Age (years)")
        ax.set_ylabel("Model FEV1 (% of value at age 25)")
        ax.set_xlim(float(np.min(ages)), float(np.max(ages)))
        ax.set_ylim(0, 105)
        ax.set_title("Illustrative model people, not prognoses", fontsize=11)
        end_note(ax)
        ax.legend(loc="lower left")
    return fig


def traj_genotype(person: ModelPerson) -> str:
    """The canonical genotype code of ``person``."""
    from .. import genetics

    return genetics.parse_genotype(person.genotype)
