"""AugmentationExplorer: serum AAT over eight weeks of augmentation infusions, two faces.

Controls: genotype (the person's own level, ``brantly1991``), dose (60, 120 or 250 mg/kg),
interval (7, 14 or 28 days) and "miss the dose due on day 28". The model is
:mod:`aatd.therapy` (one compartment; half-life ``stocks2005``; volume *fitted* to the
Wewers 1987 trough). The figure shows the sawtooth against the 11 µM threshold
(``stoller2012``), the steady-state trough and the person's own level, and below it the
elastase exposure of the lung lining fluid after one neutrophil burst (:mod:`aatd.kinetics`),
relative to an MM person's. That second panel is the mechanism of the course's model; how
much FEV1 it protects is an *assumption* of :mod:`aatd.lung` (``chapman2015``: RAPID measured
lung density, not FEV1).

Kernel-free face: every genotype × dose × interval × missed-dose combination (4 × 3 × 3 × 2
= 72 states) is precomputed as compact JSON and drawn by the shared inline script.
"""

from __future__ import annotations

import numpy as np

from .. import therapy
from ..plots import GENOTYPE_COLORS, OKABE_ITO, THRESHOLD_COLOR
from ..plots import therapy as tplots
from .base import Axis, StaticSpec, Table, TwoFacedExplorer, band, hline, line, preset_genotype

#: Genotypes offered (severe deficiency first; MZ shows a level that is already above 11 µM).
GENOTYPES = ("ZZ", "Q0Q0", "SZ", "MZ")
DOSES_MG_PER_KG = (60.0, 120.0, 250.0)
INTERVALS_DAYS = (7.0, 14.0, 28.0)
#: The day whose dose the "missed dose" control skips.
MISSED_DAY = 28.0
WEEKS = 8
#: Every 4th sample is drawn in the kernel-free face (6 points a day).
_STATIC_STRIDE = 4
_EXPOSURE_STRIDE = 4


def missed_dose_number(interval_days: float) -> int:
    """The dose number (1 = day 0) that falls on :data:`MISSED_DAY`."""
    return round(MISSED_DAY / interval_days) + 1


def regimen_curve(genotype, dose, interval, missed) -> therapy.AugmentationCurve:
    """The model curve for one setting of the explorer."""
    return therapy.augmentation_serum(
        genotype,
        dose_mg_per_kg=dose,
        interval_days=interval,
        weeks=WEEKS,
        missed_doses=(missed_dose_number(interval),) if missed else (),
    )


def _exposure(curve: therapy.AugmentationCurve) -> tuple[np.ndarray, np.ndarray, float]:
    """Exposure ratio on a coarser time grid (times, ratios) and the untreated ratio."""
    sub = therapy.AugmentationCurve(
        **{
            **curve.__dict__,
            "t_days": curve.t_days[::_EXPOSURE_STRIDE],
            "serum_uM": curve.serum_uM[::_EXPOSURE_STRIDE],
        }
    )
    return sub.t_days, therapy.exposure_ratio(sub), therapy.untreated_exposure_ratio(curve.genotype)


def augmentation_readout(curve: therapy.AugmentationCurve, exposure, untreated: float) -> str:
    """Two or three sentences: trough, share of the window below 11 µM, exposure."""
    share = curve.share_below() * 100
    missed = " with the day-28 dose missed" if curve.missed_doses else ""
    txt = (
        f"{curve.genotype} on {curve.dose_mg_per_kg:g} mg/kg every {curve.interval_days:g} days"
        f"{missed}: own level {curve.own_uM:.1f} µM, steady-state trough "
        f"{curve.trough_uM:.1f} µM, lowest {curve.lowest_uM:.1f} µM. "
        f"Below 11 µM for {share:.0f}% of the 8 weeks ({curve.days_below():.1f} days). "
        f"Elastase exposure per burst: {float(np.max(exposure)):.1f}× an MM person's at the "
        f"lowest level, against {untreated:.0f}× untreated (the model's mechanism; its FEV1 "
        "effect is an assumption)."
    )
    return txt


def augmentation_table(curve: therapy.AugmentationCurve, exposure, untreated: float) -> Table:
    """The "show the numbers" table: one row per day."""
    days = np.arange(0, 7 * WEEKS + 1, 1)
    idx = days * therapy.SAMPLES_PER_DAY
    ex_t = curve.t_days[::_EXPOSURE_STRIDE]
    ex_at = np.interp(days, ex_t, exposure)
    return Table(
        caption=(
            f"{curve.genotype}, {curve.dose_mg_per_kg:g} mg/kg every {curve.interval_days:g} "
            "days: serum AAT (µM) and exposure per burst (× MM) at the start of each day"
        ),
        headers=["Day", "Serum AAT (µM)", "Below 11 µM", "Exposure (× MM)"],
        columns=[
            [float(d) for d in days],
            [float(curve.serum_uM[i]) for i in idx],
            ["yes" if curve.serum_uM[i] < therapy.THRESHOLD_UM else "no" for i in idx],
            [float(v) for v in ex_at],
        ],
    )


class AugmentationExplorer(TwoFacedExplorer):
    """Serum AAT during augmentation (controls ``genotype``, ``dose_mg_per_kg``,
    ``interval_days``, ``missed_dose``); ``.curve`` is the current
    :class:`aatd.therapy.AugmentationCurve`."""

    slug = "augmentation"
    title = "Augmentation explorer: serum AAT over eight weeks of infusions"
    notice = (
        "A model of a typical person, not a dosing guide: doses and schedules are decided "
        "by a clinician."
    )

    def _make_controls(self):
        import ipywidgets as W

        return {
            "genotype": W.Dropdown(options=list(GENOTYPES), value="ZZ", description="Genotype"),
            "dose_mg_per_kg": W.Dropdown(
                options=[(f"{d:g} mg/kg", d) for d in DOSES_MG_PER_KG],
                value=60.0,
                description="Dose",
            ),
            "interval_days": W.Dropdown(
                options=[("weekly", 7.0), ("every 2 weeks", 14.0), ("every 4 weeks", 28.0)],
                value=7.0,
                description="Interval",
            ),
            "missed_dose": W.Checkbox(value=False, description="Miss the dose due on day 28"),
        }

    def _check(self, name, value):
        if name == "genotype":
            return preset_genotype(value, GENOTYPES)
        if name in ("dose_mg_per_kg", "interval_days"):
            allowed = DOSES_MG_PER_KG if name == "dose_mg_per_kg" else INTERVALS_DAYS
            if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
                raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
            if float(value) not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
            return float(value)
        return super()._check(name, value)

    @property
    def curve(self) -> therapy.AugmentationCurve:
        st = self.state()
        return regimen_curve(
            st["genotype"], st["dose_mg_per_kg"], st["interval_days"], st["missed_dose"]
        )

    # -- live face
    def _make_figure(self):
        fig, self._artists = tplots.augmentation_figure()
        return fig

    def _computed(self, state):
        key = tuple(
            state[k] for k in ("genotype", "dose_mg_per_kg", "interval_days", "missed_dose")
        )
        if getattr(self, "_last", (None,))[0] != key:
            c = regimen_curve(*key)
            _t, ex, un = _exposure(c)
            self._last = (key, c, ex, un)
        return self._last[1:]

    def _update_figure(self, state):
        c, ex, un = self._computed(state)
        ex_full = np.interp(c.t_days, c.t_days[::_EXPOSURE_STRIDE], ex)
        tplots.draw_augmentation(self._artists, c, ex_full, un)

    def _animated_artists(self) -> list:
        a = self._artists
        names = ("serum", "own", "trough", "below", "expo", "untreated", "title")
        return [a[n] for n in names] + [a["ax"].get_legend()]

    def _readout(self, state) -> str:
        return augmentation_readout(*self._computed(state))

    def _tables(self, state):
        return [augmentation_table(*self._computed(state))]

    # -- kernel-free face
    def _static_spec(self) -> StaticSpec:
        spec = StaticSpec(
            self,
            width=760,
            height=560,
            description="Serum AAT over eight weeks of augmentation against the 11 µM "
            "threshold, and the elastase exposure per burst relative to an MM person.",
        )
        # the grid's own defaults (the page starts at the current setting, _static_state)
        spec.select("genotype", "Genotype", [(g, g) for g in GENOTYPES], value="ZZ")
        spec.select(
            "dose_mg_per_kg",
            "Dose",
            [(f"{d:g}", f"{d:g} mg/kg") for d in DOSES_MG_PER_KG],
            value="60",
        )
        spec.select(
            "interval_days",
            "Interval",
            [("7", "weekly"), ("14", "every 2 weeks"), ("28", "every 4 weeks")],
            value="7",
        )
        spec.checkbox("missed_dose", "Miss the dose due on day 28", value=False)
        days = Axis(
            0, 56, label="Days (dose on day 0 of a steady regimen)", ticks=list(range(0, 57, 7))
        )
        ps = spec.panel(
            "a_serum",
            box=(80, 40, 640, 260),
            x=days,
            y=Axis(0, tplots.SERUM_AXIS_MAX_UM, label="Serum AAT (µM)"),
            title="Serum AAT",
        )
        pe = spec.panel(
            "b_exposure",
            box=(80, 370, 640, 130),
            x=days,
            y=Axis(
                *tplots.EXPOSURE_AXIS_UM,
                log=True,
                label="Exposure (× MM)",
                ticks=[0.1, 1, 10, 100],
            ),
            title="Elastase exposure per burst (model mechanism)",
        )
        spec.add_static(
            hline(ps, therapy.THRESHOLD_UM, color=THRESHOLD_COLOR, dash="5 4", label="11 µM"),
            hline(pe, 1.0, color=OKABE_ITO["blue"], dash="5 4", label="MM person"),
        )
        for g in GENOTYPES:
            for d in DOSES_MG_PER_KG:
                for iv in INTERVALS_DAYS:
                    for missed in (False, True):
                        c = regimen_curve(g, d, iv, missed)
                        t_ex, ex, un = _exposure(c)
                        spec.state(
                            {
                                "genotype": g,
                                "dose_mg_per_kg": f"{d:g}",
                                "interval_days": f"{iv:g}",
                                "missed_dose": missed,
                            },
                            elements=self._static_elements(ps, pe, c, t_ex, ex, un),
                            readout=augmentation_readout(c, ex, un),
                            tables=[augmentation_table(c, ex, un)],
                            label=(
                                f"Serum AAT of a {g} person on {d:g} mg/kg every {iv:g} days"
                                + (" with the day-28 dose missed" if missed else "")
                                + f": trough {c.trough_uM:.1f} µM against 11 µM"
                            ),
                        )
        return spec

    def _static_state(self) -> dict:
        st = self.state()
        return {
            **st,
            "dose_mg_per_kg": f"{st['dose_mg_per_kg']:g}",
            "interval_days": f"{st['interval_days']:g}",
        }

    @staticmethod
    def _static_elements(ps, pe, c, t_ex, ex, un) -> list[dict]:
        t = c.t_days[::_STATIC_STRIDE]
        s = c.serum_uM[::_STATIC_STRIDE]
        color = GENOTYPE_COLORS.get(c.genotype, "#333333")
        els = []
        below = s < therapy.THRESHOLD_UM
        if below.any():
            # shade the days spent below the threshold
            edges = np.flatnonzero(np.diff(np.r_[0, below.astype(int), 0]))
            for i0, i1 in zip(edges[::2], edges[1::2], strict=True):
                els.append(
                    band(
                        ps,
                        float(t[i0]),
                        float(t[min(i1, len(t) - 1)]),
                        color=OKABE_ITO["vermillion"],
                        opacity=0.25,
                    )
                )
        els += [
            line(ps, t, s, color=color, width=2.2, legend="Serum AAT"),
            hline(ps, c.own_uM, color="#333333", dash="2 3", legend="Own level"),
            hline(ps, c.trough_uM, color=OKABE_ITO["blue"], dash="6 3", legend="Trough"),
            line(
                pe,
                t_ex,
                np.clip(ex, *tplots.EXPOSURE_AXIS_UM),
                color=OKABE_ITO["reddish_purple"],
                width=2.0,
                legend="On treatment",
            ),
            hline(
                pe,
                min(un, tplots.EXPOSURE_AXIS_UM[1]),
                color="#333333",
                dash="2 3",
                legend="Untreated",
            ),
        ]
        return els
