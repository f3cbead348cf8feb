"""The web book's prediction boxes and collapsed answers, in chromium.

A reader types a prediction; it is kept in this browser (``window.aatdStore``, key
``aatd/v1/<bank>/prediction/<id>``), restored after a reload, and shown again beside the
answer when the reader opens it. Answers and solutions are collapsed until opened, and the
raw ``<details class="aatd-solution">`` wrapper (for plain Jupyter) is gone from the book.
"""

from __future__ import annotations

import json
import re

import pytest

BANK = "04-elastase-vs-antitrypsin"
PAGE = f"notebooks/{BANK}.html"


def test_the_book_ships_the_store_and_the_prediction_script(built_book):
    html = (built_book / PAGE).read_text(encoding="utf-8")
    for name in ("aatd-store.js", "aatd-prediction.js", "aatd-prediction.css"):
        assert name in html and (built_book / "_static" / name).is_file(), name
    assert html.count('class="aatd-prediction"') == 4
    assert 'class="aatd-solution"' not in html  # the wrapper for plain Jupyter is dropped
    assert len(re.findall(r'<details class="aatd-answer">', html)) == 4


def _visible(page, text: str) -> bool:
    return text in page.locator("article").inner_text()


@pytest.mark.parametrize("prediction", ["about 7 times, I think"])
def test_a_prediction_is_kept_restored_and_shown_beside_the_answer(page, book_server, prediction):
    page.goto(book_server + PAGE)
    box = page.locator('div.aatd-prediction[data-prediction="p-04-1"] textarea')
    box.wait_for()
    assert box.input_value() == ""
    assert not _visible(page, "ZZ: 64.4 × the MM exposure"), "the answer shows before it is opened"
    box.fill(prediction)
    key = f"aatd/v1/{BANK}/prediction/p-04-1"
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k)", key)) == prediction

    page.reload()
    page.wait_for_load_state("networkidle")
    assert box.input_value() == prediction, "the prediction was not restored after a reload"
    assert not _visible(page, "ZZ: 64.4 × the MM exposure")

    # open the first hidden answer after the box: its output toggle in the same section
    details = page.locator("details.hide").filter(has_text="exposure relative to MM").first
    details.locator(":scope > summary").click()
    echo = details.locator("p.aatd-prediction-echo")
    assert echo.is_visible() and echo.inner_text() == f"Your prediction: {prediction}"
    assert _visible(page, "ZZ: 64.4 × the MM exposure"), "the opened answer is not shown"
    # the other predictions' answers are still hidden, with an empty-prediction echo
    other = page.locator("details.hide").filter(has_text="what smoking does").first
    assert not other.evaluate("(d) => d.open")
    assert "no prediction" in other.locator("p.aatd-prediction-echo").text_content()
    page.problems.assert_clean()


def test_solutions_are_collapsed_in_the_book(page, book_server):
    page.goto(book_server + PAGE)
    page.wait_for_load_state("networkidle")
    assert not _visible(page, "answer = 11 / 0.6")
    solution = page.locator("div.solution.dropdown").filter(has_text="Exercise 4.2").first
    solution.locator("button.toggle-button").click()
    page.get_by_text("answer = 11 / 0.6").wait_for(state="visible")
    assert _visible(page, "answer = 11 / 0.6")
    page.problems.assert_clean()
