"""Question banks (aatd.quiz): validation, computed answers, escaping, determinism.

Every bank in aatd/quiz/banks/*.quiz.yml must validate and agree with its notebook; each kind of
bad bank is refused with a message naming the file and the question; the renderer escapes
bank text and gives the same ids every time; the static JavaScript checks answers in a real
browser (no book build needed for these).
"""

from __future__ import annotations

import copy
import html as html_lib
import re
from pathlib import Path

import pytest
import yaml

from aatd import genetics, units
from aatd.quiz import QuizError, load_bank, notebook, render_html, show_quiz
from aatd.quiz import computed as computed_mod
from aatd.quiz.answer_key import answer_key_html
from aatd.quiz.load import bank_paths, load_text
from aatd.quiz.render import element_id, section_anchor

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BANK_DIR = ROOT / "aatd" / "quiz" / "banks"
BANKS = bank_paths(BANK_DIR)
CH02 = BANK_DIR / "02-genes-and-inheritance.quiz.yml"


def bank_id(path: Path) -> str:
    return path.name


# --- the real banks ---------------------------------------------------------------


def test_chapter_02_bank_exists():
    assert CH02 in BANKS


@pytest.mark.parametrize("path", BANKS, ids=bank_id)
def test_bank_validates(path):
    bank = load_bank(path)
    assert bank.chapter + ".quiz.yml" == path.name
    assert len(bank.questions) >= 6
    assert {q.objective for q in bank.questions} == set(bank.objectives)


@pytest.mark.parametrize("path", BANKS, ids=bank_id)
def test_bank_objectives_are_the_notebooks_own(path):
    bank = load_bank(path)
    nb = NOTEBOOKS / f"{bank.chapter}.ipynb"
    assert nb.is_file(), f"{path.name}: no notebook {nb.name} beside it"
    listed = notebook.objectives(nb)
    assert listed, f"{nb.name} has no 'Learning objectives' list"
    for oid, text in bank.objectives.items():
        assert text in listed, (
            f"{path.name}: objective {oid!r} is not verbatim in {nb.name}'s Learning "
            f"objectives.\n  bank:     {text!r}\n  notebook: {listed!r}"
        )
    missing = [text for text in listed if text not in bank.objectives.values()]
    assert not missing, f"{path.name}: objectives of {nb.name} that no question checks: {missing}"


@pytest.mark.parametrize("path", BANKS, ids=bank_id)
def test_bank_sections_are_headings_of_the_notebook(path):
    bank = load_bank(path)
    nb = NOTEBOOKS / f"{bank.chapter}.ipynb"
    heads = [text for _level, text in notebook.headings(nb)]
    for q in bank.questions:
        assert q.section in heads, (
            f"{path.name}: question {q.id!r}: section {q.section!r} is not a heading of "
            f"{nb.name} (headings: {heads})"
        )


@pytest.mark.parametrize("path", BANKS, ids=bank_id)
def test_notebook_shows_its_quiz_in_check_yourself(path):
    """The chapter ends with "## Check yourself" holding the remove-input quiz cell."""
    import nbformat

    stem = path.name[: -len(".quiz.yml")]
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    heads = [
        c.source.strip().splitlines()[0]
        for c in nb.cells
        if c.cell_type == "markdown" and c.source.strip()
    ]
    assert "## Check yourself" in heads
    cells = [c for c in nb.cells if c.cell_type == "code" and "show_quiz(" in c.source]
    assert len(cells) == 1
    assert f'show_quiz("{stem}")' in cells[0].source
    assert "remove-input" in cells[0].metadata.get("tags", [])
    # the committed output is the current rendering of the bank (re-execute after editing it)
    outputs = [o for o in cells[0].get("outputs", []) if "text/html" in o.get("data", {})]
    assert outputs, "the quiz cell has no committed HTML output: run tools/execute_notebooks.py"
    assert outputs[0]["data"]["text/html"] == render_html(load_bank(path))


def test_show_quiz_finds_the_bank_and_displays_it():
    quiz = show_quiz("02-genes-and-inheritance", directory=BANK_DIR)
    n = len(load_bank(CH02).questions)
    assert repr(quiz) == f"Quiz: 02-genes-and-inheritance ({n} questions)"
    assert 'data-aatd-quiz="02-genes-and-inheritance"' in quiz._repr_html_()
    with pytest.raises(QuizError, match="no-such-chapter"):
        show_quiz("no-such-chapter", directory=BANK_DIR)


def test_no_bank_is_left_beside_the_notebooks():
    """Banks are package data; one left in notebooks/ would be ignored by every reader."""
    stray = sorted(
        str(p.relative_to(ROOT))
        for folder in (ROOT, NOTEBOOKS, ROOT / "book", ROOT / "aatd", ROOT / "aatd" / "quiz")
        for p in folder.glob("*.quiz.yml")
    )
    assert stray == [], f"move these into aatd/quiz/banks/ (git mv): {stray}"


def test_show_quiz_reads_the_package_banks_from_any_folder(tmp_path, monkeypatch):
    """A notebook opened alone (downloaded, Colab) finds its bank inside the package."""
    from aatd.quiz.load import bank_dir, find_bank

    monkeypatch.chdir(tmp_path)  # an empty folder: no bank beside the notebook
    assert bank_dir() == BANK_DIR  # the package folder, not the working directory
    quiz = show_quiz("02-genes-and-inheritance")
    assert 'data-aatd-quiz="02-genes-and-inheritance"' in quiz._repr_html_()
    with pytest.raises(QuizError) as info:
        find_bank("02-genes-and-inheritence")  # misspelt
    msg = str(info.value)
    assert str(BANK_DIR) in msg and "02-genes-and-inheritance" in msg  # where, and what exists
    assert bank_paths() == BANKS and len(BANKS) >= 9


# --- computed answers ---------------------------------------------------------------


def test_computed_answers_equal_the_aatd_values():
    v = computed_mod.value
    assert v("threshold_mg_dl_by_mass") == pytest.approx(float(units.uM_to_mg_dl(11)), abs=0.05)
    assert v("threshold_mg_dl_by_mass") == pytest.approx(57.2)
    assert v("mz_x_mz_zz_percent") == pytest.approx(100 * genetics.offspring("MZ", "MZ")["ZZ"])
    assert v("mz_serum_m_share_percent") == pytest.approx(
        100 * genetics.protein_shares("MZ")["M"], abs=0.05
    )
    assert v("zz_entirely_below_threshold") is True
    assert v("sz_entirely_below_threshold") is False
    assert v("mz_typical_above_threshold") is True
    assert v("old_standard_70_below_threshold") is True


def test_every_computed_function_returns_a_number_or_bool():
    for name in computed_mod.names():
        value = computed_mod.value(name)
        assert isinstance(value, (bool, int, float)), f"{name} returned {value!r}"


def test_bank_answers_follow_the_model(monkeypatch):
    """Change the model and the key follows: the bank holds no copy of model numbers."""
    bank = load_bank(CH02)
    assert bank.question("threshold-mg-dl").answer == pytest.approx(57.2)
    monkeypatch.setitem(units._MG_DL_PER_UM, "molecular_mass", 5.4)  # a 54 kDa protein
    again = load_bank(CH02)
    assert again.question("threshold-mg-dl").answer == pytest.approx(59.4)


def test_correct_when_follows_the_model(monkeypatch):
    monkeypatch.setitem(genetics._BRANTLY_RANGES_UM, "SZ", (5.0, 10.0))  # pretend SZ fell below
    options = {o.text: o.correct for o in load_bank(CH02).question("entirely-below").options}
    assert options == {"ZZ": True, "Q0Q0": True, "SZ": True, "MZ": False, "MM": False}


def test_computed_names_are_unique():
    with pytest.raises(ValueError, match="already registered"):
        computed_mod.computed("threshold_mg_dl_by_mass")(lambda: 1.0)


# --- bad banks are refused, each with its message ------------------------------------

CHAPTER = "99-test-chapter"


def _choice(qid, objective="one", **over):
    q = {
        "id": qid,
        "type": "single",
        "objective": objective,
        "section": "A section",
        "prompt": f"Question {qid}?",
        "options": [
            {"text": "Right", "correct": True, "feedback": f"Right: this is why {qid} works."},
            {
                "text": "Wrong",
                "correct": False,
                "feedback": f"Not quite: this is why {qid} fails.",
                "misconception": f"Thinks the wrong idea behind {qid} is right.",
            },
            {
                "text": "Other",
                "correct": False,
                "feedback": f"Not quite: this is why {qid} misleads.",
                "misconception": f"Holds another wrong idea about {qid}.",
            },
        ],
    }
    q.update(over)
    return q


def _numeric(qid, **over):
    q = {
        "id": qid,
        "type": "numeric",
        "objective": "two",
        "section": "Another section",
        "prompt": "11 µM is about how many mg/dL?",
        "answer": 57.2,
        "tolerance": 2,
        "units": "mg/dL",
        "feedback": {
            "correct": "Yes: multiply by 52 kDa and divide by ten.",
            "incorrect": "Not quite: the answer is about {answer} mg/dL.",
        },
        "common_mistakes": [
            {
                "value": 80,
                "tolerance": 3,
                "feedback": "That is the same threshold on the old standard.",
            }
        ],
    }
    q.update(over)
    return q


GOOD = {
    "chapter": CHAPTER,
    "objectives": {"one": "Name one thing.", "two": "Convert another thing."},
    "questions": [_choice(f"q{i}") for i in range(1, 6)] + [_numeric("num")],
}


def _write(tmp_path, data=None, text=None) -> Path:
    path = tmp_path / f"{CHAPTER}.quiz.yml"
    path.write_text(
        text if text is not None else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return path


def _refused(tmp_path, data=None, *, text=None, qid=None, match) -> str:
    path = _write(tmp_path, data, text)
    with pytest.raises(QuizError) as info:
        load_bank(path)
    msg = str(info.value)
    assert str(path) in msg, f"message does not name the file: {msg}"
    if qid is not None:
        assert f"question {qid!r}" in msg, f"message does not name question {qid!r}: {msg}"
    assert re.search(match, msg), f"{match!r} not in: {msg}"
    return msg


def _bad(mutate):
    data = copy.deepcopy(GOOD)
    mutate(data)
    return data


def test_good_bank_loads(tmp_path):
    bank = load_bank(_write(tmp_path, GOOD))
    assert [q.id for q in bank.questions] == ["q1", "q2", "q3", "q4", "q5", "num"]
    assert bank.question("num").feedback_incorrect == "Not quite: the answer is about 57.2 mg/dL."
    assert issubclass(QuizError, ValueError)


def test_no_correct_option(tmp_path):
    def f(d):
        d["questions"][2]["options"][0]["correct"] = False

    _refused(tmp_path, _bad(f), qid="q3", match="no correct option")


def test_single_choice_with_two_correct_options(tmp_path):
    def f(d):
        d["questions"][1]["options"][1]["correct"] = True

    _refused(tmp_path, _bad(f), qid="q2", match="exactly one correct option, got 2")


def test_duplicate_id(tmp_path):
    def f(d):
        d["questions"][3]["id"] = "q1"

    _refused(tmp_path, _bad(f), qid="q1", match="duplicate id")


def test_missing_feedback(tmp_path):
    def f(d):
        del d["questions"][0]["options"][1]["feedback"]

    _refused(tmp_path, _bad(f), qid="q1", match=r"option 2 \('Wrong'\) has no feedback")


def test_duplicated_feedback(tmp_path):
    def f(d):
        opts = d["questions"][4]["options"]
        opts[1]["feedback"] = opts[0]["feedback"]

    _refused(tmp_path, _bad(f), qid="q5", match="options 1 and 2 have the same feedback")


def test_feedback_must_be_a_full_sentence(tmp_path):
    def f(d):
        d["questions"][0]["options"][0]["feedback"] = "Correct"

    _refused(tmp_path, _bad(f), qid="q1", match="not a full sentence")


def test_numeric_feedback_cases_must_differ(tmp_path):
    def f(d):
        fb = d["questions"][5]["feedback"]
        fb["incorrect"] = fb["correct"]

    _refused(tmp_path, _bad(f), qid="num", match="are the same")


def test_numeric_without_tolerance(tmp_path):
    def f(d):
        del d["questions"][5]["tolerance"]

    _refused(tmp_path, _bad(f), qid="num", match="needs a tolerance")


def test_numeric_without_units(tmp_path):
    def f(d):
        del d["questions"][5]["units"]

    _refused(tmp_path, _bad(f), qid="num", match="units")


def test_common_mistake_overlapping_the_answer(tmp_path):
    def f(d):
        d["questions"][5]["common_mistakes"][0]["value"] = 58

    _refused(tmp_path, _bad(f), qid="num", match="overlaps the correct answer")


def test_unknown_objective(tmp_path):
    def f(d):
        d["questions"][0]["objective"] = "nope"

    _refused(tmp_path, _bad(f), qid="q1", match="unknown objective 'nope'")


def test_objective_never_checked(tmp_path):
    def f(d):
        d["objectives"]["three"] = "Explain a third thing."

    msg = _refused(tmp_path, _bad(f), match="objective 'three' is never checked")
    assert "question '" not in msg


def test_unknown_type(tmp_path):
    def f(d):
        d["questions"][1]["type"] = "essay"

    _refused(tmp_path, _bad(f), qid="q2", match="unknown type 'essay'")


def test_unknown_computed_name(tmp_path):
    def f(d):
        q = d["questions"][5]
        del q["answer"]
        q["answer_from"] = "no_such_function"

    _refused(tmp_path, _bad(f), qid="num", match="unknown computed name 'no_such_function'")


def test_unknown_computed_name_in_correct_when(tmp_path):
    def f(d):
        opt = d["questions"][0]["options"][0]
        del opt["correct"]
        opt["correct_when"] = "no_such_check"

    _refused(tmp_path, _bad(f), qid="q1", match="unknown computed name 'no_such_check'")


def test_unknown_key_is_a_typo(tmp_path):
    def f(d):
        q = d["questions"][5]
        q["tolerence"] = q.pop("tolerance")

    _refused(tmp_path, _bad(f), qid="num", match="unknown key.*tolerence")


def test_too_few_questions(tmp_path):
    def f(d):
        d["questions"] = d["questions"][:4] + d["questions"][5:]

    _refused(tmp_path, _bad(f), match="at least 6 questions, got 5")


def test_chapter_must_match_the_file_name(tmp_path):
    def f(d):
        d["chapter"] = "01-other"

    _refused(tmp_path, _bad(f), match="does not match the file name")


def test_malformed_yaml(tmp_path):
    text = yaml.safe_dump(GOOD, allow_unicode=True) + "questions: [unclosed\n  - id: x\n"
    _refused(tmp_path, text=text, match="malformed YAML")


def test_duplicate_yaml_key(tmp_path):
    text = yaml.safe_dump(GOOD, allow_unicode=True).replace(
        "objectives:\n", "objectives:\n  one: Name something else.\n", 1
    )
    _refused(tmp_path, text=text, match="malformed YAML.*duplicate key 'one'")


def test_yaml_is_loaded_safely(tmp_path):
    text = "!!python/object/apply:os.system ['echo pwned']\n"
    _refused(tmp_path, text=text, match="malformed YAML")


# --- rendering: escaping, determinism, structure ------------------------------------

EVIL = "<img src=x onerror=alert(1)>"


def _evil_bank():
    data = copy.deepcopy(GOOD)
    data["questions"][0]["prompt"] = EVIL
    data["questions"][0]["options"][0]["text"] = "<b>bold</b> & co"
    data["questions"][0]["options"][1]["feedback"] = (
        "Not quite: </script><script>alert(2)</script> is only text."
    )
    data["questions"][0]["section"] = '"><svg onload=alert(3)>'
    return load_text(yaml.safe_dump(data), f"{CHAPTER}.quiz.yml")


def test_bank_text_is_escaped():
    out = render_html(_evil_bank())
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<img" not in out
    assert "<b>" not in out and "&lt;b&gt;bold&lt;/b&gt; &amp; co" in out
    assert "<svg" not in out
    assert out.count("<script") == 3 and out.count("</script>") == 3  # data, store, quiz
    assert "alert(2)" in out  # present, but only inside the JSON blob, as \u003c-escaped text
    assert "\\u003c/script\\u003e" in out


def test_rendering_is_deterministic_with_ids_from_the_bank():
    bank = load_bank(CH02)
    first, second = render_html(bank), render_html(load_bank(CH02))
    assert first == second
    ids = re.findall(r'\sid="([^"]+)"', first)
    assert len(ids) == len(set(ids)), "duplicate element ids"
    prefix = element_id(bank.chapter)
    assert prefix == "quiz-02-genes-and-inheritance"
    assert all(
        i == prefix or i.startswith(prefix + "--") or i.startswith(prefix + "-") for i in ids
    )
    for q in bank.questions:
        assert f'id="{element_id(bank.chapter, q.id)}"' in first
    # nothing that looks like a random token (uuid/hex) anywhere in the ids
    assert not any(re.search(r"[0-9a-f]{8,}", i) for i in ids)


def test_structure_is_semantic():
    out = render_html(load_bank(CH02))
    bank = load_bank(CH02)
    assert out.count("<fieldset") == len(bank.questions)
    assert out.count("<legend") == len(bank.questions)
    assert out.count('<button type="button" class="aatd-quiz-check"') == len(bank.questions)
    assert out.count('class="aatd-quiz-feedback"') == len(bank.questions)
    assert out.count('aria-live="polite"') == len(bank.questions) + 1  # + the score
    n_radio = sum(len(q.options) for q in bank.questions if q.type == "single")
    n_check = sum(len(q.options) for q in bank.questions if q.type == "multiple")
    assert out.count('type="radio"') == n_radio and out.count('type="checkbox"') == n_check
    assert out.count('inputmode="decimal"') == sum(q.type == "numeric" for q in bank.questions)
    for input_id in re.findall(r'<input [^>]*id="([^"]+)"', out):
        assert f'<label for="{input_id}">' in out, f"input {input_id} has no label"
    assert f"Score: 0 of {len(bank.questions)} correct" in out
    assert "http://" not in out and "https://" not in out  # nothing to fetch
    assert "eval(" not in out and "innerHTML" not in out


def test_section_anchor_matches_sphinx_ids():
    assert (
        section_anchor("Units and the assay-standard caveat")
        == "units-and-the-assay-standard-caveat"
    )
    assert section_anchor("Serum AAT by genotype") == "serum-aat-by-genotype"
    assert section_anchor("Why 11 µM?") == "why-11-m"


def test_answer_key_lists_every_question_with_feedback():
    out = answer_key_html(BANK_DIR, NOTEBOOKS)
    for path in BANKS:
        bank = load_bank(path)
        for q in bank.questions:
            assert f'id="key-{bank.chapter}--{q.id}"' in out
            for o in q.options:
                assert html_lib.escape(o.feedback, quote=True) in out
    assert "57.2 mg/dL, accepted within ± 2" in out


# --- the student edition -------------------------------------------------------------


def test_student_toc_is_the_toc_without_the_answer_key():
    """The student table of contents is the full one without the answer key and without the
    per-chapter instructor pages (``book/instructors/<chapter-stem>``)."""
    full = yaml.safe_load((ROOT / "_toc.yml").read_text())
    student = yaml.safe_load((ROOT / "_toc-student.yml").read_text())
    chapters = {
        "book/instructors/" + c["file"].removeprefix("notebooks/")
        for part in full["parts"]
        if part["caption"] == "Chapters"
        for c in part["chapters"]
    }
    left_out = chapters | {"book/instructors/answer-key"}
    for part in full["parts"]:
        part["chapters"] = [c for c in part["chapters"] if c.get("file") not in left_out]
    assert student == full


def test_no_page_links_to_the_answer_key():
    """The student build leaves the key out, so no page may link to it."""
    offenders = []
    for path in list((ROOT / "book").rglob("*.md")) + list(NOTEBOOKS.glob("*.ipynb")):
        if path.name == "answer-key.md" or "_build" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(
            r"(\]\([^)]*answer-key|\{doc\}`[^`]*answer-key|<[^>]*answer-key[^>]*>`)", text
        ):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"pages linking to the answer key: {offenders}"


# --- the inline script in a real browser (no book build needed) ----------------------


@pytest.fixture
def quiz_page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    pg = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.route("**/*", lambda r: r.abort())  # no network at all
    pg.errors, pg.dialogs = errors, dialogs
    yield pg
    context.close()


def _fb(pg, chapter, qid):
    return pg.inner_text(f"#{element_id(chapter, qid)}-feedback")


def test_escaped_text_shows_as_text_in_a_browser(quiz_page):
    pg = quiz_page
    bank = _evil_bank()
    pg.set_content(f"<!doctype html><html><body>{render_html(bank)}</body></html>")
    qid = element_id(CHAPTER, "q1")
    assert EVIL in pg.inner_text(f"#{qid}-legend")
    assert pg.locator("img, svg, b").count() == 0
    pg.click(f"label[for='{qid}--o2']")
    pg.click(f"#{qid}-check")
    assert "</script><script>alert(2)</script> is only text." in _fb(pg, CHAPTER, "q1")
    assert pg.dialogs == [] and pg.errors == []


def test_numeric_answers_and_common_mistakes_in_a_browser(quiz_page):
    pg = quiz_page
    bank = load_bank(CH02)
    pg.set_content(f"<!doctype html><html><body>{render_html(bank)}</body></html>")
    ch, qid = bank.chapter, "threshold-mg-dl"
    box = f"#{element_id(ch, qid)}-answer"
    score = pg.locator(".aatd-quiz-score")
    n = len(bank.questions)
    assert pg.locator(".aatd-quiz-nojs").count() == 0  # the script ran
    cases = [
        ("80", "older commercial standard", f"Score: 0 of {n}"),
        ("572", "answer in mg/L", f"Score: 0 of {n}"),
        ("five", "Type a number first", f"Score: 0 of {n}"),
        ("40", "divide by 10 for mg/dL; the answer is about 57.2 mg/dL", f"Score: 0 of {n}"),
        ("57", "Correct", f"Score: 1 of {n}"),
        ("57,2", "Correct", f"Score: 1 of {n}"),
        ("57.2 mg/dL", "Correct", f"Score: 1 of {n}"),
        ("70", "Not correct yet", f"Score: 0 of {n}"),
    ]
    for typed, expected, expected_score in cases:
        pg.fill(box, typed)
        pg.press(box, "Enter")
        assert expected in _fb(pg, ch, qid), (typed, _fb(pg, ch, qid))
        assert score.inner_text().startswith(expected_score), (typed, score.inner_text())
    assert pg.errors == []


def test_select_all_that_apply_in_a_browser(quiz_page):
    pg = quiz_page
    bank = load_bank(CH02)
    pg.set_content(f"<!doctype html><html><body>{render_html(bank)}</body></html>")
    ch, qid = bank.chapter, "entirely-below"
    q = bank.question(qid)
    base = element_id(ch, qid)
    pg.click(f"#{base}-check")
    assert "Select at least one answer first." in _fb(pg, ch, qid)
    right = [i for i, o in enumerate(q.options, start=1) if o.correct]
    assert len(right) == 2, "this test needs a select-all item with two right answers"
    pg.check(f"#{base}--o{right[0]}")  # one right answer, the other missing
    pg.click(f"#{base}-check")
    text = _fb(pg, ch, qid)
    assert "Not correct yet" in text and "One more choice is also correct." in text
    assert q.options[right[0] - 1].feedback in text
    pg.check(f"#{base}--o{right[1]}")
    pg.click(f"#{base}-check")
    text = _fb(pg, ch, qid)
    assert "Correct" in text and q.options[right[1] - 1].feedback in text
    assert "Review: Serum AAT by genotype" in text
    assert pg.get_attribute(f"#{base}-feedback a", "href") == "#serum-aat-by-genotype"
    assert (
        pg.locator(".aatd-quiz-score").inner_text() == f"Score: 1 of {len(bank.questions)} correct"
    )
    assert pg.errors == []


def test_works_when_inserted_like_jupyterlab(quiz_page):
    """JupyterLab sets innerHTML on a detached node, re-creates each <script> (trusted output)
    and then attaches the node; the quiz must come alive that way too, twice on one page."""
    pg = quiz_page
    bank = load_bank(CH02)
    pg.set_content("<!doctype html><html><body><main id='nb'></main></body></html>")
    pg.evaluate(
        """(html) => {
        for (let k = 0; k < 2; k++) {            // the same output shown twice (two views)
          const host = document.createElement('div');
          host.innerHTML = html;                   // scripts inserted this way never run ...
          for (const s of Array.from(host.getElementsByTagName('script'))) {
            const clone = document.createElement('script');
            for (const a of Array.from(s.attributes)) clone.setAttribute(a.name, a.value);
            clone.textContent = s.textContent;     // ... so JupyterLab re-creates them
            s.parentNode.replaceChild(clone, s);
          }
          document.getElementById('nb').appendChild(host);
        }
    }""",
        render_html(bank),
    )
    assert pg.locator(".aatd-quiz-nojs").count() == 0
    second = pg.locator(".aatd-quiz").nth(1)
    n, q = next((n, q) for n, q in enumerate(bank.questions) if q.type == "single")
    right = next(i for i, o in enumerate(q.options) if o.correct)
    item = second.locator(".aatd-quiz-q").nth(n)
    item.locator("label").nth(right).click()
    item.locator(".aatd-quiz-check").click()
    assert q.options[right].feedback in item.locator(".aatd-quiz-feedback").inner_text()
    assert second.locator(".aatd-quiz-score").inner_text().startswith("Score: 1 of")
    first = pg.locator(".aatd-quiz").nth(0)
    assert first.locator(".aatd-quiz-score").inner_text().startswith("Score: 0 of")
    assert pg.errors == []


# --- the build-time check (book/_ext/quizcheck.py) -------------------------------------


def _quizcheck():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "quizcheck", ROOT / "book" / "_ext" / "quizcheck.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_stops_on_a_bad_bank(tmp_path):
    import types

    from sphinx.errors import ExtensionError

    quizcheck = _quizcheck()
    banks = tmp_path / "aatd" / "quiz" / "banks"
    banks.mkdir(parents=True)
    app = types.SimpleNamespace(srcdir=str(tmp_path), env=types.SimpleNamespace())
    good = banks / f"{CHAPTER}.quiz.yml"
    good.write_text(yaml.safe_dump(GOOD, allow_unicode=True), encoding="utf-8")
    quizcheck.validate_banks(app)  # a good bank passes
    assert app.env.aatd_quiz_banks == [good.name]
    bad = copy.deepcopy(GOOD)
    bad["questions"][1]["options"][0]["correct"] = False
    good.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ExtensionError) as info:
        quizcheck.validate_banks(app)
    msg = str(info.value)
    assert str(good) in msg and "question 'q2'" in msg and "no correct option" in msg


def test_build_stops_when_the_imported_package_has_other_banks(tmp_path):
    import shutil
    import types

    from sphinx.errors import ExtensionError

    quizcheck = _quizcheck()
    banks = tmp_path / "aatd" / "quiz" / "banks"
    shutil.copytree(BANK_DIR, banks)
    app = types.SimpleNamespace(srcdir=str(tmp_path), env=types.SimpleNamespace())
    quizcheck.check_imported_banks(app)  # same banks: passes
    edited = banks / CH02.name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(ExtensionError, match=CH02.name):
        quizcheck.check_imported_banks(app)
