"""Two faces for every explorer: a live ipywidget in Jupyter, a kernel-free page in the book.

An explorer is one Python object. In a Jupyter kernel it displays as an ipywidget whose
figure is *updated in place* (``set_data`` on existing artists, then one PNG render); in
the built HTML book it displays as a small self-contained HTML explorer: the same package
precomputes the model on a grid of every control value when the notebook runs, stores it
as compact deterministic JSON, and one small inline script looks the numbers up and draws
them as SVG. The script contains no model: it only maps precomputed numbers to pixels.
Both faces come out of :meth:`TwoFacedExplorer._repr_mimebundle_` (widget view +
``text/plain`` + ``text/html``); ``_config.yml`` makes the HTML builder prefer
``text/html`` and ``nb_ipywidgets_js: {}`` keeps CDN widget scripts out of the book.

How a subclass plugs in
-----------------------
::

    class PunnettExplorer(TwoFacedExplorer):
        slug = "punnett"                      # CSS hook and element-id prefix
        title = "Punnett square explorer"     # heading of both faces

        def _make_controls(self):             # name -> ipywidget, in display order;
            return {"parent_a": Dropdown(options=..., value="MZ", description="Parent A")}

        def _check(self, name, value):        # programmatic value -> canonical or ValueError
            ...                               # (default: options / slider range / bool)

        def _make_figure(self):               # build ONCE, keep handles to the artists
            fig, ax = new_figure(...); self._bars = ax.bar(...); return fig

        def _update_figure(self, state):      # state = {control name: value}; move artists
            ...                               # in place (set_data, set_height, set_text)

        def _readout(self, state) -> str:     # one or two sentences for the aria-live region
        def _tables(self, state) -> list[Table]   # "show the numbers" (caption, headers, rows)

        def _static_spec(self) -> StaticSpec: # the kernel-free face (see StaticSpec)

    Optional hooks: ``_after_set(name, value)`` (one control moves another, e.g. genotype
    → typical serum level), ``_animated_artists()`` (the artists that change: the rest of
    the figure is rendered once and cached, and a redraw paints only these, which makes a
    PNG about 3× faster), ``_static_state()`` (the current setting snapped to the static
    grid, e.g. 32.6 µM → 33 µM), and the class attribute ``notice`` (a sentence under the
    title in both faces, e.g. "an illustrative model person, not a prognosis").

The base class then provides ``.controls``, ``.figure``, ``.widget`` (title, labelled
controls, PNG image, aria-live readout, "show the numbers"), ``.state()``, ``.set(**values)``
(validated; one redraw), ``.png()``, ``.static_html()`` and ``_repr_mimebundle_``. Every
control change (by a user or by ``set``) calls ``_update_figure`` and re-renders the PNG.

The kernel-free face (:class:`StaticSpec`)
------------------------------------------
A spec holds native HTML controls (``select`` / ``range`` / ``checkbox`` / ``radio``, each
with a visible ``<label>``/``<legend>``), SVG *panels* (a data→pixel box with axes, ticks and
a legend), *static* elements drawn once, and one *state* per combination of the key
controls' values::

    spec = StaticSpec(self, width=760, height=520)
    spec.select("parent_a", "Parent A", [("MM", "MM"), ("MZ", "MZ")], value="MZ")
    p = spec.panel("square", box=(60, 20, 300, 300), x=Axis(0, 2), y=Axis(0, 2, invert=True))
    for a in ...:
        for b in ...:
            spec.state({"parent_a": a, "parent_b": b},
                       elements=[rect(p, 0, 1, 0, 1, fill="#E69F00", label="MZ 25%"), ...],
                       readout="...", tables=[Table(...)])
    return spec

Element helpers (module functions): :func:`line`, :func:`marker`, :func:`vline`,
:func:`hline`, :func:`band`, :func:`area`, :func:`rect`, :func:`text`. Arrays passed to
them go into a de-duplicated pool, so many states can share one curve. Numbers are rounded to 4
significant digits (:func:`sig4`); the JSON has sorted keys and no whitespace, so the same
explorer always gives byte-identical HTML (strict nbval compares ``text/html``). Element
ids derive from ``slug``, a hash of the spec and a per-process instance counter (no
randomness). ``spec.link("genotype", "aat_uM", {"MM": 36, ...})`` makes choosing a value of
one control move another (a looked-up number, not a computation). ``enabled_if`` on a
control disables it (and puts ``"-"`` in the state key) unless another control has one of the
listed values. Controls with ``key=False`` are *view* controls: they select among readout
variants (``readout={"uM": "...", "mg_dl": "..."}``) instead of states.

Grid resolution is the subclass's job; controls snap to it because range inputs carry the
grid's ``step`` and selects offer only grid values.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

__all__ = [
    "Axis",
    "StaticSpec",
    "Table",
    "TwoFacedExplorer",
    "area",
    "band",
    "compact_json",
    "hline",
    "line",
    "marker",
    "rect",
    "sig4",
    "text",
    "vline",
]

# ----------------------------------------------------------------------------- numbers


def preset_genotype(value, presets: Sequence[str]) -> str:
    """Parse ``value`` as a genotype and check that it is one of an explorer's presets."""
    from .. import genetics

    g = genetics.parse_genotype(value)
    if g not in presets:
        raise ValueError(
            f"genotype {value!r} is not a preset of this explorer; choose one of "
            f"{', '.join(presets)}"
        )
    return g


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


def key_value(value) -> str:
    """How a control value appears in a state key; the inline script does the same
    (range: ``String(Number(v))``; checkbox: ``"1"``/``"0"``; select/radio: the value)."""
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (int, float, np.integer, np.floating)):
        v = float(value)
        if v.is_integer():
            return str(int(v))
        return repr(round(v, 10))
    if value is None:
        return "-"
    return str(value)


# ----------------------------------------------------------------------------- static spec


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


class StaticSpec:
    """Everything the kernel-free face needs; see the module docstring."""

    def __init__(
        self,
        explorer: TwoFacedExplorer,
        *,
        width: int = 760,
        height: int = 480,
        description: str = "",
    ):
        self.explorer = explorer
        self.width = int(width)
        self.height = int(height)
        self.description = description
        self.controls: list[dict] = []
        self.panels: dict[str, dict] = {}
        self.static: list[dict] = []
        self.states: dict[str, dict] = {}
        self.links: list[dict] = []
        self._pool: list[tuple] = []
        self._pool_index: dict[tuple, int] = {}

    # -- controls
    def _add(self, ctl: dict):
        if any(c["name"] == ctl["name"] for c in self.controls):
            raise ValueError(f"duplicate control {ctl['name']!r}")
        self.controls.append({k: v for k, v in ctl.items() if v is not None})

    def select(self, name, label, options, *, value, key=True, enabled_if=None, help=None):
        """A ``<select>``; ``options`` is a list of (value, text)."""
        opts = [[str(v), str(t)] for v, t in options]
        self._add(
            {
                "name": name,
                "label": label,
                "kind": "select",
                "options": opts,
                "value": str(value),
                "key": key,
                "en": enabled_if,
                "help": help,
            }
        )

    def radio(self, name, label, options, *, value, key=True, enabled_if=None, help=None):
        """A group of radio buttons in a ``<fieldset>`` with a visible ``<legend>``."""
        opts = [[str(v), str(t)] for v, t in options]
        self._add(
            {
                "name": name,
                "label": label,
                "kind": "radio",
                "options": opts,
                "value": str(value),
                "key": key,
                "en": enabled_if,
                "help": help,
            }
        )

    def range(
        self, name, label, *, min, max, step, value, unit="", key=True, enabled_if=None, help=None
    ):
        """An ``<input type=range>`` snapping to ``step`` with a live ``<output>``."""
        self._add(
            {
                "name": name,
                "label": label,
                "kind": "range",
                "min": min,
                "max": max,
                "step": step,
                "value": value,
                "unit": unit,
                "key": key,
                "en": enabled_if,
                "help": help,
            }
        )

    def checkbox(self, name, label, *, value=False, key=True, enabled_if=None, help=None):
        """An ``<input type=checkbox>``."""
        self._add(
            {
                "name": name,
                "label": label,
                "kind": "checkbox",
                "value": bool(value),
                "key": key,
                "en": enabled_if,
                "help": help,
            }
        )

    def link(self, source, target, table: Mapping[str, float]):
        """Choosing value ``v`` of control ``source`` moves control ``target`` to
        ``table[v]`` (precomputed)."""
        self.links.append(
            {"from": source, "to": target, "table": {str(k): v for k, v in table.items()}}
        )

    # -- drawing
    def panel(self, name, *, box, x: Axis, y: Axis, title="", legend="upper right"):
        """An SVG plotting box ``box`` = (left, top, width, height) in viewBox pixels."""
        self.panels[name] = {
            "box": list(box),
            "x": x.to_json(),
            "y": y.to_json(),
            "title": title,
            "legend": legend,
        }
        return name

    def add_static(self, *elements):
        """Elements drawn once, whatever the controls say."""
        self.static.extend(self._pool_elements(elements))

    def key_names(self) -> list[str]:
        return [c["name"] for c in self.controls if c.get("key", True)]

    def view_names(self) -> list[str]:
        return [c["name"] for c in self.controls if not c.get("key", True)]

    def state_key(self, values: Mapping[str, Any]) -> str:
        """The key of one state: key-control values joined with ``|`` (``-`` when a control
        is disabled by ``enabled_if``)."""
        parts = []
        for c in self.controls:
            if not c.get("key", True):
                continue
            en = c.get("en")
            if en and not all(key_value(values[k]) in [str(x) for x in v] for k, v in en.items()):
                parts.append("-")
            else:
                parts.append(key_value(values[c["name"]]))
        return "|".join(parts)

    def state(
        self,
        values: Mapping[str, Any],
        *,
        elements: Iterable[dict],
        readout,
        tables: Sequence[Table] = (),
        label: str = "",
    ):
        """Register the drawing for one combination of key-control values.

        ``readout`` is a string, or a dict from view-control values (joined with ``|``) to
        strings. ``label`` describes the figure for screen readers (``aria-label``).
        """
        key = self.state_key(values)
        if key in self.states:
            raise ValueError(f"state {key!r} given twice")
        tabs = []
        for t in tables:
            cols = [
                self._pool_add(_Arr(c)) if _numeric(c) else [str(v) for v in c] for c in t.columns
            ]
            t.rows()  # checks lengths
            tabs.append({"cap": t.caption, "h": list(t.headers), "c": cols})
        self.states[key] = {"e": self._pool_elements(elements), "r": readout, "t": tabs, "l": label}

    def _pool_add(self, arr: _Arr) -> int:
        idx = self._pool_index.get(arr.values)
        if idx is None:
            idx = len(self._pool)
            self._pool.append(arr.values)
            self._pool_index[arr.values] = idx
        return idx

    def _pool_elements(self, elements) -> list[dict]:
        out = []
        for el in elements:
            if el["p"] not in self.panels:
                raise ValueError(f"element refers to unknown panel {el['p']!r}")
            el = dict(el)
            for k, v in list(el.items()):
                if isinstance(v, _Arr):
                    el[k] = self._pool_add(v)
            out.append(el)
        return out

    def to_json(self) -> dict:
        return {
            "w": self.width,
            "h": self.height,
            "desc": self.description,
            "controls": self.controls,
            "panels": self.panels,
            "static": self.static,
            "states": self.states,
            "links": self.links,
            "pool": self._pool,
            "keys": self.key_names(),
            "views": self.view_names(),
        }


def _numeric(col) -> bool:
    try:
        np.asarray(col, dtype=float)
        return not any(isinstance(v, str) for v in col)
    except (TypeError, ValueError):
        return False


# ----------------------------------------------------------------------------- the HTML face


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _fmt_cell(v) -> str:
    if isinstance(v, str):
        return v
    s = sig4(v)
    return str(s)


def _control_html(uid: str, c: dict, initial: Mapping[str, Any]) -> str:
    e = html.escape
    cid = f"{uid}-c-{c['name']}"
    hid = f"{cid}-help"
    help_attr = f' aria-describedby="{hid}"' if c.get("help") else ""
    help_html = f'<span class="aatd-help" id="{hid}">{e(c["help"])}</span>' if c.get("help") else ""
    val = initial.get(c["name"], c["value"])
    kind = c["kind"]
    if kind == "select":
        opts = "".join(
            f'<option value="{e(v)}"{" selected" if v == key_value(val) else ""}>{e(t)}</option>'
            for v, t in c["options"]
        )
        return (
            f'<div class="aatd-ctl"><label for="{cid}">{e(c["label"])}</label>'
            f'<select id="{cid}" data-name="{e(c["name"])}"{help_attr}>{opts}</select>'
            f"{help_html}</div>"
        )
    if kind == "radio":
        items = []
        for i, (v, t) in enumerate(c["options"]):
            rid = f"{cid}-{i}"
            chk = " checked" if v == key_value(val) else ""
            items.append(
                f'<span class="aatd-radio"><input type="radio" id="{rid}" '
                f'name="{cid}" value="{e(v)}" data-name="{e(c["name"])}"{chk}>'
                f'<label for="{rid}">{e(t)}</label></span>'
            )
        return (
            f'<fieldset class="aatd-ctl" id="{cid}"{help_attr}><legend>{e(c["label"])}'
            f"</legend>{''.join(items)}{help_html}</fieldset>"
        )
    if kind == "range":
        unit = f" {c['unit']}" if c.get("unit") else ""
        return (
            f'<div class="aatd-ctl"><label for="{cid}">{e(c["label"])}</label>'
            f'<input type="range" id="{cid}" data-name="{e(c["name"])}" '
            f'min="{key_value(c["min"])}" max="{key_value(c["max"])}" '
            f'step="{key_value(c["step"])}" value="{key_value(val)}"{help_attr}>'
            f'<output for="{cid}" data-unit="{e(unit)}">{e(key_value(val))}{e(unit)}'
            f"</output>{help_html}</div>"
        )
    if kind == "checkbox":
        chk = " checked" if val else ""
        return (
            f'<div class="aatd-ctl aatd-check"><input type="checkbox" id="{cid}" '
            f'data-name="{e(c["name"])}"{chk}{help_attr}>'
            f'<label for="{cid}">{e(c["label"])}</label>{help_html}</div>'
        )
    raise ValueError(f"unknown control kind {kind!r}")


def _table_html(t: Table) -> str:
    e = html.escape
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in t.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(_fmt_cell(v))}</td>" for v in r) + "</tr>" for r in t.rows()
    )
    return (
        f"<table><caption>{e(t.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _readout_for(readout, view_values: Sequence[str]) -> str:
    if isinstance(readout, str):
        return readout
    return readout["|".join(view_values)]


def render_static_html(explorer: TwoFacedExplorer, spec: StaticSpec) -> str:
    """The kernel-free explorer as one HTML fragment (controls, SVG, readout, numbers)."""
    data = spec.to_json()
    payload = compact_json(data)
    digest = hashlib.sha1(payload.encode("utf-8")).hexdigest()[:8]
    uid = f"aatd-{explorer.slug}-{digest}-{explorer._instance_number}"
    initial = explorer._static_state()
    key = spec.state_key(initial)
    if key not in spec.states:
        raise ValueError(f"the current setting {key!r} is not on the explorer's grid")
    st = spec.states[key]
    views = [key_value(initial[n]) for n in spec.view_names()]
    readout = _readout_for(st["r"], views)
    e = html.escape
    controls = "".join(_control_html(uid, c, initial) for c in spec.controls)
    tables = "".join(
        _table_html(
            Table(t["cap"], t["h"], [spec._pool[c] if isinstance(c, int) else c for c in t["c"]])
        )
        for t in st["t"]
    )
    css = _asset("explorer.css")
    js = _asset("explorer.js")
    return (
        f'<div class="aatd-explorer aatd-{e(explorer.slug)}" id="{uid}" '
        f'data-aatd-explorer="{e(explorer.slug)}">'
        f"<style>{css}</style>"
        f'<p class="aatd-title" id="{uid}-title"><strong>{e(explorer.title)}</strong>'
        f' <span class="aatd-face">(interactive: works in this page, no Python needed)</span></p>'
        + (f'<p class="aatd-notice"><em>{e(explorer.notice)}</em></p>' if explorer.notice else "")
        + f'<form class="aatd-controls" aria-labelledby="{uid}-title" '
        f'onsubmit="return false">{controls}</form>'
        f'<div class="aatd-figure"><svg role="img" aria-labelledby="{uid}-svgtitle" '
        f'viewBox="0 0 {spec.width} {spec.height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-svgtitle">{e(st.get("l") or spec.description)}</title></svg>'
        f"<noscript><p>This explorer draws its figure with JavaScript. The numbers for the "
        f"starting setting are in the table below.</p></noscript></div>"
        f'<p class="aatd-readout" id="{uid}-readout" aria-live="polite" role="status">'
        f"{e(readout)}</p>"
        f'<details class="aatd-numbers"><summary>Show the numbers</summary>'
        f'<div class="aatd-tables" tabindex="0" role="region" aria-label="The numbers">'
        f"{tables}</div></details>"
        f'<script type="application/json" class="aatd-data">{payload}</script>'
        f"<script>{js}\naatdExplorerInit({json.dumps(uid)});</script>"
        f"</div>"
    )


# ----------------------------------------------------------------------------- the base class


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _encode_png(canvas) -> bytes:
    """The Agg canvas as an RGB PNG: no row filters and zlib level 1, about twice as fast
    as Pillow's adaptive filtering for these mostly white figures, at a similar size."""
    w, h = canvas.get_width_height(physical=True)
    rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
    raw = np.zeros((h, w * 3 + 1), dtype=np.uint8)  # first byte of each row: filter 0
    raw[:, 1:] = rgb.reshape(h, w * 3)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + _png_chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))
        + _png_chunk(b"IEND", b"")
    )


class TwoFacedExplorer:
    """Base class of every explorer: see the module docstring for how to plug in."""

    slug = "explorer"
    title = "Explorer"
    #: An optional sentence shown under the title in both faces (e.g. "not a prognosis").
    notice = ""
    #: Size of the live PNG (inches at ``dpi``).
    dpi = 100
    _counter = itertools.count(1)

    def __init__(self, **values):
        self._instance_number = next(TwoFacedExplorer._counter)
        self._batch = False
        self.controls = dict(self._make_controls())
        for name, w in self.controls.items():
            if not getattr(w, "description", None):
                raise TypeError(f"control {name!r} needs a visible label (description)")
            w.style = {"description_width": "initial"}
        self.figure = self._make_figure()
        self._build_widget()
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        # set() redraws once; with no values the first draw is refresh()'s
        if values:
            self.set(**values)
        else:
            self.refresh()

    # -- hooks (subclasses override)
    def _make_controls(self) -> dict:
        raise NotImplementedError

    def _make_figure(self):
        raise NotImplementedError

    def _update_figure(self, state: dict) -> None:
        raise NotImplementedError

    def _readout(self, state: dict) -> str:
        raise NotImplementedError

    def _tables(self, state: dict) -> list[Table]:
        return []

    def _static_spec(self) -> StaticSpec:
        raise NotImplementedError

    def _static_state(self) -> dict:
        """The current setting snapped to the kernel-free grid (default: unchanged)."""
        return self.state()

    def _after_set(self, name: str, value) -> None:
        """Called after control ``name`` changed (e.g. genotype moves the AAT slider)."""

    def _check(self, name: str, value):
        """Validate a programmatic value for control ``name``; return the canonical value.

        Default rules from the widget: options for selections, the slider's range for
        sliders (ValueError outside it: programmatic values are refused, not clamped),
        True/False for checkboxes. Subclasses add domain checks (genotype codes, ages).
        """
        import ipywidgets as W

        if name not in self.controls:
            raise ValueError(f"unknown control {name!r}; controls: {', '.join(self.controls)}")
        w = self.controls[name]
        if isinstance(w, (W.Checkbox, W.ToggleButton)):
            if not isinstance(value, (bool, np.bool_)):
                raise ValueError(f"{name} must be True or False, got {value!r}")
            return bool(value)
        if isinstance(w, (W.FloatSlider, W.IntSlider, W.BoundedFloatText, W.BoundedIntText)):
            if isinstance(value, (bool, np.bool_)) or not isinstance(
                value, (int, float, np.integer, np.floating)
            ):
                raise ValueError(f"{name} must be a number, got {value!r}")
            v = float(value)
            if not math.isfinite(v) or not w.min <= v <= w.max:
                raise ValueError(
                    f"{name} must be a finite number from {w.min:g} to {w.max:g}, got {value!r}"
                )
            return round(v) if isinstance(w, (W.IntSlider, W.BoundedIntText)) else v
        if hasattr(w, "options"):
            allowed = [o[1] if isinstance(o, tuple) else o for o in w.options]
            if value not in allowed:
                raise ValueError(
                    f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}"
                )
            return value
        return value

    # -- state and updates
    def state(self) -> dict:
        """Current control values: ``{name: value}``."""
        return {name: w.value for name, w in self.controls.items()}

    def set(self, **values) -> TwoFacedExplorer:
        """Set controls programmatically: every value is checked first (``ValueError``,
        nothing changes), then all are applied and the figure is redrawn once."""
        checked = {name: self._check(name, v) for name, v in values.items()}
        self._batch = True
        try:
            for name, v in checked.items():
                self.controls[name].value = v
                self._after_set(name, v)
            # explicit values win over what _after_set moved
            for name, v in checked.items():
                self.controls[name].value = v
        finally:
            self._batch = False
        self.refresh()
        return self

    def _on_change(self, change) -> None:
        if self._batch:
            return
        name = next(n for n, w in self.controls.items() if w is change["owner"])
        self._batch = True
        try:
            self._after_set(name, change["new"])
        finally:
            self._batch = False
        self.refresh()

    def refresh(self) -> None:
        """Redraw the live face from the current controls (figure in place, then PNG)."""
        st = self.state()
        self._update_figure(st)
        self._image.value = self.png()
        self._readout_widget.value = (
            f'<div aria-live="polite" role="status" class="aatd-readout">'
            f"{html.escape(self._readout(st))}</div>"
        )
        self._numbers_widget.value = (
            "<details><summary>Show the numbers</summary>"
            + "".join(_table_html(t) for t in self._tables(st))
            + "</details>"
        )

    def _animated_artists(self) -> list:
        """Artists that change with the controls (hook). When given, the static rest of
        the figure is rendered once and cached, and a redraw paints only these on top of
        it (blitting). Default: none, so every redraw renders the whole figure."""
        return []

    def png(self) -> bytes:
        """The current figure as PNG bytes (deterministic: same setting, same bytes)."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = self.figure
        if not isinstance(fig.canvas, FigureCanvasAgg):
            FigureCanvasAgg(fig)
        canvas = fig.canvas
        fig.set_dpi(self.dpi)
        artists = [a for a in self._animated_artists() if a is not None]
        if not artists:
            canvas.draw()
        else:
            if getattr(self, "_background", None) is None:
                shown = [a.get_visible() for a in artists]
                for a in artists:
                    a.set_visible(False)
                canvas.draw()
                self._background = canvas.copy_from_bbox(fig.bbox)
                for a, vis in zip(artists, shown, strict=True):
                    a.set_visible(vis)
            else:
                canvas.restore_region(self._background)
            for a in artists:
                if a.get_visible():
                    fig.draw_artist(a)
        return _encode_png(canvas)

    def _build_widget(self) -> None:
        import ipywidgets as W

        title = W.HTML(
            f"<strong>{html.escape(self.title)}</strong>"
            + (f"<br><em>{html.escape(self.notice)}</em>" if self.notice else "")
        )
        self._image = W.Image(format="png", layout=W.Layout(max_width="100%"))
        self._readout_widget = W.HTML()
        self._numbers_widget = W.HTML()
        box = W.Box(
            list(self.controls.values()), layout=W.Layout(display="flex", flex_flow="row wrap")
        )
        self.widget = W.VBox([title, box, self._image, self._readout_widget, self._numbers_widget])

    # -- the kernel-free face
    def static_html(self) -> str:
        """The kernel-free explorer (HTML + inline SVG script + JSON grid), starting at
        the current setting. Deterministic for the same setting."""
        return render_static_html(self, self._cached_spec())

    def _cached_spec(self) -> StaticSpec:
        if getattr(self, "_spec", None) is None:
            self._spec = self._static_spec()
        return self._spec

    def static_data(self) -> dict:
        """The JSON-ready grid behind :meth:`static_html` (for tests and inspection)."""
        return json.loads(compact_json(self._cached_spec().to_json()))

    # -- display
    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.state().items())
        return f"{type(self).__name__}({args})"

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = dict(self.widget._repr_mimebundle_() or {})
        data["text/plain"] = repr(self)
        data["text/html"] = self.static_html()
        return data
