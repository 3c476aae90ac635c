"""Entity and code-link extraction from titles and abstracts, as a spaCy pipeline.

>>> x = extract_paper(Paper(id="1", title="T", abstract="We propose FooNet and test it on ImageNet for image classification."))
>>> sorted((e.type, e.name, e.role) for e in x.entities)
[('Dataset', 'ImageNet', 'used'), ('Method', 'FooNet', 'proposed'), ('Task', 'image classification', None)]
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from operator import itemgetter

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from kg.errors import ExtractError
from kg.extract.affixes import plain_word_affixes
from kg.extract.catalog import catalog_forms, catalog_lookup, load_catalog, mined_names
from kg.extract import entscore
from kg.extract.discover import (COMPONENT_NEXT, enumerated_parts, capitalised_dataset_names, catalog_task_modifier, _TASK_JOIN, _VERBS, appositive_types, definition_context, dataset_lists, headed_names, load_stoplist, load_vague_phrases, long_form_type, load_heads, measure_spans, metric_qualifier, metric_spans, name_chunks, named_part_is_new, proposal_spans, titled_measures,
                                 result_subjects, task_phrases, cued_task_phrases)
from kg.extract.discover import _SENT_END, _SPLIT_PARTS, _SUBJECT_AFTER, _kind, is_name_token, open_task_head
from kg.extract.relations import find_relations
from kg.extract.results import find_results
from kg.extract.scan import WordStarts, finditer_at, has_digit, matches_at, starts_of
from kg.extract.text import find_definitions, find_links, role_of, split_sentences
from kg.models import Entity, Mention, Paper, PaperExtraction

__all__ = ["build_nlp", "extraction_nlp", "lean_vocab", "extract_paper", "extract_papers", "field_mentions", "load_catalog"]


_START_END = itemgetter(1, 2)


@Language.factory("kg_catalog", assigns=["doc.spans"], default_config={"spans_key": "kg_entities"})
def make_catalog(nlp: Language, name: str, spans_key: str):
    # two matchers: forms flagged exact-case (acronyms such as "MAP", "GLUE") and the rest in any case
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[tuple[bool, str], list] = {}
    # the ~12k pattern docs must not fill the tokenizer's chunk cache (10k entries): abstracts would no
    # longer be cached and tokenising them gets ~2x slower
    cache = getattr(nlp.tokenizer, "max_cache_size", None)
    if cache is not None:
        nlp.tokenizer.max_cache_size = 0
    try:
        for typ, canon, form, exact in catalog_forms(load_catalog()):
            groups.setdefault((exact, f"{typ}|{canon}"), []).append(nlp.make_doc(form))
    finally:
        if cache is not None:
            nlp.tokenizer.max_cache_size = cache
    for (exact, key), docs in groups.items():
        (orth if exact else lower).add(key, docs)

    keys: dict[int, list[str]] = {}  # match id -> [type, canonical name]

    def component(doc):
        rows = []
        matches = sorted(lower(doc) + orth(doc), key=_START_END)
        for mid, s, e in matches:
            key = keys.get(mid)
            if key is None:
                key = keys[mid] = nlp.vocab.strings[mid].split("|", 1)
            last = doc[e - 1]  # the offsets Span(doc, s, e).start_char / .end_char give
            rows.append([doc[s].idx, last.idx + len(last), key[0], key[1]])
        # a list, not a dict with tuple keys: user_data must survive msgpack for nlp.pipe(n_process>1)
        doc.user_data["kg_canon"] = rows
        if component.with_spans:
            doc.spans[spans_key] = [Span(doc, s, e, label=row[2]) for (_, s, e), row in zip(matches, rows)]
        return doc
    # kg's own extraction reads only the rows; it sets this to False to skip building the Span objects
    # (kg.parallel); everyone else gets doc.spans[spans_key] as documented
    component.with_spans = True
    return component


TOKENIZER_CACHE = 200_000


def build_nlp(spacy_model: str | None = None) -> Language:
    """``spacy.blank("en")`` (or an installed pipeline ``spacy_model``, name or path) plus the kg components.

    Parameters
    ----------
    spacy_model
        Name or path of an installed spaCy pipeline; its tokenizer and components run before ``kg_catalog``.

    Raises
    ------
    ExtractError
        When ``spacy_model`` is not installed.

    >>> "kg_catalog" in build_nlp().pipe_names
    True
    """
    if spacy_model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(spacy_model)
        except OSError as exc:
            raise ExtractError(f"spaCy model {spacy_model!r} is not installed "
                               f"(try: python -m spacy download {spacy_model})") from exc
    nlp.add_pipe("kg_catalog")
    # the tokenizer caches the analysis of each distinct whitespace-separated chunk up to max_cache_size
    # (spaCy's default 10k); abstracts have far more distinct chunks, and a larger cache makes
    # tokenisation ~30% faster on a stream of thousands of abstracts (a few MB; the tokens are the same)
    if getattr(nlp.tokenizer, "max_cache_size", None) is not None:
        nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, TOKENIZER_CACHE)
    return nlp


def lean_vocab(nlp: Language) -> None:
    """Let ``nlp``'s vocabulary compute only the lower-case form of each new word.

    spaCy runs every lexical attribute getter of the language (23 for English: shape,
    prefix, suffix, norm, like_num, is_stop, ...; Python functions) once per distinct
    word the pipeline meets: about 2 % of kg's extraction CPU on a stream of 100,000 arXiv
    abstracts, more at first (``benchmarks/build_lean_vocab.py``: -4.3 % after 5,120
    papers, -2.2 % after 40,960; same records). kg's blank pipeline (:func:`build_nlp`)
    reads only the token boundaries and the ``LOWER`` and ``ORTH`` attributes (its phrase
    matchers), and has no statistical component that would read the others, so its
    records are the same. Words already in the vocabulary (the catalog's) keep all their
    attributes.

    >>> nlp = spacy.blank("en"); lean_vocab(nlp)
    >>> t = nlp("Faster R-CNN")[0]
    >>> t.lower_, list(nlp.vocab.lex_attr_getters) == [spacy.attrs.LOWER]
    ('faster', True)
    """
    nlp.vocab.lex_attr_getters = {k: f for k, f in nlp.vocab.lex_attr_getters.items() if k == spacy.attrs.LOWER}


def extraction_nlp(spacy_model: str | None = None) -> Language:
    """The pipeline kg's own extraction runs (``kg extract``, ``kg build``, :func:`extract_papers` without ``nlp``).

    :func:`build_nlp` minus work nothing reads: the catalog component writes only its rows
    (no ``doc.spans`` objects), on kg's blank pipeline new words get only their
    lower-case form (:func:`lean_vocab`), and the tokenizer's English affix rules answer
    plain words without their regular expressions (:mod:`kg.extract.affixes`; same tokens).
    The records are the same as with ``build_nlp()``; use :func:`build_nlp` to read
    ``doc.spans`` or lexical attributes yourself.

    >>> nlp = extraction_nlp()
    >>> nlp.get_pipe("kg_catalog").with_spans, "kg_entities" in nlp("BERT on GLUE").spans
    (False, False)
    """
    nlp = build_nlp(spacy_model)
    nlp.get_pipe("kg_catalog").with_spans = False
    if spacy_model is None:
        lean_vocab(nlp)
    plain_word_affixes(nlp.tokenizer)  # only when they are spaCy's English rules
    return nlp


_CONF = {"catalog": 0.9, "definition": 0.85, "proposal": 0.8, "apposition": 0.75, "metric": 0.75, "dataset": 0.7, "mined": 0.6,
         "task": 0.6, "name": 0.5, "part": 0.7}
_PRIO = {k: i for i, k in enumerate(_CONF)}
MentionT = tuple[int, int, str, str]


def _plural_free(name: str) -> str:
    """"LLMs" -> "LLM" (an all-caps acronym's plural), other names unchanged."""
    return name[:-1] if name.endswith("s") and _CAPS_PLURAL.fullmatch(name) else name


_GROUP = re.compile(r"S[EOUL]|[GP]L|Sp|U|O|E")  # Lie groups; not "AR(1)", an autoregressive model
_GROUP_DIM = re.compile(r"\((?:\d{1,2}|[nNdDk])\)")
_CAPS_PLURAL = re.compile(r"[A-Z][A-Z0-9\-]+s")
_FAMILY_SPLIT = re.compile(r"[\-\s]")
_VERSION_END = re.compile(r"[\d.\-\s]+[A-Za-z]?$")
_CAPS_END = re.compile(r"[A-Z]{3,}$")
_DIGIT = re.compile(r"(?<![A-Za-z])\d")  # a number, not the digit of a name ("FP8", "Llama2")
# a list marker ("(3) slower inference time", "2) the training cost") is no number of a measure
_ENUM_DIGIT = re.compile(r"(?<![A-Za-z])(?:(?<=\()\d{1,2}\)|(?<![\w.,])\d{1,2}\)(?=\s))")


def _number_in(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a number other than a list marker "(3)" or "3)".

    >>> _number_in("(1) faster and (2) cheaper", 0, 26), _number_in("(1) 20% faster", 0, 14)
    (False, True)
    """
    for m in _DIGIT.finditer(text, a, b):
        if not _ENUM_DIGIT.match(text, m.start()):
            return True
    return False
_URLISH = re.compile(r"(?:https?://|www\.)[^\s)\]]*[^\s.,;:)\]]|"
                     r"\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|io|ai|net|co|science|edu|dev)/(?:[^\s)\]]*[^\s.,;:)\]])?")
_URLISH_TLD = tuple(f".{t}/" for t in ("com", "org", "io", "ai", "net", "co", "science", "edu", "dev"))


def _mask_links(text: str) -> str:
    """``text`` with every ``_URLISH`` match blanked (same length), the pattern tried only where a match can begin:
    at "http"/"www." and in the run of word characters, "-" and "." before a ".com/" (".org/", ...).

    >>> _mask_links("See www.x.org, foo-bar.example.com/x/y. Done")
    'See          ,                        . Done'
    """
    starts = starts_of(text, ("http", "www."))
    for p in starts_of(text, _URLISH_TLD):
        q = p
        while q and (text[q - 1].isalnum() or text[q - 1] in "_-."):
            q -= 1
        starts.extend(range(q, p))
    starts.sort()
    found = matches_at(_URLISH, text, starts)  # = _URLISH.finditer(text)
    if not found:
        return text
    out, last = [], 0
    for m in found:
        out += (text[last:m.start()], " " * (m.end() - m.start()))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_SQUASH = re.compile(r"[\s\-_./]+")
_DS_NOUN_AFTER = re.compile(r"\)\s*(?:datasets?|benchmarks?|corpus|corpora)\b(?!-)", re.I)  # right after the bracket
# a part of a method right after the bracket: "a Context-Aware Region Enhancement (CARE) module" (not "model",
# "system", "network": "a named entity recognition (NER) model" is a model for the task)
_PART_AFTER = re.compile(r"\)\s*(?:modules?|blocks?|layers?|mechanisms?|components?|units?|heads?|branch(?:es)?|"
                         r"strateg(?:y|ies)|loss(?:es)?)\b(?!-)", re.I)
# the head of a part of a method ("... Module", "... block"), and the part nouns after a defined name's bracket
_PART_HEAD = re.compile(r"\s(?:modules?|blocks?|branch(?:es)?)$", re.I)
_EXISTING_BEFORE = re.compile(r"\b(?:such\s+as|e\.g\.|like|including|existing|conventional|standard|classic(?:al)?)\b[^.;:]*$",
                              re.I)
_OWN_PART_AFTER = re.compile(r"\)\s*(?:modules?|blocks?|branch(?:es)?)\b(?!-)", re.I)
# an undefined name right before a part noun ("integrates a GLoRA module", "the WSF and AWF modules")
_PART_NEXT = re.compile(r"(?:\s+and\s+[A-Z][\w\-]*)?\s+(?:modules?|blocks?)\b(?!-)")
_MODEL_VARIANT = re.compile(r"\d(?![\d.]*[kK]\b)")  # a digit, not of a count of examples ("57k")
_DATASET_PIECE = re.compile(r"(?:QA|Bench|Eval|Arena|Corpus|Suite|Bank)(?![a-z])")
# "...QA", "...Bench", "FooEval-2"; a count of thousands of items ("FooCase-200K", "Bar-E-1.5k"; not "-600M": parameters)
_DATASET_NAME = re.compile(r"(?:QA|Bench|Benchmark|Dataset|Eval|Arena|Set|Corpus|Data|Suite|Bank)(?:[\-\s]?v?\d+(?:\.\d+)?)?$"
                           r"|[A-Za-z][\-_]\d+(?:\.\d+)?[Kk]$")


def _lookup(name: str) -> tuple[str, str] | None:
    """:func:`catalog_lookup` (case rules kept: "GLUE" is exact-case, so "glue" is no dataset), "/" ignored too."""
    return catalog_lookup(name.replace("/", "")) if "/" in name else catalog_lookup(name)


def _type_of_name(name: str) -> tuple[str, str | None, bool]:
    """Type of an unknown name chunk: the catalog entry of it or of its family ("ResNet-18" -> ResNet, "spBLEU"
    -> BLEU), a dataset naming convention ("...QA", "...Bench"), a measure's ("...Score"), else Method. Also the
    catalog canonical name when it is one, and whether the catalog decided.

    >>> _type_of_name("FooQA"), _type_of_name("BarNet-7"), _type_of_name("FOO 2016"), _type_of_name("BazScore")
    (('Dataset', None, False), ('Method', None, False), ('Dataset', None, False), ('Metric', None, False))
    """
    hit = _lookup(name)
    if hit:
        return (*hit, True)
    key = _SQUASH.sub("", name.lower())
    for fam in (_FAMILY_SPLIT.split(name, 1)[0], _VERSION_END.sub("", name)):
        k = _SQUASH.sub("", fam.lower())
        if (len(k) >= 3 or fam.isupper() and len(k) == 2) and k != key:
            hit = _lookup(fam)
            if hit and hit[0] != "Task":  # a task's acronym opening a name is no family: "T2V-FooBench"
                return hit[0], None, True
    tail = _CAPS_END.search(name)
    if tail and tail.start() > 0 and (_lookup(tail[0]) or ("",))[0] == "Metric":
        return "Metric", None, True
    if name.endswith(("Score", "score")) and _METRIC_NAME.search(name):
        return "Metric", None, False
    return ("Dataset" if _DATASET_NAME.search(name) or _YEAR_END.search(name) or _bench_named(name)
            else "Method"), None, False


def _bench_named(name: str) -> bool:
    """Whether a benchmark names ``name`` with a part after it ("FooBench-Hard", "Bar-Bench-v2-Lite").

    >>> _bench_named("FooBench-Hard"), _bench_named("Omni3D-Bench"), _bench_named("BenchNet"), _bench_named("Benchy")
    (True, True, False, False)
    """
    return "Bench" in name and _BENCH_PIECE.search(name) is not None


# a name glued to "Score" is a measure: "HarmScore", "AQAScore", "TH-Score", "FooQA-Score" (not "Score-CAM", "Scorer")
_METRIC_NAME = re.compile(r"[A-Za-z0-9]-?(?:Score|score)$")
_BENCH_PIECE = re.compile(r"[A-Za-z0-9]-?Bench(?![a-z])")  # "FooBench-Hard", "Omni3D-Bench" (not "Benchy", "BenchNet")
_YEAR_END = re.compile(r"(?<![\d.])(?:19[89]\d|20[0-4]\d)$")
_VAGUE_METRIC = frozenset({"accuracy", "precision", "recall", "efficiency", "robustness", "quality", "speed",
                           "latency", "throughput", "error", "performance", "fidelity", "coverage",
                           "structural similarity", "success", "accuracies", "latencies", "sample efficiency"})  # "preserving structural similarity" of molecules: no SSIM
# generic catalog measures (canonical names) that count only in a sentence with a number
_CONTEXT_METRIC = frozenset({"model size", "training time", "inference time", "memory usage", "computational cost",
                             "communication cost", "number of parameters", "power consumption", "detection rate",
                             "failure rate", "acceptance rate", "completion rate", "conversion rate",
                             "training cost", "inference cost", "Kullback-Leibler divergence",
                             "maximum mean discrepancy"})
# catalog costs: no entity of their own (a cost is no named measure; results still take them as their metric) unless
# a value changes it right there: "reduces the computational cost by about 20%", "reducing training cost (up to 75%)"
_COST_METRICS = frozenset({"computational cost", "training cost", "inference cost"})
_COST_VALUED = re.compile(r"s?\s+(?:by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|roughly\s+|"
                          r"around\s+|more\s+than\s+|a\s+factor\s+of\s+)?|\((?:up\s+to\s+|by\s+)?)\d")
# a measure compared without a value: "higher detection rates compared to its competitors", "superior accuracy than"
_COMPARED_BEFORE = re.compile(r"\b(?:higher|lower|improved|better|superior|comparable|reduced|increased|worse|greater)\s+"
                              r"(?:[a-z][\w\-]*\s+)?$")
_COMPARED_AFTER = re.compile(r"s?\s+(?:than|compared\s+(?:to|with)|relative\s+to|over)\b")
# the measure compared as the subject of its clause: "The detection rate for our attacks is slightly lower than"
_COMPARED_AS_SUBJECT = re.compile(r"s?(?:\s+(?:for|of|on|in)\s+[^.;:,()]{1,60}?)?\s+(?:is|are|was|were|remains?|remained)\s+"
                                  r"(?:\w+ly\s+)?(?:lower|higher|better|worse|comparable|similar|superior|inferior|"
                                  r"greater|smaller)\s+(?:than|to)\b")
_ARTICLES = ("a ", "an ", "the ")
# a catalog measure written as an acronym ("HR", "R2", "SER", "MAE"), and another name it can be glued into
_METRIC_ACRONYM = re.compile(r"[A-Z][A-Z0-9&²³^@]{1,5}s?")
_NAME_AFTER = re.compile(r"-[A-Z][a-z]{2,}")
_NAME_BEFORE = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9]*-$")
_METRIC_MODIFIES = re.compile(r"-(?:based|guided|driven|aware|regularized|regularised|weighted|style|like|inspired|"
                              r"constrained|conditioned|normalized|normalised)\b")
# "no-regret learning", "No-Regret Dynamics": a class of algorithms, no regret measured
_NO_REGRET = re.compile(r"(?<![\w\-])[Nn]o[\s\-]$")
_MINIMIZATION = re.compile(r"[\s\-]+[Mm]inimi[sz]ation\b")
# a measure naming the kind of data, model or study it modifies: "energy consumption datasets", "perplexity analysis",
# "accuracy estimation errors" - no value of the measure is reported there
_METRIC_NOUN_AFTER = re.compile(r"\s+(?:data|datasets?|corpus|corpora|analysis|analyses|models|modell?ing|"
                                r"estimation|estimators?|forecasting|predictors?)\b(?!-)")
_TWO_LETTERS = re.compile(r"[A-Z]{2}s?")  # "HR", "AP", "EM", "APs": too short to be the measure without evidence
# a measure named where the text says what is measured, with or without a value: after "in terms of", "measured
# by", "metrics such as" (through the list it opens), before "... metrics"/"scores", or "outperforms X in precision"
_MEASURE_CUE = re.compile(r"(?:\bin\s+terms\s+of|\bwith\s+respect\s+to|\bw\.r\.t\.|\b(?:measured|evaluated|assessed|"
                          r"quantified|benchmarked|compared)\s+(?:by|with|using|via|in\s+terms\s+of|on)|\b(?:metrics?|"
                          r"measures?|criteria)\s*(?:\(|,\s*)?(?:such\s+as|including|like|namely|e\.g\.,?|:))\s+"
                          r"(?:the\s+|both\s+)?|\b(?:metrics|measures|criteria)\s*\(\s*")
_OUTPERFORMS_IN = re.compile(r"\b(?:outperform|surpass|exceed|beat)\w*\s+[^.;:!?()]{0,80}?\s+in\s+(?:both\s+)?")
# "higher accuracy and lower latency than": a compared measure in a list that the comparison closes
_ITEMS_THEN_COMPARED = re.compile(r"s?(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[\w\-@]+(?:\s+[\w\-@]+){0,3}){1,3}"
                                  r"\s+(?:than|compared\s+(?:to|with)|relative\s+to)\b")
# the items of a list before the measure: "accuracy, inference time and" (each at most four words)
_MEASURE_ITEMS = re.compile(r"(?:[\w\-@]+(?:\s+[\w\-@]+){0,3}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
                          r"(?:the\s+)?){0,4}")
_ITEMS_THEN_CUE = re.compile(r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[\w\-@]+(?:\s+[\w\-@]+){0,3}){0,4}"
                            r"\s+(?:(?!(?:across|on|in|of|for|by|with|all|both|and|or|the|these|those|other|such|as|to|"
                            r"from|under|over|using|via|two|three|several|multiple|different|various)\b)[a-z]+\s+)?"
                            r"(?:metrics?|measures?|scores)\b")
# catalog measures whose word is common in other senses ("sensitivity to noise", "a sensitivity analysis"): a
# measure only next to its value ("a sensitivity of 97.6%", "98.1% sensitivity") or beside its pair ("specificity")
_VALUE_BOUND = {"sensitivity": "specificity"}
_NOT_VALUE_BOUND = re.compile(r"\s+(?:to|towards?|analys[ie]s|stud(?:y|ies)|parameters?|indices)\b")
_VALUE_AFTER = re.compile(r"\s*(?:of|=|:|was|is|reached|\()?\s*(?:about\s+|up\s+to\s+|over\s+)?\d")
_PCT_BEFORE = re.compile(r"\d\s*(?:\\?%|percent)\s*\)?\s+(?:task\s+)?$")
_VALUE_BEFORE = re.compile(r"\d\s*(?:\\?%|points?)?\s+(?:higher\s+|lower\s+)?$")
# measures that are training losses too ("Dice loss", "KL loss", "MSE loss"); "accuracy loss" is a drop in accuracy
_LOSS_METRICS = frozenset({"Dice coefficient", "intersection over union", "Kullback-Leibler divergence",
                           "structural similarity index", "Chamfer distance", "LPIPS", "mean squared error",
                           "mean absolute error", "regret", "maximum mean discrepancy"})
_LOSS_AFTER = re.compile(r"[\s\-]+(?:[Ff]ocal\s+)?(?:[Ll]oss(?:es)?|LOSS|objectives?)\b")
# a bare "top-1"/"top-5" is the accuracy only when no other noun follows ("the top-1 logit", "top-5 predictions")
_NEXT_WORD_AT = re.compile(r" [A-Za-z]+")
_TOP_K = re.compile(r"(?:[Tt]op|[Rr]ank)-?\d+$")
_TOP_K_NOUN = re.compile(r"\s+(?!(?:accuracy|accuracies|acc|error|errors|and|or|on|in|of|by|with|at|than|for|over|to|"
                         r"from|improvements?|gains?|increases?|drops?|scores?|performance|validation|test|"
                         r"classification)\b)[a-z]{2,}(?![\w\-]*\s+(?:accuracy|acc|error)\b)")
# a number format before "precision" ("full / half / mixed / FP16 / 8-bit integer precision"), not the measure
_NUMBER_FORMAT = re.compile(r"(?:\b(?:full|half|mixed|single|double|low|lower|reduced|numerical|numeric|integer|fixed|"
                            r"floating|floating-point|arbitrary|machine|bit|bits)|\b[A-Za-z]{2,4}\d{1,2}|\d-bits?)\s+$",
                            re.I)
# "a new metric, Kinetic Path Energy (KPE)", "the proposed score, called X (Y)"
_METRIC_BEFORE = re.compile(r"\b(?:metrics?|measures?|scores?|criteri(?:on|a)|indicators?)\s*[,:]?\s*(?:called\s+|named\s+|"
                            r"termed\s+|dubbed\s+)?(?:the\s+)?$")
# generic model families (catalog canonical names, lower case): a family named only as a modifier is no entity
_FAMILIES = frozenset({"transformer", "convolutional neural network", "recurrent neural network", "graph neural network",
                       "large language model", "multilayer perceptron", "diffusion model", "neural network",
                       "deep neural network", "attention mechanism", "vision-language model", "language model"})
_AS_MODIFIER = ("-based", "-style", "-like", "-inspired", "-driven", "-powered", "-type")
# learning paradigms named bare: the field a paper works in, not a method it uses or proposes (the gold guide
# lists "reinforcement learning" as a family, optional at best); "offline RL", "deep Q-learning" stay
_PARADIGMS = frozenset({"reinforcement learning", "representation learning", "transfer learning"})
# a catalog method qualified by a compound modifier or by capitalised words of a longer name ("a spatial-temporal
# variational autoencoder", "leverages Supervised Contrastive Loss", "the Attentive CNN"): the qualified form is kept
# as an alias (the most specific form the text writes); not after generic modifiers
_QUAL_HYPHEN = re.compile(r"(?<![\w\-/.])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+ $")
_QUAL_CAPS = re.compile(r"(?<=[a-z0-9,;(] )(?:[A-Z][a-z]+(?:-[A-Za-z]+)* ){1,3}$")
_GENERIC_QUAL = frozenset("pre-trained fine-tuned fine-tune pre-train state-of-the-art large-scale small-scale "
                          "high-quality open-source end-to-end off-the-shelf well-known so-called widely-used "
                          "well-established time-consuming real-time zero-shot few-shot one-shot light-weight "
                          "hand-crafted built-in high-performance low-cost full-scale task-specific general-purpose "
                          "domain-specific non-linear re-trained instruction-tuned open-weight closed-source "
                          "cutting-edge large-sized small-sized medium-sized high-dimensional low-dimensional".split())
_GENERIC_QUAL_END = ("-efficient", "-free", "-agnostic", "-world", "-written", "-optimized", "-layer", "-friendly",
                     "-intensive", "-consuming", "-scale", "-quality", "-source", "-art", "-known", "-called", "-used",
                     "-shot", "-time", "-answering", "-safe", "-sized", "-specific", "-purpose", "-tuned", "-trained")
_QUAL_STOP_LOW = frozenset("the our their its this that these those a an and or of for with from by via using on in to "
                           "as at into over than under across within without between among through toward towards after before "
                           "during beyond against versus is are was were be can standard vanilla original existing "
                           "conventional traditional pretrained pre-trained single multiple simple lightweight "
                           "proposed enhanced improved modified".split())
_QUAL_STOP = frozenset("Using Via With For From And Or The A An In On Of To By As At Our Its Their This That "
                       "These Those We It Based".split())


def _catalog_head(text: str, s: int, e: int) -> int | None:
    """Start of the longest catalog Metric that ends the discovered measure ``text[s:e]`` after one or more of its
    words ("detection accuracy" -> "accuracy", "average response length" -> none, "token-level F1 score" -> "F1
    score").

    >>> t = "the detection accuracy, token-level F1 score and response length"
    >>> t[_catalog_head(t, 4, 22):22], t[_catalog_head(t, 24, 44):44], _catalog_head(t, 49, 64)
    ('accuracy', 'F1 score', None)
    """
    for m in re.finditer(r" (?=\S)", text[s:e]):
        h = s + m.end()
        hit = _lookup(text[h:e])
        if hit is not None and hit[0] == "Metric" and (hit[0], hit[1]) not in mined_names():
            return h
    return None


def _measuring_context(text: str, s: int, e: int, a: int = 0) -> bool:
    """Whether the measure ``text[s:e]`` stands where the text says what is measured (see ``_MEASURE_CUE``), the
    sentence starting at ``a``.

    >>> t = "We compare them in terms of accuracy and latency. Its accuracy and F1 scores rise. It is accurate."
    >>> [_measuring_context(t, i, i + n) for i, n in ((28, 8), (41, 7), (54, 8))]
    [True, True, True]
    >>> t = "It outperforms prior methods in precision. Accuracy matters. It has higher accuracy and speed than X."
    >>> _measuring_context(t, 32, 41), _measuring_context(t, 43, 51, 43), _measuring_context(t, 75, 83, 61)
    (True, False, True)
    """
    q = metric_qualifier(text, s)
    q = s if q is None else q
    if _ITEMS_THEN_CUE.match(text, e) or (_COMPARED_BEFORE.search(text, max(a, q - 30), q)
                                          and _ITEMS_THEN_COMPARED.match(text, e)):
        return True
    for cue in (_MEASURE_CUE, _OUTPERFORMS_IN):
        for m in cue.finditer(text, max(a, s - 160), q):
            if _MEASURE_ITEMS.fullmatch(text, m.end(), q):
                return True
    return False


def _qualified(text: str, s: int, caps: bool = True) -> int | None:
    """Start of the qualifier written right before the catalog method at ``s`` (see ``_QUAL_HYPHEN``), if any;
    capitalised words only with ``caps`` (not in a title, where every word is capitalised).

    >>> t = "with a spatial-temporal variational autoencoder, leverages Supervised Contrastive Loss; a pre-trained BERT"
    >>> [t[_qualified(t, t.find(w)):t.find(w) + len(w)] for w in ("variational", "Contrastive")]
    ['spatial-temporal variational', 'Supervised Contrastive']
    >>> _qualified(t, t.find("BERT")) is None
    True
    """
    if text[s - 1:s] != " ":
        return None
    pre = text[max(0, s - 48):s]
    m = _QUAL_HYPHEN.search(pre)
    if m:
        q = m[0][:-1].lower()
        if q in _GENERIC_QUAL or q.endswith(_GENERIC_QUAL_END):
            return None
        if q.endswith(_AS_MODIFIER):  # "reinforcement learning-based MAB": the modifier opens a word earlier
            prev = pre[:m.start()].rsplit(None, 1)[-1:]
            if prev and prev[0].isalpha() and prev[0].islower() and prev[0] not in load_heads()["Stop"]:
                return None
        return s - len(m[0])
    if caps and text[s:s + 1].isupper():
        m = _QUAL_CAPS.search(pre)
        if m:
            words = m[0].split()
            while words and words[0] in _QUAL_STOP:
                words.pop(0)
            prev = pre[:m.start()].rsplit(None, 1)[-1:]
            prev = prev[0].lstrip("(\"'") if prev else ""
            # the run is the whole name: not "Backbone PPO" inside "(Shared Backbone PPO)"
            if words and words[-1] not in _QUAL_STOP and not (prev[:1].isupper() and prev not in _QUAL_STOP):
                return s - len(" ".join(words)) - 1
    return None


_SENT_START = re.compile(r"[.!?]\s+$")
_WORD_AT_END = re.compile(r"(?<![\w\-])([A-Za-z][\w\-]*[a-z0-9]) $")


def _noun_qualifier(text: str, s: int) -> int | None:
    """Start of one word written right before the lower-case catalog method at ``s`` that names a variant of it by
    its kind of data, modality or setting (``load_heads()["MethodQualifier"]``): "the video diffusion transformer",
    "Visual instruction tuning of ...", "graph prompt learning"; not one of several describing words ("a deep video
    diffusion transformer").

    >>> t = "we adapt the video diffusion transformer, a standard diffusion transformer and a deep video diffusion transformer"
    >>> [_noun_qualifier(t, t.find("diffusion", i)) for i in (0, 50, 80)]
    [13, None, None]
    """
    m = _WORD_AT_END.search(text, max(0, s - 30), s)
    if m is None or m[1].lower() not in load_heads()["MethodQualifier"]:
        return None
    q = m.start(1)
    before = _WORD_BEFORE.search(text, max(0, q - 30), q)
    if m[1][0].isupper() and not (q == 0 or _SENT_START.search(text, max(0, q - 3), q)):
        return None  # "Graph Prompt ..." inside a capitalised name; a capital only at a sentence start
    if before and before[1] and before[1].lower() not in load_heads()["Stop"] and before[1].lower() not in _QUAL_STOP_LOW:
        return None  # another word before it: the qualifier is one of several ("a deep video diffusion ...")
    return q


_LOW_WORD_BEFORE = re.compile(r"(?<![\w\-/.])([A-Za-z][a-z]{2,}) $")
_WORD_BEFORE = re.compile(r"(?:[,;:(\[]|([\w\-]+))\s+$")  # the token before a word; group 1 None after punctuation


def recurring_qualifier(text: str, s: int, e: int, title_low: str, abstract_low: str) -> int | None:
    """Start of a one-word qualifier before the catalog method at ``text[s:e]`` when the paper uses the qualified
    phrase as a term of its own: in the title and the abstract, or twice in the abstract ("a modality dropout
    strategy" under the title "... and Modality Dropout"; "video diffusion transformers" twice). Function words,
    verbs and describing words do not recur as one phrase with the name the way a term does; a few that do are
    excluded (load_heads()["Stop"], "the", numbers).

    >>> t = "We use a modality dropout. With modality dropout and dropout, a standard dropout helps."
    >>> recurring_qualifier(t, 18, 25, "", t.lower()), recurring_qualifier(t, 75, 82, "", t.lower())
    (9, None)
    """
    m = _LOW_WORD_BEFORE.search(text, max(0, s - 30), s)
    if m is None or text[e:e + 1] == " " and text[e + 1:e + 2].isupper():
        return None  # nor when the name goes on ("Dependency Transformer Grammars")
    low = text[m.start(1):e].lower()
    if not (abstract_low.count(low) >= 2 or low in title_low and low in abstract_low):
        return None  # (plain substring counts first: most qualified phrases stand once)
    word, stop = m[1].lower(), load_heads()["Stop"]
    if word in stop or word in _QUAL_STOP_LOW or word.endswith(("ing", "ly")):
        return None
    # the qualifier opens the noun phrase: not a word cut from a longer name ("Mixed Sample Knowledge Distillation",
    # "Multi Cost SVM", "short-to-long term knowledge distillation")
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start(1))
    if before and not (before[1] is None or before[1].lower() in stop or before[1].lower() in _QUAL_STOP_LOW):
        return None
    phrase = re.compile(rf"(?<![\w\-]){re.escape(low)}(?![\w\-])")
    if phrase.search(title_low) and phrase.search(abstract_low) or len(phrase.findall(abstract_low)) >= 2:
        return m.start(1)
    return None


# a capitalised name ending in a capitalised method head, in running text ("the Dynamic Pixel Attention Module",
# "combines X with the Reid Technique", "Incorrect Fact Injection and Dark Traits Injection"): a name without a
# determiner or acronym; not a catalog name or a field ("Deep Neural Networks"), nor a run that goes on ("Equilibrium
# Policy Generalization (EPG)": the definition names it)
_TITLED_HEADS = tuple(f" {h}" for h in (
    "Regularization", "Technique", "Normalization", "Sampling", "Distillation", "Attention", "Loss", "Decomposition",
    "Encoding", "Embedding", "Embeddings", "Pruning", "Quantization", "Augmentation", "Module", "Encoder", "Decoder",
    "Sampler", "Controller", "Controllers", "Injection", "Filter", "Fusion", "Pooling", "Adapter", "Head", "Block",
    "Network", "Mechanism", "Algorithm", "Transformer"))
_TITLED_STARTS = WordStarts(_TITLED_HEADS)  # one scan for the spaces, not a str.find per head
_TITLED_BEFORE = re.compile(r"(?<=[a-z0-9,;:(] )(?:[A-Z][a-z]+(?:-[A-Za-z]+)* ){1,4}$")
_TITLED_AFTER = re.compile(r"[,;:.)]| (?!(?:for|of|with|in|on) [A-Z])[a-z]|$")
_TITLED_OPEN = re.compile(r"(?:[A-Z][\w\-]* (?:of|for|with|on|in|&) |[A-Z][\w\-]*[A-Z0-9][\w\-]* )$")


def titled_heads(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised names of two to five words ending in a capitalised method head, inside a sentence.

    >>> t = ("It joins the Heima Decoder with the Reid Technique, unlike Deep Pixel Attention (DPA) or a Fusion Module X, "
    ...      "or EWAD (Entropy Weighted Agreement Aware Distillation).")
    >>> [t[s:e] for s, e in titled_heads(t)]
    ['Heima Decoder', 'Reid Technique']
    """
    out = []
    for p in _TITLED_STARTS(text):
        e = text.find(" ", p + 1)
        e = len(text) if e == -1 else e
        while text[e - 1] in ",;:.)":
            e -= 1
        if text[p:e] not in _TITLED_HEADS or not _TITLED_AFTER.match(text, e):
            continue
        m = _TITLED_BEFORE.search(text, max(0, p - 80), p + 1)
        if m is None or m[0].split(None, 1)[0] in _QUAL_STOP or _TITLED_OPEN.search(text, max(0, m.start() - 30),
                                                                                      m.start()):
            continue  # the name opens earlier: "Homological Observation of [Latent Embeddings]", "m3BERT [...]"
        prev = text[max(0, m.start() - 30):m.start()].rsplit(None, 1)[-1:]
        prev = prev[0].lstrip("(\"'0123456789)") if prev else ""
        if prev[:1].isupper() and prev not in _QUAL_STOP and not prev.endswith((",", ";")):
            continue  # longer than five words, or after a bracket: "(Entropy [Weighted Agreement Aware Distillation])"
        out.append((m.start(), e))
    return out


_FORMER = re.compile(r"(?<![\w\-])[A-Z][a-z]+former(?=s?(?![\w\-]))")  # "Emformer", "Hiformer" too


def former_names(text: str) -> list[tuple[int, int]]:
    """Spans of one-word names built on "-former" ("Paraformer", "Hyperformer", "Geoformer"): a model's name even
    without the inner capital a name token needs; "Transformer" is the catalog's.

    >>> t = "We compare Paraformer and Hyperformers with a Transformer and Emformer; the former wins."
    >>> [t[s:e] for s, e in former_names(t)]
    ['Paraformer', 'Hyperformer', 'Emformer']
    """
    out = []
    for p in starts_of(text, ("former",)):
        i = p
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        m = _FORMER.match(text, i)
        if m and m.end() == p + 6 and m[0] != "Transformer":
            out.append(m.span())
    return out


_AT_PHASE = re.compile(r"\b(?:[Aa]t|[Dd]uring)\s+$")
_MODIFIES = re.compile(r"[\s\-]+(?:scaling|compute|computation|techniques?|methods?|strateg(?:y|ies)|algorithms?|"
                       r"approach(?:es)?|optimi[sz]ation|budgets?|search|augmentation|adaptation|intervention|reasoning|"
                       r"constraints?|bounds?|trade-?offs?|[A-Z][a-z]+)\b")
# a LaTeX command, with the key of a citation or reference ("\\citep{brown2020language}": no model name)
_LATEX = re.compile(r"\\(?:cite[a-z]*|ref|eqref|label)\*?\{[^{}]*\}|\\[A-Za-z]+\*?|[{}$]")


# a task noun right after the bracket of a definition: "a new Foo Bar Assessment (FBA) task", "the ... (BKR) problem"
# (singular: "the (PDE) problems", "(LH) tasks" are of a kind, not one task)
_TASK_RIGHT_AFTER = re.compile(r"\)\s*(?:task|problem)\b(?!-)")
_FORMULATION_END = re.compile(r"(?:[Pp]rogramming|[Mm]inimi[sz]ation|[Oo]ptimi[sz]ation)$")  # a problem's formulation
_TASK_NOUN_AFTER = re.compile(r"\)?[^.;()]{0,40}?\b(?:task|problem|setting|challenge)s?\b")


def _task_name(phrase: str) -> str:
    """A task phrase in lower case, its acronyms kept ("PET image denoising", "COVID-19 detection").

    >>> _task_name("Image Denoising"), _task_name("PET Image Denoising")
    ('image denoising', 'PET image denoising')
    """
    return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in phrase.split(" "))


def _generic(canon: str) -> bool:
    """Whether a catalog name is a lower-case technique, task or field ("supervised fine-tuning" for "SFT"): before
    "dataset" it describes the data ("our SFT dataset", "a RAG benchmark"), it does not name it.

    >>> _generic("supervised fine-tuning"), _generic("Ego4D"), _generic("COCO")
    (True, False, False)
    """
    return canon.islower()


_OWN_INTRODUCES = re.compile(r"(?<![\w\-])([\w\-]+)\s+(?:also\s+|further\s+|then\s+|additionally\s+)?(?:introduces|"
                             r"proposes|presents|designs|devises|develops)\s+(?:an?\s+|the\s+)?(?:novel\s+|new\s+)?"
                             r"(?:[a-z][\w\-]*\s+){0,2}$")


def _title_cased(phrase: str) -> bool:
    """Whether every word of ``phrase`` longer than three letters opens with a capital (two words at least).

    >>> _title_cased("Mixture of Reasoning"), _title_cased("Multi-hop video grounding"), _title_cased("Grounding")
    (True, False, False)
    """
    words = phrase.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3)


def _whole_word_at(text: str, word: str) -> list[int]:
    """Starts of ``word`` in ``text`` not glued to a word character or hyphen on either side (the regex
    ``(?<![\\w-])word(?![\\w-])`` without compiling one pattern per word).

    >>> _whole_word_at("ViT, ViTs, Foo-ViT and ViT.", "ViT")
    [0, 23]
    """
    out, i, n = [], text.find(word), len(word)
    while i != -1:
        before, after = text[i - 1:i], text[i + n:i + n + 1]
        if (not before or not (before.isalnum() or before in "_-")) and (
                not after or not (after.isalnum() or after in "_-")):
            out.append(i)
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)
    return out


_STEM_WORD = re.compile(r"[a-z]{3,}")


@lru_cache(maxsize=1)
def _long_forms() -> dict[tuple[str, str], frozenset[str]]:
    """(type, canonical name) -> the words (plural "s" stripped) of its multi-word forms."""
    out: dict[tuple[str, str], set[str]] = {}
    for r in load_catalog():
        for form in (r["name"], *r.get("aliases", ())):
            if " " in form or "-" in form:
                out.setdefault((r["type"], r["name"]), set()).update(w.rstrip("s") for w in _STEM_WORD.findall(form.lower()))
    return {k: frozenset(v) for k, v in out.items()}


_GENERIC_STEMS = frozenset({"netw", "mode", "lear", "algo", "meth", "fram", "syst", "arch", "mech", "modu", "appr",
                            "base", "deep", "neur"})


def _other_expansion(long_form: str, hit: tuple[str, str]) -> bool:
    """Whether ``long_form`` spells out an acronym differently from the catalog entry ``hit`` it matched:
    no word in common with the entry's long forms ("Sharpness-Aware Minimization" vs Segment Anything Model).

    >>> _other_expansion("Sharpness-Aware Minimization", ("Method", "Segment Anything Model"))
    True
    >>> _other_expansion("convolutional neutral network", ("Method", "convolutional neural network"))
    False
    >>> _other_expansion("Domain Meta Network", ("Method", "Dynamic Memory Network"))
    True
    >>> _other_expansion("Multi-Dimensional Concept Discovery", ("Method", "maximum classifier discrepancy"))
    True
    """
    full = _long_forms().get(hit)
    if not full:
        return False
    # generic heads say nothing: "Domain Meta Network (DMN)" is not the Dynamic Memory Network
    mine = [w.rstrip("s") for w in _STEM_WORD.findall(long_form.lower()) if w[:4] not in _GENERIC_STEMS]
    if not mine:
        return False
    if {w[:4] for w in full}.isdisjoint(w[:4] for w in mine):
        return True
    # four letters can meet by chance ("Concept Discovery" / "Classifier Discrepancy"): then a word must begin the
    # other ("convolution" / "convolutional", "bench" / "benchmark")
    return not any(a.startswith(b) or b.startswith(a) for a in full for b in mine)


def _sentence_of(text: str, sentences: list[tuple[int, int]] | None, pos: int) -> tuple[int, int]:
    """The span of the sentence holding ``pos`` (``sentences`` from :func:`split_sentences`, computed when ``None``).

    >>> _sentence_of("A b. C d.", None, 6)
    (5, 9)
    """
    sents = sentences if sentences is not None else split_sentences(text)
    return next(((a, b) for a, b in sents if a <= pos < b), (0, len(text)))


def _redefined(abstract: str, form: str, hit: tuple[str, str]) -> bool:
    """Whether the abstract spells out the acronym ``form`` (a title's catalog match) as something else than the
    catalog entry ``hit``: "MOS: Model Surgery for ..." with "MOdel Surgery (MOS)" is no mean opinion score.

    >>> _redefined("We propose MOdel Surgery (MOS).", "MOS", ("Metric", "mean opinion score"))
    True
    >>> _redefined("Listeners gave a mean opinion score (MOS).", "MOS", ("Metric", "mean opinion score"))
    False
    """
    if not (form.isupper() and f"({form})" in abstract):
        return False
    for ls, le, ss, se in find_definitions(abstract):
        if abstract[ss:se] == form:
            lf = abstract[ls:le]
            lf_hit = catalog_lookup(lf)
            return (lf_hit or ("", ""))[1] != hit[1] and (lf_hit is not None or _other_expansion(lf, hit))
    return False


# well-known model families whose checkpoints are cited by lower-case ids ("gpt-4o-mini", "qwen2.5-7b-instruct")
_LOWER_FAMILIES = ("gpt", "claude", "llama", "qwen", "mistral", "mixtral", "gemma", "deepseek", "gemini", "olmo",
                   "falcon", "vicuna", "phi", "roberta", "deberta", "flan-t5", "t5", "bart", "bert", "bloom")
_LOWER_MODEL = re.compile(r"(?<![\w\-/.])(?:" + "|".join(_LOWER_FAMILIES) + r")(?:[\-.]?\d|-[a-z]+-\d)[\w.]*"
                          r"(?:-(?!based|like|style|level|generated|written)[a-z0-9][\w.]*)*(?<![.\-])")

_COINED = re.compile(r"[\-+A-Z]")

# a model family's checkpoint written past the name the catalog or a name chunk ends at: a tier word, a version
# after a tier word ("Claude Sonnet 4.6", "Mistral Small 3.1", "Gemini-1.5-pro", "Llama 3 70B Instruct") or a size
# tag ("Qwen3:8B", "Gemma3:27B", "DeepSeek-V3 671B"); the catalog lists only some checkpoints of each family
_MODEL_FAMILIES = ("GPT", "Claude", "Gemini", "Gemma", "Llama", "LLaMA", "Qwen", "Mistral", "Mixtral", "Ministral",
                   "Codestral", "Pixtral", "DeepSeek", "Phi", "Grok", "OLMo", "Falcon", "InternLM", "InternVL", "GLM",
                   "ChatGLM", "Kimi", "LLaVA", "Nemotron", "Granite", "MiniCPM", "Baichuan", "CodeLlama", "Code Llama",
                   "StarCoder", "Yi", "Command", "Hunyuan", "ERNIE", "SmolLM", "Aya", "Vicuna", "Sonnet", "Opus")
_FAMILY_START = re.compile(r"(?:" + "|".join(_MODEL_FAMILIES) + r")(?![a-z])")
_TIER = (r"(?:Pro|Flash|Mini|Nano|Lite|Sonnet|Opus|Haiku|Turbo|Instruct|Chat|Base|Large|Small|Medium|Max|Plus|Ultra|"
         r"Thinking|Preview|Coder|Vision|IT|pro|flash|mini|nano|lite|turbo|instruct|chat|it|preview)")
_SIZE_TAG = r"\d+(?:\.\d+)?[BbMm](?:-A\d+(?:\.\d+)?[Bb])?"
_TIER_WORD = re.compile(rf"[ \-]{_TIER}\b")
_MODEL_TAIL = re.compile(rf"(?:(?:[ \-]{_TIER}(?:[ \-]v?\d+(?:\.\d+)*)?)|[ \-:]{_SIZE_TAG})+(?![\w%×]|-(?!-)|\.\d)")


def model_tail(text: str, s: int, e: int) -> int | None:
    """End of a model family's checkpoint name that goes on past the name found at ``text[s:e]`` (a tier word, a
    version after it, a size tag; see ``_MODEL_TAIL``), if ``text[s:e]`` opens with a family name; not when a
    capitalised word follows (a longer title-case name) or the tail is only an adjective ("Llama-based").

    >>> t = "We test Claude Sonnet 4.6--Gemini-1.5-pro, Qwen3:8B and Mistral Small 3 Reasoner; GPT-4 Turbo, Llama-based."
    >>> [t[a:model_tail(t, a, a + len(w)) or a + len(w)] for w in ("Claude", "Gemini-1.5", "Qwen3", "Mistral", "GPT-4",
    ...                                                            "Llama") for a in [t.find(w)]]
    ['Claude Sonnet 4.6', 'Gemini-1.5-pro', 'Qwen3:8B', 'Mistral', 'GPT-4 Turbo', 'Llama']
    """
    if not _FAMILY_START.match(text, s, e):
        return None
    m = _MODEL_TAIL.match(text, e)
    if m is None or text.startswith(" ", m.end()) and text[m.end() + 1:m.end() + 2].isupper():
        return None
    return m.end()


_WORD_BEFORE_HYPHEN = re.compile(r"(?<![\w\-])[A-Za-z0-9]+-$")


def _glued_catalog(text: str, s: int, e: int, catalog: dict[tuple[int, int], tuple[str, str]]
                   ) -> tuple[int, int, str, str, str] | tuple[()] | None:
    """A catalog Method at ``text[s:e]`` glued by a hyphen to the word before it: ``None`` when another catalog
    match covers the hyphen (the compound is that name: "self-attention mechanism"), the candidate of the whole
    compound when it is a catalog Method spelled with a space ("Vision-Transformer"), else ``()``.

    >>> t = "a Vision-Transformer and a self-attention mechanism"
    >>> _glued_catalog(t, 9, 20, {(9, 20): ("Method", "Transformer")})
    (2, 20, 'Method', 'Vision Transformer', 'catalog')
    >>> _glued_catalog(t, 32, 51, {(27, 41): ("Method", "self-attention"), (32, 51): ("Method", "attention mechanism")})
    """
    if any(cs < s - 1 < ce for cs, ce in catalog):
        return None
    w = _WORD_BEFORE_HYPHEN.search(text, max(0, s - 30), s)
    hit = catalog_lookup(f"{text[w.start():s - 1]} {text[s:e]}") if w else None
    # the catalog name itself has the space ("Meta-GPT" is no "MetaGPT")
    return (w.start(), e, "Method", hit[1], "catalog") if hit and hit[0] == "Method" and " " in hit[1] else ()


def field_mentions(text: str, catalog: dict[tuple[int, int], tuple[str, str]], field: str = "abstract",
                   sentences: list[tuple[int, int]] | None = None
                   ) -> tuple[list[MentionT], set[tuple[int, int]], dict[tuple[int, int], str]]:
    """Merge catalog matches with pattern discovery for one field.

    Parameters
    ----------
    text
        The title or abstract.
    catalog
        Catalog matches ``(start, end) -> (type, canonical name)``.
    field
        ``"title"`` or ``"abstract"``.
    sentences
        Sentence spans (default :func:`split_sentences`); a bare generic metric word ("accuracy") counts only
        in a sentence that has a number.

    Returns
    -------
    mentions, proposed, sources
        Non-overlapping ``(start, end, type, name)`` in text order; the spans presented as the paper's own;
        the source of each span (``catalog``, ``definition``, ``proposal``, ``dataset``, ``task``, ``name``).

    >>> t = "We propose FooNet-2, a Vision Transformer (ViT), evaluated on ImageNet-R and BarQA."
    >>> ms, prop, _ = field_mentions(t, {})
    >>> [(t[s:e], ty, n) for s, e, ty, n in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('FooNet-2', 'Method', 'FooNet-2'), ('Vision Transformer', 'Method', 'Vision Transformer'),
     ('ViT', 'Method', 'Vision Transformer'), ('ImageNet-R', 'Dataset', 'ImageNet-R'), ('BarQA', 'Dataset', 'BarQA')]
    """
    cands: list[tuple[int, int, str, str, str]] = []  # s, e, type, name, source
    masked = orig = text
    scripts = "^" in text or "_" in text  # LaTeX super/subscripts left by cleaning: names cut from formulas
    if "/" in text or "www." in text:  # no names inside links
        masked = _mask_links(masked)
    if "\\" in text or "{" in text or "$" in text:  # nor in LaTeX commands
        # "\times" keeps its meaning for the measure patterns ("$3.7\times$ speedup"); same length
        masked = _LATEX.sub(lambda m: "×" + " " * (len(m[0]) - 1) if m[0] == "\\times" else " " * len(m[0]), masked)
    if masked != text:
        catalog = {k: v for k, v in catalog.items() if masked[k[0]:k[1]] == text[k[0]:k[1]]}
        text = masked
    definitions = find_definitions(text)
    for ls, le, ss, se in definitions:
        hit = catalog.get((ss, se))
        lf_hit = (catalog.get((ls, le)) or catalog_lookup(text[ls:le])) if hit else None
        if hit and (lf_hit or ("", ""))[1] != hit[1] and (lf_hit is not None or _other_expansion(text[ls:le], hit)):
            # the paper spells out an acronym the catalog knows as something else ("SAM" = Segment Anything
            # Model; here "Sharpness-Aware Minimization (SAM)"; "Test-time adaptation (TTA)" is another catalog
            # entry than test-time augmentation): the paper's own definition holds in this text
            sf = text[ss:se]
            catalog = {k: v for k, v in catalog.items() if not (text[k[0]:k[1]] == sf and v[1] == hit[1])}
    mined, mined_cands = mined_names(), []
    for (s, e), (typ, canon) in catalog.items():
        if (typ, canon) in mined:
            mined_cands.append((s, e, typ, canon, "mined"))  # added last, where no other rule found anything
            continue
        if typ == "Method" and s > 1 and text[s - 1] == "-" and text[s - 2].isalnum():
            glued = _glued_catalog(text, s, e, catalog)
            if glued is None:
                continue  # "attention mechanism" of "self-attention mechanism": the hyphenated catalog name holds it
            if glued:
                cands.append(glued)  # "Swin-Transformer": the catalog's "Swin Transformer" spelled with a hyphen
        cands.append((s, e, typ, canon, "catalog"))
    known = {sp: t for sp, (t, _) in catalog.items()}
    untyped_sf: set[str] = set()
    def_prop: set[tuple[int, int]] = set()  # defined names presented as new
    _vague = load_vague_phrases()
    proposals = proposal_spans(text, field)
    prop_type = {(s, e): t for s, e, t in proposals}
    for ls, le, ss, se in definitions:
        lf, sf = text[ls:le], text[ss:se]
        if lf.lower() in _vague or lf.startswith(_ARTICLES):
            # "natural language processing (NLP)": a field, not a name; "AI as a research tool (ART)": a description
            untyped_sf.add(sf)
            continue
        cat = catalog.get((ss, se)) or catalog.get((ls, le))
        typ = cat[0] if cat else prop_type.get((ss, se)) or (
            "Metric" if _METRIC_BEFORE.search(text, max(0, ls - 40), ls) else long_form_type(lf))
        if typ == "Task" and cat is None and not lf.lower().endswith("learning") and any(
                ls < cs and ce == le and t == "Method" and " " in text[cs:ce] for (cs, ce), (t, _) in catalog.items()):
            typ = "Method"  # "split conformal prediction (SCP)", "Sampling-based Model Predictive Control (SMPC)"
        if cat is None:
            # "a novel X (XR)", "X (XM) module", "X (XS), a training-free strategy", "we propose x y (XY)"
            ctx, new = definition_context(text, ls, se)
            cued = new or role_of(text, ls, field) == "proposed"
            # "FooNet includes a Center Focusing Module (CFM)", "the Bar Fusion (BF) module": a part named and spelled
            # out by the paper is a method (its role: `_new_part`)
            part = typ is None and _new_part(text, ls, le, "definition")
            if typ == "Task" and ctx == "Method" and _PART_AFTER.match(text, se):
                typ = "Method"  # "a Context-Aware Region Enhancement (CARE) module": a part of the method, not the task
            if ctx == "Dataset" and typ == "Method" and prop_type.get((ss, se)) is None and _DS_NOUN_AFTER.match(text, se):
                typ = "Dataset"  # "the Large Engagement Networks (LEN) dataset": the kind noun outweighs the long form's head
            if (cued and typ == "Task" and prop_type.get((ss, se)) is None and _title_cased(lf)
                    and not _TASK_NOUN_AFTER.match(text, se)):
                # "we introduce Mixture of Reasoning (MoR), a training framework": a capitalised long form the paper
                # presents as its own is the name of its method even when it ends in a task word
                typ = ctx or "Method"
            if (typ is None or typ == "Method" and _FORMULATION_END.search(lf) and prop_type.get((ss, se)) is None) and \
                    ctx is None and _TASK_RIGHT_AFTER.match(text, se) and not lf.endswith("hard"):
                # "we define a new Foo Bar Assessment (FBA) task", "the Baz Key Recovery (BKR) problem" (not "NP-hard");
                # "an Integer Quadratic Programming (IQP) problem": a formulation named as the problem to solve
                typ = "Task"
            typ = typ or ctx or ("Method" if cued or part else None)
            if typ in ("Method", "Dataset") and (cued or field == "title" and catalog_lookup(_plural_free(sf)) is None
                                                 and lf.lower().rstrip("s") not in _FAMILIES):
                # "... for Children with Asthma (AIRE-KIDS)": an unknown name spelled out in the title is the paper's
                def_prop.update(((ls, le), (ss, se)))
        if typ is None:
            untyped_sf.add(sf)
            if _CAPS_PLURAL.fullmatch(sf):  # "connected vehicles (CAVs)": nor is the singular "CAV" a name
                untyped_sf.add(sf[:-1])
            continue
        name = cat[1] if cat else lf
        if "  " in lf:  # letters around masked LaTeX ("\\textbf{L}arge ..."): the short form is the name
            name = sf
        else:
            cands.append((ls, le, typ, name, "definition"))
        for s in _whole_word_at(text, sf):
            cands.append((s, s + len(sf), typ, name, "definition"))
    for s, e, typ in proposals:
        cands.append((s, e, known.get((s, e), typ), text[s:e], "proposal"))
        if " " not in text[s:e] and _COINED.search(text, s + 1, e) and not is_name_token(text[s:e]):
            # "we propose V-Retrver, a ... V-Retrver enables": the later mentions of a coined word (a hyphen, a "+",
            # an inner capital) that no other rule reads as a name
            cands += [(a, a + e - s, known.get((s, e), typ), text[s:e], "proposal")
                      for a in _whole_word_at(text, text[s:e]) if a != s]
    strong: set[tuple[int, int]] = set()
    stop_names = load_stoplist()
    spans = dataset_lists(text, known=known, strong=strong)
    if field == "abstract":  # "the Androids Corpus" (a title is Title Case throughout)
        cat_starts = [a for a, _ in catalog]
        spans += [(s, e) for s, e in capitalised_dataset_names(text) if not any(s <= a < e for a in cat_starts)]
    for sp in strong & set(catalog):  # "the A, B and C datasets" outweighs a catalog Method of the same name
        if catalog[sp][0] == "Method" and not _generic(catalog[sp][1]):
            catalog[sp] = ("Dataset", catalog[sp][1])
            cands = [c for c in cands if (c[0], c[1]) != sp] + [(*sp, "Dataset", catalog[sp][1], "catalog")]
    for s, e in spans:
        hit = _lookup(text[s:e])
        if text[s:e] in stop_names or _plural_free(text[s:e]) in stop_names:
            continue  # "multiple NLP benchmarks", "Japanese and English datasets": a field or a language, no name
        if (hit is None and (s, e) not in strong and not _DATASET_PIECE.search(text, s, e)
                and _MODEL_VARIANT.search(text, s, e) and _type_of_name(text[s:e])[::2] == ("Method", True)):
            # "experiments on Qwen3-VL 4B and 8B", "gains over GPT-5.4": a size or version of a catalog model (not
            # "NeRF-DS", "ICL-NUIM", "Alpaca-57k": datasets named after a method, without a version or with a count)
            continue
        if text[s:e] not in untyped_sf and (hit is None or hit[0] == "Dataset" or (s, e) in strong and not _generic(hit[1])):
            cands.append((s, e, "Dataset", hit[1] if hit else text[s:e], "dataset"))
    for s, e in metric_spans(text):
        cands.append((s, e, "Metric", text[s:e], "metric"))
    for s, e in titled_measures(text) if field == "abstract" else ():
        cands.append((s, e, "Metric", text[s:e], "metric"))  # "a 6.0% Mean Relative Percentage Error"
    for s, e in measure_spans(text):
        hit = catalog_lookup(text[s:e])
        if hit is None or hit[0] == "Metric":
            cands.append((s, e, "Metric", hit[1] if hit else text[s:e].lower(), "metric"))
    phrases = task_phrases(text, title=field == "title")
    cued = [sp for sp in cued_task_phrases(text, title=field == "title") if sp not in phrases]
    if cued:
        phrases = sorted(phrases + cued)
    method_ends = {ce: cs for (cs, ce), (t, _) in catalog.items() if t == "Method"} if phrases else {}
    typed = {text[c[0]:c[1]] for c in cands if c[2] != "Task"} if phrases else set()
    for s, e in phrases:
        s0 = s
        for cs, ce in catalog:  # a phrase's modifiers do not begin inside a known name ("CNN / Daily Mail Reading ...")
            if cs < s < ce < e:
                s = ce + len(text[ce:e]) - len(text[ce:e].lstrip())
        acr = _ACRONYM_OPENS.match(text, s, e)
        if acr and acr[0][:-1] in typed and acr[0][:-1] not in stop_names:
            s = acr.end()  # "FooNet (FN) ... FN segmentation", "the PAN benchmark ... PAN verification": a name, no domain
        if s == s0 or " " in text[s:e]:
            if method_ends.get(e, s) > s and not (cued and text.endswith(" Learning", 0, e) and (s0, e) in cued):
                # "split conformal prediction": a variant of the known method it ends in (not a title's "for Foo
                # Graph Learning": what is learnt, a task, cued_task_phrases)
                cands.append((s, e, "Method", text[s:e], "task"))
                continue
            cands.append((s, e, "Task", _task_name(text[s:e]), "task"))
    task_heads = load_heads()["Task"]
    for (cs, ce), (typ, canon) in catalog.items():
        # a modifier before a catalog task whose head task_phrases does not know ("no-reference [image quality
        # assessment]", "unsupervised [domain adaptation]"): the qualified task, folded into the catalog one
        # (a curated task: a mined one is a gap filler only)
        # (also one it knows when a system noun follows, for task_phrases skips such a phrase: "deformable [image
        # registration] methods"; not the kind of the model: "lightweight [semantic segmentation] models")
        if typ == "Task" and text[cs - 1:cs] == " " and " " in canon and " " in text[cs:ce] and (typ, canon) not in mined:
            nxt = _NEXT_WORD_AT.match(text, ce)
            after = nxt[0][1:].lower() if nxt else ""
            if canon.rsplit(" ", 1)[-1].lower() in task_heads and after not in _SYSTEM_NEXT:
                continue
            ms = catalog_task_modifier(text, cs) if after not in COMPONENT_NEXT else None
            if ms is not None and after in _SYSTEM_NEXT and _MODEL_KIND.fullmatch(text, ms, cs - 1):
                ms = None
            if ms is not None:
                cands.append((ms, ce, "Task", _task_name(text[ms:ce]), "task"))
    chunks = name_chunks(text, title_case=False if field == "title" else None, cap_num=field != "title")
    for (s, e), typ in appositive_types(text, chunks, colon=field != "title").items():
        if text[s:e] not in untyped_sf:  # "emergency department (ED)" ... "in the ED, the ... measure": no metric
            cands.append((s, e, typ, text[s:e], "apposition"))
    for s, e in chunks:
        if text[s:e] not in untyped_sf and not _measure_then_value(text, s, e, catalog):
            cands.append((s, e, "Method", text[s:e], "name"))
    for m in finditer_at(_LOWER_MODEL, text, _LOWER_FAMILIES, ignore_case=False) \
            if field == "abstract" and has_digit(text) else ():  # every id has a digit; half the abstracts none
        # "gpt-4-1106-preview", "claude-3.7-sonnet", "llama-3-8b": a model id written in lower case
        cands.append((m.start(), m.end(), "Method", m[0], "name"))
    for s, n, e, new in headed_names(text) if field == "abstract" else ():
        # "a Dual Gated Fusion module": an unknown name introduced with its head is the paper's own (after "a")
        if (s, n) not in catalog and _lookup(text[s:n]) is None:
            cands.append((s, e, "Method", text[s:n], "name"))
            if new:
                def_prop.add((s, e))
    for s, e, own in enumerated_parts(text) if field == "abstract" else ():
        # "FooNet combines two key optimizations -- sparse token pruning and selective hard attention": the parts a
        # count announces (the paper's own after "we propose / our / FooNet introduces")
        if (s, e) not in catalog and text[s:e] not in untyped_sf and text[s:e].lower() not in _vague:
            typ = "Dataset" if long_form_type(text[s:e]) == "Dataset" else "Method"  # ("Masked-Union": no IoU)
            cands.append((s, e, typ, text[s:e], "part"))
            if own:
                def_prop.add((s, e))
    for s, e in former_names(text):
        if (s, e) not in catalog:
            cands.append((s, e, "Method", text[s:e], "name"))
    for s, e in titled_heads(text) if field == "abstract" else ():
        low = text[s:e].lower()
        if (catalog_lookup(text[s:e]) is None and low not in _vague and low not in stop_names
                and not any(s <= cs and ce <= e for cs, ce in catalog)):
            cands.append((s, e, "Method", text[s:e], "name"))
    for s, e, typ, name, src in list(cands) if has_digit(text) or _TIER_WORD.search(text) else ():
        e2 = model_tail(text, s, e) if typ == "Method" and src in ("catalog", "name") else None
        if e2 is not None:  # "Claude" + " Sonnet 4.6", "Gemini-1.5" + "-pro", "Qwen3" + ":8B": the checkpoint named
            cands.append((s, e2, "Method", text[s:e2], "name"))
    if mined_cands:
        # a phrase mined from unlabelled abstracts (catalog_mined_*.jsonl) is a lower tier: it only fills a gap and
        # never displaces, cuts into or retypes what the curated catalog or the pattern rules found
        cands += [m for m in mined_cands if not any(c[0] < m[1] and m[0] < c[1] for c in cands)]
    cands.sort(key=lambda c: (c[0] - c[1], _PRIO[c[4]], c[0]))
    cat_cands = [c for c in cands if c[4] == "catalog"]
    taken = bytearray(len(text))  # 1 where a kept mention already sits
    out: dict[tuple[int, int], MentionT] = {}
    sources: dict[tuple[int, int], str] = {}
    guessed: set[tuple[int, int]] = set()  # names typed Method only by default (no catalog, no naming convention)
    for s, e, typ, name, src in cands:
        if taken.find(1, s, e) != -1:
            continue
        if scripts and glued_to_formula(orig, s, e):
            e2 = script_end(orig, e)
            if (e2 is None and _MEASURE_SUBSCRIPT.match(orig, e) and not _glued_before(orig, s)
                    and (typ == "Metric" or (_lookup(text[s:e]) or ("",))[0] == "Metric")):
                e2 = e  # "AP_{50}", "mAP_{50-95}", "AP_{L}": the measure with its threshold or size: still the measure
            elif e2 is None or _glued_before(orig, s) or taken.find(1, e, e2) != -1:
                continue  # "MH" of "MH^3K^E", "RF" of "RF^2SA", "YOLO" of "MOD_{YOLO}": a symbol cut out of a formula
            elif name == text[s:e]:  # "UniCode^2", "PyCSP^3", "ACE-M^3", "Zoo3D_0": the name holds its script
                name = orig[s:e2]
            e = e2
        if src in ("proposal", "apposition") and (text.startswith(_ARTICLES, s) or "  " in text[s:e]):
            continue  # "a research tool": a description; "L arge  L anguage": letters around masked LaTeX
        if src in ("name", "proposal") and text[e:e + 1] == "(" and _GROUP.fullmatch(text, s, e) and _GROUP_DIM.match(text, e):
            continue  # "SE(3)", "SO(3)-equivariant", "SU(2)": a symmetry group, no method

        if src in ("name", "proposal", "dataset", "apposition"):
            name = _plural_free(name)
            if (s, e) in catalog:
                typ, name = catalog[(s, e)]
            elif src == "name":
                # (a task's acronym inside a name types no name: "T2V-FooBench", "VQA-Zorb")
                inner = [c for c in cat_cands if s <= c[0] and c[1] <= e
                         and not (c[2] == "Task" and (c[0], c[1]) != (s, e))]
                typ, canon, decided = (inner[0][2], None, True) if inner else _type_of_name(name)
                name = canon or name
                if not decided and typ == "Method":
                    guessed.add((s, e))
            elif src == "proposal" and typ == "Method" and name.endswith(("Score", "score")) and _METRIC_NAME.search(name):
                typ = "Metric"  # "we propose ZorbScore, a measure of ...": the paper's own measure
        if typ == "Metric" and (name in _CONTEXT_METRIC or name == "speedup") and (
                _AT_PHASE.search(text, max(0, s - 8), s) or _MODIFIES.match(text, e)):
            continue  # "at inference time", "inference time scaling", "Speedup Techniques": not a measure
        if typ == "Task" and src in ("catalog", "mined") and s and text[s - 1] == "-":
            continue  # "spatio-temporal reasoning", "neuro-symbolic reasoning": the catalog task is part of a compound
        if typ == "Task" and src in ("catalog", "mined") and text[e:e + 1] == " ":
            nxt = _NEXT_WORD_AT.match(text, e)
            if nxt and nxt[0][1:].lower() in COMPONENT_NEXT:
                continue  # "an action generation mechanism": a part of the method, as task_phrases reads it
        if typ == "Metric" and src in ("catalog", "name") and name in _LOSS_METRICS and _LOSS_AFTER.match(text, e):
            continue  # "the Dice loss", "Dice Focal Loss", "Focal and Dice objectives": a training loss, not the measure
        if typ == "Metric" and src == "catalog" and _TOP_K.fullmatch(text, s, e) and _TOP_K_NOUN.match(text, e):
            continue  # "penalizing the top-1 logit": not the accuracy
        if typ == "Metric" and src == "name" and _CAPS_PLURAL.fullmatch(text, s, e):
            # a metric acronym in the plural reports values ("FIDs of 2.08 and 1.94", "AUROCs of 0.98"); without a
            # number in its sentence it is another acronym ("prevent ISs inversion", "in KIDs with asthma")
            a, b = _sentence_of(text, sentences, s)
            if not _DIGIT.search(text, a, b):
                continue
        if typ == "Task" and text[s:e] in ("ASR", "ASRs") and (_PCT_BEFORE.search(text, max(0, s - 24), s) or
                                                            _VALUE_AFTER.match(text, e)):
            typ, name = "Metric", "attack success rate"  # "reaches 94% ASR", "an ASR of 96%": no speech recognition
        if typ == "Metric" and text[s:e].lower() == "success" and not _PCT_BEFORE.search(text, max(0, s - 24), s):
            continue  # "success" alone is the success rate only after its value ("86% success", "100 percent success")
        if typ == "Metric" and name in _VALUE_BOUND and _NOT_VALUE_BOUND.match(text, e):
            continue  # "sensitivity to noise", "a sensitivity analysis"
        if typ == "Metric" and name in _VALUE_BOUND and not (
                _VALUE_AFTER.match(text, e) or _VALUE_BEFORE.search(text, max(0, s - 16), s)):
            a, b = _sentence_of(text, sentences, s)
            if _VALUE_BOUND[name] not in text[a:b].lower():
                continue
        if typ == "Metric" and name == "regret" and (_NO_REGRET.search(text, max(0, s - 3), s)
                                                     or _MINIMIZATION.match(text, e)):
            continue  # "no-regret algorithms", "regret minimisation": an algorithm class or a method, no measure
        if typ == "Metric" and (_METRIC_MODIFIES.match(text, e) or _METRIC_NOUN_AFTER.match(text, e)):
            # "a Gini coefficient-based relaxation", "cosine similarity-guided sampling": a part of a method;
            # "energy consumption datasets", "perplexity analysis": the data or study it names
            continue
        if typ == "Metric" and src in ("catalog", "name") and _METRIC_ACRONYM.fullmatch(text, s, e):
            if _NAME_AFTER.match(text, e) or _NAME_BEFORE.search(text, max(0, s - 12), s):
                continue  # "R2-Reasoner", "ViT-MAE": a piece of another name, not the measure
            a, b = _sentence_of(text, sentences, s) if _TWO_LETTERS.fullmatch(text, s, e) else (s, s)
            if a < b and not (_number_in(text, a, b) or name.lower() in text.lower() or _measuring_context(text, s, e, a)
                              or any(a <= c[0] < b and c[2] == "Metric" and (c[0], c[1]) != (s, e) for c in cands)):
                continue  # "HR training data", "context-aware AP selection": another acronym unless measured here
        if typ == "Metric" and (text[s:e].lower() in _VAGUE_METRIC or name in _CONTEXT_METRIC or src == "mined"):
            if text[s - 1:s] == "-" or text[e:e + 1] == "-":
                continue  # "high-precision GNSS", "high-throughput phenotyping", "accuracy-preserving"
            if text[s:e].lower() == "precision" and _NUMBER_FORMAT.search(text, max(0, s - 24), s):
                continue  # "full precision", "FP8 precision", "8-bit integer precision": a number format
            a, b = _sentence_of(text, sentences, s)
            # a number in the sentence, or a named measure next to it ("precision, recall and F1-score")
            if not _number_in(text, a, b) and not any(
                    a <= c[0] < b and c[2] == "Metric" and text[c[0]:c[1]].lower() not in _VAGUE_METRIC
                    and c[3] not in _CONTEXT_METRIC and c[3] not in _VALUE_BOUND for c in cat_cands) and not (
                    _COMPARED_BEFORE.search(text, max(0, s - 30), s) and _COMPARED_AFTER.match(text, e)) and not (
                    text[max(0, s - 4):s].lower() == "the " and _COMPARED_AS_SUBJECT.match(text, e)) and not (
                    _measuring_context(text, s, e, a)):
                continue
        taken[s:e] = b"\x01" * (e - s)
        out[(s, e)] = (s, e, typ, name)
        sources[(s, e)] = src
    outside = sorted(out.values())
    if "(" in text:  # a parenthesis inside a list ("FooQA (beating BarNet), BazSet") is not an item of it
        inner = [m.span() for m in _PAREN_SPAN.finditer(text)]
        outside = [m for m in outside if not any(a < m[0] and m[1] < b for a, b in inner)]
    for sp in _list_mates(text, outside, guessed):  # "results on FooQA, safe BarSet and Baz"
        out[sp] = (*sp, "Dataset", out[sp][3])
    for sp in _paren_mates(text, sorted(out.values()), guessed) if guessed and "(" in text else ():
        out[sp] = (*sp, "Dataset", out[sp][3])  # "face ages (FooAge), old photos (BarHist) and retinas (EyePACS)"
    if guessed and "(" in text:
        for m in sorted(out.values()):
            # "UCF-101 (UCF-LT)": a name by default in a parenthesis right after a dataset is that dataset's
            if m[2] == "Dataset" and text.startswith(" (", m[1]):
                sp = next(((a, b) for a, b in guessed if a == m[1] + 2 and text.startswith(")", b)), None)
                if sp in out:
                    out[sp] = (*sp, "Dataset", m[3])
    prop = {(s, e) for s, e, _ in proposals} | def_prop
    return sorted(out.values()), prop, sources


_APP_LIST = re.compile(r"\b(?:domains?|applications?|fields?|areas?|sectors?|industries|scenarios|(?:real-world\s+)?problems|"
                       r"use\s+cases|disciplines)\s*,?\s*(?:such\s+as|like|including|e\.g\.,?|ranging\s+from)\s")


_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Oo]ur|evaluat\w*|experiment\w*|this (?:work|paper|study)|\d+|two|three|four|five|six)\b")


def _in_application_list(text: str, pos: int) -> bool:
    """Whether ``pos`` stands in a list of application areas ("domains such as robotics, autonomous driving and
    recommendation"), in the same sentence.

    >>> t = "RL has applications in domains such as robotics, autonomous driving and finance. We study car parking."
    >>> _in_application_list(t, t.find("autonomous")), _in_application_list(t, t.find("car parking"))
    (True, False)
    >>> t = "We evaluate it on applications such as object recognition and retrieval."
    >>> _in_application_list(t, t.find("object"))
    False
    """
    lo = max(0, pos - 150)
    last = None
    for m in _APP_LIST.finditer(text, lo, pos):
        last = m
    if last is None or any(c in text[last.end():pos] for c in ".;:()"):
        return False
    # the paper's own evaluation: "we evaluate on applications such as A and B", "three applications, including"
    start = text.rfind(". ", 0, last.start()) + 1
    return not _OWN_WORK.search(text, start, last.start())


def _title_opens_with(title_low: str, name_low: str) -> bool:
    """Whether the title opens with the name, or its part after a colon does ("X: ...", "Foo: X for ...").

    >>> _title_opens_with("blue sky logic for drones", "blue sky logic"), _title_opens_with("planning with blue sky logic", "blue sky logic")
    (True, False)
    """
    i = title_low.find(name_low)
    return i == 0 or (i > 0 and title_low[:i].rstrip().endswith(":"))


_PAREN_SPAN = re.compile(r"\([^()]*\)")


def glued_to_formula(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` is a piece of a formula token: glued to ``^`` or ``_`` at either end (or ``_{``).

    Cleaning keeps the inside of LaTeX math (``$MH^3K^E$`` -> ``MH^3K^E``, ``$\\mathrm{MOD}_{YOLO}$`` ->
    ``MOD_{YOLO}``); a word cut out of such a token at a super- or subscript is a symbol, not a name
    (nor evidence for an acronym): "MH" of ``MH^3K^E``, "ACE-M" of ``ACE-M^3``, "YOLO" of ``MOD_{YOLO}``,
    "FG" of ``(FG)^2U``. A name that holds the script whole ("R^2", "MoE-I^2") is not cut.

    >>> t = "bound MH^3K^E, ACE-M^3 and R^2 on MOD_{YOLO} with (FG)^2U"
    >>> [t[a:b] for a, b in [(6, 8), (15, 20), (15, 22), (27, 30), (34, 37), (39, 43), (51, 53)] if glued_to_formula(t, a, b)]
    ['MH', 'ACE-M', 'MOD', 'YOLO', 'FG']
    """
    after = text[e:e + 1]
    if after in _SCRIPTS or (after == ")" and text[e + 1:e + 2] in _SCRIPTS and text[s - 1:s] == "("):
        return True
    return _glued_before(text, s)


#: a measure's subscript: its threshold or object size ("_{50}", "_{50:95}", "_{50-95}", "_{L}", "_{S}")
_MEASURE_SUBSCRIPT = re.compile(r"_\{(?:\d{1,3}(?:[:-]\d{1,3})?|[SMLsml])\}")


def _glued_before(text: str, s: int) -> bool:
    before = text[s - 1:s] if s else ""
    return before in _SCRIPTS or (before == "{" and text[s - 2:s - 1] in _SCRIPTS)  # "MOD_{YOLO}", not "{Qwen3}"


def script_end(text: str, e: int) -> int | None:
    """End of a super/subscript right at ``e`` that belongs to the name before it, else ``None``.

    A digit script closing the name ("UniCode^2,", "Zoo3D_0 "), or an identifier's word after an underscore
    ("AntiDB_Purify", "EaP_lite"), or a letter superscript after a digit ("COCO-20^i"); not a script followed by
    more of a formula ("MH^3K^E", "RF^2SA"), a
    one-letter subscript ("GN_k", "LTL_f") nor a braced one ("AP_{50}", "MOD_{YOLO}": typeset math).

    >>> t = "UniCode^2, MH^3K^E and Zoo3D_0 or AP_{50} by AntiDB_Purify, GN_k"
    >>> [t[e:script_end(t, e)] if script_end(t, e) else None for e in (7, 13, 28, 36, 51, 62)]
    ['^2', None, '_0', None, '_Purify', None]
    """
    c = text[e:e + 1]
    if c not in _SCRIPTS:
        return None
    j = k = e + 1
    while k < len(text) and k - j < 3 and text[k].isdigit():
        k += 1
    if k == j and c == "_":  # an identifier: "AntiDB_Purify", "GRPO_data"
        while k < len(text) and (text[k].isalnum() or text[k] == "-"):
            k += 1
        return k if k - j >= 2 and any(ch.islower() for ch in text[j:k]) else None
    if k == j and c == "^" and text[e - 1:e].isdigit() and text[j:j + 1].isalpha():
        k = j + 1  # a fold of a benchmark: "COCO-20^i", "PASCAL-5^i"
    if k == j or (k < len(text) and (text[k].isalnum() or text[k] in "^_{")):
        return None
    return k


_SCRIPTS = frozenset("^_")
_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,120}\))?\s*(?:,|;|,?\s+and|,?\s+or|,?\s+as\s+well\s+as)\s+(?:the\s+)?"
                       r"(?:[a-z][\w\-]*\s+){0,2}")


def _list_mates(text: str, mentions: list[MentionT], guessed: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in ``guessed`` (names typed Method by default) coordinated in one list ("A, B and C", items may
    carry a parenthesis or one or two lower-case modifiers) with a Dataset: they are datasets too.

    >>> t = "Results on FooQA (a QA set), safety-oriented BarSet, and multi-task Qux."
    >>> ms = [(11, 16, "Dataset", "FooQA"), (45, 51, "Dataset", "BarSet"), (68, 71, "Method", "Qux")]
    >>> [t[s:e] for s, e in _list_mates(t, ms, {(68, 71)})]
    ['Qux']
    """
    if not guessed:
        return []  # only a name in ``guessed`` is ever returned
    out, chain, joined = [], mentions[:1], False
    for prev, cur in zip(mentions, mentions[1:] + [None]):
        gap = _LIST_GAP.fullmatch(text, prev[1], cur[0]) if cur is not None else None
        if gap:
            chain.append(cur)
            joined = joined or gap[0].rstrip().endswith(("and", "or")) or " and " in gap[0] or " or " in gap[0]
            continue
        # a real list: "A, B and C" (a lone comma may end an opening phrase: "On FooSet, BarNet reaches ...")
        if (len(chain) > 2 or joined) and any(m[2] == "Dataset" and m[:2] not in guessed for m in chain):
            out += [m[:2] for m in chain if m[:2] in guessed and m[2] == "Method"]
        chain, joined = [cur], False
    return out


_PAREN_GAP = re.compile(r"\)\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:[a-z][\w\-]*\s+){0,4}\(")
_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")
_WORD = re.compile(r"[A-Za-z]+")
_PAREN_HEAD_AFTER = re.compile(r"\)\s+(?:datasets?|benchmarks?|corpora)\b")
# "marginal (ADE/FDE) and joint (JADE/JFDE) metrics": the list names other things
_PAREN_OTHER_HEAD = re.compile(r"\)\s+(?:metrics?|measures?|scores?|errors?|losses|loss|models?|methods?|modules?|"
                               r"variants?|settings?|tasks?|baselines?)\b")


def _paren_mates(text: str, mentions: list[MentionT], guessed: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in ``guessed`` (names typed Method by default) that stand alone in brackets in a list of bracketed
    names, each after a few lower-case words ("outdoor (A) and indoor (B)", "face ages (A), old photos (B), and
    retinas (C)"), where another item is a Dataset or a dataset head word follows the list: datasets too.

    >>> t = "Tests on face ages (FooAge), old photos (BarHist), and retinas (EyePACS)."
    >>> ms = [(20, 26, "Dataset", "FooAge"), (41, 48, "Method", "BarHist"), (63, 70, "Dataset", "EyePACS")]
    >>> [t[s:e] for s, e in _paren_mates(t, ms, {(41, 48)})]
    ['BarHist']
    """
    inner = [m for m in mentions if text[m[0] - 1:m[0]] == "(" and text[m[1]:m[1] + 1] == ")"]
    out, chain = [], inner[:1]
    for prev, cur in zip(inner, inner[1:] + [None]):
        if cur is not None and _PAREN_GAP.fullmatch(text, prev[1], cur[0]):
            chain.append(cur)
            continue
        # (a short acronym is no evidence: "terrestrial (TLS), mobile (MLS) and drone laser scanning (ULS)")
        if len(chain) > 1 and not _PAREN_OTHER_HEAD.match(text, chain[-1][1]) and (
                any(m[2] == "Dataset" and m[:2] not in guessed and not _SHORT_CAPS.fullmatch(text, m[0], m[1])
                    for m in chain) or _PAREN_HEAD_AFTER.match(text, chain[-1][1])):
            out += [m[:2] for m in chain
                    if m[:2] in guessed and m[2] == "Method" and not _spelled_before(text, m[0], m[1])]
        chain = [cur]
    return out


def _spelled_before(text: str, s: int, e: int) -> bool:
    """Whether the words before the bracket holding ``text[s:e]`` spell it out: its letters, in order, in the last
    one to four words, the first letter opening one of them ("in-distribution (IND)"; not "old photos (ZorbHist)").

    >>> t = "in-distribution (IND) and old photos (ZorbHist)"
    >>> _spelled_before(t, 17, 20), _spelled_before(t, 38, 46)
    (True, False)
    """
    acr = [c for c in text[s:e].lower() if c.isalpha()]
    words = _WORD.findall(text, max(0, s - 50), s)[-4:]
    for k in range(len(words)):
        if acr and words[k][0].lower() == acr[0]:
            letters = iter("".join(words[k:]).lower())
            if all(c in letters for c in acr):  # a subsequence test: each letter found after the one before
                return True
    return False


def _sent_index(sents, pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if pos < e:
            return i
    return max(0, len(sents) - 1)


@lru_cache(maxsize=1)
def _lower_forms() -> frozenset[tuple[str, str]]:
    """``(form, canonical name)`` of the catalog forms written in lower case ("low-rank adaptation" for LoRA)."""
    return frozenset((form, canon) for _, canon, form, _ in catalog_forms(load_catalog()) if form.islower())


def _case_ok(text: str, typ: str, canon: str) -> bool:
    """A catalog match in lower case is a word, not the name, when the name is written with inner capitals
    ("record" is not ReCoRD) or is a capitalised dataset name ("speech commands" is not Speech Commands).

    A form the catalog itself writes in lower case is the name ("low-rank adaptation" for LoRA).

    >>> _case_ok("record", "Dataset", "ReCoRD"), _case_ok("vision transformer", "Method", "Vision Transformer")
    (False, True)
    >>> _case_ok("low-rank adaptation", "Method", "LoRA")
    True
    """
    if not text.islower() or (text, canon) in _lower_forms():
        return True  # "low-rank adaptation" is LoRA's own lower-case alias, "o1-preview" OpenAI o1's
    if any(c.isupper() for w in canon.split() for c in w[1:]):
        return False
    return not (typ == "Dataset" and any(w[:1].isupper() for w in canon.split()))


def _catalog_spans(doc, text: str) -> dict[tuple[int, int], tuple[str, str]]:
    out = {}  # ``text`` is the doc's text; Doc.text would rebuild it token by token
    vague = load_vague_phrases()
    metric_too = {}
    for a, b, typ, name in doc.user_data.get("kg_canon", ()):  # the spans of doc.spans["kg_entities"], as data
        if _case_ok(text[a:b], typ, name) and name.lower() not in vague:
            if typ == "Metric" and (a, b) in out:
                metric_too[(a, b)] = name
                continue  # the other type holds unless the measure is read here (below)
            if out.get((a, b), ("",))[0] == "Metric" and typ != "Metric":
                metric_too[(a, b)] = out[(a, b)][1]
            out[(a, b)] = (_learning_type(typ, name), name)
    for (a, b), name in metric_too.items():
        # a form listed as a measure and as something else ("MAE": mean absolute error, masked autoencoder):
        # the measure where the text gives it a value or compares it ("an MAE of 0.3", "lowers MAE to 0.3")
        if _metric_reading(text, a, b) or _measuring_context(text, a, b):  # "in terms of MAE", "MAE and R metrics"
            out[(a, b)] = ("Metric", name)
    return out


_VALUE_TO = re.compile(r"\s*(?:\(\s*)?(?:of|=|:|to|from|below|under|reaches?|drops?|falls?|is|was)?\s*(?:about\s+|"
                       r"up\s+to\s+|over\s+|only\s+|just\s+|nearly\s+|approximately\s+)?[<>~≈]?\s*\d")
_LOWER_BEFORE = re.compile(r"\b(?:lower|lowest|higher|highest|better|best|worse|reduc\w*|lower\w*|improv\w*|decreas\w*|"
                           r"increas\w*)\s+(?:the\s+)?$")
# a change stated "in" the measure: "by 12% in MAE", "a 9% improvement in MAE", "reductions in ADE"
_CHANGE_IN_BEFORE = re.compile(r"(?:\d\s?(?:\\?%|points?|pp)?|\b(?:improvements?|reductions?|gains?|decreases?|increases?|"
                               r"drops?|decline))\s+in\s+(?:the\s+|terms\s+of\s+(?:the\s+)?)?$")


def _metric_reading(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]``, a form listed both as a measure and as another type, is read as the measure here:
    with a value after or before it, or after a comparison or change ("lower MAE").

    >>> t = "FooNet reaches an MAE of 0.3, 12% lower FID and uses an MAE encoder."
    >>> _metric_reading(t, 18, 21), _metric_reading(t, 40, 43), _metric_reading(t, 56, 59)
    (True, True, False)

    A change stated "in" it reads it as the measure too ("by 8% in MAE", "a 5% improvement in MAE"), a value
    "in" something else does not ("trained for 10 epochs in MAE pre-training" has no change word):

    >>> t = "It beats Bar by 8% in MAE, gives a 5% improvement in the MAE and 3 epochs in MAE pre-training."
    >>> _metric_reading(t, 22, 25), _metric_reading(t, 57, 60), _metric_reading(t, 77, 80)
    (True, True, False)
    """
    return bool(_VALUE_TO.match(text, e) or _VALUE_BEFORE.search(text, max(0, s - 16), s)
                or _LOWER_BEFORE.search(text, max(0, s - 24), s)
                or (text[max(0, s - 24):s].find(" in ") != -1 and _CHANGE_IN_BEFORE.search(text, max(0, s - 36), s)))


def _learning_type(typ: str, name: str) -> str:
    """"X learning" is a Task when X names a problem setting (continual, few-shot, federated...), else a Method
    (a technique: reinforcement, contrastive, representation learning).

    >>> _learning_type("Task", "reinforcement learning"), _learning_type("Task", "class-incremental learning")
    ('Method', 'Task')
    """
    if typ == "Task" and name.lower().endswith(" learning") and long_form_type(name) != "Task":
        return "Method"
    return typ


def _task_core(name: str, names: set[str]) -> str | None:
    """The shorter task this phrase qualifies: a word-suffix of ``name`` that is another task of the paper or a
    catalog task ("weakly-supervised crowd counting" -> "crowd counting").

    >>> _task_core("weakly-supervised crowd counting", {"crowd counting"})
    'crowd counting'
    """
    words = name.split()
    for i in range(1, len(words) - 1):
        suffix = " ".join(words[i:])
        if suffix in names:
            return suffix
        hit = _lookup(suffix)
        if hit and hit[0] == "Task" and _learning_type(*hit) == "Task":  # not "offline [reinforcement learning]"
            return hit[1].lower()
    return None


def _merge_task_variants(ents: dict[tuple[str, str], dict]) -> None:
    """Fold qualified task phrases into the task they qualify (the longer phrase becomes an alias)."""
    names = {n for t, n in ents if t == "Task"}
    for key in [k for k in ents if k[0] == "Task"]:
        core = _task_core(key[1], names - {key[1]})
        if core is None:
            continue
        rec = ents.pop(key)
        tgt = ents.setdefault(("Task", core), {"name": core, "mentions": [], "aliases": set(), "role": "used",
                                               "conf": rec["conf"]})
        tgt["mentions"] += rec["mentions"]
        tgt["aliases"] |= rec["aliases"] | {m.text for m in rec["mentions"]}
        # the words of the core as the text writes them ("excessive [hyperparameter tuning]" for hyperparameter
        # optimization, "[language modelling]"): a form of the task, also when no mention has it bare
        words = key[1].split()
        cut = next((i for i in range(1, len(words) - 1) if " ".join(words[i:]) == core
                    or (_lookup(" ".join(words[i:])) or ("", ""))[1].lower() == core), None)
        if cut is not None:
            tgt["aliases"] |= {" ".join(m.text.split()[cut:]) for m in rec["mentions"] if len(m.text.split()) == len(words)}
        tgt["conf"] = max(tgt["conf"], rec["conf"])
    for rec in ents.values():
        rec["mentions"].sort(key=lambda m: (m.field != "title", m.start))


# a system that does the task, after its phrase ("deformable image registration methods")
_SYSTEM_NEXT = frozenset({"method", "methods", "model", "models", "framework", "frameworks", "network", "networks",
                          "pipeline", "pipelines", "system", "systems", "approach", "approaches"})
# a modifier that names the kind of the model rather than of the task ("lightweight", "dual-branch")
_MODEL_KIND = re.compile(r"light-?weight|high-performance|deep|compact|feed-forward|[a-z]+-(?:branch|stage|stream|layer)",
                         re.I)


def _restated_tasks(ents: dict[tuple[str, str], dict], texts: dict[str, str], sents: dict[str, list]) -> None:
    """Add to a qualified task phrase the shorter form the paper names it by elsewhere: its last words standing
    alone, where a phrase ends ("... for Autonomous Open-Pit Mine Scheduling" and "Open-pit mine scheduling is
    ..."; "edge-deployable credit negotiation" and "for credit negotiation."), as a mention and an alias. Not a
    form the catalog knows as another type ("multi-agent reinforcement learning": reinforcement learning is a
    method), nor one that two phrases end in ("toxic data generation", "adversarial data generation").

    >>> m = Mention("Autonomous Mine Scheduling", 4, 30, "title", 0)
    >>> ents = {("Task", "autonomous mine scheduling"): {"name": "Autonomous Mine Scheduling", "mentions": [m],
    ...                                                   "aliases": set()}}
    >>> t = {"title": "For Autonomous Mine Scheduling", "abstract": "Mine scheduling is hard. Mine scheduling tools."}
    >>> _restated_tasks(ents, t, {"title": [(0, 30)], "abstract": [(0, 25), (26, 47)]})
    >>> r = ents[("Task", "autonomous mine scheduling")]; sorted(r["aliases"]), [x.start for x in r["mentions"]]
    (['Mine scheduling'], [4, 0])
    """
    recs = [r for (t, _), r in ents.items() if t == "Task" and any(m.text.count(" ") >= 2 for m in r["mentions"])]
    if not recs:
        return
    stop = load_heads()["Stop"]
    lows = [text.lower() for text in texts.values()]
    spans = None
    claims: dict[tuple[str, int], list[tuple[int, Mention]]] = {}  # an occurrence -> the phrases ending in it
    for i, rec in enumerate(recs):
        for form in sorted({m.text for m in rec["mentions"]}, key=len, reverse=True):
            words = form.split(" ")
            if not open_task_head(words[-1].lower()):
                continue  # "learning with noisy labels"
            found = []
            times = sum(low.count(form.lower()) for low in lows)
            for k in range(1, len(words) - 1):  # the longest shorter form first, at least two words
                short = " ".join(words[k:])
                if words[k - 1].lower() in stop or words[k - 1].lower() in _VERBS:
                    break  # "X via Proportional-Integral Control": what follows is no form of the phrase
                if sum(low.count(short.lower()) for low in lows) <= times:
                    continue  # (each time inside the phrase itself: the usual case, a cheap test first)
                if (words[k].lower() in stop or words[k].lower() in _VERBS or not words[k][:1].isalnum()
                        or (_lookup(short) or ("Task",))[0] != "Task" or short.lower() in _PARADIGMS):
                    continue
                if spans is None:
                    spans = [(m.field, m.start, m.end) for r in ents.values() for m in r["mentions"]]
                want = short.lower()
                for (field, text), low in zip(texts.items(), lows):
                    a = low.find(want) if len(low) == len(text) else -1
                    while a != -1:
                        b = a + len(want)
                        prev = _PREV_WORD.search(text, max(0, a - 40), a)
                        if not (_WORD_CHAR.match(text, a - 1) if a else False) and not _WORD_CHAR.match(text, b) and not (
                                (prev and prev[1].lower() == words[k - 1].lower())
                                or any(f == field and x < b and a < y for f, x, y in spans)
                                or not (_RESTATED_END.match(text, b) or _SUBJECT_AFTER.match(text, b))):
                            found.append(Mention(text=text[a:b], start=a, end=b, field=field,
                                                 sentence=_sent_index(sents[field], a)))
                        a = low.find(want, a + 1)
                if found:
                    break
            if found:
                for m in found:
                    claims.setdefault((m.field, m.start), []).append((i, m))
                break
    for claimants in claims.values():
        if len({i for i, _ in claimants}) == 1:
            i, m = claimants[0]
            recs[i]["mentions"].append(m)
            if m.text != recs[i]["name"]:
                recs[i]["aliases"].add(m.text)
    for rec in recs:
        rec["mentions"].sort(key=lambda m: (m.field != "title", m.start))


_WORD_CHAR = re.compile(r"[\w\-]")
_PREV_WORD = re.compile(r"([\w\-]+)\s+$")
# where a restated task phrase ends: punctuation, the end, or a word that cannot continue a noun phrase
_RESTATED_END = re.compile(r"\s*(?:$|[.,;:?!()]|\s+(?:via|with|using|through|from|by|under|based|where|which|that|"
                           r"while|and|or|in|on|for|of|to|at|as|is|are|was|were|has|have|remains)\b)")


_ACRONYM_OPENS = re.compile(r"[A-Z]{2,5}(?:-\d{1,2})? ")  # a task phrase opened by an acronym: "ICH detection"
_MEANS_BEFORE = re.compile(r"\b(?:with|using|via|through)\s+$", re.I)
_VIA_BEFORE = re.compile(r"\b(?:via|through)\s+$", re.I)
#: a count, size or range standing where a name should ("32K", "6.4k", "13B", "2020-2024", "5-35", "55k DGT")
_COUNT_NAME = re.compile(r"\d[\d.,]*\s?[kKMBT]?(?:\s?[\-\u2013]\s?\d[\d.,]*\s?[kKMBT]?)?|\d[\d.,]*\s?[kKMB]\s+\S.*")


def _count_name(text: str, s: int, e: int) -> bool:
    """A Dataset mention that is no name: a count, size or range ("32K", "2020-2024", "55k DGT"), one letter ("R"),
    or the tail of a number cut at its thousands comma ("940,000-chain corpus" read as "000-chain").

    >>> t = "on 32K and 128K benchmarks, a 940,000-chain corpus, the R metric, a 55k DGT corpus, 3D-Alpaca, 20 Newsgroups"
    >>> names = ["32K", "128K", "000-chain", "R", "55k DGT", "3D-Alpaca", "20 Newsgroups"]
    >>> [n for n in names if _count_name(t, t.index(n), t.index(n) + len(n))]
    ['32K', '128K', '000-chain', 'R', '55k DGT']
    """
    if e - s == 1 or (s > 1 and text[s - 1] == "," and text[s - 2].isdigit()):
        return True
    return _COUNT_NAME.fullmatch(text, s, e) is not None
_TASK_AFTER = re.compile(r"\s+(?:tasks?|problems?|challenges?)\b")
# the data a task is run on, in a parenthesis: "face-age estimation (FGNET)", "object detection (COCO)"
_TASK_DATA_PAREN = re.compile(r"\s*\((?:[\w\-]+\s+){0,2}[A-Z][\w\-]*[A-Z0-9][\w\-]*[,;)]")
_TASK_BEFORE = re.compile(r"\b(?:for|in|on|to|tasks?\s*(?:such\s+as|including|like|:)|(?:problems?|tasks?)\s+of)\s+$")


def _measure_then_value(text: str, s: int, e: int, catalog: dict) -> bool:
    """Whether the name chunk ``text[s:e]`` is a catalog measure and its value ("mAP 63.8", "RMSE 178 N"): the
    measure stands alone, the number is no part of a name.

    >>> t = "in terms of mAP 63.8 on it"
    >>> _measure_then_value(t, 12, 20, {(12, 15): ("Metric", "mean average precision")}), _measure_then_value(t, 12, 20, {})
    (True, False)
    """
    sp = text.find(" ", s, e)
    return sp != -1 and text[sp + 1:sp + 2].isdigit() and catalog.get((s, sp), ("",))[0] == "Metric"


def _task_cue(text: str, s: int, e: int, tasks: list[tuple[int, int]]) -> bool:
    """Whether a task phrase named once stands where a task is expected: "... tasks", "for/in X", "tasks
    such as X", before the name of its data in a parenthesis ("X (FGNET)"), or coordinated with another task
    ("A, B and C").

    >>> t = "We use FooNet for person tracking, and car counting and lane detection."
    >>> _task_cue(t, 18, 33, []), _task_cue(t, 39, 51, [(56, 70)]), _task_cue(t, 39, 51, [])
    (True, True, False)
    """
    if _TASK_AFTER.match(text, e) or _TASK_BEFORE.search(text, max(0, s - 30), s) or _TASK_DATA_PAREN.match(text, e):
        return True
    if (s == 0 or _SENT_END.search(text, max(0, s - 3), s)) and _SUBJECT_AFTER.match(text, e):
        return True  # the subject of its sentence: "Retrosynthetic planning remains hard"
    return any(_TASK_JOIN.fullmatch(text, b, s) or _TASK_JOIN.fullmatch(text, e, a) for a, b in tasks if (a, b) != (s, e))


# a catalog name opening the title is the paper's own only as the title's head: "BERT: Pre-training ...", "GPT-4
# (Vision): ..." (not "Large Language Models (LLMs) for Edge Networks", "Reinforcement Learning Meets Climate")
_TITLE_HEAD_END = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?:")


_INTRO_BEFORE = re.compile(r"\b(?:[Ww]e|paper|work|study)\s+(?:propose|introduce|present|proposes|introduces|presents)\s+$")


@lru_cache(maxsize=1)
def _frequent_names() -> frozenset[str]:
    """Names of the mined ``catalog_frequent_*.jsonl`` rows (scripts/pwc_frequent.py), not hand-written rows."""
    import json
    from importlib import resources

    data = resources.files("kg.extract").joinpath("data")
    out = set()
    for f in data.iterdir():
        if f.name.startswith("catalog_frequent_") and f.name.endswith(".jsonl"):
            out |= {json.loads(line).get("name") for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    return frozenset(out - {None})


def _introduced(text: str, s: int, name: str) -> bool:
    """A mined frequent name right after "we propose/introduce/present" is the paper's own: such names are
    recent, and the paper that introduces one is in the corpus ("We introduce GenAI-Bench, a benchmark ...");
    "we propose a DQN controller" (an article between) and hand-written catalog names stay used.

    >>> _introduced("We introduce GenAI-Bench, a benchmark.", 13, "GenAI-Bench")
    True
    >>> _introduced("We propose a GenAI-Bench variant.", 13, "GenAI-Bench"), _introduced("We propose DQN.", 11, "DQN")
    (False, False)
    """
    return name in _frequent_names() and bool(_INTRO_BEFORE.search(text, max(0, s - 40), s))


_INTRO_KNOWN = re.compile(r"(?:\b(?:[Ww]e|paper|work)\s+(?:propose|introduce|present)s?|(?<!so-)\b(?:termed|named|dubbed|called)(?:\s+as)?"
                          r"|\b[Oo]ur\s+proposed)\s+[\"'`]*$")


# the catalog name opens a longer one ("we introduce FooNet Reasoner", "FooNet based Encoder", "Greedy Decoding for
# Reasoning Models", "FooNet-based", "MF$^2$", "Foo Net (FN) RoboX", "Foo Net (FN)-based"), or is introduced "as" a
# means for something ("introduces X (Y) as an enhancement")
_LONGER_NAME_AFTER = re.compile(r"[^\s,.;:()]|\s+(?:[A-Z0-9$]|(?:based|for|with|on|of|in|as)\b)"
                                r"|\s*\([^()]*\)(?:-|\s+(?:[A-Z]|(?:as|based|for)\b))")
_NEW_BEFORE = re.compile(r"\b(?:[Ww]e|[Oo]ur|new|novel|propos\w*|introduc\w*|present\w*)\b[^.;]*$")


def _introduced_known(text: str, s: int, e: int, title_low: str) -> bool:
    """A catalog name the paper itself introduces: right after "we propose / introduce / present" or "termed /
    named / dubbed / called" and standing in the title too ("... Code Generation with FooCode": "we introduce
    FooCode, a system"), or right after "our proposed" ("our proposed FooFormer could serve as ..."); not a
    "FooNet-based" or "FooNet/BarNet" form, nor a lower-case kind ("our proposed cross-attention").

    >>> _introduced_known("We introduce FooCode, a system.", 13, 20, "code generation with foocode")
    True
    >>> t = "Our proposed FooCode works."
    >>> _introduced_known("We introduce FooCode, a system.", 13, 20, "code generation"), _introduced_known(t, 13, 20, "")
    (False, True)
    """
    if text[s:e].islower():
        return False  # "our proposed cross-attention": a kind of method the paper's own takes
    m = _INTRO_KNOWN.search(text, max(0, s - 40), s)
    if m is None or _LONGER_NAME_AFTER.match(text, e):
        return False
    if m[0][0] in "tndcTNDC" and not _NEW_BEFORE.search(text, max(0, s - 100), m.start()):
        return False  # "one LLM called ChatGPT": a naming word tells of a new name only after a proposal word
    return m[0].lower().startswith("our") or text[s:e].lower() in title_low


def _known(name: str, source: str) -> bool:
    """Whether a name is a catalog name: a well-known method or dataset is used, not proposed, even after
    "we propose a ..." ("we propose a DQN controller"), except as the title's head ("BERT: ...")."""
    return source == "catalog" or catalog_lookup(name) is not None


_NEXT_WORD = re.compile(r"[\s\-]([a-z]{2,})\b")
_DIGIT_IN = re.compile(r"\d")  # "DINOv3 features", "YOLOv12 series": a versioned name is a model
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|\bvs\.?|\bversus)\s+$")
# words after a name that stands on its own (beside the function words and verbs of discover.py)
_AFTER_NAME = frozenset("against over across under without within among amongst through after before beyond between "
                        "alongside during upon onto per versus nor yet so there here alone itself even first "
                        # what a model gives or is ("frozen MuQ representations", "the FooNet baseline")
                        "feature features representation representations output outputs prediction predictions weights "
                        "checkpoint checkpoints baseline baselines variant variants backbone backbones family series".split())


def _generic_compound(name: str) -> bool:
    """Whether a hyphen/slash compound's only name-like parts (acronyms, inner capitals) are the stop list's
    generic words ("AI-Agent", "Gen-AI", "LLM-Empowered", "Non-IID", "Camera-LiDAR"): a description, no name.

    >>> [_generic_compound(n) for n in ("AI-Agent", "LLM-Empowered", "Non-IID", "ViT-Adapter", "AI-Ops", "FooNet")]
    [True, True, True, False, True, False]
    """
    parts = [p for p in _SPLIT_PARTS.split(name) if p]
    if len(parts) < 2:
        return False
    stop = load_stoplist()
    strong = [p for p in parts if _kind(p) in ("caps", "alnum", "mixed")]
    return bool(strong) and all(p in stop or p.rstrip("s") in stop for p in strong)


def _modifier_only(texts: dict[str, str], mentions) -> bool:
    """Whether every mention of a name stands as the modifier of a common noun ("LMM robustness", "ATM cash
    logistics", "ROS libraries", "CEM-level"), never as a name of its own: not before a verb, a function word,
    a method head ("NWD loss", "CBM framework"), nor in a list ("A, B and C"), nor followed by "'s" or punctuation.

    >>> t = "It improves LMM robustness. BarNet and FooNet reduce error. QuxNet outperforms."
    >>> [_modifier_only({"abstract": t}, [Mention(n, t.find(n), t.find(n) + len(n), "abstract", 0)])
    ...  for n in ("LMM", "FooNet", "QuxNet")]
    [True, False, False]
    """
    heads, stop = load_heads()["Method"], load_heads()["Stop"]
    for m in mentions:
        text = texts[m.field]
        nxt = _NEXT_WORD.match(text, m.end)
        if nxt is None or _LIST_BEFORE.search(text, max(0, m.start - 8), m.start):
            return False
        w = nxt[1]
        if w in stop or w in _AFTER_NAME or w in _VERBS or w in heads or w.rstrip("s") in heads or w.endswith(("ed", "ly")):
            return False
    return True


def _inside_other(low: dict[str, str], m: Mention, key: tuple[str, str], ents: dict[tuple[str, str], dict]) -> bool:
    """Whether the mention ``m`` ends a longer name of another Method entity written right there (``low``: the
    lower-cased title and abstract).

    >>> t = "factorization vision transformer for x"
    >>> m = Mention("Vision Transformer", 14, 32, "title", 0)
    >>> ents = {("Method", "favit"): {"name": "FaViT", "aliases": {"factorization vision transformer"}}}
    >>> _inside_other({"title": t}, m, ("Method", "vision transformer"), ents)
    True
    """
    n, text = len(m.text), low[m.field]
    for k, r in ents.items():
        if k[0] != "Method" or k == key:
            continue
        for form in (r["name"], *r["aliases"]):
            if (len(form) > n + 2 and " " in form and " and " not in form and m.end >= len(form)
                    and text.startswith(form.lower(), m.end - len(form))):
                return True
    return False


_PART_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,20}\)\s*(?:modules?|blocks?|branch(?:es)?)\b(?!-)", re.I)


def _new_part(text: str, s: int, e: int, source: str) -> bool:
    """Whether the mention ``text[s:e]`` names a part of the paper's own method: a spelled-out name with a part head
    or a "module/block/branch" noun after it or its bracketed acronym ("FooNet includes a Bar Fusion Module (BFM)",
    "the Bar Fusion (BF) module"), unless the words before present it as existing work ("such as", "existing");
    or a name of no other source before "module/block" presented as new ("we propose X, which integrates a
    FooLoRA module"; `named_part_is_new`).

    >>> t = "It uses a Foo Fusion (FF) module and a Bar Fusion Block (BFB). Tools such as Qux Block (QB) help."
    >>> [_new_part(t, a, b, "definition") for a, b in ((10, 20), (22, 24), (39, 55), (78, 87))]
    [True, True, True, False]
    """
    if source == "name":
        return _PART_NEXT.match(text, e) is not None and named_part_is_new(text, s)
    return source == "definition" and (_PART_HEAD.search(text, s, e) is not None or _PART_BRACKET_AFTER.match(text, e)
                                       is not None or _OWN_PART_AFTER.match(text, e) is not None) and \
        not _EXISTING_BEFORE.search(text, max(0, s - 50), s)


def _part_only(r: dict) -> bool:
    """An entity record made proposed only as a part of the paper's method (`_new_part`), by no proposal cue."""
    return bool(r.get("part")) and not r.get("cued")


def _variant_of(form: str, own: str) -> bool:
    """Whether ``form`` is ``own`` with a suffix ("FooNet-L", "FooNet_v2", "FooNet16L", "FooNet language model").

    >>> _variant_of("FooNet-L", "FooNet"), _variant_of("FooNet language model", "FooNet"), _variant_of("FooNetwork", "FooNet")
    (True, True, False)
    """
    return len(form) > len(own) and form.startswith(own) and not form[len(own)].islower()


def _assemble(paper: Paper, docs) -> PaperExtraction:
    ents: dict[tuple[str, str], dict] = {}
    per_field = []
    for field, text, doc in (("title", paper.title, docs[0]), ("abstract", paper.abstract, docs[1])):
        sents = split_sentences(text)
        cat = _catalog_spans(doc, text)
        if field == "title" and cat and "(" in paper.abstract:
            cat = {k: v for k, v in cat.items() if not _redefined(paper.abstract, text[k[0]:k[1]], v)}
        per_field.append((field, text, sents, *field_mentions(text, cat, field, sents)))
    # one surface form, one type: a bare name takes the type its other mentions got from context
    strong: dict[str, tuple[str, str]] = {}
    for field, text, sents, mentions, prop, sources in per_field:
        for s, e, typ, name in mentions:
            if sources[(s, e)] != "name":
                strong.setdefault(text[s:e].lower(), (typ, name))
    # a task phrase found only by its head noun, or a one-word catalog task ("recommendation"), once, in the
    # abstract is a passing mention, not the paper's task (unless it qualifies another task: "multivariate time
    # series classification")
    title_low = paper.title.lower()
    stop_names = load_stoplist()
    task_count = Counter(name.lower() for _, _, _, mentions, _, _ in per_field for _, _, typ, name in mentions
                         if typ == "Task")
    # a name of the paper's own that is a dataset somewhere ("X: a ... dataset", "X, a large-scale corpus") is
    # that dataset wherever else it got the default type Method ("models trained with our X")
    datasets = {name.lower() for _, _, _, mentions, _, sources in per_field for s, e, typ, name in mentions
                if typ == "Dataset" and sources[(s, e)] in ("proposal", "apposition", "definition")}
    # likewise a name the paper presents as a task ("we propose a Case2Code task", "X, a new task") is that task
    # where it got the default type Method (the title "Case2Code: Learning ...")
    own_tasks = {name.lower() for _, _, _, mentions, _, sources in per_field for s, e, typ, name in mentions
                 if typ == "Task" and sources[(s, e)] in ("proposal", "apposition")} - datasets
    quals: dict[tuple[str, str], set[str]] = {}
    abstract_low = paper.abstract.lower()
    learned = entscore.USE_LEARNED or entscore.CAPTURE is not None
    dropped: list[tuple[str, Mention, str, str, str, str]] = []  # borderline candidates for the learned scorer
    for i, (field, text, sents, mentions, prop, sources) in enumerate(per_field):
        retyped = []
        # (a mined task phrase of the abstract that the title lacks is dropped below: it is no partner either)
        task_spans = [(s, e) for s, e, typ, name in mentions if typ == "Task" and not (
            field == "abstract" and sources[(s, e)] == "mined" and name.lower() not in title_low)]
        for s, e, typ, name in mentions:
            if sources[(s, e)] == "name" and text[s:e].lower() in strong:
                typ, name = strong[text[s:e].lower()]
            if typ == "Method" and name.lower() in _PARADIGMS:
                continue
            if (typ == "Method" and name.lower() in datasets and sources[(s, e)] != "catalog"
                    and _lookup(name) is None):
                typ = "Dataset"
            elif (typ == "Method" and name.lower() in own_tasks and sources[(s, e)] in ("proposal", "name")
                    and _lookup(name) is None):
                typ = "Task"
            if (typ == "Task" and sources[(s, e)] == "task" and _ACRONYM_OPENS.match(name)
                    and name.split(" ", 1)[0] not in stop_names
                    and (strong.get(name.split(" ", 1)[0].lower(), ("Task",))[0] != "Task"
                         or field == "title" and _MEANS_BEFORE.search(text, max(0, s - 8), s))):
                # an acronym no domain list knows opens the phrase: not the paper's task where the paper types it
                # ("Foo Bar Network (FBN) segmentation") or a title names it as the means ("... with VQC Forecasting");
                # the rest is, when a task alone ("autoregressive (AR) text-to-image generation")
                acr, rest = name.split(" ", 1)
                hit = _lookup(rest)
                if " " not in rest and not (hit and hit[0] == "Task"):
                    continue
                s, name = s + len(acr) + 1, hit[1] if hit and hit[0] == "Task" else rest
                sources[(s, e)] = "task"
            if (typ == "Task" and field == "abstract" and task_count[name.lower()] == 1
                    and (sources[(s, e)] == "task" or (sources[(s, e)] == "catalog" and " " not in name))
                    and _task_core(name.lower(), set(task_count) - {name.lower()}) is None
                    and not _task_cue(text, s, e, task_spans)):
                if learned:
                    dropped.append((field, Mention(text[s:e], s, e, field, _sent_index(sents, s)), typ, name,
                                    sources[(s, e)], "passing_task"))
                continue
            if typ == "Task" and field == "abstract" and sources[(s, e)] == "mined" and name.lower() not in title_low:
                continue  # a mined task phrase (the lower tier) names the paper's task only when the title has it too
            if (typ == "Task" and field == "abstract" and task_count[name.lower()] == 1
                    and name.lower() not in title_low and _in_application_list(text, s)):
                if learned:
                    dropped.append((field, Mention(text[s:e], s, e, field, _sent_index(sents, s)), typ, name,
                                    sources[(s, e)], "application_list"))
                continue  # "applications in domains such as robotics, autonomous driving and ...": not the paper's task
            if typ == "Task" and field == "title" and _VIA_BEFORE.search(text, max(0, s - 9), s):
                continue  # "Defect Detection via Diffusion Generation": the means, not the paper's task
            if typ == "Dataset" and sources[(s, e)] != "catalog" and _count_name(text, s, e):
                continue  # "on 32K and 128K benchmarks", "(Wasabi Wallet, 2020-2024)", "R metrics": no name
            retyped.append((s, e, typ, name))
        per_field[i] = (field, text, sents, retyped, prop, sources)
        ends = {e for _, e, _, _ in retyped}
        for s, e, typ, name in retyped:
            q = None
            if typ == "Method" and sources[(s, e)] == "catalog":
                q = _qualified(text, s, field == "abstract")
                if q is None:
                    q = recurring_qualifier(text, s, e, title_low, abstract_low)
                if q is None and field == "abstract" and text[s:s + 1].islower():
                    q = _noun_qualifier(text, s)
            elif typ == "Metric" and field == "abstract" and sources[(s, e)] != "name":
                q = metric_qualifier(text, s)
            if q is not None and not any(q < x < s for x in ends):
                quals.setdefault((typ, name.lower()), set()).add(text[q:e])
            if typ == "Metric" and sources[(s, e)] == "metric" and " " in text[s:e]:
                h = _catalog_head(text, s, e)  # "detection accuracy of 91%": the measure it qualifies, "accuracy"
                if h is not None:
                    quals.setdefault((typ, name.lower()), set()).add(text[h:e])
            rec = ents.setdefault((typ, name.lower()), {"name": name, "mentions": [], "aliases": set(), "role": "used",
                                                        "conf": 0.0})
            rec["mentions"].append(Mention(text=text[s:e], start=s, end=e, field=field, sentence=_sent_index(sents, s)))
            if text[s:e] != rec["name"]:
                rec["aliases"].add(text[s:e])
            rec["conf"] = max(rec["conf"], _CONF[sources[(s, e)]])
            if learned:
                rec.setdefault("src", set()).add(sources[(s, e)])
            if typ == "Method" and sources[(s, e)] == "part" and (s, e) in prop:
                if rec["role"] == "used" and not _known(name, "part"):
                    rec["role"] = "proposed"  # a part the paper lists as its own, not the paper's method itself
                    rec["part"] = True
            elif typ in ("Method", "Dataset") and ((s, e) in prop or role_of(text, s, field) == "proposed" or (
                    # a name spelled out with its acronym in the abstract and standing in the title
                    field == "abstract" and sources[(s, e)] == "definition" and " " in name
                    and _title_opens_with(title_low, name.lower()))) and (
                    not _known(name, sources[(s, e)]) or (field == "title" and s == 0 and _TITLE_HEAD_END.match(text, e))
                    or ((s, e) in prop and _introduced(text, s, name)) or _introduced_known(text, s, e, title_low)):
                rec["role"] = "proposed"
                rec["cued"] = True
            elif (typ == "Method" and field == "abstract" and rec["role"] == "used" and not _known(name, sources[(s, e)])
                  and _new_part(text, s, e, sources[(s, e)])):
                rec["role"] = "proposed"  # a part of the paper's method, not the paper's method itself
                rec["part"] = True
    if not any(t == "Method" and r["role"] == "proposed" and not _part_only(r) for (t, _), r in ents.items()):
        # no proposal cue: an unknown name that opens a result clause ("X reaches 91%") is the paper's own
        for field, text, sents, mentions, prop, sources in per_field:
            unknown = [(s, e) for s, e, typ, name in mentions if typ == "Method" and sources[(s, e)] != "catalog"
                       and catalog_lookup(name) is None]
            for s, e in result_subjects(text, unknown):
                name = next(n for a, b, _, n in mentions if (a, b) == (s, e))
                ents[("Method", name.lower())]["role"] = "proposed"
                ents[("Method", name.lower())]["cued"] = True
    own = [r["name"] for (t, _), r in ents.items() if t == "Method" and r["role"] == "proposed" and len(r["name"]) > 3
           and " " not in r["name"] and catalog_lookup(r["name"]) is None]
    for (t, _), r in ents.items() if own else ():
        # "FooNet-L", "FooNet language model (FooLM)": a variant of the paper's own method is its own too
        if t == "Method" and r["role"] == "used" and any(
                _variant_of(f, o) for o in own for f in (r["name"], *r["aliases"])) and not _known(r["name"], ""):
            r["role"] = "proposed"
            r["cued"] = True
    for (t, _), r in ents.items() if own else ():
        # "Pat-FooVAL introduces Chain-of-Zorb-Thought (CoZT), a ...", "StableFoo introduces a Detail Zorb Network
        # (DZN)": a name the paper's own method introduces is a part of it
        if t == "Method" and r["role"] == "used" and not _known(r["name"], "") and any(
                m.field == "abstract" and _OWN_INTRODUCES.search(paper.abstract, max(0, m.start - 80), m.start)
                and _OWN_INTRODUCES.search(paper.abstract, max(0, m.start - 80), m.start)[1] in own
                for m in r["mentions"]):
            r["role"] = "proposed"
            r["part"] = True
    _merge_task_variants(ents)
    texts = {"title": paper.title, "abstract": paper.abstract}
    _restated_tasks(ents, texts, {f: ss for f, _, ss, *_ in per_field})
    for key in [k for k, r in ents.items() if k[0] == "Method" and r["conf"] == _CONF["name"] and r["role"] == "used"]:
        # a name typed Method by default only, every time a modifier ("improves LMM robustness", "PPG signal"):
        # an acronym of the domain, a tool or a format, not a method the paper uses
        name = ents[key]["name"]
        ms = ents[key]["mentions"]
        if (paper.abstract and all(m.field == "title" for m in ms)) or not _DIGIT_IN.search(name) and (
                _modifier_only(texts, ms) or _generic_compound(name)) and not _type_of_name(name)[2]:
            # also: a name by default in the title only, which the abstract never uses as a name ("... for Robust RF
            # Device Fingerprinting", "Quantized MIMO ISAC", "Stumps System-1 Thinkers"): a domain term in passing
            rec = ents.pop(key)
            if learned:
                dropped += [(m.field, m, key[0], name, "name", "modifier_only") for m in rec["mentions"]]
    low = {"title": title_low, "abstract": paper.abstract.lower()}
    for key in [k for k in ents if k[0] == "Method"]:
        # "Factorization Vision Transformer: ..." with "the factorization vision transformer (FaViT)" in the
        # abstract: the title names the paper's own model, whose head only is a catalog name; "we propose
        # Enhanced HOPE, ... Enhanced HOPE reduces": the later "HOPE" is no name of its own
        if all(_inside_other(low, m, key, ents) for m in ents[key]["mentions"]):
            del ents[key]
    for key in [k for k in ents if k[0] == "Method" and k[1] in _FAMILIES]:
        ms = ents[key]["mentions"]
        if len(ms) == 1 and ms[0].field == "abstract" and paper.abstract.startswith(_AS_MODIFIER, ms[0].end):
            del ents[key]  # once, as "Transformer-based X": the family qualifies another name in passing
        elif paper.abstract and all(m.field == "title" for m in ms) and not quals.get(key):
            # a family named in the title only ("A 5M-Parameter Transformer for ...", "Adapting Pre-trained
            # Transformers to Video"): the kind of the paper's model, which the abstract never uses as a name (kept
            # with a qualifier the abstract repeats: "the Looped Transformer" ... "a looped transformer")
            del ents[key]
    for key in [k for k in ents if k[0] == "Metric" and ents[k]["name"] in _COST_METRICS]:
        # a cost is the price of a method, no named measure (results still read it as their metric), unless measured
        if not any(m.field == "abstract" and _COST_VALUED.match(paper.abstract, m.end) for m in ents[key]["mentions"]):
            del ents[key]
    removed: set[tuple[str, str]] = set()
    if learned:
        removed = _learned_filter(paper, ents, per_field, dropped, quals)
        if removed:
            per_field = [(f, t, ss, [m for m in ms if (m[2], m[3].lower()) not in removed], p, so)
                         for f, t, ss, ms, p, so in per_field]
    entities = tuple(
        Entity(type=t, name=r["name"], aliases=tuple(sorted((r["aliases"] | quals.get((t, k), set())) - {r["name"]})),
               role=r["role"] if t in ("Method", "Dataset") else None,
               confidence=min(1.0, r["conf"] + (0.1 if r["aliases"] or len(r["mentions"]) > 1 else 0.0)),
               mentions=tuple(r["mentions"]))
        for (t, k), r in ents.items())
    # the paper's method: not a part proposed only as a part of it ("FooNet includes a Bar Fusion (BF) module")
    parts = {r["name"] for (t, _), r in ents.items() if t == "Method" and _part_only(r)}
    proposed = next((e.name for e in entities if e.type == "Method" and e.role == "proposed" and e.name not in parts),
                    None)
    results, relations = [], []
    for field, text, sents, mentions, _, _ in per_field:
        results += find_results(text, sents, mentions, field=field, proposed=proposed)
        relations += find_relations(text, sents, mentions, field=field, proposed=proposed)
    if learned and removed:  # a relation read from the text itself ("X: ..." titles) to a rejected entity
        relations = [r for r in relations if (r.head_type, r.head.lower()) not in removed
                     and (r.tail_type, r.tail.lower()) not in removed]
    repos, urls = find_links(paper.title + "\n" + paper.abstract)
    return PaperExtraction(paper=paper, entities=entities, repos=tuple(repos), results=tuple(results),
                           relations=tuple(relations), urls=tuple(urls))


def _learned_filter(paper: Paper, ents: dict[tuple[str, str], dict], per_field: list,
                    dropped: list[tuple[str, Mention, str, str, str, str]],
                    quals: dict[tuple[str, str], set[str]]) -> set[tuple[str, str]]:
    """Apply (or, for training, record) the learned entity scorer (:mod:`kg.extract.entscore`): delete the
    entities of ``ents`` it rejects and add the ``dropped`` borderline candidates it admits; returns the
    deleted keys. Only the types the model can change are scored."""
    capture = entscore.CAPTURE is not None
    model = entscore.load_scorer() if entscore.USE_LEARNED else None

    def wanted(typ: str, is_dropped: bool) -> bool:
        return capture or (model is not None and entscore.active(model, typ, is_dropped))
    texts = {"title": paper.title, "abstract": paper.abstract}
    sentences = {f: ss for f, _, ss, *_ in per_field}
    cands: list[tuple[tuple[str, str], entscore.Candidate, dict | None]] = []
    for (t, k), r in ents.items():
        if not wanted(t, False):
            continue
        c = entscore.Candidate(t, r["name"], frozenset(r.get("src") or {"task"}), r["conf"],
                               r["role"] if t in ("Method", "Dataset") else None, tuple(r["mentions"]), False, None)
        if capture or entscore.gated(model, c):
            cands.append(((t, k), c._replace(known=_lookup(r["name"]) is not None), None))
    extra: dict[tuple[str, str], dict] = {}
    for _, m, typ, name, src, reason in dropped:
        key = (typ, name.lower())
        if key in ents or not wanted(typ, True):
            continue
        rec = extra.setdefault(key, {"name": name, "mentions": [], "aliases": set(), "role": "used", "conf": 0.0,
                                     "src": set(), "reason": reason})
        rec["mentions"].append(m)
        if m.text != name:
            rec["aliases"].add(m.text)
        rec["conf"] = max(rec["conf"], _CONF[src])
        rec["src"].add(src)
    for key, r in extra.items():
        cands.append((key, entscore.Candidate(key[0], r["name"], frozenset(r["src"]), r["conf"], None,
                                              tuple(r["mentions"]), _lookup(r["name"]) is not None, r["reason"]), r))
    removed: set[tuple[str, str]] = set()
    if capture:
        entscore.CAPTURE.append((paper.id, [(c, entscore.entity_features(c, texts, sentences),
                                             sorted(ents[key]["aliases"] | quals.get(key, set())) if r is None
                                             else sorted(r["aliases"])) for key, c, r in cands]))
    if model is None:
        return removed
    for key, c, r in cands:
        if not entscore.active(model, c.type, r is not None):
            continue
        ok = entscore.keeps(c, texts, sentences, model["types"][c.type])
        if r is None and not ok:
            del ents[key]
            removed.add(key)
        elif r is not None and ok:
            r.pop("src")
            r.pop("reason")
            ents[key] = r
    return removed


def extract_paper(paper: Paper, nlp: Language | None = None) -> PaperExtraction:
    """Extract entities, code links, results and relations from one paper.

    >>> x = extract_paper(Paper(id="7", title="", abstract="Code: github.com/org/tool. We use BERT."))
    >>> [r.url for r in x.repos], [(e.type, e.name) for e in x.entities]
    (['https://github.com/org/tool'], [('Method', 'BERT')])
    """
    return next(extract_papers([paper], nlp=nlp))


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return extraction_nlp()


def _too_long(paper: Paper, max_length: int) -> ValueError | None:
    """The error for a paper whose title or abstract is past the pipeline's ``max_length``, else None.

    kg's readers cut such a text with a warning (:data:`kg.ingest.records.MAX_TEXT_CHARS`); a :class:`Paper` built
    in code can still carry one, and spaCy would stop the whole stream with its E088 error.

    >>> str(_too_long(Paper(id="x", title="", abstract="a b c d"), 5))
    "paper 'x': the abstract has 7 characters, past the pipeline's max_length 5; cut it, or raise nlp.max_length"
    """
    for name in ("title", "abstract"):
        n = len(getattr(paper, name))
        if n > max_length:
            return ValueError(f"paper {paper.id!r}: the {name} has {n:,} characters, past the pipeline's "
                              f"max_length {max_length:,}; cut it, or raise nlp.max_length")
    return None


def extract_papers(papers: Iterable[Paper], *, nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 64,
                   on_error: Callable[[Paper, Exception], None] | None = None) -> Iterator[PaperExtraction]:
    """Stream extractions in input order.

    Parameters
    ----------
    papers
        Any iterable of :class:`kg.models.Paper` (consumed lazily).
    nlp
        A pipeline from :func:`build_nlp` (default: a cached ``build_nlp()``).
    n_process
        Processes for ``nlp.pipe``; the output is the same as with one.
    batch_size
        Texts per ``nlp.pipe`` batch.
    on_error
        Called with the paper and the exception when the rules fail on one paper (a bug, never bad input: the text
        was read already), or with a :class:`ValueError` naming the paper and field when its title or abstract is
        longer than ``nlp.max_length``; the paper is then yielded with no entities, so the output keeps every paper
        in order. Default: the exception propagates.

    >>> [x.id for x in extract_papers([Paper(id="a", title="", abstract="ResNet."), Paper(id="b", title="", abstract="")])]
    ['a', 'b']
    """
    nlp = nlp or _default_nlp()
    pending: deque[tuple[Paper, ValueError | None]] = deque()

    def texts():
        for p in papers:
            too_long = _too_long(p, nlp.max_length)
            pending.append((p, too_long))
            yield "" if too_long else p.title
            yield "" if too_long else p.abstract
    docs = nlp.pipe(texts(), batch_size=batch_size, n_process=n_process)
    for title_doc in docs:
        abstract_doc = next(docs)
        paper, too_long = pending.popleft()
        try:
            if too_long:
                raise too_long
            x = _assemble(paper, (title_doc, abstract_doc))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(paper, exc)
            x = PaperExtraction(paper=paper)
        yield x
