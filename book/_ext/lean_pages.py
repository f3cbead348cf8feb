"""Light pages for phone readers: MathJax only where and when there is math, sized lazy images.

Six small changes to each page Sphinx writes, measured by ``benchmarks/bench_book.py``:

* **MathJax only on pages with math, and only once math is near the screen.** Sphinx adds
  MathJax to a page when that page *or any page in its toctree* has an equation, so the
  welcome page (whose toctree holds every chapter) loaded 1.16 MB of MathJax (263 KB gzip) to
  show no formula. A page whose body has no ``math`` element drops MathJax here; on a page with
  math, MathJax's script tag becomes a 0.5 KB loader that adds it when the first formula comes
  within 600 px of the screen, is opened in a dropdown, or the page is printed. It works from
  ``file://``. (MathJax's ``ui/lazy`` typesetting was tried and dropped: keyboard focus got
  stuck on formulas it re-rendered.)
* **No Thebe assets, no unused widget state.** Jupyter Book 1 adds sphinx-thebe's script and
  stylesheet to every page even with ``launch_buttons.thebe: false``, and myst-nb embeds the
  executed notebook's ipywidgets state although no widget manager is loaded: both dropped.
* **Images with their size and lazy loading.** ``<img>`` tags of figures get ``width`` and
  ``height`` from the image file (the browser reserves the space: no layout shift) and, except
  the first image of a page, ``loading="lazy"`` and ``decoding="async"``. The body is HTML by
  then, so this is a pass over its ``<img>`` tags (docutils writes sizes as CSS, which would fix
  the displayed size; attributes only give the aspect ratio).
* **Explorer grids that do not block the first paint.** A kernel-free explorer carries its
  precomputed grid (up to 1.5 MB on chapter 4) as inline JSON, which the browser had to read
  and parse before it could paint the page. In the book the grid moves to a file beside the
  page, ``_static/aatd-data/<hash>.js``, loaded with ``defer``: it stores the grid in
  ``window.aatdData`` and starts the explorer once the page is parsed. A script file works
  from ``file://``, where ``fetch`` does not. Notebook outputs keep the grid inline, so an
  ``.ipynb`` stays self-contained.
* **A meta description** (the page's first paragraph, shortened), which search engines and
  Lighthouse's SEO audit ask for; Sphinx writes none.

Our own code because no Sphinx or Jupyter Book 1 setting does any of these per page.
"""

from __future__ import annotations

import hashlib
import html
import re
import struct
from pathlib import Path

_EXPLORER = re.compile(
    r'<script type="application/json" class="aatd-data">(?P<payload>.*?)</script>'
    r"<script>(?P<js>.*?)\naatdExplorerInit\((?P<uid>\"[^\"<]+\")\);</script>",
    re.S,
)
_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')
_MATH = re.compile(r'class="[^"]*\bmath\b')
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG from its header, or None for another format."""
    with path.open("rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def size_images(body: str, sources: dict[str, Path]) -> str:
    """Add width/height (from the file) and lazy loading (after the first) to ``<img>`` tags.

    ``sources`` maps an image's output file name (``_images/<name>``) to its source file:
    images are copied to the output only after every page is written.
    """
    seen = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal seen
        tag = match.group(0)
        attrs = dict(_ATTR.findall(tag))
        src = attrs.get("src", "")
        extra = []
        if "width" not in attrs and "height" not in attrs and not src.startswith("data:"):
            path = sources.get(html.unescape(src).rsplit("/", 1)[-1])
            size = png_size(path) if path and path.is_file() else None
            if size:
                extra.append(f'width="{size[0]}" height="{size[1]}"')
        if seen and "loading" not in attrs:
            extra.append('loading="lazy" decoding="async"')
        seen += 1
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return tag[: -len(end)].rstrip() + " " + " ".join(extra) + " " + end

    return _IMG.sub(fix, body)


def defer_explorers(body: str, static_dir: Path, static_uri: str) -> str:
    """Move each explorer's inline grid into a deferred script file under ``static_dir``."""

    def move(match: re.Match[str]) -> str:
        uid, payload = match["uid"], match["payload"]
        code = f"(window.aatdData = window.aatdData || {{}})[{uid}] = {payload};\n"
        code += f"aatdExplorerInit({uid});\n"
        name = hashlib.sha1(code.encode("utf-8")).hexdigest()[:16] + ".js"
        static_dir.mkdir(parents=True, exist_ok=True)
        target = static_dir / name
        if not target.exists():
            target.write_text(code, encoding="utf-8")
        return f'<script>{match["js"]}</script><script defer src="{static_uri}/{name}"></script>'

    return _EXPLORER.sub(move, body)


def description(body: str, limit: int = 155) -> str:
    """The first paragraph's text, shortened to ``limit`` characters at a word boundary."""
    for match in _PARAGRAPH.finditer(body):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if len(text) >= 40:
            if len(text) > limit:
                text = text[:limit].rsplit(" ", 1)[0] + "…"
            return text
    return ""


#: Saved ipywidgets state that myst-nb embeds (119 KB on chapter 4). The book loads no widget
#: manager (``nb_ipywidgets_js: {}``): each explorer shows its kernel-free face instead.
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

#: Adds MathJax when a formula nears the screen (IntersectionObserver), or before printing.
MATHJAX_ON_DEMAND = """(function () {
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    var s = document.createElement("script");
    s.src = "%s";
    s.async = true;
    document.head.appendChild(s);
  }
  window.aatdLoadMathJax = load; /* for printing and for tests that need every formula */
  window.addEventListener("beforeprint", load);
  document.addEventListener("DOMContentLoaded", function () {
    var math = document.querySelectorAll(".math");
    if (!math.length) return;
    if (!("IntersectionObserver" in window)) return load();
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); load(); }
    }, { rootMargin: "600px" });
    math.forEach(function (el) { seen.observe(el); });
  });
})();"""


def _script_path(script) -> str:
    return str(getattr(script, "filename", "") or script)


def _lighten(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if not body:
        return
    mathjax = app.config.mathjax_path
    scripts = [
        s
        for s in context.get("script_files", [])
        if "sphinx-thebe" not in _script_path(s)
        and "THEBE_JS_URL" not in (getattr(s, "attributes", {}).get("body") or "")
        and getattr(s, "attributes", {}).get("type") != WIDGET_STATE
    ]
    context["css_files"] = [
        c for c in context.get("css_files", []) if "sphinx-thebe" not in _script_path(c)
    ]
    if not _MATH.search(body):
        scripts = [
            s
            for s in scripts
            if not (
                _script_path(s).endswith(mathjax)
                or "window.MathJax" in (getattr(s, "attributes", {}).get("body") or "")
            )
        ]
    else:
        src = context["pathto"]("_static/" + mathjax, 1)
        scripts = [_on_demand(src) if _script_path(s).endswith(mathjax) else s for s in scripts]
    context["script_files"] = scripts
    srcdir = Path(app.srcdir)
    sources = {dest: srcdir / src for src, dest in app.builder.images.items()}
    body = defer_explorers(
        body,
        Path(app.outdir) / "_static" / "aatd-data",
        context["pathto"]("_static/aatd-data", 1),
    )
    context["body"] = size_images(body, sources)
    text = description(body)
    if text:
        meta = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n'
        context["metatags"] = context.get("metatags", "") + meta


def _on_demand(src: str):
    from sphinx.builders.html._assets import _JavaScript

    return _JavaScript("", body=MATHJAX_ON_DEMAND % src)


def _ordered_after_mathjax(app):
    # Sphinx's mathjax adds its scripts in html-page-context at priority 500.
    app.connect("html-page-context", _lighten, priority=800)


def setup(app):
    _ordered_after_mathjax(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
