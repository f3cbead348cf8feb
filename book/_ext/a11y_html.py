"""Accessibility fixes to HTML that Sphinx extensions write outside any template (issue 17).

Each fix rewrites one exact string in the page body at ``html-page-context``; each is checked by
axe in ``tests/test_a11y.py`` and by a unit test that fails when the upstream string changes
(so a fix that stops matching is noticed, not silently dropped).

- myst-nb's hidden-cell ``<summary aria-label="Toggle hidden content">`` hides its visible text
  ("Show code cell source") from the accessible name (label-content-name-mismatch, WCAG 2.5.3):
  the visible text becomes the name.
- docutils' citation list is ``role="list"`` whose entries carry the deprecated
  ``role="doc-biblioentry"``; a list must own list items, so the links inside the entries were
  focusable children of a list (aria-required-children): the entries become ``listitem``.
"""

from __future__ import annotations

#: (what the upstream HTML says, what the page gets)
REPLACEMENTS = (
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    ('class="citation" id="', 'class="citation" role="listitem" id="'),
    (' role="doc-biblioentry"', ""),
)


def fix_body(body: str) -> str:
    """``body`` with every replacement applied."""
    for old, new in REPLACEMENTS:
        body = body.replace(old, new)
    return body


def _page_context(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = fix_body(context["body"])


def setup(app):
    app.connect("html-page-context", _page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
