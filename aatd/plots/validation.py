"""Figures for "How good is the model?": the model beside published numbers."""

from __future__ import annotations

from .. import lung
from .style import GENOTYPE_COLORS, OKABE_ITO, new_figure, style


def calibration_vs_published(x_max_ml_per_year: float = 130.0):
    """Model FEV1 decline (ages 40–60) beside each published decline.

    One row per :data:`aatd.lung.CALIBRATION_TARGETS`: a grey bar for the band the model
    must land in (for MZ: within 5 mL/yr of the MM model; for Q0Q0: at least the ZZ
    model), open circles for the published numbers (sources in the book's table),
    and a filled diamond in the genotype's colour for the model. Published numbers beyond
    ``x_max_ml_per_year`` are marked with an arrow at the edge. Returns the ``Figure``.
    """
    rows = lung.calibration_table()
    targets = lung.CALIBRATION_TARGETS
    # the two rules without a published number, drawn as bands too
    by_label = {r["label"]: r["model_ml_per_year"] for r in rows}
    mm, zz = by_label["MM never-smoker"], by_label["ZZ never-smoker"]
    mm_smoker = by_label["MM current smoker"]
    rule_bands = {
        "MZ never-smoker": (mm - 5, mm + 5),
        "Q0Q0 never-smoker": (zz, x_max_ml_per_year),
        "MZ current smoker": (mm_smoker - 2, mm_smoker + 2),
        # augmentation's assumed effect removes 1/4 to 1/2 of the ZZ excess over MM
        "ZZ never-smoker, augmentation from 40": (zz - 0.5 * (zz - mm), zz - 0.25 * (zz - mm)),
    }
    fig, ax = new_figure(7.4, 4.6)
    with style():
        band_done = pub_done = False
        for y, (row, target) in enumerate(zip(rows, targets, strict=True)):
            low, high = row["band"]
            if low is None:
                low, high = rule_bands.get(row["label"], (None, None))
            if low is not None:
                ax.plot(
                    [low, high],
                    [y, y],
                    color="#D9D9D9",
                    lw=12,
                    solid_capstyle="butt",
                    zorder=1,
                    label=None if band_done else "band the model must meet",
                )
                band_done = True
            for value, _label, _key in row["published"]:
                shown = min(value, x_max_ml_per_year - 2)
                marker = ">" if value > x_max_ml_per_year else "o"
                ax.plot(
                    [shown],
                    [y - 0.12],
                    marker,
                    ms=8,
                    mfc="white",
                    mec=OKABE_ITO["black"],
                    mew=1.5,
                    zorder=3,
                    label=None if pub_done else "published (mL/yr)",
                )
                pub_done = True
                if value > x_max_ml_per_year:
                    ax.annotate(
                        f"{value:g}",
                        (shown, y - 0.12),
                        xytext=(-4, 6),
                        textcoords="offset points",
                        ha="right",
                        fontsize=9,
                    )
            color = GENOTYPE_COLORS[target.genotype]
            ax.plot(
                [row["model_ml_per_year"]],
                [y + 0.12],
                "D",
                ms=9,
                color=color,
                mec="black",
                mew=0.8,
                zorder=4,
                label="model" if y == 0 else None,
            )
        ax.set_yticks(range(len(rows)), [r["label"] for r in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, x_max_ml_per_year)
        ax.set_xlabel("FEV1 decline, ages 40–60 (mL per year)")
        ax.grid(axis="y", visible=False)
        fig.legend(loc="outside upper center", ncols=3, fontsize=9)
    return fig
