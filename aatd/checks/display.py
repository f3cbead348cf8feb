"""Answers that stay collapsed after the student runs the cell.

JupyterLab shows a cell's hidden outputs again as soon as the cell runs (``outputs_hidden``
only holds until then), so a cell that answers a prediction prints inside
``with hidden_answer():``. What the block prints, and any figure it draws, is displayed as one
output: plain text for nbval and text-only front ends, and an HTML ``<details>`` that
JupyterLab, Notebook, Colab and the web book show collapsed until the reader opens it.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import sys
from types import TracebackType

#: The element and class the book, the tests and the style sheets look for.
ANSWER_CLASS = "aatd-answer"


class HiddenAnswer:
    """Printed text (and figures as PNG) shown collapsed; ``text/plain`` is the text."""

    def __init__(self, text: str, pngs: list[bytes], summary: str, alt: str | None):
        if pngs and not alt:
            raise ValueError("a hidden answer with a figure needs alt text (alt=...), got none")
        self.text, self.pngs, self.summary, self.alt = text, pngs, summary, alt

    def __repr__(self) -> str:
        return self.text.rstrip("\n") or "(figure)"

    def _repr_html_(self) -> str:
        summary = html.escape(self.summary)
        parts = [
            f'<details class="{ANSWER_CLASS}">'
            f'<summary style="display:list-item;cursor:pointer">{summary}</summary>'
        ]
        if self.text:
            parts.append(f"<pre>{html.escape(self.text.rstrip())}</pre>")
        for png in self.pngs:
            data = base64.b64encode(png).decode("ascii")
            alt = html.escape(self.alt or "", quote=True)
            parts.append(
                f'<img src="data:image/png;base64,{data}" alt="{alt}" style="max-width:100%">'
            )
        parts.append("</details>")
        return "".join(parts)


class hidden_answer(contextlib.AbstractContextManager["hidden_answer"]):  # noqa: N801
    """``with hidden_answer(): print(...)`` shows what the block prints collapsed.

    ``summary`` is the text of the collapsed line; ``alt`` describes a figure drawn in the block
    (required when there is one).
    """

    def __init__(self, summary: str = "Show the answer", *, alt: str | None = None):
        if not isinstance(summary, str) or not summary.strip():
            raise ValueError(f"summary must be a non-empty text, got {summary!r}")
        self.summary, self.alt = summary, alt
        self._buffer = io.StringIO()
        self._redirect = contextlib.redirect_stdout(self._buffer)
        self._figures_before: set[int] = set()

    def __enter__(self) -> hidden_answer:
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:
            self._figures_before = set(plt.get_fignums())
        self._redirect.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._redirect.__exit__(exc_type, exc, tb)
        text = self._buffer.getvalue()
        if exc_type is not None:  # show what was printed, then let the error through
            sys.stdout.write(text)
            return
        pngs = []
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:
            for num in sorted(set(plt.get_fignums()) - self._figures_before):
                fig = plt.figure(num)
                out = io.BytesIO()
                fig.savefig(out, format="png", dpi=100, bbox_inches="tight")
                pngs.append(out.getvalue())
                plt.close(fig)
        answer = HiddenAnswer(text, pngs, self.summary, self.alt)
        try:
            from IPython import get_ipython
            from IPython.display import display
        except ImportError:  # plain Python: just print
            print(repr(answer))
            return
        if get_ipython() is None:
            print(repr(answer))
        else:
            display(answer)
