"""Per-chapter instructor pages (book/instructors/<chapter-stem>.md) and their generated maps.

Chapters come from ``_toc.yml``'s "Chapters" part and banks from ``aatd.quiz``'s loader, so a
new chapter is covered with no change here.
"""

from __future__ import annotations

import html as html_lib
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import toc_part

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import teaching  # noqa: E402

CHAPTERS = [p.removeprefix("notebooks/") for p in toc_part("Chapters")]
SECTIONS = (
    "## Lesson plan (50 minutes)",
    "## Model answers to the guide's discussion prompts",
    "## Misconception map",
    "## How the quiz and exercises probe them",
)
PLAN_PARTS = ("**Goals**", "**Prior knowledge:**", "| Minutes |", "expected student answers")


@pytest.mark.parametrize("stem", CHAPTERS)
def test_each_chapter_has_an_instructor_page_with_its_sections(stem):
    page = ROOT / "book" / "instructors" / f"{stem}.md"
    assert page.is_file(), f"chapter {stem} has no instructor page {page.relative_to(ROOT)}"
    text = page.read_text(encoding="utf-8")
    positions = [text.find(s) for s in SECTIONS]
    assert -1 not in positions, f"{page.name} lacks {SECTIONS[positions.index(-1)]!r}"
    assert positions == sorted(positions), f"{page.name}: sections out of order"
    for part in PLAN_PARTS:
        assert part in text, f"{page.name}: the lesson plan lacks {part!r}"
    assert f"```{{misconception-map}} {stem}\n```" in text
    assert f"../../notebooks/{stem}.ipynb" in text, "the page links its chapter"


def test_instructor_pages_are_in_the_instructor_part_only():
    pages = {f"book/instructors/{s}" for s in CHAPTERS}
    assert pages <= set(toc_part("For instructors"))
    student = yaml.safe_load((ROOT / "_toc-student.yml").read_text())
    listed = {c["file"] for part in student["parts"] for c in part["chapters"]}
    assert not pages & listed, "per-chapter instructor pages must stay out of the student toc"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_the_map_lists_every_distractor(stem):
    bank = teaching.chapter_bank(stem)
    wrong_options = sum(1 for q in bank.questions for o in q.options if not o.correct)
    mistakes = sum(len(q.common_mistakes) for q in bank.questions)
    items = teaching.quiz_distractors(stem)
    assert wrong_options > 0, "positive control: every bank has distractors"
    assert len(items) == wrong_options + mistakes
    assert all(d.misconception and d.feedback for d in items)


def test_exercise_slips_come_from_the_registry():
    from aatd.checks import EXERCISES

    items = teaching.exercise_distractors("04-elastase-vs-antitrypsin")
    expected = sum(len(ex.wrong) for i, ex in EXERCISES.items() if i.startswith("ex-04-"))
    assert expected > 0 and len(items) == expected
    assert not teaching.exercise_distractors("99-no-such-chapter")


def _plain(text: str) -> str:
    """Whitespace collapsed and Sphinx's smart quotes and dashes made plain."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "--"), ("—", "---")):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("stem", CHAPTERS)
def test_built_page_shows_every_distractor(built_book, stem):
    page = built_book / "book" / "instructors" / f"{stem}.html"
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    text = _plain(text)
    missing = []
    for d in teaching.quiz_distractors(stem) + teaching.exercise_distractors(stem):
        for piece in (d.answer, d.misconception, d.feedback):
            if _plain(piece).strip() not in text:
                missing.append(piece[:70])
    assert not missing, f"{stem}: the built map lacks {missing[:3]}"
