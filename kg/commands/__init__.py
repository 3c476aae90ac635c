"""Click commands, one module per area; collected by :mod:`kg.cli`."""
