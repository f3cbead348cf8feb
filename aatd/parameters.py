"""Every parameter of the AATD model, in one visible table.

Each :class:`Parameter` has a value, a unit, a source (a bibtex key of
``book/references.bib``, or ``""``) and a *status*:

``sourced``
    taken from a published measurement (the source key says which);
``derived``
    arithmetic from sourced values (the note shows the arithmetic);
``fitted``
    chosen so that the model meets a published target (the note names the target);
``illustrative``
    no source: chosen to make the model explainable; changing it changes the pictures,
    not the teaching point;
``assumption``
    no measurement exists to fit: a stated assumption with a range (``allowed_range``)
    that the evidence allows; figures draw the whole range, not only the default.

``aatd.kinetics`` and ``aatd.lung`` read their numbers from here, and the book page
"The model" prints this table, so the code and the page cannot drift apart.
Serum levels by genotype and the allele secretion shares live in ``aatd.genetics``
(``brantly1991``, ``lomas1992``).
"""

from __future__ import annotations

import math

from . import evidence, units

# The Parameter record and the number formatter live in aatd._parameter (re-exported here).
from ._parameter import STATUSES, Parameter, format_value  # noqa: F401

# Mulgrew 2004: lining fluid (ELF) and serum AAT of PiMM and PiZZ groups (aatd.evidence).
# serum 10 µM). One fraction for both: the geometric mean of the two ratios.
_ELF_FRACTION = round(
    math.sqrt(
        (evidence.value("elf_aat_MM_uM") / evidence.value("serum_aat_MM_uM"))
        * (evidence.value("elf_aat_ZZ_uM") / evidence.value("serum_aat_ZZ_uM"))
    ),
    4,
)


def _ev(name: str) -> str:
    """A published value for a note, e.g. ``"70"`` (:func:`format_value`)."""
    return format_value(evidence.value(name))


#: The Lung Health Study's continuing smokers, women–men (mL/yr), for notes.
_LHS_RANGE = (
    f"{evidence.value('decline_lhs_women_ml_yr'):.0f}–{evidence.value('decline_lhs_men_ml_yr'):.0f}"
)


def _ratio_percent(genotype: str) -> str:
    elf, serum = (
        evidence.value(f"elf_aat_{genotype}_uM"),
        evidence.value(f"serum_aat_{genotype}_uM"),
    )
    return f"{format_value(elf)}/{format_value(serum)} = {100 * elf / serum:.2g}%"


PARAMETERS: tuple[Parameter, ...] = (
    # ---- kinetics: reaction rates -------------------------------------------------
    Parameter(
        "k_ass_M",
        evidence.value("k_ass_M_per_M_s"),
        "M⁻¹ s⁻¹",
        "ogushi1987",
        "sourced",
        "Association rate constant of M-AAT with neutrophil elastase (9.7 ± 0.4 × 10⁶).",
        r"k_\mathrm{M}",
    ),
    Parameter(
        "k_ass_S",
        evidence.value("k_ass_S_per_M_s"),
        "M⁻¹ s⁻¹",
        "cook1996",
        "sourced",
        "Association rate constant of S-AAT with neutrophil elastase.",
        r"k_\mathrm{S}",
    ),
    Parameter(
        "k_ass_Z",
        evidence.value("k_ass_Z_per_M_s"),
        "M⁻¹ s⁻¹",
        "ogushi1987",
        "sourced",
        "Association rate constant of Z-AAT with neutrophil elastase (4.5 ± 0.3 × 10⁶): "
        "about 2× slower than M.",
        r"k_\mathrm{Z}",
    ),
    Parameter(
        "stoichiometry",
        1.0,
        "mol AAT per mol elastase",
        "kramps1987",
        "sourced",
        "AAT is a serpin: each molecule is used up in one covalent complex.",
        r"1{:}1",
    ),
    # ---- serum -> lung lining fluid ------------------------------------------------
    Parameter(
        "elf_fraction",
        _ELF_FRACTION,
        "ELF µM per serum µM",
        "mulgrew2004",
        "fitted",
        "Active AAT in epithelial lining fluid as one fraction of serum: the geometric "
        f"mean of Mulgrew's PiMM ({_ratio_percent('MM')}) and PiZZ ({_ratio_percent('ZZ')}) "
        "ratios. "
        "A simplification: the two measured ratios differ, and they are antigen, "
        "not activity.",
        r"f_\mathrm{ELF}",
        fitted_to="Mulgrew 2004 lining-fluid/serum ratios: "
        f"MM {_ratio_percent('MM').split(' = ')[1]}, ZZ {_ratio_percent('ZZ').split(' = ')[1]}",
    ),
    Parameter(
        "smoker_oxidised_fraction",
        evidence.value("smoker_inhibitory_capacity_loss"),
        "fraction of lining-fluid AAT",
        "carp1982",
        "sourced",
        "Smokers' lavage has about "
        f"{evidence.value('smoker_inhibitory_capacity_loss'):.0%} less elastase-inhibitory "
        "capacity (oxidised "
        "Met358). Oxidised AAT reacts >2000× slower (Beatty 1980), so the model treats "
        "it as inactive.",
        r"x_\mathrm{ox}",
    ),
    # ---- one neutrophil burst -------------------------------------------------------
    Parameter(
        "standard_burst_nM",
        975.0,
        "nM (lining fluid)",
        "stoller2012",
        "fitted",
        "Free elastase released by one standard burst into the local lining fluid. "
        "Calibrated so that the bend of the exposure curve (lining-fluid active AAT = "
        "burst) sits at the clinical 11 µM serum threshold for a non-smoker: "
        "0.0886 × 11 µM ≈ 975 nM. It is a calibration, not a measurement.",
        r"E_0",
        fitted_to="bend of the exposure curve at the 11 µM serum threshold",
    ),
    Parameter(
        "k_clear",
        0.2,
        "s⁻¹",
        "",
        "illustrative",
        "First-order removal of free elastase by every route except AAT (binding to "
        "tissue, other inhibitors, uptake by cells). Chosen much slower than inhibition "
        "by AAT (about 30 s⁻¹ in MM lining fluid), so surplus elastase lingers for "
        "seconds once AAT is used up; this is what makes the bend sharp.",
        r"k_\mathrm{clear}",
    ),
    # ---- lifetime lung function ------------------------------------------------------
    Parameter(
        "peak_fev1_l",
        4.0,
        "L",
        "",
        "illustrative",
        "FEV1 at its peak (age 25) with no damage. Results are read as % of the value "
        "at 25, as Fletcher & Peto did, so the choice does not change the teaching.",
        r"F_\mathrm{peak}",
    ),
    Parameter(
        "peak_age_years",
        25.0,
        "years",
        "fletcher1977",
        "illustrative",
        "Age at which the lung stops growing (mid-20s); Fletcher & Peto express FEV1 "
        "as % of the value at 25.",
        r"a_\mathrm{peak}",
    ),
    Parameter(
        "birth_fev1_fraction",
        0.15,
        "of peak",
        "",
        "illustrative",
        "Starting point of the smooth growth curve (age 0).",
        r"g_0",
    ),
    Parameter(
        "ageing_ml_per_year",
        30.8,
        "mL/yr",
        "oelsner2020",
        "fitted",
        "Normal ageing decline after the peak. Fitted so an MM never-smoker declines "
        f"about {_ev('decline_general_never_ml_yr')} mL/yr at 40–60 (general population, "
        "Oelsner 2020).",
        r"r_\mathrm{age}",
        fitted_to=f"MM never-smoker {_ev('decline_general_never_ml_yr')} mL/yr (Oelsner 2020)",
    ),
    Parameter(
        "smoking_ml_per_year",
        18.5,
        "mL/yr",
        "lunghealth2002",
        "fitted",
        "Extra decline from smoking itself, independent of AAT. Fitted with the burst "
        "factor so an MM current smoker declines about 50 mL/yr (between Oelsner's "
        f"{_ev('decline_general_current_ml_yr')} and the Lung Health Study's {_LHS_RANGE}).",
        r"r_\mathrm{smoke}",
        fitted_to="MM current smoker ~50 mL/yr (Oelsner 2020: "
        f"{_ev('decline_general_current_ml_yr')}; Lung Health Study: {_LHS_RANGE})",
    ),
    Parameter(
        "growth_exponent",
        1.5,
        "",
        "",
        "illustrative",
        "Shape of the growth curve before the peak: H = F_peak·(1 − (1 − g0)·"
        "(1 − a/25)^n). With n = 1.5 the lung is still growing in the early 20s.",
        r"n",
    ),
    Parameter(
        "damage_start_age_years",
        18.0,
        "years",
        "",
        "illustrative",
        "Smoking and elastase damage are counted from 18 (the model describes adult "
        "lungs; current smokers smoke from 18).",
        r"a_0",
    ),
    Parameter(
        "bursts_per_year",
        1000.0,
        "bursts/yr",
        "",
        "illustrative",
        "Standard bursts per year in a non-smoker's lung. Only its product with the "
        "damage coefficient matters, and that coefficient is fitted.",
        r"B",
    ),
    Parameter(
        "smoker_burst_factor",
        1.9,
        "×",
        "hiller2019",
        "fitted",
        "Smoking recruits neutrophils: bursts per year are multiplied by this factor "
        "while a person smokes. Fitted so a ZZ current smoker declines about 85 "
        f"mL/yr (Hiller 2019: {_ev('decline_zz_current_ml_yr')}; Janus 1985's small New "
        f"Zealand cohort: {_ev('decline_zz_smokers_janus_ml_yr')}).",
        r"m_\mathrm{smoke}",
        fitted_to="ZZ current smoker ~85 mL/yr (Hiller 2019: "
        f"{_ev('decline_zz_current_ml_yr')}; Janus 1985: {_ev('decline_zz_smokers_janus_ml_yr')})",
    ),
    Parameter(
        "damage_ml_per_nM_s",
        5.25e-6,
        "mL of FEV1 per (nM·s) of exposure",
        "hiller2019",
        "fitted",
        "Elastin damage per unit of free-elastase exposure. Fitted so a ZZ "
        f"never-smoker declines about 45 mL/yr (Hiller 2019: {_ev('decline_zz_never_ml_yr')}; "
        f"NHLBI registry: {_ev('decline_zz_registry_ml_yr')}).",
        r"\alpha",
        fitted_to=f"ZZ never-smoker ~45 mL/yr (Hiller 2019: {_ev('decline_zz_never_ml_yr')}; "
        f"NHLBI registry: {_ev('decline_zz_registry_ml_yr')})",
    ),
    Parameter(
        "fev1_floor_l",
        0.3,
        "L",
        "",
        "illustrative",
        "FEV1 approaches this floor smoothly instead of reaching zero; the model says "
        "nothing about survival at such low values.",
        r"F_\mathrm{min}",
    ),
    Parameter(
        "fev1_floor_softness_l",
        0.05,
        "L",
        "",
        "illustrative",
        "Width of the smooth bend by which FEV1 meets its floor (a softplus of this "
        "width); it only shapes the curve near the floor.",
        r"w_\mathrm{floor}",
    ),
    Parameter(
        "augmentation_trough_uM",
        round(
            float(
                units.mg_dl_to_uM(
                    evidence.value("augmentation_trough_mg_dl"), standard="old_commercial"
                )
            ),
            2,
        ),
        "µM",
        "wewers1987",
        "derived",
        f"Trough serum AAT during weekly augmentation: {_ev('augmentation_trough_mg_dl')} "
        "mg/dL (Wewers 1987; the "
        "abstract does not state the assay standard). Assumption: read on the old "
        "commercial standard, × 11/80 µM per mg/dL. The model holds serum AAT at this "
        "trough (a conservative level) from the start age; the infused protein is M.",
        r"s_\mathrm{aug}",
    ),
    Parameter(
        "augmentation_fev1_fraction",
        1.0 / 3.0,
        "of the deficiency-related excess decline",
        "chapman2015",
        "assumption",
        "Share of the deficiency-related excess FEV1 decline (the person's elastase damage "
        "minus an MM person's in the same smoking state) that augmentation removes while "
        "it is given. An assumption: the RAPID trial measured CT lung density, whose loss "
        "was about a third slower with treatment, and showed no FEV1 or survival benefit; no "
        "trial gives an FEV1 effect to fit. Figures draw the whole range 0 to 1/2.",
        r"f_\mathrm{aug}",
        allowed_range=(0.0, 0.5),
    ),
    Parameter(
        "model_end_percent_of_age25",
        15.0,
        "% of the age-25 FEV1",
        "",
        "illustrative",
        "Where the model's range ends: each curve stops with a marker when FEV1 reaches "
        "this share of its age-25 value, and rates over spans that reach it are reported "
        "as not meaningful. The model says nothing about symptoms or survival at such "
        "low values; this is the model's limit, not a clinical threshold.",
        r"p_\mathrm{end}",
    ),
)

_BY_NAME = {p.name: p for p in PARAMETERS}


def get(name: str) -> Parameter:
    """The :class:`Parameter` called ``name`` (``ValueError`` if there is none)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown parameter {name!r}; known: {', '.join(_BY_NAME)}") from None


def value(name: str) -> float:
    """The value of the parameter called ``name``."""
    return get(name).value


def to_markdown(cite: bool = True) -> str:
    """The table as a MyST ``list-table`` (``{cite}`` roles for sources when ``cite``).

    Columns: symbol, value with unit, status (with the fitted target), source, and what
    it is (ending with the code name used in ``aatd``).
    """
    lines = [
        "```{list-table}",
        ":header-rows: 1",
        ":widths: 8 16 20 16 40",
        ":class: model-parameters",
        "",
        "* - Symbol",
        "  - Value",
        "  - Status",
        "  - Source",
        "  - What it is",
    ]
    for p in PARAMETERS:
        src = (f"{{cite}}`{p.source_key}`" if cite else p.source_key) if p.source_key else "—"
        sym = f"${p.symbol}$" if p.symbol else "—"
        unit = f" {p.unit}" if p.unit else ""
        status = f"**{p.status}** to: {p.fitted_to}" if p.fitted_to else f"**{p.status}**"
        if p.allowed_range:
            lo, hi = p.allowed_range
            status += f"; range {format_value(lo)}–{format_value(hi)}"
        lines += [
            f"* - {sym}",
            f"  - {format_value(p.value)}{unit}",
            f"  - {status}",
            f"  - {src}",
            f"  - {p.note} Code name: `{p.name}`.",
        ]
    lines.append("```")
    return "\n".join(lines)
