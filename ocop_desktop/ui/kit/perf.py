"""Setting the long-lived heap aside from the garbage collector.

A full pass of Python's cyclic garbage collector walks every tracked object with the GIL held —
80–140 ms over the ~150,000 objects of the running application, on whichever thread happens to
start it (a round's aggregation on a worker allocates enough to start one), and the window cannot
repaint meanwhile. What is alive at certain moments (modules, Qt bindings, rule sets, SQLAlchemy's
metadata) lives as long as the program, so `freeze_heap(moment)` moves it out of the collector's
sight (`gc.freeze`: cheap, and objects created later are collected as usual). Each caller names
its moment (say, the window once its store is attached, a page once its modules are loaded); this
module knows none of them.
"""

from __future__ import annotations

import gc

_frozen: set[str] = set()


def frozen() -> frozenset[str]:
    """The moments at which the heap was set aside in this process."""
    return frozenset(_frozen)


def freeze_heap(moment: str) -> None:
    """Set aside what is alive now; once per `moment` in a process."""
    if moment not in _frozen:
        _frozen.add(moment)
        gc.freeze()
