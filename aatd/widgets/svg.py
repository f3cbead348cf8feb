"""The SVG spec language of the kernel-free explorers: axes, tables and drawing elements.

Each helper returns one element as a small dict (its keys are documented in
:data:`aatd.widgets.contract.SCHEMA`, "element"); arrays passed to them are marked for the
spec's de-duplicated pool (:class:`_Arr`), numbers are rounded with
:func:`aatd.widgets.contract.sig4`. ``explorer.js`` draws them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .contract import sig4


@dataclass
class Axis:
    """One axis of a panel: data range, scale, label and ticks (values; labels optional)."""

    min: float
    max: float
    label: str = ""
    log: bool = False
    ticks: Sequence[float] | None = None
    tick_labels: Sequence[str] | None = None
    invert: bool = False
    grid: bool = True
    #: Tick-label font size (SVG px before scaling); None = the default 12.
    font_size: float | None = None

    def to_json(self) -> dict:
        if self.log and (self.min <= 0 or self.max <= 0):
            raise ValueError(f"a log axis needs positive limits, got {self.min}..{self.max}")
        ticks = list(self.ticks) if self.ticks is not None else _nice_ticks(self)
        labels = (
            list(self.tick_labels)
            if self.tick_labels is not None
            else [_tick_label(t) for t in ticks]
        )
        if len(labels) != len(ticks):
            raise ValueError("tick_labels must match ticks")
        return {
            "min": self.min,
            "max": self.max,
            "label": self.label,
            "log": self.log,
            "ticks": ticks,
            "tl": labels,
            "inv": self.invert,
            "grid": self.grid,
            **({"fs": self.font_size} if self.font_size else {}),
        }


def _nice_ticks(ax: Axis) -> list[float]:
    if ax.log:
        lo, hi = math.floor(math.log10(ax.min) + 1e-9), math.ceil(math.log10(ax.max) - 1e-9)
        return [10.0**e for e in range(lo, hi + 1) if ax.min <= 10.0**e <= ax.max * 1.0001]
    span = ax.max - ax.min
    raw = span / 5.0
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    first = math.ceil(ax.min / step - 1e-9) * step
    n = math.floor((ax.max - first) / step + 1e-9) + 1
    return [round(first + i * step, 10) for i in range(n)]


def _tick_label(t: float) -> str:
    if t != 0 and (abs(t) < 1e-3 or abs(t) >= 1e5):
        e = math.floor(math.log10(abs(t)))
        if math.isclose(abs(t), 10.0**e):
            return f"10^{e}"
    return f"{t:g}"


@dataclass
class Table:
    """A "show the numbers" table: caption, column headers and columns of numbers/text."""

    caption: str
    headers: Sequence[str]
    columns: Sequence[Sequence[Any]]

    def rows(self) -> list[list]:
        n = {len(c) for c in self.columns}
        if len(n) != 1:
            raise ValueError("table columns must have equal lengths")
        return [list(r) for r in zip(*self.columns, strict=True)]


def _el(kind: str, panel: str, **kw) -> dict:
    out = {"k": kind, "p": panel}
    out.update({k: v for k, v in kw.items() if v is not None})
    return out


def line(panel, x, y, *, color, width=2.0, dash=None, legend=None, opacity=None):
    """A polyline through data points ``x``, ``y`` (arrays; pooled)."""
    return _el("line", panel, x=_Arr(x), y=_Arr(y), c=color, w=width, d=dash, lg=legend, o=opacity)


def marker(panel, x, y, *, color, r=6.0, stroke="#000000", legend=None, label=None):
    """A circle at data point (``x``, ``y``) with an optional text label beside it."""
    return _el("mark", panel, x=float(x), y=float(y), c=color, r=r, s=stroke, lg=legend, t=label)


def vline(panel, x, *, color, width=1.5, dash=None, label=None, legend=None, at=0.98):
    """A vertical line at data ``x`` across the panel; ``label`` written near its top
    (``at`` = fraction of the panel height, from the bottom)."""
    return _el("vl", panel, x=float(x), c=color, w=width, d=dash, t=label, lg=legend, at=at)


def hline(panel, y, *, color, width=1.5, dash=None, label=None, legend=None, at=0.02):
    """A horizontal line at data ``y``; ``label`` written above it at fraction ``at`` of
    the panel width (0 = left, 1 = right)."""
    return _el("hl", panel, y=float(y), c=color, w=width, d=dash, t=label, lg=legend, at=at)


def band(panel, x0, x1, *, color, opacity=0.15, label=None, legend=None, y0=None, y1=None):
    """A shaded region from data ``x0`` to ``x1`` (full height unless ``y0``/``y1``)."""
    return _el(
        "band",
        panel,
        x0=float(x0),
        x1=float(x1),
        y0=y0,
        y1=y1,
        c=color,
        o=opacity,
        t=label,
        lg=legend,
    )


def area(panel, x, y0, y1, *, color, opacity=0.3, legend=None):
    """A filled region between two curves ``y0`` and ``y1`` over data points ``x``
    (arrays; pooled), e.g. the range of an assumption."""
    return _el("area", panel, x=_Arr(x), y0=_Arr(y0), y1=_Arr(y1), c=color, o=opacity, lg=legend)


def rect(
    panel,
    x0,
    x1,
    y0,
    y1,
    *,
    fill,
    stroke=None,
    opacity=None,
    label=None,
    label_color=None,
    size=None,
):
    """A rectangle in data coordinates with an optional centred text label."""
    return _el(
        "rect",
        panel,
        x0=float(x0),
        x1=float(x1),
        y0=float(y0),
        y1=float(y1),
        c=fill,
        s=stroke,
        o=opacity,
        t=label,
        tc=label_color,
        fs=size,
    )


def text(panel, x, y, label, *, color="#111111", anchor="start", size=12, weight=None):
    """Text at data (``x``, ``y``); ``anchor`` is SVG's text-anchor."""
    return _el(
        "text", panel, x=float(x), y=float(y), t=str(label), c=color, a=anchor, fs=size, fw=weight
    )


class _Arr:
    """Marks an array argument to be stored in the pool."""

    __slots__ = ("values",)

    def __init__(self, values):
        arr = np.asarray(values, dtype=float).ravel()
        if not np.all(np.isfinite(arr)):
            raise ValueError("explorer arrays must be finite")
        self.values = tuple(sig4(v) for v in arr)
