"""The package as a student's machine meets it: a wheel, a fresh venv, one notebook alone.

``wheel`` builds ``aatd`` from a copy of the tracked source (the worktree stays clean);
``fresh_venv`` installs that wheel and ``ipykernel`` into a new virtual environment without
system site packages, with the versions pinned in ``requirements.txt`` (pip's registry and
cache supply them). The test copies one chapter notebook alone into an empty folder and
executes it with that venv's kernel: the quiz must render from the banks inside the package.
Both fixtures are slow (``SLOW_FIXTURES`` in ``conftest.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

CHAPTER = "04-elastase-vs-antitrypsin"  # an explorer and a quiz


def _clean_env() -> dict[str, str]:
    """The environment without anything that would let the venv see this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_clean_env(), **kw)
    assert proc.returncode == 0, (
        f"{' '.join(map(str, cmd))}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
    )
    return proc


def tracked_package_files() -> list[str]:
    """Every file of the package that git tracks (``aatd/...``), caches excluded."""
    out = subprocess.run(
        ["git", "ls-files", "aatd"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return sorted(p for p in out if "__pycache__" not in p and (ROOT / p).is_file())


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """A wheel of ``aatd`` built (with build isolation, as CI would) from the tracked files."""
    src = tmp_path_factory.mktemp("aatd-src")
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    for name in files:
        wanted = name.startswith("aatd/") or name in {"pyproject.toml", "README.md", "LICENSE"}
        if wanted and (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("wheelhouse")
    start = time.perf_counter()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)])
    wheels = list(out.glob("aatd-*.whl"))
    assert len(wheels) == 1, wheels
    print(
        f"\nwheel built in {time.perf_counter() - start:.1f} s: {wheels[0].name}", file=sys.stderr
    )
    return wheels[0]


def _constraints(tmp: Path) -> Path:
    """requirements.txt without its editable line: the pinned versions as pip constraints."""
    lines = [
        line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "-e", "-r"))
    ]
    path = tmp / "constraints.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="session")
def fresh_venv(wheel, tmp_path_factory) -> Path:
    """A new venv (no system site packages) holding the wheel and ipykernel; its python."""
    root = tmp_path_factory.mktemp("fresh-venv")
    venv = root / "venv"
    start = time.perf_counter()
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    cfg = (venv / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in cfg, cfg
    # From a neutral folder: `python -c` puts the working directory on sys.path.
    probe = subprocess.run(
        [python, "-c", "import aatd"], capture_output=True, text=True, env=_clean_env(), cwd=root
    )
    assert probe.returncode != 0, "the new venv already imports aatd: it is not isolated"
    _run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "-c",
            str(_constraints(root)),
            str(wheel),
            "ipykernel",
        ]
    )
    # Matplotlib builds its font cache on first import (a note on stderr): do it here, once.
    _run([python, "-c", "import matplotlib.pyplot"], cwd=root)
    print(f"\nfresh venv ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return python


def test_wheel_holds_every_bank_and_asset(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    banks = sorted((ROOT / "aatd" / "quiz" / "banks").glob("*.quiz.yml"))
    assert len(banks) >= 9
    for bank in banks:
        assert f"aatd/quiz/banks/{bank.name}" in names, f"{bank.name} is not in the wheel"
    tracked = tracked_package_files()
    assets = [p for p in tracked if not p.endswith(".py")]
    assert any(p.endswith(".js") for p in assets) and any(p.endswith(".css") for p in assets)
    missing = [p for p in tracked if p not in names]
    assert not missing, f"package files missing from the wheel: {missing}"


def test_one_notebook_alone_runs_in_a_fresh_venv(fresh_venv, tmp_path):
    python = fresh_venv
    venv = python.parent.parent
    where = _run([python, "-c", "import aatd; print(aatd.__file__)"], cwd=tmp_path).stdout.strip()
    assert Path(where).resolve().is_relative_to(venv.resolve()), where
    # The venv's kernel, found through a private JUPYTER_PATH.
    kernels = tmp_path / "jupyter" / "kernels" / "aatd-fresh"
    kernels.mkdir(parents=True)
    spec = {
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "aatd fresh venv",
        "language": "python",
    }
    (kernels / "kernel.json").write_text(json.dumps(spec))
    alone = tmp_path / "alone"
    alone.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / f"{CHAPTER}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import aatd\nprint(aatd.__file__)"))
    nbformat.write(nb, alone / f"{CHAPTER}.ipynb")
    assert sorted(p.name for p in alone.iterdir()) == [f"{CHAPTER}.ipynb"]  # nothing beside it
    env = _clean_env() | {"JUPYTER_PATH": str(tmp_path / "jupyter")}
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=aatd-fresh", "--ExecutePreprocessor.timeout=300",
            "--output", "executed.ipynb", f"{CHAPTER}.ipynb",
        ],
        cwd=alone, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-4000:]
    print(f"\n{CHAPTER} ran alone in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    done = nbformat.read(alone / "executed.ipynb", as_version=4)
    code = [c for c in done.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    stderr = [o.text for c in code for o in c.outputs if o.get("name") == "stderr"]
    assert not stderr, stderr
    # the quiz rendered from the bank inside the installed package
    quiz = next(c for c in code if "show_quiz(" in c.source)
    html = quiz.outputs[0]["data"]["text/html"]
    from aatd.quiz import load_bank

    n = len(load_bank(ROOT / "aatd" / "quiz" / "banks" / f"{CHAPTER}.quiz.yml").questions)
    assert f'data-aatd-quiz="{CHAPTER}"' in html
    assert html.count('class="aatd-quiz-q"') == n
    # the explorer displayed both faces, and the kernel imported aatd from the venv
    views = [
        o["data"]
        for c in code
        for o in c.outputs
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert views and all("text/html" in data for data in views)
    printed = code[-1].outputs[0]["text"].strip()
    assert Path(printed).resolve().is_relative_to(venv.resolve()), printed


def uncovered(root: Path, assets: list[str], patterns: list[str]) -> list[str]:
    """The ``assets`` (paths from ``root``) that no package-data pattern of ``aatd`` matches."""
    covered = {str(p.relative_to(root)) for pat in patterns for p in (root / "aatd").glob(pat)}
    return [a for a in assets if a not in covered]


def test_package_data_patterns_cover_every_asset(tmp_path):
    """Fast twin of the wheel test: each tracked non-Python file of ``aatd`` matches a
    ``package-data`` pattern of pyproject.toml (a new kind of asset must be added there)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["aatd"]
    assets = [p for p in tracked_package_files() if not p.endswith(".py")]
    assert any(p.startswith("aatd/quiz/banks/") for p in assets)
    assert uncovered(ROOT, assets, patterns) == []
    # positive control: a bank and a file type no pattern names
    (tmp_path / "aatd" / "quiz" / "banks").mkdir(parents=True)
    for name in ("aatd/quiz/banks/10-x.quiz.yml", "aatd/quiz/grid.json"):
        (tmp_path / name).write_text("x")
    found = uncovered(tmp_path, ["aatd/quiz/banks/10-x.quiz.yml", "aatd/quiz/grid.json"], patterns)
    assert found == ["aatd/quiz/grid.json"]
