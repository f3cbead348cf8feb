"""The bibliography is complete, taken from the sources, and covers every citation.

Rules (book/references.bib header):
- every entry has an author, a title, a year, and a journal/publisher (journal, publisher,
  howpublished or institution) or an identifier (doi, pmid/pubmed, pmcid/eprint, url);
- identifiers (DOI, PubMed id, PMC id) are unique across entries: one entry per work;
- no entry is a placeholder ("incomplete reference", "et al." standing in for authors);
- every {cite}/{cite:p}/{cite:t} key used in notebooks/, book/ and aatd/ exists in the bib.

Each checker is a plain function run on the real file and, as a positive control, on a small
literal bad entry that it must reject, so no rule can pass vacuously.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from pybtex.database import parse_string

BIB_PATH = ROOT / "book/references.bib"
BIB = BIB_PATH.read_text(encoding="utf-8")

VENUE_FIELDS = ("journal", "publisher", "howpublished", "institution")
IDENTIFIER_FIELDS = ("doi", "pmid", "pubmed", "pmcid", "eprint", "url")
REQUIRED_FIELDS = ("author", "title", "year")

CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def parse_entries(text: str) -> dict[str, dict[str, str]]:
    """Key -> lower-case field name -> raw value, via pybtex (authors joined back)."""
    data = parse_string(text, "bibtex")
    entries = {}
    for key, entry in data.entries.items():
        fields = {name.lower(): str(value) for name, value in entry.fields.items()}
        if entry.persons.get("author"):
            fields["author"] = " and ".join(str(p) for p in entry.persons["author"])
        fields["_type"] = entry.type
        entries[key] = fields
    return entries


def missing_fields(fields: dict[str, str]) -> set[str]:
    """The completeness rule's missing parts for one entry (empty set: complete)."""
    missing = {name for name in REQUIRED_FIELDS if not fields.get(name, "").strip()}
    has_venue = any(fields.get(name, "").strip() for name in VENUE_FIELDS)
    has_identifier = any(fields.get(name, "").strip() for name in IDENTIFIER_FIELDS)
    if not (has_venue or has_identifier):
        missing.add("journal/publisher or identifier")
    return missing


def incompleteness(entries: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """Entries that break the completeness rule, with the fields each lacks."""
    bad = {}
    for key, fields in entries.items():
        missing = missing_fields(fields)
        if missing:
            bad[key] = missing
    return bad


def identifiers(fields: dict[str, str]) -> set[str]:
    """Normalised DOI, PubMed and PMC identifiers of one entry (PMC ids also from its url)."""
    found = set()
    if fields.get("doi"):
        found.add("doi:" + fields["doi"].strip().lower())
    for name in ("pmid", "pubmed"):
        if fields.get(name):
            found.add("pmid:" + re.sub(r"\D", "", fields[name]))
    text = " ".join(fields.get(name, "") for name in ("pmcid", "eprint", "url", "note"))
    found.update("pmc:" + m.upper() for m in re.findall(r"PMC\d+", text, re.IGNORECASE))
    return found


def duplicate_identifiers(entries: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Identifier -> the keys that share it, for identifiers used by more than one entry."""
    owners: dict[str, list[str]] = {}
    for key, fields in entries.items():
        for ident in identifiers(fields):
            owners.setdefault(ident, []).append(key)
    return {ident: keys for ident, keys in owners.items() if len(keys) > 1}


def placeholder_problems(text: str, entries: dict[str, dict[str, str]]) -> list[str]:
    """Placeholder markers: 'incomplete reference' anywhere, 'et al.' as an author."""
    problems = []
    if re.search(r"incomplete\s+reference", text, re.IGNORECASE):
        problems.append("the text says 'incomplete reference'")
    for key, fields in entries.items():
        if re.search(r"\bet\s+al\b", fields.get("author", ""), re.IGNORECASE):
            problems.append(f"{key}: 'et al.' stands in for the author list")
    return problems


def cite_keys(text: str) -> set[str]:
    """Every key cited with a {cite...} role in a text."""
    return {key.strip() for group in CITE_ROLE.findall(text) for key in group.split(",")}


def unknown_cite_keys(text: str, known: set[str]) -> set[str]:
    return cite_keys(text) - known


def cited_sources() -> list[Path]:
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    paths += sorted(p for p in (ROOT / "book").rglob("*.md") if "_build" not in p.parts)
    paths += sorted((ROOT / "aatd").rglob("*.py"))
    return paths


ENTRIES = parse_entries(BIB)

BAD_INCOMPLETE = """
@misc{ferrarotti2012,
  author = {{Ferrarotti et al.}},
  year = {2012},
  note = {PMID 22426792; incomplete reference},
}
"""
BAD_NO_VENUE = """
@misc{nowhere,
  author = {Doe, J.},
  title = {A title},
  year = {2001},
}
"""
BAD_DUPLICATE = """
@article{chapman2015,
  author = {Chapman, K. R.}, title = {RAPID}, journal = {Lancet}, year = {2015},
  doi = {10.1016/X}, pubmed = {123},
}
@article{chapman2015b,
  author = {Chapman, K. R.}, title = {RAPID again}, journal = {Lancet}, year = {2015},
  doi = {10.1016/x},
}
@misc{pmc1, author = {A, B.}, title = {T}, year = {2010}, pmcid = {PMC2867977}}
@misc{pmc2, author = {C, D.}, title = {U}, year = {2010},
  url = {https://pmc.ncbi.nlm.nih.gov/articles/PMC2867977/}}
"""
BAD_CITES = "See {cite}`lomas1992,nosuchkey` and {cite:p}`alsomissing` and {cite:t}`janus1985`."


def test_bibliography_parses_and_has_every_entry_once():
    keys = re.findall(r"^@\w+\{([^,\s]+),", BIB, re.MULTILINE)
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert set(keys) == set(ENTRIES), "pybtex and the raw file disagree on the entries"
    assert len(ENTRIES) >= 50


def test_every_entry_is_complete():
    assert incompleteness(ENTRIES) == {}


def test_completeness_rule_rejects_a_placeholder_entry():
    bad = parse_entries(BAD_INCOMPLETE + BAD_NO_VENUE)
    assert incompleteness(bad) == {
        "ferrarotti2012": {"title", "journal/publisher or identifier"},
        "nowhere": {"journal/publisher or identifier"},
    }


def test_identifiers_are_unique():
    assert duplicate_identifiers(ENTRIES) == {}


def test_uniqueness_rule_catches_a_work_entered_twice():
    dupes = duplicate_identifiers(parse_entries(BAD_DUPLICATE))
    assert dupes == {
        "doi:10.1016/x": ["chapman2015", "chapman2015b"],
        "pmc:PMC2867977": ["pmc1", "pmc2"],
    }


def test_no_placeholder_entries():
    assert placeholder_problems(BIB, ENTRIES) == []


def test_placeholder_rule_rejects_the_old_style():
    problems = placeholder_problems(BAD_INCOMPLETE, parse_entries(BAD_INCOMPLETE))
    assert len(problems) == 2, problems


def test_split_and_repointed_entries():
    # RAPID and RAPID-OLE are two works; ats2003tables is the ATS/ERS statement itself.
    assert ENTRIES["chapman2015"]["journal"] == "Lancet"
    assert "RAPID-OLE" in ENTRIES["mcelvaney2017"]["title"]
    assert ENTRIES["ats2003tables"]["pages"] == "818--900"
    assert "statement" in ENTRIES["ats2003tables"]["title"].lower()


@pytest.mark.parametrize("path", cited_sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cite_key_exists(path):
    assert unknown_cite_keys(path.read_text(encoding="utf-8"), set(ENTRIES)) == set()


def test_cite_key_rule_sees_every_role():
    assert cite_keys(BAD_CITES) == {
        "lomas1992",
        "nosuchkey",
        "alsomissing",
        "janus1985",
    }
    assert unknown_cite_keys(BAD_CITES, set(ENTRIES)) == {"nosuchkey", "alsomissing"}


def test_the_sources_are_actually_searched():
    # The parametrised test above must have material to check, in all three trees.
    sources = cited_sources()
    assert {p.relative_to(ROOT).parts[0] for p in sources} >= {
        "notebooks",
        "book",
        "aatd",
    }
    assert sum(len(cite_keys(p.read_text(encoding="utf-8"))) for p in sources) > 40
