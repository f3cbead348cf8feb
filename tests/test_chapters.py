"""Every chapter follows the template, has accessible figures, and gets the facts right."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, toc_part

CHAPTERS = toc_part("Chapters")
REQUIRED_SECTIONS = [
    "Overview",
    "Learning objectives",
    "Prerequisites",
    "Summary",
    "Check yourself",
    "Exercises",
    "What's next",
]
OBJECTIVE_VERBS = {
    "name",
    "describe",
    "explain",
    "predict",
    "calculate",
    "compare",
    "convert",
    "use",
    "interpret",
    "identify",
    "list",
    "outline",
    "relate",
    "estimate",
    "distinguish",
    "apply",
    "evaluate",
    "recognise",
    "recognize",
    "sketch",
    "state",
    "read",
    "justify",
    "summarise",
    "summarize",
    "trace",
    "contrast",
    "define",
    "choose",
    "decide",
    "quantify",
}

# Statements the fact sheet says the text must get right, as patterns that would
# contradict them. Each pattern is matched against every chapter's prose (lower-cased).
CONTRADICTIONS = {
    "AAT is not an enzyme": (
        r"\b(aat|antitrypsin|alpha-1 antitrypsin)\b[^.]{0,40}\b(is|as) an enzyme\b"
    ),
    "AAT is not an enzyme (article wording)": r"an enzyme that keeps other enzymes in check",
    "AATD is rare, do not write 'not rare'": r"\b(aatd|deficiency) is not rare\b",
    "SZ apical claim has no source": r"\bsz\b[^.]{0,60}\bapical\b",
    "RAPID did not prove an FEV1 or survival benefit": (
        r"rapid[^.]{0,80}\b(proved|showed|demonstrated)\b[^.]{0,40}"
        r"\b(fev1|survival|mortality) (benefit|improvement)"
    ),
    "quitting does not restore lost function": (
        r"quitting[^.]{0,60}\b(restores|recovers|reverses)\b[^.]{0,30}\b(lost|lung function|fev1)"
    ),
    "augmentation does not treat the liver": (
        r"augmentation[^.]{0,60}\b(treats|cures|protects)\b[^.]{0,20}\bliver"
    ),
    "emphysema is not always basal": r"\balways (basal|lower-lobe|in the lower lobes)\b",
    "MZ is not free of risk": r"\bmz\b[^.]{0,60}\b(no risk|completely safe|never (develop|get))",
}


def markdown_of(stem: str) -> str:
    nb = nbformat.read(ROOT / f"{stem}.ipynb", as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def headings(md: str, level: int) -> list[str]:
    return [h.strip() for h in re.findall(rf"^{'#' * level} (.+)$", md, re.M)]


def section(md: str, title: str) -> str:
    return md.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_chapters_part_holds_every_chapter_in_teaching_order():
    """Counted from the toc: numbered chapters keep their order; slug-named chapters (new
    chapters keep their file names, the toc decides the number) sit where they are taught;
    every chapter notebook is in the toc and nothing else is."""
    names = [Path(c).name for c in CHAPTERS]
    numbered = [n for n in names if n[:2].isdigit()]
    assert numbered == sorted(numbered)
    assert [n[:2] for n in numbered] == [f"{i:02d}" for i in range(1, len(numbered) + 1)]
    assert names.index("treatment") == names.index("08-diagnosis-and-care") + 1
    assert names.index("families") == names.index("treatment") + 1
    assert names[-1] == "09-case-studies"
    notebooks = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert set(names) == notebooks and len(names) == len(set(names))


def test_teaching_order_rule_has_a_positive_control():
    names = ["01-a", "03-c", "02-b"]
    numbered = [n for n in names if n[:2].isdigit()]
    assert numbered != sorted(numbered)


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_follows_the_template(stem):
    md = markdown_of(stem)
    assert len(headings(md, 1)) == 1, "one title"
    h2 = headings(md, 2)
    missing = [s for s in REQUIRED_SECTIONS if s not in h2]
    assert not missing, f"missing sections {missing}"
    order = [h2.index(s) for s in REQUIRED_SECTIONS]
    assert order == sorted(order), f"sections out of template order: {h2}"
    assert re.search(r"\*\*Time:\*\*[^\n]*\d+\s*(minutes|min)", md), "a time estimate"
    assert "|" in section(md, "Prerequisites"), "prerequisites as a table"
    objectives = re.findall(r"^\s*(?:\d+\.|-)\s+(.+)$", section(md, "Learning objectives"), re.M)
    assert 3 <= len(objectives) <= 5, objectives
    for objective in objectives:
        verb = re.sub(r"[*_]", "", objective).split()[0].lower()
        assert verb in OBJECTIVE_VERBS, f"objective should start with a testable verb: {objective}"
    summary = re.findall(r"^\s*(?:\d+\.|-)\s+(.+)$", section(md, "Summary"), re.M)
    assert 3 <= len(summary) <= 6, "3-5 points to remember"
    assert "{term}" in md, "key terms link to the glossary"
    assert "{cite}" in md, "numbers carry citations"
    assert "](" in section(md, "What's next"), "a link to what comes next"


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_never_contradicts_the_facts_that_must_be_right(stem):
    text = re.sub(r"\s+", " ", markdown_of(stem).lower())
    for rule, pattern in CONTRADICTIONS.items():
        match = re.search(pattern, text)
        assert not match, f"{rule}: '{match.group(0)}'"


def test_the_contradiction_patterns_catch_the_seed_articles_errors():
    seed = ROOT.parent / "shared/seed/aatd-article.txt"
    if not seed.exists():
        pytest.skip("the seed article is not beside the repository")
    text = re.sub(r"\s+", " ", seed.read_text().lower())
    assert re.search(CONTRADICTIONS["AAT is not an enzyme (article wording)"], text)
    assert re.search(CONTRADICTIONS["AAT is not an enzyme"], "alpha-1 antitrypsin is an enzyme.")


@pytest.mark.parametrize("stem", CHAPTERS)
def test_built_chapter_has_objectives_summary_and_accessible_figures(built_book, stem):
    soup = BeautifulSoup((built_book / f"{stem}.html").read_text(), "html.parser")
    article = soup.find("article")
    h2 = [
        re.sub(r"^[\d.]+\s*", "", h.get_text(" ", strip=True).rstrip("#").strip())
        for h in article.find_all("h2")
    ]
    assert "Learning objectives" in h2 and "Summary" in h2, h2
    images = [
        img
        for img in article.find_all("img")
        if not img.find_parent(class_=re.compile("explorer|quiz"))
    ]
    for img in images:
        alt = (img.get("alt") or "").strip()
        assert len(alt.split()) >= 8, f"alt text too short: {alt!r}"
        figure = img.find_parent("figure")
        assert figure is not None, f"figure without caption: {alt!r}"
        caption = figure.find("figcaption").get_text(" ", strip=True)
        assert caption and alt not in caption, "alt text must differ from the caption"
