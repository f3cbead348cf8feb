"""Figure for the lifetime chapter: the model's FEV1 decline beside published cohorts.

The published values come from :mod:`aatd.evidence` (each with its bibliography key); the
model values from :func:`aatd.lung.decline_ml_per_year`.
"""

from __future__ import annotations

from .. import evidence
from .chapters_sim import _SMOKING_TEXT
from .style import GENOTYPE_COLORS, OKABE_ITO, new_figure, style, text_color_on

#: Published FEV1 decline rates (mL/yr) shown beside the model, with their sources.
#: Keys: (genotype, smoking). Values: (mL/yr, short label or "" for none, bibtex key).
PUBLISHED_DECLINE_ML_PER_YEAR = {
    key: tuple((evidence.value(name), label, evidence.source(name)) for name, label in rows)
    for key, rows in {
        ("MM", "never"): (("decline_general_never_ml_yr", "Oelsner"),),
        ("MM", "current"): (
            ("decline_general_current_ml_yr", "Oelsner"),
            ("decline_lhs_women_ml_yr", ""),
            ("decline_lhs_men_ml_yr", "Lung Health Study (women, men)"),
        ),
        ("ZZ", "never"): (
            ("decline_zz_never_ml_yr", "Hiller"),
            ("decline_zz_registry_ml_yr", "NHLBI registry (mixed)"),
        ),
        ("ZZ", "current"): (
            ("decline_zz_current_ml_yr", "Hiller"),
            ("decline_zz_smokers_janus_ml_yr", "Janus"),
        ),
    }.items()
}


def decline_vs_cohorts(max_ml_per_year=130.0):
    """Model FEV1 decline (mL/yr, ages 40–60) beside published cohort values.

    Bars: :func:`aatd.lung.decline_ml_per_year`. Diamonds, labelled with their source:
    :data:`PUBLISHED_DECLINE_ML_PER_YEAR` (``oelsner2020``, ``lunghealth2002``,
    ``hiller2019``, ``registry1998``, ``janus1985``); a value beyond the axis is written
    at its edge with an arrow.
    """
    from .. import lung

    rows = list(PUBLISHED_DECLINE_ML_PER_YEAR)
    fig, ax = new_figure(7.5, 4.6)
    with style():
        for y, (g, smoking) in enumerate(rows):
            model = lung.decline_ml_per_year(g, smoking=smoking)
            ax.barh(
                y,
                model,
                height=0.5,
                color=GENOTYPE_COLORS[g],
                hatch="//" if smoking == "current" else None,
                edgecolor="white",
                label="Model, ages 40–60" if y == 0 else None,
            )
            ax.text(
                2,
                y,
                f"model {model:.0f}",
                va="center",
                ha="left",
                fontsize=9.5,
                color=text_color_on(GENOTYPE_COLORS[g]),  # >= 4.5:1 on the bar
                fontweight="bold",
            )
            yy = y + 0.42
            for n, (value, text, _key) in enumerate(PUBLISHED_DECLINE_ML_PER_YEAR[(g, smoking)]):
                if value > max_ml_per_year:
                    ax.text(
                        max_ml_per_year,
                        yy,
                        f"{text}: {value:.0f} →",
                        ha="right",
                        va="center",
                        fontsize=8.5,
                    )
                    continue
                ax.plot(
                    [value],
                    [yy],
                    "D",
                    color=OKABE_ITO["black"],
                    mfc="white",
                    ms=6,
                    mew=1.4,
                    label="Published cohort" if (y, n) == (0, 0) else None,
                )
                if text:
                    ax.text(value + 1.5, yy, text, ha="left", va="center", fontsize=8.5)
        ax.set_yticks(range(len(rows)), [f"{g}, {_SMOKING_TEXT[s]}" for g, s in rows])
        ax.set_ylim(len(rows) - 0.3, -0.45)
        ax.set_xlim(0, max_ml_per_year)
        ax.set_xlabel("FEV1 decline (mL/yr)")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2)
    return fig
