"""One source of truth: change one published number in ``aatd.evidence`` and everything moves.

The 11 µM protective threshold (``stoller2012``) is set to 12 in a fresh interpreter *before*
anything else is imported, the way a corrected source would change it. A figure, an
explorer's kernel-free grid and a quiz answer that use the threshold must all change with
it; if any of them typed its own 11, this test fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import dataclasses, json, sys
import matplotlib
matplotlib.use("Agg")
from aatd import evidence as ev

if sys.argv[1] != "none":
    row = ev.EVIDENCE["protective_threshold_uM"]
    new = dataclasses.replace(row, value=float(sys.argv[1]))
    ev.EVIDENCE["protective_threshold_uM"] = new
    ev.EVIDENCE_ROWS = tuple(new if r is row else r for r in ev.EVIDENCE_ROWS)

from aatd import plots
from aatd.plots.style import THRESHOLD_COLOR
from aatd.quiz import computed
from aatd.widgets import ElastaseExplorer

fig = plots.exposure_curve()
lines = sorted({float(l.get_xdata()[0]) for ax in fig.axes for l in ax.lines
                if l.get_color() == THRESHOLD_COLOR})
texts = sorted(t.get_text() for ax in fig.axes for t in ax.texts if "threshold" in t.get_text())
grid = ElastaseExplorer().static_data()
vlines = sorted({e["x"] for e in grid["static"] if e["k"] == "vl"})
labels = sorted(e.get("t", "") for e in grid["static"] if e["k"] == "vl" and e.get("t"))
print(json.dumps({
    "figure_lines": lines, "figure_texts": texts,
    "grid_vlines": vlines, "grid_labels": labels,
    "quiz_mg_dl": computed.value("threshold_mg_dl_by_mass"),
}))
"""


def _probe(threshold: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, threshold],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def probes():
    return _probe("none"), _probe("12")


def test_the_unpatched_course_uses_11(probes):
    base, _ = probes
    assert base["figure_lines"] == [11.0]
    assert base["grid_vlines"] == [11]
    assert base["quiz_mg_dl"] == pytest.approx(57.2)
    assert any("11 µM" in t for t in base["figure_texts"])
    assert any("11 µM" in t for t in base["grid_labels"])


def test_a_changed_threshold_moves_figure_grid_and_quiz(probes):
    base, moved = probes
    assert moved["figure_lines"] == [12.0]
    assert any("12 µM" in t for t in moved["figure_texts"])
    assert not any("11 µM" in t for t in moved["figure_texts"])
    assert moved["grid_vlines"] == [12]
    assert any("12 µM" in t for t in moved["grid_labels"])
    assert moved["quiz_mg_dl"] == pytest.approx(12 * 5.2)
    for key in ("figure_lines", "figure_texts", "grid_vlines", "grid_labels", "quiz_mg_dl"):
        assert moved[key] != base[key], key
