"""The population explorer: how many people of each genotype a region holds, with two faces.

``PopulationExplorer(region="ireland", population=1_000_000, diagnosed=0.10)`` shows the
Hardy–Weinberg expected number of MM, MS, MZ, SS, SZ and ZZ people
(:func:`aatd.population.expected_counts`) for a region's cited Z and S allele frequencies
(:data:`aatd.population.PRESETS`) in a chosen population size, and how many ZZ people are
undiagnosed at a chosen diagnosed share. Null alleles are ignored (the notice says so).

Every control is a select, so the kernel-free face is a lookup over a precomputed grid of
every region × size × share (4 × 5 × 5 = 100 states).
"""

from __future__ import annotations

from .. import population as pop
from ..plots import GENOTYPE_COLORS
from ..plots.population import (
    COUNT_AXIS_MAX,
    COUNT_AXIS_MIN,
    count_text,
    draw_population,
    population_figure,
)
from .base import Axis, StaticSpec, Table, TwoFacedExplorer, rect, text

REGIONS = tuple(pop.PRESETS)
SIZES = pop.POPULATION_SIZES
SHARES = pop.DIAGNOSED_SHARES


def size_label(n: int) -> str:
    return f"{n:,} people"


def share_label(share: float) -> str:
    return f"{share * 100:g}% diagnosed"


def _counts(region: str, size: int) -> dict[str, float]:
    p = pop.preset(region)
    return pop.expected_counts(z=p.z, s=p.s, population=size)


def population_readout(region: str, size: int, diagnosed: float) -> str:
    """Two sentences: the region's alleles and the expected ZZ, SZ and MZ people, and how
    many of the ZZ people are undiagnosed."""
    p = pop.preset(region)
    c = _counts(region, size)
    zz = c["ZZ"]
    return (
        f"{p.label} (Z {p.z * 1000:.1f}, S {p.s * 1000:.1f} per 1,000 alleles): in "
        f"{size:,} people, about {count_text(zz)} ZZ, {count_text(c['SZ'])} SZ and "
        f"{count_text(c['MZ'])} MZ are expected. With {diagnosed * 100:g}% diagnosed, about "
        f"{count_text(pop.undiagnosed(zz, diagnosed))} of the ZZ people do not know."
    )


def population_table(region: str, size: int, diagnosed: float) -> Table:
    p = pop.preset(region)
    f = pop.genotype_frequencies(z=p.z, s=p.s)
    c = _counts(region, size)
    return Table(
        caption=f"{p.label}: expected people of each genotype (Hardy–Weinberg, nulls ignored); "
        f"source cohort: {p.cohort}",
        headers=["Genotype", "Frequency", "1 in", "Per 100,000", f"In {size:,}", "Undiagnosed"],
        columns=[
            list(pop.GENOTYPES),
            [f[g] for g in pop.GENOTYPES],
            [round(pop.one_in(f[g])) for g in pop.GENOTYPES],
            [f[g] * 100_000 for g in pop.GENOTYPES],
            [c[g] for g in pop.GENOTYPES],
            [
                pop.undiagnosed(c[g], diagnosed) if g in pop.SEVERE_GENOTYPES else "—"
                for g in pop.GENOTYPES
            ],
        ],
    )


class PopulationExplorer(TwoFacedExplorer):
    """Expected genotype counts for a region (controls ``region``, ``population``,
    ``diagnosed``: each one of its select's values)."""

    slug = "population"
    title = "Population explorer: how many people of each genotype"
    notice = (
        "Hardy–Weinberg expectations from each region's cited allele frequencies; null and "
        "rare alleles are ignored, so these are estimates, not a census."
    )

    def _make_controls(self):
        import ipywidgets as W

        return {
            "region": W.Dropdown(
                options=[(pop.PRESETS[k].label, k) for k in REGIONS],
                value=pop.DEFAULT_PRESET,
                description="Region",
            ),
            "population": W.Dropdown(
                options=[(size_label(n), n) for n in SIZES],
                value=1_000_000,
                description="Population",
            ),
            "diagnosed": W.Dropdown(
                options=[(share_label(s), s) for s in SHARES],
                value=pop.DEFAULT_DIAGNOSED_SHARE,
                description="Diagnosed",
            ),
        }

    def _check(self, name, value):
        if name == "region":
            return pop.preset(value).key
        if name == "population":
            n = pop.check_population(value)
            if n not in SIZES:
                raise ValueError(
                    f"population {value!r} is not one of the explorer's sizes "
                    f"{', '.join(f'{s:,}' for s in SIZES)}"
                )
            return n
        if name == "diagnosed":
            for s in SHARES:
                if isinstance(value, (int, float)) and abs(float(value) - s) < 1e-9:
                    return s
            raise ValueError(
                f"diagnosed share {value!r} is not one of {', '.join(f'{s:g}' for s in SHARES)}"
            )
        return super()._check(name, value)

    # -- live face
    def _make_figure(self):
        return population_figure()

    def _animated_artists(self):
        bars, labels, _title = self.figure._aatd_population
        return [*bars, *labels]

    def _update_figure(self, state):
        # the readout names the region and size; the title stays fixed so redraws can blit
        draw_population(self.figure, _counts(state["region"], state["population"]))

    def _readout(self, state) -> str:
        return population_readout(state["region"], state["population"], state["diagnosed"])

    def _tables(self, state):
        return [population_table(state["region"], state["population"], state["diagnosed"])]

    @property
    def counts(self) -> dict[str, float]:
        """The current expected people of each genotype."""
        st = self.state()
        return _counts(st["region"], st["population"])

    # -- kernel-free face
    def _static_spec(self) -> StaticSpec:
        spec = StaticSpec(
            self,
            width=620,
            height=330,
            description="Expected number of people of each genotype in the chosen region and "
            "population size, on a log scale, and how many ZZ people are undiagnosed.",
        )
        spec.select(
            "region", "Region", [(k, pop.PRESETS[k].label) for k in REGIONS], value="ireland"
        )
        spec.select(
            "population", "Population", [(n, size_label(n)) for n in SIZES], value=1_000_000
        )
        spec.select(
            "diagnosed",
            "Diagnosed",
            [(s, share_label(s)) for s in SHARES],
            value=pop.DEFAULT_DIAGNOSED_SHARE,
        )
        n_g = len(pop.GENOTYPES)
        panel = spec.panel(
            "counts",
            box=(58, 20, 530, 250),
            x=Axis(
                COUNT_AXIS_MIN,
                COUNT_AXIS_MAX,
                label="Expected people (log scale)",
                log=True,
                ticks=[0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8],
                tick_labels=["0.1", "1", "10", "100", "1k", "10k", "100k", "1M", "10M", "100M"],
                font_size=14,
            ),
            y=Axis(-0.6, n_g - 0.4, ticks=[], grid=False, invert=True),
            legend="none",
        )
        for region in REGIONS:
            for size in SIZES:
                counts = _counts(region, size)
                for share in SHARES:
                    els = []
                    for y, g in enumerate(pop.GENOTYPES):
                        n = max(counts[g], COUNT_AXIS_MIN)
                        els.append(
                            rect(
                                panel,
                                COUNT_AXIS_MIN,
                                n,
                                y - 0.35,
                                y + 0.35,
                                fill=GENOTYPE_COLORS[g],
                            )
                        )
                        els.append(text(panel, 0.07, y + 0.14, g, anchor="end", size=17))
                        els.append(text(panel, n * 1.25, y + 0.14, count_text(counts[g]), size=16))
                    spec.state(
                        {"region": region, "population": size, "diagnosed": share},
                        elements=els,
                        readout=population_readout(region, size, share),
                        tables=[population_table(region, size, share)],
                        label=f"Expected people of each genotype in {size:,} people at "
                        f"{pop.PRESETS[region].label}'s allele frequencies",
                    )
        return spec
