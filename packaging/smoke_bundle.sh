#!/usr/bin/env bash
# Headless smoke run of the built bundle (dist/wir-manager/), as CI does after building.
#
#   packaging/smoke_bundle.sh [path/to/wir-manager]
#
# The frozen binary, with no Python or source tree on its path, must: create an encrypted
# database, fill demo data (faker locales, pycountry, language_data, babel), list and
# describe it (Alembic migrations ran from the bundle), write a PDF dossier (reportlab
# fonts, the dossier engine) once the dossier command exists, switch to Swedish
# (compiled catalogues are bundled), and start the GUI offscreen (Qt plugins bundled).
# Everything happens in a throw-away WIR_MANAGER_HOME; nothing touches the user's data.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:-$ROOT/dist/wir-manager/wir-manager}"
[[ -x "$BIN" ]] || { echo "smoke: no bundle at $BIN; run packaging/build_bundle.sh" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wir-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Run from an empty directory with a clean environment so the bundle cannot lean on the
# source checkout or the venv.
cd "$WORK"
unset PYTHONPATH VIRTUAL_ENV PYTHONHOME
export WIR_MANAGER_HOME="$WORK/home"
export WIR_MANAGER_PASSPHRASE="smoke test passphrase"
export PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
export QT_QPA_PLATFORM=offscreen
export LANG=C.UTF-8
DB="$WORK/smoke.db"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

step "version"
"$BIN" --version

step "init"
"$BIN" --db "$DB" init --operator "Smoke Test"
[[ -s "$DB" ]] || fail "no database file was created"
if head -c 16 "$DB" | grep -q "SQLite format 3"; then fail "database is not encrypted"; fi

step "demo data"
"$BIN" --db "$DB" demo --candidates 200 --requests 6 --seed 7

step "candidates"
"$BIN" --db "$DB" candidates --limit 5
"$BIN" --db "$DB" candidates --json > candidates.json
n_candidates="$(grep -c '"id":' candidates.json || true)"
[[ "$n_candidates" -ge 200 ]] || fail "expected 200 candidates, listed $n_candidates"

step "requests"
"$BIN" --db "$DB" requests --json > requests.json
request_id="$(grep -m1 -o '"id": *[0-9]*' requests.json | grep -o '[0-9]*$' || true)"
[[ -n "$request_id" ]] || fail "no placement request was listed"

step "info"
"$BIN" --db "$DB" info

if [[ -f "$ROOT/wir_manager/cli/commands/dossier.py" ]]; then
    # The demo fills some requests and places some people (placements), so not every
    # request has someone eligible: take the first one that gives a dossier.
    for candidate_request in $(grep -o '"id": *[0-9]*' requests.json | grep -o '[0-9]*$'); do
        step "dossier for request $candidate_request"
        if "$BIN" --db "$DB" dossier "$candidate_request" -o "$WORK/dossier.pdf"; then
            request_id="$candidate_request"
            break
        fi
    done
    [[ -s "$WORK/dossier.pdf" ]] || fail "no dossier PDF was written"
    head -c 5 "$WORK/dossier.pdf" | grep -q "%PDF-" || fail "the dossier is not a PDF"
    echo "dossier: $(wc -c < "$WORK/dossier.pdf") bytes"
else
    step "dossier: skipped (wir_manager/cli/commands/dossier.py does not exist yet)"
fi

step "Swedish"
if [[ -f "$ROOT/wir_manager/cli/commands/dossier.py" ]]; then
    # The bundled core catalogue (.mo) must be found and used.
    WIR_MANAGER_LANG=sv "$BIN" --db "$DB" dossier "$request_id" -o "$WORK/dossier-sv.pdf" \
        > dossier_sv.txt
    cat dossier_sv.txt
    if ! grep -q "^Skrev " dossier_sv.txt; then
        # The CLI picks its language at start-up only once cli/main.py calls
        # wir_manager.i18n.set_language(); until then this is a warning, not a failure.
        if grep -q "set_language" "$ROOT/wir_manager/cli/main.py"; then
            fail "the Swedish catalogue was not used"
        fi
        echo "WARNING: the CLI does not switch language yet (cli/main.py never calls set_language)"
    fi
else
    WIR_MANAGER_LANG=sv "$BIN" --db "$DB" info > /dev/null
    echo "ok: ran with WIR_MANAGER_LANG=sv (no translated CLI output to check yet)"
fi

step "GUI starts offscreen"
if [[ -f "$ROOT/wir_manager/qt/app.py" ]]; then
    # The app keeps running until closed; still running after the timeout means it
    # imported Qt, loaded the platform plugin and entered the event loop.
    set +e
    timeout 12 "$BIN" --db "$DB" gui > gui.log 2>&1
    status=$?
    set -e
    if [[ $status -ne 124 && $status -ne 0 ]] || grep -q -e Traceback -e "unexpected error" gui.log; then
        cat gui.log >&2
        fail "the GUI exited with status $status"
    fi
    echo "ok: GUI ran (status $status)"
else
    echo "skipped: wir_manager/qt/app.py does not exist yet"
fi

printf '\nsmoke: all steps passed\n'
