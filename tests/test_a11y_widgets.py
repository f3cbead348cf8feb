"""Every explorer control has a name a screen reader announces, and every readout is a live
region, in both faces (issue 17). Checked at the ipywidgets level (descriptions, the readout's
HTML) and in the kernel-free HTML; the same check inside a real JupyterLab belongs to the
``jupyterlab`` fixture's tests."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from aatd import widgets

EXPLORERS = [widgets.ElastaseExplorer, widgets.LungExplorer, widgets.PunnettExplorer]


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda c: c.__name__)
def test_live_controls_have_names_and_the_readout_is_live(cls):
    ex = cls()
    assert ex.controls, f"{cls.__name__} has no controls"
    for name, control in ex.controls.items():
        label = (getattr(control, "description", "") or "").strip()
        assert len(label) >= 3, f"{cls.__name__}.controls[{name!r}] has no description"
    readout = ex._readout_widget.value
    assert 'aria-live="polite"' in readout and 'role="status"' in readout, readout
    text = readout.split(">", 1)[1].rsplit("<", 1)[0].strip()
    assert len(text) > 10, f"the live readout says nothing: {readout!r}"


class _Controls(HTMLParser):
    """Form controls of an HTML fragment, with what names them."""

    def __init__(self):
        super().__init__()
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.live = 0
        self._in_label = 0
        self._fieldset_legend = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label":
            self._in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append({**a, "_tag": tag, "_wrapped": self._in_label > 0})
        if a.get("aria-live") == "polite":
            self.live += 1

    def handle_endtag(self, tag):
        if tag == "label":
            self._in_label -= 1


def named(c: dict, label_for: set[str]) -> bool:
    return bool(
        c.get("aria-label") or c.get("aria-labelledby") or c["_wrapped"] or c.get("id") in label_for
    )


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda c: c.__name__)
def test_static_controls_are_labelled_and_the_readout_is_live(cls):
    p = _Controls()
    p.feed(cls().static_html())
    assert p.controls, "no controls in the kernel-free face"
    unnamed = [c for c in p.controls if not named(c, p.label_for)]
    assert not unnamed, unnamed
    assert p.live >= 1, "no aria-live readout"


def test_label_check_positive_control():
    p = _Controls()
    p.feed('<input id="a"><label for="b">B</label><input id="b"><select aria-label="c"></select>')
    assert [named(c, p.label_for) for c in p.controls] == [False, True, True]
