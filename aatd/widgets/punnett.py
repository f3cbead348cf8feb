"""The family explorer: a Punnett square for any two parents, with two faces.

``PunnettExplorer(parent_a="MZ", parent_b="MZ")`` shows the 2×2 Punnett square of two
parents chosen from all ten genotypes of the alleles M, S, Z and Q0 (null), the chance of
each child genotype (:func:`aatd.genetics.offspring`) and each child's serum AAT range
(:func:`aatd.genetics.serum_aat`, µM, purified standard, ``brantly1991``; ranges with one
null allele are derived) against the 11 µM protective threshold (``stoller2012``).

Live face (Jupyter): two labelled dropdowns; a change redraws the same figure
(:func:`aatd.plots.draw_punnett`). Kernel-free face (the book): all 10 × 10 parent pairs
are precomputed by the same package as compact deterministic JSON, and the shared inline
script of :mod:`aatd.widgets.base` only looks them up and draws them.
"""

from __future__ import annotations

from .. import genetics, units
from ..genetics import threshold_relation
from ..plots import GENOTYPE_COLORS, THRESHOLD_COLOR, draw_punnett, punnett_figure
from ..plots.inheritance import chance_text, text_color_on
from .base import Axis, StaticSpec, Table, TwoFacedExplorer, marker, rect, text, vline

#: Every genotype a parent can have, in the package's canonical order.
GENOTYPES = genetics.all_genotypes()

#: How each relation to the 11 µM threshold is said in words.
_T = f"{units.PROTECTIVE_THRESHOLD_UM:g} µM"
RELATION_TEXT = {
    "above": f"above {_T}",
    "straddles": f"straddles {_T}",
    "below": f"below {_T}",
    "none": "no AAT",
}

#: Upper end of the serum axis in the kernel-free face (µM).
SERUM_AXIS_MAX_UM = 55.0


def _range_text(genotype: str) -> str:
    r = genetics.serum_aat(genotype)
    if r.high_uM == 0:
        return "no AAT"
    return f"{r.low_uM:g}–{r.high_uM:g} µM"


def _child_label(genotype: str) -> str:
    mark = "*" if genetics.serum_aat(genotype).status == "derived" else ""
    return f"{genotype}{mark}"


def family_readout(parent_a, parent_b) -> str:
    """One or two sentences: each child genotype's chance and serum range vs 11 µM."""
    a = genetics.parse_genotype(parent_a)
    b = genetics.parse_genotype(parent_b)
    chances = genetics.offspring(a, b)
    parts = [
        f"{child} {chance_text(p)}, no AAT"
        if genetics.serum_aat(child).high_uM == 0
        else (
            f"{child} {chance_text(p)}, serum {_range_text(child)} "
            f"({RELATION_TEXT[threshold_relation(child)]})"
        )
        for child, p in chances.items()
    ]
    text_ = f"Parents {a} × {b}. Each child: " + "; ".join(parts) + "."
    if any(genetics.serum_aat(c).status == "derived" for c in chances):
        text_ += " Ranges with one null allele are derived (one working allele), not measured."
    return text_


def family_table(parent_a, parent_b) -> Table:
    """The "show the numbers" table for two parents."""
    a = genetics.parse_genotype(parent_a)
    b = genetics.parse_genotype(parent_b)
    chances = genetics.offspring(a, b)
    children = list(chances)
    ranges = [genetics.serum_aat(c) for c in children]
    return Table(
        caption=f"Children of {a} × {b}: chance and serum AAT (µM, purified standard)",
        headers=[
            "Child",
            "Chance",
            "Chance (%)",
            "Low (µM)",
            "Typical (µM)",
            "High (µM)",
            f"Against {_T}",
            "Source of range",
        ],
        columns=[
            children,
            [chance_text(chances[c]).split(" ")[0] for c in children],
            [chances[c] * 100 for c in children],
            [r.low_uM for r in ranges],
            [r.typical_uM for r in ranges],
            [r.high_uM for r in ranges],
            [RELATION_TEXT[threshold_relation(c)] for c in children],
            [
                "Brantly 1991"
                if r.status == "sourced" and r.high_uM > 0
                else ("none made" if r.high_uM == 0 else "derived")
                for r in ranges
            ],
        ],
    )


class PunnettExplorer(TwoFacedExplorer):
    """Punnett square and children's chances for two parents (controls ``parent_a``,
    ``parent_b``: any of the ten genotypes; any spelling that parses, e.g. ``"zm"``).

    ``.square`` is the current 2×2 square and ``.chances`` the current
    ``{child genotype: probability}``, both straight from :mod:`aatd.genetics`.
    """

    slug = "punnett"
    title = "Family explorer: Punnett square"

    # -- controls and checks
    def _make_controls(self):
        import ipywidgets as W

        return {
            "parent_a": W.Dropdown(
                options=list(GENOTYPES), value="MZ", description="Parent A genotype"
            ),
            "parent_b": W.Dropdown(
                options=list(GENOTYPES), value="MZ", description="Parent B genotype"
            ),
        }

    def _check(self, name, value):
        if name in ("parent_a", "parent_b"):
            return genetics.parse_genotype(value)  # ValueError names the bad code
        return super()._check(name, value)

    # -- live face
    def _make_figure(self):
        return punnett_figure("MZ", "MZ")

    def _update_figure(self, state):
        draw_punnett(self.figure, state["parent_a"], state["parent_b"])

    def _readout(self, state) -> str:
        return family_readout(state["parent_a"], state["parent_b"])

    def _tables(self, state):
        return [family_table(state["parent_a"], state["parent_b"])]

    @property
    def square(self) -> list[list[str]]:
        """The current Punnett square (rows: parent A's alleles, columns: parent B's)."""
        st = self.state()
        return genetics.punnett_square(st["parent_a"], st["parent_b"])

    @property
    def chances(self) -> dict[str, float]:
        """The current chance of each child genotype (sums to 1)."""
        st = self.state()
        return genetics.offspring(st["parent_a"], st["parent_b"])

    # -- kernel-free face
    def _static_spec(self) -> StaticSpec:
        spec = StaticSpec(
            self,
            width=760,
            height=330,
            description="Punnett square of two parents and each child's chance and serum "
            f"AAT range against the {_T} threshold.",
        )
        options = [(g, g) for g in GENOTYPES]
        spec.select("parent_a", "Parent A genotype", options, value="MZ")
        spec.select("parent_b", "Parent B genotype", options, value="MZ")
        sq = spec.panel(
            "a_square",
            box=(150, 70, 200, 200),
            x=Axis(1, 3, ticks=[], grid=False),
            y=Axis(1, 3, ticks=[], grid=False, invert=True),
            legend="none",
        )
        ch = spec.panel(
            "b_children",
            box=(480, 70, 260, 200),
            x=Axis(
                0,
                SERUM_AXIS_MAX_UM,
                label="Child's serum AAT (µM, purified standard)",
                ticks=[0, 10, 20, 30, 40, 50],
            ),
            y=Axis(-0.8, 3.5, ticks=[], grid=False, invert=True),
            title="Chance and serum range",
            legend="none",
        )
        spec.add_static(
            rect(sq, 1, 3, 1, 3, fill="none", stroke="#333333"),
            text(
                sq, 2, 3.3, "Each box: a 1 in 4 chance", anchor="middle", size=12, color="#333333"
            ),
            vline(
                ch,
                units.PROTECTIVE_THRESHOLD_UM,
                color=THRESHOLD_COLOR,
                dash="5 4",
                label=_T,
                at=0.98,
            ),
        )
        for a in GENOTYPES:
            for b in GENOTYPES:
                spec.state(
                    {"parent_a": a, "parent_b": b},
                    elements=self._static_elements(sq, ch, a, b),
                    readout=family_readout(a, b),
                    tables=[family_table(a, b)],
                    label=f"Punnett square for parents {a} and {b}, and "
                    "each child's chance and serum AAT range",
                )
        return spec

    @staticmethod
    def _static_elements(sq, ch, a, b) -> list[dict]:
        els = []
        alleles_a = genetics.alleles_of(a)
        alleles_b = genetics.alleles_of(b)
        els.append(
            text(
                sq, 2, 0.45, f"Parent B ({b}) passes on", anchor="middle", size=13, color="#333333"
            )
        )
        els.append(text(sq, 0.55, 1.95, f"Parent A ({a})", anchor="end", size=13, color="#333333"))
        els.append(text(sq, 0.55, 2.15, "passes on", anchor="end", size=13, color="#333333"))
        for j, allele in enumerate(alleles_b):
            els.append(text(sq, 1.5 + j, 0.85, allele, anchor="middle", size=18, weight="700"))
        for i, allele in enumerate(alleles_a):
            els.append(text(sq, 0.8, 1.56 + i, allele, anchor="middle", size=18, weight="700"))
        for i, row in enumerate(genetics.punnett_square(a, b)):
            for j, child in enumerate(row):
                color = GENOTYPE_COLORS[child]
                els.append(
                    rect(
                        sq,
                        1 + j + 0.03,
                        2 + j - 0.03,
                        1 + i + 0.03,
                        2 + i - 0.03,
                        fill=color,
                        label=child,
                        label_color=text_color_on(color),
                        size=20,
                    )
                )
        chances = genetics.offspring(a, b)
        derived = False
        for y, child in enumerate(chances):
            r = genetics.serum_aat(child)
            color = GENOTYPE_COLORS[child]
            derived = derived or r.status == "derived"
            els.append(
                text(
                    ch,
                    -2.2,
                    y + 0.12,
                    f"{_child_label(child)}  {chance_text(chances[child])}",
                    anchor="end",
                    size=13,
                )
            )
            if r.high_uM > 0:
                els.append(rect(ch, r.low_uM, r.high_uM, y - 0.17, y + 0.17, fill=color))
                els.append(marker(ch, r.typical_uM, y, color="#FFFFFF", stroke=color, r=5))
            else:
                els.append(marker(ch, 0, y, color=color, stroke=color, r=5))
                els.append(text(ch, 1.5, y + 0.12, "no AAT", size=12, color="#333333"))
        if derived:
            els.append(
                text(
                    ch,
                    SERUM_AXIS_MAX_UM,
                    3.45,
                    "* derived range",
                    anchor="end",
                    size=11,
                    color="#333333",
                )
            )
        return els
