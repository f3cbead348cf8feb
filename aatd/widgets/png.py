"""The live face's PNG: an Agg canvas as PNG bytes, written by Pillow at zlib level 1.

Level 1 is the fast end of zlib: these figures are mostly white, so the file stays small
while encoding takes a few milliseconds (``benchmarks/bench_widgets.py`` compares it with
a hand-written no-filter encoder). Deterministic: the same pixels give the same bytes.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def encode_png(canvas) -> bytes:
    """The Agg ``canvas`` as RGB PNG bytes (Pillow, ``compress_level=1``)."""
    rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb), "RGB").save(buf, format="PNG", compress_level=1)
    return buf.getvalue()
