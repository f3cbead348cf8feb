"""A real browser opens every page with off-host requests blocked: nothing fails."""

from __future__ import annotations

import pytest
from conftest import toc_pages


@pytest.mark.parametrize("page_name", toc_pages())
def test_page_opens_cleanly_offline(page, book_server, page_name):
    page.goto(f"{book_server}{page_name}.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").first.is_visible()
    page.problems.assert_clean()


def test_mathjax_renders_offline(page, book_server):
    page.goto(f"{book_server}book/model.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    if page.locator(".math").count() == 0:
        pytest.fail("the model page has no maths to render")
    page.locator(".math").first.scroll_into_view_if_needed()  # MathJax loads on demand
    page.wait_for_selector("mjx-container", timeout=15000)
    page.problems.assert_clean()
