"""Every published number the course uses, once: value, unit, bibliography key and use.

This module is the model layer's record of the literature. A *published* number (a
measurement, a cohort mean, a guideline threshold) lives here and nowhere else in
``aatd``; the parameter table (:mod:`aatd.parameters`), the model modules, the figures, the
explorers, the quiz answers and the book pages read it by name with :func:`value`.
Model constants that are *not* published numbers (fitted, derived, illustrative,
assumption) live in :mod:`aatd.parameters`, which cites the entries it is built from.

Each :class:`Evidence` row names its source as a key of ``book/references.bib`` (the tests
check that every key resolves) and says what the course uses it for. The book page "The
model" prints :func:`to_markdown`.

To prove there is one source, ``tests/test_single_source.py`` changes one value here (the
11 µM threshold) in a fresh interpreter and checks that a figure, an explorer's grid and a
quiz answer all change with it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """One published number: ``value`` in ``unit`` from ``source_key``, used for ``use``."""

    name: str
    value: float
    unit: str
    source_key: str
    use: str

    def __post_init__(self) -> None:
        if not self.source_key:
            raise ValueError(f"evidence {self.name!r} needs a bibliography key")
        if not self.use:
            raise ValueError(f"evidence {self.name!r} needs a use")


def _e(name: str, value: float, unit: str, source_key: str, use: str) -> Evidence:
    return Evidence(name, float(value), unit, source_key, use)


#: All published numbers, grouped by topic in chapter order.
EVIDENCE_ROWS: tuple[Evidence, ...] = (
    # ---- thresholds and units (chapters 2, 4, 8) -----------------------------------
    _e(
        "protective_threshold_uM",
        11.0,
        "µM serum",
        "stoller2012",
        "protective serum threshold: figures, explorers, burst calibration, quizzes",
    ),
    _e(
        "protective_threshold_old_standard_mg_dl",
        80.0,
        "mg/dL (old commercial standard)",
        "ogushi1987",
        "the same threshold on the older commercial standard: unit conversion",
    ),
    _e(
        "aat_molecular_mass_kda",
        52.0,
        "kDa",
        "brantly1991",
        "µM ↔ mg/dL by molecular mass (purified standard)",
    ),
    # ---- the protein (chapter 1) ---------------------------------------------------
    _e(
        "half_life_dog_M_hours",
        71.0,
        "h",
        "moser1978",
        "circulating half-life of injected human M protein in dogs: turnover examples",
    ),
    _e(
        "half_life_dog_Z_hours",
        80.0,
        "h",
        "moser1978",
        "circulating half-life of injected human Z protein in dogs: turnover examples",
    ),
    # ---- genetics (chapter 2) ------------------------------------------------------
    _e(
        "z_secretion_fraction",
        0.15,
        "of M",
        "lomas1992",
        "share of Z protein secreted: protein shares, serum of Z genotypes, liver figure",
    ),
    # Brantly 1991, 5th–95th percentile serum AAT, purified standard.
    *(
        _e(
            f"serum_{g}_{end}_uM",
            v,
            "µM serum",
            "brantly1991",
            f"{'5th' if end == 'low' else '95th'} percentile serum AAT of {g}: genotype ranges",
        )
        for g, lo, hi in (
            ("MM", 20.0, 53.0),
            ("MS", 18.0, 52.0),
            ("SS", 20.0, 48.0),
            ("MZ", 15.0, 42.0),
            ("SZ", 10.0, 23.0),
            ("ZZ", 3.4, 7.0),
        )
        for end, v in (("low", lo), ("high", hi))
    ),
    # ---- kinetics and the lung's lining fluid (chapters 3, 4) ------------------------
    _e(
        "k_ass_M_per_M_s",
        9.7e6,
        "M⁻¹ s⁻¹",
        "ogushi1987",
        "association rate constant of M-AAT with neutrophil elastase",
    ),
    _e(
        "k_ass_S_per_M_s",
        8.6e6,
        "M⁻¹ s⁻¹",
        "cook1996",
        "association rate constant of S-AAT with neutrophil elastase",
    ),
    _e(
        "k_ass_Z_per_M_s",
        4.5e6,
        "M⁻¹ s⁻¹",
        "ogushi1987",
        "association rate constant of Z-AAT with neutrophil elastase",
    ),
    _e(
        "smoker_inhibitory_capacity_loss",
        0.40,
        "fraction of lavage inhibitory capacity",
        "carp1982",
        "share of lining-fluid AAT oxidised in smokers (treated as inactive)",
    ),
    _e("elf_aat_MM_uM", 3.7, "µM lining fluid", "mulgrew2004", "PiMM lining-fluid AAT; ELF fit"),
    _e("serum_aat_MM_uM", 66.0, "µM serum", "mulgrew2004", "serum of the same PiMM group"),
    _e("elf_aat_ZZ_uM", 1.4, "µM lining fluid", "mulgrew2004", "PiZZ lining-fluid AAT; ELF fit"),
    _e("serum_aat_ZZ_uM", 10.0, "µM serum", "mulgrew2004", "serum of the same PiZZ group"),
    _e(
        "elastase_kda",
        29.0,
        "kDa",
        "netechdata",
        "molecular mass of neutrophil elastase: molecules per cell",
    ),
    _e(
        "elastase_pg_per_neutrophil",
        1.59,
        "pg per cell",
        "damiano1988",
        "elastase stored in one neutrophil",
    ),
    # ---- lung disease: FEV1 decline (chapters 5, 6, model validation) -----------------
    _e(
        "decline_general_never_ml_yr",
        31.0,
        "mL/yr",
        "oelsner2020",
        "general-population never-smokers",
    ),
    _e(
        "decline_general_former_ml_yr",
        35.0,
        "mL/yr",
        "oelsner2020",
        "general-population former smokers",
    ),
    _e(
        "decline_general_current_ml_yr",
        40.0,
        "mL/yr",
        "oelsner2020",
        "general-population current smokers",
    ),
    _e(
        "decline_lhs_women_ml_yr",
        54.2,
        "mL/yr",
        "lunghealth2002",
        "continuing smokers, women (Lung Health Study)",
    ),
    _e(
        "decline_lhs_men_ml_yr",
        66.1,
        "mL/yr",
        "lunghealth2002",
        "continuing smokers, men (Lung Health Study)",
    ),
    _e(
        "decline_zz_never_ml_yr",
        32.0,
        "mL/yr",
        "hiller2019",
        "PiZZ never-smokers, Swedish register",
    ),
    _e("decline_zz_former_ml_yr", 42.0, "mL/yr", "hiller2019", "PiZZ ex-smokers, Swedish register"),
    _e(
        "decline_zz_current_ml_yr",
        70.0,
        "mL/yr",
        "hiller2019",
        "PiZZ current smokers, Swedish register",
    ),
    _e(
        "decline_zz_registry_ml_yr",
        54.0,
        "mL/yr",
        "registry1998",
        "PiZZ, NHLBI registry, mixed smoking",
    ),
    _e(
        "decline_zz_smokers_janus_ml_yr",
        317.0,
        "mL/yr",
        "janus1985",
        "PiZZ smokers, small New Zealand cohort",
    ),
    _e(
        "dyspnoea_onset_zz_smokers_years",
        32.0,
        "years",
        "janus1985",
        "onset of breathlessness, ZZ smokers",
    ),
    _e(
        "dyspnoea_onset_zz_nonsmokers_years",
        51.0,
        "years",
        "janus1985",
        "onset of breathlessness, ZZ non-smokers",
    ),
    # ---- liver (chapter 7) ----------------------------------------------------------
    _e(
        "cirrhosis_odds_ratio_zz", 8.3, "odds ratio", "elzouki1996", "ZZ adult autopsies: cirrhosis"
    ),
    _e(
        "hcc_odds_ratio_zz",
        5.0,
        "odds ratio",
        "elzouki1996",
        "ZZ adult autopsies: hepatocellular carcinoma",
    ),
    _e("sveger_piz_infants", 120.0, "infants", "sveger1976", "PiZ infants followed from birth"),
    _e(
        "sveger_prolonged_jaundice",
        14.0,
        "infants",
        "sveger1976",
        "PiZ infants with prolonged jaundice",
    ),
    _e(
        "sveger_clinical_liver_signs",
        22.0,
        "infants",
        "sveger1976",
        "PiZ infants with clinical liver signs",
    ),
    _e(
        "sveger_no_disease_3_months",
        84.0,
        "infants",
        "sveger1976",
        "PiZ infants without clinical liver disease, tested at 3 months",
    ),
    _e(
        "sveger_abnormal_3_months",
        44.0,
        "infants",
        "sveger1976",
        "of those, abnormal liver tests at 3 months",
    ),
    _e(
        "sveger_no_disease_6_months",
        60.0,
        "infants",
        "sveger1976",
        "PiZ infants without clinical liver disease, tested at 6 months",
    ),
    _e(
        "sveger_abnormal_6_months",
        36.0,
        "infants",
        "sveger1976",
        "of those, abnormal liver tests at 6 months",
    ),
    _e(
        "aatd_liver_transplants",
        1677.0,
        "transplants",
        "chu2016",
        "US transplants for AATD liver disease",
    ),
    _e(
        "aatd_transplant_adult_share",
        0.772,
        "fraction",
        "chu2016",
        "adults among those transplants",
    ),
    # ---- diagnosis and care: augmentation (chapter 8, lung model) -----------------------
    _e(
        "augmentation_before_mg_dl",
        30.0,
        "mg/dL serum",
        "wewers1987",
        "serum AAT before augmentation",
    ),
    _e(
        "augmentation_trough_mg_dl",
        126.0,
        "mg/dL serum",
        "wewers1987",
        "weekly trough on 60 mg/kg: figure and the model's augmented serum level",
    ),
    _e("augmentation_elf_before_uM", 0.46, "µM lining fluid", "wewers1987", "lining fluid before"),
    _e("augmentation_elf_on_uM", 1.89, "µM lining fluid", "wewers1987", "lining fluid on therapy"),
)

#: The rows by name.
EVIDENCE: dict[str, Evidence] = {e.name: e for e in EVIDENCE_ROWS}
if len(EVIDENCE) != len(EVIDENCE_ROWS):  # pragma: no cover - a typo guard at import
    raise ValueError("duplicate evidence names")


def get(name: str) -> Evidence:
    """The :class:`Evidence` row called ``name`` (``ValueError`` naming it if unknown)."""
    try:
        return EVIDENCE[name]
    except KeyError:
        raise ValueError(f"unknown evidence {name!r}; known: {', '.join(EVIDENCE)}") from None


def value(name: str) -> float:
    """The published value called ``name``, in its :attr:`Evidence.unit`."""
    return get(name).value


def source(name: str) -> str:
    """The bibliography key of the published value called ``name``."""
    return get(name).source_key


def to_markdown(cite: bool = True) -> str:
    """Every row as a MyST ``list-table``: value with unit, source, use, code name."""
    from ._parameter import format_value

    lines = [
        "```{list-table}",
        ":header-rows: 1",
        ":widths: 18 22 40 20",
        ":class: evidence-table",
        "",
        "* - Value",
        "  - Source",
        "  - Used for",
        "  - Code name",
    ]
    for e in EVIDENCE_ROWS:
        src = f"{{cite}}`{e.source_key}`" if cite else e.source_key
        lines += [
            f"* - {format_value(e.value)} {e.unit}",
            f"  - {src}",
            f"  - {e.use}",
            f"  - `{e.name}`",
        ]
    lines.append("```")
    return "\n".join(lines)
