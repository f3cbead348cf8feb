"""Tests of aatd.lung: the lifetime FEV1 model against published declines.

Calibration bands are those of the model issue (mL/yr of FEV1 decline, ages 40–60):
oelsner2020, lunghealth2002, hiller2019, registry1998, janus1985. Quitting returns the
decline to the non-smoking rate and restores nothing (fletcher1977). Augmentation holds
serum AAT at the trough of wewers1987; its FEV1 effect is a model assumption (chapman2015).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aatd import genetics, kinetics, lung, units

decline = lung.decline_ml_per_year


# ---------------------------------------------------------------- calibration table
@pytest.mark.parametrize("genotype,smoking,kw,low,high", [
    ("MM", "never", {}, 25, 37),        # 31 general population (oelsner2020)
    ("MM", "current", {}, 38, 70),      # 40 (oelsner2020) to 54–66 (lunghealth2002)
    ("ZZ", "never", {}, 30, 60),        # 32 (hiller2019) to 54 (registry1998)
    ("ZZ", "current", {}, 65, 140),     # 70 (hiller2019); 317 small cohort (janus1985)
    ("ZZ", "former", {"quit_age": 40}, 30, 60),  # 42 ex-smokers (hiller2019)
])
def test_calibration_band(genotype, smoking, kw, low, high):
    value = decline(genotype, smoking=smoking, **kw)
    assert low <= value <= high, value


def test_zz_former_smoker_below_current_and_near_never():
    former = decline("ZZ", smoking="former", quit_age=40)
    assert former < decline("ZZ", smoking="current")
    assert abs(former - decline("ZZ", smoking="never")) <= 10


def test_mz_never_smoker_like_mm():
    assert abs(decline("MZ") - decline("MM")) <= 5


def test_null_null_at_least_as_bad_as_zz():
    assert decline("Q0Q0") >= decline("ZZ")


def test_smoking_harms_normal_aat_too():
    # the smoking term does not depend on AAT: MM smokers decline faster (oelsner2020)
    assert decline("MM", smoking="current") - decline("MM") >= 10
    rates = lung.decline_rates_ml_per_year("MM", smoker=True)
    assert rates["smoking"] > rates["elastase"]


def test_smoking_hurts_zz_more_than_mm():
    extra_zz = decline("ZZ", smoking="current") - decline("ZZ")
    extra_mm = decline("MM", smoking="current") - decline("MM")
    assert extra_zz > 1.5 * extra_mm


def test_decline_components_add_up():
    r = lung.decline_rates_ml_per_year("ZZ", smoker=True)
    assert r["total"] == pytest.approx(r["ageing"] + r["smoking"] + r["elastase"])
    # the elastase term is bursts/yr x exposure x damage coefficient
    expected = (lung.DAMAGE_ML_PER_NM_S * lung.BURSTS_PER_YEAR * lung.SMOKER_BURST_FACTOR
                * kinetics.elastase_exposure("ZZ", smoker=True))
    assert r["elastase"] == pytest.approx(expected)


# ---------------------------------------------------------------- trajectory shape
def test_default_trajectory():
    t = lung.fev1_trajectory("MM")
    assert t.age_years.shape == t.fev1_l.shape == t.percent_of_age25.shape
    assert t.age_years[0] == 18 and t.age_years[-1] == 90
    at25 = np.flatnonzero(t.age_years == 25)[0]
    assert t.percent_of_age25[at25] == pytest.approx(100.0)
    assert 3.0 < t.fev1_l.max() <= lung.PEAK_FEV1_L


@pytest.mark.parametrize("genotype", ["MM", "ZZ"])
def test_peak_in_the_twenties(genotype):
    assert 20 <= lung.fev1_trajectory(genotype).peak_age_years <= 26
    # heavy damage brings the peak earlier, never later
    smoker = lung.fev1_trajectory(genotype, smoking="current").peak_age_years
    assert 18 <= smoker <= lung.fev1_trajectory(genotype).peak_age_years


def test_custom_ages_and_growth_from_childhood():
    t = lung.fev1_trajectory("MM", ages=[0, 10, 25, 50, 100])
    assert np.all(np.diff(t.fev1_l[:3]) > 0) and np.all(np.diff(t.fev1_l[2:]) < 0)
    assert t.fev1_l[0] == pytest.approx(lung.PEAK_FEV1_L * lung.BIRTH_FEV1_FRACTION)


def test_quitting_restores_nothing():
    ages = np.arange(18, 91, 1.0)
    never = lung.fev1_trajectory("MM", ages=ages).fev1_l
    former = lung.fev1_trajectory("MM", smoking="former", quit_age=45, ages=ages).fev1_l
    current = lung.fev1_trajectory("MM", smoking="current", ages=ages).fev1_l
    gap = never - former
    after = ages >= 45
    # the loss at quitting stays (no recovery), and does not grow (normal rate again)
    assert gap[ages == 45][0] > 0.2
    assert np.allclose(gap[after], gap[ages == 45][0], atol=1e-9)
    assert np.all(former >= current - 1e-12) and np.all(former <= never + 1e-12)


def test_quitting_returns_decline_to_never_smoker_rate():
    for g in ("MM", "ZZ"):
        assert decline(g, smoking="former", quit_age=40) == pytest.approx(decline(g), abs=0.2)
        # quitting mid-span gives a rate between never and current
        mid = decline(g, smoking="former", quit_age=50)
        assert decline(g) < mid < decline(g, smoking="current")


def test_quit_before_eighteen_means_no_smoking_years():
    never = lung.fev1_trajectory("ZZ").fev1_l
    assert np.allclose(lung.fev1_trajectory("ZZ", smoking="former", quit_age=16).fev1_l, never)


def test_augmentation_trough_is_126_mg_dl_old_standard():
    assert lung.AUGMENTATION_TROUGH_UM == pytest.approx(
        units.mg_dl_to_uM(126, standard="old_commercial"), abs=0.01)
    assert 17.0 < lung.AUGMENTATION_TROUGH_UM < 17.6


def test_augmentation_slows_zz_decline_in_the_model():
    without = decline("ZZ")
    with_aug = decline("ZZ", augmentation_start_age=35)
    assert with_aug < without - 5
    # it cannot undo what was lost before it started
    ages = np.array([30.0, 35.0, 70.0])
    plain = lung.fev1_trajectory("ZZ", ages=ages).fev1_l
    aug = lung.fev1_trajectory("ZZ", augmentation_start_age=35, ages=ages).fev1_l
    assert aug[1] == pytest.approx(plain[1]) and aug[2] > plain[2]


def test_augmentation_changes_nothing_above_the_trough():
    assert decline("MM", augmentation_start_age=30) == pytest.approx(decline("MM"))


def test_smoking_blunts_augmentation_in_the_model():
    gain_never = decline("ZZ") - decline("ZZ", augmentation_start_age=30)
    gain_smoker = (decline("ZZ", smoking="current")
                   - decline("ZZ", smoking="current", augmentation_start_age=30))
    assert gain_never > 0 and gain_smoker > 0
    assert decline("ZZ", smoking="current", augmentation_start_age=30) > decline(
        "ZZ", augmentation_start_age=30)


def test_custom_serum_level_moves_decline():
    assert decline("ZZ", aat_uM=30.0) < decline("ZZ") < decline("ZZ", aat_uM=1.0)


# ---------------------------------------------------------------- properties
genotypes = st.sampled_from(genetics.all_genotypes())
ages = st.floats(min_value=0.0, max_value=100.0)
optional_age = st.one_of(st.none(), ages)


@st.composite
def scenarios(draw):
    smoking = draw(st.sampled_from(lung.SMOKING))
    quit_age = draw(ages) if smoking == "former" else None
    return {"smoking": smoking, "quit_age": quit_age,
            "augmentation_start_age": draw(optional_age)}


GRID = np.linspace(0.0, 100.0, 401)


@settings(max_examples=150, deadline=None)
@given(genotypes, scenarios())
def test_fev1_positive_and_never_rising_after_peak(g, sc):
    t = lung.fev1_trajectory(g, ages=GRID, **sc)
    assert np.all(t.fev1_l > 0) and np.all(np.isfinite(t.percent_of_age25))
    after = t.fev1_l[np.argmax(t.fev1_l):]
    assert np.all(np.diff(after) <= 1e-12)


@settings(max_examples=100, deadline=None)
@given(genotypes, ages, optional_age)
def test_quitting_never_worse_than_continuing(g, quit_age, aug):
    current = lung.fev1_trajectory(g, smoking="current", augmentation_start_age=aug,
                                   ages=GRID).fev1_l
    former = lung.fev1_trajectory(g, smoking="former", quit_age=quit_age,
                                  augmentation_start_age=aug, ages=GRID).fev1_l
    assert np.all(former >= current - 1e-12)


@settings(max_examples=100, deadline=None)
@given(genotypes, scenarios(), ages)
def test_augmentation_never_worse_than_none(g, sc, start):
    sc = dict(sc, augmentation_start_age=None)
    plain = lung.fev1_trajectory(g, ages=GRID, **sc).fev1_l
    aug = lung.fev1_trajectory(g, ages=GRID, **dict(sc, augmentation_start_age=start)).fev1_l
    assert np.all(aug >= plain - 1e-12)


@settings(max_examples=60, deadline=None)
@given(genotypes, ages, ages)
def test_earlier_quitting_never_worse(g, q1, q2):
    early, late = sorted((q1, q2))
    a = lung.fev1_trajectory(g, smoking="former", quit_age=early, ages=GRID).fev1_l
    b = lung.fev1_trajectory(g, smoking="former", quit_age=late, ages=GRID).fev1_l
    assert np.all(a >= b - 1e-12)


# ---------------------------------------------------------------- bad input
def test_unknown_genotype():
    with pytest.raises(ValueError, match="'MX'"):
        lung.fev1_trajectory("MX")
    with pytest.raises(ValueError, match="'MX'"):
        decline("MX")


def test_unknown_smoking_status():
    with pytest.raises(ValueError, match="'sometimes'.*|smoking.*'sometimes'"):
        lung.fev1_trajectory("MM", smoking="sometimes")


@pytest.mark.parametrize("smoking", ["never", "current"])
def test_quit_age_only_with_former(smoking):
    with pytest.raises(ValueError, match="quit_age=40.*former|former.*quit_age=40"):
        lung.fev1_trajectory("MM", smoking=smoking, quit_age=40)


def test_former_needs_quit_age():
    with pytest.raises(ValueError, match="quit_age"):
        lung.fev1_trajectory("MM", smoking="former")
    with pytest.raises(ValueError, match="quit_age"):
        decline("ZZ", smoking="former")


@pytest.mark.parametrize("bad", [-1.0, 101.0, float("nan"), float("inf")])
def test_ages_outside_0_to_100(bad):
    with pytest.raises(ValueError, match="quit_age.*" + str(bad).replace("inf", "inf")):
        lung.fev1_trajectory("MM", smoking="former", quit_age=bad)
    with pytest.raises(ValueError, match="augmentation_start_age"):
        lung.fev1_trajectory("ZZ", augmentation_start_age=bad)
    with pytest.raises(ValueError, match="ages"):
        lung.fev1_trajectory("MM", ages=[20.0, bad])
    with pytest.raises(ValueError, match="from_age"):
        decline("MM", from_age=bad)


def test_bad_span_and_levels():
    with pytest.raises(ValueError, match="to_age"):
        decline("MM", from_age=60, to_age=40)
    with pytest.raises(ValueError, match="aat_uM.*-2"):
        lung.fev1_trajectory("ZZ", aat_uM=-2.0)
    with pytest.raises(ValueError, match="ages"):
        lung.fev1_trajectory("MM", ages=[])
    with pytest.raises(ValueError, match="smoker.*'no'"):
        lung.decline_rates_ml_per_year("MM", smoker="no")


def test_calibration_table_reports_every_target():
    rows = lung.calibration_table()
    assert all(r["within_band"] in (True, None) for r in rows)
    fitted = {r["fitted_parameter"] for r in rows if r["fitted_parameter"]}
    # four targets tuned four parameters; the rest are genuine checks
    assert len(fitted) == 4
    from aatd import parameters
    for name in fitted:
        assert parameters.get(name).status == "fitted"
    checks = [r for r in rows if not r["fitted_parameter"]]
    assert {r["label"] for r in checks} >= {"ZZ former smoker (quit at 40)",
                                            "MZ never-smoker", "Q0Q0 never-smoker"}


# ---------------------------------------------------------------- the book pages
def test_model_page_shows_every_parameter_and_the_calibration_caveats(built_book):
    from bs4 import BeautifulSoup

    from aatd import parameters

    html = (built_book / "book" / "model.html").read_text(encoding="utf-8")
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    for p in parameters.PARAMETERS:
        assert p.name in text, p.name
    for status in parameters.STATUSES:
        assert status in text
    assert "calibrated" in text and "11 µM" in text
    assert "model assumption" in text and "lung density" in text
    assert "not a prognosis" in text.lower() or "is not a prognosis" in text
    assert f"{kinetics.exposure_bend_uM(smoker=True):.1f} µM" in text
    assert "{cite}" not in text and "glue:" not in text


def test_validation_page_shows_model_beside_every_target(built_book):
    from bs4 import BeautifulSoup

    html = (built_book / "book" / "model-validation.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    for row in lung.calibration_table():
        assert row["label"] in text
        assert f"{row['model_ml_per_year']:.1f}" in text, row["label"]
    fig = soup.find("img", alt=re.compile("grey band"))
    assert fig is not None and fig.find_parent("figure") is not None
    assert "**no**" not in text and "{cite}" not in text
