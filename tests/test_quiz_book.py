"""Quizzes in the built book: every chapter carries its quiz; a real browser answers it.

Uses the session fixtures of conftest.py (``built_book``, ``book_server``, ``page``). Every
page of the "Chapters" part is asserted, with no xfail: a chapter without its quiz fails.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, toc_part

from aatd.quiz import load_bank
from aatd.quiz.render import element_id, section_anchor
from aatd.quiz.validate import format_number

CHAPTERS = toc_part("Chapters")
NOTEBOOKS = ROOT / "notebooks"
MIN_QUESTIONS = 6


def stem_of(page: str) -> str:
    return Path(page).name


def bank_for(page: str):
    path = NOTEBOOKS / f"{stem_of(page)}.quiz.yml"
    assert path.is_file(), f"chapter {page} has no question bank {path.name}"
    return load_bank(path)


def test_every_chapter_in_the_toc_has_a_bank():
    # counted from the toc, not hard-coded: a new chapter adds a toc line and a bank
    banks = sorted(p.name.removesuffix(".quiz.yml") for p in NOTEBOOKS.glob("*.quiz.yml"))
    assert sorted(stem_of(c) for c in CHAPTERS) == banks
    assert len(CHAPTERS) >= 10


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_page_carries_its_quiz(built_book, page):
    html = (built_book / f"{page}.html").read_text(encoding="utf-8")
    stem = stem_of(page)
    assert html.count('data-aatd-quiz="') == 1, f"{page}: expected exactly one quiz"
    assert f'data-aatd-quiz="{stem}"' in html, f"{page} does not show its own quiz"
    n = html.count('class="aatd-quiz-q"')
    assert n >= MIN_QUESTIONS, f"{page}: {n} questions, need at least {MIN_QUESTIONS}"
    bank = bank_for(page)
    assert n == len(bank.questions), (
        f"{page}: the page shows {n} questions, the bank has {len(bank.questions)}"
    )
    assert "show_quiz(" not in html, (
        f"{page}: the quiz cell's code is visible (tag it remove-input)"
    )
    assert 'id="check-yourself"' in html, f'{page}: no "Check yourself" section'


def test_answer_key_page_lists_every_bank(built_book):
    html = (built_book / "book" / "instructors" / "answer-key.html").read_text(encoding="utf-8")
    for path in sorted(NOTEBOOKS.glob("*.quiz.yml")):
        bank = load_bank(path)
        for q in bank.questions:
            assert f'id="key-{bank.chapter}--{q.id}"' in html, (
                f"answer key lacks {bank.chapter}/{q.id}"
            )
    assert "answer_key(" not in html  # code hidden (remove-input)


def test_student_edition_builds_without_the_answer_key(student_book):
    """`--toc _toc-student.yml` leaves the key out, passes -W, and nothing links to the key."""
    html, _log = student_book
    assert (html / "notebooks" / "02-genes-and-inheritance.html").exists()
    assert not (html / "book" / "instructors" / "answer-key.html").exists()
    linking = [
        str(p.relative_to(html))
        for p in html.rglob("*.html")
        if re.search(r'href="[^"]*answer-key', p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not linking, f"student pages link to the (left-out) answer key page: {linking}"


def test_student_edition_executes_nothing(student_book, built_book):
    """The student build reads the main build's jupyter-cache: no notebook runs again."""
    _html, log = student_book
    if not log:
        pytest.skip("the student edition was reused from an earlier build of this source")
    cache = built_book.parent / ".jupyter_cache"
    assert f"Using jupyter-cache at: {cache}" in log, log[-3000:]
    executed = [ln for ln in log.splitlines() if "Executing notebook" in ln]
    assert not executed, executed


# --- a real browser ------------------------------------------------------------------


def _feedback(page, chapter, qid) -> str:
    return page.inner_text(f"#{element_id(chapter, qid)}-feedback")


def _score(page) -> str:
    return page.inner_text(".aatd-quiz-score")


def _expected_numeric(q, value: float):
    if abs(value - q.answer) <= q.tolerance + 1e-9:
        return True, q.feedback_correct
    for m in q.common_mistakes:
        if abs(value - m.value) <= m.tolerance + 1e-9:
            return False, m.feedback
    return False, q.feedback_incorrect


def _answer_by_keyboard(page, bank, q):
    """Tab from the top of the page to the question, answer with Space/typing, Enter on Check."""
    base = element_id(bank.chapter, q.id)
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(1500):
        page.keyboard.press("Tab")
        active = page.evaluate("document.activeElement ? document.activeElement.id : ''")
        if active.startswith(base + "--o") or active == base + "-answer":
            break
    else:
        pytest.fail(f"Tab never reached question {q.id}")
    if q.type == "numeric":
        page.keyboard.type(format_number(q.answer).replace(".", ","))  # a decimal comma is fine
        page.keyboard.press("Enter")
        expected_ok, expected = True, q.feedback_correct
    else:
        page.keyboard.press("Space")  # selects the focused (first) option
        first = q.options[0]
        for _ in range(len(q.options) + 1):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == base + "-check":
                break
        else:
            pytest.fail(f"Tab never reached the Check button of {q.id}")
        page.keyboard.press("Enter")
        correct_set = [o.correct for o in q.options]
        expected_ok = correct_set == [True] + [False] * (len(q.options) - 1)
        expected = first.feedback
    text = _feedback(page, bank.chapter, q.id)
    assert expected in text, f"{q.id}: keyboard answer; feedback was {text!r}"
    assert ("Correct" in text.split(".")[0]) == expected_ok, text
    return expected_ok


def _answer_by_mouse(page, bank, q):
    """Click the right option(s) (or type the answer) and click Check."""
    base = element_id(bank.chapter, q.id)
    if q.type == "numeric":
        page.click(f"#{base}-answer")
        page.keyboard.type(format_number(q.answer))
        expected = q.feedback_correct
    else:
        for i, o in enumerate(q.options, start=1):
            if o.correct:
                page.click(f"label[for='{base}--o{i}']")
        expected = next(o.feedback for o in q.options if o.correct)
    page.click(f"#{base}-check")
    text = _feedback(page, bank.chapter, q.id)
    assert text.startswith("\u2713 Correct."), f"{q.id}: mouse answer; feedback was {text!r}"
    assert expected in text
    return True


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_quiz_answers_by_mouse_and_keyboard(page, book_server, chapter):
    bank = bank_for(chapter)
    page.goto(book_server + chapter + ".html")
    quiz = page.locator(f"#{element_id(bank.chapter)}")
    assert quiz.count() == 1, f"{chapter}: no quiz on the page"
    assert page.locator(".aatd-quiz-nojs").count() == 0, "the quiz script did not run"
    n = len(bank.questions)
    assert _score(page) == f"Score: 0 of {n} correct"

    kb_q, mouse_q = bank.questions[0], bank.questions[1]
    kb_ok = _answer_by_keyboard(page, bank, kb_q)
    assert _score(page) == f"Score: {int(kb_ok)} of {n} correct"
    _answer_by_mouse(page, bank, mouse_q)
    assert _score(page) == f"Score: {int(kb_ok) + 1} of {n} correct"

    # the feedback points to the section that teaches it, and that section is on the page
    link = page.locator(f"#{element_id(bank.chapter, mouse_q.id)}-feedback a")
    assert link.inner_text() == mouse_q.section
    anchor = section_anchor(mouse_q.section)
    assert link.get_attribute("href") == "#" + anchor
    assert page.locator(f"section#{anchor}, [id='{anchor}']").count() >= 1, (
        f"{chapter}: section {mouse_q.section!r} (#{anchor}) is not on the page"
    )
    page.problems.assert_clean()


def _luminance(rgb: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_quiz_follows_the_theme_with_readable_contrast(page, book_server, theme):
    chapter = "notebooks/02-genes-and-inheritance"
    bank = bank_for(chapter)
    page.goto(book_server + chapter + ".html")
    page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
    q = bank.question("threshold-mg-dl")
    base = element_id(bank.chapter, q.id)
    page.fill(f"#{base}-answer", "80")
    page.press(f"#{base}-answer", "Enter")
    # text colour, and the background actually behind the text (first opaque ancestor)
    style = """(sel) => { let e = document.querySelector(sel);
        const color = getComputedStyle(e).color;
        const clear = /^(transparent|rgba\\(0,0,0,0\\))$/;
        while (e && getComputedStyle(e).backgroundColor.replace(/\\s/g, "").match(clear))
            e = e.parentElement;
        return [color, e ? getComputedStyle(e).backgroundColor : "rgb(255, 255, 255)"]; }"""
    fieldset_bg = page.evaluate(style, f"#{base} fieldset")[1]
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark_page = _luminance(page_bg) < 0.2
    assert dark_page == (theme == "dark"), f"{theme}: page background {page_bg}"
    assert (_luminance(fieldset_bg) < 0.2) == dark_page, (
        f"{theme}: quiz box {fieldset_bg} on page {page_bg}"
    )
    for sel, bg in [
        (f"#{base}-legend", page.evaluate(style, f"#{base}-legend")[1]),
        (f"#{base} .aatd-quiz-how", fieldset_bg),
        (f"#{base}-feedback", page.evaluate(style, f"#{base}-feedback")[1]),
        (f"#{base}-check", page.evaluate(style, f"#{base}-check")[1]),
        (".aatd-quiz-score", page_bg),
    ]:
        color = page.evaluate(style, sel)[0]
        assert _contrast(color, bg) >= 4.5, f"{theme}: {sel} text {color} on {bg}"
    page.locator(f"#{element_id(bank.chapter)}").screenshot(
        path=str(Path(os.environ.get("AATD_BUILD_DIR", ROOT / "_build")) / f"quiz-{theme}.png")
    )
    page.problems.assert_clean()


# --- progress kept in the browser ----------------------------------------------------

PROGRESS_PAGE = "notebooks/02-genes-and-inheritance"


def _first_single(bank):
    return next(q for q in bank.questions if q.type == "single")


def test_answers_and_score_survive_a_reload(page, book_server):
    bank = bank_for(PROGRESS_PAGE)
    n = len(bank.questions)
    page.goto(book_server + PROGRESS_PAGE + ".html", wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    q = _first_single(bank)
    numeric = next(x for x in bank.questions if x.type == "numeric")
    _answer_by_mouse(page, bank, q)
    base = element_id(bank.chapter, numeric.id)
    page.fill(f"#{base}-answer", format_number(numeric.answer))
    page.click(f"#{base}-check")
    assert _score(page) == f"Score: 2 of {n} correct"
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('aatd/v1/'))")
    assert sorted(keys) == sorted(
        f"aatd/v1/{bank.chapter}/question/{x.id}" for x in (q, numeric)
    ), keys

    page.reload(wait_until="networkidle")
    assert _score(page) == f"Score: 2 of {n} correct", "the score was not restored"
    right = next(i for i, o in enumerate(q.options, start=1) if o.correct)
    assert page.is_checked(f"#{element_id(bank.chapter, q.id)}--o{right}")
    assert page.input_value(f"#{base}-answer") == format_number(numeric.answer)
    assert _feedback(page, bank.chapter, q.id).startswith("\u2713 Correct.")

    # "Clear my answers" forgets everything of this bank, on the page and in storage
    page.click(f"#{element_id(bank.chapter)}-clear")
    assert _score(page) == f"Score: 0 of {n} correct"
    assert _feedback(page, bank.chapter, q.id) == ""
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('aatd/v1/'))") == []
    page.reload(wait_until="networkidle")
    assert _score(page) == f"Score: 0 of {n} correct"
    page.problems.assert_clean()


def test_an_answer_given_to_another_bank_version_is_ignored(page, book_server):
    bank = bank_for(PROGRESS_PAGE)
    q = _first_single(bank)
    page.goto(book_server + PROGRESS_PAGE + ".html", wait_until="networkidle")
    key = next(o for o in q.options if o.correct)
    page.evaluate(
        """([k, v]) => localStorage.setItem(k, JSON.stringify(v))""",
        [f"aatd/v1/{bank.chapter}/question/{q.id}", {"v": "an-old-version", "picked": ["x"]}],
    )
    page.reload(wait_until="networkidle")
    assert _score(page).startswith("Score: 0 of"), key
    page.problems.assert_clean()


BLOCKED_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('blocked for the test', 'SecurityError'); },
});
"""


def test_quiz_works_when_storage_is_blocked(page, book_server):
    bank = bank_for(PROGRESS_PAGE)
    n = len(bank.questions)
    page.add_init_script(BLOCKED_STORAGE)
    page.goto(book_server + PROGRESS_PAGE + ".html", wait_until="networkidle")
    assert page.locator(".aatd-quiz-nojs").count() == 0, "the quiz script did not run"
    assert "does not keep answers" in page.inner_text(".aatd-quiz-storage")
    assert page.locator(f"#{element_id(bank.chapter)}-clear").is_hidden()
    kb_ok = _answer_by_keyboard(page, bank, bank.questions[0])
    _answer_by_mouse(page, bank, bank.questions[1])
    assert _score(page) == f"Score: {int(kb_ok) + 1} of {n} correct"
    # The theme's own scripts read localStorage too and report the blocked store (its light/dark
    # setting falls back to auto); anything else on the console is ours and fails the test.
    theirs = ("blocked for the test", "Got invalid theme mode")
    ours = [e for e in page.problems.console_errors if not e.startswith(theirs)]
    assert not ours, ours
    assert not page.problems.failed_requests and not page.problems.offhost_requests
