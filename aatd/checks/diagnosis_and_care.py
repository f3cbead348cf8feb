"""Checks for chapter 08 (Diagnosis and care): reading AAT results in µM and mg/dL."""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register

#: Lining-fluid AAT (µM) before and on weekly augmentation, as the exercise states them
#: (``wewers1987``; the book's chapter 8 cites the same values).
WEWERS_LINING_FLUID_UM = (0.46, 1.89)

#: The hypothetical report of exercise ex-08-3 (a teaching value, not a published number).
REPORT_MG_DL = 40.0


def _mm_range_uM() -> tuple[float, float]:
    from aatd import genetics

    mm = genetics.serum_aat("MM")
    return float(mm.low_uM), float(mm.high_uM)


def _mm_range_mg_dl(standard: str = "molecular_mass") -> tuple[float, float]:
    from aatd import units

    low, high = _mm_range_uM()
    return float(units.uM_to_mg_dl(low, standard)), float(units.uM_to_mg_dl(high, standard))


def _convert(func: str, value: float, standard: str) -> float:
    from aatd import units

    return float(getattr(units, func)(value, standard))


def _lining_fluid_ratios(inverted: bool = False) -> tuple[float, float]:
    from aatd.plots.balance import LINING_FLUID_AAT_UM

    before_uM, on_uM = WEWERS_LINING_FLUID_UM
    pimm_uM = LINING_FLUID_AAT_UM["MM"]  # mulgrew2004
    if inverted:
        return before_uM / on_uM, pimm_uM / on_uM
    return on_uM / before_uM, on_uM / pimm_uM


def _lining_fluid_differences() -> tuple[float, float]:
    from aatd.plots.balance import LINING_FLUID_AAT_UM

    before_uM, on_uM = WEWERS_LINING_FLUID_UM
    return on_uM - before_uM, on_uM - LINING_FLUID_AAT_UM["MM"]


register(
    Exercise(
        "ex-08-2",
        expected=_mm_range_mg_dl,
        confirm="By molecular mass 20–53 µM is about 104–276 mg/dL; on the older commercial "
        "standard the same blood would read about 145–385 mg/dL.",
        hint="Call units.uM_to_mg_dl on each end of the range (20 and 53 µM) and give the "
        "pair: answer = (low, high) in mg/dL.",
        unit="mg/dL",
        wrong=(
            Wrong(
                "old-standard",
                lambda: _mm_range_mg_dl("old_commercial"),
                "Those are the values on the older commercial standard. The exercise asks "
                "for the conversion by molecular mass, the default of units.uM_to_mg_dl.",
            ),
            Wrong(
                "wrong-direction",
                lambda: tuple(_convert("mg_dl_to_uM", x, "molecular_mass") for x in (20, 53)),
                "You converted the wrong way (mg/dL → µM). The range is in µM; use "
                "units.uM_to_mg_dl to get mg/dL.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-08-3",
        expected=lambda: _convert("mg_dl_to_uM", REPORT_MG_DL, "old_commercial"),
        confirm="40 mg/dL on the older commercial standard is 5.5 µM (80 mg/dL there is "
        "11 µM), well below the threshold; by molecular mass it would read about 7.7 µM.",
        hint="Use units.mg_dl_to_uM(40, standard='old_commercial'): the report gives mg/dL "
        "on the older standard and you want µM.",
        unit="µM",
        wrong=(
            Wrong(
                "molecular-mass",
                lambda: _convert("mg_dl_to_uM", REPORT_MG_DL, "molecular_mass"),
                "That is the conversion by molecular mass. The report says it used the older "
                "commercial standard: pass standard='old_commercial'.",
            ),
            Wrong(
                "wrong-direction",
                lambda: _convert("uM_to_mg_dl", REPORT_MG_DL, "old_commercial"),
                "You converted the wrong way (µM → mg/dL). The report is in mg/dL: use "
                "units.mg_dl_to_uM.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-08-4",
        expected=_lining_fluid_ratios,
        confirm="1.89 ÷ 0.46 ≈ 4.1 (the lining-fluid level roughly quadrupled) and "
        "1.89 ÷ 3.7 ≈ 0.51 (about half the PiMM value of the other study).",
        hint="Divide the level on treatment by each comparison level: answer = "
        "(on ÷ before, on ÷ PiMM).",
        wrong=(
            Wrong(
                "inverted",
                lambda: _lining_fluid_ratios(inverted=True),
                "Both ratios are upside down: put the level on treatment (1.89 µM) on top.",
            ),
            Wrong(
                "differences",
                lambda: _lining_fluid_differences(),
                "Those are differences in µM. The exercise asks for ratios: divide.",
            ),
        ),
    )
)
