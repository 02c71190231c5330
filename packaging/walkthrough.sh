#!/usr/bin/env bash
# Walk through the real desktop app on a 1366x768 X display, as a person on a laptop would.
#
#   bash packaging/walkthrough.sh [en|sv] [OUT_DIR]
#
# Starts Xvfb (display :77 unless DISPLAY_NUM is set), opens `wir-manager gui --demo` in a
# throw-away WIR_MANAGER_HOME, switches to every sidebar screen with Ctrl+1 … Ctrl+N
# (xdotool), measures the window after each switch (xwininfo) and saves a screenshot of the
# whole screen (ImageMagick `import -window root`). Prints one line per screen and fails
# when the window no longer fits the 1366x768 screen. The bootstrap installs Xvfb,
# xdotool, x11-utils and imagemagick.
set -euo pipefail

LANG_CODE="${1:-en}"
OUT="${2:-/tmp/walkthrough-$LANG_CODE}"
NUM="${DISPLAY_NUM:-77}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
mkdir -p "$OUT"
HOME_DIR="$(mktemp -d)"
cleanup() {
    [[ -n "${APP:-}" ]] && kill "$APP" 2>/dev/null || true
    [[ -n "${XVFB:-}" ]] && kill "$XVFB" 2>/dev/null || true
    rm -rf "$HOME_DIR"
}
trap cleanup EXIT

Xvfb ":$NUM" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
export DISPLAY=":$NUM"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

export WIR_MANAGER_HOME="$HOME_DIR" WIR_MANAGER_LANG="$LANG_CODE" QT_QPA_PLATFORM=xcb
"$PY" -m wir_manager gui --demo >"$OUT/app.log" 2>&1 &
APP=$!

window=""
for _ in $(seq 240); do
    window="$(xdotool search --onlyvisible --name 'WiR Manager' 2>/dev/null | tail -1 || true)"
    [[ -n "$window" ]] && break
    sleep 0.5
done
[[ -n "$window" ]] || { echo "walkthrough: the main window did not appear" >&2; exit 1; }
sleep 6  # the demo fills in the background; the first screen loads its rows

screens="$("$PY" -c 'from wir_manager.qt.views.registry import SCREENS; print(len(SCREENS))')"
fail=0
for n in $(seq 1 "$screens"); do
    # No window manager on Xvfb: give the window the keyboard focus, then type as a person.
    xdotool windowfocus --sync "$window" >/dev/null 2>&1 || true
    xdotool key "ctrl+$n"
    sleep 5
    read -r width height < <(xwininfo -id "$window" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w, h}')
    import -window root "$OUT/screen-$n.png"
    verdict=ok
    if (( width > 1366 || height > 768 )); then verdict=TOO-BIG; fail=1; fi
    echo "screen $n: window ${width}x${height} on 1366x768 ($LANG_CODE) $verdict -> $OUT/screen-$n.png"
done
xdotool windowfocus --sync "$window" >/dev/null 2>&1 || true
xdotool key "ctrl+q"
sleep 2
exit "$fail"
