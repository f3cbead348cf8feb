"""Quiz rules that keep a score a measure of understanding (issue 13).

Per bank (enforced by aatd.quiz validation, so the build refuses a bad bank): every distractor
names its misconception; a correct option has none; single choice has at least three options;
the key is strictly the longest option in at most half of a bank's single-choice items.
Across the banks (this file): the key is strictly the longest in at most a third of
single-choice items, and no key position holds more than 40% of keys.
"""

from __future__ import annotations

import copy
from collections import Counter

from test_quiz import BANKS, GOOD, _bad, _refused, _write

from aatd.quiz import load_bank
from aatd.quiz.answer_key import answer_key_html, misconception_map
from aatd.quiz.cues import key_position, longest_is_correct

MAX_LONGEST_OVERALL = 1 / 3
MAX_POSITION_SHARE = 0.40


def _singles():
    return [q for path in BANKS for q in load_bank(path).questions if q.type == "single"]


# --- across the banks ----------------------------------------------------------------


def test_length_is_no_cue_across_the_banks():
    singles = _singles()
    cued = [q.id for q in singles if longest_is_correct(q) == "strict"]
    assert len(singles) >= 30  # the rule means something only over many items
    assert len(cued) <= MAX_LONGEST_OVERALL * len(singles), (
        f"the key is strictly the longest option in {len(cued)} of {len(singles)} "
        f"single-choice items (at most a third allowed): {cued}"
    )


def test_position_is_no_cue_across_the_banks():
    singles = _singles()
    positions = Counter(key_position(q) for q in singles)
    top, n = positions.most_common(1)[0]
    assert n <= MAX_POSITION_SHARE * len(singles), (
        f"position {top} holds {n} of {len(singles)} keys (at most 40%): {dict(positions)}"
    )


def test_cue_measures_have_positive_controls(tmp_path):
    """The measures can fail: a key that is long and first is caught, and ties are told apart."""
    data = copy.deepcopy(GOOD)
    data["questions"][0]["options"][0]["text"] = "Right, and much longer than the others"
    bank = load_bank(_write(tmp_path, data))
    assert longest_is_correct(bank.question("q1")) == "strict"
    assert key_position(bank.question("q1")) == 1
    assert longest_is_correct(bank.question("q2")) == "tie"  # Right, Wrong, Other: 5 letters
    data["questions"][1]["options"][0]["text"] = "OK"
    assert longest_is_correct(load_bank(_write(tmp_path, data)).question("q2")) == ""


def test_every_real_distractor_names_a_misconception():
    for path in BANKS:
        for q in load_bank(path).questions:
            for o in q.options:
                ok = bool(o.misconception) != o.correct or o.correct_when
                assert ok, (path.name, q.id, o.text)


# --- each per-bank rule refuses a bad bank with its message ---------------------------


def _cued_bank():
    """GOOD, with the key of q1, q3 and q4 made the longest option (3 of 5 singles)."""
    data = copy.deepcopy(GOOD)
    for i in (0, 2, 3):
        data["questions"][i]["options"][0]["text"] = "Right, and much longer than the others"
    return data


def test_distractor_without_misconception(tmp_path):
    def f(d):
        del d["questions"][2]["options"][1]["misconception"]

    _refused(
        tmp_path,
        _bad(f),
        qid="q3",
        match=r"option 2 \('Wrong'\) is a distractor without a misconception",
    )


def test_misconception_must_be_a_full_sentence(tmp_path):
    def f(d):
        d["questions"][0]["options"][2]["misconception"] = "wrong idea"

    _refused(tmp_path, _bad(f), qid="q1", match="misconception of option 3.*not a full sentence")


def test_correct_option_with_a_misconception(tmp_path):
    def f(d):
        d["questions"][1]["options"][0]["misconception"] = "Thinks the right answer is wrong."

    _refused(
        tmp_path,
        _bad(f),
        qid="q2",
        match=r"option 1 \('Right'\) is correct but has a misconception",
    )


def test_a_computed_key_may_keep_its_misconception(tmp_path):
    """A correct_when option is a distractor whenever the model says so: it may keep one."""
    data = copy.deepcopy(GOOD)
    opt = data["questions"][0]["options"][0]
    del opt["correct"]
    opt["correct_when"] = "zz_entirely_below_threshold"  # True with the model as it is
    opt["misconception"] = "Thinks the ZZ range reaches above the threshold."
    bank = load_bank(_write(tmp_path, data))
    assert bank.question("q1").options[0].correct


def test_single_choice_needs_three_options(tmp_path):
    def f(d):
        d["questions"][3]["options"] = d["questions"][3]["options"][:2]

    _refused(tmp_path, _bad(f), qid="q4", match="needs at least 3 options, got 2")


def test_two_options_are_fine_for_select_all(tmp_path):
    data = copy.deepcopy(GOOD)
    data["questions"][3]["type"] = "multiple"
    data["questions"][3]["options"] = data["questions"][3]["options"][:2]
    assert len(load_bank(_write(tmp_path, data)).question("q4").options) == 2


def test_longest_key_in_more_than_half_of_a_bank(tmp_path):
    msg = _refused(
        tmp_path, _cued_bank(), match=r"strictly the longest in 3 of 5 single-choice questions"
    )
    assert "q1, q3, q4" in msg and "question '" not in msg


def test_longest_key_in_half_of_a_bank_is_allowed(tmp_path):
    data = _cued_bank()
    data["questions"][3]["options"][0]["text"] = "Right"
    assert len(load_bank(_write(tmp_path, data)).questions) == 6


# --- the answer key shows the displayed order and each misconception -----------------


def test_answer_key_follows_the_displayed_order_with_misconceptions():
    import html

    from test_quiz import BANK_DIR

    out = answer_key_html(BANK_DIR)
    for path in BANKS:
        bank = load_bank(path)
        for q in bank.questions:
            start = out.index(f'id="key-{bank.chapter}--{q.id}"')
            block = out[start : out.index("</div>", start)]
            at = [block.index(html.escape(o.text, quote=True)) for o in q.options]
            assert at == sorted(at), f"{q.id}: the key does not follow the displayed order"
            for o in q.options:
                if not o.correct:
                    assert html.escape(o.misconception, quote=True) in block, (q.id, o.text)
    assert "Misconception map" in out


def test_misconception_map_points_each_misconception_to_its_questions():
    from test_quiz import BANK_DIR

    rows = misconception_map(BANK_DIR)
    n_distractors = sum(
        not o.correct for path in BANKS for q in load_bank(path).questions for o in q.options
    )
    assert sum(len(where) for _m, where in rows) == n_distractors
    shared = [m for m, where in rows if len(where) > 1]
    assert shared, "some misconceptions recur across questions and are grouped"
    assert all(m.endswith((".", "!", "?")) for m, _where in rows)
