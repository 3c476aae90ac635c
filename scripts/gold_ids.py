"""The ids of every gold file in the repository, for the tools that mine the unlabelled corpora.

The mining scripts (``scripts/mine_lexicon.py``, ``scripts/pwc_frequent.py``) and ``benchmarks/unseen_diff.py``
must never read an abstract that some gold file annotates, blind sets included, so that what they learn from the
corpora cannot come from the abstracts kg is judged on. The ids are taken from the gold files themselves
(``tests/gold/*_gold.jsonl`` and ``tests/extract_results/*_gold.jsonl``), so a fresh checkout reproduces the
committed data files. Only the ``id`` field is used. A blind set that is drawn but not yet annotated is reserved by
a plain list of its ids, ``tests/gold/*_drawn.txt`` (one id per line, ``#`` comments), so nothing mines or samples it
while its gold is being written; the list is removed when the gold file lands.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> (root / "tests" / "gold").mkdir(parents=True)
>>> _ = (root / "tests" / "gold" / "x_gold.jsonl").write_text('{"id": "2501.00001", "methods": []}\\n\\n')
>>> sorted(gold_ids(root))
['2501.00001']
>>> _ = (root / "tests" / "gold" / "heldout_x_drawn.txt").write_text('# set x\\n2501.00002\\n')
>>> sorted(gold_ids(root))
['2501.00001', '2501.00002']
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["gold_files", "gold_ids"]


def gold_files(root: Path = ROOT) -> list[Path]:
    """Every gold file of the repository, development and blind, in a stable order."""
    return (sorted((root / "tests" / "gold").glob("*_gold.jsonl"))
            + sorted((root / "tests" / "extract_results").glob("*_gold.jsonl")))


def gold_ids(root: Path = ROOT) -> frozenset[str]:
    """The ``id`` of every record of every gold file under ``root``, and every id reserved by a drawn set."""
    ids = set()
    for path in gold_files(root):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(str(json.loads(line)["id"]))
    for path in sorted((root / "tests" / "gold").glob("*_drawn.txt")):
        ids.update(line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    ids.discard("")
    return frozenset(ids)
