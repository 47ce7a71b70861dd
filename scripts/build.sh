#!/usr/bin/env bash
# Build the whole book: HTML site in _build/html, PDF in _build/latex, and the
# PDF copied into the site so readers can download it.
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
echo
echo "HTML: $REPO_ROOT/_build/html/index.html"
echo "PDF:  $REPO_ROOT/_build/latex/*.pdf (also in _build/html/; the name is set in _config.yml, latex_documents)"
echo "Handouts: $REPO_ROOT/_build/html/handouts/<chapter>.pdf"
echo "Preview: python3 -m http.server --bind 127.0.0.1 --directory _build/html 8000  -> http://127.0.0.1:8000/"
