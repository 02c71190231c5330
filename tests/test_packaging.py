"""The bundle's recipe: what the PyInstaller spec collects and the desktop entry.

Building the bundle takes a minute and happens in CI (``packaging/build_bundle.sh`` then
``packaging/smoke_bundle.sh``); these tests catch the cheap mistakes first: a data folder
the app reads at run time that the spec forgets, a script with a syntax error, an
invalid .desktop file.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "wir-manager.spec"


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def _project_data_dirs() -> list[tuple[str, str]]:
    for node in ast.walk(_spec_tree()):
        if (
            isinstance(node, ast.Assign)
            and getattr(node.targets[0], "id", None) == "PROJECT_DATA_DIRS"
        ):
            return [tuple(ast.literal_eval(elt)) for elt in node.value.elts]
    raise AssertionError("PROJECT_DATA_DIRS not found in the spec")


def _collected_packages() -> set[str]:
    """First arguments of collect_data_files()/collect_submodules() calls in the spec."""
    found = set()
    for node in ast.walk(_spec_tree()):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in ("collect_data_files", "collect_submodules")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
    return found


def test_spec_puts_every_runtime_folder_at_the_bundle_root() -> None:
    """project_root() is sys._MEIPASS when frozen, so each folder keeps its path."""
    dirs = dict(_project_data_dirs())
    for folder in (
        "migrations",
        "resources/fonts",
        "resources/icons",
        "resources/translations",
        "resources/guide",
        "ui",
    ):
        assert dirs.get(folder) == folder, f"{folder} missing from PROJECT_DATA_DIRS"
    # Every folder the app reads through paths.py is either listed or absent on purpose.
    resources = {f"resources/{p.name}" for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert resources <= set(dirs), f"not bundled: {sorted(resources - set(dirs))}"


def test_spec_collects_the_data_of_packages_that_read_files() -> None:
    packages = _collected_packages()
    for name in (
        "language_data",  # supplementalData.xml and name data behind langcodes
        "pycountry",
        "babel",
        "reportlab",
        "faker.providers",  # demo data loads locale providers by name
        "anyascii",  # demo Latin-script names: transliteration tables read as files
        "wir_manager",  # CLI commands and screens are imported by name
        "keyring.backends",
        "alembic",
    ):
        assert name in packages, f"the spec does not collect {name}"


def test_runtime_data_the_spec_relies_on_exists() -> None:
    """The files the bundle must carry are where the spec looks for them."""
    import babel
    import language_data
    import pycountry
    import reportlab

    assert (Path(language_data.__file__).parent / "data" / "supplementalData.xml").is_file()
    assert (Path(pycountry.__file__).parent / "databases" / "iso3166-1.json").is_file()
    assert (Path(babel.__file__).parent / "locale-data" / "sv.dat").is_file()
    assert any((Path(reportlab.__file__).parent / "fonts").glob("*.ttf"))
    assert (ROOT / "migrations" / "env.py").is_file()
    assert (ROOT / "resources" / "translations" / "wir_manager_sv.qm").is_file()
    assert (ROOT / "resources" / "translations" / "sv" / "LC_MESSAGES" / "wir_manager.mo").is_file()
    assert (PACKAGING / "entry.py").is_file()


def test_frozen_paths_point_into_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from wir_manager.storage import paths

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.migrations_dir() == tmp_path / "migrations"
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.ui_dir() == tmp_path / "ui"


@pytest.mark.parametrize("script", ["build_bundle.sh", "smoke_bundle.sh"])
def test_shell_scripts_are_executable_and_parse(script: str) -> None:
    path = PACKAGING / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    subprocess.run(["bash", "-n", str(path)], check=True)
    text = path.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text


def test_smoke_run_covers_the_promised_steps() -> None:
    text = (PACKAGING / "smoke_bundle.sh").read_text(encoding="utf-8")
    for step in (" init ", " demo ", " candidates ", " info", " dossier ", " gui "):
        assert step in text, f"smoke run lacks{step}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(PACKAGING / "wir-manager.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_gui_and_speaks_swedish() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[:2] == ["wir-manager", "gui"]
    assert entry["Icon"] == "wir-manager"
    assert entry["Terminal"] == "false"
    assert "Name[sv]" in entry and "Comment[sv]" in entry
    assert "Kandidater" in entry["Comment[sv]"]


def test_desktop_file_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate not installed (apt install desktop-file-utils)")
    result = subprocess.run(
        [validator, str(PACKAGING / "wir-manager.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_icon_is_a_valid_svg(qapp) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(PACKAGING / "wir-manager.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() >= 128


def test_packaging_notes_cover_every_platform() -> None:
    text = (PACKAGING / "README-packaging.md").read_text(encoding="utf-8")
    for heading in ("## Linux", "## Windows", "## macOS"):
        assert heading in text
