"""A tour of every dialog and editor page as a person on a 1366×768 laptop sees it.

Run:  .venv/bin/python packaging/dialog_tour.py [--out /tmp/dialog-tour] [--lang en|sv|both]
                                                 [--candidates 300] [--only NAME ...]

Like ``packaging/screenshots.py``: the real application on Qt's offscreen platform with
a 1366×768 screen, in a throw-away ``WIR_MANAGER_HOME`` on the demo data (people with
Arabic, Devanagari, CJK … names). It opens each dialog, wizard step and editor page with
realistic data — the candidate editor's tabs, the import wizard on the fixture files in
``tests/fixtures/imports`` (the mapping step, a preview with problems and the "good rows
in, problems out" offer, training exports from Open edX, Moodle and the Dashboard), the
placement form, check-in and outcome questions, the impact dialog, the request and
module editors, change passphrase, erase, about, guide, tour pages, welcome, unlock, the
team-server connect dialog and the confirmation boxes — and saves one PNG per dialog in
``OUT/<lang>/<name>.png``.

It prints one line per dialog::

    en  placement-form              772×562   fits
    sv  import-mapping             1366×768   fits  (minimum 1012×590)
    sv  tour-3                      640×812   TOO BIG for 1366×768

followed by indented notes on what a look at the picture should confirm: a label or
button narrower than its text (``clipped``), a button outside the dialog (``outside``),
a tab bar with scroll arrows, and — in Swedish, once the English run wrote its texts —
texts identical to the English ones (``same as English``: often a string left
untranslated, sometimes a word that is the same in both). The texts each dialog showed
go to ``OUT/<lang>/texts.json``. "minimum" is the dialog's minimum size hint: what it
cannot shrink below. Exit status 1 when any dialog does not fit.

Nothing leaves the throw-away home: questions are answered with Cancel or No, the new
placement is refused (it ends before it starts), and the impact dialog is shown with
made-up figures instead of reading the wikis. The demo data is written without an audit
trail, so a demo person's History tab is empty by design. ``--lang both`` (the default)
runs English first, then Swedish, each in its own process (Qt's translators are
installed once per process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from laptop_screen import SIZE, use_laptop_screen

use_laptop_screen()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "imports"


def settle(app: Any, ms: int = 300) -> None:
    """Let queued work, background results and paints run for ``ms`` milliseconds."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


class Tour:
    """Takes the pictures and keeps the one-line verdicts."""

    def __init__(self, app: Any, out: Path, lang: str, only: set[str]) -> None:
        self.app = app
        self.out = out
        self.lang = lang
        self.only = only
        self.texts: dict[str, list[str]] = {}
        self.too_big: list[str] = []
        english = out.parent / "en" / "texts.json"
        self.english: dict[str, list[str]] = (
            json.loads(english.read_text()) if lang != "en" and english.exists() else {}
        )

    def wanted(self, name: str) -> bool:
        return not self.only or any(name.startswith(o) for o in self.only)

    def shot(self, name: str, widget: Any, *, settle_ms: int = 300) -> None:
        """Save ``widget`` as ``name.png`` and print its verdict."""
        if not self.wanted(name):
            return
        settle(self.app, settle_ms)
        widget.grab().save(str(self.out / f"{name}.png"))
        size = widget.frameGeometry().size()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        fits = size.width() <= SIZE[0] and size.height() <= SIZE[1]
        fits_min = hint.width() <= SIZE[0] and hint.height() <= SIZE[1]
        verdict = "fits" if fits and fits_min else f"TOO BIG for {SIZE[0]}×{SIZE[1]}"
        if not (fits and fits_min):
            self.too_big.append(name)
        extra = f"  (minimum {hint.width()}×{hint.height()})" if hint.isValid() else ""
        print(
            f"{self.lang}  {name:<28}{size.width():>5}×{size.height():<5} {verdict}{extra}",
            flush=True,
        )
        texts = visible_texts(widget)
        self.texts[name] = texts
        for note in look_for_trouble(widget):
            print(f"      {note}", flush=True)
        if self.english.get(name):
            same = sorted(t for t in set(texts) & set(self.english[name]) if looks_like_words(t))
            for text in same:
                print(f"      same as English: {text!r}", flush=True)

    def modal(
        self, name: str, trigger: Callable[[], object], answer: Callable[[Any], None] | None = None
    ) -> None:
        """Run ``trigger`` (which opens a modal dialog with ``exec()``), photograph the
        dialog, then close it (``answer(dialog)``, else Escape's meaning)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        if not self.wanted(name):
            return
        deadline = time.perf_counter() + 20

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                if time.perf_counter() < deadline:
                    QTimer.singleShot(50, poll)
                return
            self.shot(name, dialog)
            if answer is not None:
                answer(dialog)
            elif isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
                dialog.escapeButton().click()
            elif isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

        QTimer.singleShot(50, poll)
        trigger()
        settle(self.app, 100)

    def save_texts(self) -> None:
        (self.out / "texts.json").write_text(
            json.dumps(self.texts, ensure_ascii=False, indent=1, sort_keys=True)
        )


def looks_like_words(text: str) -> bool:
    """A text a translator would translate: at least one word of three letters."""
    import re

    return bool(re.search(r"[^\W\d_]{3,}", text)) and not text.startswith(("http", "/"))


def visible_texts(root: Any) -> list[str]:
    """The words a person reads on ``root``: titles, labels, buttons, tabs, headers,
    placeholders and combo boxes (not the data in tables)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QTabBar,
    )

    texts = [root.windowTitle()]
    for w in root.findChildren(QLabel):
        if w.isVisibleTo(root):
            texts.append(w.text())
    for w in root.findChildren(QAbstractButton):
        if w.isVisibleTo(root):
            texts.append(w.text().replace("&", ""))
    for w in root.findChildren(QGroupBox):
        if w.isVisibleTo(root):
            texts.append(w.title().replace("&", ""))
    for w in root.findChildren(QTabBar):
        texts += [w.tabText(i).replace("&", "") for i in range(w.count())]
    for w in root.findChildren(QLineEdit):
        if w.isVisibleTo(root):
            texts.append(w.placeholderText())
    for w in root.findChildren(QComboBox):
        if w.isVisibleTo(root) and not w.isEditable():
            texts.append(w.currentText())
    for w in root.findChildren(QHeaderView):
        model = w.model()
        if model is None or not w.isVisibleTo(root):
            continue
        count = model.columnCount() if w.orientation() == Qt.Orientation.Horizontal else 0
        texts += [str(model.headerData(c, w.orientation()) or "") for c in range(count)]
    return [t for t in (t.strip() for t in texts) if t]


def look_for_trouble(root: Any) -> list[str]:
    """Widgets narrower than their text, buttons outside the dialog, scrolling tabs."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QLabel,
        QTabBar,
        QToolButton,
    )

    from wir_manager.qt.widgets.elided_label import ElidedLabel
    from wir_manager.qt.widgets.write_access import inside

    notes: list[str] = []
    whole = QRect(QPoint(0, 0), root.size())

    def where(w: Any) -> str:
        return w.objectName() or type(w).__name__

    for w in root.findChildren(QLabel):
        if not w.isVisibleTo(root) or isinstance(w, ElidedLabel) or not w.text():
            continue
        if w.wordWrap() or w.textFormat().name == "RichText" or w.pixmap().isNull() is False:
            continue
        if "<" in w.text():
            continue
        shown = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        need = max(w.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
        have = w.contentsRect().width() - 2 * w.margin() - 2 * w.indent() * (w.indent() > 0)
        if need > have + 1:
            notes.append(f"clipped label {where(w)}: {w.text()!r} needs {need}, has {have}")
    for w in root.findChildren(QAbstractButton):
        if not w.isVisibleTo(root) or not w.text():
            continue
        icon_only = isinstance(w, QToolButton) and (
            w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        slack = 3 if isinstance(w, QToolButton) else 1  # a field's tool button: its frame
        if not icon_only and w.width() + slack < w.sizeHint().width():
            notes.append(
                f"clipped button {where(w)}: {w.text()!r} "
                f"needs {w.sizeHint().width()}, has {w.width()}"
            )
        if not inside(w, root, (QAbstractScrollArea,)):
            box = QRect(w.mapTo(root, QPoint(0, 0)), w.size())
            if not whole.contains(box):
                notes.append(f"outside the dialog: button {w.text()!r} at {box.getRect()}")
    for bar in root.findChildren(QTabBar):
        if bar.isVisibleTo(root) and not all(
            bar.rect().contains(bar.tabRect(i)) for i in range(bar.count())
        ):
            notes.append(f"tab bar {where(bar)} scrolls: not every tab in view")
    return notes


def wait_for(app: Any, ready: Callable[[], bool], seconds: float = 120) -> bool:
    deadline = time.perf_counter() + seconds
    while not ready() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.02)
    return ready()


def run_one(args: argparse.Namespace) -> int:
    out = args.out / args.lang
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wir-dialogs-") as home:
        os.environ["WIR_MANAGER_HOME"] = home
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)
        from wir_manager.qt.app import Launcher, make_application
        from wir_manager.qt.i18n import install_translations

        app = make_application()
        _quiet_qt_noise()
        install_translations(app, language=args.lang)
        tour = Tour(app, out, args.lang, set(args.only or ()))
        launcher = Launcher(demo=True, demo_candidates=args.candidates)
        launcher.start()
        if not wait_for(app, lambda: launcher.window is not None, 300):
            print("the main window did not open", file=sys.stderr)
            return 1
        window = launcher.window
        window.resize(*SIZE)
        settle(app, 800)
        steps = [
            _startup_dialogs,
            _candidate_editor,
            _import_wizard,
            _training_imports,
            _requests_and_modules,
            _placements,
            _window_dialogs,
            _team_server,
        ]
        for step in steps:
            try:
                step(tour, launcher, window)
            except Exception as exc:  # one broken step must not hide the others
                import traceback

                print(f"{args.lang}  {step.__name__}: FAILED {exc!r}", file=sys.stderr)
                traceback.print_exc()
            window.ctx.tasks.wait(30_000)
            settle(app, 200)
        tour.save_texts()
        window._closing_confirmed = True
        window.close()
    print(f"{args.lang}  pictures in {out}")
    if tour.too_big:
        print(f"{args.lang}  too big: {', '.join(tour.too_big)}")
    return 1 if tour.too_big else 0


def _quiet_qt_noise() -> None:
    """The offscreen platform says it cannot propagate size hints at every dialog."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind: Any, _context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


# ---------------------------------------------------------------------- the steps
def _startup_dialogs(tour: Tour, launcher: Any, window: Any) -> None:

    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import demo_hint
    from wir_manager.qt.dialogs.unlock import UnlockDialog
    from wir_manager.qt.dialogs.welcome import WelcomeDialog

    welcome = WelcomeDialog(
        opts.open_settings(),
        demo_hint("…/demo.db"),
    )
    welcome.show()
    tour.shot("welcome", welcome)
    welcome.show_create_page()
    tour.shot("welcome-create", welcome)
    welcome.close()
    welcome.deleteLater()
    unlock = UnlockDialog(window.db_path, opts.open_settings())
    unlock.show()
    tour.shot("unlock", unlock)
    unlock.ui.passphraseEdit.setText("not the passphrase")
    unlock.ui.unlockButton.click()
    wait_for(tour.app, lambda: unlock.ui.errorLabel.isVisible(), 20)
    tour.shot("unlock-wrong", unlock)
    unlock.close()
    unlock.deleteLater()


def _non_latin_person(view: Any) -> int | None:
    from wir_manager.services import candidates as svc

    for row in view.model.candidate_index.rows:
        if any("\u0600" <= ch <= "\u06ff" for ch in row[svc.NAME]):
            return int(row[svc.ID])
    return None


def _candidate_editor(tour: Tour, launcher: Any, window: Any) -> None:
    from wir_manager.qt.widgets import confirm

    view = window.show_screen("candidates")
    wait_for(tour.app, lambda: view.is_loaded, 60)
    person = _non_latin_person(view)
    if person is not None:
        view.select_candidate(person)
    settle(tour.app, 500)
    tabs = view.editor.ui.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        name = tabs.widget(i).objectName().removesuffix("Tab")
        tour.shot(f"candidate-{name}", window, settle_ms=400)
    tabs.setCurrentIndex(0)
    view.new_item()
    tour.shot("candidate-new", window)
    view.revert()
    if person is not None:
        view.select_candidate(person)
    settle(tour.app, 300)
    view.ask = confirm.ask
    tour.modal("confirm-delete-candidate", view.delete_selected)
    tour.modal(
        "confirm-unsaved",
        lambda: confirm.ask_save_discard_cancel(window, "unsavedDialog", view.unsaved_text()),
    )
    tour.modal("confirm-stale", lambda: confirm.ask_stale(window, _stale_refusal(window, person)))
    timeline = view.show_timeline()
    if timeline is not None:
        tour.shot("candidate-timeline", timeline, settle_ms=800)
        timeline.close()
    # The erase dialog, as "Erase permanently…" asks (answered No: nobody is erased).
    from wir_manager.qt.dialogs import erase_dialog
    from wir_manager.services import privacy

    username = privacy.username_of(window.ctx.db, view.selected_ids()[0])
    erase = erase_dialog.EraseDialog(username, erase_dialog._heading(username), window)
    erase.show()
    tour.shot("erase", erase)
    erase.ui.usernameEdit.setText(username)
    tour.shot("erase-typed", erase)
    erase.reject()
    erase.deleteLater()


def _stale_refusal(window: Any, person: int | None) -> str:
    """The sentence the service gives when someone else saved the person meanwhile."""
    from wir_manager.services import candidates as svc
    from wir_manager.services.concurrency import ConcurrentEditError

    if person is None:
        return ""
    detail = svc.get_candidate(window.ctx.db, person)
    seen = (detail.updated_at or dt.datetime.now()) - dt.timedelta(minutes=5)
    try:
        svc.update_candidate(window.ctx.db, person, detail.data, expected_updated_at=seen)
    except ConcurrentEditError as exc:
        return str(exc)
    return ""


def _open_wizard(tour: Tour, window: Any, path: Path, kind: str = "candidates") -> Any:
    from wir_manager.qt.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(window.ctx, window, kind=kind, ask_open=lambda *_a: str(path))
    wizard.show()
    return wizard


def _import_wizard(tour: Tour, launcher: Any, window: Any) -> None:
    wizard = _open_wizard(tour, window, FIXTURES / "staff-sheet-en.xlsx")
    tour.shot("import-start", wizard)
    wizard.ui.browseButton.click()
    wait_for(tour.app, lambda: wizard.report is not None)
    tour.shot("import-mapping", wizard, settle_ms=600)
    wizard.close()
    for fixture, name in (
        ("form-responses.csv", "import-problems"),
        ("personal-sv.xlsx", "import-swedish-sheet"),
        ("merged-headers.xlsx", "import-merged-headers"),
    ):
        wizard = _open_wizard(tour, window, FIXTURES / fixture)
        wizard.ui.browseButton.click()
        wait_for(tour.app, lambda w=wizard: w.report is not None)
        tour.shot(name, wizard, settle_ms=600)
        if name == "import-problems":
            wizard.ui.onlyProblemsCheck.setChecked(True)
            tour.shot("import-problems-only", wizard)
            # "Import good rows…" asks where the problems go: answered Cancel here.
            tour.modal("import-good-rows-save", lambda w=wizard: w.import_good_rows())
        wizard.close()
    wizard = _open_wizard(tour, window, FIXTURES / "personal-sv.xlsx", kind="requests")
    tour.shot("import-requests-start", wizard)
    wizard.close()


def _training_imports(tour: Tour, launcher: Any, window: Any) -> None:
    for source, fixture in (
        ("openedx", "WikiLearn+WIR101+2026_grade_report_2026-11-20-1015.csv"),
        ("moodle", "completion-wir101.csv"),
        ("dashboard", "dashboard-editors-wir-2026-11-25.csv"),
    ):
        wizard = _open_wizard(tour, window, FIXTURES / fixture, kind="training")
        combo = wizard.training_panel.source_combo
        combo.setCurrentIndex(combo.findData(source))
        combo.activated.emit(combo.currentIndex())
        wizard.ui.browseButton.click()
        wait_for(tour.app, lambda w=wizard: w.training_report is not None)
        tour.shot(f"import-training-{source}", wizard, settle_ms=600)
        wizard.close()


def _requests_and_modules(tour: Tour, launcher: Any, window: Any) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    requests = window.show_screen("requests")
    settle(tour.app, 600)
    table = requests.findChildren(QAbstractItemView)[0]
    if table.model() is not None and table.model().rowCount():
        table.setCurrentIndex(table.model().index(0, 0))
    tour.shot("request-editor", window, settle_ms=600)
    requests.new_item()
    tour.shot("request-new", window)
    requests.discard_changes()
    training = window.show_screen("training")
    window.ctx.tasks.wait(30_000)
    settle(tour.app, 600)
    tour.shot("module-editor", window)
    training.new_module()
    tour.shot("module-new", window)
    training.discard_changes()


def _placements(tour: Tour, launcher: Any, window: Any) -> None:
    from wir_manager.qt.dialogs.placement_form import PlacementForm
    from wir_manager.services import candidates as cands
    from wir_manager.services import placements as pl
    from wir_manager.services import requests as rq
    from wir_manager.services.wiki.impact import Impact

    db = window.ctx.db
    view = window.show_screen("placements")
    settle(tour.app, 600)
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    settle(tour.app, 600)
    tour.shot("placements-detail", window)
    # An ongoing placement of someone whose name is in Arabic script: the heading and
    # the form's title must still read left to right.
    records = [view.model.record(r) for r in range(view.model.rowCount())]
    arabic = [
        r
        for r in records
        if any("\u0600" <= ch <= "\u06ff" for ch in r.candidate_name or "")
        and r.status.value == "active"
    ]
    if arabic:
        view.select_placement(arabic[0].id)
        settle(tour.app, 600)
        tour.shot("placements-detail-rtl", window)
    record = view.record
    if record is None:
        print(f"{tour.lang}  no placement in the demo data", file=sys.stderr)
        return
    view.edit_details()
    tour.shot("placement-form", view.form)
    view.form.reject()
    settle(tour.app, 100)
    # A new placement, as accepting a shortlisted person opens it (the same heading).
    from PySide6.QtCore import QCoreApplication

    request_id = next(r.request_id for r in records if r.request_id is not None)
    request = rq.get_request(db, request_id)
    person = _non_latin_person(window.screen("candidates"))
    if person is not None and person != record.candidate_id:
        data = pl.placement_defaults(db, request.id, person)
        heading = QCoreApplication.translate("SavedPane", "{name} accepted for “{title}”")
        form = PlacementForm(
            data,
            heading=heading.format(
                name=cands.get_candidate(db, person).data.full_name, title=request.title
            ),
            contacts=pl.contacts_of(db, request.organisation_id) if request.organisation_id else [],
            affiliates=cands.affiliates(db),
            submit=lambda d: pl.accept(db, d),
            parent=window,
        )
        form.show()
        tour.shot("placement-form-new", form)
        # Ends before it starts: the service refuses, its sentence shows in the form.
        form.end.setDate(form.start.date().addDays(-1))
        form.accept()
        tour.shot("placement-form-refused", form)
        form.reject()
        form.deleteLater()
    view.ask_text = view._text_dialog
    view.ask_date = view._date_dialog
    view.confirm = view._confirm_dialog
    tour.modal("placement-end-early", view.end_early)
    tour.modal("placement-cancel", view.cancel)
    tour.modal("placement-extend", view.extend)
    tour.modal("checkin-add", view.add_checkin)
    if view.checkins.rowCount():
        view.checkin_table.selectRow(0)
        tour.modal("checkin-move", view.move_checkin)
        tour.modal("checkin-note", view.note_checkin)
        tour.modal("checkin-remove", view.delete_checkin)
    metrics = list(view._metric_widgets)
    free = next((m for m in metrics if m not in {o.value for o in _standard_metrics()}), None)
    if free is not None:
        tour.modal("outcome-remove-metric", lambda: view.remove_metric(free))
    # The impact dialog, with what the wikis might have said (no network here).
    from wir_manager.qt.widgets.impact_dialog import ImpactDialog

    dialog = ImpactDialog(window.ctx, record.id, window)
    dialog.show()
    tour.shot("impact-reading", dialog)
    dialog._fetched(
        Impact(
            placement_id=record.id,
            candidate_id=record.candidate_id,
            username=cands.get_candidate(db, record.candidate_id).data.username,
            start=record.start_date,
            end=min(record.end_date, dt.date.today()),
            wikis=("sv.wikipedia.org", "commons.wikimedia.org", "www.wikidata.org"),
            edits=1843,
            articles_created=37,
            articles_edited=412,
            wikidata_items_edited=1290,
            wikidata_items_created=55,
            files_uploaded=268,
            per_wiki={"sv.wikipedia.org": 520, "commons.wikimedia.org": 268},
        )
    )
    tour.shot("impact", dialog)
    dialog.reject()
    dialog.deleteLater()
    view.tabs.setCurrentIndex(1)
    window.ctx.tasks.wait(30_000)
    settle(tour.app, 600)
    tour.shot("placements-figures", window)
    tour.modal("programme-report", view.programme_report)
    view.tabs.setCurrentIndex(0)


def _standard_metrics() -> list[Any]:
    from wir_manager.domain.enums import OutcomeMetric

    return list(OutcomeMetric)


def _window_dialogs(tour: Tour, launcher: Any, window: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from wir_manager.qt.dialogs.about import AboutDialog
    from wir_manager.qt.dialogs.change_passphrase import ChangePassphraseDialog
    from wir_manager.qt.dialogs.guide_dialog import GuideDialog
    from wir_manager.qt.dialogs.tour import TourDialog

    dialog = ChangePassphraseDialog(window.ctx.db, window, window.ctx.tasks)
    dialog.show()
    tour.shot("change-passphrase", dialog)
    dialog.new_edit.setText("summer2024")
    tour.shot("change-passphrase-weak", dialog)
    dialog.new_edit.setText("violet kettle harbour algebra")
    dialog.repeat_edit.setText("violet kettle harbour algebrx")
    tour.shot("change-passphrase-mismatch", dialog)
    dialog.reject()
    dialog.deleteLater()
    about = AboutDialog(window.db_path, window)
    about.show()
    tour.shot("about", about)
    about.close()
    guide = GuideDialog(window)
    guide.show()
    tour.shot("guide", guide, settle_ms=600)
    guide.close()
    pages = TourDialog(window)
    pages.show()
    for page in range(pages.ui.pages.count()):
        tour.shot(f"tour-{page + 1}", pages)
        if page + 1 < pages.ui.pages.count():
            pages.next()
    pages.reject()
    window._help()
    settle(tour.app, 200)
    box = window.findChild(QMessageBox, "helpDialog")
    if box is not None:
        tour.shot("help-shortcuts", box)
        box.close()
    tour.modal("auto-lock", window._ask_auto_lock)


def _team_server(tour: Tour, launcher: Any, window: Any) -> None:
    from wir_manager.qt import settings as opts
    from wir_manager.qt.dialogs.connect import NO_TLS, ConnectDialog

    dialog = ConnectDialog(opts.open_settings())
    dialog.show()
    tour.shot("connect", dialog)
    dialog.host_edit.setText("db.wikimedia.se")
    dialog.database_edit.setText("wir")
    dialog.user_edit.setText("amina")
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(NO_TLS))
    dialog.try_connect()
    tour.shot("connect-refused", dialog)
    dialog.close()
    locked = ConnectDialog(opts.open_settings(), locked=True)
    locked.show()
    tour.shot("connect-locked", locked)
    locked.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "dialog-tour")
    ap.add_argument("--candidates", type=int, default=300)
    ap.add_argument("--lang", default="both", choices=("en", "sv", "both"))
    ap.add_argument("--only", nargs="*", help="only dialogs whose name starts so")
    args = ap.parse_args(argv)
    if args.lang != "both":
        return run_one(args)
    # One process per language: Qt's translators are installed once, at start.
    status = 0
    for lang in ("en", "sv"):
        command = [sys.executable, __file__, "--lang", lang, "--out", str(args.out)]
        command += ["--candidates", str(args.candidates)]
        if args.only:
            command += ["--only", *args.only]
        status |= subprocess.call(command)
    return status


if __name__ == "__main__":
    sys.exit(main())
