"""Swedish is complete: a new user-visible string without a translation fails here.

The catalogues are re-extracted from the current sources into a temporary copy (the
same code as ``packaging/update_translations.py``), so a string added to the Qt code, a
``ui/*.ui`` form, the sidebar registry or a core ``_()`` call shows up as missing even
before anyone runs the update script. Fix a failure with::

    .venv/bin/python packaging/update_translations.py   # merge new strings
    # translate them in resources/translations/ (Qt Linguist or a text editor)
    .venv/bin/python packaging/update_translations.py   # compile .qm / .mo
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _listing(items: list) -> str:
    shown = "\n  ".join(map(str, items[:60]))
    more = f"\n  … and {len(items) - 60} more" if len(items) > 60 else ""
    return (
        f"{len(items)} string(s) without a Swedish translation "
        f"(run packaging/update_translations.py, translate, run it again):\n  {shown}{more}"
    )


def test_every_qt_string_has_a_swedish_translation() -> None:
    missing = tool.missing_qt("sv")
    assert missing == [], _listing(missing)


def test_every_core_string_has_a_swedish_translation() -> None:
    missing = tool.missing_core("sv")
    assert missing == [], _listing(missing)


def test_every_translated_expression_can_be_extracted() -> None:
    """``_tr(x)`` / ``translate(ctx, x)`` with a non-literal ``x`` is fine when ``x`` is a
    domain label or a constant table the extractor can resolve; anything else never
    reaches the catalogue (mark the possible values with QT_TRANSLATE_NOOP)."""
    _messages, unresolved = tool.indirect_qt_messages()
    assert unresolved == [], "translated value the extractor cannot resolve:\n" + "\n".join(
        unresolved
    )


def test_compiled_catalogues_match_their_sources(qapp) -> None:
    """The shipped .qm/.mo say what the committed .ts/.po say (nothing stale).

    Compared by content, not bytes, so another Qt or Babel version compiling the same
    catalogue does not count as a difference.
    """
    import gettext
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(tool.qm_path("sv")))
    stale = []
    for ctx in ET.parse(tool.ts_path("sv")).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if msg.get("numerus") == "yes" or tr is None or tr.get("type"):
                continue
            source = msg.findtext("source") or ""
            if translator.translate(name, source) != (tr.text or ""):
                stale.append(f"[{name}] {source!r}")
    from babel.messages.pofile import read_po

    with tool.po_path("sv").with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    with tool.po_path("sv").open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            got = (compiled.ngettext(*message.id, 1), compiled.ngettext(*message.id, 2))
            if got != tuple(message.string):
                stale.append(f"[core] {message.id[0]!r}")
        elif message.string and compiled.gettext(message.id) != message.string:
            stale.append(f"[core] {message.id!r}")
    assert stale == [], "recompile (packaging/update_translations.py --compile-only):\n" + (
        "\n".join(stale[:30])
    )


_QT_PLACEHOLDER = re.compile(r"%(?:L?\d+|n)")
_BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^}]*)?\}")


def test_swedish_keeps_placeholders_and_shortcut_keys() -> None:
    """%1/%n, {name} fields and &-mnemonics survive translation (else crashes or
    a dead Alt key)."""
    import xml.etree.ElementTree as ET

    bad: list[str] = []
    for ctx in ET.parse(tool.ts_path("sv")).getroot().iter("context"):
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            for text in forms:
                if sorted(set(_QT_PLACEHOLDER.findall(source)) - {"%n"}) != sorted(
                    set(_QT_PLACEHOLDER.findall(text)) - {"%n"}
                ):
                    bad.append(f"placeholders differ: {source!r} -> {text!r}")
                if re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
                    bad.append(f"shortcut key lost: {source!r} -> {text!r}")
    for msgid, msgstr in _po_pairs():
        if sorted(_BRACE.findall(msgid)) != sorted(_BRACE.findall(msgstr)):
            bad.append(f"fields differ: {msgid!r} -> {msgstr!r}")
    assert bad == [], "\n".join(bad)


def _po_pairs() -> list[tuple[str, str]]:
    from babel.messages.pofile import read_po

    with tool.po_path("sv").open("rb") as fh:
        catalog = read_po(fh)
    pairs = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs += [(ids[min(i, len(ids) - 1)], s) for i, s in enumerate(strs) if s]
    return pairs


_TR_CALL = re.compile(
    r"""(?:\.tr|QCoreApplication\.translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(\s*"""
    r"""(?:(?:f|rf|fr)["']|[^)]*?,\s*(?:f|rf|fr)["'])"""
)
_CORE_CALL = re.compile(r"""(?<![\w.])_\(\s*(?:f|rf|fr)["']""")


def test_no_f_strings_inside_translation_calls() -> None:
    """``tr(f"…")`` / ``_(f"…")`` can never match a catalogue entry: use %1 / .format()."""
    offenders = []
    for path in sorted((ROOT / "wir_manager").rglob("*.py")):
        if "forms" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        pattern = _TR_CALL if "qt" in path.relative_to(ROOT).parts else _CORE_CALL
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            offenders.append(f"{path.relative_to(ROOT)}:{line}")
    assert offenders == [], "f-string inside a translation call:\n" + "\n".join(offenders)


@pytest.fixture
def swedish(qapp):
    from wir_manager.qt.i18n import install_translations

    install_translations(qapp, language="sv")
    yield qapp
    install_translations(qapp, language="en")


def test_swedish_is_what_the_app_shows(swedish) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from wir_manager.i18n import _, current_language
    from wir_manager.qt.i18n import installed_catalogues

    assert current_language() == "sv"
    assert any(path.endswith("wir_manager_sv.qm") for path in installed_catalogues())
    assert QCoreApplication.translate("Screens", "Candidates") == "Kandidater"
    assert QCoreApplication.translate("Screens", "Placement requests") == (
        "Placeringsförfrågningar"
    )
    # Qt's own strings (standard buttons) come from qtbase_sv.qm.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    core = [msgid for msgid, _done in tool.po_messages(tool.po_path("sv")) if _done]
    assert core, "the core catalogue is empty"
    assert _(core[0]) != core[0]


def test_swedish_standard_buttons_say_ok_as_swedish_desktops_do(swedish, qtbot) -> None:
    """Qt's catalogue says "Ok"; ours, installed after it, says "OK" and wins."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "Sparat", "Kandidaten är sparad.")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "OK"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"  # still Qt's


def test_tour_in_swedish(swedish, qtbot, tmp_path: Path) -> None:
    from wir_manager.qt.dialogs.tour import TourDialog

    dialog = TourDialog()
    qtbot.addWidget(dialog)
    assert dialog.tour_pages()[1].title == "Kandidater"
    assert dialog.ui.nextButton.text() == "&Nästa"
    assert dialog.ui.stepLabel.text() == "Sida 1 av 7"


def test_guide_exists_in_every_language_with_the_same_sections() -> None:
    from wir_manager.services.guide import load_guide

    english, swedish = load_guide("en"), load_guide("sv")
    assert swedish.language == "sv"
    assert [s.level for s in english.sections] == [s.level for s in swedish.sections]
    assert swedish.sections[0].title == "Användarhandbok för WiR Manager"
    images = re.compile(r"screenshots/\w+\.png")
    en_text = english.source.read_text(encoding="utf-8")
    sv_text = swedish.source.read_text(encoding="utf-8")
    assert images.findall(en_text) == images.findall(sv_text)


def test_locale_formatting_follows_the_language(swedish) -> None:
    import datetime as dt

    from babel import Locale

    from wir_manager.services import localefmt

    assert localefmt.format_number(1234.5, 1, Locale.parse("sv_SE")) == "1\u00a0234,5"
    assert localefmt.format_date(dt.date(2026, 11, 25), locale=Locale.parse("sv_SE")) == (
        "25 nov. 2026"
    )
    assert localefmt.format_percent(0.875, locale=Locale.parse("sv_SE")) == "88\u00a0%"
    en = Locale.parse("en_GB")
    assert localefmt.format_number(1234567.5, 1, en) == "1,234,567.5"
    assert localefmt.format_date(dt.date(2026, 11, 25), locale=en) == "25 Nov 2026"
    assert localefmt.current_locale().language == "sv"


def test_language_setting_wins_over_the_system(qapp, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from wir_manager.qt import i18n as qt_i18n

    monkeypatch.setenv("WIR_MANAGER_LANG", "en")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert qt_i18n.resolve_language(settings) == "en"
    qt_i18n.set_language_setting(settings, "sv")
    assert qt_i18n.resolve_language(settings) == "sv"
    monkeypatch.setenv("WIR_MANAGER_LANG", "sv")
    qt_i18n.set_language_setting(settings, "system")
    assert qt_i18n.resolve_language(settings) == "sv"
    with pytest.raises(ValueError):
        qt_i18n.set_language_setting(settings, "xx")


def test_language_menu_stores_the_choice(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from wir_manager.qt import i18n as qt_i18n

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    menu = QMenu()
    changes: list[str] = []
    submenu = qt_i18n.add_language_menu(menu, settings, on_change=changes.append)
    actions = [a for a in submenu.actions() if a.data() is not None]
    assert [a.data() for a in actions] == ["system", "en", "sv"]
    note = submenu.findChild(QAction, "languageRestartNote")
    assert note is not None and not note.isEnabled()
    assert "next time" in note.text()
    assert [a.text() for a in actions][1:] == ["English", "Svenska"]
    assert actions[0].isChecked()
    actions[2].trigger()
    assert changes == ["sv"]
    assert qt_i18n.language_setting(settings) == "sv"
    assert actions[2].isChecked() and not actions[0].isChecked()


def test_place_and_language_names_follow_the_language() -> None:
    from babel import Locale

    from wir_manager.services import localefmt

    sv, en = Locale.parse("sv_SE"), Locale.parse("en_GB")
    assert localefmt.country_name("UA", sv) == "Ukraina"
    assert localefmt.country_name("UA", en) == "Ukraine"
    assert localefmt.region_name("014", sv) == "Östafrika"
    assert localefmt.region_name("014", en) == "Eastern Africa"
    from wir_manager.domain import codes

    assert codes.language_name("ar", "sv") == "Arabiska"
    assert codes.language_name("ar", "en") == "Arabic"


def test_qt_code_leaves_translators_no_stray_comments() -> None:
    """pyside6-lupdate reads every ``#:`` comment before a ``tr()`` as a note to the
    translator, so attribute notes in the Qt layer ("replaceable in tests …") piled up
    in the catalogue. The Qt layer writes plain ``#`` comments; the catalogue has no
    translator comments that came from them."""
    qt = Path(__file__).resolve().parents[1] / "wir_manager" / "qt"
    offenders = [
        f"{path.relative_to(qt)}:{number}"
        for path in sorted(qt.rglob("*.py"))
        if "forms" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith("#:")
    ]
    assert offenders == []
    catalogue = qt.parents[1] / "resources" / "translations" / "wir_manager_sv.ts"
    assert "<extracomment>" not in catalogue.read_text(encoding="utf-8")


def test_counts_in_running_text_are_grouped_as_the_language_groups(swedish) -> None:
    """ "5,476 redigeringar" read wrong in Swedish (it is 5 476): counts inside sentences —
    the wiki evidence beside a candidate, a text-limit refusal — go through the locale."""
    from wir_manager.qt.widgets.wiki_verify import WikiEvidencePanel
    from wir_manager.services import candidate_records

    panel = WikiEvidencePanel()
    panel.show_snapshot(None, "Ashleypham", 5476, 2018)
    assert "5\u00a0476 redigeringar" in panel.selfLabel.text()
    assert "5,476" not in panel.selfLabel.text()
    spec = next(f for f in candidate_records.FIELDS if f.max_length and f.max_length >= 1000)
    message = candidate_records.length_problem(spec, "x" * 12_345)
    assert message is not None and "12\u00a0345" in message, message


@pytest.mark.parametrize(
    ("environment", "language", "expected"),
    [
        ({"LANG": "C.UTF-8"}, "en", "en_GB"),  # containers: no conventions chosen
        ({"LANG": "POSIX"}, "en", "en_GB"),
        ({"LANG": "en_US.UTF-8"}, "en", "en_US"),
        ({"LANG": "C.UTF-8", "LC_TIME": "en_AU.UTF-8"}, "en", "en_AU"),
        ({"LANG": "sv_FI.UTF-8"}, "sv", "sv_FI"),  # Finland-Swedish keeps its conventions
        ({"LANG": "sv_SE.UTF-8"}, "en", "en_GB"),  # English chosen on a Swedish system
    ],
)
def test_the_formatting_locale_is_the_users_choice_or_the_languages_own(
    monkeypatch, environment: dict[str, str], language: str, expected: str
) -> None:
    """Python's getlocale() calls the C locale en_US; that is nobody's choice, so an
    English interface there writes dates the language's main way (en_GB)."""
    from wir_manager import i18n
    from wir_manager.services import localefmt

    for var in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environment.items():
        monkeypatch.setenv(var, value)
    with i18n.using_language(language):
        assert str(localefmt.current_locale()) == expected
