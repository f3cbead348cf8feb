"""Benchmark: control change → finished new PNG, live explorers vs the naive way.

Run: ``python3 benchmarks/bench_widgets.py`` (prints medians and ratios from one run).

* **explorer**: ``ElastaseExplorer`` / ``LungExplorer``; a control's value is set exactly as
  the Jupyter front end would (``controls[name].value = v``); the observer updates the
  existing figure in place (blitting the changed artists over a cached background) and
  renders the PNG into the ``ipywidgets.Image``. Timed until that PNG exists.
* **model part**: the explorer's ``view(...)`` alone (every number the figure shows).
* **naive**: ``ipywidgets.interact`` whose function builds a new figure and solves the
  burst with ``solve_ivp`` (``aatd.kinetics.simulate_burst``) on every change, then renders
  a PNG; timed identically (set the slider's value, wait for the PNG bytes).

Targets (issue 4): explorer median ≤ 150 ms, model ≤ 5 ms, naive / explorer ≥ 2×.
The machine's load is printed too: other processes inflate every number alike.
"""

from __future__ import annotations

import io
import os
import statistics
import struct
import time
import zlib

import ipywidgets as W
import numpy as np

from aatd import kinetics, lung
from aatd.plots import new_figure
from aatd.widgets import ElastaseExplorer, LungExplorer
from aatd.widgets.elastase import CURVE_UM
from aatd.widgets.lung import AGES
from aatd.widgets.png import encode_png

LEVELS = [float(a) for a in np.linspace(2.0, 58.0, 15)]


def _median_ms(fn, values, warmup=2):
    """Median wall time of ``fn(v)`` over ``values`` (ms), after ``warmup`` calls with the
    last values (so the first timed value is a real change)."""
    assert values[-1] != values[0]
    for v in values[-warmup:]:
        fn(v)
    times = []
    for v in values:
        t0 = time.perf_counter()
        fn(v)
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def naive_elastase():
    """The naive explorer: interact → new figure + solve_ivp on every change."""
    out = {}

    def draw(aat_uM=36.0, genotype="ZZ", smoker=False):
        burst = kinetics.simulate_burst(genotype, aat_uM=aat_uM, smoker=smoker)
        curve = kinetics.elastase_exposure(genotype, aat_uM=CURVE_UM, smoker=smoker)
        fig, (ax1, ax2) = new_figure(10.4, 4.6, ncols=2)
        ax1.loglog(burst.t_s[1:], burst.free_elastase_nM[1:], label="free elastase")
        ax1.loglog(burst.t_s[1:], burst.active_aat_nM[1:], label="active AAT")
        ax1.set_xlim(1e-3, 60)
        ax1.set_ylim(1, 1e4)
        ax1.set_xlabel("Time after the burst (s)")
        ax1.set_ylabel("Concentration in lining fluid (nM)")
        ax1.legend()
        ax2.plot(CURVE_UM, curve)
        ax2.plot([aat_uM], [burst.exposure_nM_s], "o")
        ax2.axvline(11.0, ls="--")
        ax2.set_xlabel("Serum AAT (µM)")
        ax2.set_ylabel("Elastase exposure (nM·s)")
        out["png"] = _png(fig)

    slider = W.FloatSlider(value=36.0, min=0.0, max=60.0, step=0.1)
    # interactive() is what interact() builds, minus displaying it (there is no front end here)
    W.interactive(draw, aat_uM=slider, genotype=W.fixed("ZZ"), smoker=W.fixed(False))
    return slider, out


def naive_lung():
    out = {}

    def draw(quit_age=40):
        traj = lung.fev1_trajectory("ZZ", smoking="former", quit_age=quit_age, ages=AGES)
        ref = lung.fev1_trajectory("MM", ages=AGES)
        fig, ax = new_figure(8.6, 4.8)
        ax.plot(AGES, ref.percent_of_age25, "--", label="MM never-smoker")
        ax.plot(AGES, traj.percent_of_age25, label="chosen person")
        ax.set_xlabel("Age (years)")
        ax.set_ylabel("FEV1 (% of its value at age 25)")
        ax.legend()
        out["png"] = _png(fig)

    slider = W.IntSlider(value=40, min=20, max=70)
    W.interactive(draw, quit_age=slider)
    return slider, out


def bench_population() -> None:
    """PopulationExplorer: change region -> finished PNG, and the static grid's size."""
    import gzip

    from aatd.widgets import PopulationExplorer

    e = PopulationExplorer()
    regions = ["switzerland", "usa", "mexico", "ireland"] * 3
    ms = _median_ms(lambda r: e.set(region=r), regions)
    html = e.static_html()
    gz_kb = len(gzip.compress(html.encode())) / 1024
    print("PopulationExplorer (change region → finished PNG)")
    print(f"  explorer, in place:        median {ms:7.1f} ms   (target ≤ 150 ms)")
    print(f"  static face: 100 states, {gz_kb:.1f} kB gzipped")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return struct.pack(">I", len(data)) + kind + data + crc


def handwritten_png(canvas) -> bytes:
    """The encoder ``aatd.widgets.base`` used before Pillow: no row filters, zlib level 1."""
    w, h = canvas.get_width_height(physical=True)
    rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
    raw = np.zeros((h, w * 3 + 1), dtype=np.uint8)  # first byte of each row: filter 0
    raw[:, 1:] = rgb.reshape(h, w * 3)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + _png_chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))
        + _png_chunk(b"IEND", b"")
    )


def png_encoders(explorer) -> None:
    """Encode the same rendered canvas with Pillow (compress_level=1) and by hand."""
    explorer.png()
    canvas = explorer.figure.canvas
    runs = list(range(15))
    for name, enc in (
        ("Pillow, compress_level=1", encode_png),
        ("hand-written encoder", handwritten_png),
    ):
        ms = _median_ms(lambda _v, enc=enc: enc(canvas), runs)
        size = len(enc(canvas))
        print(f"  PNG {name:26s} median {ms:6.2f} ms, {size / 1024:6.1f} KiB")


def main() -> None:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    # ---- elastase
    x = ElastaseExplorer(genotype="ZZ")
    x.png()

    def live(v):
        before = x._image.value
        x.controls["aat_uM"].value = v
        assert x._image.value != before

    live_ms = _median_ms(live, LEVELS)
    model_ms = _median_ms(lambda v: x.view("ZZ", v, False), LEVELS)
    slider, out = naive_elastase()

    def naive(v):
        out.clear()
        slider.value = v
        assert out["png"]

    naive_ms = _median_ms(naive, LEVELS[::2], warmup=1)
    print("ElastaseExplorer (change serum AAT → finished PNG)")
    print(f"  explorer, in place:        median {live_ms:7.1f} ms   (target ≤ 150 ms)")
    print(f"  model part alone:          median {model_ms:7.2f} ms   (target ≤ 5 ms)")
    print(f"  naive interact+solve_ivp:  median {naive_ms:7.1f} ms")
    print(f"  ratio naive / explorer:    {naive_ms / live_ms:7.1f}×   (target ≥ 2×)")
    png_encoders(x)

    # ---- lung
    y = LungExplorer(genotype="ZZ", smoking="former", quit_age=40)
    y.png()
    quits = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 62, 48, 33, 21]

    def live_l(v):
        y.controls["quit_age"].value = v

    live_l_ms = _median_ms(live_l, quits)
    model_l_ms = _median_ms(lambda v: y.view("ZZ", "former", v, None), quits)
    slider_l, out_l = naive_lung()

    def naive_l(v):
        out_l.clear()
        slider_l.value = v
        assert out_l["png"]

    naive_l_ms = _median_ms(naive_l, quits, warmup=1)
    print("LungExplorer (change quit age → finished PNG)")
    print(f"  explorer, in place:        median {live_l_ms:7.1f} ms   (target ≤ 150 ms)")
    print(f"  model part alone:          median {model_l_ms:7.2f} ms   (target ≤ 5 ms)")
    print(f"  naive interact, new figure: median {naive_l_ms:6.1f} ms")
    print(f"  ratio naive / explorer:    {naive_l_ms / live_l_ms:7.1f}×   (target ≥ 2×)")
    bench_augmentation()
    bench_population()
    png_encoders(y)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def bench_augmentation() -> float:
    """AugmentationExplorer: change the interval (a new model curve, exposure and PNG) →
    finished PNG. Returns the median (ms)."""
    from aatd.widgets import AugmentationExplorer

    z = AugmentationExplorer()
    z.png()
    intervals = [7.0, 14.0, 28.0, 7.0, 28.0, 14.0, 7.0, 14.0, 28.0]

    def live_a(v):
        z.controls["interval_days"].value = v

    ms = _median_ms(live_a, intervals)
    print("AugmentationExplorer (change interval → finished PNG)")
    print(f"  explorer, in place:        median {ms:7.1f} ms")
    return ms


if __name__ == "__main__":
    main()
