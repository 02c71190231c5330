"""Inline editor of one training module (title, description, mandatory, active).

Like the request editor it never writes by itself: it holds the module being edited (or
None for a new one), tells whether the form differs from it, and emits
``save_requested``; the Training screen calls the service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QWidget

from wir_manager.qt import theme
from wir_manager.qt.forms.ui_module_editor import Ui_ModuleEditor
from wir_manager.qt.widgets import write_access
from wir_manager.services.training import ModuleRecord


@dataclass(frozen=True)
class ModuleForm:
    title: str
    description: str
    mandatory: bool
    active: bool


class ModuleEditor(QGroupBox):
    state_changed = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ModuleEditor()
        self.ui.setupUi(self)
        self._module: ModuleRecord | None = None
        self._baseline = ModuleForm("", "", True, True)
        self._loading = False
        # Enables Save when the form may be saved; the Training screen replaces it to AND
        # in whether the login may write training modules (widgets.write_access).
        self.enable_save: Callable[[bool], object] = self.ui.saveButton.setEnabled
        ui = self.ui
        ui.titleEdit.textChanged.connect(self._changed)
        ui.descriptionEdit.textChanged.connect(self._changed)
        ui.mandatoryCheck.toggled.connect(self._changed)
        ui.activeCheck.toggled.connect(self._changed)
        ui.saveButton.clicked.connect(self.save_requested)
        ui.revertButton.clicked.connect(lambda: self.load(self._module))
        ui.errorLabel.setVisible(False)
        self.load(None)

    @property
    def module(self) -> ModuleRecord | None:
        return self._module

    def load(self, module: ModuleRecord | None) -> None:
        """Edit ``module``, or start a new mandatory module when None."""
        self._loading = True
        self._module = module
        ui = self.ui
        ui.titleEdit.setText(module.title if module else "")
        ui.titleEdit.setCursorPosition(0)
        ui.descriptionEdit.setPlainText(module.description if module else "")
        ui.mandatoryCheck.setChecked(module.mandatory if module else True)
        ui.activeCheck.setChecked(module.active if module else True)
        ui.activeCheck.setEnabled(module is not None)
        self.setTitle(self.tr("Module") if module else self.tr("New module"))
        ui.saveButton.setText(self.tr("Save module") if module else self.tr("Add module"))
        self._loading = False
        self._baseline = self.form()
        self._changed()

    def set_read_only(self, reason: str | None) -> None:
        """Read-only with ``reason`` shown at the top (a login that may not change
        training modules), or editable again when None."""
        write_access.set_read_only(self, reason)

    def form(self) -> ModuleForm:
        ui = self.ui
        return ModuleForm(
            title=" ".join(ui.titleEdit.text().split()),
            description=ui.descriptionEdit.toPlainText().strip(),
            mandatory=ui.mandatoryCheck.isChecked(),
            active=ui.activeCheck.isChecked(),
        )

    def is_dirty(self) -> bool:
        return self.form() != self._baseline

    def problem(self) -> str:
        return "" if self.form().title else self.tr("A training module needs a title.")

    def _changed(self) -> None:
        if self._loading:
            return
        problem = self.problem()
        dirty = self.is_dirty()
        show = bool(problem) and (dirty or self._module is not None)
        self.ui.errorLabel.setText(problem)
        self.ui.errorLabel.setStyleSheet(f"color: {theme.error_text().name()};")
        self.ui.errorLabel.setVisible(show)
        self.enable_save(dirty and not problem)
        self.ui.revertButton.setEnabled(dirty)
        self.state_changed.emit()
