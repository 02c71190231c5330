"""The 1366×768 laptop screen the picture scripts show the app on, offscreen.

Qt's offscreen platform has an 800×600 screen unless told otherwise, and the app keeps
its windows on the screen; ``packaging/screenshots.py`` and ``packaging/dialog_tour.py``
give it this size instead (the common laptop every screen must fit, #16). Call
:func:`use_laptop_screen` before Qt is imported.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SIZE = (1366, 768)


def use_laptop_screen() -> None:
    """Point Qt's offscreen platform at a one-screen configuration of :data:`SIZE`
    (unless the caller chose a platform already)."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    screen = Path(tempfile.mkstemp(prefix="wir-screen-", suffix=".json")[1])
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1]}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
