"""Palette-aware SVG icons and the few colours the app needs.

Line icons in ``resources/icons`` draw with ``currentColor``; we substitute the palette's
text colour before rendering, so the same file reads well in light and dark mode, and we
render through QSvgRenderer at the device pixel ratio so icons stay sharp on high-DPI
screens. Nothing here hard-codes a background colour: widgets keep the system palette.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from wir_manager.storage.paths import resources_dir


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


class _SvgIconEngine(QIconEngine):
    """Renders one line icon at the size and pixel ratio a widget asks for, when it asks.

    The SVG draws with ``currentColor``: the palette's text colour, or its disabled text
    colour for a disabled control. Rendering every icon at six sizes up front cost ~5 ms
    of each start for sizes mostly never shown; this renders on first paint and keeps
    what it rendered.
    """

    def __init__(self, svg: bytes, colour: str, disabled_colour: str) -> None:
        super().__init__()
        self._svg = svg
        self._colours = (colour, disabled_colour)
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, bool, float], QPixmap] = {}

    def _render(self, size: QSize, mode: QIcon.Mode, scale: float) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled, scale)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        colour = self._colours[1 if disabled else 0]
        renderer = self._renderers.get(colour)
        if renderer is None:
            renderer = QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", colour.encode())))
            self._renderers[colour] = renderer
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        self._pixmaps[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._render(size, mode, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        return self._render(size, mode, scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatio() if painter.device() else 1.0
        painter.drawPixmap(rect, self._render(rect.size(), mode, scale))

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg, *self._colours)


@functools.lru_cache(maxsize=256)
def _icon(name: str, colour: str, disabled_colour: str) -> QIcon:
    data = _svg_bytes(name)
    if data is None:
        return QIcon()
    return QIcon(_SvgIconEngine(data, colour, disabled_colour))


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    """A themed icon from ``resources/icons/<name>`` (``.svg`` may be omitted)."""
    if not name.endswith(".svg"):
        name += ".svg"
    if QGuiApplication.instance() is None:
        return _icon(name, "#000000", "#808080")
    palette = QGuiApplication.palette()
    return _icon(
        name,
        palette.color(role).name(),
        palette.color(QPalette.ColorGroup.Disabled, role).name(),
    )


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


@functools.cache
def register_bundled_fonts() -> tuple[str, ...]:
    """Make the fonts shipped in ``resources/fonts`` available to the GUI when the system
    has nothing for a script our candidates' names use (bare containers, minimal
    installs), so names never render as boxes. Skipped when the system already covers
    every script, which keeps font loading off normal desktops.

    Asking which scripts the system covers makes fontconfig list every installed font,
    so the application calls this just after the main window's first frame (nothing
    before it shows a name); once per process."""
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
        return ()
    loaded: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf"), *folder.glob("*.ttc")]):
        if QFontDatabase.addApplicationFont(str(path)) >= 0:
            loaded.append(path.name)
    return tuple(loaded)
