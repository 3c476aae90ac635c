"""A stand-in extractor with the ``kg.extract`` interface (``build_nlp``, ``extract_papers``).

Used by these tests only while ``kg.extract.extract_papers`` does not exist, and
by ``benchmarks/scale.py`` via ``KG_EXTRACT_MODULE=tests.parallel.standin_extract``
to measure the parallel machinery with a known, cheap per-paper cost: blank-English
tokenisation of the abstract and one ``Method`` entity per capitalised token of
more than 3 characters.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy

from kg.models import Entity, Mention, Paper, PaperExtraction


def build_nlp(model: str | None = None):
    return spacy.blank("en")


def extract_papers(papers: Iterable[Paper], *, nlp=None, n_process: int = 1,
                   batch_size: int = 64, on_error=None) -> Iterator[PaperExtraction]:
    nlp = nlp or build_nlp()
    for p in papers:
        doc = nlp(p.abstract)
        ents = tuple(Entity(type="Method", name=t.text,
                            mentions=(Mention(t.text, t.idx, t.idx + len(t), "abstract", 0),))
                     for t in doc if t.text[:1].isupper() and len(t) > 3)
        yield PaperExtraction(paper=p, entities=ents)
