"""Entity and code-link extraction from titles and abstracts, as a spaCy pipeline.

>>> x = extract_paper(Paper(id="1", title="T", abstract="We propose FooNet and test it on ImageNet for image classification."))
>>> sorted((e.type, e.name, e.role) for e in x.entities)
[('Dataset', 'ImageNet', 'used'), ('Method', 'FooNet', 'proposed'), ('Task', 'image classification', 'used')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from kg.errors import ExtractError
from kg.extract.catalog import catalog_forms, load_catalog
from kg.extract.text import find_definitions, find_repos, role_of, split_sentences
from kg.models import Entity, Mention, Paper, PaperExtraction

__all__ = ["build_nlp", "extract_paper", "extract_papers", "load_catalog"]


@Language.factory("kg_catalog", assigns=["doc.spans"], default_config={"spans_key": "kg_entities"})
def make_catalog(nlp: Language, name: str, spans_key: str):
    # two matchers: forms flagged exact-case (acronyms such as "MAP", "GLUE") and the rest in any case
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[tuple[bool, str], list] = {}
    for typ, canon, form, exact in catalog_forms(load_catalog()):
        groups.setdefault((exact, f"{typ}|{canon}"), []).append(nlp.make_doc(form))
    for (exact, key), docs in groups.items():
        (orth if exact else lower).add(key, docs)

    def matcher(doc):
        return sorted(lower(doc) + orth(doc), key=lambda m: (m[1], m[2]))

    def component(doc):
        spans = []
        for mid, s, e in matcher(doc):
            typ, canon = nlp.vocab.strings[mid].split("|", 1)
            span = doc[s:e]
            span.label_ = typ
            spans.append((span, canon))
        doc.user_data["kg_canon"] = {(sp.start_char, sp.end_char): c for sp, c in spans}
        doc.spans[spans_key] = [sp for sp, _ in spans]
        return doc
    return component


def build_nlp(model: str | None = None) -> Language:
    """``spacy.blank("en")`` (or an installed pipeline ``model``) plus the kg components.

    >>> "kg_catalog" in build_nlp().pipe_names
    True
    """
    if model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ExtractError(f"spaCy model {model!r} is not installed (try: python -m spacy download {model})") from exc
    nlp.add_pipe("kg_catalog")
    return nlp


_PROPOSED_NAME = re.compile(
    r"\b(?:[Ww]e\s+(?:propose|introduce|present)|named|called|dubbed)\s+(?:a\s+|an\s+|the\s+)?"
    r"([A-Z][\w\-]*[A-Z][\w\-]*)")
_NAMED_DATASET = re.compile(
    r"\b((?:[A-Z][\w\-]*\d*|\d+[A-Z][\w\-]*)(?:[ \-](?:[A-Z0-9][\w\-]*))?)\s+(?:dataset|benchmark|corpus|challenge)s?\b")
_NOT_NAME = {"The", "This", "Our", "A", "An", "These", "Each", "Both", "New", "Large", "Public", "Real", "Synthetic", "Existing"}
_LF_TYPE = [(re.compile(r"(?:network|model|transformer|attention|learning|encoder|machine|algorithm)s?$", re.I), "Method"),
            (re.compile(r"(?:dataset|benchmark|corpus)$", re.I), "Dataset"),
            (re.compile(r"(?:error|score|accuracy|rate|distance)$", re.I), "Metric")]


def _field_entities(doc, text: str, field: str, sents) -> list[tuple[int, int, str, str]]:
    found = {}
    canon = doc.user_data.get("kg_canon", {})
    for sp in doc.spans["kg_entities"]:
        found[(sp.start_char, sp.end_char)] = (sp.label_, canon.get((sp.start_char, sp.end_char), sp.text))
    for m in _PROPOSED_NAME.finditer(text):
        if re.search(r"-(?:aware|guided|based|driven|free|specific|level)$", m[1], re.I):
            continue
        found.setdefault((m.start(1), m.end(1)), ("Method", m[1]))
    for m in _NAMED_DATASET.finditer(text):
        if m[1].split()[0] not in _NOT_NAME:
            found.setdefault((m.start(1), m.end(1)), ("Dataset", m[1]))
    for ls, le, ss, se in find_definitions(text):
        lf = text[ls:le]
        for rx, typ in _LF_TYPE:
            if rx.search(lf):
                found.setdefault((ls, le), (typ, lf))
                found.setdefault((ss, se), (typ, lf))
                for m in re.finditer(rf"\b{re.escape(text[ss:se])}\b", text):
                    found.setdefault((m.start(), m.end()), (typ, lf))
    # drop spans contained in a longer span of the same type
    keys = sorted(found, key=lambda k: (k[0], -k[1]))
    out, last = [], (-1, -1, "")
    for s, e in keys:
        typ, name = found[(s, e)]
        if any(s >= ps and e <= pe and (s, e) != (ps, pe) and pt == typ for ps, pe, pt, _ in out):
            continue
        out.append((s, e, typ, name))
    return out


def _sent_index(sents, pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if pos < e:
            return i
    return max(0, len(sents) - 1)


def _assemble(paper: Paper, docs) -> PaperExtraction:
    ents: dict[tuple[str, str], dict] = {}
    results, relations = [], []
    for field, text, doc in (("title", paper.title, docs[0]), ("abstract", paper.abstract, docs[1])):
        sents = split_sentences(text)
        mentions = _field_entities(doc, text, field, sents)
        for s, e, typ, name in mentions:
            rec = ents.setdefault((typ, name.lower()), {"name": name, "mentions": [], "aliases": set(), "role": "used"})
            rec["mentions"].append(Mention(text=text[s:e], start=s, end=e, field=field, sentence=_sent_index(sents, s)))
            if text[s:e] != name:
                rec["aliases"].add(text[s:e])
            if role_of(text, s, field) == "proposed":
                rec["role"] = "proposed"
        try:
            from kg.extract.results import find_results
            results += find_results(text, sents, mentions, field=field)
        except ImportError:
            pass
        try:
            from kg.extract.relations import find_relations
            relations += find_relations(text, sents, mentions, field=field)
        except ImportError:
            pass
    entities = tuple(
        Entity(type=t, name=r["name"], aliases=tuple(sorted(r["aliases"])), role=r["role"],
               confidence=0.9 if r["aliases"] or len(r["mentions"]) > 1 else 0.7, mentions=tuple(r["mentions"]))
        for (t, _), r in ents.items())
    repos = tuple({r.url: r for r in find_repos(paper.title + "\n" + paper.abstract)}.values())
    return PaperExtraction(paper=paper, entities=entities, repos=repos, results=tuple(results), relations=tuple(relations))


def extract_paper(paper: Paper, nlp: Language | None = None) -> PaperExtraction:
    """Extract entities, code links, results and relations from one paper."""
    return next(extract_papers([paper], nlp=nlp))


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return build_nlp()


def extract_papers(papers: Iterable[Paper], *, nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 64) -> Iterator[PaperExtraction]:
    """Stream extractions in input order (``nlp.pipe``; ``n_process>1`` uses processes)."""
    nlp = nlp or _default_nlp()
    pending: list[Paper] = []

    def texts():
        for p in papers:
            pending.append(p)
            yield p.title
            yield p.abstract
    docs = nlp.pipe(texts(), batch_size=batch_size, n_process=n_process)
    for title_doc in docs:
        abstract_doc = next(docs)
        yield _assemble(pending.pop(0), (title_doc, abstract_doc))
