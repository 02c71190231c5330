"""The one translation layer for user-visible text produced by the core (no Qt).

Qt code uses ``self.tr()`` / ``QCoreApplication.translate`` and Qt's .qm files; the core
(CLI messages, errors, PDF and spreadsheet text) marks strings with ``_()`` and reads a
gettext catalogue from ``resources/translations/<lang>/LC_MESSAGES/wir_manager.mo``.
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import os
from collections.abc import Iterator

from wir_manager.bundle import resources_dir

DOMAIN = "wir_manager"
SUPPORTED = ("en", "sv")
_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language() -> str:
    for var in ("WIR_MANAGER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            code = value.split(":")[0].split(".")[0].split("_")[0].lower()
            if code in SUPPORTED:
                return code
            if code not in ("c", "posix", ""):
                return "en"
    try:
        code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    except ValueError:
        code = "en"
    return code if code in SUPPORTED else "en"


def set_language(code: str | None = None) -> str:
    """Switch the core's catalogue; returns the language actually in use."""
    global _translation, _language
    code = code or system_language()
    _language = code if code in SUPPORTED else "en"
    _translation = gettext.translation(
        DOMAIN,
        localedir=str(resources_dir() / "translations"),
        languages=[_language],
        fallback=True,
    )
    return _language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


@contextlib.contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Produce one document in ``code`` (a report in Swedish from an English session),
    then return to the language in use before. ``None`` keeps the current one."""
    previous = _language
    if code is None:
        yield previous
        return
    try:
        yield set_language(code)
    finally:
        set_language(previous)
