"""Palette-aware SVG icons and the few colours the app needs.

Line icons in ``resources/icons`` draw with ``currentColor``; we substitute the palette's
text colour before rendering, so the same file reads well in light and dark mode, and we
render through QSvgRenderer at the device pixel ratio so icons stay sharp on high-DPI
screens. Nothing here hard-codes a background colour: widgets keep the system palette.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from wir_manager.storage.paths import resources_dir

ICON_SIZES = (16, 20, 24, 32, 48, 64)


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / name)


def is_dark() -> bool:
    """True when the current palette has light text on a dark window (system dark mode)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    palette = QGuiApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


@functools.lru_cache(maxsize=256)
def _svg_bytes(name: str) -> bytes | None:
    try:
        with open(icon_path(name), "rb") as fh:
            return fh.read()
    except OSError:
        return None


@functools.lru_cache(maxsize=256)
def _icon(name: str, colour: str) -> QIcon:
    data = _svg_bytes(name)
    if data is None:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", colour.encode())))
    if not renderer.isValid():
        return QIcon()
    ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0
    icon = QIcon()
    for size in ICON_SIZES:
        side = max(1, round(size * ratio))
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    """A themed icon from ``resources/icons/<name>`` (``.svg`` may be omitted)."""
    if not name.endswith(".svg"):
        name += ".svg"
    colour = QGuiApplication.palette().color(role).name() if QGuiApplication.instance() else "#000"
    return _icon(name, colour)


def app_icon() -> QIcon:
    """The full-colour application icon (not re-coloured)."""
    return QIcon(icon_path("wir-manager.svg"))


def muted_text() -> QColor:
    """Secondary text colour derived from the palette (works in both modes)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def error_text() -> QColor:
    """Readable red for inline validation messages on light and dark backgrounds."""
    return QColor("#ff8a80") if is_dark() else QColor("#b3261e")


def ok_text() -> QColor:
    return QColor("#81c995") if is_dark() else QColor("#1e7b34")


def clear_cache() -> None:
    """Forget rendered icons, e.g. after the palette changed (light ↔ dark)."""
    _icon.cache_clear()


def preferred_size(widget_size: int = 20) -> QSize:
    return QSize(widget_size, widget_size)


def register_bundled_fonts() -> list[str]:
    """Make the fonts shipped in ``resources/fonts`` available to the GUI when the system
    has nothing for a script our candidates' names use (bare containers, minimal
    installs), so names never render as boxes. Skipped when the system already covers
    every script, which keeps start-up free of font loading on normal desktops."""
    from PySide6.QtGui import QFontDatabase

    scripts = (
        QFontDatabase.WritingSystem.Arabic,
        QFontDatabase.WritingSystem.Devanagari,
        QFontDatabase.WritingSystem.Bengali,
        QFontDatabase.WritingSystem.Hebrew,
        QFontDatabase.WritingSystem.Thai,
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.Japanese,
        QFontDatabase.WritingSystem.Korean,
    )
    if all(QFontDatabase.families(script) for script in scripts):
        return []
    loaded: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf"), *folder.glob("*.ttc")]):
        if QFontDatabase.addApplicationFont(str(path)) >= 0:
            loaded.append(path.name)
    return loaded
