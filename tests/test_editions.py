"""Student and instructor editions (tools/editions.py): synthetic notebooks, then the chapters.

The synthetic chapter is the positive control: it holds a solution text, a python solution,
a prediction answer and an explanation-only model answer, so a search that finds nothing in
the student edition is known to be able to find them.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from aatd.checks.core import NOT_ATTEMPTED

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402

SOLUTION_TEXT = "Six sevens make the answer, SYNTHETIC-SOLUTION-PROSE."
SOLUTION_CODE = "answer = 6 * 7  # SYNTHETIC-SOLUTION-CODE"
MODEL_ANSWER = "Because the SYNTHETIC-MODEL-ANSWER says so."
PREDICTION = "SYNTHETIC-PREDICTION-ANSWER"
CONFIRM = "Forty-two is six times seven."

REGISTER = (
    "from aatd.checks import Exercise, Wrong, check, register\n\n"
    f'register(Exercise(id="ex-99-1", expected=42.0, confirm="{CONFIRM}", hint="Multiply.",\n'
    '    wrong=(Wrong("added", 13.0, "You added them; multiply instead."),)))'
)


def synthetic(python_blocks: int = 1, work: str = "answer = ...") -> nbformat.NotebookNode:
    code = "\n\n".join(f"```python\n{SOLUTION_CODE}\n```" for _ in range(python_blocks))
    cells = [
        new_markdown_cell("# A synthetic chapter"),
        new_code_cell(REGISTER),
        new_markdown_cell("What is six times seven?", metadata={"aatd": {"answer": PREDICTION}}),
        new_markdown_cell("**Your prediction:**"),
        new_markdown_cell("## Exercises\n\n```{exercise} Six times seven\n:label: ex-99-1\n```"),
        new_code_cell(work, metadata={"aatd": {"work": "ex-99-1"}}),
        new_code_cell(
            'check("ex-99-1", answer)',
            metadata={"aatd": {"check": "ex-99-1"}},
            outputs=[new_output("stream", name="stdout", text="ex-99-1: not attempted yet\n")],
        ),
        new_markdown_cell(
            '<details class="aatd-solution"><summary>Solution (open it after you have tried)'
            f"</summary>\n\n````{{solution}} ex-99-1\n:class: dropdown\n\n{code}\n\n"
            f"{SOLUTION_TEXT}\n````\n\n</details>",
            metadata={"aatd": {"solution": "ex-99-1"}},
        ),
        new_markdown_cell("Your answer: …", metadata={"aatd": {"work": "ex-99-2"}}),
        new_markdown_cell(
            f"Before.\n\n````{{solution}} ex-99-2\n:class: dropdown\n\n{MODEL_ANSWER}\n````"
        ),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


@pytest.fixture
def synthetic_path(tmp_path) -> Path:
    path = tmp_path / "src" / "99-synthetic.ipynb"
    path.parent.mkdir()
    nbformat.write(synthetic(), path)
    return path


def _text(nb) -> str:
    return json.dumps(nb, ensure_ascii=False)


def _check_outputs(nb) -> list[str]:
    return [
        "".join(o.get("text", "") for o in c.outputs)
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("aatd", {}).get("check")
    ]


# --- unit: the preprocessors on the synthetic chapter ---------------------------------------


def test_the_control_holds_every_secret(synthetic_path):
    text = synthetic_path.read_text()
    for secret in (
        "SYNTHETIC-SOLUTION-PROSE",
        "SYNTHETIC-SOLUTION-CODE",
        PREDICTION,
        "SYNTHETIC-MODEL-ANSWER",
    ):
        assert secret in text


def test_student_edition_drops_solutions_and_keeps_the_exercise(synthetic_path, tmp_path):
    _out, nb = editions.make_edition("student", synthetic_path, tmp_path / "s")
    text = _text(nb)
    for secret in (
        "SYNTHETIC-SOLUTION-PROSE",
        "SYNTHETIC-SOLUTION-CODE",
        "SYNTHETIC-MODEL-ANSWER",
        "{solution}",
        "aatd-solution",
    ):
        assert secret not in text, secret
    work = editions.work_cells(nb)
    assert work["ex-99-1"].source == "answer = ..."
    assert work["ex-99-2"].source == "Your answer: …"
    assert list(editions.check_cells(nb)) == ["ex-99-1"]
    assert _check_outputs(nb) == [""], "exercise outputs are cleared"
    assert any(c.source == "Before." for c in nb.cells), "text around a solution stays"
    assert PREDICTION in text, "predictions keep their answers (the hidden outputs show them)"


def test_instructor_edition_fills_work_cells_and_expands_solutions(synthetic_path, tmp_path):
    _out, nb = editions.make_edition("instructor", synthetic_path, tmp_path / "i", run=False)
    assert editions.work_cells(nb)["ex-99-1"].source == SOLUTION_CODE
    sols = editions.all_solutions(nb)
    assert set(sols) == {"ex-99-1", "ex-99-2"}
    assert all(dict(s.options).get("class") is None for s in sols.values())
    assert SOLUTION_TEXT in _text(nb) and MODEL_ANSWER in _text(nb)
    assert "<details" not in _text(nb), "the collapsing wrapper goes"


def test_two_python_blocks_are_refused(tmp_path):
    path = tmp_path / "two.ipynb"
    nbformat.write(synthetic(python_blocks=2), path)
    with pytest.raises(editions.EditionError, match="exactly one python block"):
        editions.make_edition("instructor", path, tmp_path / "i", run=False)


def test_a_work_cell_holding_an_answer_is_refused(tmp_path):
    path = tmp_path / "filled.ipynb"
    nbformat.write(synthetic(work="answer = 42"), path)
    with pytest.raises(editions.EditionError, match=r"must hold `answer = \.\.\.`"):
        editions.make_edition("student", path, tmp_path / "s")


def test_an_unknown_edition_is_refused(synthetic_path, tmp_path):
    with pytest.raises(ValueError, match="'teacher'"):
        editions.make_edition("teacher", synthetic_path, tmp_path)


def test_colon_fenced_solutions_are_found():
    found = editions.solutions(":::{solution} ex-01-1\n:class: dropdown\nText.\n:::\n")
    assert [s.ex_id for s in found] == ["ex-01-1"]
    assert found[0].markup == ":::"


# --- slow: the editions run --------------------------------------------------------------------


def test_synthetic_editions_run(synthetic_path, tmp_path, run_notebook):
    student, _ = editions.make_edition("student", synthetic_path, tmp_path / "s")
    assert _check_outputs(run_notebook(student)) == [
        "ex-99-1: not attempted yet — replace the "
        "... in the work cell with your answer and "
        "run both cells again.\n"
    ]
    instructor, nb = editions.make_edition("instructor", synthetic_path, tmp_path / "i")
    assert _check_outputs(nb) == [f"ex-99-1: right. {CONFIRM}\n"]
    assert _check_outputs(run_notebook(instructor)) == [f"ex-99-1: right. {CONFIRM}\n"]


def _converted_chapters() -> list[str]:
    out = []
    for stem in editions.chapters():
        nb = nbformat.read(ROOT / f"{stem}.ipynb", as_version=4)
        if editions.check_cells(nb):
            out.append(stem)
    return out


def _solution_lines(nb) -> list[str]:
    """Each solution's distinctive lines (prose and code), to search the student edition for:
    at least 25 characters, and not also in a cell of the chapter that is not a solution."""
    elsewhere = "\n".join(
        c.source
        for c in nb.cells
        if not (c.cell_type == "markdown" and editions.solutions(c.source))
    )
    lines = []
    for sol in editions.all_solutions(nb).values():
        for line in sol.body.splitlines():
            line = line.strip()
            if (
                len(line) >= 25
                and not line.startswith(("```", "import ", "from "))
                and line not in elsewhere  # the chapter itself says it outside a solution
            ):
                lines.append(line)
    return lines


@pytest.mark.parametrize("stem", _converted_chapters())
def test_chapter_editions(stem, tmp_path, run_notebook):
    source = nbformat.read(ROOT / f"{stem}.ipynb", as_version=4)
    secrets = _solution_lines(source)
    assert secrets, f"{stem} has check cells but no solution text to search for"
    student, snb = editions.make_edition("student", ROOT / f"{stem}.ipynb", tmp_path / "s")
    cells_text = "\n".join(c.source for c in snb.cells)
    leaked = [s for s in secrets if s in cells_text]
    assert not leaked, f"solution text in the student edition of {stem}: {leaked[:3]}"
    checks = _check_outputs(run_notebook(student, cwd=ROOT / "notebooks"))
    assert checks and all(NOT_ATTEMPTED in o for o in checks), checks
    _path, inb = editions.make_edition("instructor", ROOT / f"{stem}.ipynb", tmp_path / "i")
    checks = _check_outputs(inb)
    not_right = [o for o in checks if not re.search(r"^ex-[\w-]+: right\. ", o)]
    assert checks and not not_right, f"{stem}: check cells without a confirmation: {not_right}"


def _normalised(text: str) -> str:
    """Text as a reader sees it, for matching Markdown against HTML: tags, link targets, the
    Markdown and math marks and Sphinx's smart quotes and dashes removed, spaces collapsed."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub(r"\]\([^)]*\)", "", text)
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(fancy, plain)
    text = re.sub(r"[*_`$\[\]\\()]", "", text)
    return re.sub(r"\s+", " ", text)


def test_student_html_has_no_solution_and_no_instructor_page(student_book, built_book):
    html, _log = student_book
    pages = {p.relative_to(html).as_posix(): p for p in html.rglob("*") if p.is_file()}
    instructor = [p for p in pages if p.startswith("book/instructors/")]
    assert instructor == ["book/instructors/guide.html"], f"instructor pages: {instructor}"
    raw = {
        k: p.read_text(errors="replace")
        for k, p in pages.items()
        if p.suffix in (".html", ".ipynb", ".md", ".txt", ".js")
    }
    assert 'class="solution' not in "".join(raw.values())
    text = {k: _normalised(t) for k, t in raw.items()}
    secrets = []
    for stem in editions.chapters():
        secrets += _solution_lines(nbformat.read(ROOT / f"{stem}.ipynb", as_version=4))
    # A role ({cite}`key`, {term}`x`) renders as other text: search its longest plain piece.
    pieces = [max(re.split(r"\{[\w:-]+\}`[^`]*`", s), key=len) for s in secrets]
    secrets = [
        n[:60] for n in (_normalised(p).strip().rstrip(".,;:") for p in pieces) if len(n) >= 20
    ]
    # ... unless the student pages' own sources say it too (a heading a solution links to).
    public = [
        c.source
        for stem in editions.chapters()
        for c in nbformat.read(ROOT / f"{stem}.ipynb", as_version=4).cells
        if not editions.solutions(c.source)
    ]
    public += [
        (ROOT / f"{page}.md").read_text()
        for page in editions._student_pages()
        if (ROOT / f"{page}.md").is_file()
    ]
    public_text = _normalised("\n".join(public))
    secrets = [s for s in secrets if s not in public_text]
    assert secrets, "no solution text found to search for (positive control)"
    full = " ".join(_normalised(p.read_text(errors="replace")) for p in built_book.rglob("*.html"))
    found = [s for s in secrets if s in full]
    assert len(found) > 0.9 * len(secrets), "the search misses solutions in the full book"
    for secret in secrets:
        hits = [k for k, t in text.items() if secret in t]
        assert not hits, f"solution text {secret!r} in {hits[:3]}"
