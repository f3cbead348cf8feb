"""Execute notebooks in place so their committed outputs are fresh.

Usage: python tools/execute_notebooks.py notebooks/02-genes-and-inheritance.ipynb [...]
(no arguments: every notebook under notebooks/).

Widget state is never stored and saved widget views are dropped (the book and a freshly
opened notebook show each explorer's kernel-free face), and the
execution metadata that changes every run is dropped, so re-running an unchanged notebook
gives an identical file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            # Without stored widget state a saved widget view shows "Error displaying widget:
            # model not found" in JupyterLab. Dropping the view leaves the explorer's own
            # kernel-free HTML face, which works until the student runs the cell and gets the
            # live widget back. nbval ignores this format, so outputs still compare.
            out.get("data", {}).pop(WIDGET_VIEW, None)
    nbformat.write(nb, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    paths = [Path(p).resolve() for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
