"""Every chapter's predictions, exercises and check cells follow the one convention
(CONTRIBUTING.md, "Predictions, exercises and check cells").

For each chapter of ``_toc.yml``:

- each prompt cell (``metadata.aatd.prompt``) names its answer (``metadata.aatd.answer``), which
  no visible cell or output shows before the prompt; a "Your prediction:" cell with the
  prediction box follows it; every code output from the prompt to the next heading is hidden
  (``metadata.jupyter.outputs_hidden`` and the ``hide-output`` tag), explorer cells excepted;
- check cells' committed outputs say "not attempted yet", and their exercise is registered;
- every work cell holds ``...``; there are at least three exercises; each solution is wrapped
  in the collapsed ``<details class="aatd-solution">`` and holds at most one python block, which
  the check confirms as right.

Synthetic notebooks that break each rule are the positive controls.
"""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, toc_part

from aatd.checks import EXERCISES, evaluate
from aatd.checks.core import NOT_ATTEMPTED, _load_all
from aatd.checks.display import ANSWER_CLASS

CHAPTERS = list(toc_part("Chapters"))
MIN_EXERCISES = 3
HEADING_RE = re.compile(r"^#{1,6}\s", re.M)
EXERCISE_RE = re.compile(r"^`{3,}\{exercise\}", re.M)
SOLUTION_OPEN_RE = re.compile(r'^<details class="aatd-solution"><summary>[^<]+</summary>\n\n`{4}\{')
PY_BLOCK_RE = re.compile(r"^```python\n(.*?)^```$", re.M | re.S)
WORK_RE = re.compile(r"^answer = \.\.\.\s*$", re.M)
PREDICTION_DIV = '<div class="aatd-prediction" data-bank="{bank}" data-prediction="{pid}"></div>'


def _src(cell) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def _aatd(cell) -> dict:
    return cell.get("metadata", {}).get("aatd", {})


def _is_hidden(cell) -> bool:
    meta = cell.get("metadata", {})
    return (
        "hide-output" in meta.get("tags", [])
        and meta.get("jupyter", {}).get("outputs_hidden") is True
    )


def _collapsed(output) -> bool:
    """Whether an output is a ``hidden_answer`` display (collapsed even after a run)."""
    v = output.get("data", {}).get("text/html", "")
    return (v if isinstance(v, str) else "".join(v)).startswith(f'<details class="{ANSWER_CLASS}">')


def _output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append(out["text"] if isinstance(out["text"], str) else "".join(out["text"]))
        data = out.get("data", {})
        for mime in ("text/plain", "text/markdown"):
            if mime in data:
                v = data[mime]
                parts.append(v if isinstance(v, str) else "".join(v))
        # an explorer's kernel-free face (its grid holds every state) is the tool the student
        # uses to find the answer, not a printed answer
        explorer = "aatd-explorer" in "".join(data.get("text/html", ""))
        if "text/html" in data and not explorer:
            v = data["text/html"]
            parts.append(
                html.unescape(re.sub(r"<[^>]+>", " ", v if isinstance(v, str) else "".join(v)))
            )
    return "\n".join(parts)


def _visible_text(cell) -> str:
    """What a reader sees of ``cell`` before opening anything (collapsed parts excluded)."""
    if cell["cell_type"] == "markdown":
        text = _src(cell)
        # a collapsed solution or model answer is not visible
        return "" if text.startswith('<details class="aatd-solution">') else text
    if cell["cell_type"] == "code" and not _is_hidden(cell):
        return _output_text(cell)
    return ""


def _mentions(text: str, answer: str) -> bool:
    """``answer`` occurs in ``text`` as a whole value (64.4 is not in 164.4 or 64.45)."""
    pattern = r"(?<![\w.])" + re.escape(answer) + r"(?![\w]|\.\d)"
    return re.search(pattern, text, re.I) is not None


def problems(nb: dict, bank: str) -> list[str]:
    """Every breach of the convention in notebook ``nb`` (chapter file stem ``bank``)."""
    _load_all()
    out: list[str] = []
    cells = nb["cells"]
    prompts = [i for i, c in enumerate(cells) if "prompt" in _aatd(c)]
    if not prompts:
        out.append("no prediction prompt (metadata.aatd.prompt) in the chapter")
    for i in prompts:
        meta = _aatd(cells[i])
        pid, answer = meta["prompt"], meta.get("answer")
        if cells[i]["cell_type"] != "markdown" or "**Predict:**" not in _src(cells[i]):
            out.append(f"prompt {pid}: not a Markdown cell with **Predict:**")
        if not isinstance(answer, str) or not answer.strip():
            out.append(f"prompt {pid}: metadata.aatd.answer missing or empty")
            continue
        for j in range(i):
            if _mentions(_visible_text(cells[j]), answer):
                out.append(f"prompt {pid}: its answer {answer!r} is visible in cell {j} before it")
        nxt = cells[i + 1] if i + 1 < len(cells) else {}
        expected_div = PREDICTION_DIV.format(bank=bank, pid=pid)
        if (
            _aatd(nxt).get("prediction") != pid
            or not _src(nxt).startswith("**Your prediction:**")
            or expected_div not in _src(nxt)
        ):
            out.append(
                f"prompt {pid}: not followed by its 'Your prediction:' cell ({expected_div})"
            )
        for j in range(i + 1, len(cells)):
            c = cells[j]
            if c["cell_type"] == "markdown" and HEADING_RE.search(_src(c)):
                break
            if c["cell_type"] != "code" or not c.get("outputs") or _aatd(c).get("explorer"):
                continue
            if not _is_hidden(c):
                out.append(f"prompt {pid}: output of cell {j} after it is not hidden")
            if not all(_collapsed(o) for o in c["outputs"]):
                out.append(
                    f"prompt {pid}: cell {j} after it does not print inside hidden_answer() "
                    "(JupyterLab shows hidden outputs again when a cell runs)"
                )
    ids = [_aatd(c)["prompt"] for c in cells if "prompt" in _aatd(c)]
    if len(ids) != len(set(ids)):
        out.append(f"prompt ids repeat: {ids}")

    n_exercises = sum(
        len(EXERCISE_RE.findall(_src(c))) for c in cells if c["cell_type"] == "markdown"
    )
    if n_exercises < MIN_EXERCISES:
        out.append(f"{n_exercises} exercises, need at least {MIN_EXERCISES}")
    for j, c in enumerate(cells):
        meta, text = _aatd(c), _src(c)
        if "check" in meta:
            ex = meta["check"]
            if ex not in EXERCISES:
                out.append(f"check cell {j}: exercise {ex!r} is not registered in aatd/checks")
            if f'check("{ex}", answer)' not in text:
                out.append(f"check cell {j}: does not run check({ex!r}, answer)")
            if NOT_ATTEMPTED not in _output_text(c):
                out.append(
                    f"check cell {j} ({ex}): committed output does not say {NOT_ATTEMPTED!r}"
                )
        if "work" in meta and c["cell_type"] == "code" and not WORK_RE.search(text):
            out.append(f"work cell {j} ({meta['work']}): does not hold 'answer = ...'")
        if "work" in meta and c["cell_type"] == "markdown" and "**Your answer:**" not in text:
            out.append(f"answer cell {j} ({meta['work']}): no '**Your answer:**'")
        if c["cell_type"] == "markdown" and re.search(r"^`{3,}\{solution\}", text, re.M):
            if not SOLUTION_OPEN_RE.match(text) or not text.rstrip().endswith("</details>"):
                out.append(f'solution cell {j}: not wrapped in <details class="aatd-solution">')
            if len(PY_BLOCK_RE.findall(text)) > 1:
                out.append(f"solution cell {j}: more than one python block")
    for ex in {_aatd(c)["check"] for c in cells if "check" in _aatd(c)}:
        works = [c for c in cells if _aatd(c).get("work") == ex and c["cell_type"] == "code"]
        sols = [c for c in cells if _aatd(c).get("solution") == ex]
        if len(works) != 1 or len(sols) != 1 or len(PY_BLOCK_RE.findall(_src(sols[0]))) != 1:
            out.append(f"{ex}: needs one work cell and one solution with one python block")
    return out


def _notebook(page: str) -> dict:
    return json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", CHAPTERS, ids=[Path(p).name for p in CHAPTERS])
def test_chapter_follows_the_prediction_and_exercise_convention(page):
    found = problems(_notebook(page), Path(page).name)
    assert not found, "\n".join(found)


def _solutions(page):
    nb = _notebook(page)
    for c in nb["cells"]:
        ex = _aatd(c).get("solution")
        blocks = PY_BLOCK_RE.findall(_src(c))
        if ex and blocks and any(_aatd(d).get("check") == ex for d in nb["cells"]):
            yield ex, blocks[0]


SOLUTIONS = [(p, ex, code) for p in CHAPTERS for ex, code in _solutions(p)]


@pytest.mark.parametrize(("page", "ex_id", "code"), SOLUTIONS, ids=[ex for _, ex, _ in SOLUTIONS])
def test_each_solution_block_is_what_its_check_calls_right(page, ex_id, code):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns: dict = {}
    exec(compile(code, f"{page} solution {ex_id}", "exec"), ns)
    plt.close("all")
    fb = evaluate(ex_id, ns["answer"])
    assert fb.status == "right", fb.message


# --- positive controls: a minimal notebook that passes, and one breach of each rule ---------


def _md(text, **aatd):
    return {"cell_type": "markdown", "metadata": {"aatd": aatd} if aatd else {}, "source": text}


def _code(text, outputs=(), hidden=False, **aatd):
    meta = {"aatd": aatd} if aatd else {}
    if hidden:
        meta.update({"tags": ["hide-output"], "jupyter": {"outputs_hidden": True}})
    return {"cell_type": "code", "metadata": meta, "source": text, "outputs": list(outputs)}


def _stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def _answer(text):
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {
            "text/plain": text,
            "text/html": f'<details class="{ANSWER_CLASS}"><summary>S</summary><pre>{text}</pre>',
        },
    }


def _good() -> dict:
    _load_all()
    ex = sorted(EXERCISES)[0]
    exercise = "````{exercise} T\n:label: ex-x\n\nQ\n````"
    sol = (
        '<details class="aatd-solution"><summary>Solution</summary>\n\n'
        f"````{{solution}} {ex}\n:class: dropdown\n\n```python\nanswer = 1\n```\n````\n\n</details>"
    )
    return {
        "cells": [
            _md("# T\n\n## Explore"),
            _code("x", [_stream("ratio 2.5\n")]),
            _md("**Predict:** how much?", prompt="p-1", answer="64.4"),
            _md(
                "**Your prediction:** _x_\n\n" + PREDICTION_DIV.format(bank="bank", pid="p-1"),
                prediction="p-1",
            ),
            _code("explorer", [_stream("widget\n")], explorer=True),
            _code("y", [_answer("64.4\n")], hidden=True),
            _md("## Exercises"),
            _md(exercise),
            _md(exercise),
            _md(exercise),
            _code("answer = ...", work=ex),
            _code(f'check("{ex}", answer)', [_stream(f"{ex}: {NOT_ATTEMPTED}\n")], check=ex),
            _md(sol, solution=ex),
        ]
    }


def test_the_synthetic_good_notebook_passes():
    assert problems(_good(), "bank") == []


def _breach(edit) -> list[str]:
    nb = copy.deepcopy(_good())
    edit(nb["cells"])
    return problems(nb, "bank")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c[1]["outputs"].append(_stream("ZZ: 64.4 ×\n")), "visible in cell 1"),
        (lambda c: c.insert(1, _md("It is 64.4 times.")), "visible in cell 1"),
        (lambda c: c[2]["metadata"]["aatd"].pop("answer"), "answer missing"),
        (lambda c: c.pop(3), "not followed by its 'Your prediction:'"),
        (lambda c: c[3].update(source="**Your prediction:** x"), "not followed by its"),
        (lambda c: c[5]["metadata"].pop("jupyter"), "output of cell 5 after it is not hidden"),
        (lambda c: c[5]["metadata"].pop("tags"), "output of cell 5 after it is not hidden"),
        (lambda c: c[4]["metadata"].pop("aatd"), "output of cell 4 after it is not hidden"),
        (lambda c: c[5].update(outputs=[_stream("64.4\n")]), "does not print inside hidden_answer"),
        (lambda c: c[11].update(outputs=[_stream("right\n")]), "does not say 'not attempted yet'"),
        (lambda c: c[11]["metadata"]["aatd"].update(check="ex-99-9"), "is not registered"),
        (lambda c: c[10].update(source="answer = 3"), "does not hold 'answer = ...'"),
        (lambda c: c.pop(7), "2 exercises, need at least 3"),
        (lambda c: c[12].update(source=c[12]["source"].split("\n\n", 1)[1]), "not wrapped"),
        (
            lambda c: c[12].update(
                source=c[12]["source"].replace("```\n````", "```\n```python\n1\n```\n````")
            ),
            "more than one python block",
        ),
        (lambda c: c[2]["metadata"]["aatd"].pop("prompt"), "no prediction prompt"),
    ],
)
def test_each_breach_is_found(edit, message):
    found = _breach(edit)
    assert any(message in f for f in found), found
