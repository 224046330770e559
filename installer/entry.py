"""PyInstaller entry script: the frozen `ocop-desktop` executable is `ocop_desktop.main:main`
(the same function as the `ocop-desktop` console script of a pip/uv install)."""

import multiprocessing
import sys

from ocop_desktop.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless; required if a worker process is ever used
    sys.exit(main())
