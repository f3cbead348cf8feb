"""Shared fixtures and the test tiers.

**Tiers** are markers given automatically from the fixtures a test uses
(:func:`pytest_collection_modifyitems`): a test that reads the built book is ``book``, one that
starts chromium is ``browser``, notebook cells checked by nbval are ``notebook``, and tests that
build a wheel, make a fresh venv, start JupyterLab or execute whole notebooks (fixtures in
``SLOW_FIXTURES``) are ``slow``. Every other test is ``unit``: ``python3 -m pytest -m unit`` needs
no book, no chromium and no nbval.

**One build.** ``built_book`` reuses ``$AATD_BUILD_DIR/_build/html`` (default: the repository
root) when it carries the stamp of a clean ``-W -n`` build of the current source
(``book/_ext/source_stamp.py``); otherwise it builds with the README's command. CI builds once,
before the tests, and every HTML and browser test shares that build.
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
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from source_stamp import STAMP_NAME, source_stamp  # noqa: E402

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


#: Fixtures that make a test slow (later tiers add theirs here).
SLOW_FIXTURES = frozenset({"fresh_venv", "jupyterlab", "run_notebook", "wheel", "student_book"})
#: The fixtures that start chromium.
BROWSER_FIXTURES = frozenset({"browser", "page"})
TIERS = ("unit", "book", "browser", "notebook", "slow")


def pytest_collection_modifyitems(config, items):
    """Give every test its tier markers from the fixtures it uses (see the module docstring)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        tiers = []
        if type(item).__module__.startswith("nbval"):
            tiers.append("notebook")
        if "built_book" in used:
            tiers.append("book")
        if used & BROWSER_FIXTURES:
            tiers.append("browser")
        if used & SLOW_FIXTURES:
            tiers.append("slow")
        for tier in tiers or ["unit"]:
            item.add_marker(getattr(pytest.mark, tier))


def _jupyter_book() -> str:
    return shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")


def build_is_current(html: Path, toc: str = "_toc.yml") -> bool:
    """True when ``html`` holds a clean build (stamped) of the source as it is now."""
    stamp = html / STAMP_NAME
    return stamp.is_file() and stamp.read_text().strip() == source_stamp(ROOT, toc)


def _build(out_root: Path, extra: list[str] = ()) -> subprocess.CompletedProcess:
    cmd = [_jupyter_book(), "build", "-W", "-n", "--keep-going", str(ROOT), *extra]
    if out_root != ROOT:
        cmd += ["--path-output", str(out_root)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built book's ``_build/html``: reused when stamped for this source, else built once."""
    out_root = Path(os.environ.get("AATD_BUILD_DIR", ROOT))
    html = out_root / "_build" / "html"
    if build_is_current(html):
        print(f"\nreusing the book built from this source in {html}", file=sys.stderr)
    else:
        # A fresh build: Sphinx's incremental build and the execution cache (keyed on cell code)
        # would both keep pages made with an older `aatd`.
        shutil.rmtree(out_root / "_build" / ".jupyter_cache", ignore_errors=True)
        proc = _build(out_root, ["--all"])
        if proc.returncode != 0:
            pytest.fail(
                "book build failed (jupyter-book build -W -n --keep-going .):\n"
                + proc.stdout[-6000:]
                + proc.stderr[-6000:],
                pytrace=False,
            )
        assert build_is_current(html), f"the build in {html} carries no current source stamp"
    assert (html / "index.html").exists(), f"no index.html in {html}"
    return html


@pytest.fixture(scope="session")
def student_book(built_book) -> tuple[Path, str]:
    """The student HTML book (``_toc-student.yml``, ``tools/editions.py``): built once from the
    student edition of the notebooks (no solutions) with ``-W -n``, executing nothing: it reads
    the main build's jupyter-cache. Returns its ``_build/html`` and the build log."""
    sys.path.insert(0, str(ROOT / "tools"))
    import editions

    base = os.environ.get("AATD_BUILD_DIR")
    out = Path(base + "-student") if base else ROOT / "_build" / "student"
    shutil.rmtree(out, ignore_errors=True)
    editions.write_notebooks("student", out / "edition")
    html, log = editions.build_student_html(
        out / "edition", out, cache=built_book.parent / ".jupyter_cache"
    )
    return html, log


@pytest.fixture
def run_notebook():
    """A function that executes a notebook top to bottom (a failing cell fails the test) and
    returns the executed notebook; ``cwd`` defaults to the notebook's folder."""
    import nbformat
    from nbclient import NotebookClient

    def run(path: Path, cwd: Path | None = None, timeout_s: int = 600):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb,
            timeout=timeout_s,
            kernel_name="python3",
            resources={"metadata": {"path": str(cwd or Path(path).parent)}},
        ).execute()
        return nb

    return run


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
    pg.on(
        "console", lambda m: problems.console_errors.append(m.text) if m.type == "error" else None
    )
    pg.on("pageerror", lambda e: problems.console_errors.append(str(e)))
    pg.on(
        "requestfailed",
        lambda r: (
            problems.failed_requests.append(f"{r.url} ({r.failure})")
            if urlparse(r.url).netloc == host
            else None
        ),
    )
    pg.on(
        "response",
        lambda r: (
            problems.failed_requests.append(f"{r.url} (HTTP {r.status})")
            if r.status >= 400
            else None
        ),
    )
    pg.problems = problems
    yield pg
    context.close()


# --- a real JupyterLab --------------------------------------------------------------------


#: Settings every test JupyterLab starts with (``overrides.json``): no news or update checks,
#: no autosave (the notebooks are copies, but nothing should be written behind a test's back),
#: and no windowing, so every cell of a notebook is in the page.
JUPYTERLAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterLab:
    """A JupyterLab server started by the ``jupyterlab`` fixture, and helpers to drive it.

    ``url`` is the base URL (ending in '/'), ``token`` the auth token, ``root`` the server's
    root folder (a copy of the notebooks, so tests never change the repository's files).
    """

    def __init__(self, url: str, token: str, root: Path, log: Path):
        self.url, self.token, self.root, self.log = url, token, root, log

    def lab_url(self, path: str = "") -> str:
        """The JupyterLab URL opening ``path`` (relative to ``root``) in a fresh workspace
        (``reset``: nothing an earlier test opened comes back), with the token."""
        return f"{self.url}lab/tree/{path}?reset&token={self.token}"

    @staticmethod
    def notebook(page):
        """A locator for the notebook panel on show (other tabs may exist but are hidden)."""
        return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")

    def new_page(self, browser, width: int = 1280, height: int = 900):
        """A chromium page with off-host requests blocked and counted (``page.problems``)."""
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        problems = PageProblems()
        host = urlparse(self.url).netloc

        def route(r):
            url = r.request.url
            if urlparse(url).netloc != host and not url.startswith(("data:", "blob:", "about:")):
                problems.offhost_requests.append(url)
                r.abort()
            else:
                r.continue_()

        context.route("**/*", route)
        page.on("pageerror", lambda e: problems.console_errors.append(str(e)))
        page.problems = problems
        return page

    def open_notebook(self, page, path: str, timeout_ms: int = 120_000) -> None:
        """Open ``path`` in ``page`` and wait until its kernel is ready and idle."""
        page.goto(self.lab_url(path), wait_until="domcontentloaded")
        page.wait_for_function(
            """(path) => {
                const app = window.jupyterapp;
                const w = app && app.shell.currentWidget;
                if (!w || !w.context || w.context.path !== path || !w.context.isReady) return false;
                const k = w.sessionContext.session && w.sessionContext.session.kernel;
                return !!k && k.status === "idle" && !!document.querySelector(".jp-Notebook");
            }""",
            arg=path,
            timeout=timeout_ms,
        )

    def run_all(self, page, timeout_ms: int = 300_000) -> list[str]:
        """Clear outputs, run every cell of the open notebook, wait for idle; return errors."""
        page.evaluate(
            """async () => {
                const app = window.jupyterapp;
                await app.commands.execute("notebook:clear-all-cell-outputs");
                await app.commands.execute("notebook:run-all-cells");
            }"""
        )
        page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const k = w.sessionContext.session && w.sessionContext.session.kernel;
                if (!k || k.status !== "idle") return false;
                const cells = w.content.widgets.filter((c) => c.model.type === "code");
                const errored = cells.some((c) => c.model.outputs.toJSON().some(
                    (o) => o.output_type === "error"));
                return errored || cells.every((c) => c.model.executionCount !== null);
            }""",
            timeout=timeout_ms,
        )
        return page.evaluate(
            """() => window.jupyterapp.shell.currentWidget.content.widgets
                .flatMap((c) => c.model.type === "code" ? c.model.outputs.toJSON() : [])
                .filter((o) => o.output_type === "error")
                .map((o) => o.ename + ": " + o.evalue)"""
        )


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """A real JupyterLab (this environment's), on 127.0.0.1 at a free port with token auth,
    serving a copy of ``notebooks/``; news, update checks and autosave off, windowing off.

    Kernels import ``aatd`` from this checkout (``PYTHONPATH``). Drive it with the ``browser``
    fixture's chromium through :class:`JupyterLab`'s helpers. Extend ``JUPYTERLAB_OVERRIDES``
    or copy more files into ``root`` for other tests.
    """
    import json
    import secrets
    import time
    import urllib.request

    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    settings = base / "app-settings"
    settings.mkdir()
    (settings / "overrides.json").write_text(json.dumps(JUPYTERLAB_OVERRIDES))
    config = {
        "ServerApp": {
            "open_browser": False,
            "root_dir": str(root),
            "allow_root": hasattr(os, "geteuid") and os.geteuid() == 0,  # CI containers
        },
        "LabApp": {
            "expose_app_in_browser": True,
            "news_url": None,
            "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
            "extension_manager": "readonly",  # no package-index queries
            "app_settings_dir": str(settings),
            "user_settings_dir": str(base / "user-settings"),
            "workspaces_dir": str(base / "workspaces"),
        },
    }
    (base / "jupyter_lab_config.json").write_text(json.dumps(config))
    token = secrets.token_hex(16)
    port = _free_port()
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        IPYTHONDIR=str(base / "ipython"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
    )
    log = base / "jupyterlab.log"
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--config={base / 'jupyter_lab_config.json'}",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited ({proc.returncode}):\n{log.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start in 120 s:\n{log.read_text()[-4000:]}")
            time.sleep(0.5)
        yield JupyterLab(url, token, root, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
