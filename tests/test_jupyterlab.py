"""MyST in JupyterLab: the pinned jupyterlab-myst is compatible with the pinned JupyterLab, and
in a real JupyterLab the chapters render their roles and directives, and keep solutions and
prediction answers collapsed until the student opens them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT

#: What ``jupyter labextension list`` prints for an extension it cannot load.
_NOT_COMPATIBLE_RE = re.compile(r"is not compatible|\bX\s+\(|\bX\s*$", re.M)
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def not_compatible(listing: str) -> list[str]:
    """The lines of a ``jupyter labextension list`` output that report an incompatibility."""
    text = _ANSI_RE.sub("", listing)
    return [ln.strip() for ln in text.splitlines() if _NOT_COMPATIBLE_RE.search(ln)]


def test_not_compatible_finds_what_jupyter_reports():
    sample = (
        "JupyterLab v4.6.6\n"
        "        jupyterlab-myst v2.7.0 enabled  X (python, jupyterlab_myst)\n"
        '   "jupyterlab-myst@2.7.0" is not compatible with the current JupyterLab\n'
        "        jupyterlab_pygments v0.3.0 enabled OK (python, jupyterlab_pygments)\n"
    )
    assert len(not_compatible(sample)) == 2
    assert not_compatible("        jupyterlab_pygments v0.3.0 enabled OK (python, x)\n") == []


def test_no_lab_extension_is_reported_not_compatible():
    proc = subprocess.run(
        [sys.executable, "-m", "jupyterlab.labextensions", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    listing = proc.stdout + proc.stderr
    assert proc.returncode == 0, listing
    assert not not_compatible(listing), listing
    assert re.search(r"jupyterlab-myst v2\.7\.0\s+\S*enabled\S*\s+\S*OK", _ANSI_RE.sub("", listing))


def test_requirements_and_the_freeze_script_keep_the_pins():
    pins = {"jupyterlab==4.5.11", "jupyterlab-myst==2.7.0"}
    requirements = set((ROOT / "requirements.txt").read_text().split())
    freeze = (ROOT / "tools" / "freeze_requirements.sh").read_text()
    assert pins <= requirements
    for pin in pins:
        assert f'"{pin}"' in freeze, pin


# --- chapters in a real JupyterLab --------------------------------------------------------

LAB_CHAPTERS = ["04-elastase-vs-antitrypsin", "06-lung-damage-over-a-lifetime"]
RAW_MYST_RE = re.compile(r"\{(term|cite|ref|solution|numref|eq|doc)\}")


def _cells(stem):
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return nb["cells"]


def _snippets(text: str) -> list[str]:
    """Plain runs of words (no markup) from a solution, as a reader would see them."""
    body = [
        ln.strip()
        for ln in text.splitlines()
        if ln.strip() and not ln.lstrip().startswith(("<", "`", ":", "$", "-", "|"))
    ]
    out = []
    for ln in body:
        for run in re.split(r"[`*_$\[\]{}()<>|\\]", ln):
            run = " ".join(run.split())
            if len(run) >= 25:
                out.append(run)
    return out


def hidden_texts(stem) -> tuple[list[str], list[str]]:
    """(solution snippets, prediction answers) that must not be visible in ``stem``."""
    snippets, answers = [], []
    for cell in _cells(stem):
        aatd = cell.get("metadata", {}).get("aatd", {})
        src = "".join(cell["source"])
        if re.search(r"^`{3,}\{solution\}", src, re.M) or "solution" in aatd:
            snippets += _snippets(src)[:3]
        if "answer" in aatd:
            answers.append(aatd["answer"])
    return snippets, answers


def test_hidden_texts_finds_solution_prose():
    snippets, answers = hidden_texts("04-elastase-vs-antitrypsin")
    assert any("active AAT" in s or "AAT" in s for s in snippets), snippets
    assert "64.4" in answers


@pytest.mark.parametrize("stem", LAB_CHAPTERS)
def test_chapter_in_jupyterlab_renders_myst_and_hides_answers(jupyterlab, browser, stem):
    page = jupyterlab.new_page(browser)
    try:
        jupyterlab.open_notebook(page, f"notebooks/{stem}.ipynb")
        errors = jupyterlab.run_all(page)
        assert not errors, errors
        page.wait_for_timeout(1500)  # let the last outputs and MyST renders settle
        page.screenshot(path=str(jupyterlab.root.parent / f"{stem}.png"), full_page=True)
        markdown = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .myst")
        rendered = "\n".join(markdown.all_inner_texts())
        assert rendered.strip(), "no rendered Markdown found"
        raw = sorted(set(RAW_MYST_RE.findall(rendered)))
        assert not raw, f"raw MyST markup shown in rendered Markdown: {raw}"
        visible = page.locator(".jp-Notebook").inner_text()
        snippets, answers = hidden_texts(stem)
        shown = [s for s in snippets if " ".join(s.split()) in " ".join(visible.split())]
        assert not shown, f"solution text visible before it is opened: {shown[:5]}"
        for answer in answers:
            pattern = r"(?<![\w.])" + re.escape(answer) + r"(?![\w]|\.\d)"
            m = re.search(pattern, visible)
            context = visible[max(0, m.start() - 300) : m.end() + 100] if m else ""
            assert not m, f"prediction answer {answer!r} is visible: …{context}…"
        if answers:
            # positive control: opening the collapsed answers shows them
            page.evaluate(
                """() => document.querySelectorAll("details.aatd-answer")
                    .forEach((d) => { d.open = true; })"""
            )
            page.wait_for_timeout(500)
            opened = page.locator(".jp-Notebook").inner_text()
            assert all(re.search(re.escape(a), opened) for a in answers), answers
        assert not page.problems.offhost_requests, page.problems.offhost_requests
    finally:
        page.context.close()
