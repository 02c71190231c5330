"""Entry point frozen by PyInstaller: the same ``main`` as ``python -m wir_manager``.

A separate file because PyInstaller runs its script as ``__main__``; importing the CLI
from here keeps ``wir_manager`` an ordinary package inside the bundle.
"""

import sys

from wir_manager.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
