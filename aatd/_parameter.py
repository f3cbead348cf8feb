"""One model parameter as a record, and how a parameter value is written for people.

:class:`Parameter` checks its own consistency (status, fitted target, allowed range);
:func:`format_value` writes ``9.7 × 10⁶``, ``0.0886``, ``975``. :mod:`aatd.parameters`
holds the table; labels across the course are built with :func:`format_value`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Allowed values of :attr:`Parameter.status`.
STATUSES = ("sourced", "derived", "fitted", "illustrative", "assumption")


@dataclass(frozen=True)
class Parameter:
    """One model parameter: value, unit, source (bibtex key), status and a note."""

    name: str
    value: float
    unit: str
    source_key: str
    status: str
    note: str
    symbol: str = ""
    #: for ``fitted`` parameters: the published target the value was chosen to meet
    fitted_to: str = ""
    #: for ``assumption`` parameters: the (low, high) range the model allows and draws
    allowed_range: tuple = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(
                f"status of {self.name!r} must be one of {', '.join(STATUSES)}, got {self.status!r}"
            )
        if (self.status == "fitted") != bool(self.fitted_to):
            raise ValueError(
                f"parameter {self.name!r}: fitted_to names the target of a fitted "
                f"parameter and only of one (status {self.status!r})"
            )
        if (self.status == "assumption") != bool(self.allowed_range):
            raise ValueError(
                f"parameter {self.name!r}: allowed_range gives the range of an assumption "
                f"parameter and only of one (status {self.status!r})"
            )
        if self.allowed_range and not (
            self.allowed_range[0] <= self.value <= self.allowed_range[1]
        ):
            raise ValueError(
                f"parameter {self.name!r}: value {self.value!r} lies outside its "
                f"allowed_range {self.allowed_range!r}"
            )


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_value(v: float) -> str:
    """A parameter value for people: ``9.7 × 10⁶``, ``0.0886``, ``975``."""
    if v == 0 or 1e-3 <= abs(v) < 1e5:
        return f"{v:.4g}"
    mant, exp = f"{v:.3g}".split("e")
    return f"{mant} × 10{str(int(exp)).translate(_SUPERSCRIPT)}"
