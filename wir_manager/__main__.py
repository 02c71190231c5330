import sys

from wir_manager.cli.main import main

sys.exit(main())
