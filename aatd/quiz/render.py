"""Render a question bank as accessible, self-contained HTML (no network, no randomness).

Structure: one ``<section class="aatd-quiz">`` per chapter; each question is a
``<fieldset>`` with a ``<legend>`` (its number and prompt), native radio/checkbox inputs
with ``<label>``s or a labelled text box (``inputmode=decimal``) with its units, a
"Check" ``<button>`` and a per-question feedback region (``aria-live="polite"``). A
running score ("x of N correct") is also ``aria-live``. Every string from the bank is
HTML-escaped; the per-option feedback travels in a ``<script type="application/json">``
blob that the small inline script reads with ``JSON.parse`` and inserts with
``textContent`` (bank text is never parsed as HTML or evaluated). Element ids derive from
the chapter and question ids, so the output is byte-for-byte deterministic (strict nbval).

Styling uses the pydata/sphinx-book-theme CSS variables (``--pst-color-*``), so the quiz
follows the book's light and dark modes, with JupyterLab (``--jp-*``) and plain fallbacks.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from importlib import resources

from .load import find_bank, load_bank
from .validate import Bank, Question

_CSS = """
.aatd-quiz{--aq-fg:var(--pst-color-text-base,var(--jp-content-font-color1,#222832));
--aq-muted:var(--pst-color-text-muted,var(--jp-content-font-color2,#48566b));
--aq-border:var(--pst-color-border,var(--jp-border-color1,#c3c8cf));
--aq-surface:var(--pst-color-surface,var(--jp-layout-color2,#f3f4f5));
--aq-bg:var(--pst-color-background,var(--jp-layout-color0,#fff));
--aq-primary:var(--pst-color-primary,var(--jp-brand-color1,#0a7d91));
--aq-ok:var(--pst-color-success,var(--jp-success-color1,#00843f));
--aq-bad:var(--pst-color-danger,var(--jp-error-color1,#d72d47));
--aq-ok-bg:var(--pst-color-success-bg,transparent);
--aq-bad-bg:var(--pst-color-danger-bg,transparent);
color:var(--aq-fg);margin:1rem 0;line-height:1.5;font-size:1rem}
html[data-theme=dark] .aatd-quiz,body[data-jp-theme-light=false] .aatd-quiz{color-scheme:dark}
html[data-theme=dark] .bd-content div.cell_output div.text_html:has(>section.aatd-quiz){
background-color:transparent;color:inherit;padding:0}
.aatd-quiz .aatd-quiz-q{margin:0 0 1rem}
.aatd-quiz fieldset{border:1px solid var(--aq-border);border-radius:.4rem;padding:.6rem 1rem .8rem;
margin:0;background:var(--aq-surface);min-width:0}
.aatd-quiz legend{font-weight:600;padding:0;float:left;width:100%;margin:0 0 .2rem;font-size:1rem;
line-height:1.4;color:var(--aq-fg);background:none;border:0}
.aatd-quiz legend+*{clear:both}
.aatd-quiz .aatd-quiz-n{display:block;font-weight:400;font-size:.85em;color:var(--aq-muted)}
.aatd-quiz .aatd-quiz-how{margin:.2rem 0 .4rem;font-size:.9em;color:var(--aq-muted)}
.aatd-quiz .aatd-quiz-opt{display:flex;align-items:flex-start;gap:.5rem;margin:.25rem 0}
.aatd-quiz .aatd-quiz-opt input{margin:.3rem 0 0;flex:none;width:1.05rem;height:1.05rem;
accent-color:var(--aq-primary)}
.aatd-quiz .aatd-quiz-opt label{cursor:pointer;margin:0}
.aatd-quiz .aatd-quiz-numeric label{margin-right:.5rem}
.aatd-quiz input[type=text]{width:7rem;padding:.2rem .4rem;border:1px solid var(--aq-muted);
border-radius:.25rem;background:var(--aq-bg);color:var(--aq-fg);font:inherit}
.aatd-quiz .aatd-quiz-check{margin-top:.5rem;padding:.25rem 1rem;border-radius:.25rem;font:inherit;
cursor:pointer;border:1px solid var(--aq-primary);background:var(--aq-primary);
color:var(--pst-color-primary-text,var(--jp-ui-inverse-font-color1,#fff))}
.aatd-quiz .aatd-quiz-check:hover{filter:brightness(1.1)}
.aatd-quiz input:focus-visible,.aatd-quiz .aatd-quiz-check:focus-visible,.aatd-quiz a:focus-visible{
outline:3px solid var(--aq-primary);outline-offset:2px}
.aatd-quiz .aatd-quiz-feedback:empty{display:none}
.aatd-quiz .aatd-quiz-feedback{margin-top:.6rem;padding:.4rem .8rem;
border-left:.3rem solid var(--aq-border);background:var(--aq-bg);border-radius:.25rem}
.aatd-quiz .aatd-quiz-feedback.is-correct{border-left-color:var(--aq-ok);
background:var(--aq-ok-bg)}
.aatd-quiz .aatd-quiz-feedback.is-incorrect{border-left-color:var(--aq-bad);
background:var(--aq-bad-bg)}
.aatd-quiz .aatd-quiz-feedback p,.aatd-quiz .aatd-quiz-feedback ul{margin:.2rem 0}
.aatd-quiz .aatd-quiz-score{font-weight:600;margin:.5rem 0 0}
.aatd-quiz .aatd-quiz-nojs{font-size:.9em;color:var(--aq-muted)}
.aatd-quiz .aatd-quiz-storage{font-size:.9em;color:var(--aq-muted);margin:.3rem 0 0}
.aatd-quiz .aatd-quiz-clear{margin-left:.4rem;padding:.2rem .6rem;border-radius:.25rem;
cursor:pointer;border:1px solid var(--aq-border);background:var(--aq-surface);color:var(--aq-fg);
font:inherit}
.aatd-quiz .aatd-quiz-clear:focus-visible{outline:3px solid var(--aq-primary);outline-offset:2px}
"""

# The browser scripts are assets (so that ESLint checks them): store.js keeps the reader's answers
# in this browser only; quiz.js reads the quiz's JSON blob and writes feedback with textContent,
# no eval, no network. Their leading comment lines are for readers of the files, not sent.


def _asset_js(name: str) -> str:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "".join(lines).rstrip("\n")


def _quiz_js(root_id: str) -> str:
    return _asset_js("quiz.js").replace("AATD_ROOT_ID", _json_for_script(root_id))


def _key(text: str) -> str:
    """A short stable key for stored answers (from content, never from position)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def section_anchor(title: str) -> str:
    """The id Sphinx gives the section called ``title`` (docutils ``make_id``)."""
    text = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", " ".join(text.split()))
    return re.sub(r"^[-0-9]+|-+$", "", text)


def element_id(chapter: str, qid: str | None = None) -> str:
    """Deterministic element id: ``quiz-<chapter>`` or ``quiz-<chapter>--<question>``."""
    return f"quiz-{chapter}" + (f"--{qid}" if qid else "")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _json_for_script(obj) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` survive literally."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _question_data(q: Question) -> dict:
    d = {"type": q.type, "section": q.section, "anchor": section_anchor(q.section)}
    if q.type == "numeric":
        d.update(
            answer=q.answer,
            tolerance=q.tolerance,
            units=q.units,
            correct=q.feedback_correct,
            incorrect=q.feedback_incorrect,
            mistakes=[
                {"value": m.value, "tolerance": m.tolerance, "feedback": m.feedback}
                for m in q.common_mistakes
            ],
        )
    else:
        d["options"] = [
            {"text": o.text, "correct": o.correct, "feedback": o.feedback, "key": _key(o.text)}
            for o in q.options
        ]
    return d


def _question_html(bank: Bank, q: Question, number: int) -> str:
    qid = element_id(bank.chapter, q.id)
    total = len(bank.questions)
    out = [
        f'<div class="aatd-quiz-q" id="{qid}" data-qid="{_e(q.id)}" data-type="{q.type}">',
        f'<fieldset aria-describedby="{qid}-how">',
        f'<legend id="{qid}-legend"><span class="aatd-quiz-n">Question {number} of {total}</span>'
        f"{_e(q.prompt)}</legend>",
    ]
    if q.type == "numeric":
        out.append(
            f'<p class="aatd-quiz-how" id="{qid}-how">Type a number in {_e(q.units)}; '
            "a decimal point or a decimal comma both work.</p>"
        )
        out.append(
            f'<div class="aatd-quiz-numeric"><label for="{qid}-answer">Your answer '
            f"({_e(q.units)})</label>"
            f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
            f'id="{qid}-answer" name="{qid}-answer"> '
            f'<span aria-hidden="true">{_e(q.units)}</span></div>'
        )
    else:
        kind = "radio" if q.type == "single" else "checkbox"
        how = "Choose one answer." if q.type == "single" else "Select all that apply."
        out.append(f'<p class="aatd-quiz-how" id="{qid}-how">{how}</p>')
        out.append('<div class="aatd-quiz-opts">')
        for i, o in enumerate(q.options, start=1):
            oid = f"{qid}--o{i}"
            out.append(
                f'<div class="aatd-quiz-opt"><input type="{kind}" id="{oid}" name="{qid}" '
                f'value="{i}"><label for="{oid}">{_e(o.text)}</label></div>'
            )
        out.append("</div>")
    out += [
        f'<button type="button" class="aatd-quiz-check" id="{qid}-check">Check</button>',
        f'<div class="aatd-quiz-feedback" id="{qid}-feedback" aria-live="polite"></div>',
        "</fieldset>",
        "</div>",
    ]
    return "\n".join(out)


def render_html(bank: Bank) -> str:
    """The quiz for ``bank`` as one self-contained, deterministic HTML fragment."""
    root = element_id(bank.chapter)
    n = len(bank.questions)
    questions = {q.id: _question_data(q) for q in bank.questions}
    data = {
        "chapter": bank.chapter,
        "n": n,
        "questions": questions,
        # stored answers count only for the bank they were given to
        "version": _key(
            json.dumps(
                [questions, [q.prompt for q in bank.questions]], sort_keys=True, ensure_ascii=False
            )
        ),
    }
    parts = [
        f'<section class="aatd-quiz tex2jax_ignore mathjax_ignore" id="{root}" '
        f'data-aatd-quiz="{_e(bank.chapter)}" aria-label="Self-check quiz: {n} questions">',
        f"<style>{_CSS.strip()}</style>",
        '<p class="aatd-quiz-nojs">Checking answers needs JavaScript: in Jupyter, run this '
        "cell (or trust the notebook); in the web book it works as it is.</p>",
        *(_question_html(bank, q, i) for i, q in enumerate(bank.questions, start=1)),
        f'<p class="aatd-quiz-score" id="{root}-score" aria-live="polite" aria-atomic="true">'
        f"Score: 0 of {n} correct</p>",
        f'<p class="aatd-quiz-storage">Your answers are kept in this browser only. '
        f'<button type="button" class="aatd-quiz-clear" id="{root}-clear" hidden>'
        "Clear my answers</button></p>",
        f'<script type="application/json" class="aatd-quiz-data">{_json_for_script(data)}</script>',
        "<script>" + _asset_js("store.js") + "</script>",
        "<script>" + _quiz_js(root) + "</script>",
        "</section>",
    ]
    return "\n".join(parts)


class Quiz:
    """A validated bank that displays as the interactive quiz (``_repr_html_``)."""

    def __init__(self, bank: Bank):
        self.bank = bank

    def _repr_html_(self) -> str:
        return render_html(self.bank)

    def __repr__(self) -> str:  # deterministic text/plain (no memory address) for nbval
        return f"Quiz: {self.bank.chapter} ({len(self.bank.questions)} questions)"


def show_quiz(stem: str, directory=None) -> Quiz:
    """Find ``<stem>.quiz.yml`` (in the package's banks, or in ``directory``), validate it and
    return a :class:`Quiz` to show."""
    return Quiz(load_bank(find_bank(stem, directory)))


__all__ = ["Quiz", "element_id", "render_html", "section_anchor", "show_quiz"]
