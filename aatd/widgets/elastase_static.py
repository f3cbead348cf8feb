"""The elastase explorer's kernel-free face: its StaticSpec (controls, panels, the grid).

:func:`static_spec` builds what :class:`aatd.widgets.elastase.ElastaseExplorer` shows
without a kernel: one state per genotype, serum level on the 1 µM grid and smoking status,
drawn from the same model calls as the live face.
"""

from __future__ import annotations

from .. import genetics, kinetics, plots, units
from ..plots import explorers as xplots
from .base import (
    Axis,
    StaticSpec,
    band,
    line,
    marker,
    sig4,
    vline,
)


def static_spec(self) -> StaticSpec:
    """The kernel-free face of the elastase explorer ``self``."""
    from .elastase import (
        AAT_MAX_UM,
        CURVE_UM,
        GENOTYPES,
        GRID_STEP_UM,
        GRID_UM,
        NO_PROTEIN,
        T_S,
        UNITS,
        burst_time_course,
    )

    spec = StaticSpec(
        self,
        width=900,
        height=440,
        description=(
            "Left: free elastase and active AAT over time after one burst. Right: "
            "elastase exposure against serum AAT, with genotype ranges and the "
            f"{units.PROTECTIVE_THRESHOLD_UM:g} µM threshold."
        ),
    )
    typical = {
        g: sig4(round(genetics.serum_aat(g).typical_uM / GRID_STEP_UM) * GRID_STEP_UM)
        for g in GENOTYPES
    }
    spec.select(
        "genotype",
        "Genotype",
        [(g, g) for g in GENOTYPES],
        value=self.controls["genotype"].value,
        help="Choosing a genotype moves the slider to its typical level.",
    )
    spec.range(
        "aat_uM",
        "Serum AAT",
        min=0,
        max=int(AAT_MAX_UM),
        step=GRID_STEP_UM,
        value=self._snap(self.controls["aat_uM"].value),
        unit=" µM",
        enabled_if={"genotype": [g for g in GENOTYPES if g not in NO_PROTEIN]},
        help="Moving it keeps the genotype's protein (its reaction speed). "
        "Q0Q0 makes no protein: the slider stays at 0.",
    )
    spec.checkbox("smoker", "Smoker", value=self.controls["smoker"].value)
    spec.radio(
        "units",
        "Readout units",
        [("uM", "µM"), ("mg_dl", "mg/dL")],
        value=self.controls["units"].value,
        key=False,
    )
    spec.link("genotype", "aat_uM", typical)

    top = float(kinetics.elastase_exposure(aat_uM=0.0)) * 1.05
    pb = spec.panel(
        "a_burst",
        box=(90, 36, 330, 334),
        title="One neutrophil burst",
        legend="lower left",
        x=Axis(
            *xplots.BURST_T_RANGE_S,
            label="Time after the burst (s)",
            log=True,
            ticks=[1e-3, 1e-2, 0.1, 1, 10],
            tick_labels=["0.001", "0.01", "0.1", "1", "10"],
        ),
        y=Axis(
            *xplots.BURST_NM_RANGE,
            label="Lining fluid (nM)",
            log=True,
            ticks=[1, 10, 100, 1000, 10000],
            tick_labels=["1", "10", "100", "1000", "10000"],
        ),
    )
    ps = spec.panel(
        "b_strip",
        box=(560, 36, 320, 112),
        legend="none",
        title="Typical serum range by genotype",
        x=Axis(*xplots.SERUM_RANGE_UM, ticks=[], grid=False),
        y=Axis(
            0,
            len(GENOTYPES),
            invert=True,
            grid=False,
            font_size=10,
            ticks=[i + 0.5 for i in range(len(GENOTYPES))],
            tick_labels=list(GENOTYPES),
        ),
    )
    pe = spec.panel(
        "c_exposure",
        box=(560, 170, 320, 200),
        legend="center right",
        x=Axis(*xplots.SERUM_RANGE_UM, label="Serum AAT (µM)", ticks=[0, 10, 20, 30, 40, 50, 60]),
        y=Axis(0, top, label="Exposure (nM·s)", ticks=[0, 1000, 2000, 3000, 4000, 5000]),
    )
    threshold = units.PROTECTIVE_THRESHOLD_UM
    spec.add_static(
        vline(ps, threshold, color=xplots.REFERENCE_COLOR, dash="5 3"),
        vline(
            pe,
            threshold,
            color=xplots.REFERENCE_COLOR,
            dash="5 3",
            label=f"{threshold:g} µM protective threshold",
            at=0.97,
        ),
        line(
            pb,
            T_S,
            burst_time_course("MM")[0],
            color=xplots.REFERENCE_COLOR,
            width=1.5,
            dash="6 4",
            legend="free elastase, typical MM non-smoker",
        ),
    )
    strips = {}
    for i, g in enumerate(GENOTYPES):
        r = genetics.serum_aat(g)
        strips[g] = (r.low_uM, max(r.high_uM, r.low_uM + 0.6), i)
        spec.add_static(
            band(
                ps,
                strips[g][0],
                strips[g][1],
                y0=i + 0.15,
                y1=i + 0.85,
                color=plots.GENOTYPE_COLORS[g],
                opacity=0.3,
            )
        )
    for g in GENOTYPES:
        color = plots.GENOTYPE_COLORS[g]
        for smoker in (False, True):
            curve = kinetics.elastase_exposure(g, aat_uM=CURVE_UM, smoker=smoker)
            ref_curve = (
                kinetics.elastase_exposure(g, aat_uM=CURVE_UM, smoker=False) if smoker else None
            )
            lo, hi, row = strips[g]
            strip_els = [band(ps, lo, hi, y0=row + 0.15, y1=row + 0.85, color=color, opacity=1.0)]
            bend = kinetics.exposure_bend_uM(g, smoker=True)
            for a in GRID_UM[:1] if g in NO_PROTEIN else GRID_UM:
                v = self.view(g, float(a), smoker)
                els = [*strip_els, band(pe, lo, hi, color=color, opacity=0.15)]
                if smoker:
                    els.append(
                        vline(
                            pe,
                            bend,
                            color=xplots.SMOKER_BEND_COLOR,
                            dash="2 3",
                            width=2,
                            label=f"bend when smoking ≈ {bend:.0f} µM",
                            at=0.86,
                        )
                    )
                    els.append(
                        line(
                            pe,
                            CURVE_UM,
                            ref_curve,
                            color=xplots.REFERENCE_COLOR,
                            width=1.5,
                            dash="6 4",
                            legend="same protein, non-smoker",
                        )
                    )
                els += [
                    line(pe, CURVE_UM, curve, color=color, width=2.5, legend=v["curve_label"]),
                    marker(
                        pe,
                        a,
                        v["exposure_at_setting_nM_s"],
                        color=color,
                        label=v["marker_label"],
                    ),
                    line(
                        pb,
                        T_S,
                        v["free_elastase_nM"],
                        color=xplots.ELASTASE_COLOR,
                        width=2.5,
                        legend="free elastase",
                    ),
                    line(
                        pb,
                        T_S,
                        v["active_aat_nM"],
                        color=xplots.AAT_COLOR,
                        width=2.5,
                        legend="active AAT",
                    ),
                ]
                readouts = {u: self.readout_text(g, float(a), smoker, u, view=v) for u in UNITS}
                spec.state(
                    {"genotype": g, "aat_uM": a, "smoker": smoker},
                    elements=els,
                    readout=readouts,
                    tables=self._tables_from_view(v),
                    label=f"Figure for {v['curve_label']} at {a:g} µM: exposure "
                    f"{v['relative_to_mm']:.3g} times a typical MM "
                    f"non-smoker.",
                )
    return spec
