"""Regenerate the README screenshots from the real application, offscreen.

Run:  .venv/bin/python packaging/screenshots.py [--out resources/screenshots] [--candidates 600]

Starts WiR Manager exactly as ``wir-manager gui --demo`` does, in a throw-away
``WIR_MANAGER_HOME`` (so your own settings and databases are not touched), on Qt's
offscreen platform, and saves one PNG per sidebar screen that exists in this build
(``<key>.png``), plus the welcome and unlock dialogs, and — on a throwaway PostgreSQL
cluster — the team-server connect dialog and a save the server refuses. Screens whose
module is missing are skipped, so the script keeps working while screens are written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# The pictures show what a person on the common 1366×768 laptop sees (#16).
from laptop_screen import SIZE, use_laptop_screen

use_laptop_screen()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def settle(app, ms: int = 300) -> None:  # type: ignore[no-untyped-def]
    """Let queued work, background results and paints run for ``ms`` milliseconds."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def pick_first_row(widget) -> None:  # type: ignore[no-untyped-def]
    """Select the first row of the first list on a screen, so its detail pane shows."""
    from PySide6.QtWidgets import QAbstractItemView

    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible() or model.rowCount() == 0:
            continue
        if view.selectionModel() is not None and not view.selectionModel().hasSelection():
            view.setCurrentIndex(model.index(0, 0))
        return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    ap.add_argument("--candidates", type=int, default=600)
    ap.add_argument(
        "--lang",
        default="en",
        choices=("en", "sv"),
        help="user-interface language; non-English pictures go to OUT/<lang>/",
    )
    args = ap.parse_args(argv)
    if args.lang != "en":
        args.out = args.out / args.lang
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="wir-shots-") as home:
        os.environ["WIR_MANAGER_HOME"] = home
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)

        from wir_manager.qt import settings as opts
        from wir_manager.qt.app import Launcher, demo_hint, make_application
        from wir_manager.qt.dialogs.unlock import UnlockDialog
        from wir_manager.qt.dialogs.welcome import WelcomeDialog
        from wir_manager.qt.main_window import MainWindow
        from wir_manager.qt.views.registry import SCREENS
        from wir_manager.qt.widgets.screen import PlaceholderScreen

        app = make_application()
        from wir_manager.qt.i18n import install_translations

        install_translations(app, language=args.lang)
        saved: list[str] = []

        welcome = WelcomeDialog(
            opts.open_settings(),
            demo_hint("…/demo.db"),
        )
        welcome.show()
        welcome.adjustSize()
        settle(app)
        welcome.grab().save(str(args.out / "welcome.png"))
        saved.append("welcome.png")
        welcome.close()

        launcher = Launcher(demo=True, demo_candidates=args.candidates)
        launcher.start()
        deadline = time.perf_counter() + 300
        while launcher.window is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window: MainWindow | None = launcher.window
        if window is None:
            print("the main window did not open", file=sys.stderr)
            return 1
        window.resize(*SIZE)
        settle(app, 800)

        for screen in SCREENS:
            widget = window.show_screen(screen.key)
            settle(app, 600)
            widget = window.current_screen()
            if widget is None or isinstance(widget, PlaceholderScreen):
                print(f"skipped {screen.key}: not in this build")
                continue
            if screen.key == "candidates":
                _show_non_latin_candidate(widget, app)
            else:
                pick_first_row(widget)
            window.ctx.tasks.wait(30_000)
            settle(app, 700)
            name = f"{screen.key}.png"
            window.grab().save(str(args.out / name))
            saved.append(name)

        # The import wizard's mapping step, on a real staff sheet from the test fixtures.
        from wir_manager.qt.dialogs.import_wizard import ImportWizard

        sheet = ROOT / "tests" / "fixtures" / "imports" / "staff-sheet-en.xlsx"
        wizard = ImportWizard(window.ctx, window, ask_open=lambda *_a: str(sheet))
        wizard.resize(*SIZE)
        wizard.show()
        wizard.ui.browseButton.click()
        deadline = time.perf_counter() + 120
        while wizard.report is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.02)
        settle(app, 600)
        wizard.grab().save(str(args.out / "import-mapping.png"))
        saved.append("import-mapping.png")
        wizard.close()

        path = window.db_path
        window.show_screen("candidates")
        settle(app)
        window.lock()
        settle(app, 400)
        dialog = launcher.dialog
        if isinstance(dialog, UnlockDialog):
            dialog.adjustSize()
            settle(app)
            dialog.grab().save(str(args.out / "unlock.png"))
            saved.append("unlock.png")
            dialog.close()
        window.close()
        print(f"database used: {path.name} in a temporary home (deleted)")
        saved += _team_server_shots(app, args.out)
    for name in saved:
        print(f"wrote {args.out / name}")
    return 0


def _team_server_shots(app, out: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The connect dialog refusing plaintext to a remote host (``connect.png``), and a
    viewer on a real PostgreSQL finding the candidate form read-only, Ctrl+S saying why
    (``team-refused.png``), on a throwaway cluster started like the tests' (skipped when
    PostgreSQL is not installed)."""

    from tests import pg_cluster
    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import Launcher
    from wir_manager.qt.dialogs.connect import NO_TLS, ConnectDialog
    from wir_manager.services import demo
    from wir_manager.storage import server_admin
    from wir_manager.storage.server import ServerDatabase

    try:
        pg_cluster.find_bin_dir()
    except pg_cluster.PostgresMissing as exc:
        print(f"skipped the team-server pictures: {exc}")
        return []
    saved: list[str] = []
    settings = opts.open_settings()
    cluster = pg_cluster.start_cluster()
    try:
        pw = pg_cluster.LOGIN_PASSWORD
        cluster.execute(f"CREATE ROLE wir_dba LOGIN CREATEROLE PASSWORD '{pw}'")
        cluster.execute("CREATE DATABASE wir OWNER wir_dba")
        with ServerDatabase.connect(
            cluster.url("wir_dba", "wir"), password=pw, check_schema=False
        ) as setup:
            server_admin.init_server(setup)
            server_admin.add_user(setup, "lena", server_admin.TeamRole.ADMIN, password=pw)
        with ServerDatabase.connect(cluster.url("lena", "wir"), password=pw) as admin:
            demo.generate(admin, 120, 4, 5)
            server_admin.add_user(admin, "ngozi", server_admin.TeamRole.VIEWER, password=pw)

        dialog = ConnectDialog(settings)
        dialog.host_edit.setText("db.wikimedia.se")
        dialog.database_edit.setText("wir")
        dialog.user_edit.setText("amina")
        dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(NO_TLS))
        dialog.show()
        dialog.try_connect()
        settle(app)
        dialog.grab().save(str(out / "connect.png"))
        saved.append("connect.png")
        dialog.close()

        launcher = Launcher(settings=settings)
        launcher.show_main(ServerDatabase.connect(cluster.url("ngozi", "wir"), password=pw))
        window = launcher.window
        window.resize(*SIZE)
        view = window.show_screen("candidates")
        _show_non_latin_candidate(view, app)
        settle(app, 600)
        # The viewer's form is read-only and says why; Ctrl+S (the window's Save) only
        # repeats it in the status bar. The server's own refusal stays behind both.
        window.ui.actionSave.trigger()
        settle(app, 400)
        shot = window.grab()
        shot.save(str(out / "team-refused.png"))
        saved.append("team-refused.png")
        window._closing_confirmed = True
        window.close()
    finally:
        cluster.stop()
    return saved


def _show_non_latin_candidate(view, app) -> None:  # type: ignore[no-untyped-def]
    """Open someone whose name is in Arabic, Devanagari … so the shot proves they render."""
    from wir_manager.services import candidates as svc

    deadline = time.perf_counter() + 60
    while not view.is_loaded and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for row in view.model.candidate_index.rows:
        if any("\u0600" <= ch <= "\u06ff" for ch in row[svc.NAME]):
            view.select_candidate(row[svc.ID])
            return
    pick_first_row(view)


if __name__ == "__main__":
    sys.exit(main())
