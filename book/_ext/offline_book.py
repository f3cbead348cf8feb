"""Keep the built pages clean for offline reading.

Jupyter Book 1 registers sphinx-thebe's inline configuration script twice, so every page
logs "Identifier 'THEBE_JS_URL' has already been declared" in the browser console. Thebe
(live code through Binder) is off in this book, so the duplicate is dropped here. This is
a few lines of our own because no setting of Jupyter Book 1 removes it.
"""

from __future__ import annotations


def _drop_duplicate_inline_scripts(app, pagename, templatename, context, doctree):
    seen: set[str] = set()
    kept = []
    for script in context.get("script_files", []):
        body = getattr(script, "attributes", {}).get("body") or ""
        if body:
            if body in seen:
                continue
            seen.add(body)
        kept.append(script)
    context["script_files"] = kept


def setup(app):
    app.connect("html-page-context", _drop_duplicate_inline_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
