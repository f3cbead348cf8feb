#!/usr/bin/env bash
# Refresh the vendored MathJax under book/_static/vendor/mathjax from a pinned npm package.
# Only what the book needs is kept: es5/tex-chtml.js, its woff-v2 fonts, and the licence.
# Usage: tools/vendor_mathjax.sh [version]   (default 3.2.2)
set -euo pipefail
version="${1:-3.2.2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/book/_static/vendor/mathjax"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mathjax@$version" >/dev/null && tar xzf "mathjax-$version.tgz")
rm -rf "$dest"
mkdir -p "$dest/es5/output/chtml/fonts"
cp "$work/package/es5/tex-chtml.js" "$dest/es5/"
cp -r "$work/package/es5/output/chtml/fonts/woff-v2" "$dest/es5/output/chtml/fonts/"
cp "$work/package/LICENSE" "$dest/LICENSE"
printf 'MathJax %s from the npm registry (package "mathjax"), Apache-2.0 (see LICENSE).\nRefreshed by tools/vendor_mathjax.sh.\n' "$version" > "$dest/VERSION"
echo "vendored MathJax $version into $dest"
