"""The connect dialog's own TLS sentences: what to do *in the dialog* (the TLS list, the
CA file field, the server's administrator), not the CLI's ``sslmode``/``sslrootcert``
URL parameters. In English and Swedish; the failed verification is a real one, against
the test cluster, which has no TLS."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PgServer
from wir_manager.qt import settings as opts
from wir_manager.qt.dialogs.connect import NO_TLS, VERIFY_FULL, ConnectDialog
from wir_manager.storage.server import ServerAddress


@pytest.fixture
def dialog(qtbot, isolated_home: Path) -> ConnectDialog:
    box = ConnectDialog(opts.open_settings())
    qtbot.addWidget(box)
    box.show()
    return box


def _remote_without_tls(dialog: ConnectDialog, host: str, user: str) -> str:
    dialog.host_edit.setText(host)
    dialog.database_edit.setText("wir")
    dialog.user_edit.setText(user)
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(NO_TLS))
    assert dialog.try_connect() is False
    assert dialog.error_label.isVisible()
    return dialog.error_label.text()


def test_a_remote_host_without_tls_is_refused_with_what_to_do_in_the_dialog(dialog) -> None:
    refusal = _remote_without_tls(dialog, "db.wikimedia.org.in", "अमिता")
    assert "db.wikimedia.org.in" in refusal
    assert "“Verified TLS” under TLS" in refusal  # the combo's own entry and label
    assert "administrator" in refusal
    assert "sslmode" not in refusal and "sslrootcert" not in refusal
    assert refusal.count(". ") == 0 and "\n" not in refusal  # one sentence
    # The form stays as typed, and choosing verified TLS lets the address through.
    assert dialog.user_edit.text() == "अमिता"
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(VERIFY_FULL))
    assert dialog.address().params["sslmode"] == VERIFY_FULL


@pytest.mark.parametrize(
    ("code", "choose", "ask"),
    [
        ("en", "“Verified TLS” under TLS", "administrator"),
        ("sv", "“Verifierad TLS” under TLS", "administratör"),
    ],
)
def test_the_tls_refusal_in_english_and_swedish(
    qtbot, isolated_home: Path, language, code: str, choose: str, ask: str
) -> None:
    language(code)
    box = ConnectDialog(opts.open_settings())
    qtbot.addWidget(box)
    box.show()
    refusal = _remote_without_tls(box, "db.wikimedia.se", "ليلى")
    assert "db.wikimedia.se" in refusal and choose in refusal and ask in refusal
    assert "sslmode" not in refusal


def test_a_server_without_tls_asked_for_verified_tls_says_what_to_do_here(
    qtbot, dialog, pg_server: PgServer, server_db_url: str
) -> None:
    # The test cluster speaks no TLS: asking this computer's server for verified TLS
    # makes libpq refuse ("server does not support SSL"), a real TLS failure.
    address = ServerAddress.parse(server_db_url)
    dialog.host_edit.setText(address.host)
    dialog.port_edit.setText(address.port)
    dialog.database_edit.setText(address.dbname)
    dialog.user_edit.setText(address.user or "")
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(VERIFY_FULL))
    assert dialog.try_connect()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=15_000)
    text = dialog.error_label.text()
    assert "did not complete a verified TLS connection" in text
    assert "under CA file" in text and "administrator" in text
    assert "sslrootcert" not in text and "sslmode" not in text
    assert dialog.database is None and dialog.host_edit.text() == address.host
