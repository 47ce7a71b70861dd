# Shared set-up for the build and test scripts: system packages, then the
# Python virtual environment. Sourced, not run.
#
# System packages come from Debian (bookworm) / Ubuntu (22.04+) apt. When one is
# missing and we are root or have passwordless sudo (as on CI runners), we
# install it; otherwise we stop and print the exact command to run.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BOOK_VENV:-$REPO_ROOT/.venv}"
PYTHON_VERSION_REQUIRED="3.11"   # requirements.txt is pinned for this version

# command-or-file-to-check : Debian package that provides it
BUILD_PACKAGES=(
  "python3:python3" "venv:python3-venv" "git:git"
  "make:make" "xelatex:texlive-xetex" "latexmk:latexmk"
  "kpsewhich fncychap.sty:texlive-latex-extra" "kpsewhich tabulary.sty:texlive-latex-extra"
  "kpsewhich capt-of.sty:texlive-latex-extra" "kpsewhich needspace.sty:texlive-latex-extra"
  "kpsewhich wrapfig.sty:texlive-latex-extra" "kpsewhich upquote.sty:texlive-latex-extra"
  "kpsewhich cmap.sty:texlive-latex-recommended" "kpsewhich fontspec.sty:texlive-latex-recommended"
  "kpsewhich polyglossia.sty:texlive-latex-recommended" "kpsewhich tgtermes.sty:tex-gyre"
  "kpsewhich lmodern.sty:texlive-fonts-recommended"
  "file /usr/share/fonts/opentype/freefont/FreeSerif.otf:fonts-freefont-otf"
)
TEST_PACKAGES=( "pdftotext:poppler-utils" "chromium:chromium" )

_has() {  # succeed when the requirement described by $1 is met
  case "$1" in
    venv) python3 -c 'import ensurepip, venv' >/dev/null 2>&1 ;;
    "kpsewhich "*) command -v kpsewhich >/dev/null 2>&1 && [ -n "$(kpsewhich "${1#kpsewhich }")" ] ;;
    "file "*) [ -e "${1#file }" ] ;;
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
  local cmd="apt-get install -y --no-install-recommends ${missing[*]}"
  local sudo=""  # as root, or with passwordless sudo (CI runners), install them
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo DEBIAN_FRONTEND=noninteractive"
  fi
  if { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null 2>&1; then
    echo ">> installing system packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo $cmd -qq >/dev/null
  else
    echo "ERROR: missing system packages: ${missing[*]}" >&2
    echo "Install them, then run this script again:" >&2
    echo "    sudo apt-get update && sudo $cmd" >&2
    exit 1
  fi
}

ensure_python_environment() {
  local version
  version="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  if [ "$version" != "$PYTHON_VERSION_REQUIRED" ]; then
    echo "WARNING: python3 is $version; requirements.txt is pinned for Python $PYTHON_VERSION_REQUIRED." >&2
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    echo ">> creating virtual environment in $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha256" want
  want="$(sha256sum "$REPO_ROOT/requirements.txt" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo ">> installing pinned Python packages (requirements.txt)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
      -r "$REPO_ROOT/requirements.txt"
    echo "$want" > "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
}
