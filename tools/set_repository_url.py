"""Set the course's repository URL (and, optionally, a JupyterHub) in one go.

Usage: python tools/set_repository_url.py https://github.com/OWNER/REPO [--jupyterhub HUB]

The URL lives in ``_config.yml`` (``repository.url``: launch buttons, repository and
issue buttons) and in each notebook's guarded install cell (pinned to ``repository.branch``
when that is not ``main``) (used on Colab, where the
notebook arrives without the package). A test checks that they agree. While the URL is
still the placeholder (``DEFAULT_URL``), the install cell prints a one-line hint instead of
trying to install from a repository that does not exist.

``--jupyterhub https://hub.example.edu`` sets ``launch_buttons.jupyterhub_url``: the book then
shows a JupyterHub launch button (an nbgitpuller link, see the instructor guide);
``--jupyterhub none`` removes it. Without the option the hub setting is left as it is; the
repository ships with no hub, so no button points to a hub that does not exist.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
INSTALL_MARK = "# Colab and other fresh kernels: install the course package"
#: The placeholder the repository ships with (change it here if the course's home is this URL).
DEFAULT_URL = "https://github.com/aatd-course/aatd-course"
URL_RE = re.compile(r"https://[^\s\"']+")
_HUB_RE = re.compile(r"^  jupyterhub_url:.*\n", re.M)


def config_url(config_text: str) -> str:
    match = re.search(r"^repository:\s*\n\s+url:\s*(\S+)", config_text, re.M)
    if not match:
        raise ValueError("_config.yml has no repository.url")
    return match.group(1)


def config_branch(config_text: str) -> str:
    match = re.search(r"^repository:\s*\n(?:\s+.*\n)*?\s+branch:\s*(\S+)", config_text, re.M)
    return match.group(1) if match else "main"


def install_cell_source(url: str, branch: str = "main") -> str:
    """The hidden first code cell of every notebook, for the repository at ``url``; a branch
    other than ``main`` (a term's release branch) is pinned in the install line."""
    head = (
        f"{INSTALL_MARK}\n"
        "# (does nothing where aatd is already importable).\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("aatd") is None:\n'
    )
    if url.rstrip("/") == DEFAULT_URL:
        return head + (
            "    print(\n"
            '        "aatd is not installed and the course\'s repository URL is not set yet: "\n'
            '        "ask your instructor for the install line (README, Deploying)."\n'
            "    )"
        )
    ref = url if branch == "main" else f"{url}@{branch}"
    return head + (
        f'    %pip install --quiet "aatd @ git+{ref}"\n'
        "    importlib.invalidate_caches()\n"
        '    if importlib.util.find_spec("aatd") is None:\n'
        "        print(\n"
        f'            "Could not install aatd from {ref}: "\n'
        '            "check the address and the network."\n'
        "        )"
    )


def set_jupyterhub(config_text: str, hub: str | None) -> str:
    """``config_text`` with ``launch_buttons.jupyterhub_url`` set to ``hub`` (None: removed)."""
    text = _HUB_RE.sub("", config_text)
    if hub is None:
        return text
    match = re.search(r"^launch_buttons:\s*\n", text, re.M)
    if not match:
        raise ValueError("_config.yml has no launch_buttons section")
    return text[: match.end()] + f"  jupyterhub_url: {hub}\n" + text[match.end() :]


def main(argv: list[str], root: Path = ROOT) -> int:
    args = list(argv)
    hub: str | None = ""  # "" = leave the hub setting alone
    if "--jupyterhub" in args:
        i = args.index("--jupyterhub")
        if i + 1 >= len(args):
            print(__doc__)
            return 2
        value = args[i + 1].rstrip("/")
        del args[i : i + 2]
        if value == "none":
            hub = None
        elif URL_RE.fullmatch(value):
            hub = value
        else:
            print(f"--jupyterhub {value!r}: give an https:// address or 'none'")
            return 2
    if len(args) != 1 or not URL_RE.fullmatch(args[0]):
        print(__doc__)
        return 2
    url = args[0].rstrip("/")
    config = root / "_config.yml"
    text = config.read_text()
    text = text.replace(config_url(text), url, 1)
    if hub != "":
        text = set_jupyterhub(text, hub)
    config.write_text(text)
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.source.startswith(INSTALL_MARK):
                cell.source = install_cell_source(url, config_branch(text))
        nbformat.write(nb, path)
    print(f"repository URL set to {url}" + (f"; JupyterHub: {hub}" if hub != "" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
