"""Benchmark the model's fast paths against the naive way, from one run.

Run:  python3 benchmarks/bench_model.py

Prints the median time of a scalar ``elastase_exposure`` call and a ``fev1_trajectory``
call, the time for a 200-point exposure curve in one call, the same curve the naive way
(one ``solve_ivp`` per point, tolerance tightened until it matches the closed form to
within the accuracy the tests demand), their ratio, and the largest relative difference.
Targets (model issue): scalar calls <= 2 ms, the 200-point curve <= 5 ms, >= 10x faster
than the naive way.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aatd import kinetics, lung


def median_time_s(func, repeats: int, inner: int = 1) -> float:
    """Median wall time of ``func()`` over ``repeats`` samples of ``inner`` calls."""
    func()  # warm up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            func()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


def main() -> None:
    levels = np.linspace(0.0, 60.0, 200)
    genotype = "MZ"

    scalar_s = median_time_s(
        lambda: kinetics.elastase_exposure(genotype, aat_uM=11.0), repeats=50, inner=20
    )
    traj_s = median_time_s(
        lambda: lung.fev1_trajectory(
            "ZZ", smoking="former", quit_age=45, augmentation_start_age=50
        ),
        repeats=30,
        inner=5,
    )
    curve_s = median_time_s(
        lambda: kinetics.elastase_exposure(genotype, aat_uM=levels), repeats=50, inner=5
    )
    fast = kinetics.elastase_exposure(genotype, aat_uM=levels)

    # The naive way: one solve_ivp per level. Loosen the tolerance as far as it can go
    # while still matching the fast curve within 1e-6 (well inside the tests' 1%).
    naive_rtol = None
    for rtol in (1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10):
        trial = kinetics.reference_exposure(genotype, aat_uM=levels, rtol=rtol)
        if np.max(np.abs(trial - fast) / fast) <= 1e-6:
            naive_rtol = rtol
            break
    naive_rtol = naive_rtol or 1e-10
    start = time.perf_counter()
    naive = kinetics.reference_exposure(genotype, aat_uM=levels, rtol=naive_rtol)
    naive_s = time.perf_counter() - start
    max_rel = float(np.max(np.abs(naive - fast) / naive))

    print("AATD model benchmark (one run)")
    print(f"  scalar elastase_exposure          median {scalar_s * 1e3:8.3f} ms   (target <= 2 ms)")
    print(f"  fev1_trajectory (145 ages)        median {traj_s * 1e3:8.3f} ms   (target <= 2 ms)")
    print(f"  200-point exposure curve, 1 call  median {curve_s * 1e3:8.3f} ms   (target <= 5 ms)")
    print(
        f"  200-point curve, naive solve_ivp         {naive_s * 1e3:8.1f} ms"
        f"   (LSODA, rtol {naive_rtol:g}, one solve per level)"
    )
    print(
        f"  speed-up (naive / fast)                  {naive_s / curve_s:8.0f} x   (target >= 10 x)"
    )
    print(f"  max relative difference fast vs naive    {max_rel:8.1e}")


if __name__ == "__main__":
    main()
