"""The instructors' answer key: every question of every bank, its answer and all feedback.

Options are listed in the order students see them (the order stored in the bank), each
distractor with the misconception it targets; a closing "Misconception map" lists every
misconception with the questions whose distractors target it.

``book/instructors/answer-key.md`` shows ``answer_key(notebooks="../../notebooks")``: the banks
come from the package (``aatd/quiz/banks``), the chapter titles from the notebooks beside it.
The page is left out of the student build (``_toc-student.yml``) and nothing else links to it.
"""

from __future__ import annotations

from pathlib import Path

from . import notebook
from .load import bank_paths, load_bank
from .render import _e, section_anchor
from .validate import Bank, Question, format_number

_CSS = """
.aatd-answer-key{color:var(--pst-color-text-base,var(--jp-content-font-color1,#222832))}
html[data-theme=dark] .bd-content div.cell_output div.text_html:has(>div.aatd-answer-key){
background-color:transparent;color:inherit;padding:0}
.aatd-answer-key .aatd-key-q{
border:1px solid var(--pst-color-border,var(--jp-border-color1,#c3c8cf));
border-radius:.4rem;padding:.4rem 1rem;margin:0 0 1rem;
background:var(--pst-color-surface,var(--jp-layout-color2,#f3f4f5))}
.aatd-answer-key h3{font-size:1.05rem;margin:.4rem 0}
.aatd-answer-key .aatd-key-meta{font-size:.9em;margin:.2rem 0;
color:var(--pst-color-text-muted,var(--jp-content-font-color2,#48566b))}
.aatd-answer-key li{margin:.2rem 0}
.aatd-answer-key .aatd-key-mark{font-weight:600}
"""


def _choice_html(q: Question) -> list[str]:
    out = ["<ol>"]  # numbered as displayed
    for o in q.options:
        mark = "\u2713 correct" if o.correct else "\u2717 wrong"
        how = f" (computed from aatd: <code>{_e(o.correct_when)}</code>)" if o.correct_when else ""
        out.append(
            f'<li><span class="aatd-key-mark">{mark}</span>{how}: {_e(o.text)}<br>'
            f"<em>Feedback:</em> {_e(o.feedback)}"
            + ("" if o.correct else f"<br><em>Misconception:</em> {_e(o.misconception)}")
            + "</li>"
        )
    out.append("</ol>")
    return out


def _numeric_html(q: Question) -> list[str]:
    how = f" (computed from aatd: <code>{_e(q.answer_from)}</code>)" if q.answer_from else ""
    out = [
        "<ul>",
        f'<li><span class="aatd-key-mark">Answer:</span> {format_number(q.answer)} '
        f"{_e(q.units)}, accepted within ± {format_number(q.tolerance)}{how}</li>",
        f"<li><em>Feedback when right:</em> {_e(q.feedback_correct)}</li>",
        f"<li><em>Feedback when wrong:</em> {_e(q.feedback_incorrect)}</li>",
    ]
    for m in q.common_mistakes:
        out.append(
            f"<li><em>Common mistake {format_number(m.value)} ± {format_number(m.tolerance)} "
            f"{_e(q.units)}:</em> {_e(m.feedback)}</li>"
        )
    out.append("</ul>")
    return out


def bank_html(bank: Bank, chapter_title: str | None = None) -> str:
    """The key for one bank: a heading, then each question with answer and feedback."""
    heading = chapter_title or bank.chapter
    number = bank.chapter.split("-", 1)[0]
    if number.isdigit():
        heading = f"Chapter {int(number)}: {heading}"
    out = [
        f'<section class="aatd-key-chapter" id="key-{bank.chapter}">',
        f"<h2>{_e(heading)}</h2>",
        f'<p class="aatd-key-meta">Bank: <code>aatd/quiz/banks/{_e(bank.path.name)}</code>; '
        f"{len(bank.questions)} questions.</p>",
    ]
    for i, q in enumerate(bank.questions, start=1):
        out += [
            f'<div class="aatd-key-q" id="key-{bank.chapter}--{q.id}">',
            f"<h3>{i}. {_e(q.prompt)}</h3>",
            f'<p class="aatd-key-meta">Id <code>{_e(q.id)}</code> · {q.type} · objective: '
            f"{_e(bank.objectives[q.objective])} · section: {_e(q.section)} "
            f"(<code>#{section_anchor(q.section)}</code>)</p>",
            *(_numeric_html(q) if q.type == "numeric" else _choice_html(q)),
            "</div>",
        ]
    out.append("</section>")
    return "\n".join(out)


def misconception_map(directory=None) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Every misconception (sorted) with the (chapter, question id, option text) targeting it,
    over the banks in ``directory`` (default: the package's banks)."""
    where: dict[str, list[tuple[str, str, str]]] = {}
    for path in bank_paths(directory):
        bank = load_bank(path)
        for q in bank.questions:
            for o in q.options:
                if not o.correct:
                    where.setdefault(o.misconception, []).append((bank.chapter, q.id, o.text))
    return sorted(where.items(), key=lambda item: item[0].casefold())


def misconception_map_html(directory=None) -> str:
    """The misconception map as an HTML section: misconception → the questions that probe it."""
    out = [
        '<section class="aatd-key-chapter" id="key-misconception-map">',
        "<h2>Misconception map</h2>",
        '<p class="aatd-key-meta">Generated from the <code>misconception:</code> field of every '
        "distractor. A student who chooses a listed option probably holds that idea.</p>",
        "<ul>",
    ]
    for text, places in misconception_map(directory):
        links = "; ".join(
            f'<a href="#key-{_e(ch)}--{_e(qid)}"><code>{_e(qid)}</code></a> '
            f"(chapter {int(ch.split('-', 1)[0]) if ch[:2].isdigit() else _e(ch)}: "
            f"&ldquo;{_e(option)}&rdquo;)"
            for ch, qid, option in places
        )
        out.append(f"<li>{_e(text)} &rarr; {links}</li>")
    out += ["</ul>", "</section>"]
    return "\n".join(out)


def answer_key_html(directory=None, notebooks=None) -> str:
    """The key for every ``*.quiz.yml`` in ``directory`` (default: the package's banks),
    validated, as one HTML fragment. Chapter titles come from ``<chapter>.ipynb`` in
    ``notebooks`` when given (else the bank's chapter name)."""
    parts = [
        '<div class="aatd-answer-key" data-aatd-answer-key="1">',
        f"<style>{_CSS.strip()}</style>",
    ]
    paths = bank_paths(directory)
    if not paths:
        parts.append("<p>No question banks found.</p>")
    for path in paths:
        bank = load_bank(path)
        nb = Path(notebooks) / f"{bank.chapter}.ipynb" if notebooks is not None else None
        parts.append(bank_html(bank, notebook.title(nb) if nb and nb.is_file() else None))
    if paths:
        parts.append(misconception_map_html(directory))
    parts.append("</div>")
    return "\n".join(parts)


class AnswerKey:
    """Displays as the answer key (``_repr_html_``) for the banks in ``directory``
    (default: the package's banks); chapter titles from the notebooks in ``notebooks``."""

    def __init__(self, directory=None, notebooks=None):
        self.directory = directory
        self._html = answer_key_html(directory, notebooks)
        self.n_banks = len(bank_paths(directory))

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return f"AnswerKey: {self.n_banks} question banks"


def answer_key(directory=None, notebooks=None) -> AnswerKey:
    """The answer key for every bank in ``directory`` (default: the package's banks), with
    chapter titles from ``notebooks``, ready to display."""
    return AnswerKey(directory, notebooks)
