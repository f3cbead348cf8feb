"""Sphinx extension: each chapter's misconception map, generated from the sources at build time.

In a per-chapter instructor page (``book/instructors/<chapter-stem>.md``)::

    ```{misconception-map} 04-elastase-vs-antitrypsin
    ```

lists every distractor of the chapter's quiz bank (each option marked wrong, and each numeric
question's common mistakes), grouped by the ``misconception:`` sentence it targets, and every
named wrong answer (``Wrong``) of the chapter's check cells (``aatd.checks``), each with the
feedback or hint a student gets. Nothing is typed into the page, so the map cannot drift from
the bank or the checks. The bank comes from ``aatd.quiz``'s loader, the exercises from the
``aatd.checks`` registry (ids ``ex-<NN>-…`` for chapter ``NN-…``).

Registered in ``_config.yml`` under ``sphinx: local_extensions: {teaching: book/_ext}``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


@dataclass(frozen=True)
class Distractor:
    """One wrong answer a student can give, the idea behind it and what they are told."""

    source: str  # "quiz" or "exercise"
    where: str  # question id (quiz) or exercise id
    answer: str  # the option's text, the mistaken value, or the slip's label
    misconception: str
    feedback: str


def chapter_bank(stem: str):
    """The chapter's validated bank, through ``aatd.quiz``'s loader (package data)."""
    from aatd.quiz import QuizError, find_bank, load_bank

    try:
        return load_bank(find_bank(stem))
    except QuizError:
        # Until the banks are package data (aatd/quiz/banks), they sit beside the notebooks.
        notebooks = Path(__file__).resolve().parents[2] / "notebooks"
        return load_bank(find_bank(stem, notebooks))


def _number(value) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_number(v) for v in value) + ")"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def quiz_distractors(stem: str) -> list[Distractor]:
    """Every distractor of the chapter's bank, in bank order."""
    out = []
    for q in chapter_bank(stem).questions:
        for opt in q.options:
            if not opt.correct:
                out.append(Distractor("quiz", q.id, opt.text, opt.misconception, opt.feedback))
        for m in q.common_mistakes:
            answer = f"{_number(m.value)} {q.units}".strip()
            idea = "A calculation slip on a numeric question (its common mistakes)."
            out.append(Distractor("quiz", q.id, answer, idea, m.feedback))
    return out


def exercise_distractors(stem: str) -> list[Distractor]:
    """Every named wrong answer of the chapter's check cells (``ex-<NN>-…``)."""
    from aatd.checks.core import EXERCISES, _load_all, resolve

    _load_all()
    prefix = f"ex-{stem.split('-', 1)[0]}-"
    out = []
    for ex_id in sorted(
        EXERCISES,
        key=lambda i: [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in i.split("-")],
    ):  # ex-04-2 before ex-04-10; words (ex-treatment-1) sort among themselves
        if not ex_id.startswith(prefix):
            continue
        for slip in EXERCISES[ex_id].wrong:
            value = _number(resolve(slip.value))
            out.append(
                Distractor("exercise", ex_id, f"{slip.label} ({value})", slip.label, slip.hint)
            )
    return out


def grouped(items: list[Distractor]) -> dict[str, list[Distractor]]:
    """Distractors grouped by misconception sentence, first appearance first."""
    groups: dict[str, list[Distractor]] = {}
    for d in items:
        groups.setdefault(d.misconception, []).append(d)
    return groups


def _para(*parts) -> nodes.paragraph:
    p = nodes.paragraph()
    for part in parts:
        p += part if isinstance(part, nodes.Node) else nodes.Text(part)
    return p


class MisconceptionMap(SphinxDirective):
    """``{misconception-map} <chapter-stem>``: the chapter's map (see the module docstring)."""

    required_arguments = 1
    has_content = False

    def run(self):
        stem = self.arguments[0]
        try:
            quiz = quiz_distractors(stem)
            exercises = exercise_distractors(stem)
        except Exception as exc:  # a bad bank or stem: a build error naming both
            raise self.error(f"misconception-map {stem!r}: {exc}") from None
        bank = chapter_bank(stem)
        self.env.note_dependency(str(bank.path))
        from aatd.checks import core

        for module in Path(inspect.getfile(core)).parent.glob("*.py"):
            self.env.note_dependency(str(module))
        # A check module added later is no dependency yet: re-read map pages on every build.
        if not hasattr(self.env, "aatd_map_docs"):
            self.env.aatd_map_docs = set()
        self.env.aatd_map_docs.add(self.env.docname)
        container = nodes.container(classes=["aatd-misconception-map"])
        container += _para(
            f"Quiz: {len(quiz)} distractors in {len(grouped(quiz))} misconceptions; "
            f"exercises: {len(exercises)} named wrong answers."
        )
        quiz_list = nodes.bullet_list()
        for idea, items in grouped(quiz).items():
            entry = nodes.list_item()
            entry += _para(nodes.strong(text=idea))
            probes = nodes.bullet_list()
            for d in items:
                probes += nodes.list_item(
                    "",
                    _para(
                        "Quiz ",
                        nodes.literal(text=d.where),
                        ": “",
                        d.answer,
                        "”. ",
                        nodes.emphasis(text="Feedback: "),
                        d.feedback,
                    ),
                )
            entry += probes
            quiz_list += entry
        container += quiz_list
        if exercises:
            container += _para(nodes.strong(text="Named wrong answers in the check cells"))
            ex_list = nodes.bullet_list()
            for d in exercises:
                ex_list += nodes.list_item(
                    "",
                    _para(
                        nodes.literal(text=d.where),
                        ": ",
                        nodes.emphasis(text=d.answer),
                        ". ",
                        nodes.emphasis(text="Hint: "),
                        d.feedback,
                    ),
                )
            container += ex_list
        return [container]


def _always_reread(app, env, added, changed, removed):
    return sorted(getattr(env, "aatd_map_docs", set()) - set(removed))


def _purge(app, env, docname):
    getattr(env, "aatd_map_docs", set()).discard(docname)


def _merge(app, env, docnames, other):
    env.aatd_map_docs = getattr(env, "aatd_map_docs", set()) | getattr(
        other, "aatd_map_docs", set()
    )


def setup(app):
    app.add_directive("misconception-map", MisconceptionMap)
    app.connect("env-get-outdated", _always_reread)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
