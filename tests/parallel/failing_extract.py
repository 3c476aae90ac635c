"""Test hook: the real extractor, failing on the papers named in ``KG_TEST_FAIL_IDS`` (comma-separated).

Selected with ``KG_EXTRACT_MODULE=tests.parallel.failing_extract``, which Dask worker processes inherit
(they are spawned, so a monkeypatch in the test process would not reach them). The failure is forced
where tests/graph/test_build_failure.py forces it: in ``kg.extract._assemble``, under ``extract_papers``'s
own ``on_error`` handling.
"""

from __future__ import annotations

import os

import kg.extract
from kg.extract import build_nlp, extract_papers, extraction_nlp  # noqa: F401  (the module's interface)

_real = kg.extract._assemble


def _assemble(paper, docs):
    if paper.id in os.environ.get("KG_TEST_FAIL_IDS", "").split(","):
        raise AttributeError("'NoneType' object has no attribute 'unit'")
    return _real(paper, docs)


kg.extract._assemble = _assemble
