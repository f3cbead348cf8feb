"""The family explorer (Punnett square): live face, kernel-free face, and a real browser.

Live: changing the parents redraws the same figure and the chances follow
aatd.genetics.offspring. Static: the JSON grid holds all 10 × 10 parent pairs, is
deterministic, loads nothing from another host. Browser: on the built chapter page, both
parents change by mouse and by keyboard and the drawn square changes, with no console errors.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import json_numbers

from aatd import genetics
from aatd.plots import GENOTYPE_COLORS
from aatd.widgets import PunnettExplorer
from aatd.widgets.punnett import GENOTYPES, family_readout

ROOT = Path(__file__).resolve().parents[1]
PAIRS = list(itertools.product(GENOTYPES, repeat=2))
CHAPTER = "notebooks/02-genes-and-inheritance"


def square_labels(explorer) -> list[str]:
    """Genotype labels drawn in the live figure's Punnett-square axes (bold, big text)."""
    ax = explorer.figure.axes[0]
    allowed = set(GENOTYPES)
    return [t.get_text() for t in ax.texts if t.get_text() in allowed]


def children_labels(explorer) -> list[str]:
    """The y tick labels of the live figure's children panel, e.g. 'ZZ  1/4 (25%)'."""
    return [t.get_text() for t in explorer.figure.axes[1].get_yticklabels()]


# --- live face ---------------------------------------------------------------------


def test_defaults_are_two_carriers():
    e = PunnettExplorer()
    assert e.state() == {"parent_a": "MZ", "parent_b": "MZ"}
    assert e.square == [["MM", "MZ"], ["MZ", "ZZ"]]
    assert e.chances == {"MM": 0.25, "MZ": 0.5, "ZZ": 0.25}
    assert square_labels(e) == ["MM", "MZ", "MZ", "ZZ"]
    assert children_labels(e) == ["MM  1/4 (25%)", "MZ  1/2 (50%)", "ZZ  1/4 (25%)"]


def test_changing_parents_updates_square_chances_figure_and_readout():
    e = PunnettExplorer()
    fig = e.figure
    png_before = e._image.value
    readout_before = e._readout_widget.value
    e.controls["parent_a"].value = "ZZ"  # as a user would, through the dropdown
    assert e.figure is fig  # redrawn in place, not replaced
    assert e.square == [["MZ", "ZZ"], ["MZ", "ZZ"]]
    assert e.chances == {"MZ": 0.5, "ZZ": 0.5}
    assert square_labels(e) == ["MZ", "ZZ", "MZ", "ZZ"]
    assert children_labels(e) == ["MZ  1/2 (50%)", "ZZ  1/2 (50%)"]
    assert e._image.value != png_before
    assert e._readout_widget.value != readout_before
    assert "ZZ 1/2 (50%)" in e._readout_widget.value
    assert 'aria-live="polite"' in e._readout_widget.value

    e.controls["parent_b"].value = "MM"
    assert e.chances == {"MZ": 1.0}
    assert children_labels(e) == ["MZ  1 (100%)"]
    # every child is a carrier: the numbers table says so too
    assert "<td>MZ</td><td>1</td><td>100</td>" in e._numbers_widget.value


def test_square_cells_use_the_book_genotype_colours():
    e = PunnettExplorer(parent_a="SZ", parent_b="MQ0")
    from matplotlib.colors import to_hex

    cells = list(e.figure.axes[0].patches)
    fills = [to_hex(p.get_facecolor()).upper() for p in cells]
    expected = [GENOTYPE_COLORS[g].upper() for row in e.square for g in row]
    assert fills == expected


@pytest.mark.parametrize("a, b", [*PAIRS[::7], ("Q0Q0", "Q0Q0"), ("ZQ0", "SQ0")])
def test_live_chances_match_genetics_offspring(a, b):
    e = PunnettExplorer()
    e.set(parent_a=a, parent_b=b)
    assert e.chances == genetics.offspring(a, b)
    assert e.square == genetics.punnett_square(a, b)
    assert square_labels(e) == [g for row in genetics.punnett_square(a, b) for g in row]
    labels = children_labels(e)
    assert [lab.split()[0].rstrip("*") for lab in labels] == list(genetics.offspring(a, b))
    assert sum(e.chances.values()) == pytest.approx(1.0)


def test_any_spelling_is_accepted_and_canonicalised():
    e = PunnettExplorer(parent_a="zm", parent_b="PiSZ")
    assert e.state() == {"parent_a": "MZ", "parent_b": "SZ"}


@pytest.mark.parametrize("bad", ["MX", "ZZZ", "", "A1", None, 7])
def test_bad_genotype_raises_value_error_naming_it(bad):
    with pytest.raises(ValueError) as info:
        PunnettExplorer(parent_a=bad)
    assert repr(bad) in str(info.value)
    e = PunnettExplorer(parent_a="MM", parent_b="ZZ")
    with pytest.raises(ValueError):
        e.set(parent_a="MZ", parent_b=bad)  # one bad value: nothing changes
    assert e.state() == {"parent_a": "MM", "parent_b": "ZZ"}


def test_unknown_control_is_refused():
    with pytest.raises(ValueError, match="unknown control"):
        PunnettExplorer(parent_c="MM")


def test_controls_have_visible_labels_and_offer_all_ten_genotypes():
    e = PunnettExplorer()
    assert set(e.controls) == {"parent_a", "parent_b"}
    for w in e.controls.values():
        assert w.description.startswith("Parent")
        assert list(w.options) == list(GENOTYPES)
    assert len(GENOTYPES) == 10


# --- kernel-free face --------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return PunnettExplorer().static_data()


def test_json_grid_covers_all_100_parent_pairs(data):
    assert data["keys"] == ["parent_a", "parent_b"]
    assert sorted(data["states"]) == sorted(f"{a}|{b}" for a, b in PAIRS)
    assert len(data["states"]) == 100
    options = {c["name"]: [v for v, _ in c["options"]] for c in data["controls"]}
    assert options == {"parent_a": list(GENOTYPES), "parent_b": list(GENOTYPES)}


@pytest.mark.parametrize("a, b", PAIRS)
def test_each_precomputed_pair_matches_the_package(data, a, b):
    st = data["states"][f"{a}|{b}"]
    cells = [el for el in st["e"] if el["k"] == "rect" and el["p"] == "a_square"]
    assert [el["t"] for el in cells] == [g for row in genetics.punnett_square(a, b) for g in row]
    assert [el["c"] for el in cells] == [
        GENOTYPE_COLORS[g] for row in genetics.punnett_square(a, b) for g in row
    ]
    (table,) = st["t"]
    children = table["c"][0]
    percents = table["c"][2]
    percents = data["pool"][percents] if isinstance(percents, int) else percents
    chances = genetics.offspring(a, b)
    assert children == list(chances)
    assert [p / 100 for p in percents] == [chances[c] for c in children]
    assert st["r"] == family_readout(a, b)


def test_readout_states_chances_and_threshold(data):
    r = data["states"]["MZ|SZ"]["r"]
    assert "SZ 1/4 (25%), serum 10–23 µM (straddles 11 µM)" in r
    assert "ZZ 1/4 (25%), serum 3.4–7 µM (below 11 µM)" in r
    assert "derived" in data["states"]["ZQ0|MM"]["r"]
    assert "derived" not in data["states"]["MZ|MZ"]["r"]


def test_static_html_is_deterministic_and_starts_at_the_current_setting():
    e = PunnettExplorer(parent_a="ZZ", parent_b="MM")
    html1 = e.static_html()
    assert html1 == e.static_html()
    assert re.search(r'data-name="parent_a"[^>]*>.*?<option value="ZZ" selected>', html1)
    assert re.search(r'data-name="parent_b"[^>]*>.*?<option value="MM" selected>', html1)
    assert "Parents ZZ × MM. Each child: MZ 1 (100%)" in html1
    # the grid (not the starting point or the element ids) is the same for every instance
    other = PunnettExplorer(parent_a="SS", parent_b="Q0Q0")
    assert other.static_data() == e.static_data()


def _html_digest_in_fresh_process(seed: str) -> str:
    code = (
        "import hashlib; from aatd.widgets import PunnettExplorer;"
        "print(hashlib.sha256(PunnettExplorer(parent_a='MZ', parent_b='SZ')"
        ".static_html().encode()).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=ROOT
    )
    return out.stdout.strip()


def test_static_html_is_byte_identical_across_processes():
    assert _html_digest_in_fresh_process("1") == _html_digest_in_fresh_process("4242")


def test_static_html_loads_nothing_from_another_host_and_is_small():
    html = PunnettExplorer().static_html()
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html)
    assert not [u for u in urls if re.match(r"(?:https?:)?//", u)]
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "import(" not in html
    # the only absolute URL is the SVG namespace
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg"}
    assert len(gzip.compress(html.encode())) < 100_000


def test_json_is_compact_sorted_and_rounded():
    html = PunnettExplorer().static_html()
    payload = re.search(
        r'<script type="application/json" class="aatd-data">(.*?)</script>', html, re.S
    ).group(1)
    parsed = json.loads(payload)
    canonical = json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    canonical = canonical.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    same = payload == canonical
    assert same, "the JSON grid is not in compact sorted form"

    too_precise = [x for x in json_numbers(parsed) if float(f"{x:.4g}") != x]
    assert too_precise == []


# --- the built chapter in a real browser -------------------------------------------


def _drawn_square(page, root) -> list[str]:
    """Genotype labels of the four square cells as drawn in the SVG (reading order)."""
    return page.evaluate(
        f"""(root) => {{
            const genos = new Set({json.dumps(list(GENOTYPES))});
            return Array.from(root.querySelectorAll("svg .aatd-dynamic text"))
                .map(t => t.textContent).filter(s => genos.has(s));
        }}""",
        root.element_handle(),
    )


def _expect(page, root, a, b):
    page.wait_for_function(
        "([el, key]) => el.getAttribute('data-aatd-key') === key",
        arg=[root.element_handle(), f"{a}|{b}"],
        timeout=5000,
    )
    assert _drawn_square(page, root) == [g for row in genetics.punnett_square(a, b) for g in row]
    assert root.locator(".aatd-readout").inner_text() == family_readout(a, b)


def test_family_explorer_responds_to_mouse_and_keyboard(page, book_server):
    page.goto(f"{book_server}{CHAPTER}.html", wait_until="load")
    root = page.locator(".aatd-explorer.aatd-punnett")
    assert root.count() == 1, "the chapter shows one kernel-free family explorer"
    root.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.getAttribute('data-aatd-ready') === '1'", arg=root.element_handle()
    )
    sel_a = root.locator('select[data-name="parent_a"]')
    sel_b = root.locator('select[data-name="parent_b"]')
    # visible labels tied to the controls
    assert (
        root.locator(f'label[for="{sel_a.get_attribute("id")}"]').inner_text()
        == "Parent A genotype"
    )
    assert (
        root.locator(f'label[for="{sel_b.get_attribute("id")}"]').inner_text()
        == "Parent B genotype"
    )
    _expect(page, root, "MZ", "MZ")
    square_before = _drawn_square(page, root)

    # mouse: click each menu, then pick an option as the pointer would
    sel_a.click()
    sel_a.select_option("ZZ")
    _expect(page, root, "ZZ", "MZ")
    assert _drawn_square(page, root) != square_before
    sel_b.click()
    sel_b.select_option("SQ0")
    _expect(page, root, "ZZ", "SQ0")
    page.keyboard.press("Escape")

    # keyboard: focus parent A, arrow keys move through the genotypes; Tab to parent B
    sel_a.focus()
    page.keyboard.press("ArrowUp")  # ZZ -> SQ0 (options in package order)
    _expect(page, root, "SQ0", "SQ0")
    page.keyboard.press("Home")  # first option
    _expect(page, root, "MM", "SQ0")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-name')") == "parent_b"
    page.keyboard.press("End")  # last option
    _expect(page, root, "MM", "Q0Q0")
    page.keyboard.press("ArrowUp")
    _expect(page, root, "MM", "ZQ0")

    # the numbers table follows the drawing
    root.locator("details.aatd-numbers summary").click()
    table_text = root.locator(".aatd-tables table").inner_text()
    assert "Children of MM × ZQ0" in table_text and "MZ" in table_text and "MQ0" in table_text
    page.problems.assert_clean()
