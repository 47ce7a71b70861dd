"""Re-execute notebooks when the files they read change, not only their code.

jupyter-cache keys a notebook on its code cells alone, so editing a CSV in
``data/`` or a helper module in ``notebooks/`` would leave stale outputs in the
book. This extension fingerprints those dependency files; when the fingerprint
changes it drops the cached executions and makes Sphinx re-read every notebook,
so each is executed afresh. A prose edit leaves the fingerprint alone and
executes nothing.

The rule is deliberately coarse (any dependency change re-runs all notebooks):
the book has a handful of fast notebooks, and a coarse rule cannot miss an
undeclared dependency.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

FINGERPRINT_FILE = "notebook-dependencies.sha256"


def dependency_files(srcdir: Path, patterns: list[str]) -> list[Path]:
    """Every file matched by the glob patterns, in a stable order."""
    found = {p for pattern in patterns for p in srcdir.glob(pattern) if p.is_file()}
    return sorted(p for p in found if "__pycache__" not in p.parts)


def fingerprint(srcdir: Path, files: list[Path]) -> str:
    """One hash over the names and contents of the dependency files."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(srcdir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def anchor_cache_to_book(app, config) -> None:
    """Resolve a relative execution-cache path against the book, not the shell's
    current directory: otherwise building another book from this directory (the
    fixture book in the tests) would share, and clear, this book's cache."""
    configured = config.nb_execution_cache_path
    if configured and not Path(configured).is_absolute():
        config.nb_execution_cache_path = str(Path(app.srcdir) / configured)


def cache_dir(app) -> Path:
    configured = app.config.nb_execution_cache_path
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def invalidate_stale_notebooks(app, env, docnames: list[str]) -> None:
    """Sphinx ``env-before-read-docs`` handler."""
    srcdir = Path(app.srcdir)
    files = dependency_files(srcdir, app.config.notebook_dependency_globs)
    current = fingerprint(srcdir, files)
    stamp = cache_dir(app) / FINGERPRINT_FILE
    previous = stamp.read_text().strip() if stamp.exists() else None
    if current == previous:
        return

    notebooks = sorted(d for d in env.found_docs if env.doc2path(d).endswith(".ipynb"))
    if previous is not None:
        logger.info(
            "notebook_freshness: data or helper modules changed; "
            f"re-executing {len(notebooks)} notebook(s)"
        )
    _clear_execution_cache(cache_dir(app))
    for docname in notebooks:
        if docname not in docnames:
            docnames.append(docname)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")


def _clear_execution_cache(path: Path) -> None:
    if not path.exists():
        return
    from jupyter_cache import get_cache

    get_cache(str(path)).clear_cache()


def setup(app):
    app.add_config_value(
        "notebook_dependency_globs", ["data/**/*", "notebooks/**/*.py"], "env", [list]
    )
    app.connect("config-inited", anchor_cache_to_book)
    app.connect("env-before-read-docs", invalidate_stale_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
