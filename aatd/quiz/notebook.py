"""Read what a bank must agree with from its chapter notebook: title, headings, objectives.

Used by the tests (every ``section`` of a bank is a heading of its notebook; every objective
is the notebook's own "Learning objectives" text, markdown emphasis removed) and by the
answer key (chapter titles).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM_RE = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$")


def _markdown_lines(path) -> list[str]:
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    lines: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        fenced = False
        for line in src.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
                continue
            if not fenced:
                lines.append(line)
        lines.append("")  # a cell boundary ends any paragraph or list
    return lines


def plain_text(markdown: str) -> str:
    """Markdown inline text without markup: emphasis, code, roles and links removed."""
    text = re.sub(r"\{[a-z:]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`", r"\1", markdown)  # {term}`a <b>`
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
    return " ".join(text.split())


def headings(path) -> list[tuple[int, str]]:
    """Every markdown heading of the notebook as ``(level, plain text)``, in order."""
    out = []
    for line in _markdown_lines(path):
        m = _HEADING_RE.match(line)
        if m:
            out.append((len(m.group(1)), plain_text(m.group(2))))
    return out


def title(path) -> str:
    """The notebook's first level-1 heading (or its file stem)."""
    for level, text in headings(path):
        if level == 1:
            return text
    return Path(path).stem


def objectives(path, heading: str = "Learning objectives") -> list[str]:
    """The list items under the ``heading`` section, as plain text (emphasis removed)."""
    items: list[str] = []
    inside = False
    current: list[str] | None = None
    for line in _markdown_lines(path):
        m = _HEADING_RE.match(line)
        if m:
            if inside:
                break
            inside = plain_text(m.group(2)) == heading
            continue
        if not inside:
            continue
        item = _ITEM_RE.match(line)
        if item:
            if current is not None:
                items.append(" ".join(current))
            current = [item.group(1).strip()]
        elif line.strip() and current is not None:
            current.append(line.strip())  # a wrapped item continues
        elif not line.strip() and current is not None:
            items.append(" ".join(current))
            current = None
    if current is not None:
        items.append(" ".join(current))
    return [plain_text(i) for i in items]
