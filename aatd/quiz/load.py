"""Find and load a chapter's question bank (``<chapter-stem>.quiz.yml``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .validate import Bank, QuizError, validate_bank

SUFFIX = ".quiz.yml"


class _UniqueKeyLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses a mapping with the same key twice."""


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def parse_yaml(text: str, path) -> object:
    """Parse bank text safely (no Python objects); malformed YAML → :class:`QuizError`."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader: no arbitrary objects
    except yaml.YAMLError as exc:
        raise QuizError(f"{path}: malformed YAML: {exc}") from None


def load_text(text: str, path="<string>") -> Bank:
    """Validate bank ``text`` (as if read from ``path``) and return the :class:`Bank`."""
    return validate_bank(parse_yaml(text, path), path)


def load_bank(path) -> Bank:
    """Read, parse and validate the bank at ``path``; every problem is a :class:`QuizError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QuizError(f"{path}: cannot read the bank: {exc.strerror or exc}") from None
    return load_text(text, path)


def find_bank(stem: str, directory=".") -> Path:
    """The bank ``<stem>.quiz.yml`` in ``directory``; :class:`QuizError` if it is missing."""
    path = Path(directory) / f"{stem}{SUFFIX}"
    if not path.is_file():
        raise QuizError(
            f"{path}: no question bank for chapter {stem!r} (looked in {Path(directory).resolve()})"
        )
    return path


def bank_paths(directory) -> list[Path]:
    """Every ``*.quiz.yml`` in ``directory``, sorted by name."""
    return sorted(Path(directory).glob(f"*{SUFFIX}"))
