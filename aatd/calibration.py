"""The lung model's calibration: every published FEV1 decline set beside the model.

Each :class:`CalibrationTarget` names a scenario, the published values it is compared with
(read from :mod:`aatd.evidence`, each with its bibliography key) and the band or rule the
model must meet; :func:`calibration_table` evaluates them all. The validation page and its
figure (:func:`aatd.plots.calibration_vs_published`) read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import evidence
from .lung import decline_ml_per_year


def _pub(name: str, label: str) -> tuple[float, str, str]:
    """A published value as ``(value, label, bibtex key)`` from :mod:`aatd.evidence`."""
    return (evidence.value(name), label, evidence.source(name))


# ------------------------------------------------------------------ calibration targets
#: Kinds of calibration row: a parameter was chosen to meet it (``fitted``); nothing was
#: tuned to it (``check``); it tests an assumption parameter's stated range
#: (``assumption``); it states something the model cannot show (``limitation``).
TARGET_KINDS = ("fitted", "check", "assumption", "limitation")


@dataclass(frozen=True)
class CalibrationTarget:
    """One published FEV1-decline number (or rule) the model is set beside (mL/yr).

    ``published`` is a tuple of ``(value_ml_per_year, label, bibtex_key)``; ``band`` the
    range the model must land in (tests assert it), or ``(None, None)`` when ``rule`` (a
    function of the model value returning True when met) and ``rule_text`` say what it
    must do instead; ``scenario`` the keyword arguments of :func:`decline_ml_per_year`
    (ages 40–60 unless it says otherwise); ``fitted_parameter`` names the parameter of
    ``aatd.parameters`` chosen to meet this target, or for an ``assumption`` row the
    assumption parameter it tests; ``kind`` is one of :data:`TARGET_KINDS`.
    """

    label: str
    genotype: str
    scenario: dict
    published: tuple
    band: tuple
    note: str = ""
    fitted_parameter: str = ""
    kind: str = "check"
    rule_text: str = ""
    rule: Callable[[float], bool] | None = None

    def __post_init__(self) -> None:
        if self.kind not in TARGET_KINDS:
            raise ValueError(
                f"kind of {self.label!r} must be one of {', '.join(TARGET_KINDS)}, "
                f"got {self.kind!r}"
            )
        names_parameter = self.kind in ("fitted", "assumption")
        if names_parameter != bool(self.fitted_parameter):
            raise ValueError(
                f"{self.label!r}: a {self.kind} row "
                f"{'must name' if names_parameter else 'names no'} a parameter"
            )
        if (self.band[0] is None) != (self.rule is not None):
            raise ValueError(f"{self.label!r}: give either a band or a rule")

    def model_ml_per_year(self) -> float:
        """The model's mean decline for this scenario (mL/yr)."""
        return decline_ml_per_year(self.genotype, **self.scenario)


def _augmentation_removes_quarter_to_half(value: float) -> bool:
    """True when augmentation from 40 removes 1/4 to 1/2 of the ZZ never-smoker's excess."""
    mm = decline_ml_per_year("MM")
    excess = decline_ml_per_year("ZZ") - mm
    removed = (decline_ml_per_year("ZZ") - value) / excess
    return 0.25 <= removed <= 0.5


#: The published declines the model is set beside, with the bands the model must meet.
CALIBRATION_TARGETS = (
    CalibrationTarget(
        "MM never-smoker",
        "MM",
        {"smoking": "never"},
        (_pub("decline_general_never_ml_yr", "general population"),),
        (25.0, 37.0),
        fitted_parameter="ageing_ml_per_year",
        kind="fitted",
    ),
    CalibrationTarget(
        "MM current smoker",
        "MM",
        {"smoking": "current"},
        (
            _pub("decline_general_current_ml_yr", "current smokers"),
            _pub("decline_lhs_women_ml_yr", "continuing smokers, women"),
            _pub("decline_lhs_men_ml_yr", "continuing smokers, men"),
        ),
        (38.0, 70.0),
        fitted_parameter="smoking_ml_per_year",
        kind="fitted",
    ),
    CalibrationTarget(
        "ZZ never-smoker",
        "ZZ",
        {"smoking": "never"},
        (
            _pub("decline_zz_never_ml_yr", "Swedish AATD register"),
            _pub("decline_zz_registry_ml_yr", "NHLBI registry, mixed smoking"),
        ),
        (30.0, 60.0),
        "The model sits between the two registries, not on the Swedish 32 mL/yr: see "
        "'Where the model and the data disagree'.",
        fitted_parameter="damage_ml_per_nM_s",
        kind="fitted",
    ),
    CalibrationTarget(
        "ZZ current smoker",
        "ZZ",
        {"smoking": "current"},
        (
            _pub("decline_zz_current_ml_yr", "Swedish registry"),
            _pub("decline_zz_smokers_janus_ml_yr", "small New Zealand cohort"),
        ),
        (65.0, 140.0),
        "Janus's 317 mL/yr came from 69 ZZ people followed 1970–83 (how they were "
        "found is not stated in the abstract; selection may explain part of the gap); "
        "the band follows the population registry.",
        fitted_parameter="smoker_burst_factor",
        kind="fitted",
    ),
    CalibrationTarget(
        "ZZ former smoker (quit at 40)",
        "ZZ",
        {"smoking": "former", "quit_age": 40},
        (_pub("decline_zz_former_ml_yr", "ex-smokers, any quit age"),),
        (30.0, 60.0),
        "Also: below the current smoker and within 10 mL/yr of the ZZ never-smoker.",
    ),
    CalibrationTarget(
        "MZ never-smoker",
        "MZ",
        {"smoking": "never"},
        (),
        (None, None),
        "No clear difference from MM in mean FEV1 (hersh2004).",
        rule_text="within 5 mL/yr of the MM never-smoker",
        rule=lambda v: abs(v - decline_ml_per_year("MM")) <= 5.0,
    ),
    CalibrationTarget(
        "Q0Q0 never-smoker",
        "Q0Q0",
        {"smoking": "never"},
        (),
        (None, None),
        "No AAT at all.",
        rule_text="at least the ZZ never-smoker",
        rule=lambda v: v >= decline_ml_per_year("ZZ"),
    ),
    CalibrationTarget(
        "MZ current smoker",
        "MZ",
        {"smoking": "current"},
        (),
        (None, None),
        "In a family study MZ carriers had more COPD than MM, an excess absent in "
        "never-smokers and larger in ever-smokers (molloy2014). The model has no term for "
        "this: its MZ smoker declines like an MM smoker, so it cannot show that MZ risk is "
        "mainly a smoking risk.",
        kind="limitation",
        rule_text="within 2 mL/yr of the MM current smoker (the model's limitation)",
        rule=lambda v: abs(v - decline_ml_per_year("MM", smoking="current")) <= 2.0,
    ),
    CalibrationTarget(
        "ZZ never-smoker, augmentation from 40",
        "ZZ",
        {"smoking": "never", "augmentation_start_age": 40},
        (),
        (None, None),
        "No trial measured an FEV1 effect; RAPID measured CT lung density, whose loss was "
        "about a third slower with treatment (chapman2015). The default removes a third of "
        "the excess; figures draw the range 0 to one half.",
        fitted_parameter="augmentation_fev1_fraction",
        kind="assumption",
        rule_text="removes 1/4 to 1/2 of the excess over the MM never-smoker",
        rule=_augmentation_removes_quarter_to_half,
    ),
)


def calibration_table() -> list[dict]:
    """Model beside every published decline: one dict per :data:`CALIBRATION_TARGETS`.

    Keys: ``label``, ``model_ml_per_year``, ``published`` (tuple as in the target),
    ``band`` (low, high) or ``(None, None)``, ``rule_text``, ``within_band`` (bool: the
    band or the rule is met), ``note``, ``fitted_parameter``, ``kind``.
    """
    rows = []
    for t in CALIBRATION_TARGETS:
        value = t.model_ml_per_year()
        low, high = t.band
        # a row has a rule exactly when it has no band (checked in __post_init__)
        ok = bool(t.rule(value)) if t.rule is not None else bool(low <= value <= high)
        rows.append(
            {
                "label": t.label,
                "model_ml_per_year": value,
                "published": t.published,
                "band": t.band,
                "rule_text": t.rule_text,
                "within_band": ok,
                "note": t.note,
                "fitted_parameter": t.fitted_parameter,
                "kind": t.kind,
            }
        )
    return rows
