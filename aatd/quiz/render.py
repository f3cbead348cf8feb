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

import html
import json
import re
import unicodedata

from .load import find_bank, load_bank
from .validate import Bank, Question, format_number

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
.aatd-quiz .aatd-quiz-feedback{margin-top:.6rem;padding:.4rem .8rem;border-left:.3rem solid var(--aq-border);
background:var(--aq-bg);border-radius:.25rem}
.aatd-quiz .aatd-quiz-feedback.is-correct{border-left-color:var(--aq-ok);background:var(--aq-ok-bg)}
.aatd-quiz .aatd-quiz-feedback.is-incorrect{border-left-color:var(--aq-bad);background:var(--aq-bad-bg)}
.aatd-quiz .aatd-quiz-feedback p,.aatd-quiz .aatd-quiz-feedback ul{margin:.2rem 0}
.aatd-quiz .aatd-quiz-score{font-weight:600;margin:.5rem 0 0}
.aatd-quiz .aatd-quiz-nojs{font-size:.9em;color:var(--aq-muted)}
"""

# Reads its own JSON blob and inserts feedback with textContent only: no eval, no network.
_JS = """(function(){
var s=document.currentScript,root=s&&s.closest?s.closest(".aatd-quiz"):null;
if(!root)root=document.getElementById(%(root_id)s);
if(!root||root.getAttribute("data-ready"))return;root.setAttribute("data-ready","1");
if(document.getElementById(root.id)!==root){var old=root.id,k=2;while(document.getElementById(old+"-copy"+k))k++;
var nu=old+"-copy"+k;root.querySelectorAll("[id],[for],[name],[aria-describedby]").forEach(function(e){
["id","for","name","aria-describedby"].forEach(function(a){var v=e.getAttribute(a);
if(v&&v.indexOf(old)===0)e.setAttribute(a,nu+v.slice(old.length));});});root.id=nu;}
var data=JSON.parse(root.querySelector("script.aatd-quiz-data").textContent),ok={};
var nojs=root.querySelector(".aatd-quiz-nojs");if(nojs)nojs.remove();
function el(tag,text){var e=document.createElement(tag);if(text)e.textContent=text;return e;}
function parse(v,units){v=v.replace(/\\s+/g,"");var u=units.replace(/\\s+/g,"").toLowerCase();
if(u&&v.toLowerCase().slice(-u.length)===u)v=v.slice(0,v.length-u.length);
if(!/^[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)$/.test(v))return null;return parseFloat(v.replace(",","."));}
function show(q,box,state,lines){box.textContent="";
box.className="aatd-quiz-feedback"+(state===true?" is-correct":state===false?" is-incorrect":"");
var p=el("p");if(state!==null)p.appendChild(el("strong",state?"\\u2713 Correct. ":"\\u2717 Not correct yet. "));
if(lines.length===1&&typeof lines[0]==="string"){p.appendChild(document.createTextNode(lines[0]));box.appendChild(p);}
else{if(p.firstChild)box.appendChild(p);var ul=el("ul");lines.forEach(function(l){var li=el("li");
if(typeof l==="string")li.textContent=l;else{li.appendChild(el("strong",l[0]+": "));li.appendChild(document.createTextNode(l[1]));}
ul.appendChild(li);});box.appendChild(ul);}
if(state!==null){var r=el("p","Review: "),a=el("a",q.section);a.href="#"+q.anchor;
a.addEventListener("click",function(ev){if(document.getElementById(q.anchor))return;
var hs=document.querySelectorAll("h1,h2,h3,h4,h5,h6");for(var i=0;i<hs.length;i++){
if(hs[i].textContent.replace(/[\\u00b6#]/g,"").trim()===q.section){ev.preventDefault();hs[i].scrollIntoView();return;}}});
r.appendChild(a);box.appendChild(r);}}
function check(div){var id=div.getAttribute("data-qid"),q=data.questions[id];
var box=div.querySelector(".aatd-quiz-feedback"),state,lines=[];
if(q.type==="numeric"){var x=parse(div.querySelector("input").value,q.units);
if(x===null){show(q,box,null,["Type a number first: digits, with a decimal point or comma if you need one."]);return;}
state=Math.abs(x-q.answer)<=q.tolerance+1e-9;lines=[state?q.correct:q.incorrect];
if(!state)q.mistakes.some(function(m){if(Math.abs(x-m.value)<=m.tolerance+1e-9){lines=[m.feedback];return true;}});
}else{var boxes=div.querySelectorAll("input"),picked=0,missed=0;state=true;
for(var i=0;i<boxes.length;i++){var o=q.options[i];if(boxes[i].checked){picked++;
lines.push(q.type==="multiple"?[o.text+(o.correct?" (a correct choice)":" (not a correct choice)"),o.feedback]:o.feedback);if(!o.correct)state=false;}
else if(o.correct){missed++;state=false;}}
if(!picked){show(q,box,null,[q.type==="multiple"?"Select at least one answer first.":"Choose an answer first."]);return;}
if(q.type==="multiple"&&missed)lines.push(missed===1?"One more choice is also correct.":missed+" more choices are also correct.");}
ok[id]=state;show(q,box,state,lines);var n=0;for(var k in ok)if(ok[k])n++;
root.querySelector(".aatd-quiz-score").textContent="Score: "+n+" of "+data.n+" correct";}
root.querySelectorAll(".aatd-quiz-q").forEach(function(div){
div.querySelector(".aatd-quiz-check").addEventListener("click",function(){check(div);});
var t=div.querySelector("input[type=text]");if(t)t.addEventListener("keydown",function(e){
if(e.key==="Enter"){e.preventDefault();check(div);}});});
})();"""


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
            {"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in q.options
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
            f'id="{qid}-answer" name="{qid}-answer"> <span aria-hidden="true">{_e(q.units)}</span></div>'
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
    data = {
        "chapter": bank.chapter,
        "n": n,
        "questions": {q.id: _question_data(q) for q in bank.questions},
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
        f'<script type="application/json" class="aatd-quiz-data">{_json_for_script(data)}</script>',
        "<script>" + _JS % {"root_id": _json_for_script(root)} + "</script>",
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


def show_quiz(stem: str, directory=".") -> Quiz:
    """Find ``<stem>.quiz.yml`` in ``directory``, validate it and return a displayable :class:`Quiz`."""
    return Quiz(load_bank(find_bank(stem, directory)))


def bank_summary(bank: Bank) -> str:
    """One line per question (for logs): id, type and answer."""
    lines = []
    for q in bank.questions:
        if q.type == "numeric":
            ans = f"{format_number(q.answer)} ± {format_number(q.tolerance)} {q.units}"
        else:
            ans = "; ".join(o.text for o in q.correct_options)
        lines.append(f"{q.id} [{q.type}]: {ans}")
    return "\n".join(lines)


__all__ = ["Quiz", "render_html", "show_quiz", "section_anchor", "element_id"]
