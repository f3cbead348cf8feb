"""Student and instructor editions of the chapter notebooks, and the student HTML book.

    python3 tools/editions.py                 # all three, into editions/ (ignored by git)
    python3 tools/editions.py --only student  # or: instructor, html (several allowed)

It reads the cell metadata of CONTRIBUTING.md ("Predictions, exercises and check cells"):

* **student edition** (``editions/student/``): every solution cell (``metadata.aatd.solution``,
  with its raw ``<details>`` wrapper) and any other ``{solution}`` block removed, work cells
  kept as committed (``answer = ...``), the outputs of work and check cells cleared; quizzes,
  check cells and the predictions (whose answers are hidden outputs) kept.
  Run top to bottom, every check cell prints "not attempted yet".
* **instructor edition** (``editions/instructor/``): each solution's one python block becomes
  the code of its work cell, every solution is expanded (no ``dropdown`` class, no
  ``<details>`` wrapper), and the
  notebook is executed, so each check cell shows its confirmation.
* **student HTML book** (``editions/student-book/_build/html``): built with ``-W -n`` from a
  copy of the source whose notebooks are the student edition, with ``_toc-student.yml`` and
  sphinx-exercise's ``hide_solutions``; it reads the main build's jupyter-cache (the student
  notebooks' code is the committed code, so nothing runs again when the main book is built).

Solutions are found with the MyST Markdown parser (markdown-it with the colon fence), not by
searching text; notebooks are changed by nbconvert preprocessors and executed by nbclient.
Instructor-only: nothing here is imported by ``aatd`` or needed by students.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor
from nbformat import NotebookNode

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "editions"
STUDENT_TOC = "_toc-student.yml"
EDITIONS = ("student", "instructor", "html")


class EditionError(ValueError):
    """A notebook breaks the exercise convention (named cell, exercise and what is allowed)."""


# --- reading solutions -------------------------------------------------------------------

_MD = MarkdownIt("commonmark").use(colon_fence_plugin)


@dataclass(frozen=True)
class Solution:
    """One ``{solution} <ex-id>`` block of a Markdown cell."""

    ex_id: str
    first_line: int  # 0-based lines of the block in the cell's source, end exclusive
    end_line: int
    markup: str  # the fence, e.g. "````" or ":::"
    options: tuple[tuple[str, str], ...]
    body: str  # the content after the options
    python: tuple[str, ...]  # the fenced python blocks inside (code without the fence)


def _split_options(content: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """A directive's leading ``:key: value`` lines, and the rest (MyST option syntax)."""
    lines = content.splitlines(keepends=True)
    options = []
    i = 0
    while i < len(lines) and lines[i].startswith(":") and lines[i].count(":") >= 2:
        key, _, value = lines[i][1:].partition(":")
        options.append((key.strip(), value.strip()))
        i += 1
    return tuple(options), "".join(lines[i:])


def solutions(source: str) -> list[Solution]:
    """Every top-level ``{solution}`` directive in Markdown ``source``."""
    found = []
    for tok in _MD.parse(source):
        if tok.type not in ("fence", "colon_fence") or tok.map is None:
            continue
        name, _, arg = tok.info.strip().partition(" ")
        if name != "{solution}":
            continue
        ex_id = arg.strip()
        if not ex_id:
            raise EditionError(f"a {{solution}} block has no exercise label: {source[:80]!r}")
        options, body = _split_options(tok.content)
        python = tuple(
            inner.content
            for inner in _MD.parse(body)
            if inner.type == "fence" and inner.info.strip().split(" ")[0] in ("python", "ipython3")
        )
        found.append(Solution(ex_id, tok.map[0], tok.map[1], tok.markup, options, body, python))
    return found


def render_solution(sol: Solution, *, expanded: bool) -> str:
    """The block written back as MyST; ``expanded`` drops the ``dropdown`` class."""
    options = []
    for key, value in sol.options:
        if expanded and key == "class":
            value = " ".join(c for c in value.split() if c != "dropdown")
            if not value:
                continue
        options.append(f":{key}: {value}\n")
    body = sol.body if sol.body.endswith("\n") else sol.body + "\n"
    return f"{sol.markup}{{solution}} {sol.ex_id}\n{''.join(options)}{body}{sol.markup}\n"


def _replace_blocks(source: str, blocks: list[Solution], new: list[str]) -> str:
    lines = source.splitlines(keepends=True)
    for sol, text in sorted(zip(blocks, new, strict=True), key=lambda p: -p[0].first_line):
        lines[sol.first_line : sol.end_line] = [text] if text else []
    return "".join(lines).strip("\n")


# --- the cells of an exercise ------------------------------------------------------------


def _aatd(cell: NotebookNode) -> dict:
    meta = cell.get("metadata", {}).get("aatd", {})
    return meta if isinstance(meta, dict) else {}


def work_cells(nb: NotebookNode) -> dict[str, NotebookNode]:
    """Exercise id -> its work cell: the code cell when there is one (an exercise may also have
    a Markdown answer cell for its explanation part), else the Markdown cell. Two work cells of
    the same kind for one exercise are refused."""
    seen: dict[tuple[str, str], NotebookNode] = {}
    for cell in nb.cells:
        ex_id = _aatd(cell).get("work")
        if ex_id is None:
            continue
        if (ex_id, cell.cell_type) in seen:
            raise EditionError(
                f"exercise {ex_id!r} has two {cell.cell_type} work cells; one of each kind "
                "(code, Markdown) is allowed"
            )
        seen[ex_id, cell.cell_type] = cell
    cells: dict[str, NotebookNode] = {}
    for (ex_id, kind), cell in seen.items():
        if kind == "code" or ex_id not in cells:
            cells[ex_id] = cell
    return cells


def check_cells(nb: NotebookNode) -> dict[str, NotebookNode]:
    """Exercise id -> its check cell."""
    return {
        _aatd(c)["check"]: c for c in nb.cells if c.cell_type == "code" and _aatd(c).get("check")
    }


def all_solutions(nb: NotebookNode) -> dict[str, Solution]:
    found: dict[str, Solution] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for sol in solutions(cell.source):
                found[sol.ex_id] = sol
    return found


def assigns_ellipsis(code: str) -> bool:
    """Whether ``code`` sets ``answer = ...`` (the state a student receives)."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "answer" for t in node.targets
        ):
            return isinstance(node.value, ast.Constant) and node.value.value is Ellipsis
    return False


# --- the preprocessors -------------------------------------------------------------------


class StudentPreprocessor(Preprocessor):
    """Remove solutions; clear exercise outputs; keep everything else."""

    def preprocess(self, nb, resources):
        for ex_id, cell in work_cells(nb).items():
            if cell.cell_type == "code" and not assigns_ellipsis(cell.source):
                raise EditionError(
                    f"the work cell of {ex_id!r} must hold `answer = ...` for students, "
                    f"got {cell.source[:80]!r}"
                )
        kept = []
        for cell in nb.cells:
            meta = _aatd(cell)
            if meta.get("solution"):  # the whole cell, with its raw <details> wrapper
                continue
            if cell.cell_type == "markdown":
                blocks = solutions(cell.source)
                if blocks:
                    cell.source = _replace_blocks(cell.source, blocks, [""] * len(blocks))
                    if not cell.source.strip():
                        continue
            elif meta.get("work") or meta.get("check"):
                cell.outputs = []
                cell.execution_count = None
            kept.append(cell)
        nb.cells = kept
        return nb, resources


class InstructorPreprocessor(Preprocessor):
    """Put each solution's python block into its work cell and expand every solution."""

    def preprocess(self, nb, resources):
        work = work_cells(nb)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            blocks = solutions(cell.source)
            for sol in blocks:
                target = work.get(sol.ex_id)
                if target is None or target.cell_type != "code":
                    if sol.python and target is None:
                        # A chapter not yet converted to work cells: its solution stays, open.
                        print(
                            f"warning: the solution of {sol.ex_id!r} has python code but no "
                            "code cell has metadata.aatd.work = that id",
                            file=sys.stderr,
                        )
                    continue
                if len(sol.python) != 1:
                    raise EditionError(
                        f"the solution of {sol.ex_id!r} must hold exactly one python block "
                        f"for its work cell, found {len(sol.python)}"
                    )
                target.source = sol.python[0].rstrip("\n")
            expanded = [render_solution(b, expanded=True) for b in blocks]
            if blocks and _aatd(cell).get("solution"):
                # A solution cell: the solution alone, open, without the <details> wrapper
                # that keeps it collapsed where MyST is not rendered.
                cell.source = "\n".join(expanded).strip("\n")
            elif blocks:
                cell.source = _replace_blocks(cell.source, blocks, expanded)
        return nb, resources


# --- writing the editions ----------------------------------------------------------------


def chapters(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """The notebooks of the table of contents' "Chapters" part (paths without suffix)."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    for part in data.get("parts", []):
        if part.get("caption") == "Chapters":
            return [c["file"] for c in part["chapters"] if c["file"].startswith("notebooks/")]
    raise EditionError(f"{toc} has no part with caption 'Chapters'")


def execute(nb: NotebookNode, cwd: Path, timeout_s: int = 600) -> NotebookNode:
    """Run ``nb`` top to bottom in ``cwd`` (a failing cell raises ``CellExecutionError``)."""
    from nbclient import NotebookClient

    client = NotebookClient(
        nb,
        timeout=timeout_s,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def make_edition(
    kind: str, notebook: Path, out_dir: Path, *, run: bool | None = None
) -> tuple[Path, NotebookNode]:
    """Write the ``kind`` ("student" or "instructor") edition of ``notebook`` into ``out_dir``.

    The instructor edition is executed (``run`` defaults to True for it, False for students,
    whose notebooks keep the committed outputs apart from the cleared exercise cells).
    """
    if kind not in ("student", "instructor"):
        raise ValueError(f"edition kind must be 'student' or 'instructor', got {kind!r}")
    nb = nbformat.read(notebook, as_version=4)
    pre = StudentPreprocessor() if kind == "student" else InstructorPreprocessor()
    nb, _ = pre.preprocess(nb, {})
    if run if run is not None else kind == "instructor":
        if kind == "instructor":
            nb, _ = ClearOutputPreprocessor().preprocess(nb, {})
        nb = execute(nb, notebook.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / notebook.name
    nbformat.write(nb, out)
    return out, nb


def edition_requirements() -> str:
    """``requirements.txt`` for a published edition: the pins, and ``aatd`` from the course
    repository (``repository.url`` in ``_config.yml``) instead of ``-e .``, which would need the
    package's source next to the notebooks."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pin = f"aatd @ git+{repo['url']}@{repo.get('branch', 'main')}"
    return "\n".join(pin if line.strip() == "-e ." else line for line in lines) + "\n"


def write_notebooks(kind: str, dest: Path, toc: Path = ROOT / "_toc.yml") -> list[Path]:
    """The ``kind`` edition of every chapter, with the notebooks folder's other files."""
    shutil.rmtree(dest, ignore_errors=True)
    nb_dir = dest / "notebooks"
    nb_dir.mkdir(parents=True)
    for extra in (ROOT / "notebooks").iterdir():  # quiz banks, images: everything but notebooks
        if extra.is_file() and extra.suffix != ".ipynb":
            shutil.copy2(extra, nb_dir / extra.name)
    for name in ("LICENSE", "LICENSE-CONTENT.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    (dest / "requirements.txt").write_text(edition_requirements(), encoding="utf-8")
    return [make_edition(kind, ROOT / f"{stem}.ipynb", nb_dir)[0] for stem in chapters(toc)]


def _tracked_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [ROOT / p for p in out.split("\0") if p]


def _student_pages() -> set[str]:
    """The pages ``_toc-student.yml`` lists (paths without suffix)."""
    toc = yaml.safe_load((ROOT / STUDENT_TOC).read_text(encoding="utf-8"))
    pages = {toc["root"]}

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.add(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return pages


def stage_student_source(student_notebooks: Path, stage: Path) -> Path:
    """A copy of the source whose chapter notebooks are the student edition; instructor pages
    that the student table of contents leaves out are not copied at all."""
    shutil.rmtree(stage, ignore_errors=True)
    student_pages = _student_pages()
    for path in _tracked_files():
        if not path.is_file():
            continue
        rel = path.relative_to(ROOT)
        if rel.parts[0] in ("tests", "benchmarks") or rel.suffix == ".ipynb":
            continue
        instructor_page = rel.parts[:2] == ("book", "instructors") and rel.suffix == ".md"
        if instructor_page and rel.with_suffix("").as_posix() not in student_pages:
            continue
        (stage / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, stage / rel)
    shutil.copytree(student_notebooks, stage / "notebooks", dirs_exist_ok=True)
    return stage


def student_config(stage: Path, cache: Path) -> Path:
    """``_config.yml`` with the main build's jupyter-cache and solutions hidden by Sphinx."""
    config = yaml.safe_load((stage / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["cache"] = str(cache)
    sphinx = config.setdefault("sphinx", {})
    sphinx["local_extensions"] = {
        k: str(stage / v) for k, v in sphinx.get("local_extensions", {}).items()
    }
    sphinx.setdefault("config", {})["hide_solutions"] = True  # sphinx-exercise's own setting
    path = stage / "_config-student.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_student_html(
    student_dir: Path, out: Path, cache: Path = ROOT / "_build" / ".jupyter_cache"
) -> tuple[Path, str]:
    """Build the student HTML book with ``-W -n``; returns its html folder and the log."""
    # The staged source sits beside, not inside, the folder to publish (out/_build/html).
    stage = stage_student_source(student_dir / "notebooks", out.parent / f".{out.name}-source")
    config = student_config(stage, cache)
    jb = shutil.which("jupyter-book") or str(Path(sys.executable).parent / "jupyter-book")
    cmd = [jb, "build", "-W", "-n", "--keep-going", "--all", str(stage)]
    cmd += ["--toc", str(stage / STUDENT_TOC), "--config", str(config), "--path-output", str(out)]
    proc = subprocess.run(cmd, cwd=stage, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise EditionError(f"the student book failed to build (-W -n):\n{log[-4000:]}")
    return out / "_build" / "html", log


def folder_size_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=EDITIONS, help="repeatable")
    parser.add_argument("--out", type=Path, default=OUT, help="default: editions/")
    args = parser.parse_args(argv)
    wanted = args.only or list(EDITIONS)
    for kind in wanted:
        start = time.perf_counter()
        if kind == "html":
            if not (args.out / "student" / "notebooks").is_dir():
                write_notebooks("student", args.out / "student")
            html, _ = build_student_html(args.out / "student", args.out / "student-book")
            where = html
        else:
            write_notebooks(kind, args.out / kind)
            where = args.out / kind
        size_mb = folder_size_bytes(where) / 1e6
        took_s = time.perf_counter() - start
        print(
            f"{kind}: {where.relative_to(ROOT) if where.is_relative_to(ROOT) else where} "
            f"({size_mb:.1f} MB) in {took_s:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
