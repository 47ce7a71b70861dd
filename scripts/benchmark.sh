#!/usr/bin/env bash
# Print build-time and page-weight figures (see scripts/benchmark.py). Needs a built book.
#   bash scripts/benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_system_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"  # npm: Lighthouse
ensure_python_environment requirements/test.txt  # Lighthouse runs through the test tools
exec python "$REPO_ROOT/scripts/benchmark.py"
