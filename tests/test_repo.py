"""The repository keeps its promises: pins, README commands, CI, config, notebooks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import set_repository_url  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", setup, re.S)


def test_readme_has_exactly_two_setup_commands_build_and_test():
    commands = readme_commands()
    assert len(commands) == 2, commands
    build, test = commands
    assert "-r requirements.txt" in build and "jupyter-book build -W -n --keep-going ." in build
    assert "-r requirements-dev.txt" in test and "pytest" in test


def test_ci_runs_the_readme_commands_verbatim():
    ci = (ROOT / ".ci" / "run").read_text()
    for command in readme_commands():
        assert command in ci.splitlines(), f"{command!r} is not a line of .ci/run"
    assert "apt-get install -y -qq chromium" in ci


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_requirement_is_pinned(name):
    lines = [
        ln.strip()
        for ln in (ROOT / name).read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    for line in lines:
        if line.startswith(("-r ", "-e ")):
            continue
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", line), line


def test_stack_versions_are_the_ones_the_issue_names():
    pins = dict(
        ln.split("==") for ln in (ROOT / "requirements.txt").read_text().splitlines() if "==" in ln
    )
    pins = {k.lower(): v for k, v in pins.items()}
    assert pins["jupyter-book"] == "1.0.4.post1"
    assert pins["sphinx"] == "7.4.7"
    assert pins["myst-nb"] == "1.4.0"
    assert pins["sphinx-book-theme"].startswith("1.3.")
    assert pins["ipywidgets"].startswith("8.1.")
    dev = (ROOT / "requirements-dev.txt").read_text()
    assert "nbval==0.11." in dev and "playwright==" in dev and "hypothesis==" in dev


def test_config_keeps_the_book_offline_and_widget_free():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    sphinx = config["sphinx"]["config"]
    assert config["only_build_toc_files"] is True
    assert sphinx["nb_ipywidgets_js"] == {}
    assert sphinx["mathjax_path"] == "vendor/mathjax/es5/tex-chtml.js"
    assert (ROOT / "book/_static" / sphinx["mathjax_path"]).is_file()
    assert (ROOT / "book/_static/vendor/mathjax/LICENSE").is_file()
    fonts = list(
        (ROOT / "book/_static/vendor/mathjax/es5/output/chtml/fonts/woff-v2").glob("*.woff")
    )
    assert len(fonts) > 10
    assert ["html", "text/html", 0] in sphinx["nb_mime_priority_overrides"]
    for pattern in ("_build", ".*", "node_modules", "editions", ".venv", "venv"):
        assert pattern in config["exclude_patterns"], pattern
    launch = config["launch_buttons"]
    assert launch["binderhub_url"] and launch["colab_url"]
    assert "jupyterhub_url" not in launch  # a deployer adds it (tests/test_launch.py)
    assert sphinx["html_theme_options"]["use_download_button"] is True


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_stores_no_widget_state_and_has_install_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert "widgets" not in nb.metadata, "widget state must not be stored"
    url = set_repository_url.config_url((ROOT / "_config.yml").read_text())
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a chapter notebook calls the aatd package"
    first = code[0]
    assert first.source == set_repository_url.install_cell_source(url), (
        "the first code cell must be the guarded install cell for the configured repository "
        "(run tools/set_repository_url.py)"
    )
    assert "remove-cell" in first.metadata.get("tags", [])
    assert not first.outputs, "the install cell does nothing where aatd is importable"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_do_not_end_in_semicolons(path):
    """nbval 0.11 fails cells whose last line ends in ';'."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.strip():
            assert not cell.source.rstrip().endswith(";"), cell.source


def test_licences_and_citation_exist():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text()
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] and cff["title"]


# --- working habits: one version, tiers, one build ---------------------------------------


def test_version_is_written_once():
    import aatd

    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject and 'attr = "aatd.__version__"' in pyproject
    assert not re.search(r"^version\s*=\s*\"", pyproject, re.M), (
        "pyproject.toml repeats the version"
    )
    assert "version" not in yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert re.fullmatch(r"\d+\.\d+\.\d+", aatd.__version__)


def test_fast_tier_is_documented():
    readme = (ROOT / "README.md").read_text()
    developing = readme.split("## Developing", 1)[1].split("\n## ", 1)[0]
    assert "python3 -m pytest -m unit" in developing
    assert "python3 -m pytest -m unit" in (ROOT / "CONTRIBUTING.md").read_text()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "--nbval" not in pyproject.split("addopts", 1)[1].splitlines()[0], (
        "--nbval belongs in the README's test command, not in addopts"
    )


_PRINT_TIERS = """
import sys, pytest
TIERS = {"unit", "book", "browser", "notebook", "slow"}
class Printer:
    def pytest_collection_finish(self, session):
        for item in session.items:
            tiers = sorted({m.name for m in item.iter_markers()} & TIERS)
            print("TIER", item.nodeid, ",".join(tiers))
sys.exit(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
                     plugins=[Printer()]))
"""


def test_tiers_come_from_the_fixtures_a_test_uses():
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", _PRINT_TIERS], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    tiers = dict(ln[5:].rsplit(" ", 1) for ln in proc.stdout.splitlines() if ln.startswith("TIER "))
    in_tier = lambda t: {i for i, ts in tiers.items() if t in ts.split(",")}  # noqa: E731
    files = lambda ids: {i.split("::")[0] for i in ids}  # noqa: E731
    unit, book, browser = in_tier("unit"), in_tier("book"), in_tier("browser")
    # positive controls: each tier holds what it must
    assert "tests/test_kinetics.py" in files(unit)
    assert "tests/test_browser_smoke.py" in files(browser)
    assert any("test_page_is_built_without_errors" in i for i in book)
    assert any("student_edition" in i for i in in_tier("slow"))
    # nothing that needs the book or chromium is in the unit tier, and every test has a tier
    assert not unit & (book | browser)
    assert all(tiers.values()), [i for i, t in tiers.items() if not t]
    assert not [i for i, t in tiers.items() if "unit" in t and t != "unit"]


def test_source_stamp_follows_the_book_source(tmp_path):
    import subprocess

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from source_stamp import source_stamp

    def git(*a):
        subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "notebooks" / "a.ipynb").write_text("{}")
    (tmp_path / "tests" / "test_a.py").write_text("x = 1\n")
    git("init", "-q")
    first = source_stamp(tmp_path)
    assert source_stamp(tmp_path) == first
    (tmp_path / "tests" / "test_a.py").write_text("x = 2\n")  # tests do not change the book
    assert source_stamp(tmp_path) == first
    assert source_stamp(tmp_path, "_toc-student.yml") != first  # another table of contents
    (tmp_path / "notebooks" / "a.ipynb").write_text('{"cells": []}')  # the source changed
    assert source_stamp(tmp_path) != first


def test_a_stale_or_unstamped_build_is_not_reused(tmp_path):
    from conftest import STAMP_NAME, build_is_current, source_stamp

    html = tmp_path / "html"
    html.mkdir()
    assert not build_is_current(html)  # no stamp: a build with warnings, or an old build
    (html / STAMP_NAME).write_text("0" * 64 + "\n")
    assert not build_is_current(html)  # stamped for other source
    (html / STAMP_NAME).write_text(source_stamp(ROOT) + "\n")
    assert build_is_current(html)
