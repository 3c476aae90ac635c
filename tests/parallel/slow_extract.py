"""Test hook for the killed-worker test: the real extractor, with one partition that hangs once.

Selected with ``KG_EXTRACT_MODULE=tests.parallel.slow_extract`` (inherited by the
Dask worker processes). It delegates to ``KG_TEST_INNER_EXTRACT`` (default
``kg.extract``), except that the FIRST attempt at the partition holding the paper
``KG_TEST_SLOW_ID`` creates ``KG_TEST_SLOW_FILE`` (exclusively), writes its worker
pid there and sleeps, so the test knows which process to kill and when. A retry
finds the file already there and extracts normally.
"""

from __future__ import annotations

import importlib
import os
import time
from typing import Iterable, Iterator

from kg.models import Paper, PaperExtraction

HANG_SECONDS = 120.0


def _inner():
    return importlib.import_module(os.environ.get("KG_TEST_INNER_EXTRACT", "kg.extract"))


def build_nlp(model: str | None = None):
    return _inner().build_nlp(model)


def _first_attempt(flag: str) -> bool:
    try:
        fd = os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w") as f:
        f.write(f"{os.getpid()}\n")
    return True


def extract_papers(papers: Iterable[Paper], *, nlp=None, **kw) -> Iterator[PaperExtraction]:
    papers = list(papers)
    slow_id, flag = os.environ.get("KG_TEST_SLOW_ID"), os.environ.get("KG_TEST_SLOW_FILE")
    if slow_id and flag and any(p.id == slow_id for p in papers) and _first_attempt(flag):
        time.sleep(HANG_SECONDS)  # the test SIGKILLs this process long before
    return _inner().extract_papers(papers, nlp=nlp, **kw)
