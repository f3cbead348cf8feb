"""Corrected facts (issue 10) stay corrected everywhere the course says them.

Each rule is a pattern for an old, wrong statement. The scan covers every notebook (prose,
code and committed text outputs), every quiz bank, every page under ``book/`` and every
string in the ``aatd`` package. Each rule carries the old sentences it was written against
as literals (``old``), so its positive control never skips, and a corrected sentence
(``fixed``) that it must let through, so it is not simply matching everything.

``book/corrections.md`` is left out of the scan on purpose: it quotes the old statements to
tell readers what changed. Its own test checks that it lists every rule's topic.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, toc_part

CORRECTIONS_PAGE = ROOT / "book" / "corrections.md"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    old: tuple[str, ...]
    fixed: str
    topic: str  # a phrase the Corrections page must contain


RULES = [
    Rule(
        "infant liver: biochemical signs are common, not 'no liver problem'",
        r"most (zz |piz )?(babies|infants|newborns) had no liver (problem|sign)"
        r"|\bno liver sign\b|\b98 of 120 = 82%|had no sign of a liver problem at all",
        (
            "The same numbers, turned around, show that most babies had no liver problem at all:",
            "no liver sign       98 of 120 = 82%",
            'counts = {"prolonged jaundice": 14, "any liver sign": 22, "no liver sign": 120 - 22}',
            "most PiZ babies (98 of 120) had no sign of a liver problem at all",
        ),
        "The other 98 had no clinical liver disease, yet their liver blood tests were often "
        "abnormal.",
        "Newborn liver disease",
    ),
    Rule(
        "infant liver: '10% of ZZ newborns develop liver disease' flattens the arc",
        r"about (10%|1 in 10) of (zz |piz )?(newborns|babies) develop liver disease"
        r"|in about 10% of\s+zz babies",
        (
            "Overall, about 10% of ZZ newborns develop liver disease {cite}`sveger1976,lomas1992`.",
            "Right: about 10% of ZZ newborns develop liver disease; in Sweden 14 of 120 PiZ babies",
            "can show as prolonged jaundice (cholestasis), in about 10% of ZZ babies",
        ),
        "Prolonged jaundice affected 14 of 120 PiZ babies.",
        "Newborn liver disease",
    ),
    Rule(
        "who to test: every person with COPD, not 'especially early or never-smokers'",
        r"especially (when it starts )?early,? or in (someone who has never smoked|a never-smoker)",
        (
            "people with {term}`COPD` or {term}`emphysema`, especially when it starts early or in\n"
            "  someone who has never smoked;",
            "Yes: COPD or emphysema, especially early or in a never-smoker, "
            "is the commonest reason",
        ),
        "every adult with COPD, whatever their age and whether or not they have smoked",
        "Who is tested",
    ),
    Rule(
        "MZ is half-way in an additive model; Z secretion cannot put it above",
        r"(so much higher than|much closer to mm than) half-way"
        r"|use the secretion of z protein to explain"
        r"|closer to\s+\"one m allele plus a little\"",
        (
            "3. **Explain:** why is the MZ range so much higher than half-way between MM and ZZ?",
            "Why is an MZ carrier's level much closer to MM than half-way to ZZ?",
            "typical MZ level is about 25 µM. Use the secretion of Z protein to explain why.",
            'The serum level is therefore closer to\n"one M allele plus a little" '
            "than to an average",
        ),
        "If each allele adds its own protein, an MZ level is exactly half-way between MM and ZZ.",
        "half-way",
    ),
    Rule(
        "MZ and SZ levels are intermediate, not 'normal-range'",
        r"normal[- ]range levels|whose own levels are in the normal range",
        (
            "two\nMZ parents have normal-range levels themselves.",
            "**Round 1: two parents with normal-range levels.**",
            "Two parents with normal-range levels can still have a ZZ child",
            "- Two parents whose own levels are in the normal range have a ZZ child.",
        ),
        "Two MZ parents, with intermediate levels, can still have a ZZ child.",
        "intermediate",
    ),
    Rule(
        "the hazard ratio 1.2 is Tanash 2017, not Tanash 2010",
        r"hazard ratio[^{]{0,160}\{cite\}`[^`]*tanash2010|\b1\.2[^{]{0,80}\{cite\}`[^`]*tanash2010",
        (
            "population (hazard ratio 1.2, not statistically significant) {cite}`tanash2010`.",
            "the hazard ratio, which compares death rates, was 1.2 and not statistically\n"
            "significant {cite}`tanash2010`.",
        ),
        "(hazard ratio 1.2, 95% CI 0.6–2.2) {cite}`tanash2017`.",
        "hazard ratio 1.2",
    ),
    Rule(
        "never-smoking ZZ survival is qualified (screened vs all never-smokers)",
        r"live a normal lifespan|no clearly raised risk of death",
        (
            "Many people\nwith ZZ who never smoke live a normal lifespan.",
            "many never-smoking\n  people with the ZZ genotype live a normal lifespan "
            "{cite}`tanash2010`.",
            "in a Swedish registry, never-smokers found by screening\nhad no clearly raised risk "
            "of death {cite}`tanash2010`.",
        ),
        "never-smokers found by screening had survival like the general population",
        "Mortality of never-smokers",
    ),
    Rule(
        "the never-smokers' decline is not 'reassuring'",
        r"\breassuring\b",
        (
            "Right: in this study PiZZ never-smokers lost FEV1 at nearly the general-population "
            "rate, which is reassuring.",
        ),
        "PiZZ never-smokers lost FEV1 at nearly the general-population rate.",
        "reassuring",
    ),
    Rule(
        "emphysema pattern: Parr 2004 (65 basal, 37 apical of 102), not 76%/48%",
        r"\b76%[^.]{0,100}\b48%",
        (
            "In one series of people with AATD, 76% had panlobular\nemphysema, but only 48% had "
            "emphysema mainly in the lower lobes {cite}`omim613490,lomas2002`.",
            "Right: 76% had panlobular emphysema, but only 48% had it mainly in the lower lobes,",
        ),
        "of 102 PiZ people with emphysema, 65 were basal- and 37 (36%) apical-predominant",
        "Emphysema pattern",
    ),
    Rule(
        "Janus 1985 is not a 'referral cohort' in its abstract",
        r"referral cohort|referred (with|because of) lung disease|people referred with"
        r"|already referred with disease",
        (
            "an early cohort\n  of people referred with lung disease lost 317 mL/yr "
            "{cite}`janus1985`.",
            "mL/yr (Hiller 2019: 70; Janus 1985's early referral cohort: 317).",
            "Janus's 317 mL/yr came from people referred with lung disease; the band",
            "they studied people\nreferred because of lung disease, so the fastest decliners",
            "the high value came from a selected group of people already referred with disease",
        ),
        "a small cohort of 69 ZZ people followed 1970–83; selection may explain part of the gap",
        "referral cohort",
    ),
    Rule(
        "neutrophil elastase has 218 residues, not 238",
        r"\b238 amino acids\b",
        ("a {term}`protease` of 29 kDa (238 amino acids)",),
        "the mature enzyme is a chain of 218 amino acids",
        "218 amino acids",
    ),
    Rule(
        "Mulgrew's ZZ serum level is on another assay scale, not simply 'higher'",
        r"mulgrew's zz group, whose serum level was higher",
        (
            "it gives a typical ZZ lung less AAT than\nMulgrew's ZZ group, whose serum level was "
            "higher.",
        ),
        "Their serum read 10 µM on that study's assay, whose MM values ran about twice the "
        "purified-standard range.",
        "five people per group",
    ),
    Rule(
        "Hersh's meta-analysis is given with its weaker adjusted estimate",
        r"about 2\.3 times those of mm people \{cite\}`hersh2004`",
        ("their odds of COPD were about 2.3 times those of MM people {cite}`hersh2004`, and in",),
        "about 2.3 times those of MM people overall, but weaker after adjusting for smoking",
        "smoking-adjusted",
    ),
    Rule(
        "sibling risk is 1 in 4 only when both parents are MZ",
        r"brothers and sisters of a zz person[^.]{0,40}each had\s+the same 1-in-4 chance",
        (
            "the brothers and sisters of a ZZ person, for example, each had\nthe same 1-in-4 "
            "chance of being ZZ.",
        ),
        "If both parents of a ZZ person are MZ, each brother or sister had a 1-in-4 chance.",
        "both parents are MZ",
    ),
    Rule(
        "the 11 µM threshold is an inference, not a measured breakpoint",
        r"11 µm below which the risk of emphysema rises clearly",
        ("The serum AAT level of 11 µM below which the risk of emphysema rises clearly.",),
        "The serum AAT level of 11 µM below which the risk of emphysema is thought to rise "
        "clearly. It is an epidemiological inference.",
        "epidemiological inference",
    ),
    Rule(
        "RAPID is reported with both arms, not a placebo slope with a standard error",
        r"2\.19 ± 0\.23 g/l a year",
        (
            "In the placebo group,\nlung density fell by 2.19 ± 0.23 g/L a year; the loss was "
            "slower in the treated group",
        ),
        "about 2.19 g/L a year with placebo and 1.45 g/L a year with treatment (p = 0.03)",
        "1.45",
    ),
    Rule(
        "the 1,677 liver transplants carry their period (1991–2012)",
        r"1,677 liver transplants were done for aatd",
        ("In the United\nStates, 1,677 liver transplants were done for AATD, and 77.2% of them",),
        "for 1991–2012, 1,677 liver transplants listed AATD as the diagnosis",
        "1991–2012",
    ),
    Rule(
        "polymers attracting neutrophils is Mulgrew 2004, not Lomas 1992",
        r"attract neutrophils \{cite\}`lomas1992`|attract neutrophils\s*\(``lomas1992``",
        ("Z-AAT polymers, which attract neutrophils {cite}`lomas1992`,",),
        "Z-AAT polymers, which attract neutrophils {cite}`mulgrew2004`,",
        "attract neutrophils",
    ),
    Rule(
        "no physiology numbers from the panniculitis case report",
        r"\b34 mg( per kilogram|/kg)|half-life`?\}? in the blood is 3–5 days"
        r"|half-life of 3–5 days|\b2,?380\b"
        r"|(liver cells|hepatocytes?|macrophages|epithelia|synthesis)[^.]{0,160}panniculitis2009",
        (
            "The body makes AAT all the time: about 34 mg per kilogram of body mass each day",
            "AAT is also removed all the time. Its {term}`half-life` in the blood is 3–5 days",
            "- AAT is made mainly by liver cells, about 34 mg/kg each day, with a half-life of "
            "3–5 days;",
            "2,380 is the amount in milligrams; divide by 1,000 to give grams.",
            "Most AAT is made by liver cells, the {term}`hepatocytes <hepatocyte>`\n"
            "{cite}`lomas1992,panniculitis2009`.",
            "#: AAT synthesis by the body, mg per kg body mass per day (``panniculitis2009``).\n"
            "SYNTHESIS_MG_PER_KG_PER_DAY = 34.0",
        ),
        "In dogs given purified human AAT, the half-life averaged 71 hours for M protein.",
        "turnover",
    ),
    Rule(
        "Wewers 1987's assay standard is not stated in its abstract",
        r"that study's older assay standard|wewers 1987, old commercial standard"
        r"|126 mg/dl on the old commercial standard",
        (
            "with treatment against 30 mg/dL without (on that\nstudy's older assay standard), and",
            "Trough serum AAT during weekly augmentation: 126 mg/dL (Wewers 1987, old commercial "
            "standard) × 11/80 µM per mg/dL.",
            "trough measured by Wewers and colleagues, 126 mg/dL on the old commercial standard",
            "with weekly infusions, 126 mg/dL on the old commercial standard (``wewers1987``),",
        ),
        "126 mg/dL; the abstract does not state the standard, and the model assumes the older one",
        "assay standard",
    ),
    Rule(
        "the text speaks about sources, not about how the course was written",
        r"source article for this course|this course's fact sheet|fact-sheet estimates"
        r"|\bour fact sheet\b",
        (
            'The source article for this course mentions "skin problems".',
            "This course's fact sheet does not record\nwhich assay standard the study used,",
            "They are longer than the fact-sheet estimates because the model uses the typical",
        ),
        'AATD is sometimes said to cause "skin problems".',
        "how the course was written",
    ),
]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _notebook_texts():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        parts = []
        for cell in nb.cells:
            parts.append(cell.source)
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    parts.append(out.get("text", ""))
                elif "text/plain" in out.get("data", {}):
                    parts.append(out["data"]["text/plain"])
        yield path, "\n".join(parts)


def _python_strings(path: Path) -> str:
    """Every string constant in a module (implicit concatenations arrive joined)."""
    tree = ast.parse(path.read_text())
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def corpus() -> dict[str, str]:
    texts = {str(p.relative_to(ROOT)): t for p, t in _notebook_texts()}
    for path in sorted((ROOT / "notebooks").glob("*.quiz.yml")):
        texts[str(path.relative_to(ROOT))] = path.read_text()
    for path in sorted((ROOT / "book").rglob("*.md")):
        if path == CORRECTIONS_PAGE or "_static" in path.parts:
            continue
        texts[str(path.relative_to(ROOT))] = path.read_text()
    for path in sorted((ROOT / "aatd").rglob("*.py")):
        texts[str(path.relative_to(ROOT))] = _python_strings(path)
    return {name: normalise(text) for name, text in texts.items()}


CORPUS = corpus()


def test_the_scan_covers_notebooks_banks_book_and_package():
    names = set(CORPUS)
    n_chapters = len(toc_part("Chapters"))  # counted from the toc, not hard-coded
    assert len([n for n in names if n.endswith(".ipynb")]) == n_chapters
    assert len([n for n in names if n.endswith(".quiz.yml")]) == n_chapters
    assert "book/model.md" in names and "book/glossary.md" in names
    assert "aatd/parameters.py" in names and "aatd/lung.py" in names
    assert "book/corrections.md" not in names


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_old_statement_does_not_return(rule):
    hits = [
        (name, m.group(0)) for name, text in CORPUS.items() if (m := re.search(rule.pattern, text))
    ]
    assert not hits, f"{rule.name}: {hits}"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_pattern_catches_the_old_sentences_and_passes_the_fixed_one(rule):
    for old in rule.old:
        assert re.search(rule.pattern, normalise(old)), f"misses old sentence: {old!r}"
    assert not re.search(rule.pattern, normalise(rule.fixed)), "matches the corrected wording"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_corrections_page_mentions_each_correction(rule):
    page = normalise(CORRECTIONS_PAGE.read_text())
    assert normalise(rule.topic) in page, f"Corrections page says nothing about {rule.topic!r}"


def test_corrections_page_is_dated_and_in_both_tables_of_contents():
    page = CORRECTIONS_PAGE.read_text()
    assert "## 3 December 2026" in page
    for toc in ("_toc.yml", "_toc-student.yml"):
        assert "file: book/corrections" in (ROOT / toc).read_text(), toc


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_each_chapter_carries_a_last_reviewed_date_linking_the_corrections(path):
    nb = nbformat.read(path, as_version=4)
    overview = next(c.source for c in nb.cells if "## Overview" in c.source)
    assert re.search(r"Last reviewed: \d{1,2} \w+ 20\d\d", overview), "no review date"
    assert "Last reviewed: 3 December 2026" in overview
    assert "(../book/corrections.md)" in overview
