"""Answer cues in a single-choice question: is the key the longest option, where does it sit?

Used by validation (:mod:`aatd.quiz.validate`), ``tools/quiz_stats.py`` and the cross-bank
test ``tests/test_quiz_rules.py``. Lengths count characters of the displayed text, with
``correct_when`` keys already resolved by the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # validate imports this module, so no runtime import back
    from .validate import Question


def longest_is_correct(q: Question) -> str:
    """For a single-choice question: "strict" if the key is strictly the longest option (by
    characters), "tie" if it shares the longest length, else "" (not a length cue)."""
    key = q.correct_options[0]
    others = [len(o.text) for o in q.options if o is not key]
    if len(key.text) > max(others):
        return "strict"
    return "tie" if len(key.text) == max(others) else ""


def key_position(q: Question) -> int:
    """The 1-based displayed position of a single-choice question's key."""
    return next(i for i, o in enumerate(q.options, start=1) if o.correct)
