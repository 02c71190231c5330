"""Bits the start-up dialogs share: passphrase strength, inline messages, the shake."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEasingCurve, QPoint, QVariantAnimation
from PySide6.QtWidgets import QLabel, QWidget

from wir_manager.domain import passphrase as rating
from wir_manager.domain.passphrase import Rating, Strength, Weakness
from wir_manager.qt import theme
from wir_manager.storage import keystore

MIN_PASSPHRASE = rating.MIN_LENGTH


def _tr(text: str) -> str:
    return QCoreApplication.translate("Passphrase", text)


# One sentence per reason a passphrase is refused, each with what to do instead.
WEAKNESS_HINTS = {
    Weakness.COMMON: "Too easy to guess: it is a common password or word. Use three or four "
    "unrelated words.",
    Weakness.NAME: "Too easy to guess: names (yours too) are tried first. Add unrelated words.",
    Weakness.PATTERN: "Too easy to guess: keyboard rows, sequences and repeats are tried first. "
    "Use unrelated words instead.",
    Weakness.DATE: "Too easy to guess: dates and years are tried first. Use unrelated words "
    "instead.",
    Weakness.SHORT_GUESSABLE: "Too easy to guess: add another word or two.",
}


def strength(passphrase: str, user_inputs: tuple[str, ...] = ()) -> tuple[Rating, str]:
    """The rating of a new passphrase (:func:`wir_manager.domain.passphrase.strength`,
    zxcvbn) and one sentence saying so: why it is refused, or how good it is."""
    rated = rating.strength(passphrase, user_inputs)
    if rated.level is Strength.TOO_SHORT:
        return rated, _tr("Too short: use at least {n} characters.").format(n=MIN_PASSPHRASE)
    if rated.level is Strength.WEAK:
        return rated, _tr(WEAKNESS_HINTS.get(rated.weakness, WEAKNESS_HINTS[Weakness.COMMON]))
    if rated.level is Strength.FAIR:
        return rated, _tr("Good enough; one more word would make it strong.")
    return rated, _tr("Strong passphrase.")


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
