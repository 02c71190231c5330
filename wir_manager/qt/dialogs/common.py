"""Bits the start-up dialogs share: passphrase strength, inline messages, the shake."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEasingCurve, QPoint, QVariantAnimation
from PySide6.QtWidgets import QLabel, QWidget

from wir_manager.qt import theme
from wir_manager.storage import keystore

MIN_PASSPHRASE = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("Passphrase", text)


def strength(passphrase: str) -> tuple[int, str]:
    """(0..3, hint) for a new passphrase. Length counts most: a long sentence of plain
    words beats a short string of symbols, which is what we want people to choose."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0, _tr("Too short: use at least {n} characters.").format(n=MIN_PASSPHRASE)
    classes = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or words >= 4 or (len(passphrase) >= 14 and classes >= 3):
        return 3, _tr("Strong passphrase.")
    if len(passphrase) >= 12 or classes >= 3:
        return 2, _tr("Fair: a few more words would make it strong.")
    return 1, _tr("Weak: add words — a short sentence is easy to remember and hard to guess.")


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    """Inline message in a readable colour for the current palette (light or dark)."""
    palette = label.palette()
    palette.setColor(label.foregroundRole(), theme.error_text() if error else theme.ok_text())
    label.setPalette(palette)
    label.setText(text)
    label.setVisible(bool(text))


def keyring_note() -> str:
    """Why "Remember on this computer" is not offered, in one sentence."""
    return _tr(
        "The passphrase cannot be remembered here: this computer has no secure keyring "
        "(GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager)."
    )


def setup_remember(check: QWidget, note: QLabel) -> bool:
    """Show the checkbox only when a real keyring exists; else explain why not."""
    available = keystore.backend_available()
    check.setVisible(available)
    note.setVisible(not available)
    if not available:
        note.setText(keyring_note())
        palette = note.palette()
        palette.setColor(note.foregroundRole(), theme.muted_text())
        note.setPalette(palette)
    return available


def shake(widget: QWidget) -> QVariantAnimation:
    """Shake a field left and right, the usual sign of a wrong passphrase."""
    origin = widget.pos()
    animation = QVariantAnimation(widget)
    animation.setDuration(360)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setEasingCurve(QEasingCurve.Type.Linear)

    def step(value: float) -> None:
        import math

        offset = round(8 * math.sin(value * math.pi * 6) * (1 - value))
        widget.move(origin + QPoint(offset, 0))

    animation.valueChanged.connect(step)
    animation.finished.connect(lambda: widget.move(origin))
    animation.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
    return animation
