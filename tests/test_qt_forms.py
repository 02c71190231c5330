"""Every committed form module matches its Designer file (nobody edited generated code,
nobody forgot to recompile after editing a .ui)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wir_manager.qt.build_forms import compile_form, target_for, uic_executable
from wir_manager.storage.paths import ui_dir

FORMS = sorted(ui_dir().glob("*.ui"))


@pytest.mark.skipif(
    shutil.which(uic_executable()) is None and not Path(uic_executable()).exists(),
    reason="pyside6-uic is not installed",
)
@pytest.mark.parametrize("ui_file", FORMS, ids=[f.stem for f in FORMS])
def test_generated_form_is_current(ui_file: Path) -> None:
    target = target_for(ui_file)
    assert target.exists(), f"{target.name} is missing: run python -m wir_manager.qt.build_forms"
    assert target.read_text(encoding="utf-8") == compile_form(ui_file), (
        f"{target.name} is out of date: run python -m wir_manager.qt.build_forms"
    )


def test_there_are_forms() -> None:
    assert any(f.stem == "main_window" for f in FORMS)
