"""Launch routes: Binder's Python pin, no placeholder hub, the Colab install cell's hints.

A student meets the course on Binder (``requirements.txt`` + ``runtime.txt``), on Colab (the
hidden install cell), on a JupyterHub (an nbgitpuller link, only when a deployer names a hub)
or as one downloaded notebook (``tests/test_wheel.py`` runs that one in a fresh venv).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebook_hints  # noqa: E402
import set_repository_url  # noqa: E402

PLACEHOLDER = "example.org"


def placeholder_hits(texts: dict[str, str]) -> list[str]:
    """Names of the texts that mention the placeholder host."""
    return sorted(name for name, text in texts.items() if PLACEHOLDER in text.lower())


def test_placeholder_scan_finds_a_placeholder():  # positive control for the two scans below
    hits = placeholder_hits(
        {"a": "https://jupyterhub.Example.org/hub", "b": "https://mybinder.org"}
    )
    assert hits == ["a"]


def test_binder_pins_python_311_beside_requirements():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    assert (ROOT / "requirements.txt").is_file()
    assert "-e ." in (ROOT / "requirements.txt").read_text().splitlines()


def test_config_names_no_placeholder_hub():
    text = (ROOT / "_config.yml").read_text()
    assert placeholder_hits({"_config.yml": text}) == []
    assert "jupyterhub_url" not in yaml.safe_load(text)["launch_buttons"]


def test_set_repository_url_adds_and_removes_a_hub(tmp_path):
    shutil.copy(ROOT / "_config.yml", tmp_path / "_config.yml")
    (tmp_path / "notebooks").mkdir()
    nb = nbformat.read(sorted((ROOT / "notebooks").glob("*.ipynb"))[0], as_version=4)
    nbformat.write(nb, tmp_path / "notebooks" / "x.ipynb")
    url, hub = "https://github.com/someone/aatd", "https://hub.uni.test"
    assert set_repository_url.main([url, "--jupyterhub", hub], root=tmp_path) == 0
    config = yaml.safe_load((tmp_path / "_config.yml").read_text())
    assert config["repository"]["url"] == url
    assert config["launch_buttons"]["jupyterhub_url"] == hub
    assert config["launch_buttons"]["binderhub_url"] == "https://mybinder.org"  # untouched
    code = nbformat.read(tmp_path / "notebooks" / "x.ipynb", 4).cells
    install = next(c for c in code if c.cell_type == "code")
    assert f'%pip install --quiet "aatd @ git+{url}"' in install.source
    assert set_repository_url.main([url], root=tmp_path) == 0  # no option: hub kept
    assert "jupyterhub_url: https://hub.uni.test" in (tmp_path / "_config.yml").read_text()
    assert set_repository_url.main([url, "--jupyterhub", "none"], root=tmp_path) == 0
    launch = yaml.safe_load((tmp_path / "_config.yml").read_text())["launch_buttons"]
    assert "jupyterhub_url" not in launch
    assert set_repository_url.main([url, "--jupyterhub", "hub.uni.test"], root=tmp_path) == 2


def _run_install_cell(source: str, aatd_found: bool, capsys) -> tuple[str, list[str]]:
    """Run an install cell with ``%pip`` recorded instead of run; (printed, pip lines)."""
    pip = []
    lines = []
    for line in source.splitlines():
        m = re.match(r"^(\s*)%pip (.*)$", line)
        lines.append(f"{m.group(1)}_pip({m.group(2)!r})" if m else line)
    import importlib.util

    real = importlib.util.find_spec
    importlib.util.find_spec = lambda name, *a: real(name, *a) if aatd_found else None
    try:
        exec("\n".join(lines), {"_pip": pip.append})
    finally:
        importlib.util.find_spec = real
    return capsys.readouterr().out, pip


def test_install_cell_prints_one_line_while_the_url_is_the_placeholder(capsys):
    source = set_repository_url.install_cell_source(set_repository_url.DEFAULT_URL)
    out, pip = _run_install_cell(source, aatd_found=False, capsys=capsys)
    assert pip == [] and out.count("\n") == 1 and "repository URL is not set" in out
    out, pip = _run_install_cell(source, aatd_found=True, capsys=capsys)  # aatd present: silent
    assert out == "" and pip == []


def test_install_cell_installs_from_a_real_url_and_says_so_when_it_fails(capsys):
    url = "https://github.com/someone/aatd"
    out, pip = _run_install_cell(set_repository_url.install_cell_source(url), False, capsys)
    assert pip == [f'install --quiet "aatd @ git+{url}"']
    assert out.strip() == f"Could not install aatd from {url}: check the address and the network."


def test_install_cell_pins_a_term_branch():
    config = (ROOT / "_config.yml").read_text()
    assert set_repository_url.config_branch(config) == "main"
    term = config.replace("  branch: main", "  branch: term-2027")
    assert set_repository_url.config_branch(term) == "term-2027"
    url = "https://github.com/someone/aatd"
    assert f"git+{url}@term-2027" in set_repository_url.install_cell_source(url, "term-2027")
    assert f'git+{url}"' in set_repository_url.install_cell_source(url)


def test_every_notebook_carries_the_current_launch_hints():
    """Run `python3 tools/notebook_hints.py` after a notebook is rewritten or added."""
    config = (ROOT / "_config.yml").read_text()
    url, branch = set_repository_url.config_url(config), set_repository_url.config_branch(config)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert notebook_hints.apply(nb, url, branch) is False, (
            f"{path.name}: run tools/notebook_hints.py"
        )
        hint = nb.cells[1]
        assert hint.source == notebook_hints.RUN_FIRST and "remove-cell" in hint.metadata.tags


def test_notebook_hints_put_a_missing_hint_back():  # positive control for the test above
    nb = nbformat.read(sorted((ROOT / "notebooks").glob("*.ipynb"))[0], as_version=4)
    nb.cells = [c for c in nb.cells if not notebook_hints._is_hint(c)]
    assert notebook_hints.apply(nb, set_repository_url.DEFAULT_URL) is True
    assert notebook_hints.apply(nb, set_repository_url.DEFAULT_URL) is False  # idempotent
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells.remove(first_code)  # a new chapter without the install cell gets one
    assert notebook_hints.apply(nb, set_repository_url.DEFAULT_URL) is True
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source == set_repository_url.install_cell_source(
        set_repository_url.DEFAULT_URL
    )
    assert first_code.metadata.tags == ["remove-cell"]


def test_built_book_names_no_placeholder_and_no_hub_button(built_book):
    pages = {
        str(p.relative_to(built_book)): p.read_text(errors="replace")
        for p in built_book.rglob("*.html")
    }
    assert len(pages) > 10
    assert placeholder_hits(pages) == []
    for other in ("*.js", "*.txt", "*.json"):
        texts = {str(p): p.read_text(errors="replace") for p in built_book.rglob(other)}
        assert placeholder_hits(texts) == [], other
    chapter = pages["notebooks/04-elastase-vs-antitrypsin.html"]
    assert "mybinder.org/v2/gh/" in chapter and "colab.research.google.com" in chapter
    assert "user-redirect/git-pull" not in chapter  # no hub named: no JupyterHub button
