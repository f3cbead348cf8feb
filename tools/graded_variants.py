"""Graded variants: the chapters' computational exercises with an instructor's own numbers.

    python3 tools/graded_variants.py --seed 2027        # -> editions/variants/seed-2027/

writes ``exercises.md`` (hand it out) and ``answers.json`` / ``answers.md`` (keep it). The
numbers come from ``random.Random(seed)``, so a seed is a private key: the public solutions
answer the public numbers, not these, and the same seed gives the same variant again. Every
answer is computed by ``aatd`` (the model functions and the chapters' check modules), so an
answer sheet cannot drift from the model the students use. Instructor-only; nothing in
``aatd`` imports it.

Each variant is a function ``(rng) -> Variant`` in ``VARIANTS``, keyed by the public exercise
it varies; it draws its parameters, never the public exercise's own numbers.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "editions" / "variants"


@dataclass(frozen=True)
class Variant:
    """One varied exercise: its statement, the drawn parameters and the computed answer."""

    chapter: str
    varies: str  # the public exercise id it varies
    statement: str
    params: dict
    answer: object
    unit: str


def _pick(rng: random.Random, choices, avoid=()):
    options = [c for c in choices if c not in avoid]
    return options[rng.randrange(len(options))]


def half_times(rng: random.Random) -> Variant:
    from aatd.checks import elastase_vs_antitrypsin as ex04

    mm_um = _pick(rng, [round(2.0 + 0.1 * i, 1) for i in range(31)], avoid=[3.7])
    zz_um = _pick(rng, [round(0.6 + 0.1 * i, 1) for i in range(15)], avoid=[1.4])
    from aatd import kinetics

    k = kinetics.K_ASS_PER_M_S
    answer = (ex04._half_time_ms(k["M"], mm_um), ex04._half_time_ms(k["Z"], zz_um))
    return Variant(
        "04-elastase-vs-antitrypsin",
        "ex-04-1",
        f"Lining fluid holds {mm_um} µM AAT in an MM person and {zz_um} µM in a ZZ person. "
        "With the chapter's rate constants, what is the inhibition half-time of each, in ms? "
        "Give (MM, ZZ).",
        {"mm_elf_uM": mm_um, "zz_elf_uM": zz_um},
        answer,
        "ms",
    )


def smoker_serum(rng: random.Random) -> Variant:
    from aatd import kinetics

    level_um = _pick(rng, [8, 9, 10, 12, 13, 14, 15, 16, 18, 20])
    return Variant(
        "04-elastase-vs-antitrypsin",
        "ex-04-2",
        f"A non-smoker has {level_um} µM serum AAT. With the chapter's oxidised share in "
        "smokers, what serum level (µM) gives a smoker the same active AAT?",
        {"non_smoker_uM": level_um},
        level_um / (1 - kinetics.SMOKER_OXIDISED_FRACTION),
        "µM",
    )


def burst_bend(rng: random.Random) -> Variant:
    from aatd import kinetics

    factor = _pick(rng, [1.5, 2.5, 3.0, 4.0, 0.5], avoid=[2.0])
    return Variant(
        "04-elastase-vs-antitrypsin",
        "ex-04-3",
        f"Make each burst {factor} times the standard burst. Where does the model's exposure "
        "curve bend now (serum µM)? Use `kinetics.exposure_bend_uM`.",
        {"burst_factor": factor},
        kinetics.exposure_bend_uM(burst_nM=factor * kinetics.STANDARD_BURST_NM),
        "µM",
    )


def couple(rng: random.Random) -> Variant:
    from aatd import genetics, units

    genotypes = [g for g in genetics.COMMON_GENOTYPES if g != "Q0Q0"]
    while True:
        a, b = _pick(rng, genotypes), _pick(rng, genotypes)
        if {a, b} != {"MS", "MZ"} and {a, b} != {"MZ"}:  # the public exercise and example
            break
    chances = genetics.offspring(a, b)
    below = sorted(
        g for g in chances if genetics.serum_aat(g).low_uM < units.PROTECTIVE_THRESHOLD_UM
    )
    return Variant(
        "02-genes-and-inheritance",
        "ex-02-ms-mz",
        f"One parent is {a} and the other {b}. List every genotype their children could have, "
        "with its chance. Which have a serum range reaching below 11 µM?",
        {"parent_a": a, "parent_b": b},
        {"chances": chances, "below_threshold": below},
        "",
    )


def quit_age(rng: random.Random) -> Variant:
    from aatd import lung

    while True:
        quit_at = _pick(rng, range(28, 58), avoid=[34, 35, 40, 44, 55])
        age = _pick(rng, [55, 60, 65, 70])
        value = float(
            lung.fev1_trajectory(
                "ZZ", smoking="former", quit_age=quit_at, ages=[age]
            ).percent_of_age25[0]
        )
        if age > quit_at and math.isfinite(value):
            break
    return Variant(
        "06-lung-damage-over-a-lifetime",
        "quit-age",
        f"In the lung model, a ZZ person smokes from 18 and stops at {quit_at}. What percentage "
        f"of the age-25 FEV1 is left at age {age}? Use `lung.fev1_trajectory`.",
        {"quit_age": quit_at, "age": age},
        value,
        "% of age-25 FEV1",
    )


def losses_over_years(rng: random.Random) -> Variant:
    from aatd.plots import lungdisease

    years = _pick(rng, [10, 12, 15, 18, 25, 30], avoid=[20])
    general = float(lungdisease.decline_ml_per_year("General population", "never"))
    pizz = float(lungdisease.decline_ml_per_year("PiZZ (Sweden)", "current"))
    return Variant(
        "06-lung-damage-over-a-lifetime",
        "ex-06-1",
        f"Over {years} years, how much FEV1 (mL) does a general-population never-smoker lose, "
        "and a PiZZ current smoker, at the published yearly rates of the chapter's table? "
        "Give (never-smoker, PiZZ smoker).",
        {"years": years},
        (years * general, years * pizz),
        "mL",
    )


def z_share(rng: random.Random) -> Variant:
    from aatd import genetics

    genotype, allele = _pick(rng, [("SZ", "Z"), ("SZ", "S"), ("MS", "S"), ("MZ", "M")])
    return Variant(
        "07-liver-and-skin",
        "ex-07-1",
        f"What percentage of the AAT in the blood of a person with {genotype} is {allele} "
        "protein, with the chapter's secretion shares?",
        {"genotype": genotype, "allele": allele},
        100 * float(genetics.protein_shares(genotype)[allele]),
        "%",
    )


def old_report(rng: random.Random) -> Variant:
    from aatd import units

    report = _pick(rng, [30.0, 35.0, 45.0, 50.0, 60.0, 70.0, 90.0, 110.0])
    return Variant(
        "08-diagnosis-and-care",
        "ex-08-3",
        f"A report reads {report:g} mg/dL on the older commercial standard. What is that in µM?",
        {"report_mg_dl": report},
        float(units.mg_dl_to_uM(report, "old_commercial")),
        "µM",
    )


def zz_spread(rng: random.Random) -> Variant:
    from aatd import lung

    low = _pick(rng, [2.5, 3.0, 4.0, 4.5], avoid=[3.4])
    high = _pick(rng, [5.5, 6.0, 6.5, 8.0], avoid=[7.0])
    rate = [float(lung.decline_ml_per_year("ZZ", smoking="never", aat_uM=x)) for x in (low, high)]
    return Variant(
        "09-case-studies",
        "ex-09-3",
        f"In the lung model, how much faster (mL/yr, ages 40-60) does a ZZ never-smoker with "
        f"{low} µM serum AAT decline than one with {high} µM?",
        {"low_uM": low, "high_uM": high},
        rate[0] - rate[1],
        "mL/yr",
    )


def puffs(rng: random.Random) -> Variant:
    from aatd.plots import protein

    aat = _pick(rng, [60, 80, 120, 150, 200], avoid=[100])
    step = _pick(rng, [25, 30, 35, 50, 60], avoid=[40])
    totals = (step, 2 * step, 3 * step)
    return Variant(
        "01-the-protein",
        "ex-01-4",
        f"{aat} AAT molecules meet elastase in three puffs of {step} molecules each. How many "
        "elastase molecules are free after each puff? Give three numbers.",
        {"aat_molecules": aat, "puff": step},
        tuple(float(protein.titration(aat, n)[1]) for n in totals),
        "molecules",
    )


def z_level_for_half_time(rng: random.Random) -> Variant:
    from aatd import kinetics

    mm_um = _pick(rng, [round(2.0 + 0.2 * i, 1) for i in range(16)], avoid=[3.7])
    k = kinetics.K_ASS_PER_M_S
    return Variant(
        "03-protease-balance",
        "ex-03-3",
        f"An MM lining fluid holds {mm_um} µM AAT. What level of Z protein (µM) would give the "
        "same inhibition half-time, with the chapter's rate constants?",
        {"mm_elf_uM": mm_um},
        mm_um * k["M"] / k["Z"],
        "µM",
    )


def biweekly_trough(rng: random.Random) -> Variant:
    from aatd import therapy

    dose, interval = _pick(
        rng,
        [(d, i) for d in (80, 90, 100, 140, 150, 180, 200) for i in (10, 14, 21)],
        avoid=[(120, 14)],
    )
    return Variant(
        "treatment",
        "ex-treatment-1",
        f"A ZZ person is given {dose} mg/kg of AAT every {interval} days. What is the "
        "steady-state trough (µM) in the chapter's model? Use `therapy.steady_trough_uM`.",
        {"dose_mg_per_kg": dose, "interval_days": interval},
        therapy.steady_trough_uM("ZZ", dose_mg_per_kg=dose, interval_days=interval),
        "µM",
    )


def missed_dose(rng: random.Random) -> Variant:
    from aatd import therapy

    dose = _pick(rng, [50, 55, 65, 70, 75], avoid=[60])
    missed = _pick(rng, range(2, 8), avoid=[5])
    curve = therapy.augmentation_serum("ZZ", dose_mg_per_kg=dose, missed_doses=(missed,))
    return Variant(
        "treatment",
        "ex-treatment-2",
        f"A ZZ person on {dose} mg/kg weekly misses dose number {missed} (dose 1 is the one of "
        "day 0) in an 8-week window. For how many days of the window is serum AAT below "
        "11 µM? Use `therapy.augmentation_serum(...).days_below()`.",
        {"dose_mg_per_kg": dose, "missed_dose": missed},
        curve.days_below(),
        "days",
    )


def days_above(rng: random.Random) -> Variant:
    from aatd import therapy

    dose, interval = _pick(
        rng,
        [(d, i) for d in (150, 180, 200, 220, 250, 280, 300) for i in (21, 28)],
        avoid=[(250, 28)],
    )
    return Variant(
        "treatment",
        "ex-treatment-3",
        f"A ZZ person is given {dose} mg/kg every {interval} days. For how many days after a "
        "steady-state dose does serum AAT stay above 11 µM in the chapter's model? Use "
        "`therapy.days_above_after_dose`.",
        {"dose_mg_per_kg": dose, "interval_days": interval},
        therapy.days_above_after_dose("ZZ", dose_mg_per_kg=dose, interval_days=interval),
        "days",
    )


#: allele frequencies a variant draws from (z, s in 0-0.1, never a preset's own)
_Z_GRID = [0.004, 0.006, 0.008, 0.01, 0.012, 0.016, 0.02, 0.025, 0.03]
_S_GRID = [0.01, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1]


def _alleles(rng: random.Random) -> tuple[float, float]:
    from aatd import population

    presets = {(p.z, p.s) for p in population.PRESETS.values()}
    while True:
        z, s = _pick(rng, _Z_GRID), _pick(rng, _S_GRID)
        if (z, s) not in presets:
            return z, s


def genotype_per_100k(rng: random.Random) -> Variant:
    from aatd import population

    z, s = _alleles(rng)
    genotype = _pick(rng, ["SZ", "ZZ", "MZ", "SS"])
    return Variant(
        "families",
        "ex-families-1",
        f"A region has Z allele frequency {z} and S allele frequency {s}. Under "
        f"Hardy–Weinberg, how many {genotype} people are expected per 100,000?",
        {"z": z, "s": s, "genotype": genotype},
        population.per_100k(z=z, s=s)[genotype],
        "people per 100,000",
    )


def sibling(rng: random.Random) -> Variant:
    from aatd import population

    # the public exercise (MZ × SZ) and its named slip (MZ × MZ) left out
    pairs = [p for p in population.parents_of_zz() if p not in {("MZ", "SZ"), ("MZ", "MZ")}]
    a, b = _pick(rng, pairs)
    chances = population.sibling_chances(a, b)
    return Variant(
        "families",
        "ex-families-2",
        f"A ZZ proband's parents are {a} and {b}. What is the chance that a full sibling is "
        "ZZ, and that they are MZ? Give (chance ZZ, chance MZ).",
        {"parent_a": a, "parent_b": b},
        (chances["ZZ"], chances["MZ"]),
        "",
    )


def undiagnosed_zz(rng: random.Random) -> Variant:
    from aatd import population

    z, s = _alleles(rng)
    size = _pick(rng, population.POPULATION_SIZES, avoid=[1_000_000])
    share = _pick(rng, population.DIAGNOSED_SHARES, avoid=[0.10])
    zz = population.expected_counts(z=z, s=s, population=size)["ZZ"]
    return Variant(
        "families",
        "ex-families-3",
        f"A population of {size:,} people has Z allele frequency {z} and S allele frequency "
        f"{s}. If {100 * share:g}% of its ZZ people are diagnosed, how many ZZ people are "
        "expected not to know?",
        {"z": z, "s": s, "population": size, "diagnosed_share": share},
        population.undiagnosed(zz, share),
        "people",
    )


#: public exercise (or topic) -> variant maker, in chapter order
VARIANTS: dict[str, Callable[[random.Random], Variant]] = {
    "ex-01-4": puffs,
    "ex-02-ms-mz": couple,
    "ex-03-3": z_level_for_half_time,
    "ex-04-1": half_times,
    "ex-04-2": smoker_serum,
    "ex-04-3": burst_bend,
    "ex-06-1": losses_over_years,
    "06-quit-age": quit_age,
    "ex-07-1": z_share,
    "ex-08-3": old_report,
    "ex-09-3": zz_spread,
    # the unnumbered chapters last, so the numbered chapters' draws per seed are unchanged
    "ex-treatment-1": biweekly_trough,
    "ex-treatment-2": missed_dose,
    "ex-treatment-3": days_above,
    "ex-families-1": genotype_per_100k,
    "ex-families-2": sibling,
    "ex-families-3": undiagnosed_zz,
}


def make_variants(seed: int) -> list[Variant]:
    """The variant of every exercise in ``VARIANTS`` for ``seed`` (an int)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    rng = random.Random(seed)
    return [make(rng) for make in VARIANTS.values()]


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, tuple | list):
        if not value:
            return "none"
        return "(" + ", ".join(_fmt(v) for v in value) + ")"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fmt(v)}" for k, v in value.items())
    return str(value)


def write(seed: int, out: Path = OUT) -> Path:
    """Write the exercises and the answer sheet for ``seed``; returns the folder."""
    variants = make_variants(seed)
    folder = out / f"seed-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["# Graded exercises", ""]
    answers = ["# Answer sheet (keep private)", "", f"Seed {seed}; computed by `aatd`.", ""]
    for n, v in enumerate(variants, 1):
        lines += [f"{n}. ({v.chapter}) {v.statement}", ""]
        answers += [f"{n}. ({v.varies}) {_fmt(v.answer)} {v.unit}".rstrip(), ""]
    (folder / "exercises.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "answers.md").write_text("\n".join(answers), encoding="utf-8")
    sheet = {"seed": seed, "variants": [asdict(v) for v in variants]}
    (folder / "answers.json").write_text(json.dumps(sheet, indent=1), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True, help="your private integer")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    print(f"wrote {write(args.seed, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
