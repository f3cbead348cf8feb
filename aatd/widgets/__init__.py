"""Explorers with two faces: a live ipywidget in Jupyter and a kernel-free HTML explorer in
the built book (see :mod:`aatd.widgets.base` for how an explorer plugs in).

``ElastaseExplorer()`` (chapter 4) and ``LungExplorer()`` (chapter 6); display one as a
cell's value. Explorers are imported lazily, so ``aatd.widgets.base`` can be imported on
its own.
"""

from __future__ import annotations

import importlib

_EXPLORERS = {
    "TwoFacedExplorer": ".base",
    "ElastaseExplorer": ".elastase",
    "LungExplorer": ".lung",
    "PunnettExplorer": ".punnett",
    "AugmentationExplorer": ".augmentation",
    "PopulationExplorer": ".population",
}

__all__ = sorted(_EXPLORERS)


def __getattr__(name):
    if name in _EXPLORERS:
        return getattr(importlib.import_module(_EXPLORERS[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
