#!/usr/bin/env bash
# Build the one-folder Linux application into dist/wir-manager/.
#
#   packaging/build_bundle.sh            # uses ./.venv (or $PYTHON)
#
# Installs PyInstaller 6.x into the venv when it is missing, recompiles translations so
# the bundle never ships stale .qm/.mo files, then runs the spec. Takes ~3-5 minutes on
# 2 cores. Work files go to build/pyinstaller/ (deleted and rebuilt each run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"

if ! "$PYTHON" -c "import PyInstaller, sys; sys.exit(int(PyInstaller.__version__.split('.')[0]) != 6)" 2>/dev/null; then
    echo "Installing PyInstaller 6.x into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.0,<7"
fi

# Compile (not re-extract) the catalogues: .ts -> .qm and .po -> .mo.
"$PYTHON" packaging/update_translations.py --compile-only

rm -rf build/pyinstaller dist/wir-manager
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist \
    packaging/wir-manager.spec

echo "Built $ROOT/dist/wir-manager/wir-manager ($(du -sh dist/wir-manager | cut -f1))"
