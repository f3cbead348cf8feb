"""Shared fixtures: one book build per test session, a local server, a real browser.

The book is built once (``built_book``) into ``$AATD_BUILD_DIR`` (default: the repository
root, so ``_build/html``), with the same command as the README. Every test that reads HTML
or drives the browser shares that build.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def toc_pages() -> list[str]:
    """Every page of ``_toc.yml`` (document names without suffix), in book order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return pages


def toc_part(caption: str) -> list[str]:
    """The pages of one part of ``_toc.yml``, e.g. ``"Chapters"``."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    for part in toc.get("parts", []):
        if part.get("caption") == caption:
            return [entry["file"] for entry in part["chapters"]]
    raise KeyError(f"_toc.yml has no part {caption!r}")



def json_numbers(obj):
    """Every number (not bool) inside parsed JSON, depth first."""
    if isinstance(obj, dict):
        for v in obj.values():
            yield from json_numbers(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from json_numbers(v)
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        yield obj


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book once per session; return the ``_build/html`` directory."""
    out_root = Path(os.environ.get("AATD_BUILD_DIR", ROOT))
    cmd = ["jupyter-book", "build", "-W", "-n", "--keep-going", str(ROOT)]
    if out_root != ROOT:
        cmd += ["--path-output", str(out_root)]
    exe = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    cmd[0] = exe
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(
            "book build failed (jupyter-book build -W -n --keep-going .):\n"
            + proc.stdout[-6000:]
            + proc.stderr[-6000:],
            pytrace=False,
        )
    html = out_root / "_build" / "html"
    assert (html / "index.html").exists(), f"no index.html in {html}"
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book on 127.0.0.1; yields the base URL (ending in '/')."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian chromium driven by playwright. Skips loudly outside CI if it is missing."""
    if not Path(CHROMIUM).exists():
        reason = (
            f"chromium not found at {CHROMIUM}: BROWSER TESTS SKIPPED. "
            "Install it with `apt-get install -y chromium` or set $CHROMIUM."
        )
        if IN_CI:
            pytest.fail(reason + " (CI=true: browser tests never skip)", pytrace=False)
        print("\n" + "!" * 70 + "\n" + reason + "\n" + "!" * 70, file=sys.stderr)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageProblems:
    """Console errors, failed requests and blocked off-host requests seen by a page."""

    def __init__(self):
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.offhost_requests: list[str] = []

    def assert_clean(self):
        assert not self.offhost_requests, f"off-host requests: {self.offhost_requests}"
        assert not self.failed_requests, f"failed requests: {self.failed_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def page(browser, book_server, request):
    """A fresh page (light colour scheme) with every off-host request blocked and recorded.

    ``page.problems`` (a :class:`PageProblems`) collects console errors and failed requests.
    """
    scheme = getattr(request, "param", "light")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pg = context.new_page()
    problems = PageProblems()
    host = urlparse(book_server).netloc

    def route(r):
        url = r.request.url
        if urlparse(url).netloc != host and not url.startswith(("data:", "blob:", "about:")):
            problems.offhost_requests.append(url)
            r.abort()
        else:
            r.continue_()

    pg.route("**/*", route)
    pg.on("console", lambda m: problems.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.console_errors.append(str(e)))
    pg.on(
        "requestfailed",
        lambda r: problems.failed_requests.append(f"{r.url} ({r.failure})")
        if urlparse(r.url).netloc == host
        else None,
    )
    pg.on(
        "response",
        lambda r: problems.failed_requests.append(f"{r.url} (HTTP {r.status})")
        if r.status >= 400
        else None,
    )
    pg.problems = problems
    yield pg
    context.close()
