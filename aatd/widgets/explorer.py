"""The base explorer: :class:`TwoFacedExplorer` wires ipywidget controls to the model.

It builds the controls and the figure once, validates programmatic values, updates the
figure in place on every change, renders the PNG (:func:`aatd.widgets.png.encode_png`),
and gives both faces through ``_repr_mimebundle_``: the live widget and the kernel-free
page (:func:`aatd.widgets.page.render_static_html`). How a subclass plugs in:
:mod:`aatd.widgets.base`. Also :func:`preset_genotype`, the genotype check explorers share.
"""

from __future__ import annotations

import html
import itertools
import json
import math
from collections.abc import Sequence

import numpy as np

from .contract import compact_json
from .page import _table_html, render_static_html
from .png import encode_png
from .spec import StaticSpec
from .svg import Table


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
        return encode_png(canvas)

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
