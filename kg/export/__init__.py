"""Exports of the graph: interactive HTML (:mod:`kg.export.html`), GraphML/GEXF/JSON/CSV
(:mod:`kg.export.formats`), and the subgraph filters every format shares (:mod:`kg.export.subgraph`).

Submodules are imported on use, so ``import kg.export`` stays cheap.
"""

__all__ = ["html", "formats", "subgraph"]
