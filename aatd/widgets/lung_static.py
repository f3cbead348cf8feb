"""The lung explorer's kernel-free face: its StaticSpec (controls, panels, the grid).

:func:`static_spec` builds what :class:`aatd.widgets.lung.LungExplorer` shows without a
kernel: one state per genotype, smoking history, quit age and augmentation start age on
the 5-year grid, drawn from the same model calls as the live face.
"""

from __future__ import annotations

from ..plots import explorers as xplots
from .base import (
    Axis,
    StaticSpec,
    area,
    line,
    marker,
    vline,
)


def static_spec(self) -> StaticSpec:
    """The kernel-free face of the lung explorer ``self``."""
    from .lung import (
        AGES,
        AUG_BAND_LABEL,
        AUG_COLOR,
        AUGMENTATION_AGES,
        END_PERCENT,
        GENOTYPES,
        QUIT_AGES,
        SMOKING,
    )

    init = self._static_state()
    spec = StaticSpec(
        self,
        width=860,
        height=470,
        description=(
            "FEV1 as % of its value at age 25, from age 20 to 80, for the chosen model "
            "person and an MM never-smoker; each curve ends where it reaches "
            f"{END_PERCENT:g}% of its age-25 value."
        ),
    )
    spec.select("genotype", "Genotype", [(g, g) for g in GENOTYPES], value=init["genotype"])
    spec.radio("smoking", "Smoking", [(s, s) for s in SMOKING], value=init["smoking"])
    spec.range(
        "quit_age",
        "Quit age",
        min=QUIT_AGES[0],
        max=QUIT_AGES[-1],
        step=5,
        value=init["quit_age"],
        unit=" years",
        enabled_if={"smoking": ["former"]},
        help="Used when smoking is “former”.",
    )
    spec.select(
        "augmentation_start_age",
        "Augmentation",
        [("none", "none")] + [(str(a), f"from age {a}") for a in AUGMENTATION_AGES],
        value=init["augmentation_start_age"],
        help="Its effect on FEV1 is a model assumption (RAPID measured lung density, not FEV1).",
    )
    p = spec.panel(
        "fev1",
        box=(80, 40, 750, 370),
        legend="upper right",
        title="Illustrative model person, not a prognosis",
        x=Axis(*xplots.LUNG_AGE_RANGE, label="Age (years)", ticks=list(range(20, 81, 10))),
        y=Axis(
            *xplots.LUNG_PERCENT_RANGE,
            label="FEV1 (% of its value at age 25)",
            ticks=list(range(0, 101, 20)),
        ),
    )
    spec.add_static(
        line(
            p,
            AGES,
            self._reference.percent_of_age25,
            color=xplots.REFERENCE_COLOR,
            width=2,
            dash="7 4",
            legend="MM never-smoker",
        ),
    )
    for g in GENOTYPES:
        for smoking in SMOKING:
            quits = QUIT_AGES if smoking == "former" else (None,)
            for q in quits:
                for aug in (None, *AUGMENTATION_AGES):
                    v = self.view(g, smoking, q, aug)
                    els = []
                    if aug is not None:
                        els.append(
                            vline(
                                p,
                                aug,
                                color=AUG_COLOR,
                                dash="2 3",
                                legend=f"augmentation from {aug}",
                            )
                        )
                        if len(v["band_age_years"]) >= 2:
                            els.append(
                                area(
                                    p,
                                    v["band_age_years"],
                                    v["band_low_percent"],
                                    v["band_high_percent"],
                                    color=AUG_COLOR,
                                    opacity=0.35,
                                    legend=AUG_BAND_LABEL,
                                )
                            )
                    els.append(
                        line(
                            p,
                            v["person_age_years"],
                            v["person_percent"],
                            color=v["color"],
                            width=3,
                            legend=v["person_label"],
                        )
                    )
                    if v["end_age_years"] is not None:
                        els.append(
                            marker(
                                p,
                                v["end_age_years"],
                                END_PERCENT,
                                color="#000000",
                                r=5,
                                label=v["end_label"],
                                legend=f"curve ends: {END_PERCENT:g}% of its age-25 FEV1",
                            )
                        )
                    if v["quit_percent"] is not None:
                        els.append(
                            marker(
                                p,
                                q,
                                v["quit_percent"],
                                color="#000000",
                                r=5,
                                label=f"quits at {q}",
                            )
                        )
                    values = {
                        "genotype": g,
                        "smoking": smoking,
                        "quit_age": q if q is not None else QUIT_AGES[0],
                        "augmentation_start_age": "none" if aug is None else aug,
                    }
                    spec.state(
                        values,
                        elements=els,
                        readout=self.readout_text(v),
                        tables=self._tables_from_view(v),
                        label=f"FEV1 over a lifetime for: {v['person_label']}.",
                    )
    return spec
