"""Prediction boxes and collapsed solutions in the web book (see CONTRIBUTING.md).

- Every HTML page gets ``aatd-store.js`` (a copy of ``aatd/quiz/store.js``, the one browser
  store the quizzes use) and ``aatd-prediction.js``, which turns each
  ``<div class="aatd-prediction" data-bank=… data-prediction=…>`` of a "Your prediction:" cell
  into a text box kept in ``localStorage`` and shows it again in the hidden answers after it.
- A solution cell wraps its ``{solution}`` block in a raw ``<details class="aatd-solution">``
  so that plain Jupyter and Colab, which do not know MyST, show it collapsed. The book has the
  solution's own dropdown, so the wrapper's two raw HTML pieces are dropped here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform

ASSETS = Path(__file__).resolve().parents[2] / "aatd" / "quiz"
#: (source in aatd/quiz, name in the built book's _static)
FILES = (
    ("store.js", "aatd-store.js"),
    ("prediction.js", "aatd-prediction.js"),
    ("prediction.css", "aatd-prediction.css"),
)
OPEN_RE = re.compile(r'^<details class="aatd-solution">\s*<summary>.*?</summary>$', re.S)
CLOSE_RE = re.compile(r"^</details>$")


class DropSolutionWrappers(SphinxTransform):
    """Remove the raw ``<details class="aatd-solution">…</details>`` around a solution."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if raw.get("format") != "html" or not OPEN_RE.match(raw.astext().strip()):
                continue
            parent = raw.parent
            index = parent.index(raw)
            closing = None
            for sibling in parent.children[index + 1 :]:
                if isinstance(sibling, nodes.raw) and CLOSE_RE.match(sibling.astext().strip()):
                    closing = sibling
                    break
            if closing is None:
                location = self.document.get("source", "?")
                raise ValueError(f"{location}: an aatd-solution <details> is never closed")
            parent.remove(closing)
            parent.remove(raw)


def _copy_assets(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for source, target in FILES:
        shutil.copyfile(ASSETS / source, static / target)


def setup(app):
    app.add_transform(DropSolutionWrappers)
    app.add_js_file("aatd-store.js")
    app.add_js_file("aatd-prediction.js")
    app.add_css_file("aatd-prediction.css")
    app.connect("build-finished", _copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
