"""The core has no Qt: checked by import-linter and by importing every core module."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import wir_manager

ROOT = Path(__file__).resolve().parents[1]
CORE_PACKAGES = ("domain", "storage", "services", "cli")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(wir_manager.__path__, "wir_manager."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] in CORE_PACKAGES:
            names.append(info.name)
    return names


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = core_modules()
    assert "wir_manager.storage.database" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'wir_manager.qt')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contract_holds() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency"
    result = subprocess.run(
        [exe, "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout
