"""One look for every figure in the book.

``aatd.plots`` owns the style: a white background (readable in the theme's dark mode),
the Okabe–Ito colour-blind-safe palette, one colour per genotype on every figure, and
units on every axis. Figure functions live in submodules, one per chapter topic, and
are re-exported here.
"""

from __future__ import annotations

from .style import (  # noqa: F401
    GENOTYPE_COLORS,
    OKABE_ITO,
    THRESHOLD_COLOR,
    genotype_color,
    new_figure,
    style,
)
from .genetics import serum_by_genotype  # noqa: F401
