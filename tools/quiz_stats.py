"""Print cue statistics for the question banks: length cue, key position, options per item.

Usage: PYTHONPATH=. python3 tools/quiz_stats.py [aatd/quiz/banks]

For single-choice items (``correct_when`` resolved by the model): how often the correct
option is strictly the longest by characters, how often it ties for longest, where the key
sits (1-based position), and how many options each item has. The same numbers are checked by
``tests/test_quiz_rules.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aatd.quiz.cues import key_position, longest_is_correct  # noqa: E402
from aatd.quiz.load import bank_paths, load_bank  # noqa: E402
from aatd.quiz.validate import Bank  # noqa: E402


def bank_stats(bank: Bank) -> dict:
    singles = [q for q in bank.questions if q.type == "single"]
    longest = sum(longest_is_correct(q) == "strict" for q in singles)
    ties = sum(longest_is_correct(q) == "tie" for q in singles)
    return {
        "singles": len(singles),
        "longest": longest,
        "ties": ties,
        "positions": Counter(key_position(q) for q in singles),
        "n_options": Counter(len(q.options) for q in bank.questions if q.type != "numeric"),
        "questions": len(bank.questions),
    }


def _row(name: str, s: dict, width: int) -> str:
    pos = " ".join(f"{p}:{s['positions'].get(p, 0)}" for p in range(1, 7) if s["positions"].get(p))
    opts = " ".join(f"{n}:{c}" for n, c in sorted(s["n_options"].items()))
    return (
        f"{name:<{width}} {s['questions']:>3} {s['singles']:>4} {s['longest']:>4} "
        f"{s['ties']:>4}  {pos:<22} {opts}"
    )


def main(directory: Path) -> None:
    stats = {
        p.name.removesuffix(".quiz.yml"): bank_stats(load_bank(p)) for p in bank_paths(directory)
    }
    total = {
        "singles": 0,
        "longest": 0,
        "ties": 0,
        "questions": 0,
        "positions": Counter(),
        "n_options": Counter(),
    }
    for s in stats.values():
        for k in ("singles", "longest", "ties", "questions"):
            total[k] += s[k]
        total["positions"] += s["positions"]
        total["n_options"] += s["n_options"]
    width = max(len(n) for n in stats) if stats else 5
    print(
        f"{'bank':<{width}} {'Qs':>3} {'1ch':>4} {'long':>4} {'tie':>4}  "
        f"{'key position (single)':<22} options per choice item"
    )
    for name, s in stats.items():
        print(_row(name, s, width))
    print(_row("ALL", total, width))
    n = total["singles"] or 1
    top = max(total["positions"].values(), default=0)
    print(
        f"\nstrictly longest correct: {total['longest']}/{total['singles']} "
        f"({100 * total['longest'] / n:.0f}%); with ties: {total['longest'] + total['ties']}; "
        f"most common key position holds {top}/{total['singles']} ({100 * top / n:.0f}%)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "aatd" / "quiz" / "banks")
