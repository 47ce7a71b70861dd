#!/usr/bin/env bash
# Re-lock the Python packages after editing requirements/*.in or binder/requirements.in.
#   bash scripts/lock.sh            keep every pin that still fits, add what is new
#   bash scripts/lock.sh --upgrade  move every pin to its newest release
# One universal lock per environment (uv's --universal: environment markers where a
# package differs by platform or Python), valid on every Python from 3.11.2 (Debian 12)
# up, so matplotlib, numpy, Pillow and fonttools are the same versions everywhere:
#   requirements.txt          the book's build
#   requirements/test.txt     the build plus the test tools (same versions: constrained by the first)
#   binder/requirements.txt   a reader's notebook session on Binder (same versions again)
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="_build/.tools/lock"
if [ ! -x "$TOOLS/bin/uv" ]; then
  python3 -m venv "$TOOLS" && "$TOOLS/bin/pip" install --quiet uv
fi
compile() {  # compile IN OUT [constraint]
  "$TOOLS/bin/uv" pip compile "$1" -o "$2" ${3:+-c "$3"} --universal --python-version 3.11.2 \
    --custom-compile-command "bash scripts/lock.sh" --quiet "${@:4}"
}
compile requirements/build.in requirements.txt "" "$@"
compile requirements/test.in requirements/test.txt requirements.txt "$@"
compile binder/requirements.in binder/requirements.txt requirements.txt "$@"
echo "Locked: requirements.txt, requirements/test.txt, binder/requirements.txt"
