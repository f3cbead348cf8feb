"""The exercise registry and the comparison that turns a student's answer into feedback."""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: What a check prints while the work cell still holds ``...`` (tests look for this text).
NOT_ATTEMPTED = "not attempted yet"

#: An expected or wrong value: a number, a text (e.g. a genotype), or a tuple of numbers,
#: given directly or as a zero-argument function that asks the model (preferred), or as the
#: name of an ``aatd.quiz.computed`` function (shared with the quizzes).
Value = float | str | tuple[float, ...]
ValueSource = Value | Callable[[], Value]


@dataclass(frozen=True)
class Wrong:
    """A named wrong answer: the slip (``label``), its value and the hint it earns."""

    label: str
    value: ValueSource
    hint: str


@dataclass(frozen=True)
class Exercise:
    """One computational exercise: what is right, what is a known slip, how close counts.

    ``expected`` is a computed-name string (``"computed:<name>"``), a zero-argument function
    or a literal. ``rel_tol`` is the relative tolerance for numbers (default 2%: students round).
    ``unit`` is printed in messages. ``confirm`` says why the right answer is right;
    ``hint`` is the general hint for an answer that matches nothing named.
    """

    id: str
    expected: ValueSource
    confirm: str
    hint: str
    wrong: Sequence[Wrong] = field(default_factory=tuple)
    unit: str = ""
    rel_tol: float = 0.02
    abs_tol: float = 0.0

    def expected_value(self) -> Value:
        return resolve(self.expected)


@dataclass(frozen=True)
class Feedback:
    """What a check says: ``status`` is ``not-attempted``, ``right``, ``wrong`` or ``unknown``."""

    status: str
    message: str
    wrong_label: str | None = None

    def __str__(self) -> str:
        return self.message


#: exercise id (the ``{exercise}`` label, e.g. "ex-04-1") -> Exercise
EXERCISES: dict[str, Exercise] = {}
_loaded = False


def register(ex: Exercise) -> Exercise:
    """Add ``ex`` to the registry; a second exercise with the same id is an error."""
    if not isinstance(ex.id, str) or not ex.id.startswith("ex-"):
        raise ValueError(f"exercise id must look like 'ex-04-1', got {ex.id!r}")
    if ex.id in EXERCISES and EXERCISES[ex.id] != ex:
        raise ValueError(f"exercise {ex.id!r} is already registered")
    if not ex.wrong:
        raise ValueError(f"exercise {ex.id!r} names no expected wrong answer (need at least one)")
    EXERCISES[ex.id] = ex
    return ex


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    import aatd.checks as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in {"core", "display"}:
            importlib.import_module(f"aatd.checks.{info.name}")
    _loaded = True


def exercise(ex_id: str) -> Exercise:
    """The registered exercise ``ex_id``; ``ValueError`` listing the known ids otherwise."""
    _load_all()
    try:
        return EXERCISES[ex_id]
    except KeyError:
        known = ", ".join(sorted(EXERCISES)) or "none"
        raise ValueError(f"no exercise {ex_id!r}; known exercises: {known}") from None


def resolve(source: ValueSource) -> Value:
    """Turn a value source into a value (calls functions, looks up ``computed:`` names)."""
    if callable(source):
        return source()
    if isinstance(source, str) and source.startswith("computed:"):
        from aatd.quiz import computed

        return computed.value(source.removeprefix("computed:"))  # type: ignore[no-any-return]
    return source


def _as_number(answer: object) -> float | None:
    if isinstance(answer, bool):
        return None
    try:
        x = float(answer)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def matches(answer: object, target: Value, rel_tol: float, abs_tol: float = 0.0) -> bool:
    """Whether ``answer`` counts as ``target``: numbers within tolerance, text case-blind."""
    if isinstance(target, str):
        return isinstance(answer, str) and answer.strip().casefold() == target.strip().casefold()
    if isinstance(target, tuple):
        if not isinstance(answer, (tuple, list)) or len(answer) != len(target):
            return False
        return all(matches(a, t, rel_tol, abs_tol) for a, t in zip(answer, target, strict=True))
    x = _as_number(answer)
    return x is not None and math.isclose(x, float(target), rel_tol=rel_tol, abs_tol=abs_tol)


def _describe(target: Value, unit: str) -> str:
    kind = (
        "a text"
        if isinstance(target, str)
        else "a tuple"
        if isinstance(target, tuple)
        else ("a number")
    )
    return f"{kind}{' in ' + unit if unit else ''}"


def evaluate(ex_id: str, answer: object) -> Feedback:
    """The feedback for ``answer`` to exercise ``ex_id`` (never raises for a bad answer)."""
    ex = exercise(ex_id)
    if answer is Ellipsis:
        return Feedback(
            "not-attempted",
            f"{ex_id}: {NOT_ATTEMPTED} — replace the ... in the work cell with your answer "
            "and run both cells again.",
        )
    target = ex.expected_value()
    if matches(answer, target, ex.rel_tol, ex.abs_tol):
        return Feedback("right", f"{ex_id}: right. {ex.confirm}")
    for slip in ex.wrong:
        if matches(answer, resolve(slip.value), ex.rel_tol, ex.abs_tol):
            return Feedback("wrong", f"{ex_id}: not yet. {slip.hint}", slip.label)
    if not isinstance(target, str) and not isinstance(target, tuple) and _as_number(answer) is None:
        return Feedback(
            "unknown",
            f"{ex_id}: the answer should be {_describe(target, ex.unit)}, "
            f"got {answer!r}. {ex.hint}",
        )
    return Feedback("unknown", f"{ex_id}: not yet. {ex.hint}")


def check(ex_id: str, answer: object) -> None:
    """Print the feedback for ``answer`` (what a check cell runs)."""
    print(evaluate(ex_id, answer).message)
