"""Computed answers for question banks and check cells: the key can never drift from the model.

A bank may write ``answer_from: <name>`` (numeric questions: a number) or
``correct_when: <name>`` (an option of a single/multiple question: a bool) instead of a
literal answer; a check cell may expect ``"computed:<name>"``. ``<name>`` is a zero-argument
function registered with ``@computed("<name>")`` that calls the model and returns the value.

One module per chapter, in chapter order (``ch01_protein`` … ``ch09_cases``; chapters added
after chapter 8 keep its number with a letter, ``ch08b_treatment``, ``ch08c_families``);
a name used by several chapters lives in the first that uses it. Every module imports the
model layer only
(``aatd.units``, ``genetics``, ``kinetics``, ``lung``, ``serpin``, ``cohorts``, ``cases``),
never the view (``tests/test_layers.py``), and every registered name is used by some bank
or check cell (``tests/test_computed_usage.py``).

**A new chapter** adds ``aatd/quiz/computed/chNN_<slug>.py``::

    from ._registry import computed

    @computed("my_answer_name")
    def my_answer_name() -> float:
        # a docstring: what it is, with its source key
        from aatd import lung  # imports inside the function: loading a bank stays cheap

        return round(lung.decline_ml_per_year("ZZ"), 1)

and one line in the import list below. ``REGISTRY``, ``computed``, ``names`` and ``value``
keep their import path ``aatd.quiz.computed``.
"""

from __future__ import annotations

# Chapter modules register their names on import, in chapter order.
from . import (  # noqa: F401  (imported for their registrations)
    ch01_protein,
    ch02_genes,
    ch03_balance,
    ch04_elastase,
    ch05_lung_disease,
    ch06_lifetime,
    ch07_liver,
    ch08_diagnosis,
    ch08b_treatment,
    ch08c_families,
    ch09_cases,
)
from ._registry import REGISTRY, computed, names, value

__all__ = ["REGISTRY", "computed", "names", "value"]
