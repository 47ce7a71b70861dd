#!/usr/bin/env bash
# Build the whole book: HTML site in _build/html, PDF in _build/latex, EPUB in
# _build/epub, and the PDF and EPUB copied into the site so readers can download them.
#   bash scripts/build.sh
# Strict: any Sphinx warning (broken reference, unknown citation, failing
# notebook) stops the build with the file and the problem named.
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_system_packages "${BUILD_PACKAGES[@]}"
ensure_python_environment
cd "$REPO_ROOT"

STRICT=(-n -W --keep-going)

echo ">> building HTML"
jupyter-book build . --builder html "${STRICT[@]}"
echo ">> building PDF (XeLaTeX)"
jupyter-book build . --builder pdflatex "${STRICT[@]}"
echo ">> publishing the PDF in the site and cutting chapter handouts out of it"
python scripts/make_handouts.py
# The EPUB 3 edition: the same configuration and extensions (Sphinx's EPUB builder, made
# an e-book by _ext/epub_edition/); its name follows the PDF's. --all writes every
# document: the builds share one environment, so a page the HTML build re-read (a quiz
# bank or data file changed) would otherwise look up to date here, and with nothing to
# write Sphinx would not make the .epub at all. The old file goes first, so the site gets
# exactly the one just built. Its date is the last commit's, as the edition date is.
echo ">> building EPUB"
rm -f _build/epub/*.epub
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
  jupyter-book build . --builder custom --custom-builder epub --all "${STRICT[@]}"
cp _build/epub/*.epub _build/html/
echo
echo "HTML: $REPO_ROOT/_build/html/index.html"
echo "PDF:  $REPO_ROOT/_build/latex/*.pdf (also in _build/html/; the name is set in _config.yml, latex_documents)"
echo "Handouts: $REPO_ROOT/_build/html/handouts/<chapter>.pdf"
echo "EPUB: $REPO_ROOT/_build/epub/*.epub (also in _build/html/; named as the PDF)"
echo "Preview: python3 -m http.server --bind 127.0.0.1 --directory _build/html 8000  -> http://127.0.0.1:8000/"
