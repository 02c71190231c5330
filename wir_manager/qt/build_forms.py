"""Compile Qt Designer forms (``ui/*.ui``) into ``wir_manager/qt/forms/ui_*.py``.

Picard-style: forms are designed in Designer, committed as .ui, and compiled to Python
by this command so the app does not parse XML at start-up. Run it after editing a form:

    python -m wir_manager.qt.build_forms
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from wir_manager.storage.paths import ui_dir

FORMS_DIR = Path(__file__).resolve().parent / "forms"


def uic_executable() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    return found or shutil.which("pyside6-uic") or "pyside6-uic"


def compile_form(ui_file: Path) -> str:
    """Generated Python source for one form (no file written)."""
    result = subprocess.run(
        [uic_executable(), "--from-imports", "-g", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    # Drop the header line carrying the Qt version so regenerating with another patch
    # release does not count as a change.
    lines = [
        ln
        for ln in result.stdout.splitlines()
        if "Created by: Qt User Interface Compiler" not in ln
    ]
    return prune_imports("\n".join(lines).rstrip() + "\n")


def prune_imports(source: str) -> str:
    """Keep only the PySide6 names a generated form uses.

    pyside6-uic imports some forty classes into every form (gradients, QImage, QUrl …)
    whether the form needs them or not, and PySide6 builds each class, with its enums,
    the first time it is imported: about 10 ms of every start for classes the window
    never touches.
    """
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines()
    replacements: list[tuple[int, int, str]] = []
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")):
            continue
        kept = [alias.name for alias in node.names if (alias.asname or alias.name) in used]
        text = f"from {node.module} import {', '.join(kept)}" if kept else ""
        assert node.end_lineno is not None
        replacements.append((node.lineno - 1, node.end_lineno, text))
    for start, end, text in reversed(replacements):
        lines[start:end] = [text] if text else []
    return "\n".join(lines).rstrip() + "\n"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    forms = sorted(ui_dir().glob("*.ui"))
    for ui_file in forms:
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_for(ui_file).relative_to(FORMS_DIR.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
