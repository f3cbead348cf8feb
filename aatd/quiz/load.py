"""Find and load a chapter's question bank (``<chapter-stem>.quiz.yml``).

The banks are package data, ``aatd/quiz/banks/<chapter-stem>.quiz.yml``, found through
:mod:`importlib.resources`: a quiz cell works from any folder, in a downloaded notebook and in
Colab after its install cell, because the bank travels with the installed package. Every
function also takes an explicit ``directory`` (tests and bank authors use their own folders).
"""

from __future__ import annotations

from importlib import resources
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


def bank_dir() -> Path:
    """The installed package's bank folder, ``aatd/quiz/banks``."""
    # A wheel or editable install unpacks to files, so the resource is a real folder.
    return Path(str(resources.files("aatd.quiz").joinpath("banks")))


def find_bank(stem: str, directory=None) -> Path:
    """The bank ``<stem>.quiz.yml`` in ``directory`` (default: the package's banks);
    :class:`QuizError` naming the folder and the banks there if it is missing."""
    folder = bank_dir() if directory is None else Path(directory)
    path = folder / f"{stem}{SUFFIX}"
    if not path.is_file():
        known = ", ".join(p.name.removesuffix(SUFFIX) for p in bank_paths(folder)) or "none"
        raise QuizError(
            f"{path.name}: no question bank for chapter {stem!r} (looked in {folder.resolve()}; "
            f"banks there: {known})"
        )
    return path


def bank_paths(directory=None) -> list[Path]:
    """Every ``*.quiz.yml`` in ``directory`` (default: the package's banks), sorted by name."""
    folder = bank_dir() if directory is None else Path(directory)
    return sorted(folder.glob(f"*{SUFFIX}"))
