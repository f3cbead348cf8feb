"""ElastaseExplorer: one neutrophil burst of elastase against the lung's antitrypsin.

Controls: genotype preset (choosing one moves the serum slider to that genotype's typical
level, ``brantly1991``), serum AAT 0–60 µM (moving it keeps the genotype's protein
kinetics, ``ogushi1987``), smoker (oxidises 40% of lining-fluid AAT, ``carp1982``) and the
readout's units (µM, or mg/dL stating the assay standard, ``brantly1991``). ``Q0Q0`` makes
no AAT protein, so with that genotype the serum slider is pinned at 0 µM (disabled in both
faces) and no other level can be set.

One figure, updated in place: free elastase and active AAT over time after one burst;
elastase exposure against serum AAT with the genotype ranges, the 11 µM protective
threshold (``stoller2012``), the smoker's shifted bend and a marker at the setting.

The model is :mod:`aatd.kinetics`. The burst's *time course* is computed here by
:func:`burst_time_course`, a fast exact-to-plotting-accuracy evaluation of the same
equations as :func:`aatd.kinetics.simulate_burst` (which integrates them with
``solve_ivp`` and takes ~0.1–1 s, too slow for a slider): it uses the substitution of the
kinetics module docstring (``u = ∫E dt``), under which ``E`` and ``I`` are explicit
functions of ``u`` and time is the quadrature ``t(u) = ∫ du/E``. Tests check it against
``simulate_burst``.
"""

from __future__ import annotations

import math

import numpy as np

from .. import _checks, genetics, kinetics, timecourse, units
from ..plots import explorers as xplots
from .base import (
    StaticSpec,
    Table,
    TwoFacedExplorer,
    preset_genotype,
)

#: Genotype presets offered by the explorer.
GENOTYPES = genetics.COMMON_GENOTYPES
#: Serum slider range (µM) and the kernel-free grid's step (µM).
AAT_MAX_UM = 60.0
GRID_STEP_UM = 1.0
#: Times at which the burst is drawn and tabulated (s).
T_S = np.geomspace(xplots.BURST_T_RANGE_S[0], xplots.BURST_T_RANGE_S[1], 61)
#: Serum levels at which the exposure curve is drawn (µM).
CURVE_UM = np.linspace(0.0, AAT_MAX_UM, 241)
#: Serum levels on the kernel-free grid (µM).
GRID_UM = np.arange(0.0, AAT_MAX_UM + GRID_STEP_UM / 2, GRID_STEP_UM)
UNITS = {"uM": "µM", "mg_dl": "mg/dL"}
#: Genotypes that make no AAT protein: the serum slider is pinned at 0 for them.
NO_PROTEIN = tuple(g for g in GENOTYPES if not genetics.protein_shares(g))


def burst_time_course(genotype=None, *, aat_uM=None, smoker=False, t_s=T_S):
    """:func:`aatd.timecourse.burst_time_course` at the explorer's times :data:`T_S`."""
    return timecourse.burst_time_course(genotype, aat_uM=aat_uM, smoker=smoker, t_s=t_s)


def _fmt_time(t_s: float) -> str:
    if not math.isfinite(t_s):
        return "never (no active AAT)"
    if t_s < 1.0:
        ms = t_s * 1000.0
        return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.2g} ms"
    return f"{t_s:.2g} s"


def _fmt_num(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


class ElastaseExplorer(TwoFacedExplorer):
    """Move serum AAT, pick a genotype, switch smoking on: watch one burst of elastase
    meet the lung's antitrypsin, and the exposure curve bend near 11 µM.

    ``ElastaseExplorer(genotype="ZZ", smoker=True)`` starts at a setting. ``.controls`` has
    ``"genotype"``, ``"aat_uM"``, ``"smoker"`` and ``"units"``; ``.set(...)`` changes them
    with checks (``ValueError`` for bad values).
    """

    slug = "elastase"
    title = "Elastase versus antitrypsin: one neutrophil burst"

    def __init__(self, genotype="MM", aat_uM=None, smoker=False, units="uM"):
        values = {"genotype": genotype, "smoker": smoker, "units": units}
        if aat_uM is not None:
            values["aat_uM"] = aat_uM
        self._mm_exposure = kinetics.elastase_exposure("MM")
        self._mm_t_half = kinetics.inhibition_half_time_s("MM")
        self._ref_e = burst_time_course("MM", smoker=False)[0]
        super().__init__(**values)

    # ------------------------------------------------------------------ controls
    def _make_controls(self):
        import ipywidgets as W

        return {
            "genotype": W.Dropdown(options=list(GENOTYPES), value="MM", description="Genotype"),
            "aat_uM": W.FloatSlider(
                value=genetics.serum_aat("MM").typical_uM,
                min=0.0,
                max=AAT_MAX_UM,
                step=0.1,
                readout_format=".1f",
                description="Serum AAT (µM)",
                continuous_update=True,
            ),
            "smoker": W.Checkbox(value=False, description="Smoker", indent=False),
            "units": W.ToggleButtons(
                options=[("µM", "uM"), ("mg/dL", "mg_dl")], value="uM", description="Readout units"
            ),
        }

    def _check(self, name, value):
        if name == "genotype":
            return preset_genotype(value, GENOTYPES)
        if name == "aat_uM":
            v = _checks.nonnegative("aat_uM", value, "µM")
            if np.ndim(v) != 0 or v > AAT_MAX_UM:
                raise ValueError(
                    f"aat_uM must be one serum level from 0 to {AAT_MAX_UM:g} µM, got {value!r}"
                )
            return float(v)
        if name == "units" and value not in UNITS:
            raise ValueError(f"units must be one of {', '.join(UNITS)}, got {value!r}")
        return super()._check(name, value)

    def set(self, **values):
        """As :meth:`TwoFacedExplorer.set`; a genotype without protein (``Q0Q0``) refuses
        any serum level but 0 µM (``ValueError``)."""
        g = values.get("genotype", self.controls["genotype"].value)
        if "genotype" in values:
            g = self._check("genotype", g)
        if g in NO_PROTEIN and "aat_uM" in values:
            a = self._check("aat_uM", values["aat_uM"])
            if a != 0.0:
                raise ValueError(
                    f"genotype {g!r} makes no AAT protein, so aat_uM is pinned at 0 µM; "
                    f"got aat_uM={values['aat_uM']!r}"
                )
        return super().set(**values)

    def _after_set(self, name, value):
        slider = self.controls["aat_uM"]
        if name == "genotype":
            slider.value = genetics.serum_aat(value).typical_uM
            slider.disabled = value in NO_PROTEIN
        elif name == "aat_uM" and self.controls["genotype"].value in NO_PROTEIN:
            slider.value = 0.0  # no protein: nothing to move

    # ------------------------------------------------------------------ model → view
    def view(self, genotype, aat_uM, smoker) -> dict:
        """Every number the figure shows for one setting (the model part of a redraw)."""
        g = genetics.parse_genotype(genotype)
        if g in NO_PROTEIN:
            aat_uM = 0.0
        e, i = burst_time_course(g, aat_uM=aat_uM, smoker=smoker)
        ref_e = self._ref_e
        curve = kinetics.elastase_exposure(g, aat_uM=CURVE_UM, smoker=smoker)
        ref_curve = kinetics.elastase_exposure(g, aat_uM=CURVE_UM, smoker=False) if smoker else None
        at = float(kinetics.elastase_exposure(g, aat_uM=aat_uM, smoker=smoker))
        rng = genetics.serum_aat(g)
        return {
            "genotype": g,
            "t_s": T_S,
            "free_elastase_nM": e,
            "active_aat_nM": i,
            "ref_free_elastase_nM": ref_e,
            "aat_grid_uM": CURVE_UM,
            "exposure_nM_s": curve,
            "ref_exposure_nM_s": ref_curve,
            "aat_uM": float(aat_uM),
            "exposure_at_setting_nM_s": at,
            "smoker_bend_uM": kinetics.exposure_bend_uM(g, smoker=True) if smoker else None,
            "band_uM": (rng.low_uM, rng.high_uM),
            "curve_label": (
                f"{g} protein" if g not in NO_PROTEIN else "M protein (Q0Q0 makes none)"
            )
            + (", smoker" if smoker else ""),
            "marker_label": f"{at / self._mm_exposure:.3g}× MM",
            "half_time_s": kinetics.inhibition_half_time_s(g, aat_uM=aat_uM, smoker=smoker),
            "relative_to_mm": at / self._mm_exposure,
        }

    def _view_for(self, state) -> dict:
        key = (state["genotype"], state["aat_uM"], state["smoker"])
        if getattr(self, "_last_view", (None, None))[0] != key:
            self._last_view = (key, self.view(*key))
        return self._last_view[1]

    # ------------------------------------------------------------------ live face
    def _make_figure(self):
        ranges = {
            g: (genetics.serum_aat(g).low_uM, genetics.serum_aat(g).high_uM) for g in GENOTYPES
        }
        top = float(kinetics.elastase_exposure(aat_uM=0.0))
        fig, self._h = xplots.elastase_explorer_figure(ranges, top)
        return fig

    def _animated_artists(self):
        return xplots.elastase_animated(self._h)

    def _update_figure(self, state):
        xplots.update_elastase_explorer(self._h, self._view_for(state))

    def readout_text(self, genotype, aat_uM, smoker, units_="uM", view=None) -> str:
        """The readout sentence for one setting (both faces use it)."""
        v = view or self.view(genotype, aat_uM, smoker)
        g = v["genotype"]
        aat_uM = v["aat_uM"]
        if units_ == "mg_dl":
            mm = float(units.uM_to_mg_dl(aat_uM))
            old = float(units.uM_to_mg_dl(aat_uM, standard="old_commercial"))
            level = (
                f"{mm:.0f} mg/dL by molecular mass (purified standard, 52 kDa; "
                f"{old:.0f} mg/dL on the older commercial standard)"
            )
        else:
            level = f"{aat_uM:.3g} µM"
        status = "smoker" if smoker else "non-smoker"
        if g in NO_PROTEIN:
            who = f"{g}: no AAT protein at all (serum 0 µM; the slider stays at 0), {status}"
        else:
            who = f"{g} protein at {level}, {status}"
        return (
            f"{who}. Inhibition half-time {_fmt_time(v['half_time_s'])} "
            f"(typical MM: {_fmt_time(self._mm_t_half)}). Elastase exposure per burst "
            f"{_fmt_num(v['exposure_at_setting_nM_s'])} nM·s, "
            f"{v['relative_to_mm']:.3g}× that of a typical MM non-smoker."
        )

    def _readout(self, state):
        return self.readout_text(
            state["genotype"],
            state["aat_uM"],
            state["smoker"],
            state["units"],
            view=self._view_for(state),
        )

    def _tables(self, state):
        v = self._view_for(state)
        return self._tables_from_view(v)

    @staticmethod
    def _tables_from_view(v):
        grid_idx = np.searchsorted(CURVE_UM, GRID_UM)
        return [
            Table(
                f"One burst, {v['curve_label']} at {v['aat_uM']:.3g} µM",
                ["Time (s)", "Free elastase (nM)", "Active AAT (nM)"],
                [v["t_s"], v["free_elastase_nM"], v["active_aat_nM"]],
            ),
            Table(
                f"Exposure curve, {v['curve_label']}",
                ["Serum AAT (µM)", "Exposure (nM·s)"],
                [GRID_UM, np.asarray(v["exposure_nM_s"])[grid_idx]],
            ),
        ]

    # ------------------------------------------------------------------ kernel-free face
    def _static_spec(self) -> StaticSpec:
        from .elastase_static import static_spec

        return static_spec(self)

    @staticmethod
    def _snap(aat_uM: float) -> float:
        return float(min(max(round(aat_uM / GRID_STEP_UM) * GRID_STEP_UM, 0.0), AAT_MAX_UM))

    def _static_state(self) -> dict:
        st = self.state()
        st["aat_uM"] = self._snap(st["aat_uM"])
        return st
