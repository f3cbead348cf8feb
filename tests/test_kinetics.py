"""Tests of aatd.kinetics (elastase against AAT after one burst) and model parameters.

Published numbers: k_ass (ogushi1987, cook1996), lining-fluid AAT (mulgrew2004), smokers'
oxidised AAT (carp1982). Half-times must come out in the right order of magnitude; the bend
of the exposure curve must come from the kinetics and move with the burst and smoking; the
closed form must agree with a tight solve_ivp reference.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aatd import genetics, kinetics, parameters, units

ROOT = Path(__file__).resolve().parents[1]
GENOTYPES = genetics.all_genotypes()
genotypes = st.sampled_from(GENOTYPES)
serum_levels = st.floats(min_value=0.0, max_value=1e4, allow_nan=False)
bursts = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


# ---------------------------------------------------------------- half-times
def test_half_time_mm_is_milliseconds():
    t = kinetics.inhibition_half_time_s("MM")
    assert 0.005 <= t <= 0.040, t


def test_half_time_zz_is_tenths_of_a_second():
    t = kinetics.inhibition_half_time_s("ZZ")
    assert 0.050 <= t <= 0.400, t


def test_half_time_order_and_smoking():
    mm, mz, zz = (kinetics.inhibition_half_time_s(g) for g in ("MM", "MZ", "ZZ"))
    assert mm < mz < zz
    # smoking leaves 60% of the lining-fluid AAT active: 1/0.6 times slower
    ratio = kinetics.inhibition_half_time_s("MM", smoker=True) / mm
    assert ratio == pytest.approx(1 / 0.6)
    assert kinetics.inhibition_half_time_s("Q0Q0") == math.inf


def test_half_time_matches_classroom_formula():
    # t½ = ln 2 / (k·I0) with I0 = f_ELF · serum (derived in the fact sheet from ogushi1987)
    k = 9.7e6
    i0_molar = kinetics.ELF_FRACTION * 30.0e-6
    assert kinetics.inhibition_half_time_s(aat_uM=30.0) == pytest.approx(
        math.log(2) / (k * i0_molar)
    )


def test_half_time_array_shape():
    t = kinetics.inhibition_half_time_s("MM", aat_uM=np.array([[0.0, 10.0], [20.0, 40.0]]))
    assert t.shape == (2, 2) and t[0, 0] == math.inf and t[1, 1] < t[1, 0] < t[0, 1]


# ---------------------------------------------------------------- rate constants
def test_rate_constants_weighted_by_serum_share():
    k_mm, k_mz, k_zz = (kinetics.k_ass_per_M_s(g) for g in ("MM", "MZ", "ZZ"))
    assert k_mm == pytest.approx(9.7e6) and k_zz == pytest.approx(4.5e6)
    assert k_zz / k_mm == pytest.approx(0.46, abs=0.02)  # Z reacts about 2x slower
    # an MZ person's serum is mostly M protein, so k is much closer to M than the midpoint
    assert k_mz > (k_mm + k_zz) / 2
    share_m = genetics.protein_shares("MZ")["M"]
    assert k_mz == pytest.approx(share_m * k_mm + (1 - share_m) * k_zz)
    assert kinetics.k_ass_per_M_s("SS") == pytest.approx(8.6e6)
    assert kinetics.k_ass_per_M_s(None) == k_mm  # aat_uM alone means M protein


def test_lining_fluid_level_and_smoking():
    # one fitted fraction between Mulgrew's MM (5.6%) and ZZ (14%) ratios
    assert 3.7 / 66 < kinetics.ELF_FRACTION < 1.4 / 10
    i_ns = kinetics.lining_fluid_active_aat_nM(10.0)
    i_s = kinetics.lining_fluid_active_aat_nM(10.0, smoker=True)
    assert i_s == pytest.approx(0.6 * i_ns)


# ---------------------------------------------------------------- exposure
def test_exposure_orders_genotypes():
    e = {g: kinetics.elastase_exposure(g) for g in ("MM", "MZ", "SZ", "ZZ", "Q0Q0")}
    assert e["MM"] < e["MZ"] < e["SZ"] < e["ZZ"] < e["Q0Q0"]
    # ZZ lungs see tens of times the exposure of MM lungs after the same burst
    assert e["ZZ"] / e["MM"] > 20


def test_exposure_without_inhibitor_is_burst_over_clearance():
    assert kinetics.elastase_exposure("Q0Q0") == pytest.approx(
        kinetics.STANDARD_BURST_NM / kinetics.K_CLEAR_PER_S
    )


def test_exposure_scalar_and_array():
    assert isinstance(kinetics.elastase_exposure("MM"), float)
    assert isinstance(kinetics.elastase_exposure("MM", aat_uM=12), float)
    levels = np.linspace(0, 60, 200).reshape(20, 10)
    out = kinetics.elastase_exposure("MZ", aat_uM=levels)
    assert out.shape == (20, 10)
    # the scalar path (pure floats) and the array path compute the same closed form
    scalars = [kinetics.elastase_exposure("MZ", aat_uM=x) for x in levels.flat]
    assert np.allclose(out.ravel(), scalars, rtol=1e-12, atol=0)


def test_aat_uM_overrides_level_but_keeps_genotype_kinetics():
    same_level_mm = kinetics.elastase_exposure("MM", aat_uM=4.9)
    same_level_zz = kinetics.elastase_exposure("ZZ", aat_uM=4.9)
    assert same_level_zz == kinetics.elastase_exposure("ZZ")
    assert same_level_mm != same_level_zz  # Z protein reacts slower
    assert kinetics.elastase_exposure(aat_uM=4.9) == same_level_mm


def _grid():
    return np.concatenate([[0.0, 1e-3, 0.1], np.linspace(1, 60, 14), [80, 150, 300, 1e3]])


@pytest.mark.parametrize(
    "genotype,smoker,burst",
    [
        ("MM", False, None),
        ("ZZ", False, None),
        ("MZ", True, None),
        ("SZ", True, None),
        ("MM", False, 2 * kinetics.STANDARD_BURST_NM),
        ("ZZ", True, 0.25 * 975.0),
        (None, False, 1e5),
        (None, True, 1.0),
    ],
)
def test_closed_form_agrees_with_solve_ivp_within_one_percent(genotype, smoker, burst):
    levels = _grid()
    fast = kinetics.elastase_exposure(genotype, aat_uM=levels, smoker=smoker, burst_nM=burst)
    ref = kinetics.reference_exposure(genotype, aat_uM=levels, smoker=smoker, burst_nM=burst)
    rel = np.abs(fast - ref) / ref
    assert rel.max() <= 0.01, (levels[np.argmax(rel)], rel.max())


def test_reference_is_independent_and_tight():
    # the reference integrates the ODEs: a looser solve drifts, the tight one does not
    loose = kinetics.reference_exposure("MM", aat_uM=11.0, rtol=1e-3)
    tight = kinetics.reference_exposure("MM", aat_uM=11.0)
    exact = kinetics.elastase_exposure("MM", aat_uM=11.0)
    assert abs(tight / exact - 1) < 1e-6
    assert abs(loose / exact - 1) > abs(tight / exact - 1)


# ---------------------------------------------------------------- the bend
def _max_curvature_uM(burst=None, smoker=False, genotype=None):
    levels = np.linspace(0.0, 80.0, 3201)
    u = kinetics.elastase_exposure(genotype, aat_uM=levels, smoker=smoker, burst_nM=burst)
    return levels[1 + np.argmax(np.diff(u, 2))]


def test_standard_bend_is_calibrated_near_the_clinical_threshold():
    # a calibration: the standard burst was chosen so that this holds (stoller2012)
    bend = kinetics.exposure_bend_uM()
    assert bend == pytest.approx(units.PROTECTIVE_THRESHOLD_UM, rel=0.05)


@pytest.mark.parametrize(
    "burst,smoker", [(None, False), (None, True), (1950.0, False), (487.5, False), (1950.0, True)]
)
def test_bend_is_where_the_exposure_curve_bends(burst, smoker):
    """The reported bend agrees with the sharpest turn of the exposure curve itself."""
    bend = kinetics.exposure_bend_uM(smoker=smoker, burst_nM=burst)
    sharpest = _max_curvature_uM(burst, smoker)
    assert 0.8 * bend <= sharpest <= 1.02 * bend
    # below the bend exposure climbs along (E0 − I0)/k_clear; well above it stays small
    e_below = kinetics.elastase_exposure(aat_uM=0.5 * bend, smoker=smoker, burst_nM=burst)
    e_above = kinetics.elastase_exposure(aat_uM=2.0 * bend, smoker=smoker, burst_nM=burst)
    assert e_below > 10 * e_above


def test_bend_moves_with_burst_size():
    b1 = kinetics.exposure_bend_uM()
    b2 = kinetics.exposure_bend_uM(burst_nM=2 * kinetics.STANDARD_BURST_NM)
    assert b2 == pytest.approx(2 * b1)
    assert _max_curvature_uM(2 * kinetics.STANDARD_BURST_NM) > 1.5 * _max_curvature_uM()


def test_smokers_bend_sits_at_a_higher_serum_level():
    b_ns = kinetics.exposure_bend_uM()
    b_s = kinetics.exposure_bend_uM(smoker=True)
    assert b_s == pytest.approx(b_ns / 0.6)
    assert _max_curvature_uM(smoker=True) > 1.4 * _max_curvature_uM()


def test_bend_does_not_depend_on_protein_kind():
    assert kinetics.exposure_bend_uM("ZZ") == kinetics.exposure_bend_uM("MM")


# ---------------------------------------------------------------- one burst in time
def test_simulate_burst_time_course():
    b = kinetics.simulate_burst("MM")
    assert b.t_s[0] == 0 and np.all(np.diff(b.t_s) > 0)
    assert b.t_s.shape == b.free_elastase_nM.shape == b.active_aat_nM.shape
    assert b.free_elastase_nM[0] == kinetics.STANDARD_BURST_NM
    assert b.active_aat_nM[0] == pytest.approx(
        kinetics.lining_fluid_active_aat_nM(genetics.serum_aat("MM").typical_uM)
    )
    assert np.all(np.diff(b.free_elastase_nM) <= 1e-6)
    assert np.all(np.diff(b.active_aat_nM) <= 1e-6)
    # the integral of the time course is the closed-form exposure
    area = np.trapezoid(b.free_elastase_nM, b.t_s)
    assert area == pytest.approx(kinetics.elastase_exposure("MM"), rel=0.02)


def test_simulate_burst_one_to_one_and_exhaustion():
    mm = kinetics.simulate_burst("MM")
    zz = kinetics.simulate_burst("ZZ")
    # MM lining fluid has more AAT than the burst: AAT is left over, elastase is gone fast
    assert mm.active_aat_nM[-1] == pytest.approx(mm.active_aat_nM[0] - mm.burst_nM, rel=0.02)
    # ZZ: the burst uses up the inhibitor and free elastase lingers
    assert zz.active_aat_nM[-1] < 0.01 * zz.active_aat_nM[0]
    at_1s = np.searchsorted(zz.t_s, 1.0)
    assert zz.free_elastase_nM[at_1s] > 100 * mm.free_elastase_nM[at_1s]
    # AAT consumed never exceeds elastase removed (1:1; the rest is clearance)
    used_aat = zz.active_aat_nM[0] - zz.active_aat_nM
    gone_elastase = zz.free_elastase_nM[0] - zz.free_elastase_nM
    assert np.all(used_aat <= gone_elastase + 1e-6)


# ---------------------------------------------------------------- properties
@settings(max_examples=150, deadline=None)
@given(genotypes, serum_levels, st.booleans(), bursts)
def test_scalar_and_array_paths_agree(g, a, smoker, burst):
    one = kinetics.elastase_exposure(g, aat_uM=a, smoker=smoker, burst_nM=burst)
    arr = kinetics.elastase_exposure(g, aat_uM=np.array([a]), smoker=smoker, burst_nM=burst)
    assert one == pytest.approx(arr[0], rel=1e-12, abs=1e-300)


@settings(max_examples=150, deadline=None)
@given(genotypes, serum_levels, serum_levels, st.booleans(), bursts)
def test_exposure_nonnegative_and_nonincreasing_in_serum(g, a, b, smoker, burst):
    lo, hi = sorted((a, b))
    e_lo, e_hi = kinetics.elastase_exposure(
        g, aat_uM=np.array([lo, hi]), smoker=smoker, burst_nM=burst
    )
    assert e_lo >= 0 and e_hi >= 0
    assert e_hi <= e_lo * (1 + 1e-12) + 1e-300


@settings(max_examples=100, deadline=None)
@given(genotypes, serum_levels, bursts, bursts)
def test_exposure_grows_with_burst_and_smoking(g, a, b1, b2):
    small, big = sorted((b1, b2))
    e_small = kinetics.elastase_exposure(g, aat_uM=a, burst_nM=small)
    e_big = kinetics.elastase_exposure(g, aat_uM=a, burst_nM=big)
    assert e_big >= e_small * (1 - 1e-12)
    assert kinetics.elastase_exposure(g, aat_uM=a, smoker=True, burst_nM=small) >= (
        e_small * (1 - 1e-12)
    )


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["MM", "ZZ", "SZ"]), st.floats(min_value=0.0, max_value=400.0), st.booleans()
)
def test_exposure_matches_reference_anywhere(g, a, smoker):
    fast = kinetics.elastase_exposure(g, aat_uM=a, smoker=smoker)
    ref = kinetics.reference_exposure(g, aat_uM=a, smoker=smoker)
    assert abs(fast - ref) <= 0.01 * ref


@settings(max_examples=100, deadline=None)
@given(genotypes, genotypes)
def test_offspring_sums_to_one_and_matches_mendel(a, b):
    kids = genetics.offspring(a, b)
    assert sum(kids.values()) == pytest.approx(1.0)
    assert all(0 < p <= 1 for p in kids.values())
    # Mendel: each parent passes each of its alleles with chance 1/2, so the expected
    # number of copies of an allele in a child is the parents' average count
    for allele in genetics.ALLELES:
        expected = (genetics.alleles_of(a).count(allele) + genetics.alleles_of(b).count(allele)) / 2
        got = sum(p * genetics.alleles_of(child).count(allele) for child, p in kids.items())
        assert got == pytest.approx(expected)
    # every child carries one allele of each parent
    for child in kids:
        ca, cb = genetics.alleles_of(child)
        pa, pb = genetics.alleles_of(a), genetics.alleles_of(b)
        assert (ca in pa and cb in pb) or (cb in pa and ca in pb)


def test_offspring_classic_crosses():
    assert genetics.offspring("MZ", "MZ") == pytest.approx({"MM": 0.25, "MZ": 0.5, "ZZ": 0.25})
    assert genetics.offspring("ZZ", "MM") == {"MZ": 1.0}


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "func", [kinetics.elastase_exposure, kinetics.inhibition_half_time_s, kinetics.simulate_burst]
)
def test_unknown_genotype(func):
    with pytest.raises(ValueError, match="'XY'"):
        func("XY")


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf"), -np.inf])
@pytest.mark.parametrize(
    "func", [kinetics.elastase_exposure, kinetics.inhibition_half_time_s, kinetics.simulate_burst]
)
def test_bad_serum_level(func, bad):
    with pytest.raises(ValueError, match=r"aat_uM.*" + re.escape(repr(bad))):
        func("MM", aat_uM=bad)


def test_bad_level_inside_array_is_named():
    with pytest.raises(ValueError, match=r"aat_uM.*-3\.0"):
        kinetics.elastase_exposure("MM", aat_uM=np.array([1.0, -3.0, 5.0]))
    with pytest.raises(ValueError, match="aat_uM"):
        kinetics.elastase_exposure("MM", aat_uM="lots")


@pytest.mark.parametrize(
    "func", [kinetics.elastase_exposure, kinetics.inhibition_half_time_s, kinetics.simulate_burst]
)
def test_neither_genotype_nor_level(func):
    with pytest.raises(ValueError, match=r"genotype.*aat_uM"):
        func()


@pytest.mark.parametrize("bad", [-5.0, float("nan"), float("inf")])
def test_bad_burst(bad):
    with pytest.raises(ValueError, match="burst_nM"):
        kinetics.elastase_exposure("MM", burst_nM=bad)
    with pytest.raises(ValueError, match="burst_nM"):
        kinetics.exposure_bend_uM(burst_nM=bad)


def test_bad_smoker_flag_and_array_to_simulate():
    with pytest.raises(ValueError, match=r"smoker.*'yes'"):
        kinetics.elastase_exposure("MM", smoker="yes")
    with pytest.raises(ValueError, match="one serum level"):
        kinetics.simulate_burst("MM", aat_uM=[1.0, 2.0])
    with pytest.raises(ValueError, match="'QQ'"):
        kinetics.exposure_bend_uM("QQ")


# ---------------------------------------------------------------- the parameter table
def test_parameter_table_is_complete_and_sourced():
    bib = (ROOT / "book" / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    names = [p.name for p in parameters.PARAMETERS]
    assert len(names) == len(set(names))
    for p in parameters.PARAMETERS:
        assert p.status in parameters.STATUSES
        assert p.unit is not None and p.note
        if p.status in ("sourced", "derived"):
            assert p.source_key, p.name
        if p.source_key:
            assert p.source_key in keys, p.source_key
        assert bool(p.fitted_to) == (p.status == "fitted"), p.name


def test_modules_read_their_numbers_from_the_table():
    assert kinetics.K_ASS_PER_M_S["Z"] == parameters.value("k_ass_Z")
    assert parameters.value("standard_burst_nM") == kinetics.STANDARD_BURST_NM
    assert parameters.value("augmentation_trough_uM") == pytest.approx(17.3, abs=0.05)
    with pytest.raises(ValueError, match="'nope'"):
        parameters.get("nope")
    with pytest.raises(ValueError, match="'guessed'"):
        parameters.Parameter("x", 1.0, "", "", "guessed", "note")
    with pytest.raises(ValueError, match="fitted_to"):
        parameters.Parameter("x", 1.0, "", "", "fitted", "note")
    md = parameters.to_markdown()
    assert md.count("\n* - ") == len(parameters.PARAMETERS) + 1
    assert md.count("{cite}`") == sum(bool(p.source_key) for p in parameters.PARAMETERS)
