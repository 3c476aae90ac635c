"""``python -m kg``: same as the ``kg`` command."""

from kg.cli import main

main()
