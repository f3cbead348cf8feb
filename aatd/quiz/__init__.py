"""Question banks: load, validate and render each chapter's self-check.

One YAML bank per chapter, ``aatd/quiz/banks/<chapter-stem>.quiz.yml``: package data, so a
quiz cell works wherever the notebook is opened (schema in ``CONTRIBUTING.md``).
A chapter's quiz cell is just::

    from aatd.quiz import show_quiz
    show_quiz("02-genes-and-inheritance")

Model answers come from :mod:`aatd.quiz.computed` (``answer_from``/``correct_when``), so
the key can never drift from the model.
"""

from . import computed  # the registry module (its decorator is computed.computed)
from .load import QuizError, find_bank, load_bank
from .render import Quiz, render_html, show_quiz

__all__ = [
    "Quiz",
    "QuizError",
    "computed",  # module
    "find_bank",
    "load_bank",
    "render_html",
    "show_quiz",
]
