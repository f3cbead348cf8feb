"""The layers import downwards only: the model never imports the view, quiz never imports plots.

Read from the source (``ast``), so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "aatd"
#: The model layer: one module per idea, every number and equation.
MODEL = (
    "_checks",
    "units",
    "evidence",
    "genetics",
    "parameters",
    "kinetics",
    "serpin",
    "timecourse",
    "lung",
    "calibration",
    "cohorts",
    "cases",
    "_parameter",
    "_exposure_solution",
    "_lung_inputs",
    "therapy",
    "population",
)
VIEW = ("plots", "widgets", "quiz")


def _imports(path: Path) -> set[str]:
    """Every ``aatd`` submodule ``path`` imports (absolute or relative), first component."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(ROOT.parent).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == "aatd" and len(parts) > 1:
                    found.add(parts[1])
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            mod = base + (node.module.split(".") if node.module else [])
            if mod and mod[0] == "aatd":
                if len(mod) > 1:
                    found.add(mod[1])
                else:  # from aatd import x / from . import x at the top
                    found.update(a.name for a in node.names)
    return found


def _files(names) -> list[Path]:
    out = []
    for n in names:
        p = ROOT / n
        out += sorted(p.rglob("*.py")) if p.is_dir() else [p.with_suffix(".py")]
    return out


def test_every_model_module_exists_and_every_aatd_module_has_a_layer():
    tops = {p.stem for p in ROOT.glob("*.py")} - {"__init__"}
    tops |= {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(MODEL) <= tops
    # aatd.checks (exercise check cells) sits with the view: it may use quiz.computed
    assert tops - set(MODEL) - set(VIEW) <= {"checks"}, "a new module needs a layer here"


@pytest.mark.parametrize("path", _files(MODEL), ids=lambda p: p.name)
def test_model_imports_no_view(path):
    assert not _imports(path) & {*VIEW, "checks"}, path


@pytest.mark.parametrize("path", _files(("quiz",)), ids=lambda p: str(p.relative_to(ROOT)))
def test_quiz_imports_no_plots_or_widgets(path):
    assert not _imports(path) & {"plots", "widgets"}, path


def test_the_import_scanner_sees_relative_absolute_and_lazy_imports():
    # positive control: a model-like file with each import form is caught
    fake = ROOT / "quiz" / "computed" / "ch01_protein.py"
    found = _imports(fake)
    assert "serpin" in found  # a lazy absolute import inside a function
    assert _imports(ROOT / "plots" / "balance.py") >= {"serpin", "parameters", "kinetics"}
    assert "plots" in _imports(ROOT / "widgets" / "elastase.py")
