"""The kernel-free face of both explorers: the precomputed JSON grid covers every control
value at the stated resolution, is deterministic, rounded to 4 significant digits, comes
from the model, loads nothing from another host, and fits the size budget."""

from __future__ import annotations

import gzip
import itertools
import json
import re

import pytest
from conftest import json_numbers

from aatd import genetics, kinetics, lung
from aatd.widgets import ElastaseExplorer, LungExplorer
from aatd.widgets.base import compact_json, sig4

#: Budget per explorer page, gzip-transferred (issue 4).
PAGE_BUDGET_BYTES = 3 * 1024 * 1024
GENOTYPES = ("MM", "MS", "SS", "MZ", "SZ", "ZZ", "Q0Q0")
AGES_5 = list(range(20, 71, 5))


@pytest.fixture(scope="module")
def elastase():
    x = ElastaseExplorer(genotype="ZZ")
    return x, x.static_html(), x.static_data()


@pytest.fixture(scope="module")
def lung_x():
    x = LungExplorer(genotype="ZZ", smoking="former", quit_age=40)
    return x, x.static_html(), x.static_data()


def _payload(html: str) -> str:
    m = re.search(r'<script type="application/json" class="aatd-data">(.*?)</script>', html, re.S)
    assert m, "no JSON grid in the static HTML"
    return m.group(1)


# ------------------------------------------------------------------------ grid coverage
def test_elastase_grid_covers_every_control_value(elastase):
    _, _, data = elastase
    ctl = {c["name"]: c for c in data["controls"]}
    assert ctl["aat_uM"]["min"] == 0 and ctl["aat_uM"]["max"] == 60
    assert ctl["aat_uM"]["step"] == 1
    assert [v for v, _ in ctl["genotype"]["options"]] == list(GENOTYPES)
    assert data["keys"] == ["genotype", "aat_uM", "smoker"]
    # Q0Q0 makes no protein: its slider is disabled ("-" in the key) and pinned at 0
    assert ctl["aat_uM"]["en"] == {"genotype": [g for g in GENOTYPES if g != "Q0Q0"]}
    expected = {
        f"{g}|{a}|{s}" for g in GENOTYPES if g != "Q0Q0" for a in range(61) for s in "01"
    } | {"Q0Q0|-|0", "Q0Q0|-|1"}
    assert set(data["states"]) == expected
    assert len(expected) == 6 * 61 * 2 + 2
    for st in data["states"].values():
        assert set(st["r"]) == {"uM", "mg_dl"}
    # choosing a genotype moves the slider to its typical level, snapped to the grid
    link = data["links"][0]
    assert link["from"] == "genotype" and link["to"] == "aat_uM"
    for g in GENOTYPES:
        assert link["table"][g] == round(genetics.serum_aat(g).typical_uM)


def test_lung_grid_covers_every_control_value(lung_x):
    _, _, data = lung_x
    ctl = {c["name"]: c for c in data["controls"]}
    assert (ctl["quit_age"]["min"], ctl["quit_age"]["max"], ctl["quit_age"]["step"]) == (20, 70, 5)
    assert ctl["quit_age"]["en"] == {"smoking": ["former"]}
    augs = [v for v, _ in ctl["augmentation_start_age"]["options"]]
    assert augs == ["none"] + [str(a) for a in AGES_5]
    assert data["keys"] == ["genotype", "smoking", "quit_age", "augmentation_start_age"]
    expected = set()
    for g in GENOTYPES:
        for aug in augs:
            expected.add(f"{g}|never|-|{aug}")
            expected.add(f"{g}|current|-|{aug}")
            for q in AGES_5:
                expected.add(f"{g}|former|{q}|{aug}")
    assert set(data["states"]) == expected
    assert len(expected) == 7 * 12 * (2 + 11)


# ------------------------------------------------------------------------ model numbers
def _pool(data, ref):
    return data["pool"][ref] if isinstance(ref, int) else ref


def test_elastase_grid_numbers_come_from_the_model(elastase):
    _, _, data = elastase
    for g, a, s in [("ZZ", 5, False), ("MM", 33, True), ("SZ", 11, False), ("Q0Q0", 0, True)]:
        st = data["states"][f"{g}|{'-' if g == 'Q0Q0' else a}|{int(s)}"]
        mark = next(e for e in st["e"] if e["k"] == "mark")
        assert mark["x"] == a
        assert mark["y"] == sig4(kinetics.elastase_exposure(g, aat_uM=float(a), smoker=s))
        if s:
            bend = next(e for e in st["e"] if e["k"] == "vl")
            assert bend["x"] == pytest.approx(kinetics.exposure_bend_uM(g, smoker=True), rel=1e-3)
        else:
            assert not any(e["k"] == "vl" for e in st["e"])
    # lower serum AAT → more exposure, at every grid step
    ys = [
        next(e for e in data["states"][f"MZ|{a}|0"]["e"] if e["k"] == "mark")["y"]
        for a in range(61)
    ]
    assert all(a >= b for a, b in itertools.pairwise(ys))


def test_lung_grid_numbers_come_from_the_model(lung_x):
    _, _, data = lung_x
    st = data["states"]["ZZ|former|40|none"]
    person = next(e for e in st["e"] if e["k"] == "line")
    ages = _pool(data, person["x"])
    traj = lung.fev1_trajectory("ZZ", smoking="former", quit_age=40, ages=ages)
    assert _pool(data, person["y"]) == [sig4(v) for v in traj.percent_of_age25]
    decline = lung.decline_ml_per_year("ZZ", smoking="former", quit_age=40)
    assert f"{decline:.0f} mL/yr" in st["r"]
    assert ages[0] == 20 and ages[-1] == 80


def test_no_q0q0_state_shows_protein_above_zero(elastase):
    _, _, data = elastase
    q0 = {k: st for k, st in data["states"].items() if k.startswith("Q0Q0|")}
    assert set(q0) == {"Q0Q0|-|0", "Q0Q0|-|1"}
    for st in q0.values():
        assert all(e["x"] == 0 for e in st["e"] if e["k"] == "mark")
        for text_ in st["r"].values():
            assert "no AAT protein" in text_ and "Q0Q0 protein at" not in text_
    assert data["links"][0]["table"]["Q0Q0"] == 0
    # positive control: the other genotypes do show a level above 0 in their readouts
    assert "ZZ protein at 30 µM" in data["states"]["ZZ|30|0"]["r"]["uM"]


_RATE = re.compile(r"(-?\d+(?:\.\d+)?) mL/yr")


def _lung_state_args(key):
    g, smoking, q, aug = key.split("|")
    return (g, smoking, None if q == "-" else int(q), None if aug == "none" else int(aug))


def test_every_lung_readout_rate_is_the_models_decline_and_positive(lung_x):
    """Every mL/yr a lung readout prints is decline_ml_per_year for its state at the
    precision shown (nothing clamped), and is > 0; spans past the end get no number."""
    _x, _, data = lung_x
    ref = f"MM never-smoker: {lung.decline_ml_per_year('MM'):.0f} mL/yr"
    checked = not_meaningful = 0
    for key, st in data["states"].items():
        g, smoking, q, aug = _lung_state_args(key)
        kw = {"smoking": smoking, "quit_age": q, "augmentation_start_age": aug}
        text_ = st["r"]
        for v in _RATE.findall(text_):
            assert float(v) > 0, (key, text_)
        main = lung.decline_within_model_ml_per_year(g, **kw)
        if main is None:
            assert "from 40 to 60 is not meaningful" in text_
            not_meaningful += 1
        else:
            assert f"40 to 60: {lung.decline_ml_per_year(g, **kw):.0f} mL/yr ({ref})" in text_
            checked += 1
        if aug is not None and main is not None:
            lo, hi = (
                lung.decline_within_model_ml_per_year(g, augmentation_fev1_fraction=f, **kw)
                for f in (0.5, 0.0)
            )
            if lo is not None and hi is not None:
                assert f"gives {lo:.0f}–{hi:.0f} mL/yr" in text_, key
        if q is not None:
            a = max(q, 25)
            after = lung.decline_within_model_ml_per_year(
                g, from_age=a, to_age=min(a + 10, 80), **kw
            )
            if after is None:
                assert f"after quitting at {q}".capitalize() in text_ or (
                    f"After quitting at {q}" in text_
                ), key
                assert "is not meaningful" in text_
            else:
                raw = lung.decline_ml_per_year(g, from_age=a, to_age=min(a + 10, 80), **kw)
                assert f"after quitting at {q}: {raw:.0f} mL/yr" in text_, key
    assert checked > 500 and not_meaningful > 10  # both branches are exercised


def test_lung_curves_end_at_the_models_end_with_a_marker(lung_x):
    _, _, data = lung_x
    ended = 0
    for key, st in data["states"].items():
        g, smoking, q, aug = _lung_state_args(key)
        traj = lung.fev1_trajectory(g, smoking=smoking, quit_age=q, augmentation_start_age=aug)
        person = next(e for e in st["e"] if e["k"] == "line")
        ys = _pool(data, person["y"])
        assert min(ys) >= sig4(lung.MODEL_END_PERCENT)
        ends = [e for e in st["e"] if e["k"] == "mark" and "range ends" in (e.get("t") or "")]
        end = traj.end_age_years
        if end is not None and end <= 80:
            ended += 1
            assert len(ends) == 1 and ends[0]["y"] == sig4(lung.MODEL_END_PERCENT)
            assert ends[0]["x"] == sig4(end)
            assert _pool(data, person["x"])[-1] == sig4(end)
        else:
            assert not ends
    assert ended > 100


def test_lung_augmentation_band_spans_the_assumptions_range(lung_x):
    _, _, data = lung_x
    st = data["states"]["ZZ|never|-|40"]
    band = next(e for e in st["e"] if e["k"] == "area")
    xs, lo, hi = (_pool(data, band[k]) for k in ("x", "y0", "y1"))
    low = lung.fev1_trajectory(
        "ZZ", augmentation_start_age=40, ages=xs, augmentation_fev1_fraction=0.0
    )
    high = lung.fev1_trajectory(
        "ZZ", augmentation_start_age=40, ages=xs, augmentation_fev1_fraction=0.5
    )
    assert lo == [sig4(v) for v in low.percent_of_age25]
    assert hi == [sig4(v) for v in high.percent_of_age25]
    assert xs[0] == 40 and all(h >= low_ for h, low_ in zip(hi, lo, strict=True))
    assert not any(e["k"] == "area" for e in data["states"]["ZZ|never|-|none"]["e"])
    # no severity line without a source: the panel has no horizontal line at all
    assert not any(e["k"] == "hl" for e in data["static"])


# ------------------------------------------------------------------------ format
@pytest.mark.parametrize("which", ["elastase", "lung_x"])
def test_numbers_have_at_most_4_significant_digits(which, request):
    _, html, data = request.getfixturevalue(which)
    count = 0
    for v in json_numbers(data):
        count += 1
        assert float(f"{v:.4g}") == v, v
    assert count > 1000
    for lit in re.findall(r"(?<![\w.])-?\d+\.\d+(?:e[-+]?\d+)?", _payload(html)):
        digits = lit.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
        assert len(digits) <= 4, lit


@pytest.mark.parametrize(
    "cls,kw",
    [
        (ElastaseExplorer, {"genotype": "SZ", "smoker": True}),
        (LungExplorer, {"smoking": "current"}),
    ],
)
def test_static_face_is_deterministic(cls, kw):
    a, b = cls(**kw), cls(**kw)
    ha, hb = a.static_html(), b.static_html()
    assert a.static_html() == ha  # same object, same bytes
    # two objects differ only in the per-process instance number of their element ids
    norm = re.compile(r"(aatd-[a-z]+-[0-9a-f]{8})-\d+")
    assert norm.sub(r"\1-N", ha) == norm.sub(r"\1-N", hb)
    assert _payload(ha) == _payload(hb)
    payload = _payload(ha)
    assert payload == compact_json(json.loads(payload))  # sorted keys, no spaces


# ------------------------------------------------------------------------ offline, safe
@pytest.mark.parametrize("which", ["elastase", "lung_x"])
def test_static_html_loads_nothing_from_another_host(which, request):
    _, html, _ = request.getfixturevalue(which)
    assert not re.search(r"""\b(src|href|action)\s*=""", html, re.I)
    assert "@import" not in html and "url(http" not in html
    for m in re.finditer(r"https?://[^\s\"'<>)]+", html):
        assert m.group(0) == "http://www.w3.org/2000/svg", m.group(0)  # a namespace name
    script = html[html.rindex("<script>") :]
    for bad in ("eval(", "new Function", "fetch(", "XMLHttpRequest", "import(", "innerHTML"):
        assert bad not in script, bad


@pytest.mark.parametrize("which", ["elastase", "lung_x"])
def test_static_html_accessibility_markup(which, request):
    _x, html, data = request.getfixturevalue(which)
    assert 'aria-live="polite"' in html
    assert "<summary>Show the numbers</summary>" in html
    for c in data["controls"]:
        cid = re.escape(c["name"])
        if c["kind"] == "radio":
            assert re.search(rf'<fieldset class="aatd-ctl" id="[^"]+-c-{cid}"[^>]*><legend>', html)
        else:
            m = re.search(rf'id="([^"]+-c-{cid})"', html)
            assert m and f'<label for="{m.group(1)}">' in html, c["name"]
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate element ids"
    assert "<table>" in html  # the starting numbers are there even without JavaScript


@pytest.mark.parametrize("which", ["elastase", "lung_x"])
def test_size_budget(which, request):
    _, html, _ = request.getfixturevalue(which)
    size = len(gzip.compress(html.encode("utf-8")))
    print(f"{which}: {len(html.encode()) / 1e6:.2f} MB raw, {size / 1e3:.0f} kB gzip")
    assert size < PAGE_BUDGET_BYTES / 3  # leaves room for the rest of the page


# ------------------------------------------------------------------------ notebooks
#: Explorer cells allowed to carry ``nbval-ignore-output``, with the reason. Empty: the
#: explorers' outputs are deterministic (the widget view's random model_id is replaced by
#: tests/nbval_sanitize.cfg, and nbval skips the widget-view mime type anyway).
NBVAL_IGNORED_EXPLORER_CELLS: dict[tuple[str, int], str] = {}


@pytest.mark.parametrize("stem", ["04-elastase-vs-antitrypsin", "06-lung-damage-over-a-lifetime"])
def test_explorer_cells_are_checked_by_strict_nbval(stem):
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[1] / "notebooks" / f"{stem}.ipynb"
    nb = nbformat.read(path, as_version=4)
    found = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        html = "".join(
            o.get("data", {}).get("text/html", "")
            if isinstance(o.get("data", {}).get("text/html", ""), str)
            else "".join(o["data"]["text/html"])
            for o in cell.get("outputs", [])
        )
        if "aatd-explorer" not in html:
            continue
        found += 1
        tags = cell.metadata.get("tags", [])
        if "nbval-ignore-output" in tags:
            assert (stem, i) in NBVAL_IGNORED_EXPLORER_CELLS, (
                f"{stem} cell {i} ignores its output under nbval without a listed reason"
            )
        outs = [o for o in cell.outputs if "text/html" in o.get("data", {})]
        # no saved widget view: JupyterLab would show "model not found" instead of this face
        assert outs and not any(
            "application/vnd.jupyter.widget-view+json" in o["data"] for o in outs
        )
    assert found >= 1, f"{stem} displays no explorer"
