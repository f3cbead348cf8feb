#!/usr/bin/env bash
# Regenerate the pins in requirements.txt / requirements-dev.txt in a clean Python 3.11 venv.
# The top-level packages are listed here; everything they pull in is frozen with ==.
# jupyterlab-myst 2.7.0 (MyST in JupyterLab) declares @jupyter/ydoc ^3, which JupyterLab 4.6
# no longer satisfies, so JupyterLab stays on 4.5 (tests/test_jupyterlab.py checks both).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$(mktemp -d)/venv"
python3.11 -m venv "$venv"
"$venv/bin/pip" install -q "jupyter-book==1.0.4.post1" "sphinx==7.4.7" "myst-nb==1.4.0" \
  "sphinx-book-theme>=1.3,<1.4" sphinx-exercise sphinx-design sphinxcontrib-bibtex \
  "ipywidgets>=8.1,<8.2" matplotlib "numpy<2.5" "scipy<1.18" nbconvert pyyaml \
  "jupyterlab==4.5.11" "jupyterlab-myst==2.7.0"
"$venv/bin/pip" freeze | grep -v '^aatd' > /tmp/freeze-run.txt
"$venv/bin/pip" install -q pytest "nbval>=0.11,<0.12" playwright hypothesis \
  ruff nbqa mypy pre-commit "scipy-stubs<1.18"
"$venv/bin/pip" freeze | grep -v '^aatd' > /tmp/freeze-dev.txt
{ echo "# Pinned for Python 3.11: a full freeze of what the book build and the notebooks need."
  echo "# Regenerate with tools/freeze_requirements.sh (on Python 3.11)."
  cat /tmp/freeze-run.txt; echo "-e ."; } > "$root/requirements.txt"
{ echo "# Test and lint tools, pinned for Python 3.11, on top of the runtime pins."
  echo "-r requirements.txt"
  comm -13 <(sort /tmp/freeze-run.txt) <(sort /tmp/freeze-dev.txt); } > "$root/requirements-dev.txt"
echo "pins refreshed"
