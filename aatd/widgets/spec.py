"""The kernel-free face's description: :class:`StaticSpec` (controls, panels, states, JSON).

A spec collects native HTML controls, SVG panels, static elements and one *state* per
combination of the key controls' values (see :mod:`aatd.widgets.base` for a worked
example); :meth:`StaticSpec.to_json` gives the grid that :mod:`aatd.widgets.page` embeds
and ``explorer.js`` reads (keys: :data:`aatd.widgets.contract.SCHEMA`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .contract import key_value
from .svg import Axis, Table, _Arr

if TYPE_CHECKING:  # pragma: no cover
    from .explorer import TwoFacedExplorer


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

    def _choice(self, kind, name, label, options, *, value, key, enabled_if, help):
        # option values are written as state-key parts, so the page's value *is* the key
        opts = [[key_value(v), str(t)] for v, t in options]
        self._add(
            {
                "name": name,
                "label": label,
                "kind": kind,
                "options": opts,
                "value": key_value(value),
                "key": key,
                "en": enabled_if,
                "help": help,
            }
        )

    def select(self, name, label, options, *, value, key=True, enabled_if=None, help=None):
        """A ``<select>``; ``options`` is a list of (value, text)."""
        self._choice(
            "select", name, label, options, value=value, key=key, enabled_if=enabled_if, help=help
        )

    def radio(self, name, label, options, *, value, key=True, enabled_if=None, help=None):
        """A group of radio buttons in a ``<fieldset>`` with a visible ``<legend>``."""
        self._choice(
            "radio", name, label, options, value=value, key=key, enabled_if=enabled_if, help=help
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
            {"from": source, "to": target, "table": {key_value(k): v for k, v in table.items()}}
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
            if en and not all(
                key_value(values[k]) in [key_value(x) for x in v] for k, v in en.items()
            ):
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
