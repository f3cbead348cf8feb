"""Graded variants (tools/graded_variants.py): two seeds, two variants, answers from aatd."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

from aatd import genetics, kinetics, lung, population, therapy, units

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import graded_variants as gv  # noqa: E402


def recompute(v: dict):
    """The answer to a variant, straight from aatd's public functions and constants."""
    p = v["params"]
    if v["varies"] == "ex-04-1":
        k = kinetics.K_ASS_PER_M_S
        return [
            1000 * math.log(2) / (k["M"] * p["mm_elf_uM"] * 1e-6),
            1000 * math.log(2) / (k["Z"] * p["zz_elf_uM"] * 1e-6),
        ]
    if v["varies"] == "ex-04-2":
        return p["non_smoker_uM"] / (1 - kinetics.SMOKER_OXIDISED_FRACTION)
    if v["varies"] == "ex-04-3":
        return kinetics.exposure_bend_uM(burst_nM=p["burst_factor"] * kinetics.STANDARD_BURST_NM)
    if v["varies"] == "ex-02-ms-mz":
        chances = genetics.offspring(p["parent_a"], p["parent_b"])
        low = units.PROTECTIVE_THRESHOLD_UM
        return {
            "chances": chances,
            "below_threshold": sorted(g for g in chances if genetics.serum_aat(g).low_uM < low),
        }
    if v["varies"] == "quit-age":
        traj = lung.fev1_trajectory("ZZ", smoking="former", quit_age=p["quit_age"], ages=[p["age"]])
        return float(traj.percent_of_age25[0])
    if v["varies"] == "ex-01-4":
        # one for one: each puff's elastase is trapped while AAT lasts
        return [max(0, n * p["puff"] - p["aat_molecules"]) for n in (1, 2, 3)]
    if v["varies"] == "ex-03-3":
        k = kinetics.K_ASS_PER_M_S
        return p["mm_elf_uM"] * k["M"] / k["Z"]
    if v["varies"] == "ex-06-1":
        from aatd.plots import lungdisease

        return [
            p["years"] * lungdisease.decline_ml_per_year("General population", "never"),
            p["years"] * lungdisease.decline_ml_per_year("PiZZ (Sweden)", "current"),
        ]
    if v["varies"] == "ex-07-1":
        return 100 * genetics.protein_shares(p["genotype"])[p["allele"]]
    if v["varies"] == "ex-08-3":
        return units.mg_dl_to_uM(p["report_mg_dl"], "old_commercial")
    if v["varies"] == "ex-09-3":
        return lung.decline_ml_per_year("ZZ", aat_uM=p["low_uM"]) - lung.decline_ml_per_year(
            "ZZ", aat_uM=p["high_uM"]
        )
    if v["varies"] in ("ex-treatment-1", "ex-treatment-3"):
        regimen = {"dose_mg_per_kg": p["dose_mg_per_kg"], "interval_days": p["interval_days"]}
        if v["varies"] == "ex-treatment-1":
            return therapy.steady_trough_uM("ZZ", **regimen)
        return therapy.days_above_after_dose("ZZ", **regimen)
    if v["varies"] == "ex-treatment-2":
        curve = therapy.augmentation_serum(
            "ZZ", dose_mg_per_kg=p["dose_mg_per_kg"], missed_doses=(p["missed_dose"],)
        )
        return curve.days_below()
    if v["varies"] == "ex-families-1":
        # Hardy-Weinberg straight from the allele frequencies
        return population.genotype_frequencies(z=p["z"], s=p["s"])[p["genotype"]] * 100_000
    if v["varies"] == "ex-families-2":
        kids = genetics.offspring(p["parent_a"], p["parent_b"])
        return [kids.get("ZZ", 0.0), kids.get("MZ", 0.0)]
    if v["varies"] == "ex-families-3":
        zz = population.genotype_frequencies(z=p["z"], s=p["s"])["ZZ"] * p["population"]
        return zz * (1 - p["diagnosed_share"])
    raise AssertionError(f"no recomputation for {v['varies']}")


def _close(a, b) -> bool:
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9)


def test_every_chapter_with_checks_has_a_variant():
    from aatd.checks import EXERCISES, exercise

    exercise("ex-04-1")  # loads every chapter's check module
    chapters = {ex_id.split("-")[1] for ex_id in EXERCISES}
    assert len(chapters) >= 2, "positive control: chapters register exercises"
    # numbered chapters by their number ("04-..." -> "04"), the others by their slug
    varied = {v.chapter.split("-")[0] for v in gv.make_variants(1)}
    assert chapters - {"05"} <= varied, f"chapters without a variant: {chapters - varied}"


def test_two_seeds_give_two_variants_with_aatd_answers(tmp_path):
    sheets = []
    for seed in (11, 2027):
        folder = gv.write(seed, tmp_path)
        sheet = json.loads((folder / "answers.json").read_text())
        assert sheet["seed"] == seed
        for v in sheet["variants"]:
            assert _close(v["answer"], recompute(v)), (seed, v["varies"])
        exercises = (folder / "exercises.md").read_text()
        assert all(v["statement"] in exercises for v in sheet["variants"])
        assert "answer" not in exercises.lower().replace("answer sheet", "")
        sheets.append(sheet)
    params = [[v["params"] for v in s["variants"]] for s in sheets]
    assert params[0] != params[1], "two seeds gave the same numbers"
    assert gv.make_variants(11) == gv.make_variants(11), "a seed gives the same variant again"


def test_a_wrong_answer_is_caught():
    """Positive control: the recomputation disagrees with a tampered answer."""
    v = json.loads(json.dumps(gv.make_variants(5)[2].__dict__))  # ex-04-2
    v["answer"] *= 1.01
    assert not _close(v["answer"], recompute(v))


def test_variants_avoid_the_public_numbers():
    for seed in range(40):
        by_id = {v.varies: v.params for v in gv.make_variants(seed)}
        assert by_id["ex-04-1"] != {"mm_elf_uM": 3.7, "zz_elf_uM": 1.4}
        assert by_id["ex-04-3"]["burst_factor"] != 2.0
        assert by_id["ex-06-1"]["years"] != 20
        assert (by_id["ex-01-4"]["aat_molecules"], by_id["ex-01-4"]["puff"]) != (100, 40)
        assert by_id["ex-08-3"]["report_mg_dl"] != 40.0
        assert (by_id["ex-09-3"]["low_uM"], by_id["ex-09-3"]["high_uM"]) != (3.4, 7.0)
        assert {by_id["ex-02-ms-mz"]["parent_a"], by_id["ex-02-ms-mz"]["parent_b"]} != {
            "MS",
            "MZ",
        }
        assert (
            by_id["ex-treatment-1"]["dose_mg_per_kg"],
            by_id["ex-treatment-1"]["interval_days"],
        ) != (120, 14)
        assert (
            by_id["ex-treatment-2"]["dose_mg_per_kg"],
            by_id["ex-treatment-2"]["missed_dose"],
        ) != (60, 5)
        assert (
            by_id["ex-treatment-3"]["dose_mg_per_kg"],
            by_id["ex-treatment-3"]["interval_days"],
        ) != (250, 28)
        presets = {(r.z, r.s) for r in population.PRESETS.values()}
        for ex in ("ex-families-1", "ex-families-3"):
            assert (by_id[ex]["z"], by_id[ex]["s"]) not in presets
            assert 0 <= by_id[ex]["z"] <= 0.1 and 0 <= by_id[ex]["s"] <= 0.1
        assert {by_id["ex-families-2"]["parent_a"], by_id["ex-families-2"]["parent_b"]} != {
            "MZ",
            "SZ",
        }
        assert (
            by_id["ex-families-3"]["population"],
            by_id["ex-families-3"]["diagnosed_share"],
        ) != (1_000_000, 0.10)


@pytest.mark.parametrize("seed", ["7", 1.5, True])
def test_a_bad_seed_is_refused(seed):
    with pytest.raises(ValueError, match="seed must be an integer"):
        gv.make_variants(seed)
