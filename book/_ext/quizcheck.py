"""Sphinx extension: validate every quiz bank when the build starts; keep quizzes fresh.

* ``builder-inited``: load and validate every ``aatd/quiz/banks/*.quiz.yml`` of the source
  with ``aatd.quiz``; a bad bank stops the build with an ``ExtensionError`` naming the file and
  question id. The banks are found by globbing that folder (a new chapter's bank needs no
  list). The build also stops when the imported ``aatd`` (which executes the notebooks)
  carries other banks than the source, e.g. an installed copy older than the checkout.
* Notebook outputs are cached (``execute_notebooks: cache`` re-runs a notebook only when its
  code changes), so a quiz output could lag behind an edited bank. Each page that shows a
  quiz (or the answer key) therefore depends on its bank file(s) and, when written, gets
  its quiz HTML re-rendered from the bank as it is now.

Registered in ``_config.yml`` under ``sphinx: local_extensions: {quizcheck: book/_ext}``.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

_QUIZ_RE = re.compile(r'<section class="aatd-quiz[^"]*" id="[^"]*" data-aatd-quiz="([^"]+)"')
_KEY_MARK = 'data-aatd-answer-key="1"'


def _bank_dir(app) -> Path:
    return Path(app.srcdir) / "aatd" / "quiz" / "banks"


def _notebook_dir(app) -> Path:
    return Path(app.srcdir) / "notebooks"


def _banks(app) -> list[Path]:
    from aatd.quiz.load import bank_paths

    return bank_paths(_bank_dir(app))


def validate_banks(app) -> None:
    from aatd.quiz import QuizError, load_bank

    paths = _banks(app)
    for path in paths:
        try:
            load_bank(path)
        except QuizError as exc:
            raise ExtensionError(f"quizcheck: bad question bank: {exc}") from None
    logger.info("quizcheck: %d question bank(s) valid", len(paths))
    app.env.aatd_quiz_banks = sorted(p.name for p in paths)


def _contents(paths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in paths}


def check_imported_banks(app) -> None:
    """The notebooks run with the imported ``aatd``: its banks must be the source's banks."""
    from aatd.quiz.load import bank_dir, bank_paths

    if bank_dir().resolve() == _bank_dir(app).resolve():
        return
    imported, source = _contents(bank_paths()), _contents(_banks(app))
    if imported != source:
        differ = sorted(
            n for n in imported.keys() | source.keys() if imported.get(n) != source.get(n)
        )
        raise ExtensionError(
            f"quizcheck: the imported aatd ({bank_dir()}) has other question banks than the "
            f"source ({_bank_dir(app)}): {', '.join(differ)}. Put the checkout first on "
            "PYTHONPATH or reinstall it (pip install -e .)."
        )


def _quiz_nodes(doctree):
    for node in doctree.findall(nodes.raw):
        if "html" not in node.get("format", "").split():
            continue
        text = node.astext()
        m = _QUIZ_RE.search(text)
        if m:
            yield node, m.group(1)
        elif _KEY_MARK in text:
            yield node, None


def note_bank_dependencies(app, doctree) -> None:
    """A page that shows a quiz is rebuilt when its bank changes (and the key on any bank)."""
    for _node, stem in _quiz_nodes(doctree):
        for path in _banks(app) if stem is None else [_bank_dir(app) / f"{stem}.quiz.yml"]:
            app.env.note_dependency(str(path))


def outdated_when_banks_added(app, env, added, changed, removed):
    """A bank added or removed since the last build: pages with the answer key are outdated."""
    previous = getattr(env, "aatd_quiz_banks_built", None)
    now = sorted(p.name for p in _banks(app))
    env.aatd_quiz_banks_built = now
    if previous is None or previous == now:
        return []
    return [d for d in env.found_docs if "answer-key" in d]


def rerender(app, doctree, docname) -> None:
    """Replace each quiz output with a fresh rendering of its bank."""
    from aatd.quiz import load_bank, render_html
    from aatd.quiz.answer_key import answer_key_html

    for node, stem in _quiz_nodes(doctree):
        if stem is None:
            fresh = answer_key_html(_bank_dir(app), _notebook_dir(app))
        else:
            path = _bank_dir(app) / f"{stem}.quiz.yml"
            if not path.is_file():
                raise ExtensionError(
                    f"quizcheck: {docname} shows quiz {stem!r} but {path} is missing"
                )
            fresh = render_html(load_bank(path))
        node.children = [nodes.Text(fresh)]


def setup(app):
    app.connect("builder-inited", validate_banks)
    app.connect("builder-inited", check_imported_banks)
    app.connect("doctree-read", note_bank_dependencies)
    app.connect("env-get-outdated", outdated_when_banks_added)
    app.connect("doctree-resolved", rerender)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
