"""The static-explorer contract from both sides: one state-key formatter in Python and JS.

``aatd.widgets.contract.key_value`` writes the state keys of the JSON grid; ``aatdKey`` in
``explorer.js`` rebuilds them from the controls in the page. They must agree for every value
a grid can hold, or a setting silently shows "No precomputed result". The browser tests
render ``static_html()`` with ``page.set_content`` (no book build needed).
"""

from __future__ import annotations

import random
from typing import ClassVar

import ipywidgets as W
import pytest
from matplotlib.figure import Figure

from aatd.widgets import ElastaseExplorer
from aatd.widgets.base import Axis, StaticSpec, TwoFacedExplorer, key_value, marker
from aatd.widgets.contract import SCHEMA

#: The awkward values of the issue, with the key both sides must write.
AWKWARD = {
    1e-7: "0.0000001",
    1e-6: "0.000001",
    0.1 + 0.2: "0.3",
    1e21: "1000000000000000000000",
    -0.0: "0",
    12.5: "12.5",
    33.0: "33",
    -3.25: "-3.25",
    1.000244140625: "1.00024414063",  # an exact tie at the 13th digit: away from zero
    123456789012345.0: "123456789012345",  # integers below 2**53 keep every digit
}


def _many_doubles(n=3000, seed=14):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        mant = rng.uniform(-10, 10)
        out.append(mant * 10.0 ** rng.randint(-30, 30))
        out.append(round(rng.uniform(0, 100) / rng.choice([1, 2, 4, 5, 8, 10, 3, 7]), 6))
        out.append(rng.randint(0, 200) * rng.choice([0.1, 0.05, 0.25, 1e-7, 2.5, 0.01]))
    return out


@pytest.mark.parametrize(("value", "key"), AWKWARD.items())
def test_python_keys_for_awkward_values(value, key):
    assert key_value(value) == key


def test_python_keys_for_other_kinds():
    assert (key_value(True), key_value(False), key_value(None), key_value("ZZ")) == (
        "1",
        "0",
        "-",
        "ZZ",
    )
    with pytest.raises(ValueError, match="nan"):
        key_value(float("nan"))


class _Tiny(TwoFacedExplorer):
    """A minimal explorer whose grid holds awkward slider values (0.1 steps, 1e-7 steps)."""

    slug = "tiny"
    title = "Tiny"
    X: ClassVar[list[float]] = [i * 0.1 for i in range(4)]  # 0.30000000000000004 on the grid
    Y: ClassVar[list[float]] = [j * 1e-7 for j in range(6)]  # 3.0000000000000004e-07 on the grid

    def _make_controls(self):
        return {"x": W.FloatSlider(value=0.0, min=0.0, max=0.3, step=0.1, description="x")}

    def _make_figure(self):
        return Figure(figsize=(1, 1))

    def _update_figure(self, state):
        pass

    def _readout(self, state):
        return "live"

    def _static_state(self):
        return {"x": 0.0, "y": 0.0}

    def _static_spec(self):
        spec = StaticSpec(self, width=200, height=100)
        spec.range("x", "x", min=0.0, max=0.3, step=0.1, value=0.0)
        spec.range("y", "y", min=0.0, max=5e-7, step=1e-7, value=0.0)
        p = spec.panel("p", box=(10, 10, 180, 80), x=Axis(0, 1), y=Axis(0, 1))
        for i, x in enumerate(self.X):
            for j, y in enumerate(self.Y):
                spec.state(
                    {"x": x, "y": y},
                    elements=[marker(p, 0.5, 0.5, color="#000000")],
                    readout=f"state {i} {j}",
                )
        return spec


def test_tiny_grid_keys_are_the_formatted_values():
    keys = set(_Tiny().static_data()["states"])
    assert "0.3|0.0000003" in keys and "0.1|0.0000005" in keys and len(keys) == 24


@pytest.fixture
def blank(browser):
    pg = browser.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg, errors
    pg.close()


def _load(pg, html):
    pg.set_content(f"<!doctype html><html><body>{html}</body></html>")
    pg.wait_for_selector("[data-aatd-ready]")


def test_js_and_python_write_identical_keys(blank):
    pg, errors = blank
    _load(pg, _Tiny().static_html())
    values = [*AWKWARD, *_many_doubles()]
    js = pg.evaluate("vs => vs.map(v => window.aatdKey(v))", values)
    py = [key_value(v) for v in values]
    bad = [(v, p, j) for v, p, j in zip(values, py, js, strict=True) if p != j]
    assert not bad, bad[:10]
    assert pg.evaluate(
        "[aatdKey(-0), aatdKey(true), aatdKey(false), aatdKey(null), aatdKey('ZZ')]"
    ) == [
        "0",
        "1",
        "0",
        "-",
        "ZZ",
    ]
    assert not errors, errors


def test_every_slider_position_finds_its_state(blank):
    # end to end: the browser's own slider values (min + n·step) give keys on the grid
    pg, errors = blank
    _load(pg, _Tiny().static_html())
    seen = set()
    for i in range(4):
        for j in range(6):
            pg.evaluate(
                """([i, j]) => {
                    for (const [name, n] of [["x", i], ["y", j]]) {
                        const el = document.querySelector(`input[data-name="${name}"]`);
                        el.value = String(Number(el.min) + n * Number(el.step));
                        el.dispatchEvent(new Event("input"));
                    }
                }""",
                [i, j],
            )
            readout = pg.inner_text(".aatd-readout")
            assert readout == f"state {i} {j}", readout
            seen.add(pg.get_attribute(".aatd-explorer", "data-aatd-key"))
    assert len(seen) == 24
    assert not errors, errors


def test_a_real_explorer_starts_on_its_grid(blank):
    pg, errors = blank
    x = ElastaseExplorer(genotype="ZZ")
    _load(pg, x.static_html())
    key = pg.get_attribute(".aatd-explorer", "data-aatd-key")
    assert key in x.static_data()["states"]
    assert "No precomputed result" not in pg.inner_text(".aatd-readout")
    assert not errors, errors


def test_schema_documents_every_key_the_grid_uses():
    data = ElastaseExplorer().static_data()
    assert set(data) == set(SCHEMA["explorer"])
    for c in data["controls"]:
        assert set(c) <= set(SCHEMA["control"]), c
    for p in data["panels"].values():
        assert set(p) <= set(SCHEMA["panel"])
        assert set(p["x"]) <= set(SCHEMA["axis"])
    elements = list(data["static"]) + [e for st in data["states"].values() for e in st["e"]]
    kinds = {e["k"] for e in elements}
    assert kinds >= {"line", "mark", "vl"}
    for e in elements:
        assert set(e) <= set(SCHEMA["element"]), e
    for st in data["states"].values():
        assert set(st) <= set(SCHEMA["state"])
        for t in st["t"]:
            assert set(t) <= set(SCHEMA["table"])
    for lk in data["links"]:
        assert set(lk) == set(SCHEMA["link"])
