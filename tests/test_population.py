"""aatd.population: Hardy–Weinberg genotype counts, presets, and an independent anchor.

The anchor compares a prediction with a measurement from a *different* cohort:

- Prediction: the Z allele frequency of a Norwegian community survey (Oslo, 1,258 people
  phenotyped, ages 15–70; Scand J Respir Dis 1979;60(5):267–274, PubMed 316573), counted here
  from its published phenotype percentages, squared (Hardy–Weinberg) to a ZZ prevalence.
- Measurement: Swedish newborn screening 1972–74 (Sveger 1976, ``sveger1976``): 120 PiZ and 2
  PiZ− among 200,000 infants, i.e. 122 (1 in 1,639). PiZ− (Z with a null allele) counts as ZZ
  here because the model ignores null alleles.

Sampling uncertainty: the Oslo sample has 2,516 alleles, so its Z frequency (0.0253) has a
binomial standard error of 0.0031 and the predicted ZZ prevalence a 95% interval of about
1 in 2,700 to 1 in 1,000. The newborn count is Poisson (122 ± 2·11). The measurement lies
inside the prediction's interval; a low-Z region (Mexico's pooled frequency) does not, which is
the positive control that shows the anchor can fail.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aatd import population as P

#: Oslo community survey, estimated percentage of each Pi phenotype (M = MM, S = SS, Z = ZZ;
#: F and I are other normal-range alleles, counted as "M" because they are neither S nor Z).
OSLO_PERCENT = {
    "MM": 87.30 + 2.69 + 0.20,  # M, FM, IM
    "MS": 4.65 + 0.07,  # MS, FS
    "MZ": 4.73 + 0.07,  # MZ, FZ
    "SZ": 0.13,
    "SS": 0.06,
    "ZZ": 0.06,
}
OSLO_N_PEOPLE = 1258
SVEGER_ZZ = 120 + 2  # PiZ + PiZ- infants
SVEGER_N = 200_000


def oslo_z():
    af = P.allele_frequencies_from_counts(OSLO_PERCENT)
    n_alleles = 2 * OSLO_N_PEOPLE
    return af.z, math.sqrt(af.z * (1 - af.z) / n_alleles)


def test_oslo_allele_frequency_is_counted_from_the_percentages():
    z, se = oslo_z()
    # (4.73 + 0.07 + 0.13 + 2 x 0.06) / 200, over the 99.96% the abstract lists
    assert z == pytest.approx(5.05 / (2 * 99.96), rel=1e-9)
    assert se == pytest.approx(0.0031, abs=0.0001)


def test_anchor_swedish_newborn_zz_lies_inside_the_predicted_interval():
    z, se = oslo_z()
    predicted = P.genotype_frequencies(z=z, s=0.0)["ZZ"]
    lo, hi = P.zz_interval(z, se)
    measured = SVEGER_ZZ / SVEGER_N
    assert P.one_in(measured) == pytest.approx(1639, abs=1)
    assert lo < measured < hi
    # and the point prediction is close: within 15% of the measurement
    assert predicted / measured == pytest.approx(1.0, abs=0.15)
    # the measurement's own Poisson 95% interval contains the point prediction
    half = 1.96 * math.sqrt(SVEGER_ZZ) / SVEGER_N
    assert measured - half < predicted < measured + half


def test_anchor_can_fail_positive_control():
    """A low-Z preset predicts far fewer ZZ than Swedish screening found."""
    mx = P.preset("mexico")
    lo, hi = P.zz_interval(mx.z, 0.001)
    assert not lo < SVEGER_ZZ / SVEGER_N < hi


def test_frequencies_sum_to_one_and_match_hand_values():
    f = P.genotype_frequencies(z=0.02, s=0.05)
    assert list(f) == list(P.GENOTYPES)
    assert sum(f.values()) == pytest.approx(1.0)
    m = 0.93
    assert f["MM"] == pytest.approx(m * m)
    assert f["MZ"] == pytest.approx(2 * m * 0.02)
    assert f["SZ"] == pytest.approx(2 * 0.05 * 0.02)
    assert f["ZZ"] == pytest.approx(0.0004)


@given(
    st.floats(0, 1, allow_nan=False),
    st.floats(0, 1, allow_nan=False),
)
def test_frequencies_are_a_distribution_over_the_whole_range(z, s):
    if z + s > 1:
        with pytest.raises(ValueError):
            P.genotype_frequencies(z=z, s=s)
        return
    f = P.genotype_frequencies(z=z, s=s)
    assert all(v >= 0 for v in f.values())
    assert sum(f.values()) == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize(
    ("z", "s", "named"),
    [
        (-0.01, 0.05, "-0.01"),
        (1.5, 0.0, "1.5"),
        (float("nan"), 0.05, "nan"),
        (0.02, float("nan"), "nan"),
        (0.6, 0.5, "z=0.6, s=0.5"),
        ("0.02", 0.05, "'0.02'"),
    ],
)
def test_bad_frequencies_raise_naming_the_values(z, s, named):
    with pytest.raises(ValueError, match=re.escape(named)):
        P.genotype_frequencies(z=z, s=s)


def test_counts_scale_with_population():
    ie = P.preset("ireland")
    per = P.per_100k(z=ie.z, s=ie.s)
    big = P.expected_counts(z=ie.z, s=ie.s, population=10_000_000)
    assert big["ZZ"] == pytest.approx(100 * per["ZZ"])
    assert sum(per.values()) == pytest.approx(100_000)


@pytest.mark.parametrize("bad", [0, -5, 2.5, float("nan"), "1000", True])
def test_bad_population_raises(bad):
    with pytest.raises(ValueError, match="population"):
        P.expected_counts(z=0.02, s=0.05, population=bad)


def test_undiagnosed():
    assert P.undiagnosed(100, 0.10) == pytest.approx(90)
    assert P.undiagnosed(100) == pytest.approx(90)  # default: more than 90% undiagnosed
    with pytest.raises(ValueError, match=re.escape("1.2")):
        P.undiagnosed(100, 1.2)
    with pytest.raises(ValueError, match="-1"):
        P.undiagnosed(-1, 0.1)


def test_presets_are_counted_from_their_cohorts():
    ie = P.preset("ireland")
    assert ie.z == pytest.approx(48 / 2200)
    assert ie.s == pytest.approx(119 / 2200)
    ch = P.preset("switzerland")
    assert ch.z == pytest.approx((143 + 10 + 2) / (2 * 6057))
    assert ch.s == pytest.approx((453 + 10 + 20) / (2 * 6057))
    for p in P.PRESETS.values():
        assert p.source and p.cohort
        P.check_alleles(p.z, p.s)
    with pytest.raises(ValueError, match="atlantis"):
        P.preset("atlantis")


def test_preset_sources_are_in_the_bibliography():
    from conftest import ROOT

    bib = (ROOT / "book/references.bib").read_text(encoding="utf-8")
    for p in P.PRESETS.values():
        assert f"{{{p.source}," in bib, p.source


def test_swiss_prediction_vs_its_own_count_is_consistent():
    """SAPALDIA found 1 ZZ in 6,057; Hardy–Weinberg from its own alleles expects about 1."""
    ch = P.preset("switzerland")
    expected = P.expected_counts(z=ch.z, s=ch.s, population=6057)["ZZ"]
    assert 0.5 < expected < 1.5


def test_family_chances():
    assert P.sibling_chances("MZ", "MZ") == {"ZZ": 0.25, "MZ": 0.5}
    assert P.sibling_chances("ZZ", "MZ") == {"ZZ": 0.5, "MZ": 0.5}
    assert P.sibling_chances("SZ", "MZ") == {"ZZ": 0.25, "MZ": 0.25}
    pairs = P.parents_of_zz()
    assert ("MZ", "MZ") in pairs and ("MM", "ZZ") not in pairs
    assert all("Z" in a and "Z" in b for a, b in pairs)
    with pytest.raises(ValueError, match="MM"):
        P.sibling_chances("MM", "ZZ")
