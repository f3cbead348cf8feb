"""Neutrophil elastase against alpha-1 antitrypsin (AAT) after one neutrophil burst.

The model (all concentrations in the lung's epithelial lining fluid, ELF)::

    dE/dt = -k·E·I - k_clear·E        E(0) = E0  (the burst of free elastase)
    dI/dt = -k·E·I                    I(0) = I0 = f_ELF · serum · (1 - x_ox)

* ``k`` is the association rate constant, weighted by each allele's share of the serum
  protein (``aatd.genetics.protein_shares``): M 9.7×10⁶, Z 4.5×10⁶ (``ogushi1987``),
  S 8.6×10⁶ M⁻¹s⁻¹ (``cook1996``). Z-AAT reacts about 2× slower.
* AAT is a serpin, used up one-for-one (``kramps1987``): that is the ``-k·E·I`` in
  ``dI/dt``.
* ``f_ELF`` is one fitted lining-fluid fraction (``mulgrew2004``); in smokers a share
  ``x_ox`` = 0.4 of the lining-fluid AAT is oxidised (``carp1982``) and treated as
  inactive (it reacts >2000× slower, ``beatty1980``).
* ``k_clear`` removes free elastase by every other route (illustrative).

**Exposure** is the time integral of free elastase, ``U = ∫ E dt`` (nM·s). Writing
``u(t) = ∫₀ᵗ E`` turns the system into ``dE/du = -k·I0·e^(-k·u) - k_clear``, so
``E = E0 - I0·(1 - e^(-k·u)) - k_clear·u`` and the total exposure is the root of
``E0 - I0·(1 - e^(-kU)) - k_clear·U = 0``: exactly, via the Lambert W function,
``U = ln(k·I0 / (k_clear·W(z))) / k`` with ``z = (k·I0/k_clear)·e^(-k(E0-I0)/k_clear)``.
:func:`elastase_exposure` evaluates this closed form vectorised (machine precision);
:func:`reference_exposure` integrates the ODEs with ``solve_ivp`` for comparison.

When the burst exceeds the lining-fluid AAT, the inhibitor is used up and the remaining
elastase lingers until the slower clearance removes it: exposure then rises steeply as
serum AAT falls. That is the *bend* of the exposure curve (:func:`exposure_bend_uM`).
The standard burst is *calibrated* so that this bend sits near the clinical 11 µM
threshold (``stoller2012``) for a non-smoker; nothing in this module compares a level
with 11 µM.

``genotype`` decides which protein reacts and supplies the typical serum level
(``aatd.genetics.serum_aat``); ``aat_uM`` is always a **serum** level (µM) and, when given,
overrides that level while keeping the genotype's kinetics. ``aat_uM`` alone means M
protein.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from . import _checks, genetics
from . import parameters as P
from ._checks import FloatOrArray

#: Association rate constants with neutrophil elastase, by allele (M⁻¹ s⁻¹).
K_ASS_PER_M_S = {
    "M": P.value("k_ass_M"),
    "S": P.value("k_ass_S"),
    "Z": P.value("k_ass_Z"),
}
#: Active lining-fluid AAT per unit serum AAT (fitted, ``mulgrew2004``).
ELF_FRACTION = P.value("elf_fraction")
#: Share of lining-fluid AAT oxidised (inactive) in smokers (``carp1982``).
SMOKER_OXIDISED_FRACTION = P.value("smoker_oxidised_fraction")
#: The standard burst of free elastase in lining fluid (nM; calibrated).
STANDARD_BURST_NM = P.value("standard_burst_nM")
#: Clearance of free elastase by routes other than AAT (s⁻¹; illustrative).
K_CLEAR_PER_S = P.value("k_clear")

_NM_PER_UM = 1000.0
#: k in M⁻¹s⁻¹ → nM⁻¹s⁻¹ (a unit conversion).
PER_M_TO_PER_NM = 1e-9
_PER_M_TO_PER_NM = PER_M_TO_PER_NM


# --------------------------------------------------------------------------- inputs
def k_ass_per_M_s(genotype: object = None, *, augmented_uM: float | None = None) -> float:
    """Effective association rate constant of serum AAT with elastase (M⁻¹ s⁻¹).

    Each allele's rate (``ogushi1987``, ``cook1996``) weighted by its share of serum
    protein (``aatd.genetics.protein_shares``). ``None`` or a genotype with no protein
    (``Q0Q0``) means M protein (e.g. a custom or infused level).
    """
    if genotype is None:
        return K_ASS_PER_M_S["M"]
    shares = genetics.protein_shares(genotype)
    if not shares:
        return K_ASS_PER_M_S["M"]
    return float(sum(K_ASS_PER_M_S[a] * s for a, s in shares.items()))


def _resolve(
    genotype: object,
    aat_uM: npt.ArrayLike | None,
    smoker: object,
    burst_nM: npt.ArrayLike | None,
) -> tuple[float, FloatOrArray, FloatOrArray, float, bool]:
    """Validate the inputs; return (k in nM⁻¹s⁻¹, serum µM, I0 nM, E0 nM, scalar?)."""
    if not isinstance(smoker, (bool, np.bool_)):
        raise ValueError(f"smoker must be True or False, got {smoker!r}")
    if genotype is None and aat_uM is None:
        raise ValueError(
            "give a genotype (e.g. 'MM', 'ZZ') or a serum level aat_uM (µM); got neither"
        )
    k = k_ass_per_M_s(genotype) * _PER_M_TO_PER_NM
    serum: FloatOrArray
    if aat_uM is None:
        serum = genetics.serum_aat(genotype).typical_uM
    else:
        serum = _checks.nonnegative("aat_uM", aat_uM, "µM")
    e0 = STANDARD_BURST_NM if burst_nM is None else _checks.nonnegative("burst_nM", burst_nM, "nM")
    if np.ndim(e0) != 0:
        raise ValueError(f"burst_nM must be a single number (nM), got {burst_nM!r}")
    i0 = lining_fluid_active_aat_nM(serum, smoker=bool(smoker))
    return k, serum, i0, float(e0), np.ndim(serum) == 0


def lining_fluid_active_aat_nM(aat_uM: npt.ArrayLike, *, smoker: bool = False) -> FloatOrArray:
    """Active AAT in lung lining fluid (nM) for a serum level ``aat_uM`` (µM).

    ``I0 = f_ELF × serum × (1 − 0.4 if smoker)`` (``mulgrew2004``, ``carp1982``).
    """
    serum = _checks.nonnegative("aat_uM", aat_uM, "µM")
    active = 1.0 - (SMOKER_OXIDISED_FRACTION if smoker else 0.0)
    return serum * ELF_FRACTION * active * _NM_PER_UM


# The exact exposure (Lambert W closed form) lives in aatd._exposure_solution.
from ._exposure_solution import (  # noqa: E402
    _exposure_closed_form,
    _exposure_scalar,
)


# ----------------------------------------------------------------- public API
def elastase_exposure(
    genotype: object = None,
    *,
    aat_uM: npt.ArrayLike | None = None,
    smoker: object = False,
    burst_nM: npt.ArrayLike | None = None,
) -> FloatOrArray:
    """Free-elastase exposure after one burst, ``∫ E dt`` (nM·s, lining fluid).

    Parameters
    ----------
    genotype : str, optional
        Genotype code (``"MM"``, ``"MZ"``, ``"ZZ"``, ``"ZQ0"``, ...): decides the protein
        mix (reaction rate) and, without ``aat_uM``, the typical serum level
        (``brantly1991``).
    aat_uM : float or array, optional
        Serum AAT (µM, purified standard). An array gives an array of the same shape:
        one call draws a whole curve.
    smoker : bool
        Oxidise 40% of lining-fluid AAT (``carp1982``).
    burst_nM : float, optional
        Size of the burst (nM free elastase in lining fluid); default the calibrated
        standard burst :data:`STANDARD_BURST_NM`.

    Returns a float for a scalar level, an array for an array. Evaluated from the exact
    closed form (Lambert W), see the module docstring.
    """
    k, _serum, i0, e0, scalar = _resolve(genotype, aat_uM, smoker, burst_nM)
    if scalar:
        return _exposure_scalar(k, float(i0), e0, K_CLEAR_PER_S)
    return _exposure_closed_form(k, i0, e0, K_CLEAR_PER_S).reshape(np.shape(i0))


def exposure_for_rate(
    k_ass_per_M_s: npt.ArrayLike,
    aat_uM: npt.ArrayLike | None,
    *,
    smoker: object = False,
    burst_nM: npt.ArrayLike | None = None,
) -> FloatOrArray:
    """Exposure (nM·s) for a given rate constant ``k_ass_per_M_s`` (M⁻¹ s⁻¹).

    Used when the protein mix is not one genotype's, e.g. a ZZ person's own Z protein
    plus infused M protein during augmentation (``aatd.lung``).
    """
    k = _checks.nonnegative("k_ass_per_M_s", k_ass_per_M_s, "M⁻¹ s⁻¹")
    if np.ndim(k) != 0 or k <= 0:
        raise ValueError(f"k_ass_per_M_s must be one number > 0 (M⁻¹ s⁻¹), got {k_ass_per_M_s!r}")
    if aat_uM is None:
        raise ValueError("exposure_for_rate needs a serum level aat_uM (µM), got None")
    _kk, _serum, i0, e0, scalar = _resolve(None, aat_uM, smoker, burst_nM)
    k_per_nM_s = float(k) * _PER_M_TO_PER_NM  # k is one number here (checked above)
    if scalar:
        return _exposure_scalar(k_per_nM_s, float(i0), e0, K_CLEAR_PER_S)
    return _exposure_closed_form(k_per_nM_s, i0, e0, K_CLEAR_PER_S).reshape(np.shape(i0))


def inhibition_half_time_s(
    genotype: object = None, *, aat_uM: npt.ArrayLike | None = None, smoker: object = False
) -> FloatOrArray:
    """Half-time of elastase inhibition with AAT in excess, ``ln 2 / (k·I0)`` (s).

    The classroom pseudo-first-order time (``E = E0·e^(-k·I0·t)``) for a small amount of
    elastase meeting the lining-fluid active AAT ``I0``. Derived from ``ogushi1987`` and
    ``mulgrew2004``: about 25 ms for MM and 0.35 s for ZZ. ``math.inf`` when there is no
    active AAT. A float for a scalar level, an array for an array.
    """
    k, _serum, i0, _e0, scalar = _resolve(genotype, aat_uM, smoker, None)
    i0 = np.atleast_1d(np.asarray(i0, dtype=float))
    with np.errstate(divide="ignore"):
        t = np.where(i0 > 0, math.log(2.0) / (k * np.where(i0 > 0, i0, 1.0)), np.inf)
    return float(t[0]) if scalar else t.reshape(np.shape(_serum))


def exposure_bend_uM(
    genotype: object = None, *, smoker: object = False, burst_nM: float | None = None
) -> float:
    """Serum AAT (µM) at the bend of the exposure curve.

    The bend is the *equivalence point* of the kinetics: the serum level at which the
    lining-fluid active AAT equals the burst (``f_ELF·serum·(1 − x_ox) = E0``). Below it the
    inhibitor is used up 1:1 and the surplus elastase lingers until cleared, so exposure
    climbs along the straight asymptote ``(E0 − I0)/k_clear``; above it exposure is small.
    The bend is where these two asymptotes meet. It moves up with a bigger burst and with
    smoking; the genotype's rate constant only rounds the corner.
    """
    _checks.nonnegative("burst_nM", STANDARD_BURST_NM if burst_nM is None else burst_nM, "nM")
    if genotype is not None:
        genetics.parse_genotype(genotype)
    if not isinstance(smoker, (bool, np.bool_)):
        raise ValueError(f"smoker must be True or False, got {smoker!r}")
    e0 = STANDARD_BURST_NM if burst_nM is None else float(burst_nM)
    per_serum_uM = float(lining_fluid_active_aat_nM(1.0, smoker=bool(smoker)))
    return e0 / per_serum_uM


@dataclass(frozen=True)
class Burst:
    """One simulated burst: time course in lung lining fluid.

    ``t_s`` (s), ``free_elastase_nM`` and ``active_aat_nM`` (nM), plus the inputs used.
    """

    t_s: np.ndarray
    free_elastase_nM: np.ndarray
    active_aat_nM: np.ndarray
    genotype: str | None
    aat_uM: float
    smoker: bool
    burst_nM: float
    k_ass_per_M_s: float
    exposure_nM_s: float


#: The ``solve_ivp`` methods :func:`reference_exposure` accepts.
_Method = Literal["RK23", "RK45", "DOP853", "Radau", "BDF", "LSODA"]
#: Right-hand side and Jacobian of the burst ODEs, as ``solve_ivp`` calls them.
_Rhs = Callable[[float, npt.NDArray[np.float64]], list[float]]
_Jac = Callable[[float, npt.NDArray[np.float64]], list[list[float]]]


def _rhs(k: float, kc: float) -> tuple[_Rhs, _Jac]:
    def f(_t: float, y: npt.NDArray[np.float64]) -> list[float]:
        e, i = y[0], y[1]
        r = k * e * i
        return [-r - kc * e, -r, e]

    def jac(_t: float, y: npt.NDArray[np.float64]) -> list[list[float]]:
        e, i = y[0], y[1]
        return [[-k * i - kc, -k * e, 0.0], [-k * i, -k * e, 0.0], [1.0, 0.0, 0.0]]

    return f, jac


def simulate_burst(
    genotype: object = None,
    *,
    aat_uM: npt.ArrayLike | None = None,
    smoker: object = False,
    burst_nM: npt.ArrayLike | None = None,
    t_end_s: npt.ArrayLike | None = None,
    n_points: int = 400,
) -> Burst:
    """Integrate one burst (``solve_ivp``, LSODA, rtol 10⁻⁸); about 10 ms.

    Returns a :class:`Burst` with arrays ``t_s`` (0 and then log-spaced from 0.1 ms to
    ``t_end_s``; default long enough for elastase to fall below 10⁻⁴ of the burst),
    ``free_elastase_nM`` and ``active_aat_nM``. ``aat_uM`` must be a single serum level.
    """
    from scipy.integrate import solve_ivp

    k, serum, i0, e0, scalar = _resolve(genotype, aat_uM, smoker, burst_nM)
    if not scalar:
        raise ValueError(f"simulate_burst needs one serum level aat_uM (µM), got {aat_uM!r}")
    n_points = int(n_points)
    if n_points < 10:
        raise ValueError(f"n_points must be at least 10, got {n_points!r}")
    t_end: FloatOrArray
    if t_end_s is None:
        t_end = 10.0 / K_CLEAR_PER_S
    else:
        t_end = _checks.nonnegative("t_end_s", t_end_s, "s")
        if t_end <= 1e-4:
            raise ValueError(f"t_end_s must be longer than 0.1 ms, got {t_end_s!r}")
    t = np.concatenate([[0.0], np.geomspace(1e-4, t_end, n_points - 1)])
    f, jac = _rhs(k, K_CLEAR_PER_S)
    scale = max(e0, float(i0), 1e-12)
    sol = solve_ivp(
        f,
        (0.0, float(t_end)),  # one number here: arrays fail in geomspace/concatenate
        [e0, float(i0), 0.0],
        method="LSODA",
        jac=jac,
        t_eval=t,
        rtol=1e-8,
        atol=1e-10 * scale,
    )
    e = np.maximum(sol.y[0], 0.0)
    i = np.maximum(sol.y[1], 0.0)
    g = None if genotype is None else genetics.parse_genotype(genotype)
    exposure = _exposure_scalar(k, float(i0), e0, K_CLEAR_PER_S)
    return Burst(t, e, i, g, float(serum), bool(smoker), e0, k / _PER_M_TO_PER_NM, exposure)


def reference_exposure(
    genotype: object = None,
    *,
    aat_uM: npt.ArrayLike | None = None,
    smoker: object = False,
    burst_nM: npt.ArrayLike | None = None,
    rtol: float = 1e-10,
    method: _Method = "LSODA",
) -> FloatOrArray:
    """The same exposure by brute force: ``solve_ivp`` on (E, I, ∫E) per level.

    Slow (one ODE solve per level, a few ms each) and independent of the closed form;
    used by the tests and the benchmark. The integration runs to 40/k_clear (elastase
    below e⁻⁴⁰ of the burst) and adds the exponential tail analytically.
    """
    from scipy.integrate import solve_ivp

    k, _serum, i0, e0, scalar = _resolve(genotype, aat_uM, smoker, burst_nM)
    f, jac = _rhs(k, K_CLEAR_PER_S)
    levels = np.atleast_1d(i0).astype(float)
    out = np.empty_like(levels)
    t_end = 40.0 / K_CLEAR_PER_S
    for n, start in enumerate(levels.flat):
        sol = solve_ivp(
            f,
            (0.0, t_end),
            [e0, start, 0.0],
            method=method,
            jac=jac,
            rtol=rtol,
            atol=[
                1e-12 * max(e0, 1e-12),
                1e-12 * max(start, 1e-12),
                1e-14 * max(e0, 1e-12) / K_CLEAR_PER_S,
            ],
        )
        e_end, u_end = sol.y[0, -1], sol.y[2, -1]
        out.flat[n] = u_end + max(e_end, 0.0) / K_CLEAR_PER_S
    return float(out[0]) if scalar else out.reshape(np.shape(i0))
