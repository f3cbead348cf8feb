"""Check cells: every registered exercise says "not attempted yet", confirms its solution and
gives each named wrong answer that answer's hint; the registry refuses malformed exercises."""

from __future__ import annotations

import math

import pytest

from aatd.checks import EXERCISES, Exercise, Wrong, evaluate, exercise, register
from aatd.checks.core import NOT_ATTEMPTED, _load_all, matches

_load_all()
IDS = sorted(EXERCISES)


@pytest.mark.parametrize("ex_id", IDS)
def test_not_attempted_solution_and_each_named_wrong_answer(ex_id):
    ex = EXERCISES[ex_id]
    assert NOT_ATTEMPTED in evaluate(ex_id, ...).message
    assert evaluate(ex_id, ex.expected_value()).status == "right"
    for slip in ex.wrong:
        from aatd.checks.core import resolve

        fb = evaluate(ex_id, resolve(slip.value))
        assert fb.status == "wrong" and fb.wrong_label == slip.label, (ex_id, slip.label)
        assert slip.hint in fb.message


def test_matching_positive_and_negative_controls():
    assert matches(18.2, 18.33, 0.02) and not matches(6.6, 18.33, 0.02)
    assert matches(" zz ", "ZZ", 0.02) and not matches("MZ", "ZZ", 0.02)
    assert matches((1.0, 2.0), (1.0, 2.01), 0.02) and not matches((1.0,), (1.0, 2.0), 0.02)
    assert not matches(True, 1.0, 0.02) and not matches(math.nan, math.nan, 0.02)


def test_bad_answers_get_feedback_not_an_exception():
    register(
        Exercise(
            "ex-00-9",
            expected=lambda: 18.3,
            confirm="11 ÷ 0.6.",
            hint="Divide.",
            wrong=(Wrong("times-0.6", 6.6, "You multiplied by 0.6."),),
            unit="µM",
        )
    )
    try:
        for bad in ("abc", math.nan, math.inf, None, [1, 2]):
            fb = evaluate("ex-00-9", bad)
            assert fb.status == "unknown" and "number in µM" in fb.message
        assert evaluate("ex-00-9", 3).status == "unknown"
    finally:
        EXERCISES.pop("ex-00-9")


def test_registry_refuses_malformed_exercises():
    with pytest.raises(ValueError, match="names no expected wrong answer"):
        register(Exercise("ex-00-8", expected=1.0, confirm="c", hint="h"))
    with pytest.raises(ValueError, match="must look like"):
        register(Exercise("04-1", expected=1.0, confirm="c", hint="h", wrong=(Wrong("w", 2, "x"),)))
    with pytest.raises(ValueError, match="no exercise 'ex-77-7'"):
        exercise("ex-77-7")
