#!/usr/bin/env bash
# Maintainers: redraw the schematic figures in book/figures/ after editing their scripts.
source "$(dirname "${BASH_SOURCE[0]}")/environment.sh"
ensure_system_packages "python3:python3" "venv:python3-venv"
ensure_python_environment
exec python "$REPO_ROOT/scripts/draw_figures.py" "$@"
