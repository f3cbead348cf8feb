"""Static figures for the two simulation chapters (elastase race; lung over a lifetime).

The explorers (:mod:`aatd.widgets`) draw the interactive versions; these functions give
each chapter a few fixed figures with captions. Every number comes from the model
(:mod:`aatd.kinetics`, :mod:`aatd.lung`) or from :mod:`aatd.genetics` (``brantly1991``);
published cohort values in :func:`decline_vs_cohorts` carry their bibtex keys.
Each function returns a new matplotlib ``Figure``.
"""

from __future__ import annotations

import numpy as np

from .. import genetics, lung, units
from .style import GENOTYPE_COLORS, OKABE_ITO, THRESHOLD_COLOR, new_figure, style

#: Genotypes shown as range bands under the exposure curve (Q0Q0 has no range).
_BAND_GENOTYPES = ("MM", "MS", "SS", "MZ", "SZ", "ZZ")


def burst_time_course(genotypes=("MM", "ZZ"), smoker=False):
    """Free elastase and active AAT (nM, lining fluid) after one standard burst.

    Two panels sharing a logarithmic time axis (s), one line per genotype at its typical
    serum level (:func:`aatd.kinetics.simulate_burst`).
    """
    from .. import kinetics

    fig, (ax_e, ax_i) = new_figure(8.0, 3.6, ncols=2, sharex=True)
    with style():
        for g in genotypes:
            b = kinetics.simulate_burst(g, smoker=smoker)
            keep = b.t_s > 0
            color = GENOTYPE_COLORS[genetics.parse_genotype(g)]
            label = f"{g} ({b.aat_uM:.1f} µM serum)"
            ax_e.plot(b.t_s[keep], b.free_elastase_nM[keep], color=color, lw=2, label=label)
            ax_i.plot(b.t_s[keep], b.active_aat_nM[keep], color=color, lw=2, label=label)
        for ax in (ax_e, ax_i):
            ax.set_xscale("log")
            ax.set_xlabel("Time after the burst (s, log scale)")
            ax.set_ylim(bottom=0)
        ax_e.set_ylabel("Free elastase (nM)")
        ax_i.set_ylabel("Active AAT (nM)")
        ax_e.set_title("Free elastase")
        ax_i.set_title("Active AAT")
        ax_i.legend(loc="center right")
    return fig


def exposure_curve(smoker=False, max_uM=60.0):
    """Elastase exposure (nM·s) against serum AAT (µM) with genotype range bands.

    Upper panel: the non-smoker curve (and the smoker curve when ``smoker``), with the
    bend of each (:func:`aatd.kinetics.exposure_bend_uM`) marked and the 11 µM protective
    threshold (``stoller2012``). Lower panel: Brantly's 5th–95th percentile ranges
    (``brantly1991``) with the typical level as a dot.
    """
    from .. import kinetics

    levels = np.linspace(0.0, max_uM, 241)
    fig, (ax, ax_b) = new_figure(
        7.5, 5.2, nrows=2, sharex=True, gridspec_kw={"height_ratios": [3.0, 1.6]}
    )
    with style():
        curves = [(False, "Non-smoker", "-")]
        if smoker:
            ox = kinetics.SMOKER_OXIDISED_FRACTION
            curves.append((True, f"Smoker ({ox:.0%} of lung AAT oxidised)", "--"))
        y_top = float(kinetics.elastase_exposure(aat_uM=0.0))
        for n, (is_smoker, label, ls) in enumerate(curves):
            y = kinetics.elastase_exposure(aat_uM=levels, smoker=is_smoker)
            ax.plot(levels, y, color=OKABE_ITO["black"], ls=ls, lw=2, label=label)
            bend = kinetics.exposure_bend_uM(smoker=is_smoker)
            y_bend = kinetics.elastase_exposure(aat_uM=bend, smoker=is_smoker)
            ax.plot([bend], [y_bend], "o", color=OKABE_ITO["black"], mfc="white", mew=1.5, ms=7)
            name = "smoker's bend" if is_smoker else "bend"
            ax.annotate(
                f"{name} ≈ {bend:.0f} µM",
                (bend, y_bend),
                xytext=(26.0, y_top * (0.36 - 0.14 * n)),
                textcoords="data",
                fontsize=10,
                va="center",
                arrowprops={"arrowstyle": "->", "color": "#333333", "lw": 1},
            )
        for a in (ax, ax_b):
            a.axvline(units.PROTECTIVE_THRESHOLD_UM, color=THRESHOLD_COLOR, ls=":", lw=1.5)
        ax.text(
            units.PROTECTIVE_THRESHOLD_UM + 0.5,
            ax.get_ylim()[1] * 0.97,
            f"{units.PROTECTIVE_THRESHOLD_UM:g} µM threshold",
            color=THRESHOLD_COLOR,
            va="top",
            fontsize=10,
        )
        ax.set_ylabel("Elastase exposure\nper burst (nM·s)")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper right")

        for y, g in enumerate(_BAND_GENOTYPES):
            r = genetics.serum_aat(g)
            color = GENOTYPE_COLORS[g]
            ax_b.plot([r.low_uM, r.high_uM], [y, y], color=color, lw=7, solid_capstyle="butt")
            ax_b.plot([r.typical_uM], [y], "o", color="white", mec=color, mew=2, ms=6)
        ax_b.set_yticks(range(len(_BAND_GENOTYPES)), list(_BAND_GENOTYPES))
        ax_b.set_ylim(len(_BAND_GENOTYPES) - 0.4, -0.6)
        ax_b.grid(axis="y", visible=False)
        ax_b.set_ylabel("Genotype\nrange")
        ax_b.set_xlim(0, max_uM)
        ax_b.set_xlabel("Serum AAT (µM, purified standard)")
    return fig


# ----------------------------------------------------------------- lung over a lifetime
#: Ages drawn on the lifetime figures (years).
_LIFE_AGES = np.linspace(20.0, 80.0, 121)

#: Scenario labels: (genotype, smoking) → text.
_FROM_AGE = f"{lung.DAMAGE_START_AGE_YEARS:g}"
_SMOKING_TEXT = {
    "never": "never smokes",
    "current": f"smokes from {_FROM_AGE}",
    "former": "former smoker",
}
_SMOKING_STYLE = {"never": "-", "current": "--", "former": "-."}


def plot_until_end(ax, traj, *, color, label=None, end_label=True, **kw):
    """Plot ``traj.percent_of_age25`` up to the end of the model's range and mark the end.

    The curve stops where FEV1 reaches :data:`aatd.lung.MODEL_END_PERCENT` of its age-25
    value (``traj.end_age_years``), with a black cross there: below it the model says
    nothing. Returns the line.
    """
    from .. import lung

    inside = traj.within_model()
    x, y = traj.age_years[inside], traj.percent_of_age25[inside]
    end = traj.end_age_years
    shown = end is not None and traj.age_years[0] <= end <= traj.age_years[-1]
    if shown:
        x, y = np.append(x, end), np.append(y, lung.MODEL_END_PERCENT)
    (ln,) = ax.plot(x, y, color=color, label=label, **kw)
    if shown:
        ax._aatd_end_shown = True  # for end_note
        ax.plot([end], [lung.MODEL_END_PERCENT], "X", color="#000000", ms=8, zorder=6)
        if end_label:
            ax.annotate(
                f"model ends at {end:.0f}",
                (end, lung.MODEL_END_PERCENT),
                xytext=(6, 4),
                textcoords="offset points",
                fontsize=8.5,
            )
    return ln


def end_note(ax):
    """A note explaining the crosses, when a curve on ``ax`` ended (drawn once)."""
    if not getattr(ax, "_aatd_end_shown", False):
        return
    ax.text(
        0.99,
        0.02,
        f"✕ curve ends at {lung.MODEL_END_PERCENT:g}% of its age-25 FEV1 (the model's range ends)",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8.5,
        color=OKABE_ITO["grey"],
    )


def _finish_percent_axes(ax, title: str, legend_fontsize: float | None = None) -> None:
    """Axes on the %-of-age-25 scale, the note on where curves end, legend and grey title."""
    ax.set_xlim(_LIFE_AGES[0], _LIFE_AGES[-1])
    ax.set_ylim(0, 110)
    ax.set_xlabel("Age (years)")
    ax.set_ylabel("FEV1 (% of its value at age 25)")
    end_note(ax)
    ax.legend(loc="lower left", fontsize=legend_fontsize)
    ax.set_title(title, fontsize=10, color=OKABE_ITO["grey"], loc="right")


def fev1_lifetimes(
    scenarios=(("MM", "never"), ("MM", "current"), ("ZZ", "never"), ("ZZ", "current")),
):
    """FEV1 as % of its value at 25 (``fletcher1977``'s scale) from age 20 to 80.

    One line per ``(genotype, smoking)`` scenario (``"never"`` or ``"current"``; current
    smokers smoke from 18), from :func:`aatd.lung.fev1_trajectory`: an illustrative model
    person, not a prognosis.
    """
    from .. import lung

    fig, ax = new_figure(7.5, 4.4)
    with style():
        for g, smoking in scenarios:
            traj = lung.fev1_trajectory(g, smoking=smoking, ages=_LIFE_AGES)
            plot_until_end(
                ax,
                traj,
                lw=2.2,
                color=GENOTYPE_COLORS[genetics.parse_genotype(g)],
                ls=_SMOKING_STYLE[smoking],
                label=f"{g}, {_SMOKING_TEXT[smoking]}",
            )
        _finish_percent_axes(ax, "Illustrative model people, not a prognosis")
    return fig


def quitting_ages(genotype="ZZ", quit_ages=(30, 40, 50)):
    """FEV1 (% of age-25 value) for a smoker who stops at each of ``quit_ages``.

    Beside the same genotype never smoking and smoking throughout (from 18). Quitting
    returns the decline to the never-smoker's rate and restores nothing (``fletcher1977``).
    """
    from .. import lung

    g = genetics.parse_genotype(genotype)
    color = GENOTYPE_COLORS[g]
    fig, ax = new_figure(7.5, 4.4)
    with style():
        never = lung.fev1_trajectory(g, smoking="never", ages=_LIFE_AGES)
        plot_until_end(ax, never, color=color, lw=2.2, label=f"{g}, never smokes")
        current = lung.fev1_trajectory(g, smoking="current", ages=_LIFE_AGES)
        plot_until_end(
            ax,
            current,
            color=color,
            lw=2.2,
            ls="--",
            label=f"{g}, smokes from {_FROM_AGE}, never stops",
            zorder=3,
        )
        greys = (OKABE_ITO["black"], OKABE_ITO["grey"], "#8A8A8A")
        for n, q in enumerate(quit_ages):
            # before the quit age the person is a smoker: draw only the part after it
            after = _LIFE_AGES[q <= _LIFE_AGES]
            traj = lung.fev1_trajectory(
                g, smoking="former", quit_age=q, ages=np.concatenate([[q], after])
            )
            shade = greys[n % len(greys)]
            plot_until_end(
                ax,
                traj,
                color=shade,
                lw=1.8,
                ls="-.",
                end_label=False,
                label=f"{g}, stops at {q:g}",
                zorder=2,
            )
            ax.plot([q], traj.percent_of_age25[:1], "o", color=shade, ms=6, zorder=4)
        _finish_percent_axes(ax, "Illustrative model people, not a prognosis", legend_fontsize=9.5)
    return fig


def augmentation_assumption(genotype="ZZ", smoking="never", start_age=40):
    """FEV1 (% of age-25 value) without and with augmentation from ``start_age``, with the
    assumption's whole range drawn as a band.

    Augmentation's FEV1 effect is an assumption parameter (``chapman2015``: RAPID measured
    CT lung density, not FEV1): the line is the default, a third of the deficiency-related
    excess removed; the band runs from no effect to a half. An MM never-smoker is shown
    for reference.
    """
    from .. import lung

    g = genetics.parse_genotype(genotype)
    color = GENOTYPE_COLORS[g]
    lo_f, hi_f = lung.AUGMENTATION_FEV1_RANGE
    fig, ax = new_figure(7.5, 4.4)
    with style():
        ref = lung.fev1_trajectory("MM", ages=_LIFE_AGES)
        plot_until_end(ax, ref, color=OKABE_ITO["grey"], lw=1.6, ls=":", label="MM, never smokes")
        without = lung.fev1_trajectory(g, smoking=smoking, ages=_LIFE_AGES)
        plot_until_end(
            ax,
            without,
            color=color,
            lw=2.2,
            ls="--",
            label=f"{g}, {_SMOKING_TEXT[smoking]}, no augmentation",
        )
        kw = {"smoking": smoking, "augmentation_start_age": start_age, "ages": _LIFE_AGES}
        high = lung.fev1_trajectory(g, augmentation_fev1_fraction=hi_f, **kw)
        low = lung.fev1_trajectory(g, augmentation_fev1_fraction=lo_f, **kw)
        stop = _LIFE_AGES[-1] if low.end_age_years is None else low.end_age_years
        sel = (start_age <= _LIFE_AGES) & (stop >= _LIFE_AGES)
        ax.fill_between(
            _LIFE_AGES[sel],
            low.percent_of_age25[sel],
            high.percent_of_age25[sel],
            color=OKABE_ITO["bluish_green"],
            alpha=0.35,
            lw=0,
            label="assumed effect: 0 to ½ of the excess removed",
        )
        default = lung.fev1_trajectory(g, **dict(kw, ages=_LIFE_AGES[start_age <= _LIFE_AGES]))
        plot_until_end(
            ax,
            default,
            color=OKABE_ITO["bluish_green"],
            lw=2.2,
            label="assumed effect: ⅓ of the excess removed (default)",
        )
        ax.axvline(start_age, color=OKABE_ITO["bluish_green"], ls=":", lw=1.2)
        ax.text(start_age + 0.6, 104, f"augmentation from {start_age:g}", fontsize=9)
        _finish_percent_axes(
            ax, "Illustrative model people; the FEV1 effect is an assumption", legend_fontsize=9
        )
    return fig
