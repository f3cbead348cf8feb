"""Unit tests for aatd.genetics and aatd.units: published numbers, inheritance, bad input."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aatd import genetics, units

ALL = genetics.all_genotypes()

# Brantly et al. 1991 (Chest, PMID 1889260), 5th-95th percentiles on the purified
# standard, µM: the fact sheet's table "Serum AAT by genotype" (brantly1991).
BRANTLY_1991_UM = {
    "MM": (20, 53),
    "MS": (18, 52),
    "SS": (20, 48),
    "MZ": (15, 42),
    "SZ": (10, 23),
    "ZZ": (3.4, 7.0),
}


# --- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, expected",
    [
        ("zm", "MZ"),
        ("MZ", "MZ"),
        ("ZM", "MZ"),
        (" z m ", "MZ"),
        ("PiZZ", "ZZ"),
        ("piSz", "SZ"),
        ("q0z", "ZQ0"),
        ("Q0Q0", "Q0Q0"),
        ("sm", "MS"),
    ],
)
def test_parse_is_case_and_order_insensitive(code, expected):
    assert genetics.parse_genotype(code) == expected


@pytest.mark.parametrize("bad", ["", "M", "MMM", "MX", "XX", "Q", "Q1Q0", "ZQ", "M Z S"])
def test_unknown_genotype_is_refused_by_name(bad):
    with pytest.raises(ValueError) as info:
        genetics.parse_genotype(bad)
    message = str(info.value)
    assert repr(bad) in message
    for allele in genetics.ALLELES:
        assert allele in message  # the message lists what is allowed


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["M", "Z"], b"MZ"])
def test_non_string_genotype_is_refused(bad):
    with pytest.raises(ValueError, match="genotype"):
        genetics.parse_genotype(bad)


@pytest.mark.parametrize("func", [genetics.serum_aat, genetics.protein_shares, genetics.alleles_of])
def test_every_genotype_function_refuses_unknown_codes(func):
    with pytest.raises(ValueError, match="'MX'"):
        func("MX")


def test_ten_genotypes_from_four_alleles():
    assert len(ALL) == 10
    assert len(set(ALL)) == 10
    assert set(genetics.COMMON_GENOTYPES) <= set(ALL)
    for g in ALL:
        assert genetics.parse_genotype(g) == g  # canonical codes round-trip


@given(st.sampled_from(genetics.ALLELES), st.sampled_from(genetics.ALLELES))
def test_parse_any_allele_pair_in_either_order(a, b):
    assert genetics.parse_genotype(a + b) == genetics.parse_genotype(b.lower() + a.lower())
    assert sorted(genetics.alleles_of(a + b)) == sorted([a, b])


# --- serum levels ------------------------------------------------------------------


@pytest.mark.parametrize("genotype, low_high", sorted(BRANTLY_1991_UM.items()))
def test_serum_ranges_equal_brantly_1991(genotype, low_high):
    r = genetics.serum_aat(genotype)
    assert (r.low_uM, r.high_uM) == pytest.approx(low_high)
    assert r.low_uM < r.typical_uM < r.high_uM
    assert r.status == "sourced"
    assert r.genotype == genotype


def test_typical_level_is_geometric_mean_of_the_range():
    r = genetics.serum_aat("ZZ")
    assert r.typical_uM == pytest.approx(math.sqrt(3.4 * 7.0), abs=0.05)


def test_zz_is_below_and_mz_above_the_protective_threshold():
    threshold = units.PROTECTIVE_THRESHOLD_UM
    assert threshold == 11.0
    assert genetics.serum_aat("ZZ").high_uM < threshold
    assert genetics.serum_aat("MZ").low_uM > threshold
    sz = genetics.serum_aat("SZ")
    assert sz.low_uM < threshold < sz.high_uM  # SZ straddles the threshold


def test_null_alleles_derived_levels():
    assert genetics.serum_aat("Q0Q0").high_uM == 0.0
    zq0 = genetics.serum_aat("ZQ0")
    assert zq0.status == "derived"
    assert zq0.low_uM == pytest.approx(3.4 / 2) and zq0.high_uM == pytest.approx(7.0 / 2)
    assert genetics.serum_aat("ZQ0").high_uM < genetics.serum_aat("ZZ").low_uM * 1.1


def test_levels_fall_from_mm_to_null():
    order = ["MM", "MZ", "SZ", "ZZ", "ZQ0", "Q0Q0"]
    typical = [genetics.serum_aat(g).typical_uM for g in order]
    assert typical == sorted(typical, reverse=True)


def test_mz_serum_is_mostly_m_protein():
    shares = genetics.protein_shares("MZ")
    assert sum(shares.values()) == pytest.approx(1.0)
    # Z is secreted at about 15% of M (lomas1992): roughly 85:15, not 50:50.
    assert 0.80 < shares["M"] < 0.90
    assert shares["Z"] == pytest.approx(0.15 / 1.15)
    assert genetics.protein_shares("ZQ0") == {"Z": 1.0}
    assert genetics.protein_shares("Q0Q0") == {}


# --- inheritance -------------------------------------------------------------------


def test_mz_times_mz_gives_one_quarter_one_half_one_quarter():
    assert genetics.offspring("MZ", "MZ") == {"MM": 0.25, "MZ": 0.5, "ZZ": 0.25}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("MM", "ZZ", {"MZ": 1.0}),
        ("MZ", "ZZ", {"MZ": 0.5, "ZZ": 0.5}),
        ("MS", "MZ", {"MM": 0.25, "MS": 0.25, "MZ": 0.25, "SZ": 0.25}),
        ("ZQ0", "MZ", {"MZ": 0.25, "MQ0": 0.25, "ZZ": 0.25, "ZQ0": 0.25}),
        ("ZZ", "ZZ", {"ZZ": 1.0}),
        ("Q0Q0", "MM", {"MQ0": 1.0}),
    ],
)
def test_offspring_of_known_couples(a, b, expected):
    assert genetics.offspring(a, b) == expected


@pytest.mark.parametrize("a, b", list(itertools.product(ALL, repeat=2)))
def test_offspring_sums_to_one_and_matches_the_punnett_square(a, b):
    chances = genetics.offspring(a, b)
    assert sum(chances.values()) == pytest.approx(1.0)
    assert all(p in (0.25, 0.5, 0.75, 1.0) for p in chances.values())
    square = genetics.punnett_square(a, b)
    assert len(square) == 2 and all(len(row) == 2 for row in square)
    counted: dict[str, Fraction] = {}
    for row in square:
        for child in row:
            counted[child] = counted.get(child, Fraction(0)) + Fraction(1, 4)
    assert {g: float(p) for g, p in counted.items()} == chances
    # a child's alleles: one from each parent
    for i, x in enumerate(genetics.alleles_of(a)):
        for j, y in enumerate(genetics.alleles_of(b)):
            assert sorted(genetics.alleles_of(square[i][j])) == sorted([x, y])
    # order of the parents does not change the chances
    assert genetics.offspring(b, a) == chances


def test_offspring_accepts_any_spelling_and_refuses_unknown():
    assert genetics.offspring("zm", "PiMZ") == genetics.offspring("MZ", "MZ")
    with pytest.raises(ValueError, match="'MY'"):
        genetics.offspring("MY", "MZ")
    with pytest.raises(ValueError, match="'ZZZ'"):
        genetics.punnett_square("MM", "ZZZ")


# --- units -------------------------------------------------------------------------


def test_threshold_is_about_57_mg_dl_by_mass_and_80_on_the_old_standard():
    assert units.uM_to_mg_dl(11) == pytest.approx(57.2, abs=0.05)
    assert units.uM_to_mg_dl(11, standard="old_commercial") == pytest.approx(80.0)
    assert units.PROTECTIVE_THRESHOLD_OLD_STANDARD_MG_DL == 80.0
    # the two standards differ by about 40%: why the unit and standard must be stated
    ratio = units.uM_to_mg_dl(11, "old_commercial") / units.uM_to_mg_dl(11)
    assert 1.35 < ratio < 1.45


def test_purified_conversion_matches_the_published_factor():
    # 1 mg/dL = 0.184 µM (jama2018; some sources 0.185)
    assert units.mg_dl_to_uM(1.0) == pytest.approx(0.19, abs=0.01)
    assert units.mg_dl_to_uM(1.0) == pytest.approx(1 / 5.2)
    # 1 mg/mL = 100 mg/dL
    assert units.mg_ml_to_uM(1.0) == pytest.approx(units.mg_dl_to_uM(100.0))


def test_arrays_convert_elementwise():
    levels = np.array([0.0, 5.0, 11.0, 30.0])
    out = units.uM_to_mg_dl(levels)
    assert isinstance(out, np.ndarray) and out.shape == levels.shape
    assert out == pytest.approx(levels * 5.2)
    assert units.mg_dl_to_uM(out) == pytest.approx(levels)


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.sampled_from(units.STANDARDS),
)
def test_conversion_round_trips(level_uM, standard):
    back = units.mg_dl_to_uM(units.uM_to_mg_dl(level_uM, standard), standard)
    assert back == pytest.approx(level_uM, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("func", [units.uM_to_mg_dl, units.mg_dl_to_uM, units.mg_ml_to_uM])
@pytest.mark.parametrize(
    "bad, shown",
    [(-1.0, "-1.0"), (float("nan"), "nan"), (float("inf"), "inf"), (-np.inf, "-inf")],
)
def test_negative_nan_inf_are_refused_naming_the_value(func, bad, shown):
    with pytest.raises(ValueError) as info:
        func(bad)
    message = str(info.value)
    assert shown in message
    assert ">= 0" in message  # says what is allowed


@pytest.mark.parametrize("bad", ["eleven", None, True, [1.0, -2.0], []])
def test_non_numbers_are_refused(bad):
    with pytest.raises(ValueError):
        units.uM_to_mg_dl(bad)


def test_unknown_standard_is_refused_naming_it():
    with pytest.raises(ValueError) as info:
        units.uM_to_mg_dl(11, standard="nephelometry")
    assert "'nephelometry'" in str(info.value)
    assert "molecular_mass" in str(info.value) and "old_commercial" in str(info.value)
