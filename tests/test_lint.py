"""The pre-commit hooks pass: CI runs the very entries of ``.pre-commit-config.yaml``.

ruff (check and format), nbQA ruff on the notebooks, mypy on the model modules and ESLint on
the browser scripts. The tools are pinned in requirements-dev.txt and package-lock.json.
"""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]


def test_hooks_are_local_and_system():
    repos = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
    assert [r["repo"] for r in repos] == ["local"]
    assert {h["language"] for h in HOOKS} == {"system"}
    assert {h["id"] for h in HOOKS} == {"ruff-check", "ruff-format", "nbqa-ruff", "mypy", "eslint"}


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_hook_passes(hook):
    argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
    if argv[0] == "python3":
        argv[0] = sys.executable  # the interpreter running the tests, wherever it lives
    if argv[0] == "node" and not (ROOT / "node_modules" / "eslint").is_dir():
        pytest.fail("ESLint is not installed: run `npm ci` in the repository", pytrace=False)
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, (
        f"{hook['name']} failed:\n{proc.stdout[-4000:]}{proc.stderr[-2000:]}"
    )


def test_eslint_catches_a_real_problem():
    """Positive control: the ESLint configuration does reject bad code (here eval and ==)."""
    if not (ROOT / "node_modules" / "eslint").is_dir():
        pytest.fail("ESLint is not installed: run `npm ci` in the repository", pytrace=False)
    proc = subprocess.run(
        [
            "node",
            "node_modules/eslint/bin/eslint.js",
            "--stdin",
            "--stdin-filename",
            "aatd/widgets/probe.js",
        ],
        input='(function () { var x = eval("1"); if (x == 1) { return; } })();\n',
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "no-eval" in proc.stdout and "eqeqeq" in proc.stdout


def _ruff_check(tmp_path, code: str) -> subprocess.CompletedProcess:
    """Run ruff with the project's configuration on a small probe file."""
    probe = tmp_path / "probe.py"
    probe.write_text(code)
    config = str(ROOT / "pyproject.toml")
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", config, str(probe)],
        capture_output=True,
        text=True,
    )


def test_ruff_catches_a_real_problem(tmp_path):
    """Positive control: the ruff configuration rejects an unused import and a bad name."""
    proc = _ruff_check(tmp_path, "import os\n\n\ndef Bad_Name():\n    return 1\n")
    assert proc.returncode == 1
    assert "F401" in proc.stdout and "N802" in proc.stdout


def test_ruff_allows_unit_suffixed_names(tmp_path):
    proc = _ruff_check(
        tmp_path,
        "def serum_aat_uM(level_uM: float, k_ass_per_M_s: float) -> float:\n"
        "    return level_uM * k_ass_per_M_s\n",
    )
    assert proc.returncode == 0, proc.stdout
