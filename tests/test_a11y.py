"""Accessibility of the built book: axe-core on every page in light and dark, and the keyboard.

axe-core is the pinned npm package (``package.json``), injected from ``node_modules`` so nothing
goes off-host. It runs with the WCAG 2.0/2.1/2.2 A and AA tags plus best-practice, no rule
disabled and no region excluded, after explorers, quizzes and MathJax have finished and with every
toggle, dropdown and ``<details>`` opened. Any serious or critical violation fails the page.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, toc_pages

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
#: Every built page: the table of contents plus the two pages Sphinx makes itself.
ALL_PAGES = [*toc_pages(), "search", "genindex"]
SCHEMES = ["light", "dark"]


def _axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci --no-audit --no-fund`", pytrace=False)
    pkg = json.loads((AXE_JS.parent / "package.json").read_text())
    assert pkg["version"] == AXE_VERSION, (
        f"axe-core {pkg['version']} installed, {AXE_VERSION} pinned"
    )
    return AXE_JS.read_text()


def open_themed(
    browser, url: str, scheme: str, *, reduced_motion: str = "no-preference", width=1280
):
    """A page at ``url`` in the ``scheme`` colour scheme, settled (see :func:`settle`)."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion=reduced_motion
    )
    host = url.split("/")[2]
    offhost: list[str] = []

    def route(r):
        target = r.request.url
        if target.split("/")[2:3] != [host] and not target.startswith(("data:", "blob:")):
            offhost.append(target)
            r.abort()
        else:
            r.continue_()

    pg = context.new_page()
    pg.route("**/*", route)
    pg.goto(url, wait_until="load")
    settle(pg)
    theme = pg.evaluate("document.documentElement.dataset.theme")
    assert theme == scheme, f"{url}: data-theme is {theme!r} with prefers-color-scheme {scheme}"
    pg.offhost = offhost
    return pg


def settle(pg) -> None:
    """Wait until explorers, quizzes and MathJax have finished."""
    pg.wait_for_load_state("networkidle")
    pg.wait_for_function(
        """() => [...document.querySelectorAll('.aatd-explorer')]
                   .every(e => e.getAttribute('data-aatd-ready') === '1')
              && [...document.querySelectorAll('.aatd-quiz')]
                   .every(e => e.getAttribute('data-ready') === '1')""",
        timeout=20000,
    )
    if pg.locator(".math").count():
        # MathJax loads on demand (book/_ext/lean_pages.py): ask for it, then wait for it.
        pg.evaluate("() => window.aatdLoadMathJax && window.aatdLoadMathJax()")
        pg.locator(".math").first.scroll_into_view_if_needed()
        pg.wait_for_selector("mjx-container", timeout=20000)
        pg.evaluate("() => window.scrollTo(0, 0)")
        pg.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")


def open_everything(pg) -> None:
    """Open every ``<details>`` (myst-nb's hidden cells, sphinx-design dropdowns, explorers'
    tables) and every sphinx-togglebutton toggle (solutions, hidden admonitions)."""
    pg.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for btn in pg.locator("button.toggle-button").all():
        if btn.get_attribute("aria-expanded") == "false" and btn.is_visible():
            btn.click()
    pg.wait_for_timeout(300)  # toggles animate open
    # Back to the top: the sticky header would otherwise sit over whatever the last click
    # scrolled to, and axe would report that overlap (target-size) as the page's.
    pg.evaluate("window.scrollTo(0, 0)")
    pg.wait_for_timeout(100)


def run_axe(pg) -> list[dict]:
    """axe's violations on the whole document (no rule disabled, nothing excluded)."""
    if not pg.evaluate("() => typeof window.axe !== 'undefined'"):
        pg.add_script_tag(content=_axe_source())
    return pg.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                          html: n.html.slice(0, 160),
                                          summary: n.failureSummary}))}));
        }""",
        AXE_TAGS,
    )


def page_violations(pg) -> list[dict]:
    """Violations with everything opened, then with each header dropdown menu opened in turn."""
    open_everything(pg)
    found = {}
    for v in run_axe(pg):
        found[v["id"]] = v
    menus = pg.locator(".header-article button.dropdown-toggle, .bd-header button.dropdown-toggle")
    for i in range(menus.count()):
        btn = menus.nth(i)
        if not btn.is_visible():
            continue
        btn.click()
        pg.wait_for_timeout(150)
        for v in run_axe(pg):
            seen = found.setdefault(v["id"], {**v, "nodes": []})
            targets = {n["target"] for n in seen["nodes"]}
            seen["nodes"] += [n for n in v["nodes"] if n["target"] not in targets]
        pg.keyboard.press("Escape")
    return list(found.values())


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} node(s)")
        for n in v["nodes"][:4]:
            lines.append(f"    {n['target']}: {n['html']}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_name", ALL_PAGES)
def test_axe_finds_no_serious_violation(browser, book_server, page_name, scheme):
    pg = open_themed(browser, f"{book_server}{page_name}.html", scheme)
    try:
        violations = page_violations(pg)
        bad = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        assert not bad, f"{page_name} ({scheme}):\n{_report(bad)}"
        assert not pg.offhost, f"off-host requests: {pg.offhost}"
    finally:
        pg.context.close()


def test_axe_positive_control(browser, book_server, tmp_path):
    """The harness sees a violation when there is one: a low-contrast, unlabelled page."""
    pg = open_themed(browser, f"{book_server}book/intro.html", "light")
    try:
        pg.evaluate(
            """() => { const p = document.createElement('p');
                       p.textContent = 'faint text'; p.style.color = '#bbbbbb';
                       document.querySelector('article').appendChild(p);
                       const i = document.createElement('input');
                       document.querySelector('article').appendChild(i); }"""
        )
        ids = {v["id"] for v in run_axe(pg) if v["impact"] in FAILING_IMPACTS}
        assert {"color-contrast", "label"} <= ids, ids
    finally:
        pg.context.close()


def axe_counts(browser, base_url: str) -> dict:
    """Serious/critical violation counts per page and theme (used for the before/after note)."""
    out = {}
    for name in ALL_PAGES:
        for scheme in SCHEMES:
            pg = open_themed(browser, f"{base_url}{name}.html", scheme)
            try:
                out[(name, scheme)] = page_violations(pg)
            finally:
                pg.context.close()
    return out


if __name__ == "__main__":  # python3 tests/test_a11y.py URL  -> counts as JSON lines
    import sys

    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for (name, scheme), vs in axe_counts(b, sys.argv[1]).items():
            for v in vs:
                print(
                    json.dumps(
                        {
                            "page": name,
                            "scheme": scheme,
                            "id": v["id"],
                            "impact": v["impact"],
                            "nodes": len(v["nodes"]),
                            "targets": [n["target"] for n in v["nodes"]][:6],
                        }
                    )
                )
        b.close()


def test_extension_html_fixes_still_match_upstream():
    """Each rewrite in book/_ext/a11y_html.py matches what the pinned extensions write (if an
    upgrade changes the string, this fails instead of the fix silently doing nothing)."""
    import inspect
    import sys

    import myst_nb.sphinx_

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from a11y_html import fix_body

    assert '<summary aria-label="Toggle hidden content">' in inspect.getsource(myst_nb.sphinx_)
    before = (
        '<details><summary aria-label="Toggle hidden content">\n<p>Show code</p></summary>'
        '<div role="list" class="citation-list">'
        '<div class="citation" id="id1" role="doc-biblioentry"><a href="#x">1</a></div></div>'
    )
    after = fix_body(before)
    assert "<summary>\n<p>Show code</p>" in after
    assert '<div class="citation" role="listitem" id="id1">' in after
    assert "doc-biblioentry" not in after and "Toggle hidden content" not in after
