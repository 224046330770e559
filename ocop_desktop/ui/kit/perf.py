"""The two performance devices of the GUI: importing modules on a worker before they are needed,
and setting the long-lived heap aside from the garbage collector.

Importing a module defines classes and creates no widget, so it is safe on a worker thread. On the
GUI thread the evaluation tabs' modules (the council tab's brings the package and key code, the
scoring tab's the score-sheet editor) would each hold the window for 30–100 ms the first time they
are used; the evaluation page imports them with `import_modules` just after it opened. (The print
preview's modules are imported by the print jobs, `jobs.preview_modules`.)

Then the heap: a full pass of Python's cyclic garbage collector walks every tracked object with the
GIL held — 80–140 ms over the ~150,000 objects of the running application, on whichever thread
happens to start it (a round's aggregation on a worker allocates enough to start one), and the
window cannot repaint meanwhile. What is alive at certain moments (modules, Qt bindings, rule sets,
SQLAlchemy's metadata) lives as long as the program, so `freeze_heap(moment)` moves it out of the
collector's sight (`gc.freeze`: cheap, and objects created later are collected as usual). The
moments: "started" (the store is attached to the window, `shell/app.py`), "opened" and "preloaded"
(the evaluation page and its tabs' modules, `province/page.py`).
"""

from __future__ import annotations

import gc
import importlib

from ocop_desktop.progress import Progress

PACKAGE = "ocop_desktop.ui.province"

_frozen: set[str] = set()


def tab_module(module: str) -> str:
    return f"{PACKAGE}.{module}"


def import_modules(progress: Progress, _ctx: object, names: tuple[str, ...]) -> None:
    """A job (`run_task(import_modules, None, names)`): import `names` in order."""
    for name in names:
        if progress is not None and getattr(progress, "cancelled", False):
            return
        importlib.import_module(name)


def frozen() -> frozenset[str]:
    """The moments at which the heap was set aside in this process."""
    return frozenset(_frozen)


def freeze_heap(moment: str) -> None:
    """Set aside what is alive now; once per `moment` in a process."""
    if moment not in _frozen:
        _frozen.add(moment)
        gc.freeze()
