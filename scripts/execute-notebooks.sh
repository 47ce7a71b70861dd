#!/usr/bin/env bash
# Maintainers: re-execute every notebook (or those named) and save outputs.
#   bash scripts/execute-notebooks.sh [notebooks/NAME.ipynb ...]
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_system_packages "python3:python3" "venv:python3-venv"
ensure_python_environment
exec python "$REPO_ROOT/scripts/execute_notebooks.py" "$@"
