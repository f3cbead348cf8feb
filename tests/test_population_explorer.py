"""PopulationExplorer: controls from Python, a grid covering every control value, the numbers
from aatd.population, and the built chapter in chromium (mouse, keyboard, phone width).

Query-string presets (``?population.region=...``) do not exist for any explorer yet (another
issue); there is no test for them here.
"""

from __future__ import annotations

import itertools
import re

import pytest

from aatd import population as pop
from aatd.widgets import PopulationExplorer
from aatd.widgets.population import REGIONS, SHARES, SIZES, population_readout

CHAPTER = "notebooks/families"


def test_defaults_and_controls_from_python():
    e = PopulationExplorer()
    assert e.state() == {"region": "ireland", "population": 1_000_000, "diagnosed": 0.10}
    ie = pop.preset("ireland")
    assert e.counts == pop.expected_counts(z=ie.z, s=ie.s, population=1_000_000)
    png = e._image.value
    e.set(region="mexico", population=10_000, diagnosed=0.5)
    assert e.controls["region"].value == "mexico"
    assert e._image.value != png
    assert "Mexico" in e._readout(e.state()) and "10,000 people" in e._readout(e.state())
    e.controls["population"].value = 100_000_000
    assert e.state()["population"] == 100_000_000
    assert e.counts["ZZ"] == pytest.approx(0.006**2 * 1e8)


@pytest.mark.parametrize(
    ("name", "bad"),
    [("region", "atlantis"), ("population", 12345), ("population", -1), ("diagnosed", 0.33)],
)
def test_bad_control_values_raise_naming_them(name, bad):
    with pytest.raises(ValueError, match=re.escape(str(bad))):
        PopulationExplorer().set(**{name: bad})


def test_grid_covers_every_control_value():
    data = PopulationExplorer().static_data()
    assert data["keys"] == ["region", "population", "diagnosed"]
    options = {c["name"]: [v for v, _ in c["options"]] for c in data["controls"]}
    assert options["region"] == list(REGIONS)
    assert [float(v) for v in options["population"]] == [float(s) for s in SIZES]
    assert [float(v) for v in options["diagnosed"]] == list(SHARES)
    want = {f"{r}|{s}|{d:g}" for r, s, d in itertools.product(REGIONS, SIZES, SHARES)}
    assert set(data["states"]) == want
    assert len(want) == 4 * 5 * 5


@pytest.mark.parametrize("region", REGIONS)
def test_precomputed_states_match_the_model(region):
    data = PopulationExplorer().static_data()
    st = data["states"][f"{region}|1000000|0.1"]
    assert st["r"] == population_readout(region, 1_000_000, 0.10)
    (table,) = st["t"]
    col = table["c"][4]
    col = data["pool"][col] if isinstance(col, int) else col
    p = pop.preset(region)
    expected = pop.expected_counts(z=p.z, s=p.s, population=1_000_000)
    assert col == pytest.approx([expected[g] for g in pop.GENOTYPES], rel=1e-3)


def test_static_html_is_deterministic_and_small():
    import gzip

    e = PopulationExplorer(region="usa")
    html = e.static_html()
    assert html == e.static_html()
    assert re.search(r'data-name="region"[^>]*>.*?<option value="usa" selected>', html, re.S)
    assert "fetch(" not in html and "XMLHttpRequest" not in html
    assert len(gzip.compress(html.encode())) < 60_000


def _root(page, book_server, width=1280):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{book_server}{CHAPTER}.html", wait_until="load")
    root = page.locator(".aatd-explorer.aatd-population")
    assert root.count() == 1
    root.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-aatd-ready') === '1'", arg=root.element_handle()
    )
    return root


def _expect(page, root, region, size, share):
    key = f"{region}|{size}|{share:g}"
    page.wait_for_function(
        "([el, key]) => el.getAttribute('data-aatd-key') === key",
        arg=[root.element_handle(), key],
        timeout=5000,
    )
    assert root.locator(".aatd-readout").inner_text() == population_readout(region, size, share)


def test_population_explorer_mouse_and_keyboard(page, book_server):
    root = _root(page, book_server)
    region = root.locator('select[data-name="region"]')
    size = root.locator('select[data-name="population"]')
    assert root.locator(f'label[for="{region.get_attribute("id")}"]').inner_text() == "Region"
    _expect(page, root, "ireland", 1_000_000, 0.10)
    region.click()
    region.select_option("switzerland")
    _expect(page, root, "switzerland", 1_000_000, 0.10)
    page.keyboard.press("Escape")
    size.focus()
    page.keyboard.press("ArrowDown")
    _expect(page, root, "switzerland", 10_000_000, 0.10)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-name')") == "diagnosed"
    page.keyboard.press("End")
    _expect(page, root, "switzerland", 10_000_000, 0.75)
    page.problems.assert_clean()


def test_population_explorer_fits_a_phone(page, book_server):
    root = _root(page, book_server, width=390)
    box = root.bounding_box()
    assert box["width"] <= 390
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390 + 1
    root.locator('select[data-name="region"]').select_option("usa")
    _expect(page, root, "usa", 1_000_000, 0.10)
