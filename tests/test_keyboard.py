"""The book by keyboard alone: no focus trap, visible focus, a skip link, keyboard-only explorer
and quiz, and no motion for readers who ask for less (issue 17).

Only ``Tab``, ``Shift+Tab``, arrows, ``Space`` and ``Enter`` move focus or act here: no test
clicks or calls ``focus()``, so what passes is what a keyboard user can do.
"""

from __future__ import annotations

import pytest
from test_a11y import ALL_PAGES, open_themed

EXPLORER_PAGE = "notebooks/04-elastase-vs-antitrypsin"
QUIZ_PAGE = "notebooks/03-protease-balance"

#: Elements a keyboard user can reach with Tab, by the browser's own rules (visible, enabled).
_TABBABLE_JS = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]')]
  .filter(e => {  // the content of a closed <details> is not rendered (its summary is)
    for (let d = e.closest('details'); d; d = d.parentElement.closest('details')) {
      if (!d.open && !(d.querySelector(':scope > summary') || {contains: () => false})
          .contains(e)) return false;
    }
    return true; })
  .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
           && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  // a radio group is one Tab stop (arrow keys move inside it)
  .filter((e, i, all) => !(e.type === 'radio' && all.slice(0, i).some(
           o => o.type === 'radio' && o.name === e.name && o.form === e.form)))
  .map((e, i) => { e.setAttribute('data-aatd-tab', i); return e.outerHTML.slice(0, 100); })"""

#: A description of the focused element, unique on the page, and whether its focus is visible.
_FOCUS_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {key: 'body', visible: true};
  const path = [];
  for (let n = e; n && n !== document.documentElement; n = n.parentElement) {
    const sibs = n.parentElement ? [...n.parentElement.children] : [];
    path.unshift(n.tagName + ':' + sibs.indexOf(n));
  }
  const s = getComputedStyle(e);
  const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return {key: path.join('/'), tab: e.getAttribute('data-aatd-tab'),
          visible: outlined || s.boxShadow !== 'none', what: e.outerHTML.slice(0, 100)};
}"""


def _tab(pg, key="Tab") -> dict:
    pg.keyboard.press(key)
    return pg.evaluate(_FOCUS_JS)


@pytest.mark.parametrize("page_name", ALL_PAGES)
def test_tab_goes_through_every_page_without_getting_stuck(browser, book_server, page_name):
    pg = open_themed(browser, f"{book_server}{page_name}.html", "light")
    try:
        tabbable = pg.evaluate(_TABBABLE_JS)
        n = len(tabbable)
        seen: list[str] = []
        whats: list[str | None] = []
        for _ in range(n + 5):
            f = _tab(pg)
            assert not seen or f["key"] != seen[-1], f"{page_name}: Tab is stuck on {f['what']}"
            assert f["visible"], f"{page_name}: no visible focus on {f['what']}"
            seen.append(f["key"])
            whats.append(f.get("tab"))
            if f["key"] == "body" and len(seen) > 1:
                break
        distinct = {k for k in seen if k != "body"}
        # Tab reached (nearly) every tabbable element, and then left the page: no trap.
        missing = [t for i, t in enumerate(tabbable) if str(i) not in whats]
        assert len(distinct) >= n, f"{page_name}: Tab reached {len(distinct)} of {n}: {missing}"
        assert seen[-1] == "body" or len(distinct) >= n, f"{page_name}: Tab never left the page"
        back = _tab(pg, "Shift+Tab")
        assert back["key"] != "body", f"{page_name}: Shift+Tab does not come back"
    finally:
        pg.context.close()


@pytest.mark.parametrize("page_name", ["book/intro", EXPLORER_PAGE, "book/references"])
def test_skip_link_is_first_visible_and_jumps_to_the_content(browser, book_server, page_name):
    pg = open_themed(browser, f"{book_server}{page_name}.html", "light")
    try:
        first = _tab(pg)
        pg.wait_for_timeout(500)  # the theme slides the link in
        link = pg.evaluate(
            """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                       return {text: e.textContent.trim(), href: e.getAttribute('href'),
                               w: r.width, h: r.height, top: r.top}; }"""
        )
        assert link["text"].lower().startswith("skip to main content"), first["what"]
        assert link["w"] > 20 and link["h"] > 10 and link["top"] >= 0, f"skip link hidden: {link}"
        pg.keyboard.press("Enter")
        assert pg.evaluate("location.hash") == link["href"]
        nxt = _tab(pg)
        inside = pg.evaluate(
            "() => !!document.activeElement.closest('#main-content, main, article')"
        )
        assert inside, f"after the skip link Tab went to {nxt['what']}"
    finally:
        pg.context.close()


def _tab_to(pg, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        pg.keyboard.press("Tab")
        if pg.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_explorer_is_operated_by_keyboard_only(browser, book_server):
    pg = open_themed(browser, f"{book_server}{EXPLORER_PAGE}.html", "light")
    try:
        root = pg.locator(".aatd-explorer").first
        readout = root.locator(".aatd-readout")
        assert readout.get_attribute("aria-live") == "polite"
        _tab_to(pg, ".aatd-explorer input[type=range]")
        before, key = readout.inner_text(), root.get_attribute("data-aatd-key")
        pg.keyboard.press("Home")
        for _ in range(5):
            pg.keyboard.press("ArrowRight")
        assert root.get_attribute("data-aatd-key") != key, "the slider did not redraw"
        assert readout.inner_text() != before, "the readout did not change"
        _tab_to(pg, ".aatd-explorer input[type=checkbox]")
        key = root.get_attribute("data-aatd-key")
        pg.keyboard.press("Space")
        assert root.get_attribute("data-aatd-key") != key, "the checkbox did not redraw"
        _tab_to(pg, ".aatd-explorer summary")
        pg.keyboard.press("Enter")
        assert root.locator("details.aatd-numbers").get_attribute("open") is not None
        _tab_to(pg, ".aatd-explorer .aatd-tables")  # the scrolling tables take focus
        pg.keyboard.press("PageDown")
    finally:
        pg.context.close()


def test_quiz_is_answered_by_keyboard_only(browser, book_server):
    pg = open_themed(browser, f"{book_server}{QUIZ_PAGE}.html", "light")
    try:
        _tab_to(pg, ".aatd-quiz input")
        qid = pg.evaluate("() => document.activeElement.closest('.aatd-quiz-q').id")
        pg.keyboard.press("Space")
        _tab_to(pg, f"#{qid.replace('/', chr(92) + '/')}-check")
        pg.keyboard.press("Enter")
        feedback = pg.locator(f"[id='{qid}-feedback']").inner_text().strip()
        assert feedback, "Check gave no feedback"
    finally:
        pg.context.close()


_MOTION_JS = """() => {
  let longest = 0;
  for (const e of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(e, pseudo);
      const secs = v => Math.max(...v.split(',').map(x => x.trim().endsWith('ms')
          ? parseFloat(x) / 1000 : parseFloat(x)));
      const anim = s.animationName !== 'none' ? secs(s.animationDuration) : 0;
      longest = Math.max(longest, secs(s.transitionDuration), anim);
    }
  }
  const running = document.getAnimations().filter(a => a.playState === 'running'
      && (a.effect.getComputedTiming().duration || 0) > 1).length;
  return {longest, running};
}"""


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_nothing_animates_with_reduced_motion(browser, book_server, motion):
    pg = open_themed(browser, f"{book_server}{EXPLORER_PAGE}.html", "light", reduced_motion=motion)
    try:
        # open a solution and a menu by keyboard: their transitions are what would move
        _tab_to(pg, "button.toggle-button")
        pg.keyboard.press("Enter")
        m = pg.evaluate(_MOTION_JS)
        if motion == "reduce":
            assert m["longest"] <= 0.001, f"something still transitions for {m['longest']} s"
            assert m["running"] == 0, f"{m['running']} animations run"
        else:  # positive control: the theme does animate when motion is welcome
            assert m["longest"] > 0.05, m
    finally:
        pg.context.close()
