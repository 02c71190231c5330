"""Keep openpyxl's sheet XML in memory instead of temporary files.

openpyxl serialises every worksheet to a ``NamedTemporaryFile`` before zipping it into
the .xlsx, in both normal and write-only mode. Those files hold names and e-mails in
plain text in the system temp folder, and linger there if the process dies: exactly
what house rule "never write candidate data to temp files" forbids. openpyxl already
supports a ``BytesIO`` target in its worksheet writer; this module makes that the
default and teaches the workbook writer to zip from memory. Installed once, on import
of our export modules; it changes nothing else about the files openpyxl produces.
"""

from __future__ import annotations

import threading
from io import BytesIO
from typing import Any

_lock = threading.Lock()
_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from openpyxl.worksheet import _write_only, _writer
        from openpyxl.writer import excel

        base = _writer.WorksheetWriter

        class MemoryWorksheetWriter(base):  # type: ignore[misc, valid-type]
            def __init__(self, ws: Any, out: Any = None) -> None:
                super().__init__(ws, BytesIO() if out is None else out)

            def cleanup(self) -> None:
                if not isinstance(self.out, BytesIO):
                    super().cleanup()

        original = excel.ExcelWriter.write_worksheet

        def write_worksheet(self: Any, ws: Any) -> None:
            from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

            if not isinstance(getattr(ws, "_writer", None), MemoryWorksheetWriter) and (
                self.workbook.write_only and getattr(ws, "_writer", None) is not None
            ):
                original(self, ws)
                return
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            if self.workbook.write_only:
                if not ws.closed:
                    ws.close()
                writer = ws._writer
            else:
                writer = MemoryWorksheetWriter(ws)
                writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.read())
            self.manifest.append(ws)
            writer.cleanup()

        _write_only.WorksheetWriter = MemoryWorksheetWriter
        excel.WorksheetWriter = MemoryWorksheetWriter
        excel.ExcelWriter.write_worksheet = write_worksheet
        _installed = True
