"""The static-explorer contract, Python side: JSON rounding, the state-key formatter, the schema.

Python writes, ``explorer.js`` reads. This module owns the three things both sides must
agree on:

* :func:`compact_json`: deterministic compact JSON (numbers to 4 significant digits with
  :func:`sig4`, sorted keys, no whitespace, ``<``/``>``/``&`` escaped for ``<script>``);
* :func:`key_value`: how one control value is written in a state key. ``explorer.js``
  has the same function (``aatdKey``) and ``tests/test_widgets_contract.py`` checks in
  chromium that both give identical strings for awkward values (1e-7, 1e-6, 0.1 + 0.2, 1e21,
  −0.0, 12.5, …);
* :data:`SCHEMA`: what every short JSON key means (the grid is stored once per explorer
  in every page, so its keys stay short; this table is their documentation, repeated in
  ``CONTRIBUTING.md``).

The state-key formatter
-----------------------
A state key is the key controls' values joined with ``|`` (``-`` for a control disabled by
``enabled_if``). One value is written as:

* ``True``/``False`` (a checkbox): ``"1"``/``"0"``; ``None``: ``"-"``; text: itself;
* a number: an integer below 2⁵³ in magnitude as its digits; any other number rounded
  to 12 significant digits (ties away from zero, as JavaScript's
  ``toExponential`` does) and written as a plain decimal with no exponent and no trailing
  zeros; −0 is ``"0"``. So 1e-7 → ``"0.0000001"``, 0.1 + 0.2 → ``"0.3"``, 1e21 →
  ``"1000000000000000000000"``, 12.5 → ``"12.5"``. Twelve digits absorb the binary noise
  of a slider's ``min + n·step`` while keeping any step a person would choose.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

#: Significant digits of a number in a state key (``KEY_DIGITS`` in ``explorer.js``).
KEY_DIGITS = 12

#: Every key of the explorer JSON (:meth:`aatd.widgets.spec.StaticSpec.to_json`), by object.
SCHEMA: dict[str, dict[str, str]] = {
    "explorer": {
        "w": "width of the SVG viewBox (px)",
        "h": "height of the SVG viewBox (px)",
        "desc": "description of the figure for screen readers",
        "controls": "list of controls (see 'control')",
        "panels": "name -> panel (see 'panel')",
        "static": "elements drawn whatever the controls say (see 'element')",
        "states": "state key -> state (see 'state')",
        "links": "list of links: choosing one control's value moves another",
        "pool": "list of number arrays shared by elements (an element stores an index)",
        "keys": "names of the key controls, in state-key order",
        "views": "names of the view controls (choose among readout variants)",
    },
    "control": {
        "name": "control name (the Python keyword)",
        "label": "visible label",
        "kind": "select | radio | range | checkbox",
        "options": "select/radio: list of [value, text]",
        "value": "starting value",
        "min": "range: lowest value",
        "max": "range: highest value",
        "step": "range: grid step (the slider snaps to it)",
        "unit": "range: unit shown after the value",
        "key": "true: part of the state key; false: a view control",
        "en": "enabled only while control k has one of the listed values ({k: [values]})",
        "help": "help text (aria-describedby)",
    },
    "link": {
        "from": "control whose value is chosen",
        "to": "control that moves",
        "table": "value of 'from' -> new value of 'to'",
    },
    "panel": {
        "box": "[left, top, width, height] in viewBox px",
        "x": "x axis (see 'axis')",
        "y": "y axis (see 'axis')",
        "title": "panel title",
        "legend": "legend position, e.g. 'upper right'",
    },
    "axis": {
        "min": "data value at the start",
        "max": "data value at the end",
        "label": "axis label",
        "log": "logarithmic scale",
        "ticks": "tick values",
        "tl": "tick labels",
        "inv": "inverted (max at the start)",
        "grid": "draw grid lines",
        "fs": "tick-label font size (px)",
    },
    "state": {
        "e": "elements drawn in this state (see 'element')",
        "r": "readout text, or view-control values joined with '|' -> text",
        "t": "tables (see 'table')",
        "l": "aria-label of the figure in this state",
    },
    "table": {"cap": "caption", "h": "column headers", "c": "columns: pool index or texts"},
    "element": {
        "k": "kind: line | mark | vl | hl | band | area | rect | text",
        "p": "panel name",
        "x": "x value, or pool index of x values (line, area)",
        "y": "y value, or pool index of y values (line)",
        "x0": "left edge (band, rect)",
        "x1": "right edge (band, rect)",
        "y0": "bottom edge, or pool index of the lower curve (area)",
        "y1": "top edge, or pool index of the upper curve (area)",
        "c": "colour (stroke, or fill for band/area/rect)",
        "w": "line width",
        "d": "dash pattern (SVG stroke-dasharray)",
        "o": "opacity",
        "r": "marker radius",
        "s": "marker or rectangle stroke colour",
        "t": "text or label",
        "tc": "label colour (rect)",
        "a": "text anchor (start | middle | end)",
        "fs": "font size",
        "fw": "font weight",
        "at": "where a line's label sits, as a fraction of the panel",
        "lg": "legend entry",
    },
}


def sig4(x):
    """``x`` rounded to 4 significant digits (ints stay ints; floats that are integral
    become ints, so JSON shows ``1234`` not ``1234.0``). Non-finite values raise."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    xf = float(x)
    if not math.isfinite(xf):
        raise ValueError(f"cannot store a non-finite number in an explorer: {x!r}")
    if xf == 0.0:
        return 0
    r = float(f"{xf:.4g}")
    if r.is_integer() and abs(r) < 1e15:
        return int(r)
    return r


def _round_tree(obj):
    if isinstance(obj, Mapping):
        return {str(k): _round_tree(v) for k, v in obj.items()}
    if isinstance(obj, np.ndarray):
        return [_round_tree(v) for v in obj.tolist()]
    if isinstance(obj, (list, tuple)):
        return [_round_tree(v) for v in obj]
    if isinstance(obj, (float, int, np.floating, np.integer, bool, np.bool_)):
        return sig4(obj)
    if obj is None or isinstance(obj, str):
        return obj
    raise TypeError(f"cannot store {type(obj).__name__} in explorer JSON: {obj!r}")


def compact_json(obj) -> str:
    """Deterministic compact JSON: numbers to 4 significant digits, sorted keys, no
    spaces, safe inside an HTML ``<script>`` element (``<``, ``>`` and ``&`` escaped)."""
    text_ = json.dumps(
        _round_tree(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text_.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def key_number(value: float) -> str:
    """A number as it appears in a state key (see the module docstring).

    ``ValueError`` for NaN or infinity (a grid holds finite numbers only).
    """
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"a state key holds finite numbers only, got {value!r}")
    if x == 0.0:
        return "0"
    if x.is_integer() and abs(x) < 2.0**53:
        return str(int(x))
    exact = Decimal(x)  # the double's exact decimal value
    rounded = exact.quantize(
        Decimal(1).scaleb(exact.adjusted() - (KEY_DIGITS - 1)), rounding=ROUND_HALF_UP
    )
    text_ = format(rounded, "f")
    if "." in text_:
        text_ = text_.rstrip("0").rstrip(".")
    return "0" if text_ in ("-0", "") else text_


def key_value(value) -> str:
    """How a control value appears in a state key; ``aatdKey`` in ``explorer.js`` is the
    same function (checkbox: ``"1"``/``"0"``; number: :func:`key_number`; text: itself)."""
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return key_number(value)
    if value is None:
        return "-"
    return str(value)
