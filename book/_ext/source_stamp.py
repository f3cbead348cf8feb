"""Stamp a clean book build with the source it was built from.

The test session reuses the book that CI (or a developer) has just built instead of
building it again, but only when the build is clean (``-W -n``, no warning) and was made from
the source as it is now. At ``build-finished`` this extension writes
``<outdir>/.aatd-source-stamp``; ``tests/conftest.py`` compares it with
:func:`source_stamp` and rebuilds when they differ, so no stale HTML is ever tested.

The stamp hashes every file git tracks or would track (the working tree, not the index), minus
those that cannot change the book (tests, benchmarks, CI, tool configuration), together with the
table of contents the build used.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

STAMP_NAME = ".aatd-source-stamp"
ROOT = Path(__file__).resolve().parents[2]
# Paths that never change what the book shows.
_NOT_BOOK_SOURCE = (
    "tests/",
    "benchmarks/",
    ".ci/",
    ".pre-commit-config.yaml",
    "eslint.config.js",
    "package.json",
    "package-lock.json",
    "CONTRIBUTING.md",
    "README.md",
    "tools/editions.py",  # writes editions from the book; never read by the build
    "tools/graded_variants.py",
)


def _source_files(root: Path) -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode()
        names = [n for n in out.split("\0") if n]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file
        names = [
            str(p.relative_to(root))
            for p in root.rglob("*")
            if p.is_file()
            and not any(
                part.startswith((".", "_build", "node_modules"))
                for part in p.relative_to(root).parts
            )
        ]
    return sorted(n for n in names if not n.startswith(_NOT_BOOK_SOURCE))


def source_stamp(root: Path = ROOT, toc: str = "_toc.yml") -> str:
    """A hash of the book's source files (path and content) and the table of contents used."""
    digest = hashlib.sha256(f"toc={Path(toc).name}\n".encode())
    for name in _source_files(root):
        path = root / name
        if path.is_file():  # a tracked file deleted in the working tree is simply absent
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _write_stamp(app, exception) -> None:
    clean = (
        exception is None
        and app.builder.format == "html"
        # -W: Sphinx keeps it as warningiserror, or with --keep-going as keep_going (which it
        # only sets when -W is given too)
        and (app.warningiserror or getattr(app, "keep_going", False))
        and app.config.nitpicky
        # Sphinx counts warnings here; with --keep-going a build with warnings still reaches
        # build-finished without an exception, and must not be stamped as clean.
        and getattr(app, "_warncount", 1) == 0
    )
    stamp = Path(app.outdir) / STAMP_NAME
    if clean:
        toc = app.config["external_toc_path"] or "_toc.yml"
        stamp.write_text(source_stamp(Path(app.srcdir), toc) + "\n")
    elif stamp.exists():
        stamp.unlink()


def setup(app):
    app.connect("build-finished", _write_stamp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
