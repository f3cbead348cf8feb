"""The augmentation explorer: live face, kernel-free face, and a real browser.

Live: every control is driven from Python and the figure, readout and table follow
aatd.therapy. Static: the JSON grid holds every genotype × dose × interval × missed-dose
combination, its numbers come from the model, it is deterministic and self-contained.
Browser: on the built treatment chapter every control changes by mouse and by keyboard, the
drawing and readout follow, and at 390 px (a phone) the explorer fits the screen.
(A query-string preset does not exist for any explorer yet, so none is tested here.)
"""

from __future__ import annotations

import gzip
import itertools
import re

import numpy as np
import pytest
from conftest import json_numbers

from aatd import therapy
from aatd.widgets import AugmentationExplorer
from aatd.widgets.augmentation import (
    DOSES_MG_PER_KG,
    GENOTYPES,
    INTERVALS_DAYS,
    augmentation_readout,
    missed_dose_number,
    regimen_curve,
)

CHAPTER = "notebooks/treatment.html"
COMBOS = list(itertools.product(GENOTYPES, DOSES_MG_PER_KG, INTERVALS_DAYS, (False, True)))


@pytest.fixture(scope="module")
def explorer():
    return AugmentationExplorer()


@pytest.fixture(scope="module")
def data(explorer):
    return explorer.static_data()


# --- live face ---------------------------------------------------------------------
def test_defaults_are_zz_on_the_usual_dose(explorer):
    assert explorer.state() == {
        "genotype": "ZZ",
        "dose_mg_per_kg": 60.0,
        "interval_days": 7.0,
        "missed_dose": False,
    }
    assert explorer.curve.trough_uM == pytest.approx(therapy.steady_trough_uM("ZZ"))


def test_every_control_changes_figure_readout_and_table():
    e = AugmentationExplorer()
    line = e._artists["serum"]
    before_y = np.array(line.get_ydata())
    before_png, before_text = e._image.value, e._readout_widget.value
    for name, value in [
        ("genotype", "Q0Q0"),
        ("dose_mg_per_kg", 120.0),
        ("interval_days", 14.0),
        ("missed_dose", True),
    ]:
        e.set(**{name: value})
        assert e.state()[name] == value
        assert e._image.value != before_png, name
        assert e._readout_widget.value != before_text, name
        assert e._artists["serum"] is line  # updated in place, not rebuilt
        assert not np.array_equal(np.array(line.get_ydata()), before_y), name
        before_png, before_text = e._image.value, e._readout_widget.value
        before_y = np.array(line.get_ydata())
    c = e.curve
    assert c.missed_doses == (missed_dose_number(14.0),)
    assert np.allclose(line.get_ydata(), c.serum_uM)
    assert f"{c.trough_uM:.1f} µM" in e._readout_widget.value


def test_widget_change_from_the_ui_redraws():
    e = AugmentationExplorer()
    before = e._image.value
    e.controls["interval_days"].value = 28.0  # as a user's click would
    assert e._image.value != before
    assert "every 28 days" in e._readout_widget.value


@pytest.mark.parametrize(
    "name,bad",
    [
        ("genotype", "XY"),
        ("genotype", "MM"),
        ("dose_mg_per_kg", 90),
        ("dose_mg_per_kg", "60"),
        ("interval_days", 21),
        ("missed_dose", "yes"),
    ],
)
def test_bad_values_raise_naming_them(name, bad):
    e = AugmentationExplorer()
    with pytest.raises(ValueError, match=re.escape(repr(bad))):
        e.set(**{name: bad})
    assert e.state()["genotype"] == "ZZ"  # nothing changed


def test_missed_dose_is_the_one_due_on_day_28():
    for iv in INTERVALS_DAYS:
        c = regimen_curve("ZZ", 60.0, iv, True)
        regular = regimen_curve("ZZ", 60.0, iv, False)
        assert set(regular.dose_days) - set(c.dose_days) == {28.0}


# --- kernel-free face --------------------------------------------------------------
def test_grid_covers_every_control_value(data):
    ctl = {c["name"]: c for c in data["controls"]}
    assert [v for v, _ in ctl["genotype"]["options"]] == list(GENOTYPES)
    assert [float(v) for v, _ in ctl["dose_mg_per_kg"]["options"]] == list(DOSES_MG_PER_KG)
    assert [float(v) for v, _ in ctl["interval_days"]["options"]] == list(INTERVALS_DAYS)
    assert ctl["missed_dose"]["kind"] == "checkbox"
    assert data["keys"] == ["genotype", "dose_mg_per_kg", "interval_days", "missed_dose"]
    expected = {f"{g}|{d:g}|{i:g}|{int(m)}" for g, d, i, m in COMBOS}
    assert set(data["states"]) == expected and len(expected) == 72


@pytest.mark.parametrize("g,d,i,m", COMBOS[::7])
def test_grid_numbers_come_from_the_model(data, g, d, i, m):
    st = data["states"][f"{g}|{d:g}|{i:g}|{int(m)}"]
    c = regimen_curve(g, d, i, m)
    serum = next(e for e in st["e"] if e["k"] == "line" and e.get("lg") == "Serum AAT")
    ys = data["pool"][serum["y"]]
    assert ys == pytest.approx(c.serum_uM[::4], rel=1e-3, abs=1e-3)
    assert f"trough {c.trough_uM:.1f} µM" in st["r"]
    assert f"Below 11 µM for {c.share_below() * 100:.0f}%" in st["r"]


def test_readouts_say_what_the_regimens_do(data):
    # weekly 60 mg/kg keeps a ZZ person above 11 µM; missing a dose or monthly dosing does not
    assert "Below 11 µM for 0%" in data["states"]["ZZ|60|7|0"]["r"]
    assert "Below 11 µM for 0%" not in data["states"]["ZZ|60|7|1"]["r"]
    assert "Below 11 µM for 0%" not in data["states"]["ZZ|250|28|0"]["r"]
    # MZ is above 11 µM on its own
    assert "Below 11 µM for 0%" in data["states"]["MZ|60|28|1"]["r"]
    for st in data["states"].values():
        assert "assumption" in st["r"]


def test_static_face_is_deterministic_and_starts_at_the_setting():
    a = AugmentationExplorer(genotype="SZ", interval_days=14.0)
    h = a.static_html()
    assert h == a.static_html()
    assert re.search(r'data-name="genotype"[^>]*>.*?<option value="SZ" selected>', h, re.S)
    assert augmentation_readout(*a._computed(a.state())) in h.replace("&#x27;", "'")
    assert AugmentationExplorer().static_data() == a.static_data()


def test_static_html_is_self_contained_rounded_and_small(explorer):
    h = explorer.static_html()
    assert set(re.findall(r"https?://[^\s\"'<>]+", h)) <= {"http://www.w3.org/2000/svg"}
    assert "fetch(" not in h and "XMLHttpRequest" not in h
    assert all(float(f"{v:.4g}") == v for v in json_numbers(explorer.static_data()))
    size = len(gzip.compress(h.encode()))
    print(f"augmentation explorer: {len(h) / 1e6:.2f} MB raw, {size / 1e3:.0f} kB gzip")
    assert size < 1024 * 1024


# --- the built chapter in a real browser -------------------------------------------
def _key(root) -> str:
    return root.get_attribute("data-aatd-key")


def _wait_key(page, root, key):
    page.wait_for_function(
        "([el, key]) => el.getAttribute('data-aatd-key') === key",
        arg=[root.element_handle(), key],
        timeout=5000,
    )


def _open(page, book_server):
    page.goto(f"{book_server}{CHAPTER}", wait_until="load")
    root = page.locator(".aatd-explorer.aatd-augmentation")
    assert root.count() == 1
    root.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-aatd-ready') === '1'", arg=root.element_handle()
    )
    return root


def test_augmentation_explorer_mouse_and_keyboard(page, book_server):
    root = _open(page, book_server)
    _wait_key(page, root, "ZZ|60|7|0")
    drawing = root.locator("svg g.aatd-dynamic").inner_html()
    # mouse
    sel = root.locator('select[data-name="interval_days"]')
    sel.click()
    sel.select_option("28")
    root.locator(".aatd-title").click()
    _wait_key(page, root, "ZZ|60|28|0")
    assert root.locator("svg g.aatd-dynamic").inner_html() != drawing
    dose = root.locator('select[data-name="dose_mg_per_kg"]')
    dose.click()
    dose.select_option("250")
    root.locator(".aatd-title").click()
    _wait_key(page, root, "ZZ|250|28|0")
    c = regimen_curve("ZZ", 250.0, 28.0, False)
    assert f"trough {c.trough_uM:.1f} µM" in root.locator(".aatd-readout").inner_text()
    root.locator('[data-name="missed_dose"]').click()
    _wait_key(page, root, "ZZ|250|28|1")
    # keyboard
    g = root.locator('select[data-name="genotype"]')
    g.focus()
    page.keyboard.press("ArrowDown")
    _wait_key(page, root, "Q0Q0|250|28|1")
    page.keyboard.press("Tab")
    page.keyboard.press("Home")
    _wait_key(page, root, "Q0Q0|60|28|1")
    page.keyboard.press("Tab")
    page.keyboard.press("Home")
    _wait_key(page, root, "Q0Q0|60|7|1")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    _wait_key(page, root, "Q0Q0|60|7|0")
    root.locator("details.aatd-numbers summary").click()
    assert "Q0Q0, 60 mg/kg every 7 days" in root.locator(".aatd-tables table").inner_text()
    page.problems.assert_clean()


def test_augmentation_explorer_fits_a_phone(page, book_server):
    page.set_viewport_size({"width": 390, "height": 844})
    root = _open(page, book_server)
    box = root.locator("svg").bounding_box()
    assert box["width"] <= 390 and box["x"] >= 0
    overflow = page.evaluate("el => el.scrollWidth - el.clientWidth", root.element_handle())
    assert overflow <= 1
    for name in ("genotype", "dose_mg_per_kg", "interval_days", "missed_dose"):
        b = root.locator(f'[data-name="{name}"]').bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390, name
    page.problems.assert_clean()
