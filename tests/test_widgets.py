"""The live face of both explorers, driven from Python: every control moves the figure
the right way, the figure is updated in place, bad values are refused."""

from __future__ import annotations

import math

import numpy as np
import pytest

from aatd import genetics, kinetics, lung
from aatd.widgets import ElastaseExplorer, LungExplorer
from aatd.widgets.elastase import T_S, burst_time_course


@pytest.fixture(scope="module")
def elastase():
    return ElastaseExplorer()


@pytest.fixture(scope="module")
def lung_x():
    return LungExplorer()


def _marker_y(x):
    return float(x._h["marker"].get_ydata()[0])


def _line_y(artist):
    return np.asarray(artist.get_ydata(), dtype=float)


# ------------------------------------------------------------------------ elastase
def test_contract_names(elastase, lung_x):
    assert {"genotype", "aat_uM", "smoker"} <= set(elastase.controls)
    assert {"genotype", "smoking", "quit_age", "augmentation_start_age"} <= set(lung_x.controls)
    for x in (elastase, lung_x):
        assert x.figure is not None and x.widget is not None
        for name, w in x.controls.items():
            assert w.description, f"{name} has no visible label"


def test_lower_aat_means_more_exposure_same_figure(elastase):
    fig = elastase.figure
    curve = elastase._h["curve"]
    elastase.set(genotype="MM", smoker=False, aat_uM=40.0)
    high = _marker_y(elastase)
    png_high = elastase.png()
    burst_high = _line_y(elastase._h["elastase"]).copy()
    elastase.controls["aat_uM"].value = 8.0  # as a user would
    low = _marker_y(elastase)
    assert low > 5 * high
    assert low == pytest.approx(kinetics.elastase_exposure("MM", aat_uM=8.0), rel=1e-9)
    assert elastase.figure is fig and elastase._h["curve"] is curve
    assert elastase.png() != png_high
    # the burst: free elastase lingers longer at the lower level (from 0.1 s on)
    late = T_S >= 0.1
    assert np.all(_line_y(elastase._h["elastase"])[late] > burst_high[late])


def test_genotype_moves_slider_and_keeps_kinetics(elastase):
    elastase.set(genotype="ZZ")
    assert elastase.controls["aat_uM"].value == genetics.serum_aat("ZZ").typical_uM
    zz_curve = _line_y(elastase._h["curve"]).copy()
    elastase.controls["aat_uM"].value = 30.0  # custom level keeps Z kinetics
    assert elastase.controls["genotype"].value == "ZZ"
    assert _marker_y(elastase) == pytest.approx(
        kinetics.elastase_exposure("ZZ", aat_uM=30.0), rel=1e-9
    )
    assert _marker_y(elastase) > kinetics.elastase_exposure("MM", aat_uM=30.0)
    np.testing.assert_allclose(_line_y(elastase._h["curve"]), zz_curve)
    elastase.controls["genotype"].value = "MZ"
    assert elastase.controls["aat_uM"].value == genetics.serum_aat("MZ").typical_uM


def test_smoking_raises_exposure_and_moves_the_bend(elastase):
    elastase.set(genotype="SZ", aat_uM=15.0, smoker=False)
    before = _marker_y(elastase)
    curve_before = _line_y(elastase._h["curve"]).copy()
    assert not elastase._h["smoker_bend"].get_visible()
    elastase.controls["smoker"].value = True
    assert _marker_y(elastase) > before
    assert np.all(_line_y(elastase._h["curve"]) >= curve_before - 1e-9)
    assert elastase._h["smoker_bend"].get_visible()
    bend = elastase._h["smoker_bend"].get_xdata()[0]
    assert bend == pytest.approx(kinetics.exposure_bend_uM("SZ", smoker=True))
    assert bend > kinetics.exposure_bend_uM("SZ", smoker=False)
    np.testing.assert_allclose(_line_y(elastase._h["ref_curve"]), curve_before)
    elastase.set(smoker=False)


def test_units_toggle_changes_readout_only(elastase):
    elastase.set(genotype="ZZ", aat_uM=11.0, units="uM")
    png = elastase.png()
    assert "11 µM" in elastase._readout(elastase.state())
    elastase.controls["units"].value = "mg_dl"
    text = elastase._readout(elastase.state())
    assert "57 mg/dL" in text and "80 mg/dL" in text and "standard" in text
    assert elastase.png() == png
    assert "mg/dL" in elastase._readout_widget.value
    elastase.set(units="uM")


def test_readout_half_time_and_ratio(elastase):
    elastase.set(genotype="MM", smoker=False)
    text = elastase._readout(elastase.state())
    assert "25 ms" in text and "1× that of a typical MM" in text
    assert 'aria-live="polite"' in elastase._readout_widget.value
    elastase.set(genotype="ZZ")
    assert "350 ms" in elastase._readout(elastase.state()) or "355 ms" in elastase._readout(
        elastase.state()
    )


def test_q0q0_pins_the_serum_slider_at_zero(elastase):
    elastase.set(genotype="Q0Q0")
    slider = elastase.controls["aat_uM"]
    assert slider.value == 0.0 and slider.disabled
    assert "no AAT protein" in elastase._readout(elastase.state())
    slider.value = 30.0  # as a front end would, were it enabled: snaps back
    assert slider.value == 0.0 and _marker_y(elastase) == pytest.approx(
        kinetics.elastase_exposure("Q0Q0", aat_uM=0.0)
    )
    with pytest.raises(ValueError, match=r"Q0Q0.*no AAT protein.*30"):
        elastase.set(aat_uM=30.0)
    with pytest.raises(ValueError, match="pinned at 0"):
        elastase.set(genotype="Q0Q0", aat_uM=5.0)
    elastase.set(genotype="ZZ")
    assert not slider.disabled and slider.value > 0  # positive control
    elastase.set(genotype="MM")


def test_fast_burst_matches_solve_ivp():
    for g, a, s in [
        ("MM", None, False),
        ("ZZ", None, True),
        ("MZ", 12.0, False),
        ("SZ", 0.0, True),
    ]:
        ref = kinetics.simulate_burst(g, aat_uM=a, smoker=s, n_points=120)
        e, i = burst_time_course(g, aat_uM=a, smoker=s, t_s=ref.t_s)
        np.testing.assert_allclose(e, ref.free_elastase_nM, atol=0.05)
        np.testing.assert_allclose(i, ref.active_aat_nM, atol=0.05)
    assert T_S[0] > 0 and np.all(np.diff(T_S) > 0)


@pytest.mark.parametrize(
    "kw",
    [
        {"aat_uM": -1.0},
        {"aat_uM": math.nan},
        {"aat_uM": math.inf},
        {"aat_uM": 61.0},
        {"aat_uM": "ten"},
        {"aat_uM": True},
        {"genotype": "XX"},
        {"genotype": "ZQ0"},
        {"genotype": 3},
        {"smoker": "yes"},
        {"smoker": 1},
        {"units": "mmol"},
        {"colour": "red"},
    ],
)
def test_elastase_refuses_bad_values(elastase, kw):
    before = elastase.state()
    with pytest.raises(ValueError):
        elastase.set(**kw)
    assert elastase.state() == before


@pytest.mark.parametrize("kw", [{"aat_uM": -1.0}, {"genotype": "XX"}, {"smoker": "no"}])
def test_constructor_refuses_bad_values(kw):
    with pytest.raises(ValueError):
        ElastaseExplorer(**kw)


def test_mimebundle_has_both_faces(elastase):
    data = elastase._repr_mimebundle_()
    assert set(data) >= {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert data["text/html"] == elastase.static_html()
    assert data["text/plain"].startswith("ElastaseExplorer(")


# ------------------------------------------------------------------------ lung
def _slope_ml(x, a, b):
    ages = np.asarray(x._h["person"].get_xdata(), dtype=float)
    pct = _line_y(x._h["person"])
    return (np.interp(a, ages, pct) - np.interp(b, ages, pct)) / (b - a)


def test_smoking_steepens_decline(lung_x):
    fig = lung_x.figure
    lung_x.set(genotype="ZZ", smoking="never", augmentation_start_age=None)
    never = _line_y(lung_x._h["person"]).copy()
    never_slope = _slope_ml(lung_x, 40, 60)
    lung_x.controls["smoking"].value = "current"
    current = _line_y(lung_x._h["person"])
    assert _slope_ml(lung_x, 40, 60) > 1.3 * never_slope
    assert current[-1] < never[-1]
    assert lung_x.figure is fig
    assert "mL/yr" in lung_x._readout(lung_x.state())


def test_quitting_flattens_after_quit_age(lung_x):
    lung_x.set(genotype="ZZ", smoking="current")
    current_after = _slope_ml(lung_x, 45, 60)
    assert lung_x.controls["quit_age"].disabled
    lung_x.set(smoking="former", quit_age=40)
    assert not lung_x.controls["quit_age"].disabled
    former_after = _slope_ml(lung_x, 45, 60)
    former_before = _slope_ml(lung_x, 30, 40)
    assert former_after < 0.75 * current_after
    assert former_after < former_before
    assert lung_x._h["quit"].get_xdata()[0] == 40
    # quitting later keeps the steeper smoking slope for longer
    lung_x.controls["quit_age"].value = 60
    assert _slope_ml(lung_x, 45, 58) > former_after
    assert lung_x._h["quit"].get_xdata()[0] == 60


def test_augmentation_slows_loss_in_the_model(lung_x):
    lung_x.set(genotype="ZZ", smoking="never", augmentation_start_age=None)
    without = _line_y(lung_x._h["person"]).copy()
    assert not lung_x._h["aug_span"].get_visible()
    lung_x.controls["augmentation_start_age"].value = 40
    with_aug = _line_y(lung_x._h["person"])
    ages = np.asarray(lung_x._h["person"].get_xdata())
    assert np.all(with_aug[ages <= 40] == pytest.approx(without[ages <= 40]))
    assert with_aug[-1] > without[-1]
    assert lung_x._h["aug_span"].get_visible()
    assert "model assumption" in lung_x.controls["augmentation_start_age"].description


def test_genotype_changes_person_not_reference(lung_x):
    lung_x.set(genotype="MM", smoking="never", augmentation_start_age=None)
    ref = _line_y(lung_x._h["reference"]).copy()
    mm = _line_y(lung_x._h["person"]).copy()
    np.testing.assert_allclose(mm, ref)
    lung_x.controls["genotype"].value = "Q0Q0"
    assert _line_y(lung_x._h["person"])[-1] < mm[-1]
    np.testing.assert_allclose(_line_y(lung_x._h["reference"]), ref)
    expected = lung.fev1_trajectory("Q0Q0", ages=np.asarray(lung_x._h["person"].get_xdata()))
    np.testing.assert_allclose(_line_y(lung_x._h["person"]), expected.percent_of_age25)


@pytest.mark.parametrize(
    "kw",
    [
        {"quit_age": 10},
        {"quit_age": 75},
        {"quit_age": math.nan},
        {"quit_age": -1},
        {"quit_age": 101},
        {"augmentation_start_age": 33},
        {"augmentation_start_age": -5},
        {"augmentation_start_age": 200},
        {"smoking": "sometimes"},
        {"smoking": True},
        {"genotype": "MQ9"},
    ],
)
def test_lung_refuses_bad_values(lung_x, kw):
    before = lung_x.state()
    with pytest.raises(ValueError):
        lung_x.set(**kw)
    assert lung_x.state() == before


def test_lung_labels_say_model_not_prognosis(lung_x):
    html = lung_x.static_html()
    assert "not a prognosis" in html and "model assumption" in html
    assert "not a prognosis" in lung_x.widget.children[0].value
    assert "severe airflow limitation" not in html


def test_lung_live_readout_past_the_end_prints_no_rate(lung_x):
    lung_x.set(genotype="ZZ", smoking="former", quit_age=70, augmentation_start_age=None)
    text = lung_x._readout(lung_x.state())
    assert "After quitting at 70, a rate from 70 to 80 is not meaningful" in text
    assert " 0 mL/yr" not in text
    end = lung.model_end_age("ZZ", smoking="former", quit_age=70)
    assert f"ends at {end:.1f}" in text
    xs = np.asarray(lung_x._h["person"].get_xdata(), dtype=float)
    assert xs[-1] == pytest.approx(end)
    assert lung_x._h["end"].get_xdata()[0] == pytest.approx(end)
    lung_x.set(augmentation_start_age=40)
    assert lung_x._h["aug_span"].get_visible()
