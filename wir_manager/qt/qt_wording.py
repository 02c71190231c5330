"""Words of Qt's own standard buttons that our catalogue says differently from Qt's.

Qt's Swedish catalogue (``qtbase_sv.qm``) labels the OK button "Ok", beside every
Swedish desktop's and style guide's "OK" — so one dialog showed "Ok" next to our
"OK" in message texts and the guide. Listing a string here puts it, in Qt's own
translation context, into our catalogue; :func:`wir_manager.qt.i18n.install_translations`
installs ours after Qt's, and Qt asks the translator installed last first, so ours wins.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Qt's QPlatformTheme::defaultStandardButtonText words the button; only the source text
# matters here, for lupdate to extract it into our catalogue.
OK_BUTTON = QT_TRANSLATE_NOOP("QPlatformTheme", "OK")
