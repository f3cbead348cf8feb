"""Put the two launch hints into every chapter notebook (idempotent; safe to re-run).

Usage: PYTHONPATH=. python3 tools/notebook_hints.py [--check] [notebooks/*.ipynb ...]

1. The hidden install cell (first code cell, tagged ``remove-cell``; added before the first
   code cell of a notebook that has none) becomes
   ``set_repository_url.install_cell_source(<repository.url of _config.yml>)``: on Colab it
   installs ``aatd``, and while the URL is still the placeholder it prints a one-line hint.
2. A one-line Markdown cell right after the first cell tells a student in Jupyter or Colab
   what to run first and that the explorers need their cells run (widget state is not stored).
   It is tagged ``remove-cell`` (the web book needs no kernel, so it leaves the line out) and
   marked ``metadata.aatd.hint = "run-first"`` so a re-run finds and refreshes it.

``--check`` changes nothing and exits 1 when a notebook lacks a hint (tests/test_repo.py runs
the same check). Re-executing is not needed: neither cell has outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import set_repository_url

ROOT = Path(__file__).resolve().parents[1]
HINT_KEY = "run-first"
RUN_FIRST = (
    "**In Jupyter or Colab:** run the cells from the top (*Run → Run All Cells*); the explorers "
    "need their cells run — widget state is not stored, so an explorer from an earlier session "
    'shows "model not found" until its cell runs again.'
)


def _is_hint(cell) -> bool:
    return cell.cell_type == "markdown" and cell.metadata.get("aatd", {}).get("hint") == HINT_KEY


def apply(nb, url: str, branch: str = "main") -> bool:
    """Put both hints into ``nb`` (in place); True when something changed."""
    before = nbformat.writes(nb)
    install = set_repository_url.install_cell_source(url, branch)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    if not code:
        raise ValueError("the notebook has no code cell: a chapter notebook calls aatd")
    first = nb.cells[code[0]]
    if first.source.startswith(set_repository_url.INSTALL_MARK):
        first.source = install
    else:  # a new chapter: the install cell goes before its first code cell
        cell = nbformat.v4.new_code_cell(install)
        cell.metadata = {"tags": ["remove-cell"]}
        cell.id = "aatd-install"
        nb.cells.insert(code[0], cell)
    nb.cells = [c for c in nb.cells if not _is_hint(c)]
    hint = nbformat.v4.new_markdown_cell(RUN_FIRST)
    hint.metadata = {"aatd": {"hint": HINT_KEY}, "tags": ["remove-cell"]}
    hint.id = "aatd-run-first"
    nb.cells.insert(1, hint)
    return nbformat.writes(nb) != before


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or sorted(
        (ROOT / "notebooks").glob("*.ipynb")
    )
    config = (ROOT / "_config.yml").read_text()
    url, branch = set_repository_url.config_url(config), set_repository_url.config_branch(config)
    stale = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if apply(nb, url, branch):
            stale.append(path)
            if not check:
                nbformat.write(nb, path)
    verb = "lack the current hints" if check else "updated"
    print(f"{len(stale)} of {len(paths)} notebooks {verb}: {', '.join(p.name for p in stale)}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
