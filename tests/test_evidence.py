"""aatd.evidence: every published number once, each with a unit, a real source and a use."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from aatd import evidence

ROOT = Path(__file__).resolve().parents[1]
BIB_KEYS = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "book/references.bib").read_text(), re.M))

#: Published values distinctive enough that a code literal equal to one is a second copy
#: (1.4 and 71 are left out: they are also line widths and range ends).
DISTINCTIVE = (
    "k_ass_M_per_M_s",
    "k_ass_S_per_M_s",
    "k_ass_Z_per_M_s",
    "elf_aat_MM_uM",
    "serum_aat_MM_uM",
    "augmentation_trough_mg_dl",
    "augmentation_elf_before_uM",
    "augmentation_elf_on_uM",
    "decline_lhs_women_ml_yr",
    "decline_lhs_men_ml_yr",
    "decline_zz_smokers_janus_ml_yr",
    "elastase_pg_per_neutrophil",
    "cirrhosis_odds_ratio_zz",
    "aatd_liver_transplants",
    "aatd_transplant_adult_share",
)


def test_every_row_has_unit_source_and_use():
    assert len(evidence.EVIDENCE) == len(evidence.EVIDENCE_ROWS) > 50
    for e in evidence.EVIDENCE_ROWS:
        assert e.unit and e.use, e.name
        assert e.source_key in BIB_KEYS, (e.name, e.source_key)


def test_lookup_and_bad_names():
    assert evidence.value("protective_threshold_uM") == 11.0
    assert evidence.source("protective_threshold_uM") == "stoller2012"
    with pytest.raises(ValueError, match="no_such_number"):
        evidence.value("no_such_number")
    with pytest.raises(ValueError, match="bibliography key"):
        evidence.Evidence("x", 1.0, "µM", "", "a use")


def test_markdown_table_cites_every_row():
    md = evidence.to_markdown()
    for e in evidence.EVIDENCE_ROWS:
        assert f"`{e.name}`" in md and f"{{cite}}`{e.source_key}`" in md


def _number_literals(path: Path) -> set[float]:
    toks = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {float(t.string) for t in toks if t.type == tokenize.NUMBER and "j" not in t.string}


def test_distinctive_published_numbers_are_typed_only_in_evidence():
    values = {evidence.value(n): n for n in DISTINCTIVE}
    # positive control: the evidence module itself holds every one of them as a literal
    assert set(values) <= _number_literals(ROOT / "aatd" / "evidence.py")
    copies = []
    for path in sorted((ROOT / "aatd").rglob("*.py")):
        if path.name == "evidence.py":
            continue
        for v in _number_literals(path) & set(values):
            copies.append(f"{path.relative_to(ROOT)}: {v:g} ({values[v]})")
    assert not copies, copies
