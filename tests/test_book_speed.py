"""Weight budgets of the built book, so a later chapter or explorer cannot grow a page unnoticed.

A page's weight is what a phone downloads before it can show the page: the HTML and every
same-site script, stylesheet, eager image and icon font it names, each gzipped (as a static
host sends it). Budgets (issue 19): text page ≤ 0.4 MB, explorer page ≤ 1 MB, and request caps.
Fonts and MathJax components that MathJax loads by itself are not in this static count; the
Lighthouse runs of ``benchmarks/bench_book.py`` measure those on the wire.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, toc_pages

TEXT_PAGE_MB = 0.4
EXPLORER_PAGE_MB = 1.0
TEXT_PAGE_REQUESTS = 34
EXPLORER_PAGE_REQUESTS = 40
_STYLE_CLASSES = {"fa-lg", "fa-solid", "fa-regular", "fa-brands"}
_CSS_URL = re.compile(r"url\(([^)\"']+|\"[^\"]+\"|'[^']+')\)")


class _Refs(HTMLParser):
    """Same-site files a page loads before it is usable (lazy images excluded)."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "link" and {"stylesheet", "preload", "icon"} & set(rel) and a.get("href"):
            self.refs.append(a["href"])
        elif tag == "img" and a.get("src") and a.get("loading") != "lazy":
            self.refs.append(a["src"])


@cache
def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _local(base: Path, ref: str, html_root: Path) -> Path | None:
    ref = ref.split("?")[0].split("#")[0]
    if not ref or ref.startswith(("data:", "http:", "https:", "//")):
        return None
    path = (base / ref).resolve()
    return path if path.is_file() and html_root in path.parents else None


def page_weight(html_root: Path, page: str) -> tuple[int, list[Path]]:
    """(gzip bytes, files) of ``page`` and what it loads, icon fonts of its stylesheets included."""
    html = html_root / f"{page}.html"
    parser = _Refs()
    parser.feed(html.read_text(encoding="utf-8"))
    files = [html]
    for ref in parser.refs:
        path = _local(html.parent, ref, html_root)
        if path and path not in files:
            files.append(path)
    for css in [f for f in files if f.suffix == ".css"]:
        for raw in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            ref = raw.strip("\"'")
            if ref.endswith(".woff2"):
                path = _local(css.parent, ref, html_root)
                if path and path not in files:
                    files.append(path)
    return sum(_gzip_size(f) for f in files), files


def _is_explorer_page(html_root: Path, page: str) -> bool:
    return 'class="aatd-explorer' in (html_root / f"{page}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", toc_pages())
def test_page_weight_within_budget(built_book, page):
    weight, files = page_weight(built_book, page)
    explorer = _is_explorer_page(built_book, page)
    limit_mb = EXPLORER_PAGE_MB if explorer else TEXT_PAGE_MB
    cap = EXPLORER_PAGE_REQUESTS if explorer else TEXT_PAGE_REQUESTS
    heaviest = sorted(files, key=_gzip_size, reverse=True)[:4]
    detail = ", ".join(f"{f.name} {_gzip_size(f) / 1e3:.0f} KB" for f in heaviest)
    assert weight <= limit_mb * 1e6, f"{page}: {weight / 1e6:.2f} MB gzip > {limit_mb} ({detail})"
    assert len(files) <= cap, f"{page}: {len(files)} requests > {cap}"


def test_no_page_loads_fontawesome_js_or_full_icon_fonts(built_book):
    for page in toc_pages():
        _, files = page_weight(built_book, page)
        names = {f.name for f in files}
        assert "fontawesome.js" not in names, page
        fonts = [f for f in files if f.suffix == ".woff2" and f.name.startswith("fa-")]
        assert fonts and all(f.stat().st_size < 20_000 for f in fonts), (page, fonts)


def test_mathjax_only_on_pages_with_math(built_book):
    with_math = []
    for page in toc_pages():
        text = (built_book / f"{page}.html").read_text(encoding="utf-8")
        has_math = re.search(r'class="[^"]*\bmath\b', text) is not None
        assert ("tex-chtml.js" in text) == has_math, page
        with_math.append(has_math)
    assert any(with_math) and not all(with_math)  # positive control: both kinds exist


def test_icon_classes_are_in_the_subset_fonts(built_book):
    """Every ``fa-`` icon a page uses has its glyph in the subset webfonts."""
    from fontTools.ttLib import TTFont

    spec = importlib.util.spec_from_file_location("subset", ROOT / "tools/subset_icon_fonts.py")
    subset_icon_fonts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(subset_icon_fonts)
    css = "\n".join(subset_icon_fonts.read(p) for p in subset_icon_fonts.stylesheets())
    code_of = subset_icon_fonts.class_codepoints(css)
    webfonts = built_book / "_static/vendor/fontawesome/webfonts"
    cmap: set[int] = set()
    for name in subset_icon_fonts.FONTS:
        cmap |= set(TTFont(webfonts / name).getBestCmap())
    used = set()
    for page in [*toc_pages(), "search", "genindex"]:
        text = (built_book / f"{page}.html").read_text(encoding="utf-8")
        for classes in re.findall(r'<i class="([^"]*)"', text):
            used |= {
                c[3:] for c in classes.split() if c.startswith("fa-") and c not in _STYLE_CLASSES
            }
    assert used, "no icons found: the pattern is wrong"
    missing = sorted(name for name in used if code_of.get(name) not in cmap)
    assert not missing, f"icons without a glyph in the subset fonts: {missing}"


def test_images_have_sizes_and_lazy_loading(built_book):
    page = built_book / "notebooks/06-lung-damage-over-a-lifetime.html"
    imgs = re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8"))
    figures = [t for t in imgs if "_images/" in t]
    assert len(figures) >= 2
    assert all(re.search(r'width="\d+" height="\d+"', t) for t in figures), figures[:2]
    assert all('loading="lazy"' in t for t in figures[1:])


def test_no_unused_widget_state_or_thebe(built_book):
    """No page carries saved ipywidgets state (no widget manager loads it) or Thebe assets."""
    pages = [built_book / f"{p}.html" for p in toc_pages()]
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert any('class="aatd-explorer' in t for t in texts)  # explorer pages are among them
    for page, text in zip(pages, texts, strict=True):
        assert "application/vnd.jupyter.widget-state+json" not in text, page.name
        assert "sphinx-thebe.js" not in text and "THEBE_JS_URL" not in text, page.name


def test_math_typesets_on_demand_and_from_file_url(browser, built_book):
    """MathJax is not fetched for a page's first screen without math, arrives when a formula
    nears the screen, and typesets from ``file://`` (the offline rule)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((built_book / "book/model.html").as_uri())
        page.wait_for_timeout(500)
        assert not any("tex-chtml.js" in u for u in requested)  # first screen has no formula
        page.locator(".math").first.scroll_into_view_if_needed()
        page.locator("mjx-container").first.wait_for(timeout=15_000)
        assert any(u.startswith("file://") and "tex-chtml.js" in u for u in requested)
        assert not errors, errors
    finally:
        context.close()
