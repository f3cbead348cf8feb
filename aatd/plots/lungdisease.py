"""Figures for the "Lung disease" chapter.

``decline_by_smoking()`` sets the yearly FEV1 decline of PiZZ adults in Sweden by smoking
status (Hiller et al. 2019, ``hiller2019``) beside the general population (Oelsner et al.
2020, ``oelsner2020``). ``spirometry_sketch()`` is a
teaching sketch of two forced breaths (illustrative shapes, not data) marking FEV1 at one
second. ``onset_ages()`` shows the age at which shortness of breath began in
ZZ smokers and non-smokers (Janus et al. 1985, ``janus1985``). The published values live
in the module-level tables below, each row with its bibtex key, so the figures draw data,
not numbers typed into a notebook.
"""

from __future__ import annotations

# The published tables live in the model layer (aatd.cohorts); re-exported for chapter 5.
from ..cohorts import (  # noqa: F401
    DYSPNOEA_ONSET_AGE_YEARS,
    FEV1_DECLINE_ML_PER_YEAR,
    SMOKING_STATUSES,
    decline_ml_per_year,
)
from .style import GENOTYPE_COLORS, OKABE_ITO, new_figure, style

_GROUP_STYLE = {
    "PiZZ (Sweden)": dict(color=GENOTYPE_COLORS["ZZ"], hatch=""),
    "General population": dict(color=OKABE_ITO["grey"], hatch="//"),
}


#: Illustrative forced breaths for :func:`spirometry_sketch` (not data): total volume
#: blown out (L) and time constant (s) of ``V(t) = total · (1 − e^(−t/τ))``.
SPIROMETRY_SKETCH = {
    "Open airways": {"total_l": 5.0, "tau_s": 0.55},
    "Limited airflow (e.g. emphysema)": {"total_l": 4.2, "tau_s": 2.0},
}


def sketch_volume_l(t_s, total_l: float, tau_s: float):
    """Volume blown out (L) after ``t_s`` seconds of a sketched forced breath."""
    import numpy as np

    from .. import _checks

    t = _checks.nonnegative("t_s", t_s, "s")
    total = _checks.nonnegative("total_l", total_l, "L")
    tau = _checks.nonnegative("tau_s", tau_s, "s")
    if tau == 0:
        raise ValueError(f"tau_s must be > 0 s, got {tau_s!r}")
    return total * (1.0 - np.exp(-np.asarray(t) / tau))


def spirometry_sketch():
    """Volume blown out (L) against time (s) for two sketched forced breaths, FEV1 marked.

    Illustrative shapes from :data:`SPIROMETRY_SKETCH`, not measurements: with open airways
    most air leaves in the first second; with limited airflow less does, so FEV1 is lower.
    Returns the matplotlib ``Figure``.
    """
    import numpy as np

    t = np.linspace(0.0, 6.0, 241)
    looks = [dict(color=OKABE_ITO["blue"], ls="-"), dict(color=OKABE_ITO["vermillion"], ls="--")]
    fig, ax = new_figure(7.0, 3.8)
    with style():
        for (label, p), look in zip(SPIROMETRY_SKETCH.items(), looks, strict=True):
            ax.plot(t, sketch_volume_l(t, p["total_l"], p["tau_s"]), lw=2.5, label=label, **look)
            fev1 = float(sketch_volume_l(1.0, p["total_l"], p["tau_s"]))
            ax.plot([1.0], [fev1], "o", color=look["color"], ms=8, zorder=4)
            ax.annotate(
                f"FEV1 ≈ {fev1:.1f} L",
                xy=(1.0, fev1),
                xytext=(1.25, fev1 - 0.45),
                fontsize=9,
                color="#111111",
            )
        ax.axvline(1.0, color=OKABE_ITO["grey"], lw=1, ls=":")
        ax.text(1.03, 5.35, "1 second", color="#333333", fontsize=9)
        ax.set_xlim(0, 6)
        ax.set_ylim(0, 5.7)
        ax.set_xlabel("Time since the start of the forced breath out (s)")
        ax.set_ylabel("Volume blown out (L)")
        ax.legend(loc="lower right", title="Illustrative shapes, not data", title_fontsize=9)
    return fig


def decline_by_smoking():
    """Grouped bars: FEV1 decline (mL/yr) by smoking status, PiZZ beside the general population.

    Data: :data:`FEV1_DECLINE_ML_PER_YEAR` (``hiller2019``, ``oelsner2020``).
    Returns the matplotlib ``Figure``.
    """
    fig, ax = new_figure(7.0, 4.0)
    width = 0.38
    with style():
        for j, (group, st) in enumerate(_GROUP_STYLE.items()):
            xs = [i + (j - 0.5) * width for i in range(len(SMOKING_STATUSES))]
            vals = [decline_ml_per_year(group, s) for s in SMOKING_STATUSES]
            bars = ax.bar(
                xs,
                vals,
                width * 0.95,
                color=st["color"] if not st["hatch"] else "white",
                edgecolor=st["color"],
                hatch=st["hatch"],
                lw=1.5,
                label=group,
            )
            for b, v in zip(bars, vals, strict=True):
                ax.text(
                    b.get_x() + b.get_width() / 2,
                    v + 1.2,
                    f"{v:g}",
                    ha="center",
                    va="bottom",
                    fontsize=10,
                    color="#111111",
                )
        ax.set_xticks(
            range(len(SMOKING_STATUSES)), [f"{s.capitalize()} smokers" for s in SMOKING_STATUSES]
        )
        ax.set_ylabel("FEV1 decline (mL per year)")
        ax.set_ylim(0, 82)
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper left")
    return fig


def onset_ages():
    """Horizontal bars: age (years) at which breathlessness began in ZZ smokers and non-smokers.

    Data: :data:`DYSPNOEA_ONSET_AGE_YEARS` (``janus1985``). Returns the matplotlib ``Figure``.
    """
    fig, ax = new_figure(7.0, 2.6)
    zz = GENOTYPE_COLORS["ZZ"]
    looks = [dict(color=zz), dict(color="white", edgecolor=zz, hatch="..", lw=1.5)]
    with style():
        for y, (row, look) in enumerate(zip(DYSPNOEA_ONSET_AGE_YEARS, looks, strict=True)):
            ax.barh([y], [row["age_years"]], height=0.55, **look)
            ax.text(
                row["age_years"] + 1,
                y,
                f"{row['age_years']:g} years",
                va="center",
                fontsize=10,
                color="#111111",
            )
        ax.set_yticks(
            range(len(DYSPNOEA_ONSET_AGE_YEARS)), [r["group"] for r in DYSPNOEA_ONSET_AGE_YEARS]
        )
        ax.invert_yaxis()
        ax.set_xlim(0, 70)
        ax.set_xlabel("Age when shortness of breath began (years)")
        ax.grid(axis="y", visible=False)
    return fig
