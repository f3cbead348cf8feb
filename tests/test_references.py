"""The bibliography obeys the fact sheet's citation rule: no invented identifiers."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

BIB = (ROOT / "book/references.bib").read_text()
FACTS = ROOT.parent / "shared/reference/aatd-facts.md"
ENTRIES = re.findall(r"@\w+\{([^,]+),(.*?)\n\}", BIB, re.S)


def test_bibliography_has_an_entry_for_every_fact_sheet_source():
    sources = {m for _, body in ENTRIES for m in re.findall(r"annote = \{(S\d+)\}", body)}
    assert sources == {f"S{i}" for i in range(1, 49)}


def test_no_entry_has_page_ranges_or_volumes_the_sheet_does_not_give():
    for key, body in ENTRIES:
        assert not re.search(r"^\s*(pages|volume|number|url)\s*=", body, re.M), key


@pytest.mark.skipif(not FACTS.exists(), reason="shared/reference/aatd-facts.md is not beside the repo")
def test_every_identifier_in_the_bibliography_is_on_the_fact_sheet():
    facts = FACTS.read_text()
    identifiers = re.findall(r"(10\.\d{4,}/[^\s},]+|PMID \d+|PMC\d+)", BIB)
    assert identifiers, "the bibliography carries identifiers"
    for ident in identifiers:
        assert ident.split()[-1] in facts, f"{ident} is not on the fact sheet"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "book").rglob("*.md")), ids=lambda p: p.name)
def test_every_cite_key_exists(path):
    keys = {key for key, _ in ENTRIES}
    text = path.read_text()
    for group in re.findall(r"\{cite[pt]?\}`([^`]+)`", text):
        for key in group.split(","):
            assert key.strip() in keys, f"{path.name}: unknown citation key {key!r}"
