"""kg.extract.lean_vocab: the build's workers skip spaCy's unused lexeme attributes, and give the same records."""

from __future__ import annotations

import os

import pytest

from kg.extract import lean_vocab
from kg.parallel import _NLP_CACHE, extract_parallel


def test_lean_pipeline_gives_the_full_pipelines_records(papers, _extractor):
    if _extractor != "kg.extract":
        pytest.skip("the stand-in extractor has no spaCy pipeline")
    from kg.extract import build_nlp, extract_papers  # noqa: PLC0415

    full = [x.to_dict(with_paper=True) for x in extract_papers(papers, nlp=build_nlp())]
    lean = [x.to_dict(with_paper=True) for x in extract_parallel(papers)]  # the cached worker pipeline
    assert lean == full
    assert sum(len(d["entities"]) for d in lean) > 40  # the comparison is not empty
    nlp = _NLP_CACHE[None]
    assert len(nlp.vocab.lex_attr_getters) == 1  # it was lean


def test_lean_vocab_keeps_lower_and_drops_the_rest():
    import spacy  # noqa: PLC0415

    full, lean = spacy.blank("en"), spacy.blank("en")
    lean_vocab(lean)
    a, b = full("Running ResNets on CIFAR-10"), lean("Running ResNets on CIFAR-10")
    assert [t.text for t in a] == [t.text for t in b]
    assert [t.lower_ for t in a] == [t.lower_ for t in b] == ["running", "resnets", "on", "cifar-10"]
    assert (a[0].shape_, a[0].suffix_) == ("Xxxxx", "ing")  # attributes kg does not read ...
    assert (b[0].shape_, b[0].suffix_) == ("", "")  # ... are no longer computed for new words


def test_other_models_and_extract_modules_keep_their_vocabulary(monkeypatch):
    from kg import parallel  # noqa: PLC0415

    made = []

    class Vocab:
        lex_attr_getters = {1: str, 2: str}

    class Nlp:
        vocab = Vocab()

    monkeypatch.setattr(parallel, "_extract_module", lambda: (lambda model: made.append(model) or Nlp(), None))
    monkeypatch.setattr(parallel, "_NLP_CACHE", {})
    parallel._nlp("en_core_web_sm")
    monkeypatch.setenv(parallel.EXTRACT_MODULE_ENV, "tests.parallel.standin_extract")
    parallel._nlp(None)
    assert made == ["en_core_web_sm", None] and Vocab.lex_attr_getters == {1: str, 2: str}
    assert os.environ[parallel.EXTRACT_MODULE_ENV] == "tests.parallel.standin_extract"


def test_extraction_nlp_is_lean_only_on_kgs_blank_pipeline(monkeypatch):
    import spacy  # noqa: PLC0415

    from kg import extract  # noqa: PLC0415

    blank = extract.extraction_nlp()
    assert list(blank.vocab.lex_attr_getters) == [spacy.attrs.LOWER]
    assert blank.get_pipe("kg_catalog").with_spans is False
    # an installed pipeline (stood in for by kg's own build_nlp) keeps every lexical attribute
    build_nlp = extract.build_nlp
    monkeypatch.setattr(extract, "build_nlp", lambda model=None: build_nlp())
    other = extract.extraction_nlp("some_model")
    assert len(other.vocab.lex_attr_getters) > 1 and other.get_pipe("kg_catalog").with_spans is False
