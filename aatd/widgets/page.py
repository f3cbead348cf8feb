"""The static page: one kernel-free explorer as a self-contained HTML fragment.

:func:`render_static_html` writes the controls as native HTML (visible labels), an empty
SVG that ``explorer.js`` fills, the aria-live readout, the "show the numbers" tables, the
JSON grid (:func:`aatd.widgets.contract.compact_json`) and the inlined ``explorer.css`` and
``explorer.js``. Deterministic: the same setting gives byte-identical HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .contract import compact_json, key_value, sig4
from .svg import Table

if TYPE_CHECKING:  # pragma: no cover
    from .explorer import TwoFacedExplorer
    from .spec import StaticSpec


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
