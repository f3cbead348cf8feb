"""Check cells for the chapters' exercises: feedback a student gets from their own answer.

A computational exercise has three cells in its notebook (see CONTRIBUTING.md):

- a **work cell** (``metadata.aatd.work = "ex-04-1"``) holding ``answer = ...``;
- a **check cell** (``metadata.aatd.check = "ex-04-1"``) holding ``check("ex-04-1", answer)``;
- a collapsed ``{solution}`` block holding one fenced python block that sets ``answer``.

``check`` prints "not attempted yet" while the answer is ``...``, a targeted hint when the
answer matches one of the exercise's named wrong answers (a slip a student is expected to
make), and a confirmation when it matches the model's value. Expected and wrong values are
computed by the model when the check runs, so a check cannot drift from the model.

Each chapter registers its exercises in its own module ``aatd/checks/<slug>.py`` (for
example ``elastase_vs_antitrypsin.py``); the modules are found and imported on first use, so
a new chapter adds a module and touches nothing else.

A cell that answers a prediction prints inside ``with hidden_answer():`` (``display.py``): its
output stays collapsed even after the student runs it, where ``outputs_hidden`` does not.
"""

from aatd.checks.core import (
    EXERCISES,
    Exercise,
    Feedback,
    Wrong,
    check,
    evaluate,
    exercise,
    register,
)
from aatd.checks.display import hidden_answer

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "Wrong",
    "check",
    "evaluate",
    "exercise",
    "hidden_answer",
    "register",
]
