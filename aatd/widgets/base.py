"""Two faces for every explorer: the public API of the explorer modules, in one import.

This module re-exports the names explorers use; the code lives in modules with one job
each: :mod:`.contract` (JSON rounding, the state-key formatter, the schema), :mod:`.svg`
(axes, tables, drawing elements), :mod:`.spec` (:class:`StaticSpec`), :mod:`.page` (the
kernel-free HTML), :mod:`.png` (the live PNG) and :mod:`.explorer`
(:class:`TwoFacedExplorer`). Each explorer has its own module (``elastase``, ``lung``,
``punnett``).


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

from .contract import SCHEMA, _round_tree, compact_json, key_number, key_value, sig4
from .explorer import TwoFacedExplorer, preset_genotype
from .page import (
    _asset,
    _control_html,
    _fmt_cell,
    _readout_for,
    _table_html,
    render_static_html,
)
from .png import encode_png
from .spec import StaticSpec, _numeric
from .svg import (
    Axis,
    Table,
    _Arr,
    _el,
    _nice_ticks,
    _tick_label,
    area,
    band,
    hline,
    line,
    marker,
    rect,
    text,
    vline,
)

__all__ = [
    "SCHEMA",
    "Axis",
    "StaticSpec",
    "Table",
    "TwoFacedExplorer",
    "area",
    "band",
    "compact_json",
    "encode_png",
    "hline",
    "key_number",
    "key_value",
    "line",
    "marker",
    "preset_genotype",
    "rect",
    "render_static_html",
    "sig4",
    "text",
    "vline",
]
# Private helpers stay importable from here for code written against the one-file base.
_PRIVATE = (_round_tree, _asset, _control_html, _fmt_cell, _readout_for, _table_html)
_PRIVATE += (_numeric, _Arr, _el, _nice_ticks, _tick_label)
