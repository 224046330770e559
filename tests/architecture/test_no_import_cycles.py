"""No two modules of the package import each other, directly or round a loop, not even through an
import inside a function (the lazy imports that hid five cycles before the feature packages).
The layer contracts in pyproject.toml keep packages in order; this keeps modules inside a package
in order too."""

from __future__ import annotations

import grimp


def import_cycles(package: str) -> list[list[str]]:
    """The strongly connected groups of more than one module in `package`'s import graph (Tarjan)."""
    graph = grimp.build_graph(package)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]  # iterative, so deep import chains cannot overflow the stack
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = stack[stack.index(node) :]
                    del stack[stack.index(node) :]
                    if len(group) > 1:
                        cycles.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                work.append((child, iter(edges.get(child, []))))
            elif child in stack:
                low[node] = min(low[node], index[child])
    return cycles


def test_no_module_imports_itself_round_a_loop() -> None:
    assert import_cycles("ocop_desktop") == []
