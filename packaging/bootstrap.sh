#!/usr/bin/env bash
# Set up WiR Manager on a fresh Debian/Ubuntu machine, then run it or its tests.
#
#   bash packaging/bootstrap.sh run    # install everything, start the app (demo database if none)
#   bash packaging/bootstrap.sh test   # install everything, run the whole test suite
#   bash packaging/bootstrap.sh setup  # install only
#
# Idempotent: system packages are installed only when missing, and the virtual
# environment is refreshed only when pyproject.toml changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
MODE="${1:-run}"
shift || true

# Libraries Qt needs to start (also offscreen), fonts for every script we render,
# pdftoppm for looking at dossiers, Xvfb for a virtual screen, and PostgreSQL: the tests
# start their own throwaway cluster with its initdb/pg_ctl (team mode, issue #13).
APT_PACKAGES=(
  python3 python3-venv python3-pip
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  poppler-utils xvfb xauth x11-apps desktop-file-utils xdotool x11-utils imagemagick
  postgresql
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  local log="${TMPDIR:-/tmp}/wir-manager-apt.log"
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
         && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
              --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "Installing system packages failed; the full log is in $log" >&2
    exit 1
  fi
}

pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "WiR Manager needs Python 3.11 or newer; install it and run this again." >&2
  exit 1
}

install_python_env() {
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ -f "$stamp" ] && [ -x "$VENV/bin/wir-manager" ]; then
    return 0
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in .venv"
    "$(pick_python)" -m venv "$VENV"
  fi
  say "Installing WiR Manager and its dependencies into .venv"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[test]"
  rm -f "$VENV"/.installed-*
  touch "$stamp"
}

install_system_packages
install_python_env

case "$MODE" in
  setup)
    say "Set up. Start the app with: bash packaging/bootstrap.sh run"
    ;;
  run)
    # Compiled bytecode makes every start quicker; an editable install run where Python
    # may not write .pyc files (PYTHONDONTWRITEBYTECODE) would recompile at each start.
    "$VENV/bin/python" -m compileall -q wir_manager >/dev/null
    # Your own database when you have one; otherwise the demo database (created and
    # filled on first start, passphrase "wikimedian-demo" or $WIR_MANAGER_PASSPHRASE).
    gui_args=(gui)
    if ! "$VENV/bin/python" -c 'import sys; from wir_manager.storage.paths import default_db_path; sys.exit(0 if default_db_path().exists() else 1)'; then
      gui_args+=(--demo)
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "No screen here (no DISPLAY or WAYLAND_DISPLAY): starting WiR Manager on the virtual"
      say "screen :99 (Xvfb). Screenshot it with: xwd -display :99 -root -out shot.xwd"
      say "Stop it with Ctrl+C. On a desktop session the window simply opens."
      exec xvfb-run -n 99 -s "-screen 0 1440x900x24" "$VENV/bin/wir-manager" "${gui_args[@]}" "$@"
    fi
    exec "$VENV/bin/wir-manager" "${gui_args[@]}" "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    say "Lint (ruff), architecture contracts (layers; core imports no Qt), types (mypy)"
    "$VENV/bin/ruff" check wir_manager tests bench migrations packaging
    "$VENV/bin/lint-imports" --no-cache
    "$VENV/bin/mypy"
    say "Test suite"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh [run|test|setup]" >&2
    exit 2
    ;;
esac
