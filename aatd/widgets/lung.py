"""LungExplorer: FEV1 over a lifetime, in the manner of Fletcher & Peto (``fletcher1977``).

Controls: genotype, smoking (never / current / former), quit age (former smokers) and
augmentation start age (or none). The figure shows FEV1 as % of its value at age 25 from
20 to 80 for the chosen model person beside an MM never-smoker; each curve ends with a
marker where it reaches 15% of its age-25 value (the end of the model's range), and with
augmentation a band shows the assumption's range (0 to 1/2 of the deficiency-related
excess; the line is the default 1/3). The readout gives the decline rate (mL/yr), or says
it is not meaningful when the span reaches the end of the model's range.

The model is :mod:`aatd.lung`. This is an illustrative model person, not a prognosis;
augmentation's effect on FEV1 is a model assumption (RAPID measured slower loss of CT lung
density, ``chapman2015``).
"""

from __future__ import annotations

import numpy as np

from .. import _checks, genetics, lung, plots
from ..plots import explorers as xplots
from .base import (
    StaticSpec,
    Table,
    TwoFacedExplorer,
    preset_genotype,
)

GENOTYPES = genetics.COMMON_GENOTYPES
SMOKING = lung.SMOKING
#: Ages drawn (years): 20–80, every year.
AGES = np.arange(20.0, 81.0, 1.0)
#: Quit ages and augmentation start ages offered (years): 20–70 in 5-year steps.
QUIT_AGES = tuple(range(20, 71, 5))
AUGMENTATION_AGES = tuple(range(20, 71, 5))
#: Where each curve ends (% of its age-25 value): the model's range ends there.
END_PERCENT = lung.MODEL_END_PERCENT
#: The augmentation assumption: default and the range drawn as a band.
AUG_FRACTION = lung.AUGMENTATION_FEV1_FRACTION
AUG_RANGE = lung.AUGMENTATION_FEV1_RANGE
AUG_COLOR = plots.OKABE_ITO["bluish_green"]
AUG_BAND_LABEL = "assumed FEV1 effect: 0–½ of the excess (line: ⅓)"
_FROM = f"{lung.DAMAGE_START_AGE_YEARS:g}"
SMOKING_LABELS = {
    "never": "never smoked",
    "current": f"smokes from {_FROM}",
    "former": f"smoked from {_FROM}, then quit",
}
NOTICE = (
    "An illustrative model person, not a prognosis. Augmentation's effect on FEV1 "
    "is a model assumption: the RAPID trial measured CT lung density (its loss was about a "
    "third slower), not FEV1."
)


class LungExplorer(TwoFacedExplorer):
    """Pick a genotype and a smoking history; see FEV1 (% of its value at 25) from 20 to 80
    beside an MM never-smoker.

    ``.controls``: ``"genotype"``, ``"smoking"``, ``"quit_age"`` (used when smoking is
    ``"former"``) and ``"augmentation_start_age"`` (``None`` for none).
    """

    slug = "lung"
    title = "Lung function over a lifetime (illustrative model person)"
    notice = NOTICE

    def __init__(self, genotype="ZZ", smoking="never", quit_age=40, augmentation_start_age=None):
        self._reference = lung.fev1_trajectory("MM", smoking="never", ages=AGES)
        self._ref_decline = lung.decline_ml_per_year("MM", smoking="never")
        super().__init__(
            genotype=genotype,
            smoking=smoking,
            quit_age=quit_age,
            augmentation_start_age=augmentation_start_age,
        )

    # ------------------------------------------------------------------ controls
    def _make_controls(self):
        import ipywidgets as W

        aug = [("none", None)] + [(f"from age {a}", a) for a in AUGMENTATION_AGES]
        return {
            "genotype": W.Dropdown(options=list(GENOTYPES), value="ZZ", description="Genotype"),
            "smoking": W.ToggleButtons(
                options=[("never", "never"), ("current", "current"), ("former", "former")],
                value="never",
                description="Smoking",
            ),
            "quit_age": W.IntSlider(
                value=40,
                min=QUIT_AGES[0],
                max=QUIT_AGES[-1],
                step=1,
                description="Quit age (years)",
                disabled=True,
                continuous_update=True,
            ),
            "augmentation_start_age": W.Dropdown(
                options=aug,
                value=None,
                description="Augmentation (FEV1 effect is a model assumption)",
            ),
        }

    def _check(self, name, value):
        if name == "genotype":
            return preset_genotype(value, GENOTYPES)
        if name == "smoking":
            if value not in SMOKING:
                raise ValueError(
                    f"smoking must be one of {', '.join(map(repr, SMOKING))}, got {value!r}"
                )
            return value
        if name == "quit_age":
            age = _checks.age("quit_age", value)
            if not QUIT_AGES[0] <= age <= QUIT_AGES[-1]:
                raise ValueError(
                    f"quit_age must be from {QUIT_AGES[0]} to {QUIT_AGES[-1]} years, got {value!r}"
                )
            return round(age)
        if name == "augmentation_start_age":
            if value is None or (isinstance(value, str) and value.lower() == "none"):
                return None
            age = _checks.age("augmentation_start_age", value)
            if int(age) != age or int(age) not in AUGMENTATION_AGES:
                raise ValueError(
                    f"augmentation_start_age must be None or one of "
                    f"{', '.join(map(str, AUGMENTATION_AGES))} years, got {value!r}"
                )
            return int(age)
        return super()._check(name, value)

    def _after_set(self, name, value):
        if name == "smoking":
            self.controls["quit_age"].disabled = value != "former"

    # ------------------------------------------------------------------ model → view
    def view(self, genotype, smoking, quit_age, augmentation_start_age) -> dict:
        """Every number the figure and readout show for one setting (the model part)."""
        g = genetics.parse_genotype(genotype)
        q = quit_age if smoking == "former" else None
        kw = {"smoking": smoking, "quit_age": q, "augmentation_start_age": augmentation_start_age}
        traj = lung.fev1_trajectory(g, ages=AGES, **kw)
        end = traj.end_age_years
        inside = traj.within_model()
        ages, pct = AGES[inside], traj.percent_of_age25[inside]
        shown_end = end is not None and end <= AGES[-1]
        if shown_end:  # the curve stops exactly where it reaches END_PERCENT
            ages, pct = np.append(ages, end), np.append(pct, END_PERCENT)
        decline = lung.decline_within_model_ml_per_year(g, **kw)
        after = after_span = None
        if q is not None:
            start = max(float(q), 25.0)
            after_span = (start, min(start + 10, 80.0))
            after = lung.decline_within_model_ml_per_year(
                g, from_age=after_span[0], to_age=after_span[1], **kw
            )
        band = {
            "band_age_years": np.array([]),
            "band_low_percent": np.array([]),
            "band_high_percent": np.array([]),
            "decline_range_ml_per_year": None,
        }
        if augmentation_start_age is not None:
            low = lung.fev1_trajectory(g, ages=AGES, augmentation_fev1_fraction=AUG_RANGE[0], **kw)
            high = lung.fev1_trajectory(g, ages=AGES, augmentation_fev1_fraction=AUG_RANGE[1], **kw)
            stop = AGES[-1] if low.end_age_years is None else low.end_age_years
            sel = (augmentation_start_age <= AGES) & (stop >= AGES)
            band.update(
                band_age_years=AGES[sel],
                band_low_percent=low.percent_of_age25[sel],
                band_high_percent=high.percent_of_age25[sel],
            )
            rng = [
                lung.decline_within_model_ml_per_year(g, augmentation_fev1_fraction=f, **kw)
                for f in (AUG_RANGE[1], AUG_RANGE[0])
            ]
            band["decline_range_ml_per_year"] = None if None in rng else tuple(rng)
        parts = [SMOKING_LABELS[smoking] + (f" at {q}" if q is not None else "")]
        if augmentation_start_age is not None:
            parts.append(f"augmentation from {augmentation_start_age}")
        at65 = (
            None
            if end is not None and end < 65.0
            else float(np.interp(65.0, AGES, traj.percent_of_age25))
        )
        quit_pct = (
            None
            if q is None or (end is not None and q > end)
            else float(np.interp(q, AGES, traj.percent_of_age25))
        )
        return {
            "genotype": g,
            "color": plots.GENOTYPE_COLORS.get(g, xplots.PERSON_COLOR),
            "age_years": AGES,
            "person_age_years": ages,
            "person_percent": pct,
            "reference_percent": self._reference.percent_of_age25,
            "person_label": f"{g}, " + ", ".join(parts),
            "title": f"Model person: {g}, " + ", ".join(parts),
            "quit_age": q,
            "quit_percent": quit_pct,
            "augmentation_start_age": augmentation_start_age,
            "end_age_years": end if shown_end else None,
            "model_end_age_years": end,
            "end_percent": END_PERCENT,
            "end_label": "" if not shown_end else f"range ends at {end:.0f}",
            "decline_ml_per_year": decline,
            "decline_after_quit_ml_per_year": after,
            "after_quit_span": after_span,
            "percent_at_65": at65,
            **band,
        }

    def _view_for(self, state) -> dict:
        key = (
            state["genotype"],
            state["smoking"],
            state["quit_age"],
            state["augmentation_start_age"],
        )
        if getattr(self, "_last_view", (None, None))[0] != key:
            self._last_view = (key, self.view(*key))
        return self._last_view[1]

    def readout_text(self, v: dict) -> str:
        """The readout sentences for one view (both faces use it). Every rate printed is
        :func:`aatd.lung.decline_ml_per_year` for the state; spans that reach the end of
        the model's range get no number."""
        ref65 = float(np.interp(65.0, AGES, self._reference.percent_of_age25))
        end = v["end_age_years"]
        past = "the span reaches the end of the model's range"
        s = ""
        if end is not None:
            s = (
                f"The curve ends at {end:.1f}, where FEV1 reaches {END_PERCENT:.0f}% of its "
                f"age-25 value: the model's range ends there. "
            )
        if v["decline_ml_per_year"] is None:
            s += f"A decline rate from 40 to 60 is not meaningful ({past})."
        else:
            s += (
                f"Mean FEV1 decline from 40 to 60: {v['decline_ml_per_year']:.0f} mL/yr "
                f"(MM never-smoker: {self._ref_decline:.0f} mL/yr)."
            )
            if v["decline_range_ml_per_year"] is not None:
                lo, hi = v["decline_range_ml_per_year"]
                s += (
                    f" Augmentation's FEV1 effect is an assumption (a third of the "
                    f"deficiency-related excess removed); from 0 to a half it gives "
                    f"{lo:.0f}–{hi:.0f} mL/yr."
                )
        if v["percent_at_65"] is None:
            s += " At 65 this model person is past the end of the model's range"
        else:
            s += f" At 65 this model person has {v['percent_at_65']:.0f}% of their FEV1 at 25"
        s += f" (MM never-smoker: {ref65:.0f}%)."
        if v["quit_age"] is not None:
            q = v["quit_age"]
            a, b = v["after_quit_span"]
            if v["decline_after_quit_ml_per_year"] is None:
                s += (
                    f" After quitting at {q}, a rate from {a:.0f} to {b:.0f} is not "
                    f"meaningful ({past})."
                )
            else:
                s += (
                    f" In the 10 years from {a:.0f}, after quitting at {q}: "
                    f"{v['decline_after_quit_ml_per_year']:.0f} mL/yr."
                )
        return s

    # ------------------------------------------------------------------ live face
    def _make_figure(self):
        fig, self._h = xplots.lung_explorer_figure()
        return fig

    def _animated_artists(self):
        return xplots.lung_animated(self._h)

    def _update_figure(self, state):
        self.controls["quit_age"].disabled = state["smoking"] != "former"
        xplots.update_lung_explorer(self._h, self._view_for(state))

    def _readout(self, state):
        return self.readout_text(self._view_for(state))

    def _tables(self, state):
        return self._tables_from_view(self._view_for(state))

    @staticmethod
    def _tables_from_view(v):
        n = len(v["person_percent"])
        inside = [f"{x:.4g}" for x in v["person_percent"]]
        person = [
            inside[i] if i < n and v["person_age_years"][i] == a else "past the end"
            for i, a in enumerate(v["age_years"])
        ]
        return [
            Table(
                f"FEV1 as % of its value at 25: {v['person_label']}",
                ["Age (years)", "Model person (%)", "MM never-smoker (%)"],
                [v["age_years"], person, v["reference_percent"]],
            )
        ]

    # ------------------------------------------------------------------ kernel-free face
    def _static_state(self) -> dict:
        st = self.state()
        st["quit_age"] = int(min(max(round(st["quit_age"] / 5) * 5, QUIT_AGES[0]), QUIT_AGES[-1]))
        st["augmentation_start_age"] = st["augmentation_start_age"] or "none"
        return st

    def _static_spec(self) -> StaticSpec:
        from .lung_static import static_spec

        return static_spec(self)
