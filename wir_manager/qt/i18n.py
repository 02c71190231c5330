"""Language of the desktop app: Qt translators, the core's catalogue and the locale.

Call :func:`install_translations` once after creating the ``QApplication`` (and again
when the user picks another language; windows then need re-creating or ``retranslateUi``).
It loads, in order of precedence:

1. our own ``resources/translations/wir_manager_<lang>.qm`` (``self.tr()`` strings, the
   ``ui/*.ui`` forms, and the few standard-button words of :mod:`.qt_wording` that we
   say differently from Qt);
2. Qt's ``qtbase_<lang>.qm`` so standard buttons ("Cancel", "&Yes"), file dialogs and
   context menus speak the same language.

Qt asks the translator installed last first, so ours is installed after Qt's.

and switches the core's gettext catalogue with :func:`wir_manager.i18n.set_language`
so CLI-style messages, errors and PDF/spreadsheet text raised from services match.

Language comes from the setting :data:`wir_manager.qt.settings.LANGUAGE` ("system", "en",
or "sv");
``"system"`` follows ``WIR_MANAGER_LANG`` and then the operating system. Dates and
numbers follow the system locale when its language is the one in use (so a Swede in
Finland keeps Finnish-Swedish conventions) and the language's main locale otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from wir_manager import i18n as core_i18n
from wir_manager.qt import settings as opts
from wir_manager.storage.paths import resources_dir

log = logging.getLogger(__name__)

# QSettings key of the user's choice: "system" or one of :data:`wir_manager.i18n.SUPPORTED`.

# Names shown in the language picker, each in its own language (never translated).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "sv": "Svenska"}

# The locale used for formatting when the system's language is not the app's.
DEFAULT_LOCALES: dict[str, str] = {"en": "en_GB", "sv": "sv_SE"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own qtbase_*.qm may be: what Qt reports, the PySide6 package folder
    (which is where PyInstaller puts them, whatever Qt reports when frozen), ours."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
        translations_dir(),
    ]


def resolve_language(settings: QSettings | None = None, override: str | None = None) -> str:
    """The language to use: an explicit override, else the setting, else the system."""
    wanted = override or (language_setting(settings) if settings is not None else "system")
    if wanted and wanted != "system" and wanted in core_i18n.SUPPORTED:
        return wanted
    return core_i18n.system_language()


def language_setting(settings: QSettings) -> str:
    """The stored choice ("system" when unset or unknown)."""
    value = opts.LANGUAGE.get(settings) or "system"
    return value if value in core_i18n.SUPPORTED else "system"


def set_language_setting(settings: QSettings, language: str) -> None:
    """Store the user's choice; takes effect at the next :func:`install_translations`."""
    if language != "system" and language not in core_i18n.SUPPORTED:
        raise ValueError(f"Unsupported language: {language}")
    opts.LANGUAGE.set(settings, language)


def locale_for(language: str) -> QLocale:
    """Formatting locale: the system's when it speaks ``language``, else the default one."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(DEFAULT_LOCALES.get(language, language))


def _load(translator: QTranslator, name: str, folders: list[Path]) -> bool:
    return any(translator.load(name, str(folder)) for folder in folders if folder.is_dir())


def install_translations(
    app: QCoreApplication | None = None,
    settings: QSettings | None = None,
    language: str | None = None,
) -> str:
    """Install translators for the chosen language; returns the language code in use.

    Safe to call again: earlier translators are removed first. English loads only our
    plural-forms catalogue (the sources are English, but "%n candidate(s)" needs one
    to become "1 candidate" / "2 candidates").
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Create the QApplication before installing translations.")
    code = core_i18n.set_language(resolve_language(settings, language))
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    catalogues = []  # the lowest precedence first: Qt asks the last one installed first
    if code != "en":  # English has only our plural forms ("1 candidate", "2 candidates")
        catalogues.append((f"qtbase_{code}", qt_translations_dirs()))
    catalogues.append((f"wir_manager_{code}", [translations_dir()]))
    for name, folders in catalogues:
        translator = QTranslator(app)
        if _load(translator, name, folders):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation catalogue %s not found", name)
    QLocale.setDefault(locale_for(code))
    return code


def installed_catalogues() -> list[str]:
    """File paths of the translators now installed (for diagnostics and tests)."""
    return [t.filePath() for t in _installed]


# ------------------------------------------------------------------ language menu


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageMenu", text)


def _announce_restart(menu: QMenu) -> None:
    QMessageBox.information(
        menu.window(),
        _tr("Language"),
        _tr("WiR Manager will use the new language the next time it starts."),
    )


def add_language_menu(
    menu: QMenu,
    settings: QSettings,
    on_change: Callable[[str], None] | None = None,
) -> QMenu:
    """Add a Language submenu (System default / English / Svenska) to ``menu``.

    The choice is stored in ``settings`` and takes effect at the next start, because
    screens build their texts once; ``on_change`` (default: a message saying so) is
    called with the chosen code.
    """
    submenu = menu.addMenu(_tr("&Language"))
    submenu.setObjectName("languageMenu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    current = language_setting(settings)
    choices = [("system", _tr("System default")), *LANGUAGE_NAMES.items()]
    for code, label in choices:
        action = submenu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
    # Said before the choice, not only after it: screens build their texts once, so a
    # new language needs a restart, and a person should not have to discover that.
    submenu.addSeparator()
    note = submenu.addAction(_tr("Applies the next time WiR Manager starts"))
    note.setObjectName("languageRestartNote")
    note.setEnabled(False)

    def chosen(action) -> None:
        code = str(action.data())
        if code == language_setting(settings):
            return
        set_language_setting(settings, code)
        (on_change or (lambda _code: _announce_restart(menu)))(code)

    group.triggered.connect(chosen)
    return submenu
