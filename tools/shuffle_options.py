"""Shuffle the options of every single- and multiple-choice question once, deterministically.

Usage: PYTHONPATH=. python3 tools/shuffle_options.py [--check] [aatd/quiz/banks]

The displayed order is the order stored in the bank, so this tool is run once and its result
reviewed and committed; it is not part of the build. Each question's order comes from a seed
made of the bank, the question id and a salt, so a rerun gives the same banks. Salts are tried
from 0 upwards until no key position holds more than 40% of single-choice keys across the
banks (the rule ``tests/test_quiz_rules.py`` checks). Options whose text refers to the others
("All of the above", "None of the above", "Both ...") are kept last. ``--check`` reports the
key-position spread without writing.

The banks are rewritten with ``yaml.safe_dump`` (comments before ``chapter:`` are kept).
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
MAX_POSITION_SHARE = 0.40
_REFERS_TO_OTHERS = re.compile(r"^(all|none|both|neither) of\b|\babove\b|^both\b", re.IGNORECASE)
OPTION_KEYS = ("text", "correct", "correct_when", "feedback", "misconception")


def _seed(chapter: str, qid: str, salt: int) -> int:
    digest = hashlib.sha256(f"{chapter}/{qid}/{salt}".encode()).hexdigest()
    return int(digest[:16], 16)


def shuffled(options: list[dict], chapter: str, qid: str, salt: int) -> list[dict]:
    """A deterministic permutation of ``options``; options that refer to the others stay last."""
    movable = [o for o in options if not _REFERS_TO_OTHERS.search(str(o["text"]))]
    fixed = [o for o in options if _REFERS_TO_OTHERS.search(str(o["text"]))]
    random.Random(_seed(chapter, qid, salt)).shuffle(movable)
    return movable + fixed


def _is_key(option: dict) -> bool:
    if option.get("correct") is True:
        return True
    if "correct_when" in option:
        from aatd.quiz import computed

        return bool(computed.value(option["correct_when"]))
    return False


def _read(path: Path):
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("chapter:")]
    head = "".join(line for line in head.splitlines(True) if line.startswith("#"))
    return head, yaml.safe_load(text)


def plan(directory: Path, salt: int) -> tuple[dict[Path, tuple[str, dict]], Counter]:
    """Shuffle every bank in memory with ``salt``; return the banks and the key positions."""
    banks, positions = {}, Counter()
    for path in sorted(directory.glob("*.quiz.yml")):
        head, data = _read(path)
        for q in data["questions"]:
            if q.get("type") not in ("single", "multiple"):
                continue
            q["options"] = shuffled(q["options"], data["chapter"], q["id"], salt)
            if q["type"] == "single":
                positions[next(i for i, o in enumerate(q["options"], 1) if _is_key(o))] += 1
        banks[path] = (head, data)
    return banks, positions


def write(path: Path, head: str, data: dict) -> None:
    for q in data["questions"]:
        if "options" in q:
            q["options"] = [{k: o[k] for k in OPTION_KEYS if k in o} for o in q["options"]]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(head + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    directory = Path(args[0]) if args else ROOT / "aatd" / "quiz" / "banks"
    if check:
        banks = {p: _read(p) for p in sorted(directory.glob("*.quiz.yml"))}
        positions = Counter()
        for _head, data in banks.values():
            for q in data["questions"]:
                if q.get("type") == "single":
                    positions[next(i for i, o in enumerate(q["options"], 1) if _is_key(o))] += 1
        print(dict(sorted(positions.items())))
        return 0
    for salt in range(1000):
        banks, positions = plan(directory, salt)
        total = sum(positions.values())
        if total and max(positions.values()) <= MAX_POSITION_SHARE * total:
            break
    else:
        print("no salt below 1000 spreads the keys; add options or reorder by hand")
        return 1
    for path, (head, data) in banks.items():
        write(path, head, data)
    print(f"salt {salt}: key positions {dict(sorted(positions.items()))} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
