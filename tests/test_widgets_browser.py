"""The kernel-free explorers in the built book, in a real browser (chromium).

On the two explorer chapters every control is moved by mouse and by keyboard and the SVG
drawing must change; the aria-live readout follows; nothing is loaded from another host;
no console errors; input → redrawn figure stays under 100 ms (performance.now() in the
page); the page fits the 3 MB gzip budget.
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import urlparse

ELASTASE_PAGE = "notebooks/04-elastase-vs-antitrypsin.html"
LUNG_PAGE = "notebooks/06-lung-damage-over-a-lifetime.html"
PAGE_BUDGET_BYTES = 3 * 1024 * 1024
REDRAW_BUDGET_MS = 100.0


def _open(page, book_server, path, slug):
    responses = []
    page.on("response", lambda r: responses.append(r.url))
    page.goto(book_server + path)
    explorers = page.locator(f'.aatd-explorer[data-aatd-explorer="{slug}"]')
    assert explorers.count() >= 1, f"no {slug} explorer on {path}"
    root = explorers.first
    page.wait_for_selector(f'.aatd-explorer[data-aatd-explorer="{slug}"][data-aatd-ready="1"]')
    root.scroll_into_view_if_needed()
    page.responses = responses
    return root


def _pick(root, select, value):
    """Choose ``value`` in a native ``<select>`` with the mouse: click it open, pick, then
    click outside so the popup closes (as a user would)."""
    select.click()
    select.select_option(value)
    root.locator(".aatd-title").click()


def _drawing(root) -> str:
    return root.locator("svg g.aatd-dynamic").inner_html()


def _readout(root) -> str:
    return root.locator(".aatd-readout").inner_text()


def _control(root, name):
    return root.locator(f'[data-name="{name}"]')


class _Watch:
    """Asserts that an action changes the drawing (and optionally the readout)."""

    def __init__(self, root):
        self.root = root

    def __call__(self, what, action, readout=True):
        before, text_before = _drawing(self.root), _readout(self.root)
        redraws = int(self.root.get_attribute("data-aatd-redraws"))
        action()
        after = _drawing(self.root)
        assert after != before, f"{what}: the drawing did not change"
        assert int(self.root.get_attribute("data-aatd-redraws")) > redraws
        if readout:
            assert _readout(self.root) != text_before, f"{what}: the readout did not change"


def _range_click(page, el, fraction):
    box = el.bounding_box()
    page.mouse.click(box["x"] + box["width"] * fraction, box["y"] + box["height"] / 2)


def _redraw_times(page, root_id, name, values, event):
    return page.evaluate(
        """([id, name, values, event]) => {
            const root = document.getElementById(id);
            const el = root.querySelector(`[data-name="${name}"]`);
            const out = [];
            for (const v of values) {
                const t0 = performance.now();
                el.value = String(v);
                el.dispatchEvent(new Event(event, {bubbles: true}));
                root.getBoundingClientRect();           // force style and layout
                document.body.offsetHeight;
                out.push(performance.now() - t0);
            }
            return out;
        }""",
        [root_id, name, values, event],
    )


def _page_gzip_bytes(built_book: Path, book_server: str, urls) -> int:
    total = 0
    host = urlparse(book_server).netloc
    for url in set(urls):
        u = urlparse(url)
        if u.netloc != host:
            continue
        path = built_book / u.path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes()))
    return total


# ------------------------------------------------------------------------ elastase
def test_elastase_explorer_every_control_mouse_and_keyboard(page, book_server, built_book):
    root = _open(page, book_server, ELASTASE_PAGE, "elastase")
    watch = _Watch(root)
    readout = root.locator(".aatd-readout")
    assert readout.get_attribute("aria-live") == "polite"
    genotype, aat = _control(root, "genotype"), _control(root, "aat_uM")
    smoker, units = _control(root, "smoker"), _control(root, "units")

    # genotype by mouse (click, then pick) and by keyboard (arrow keys)
    watch("genotype (mouse)", lambda: _pick(root, genotype, "ZZ"))
    assert aat.input_value() == "5"  # the slider moved to ZZ's typical level
    assert "ZZ protein at 5 µM" in _readout(root)

    def genotype_keys():
        genotype.focus()
        page.keyboard.press("ArrowUp")  # ZZ -> SZ

    watch("genotype (keyboard)", genotype_keys)
    assert genotype.input_value() == "SZ"

    # serum slider by mouse and keyboard
    watch("serum AAT (mouse)", lambda: _range_click(page, aat, 0.8))
    assert int(aat.input_value()) >= 40
    high = _readout(root)

    def slider_keys():
        aat.focus()
        page.keyboard.press("Home")
        for _ in range(3):
            page.keyboard.press("ArrowRight")

    watch("serum AAT (keyboard)", slider_keys)
    assert aat.input_value() == "3"
    assert genotype.input_value() == "SZ"  # a custom level keeps the genotype's protein
    assert _readout(root) != high
    assert root.locator("output").first.inner_text().startswith("3")

    # smoker by mouse and keyboard: the smoker's bend appears and goes
    watch("smoker (mouse)", lambda: smoker.click())
    assert "bend when smoking" in _drawing(root)

    def smoker_keys():
        smoker.focus()
        page.keyboard.press("Space")

    watch("smoker (keyboard)", smoker_keys)
    assert "bend when smoking" not in _drawing(root)

    # units: a view control: the readout changes (the drawing is redrawn the same)
    before = _readout(root)
    root.locator('label:has-text("mg/dL")').click()
    assert "mg/dL" in _readout(root) and "standard" in _readout(root)
    assert _readout(root) != before
    assert units.nth(1).is_checked()
    units.nth(1).focus()
    page.keyboard.press("ArrowLeft")  # back to µM by keyboard (radio group)
    assert units.nth(0).is_checked()
    assert "mg/dL" not in _readout(root)

    # "show the numbers" opens and holds the current curve's values
    root.locator("summary").click()
    table = root.locator(".aatd-tables table").first
    assert table.is_visible() and table.locator("tbody tr").count() > 50
    page.problems.assert_clean()
    size = _page_gzip_bytes(built_book, book_server, page.responses)
    print(f"{root.get_attribute('data-aatd-explorer')} page: {size / 1e6:.2f} MB gzip in all")
    assert 0 < size <= PAGE_BUDGET_BYTES, f"page is {size / 1e6:.2f} MB gzip"


def test_elastase_redraw_under_100_ms(page, book_server):
    root = _open(page, book_server, ELASTASE_PAGE, "elastase")
    times = _redraw_times(
        page, root.get_attribute("id"), "aat_uM", list(range(0, 61, 3)) * 2, "input"
    )
    med = statistics.median(times)
    print(f"elastase static face: median input→redraw {med:.1f} ms, max {max(times):.1f} ms")
    assert med < REDRAW_BUDGET_MS
    page.problems.assert_clean()


# ------------------------------------------------------------------------ lung
def test_lung_explorer_every_control_mouse_and_keyboard(page, book_server, built_book):
    root = _open(page, book_server, LUNG_PAGE, "lung")
    watch = _Watch(root)
    genotype, quit_age = _control(root, "genotype"), _control(root, "quit_age")
    aug = _control(root, "augmentation_start_age")
    radios = _control(root, "smoking")
    assert root.locator(".aatd-readout").get_attribute("aria-live") == "polite"
    assert "not a prognosis" in root.inner_text()

    # smoking: "never" first, by mouse; quit age is disabled unless "former"
    def never():
        root.locator('label:has-text("never")').first.click()

    if radios.nth(0).is_checked():
        watch(
            "smoking current (mouse)",
            lambda: root.locator('label:has-text("current")').first.click(),
        )
    watch("smoking never (mouse)", never)
    assert quit_age.is_disabled()

    def smoking_keys():
        radios.nth(0).focus()
        page.keyboard.press("ArrowRight")  # never -> current

    watch("smoking (keyboard)", smoking_keys)
    assert radios.nth(1).is_checked()
    watch("smoking former (mouse)", lambda: radios.nth(2).click())
    assert quit_age.is_enabled()

    # quit age by mouse and keyboard
    watch("quit age (mouse)", lambda: _range_click(page, quit_age, 0.05))
    assert quit_age.input_value() == "20"

    def quit_keys():
        quit_age.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")

    watch("quit age (keyboard)", quit_keys)
    assert quit_age.input_value() == "30"
    assert "after quitting at 30" in _readout(root)

    # augmentation by mouse and keyboard
    watch("augmentation (mouse)", lambda: _pick(root, aug, "40"))

    def aug_keys():
        aug.focus()
        page.keyboard.press("ArrowDown")

    watch("augmentation (keyboard)", aug_keys)
    assert aug.input_value() == "45"

    # genotype by mouse and keyboard
    watch("genotype (mouse)", lambda: _pick(root, genotype, "MZ"))

    def genotype_keys():
        genotype.focus()
        page.keyboard.press("ArrowDown")

    watch("genotype (keyboard)", genotype_keys)
    assert genotype.input_value() == "SZ"
    page.problems.assert_clean()
    size = _page_gzip_bytes(built_book, book_server, page.responses)
    print(f"{root.get_attribute('data-aatd-explorer')} page: {size / 1e6:.2f} MB gzip in all")
    assert 0 < size <= PAGE_BUDGET_BYTES, f"page is {size / 1e6:.2f} MB gzip"


def test_lung_redraw_under_100_ms(page, book_server):
    root = _open(page, book_server, LUNG_PAGE, "lung")
    page.evaluate(
        """(id) => { const r = document.getElementById(id);
        const f = r.querySelector('[data-name="smoking"][value="former"]');
        f.checked = true; f.dispatchEvent(new Event('change', {bubbles: true})); }""",
        root.get_attribute("id"),
    )
    times = _redraw_times(
        page, root.get_attribute("id"), "quit_age", list(range(20, 71, 5)) * 3, "input"
    )
    med = statistics.median(times)
    print(f"lung static face: median input→redraw {med:.1f} ms, max {max(times):.1f} ms")
    assert med < REDRAW_BUDGET_MS
    page.problems.assert_clean()
