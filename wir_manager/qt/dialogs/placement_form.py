"""The placement form: what an acceptance writes (and later edits) — dates, the IGO
liaison, mentor, host affiliate or fiscal sponsor, share of full time, work mode and
duty station, funding.

The form holds no rules. It builds a :class:`PlacementData` and hands it to ``submit``
(``placements.accept`` for a new placement, ``placements.update_placement`` for an
edit); when the service refuses, its one sentence shows in the form, which stays open
with everything typed, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wir_manager.domain.enums import WorkMode
from wir_manager.qt import accessibility as a11y
from wir_manager.qt import theme
from wir_manager.qt.errors import EXPECTED_ERRORS
from wir_manager.qt.labels import left_to_right
from wir_manager.qt.widgets import confirm
from wir_manager.qt.widgets.date_field import date_edit
from wir_manager.qt.widgets.pickers import country_items, fill_with_completion
from wir_manager.services.placements import (
    ContactRecord,
    LiaisonData,
    PlacementChange,
    PlacementData,
)

# Largest funding amount the form accepts (whole units).
MAX_AMOUNT = 2_000_000_000


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def work_mode_label(mode: WorkMode) -> str:
    return QCoreApplication.translate("WorkMode", mode.label)


class PlacementForm(QDialog):
    """New placement (after "accepted") or the details of an existing one."""

    def __init__(
        self,
        data: PlacementData,
        *,
        heading: str,
        contacts: Sequence[ContactRecord],
        affiliates: Sequence[tuple[int, str]],
        submit: Callable[[PlacementData], PlacementChange],
        fetch: Callable[[], PlacementData] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``fetch`` reads the placement as stored now (for "Reload" after a stale save)."""
        super().__init__(parent)
        self.setObjectName("placementForm")
        self.setWindowTitle(
            self.tr("New placement") if data.id is None else self.tr("Placement details")
        )
        self._data = data
        self._submit = submit
        self._fetch = fetch
        # Reload or keep my version after a stale save; tests assign their own answer.
        self.ask_stale: confirm.AskStale = confirm.ask_stale
        # The service's answer once the form was accepted.
        self.change: PlacementChange | None = None
        outer = QVBoxLayout(self)
        # The heading starts with a name: it reads left to right even in Arabic script.
        title = QLabel(left_to_right(heading), self)
        title.setObjectName("placementFormHeading")
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        columns = QHBoxLayout()
        outer.addLayout(columns)
        left = QFormLayout()
        right = QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.start = date_edit(self)
        self.start.setObjectName("placementStart")
        self.end = date_edit(self)
        self.end.setObjectName("placementEnd")
        left.addRow(self.tr("&Start date:"), self.start)
        left.addRow(self.tr("&End date:"), self.end)
        self.share = QSpinBox(self)
        self.share.setObjectName("placementShare")
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        left.addRow(self.tr("Share of &full time:"), self.share)
        self.mode = QComboBox(self)
        self.mode.setObjectName("placementMode")
        for mode in WorkMode:
            self.mode.addItem(work_mode_label(mode), mode.value)
        left.addRow(self.tr("&Work mode:"), self.mode)
        self.city = QLineEdit(self)
        self.city.setObjectName("placementCity")
        left.addRow(self.tr("Duty &city:"), self.city)
        self.country = QComboBox(self)
        self.country.setObjectName("placementCountry")
        fill_with_completion(self.country, country_items(), empty="")
        left.addRow(self.tr("Duty c&ountry:"), self.country)
        self.mentor = QLineEdit(self)
        self.mentor.setObjectName("placementMentor")
        left.addRow(self.tr("Chapter's &mentor:"), self.mentor)

        liaison = QGroupBox(self.tr("IGO liaison"), self)
        lform = QFormLayout(liaison)
        self.contact = QComboBox(liaison)
        self.contact.setObjectName("placementContact")
        self.contact.addItem(self.tr("A new contact (type below)"), None)
        self._contacts = {c.id: c for c in contacts}
        self._showing_contact = False
        for c in contacts:
            label = c.display + (f" <{c.email}>" if c.email else "")
            self.contact.addItem(label, c.id)
        lform.addRow(self.tr("&Contact:"), self.contact)
        self.liaison_name = QLineEdit(liaison)
        self.liaison_name.setObjectName("liaisonName")
        self.liaison_role = QLineEdit(liaison)
        self.liaison_role.setObjectName("liaisonRole")
        self.liaison_email = QLineEdit(liaison)
        self.liaison_email.setObjectName("liaisonEmail")
        lform.addRow(self.tr("&Name:"), self.liaison_name)
        lform.addRow(self.tr("&Role:"), self.liaison_role)
        lform.addRow(self.tr("E-&mail:"), self.liaison_email)
        self.contact.currentIndexChanged.connect(self._contact_chosen)
        right.addRow(liaison)
        self.host = QComboBox(self)
        self.host.setObjectName("placementHost")
        self.host.addItem(self.tr("None"), None)
        for aid, name in affiliates:
            self.host.addItem(name, aid)
        right.addRow(self.tr("&Host affiliate:"), self.host)
        self.sponsor = QLineEdit(self)
        self.sponsor.setObjectName("placementSponsor")
        right.addRow(self.tr("Fiscal s&ponsor:"), self.sponsor)
        self.funding_source = QLineEdit(self)
        self.funding_source.setObjectName("fundingSource")
        right.addRow(self.tr("Funding so&urce:"), self.funding_source)
        money = QHBoxLayout()
        self.amount = QSpinBox(self)
        self.amount.setObjectName("fundingAmount")
        self.amount.setRange(0, MAX_AMOUNT)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSpecialValueText(self.tr("none"))
        self.currency = QLineEdit(self)
        self.currency.setObjectName("fundingCurrency")
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText(self.tr("USD"))
        self.currency.setAccessibleName(self.tr("Currency (ISO code)"))
        self.currency.setMaximumWidth(70)
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        amount_label = QLabel(self.tr("&Amount:"), self)
        amount_label.setBuddy(self.amount)  # a row holding a layout gets no buddy itself
        right.addRow(amount_label, money)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("placementNotes")
        self.notes.setMaximumHeight(70)
        notes_label = QLabel(self.tr("Notes:"), self)
        notes_label.setBuddy(self.notes)
        outer.addWidget(notes_label)
        outer.addWidget(self.notes)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.error = QLabel(self)
        self.error.setObjectName("placementFormError")
        self.error.setWordWrap(True)
        palette = self.error.palette()
        palette.setColor(self.error.foregroundRole(), theme.error_text())
        self.error.setPalette(palette)
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(
            self.tr("&Plan placement") if data.id is None else self.tr("&Save")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.fill(data)
        a11y.make_accessible(self)

    def fill(self, data: PlacementData) -> None:
        """Show ``data`` in the fields (when the form opens, and after "Reload" took
        someone else's newer version of the placement)."""
        self._data = data
        self.start.setDate(qdate(data.start_date))
        self.end.setDate(qdate(data.end_date))
        self.share.setValue(data.time_share)
        self.mode.setCurrentIndex(max(0, self.mode.findData(data.work_mode or "onsite")))
        self.city.setText(data.duty_city or "")
        found = self.country.findData(data.duty_country) if data.duty_country else 0
        self.country.setCurrentIndex(max(0, found))
        self.mentor.setText(data.mentor or "")
        self.contact.setCurrentIndex(
            max(0, self.contact.findData(data.liaison_id)) if data.liaison_id is not None else 0
        )
        typed = data.liaison or LiaisonData("")
        self.liaison_name.setText(typed.name)
        self.liaison_role.setText(typed.role or "")
        self.liaison_email.setText(typed.email or "")
        self.host.setCurrentIndex(
            max(0, self.host.findData(data.host_affiliate_id))
            if data.host_affiliate_id is not None
            else 0
        )
        self.sponsor.setText(data.fiscal_sponsor or "")
        self.funding_source.setText(data.funding_source or "")
        self.amount.setValue(data.funding_amount or 0)
        self.currency.setText(data.funding_currency or "")
        self.notes.setPlainText(data.notes or "")
        self.error.hide()
        self._contact_chosen()

    def _contact_chosen(self) -> None:
        """An existing contact shows its details in the fields, where they can be
        corrected (saved to the contact); "a new contact" starts from what was typed."""
        chosen = self._contacts.get(self.contact.currentData())
        shown = (chosen.name, chosen.role or "", chosen.email or "") if chosen else ("", "", "")
        if chosen is not None or self._showing_contact:
            for edit, text in zip(
                (self.liaison_name, self.liaison_role, self.liaison_email), shown, strict=True
            ):
                edit.setText(text)
        self._showing_contact = chosen is not None

    def data(self) -> PlacementData:
        """The form as a :class:`PlacementData` (nothing checked here: the service does)."""
        contact = self.contact.currentData()
        typed = LiaisonData(
            self.liaison_name.text().strip(),
            self.liaison_role.text().strip() or None,
            self.liaison_email.text().strip() or None,
        )
        chosen = self._contacts.get(contact)
        if chosen is not None:
            # Only a correction travels with the chosen contact.
            as_stored = LiaisonData(chosen.name, chosen.role or None, chosen.email or None)
            liaison = None if typed == as_stored else typed
        else:
            liaison = typed if typed.name else None
        amount = self.amount.value() or None
        return PlacementData(
            request_id=self._data.request_id,
            candidate_id=self._data.candidate_id,
            start_date=pydate(self.start.date()),
            end_date=pydate(self.end.date()),
            liaison=liaison,
            liaison_id=contact,
            mentor=self.mentor.text().strip() or None,
            host_affiliate_id=self.host.currentData(),
            fiscal_sponsor=self.sponsor.text().strip() or None,
            time_share=self.share.value(),
            work_mode=str(self.mode.currentData()),
            duty_city=self.city.text().strip() or None,
            duty_country=self.country.currentData() or None,
            funding_source=self.funding_source.text().strip() or None,
            funding_amount=amount,
            funding_currency=self.currency.text().strip().upper() or None,
            notes=self.notes.toPlainText().strip() or None,
            schedule=self._data.schedule,
            id=self._data.id,
            updated_at=self._data.updated_at,
        )

    def accept(self) -> None:
        """Save through the service; on a refusal show its sentence and stay open. When
        someone else saved the placement since the form was filled: reload or keep mine
        (``confirm.save_resolving_stale``), the form staying open either way."""
        data = self.data()
        try:
            change = confirm.save_resolving_stale(
                self,
                self.ask_stale,
                lambda seen: self._submit(replace(data, updated_at=seen)),
                data.updated_at,
                reload=self._reload,
            )
        except EXPECTED_ERRORS as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if change is None:
            return
        self.change = change
        super().accept()

    def _reload(self) -> None:
        if self._fetch is not None:
            self.fill(self._fetch())
