#!/usr/bin/env bash
# Build the whole book (HTML, PDF and EPUB), then run every check on it.
#   bash scripts/test.sh [extra pytest arguments]
# Checks: unit tests, data files, strict nbval on every notebook, build-failure
# and cache tests on a fixture book, the PDF's text and LaTeX log, the EPUB
# (EPUBCheck, DAISY Ace, its content), and the reader gates (offline, axe-core
# light and dark, links, citations, spelling).
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_system_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_python_environment requirements/test.txt
ensure_node_packages  # axe-core and DAISY Ace (with its Node.js), for the accessibility checks
cd "$REPO_ROOT"

bash scripts/build.sh
echo ">> running the test suite"
# pytest exits 5 when it collects no test: that is a failure here, as is any other non-zero code.
python -m pytest "$@"
