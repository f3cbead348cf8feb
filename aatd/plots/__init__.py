"""One look for every figure in the book.

``aatd.plots`` owns the style: a white background (readable in the theme's dark mode),
the Okabe–Ito colour-blind-safe palette, one colour per genotype on every figure, and
units on every axis. Figure functions live in submodules, one per chapter topic, and
are re-exported here.
"""

from __future__ import annotations

from .balance import half_time_vs_level, lining_fluid_levels  # noqa: F401
from .cases import case_trajectories  # noqa: F401
from .chapters_sim import (  # noqa: F401
    augmentation_assumption,
    burst_time_course,
    exposure_curve,
    fev1_lifetimes,
    quitting_ages,
)
from .cohort_declines import decline_vs_cohorts  # noqa: F401
from .diagnosis import augmentation_levels, diagnostic_pathway  # noqa: F401
from .explorers import elastase_explorer_figure, lung_explorer_figure  # noqa: F401
from .genetics import serum_by_genotype  # noqa: F401
from .inheritance import draw_punnett, punnett_figure  # noqa: F401
from .liver import autopsy_odds_ratios, z_protein_fate  # noqa: F401
from .lungdisease import decline_by_smoking, onset_ages, spirometry_sketch  # noqa: F401
from .protein import inhibition_scheme, inhibitor_used_up  # noqa: F401
from .style import (  # noqa: F401
    GENOTYPE_COLORS,
    OKABE_ITO,
    THRESHOLD_COLOR,
    genotype_color,
    new_figure,
    style,
)
from .validation import calibration_vs_published  # noqa: F401
