"""Validate a parsed question bank and turn it into :class:`Bank` objects.

Every problem raises :class:`QuizError` (a ``ValueError``) whose message names the FILE,
the QUESTION ID (where there is one) and what is wrong, e.g.::

    aatd/quiz/banks/02-genes-and-inheritance.quiz.yml: question 'z-secretion': option 2
    ("About 50%") has no feedback; every option needs at least one full sentence
    explaining why it is right or wrong

What cannot be checked from the bank alone — that each ``section`` is a heading of the
chapter and each objective is the chapter's own text — is checked by ``tests/test_quiz.py``
against the notebook (see :mod:`aatd.quiz.notebook`).
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import computed as _computed
from .cues import key_position, longest_is_correct  # noqa: F401 (re-exported)

#: Question types.
TYPES = ("single", "multiple", "numeric")
#: Each chapter's self-check has at least this many questions.
MIN_QUESTIONS = 6
MIN_OPTIONS, MAX_OPTIONS = 2, 6
#: A single-choice question offers at least this many options (a key and two distractors).
MIN_SINGLE_OPTIONS = 3
#: Within one bank, at most this share of single-choice items may have the key as the strictly
#: longest option (a length cue); tests/test_quiz_rules.py holds the stricter cross-bank rules.
MAX_LONGEST_CORRECT_SHARE = 0.5
#: A "full sentence" of feedback has at least this many words and ends in . ! or ?
MIN_FEEDBACK_WORDS = 5

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CHAPTER_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'’”)\]»]*\s*$")

_TOP_KEYS = {"chapter", "objectives", "questions"}
_COMMON_KEYS = {"id", "type", "objective", "section", "prompt"}
_CHOICE_KEYS = _COMMON_KEYS | {"options"}
_NUMERIC_KEYS = _COMMON_KEYS | {
    "answer",
    "answer_from",
    "tolerance",
    "units",
    "feedback",
    "common_mistakes",
}
_OPTION_KEYS = {"text", "correct", "correct_when", "feedback", "misconception"}
_MISTAKE_KEYS = {"value", "tolerance", "feedback"}


class QuizError(ValueError):
    """A question bank that cannot be used; the message names file, question and problem."""


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str
    #: the computed name when the bank says ``correct_when:`` (else None)
    correct_when: str | None = None
    #: for a distractor: the wrong idea a student holds that leads to it (else "")
    misconception: str = ""


@dataclass(frozen=True)
class Mistake:
    value: float
    tolerance: float
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    objective: str
    section: str
    prompt: str
    options: tuple[Option, ...] = ()
    # numeric only
    answer: float | None = None
    answer_from: str | None = None
    tolerance: float | None = None
    units: str = ""
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    common_mistakes: tuple[Mistake, ...] = ()

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)


@dataclass(frozen=True)
class Bank:
    chapter: str
    path: Path
    objectives: dict[str, str]
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


def format_number(x: float) -> str:
    """A number as readers write it: 57.2, 80, 0.15 (no trailing zeros, no exponent)."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


def is_sentence(text: str) -> bool:
    """True if ``text`` is at least one full sentence (enough words, final . ! or ?)."""
    words = re.findall(r"[^\W_]+", text)
    return len(words) >= MIN_FEEDBACK_WORDS and bool(_SENTENCE_END_RE.search(text))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Ctx:
    """Builds error messages that name the file and the question."""

    def __init__(self, path: Path):
        self.path = path
        self.qid: str | None = None

    def fail(self, what: str):
        where = f"{self.path}: "
        if self.qid is not None:
            where += f"question {self.qid!r}: "
        raise QuizError(where + what)


def _text(ctx: _Ctx, value, what: str, *, allow_number: bool = False) -> str:
    if allow_number and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = format_number(value)
    if not isinstance(value, str) or not value.strip():
        ctx.fail(f"{what} must be non-empty text, got {value!r}")
    return value.strip()


def _number(ctx: _Ctx, value, what: str, *, nonnegative: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        ctx.fail(f"{what} must be a number, got {value!r}")
    x = float(value)
    if not math.isfinite(x) or (nonnegative and x < 0):
        ctx.fail(f"{what} must be a finite number{' >= 0' if nonnegative else ''}, got {value!r}")
    return x


def _keys(ctx: _Ctx, mapping: dict, allowed: set, what: str):
    unknown = sorted(str(k) for k in mapping if k not in allowed)
    if unknown:
        ctx.fail(
            f"{what} has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )


def _feedback(ctx: _Ctx, value, what: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        ctx.fail(
            f"{what} has no feedback; every answer needs at least one full sentence "
            "explaining why it is right or wrong"
        )
    text = _text(ctx, value, f"the feedback of {what}")
    if not is_sentence(text):
        ctx.fail(
            f"the feedback of {what} ({text!r}) is not a full sentence: write at least "
            f"{MIN_FEEDBACK_WORDS} words explaining why, ending with . ! or ?"
        )
    return text


def _computed_value(ctx: _Ctx, name, key: str):
    if not isinstance(name, str) or name not in _computed.REGISTRY:
        close = difflib.get_close_matches(str(name), _computed.names(), n=3)
        hint = (
            f"did you mean {', '.join(close)}?"
            if close
            else f"{len(_computed.names())} names are registered"
        )
        ctx.fail(
            f"{key}: unknown computed name {name!r}; register it with @computed({name!r}) in "
            f"aatd/quiz/computed.py ({hint})"
        )
    try:
        return _computed.value(name)
    except Exception as exc:  # a broken model function must name the bank that needs it
        ctx.fail(f"{key}: computed {name!r} failed: {type(exc).__name__}: {exc}")


def _option(ctx: _Ctx, raw, index: int) -> Option:
    what = f"option {index}"
    if not isinstance(raw, dict):
        ctx.fail(f"{what} must be a mapping with text, correct and feedback, got {raw!r}")
    _keys(ctx, raw, _OPTION_KEYS, what)
    text = _text(ctx, raw.get("text"), f"the text of {what}", allow_number=True)
    what = f"option {index} ({text!r})"
    has_correct, has_when = "correct" in raw, "correct_when" in raw
    if has_correct == has_when:
        ctx.fail(
            f"{what} needs exactly one of 'correct: true/false' or 'correct_when: <computed name>'"
        )
    when = None
    if has_correct:
        correct = raw["correct"]
        if not isinstance(correct, bool):
            ctx.fail(f"{what}: correct must be true or false, got {correct!r}")
    else:
        when = raw["correct_when"]
        correct = _computed_value(ctx, when, f"{what} correct_when")
        if not isinstance(correct, bool):
            ctx.fail(f"{what}: computed {when!r} must return true or false, got {correct!r}")
    feedback = _feedback(ctx, raw.get("feedback"), what)
    misconception = raw.get("misconception")
    if misconception is not None:
        misconception = _text(ctx, misconception, f"the misconception of {what}")
        if not is_sentence(misconception):
            ctx.fail(
                f"the misconception of {what} ({misconception!r}) is not a full sentence: write "
                f"at least {MIN_FEEDBACK_WORDS} words naming the wrong idea, ending with . ! or ?"
            )
    return Option(
        text=text,
        correct=correct,
        feedback=feedback,
        correct_when=when,
        misconception=misconception or "",
    )


def _choice(ctx: _Ctx, raw: dict, base: dict) -> Question:
    _keys(ctx, raw, _CHOICE_KEYS, f"a {base['type']} question")
    options_raw = raw.get("options")
    if not isinstance(options_raw, list) or not MIN_OPTIONS <= len(options_raw) <= MAX_OPTIONS:
        n = len(options_raw) if isinstance(options_raw, list) else options_raw
        ctx.fail(f"options must be a list of {MIN_OPTIONS}-{MAX_OPTIONS} options, got {n!r}")
    options = tuple(_option(ctx, o, i) for i, o in enumerate(options_raw, start=1))
    seen_text: dict[str, int] = {}
    seen_fb: dict[str, int] = {}
    for i, o in enumerate(options, start=1):
        if _norm(o.text) in seen_text:
            ctx.fail(f"options {seen_text[_norm(o.text)]} and {i} have the same text {o.text!r}")
        seen_text[_norm(o.text)] = i
        if _norm(o.feedback) in seen_fb:
            ctx.fail(
                f"options {seen_fb[_norm(o.feedback)]} and {i} have the same feedback; "
                "each option's feedback must explain that option"
            )
        seen_fb[_norm(o.feedback)] = i
    if base["type"] == "single" and len(options) < MIN_SINGLE_OPTIONS:
        ctx.fail(
            f"a single-choice question needs at least {MIN_SINGLE_OPTIONS} options, got "
            f"{len(options)}: add distractors that real students choose"
        )
    n_correct = sum(o.correct for o in options)
    if n_correct == 0:
        ctx.fail("no correct option: mark at least one option 'correct: true'")
    if base["type"] == "single" and n_correct != 1:
        ctx.fail(
            f"a single-choice question needs exactly one correct option, got {n_correct}; "
            "use type: multiple for select-all-that-apply"
        )
    for i, o in enumerate(options, start=1):
        what = f"option {i} ({o.text!r})"
        if o.correct and o.correct_when is None and o.misconception:
            # (a correct_when option may keep one: it is a distractor whenever the model says so)
            ctx.fail(
                f"{what} is correct but has a misconception; only a distractor names the "
                "wrong idea that leads to it"
            )
        if not o.correct and not o.misconception:
            ctx.fail(
                f"{what} is a distractor without a misconception: add 'misconception:', one "
                "sentence naming the wrong idea a student holds that leads to this option"
            )
    return Question(**base, options=options)


def _numeric(ctx: _Ctx, raw: dict, base: dict) -> Question:
    _keys(ctx, raw, _NUMERIC_KEYS, "a numeric question")
    has_answer, has_from = "answer" in raw, "answer_from" in raw
    if has_answer == has_from:
        ctx.fail(
            "a numeric question needs exactly one of 'answer: <number>' or "
            "'answer_from: <computed name>'"
        )
    answer_from = None
    if has_answer:
        answer = _number(ctx, raw["answer"], "answer")
    else:
        answer_from = raw["answer_from"]
        value = _computed_value(ctx, answer_from, "answer_from")
        answer = _number(ctx, value, f"the value of computed {answer_from!r}")
    if raw.get("tolerance") is None:
        ctx.fail(
            "a numeric answer needs a tolerance (absolute, in the answer's units), "
            "e.g. 'tolerance: 2'"
        )
    tolerance = _number(ctx, raw["tolerance"], "tolerance", nonnegative=True)
    units = _text(ctx, raw.get("units"), "units (shown next to the answer box, e.g. mg/dL or %)")
    fb = raw.get("feedback")
    if not isinstance(fb, dict):
        ctx.fail(
            "a numeric question needs feedback: {correct: ..., incorrect: ...}, got " + repr(fb)
        )
    _keys(ctx, fb, {"correct", "incorrect"}, "feedback")
    fb_correct = _feedback(ctx, fb.get("correct"), "the correct answer")
    fb_incorrect = _feedback(ctx, fb.get("incorrect"), "a wrong answer")
    seen = {_norm(fb_correct): "feedback.correct"}
    if _norm(fb_incorrect) in seen:
        ctx.fail("feedback.correct and feedback.incorrect are the same; each must explain its case")
    seen[_norm(fb_incorrect)] = "feedback.incorrect"
    mistakes_raw = raw.get("common_mistakes") or []
    if not isinstance(mistakes_raw, list):
        ctx.fail(f"common_mistakes must be a list, got {mistakes_raw!r}")
    mistakes = []
    for i, m in enumerate(mistakes_raw, start=1):
        what = f"common mistake {i}"
        if not isinstance(m, dict):
            ctx.fail(f"{what} must be a mapping with value, tolerance and feedback, got {m!r}")
        _keys(ctx, m, _MISTAKE_KEYS, what)
        value = _number(ctx, m.get("value"), f"{what} value")
        tol = _number(ctx, m.get("tolerance", tolerance), f"{what} tolerance", nonnegative=True)
        mfb = _feedback(ctx, m.get("feedback"), f"{what} ({format_number(value)})")
        if _norm(mfb) in seen:
            ctx.fail(f"the feedback of {what} repeats {seen[_norm(mfb)]}; each must be different")
        seen[_norm(mfb)] = what
        if abs(value - answer) <= tol + tolerance:
            ctx.fail(
                f"{what} ({format_number(value)} ± {format_number(tol)}) overlaps the correct "
                f"answer ({format_number(answer)} ± {format_number(tolerance)})"
            )
        mistakes.append(Mistake(value, tol, mfb))
    shown = format_number(answer)
    return Question(
        **base,
        answer=answer,
        answer_from=answer_from,
        tolerance=tolerance,
        units=units,
        feedback_correct=fb_correct.replace("{answer}", shown),
        feedback_incorrect=fb_incorrect.replace("{answer}", shown),
        common_mistakes=tuple(
            Mistake(m.value, m.tolerance, m.feedback.replace("{answer}", shown)) for m in mistakes
        ),
    )


def _length_cue(ctx: _Ctx, questions: list[Question]) -> None:
    singles = [q for q in questions if q.type == "single"]
    cued = [q.id for q in singles if longest_is_correct(q) == "strict"]
    if singles and len(cued) > MAX_LONGEST_CORRECT_SHARE * len(singles):
        ctx.fail(
            f"the correct option is strictly the longest in {len(cued)} of {len(singles)} "
            f"single-choice questions ({', '.join(cued)}); at most "
            f"{MAX_LONGEST_CORRECT_SHARE:.0%} may be: tighten keys or develop distractors"
        )


def validate_bank(data, path) -> Bank:
    """Check a parsed bank (``yaml`` data) read from ``path``; return a :class:`Bank`."""
    path = Path(path)
    ctx = _Ctx(path)
    if not isinstance(data, dict):
        ctx.fail(
            "a bank must be a mapping with keys chapter, objectives, questions; "
            f"got {type(data).__name__}"
        )
    _keys(ctx, data, _TOP_KEYS, "the bank")
    chapter = data.get("chapter")
    if not isinstance(chapter, str) or not CHAPTER_RE.match(chapter):
        ctx.fail(
            f"chapter must be the notebook stem (e.g. 02-genes-and-inheritance), got {chapter!r}"
        )
    if path.name.endswith(".quiz.yml") and path.name != f"{chapter}.quiz.yml":
        ctx.fail(f"chapter {chapter!r} does not match the file name (expected {chapter}.quiz.yml)")

    objectives_raw = data.get("objectives")
    if not isinstance(objectives_raw, dict) or not objectives_raw:
        ctx.fail(
            "objectives must be a mapping of id -> the objective's text, with at least one entry"
        )
    objectives: dict[str, str] = {}
    for oid, text in objectives_raw.items():
        if not isinstance(oid, str) or not ID_RE.match(oid):
            ctx.fail(f"objective id {oid!r} must be lowercase letters, digits and hyphens")
        objectives[oid] = _text(ctx, text, f"objective {oid!r}")

    questions_raw = data.get("questions")
    if not isinstance(questions_raw, list):
        ctx.fail(f"questions must be a list, got {questions_raw!r}")
    questions: list[Question] = []
    seen_ids: set[str] = set()
    for n, raw in enumerate(questions_raw, start=1):
        ctx.qid = None
        if not isinstance(raw, dict):
            ctx.fail(f"question {n} must be a mapping, got {raw!r}")
        qid = raw.get("id")
        if not isinstance(qid, str) or not ID_RE.match(qid):
            ctx.fail(f"question {n} has id {qid!r}; an id is lowercase letters, digits and hyphens")
        ctx.qid = qid
        if qid in seen_ids:
            ctx.fail("duplicate id: another question already uses this id")
        seen_ids.add(qid)
        qtype = raw.get("type")
        if qtype not in TYPES:
            ctx.fail(f"unknown type {qtype!r}; allowed: {', '.join(TYPES)}")
        objective = raw.get("objective")
        if objective not in objectives:
            ctx.fail(
                f"unknown objective {objective!r}; "
                f"the bank's objectives are: {', '.join(objectives)}"
            )
        base = dict(
            id=qid,
            type=qtype,
            objective=objective,
            section=_text(ctx, raw.get("section"), "section (the heading that teaches it)"),
            prompt=_text(ctx, raw.get("prompt"), "prompt"),
        )
        questions.append(
            _numeric(ctx, raw, base) if qtype == "numeric" else _choice(ctx, raw, base)
        )
    ctx.qid = None
    if len(questions) < MIN_QUESTIONS:
        ctx.fail(
            f"a chapter's self-check needs at least {MIN_QUESTIONS} questions, got {len(questions)}"
        )
    checked = {q.objective for q in questions}
    for oid in objectives:
        if oid not in checked:
            ctx.fail(f"objective {oid!r} is never checked: add a question with 'objective: {oid}'")
    _length_cue(ctx, questions)
    return Bank(chapter=chapter, path=path, objectives=objectives, questions=tuple(questions))
