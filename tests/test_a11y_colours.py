"""Contrast inside the figures, which axe cannot see (issue 17).

Every line must keep at least 3:1 against what it is drawn on (WCAG 1.4.11) and every label at
least 4.5:1 (WCAG 1.4.3; 3:1 for large text). Colours are read from what is rendered, composited
with their alpha over their real background, not from a palette list:

- **Static figures:** every figure a chapter shows (each notebook's code run in-process, the
  value of each cell that is a matplotlib Figure, and each explorer's live figure) is drawn with
  Agg. Each line, marker and line collection is composited over its axes; each text's background
  is read from the figure rendered with all text hidden. In dark mode the book shows these
  figures unchanged on a white card (``book/_static/a11y.css``): the browser test below checks
  that, so the light measurement holds for both modes.
- **Explorers:** the kernel-free face is drawn by the browser in light and dark; every SVG
  element's computed stroke/fill (CSS overrides included) is composited with its opacity over the
  card and compared with it, text over what is under it (its halo, a cell, or the card).
"""

from __future__ import annotations

import ast
import collections
import importlib
import re

import matplotlib
import nbformat
import numpy as np
import pytest
from conftest import ROOT, toc_part
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

#: the module (``aatd.plots.style`` the attribute is the style() context manager)
style = importlib.import_module("aatd.plots.style")


LINE_MIN, TEXT_MIN, LARGE_TEXT_MIN = 3.0, 4.5, 3.0
CHAPTERS = toc_part("Chapters")


def luminance(rgb) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(rgba, bg) -> tuple[float, float, float]:
    """``rgba`` composited over the opaque colour ``bg``."""
    a = rgba[3]
    return tuple(a * c + (1 - a) * b for c, b in zip(rgba[:3], bg[:3], strict=True))


def test_contrast_helpers_positive_control():
    white, black = (1, 1, 1), (0, 0, 0)
    assert contrast(white, black) == pytest.approx(21.0)
    assert contrast(to_rgba("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert over((0, 0, 0, 0.5), white) == (0.5, 0.5, 0.5)


# --- static figures -----------------------------------------------------------------------


def _run_notebook_figures(stem: str) -> list[tuple[str, Figure]]:
    """Run a chapter's code cells in one namespace; every Figure a cell shows, with its label."""
    nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    ns: dict = {"__name__": "__main__"}
    figures = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        # IPython magics and shell lines become ``pass`` (the install cell's pip does nothing here)
        src = "\n".join(
            ln[: len(ln) - len(ln.lstrip())] + "pass" if ln.lstrip().startswith(("%", "!")) else ln
            for ln in cell.source.splitlines()
        )
        tree = ast.parse(src)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{stem}[{i}]", "exec"), ns)
        if last is None:
            continue
        value = eval(compile(ast.Expression(last.value), f"{stem}[{i}]", "eval"), ns)
        if isinstance(value, Figure):
            figures.append((f"{stem} cell {i}", value))
        elif isinstance(getattr(value, "figure", None), Figure):  # an explorer's live figure
            figures.append((f"{stem} cell {i} (live explorer)", value.figure))
    return figures


def _large(t: Text) -> bool:
    weight = t.get_fontweight()
    bold = weight in ("bold", "heavy", "black", "semibold", "demibold") or (
        isinstance(weight, int | float) and weight >= 600
    )
    return t.get_fontsize() >= 18 or (bold and t.get_fontsize() >= 14)


def figure_problems(fig: Figure) -> list[str]:
    """Every line under 3:1 and every text under 4.5:1 (3:1 large) against its background."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    fig_bg = to_rgba(fig.get_facecolor())
    fig_bg = over(fig_bg, (1, 1, 1))  # the page behind a figure is the white card
    problems = []

    for ax in fig.axes:
        face = over(to_rgba(ax.get_facecolor()), fig_bg) if ax.patch.get_visible() else fig_bg
        for line in ax.get_lines():
            if not line.get_visible() or len(np.atleast_1d(line.get_xdata())) == 0:
                continue
            alpha = line.get_alpha()
            ratios = []
            if line.get_linestyle() not in ("None", "", " ") and line.get_linewidth() > 0:
                ratios.append(contrast(over(to_rgba(line.get_color(), alpha), face), face))
            if line.get_marker() not in (None, "None", "", " "):
                mk = [line.get_markerfacecolor(), line.get_markeredgecolor()]
                ratios.append(
                    max(contrast(over(to_rgba(c, alpha), face), face) for c in mk if c != "none")
                )
            for r in ratios:
                if r < LINE_MIN:
                    problems.append(f"line {line.get_label()!r} ({line.get_color()}): {r:.2f}:1")
        for coll in ax.collections:
            if isinstance(coll, LineCollection) and coll.get_visible():
                for c in coll.get_edgecolors():
                    r = contrast(over(c, face), face)
                    if r < LINE_MIN:
                        problems.append(f"line collection {coll.get_label()!r}: {r:.2f}:1")

    texts = [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_figure(root=True) is fig
    ]
    boxes = [t.get_window_extent(renderer) for t in texts]
    # Freeze the layout: constrained layout would move everything once the texts are hidden.
    fig.set_layout_engine("none")
    for t in texts:
        t.set_visible(False)
    fig.canvas.draw()
    bg_img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    for t in texts:
        t.set_visible(True)
    height = bg_img.shape[0]
    for t, box in zip(texts, boxes, strict=True):
        x0, x1 = int(max(box.x0, 0)), int(min(box.x1, bg_img.shape[1]))
        y0, y1 = int(max(height - box.y1, 0)), int(min(height - box.y0, height))
        if x1 <= x0 or y1 <= y0:
            continue
        patch = bg_img[y0:y1, x0:x1].reshape(-1, 3)
        # the commonest colour under the text is its background
        values, counts = np.unique(np.round(patch, 3), axis=0, return_counts=True)
        bg = values[np.argmax(counts)]
        bbox = t.get_bbox_patch()
        if bbox is not None:
            bg = over(to_rgba(bbox.get_facecolor()), bg)
        col = over(to_rgba(t.get_color(), t.get_alpha()), bg)
        need = LARGE_TEXT_MIN if _large(t) else TEXT_MIN
        r = contrast(col, bg)
        if r < need:
            problems.append(f"text {t.get_text()[:40]!r} ({t.get_color()}): {r:.2f}:1 < {need}")
    fig.canvas.draw()
    return problems


def test_figure_check_positive_control():
    fig, ax = style.new_figure()
    ax.plot([0, 1], [0, 1], color="#F0E442", label="yellow")  # 1.2:1 on white
    ax.text(0.5, 0.5, "pale", color="#BBBBBB")
    ax.text(0.2, 0.2, "dark on white", color="#111111")
    found = figure_problems(fig)
    assert any("yellow" in p for p in found), found
    assert any("pale" in p for p in found), found
    assert not any("dark on white" in p for p in found), found


@pytest.mark.parametrize("stem", [c.split("/")[-1] for c in CHAPTERS])
def test_every_chapter_figure_keeps_its_contrast(stem, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    matplotlib.use("Agg")
    figures = _run_notebook_figures(stem)
    report = {name: figure_problems(fig) for name, fig in figures}
    bad = {k: v for k, v in report.items() if v}
    assert not bad, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in bad.items())


def test_every_genotype_colour_has_a_dark_partner_that_keeps_contrast():
    css = (ROOT / "aatd" / "widgets" / "explorer.css").read_text()
    for genotype, colour in style.GENOTYPE_COLORS.items():
        partner = style.dark_partner(colour)
        assert contrast(to_rgba(colour), (1, 1, 1)) >= LINE_MIN, (genotype, colour)
        for dark_bg in ("#1b2027", "#14181e"):
            assert contrast(to_rgba(partner), to_rgba(dark_bg)) >= LINE_MIN, (genotype, partner)
        assert re.search(rf'\[stroke="{colour}" i\][^{{]*{{stroke:{partner}}}', css, re.I), colour
    with pytest.raises(ValueError, match="#123456"):
        style.dark_partner("#123456")


# --- explorers in the browser -------------------------------------------------------------

EXPLORER_PAGES = [c for c in CHAPTERS if "aatd-explorer" in (ROOT / f"{c}.ipynb").read_text()]

_SVG_COLOURS_JS = """(root) => {
  const rgb = s => { const m = s.match(/[\\d.]+/g); return m ? m.slice(0, 4).map(Number) : null; };
  const card = rgb(getComputedStyle(root).backgroundColor);
  const out = {card, lines: [], texts: []};
  const svg = root.querySelector('svg');
  const paintOf = (el, prop) => {
    const s = getComputedStyle(el);
    const v = s[prop];
    if (!v || v === 'none' || v.startsWith('url')) return null;
    const c = rgb(v); if (!c) return null;
    const op = parseFloat(s[prop + 'Opacity'] || '1') * parseFloat(s.opacity || '1');
    return [c[0], c[1], c[2], (c.length > 3 ? c[3] : 1) * op];
  };
  for (const el of svg.querySelectorAll('path, line, circle, polyline')) {
    if (el.closest('clipPath, defs')) continue;
    const st = paintOf(el, 'stroke');
    const fill = el.tagName === 'circle' ? paintOf(el, 'fill') : null;
    const w = parseFloat(getComputedStyle(el).strokeWidth || '0');
    const grid = w > 0 && w < 1;  // grid lines are decoration
    if ((st && w > 0 && !grid) || fill) {
      out.lines.push({what: el.outerHTML.slice(0, 90), stroke: st && w > 0 && !grid ? st : null,
                      fill, band: !!(fill && !st)});
    }
  }
  for (const t of svg.querySelectorAll('text')) {
    if (!t.textContent.trim()) continue;
    const s = getComputedStyle(t);
    const halo = s.paintOrder.startsWith('stroke') && parseFloat(s.strokeWidth) >= 2
        ? paintOf(t, 'stroke') : null;
    const r = t.getBoundingClientRect();
    // what is painted under the text's centre: the last filled shape before it in the SVG
    const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
    const under = [...svg.querySelectorAll('rect, path, circle, polygon')].filter(e => {
      if (e.closest('clipPath, defs') || !paintOf(e, 'fill')) return false;
      if (!(e.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
      const b = e.getBoundingClientRect();
      return b.left <= cx && cx <= b.right && b.top <= cy && cy <= b.bottom;
    }).pop();
    out.texts.push({what: t.textContent.slice(0, 40), fill: paintOf(t, 'fill'), halo,
                    under: under ? paintOf(under, 'fill') : null,
                    size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10)});
  }
  return out;
}"""


def _unit(c):
    return (c[0] / 255, c[1] / 255, c[2] / 255, c[3] if len(c) > 3 else 1.0)


def explorer_problems(data) -> list[str]:
    card = _unit(data["card"])[:3]
    problems = []
    for el in data["lines"]:
        paints = [p for p in (el["stroke"], el["fill"]) if p is not None]
        # a marker is seen by its ring or its fill, whichever stands out more
        r = max(contrast(over(_unit(p), card), card) for p in paints)
        if r < LINE_MIN:
            problems.append(f"{el['what']}: {r:.2f}:1")
    for t in data["texts"]:
        bg = card
        if t["under"] is not None:
            bg = over(_unit(t["under"]), card)
        if t["halo"] is not None:
            bg = over(_unit(t["halo"]), bg)
        col = over(_unit(t["fill"]), bg)
        large = t["size"] >= 24 or (t["weight"] >= 700 and t["size"] >= 18.66)
        need = LARGE_TEXT_MIN if large else TEXT_MIN
        r = contrast(col, bg)
        if r < need:
            problems.append(f"text {t['what']!r}: {r:.2f}:1 < {need}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("chapter", EXPLORER_PAGES)
def test_explorers_keep_their_contrast_in_both_modes(browser, book_server, chapter, scheme):
    from test_a11y import open_themed

    pg = open_themed(browser, f"{book_server}{chapter}.html", scheme)
    try:
        roots = pg.locator(".aatd-explorer")
        assert roots.count() >= 1
        problems = []
        for i in range(roots.count()):
            data = roots.nth(i).evaluate(_SVG_COLOURS_JS)
            assert data["lines"] and data["texts"], "nothing measured"
            problems += [f"explorer {i + 1}: {p}" for p in explorer_problems(data)]
        assert not problems, f"{chapter} ({scheme}):\n" + "\n".join(problems)
    finally:
        pg.context.close()


def test_explorer_check_positive_control():
    data = {
        "card": [255, 255, 255],
        "lines": [{"what": "pale line", "stroke": [230, 159, 0, 1], "fill": None}],
        "texts": [
            {
                "what": "grey",
                "fill": [170, 170, 170, 1],
                "halo": None,
                "under": None,
                "size": 12,
                "weight": 400,
            }
        ],
    }
    found = explorer_problems(data)
    assert len(found) == 2, found


def test_static_figures_are_light_cards_in_dark_mode(browser, book_server):
    from test_a11y import open_themed

    pg = open_themed(browser, f"{book_server}{CHAPTERS[1]}.html", "dark")
    try:
        looks = pg.eval_on_selector_all(
            ".cell_output img",
            "els => els.map(e => [getComputedStyle(e).filter,"
            " getComputedStyle(e).backgroundColor])",
        )
        assert looks, "no figure on the page"
        assert collections.Counter(map(tuple, looks)) == {
            ("none", "rgb(255, 255, 255)"): len(looks)
        }
    finally:
        pg.context.close()
