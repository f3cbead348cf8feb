"""Set the course's repository URL in one go.

Usage: python tools/set_repository_url.py https://github.com/OWNER/REPO

The URL lives in ``_config.yml`` (``repository.url``: launch buttons, repository and
issue buttons) and in each notebook's guarded install cell (used on Colab, where the
notebook arrives without the package). A test checks that they agree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
INSTALL_MARK = "# Colab and other fresh kernels: install the course package"
URL_RE = re.compile(r"https://[^\s\"']+")


def config_url(config_text: str) -> str:
    match = re.search(r"^repository:\s*\n\s+url:\s*(\S+)", config_text, re.M)
    if not match:
        raise ValueError("_config.yml has no repository.url")
    return match.group(1)


def install_cell_source(url: str) -> str:
    return (
        f"{INSTALL_MARK}\n"
        "# (does nothing where aatd is already importable).\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("aatd") is None:\n'
        f'    %pip install --quiet "aatd @ git+{url}"'
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not URL_RE.fullmatch(argv[0]):
        print(__doc__)
        return 2
    url = argv[0].rstrip("/")
    config = ROOT / "_config.yml"
    text = config.read_text()
    text = text.replace(config_url(text), url, 1)
    config.write_text(text)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.source.startswith(INSTALL_MARK):
                cell.source = install_cell_source(url)
        nbformat.write(nb, path)
    print(f"repository URL set to {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
