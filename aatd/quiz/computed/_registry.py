"""The registry of computed quiz answers: the decorator, the names and their values."""

from __future__ import annotations

from collections.abc import Callable

#: name -> zero-argument function returning a number (answer_from) or bool (correct_when)
REGISTRY: dict[str, Callable[[], object]] = {}


def computed(name: str):
    """Register a zero-argument function under ``name`` for ``answer_from``/``correct_when``."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"computed name must be a non-empty string, got {name!r}")

    def register(func):
        if name in REGISTRY and REGISTRY[name] is not func:
            raise ValueError(f"computed name {name!r} is already registered")
        REGISTRY[name] = func
        return func

    return register


def names() -> list[str]:
    """Every registered computed name, sorted."""
    return sorted(REGISTRY)


def value(name: str):
    """Call the function registered as ``name``; ``KeyError`` if there is none."""
    return REGISTRY[name]()
