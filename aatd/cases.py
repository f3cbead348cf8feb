"""The case-studies chapter's illustrative model people: named sets of model inputs.

The people are fictional. Each :class:`ModelPerson` is a genotype and a smoking history
passed to :func:`aatd.lung.fev1_trajectory`; they illustrate the model, they do not
predict anyone's future. :mod:`aatd.plots.cases` draws them; the chapter's quiz answers
(:mod:`aatd.quiz.computed`) ask them for their numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy.typing as npt

if TYPE_CHECKING:  # pragma: no cover
    from . import lung


@dataclass(frozen=True)
class ModelPerson:
    """One illustrative model person: the inputs of :func:`aatd.lung.fev1_trajectory`."""

    name: str
    genotype: str
    smoking: str = "never"
    quit_age: float | None = None
    #: a short description used in the legend
    story: str = ""

    def trajectory(self, ages: npt.ArrayLike | None = None) -> lung.Trajectory:
        """This person's model FEV1 trajectory (:func:`aatd.lung.fev1_trajectory`)."""
        from . import lung

        return lung.fev1_trajectory(
            self.genotype, smoking=self.smoking, quit_age=self.quit_age, ages=ages
        )

    def decline_ml_per_year(self, from_age: float = 40, to_age: float = 60) -> float:
        """Mean model FEV1 decline between two ages, mL/yr (``aatd.lung.decline_ml_per_year``)."""
        from . import lung

        return lung.decline_ml_per_year(
            self.genotype,
            smoking=self.smoking,
            quit_age=self.quit_age,
            from_age=from_age,
            to_age=to_age,
        )


#: The chapter's three fictional people.
MAYA = ModelPerson("Maya", "ZZ", "never", None, "ZZ, never smoked")
DANIEL = ModelPerson("Daniel", "ZZ", "former", 44, "ZZ, smoked until diagnosed at 44")
PRIYA = ModelPerson("Priya", "MZ", "never", None, "MZ, never smoked")
CASES = (MAYA, DANIEL, PRIYA)
