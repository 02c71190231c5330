"""What a resident did on the wikis during a placement, offered as its outcome actuals.

The dialog fetches the contributions in the placement window in the background (the
task runner's progress dialog, with Cancel), shows what the wikis said, and puts the
figures under the placement's standard metrics in spin boxes the coordinator may
correct. "Accept as outcomes" hands them to ``placements.set_totals``; nothing is stored
before that, and a failed or cancelled fetch stores nothing at all. The rules (which
wikis, which window, how a figure meets the check-in reports) live in the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wir_manager.i18n import _ as core_text
from wir_manager.services.localefmt import format_date, format_number

if TYPE_CHECKING:
    from wir_manager.domain.enums import OutcomeMetric
    from wir_manager.qt.context import AppContext
    from wir_manager.qt.tasks import TaskHandle
    from wir_manager.services.progress import Progress
    from wir_manager.services.wiki.impact import Impact

# The largest figure a spin box takes (the outcome store allows more; nobody types it).
MAX_FIGURE = 2_000_000_000


class ImpactDialog(QDialog):
    """Fetch, show, correct and accept a placement's residency impact."""

    # Emitted with the placement id once figures were stored.
    accepted_figures = Signal(int)

    def __init__(self, ctx: AppContext, placement_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("impactDialog")
        self.ctx = ctx
        self.placement_id = placement_id
        self.impact: Impact | None = None
        self.error: str | None = None
        self.spins: dict[OutcomeMetric, QSpinBox] = {}
        self.setWindowTitle(self.tr("Impact on the wikis"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading the resident's contributions…"), self)
        self.status.setObjectName("impactStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.measured = QGroupBox(self.tr("What the wikis say"), self)
        self.measuredForm = QFormLayout(self.measured)
        layout.addWidget(self.measured)
        self.outcomes = QGroupBox(self.tr("Outcome actuals to store (correct if needed)"), self)
        self.outcomesForm = QFormLayout(self.outcomes)
        layout.addWidget(self.outcomes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.acceptButton = QPushButton(self.tr("Accept as outcomes"), self)
        self.acceptButton.setObjectName("acceptImpact")
        self.acceptButton.setEnabled(False)
        self.buttons.addButton(self.acceptButton, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.measured.hide()
        self.outcomes.hide()
        self.handle: TaskHandle | None = None

    # ------------------------------------------------------------------ fetch
    def fetch(self) -> None:
        """Start reading the contributions (the progress dialog offers Cancel)."""
        from wir_manager.services.wiki.impact import fetch_impact

        db = self.ctx.db

        def work(progress: Progress) -> Impact:
            return fetch_impact(db, self.placement_id, progress=progress)

        self.handle = self.ctx.tasks.run(
            work,
            on_done=self._fetched,
            on_error=self._failed,
            on_cancel=self._cancelled,
            label=self.tr("Reading the resident's contributions…"),
            parent=self,
        )

    def _failed(self, exc: BaseException) -> None:
        from wir_manager.qt.errors import user_message

        self.error, _expected = user_message(exc)
        self.status.setText(self.error)

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; nothing was stored."))

    def _fetched(self, impact: Impact) -> None:
        from wir_manager.services import placements as pl

        self.impact = impact
        wikis = ", ".join(impact.wikis) or "—"
        self.status.setText(
            self.tr("{user} on {wikis}, {start} – {end}.").format(
                user=impact.username,
                wikis=wikis,
                start=format_date(impact.start),
                end=format_date(impact.end),
            )
            + (
                " " + self.tr("Only the first contributions were counted (a very active account).")
                if impact.capped
                else ""
            )
        )
        for label, count in impact.rows():
            value = QLabel(format_number(count), self.measured)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.measuredForm.addRow(label, value)
        current = {o.metric: o.actual for o in pl.outcomes(self.ctx.db, self.placement_id)}
        for metric, figure in impact.actuals().items():
            spin = QSpinBox(self.outcomes)
            spin.setObjectName(f"impact_{metric.value}")
            spin.setRange(0, MAX_FIGURE)
            spin.setGroupSeparatorShown(True)
            spin.setValue(min(figure, MAX_FIGURE))
            now = current.get(metric.value)
            if now is not None and now != figure:
                spin.setToolTip(self.tr("Stored now: {n}").format(n=format_number(now)))
            self.spins[metric] = spin
            self.outcomesForm.addRow(core_text(metric.label), spin)
        self.measured.show()
        self.outcomes.show()
        self.acceptButton.setEnabled(True)
        self.acceptButton.setFocus()

    # ------------------------------------------------------------------ store
    def figures(self) -> dict[str, int]:
        return {metric.value: spin.value() for metric, spin in self.spins.items()}

    def store(self) -> None:
        """Store the (corrected) figures as the metrics' totals; on failure the dialog
        stays open with the figures as typed."""
        from wir_manager.qt.errors import show_error
        from wir_manager.services import placements as pl

        if self.impact is None:
            return
        try:
            pl.set_totals(self.ctx.db, self.placement_id, self.figures())
        except Exception as exc:
            show_error(self, exc)
            return
        self.accepted_figures.emit(self.placement_id)
        self.accept()
