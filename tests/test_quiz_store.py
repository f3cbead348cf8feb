"""What the quiz remembers in the browser is keyed by content, never by position."""

from __future__ import annotations

import dataclasses
import json
import re

from conftest import ROOT

from aatd.quiz import load_bank
from aatd.quiz.render import render_html

BANK = ROOT / "aatd" / "quiz" / "banks" / "02-genes-and-inheritance.quiz.yml"


def _data(bank) -> dict:
    html = render_html(bank)
    blob = re.search(r'<script type="application/json" class="aatd-quiz-data">(.*?)</script>', html)
    return json.loads(blob.group(1))


def test_option_keys_follow_the_text_not_the_position():
    bank = load_bank(BANK)
    q = next(q for q in bank.questions if q.type == "single")
    keys = [o["key"] for o in _data(bank)["questions"][q.id]["options"]]
    assert len(set(keys)) == len(keys)
    flipped = dataclasses.replace(q, options=tuple(reversed(q.options)))
    other = dataclasses.replace(
        bank, questions=tuple(flipped if x.id == q.id else x for x in bank.questions)
    )
    flipped_keys = [o["key"] for o in _data(other)["questions"][q.id]["options"]]
    assert flipped_keys == list(reversed(keys))


def test_the_bank_version_changes_with_its_content():
    bank = load_bank(BANK)
    version = _data(bank)["version"]
    assert version == _data(load_bank(BANK))["version"]  # deterministic
    q = bank.questions[0]
    edited = dataclasses.replace(q, section=q.section)  # same content: same version
    same = dataclasses.replace(bank, questions=(edited, *bank.questions[1:]))
    assert _data(same)["version"] == version
    changed = dataclasses.replace(q, prompt=q.prompt + " (edited)")
    other = dataclasses.replace(bank, questions=(changed, *bank.questions[1:]))
    assert _data(other)["version"] != version  # a reworded question forgets old answers
    if q.options:
        o = q.options[0]
        q2 = dataclasses.replace(
            q, options=(dataclasses.replace(o, text=o.text + "!"), *q.options[1:])
        )
        other = dataclasses.replace(bank, questions=(q2, *bank.questions[1:]))
        assert _data(other)["version"] != version


def test_the_store_script_and_the_clear_control_ship_with_every_quiz():
    html = render_html(load_bank(BANK))
    assert "window.aatdStore = window.aatdStore ||" in html
    assert 'class="aatd-quiz-clear"' in html and "Clear my answers" in html
    assert "this browser only" in html
    assert "AATD_ROOT_ID" not in html
