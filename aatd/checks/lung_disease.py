"""Checks for chapter 05 (What does AATD do to the lungs?): published decline rates."""

from __future__ import annotations

from aatd.checks.core import Exercise, Wrong, register

_PIZZ = "PiZZ (Sweden)"
_GENERAL = "General population"


def _rate(group: str, smoking: str) -> float:
    from aatd.plots import lungdisease

    return float(lungdisease.decline_ml_per_year(group, smoking))


register(
    Exercise(
        "ex-05-2",
        expected=lambda: _rate(_PIZZ, "current") / _rate(_GENERAL, "current"),
        confirm="PiZZ current smokers declined about 1.75 times as fast as current smokers "
        "in the general population (70 ÷ 40 mL/yr).",
        hint="Divide the PiZZ current-smoker rate by the general-population current-smoker "
        "rate: both numbers are in mL/yr, so the ratio has no unit.",
        wrong=(
            Wrong(
                "inverted",
                lambda: _rate(_GENERAL, "current") / _rate(_PIZZ, "current"),
                "That ratio is below 1: you divided the general-population rate by the PiZZ "
                "rate. 'How many times faster is the PiZZ decline' puts PiZZ on top.",
            ),
            Wrong(
                "difference",
                lambda: _rate(_PIZZ, "current") - _rate(_GENERAL, "current"),
                "That is the difference in mL/yr. 'How many times faster' asks for a ratio: "
                "divide instead of subtracting.",
            ),
            Wrong(
                "pizz-never",
                lambda: _rate(_PIZZ, "current") / _rate(_PIZZ, "never"),
                "You compared PiZZ current smokers with PiZZ never-smokers. The exercise "
                "compares PiZZ current smokers with current smokers in the general population.",
            ),
        ),
    )
)

register(
    Exercise(
        "ex-05-3",
        expected="computed:pizz_quit_vs_continue_gap_20y_ml",
        confirm="The gap grows by 70 − 42 = 28 mL each year, about 560 mL over the 20 years "
        "from 40 to 60.",
        hint="Find how much faster the continuing smoker declines each year (current minus "
        "former rate), then multiply by the number of years from 40 to 60.",
        unit="mL",
        wrong=(
            Wrong(
                "one-year",
                lambda: _rate(_PIZZ, "current") - _rate(_PIZZ, "former"),
                "That is the gap after one year. The two people are followed from 40 to 60: "
                "multiply the yearly gap by 20.",
            ),
            Wrong(
                "never-rate",
                lambda: 20 * (_rate(_PIZZ, "current") - _rate(_PIZZ, "never")),
                "You used the never-smokers' rate (32 mL/yr). The person who stops becomes a "
                "former smoker: use the former smokers' rate, 42 mL/yr.",
            ),
            Wrong(
                "smoker-total",
                lambda: 20 * _rate(_PIZZ, "current"),
                "That is everything the continuing smoker loses in 20 years. The question asks "
                "for the gap between the two people: subtract what the former smoker loses.",
            ),
        ),
    )
)
