"""Every registered computed name is used by some quiz bank or check cell, and vice versa."""

from __future__ import annotations

import re
from pathlib import Path

from aatd.quiz import computed

ROOT = Path(__file__).resolve().parents[1]
#: Where banks live now and where they are moving (package data).
BANK_GLOBS = ("notebooks/*.quiz.yml", "aatd/quiz/banks/*.quiz.yml")
#: Check cells name a computed value as "computed:<name>" in notebooks or in aatd.checks.
CHECK_GLOBS = ("notebooks/*.ipynb", "aatd/checks/**/*.py")

_BANK_USE = re.compile(r"\b(?:answer_from|correct_when):\s*['\"]?([A-Za-z0-9_-]+)")
_CHECK_USE = re.compile(r"computed:([A-Za-z0-9_-]+)")


def used_names(root: Path = ROOT) -> set[str]:
    """Names used by any bank (``answer_from``/``correct_when``) or check cell."""
    names: set[str] = set()
    for pattern in BANK_GLOBS:
        for p in root.glob(pattern):
            names |= set(_BANK_USE.findall(p.read_text(encoding="utf-8")))
    for pattern in CHECK_GLOBS:
        for p in root.glob(pattern):
            names |= set(_CHECK_USE.findall(p.read_text(encoding="utf-8")))
    return names


def test_every_registered_name_is_used():
    unused = sorted(set(computed.names()) - used_names())
    assert not unused, f"computed names no bank or check cell uses: {unused}"


def test_every_used_name_is_registered():
    missing = sorted(used_names() - set(computed.names()))
    assert not missing, f"banks or checks use unregistered computed names: {missing}"


def test_the_usage_scan_finds_a_planted_use(tmp_path):
    # positive control: a bank and a check cell in a scratch tree are both seen
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "x.quiz.yml").write_text("    answer_from: some_name\n")
    (tmp_path / "aatd" / "checks").mkdir(parents=True)
    (tmp_path / "aatd" / "checks" / "c.py").write_text('expected = "computed:other_name"\n')
    assert used_names(tmp_path) == {"some_name", "other_name"}
    assert used_names(ROOT) >= {"smoker_bend_uM", "titration_100_aat_30_elastase_active"}


def test_chapter_modules_are_in_chapter_order():
    mods = sorted(p.stem for p in Path(computed.__file__).parent.glob("ch*.py"))
    # ch08b_…, ch08c_…: chapters added after chapter 8 keep its number with a letter
    numbers = [m[2:].split("_")[0] for m in mods]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    src = Path(computed.__file__).read_text(encoding="utf-8")
    assert [m for m in re.findall(r"\b(ch\d\d[a-z]?_\w+)", src) if m in mods][-len(mods) :] == mods
