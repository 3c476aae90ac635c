"""kg: knowledge graphs of the machine-learning literature, built offline from abstracts.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_graph"]


def load_graph(path=None):
    """Load the embedded graph store as a ``networkx.MultiDiGraph``.

    See :func:`kg.graph.load_graph`.
    """
    from kg.graph import load_graph as _load

    return _load(path) if path is not None else _load()
