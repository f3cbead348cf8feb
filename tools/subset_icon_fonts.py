"""Subset the theme's Font Awesome webfonts to the icons the book shows.

Usage: ``python3 tools/subset_icon_fonts.py`` (needs the dev requirements: fonttools, brotli;
run again after upgrading pydata-sphinx-theme, then rebuild the book).

Why: every page of the theme loaded ``fontawesome.js`` (1.49 MB raw, 0.54 MB gzip), which
only turns ``<i class="fa-…">`` tags into SVG, plus up to 274 KB of webfonts. The book drops
the script (``book/_templates/static/webpack-macros.html``); the theme's own stylesheet then
draws every icon from its webfonts, as it does for admonition titles and external links
already. This script writes subsets of those fonts, holding only the glyphs the theme's CSS
can ask for on our pages, under ``book/_static/vendor/fontawesome/webfonts/`` with the
theme's file names: Sphinx copies the book's static files after the theme's, so the subsets
replace the full fonts in the built HTML. Icons, labels and titles of the buttons are the
theme's own. Font Awesome Free fonts: SIL OFL 1.1 (https://fontawesome.com/license/free).

Which glyphs: every icon class used in the theme's templates and ours (``ICONS``), plus every
code point the theme's stylesheets name in a ``content`` or ``--pst-icon-…`` value. The test
``tests/test_book_speed.py`` fails if a built page uses an ``fa-`` class this misses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pydata_sphinx_theme
from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static"
OUT = ROOT / "book" / "_static" / "vendor" / "fontawesome" / "webfonts"
FONTS = ("fa-solid-900.woff2", "fa-regular-400.woff2", "fa-brands-400.woff2")

#: Icon classes the built pages use (theme buttons, launch menu, download menu, toggles).
ICONS = (
    "angle-left",
    "angle-right",
    "arrow-up",
    "bars",
    "circle-half-stroke",
    "code",
    "download",
    "expand",
    "file",
    "file-pdf",
    "github",
    "lightbulb",
    "list",
    "magnifying-glass",
    "moon",
    "outdent",
    "rocket",
    "sun",
)


def stylesheets() -> list[Path]:
    """The theme stylesheets whose rules can name an icon code point."""
    import sphinx_book_theme

    sbt = Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/static"
    return [THEME_STATIC / "styles/pydata-sphinx-theme.css", *sbt.rglob("*.css")]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def class_codepoints(css: str) -> dict[str, int]:
    """``fa-<name>`` → code point, from rules like ``.fa-github:before{content:"\\f09b"}``."""
    out: dict[str, int] = {}
    for selectors, code in re.findall(r'([^{}]+)\{content:"\\([0-9a-f]{4,5})"\}', css):
        for name in re.findall(r"\.fa-([a-z0-9-]+):(?::)?before", selectors):
            out.setdefault(name, int(code, 16))
    return out


def used_codepoints() -> set[int]:
    css = "\n".join(read(p) for p in stylesheets())
    by_class = class_codepoints(css)
    missing = [name for name in ICONS if name not in by_class]
    if missing:
        raise ValueError(f"no code point for icon classes {missing} in the theme's CSS")
    points = {by_class[name] for name in ICONS}
    # Icons the stylesheets draw themselves (admonitions, external links, breadcrumbs, ...):
    # code points in any rule that is not one of Font Awesome's own ``.fa-<name>`` rules.
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if re.fullmatch(r"(\s*\.fa-[a-z0-9-]+:(:)?before\s*,?)+", selectors):
            continue
        for code in re.findall(r'"\\(f[0-9a-f]{3})"', body):
            points.add(int(code, 16))
        points.update(ord(c) for c in body if "\uf000" <= c <= "\uf8ff")  # written unescaped
    return points


def main() -> None:
    points = used_codepoints()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in FONTS:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        font = subset.load_font(str(THEME_STATIC / "vendor/fontawesome/webfonts" / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        target = OUT / name
        subset.save_font(font, str(target), options)
        full = (THEME_STATIC / "vendor/fontawesome/webfonts" / name).stat().st_size
        print(f"{name}: {full / 1024:.0f} KB -> {target.stat().st_size / 1024:.1f} KB")
    version = pydata_sphinx_theme.__version__
    (OUT / "README").write_text(
        f"Subsets of pydata-sphinx-theme {version}'s Font Awesome Free webfonts (SIL OFL 1.1),\n"
        f"{len(points)} code points, written by tools/subset_icon_fonts.py. Do not edit.\n"
    )


if __name__ == "__main__":
    main()
