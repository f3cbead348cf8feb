"""Every page of _toc.yml is in the built book, without errors or off-host resources."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import toc_pages

PAGES = toc_pages()

# Attributes through which a page loads a resource (links to Binder/Colab are <a href>,
# which is a link, not a resource).
RESOURCE_ATTRS = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
]
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def is_off_host(url: str) -> bool:
    url = url.strip()
    if url.startswith(("data:", "#", "about:", "blob:")):
        return False
    parsed = urlparse(url)
    return bool(parsed.scheme in ("http", "https") or url.startswith("//") or parsed.netloc)


def offhost_resources(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attr in RESOURCE_ATTRS:
        for el in soup.find_all(tag):
            if tag == "link" and not set(el.get("rel", [])) & {
                "stylesheet",
                "preload",
                "icon",
                "modulepreload",
                "prefetch",
                "manifest",
            }:
                continue
            value = el.get(attr)
            if value and any(is_off_host(v.split()[0]) for v in value.split(",")):
                found.append(f"<{tag} {attr}={value}>")
    css = " ".join(s.get_text() for s in soup.find_all("style"))
    css += " ".join(el.get("style", "") for el in soup.find_all(style=True))
    found += [f"css url({u})" for u in CSS_URL.findall(css) if is_off_host(u)]
    return found


def test_the_off_host_detector_catches_each_kind():
    html = (
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/a.css">'
        '<img src="http://x.example/i.png"><style>a{background:url("https://e.example/b.png")}</style>'
        '<a href="https://mybinder.org/v2/x">launch</a><img src="_static/ok.png">'
    )
    assert len(offhost_resources(html)) == 4


@pytest.mark.parametrize("page", PAGES)
def test_page_is_built_without_errors_or_offhost_resources(built_book, page):
    path = built_book / f"{page}.html"
    assert path.is_file(), f"{page} is in _toc.yml but not in the built book"
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text(" ")
    assert "Traceback" not in text
    assert not soup.select(".output.error, .output.traceback, .output.stderr"), "error output"
    assert offhost_resources(html) == []


def test_static_css_loads_nothing_off_host(built_book):
    offenders = []
    for css in Path(built_book, "_static").rglob("*.css"):
        for url in CSS_URL.findall(css.read_text(errors="ignore")):
            if is_off_host(url):
                offenders.append(f"{css.name}: {url}")
    assert offenders == []


def test_mathjax_is_served_from_the_book(built_book):
    loaders = {}
    for p in toc_pages():
        soup = BeautifulSoup((built_book / f"{p}.html").read_text(), "html.parser")
        srcs = [
            s["src"] for s in soup.find_all("script", src=True) if "mathjax" in s["src"].lower()
        ]
        # MathJax on demand (book/_ext/lean_pages.py): the loader names the script it adds
        for s in soup.find_all("script", src=False):
            srcs += re.findall(r'\.src = "([^"]*mathjax[^"]*)"', s.get_text(), re.I)
        if srcs:
            loaders[p] = srcs
    assert "book/model" in loaders, "the model page shows its equations with MathJax"
    for p, srcs in loaders.items():
        for src in srcs:
            assert "_static/vendor/mathjax/es5/tex-chtml.js" in src, (p, src)
    assert (built_book / "_static/vendor/mathjax/es5/tex-chtml.js").is_file()
    assert (built_book / "_static/vendor/mathjax/es5/output/chtml/fonts/woff-v2").is_dir()


def test_launch_and_download_buttons_are_links(built_book):
    html = (built_book / "notebooks/02-genes-and-inheritance.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [a.get("href", "") for a in soup.find_all("a")]
    assert any("mybinder.org" in h for h in hrefs)
    assert any("colab.research.google.com" in h for h in hrefs)
    # No JupyterHub button until a deployer names a hub (tools/set_repository_url.py --jupyterhub)
    assert not any("/hub/user-redirect/git-pull" in h for h in hrefs)
    assert any(h.endswith("02-genes-and-inheritance.ipynb") for h in hrefs), "download link"
