"""Pattern-based discovery of entity names the catalog does not know.

Pure functions over a title or abstract; each returns character spans. The pipeline
(:mod:`kg.extract`) merges them with catalog matches, catalog first.

- :func:`name_chunks` - name-like tokens (CamelCase, acronyms, letter+digit, ``X-7B``) with
  version/size suffixes (``Llama 2 7B``, ``GPT-4``, ``ResNet-50``, ``BERT-Large``), minus a stop list.
- :func:`dataset_lists` - "X dataset(s)/benchmark", "the A, B and C datasets", "datasets such as A, B",
  "experiments on A and B".
- :func:`task_phrases` - noun phrases headed by a task noun ("... detection/segmentation/translation")
  with their modifiers.
- :func:`long_form_type` - the type of a Schwartz-Hearst long form, from its head noun.
- :func:`proposal_spans` - names after proposal cues ("we propose X", "named X", "our X", title "X: ...").

>>> t = "We propose FooNet-Large and evaluate it on the Bar-1K and BazQA datasets."
>>> [t[s:e] for s, e in name_chunks(t)]
['FooNet-Large', 'Bar-1K', 'BazQA']
>>> [t[s:e] for s, e in dataset_lists(t)]
['Bar-1K', 'BazQA']
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from kg.extract.catalog import catalog_lookup, load_catalog
from kg.extract.scan import WordStarts, finditer_at, has_digit, matches_at, starts_of

__all__ = ["enumerated_parts", "capitalised_dataset_names", "titled_measures", "metric_qualifier", "catalog_task_modifier", "measure_spans", "result_subjects", "name_chunks", "is_name_token", "dataset_lists", "task_phrases", "metric_spans", "appositive_types", "long_form_type", "proposal_spans",
           "title_head", "definition_context", "load_heads", "load_stoplist", "load_vague_phrases"]


@lru_cache(maxsize=1)
def load_stoplist() -> frozenset[str]:
    """Tokens that look like names but are not entities (``data/stoplist_names.txt``).

    >>> "GPU" in load_stoplist()
    True
    """
    text = resources.files("kg.extract").joinpath("data/stoplist_names.txt").read_text(encoding="utf-8")
    return frozenset(x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def load_vague_phrases() -> frozenset[str]:
    """Lower-case phrases that name a field or nothing in particular (``data/stoplist_phrases.txt``): never entities.

    >>> "deep learning" in load_vague_phrases()
    True
    """
    text = resources.files("kg.extract").joinpath("data/stoplist_phrases.txt").read_text(encoding="utf-8")
    return frozenset(x.strip().lower() for x in text.splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def load_heads() -> dict[str, frozenset[str]]:
    """Head-noun lists from ``data/patterns_heads.jsonl``: keys Method, MethodLongForm, Dataset, Metric, Task,
    TaskWeak, TaskNotOpen, MethodQualifier, Stop.

    >>> "segmentation" in load_heads()["Task"]
    True
    """
    text = resources.files("kg.extract").joinpath("data/patterns_heads.jsonl").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for row in map(json.loads, text.splitlines()):
        if row.get("type") == "TaskModifierStop":
            out["Stop"] = frozenset(row["words"])
        elif "type" in row:
            out[row["type"]] = frozenset(h.lower() for h in row["heads"])
            if "weak_heads" in row:
                out[row["type"] + "Weak"] = frozenset(row["weak_heads"])
    return out


# ----------------------------------------------------------------------------------------------- names

# a token with an upper-case letter or a digit after its first character (plain words, capitalised or not,
# never reach Python code); "Llama 2" (capitalised word + version number) is found by _CAP_NUM
_CAP_NUM = re.compile(r"[A-Z][a-z]+(?= \d{1,4}(?:\.\d+)?(?![\w\-]))")  # preceding char checked in Python
_TOKEN = re.compile(r"(?<![\w\-.\\])(?=[A-Za-z0-9][a-z.\-/+]*[A-Z0-9])[A-Za-z0-9][A-Za-z0-9]*(?:[.\-/+][A-Za-z0-9]+)*\+{0,2}")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.\\")
# a _TOKEN match lies inside one run of these characters and holds a capital or a digit after its first character:
# only a run with one there ("iPhone", "GPT-4", "ResNet"; not "We", "The": most capitalised words) can hold a
# match; it is found from that capital or digit (a character class the regex engine skips ahead to, the character
# before it checked by a look-behind), the rest of the text needs no look at all
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-/+")
_INNER_CAP = re.compile(r"[A-Z0-9](?<=[A-Za-z0-9.\-/+].)")
_RUN_REST = re.compile(r"[A-Za-z0-9.\-/+]*")


def _token_matches(text: str) -> list[re.Match]:
    """``list(_TOKEN.finditer(text))``, with ``_TOKEN`` tried only inside the runs of word characters that hold a
    capital or a digit after their first character (``_TOKEN`` tries its look-behind and look-ahead at every
    character: ~2.5x slower).

    >>> t = "We fine-tune mBERT/XLM-R (v2.0) on e.g. CIFAR-10 and x_Net, not on GPT4."
    >>> [m[0] for m in _token_matches(t)] == [m[0] for m in _TOKEN.finditer(t)]
    True
    """
    found: list[re.Match] = []
    end = -1
    for inner in _INNER_CAP.finditer(text):
        if inner.start() < end:
            continue  # a run already scanned
        a = inner.start() - 1
        while a and text[a - 1] in _RUN_CHARS:  # back to the start of the run
            a -= 1
        end = _RUN_REST.match(text, inner.end()).end()
        found += _TOKEN.finditer(text, a, end)  # look-behinds still see the character before the run
    return found


_UPPER = re.compile(r"[A-Z]")
_PLURAL_ACRONYM = re.compile(r"[A-Z]s$")
_NEXT_TOKEN = re.compile(r" ([A-Za-z0-9][\w.\-]*[\w])")
_ALPHA = re.compile(r"[A-Za-z]")
# a number suffix is a version or a size, never a value ("DoRA 87.9%", "Llama 3 88.6% MMLU": a name, then a score)
_SUFFIX = re.compile(
    r" (?:\d{1,4}(?:\.\d)?(?!\.\d)[BMKbmk]?(?! ?(?:\\?%|percent\b))|[vV]\d+(?:\.\d+)?|(?:Large|Base|Small|Tiny|Mini|Medium|XL|XXL|Huge|Giant|Instruct|Chat|"
    r"Pro|Turbo|Plus|Ultra|Lite|Max|Nano|Flash|Preview|Coder|Vision|VL|Bench)\b(?! [A-Z][a-z]))(?![\w\-])")
_NOT_CAP_NUM = frozenset(
    "Table Tables Figure Fig Figs Section Sec Eq Equation Appendix Chapter Phase Stage Step Steps Level Version Type "
    "Class Task Tasks Part Round Day Days Week Year Years Top Rank Layer Block Experiment Setting Case Group Problem "
    "Question Theorem Lemma Algorithm Definition Proposition Corollary Track Subtask Split Fold Tier Grade Epoch "
    "Epochs Model Models Method Methods Dataset Datasets Benchmark Benchmarks Module Component Scenario Scenarios "
    "Category Categories Stages Phases Levels Rule Rules Games Game Episode Episodes Iteration Iterations Hours "
    "Minutes Seconds Challenge Edition Vol Volume No Number Over Under About Around Only Just Nearly Approximately "
    "In On At By For Of To With From And Or The A An Of Since Until Than When Using Within Across After Before "
    "Among Between Each Every All Both "
    # GPU / CPU product lines: "RTX 4090", "Jetson Orin", "Xeon 6338"
    "RTX GTX Quadro Jetson Xeon Ryzen Snapdragon Tesla Titan "
    # dates: "November 2022", "Summer 2024"
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Fall Winter Q1 Q2 Q3 Q4 Early Mid Late "
    # parts of a study or a place: "Hypothesis 2", "Cycle 10", "Office 1"
    "Hypothesis Hypotheses Cycle Cycles Session Sessions Wave Batch Trial Trials Study Studies Test Tests Period "
    "Term Region Zone Area Room Floor Building Site Office Sample Samples Subject Subjects Participant Participants "
    "Patient Patients Condition Conditions Item Items Query Queries Prompt Prompts Scene Scenes Run Runs "
    # tools and releases: "Unreal Engine 5"
    "Engine Release "
    # sentence openers and generic words before a count: "Overall 12", "Existing 3", "Industry 4.0", "Apache 2.0" (a
    # licence), "System 1" (thinking)
    "Existing Overall Average Through Industry Division System Apache Some Many Most Several Few Almost Total "
    "Another Additional Two Three Four Five Six Seven Eight Nine Ten".split())
_LOW_SUFFIX = re.compile(r"^[a-z]{3,}$")
_SPACE_NUM = re.compile(r" \d+(?:\.\d+)?")


_JUNK = re.compile(r"\d[\d.,]*[A-Za-z]{1,3}$|\d+-(?:DoF|DOF|dof)s?$|[a-z]{6,}\d|[a-z]+\d+[.,]\d|\d+times\d|[A-Z]{2,}[a-z]{3,}(?:ing|ed|tion)$")
_WORD_START = re.compile(r"[A-Z][a-z]{2,}")
_SPLIT_KEEP = re.compile(r"([\-/])")
_SPLIT_PARTS = re.compile(r"[\-/.+]")
_LEAD_WORD = re.compile(r"(\w+)\s+")
_LEAD_NUM = re.compile(r"(?:[\d.,]+%?(?:-[a-z]+)?\s+)+(?=[A-Za-z])")  # "128 UCR", "the 104-challenge Foo benchmark"
_EQUALS_AFTER = re.compile(r"\s*=")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)
_LOW_MIXED = re.compile(r"[a-z]{1,3}[A-Z]{2}")


def _kind(p: str) -> str:
    letters = sum(c.isalpha() for c in p)
    if not letters:
        return "num"
    if any(c.isdigit() for c in p):
        if _ORDINAL.match(p):
            return "low"
        return "alnum" if letters >= 2 else "ver"
    if p.isupper():
        return "caps" if letters >= 2 else "letter"
    if any(c.isupper() for c in p[1:]):
        # "mBERT", "xLSTM" yes; "eXplainable", "veRy" (acronym-forming capitals) no
        return "mixed" if p[0].isupper() or _LOW_MIXED.match(p) else "low"
    return "cap" if p[0].isupper() else "low"


# title-case adjective ends ("CLIP-Based", "LLM-Guided") are stripped like lower-case ones
_ADJ_SUFFIX = frozenset("based driven guided aware oriented enhanced powered inspired assisted augmented conditioned "
                        "like free specific level wise agnostic centric style".split())


_SIZE_WORDS = frozenset("large base small tiny mini medium huge giant xl xxl instruct chat".split())


def _strip_low(tok: str) -> tuple[int, int]:
    """Offsets inside ``tok`` after dropping leading/trailing lowercase word parts ("BERT-based" -> "BERT")."""
    if "-" not in tok and "/" not in tok:
        return 0, len(tok)
    parts = _SPLIT_KEEP.split(tok)
    words = parts[0::2]
    i, j = 0, len(words)
    while j - i > 1 and (_LOW_SUFFIX.match(words[j - 1]) or words[j - 1].lower() in _ADJ_SUFFIX):
        if words[j - 1] in _SIZE_WORDS and not _LOW_SUFFIX.match(words[j - 2]):
            break  # "ELECTRA-large", "T5-base", "DeiT-tiny": the size variant of the name, kept whole
        j -= 1
    while j - i > 1 and _LOW_SUFFIX.match(words[i]):
        i += 1
    start = sum(len(x) for x in parts[:2 * i])
    end = sum(len(x) for x in parts[:2 * j - 1])
    return start, end


def is_name_token(tok: str, stop: frozenset[str] | None = None) -> bool:
    """Whether ``tok`` looks like a model/dataset name rather than a word.

    >>> [is_name_token(t) for t in ["LoRA", "CIFAR100", "GPT-4", "Mistral-7B", "BERT", "Transformer", "3D", "GPUs"]]
    [True, True, True, True, True, False, False, False]
    """
    if stop is None:
        return _is_name_cached(tok)
    return _is_name(tok, stop)


@lru_cache(maxsize=200_000)
def _is_name_cached(tok: str) -> bool:
    return _is_name(tok, load_stoplist())


def _is_name(tok: str, stop: frozenset[str]) -> bool:
    if tok in stop or (tok.endswith("s") and tok[:-1] in stop):
        return False
    if _JUNK.match(tok) or len(_WORD_START.findall(tok)) >= 4:  # "0.15dB", "rgb0.032", glued PDF words
        return False
    kinds = [_kind(p) for p in _SPLIT_PARTS.split(tok) if p]
    if not kinds:
        return False
    if any(k in ("alnum", "caps", "mixed") for k in kinds):
        # an all-caps plural like "LLMs" is handled by the stop list; lone "caps" must be >=2 letters
        return not all(k in ("caps", "ver", "num", "letter") and p in stop
                       for k, p in zip(kinds, _SPLIT_PARTS.split(tok)))
    return kinds[0] == "cap" and any(k in ("num", "ver") for k in kinds[1:])


def name_chunks(text: str, *, title_case: bool | None = None, cap_num: bool = True) -> list[tuple[int, int]]:
    """Spans of name-like chunks: a name token plus version/size/variant suffixes and adjacent name tokens.

    ``Llama 2`` (a capitalised word and a version number) also counts when ``cap_num`` (not in titles,
    where every word is capitalised), unless the word is "Table", "Figure"...

    >>> t = "Llama 2 7B beats GPT-4 and BERT-based baselines in Table 2; Qwen2.5-7B-Instruct too."
    >>> [t[s:e] for s, e in name_chunks(t)]
    ['Llama 2 7B', 'GPT-4', 'BERT', 'Qwen2.5-7B-Instruct']
    """
    return list(_name_chunks(text, title_case, cap_num))


@lru_cache(maxsize=16)
def _name_chunks(text: str, title_case: bool | None, cap_num: bool) -> tuple[tuple[int, int], ...]:
    if title_case is None:
        title_case = text.isupper()
    if title_case:  # an all-caps text has no usable case signal
        return ()
    stop = load_stoplist()
    out: list[tuple[int, int]] = []
    last_end = -1
    found = _token_matches(text)  # = list(_TOKEN.finditer(text))
    if cap_num:
        cap = [m for m in _CAP_NUM.finditer(text) if m.start() == 0 or text[m.start() - 1] not in _NAME_CHARS]
        if cap:
            found = sorted(found + cap, key=lambda m: m.start())
    for m in found:
        if m.start() < last_end:
            continue
        tok = m[0]
        a, b = _strip_low(tok)
        s, e = m.start() + a, m.start() + b
        core = text[s:e].rstrip(".")
        e = s + len(core)
        named = _is_name_cached(core)
        if not named:
            nxt = _SUFFIX.match(text, e)
            if not (cap_num and core[:1].isupper() and core.isalpha() and core not in _NOT_CAP_NUM and nxt
                    and _SPACE_NUM.fullmatch(nxt[0]) and not (len(core) > 6 and core.endswith("ing"))
                    and core not in stop):
                # (a gerund opening a sentence: "Evaluating 12 models", "Covering 30 languages"; a stop-listed
                # venue or place with a year: "published at ICML 2024", "held with NAACL 2021")
                continue
        # absorb suffixes and directly following name tokens
        while True:
            nxt = _SUFFIX.match(text, e)
            if nxt:
                e = nxt.end()
                continue
            nm = _NEXT_TOKEN.match(text, e)
            if (nm and _is_name_cached(nm[1]) and _strip_low(nm[1]) == (0, len(nm[1]))
                    and not _PLURAL_ACRONYM.search(nm[1])):
                e = nm.end()
                continue
            break
        out.append((s, e))
        last_end = e
    return tuple(out)


# -------------------------------------------------------------------------------------------- datasets

_ITEM = r"(?:[A-Z0-9][\w.\-/+']*[\w+']|[A-Z0-9]|[a-z]+[A-Z0-9][\w.\-/+]*)"
_ITEM_RUN = rf"{_ITEM}(?:\s(?:&\s)?{_ITEM}){{0,3}}"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*;\s*)"
_DS_HEAD = r"(?:datasets?|benchmarks?|corpora|corpus|suites?|leaderboards?|treebanks?|testbeds?|databases?|collections?)"
_DS_STEMS = ("dataset", "benchmark", "corp", "suite", "leaderboard", "treebank", "testbed", "database", "collection")
_ITEM_RUN_RE = re.compile(_ITEM_RUN)
_LIST_RE = re.compile(rf"{_ITEM_RUN}(?:{_SEP}(?:the\s+)?{_ITEM_RUN})*")
# after a dataset head word an item may carry a short parenthesis ("datasets, FooSet (6 classes) and BarSet (9
# classes)", "benchmarks: FooQA (Smith et al.), BarQA"): the list goes on over it, its words are no items
_PAREN_NOTE = re.compile(r"\s*\([^()]{1,40}\)")
_LIST_NOTE_RE = re.compile(rf"{_ITEM_RUN}(?:\s*\([^()]{{1,40}}\))?(?:{_SEP}(?:the\s+)?{_ITEM_RUN}(?:\s*\([^()]{{1,40}}\))?)*")
_HEAD_AT = re.compile(rf"(?:\s|-){_DS_HEAD}\b")
_BEFORE_HEAD = re.compile(rf"(?<![\w\-.])({_ITEM_RUN}(?:{_SEP}{_ITEM_RUN})*)$")
_AFTER_HEAD = re.compile(
    rf"\b{_DS_HEAD}\s*(?:\([^)]{{0,40}}\)\s*)?(?:,\s*)?(?:such as|including|like|namely|:|\(e\.g\.,?|e\.g\.,?|\(i\.e\.,?|"
    rf"\(|i\.e\.,?|that is,?)\s*(?:the\s+)?")  # "(i.e., A, B)" before the bare "(": else the list would open at "i.e."
_EVAL_TRIGGER = re.compile(
    r"\b(?:experiments?|evaluat\w*|results?|tested|tests?|trained|training|fine-tuned|validated|benchmark\w*|"
    r"performance|accuracy|outperform\w*|state-of-the-art|SOTA|achiev\w+|improv\w+|surpass\w*|gains?|"
    r"experimented|scores?|reach\w*|sets?|\d%|\d)(?:\b[^.;:()]{0,60}?\b\s*|\s+)$", re.I)
_VALUE_ON = re.compile(r"(?<![\w.])(?:\d+[.,]\d+|\d+(?:[.,]\d+)?\s*\\?%)\s*([^\s.;:()]*)(?:\s+[^\s.;:()]+){0,2}\s+$")
_TIME_UNIT = re.compile(r"(?:ms|s|sec|secs|seconds|minutes|min|hours|h|fps|FPS|Hz|GB|MB|W|J|x|X|×|times|fold|-fold)$")  # a time, a size or a speed-up factor: measured on hardware or a model
_DECIMAL = re.compile(r"\d[.,]\d")
_EVAL_MODS = re.compile(
    r"(?:the\s+)?(?:(?:challenging|popular|public|publicly available|standard|widely[- ]used|large-scale|several|"
    r"multiple|two|three|four|five|six|seven|eight|nine|ten|\d+|real-world|benchmark|well-known|various|diverse)\s+)*",
    re.I)
# a dataset head noun (not the verb "we benchmark X", "to benchmark X", nor "faster than benchmark X") right before a name
_HEAD_NAME = re.compile(r"(?<!\b[Ww]e )(?<!\b[Tt]o )(?<!\bthan )(?<!\bagainst )(?<!\bover )\b(?:datasets?|benchmarks?|corpus|corpora)\s+([A-Z][\w\-.+]*)")
_HEAD_NAME_WORDS = ("dataset", "benchmark", "corp")  # a _HEAD_NAME match opens with one
_NOUN_AFTER = re.compile(r"\s+(?:datasets?|benchmarks?|tasks?|data|corpus|corpora|suite|environments?)\b")
_AFTER_HEAD_COMMA = re.compile(rf"\b{_DS_HEAD}(?:,|\s+--?|\s*\u2014)\s*(?:the\s+)?")  # "datasets, A and B," / "datasets -- A and B --"
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
_PLURAL_HEAD = re.compile(r"(?:datasets|benchmarks|corpora|suites|leaderboards|treebanks|testbeds|databases|collections)$")
_CROSS_USE = re.compile(r"\s+(?:evaluations?|experiments?|generali[sz]ation|transfer|settings?)\b")
_LIST_END = re.compile(r"\s*(?:[,.;:)]|--|\u2014|$)")
_NEW_BEFORE = re.compile(r"\b(?:new|novel|our)\s+(?:[\w\-]+\s+){0,3}$")
_ON_AT = re.compile(r"\b(?:on|across|over)\s+")
_LIST_START = re.compile(r"(?:[\w\-]+\s+){0,4}?[A-Z0-9]")
_LEAD_STOP = frozenset(
    "The A An Our This These Those Both All Two Three Four Five Six Several Many Public Popular Standard Large New "
    "Real Synthetic Existing Extensive Experiments Results We On In Across For Using With From Each Various "
    "Challenging Comprehensive Benchmark Benchmarks Dataset Datasets Moreover Furthermore Finally Additionally "
    "Specifically Empirically Experimental Evaluation Evaluations Also And Or Its Their "
    # sentence openers before "benchmarks": "Current benchmarks are ...", "To benchmark X, we ..."
    "Current To Recent Prior Previous Most Some Such Typical Other Traditional Conventional Mainstream".split())


# a size or a description before the head, not a name: "a 1B-token dataset", "a 20-domain benchmark",
# "a MMKG-grounded dataset"
_NOT_ITEM = re.compile(r"\d[\w.]*-[a-z]+|[\w\-]+-(?:grounded|based|driven|aware|oriented|guided|related|specific|level|"
                       r"scale|like|centric|rich|free)")


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _ITEM_RUN_RE.finditer(text[start:end]):
        s, e = start + m.start(), start + m.end()
        while True:  # drop leading function words ("The KITTI")
            w = _LEAD_WORD.match(text[s:e])
            if w and w[1] in _LEAD_STOP:
                s += w.end()
            else:
                break
        lead = _LEAD_NUM.match(text[s:e])  # "128 UCR" -> "UCR"
        if lead:
            s += lead.end()
        seg = text[s:e].rstrip(".'")
        if len(seg) == 1 and _EQUALS_AFTER.match(text, s + 1):
            continue  # "the Foo dataset ($N=109$)": a sample size, no name
        if seg and seg not in _LEAD_STOP and not seg.replace(".", "").isdigit() and not _NOT_ITEM.fullmatch(seg):
            out.append((s, s + len(seg)))
    return out


def _list_after(text: str, pos: int) -> list[tuple[int, int]]:
    m = _LIST_RE.match(text, pos)
    return _items(text, m.start(), m.end()) if m else []


def _noted_list_after(text: str, pos: int) -> tuple[list[tuple[int, int]], int]:
    """The items of a list after a dataset head word, which may carry short parentheses, and where the list ends.

    >>> t = "two datasets, FooSet (6 classes) and BarSet (9 classes), with care"
    >>> items, end = _noted_list_after(t, 14)
    >>> [t[s:e] for s, e in items], t[end:]
    (['FooSet', 'BarSet'], ', with care')
    """
    m = _LIST_NOTE_RE.match(text, pos)
    if not m:
        return [], pos
    out, at = [], m.start()
    for p in _PAREN_NOTE.finditer(text, m.start(), m.end()):
        out += _items(text, at, p.start())
        at = p.end()
    return out + _items(text, at, m.end()), m.end()


def dataset_lists(text: str, *, known: dict[tuple[int, int], str] | None = None,
                  strong: set[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of dataset names found from their context.

    ``known`` maps catalog spans to their type: an "experiments on A and B" list is accepted only when one of
    its items is a name token or a known Dataset, and items known as another type are left out. Spans named
    by a dataset head word ("the A and B datasets", "datasets such as A") are added to ``strong`` if given.

    >>> t = "Experiments on CIFAR-100 and Tiny Foo show gains; the Bar and Baz-2 benchmarks too."
    >>> [t[s:e] for s, e in dataset_lists(t)]
    ['CIFAR-100', 'Tiny Foo', 'Bar', 'Baz-2']
    """
    known = known or {}
    stop = load_stoplist()
    found: dict[tuple[int, int], None] = {}

    def ok_type(span):
        t = known.get(span)
        return t in (None, "Dataset")

    heads = starts_of(text, _DS_STEMS)  # where a head word stands: found once for the head-word scans below
    for h in matches_at(_HEAD_AT, text, [i - 1 for i in heads]) if heads else ():  # = _HEAD_AT.finditer(text)
        w0 = max(0, h.start() - 160)
        m = _BEFORE_HEAD.search(text, w0, h.start())
        if not m:
            continue
        items = _items(text, m.start(1), m.end(1))
        if len(items) == 1 and _PLAIN_WORD.fullmatch(text, *items[0]) and (
                text[h.start()] == "-" or (_PLURAL_HEAD.search(h[0]) or _CROSS_USE.match(text, h.end()))
                and _sentence_start(text, 0, items[0][0]) in (items[0][0] - 2, 0 if items[0][0] == 0 else -1)):
            continue  # "Cross-dataset evaluation", "Text corpora are ...", "While benchmarks ...": no name
        for sp in items:
            found[sp] = None
            if strong is not None:
                strong.add(sp)
    for m in matches_at(_AFTER_HEAD, text, heads) if heads else ():
        for sp in _noted_list_after(text, m.end())[0]:
            found[sp] = None
            if strong is not None:
                strong.add(sp)
    for m in finditer_at(_HEAD_NAME, text, _HEAD_NAME_WORDS, ignore_case=False) if heads else ():  # "the popular benchmark FooArena", "datasets FooQA and Bar"
        if not is_name_token(m[1].rstrip("."), stop):
            continue
        items = _list_after(text, m.start(1))
        if items and not _NOUN_AFTER.match(text, items[-1][1]):  # not "benchmark PV dataset" (a modifier)
            for sp in items:
                found[sp] = None
                if strong is not None:
                    strong.add(sp)
    for m in matches_at(_AFTER_HEAD_COMMA, text, heads) if heads else ():  # "two new datasets, FooSet and BarSet, ..."
        items, end = _noted_list_after(text, m.end())
        one_new = (len(items) == 1 and is_name_token(text[items[0][0]:items[0][1]], stop)
                   and _NEW_BEFORE.search(text, max(0, m.start() - 40), m.start()))  # "a new dataset, FooSet,"
        if (len(items) >= 2 or one_new) and _LIST_END.match(text, end):
            for sp in items:
                found[sp] = None
                if strong is not None:
                    strong.add(sp)
    for o in finditer_at(_ON_AT, text, ("on", "across", "over"), ignore_case=False):  # = _ON_AT.finditer(text)
        if not _LIST_START.match(text, o.end()):
            continue
        if o[0].startswith("over") and _CMP_OVER.search(text, max(0, o.start() - 40), o.start()):
            continue  # "superior performance over FooNet-v1", "gains over BarNet": the compared method
        if not _EVAL_TRIGGER.search(text, max(0, o.start() - 80), o.start()):
            # a score right before "on": "1.86 mm on X", "+20% on the X leaderboard", "0.78 F1 on X" (not a time
            # measured on hardware, "6.68 ms on NVIDIA 5090", nor a count, "64 cores on x86-64")
            v = _VALUE_ON.search(text, max(0, o.start() - 40), o.start()) if o[0].startswith("on") else None
            if v is None or _TIME_UNIT.match(v[1]):
                continue
            items = _list_after(text, _EVAL_MODS.match(text, o.end()).end())
            if any(t != "Dataset" and any(sp[0] <= a < sp[1] for sp in items) for (a, _), t in known.items()):
                continue  # "87% on Gemma-2-2B, LLaMA-3-8B and Qwen-7B": the models a score was measured with
            items = [sp for sp in items if not _DECIMAL.search(text, sp[0], sp[1])]
        else:
            items = _list_after(text, _EVAL_MODS.match(text, o.end()).end())
        last = _last_joined(text, items)
        if last is not None and last < len(items) - 1 and text.startswith(", ", items[last][1]):
            # "experiments on A, B and C, FooNet-v2 shows ...": the list ends at the item after its last "and"
            items = items[:last + 1]
        good = [sp for sp in items if known.get(sp) == "Dataset" or
                any(is_name_token(w, stop) for w in text[sp[0]:sp[1]].split())]
        if good:
            for sp in items:
                if ok_type(sp) and sp not in found and not any(s <= sp[0] < e for s, e in found):
                    found[sp] = None
    for o in finditer_at(_ON_OPEN, text, ("On",), ignore_case=False) if "On " in text else ():
        # "On FooQA, BarNet reaches 71.2%", "On FooQA and Baz-2 (500 questions), ...": a sentence that opens on
        # named data and then reports what a method does there (the trigger comes after "On", not before)
        if o.start() and text[o.start() - 2:o.start()] not in (". ", "! ", "? "):
            continue
        at = _EVAL_MODS.match(text, o.end()).end()
        part = _ON_OPEN_PART.match(text, at)  # "On 26 sequences from FooSeq,", "On the test split of BarQA,"
        items = _list_after(text, part.end() if part else at)
        # the list ends at the item after its last "and"/"or" ("On A, B and C, ..."), else at its first item: the
        # comma after it closes the opening phrase ("On FooQA, BarNet reaches ...")
        last = _last_joined(text, items)
        items = items[:last + 1 if last is not None else 1]
        if not items or not _ON_OPEN_END.match(text, items[-1][1]):
            continue
        stop_at = text.find(". ", items[-1][1])
        stop_at = stop_at if stop_at != -1 else len(text)
        end = items[-1][1]
        if (not _ON_OPEN_CLAIM.search(text, end, stop_at) or _ON_OPEN_SPEED.search(text, end, stop_at)
                or any(t == "Dataset" and end <= a < stop_at for (a, _), t in known.items())):
            continue  # "On WAN2.1, it improves VBench by 1.3%": the data named later; the opening names the model
        if not any(known.get(sp) == "Dataset" or any(is_name_token(w, stop) for w in text[sp[0]:sp[1]].split())
                   for sp in items):
            continue
        for sp in items:
            if ok_type(sp) and sp not in found and not any(s <= sp[0] < e for s, e in found) and \
                    not _MODEL_SIZE_END.search(text, sp[0], sp[1]):  # "On Meta-Llama-3.2-8B, MOM extends ...": a model
                found[sp] = None
    return sorted(found)


_ON_OPEN = re.compile(r"On\s+")
_MODEL_SIZE_END = re.compile(r"[\-\s]\d+(?:\.\d+)?[Bb](?:-[A-Za-z]+)?$")  # "Foo-3.2-8B", "Bar 70B", "Qux-7B-Instruct"
_JOINED = re.compile(r"\b(?:and|or)\b")


def _last_joined(text: str, items: list[tuple[int, int]]) -> int | None:
    """Index of the last list item joined to the one before it by "and"/"or" (None when no item is).

    >>> t = "A, B and C, D"
    >>> _last_joined(t, [(0, 1), (3, 4), (9, 10), (12, 13)]), _last_joined(t, [(0, 1), (3, 4)])
    (2, None)
    """
    return next((n for n in range(len(items) - 1, 0, -1) if _JOINED.search(text, items[n - 1][1], items[n][0])), None)
_CMP_OVER = re.compile(r"\b(?:superior|better|improv\w*|gains?|advantages?|outperform\w*|superiority|speed-?ups?|"
                       r"increases?|boosts?)\b[^.,;]{0,30}$")
_ON_OPEN_PART = re.compile(r"(?:[a-z][\w\-]*\s+){0,2}(?:sequences|scenes|samples|questions|problems|tasks|images|videos|"
                           r"episodes|instances|examples|queries|pairs|subsets?|splits?|sets?|portions?|parts?)\s+"
                           r"(?:from|of|in)\s+(?:the\s+)?")
# a speed claim: "On EFA, it outperforms ... by up to 2.1x for dispatch throughput" (a platform, no data)
_ON_OPEN_SPEED = re.compile(r"\b(?:faster|speed-?ups?|throughput|latency|bandwidth)\b")
_ON_OPENING = re.compile(r"(?:^|[.!?]\s)(?:On|Across)\s+(?:the\s+)?$")
# after the opening list: a parenthesis (a size, a split), a head word, then the comma that closes the phrase
_ON_OPEN_END = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:(?:dataset|benchmark|corpus|test\s+set|split)s?\s*)?,\s")
_ON_OPEN_CLAIM = re.compile(r"\d|\b(?:achiev|outperform|surpass|improv|reach|attain|match|exceed|beat|obtain|yield|"
                            r"deliver|boost|rais|gain|set|establish|score|rank|lead|perform|reduc|cut)\w*", re.I)


# "the Androids Corpus", "the Mini-Mafia Benchmark", "the National Running Club Database": in running text a
# capitalised dataset head after capitalised words names a dataset, whatever the words are
_CAP_HEAD_WORDS = (" Dataset", " Datasets", " Benchmark", " Corpus", " Database")
_CAP_HEAD_NAME = re.compile(r"(?<=\bthe )((?:[A-Z0-9][\w\-.+']*\s){1,4})(?:Datasets?|Benchmark|Corpus|Database)\b(?![\-'])"
                            r"(?!\s+(?:of|for|on|in)\s+[A-Z])")  # not inside "the Bias Benchmark for QA (BBQ)"
_CAP_HEAD_STOP = frozenset("The A An Our This These Those Its Their New Novel Proposed Public Existing Original Full Entire "
                           "Same Whole Following Above Final Main First Second Third Test Training Validation Evaluation "
                           "Large Small Benchmark Dataset Corpus Database".split())


def capitalised_dataset_names(text: str) -> list[tuple[int, int]]:
    """Spans of "the Foo Bar Dataset/Benchmark/Corpus/Database" in running text (not Title Case titles): the
    capitalised head makes the words before it a name, name-like tokens or not.

    >>> t = "Experiments on the Androids Corpus and the Mini-Mafia Benchmark; the Test Dataset is small."
    >>> [t[s:e] for s, e in capitalised_dataset_names(t)]
    ['Androids Corpus', 'Mini-Mafia Benchmark']
    """
    if not any(w in text for w in _CAP_HEAD_WORDS):
        return []
    out = []
    for m in _CAP_HEAD_NAME.finditer(text):
        words = m[1].split()
        if any(w in _CAP_HEAD_STOP for w in words):
            continue
        out.append((m.start(1), m.end()))
    return out


_APPOS = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?:[,:]\s*(?:which\s+is\s+|namely\s+)?|\s+(?:is|are|was|as)\s+)(?:a|an|the)\s+"
    # a describing word ("C++" too), or an acronym in brackets after one ("a visual question answering (VQA) dataset")
    r"(?:(?!(?:and|or|we|which|that|to|is|are|on|for|of|with|in|by|from|over)\b)[\w\-]+\+*,?\s+|(?<=\w )\([^()\s]{1,12}\)\s+){0,6}?"
    r"(dataset|benchmark|corpus|suite|collection|leaderboard|testbed|database|"
    r"method|model|framework|approach|architecture|network|algorithm|technique|system|pipeline|agent|"
    r"metric|measure|score|task)s?\b(?!-)"  # not the first part of "a model-agnostic benchmark"
    # nor a describing word before the head: "a real-world network traffic dataset", "a system log corpus"
    r"(?!\s+(?:(?!(?:and|or|that|which|to|on|for|of|with|in|by|from|over|a|an|the)\b)[\w\-]+\s+)?"
    r"(?:datasets?|benchmarks?|corpus|corpora)\b)", re.I)
# "X contains 3,658 QA pairs", "X comprises over 12K annotated images", "X, which contains 10k dialogues", "X,
# consisting of 5k images": a count of data items describes a dataset
_DATA_COUNT = re.compile(
    r"(?:(?:,?\s+(?:which|that))?\s+(?:contains|comprises|consists\s+of|includes|encompasses|spans|totals)|"
    r",\s+(?:containing|comprising|consisting\s+of|spanning))\s+"
    r"(?:a\s+total\s+of\s+|over\s+|"
    r"more\s+than\s+|about\s+|approximately\s+|nearly\s+|around\s+|roughly\s+|up\s+to\s+)?\d[\d,.]*\s*"
    r"(?:[KkM]|million|thousand)?\+?\s+(?:(?!(?:of|for|with|in|and|or|to|from|by)\b)[\w\-]+\s+){0,3}?"
    r"(?:images|photos|videos|video\s+clips|clips|frames|samples|examples|instances|questions|(?:QA\s+)?pairs|records|"
    r"documents|articles|sentences|utterances|dialogues|dialogs|conversations|hours|scenes|identities|subjects|"
    r"patients|annotations|prompts|queries|tokens|entries|cases|scans|recordings|trajectories|episodes|"
    r"molecules|tables|texts|posts|tweets|reviews|problems|items|words|objects|speakers|participants|"
    r"programs|repositories|charts|triples|claims|passages|captions|labels|volumes|sequences|"
    r"proteins|matches|games|tasks)\b")
# names listed before "metric(s)": "the FooD metric", "across RMSE, BarE and Q metrics"; one name before "metrics" is
# mostly a field or a tool the measures belong to ("standard MT metrics", "the Foo fairness metrics")
_NAMES_THEN_METRIC = re.compile(
    r"((?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)(?:the\s+)?[A-Z0-9][\w\-@.^]*){1,5})?\s+"
    r"metric(s?)\b(?!-)")
#: "a suite / collection of ... models": what the set holds is methods, not data
_OF_MODELS = re.compile(r"\s+of\s+(?:(?!(?:for|to|with|on|in|and|that|which)\b)[\w\-]+,?\s+){0,4}?"
                        r"(?:models|methods|algorithms|techniques|approaches|architectures|networks|tools|solvers|agents)\b", re.I)


def _set_of_models(text: str, e: int) -> bool:
    """"X, a comprehensive suite of lightweight surrogate models", "X, a collection of efficiency methods": the
    apposition after the name ``text[..:e]`` is a set of methods, not of data."""
    m = _APPOS.match(text, e)
    return m is not None and m[1].lower() in ("suite", "collection") and _OF_MODELS.match(text, m.end()) is not None


_APPOS_TYPE = {"dataset": "Dataset", "benchmark": "Dataset", "corpus": "Dataset", "suite": "Dataset",
               "collection": "Dataset", "leaderboard": "Dataset", "testbed": "Dataset", "database": "Dataset",
               "metric": "Metric", "measure": "Metric", "score": "Metric", "task": "Task"}


def appositive_types(text: str, spans: list[tuple[int, int]], colon: bool = True) -> dict[tuple[int, int], str]:
    """Type of a name from the noun phrase that describes it right after it: "X, a new benchmark for ...",
    "X (long form) is a dataset of ...", "X: a labelled corpus", "X, a lightweight framework ..."; or from a count of
    data items right after it ("X contains 3,000 annotated images"), or from "metric(s)" after it or after the list it
    opens ("the X metric", "X, Y and Z metrics"; one name before "metrics" is no measure: "standard MT metrics").
    ``colon=False`` (a title): no apposition after a colon ("Team at X-2024: A Two-Stage Pipeline": the colon ends
    the title's opening, not a name).

    >>> t = "We build FooSet, a large-scale, curated dataset. BarNet is a simple model. QuxZ contains 1,200 images."
    >>> appositive_types(t, [(9, 15), (49, 55), (75, 79)])
    {(9, 15): 'Dataset', (49, 55): 'Method', (75, 79): 'Dataset'}
    >>> t = "We use the FooD metric, the BarE and QuxF metrics and the MT metrics."
    >>> appositive_types(t, [(11, 15), (28, 32), (37, 41), (58, 60)])
    {(11, 15): 'Metric', (28, 32): 'Metric', (37, 41): 'Metric'}
    >>> t = "We present ZorbKit, a suite of lightweight surrogate models, and QuxSet, a suite of robot tasks."
    >>> appositive_types(t, [(11, 18), (65, 71)])
    {(11, 18): 'Method', (65, 71): 'Dataset'}
    """
    out = {}
    for s, e in spans:
        m = _APPOS.match(text, e)
        if m and (colon or ":" not in text[e:m.start(1)]):
            typ = "Method" if _set_of_models(text, e) else _APPOS_TYPE.get(m[1].lower(), "Method")
            if typ != "Dataset" and text[e:e + 1] == "," and _ON_OPENING.search(text, max(0, s - 12), s):
                continue  # "On FooQA, the system achieved 81%": the subject of the sentence, no apposition of FooQA
            out[(s, e)] = typ
        elif _DATA_COUNT.match(text, e):
            out[(s, e)] = "Dataset"
        elif text[e:e + 1] in (" ", ",", "/") and "etric" in text[e:e + 120]:
            m = _NAMES_THEN_METRIC.match(text, e)
            if m and (m[1] or not m[2]):
                out[(s, e)] = "Metric"  # "the FooD metric", "RMSE, BarE and Q metrics"
                out.update((sp, "Metric") for sp in spans if e < sp[0] and sp[1] <= m.end(1))
    return out


# --------------------------------------------------------------------------------------------- metrics

_METRIC_AT = re.compile(r"(?<![\w@])((?:[A-Za-z][\w\-]*)@(?:\d+(?:\.\d+)?|k))(?![\w@])")
_METRIC_VALUE = re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z0-9\-]{1,9})\s*(?:[:=]|of)\s*\d")
_VALUE_AT = re.compile(r"[:=o](?:(?<=o)f)?\s*\d")  # a cheap trigger; _METRIC_VALUE checks the form
_METRIC_HEADS = r"(?:score|distance|rate|error|accuracy|similarity|return|reward|ratio|coefficient|divergence|index|AUC)"
_METRIC_MODS = (r"(?:mean|average|averaged|top-\d|top-k|word|character|exact|absolute|squared|relative|root|cosine|success|"
                r"win|false|true|positive|negative|equal|hit|classification|pass|attack|match|matching|"
                r"expected calibration|calibration|normalized|normalised|structural|signal-to-noise|peak|error)")
_METRIC_PHRASE = re.compile(
    rf"(?<![\w\-])((?:(?:{_METRIC_MODS}|[A-Z][a-z]+|[A-Z][\w\-]*(?=\s+score))\s+)+{_METRIC_HEADS})$")
_METRIC_LIST = re.compile(
    r"\b(?:metrics?|measures?)\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*)?(?:such as|including|like|namely|:|\(e\.g\.,?|"
    r"e\.g\.,?)\s*(?:the\s+)?")
_MEASURED_KEYS = ("metric", "measure", "evaluated ", "assessed ", "quantified ")
_MEASURED_BY = re.compile(
    r"(?:(?:metrics?|measures?)\s*(?:,\s*)?(?:such as|including|like|namely|:|\(e\.g\.,?)|(?:measured|evaluated|assessed|"
    r"quantified)\s+(?:by|with|using|via|in\s+terms\s+of))\s+(?:the\s+)?")
_LOW_MEASURE = re.compile(
    r"((?:(?!(?:and|or|the|of|in|on|for|with|to|by|as|its|their|our|proposed|new|novel|standard|common|various|"
    r"several|different|multiple|two|three|four|five|six|both|all|each)\b)[a-z][a-z\-]*\s+){1,3}(?:error|score|accuracy|rate|"
    r"distance|precision|recall|ratio|similarity|index|divergence|coefficient|correlation|overlap|consistency|fidelity|"
    r"agreement|coverage|diversity|perplexity|likelihood|success|latency|throughput|cost|time|f1))s?\b(?![\-])"
    r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?)?")
_METRIC_HEAD_AT = re.compile(rf"{_METRIC_HEADS}\b")
_GAIN_AFTER = re.compile(r"\d\s*(?:%|points?|pp)?\s+(?:absolute\s+|relative\s+)?([A-Za-z][\w@\-]*[\w@])\s+(?:improvements?|"
                         r"gains?|increases?)\b")
_PREFIXED_METRIC = re.compile(r"(?<![\w\-])([a-z]{1,2}(?:IoU|AP|AUC)(?:@[\d.]+)?)(?![\w\-@])")
_CAMEL_METRIC = re.compile(r"[A-Z][a-z]+(?:Score|Acc|Error)")
# a capitalised word opening a sentence is no part of a measure's name ("We return to", "Through similarity ...")
_METRIC_LEAD = re.compile(r"(?:The|A|An|Our|This|These|Its|Their|Higher|Lower|High|Low|Better|Best|We|Through|By|With|"
                          r"In|On|For|From|To|Via|Using|And|Or|As|At|Of|Both|All|Each|Such|Thus|Hence|Here|Then|"
                          r"While|When|Where|Unlike|Like|Without|Under|Over|After|Before|Beyond|Across|Between)\s+")
_NOT_MEASURE_AFTER = re.compile(r"\s+(?:functions?|matching|distillation|analysis|analyses|correction|bounds?|"
                                r"propagation|feedback|estimators?|networks?|models?)\b")
_SPACE_METRIC_HEAD = re.compile(rf"\s({_METRIC_HEADS})\b")


# praise is no part of a measure's name: "an impressive accuracy of 98%" measures accuracy
_PRAISE = (r"impressive|remarkable|state-of-the-art|excellent|outstanding|superior|notable|exceptional|promising|"
           r"satisfactory|unprecedented|significant|substantial|considerable|minimal|additional|reasonable|"
           r"acceptable|decent|leading|fast|faster|slow|slower|great|greater|"
           # evaluative words and their degree: "achieves near-perfect safety rates (100%)", "dramatic speedups of 6x"
           r"perfect|(?:near|nearly|almost)-(?:perfect|optimal|ideal|complete|lossless)|ultra-(?:low|high|fast)|"
           r"record(?:-(?:high|low|breaking))?|dramatic|drastic|tremendous|huge|massive|enormous|encouraging|solid|"
           r"superb|stellar|extraordinary|unparalleled|unmatched|unrivaled|unrivalled|noticeable|marked|appreciable|"
           r"sizable|sizeable|remarkably|extremely|very|highly|consistently|exceptionally|notably|surprisingly|"
           r"dramatically|markedly|impressively|comparatively|relatively|reasonably|fairly|nearly|almost")
_MEASURE_HEAD = (r"(?:speed|speedup|time|latency|throughput|cost|usage|consumption|footprint|overhead|memory|error|"
                 r"accuracy|rate|score|ratio|efficiency|frequency|reliability|agreement|loss|coherence|consistency|"
                 r"fidelity|diversity|similarity|correlation|distance|divergence|utilization|utilisation|perplexity|"
                 r"precision|recall)")
_NOT_MOD = (r"(?!(?:the|a|an|our|its|their|this|these|by|of|in|on|and|or|with|to|for|from|at|as|than|up|over|"
            rf"much|more|less|only|also|both|all|each|per|significantly|substantially|overall|average|mean|total|final|"
            rf"{_PRAISE})(?![\w\-]))")  # (a compound opening with one is a modifier: "on-chip", "in-domain")
# one or two modifiers (lower-case words or a short acronym: "GPU memory usage") and a measure noun, plural too
_MEASURE_NP = rf"((?:{_NOT_MOD}(?:[a-z][a-z\-]*[a-z]|[A-Z]{{2,4}})\s+){{1,2}}{_MEASURE_HEAD}s?)\b(?![\-])"
# a length is a measure when it is changed by an amount ("cuts response length by 20-40%", "reducing the average
# prompt length by 46%"); elsewhere it is mostly a setting ("in terms of sequence length", "4x context length")
_MEASURE_NP_BY = _MEASURE_NP.replace(f"{_MEASURE_HEAD}s?", f"(?:{_MEASURE_HEAD}|length)s?")
# where a value changes it ("reduces SRAM memory access energy by 24%", "a 73% on-chip energy footprint reduction",
# "a 50% runtime reduction", "improves L2 hit rate by 70%") a measure may have three modifiers, a level symbol
# ("L2", "L-2") among them, an energy or runtime head, and a head that is a measure alone may stand bare
_MEASURE_BARE = r"(?:latency|latencies|runtime|throughput|error|energy)(?!\s+(?:efficien|rates?\b|bounds?\b))"
_NOT_VALUED_MOD = (r"(?!(?:while|whereas|without|within|fewer|maintaining|preserving|keeping|retaining|achieving|"
                   r"sacrificing|losing|incurring|requiring|reducing|improving|increasing|lowering|boosting|longer|shorter|"
                   r"larger|smaller|bigger|wider|deeper|higher|lower|greater|better|worse)\b)")
_MEASURE_NP_VALUED = (rf"((?:(?:{_NOT_MOD}{_NOT_VALUED_MOD}(?:[a-z][a-z\-]*[a-z]|[A-Z]{{2,4}}|L-?\d)\s+){{1,3}}"
                      rf"(?:{_MEASURE_HEAD}|length|energy|runtime)s?|{_MEASURE_BARE}))\b(?![\-])")
_MEASURE_BY = re.compile(
    rf"\b(?:improv|increas|reduc|boost|accelerat|lower|rais|decreas|cut|enhanc|shrink|halv|shorten)\w*\s+(?:the\s+|its\s+|"
    rf"their\s+)?(?:average\s+|overall\s+|mean\s+|total\s+)?{_MEASURE_NP_VALUED}\s+by\s+(?:up\s+to\s+|about\s+|over\s+|"
    rf"nearly\s+|approximately\s+|roughly\s+|around\s+|more\s+than\s+|a\s+factor\s+of\s+)?\d")
# "increasing the optimality rate from 5% to 92%", "cuts peak memory from 24 GB to 9 GB"
_MEASURE_FROM = re.compile(
    rf"\b(?:improv|increas|reduc|boost|accelerat|lower|rais|decreas|cut|enhanc|shrink|halv|lift|push)\w*\s+"
    rf"(?:the\s+|its\s+|their\s+)?(?:average\s+|overall\s+|mean\s+|total\s+)?{_MEASURE_NP}\s+from\s+\d")
_FROM_NUM = re.compile(r"\sfrom\s+\d[\d.,]*\s*(?:\\?%|[A-Za-z]{1,3})?\s+to\s+\d")
_BY_NUM = re.compile(r"\sby\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|roughly\s+|around\s+|more\s+than\s+|a\s+factor\s+of\s+)?\d")
# a measure before the change a value gives it: "a 50% runtime reduction", "2x memory footprint savings"
_MEASURE_CHANGED = re.compile(rf"\d[\d.,]*\s*(?:\\?%|×|x|X|-fold)\s+{_MEASURE_NP_VALUED}\s+(?:reductions?|"
                              rf"improvements?|gains?|increases?|decreases?|drops?|savings?)\b")
# "40% lower peak memory", "2x higher decoding throughput"; and after a factor alone: "2x convergence speed"
_MEASURE_CHANGE = re.compile(
    rf"\d[\d.,]*\s*(?:(?:\\?%|×|x|X|times|-fold|fold)\s+(?:lower|higher|less|more|better|faster|smaller|reductions?\s+in|"
    rf"improvements?\s+in|increases?\s+in|decreases?\s+in|gains?\s+in|speedups?\s+in|drops?\s+in|savings?\s+in)\s+"
    rf"(?:the\s+)?|(?:×|x|X|times|-fold)\s+"
    rf"(?!(?:lower|higher|less|more|better|faster|smaller|larger|greater|reduction|improvement|increase|decrease|"
    rf"gains?|speedup)\b)){_MEASURE_NP_VALUED}")
# the measure before its change: "communication cost decreasing by 94%", "inference time is reduced by 2x"
# (searched backwards from each "by <number>", in a short window)
_MEASURE_BY_AFTER = re.compile(
    rf"(?<![\w\-]){_MEASURE_NP}\s+(?:is\s+|are\s+|was\s+|were\s+|can\s+be\s+)?(?:decreas|reduc|increas|improv|drop|"
    rf"fall|fell|ris|rose|grow|grew|shrink|shrank|cut|lower)\w*$")
# a measure with its value: "achieves a sign accuracy of 78.8%", "93.1% detection accuracy"; not a setting
# ("a learning rate of 0.01", "a 16 kHz sampling rate")
_VALUE_HEAD = r"(?:accuracy|error|rate|score|precision|recall|latency|time|throughput|speedup|cost|usage|consumption|overhead)"
_SETTING = (r"(?!(?:learning|sampling|frame|dropout|bit|mask|masking|mutation|decay|warmup|warm-up|data|code|refresh|"
            r"clock|firing|spike|update|arrival|growth|interest|tax|birth|death|heart|baud|symbol|coding|compression|"
            r"total|overall|average|mean|the|a|an|our|its|their|this|these|by|of|in|on|and|or|with|to|for|from|at|as|"
            r"than|up|over|only|also|higher|lower|better|worse|more|less|relative|absolute|baseline|best|final|highest|"
            r"lowest|high|low|good|strong|competitive|comparable|similar|without|while|when|where|which|that|after|"
            r"before|under|across|between|via|through|into|vs|versus|compared|maintaining|preserving|sacrificing|"
            r"improving|reducing|achieving|retaining|keeping|losing|increasing|decreasing|boosting|yielding|reaching|"
            rf"attaining|surpassing|outperforming|matching|exceeding|{_PRAISE})\b)")
_VALUE_NP = rf"((?:{_SETTING}[a-z][a-z\-]*[a-z]\s+){{1,2}}{_VALUE_HEAD})\b(?![\-])"
_NP_OF_VALUE = re.compile(rf"\b(?:a|an|the)\s+{_VALUE_NP}$")
# the same with its value after "of" or in brackets, read more widely: after a superlative or "overall" ("the highest
# detection accuracy of", "an average test score of"), after a verb of reporting without an article ("achieves
# reconstruction rates of 92%"), plural heads, three more heads (coverage, efficiency, gap) and a score named by
# its aggregation alone ("an overall score of 67.4", "the best composite score (0.73)")
_VALUE_NP_WIDE = (rf"((?:(?:{_SETTING}[a-z][a-z\-]*[a-z]\s+){{1,2}}(?:{_VALUE_HEAD[3:-1]}|coverage|efficiency|gap)|"
                  r"(?:overall|average|composite|aggregate|total|final|mean)\s+score)(?:s|es)?)\b(?![\-])")
# an evaluative word between them is read past ("a near-perfect detection accuracy of", "achieves remarkable
# retrieval accuracy of"): it is no part of the measure's name
_NP_OF_VALUE_WIDE = re.compile(
    r"(?:\b(?:a|an|the|its|their)\s+|"
    rf"\b(?:achiev|attain|reach|obtain|yield|report|record|deliver|reveal)\w*\s+|\bwith\s+)"
    rf"(?:(?:highest|best|lowest|top|overall|average|mean|total|high|low|strong|good|competitive|{_PRAISE})\s+){{0,2}}"
    rf"{_VALUE_NP_WIDE}$")
_PAREN_VALUE = re.compile(r"\s?\((?:\d+(?:\.\d+)?\s?\\?%|\d*\.\d+)")  # "(3.61", "(84%"; not "(3)", "(5-10%)"
_OF_NUM = re.compile(r"\sof\s+(?:up\s+to\s+|about\s+|over\s+|only\s+|just\s+|nearly\s+)?\d")
_CHANGE_VERB_END = re.compile(r"(?:decreas|reduc|increas|improv|drop|fall|fell|ris|rose|grow|grew|shrink|shrank|cut|"
                              r"lower)\w*$")
_VALUE_THEN_NP = re.compile(rf"\d\s*\\?%\s+{_VALUE_NP}")
# a percentage before an agreement, a coverage (alone too: "96% agreement with human preferences", "at 80% coverage")
# or a named efficiency ("76% scaling efficiency"; not "20% improved coverage")
_VALUE_THEN_SHARE = re.compile(rf"\d\s*\\?%\s+((?:{_SETTING}(?!(?:improved|reduced|increased|decreased|enhanced)\b)"
                               rf"[a-z][a-z\-]*[a-z]\s+){{0,2}}(?:agreement|coverage)|(?:{_SETTING}[a-z][a-z\-]*[a-z]\s+)"
                               rf"{{1,2}}efficiency)\b(?![\-])")
_IN_TERMS = re.compile(rf"\bin\s+terms\s+of\s+(?:the\s+)?{_MEASURE_NP}")
# a measure compared without a value: "improved topic coherence compared to", "lower validation loss than"
_COMPARED_NP = re.compile(rf"\b(?:higher|lower|improved|better|superior|reduced|increased|worse|stronger|greater)\s+"
                          rf"{_MEASURE_NP}\s+(?:than|compared\s+(?:to|with)|relative\s+to)\b")
# a qualified measure the text says a method improves, lowers or attains, with or without a value: "significantly
# improving localization accuracy", "reduces training time", "achieves the highest reconstruction accuracy",
# "improvements in diagnostic accuracy"; not a purpose ("to improve detection accuracy"), nor heads that name a
# property more often than a measure (consistency, robustness, cost, memory, loss, "errors" as mistakes ...).
# The qualifier is read by metric_qualifier (no comparison or praise: "higher accuracy" is no name)
_OUTCOME_NP = re.compile(
    r"(?<!\bto )(?<!\bhas )(?<!\bhave )\b(?:improv(?:es|ed|ing)|enhanc(?:es|ed|ing)|boost(?:s|ed|ing)|increas(?:es|ed|ing)|"
    r"achiev(?:es|ed|ing)|attain(?:s|ed|ing)|deliver(?:s|ed|ing)|reduc(?:es|ed|ing)|lower(?:s|ed|ing)|"
    r"decreas(?:es|ed|ing)|cut(?:s|ting)?|shorten(?:s|ed|ing)|accelerat(?:es|ed|ing)|"
    r"(?:improvements?|gains?|increases?|reductions?|decreases?)\s+in)\s+"
    r"(?:(?:both|the|its|their|significantly|substantially|consistently|markedly|state-of-the-art|SOTA|superior|"
    r"higher|better|high|low|lower|competitive|strong|highest|best|lowest|improved|reduced|near-perfect)\s+){0,3}"
    r"(?:[a-z][a-z\-]*[a-z]\s+){1,2}((?:(?:speed|speedup|time|latency|throughput|accuracy|(?:error|success)\s+rate|"
    r"score)s?|accuracies|error))$")  # searched backwards from each head word (a whole-text scan is 6x slower)
_OUTCOME_HEADS = ("accura", " time", "speed", "latenc", "throughput", " error", " rate", " score")
# a head word that is a modifier itself: "time complexity", "time series", "error bounds" ...
_OUTCOME_AFTER = re.compile(r"[\w\-]|\s+(?:complexity|series|steps?|scales?|horizons?|budgets?|windows?|frames?|domains?|"
                            r"constraints?|limits?|points?|stamps?|bounds?|rates?)\b")
_OUTCOME_NOT = frozenset("steady top nearest noteworthy native model polynomial linear quadratic exponential constant "
                         "logarithmic".split())
_OUTCOME_NOT_END = ("-grade", "-precision", "-native", "-like")
_OUTCOME_ING = re.compile(r"(?<![\w\-])(?:training|running|processing|computing|sampling) $")  # measured stages


_OUTCOME_VERBS = ("improv", "enhanc", "boost", "increas", "achiev", "attain", "deliver", "reduc", "lower", "decreas",
                  "cut", "shorten", "accelerat", "gain")  # an _OUTCOME_NP match opens with one (after its look-behinds)


def _outcome_np(text: str, a: int, k: int) -> re.Match | None:
    """``_OUTCOME_NP.search(text, a, k)``, tried only where one of its opening verbs stands in the window (the
    search tries its alternation at each of the ~130 places).

    >>> t = "It improves localization accuracy"
    >>> _outcome_np(t, 0, len(t))[1], _outcome_np(t, 5, len(t))
    ('accuracy', None)
    """
    match = _OUTCOME_NP.match
    for p in starts_of(text[a:k], _OUTCOME_VERBS):
        m = match(text, a + p, k)  # (look-behinds and \b still see the text before the window, as in the search)
        if m is not None:
            return m
    return None


def _outcome_spans(text: str) -> list[tuple[int, int]]:
    """Qualified measures after a verb of improving or attaining (see ``_OUTCOME_NP``).

    >>> t = "It significantly improves localization accuracy, achieves higher accuracy and reduces training time."
    >>> [t[s:e] for s, e in _outcome_spans(t)]
    ['localization accuracy', 'training time']
    """
    out, seen = [], set()
    for h in _OUTCOME_HEADS:
        i = text.find(h)
        while i != -1:
            k = i + len(h)
            while k < len(text) and text[k].isalpha():
                k += 1
            i = text.find(h, k)
            m = _outcome_np(text, max(0, k - 130), k)
            if m and m.end(1) not in seen and not _OUTCOME_AFTER.match(text, m.end(1)):
                seen.add(m.end(1))
                sp = _outcome_span(text, m)
                if sp:
                    out.append(sp)
    return sorted(out)


def _outcome_span(text: str, m: re.Match) -> tuple[int, int] | None:
    """The qualified measure of an ``_OUTCOME_NP`` match ``m``: its qualifier (:func:`metric_qualifier`, or a stage
    such as "training") and head, if the qualifier is no praise or degree ("clinical-grade", "polynomial")."""
    h = m.start(1)
    q = metric_qualifier(text, h)
    w = _OUTCOME_ING.search(text, max(0, (h if q is None else q) - 12), h if q is None else q)
    if w and w.start() >= m.start():
        q = w.start()  # "reduces training time", "lowers model training time"
    if q is None or q < m.start() or any(w in _OUTCOME_NOT or w.endswith(_OUTCOME_NOT_END) or re.fullmatch(_PRAISE, w)
                                         for w in text[q:h].split()):
        return None
    return q, m.end(1)


def measure_spans(text: str) -> list[tuple[int, int]]:
    """Metric noun phrases read from a measuring context: "reduces inference time by 30%", "2x higher decoding
    throughput", "in terms of reconstruction error", "lower validation loss than". The phrase is one or two modifiers and a measure noun
    (speed, time, latency, cost, memory, error, accuracy, rate, score, ratio...).

    >>> t = "It increases average rendering speed by 3.5x, gives 40% lower peak memory and wins in terms of edit accuracy."
    >>> [t[s:e] for s, e in measure_spans(t)]
    ['rendering speed', 'peak memory', 'edit accuracy']
    """
    found = []
    if " by " in text:
        by = [b.start() for b in _BY_NUM.finditer(text)]
        for b in by:  # both forms end at this "by <number>": search only the stretch before it
            found += _MEASURE_BY.finditer(text, max(0, b - 120), b + 60)
            if _CHANGE_VERB_END.search(text, max(0, b - 24), b):
                m = _MEASURE_BY_AFTER.search(text, max(0, b - 90), b)
                if m:
                    found.append(m)
    if " from " in text:
        for b in (m.start() for m in _FROM_NUM.finditer(text)):
            found += _MEASURE_FROM.finditer(text, max(0, b - 120), b + 12)
            if _CHANGE_VERB_END.search(text, max(0, b - 24), b):  # "the success rate rose from 41% to 78%"
                m = _MEASURE_BY_AFTER.search(text, max(0, b - 90), b)
                if m:
                    found.append(m)
    if has_digit(text):  # every _MEASURE_CHANGE match opens with a digit (half the abstracts have none)
        found += _MEASURE_CHANGE.finditer(text)
        found += _MEASURE_CHANGED.finditer(text)
    if "%" in text:
        found += _VALUE_THEN_NP.finditer(text)
        found += _VALUE_THEN_SHARE.finditer(text)
    i = text.find(" of ")
    while i != -1:  # "a X accuracy of 78%": only where a number (or "up to", "about"...) follows "of"
        nxt = text[i + 4:i + 5]
        if nxt.isdigit() or (nxt in "uaonj" and _OF_NUM.match(text, i)):
            m = _NP_OF_VALUE_WIDE.search(text, max(0, i - 70), i)
            if m:
                found.append(m)
        i = text.find(" of ", i + 4)
    i = text.find("(")
    while i != -1:  # "the highest overall score (3.61)", "semantic conflict rates (5%-10%)"
        if _PAREN_VALUE.match(text, i):
            m = _NP_OF_VALUE_WIDE.search(text, max(0, i - 70), i if text[i - 1:i] != " " else i - 1)
            if m:
                found.append(m)
        i = text.find("(", i + 1)
    if "in terms of" in text:
        found += _IN_TERMS.finditer(text)
    if " than " in text or "compared " in text or "relative to" in text:
        found += _COMPARED_NP.finditer(text)
    spans = {m.span(1) for m in found}
    ends = {e for _, e in spans}
    return sorted(spans | {sp for sp in _outcome_spans(text) if sp[1] not in ends})


# a word that qualifies the measure written after it ("detection accuracy", "token-level F1", "macro F1", "top-3
# accuracy"): lower case, not a function word, a comparison or praise ("higher", "superior"), nor a verb form
_QUAL_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*|L-?[12]")  # "L2 error", "L-1 distance": the norm
_QUAL_NOT = frozenset(
    "the a an and or but nor of in on for with to by as at from into over than via per its their our his her this "
    "that these those which whose who we it they both all each every any some no not more less most least much many "
    "few other same such only also very up down out off new novel own high higher highest low lower lowest good "
    "better best poor poorer worse worst great greater greatest strong stronger weak weaker superior inferior "
    "competitive comparable similar significant substantial considerable notable remarkable impressive excellent "
    "outstanding exceptional promising satisfactory sufficient insufficient acceptable reasonable decent favorable "
    "favourable preferable unprecedented modest marginal minimal negligible additional overall-best large small "
    "state-of-the-art sota leading reliable robust fast faster slow slower full improve enhance achieve reduce "
    "increase boost maintain preserve retain recover sacrifice trade balance mitigate maximize maximise optimize "
    "optimise minimize minimise hurt harm degrade affect raise yield attain report compare measure evaluate assess "
    "estimate ensure keep gain give provide offer deliver show exhibit demonstrate have obtain limit compromise "
    "drop match lack favor favour refine enrich involve lose get reach attain outperform surpass exceed beat "
    "can could may might will would should must is are was were be been being has had do does did "
    "nearly roughly approximately about around almost like unlike while whereas when where if although though "
    "because since until after before during under within without across between among against toward towards "
    "including include includes employ use uses adopt utilize introduce propose prove derive further define named called "
    "percent fewer fewest equal maximum minimum total entire whole overall final different various several multiple "
    "meaningful complementary severe interpretable one two three four five six seven eight nine ten eleven twelve "
    "half double potential establish decrease guide visualize alongside impact efficient consistent perfect "
    "smallest largest biggest fastest slowest strongest weakest greatest superfast aggressive specific initial "
    "official uniform distinct raw just beyond empirical theoretical typical zero baseline larger smaller bigger "
    "longer shorter wider deeper simple simplistic comparative track dataset benchmark".split())
# "-ing" and "-ed" words that name a kind of measure, not a verb form ("ranking accuracy", "weighted F1")
_GLUED_QUAL = re.compile(r"(?<![\w\-])(?:[Mm]icro|[Mm]acro|[Ww]eighted|[Cc]lass|[Ss]ample|[Ii]nstance)-$")
_QUAL_ING = frozenset("training reasoning forecasting positioning modeling modelling matching denoising tracking decoding "
                      "rendering tagging labeling labelling linking ranking counting clustering grounding editing "
                      "planning parsing captioning retrieving reading driving grasping routing scheduling "
                      "programming coding".split())
_QUAL_ED = frozenset("weighted unweighted balanced averaged normalized normalised expected cross-validated "
                     "macro-averaged micro-averaged discounted calibrated".split())


def _qual_word(w: str) -> bool:
    if (w in _QUAL_NOT or w.isdigit() or w.endswith(("ly", "able", "ible")) or "fold" in w or "-to-" in w
            or "-than-" in w or w.startswith(("near-", "sub-", "non-", "order-of"))):
        return False
    if w.endswith("ing"):
        return w in _QUAL_ING
    if w.endswith("ed"):
        return w in _QUAL_ED
    return not (w.endswith("s") and not w.endswith(("ss", "us", "sis")))


def metric_qualifier(text: str, s: int, words: int = 2) -> int | None:
    """Start of the qualifier written right before the measure at ``s`` (up to ``words`` words), if any:
    "detection accuracy", "token-level F1", "average classification accuracy", "top-3 accuracy"; not a function
    word, a comparison, praise or a verb form ("higher accuracy", "improves accuracy", "improved accuracy"), nor
    before a capitalised name ("include Perplexity").

    >>> t = "higher object detection accuracy, improves accuracy, token-level F1 and the mean accuracy"
    >>> [None if q is None else t[q:i] for i in (24, 43, 65, 81) for q in [metric_qualifier(t, i)]]
    ['object detection ', None, 'token-level ', 'mean ']

    An averaging glued to the measure qualifies it too ("micro-average precision"), and the training stage:

    >>> t = "micro-average precision and training throughput"
    >>> [t[metric_qualifier(t, i):i] for i in (6, 37)]
    ['micro-', 'training ']
    """
    if text[s:s + 1].isupper() and text[s + 1:s + 2].islower():
        return None  # "include Perplexity", "we propose Attack Severity Curve": a capitalised name stands alone
    if text[s - 1:s] == "-":  # "micro-average precision", "macro-AUC": the averaging glued to the measure
        m = _GLUED_QUAL.search(text, max(0, s - 12), s)
        return m.start() if m else None
    q, pos = None, s
    for _ in range(words):
        if pos < 2 or text[pos - 1] != " ":
            break
        j = pos - 1
        while j and (text[j - 1].isalnum() or text[j - 1] == "-"):
            j -= 1
        w = text[j:pos - 1]
        if not (_QUAL_WORD.fullmatch(w) and _qual_word(w)) or (j and text[j - 1] in "-/@"):
            break
        q = pos = j
    return q


def metric_spans(text: str, names: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Metric names read from their form: ``pass@1``, ``Hits@10``, ``Acc@0.5``, and a name token followed by a
    value ("ECE: 0.19", "FID = 3.2").

    Also metric head nouns after a metric modifier or a capitalised name ("win rate", "Dice score",
    "Hausdorff distance", "mean absolute error"), and the names listed after "metrics such as".

    >>> t = "pass@1 rises; ECE: 0.19 and FooScore=3 (n=300); the Dice score and win rate improve; 3% MAP gains; tIoU too."
    >>> [t[s:e] for s, e in metric_spans(t)]
    ['pass@1', 'ECE', 'FooScore', 'Dice score', 'win rate', 'MAP', 'tIoU']
    """
    out = [(m.start(1), m.end(1)) for m in _METRIC_AT.finditer(text)] if "@" in text else []
    for key in ("IoU", "AP", "AUC"):  # a known metric with a lower-case qualifier: tIoU, bAP
        i = text.find(key)
        while i != -1:
            if i and text[i - 1].islower():
                m = _PREFIXED_METRIC.search(text, max(0, i - 2), i + 40)
                if m and m.start(1) < i:
                    out.append(m.span(1))
            i = text.find(key, i + 1)
    first = _METRIC_HEAD_AT.match(text)  # a head at the start of the text, else after white space
    for h in ((first,) if first else ()) + tuple(_SPACE_METRIC_HEAD.finditer(text)):
        h_start, h_end = h.span(h.lastindex or 0)
        if _NOT_MEASURE_AFTER.match(text, h_end):
            continue  # "the unconditional score function", "score matching", "Closer error analysis"
        m = _METRIC_PHRASE.search(text, max(0, h_start - 60), h_end)
        if not m:
            continue
        s = m.start(1)
        w = _METRIC_LEAD.match(m[1])
        if w:
            s += w.end()
        if m.end(1) - s > len(m[1].split()[-1]) + 1:
            out.append((s, m.end(1)))
    if "etric" in text or "easure" in text:
        for m in _METRIC_LIST.finditer(text):
            out += _list_after(text, m.end())
    for key in _MEASURED_KEYS:  # lower-case measures listed: "measured by edit accuracy and drift rate"
        i = text.find(key)
        while i != -1:
            m = None if i and text[i - 1].isalnum() else _MEASURED_BY.match(text, i)  # not "geometric"
            i = text.find(key, i + 1)
            if not m:
                continue
            pos = m.end()
            while True:
                it = _LOW_MEASURE.match(text, pos)
                if not it:
                    break
                out.append(it.span(1))
                pos = it.end()
    stop = load_stoplist()
    digit = has_digit(text)  # _GAIN_AFTER and _VALUE_AT match only with a digit
    for m in _GAIN_AFTER.finditer(text) if digit and ("improvement" in text or "gain" in text or "increase" in text) else ():
        if is_name_token(m[1], stop):  # "35% MAP improvements", "+2.1 BLEU gain"
            out.append((m.start(1), m.end(1)))
    for v in _VALUE_AT.finditer(text) if digit else ():
        m = _METRIC_VALUE.search(text, max(0, v.start() - 12), v.end())
        if not m or m.end() < v.end():
            continue
        if is_name_token(m[1], stop) or _CAMEL_METRIC.fullmatch(m[1]):
            out.append((m.start(1), m.end(1)))
    out = sorted(set(out), key=lambda p: (p[0], -p[1]))
    return [p for k, p in enumerate(out) if not any(q[0] <= p[0] and p[1] <= q[1] for q in out[:k])]


# a measure named in title case inside a sentence: "a 6.0% Mean Relative Percentage Error", "the Foo-aware Speedup
# Score (FS)"; the capitalised head ends the capitalised run (not "Mean Squared Error Loss", "Score Distillation")
_TITLED_HEADS = (" Score", " Distance", " Rate", " Error", " Accuracy", " Similarity", " Ratio", " Coefficient",
                 " Divergence", " Precision", " Recall")  # not "Index": mostly an input or a feature ("Body Mass Index")
_TITLED_MEASURE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)*\s+){1,4}$")
_TITLED_NOT = frozenset("The A An Our This These Its Their We Learning Sampling Frame Dropout Heart Bit Clock Interest "
                        "Tax Birth Death Growth Update Firing Spike Mutation Decay Refresh Baud Data Code".split())


def titled_measures(text: str) -> list[tuple[int, int]]:
    """Measures written in title case inside a sentence (an abstract, not a title): one to four capitalised words and
    a capitalised measure head that ends the capitalised run, the word before the run not capitalised (a title-case
    sentence or heading names no measure this way).

    >>> t = "It reaches a 6.0% Mean Relative Percentage Error and a low Learning Rate. Mean Squared Error Loss helps."
    >>> [t[s:e] for s, e in titled_measures(t)]
    ['Mean Relative Percentage Error']
    """
    out = []
    for h in _TITLED_HEADS:
        i = text.find(h)
        while i != -1:
            e = i + len(h)
            i = text.find(h, e)
            if e < len(text) and (text[e].isalnum() or text[e] in "-@"):
                continue  # "Score-based", "Recall@5" (a cut-off of another measure)
            nxt = _NEXT_TOKEN.match(text, e)
            if nxt and nxt[1][:1].isupper():
                continue  # "Mean Squared Error Loss": the head is part of a longer name
            m = _TITLED_MEASURE.search(text, max(0, e - len(h) - 60), e - len(h) + 1)
            if not m:
                continue
            s = m.start()
            words = text[s:e].split()
            while words and words[0] in _TITLED_NOT:
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or text[s - 1:s] == "{":
                continue  # "\textit{Semantic Similarity} as a new task": a term being defined
            if s == m.start():  # not after a capitalised word (a title-case run) nor opening a sentence
                before = text[max(0, s - 40):s].rstrip()
                prev = before.rsplit(None, 1)[-1] if before else ""
                if not before or before.endswith((".", "!", "?")) or prev[:1].isupper():
                    continue
            out.append((s, e))
    return sorted(out)


# ----------------------------------------------------------------------------------------------- tasks

_WORD = re.compile(r"[A-Za-z0-9][\w\-]*")
_WORD_AT = re.compile(r"[a-z0-9][\w\-]*")
_DIM = re.compile(r"\d+D")
_DOMAIN_ACRONYM = re.compile(r"[A-Z]{2,5}(?:-\d{1,2})?")
_MODEL_ACRONYMS = frozenset("LLM LLMs VLM VLMs MLLM MLLMs LVLM LM LMs PLM NN DNN CNN RNN GNN GAN VAE AI ML DL RL DRL "
                            "SOTA API".split())

_DIM_OR_CAPS = re.compile(r"\d+D|[A-Z][a-z]+(?:-(?:to-|and-|of-|in-)?[A-Z][a-z]+)+")  # "Ego-to-Exo", "Zero-Shot"
_SENT_END = re.compile(r"[.!?:]\s+$")
_ED_OK = re.compile(r"(?:supervised|named|grounded|embodied|unlabeled|unlabelled|labeled|labelled|structured|conditioned|"
                    r"personalized|personalised)$")
# gerunds used as nouns in task names ("phishing detection", "handwriting recognition", "reading comprehension")
_ING_OK = frozenset({"referring", "moving", "missing", "driving", "autonomous-driving", "reading", "reasoning",
                     "spelling", "handwriting", "tracking", "streaming", "sensing", "imaging", "coding", "programming",
                     "phishing", "clustering", "mining", "planning", "computing", "manufacturing", "positioning",
                     "clothing", "building", "painting", "singing", "speaking", "scheduling", "routing", "hashing",
                     "trading", "pricing", "marketing", "shopping", "banking", "lighting", "grasping", "walking",
                     "cooking", "gaming", "fishing", "hiking", "weathering", "farming", "hearing", "sleeping",
                     "dancing", "drawing", "writing"})
# a part of a method named after what it does: "an adapter retrieval mechanism", "the action generation stage"
COMPONENT_NEXT = frozenset({"loss", "losses", "head", "heads", "layer", "layers", "branch", "branches", "module", "modules",
                            "mechanism", "mechanisms", "strategy", "strategies", "scheme", "schemes", "component",
                            "components", "stage", "stages", "procedure", "procedures", "paradigm", "paradigms", "engine",
                            "engines"})
_BAD_NEXT = COMPONENT_NEXT | frozenset({"token", "tokens", "accuracy", "score", "scores", "error", "errors", "rate", "rates",
                       "threshold", "confidence", "metric", "metrics", "network", "networks", "model", "models",
                       "backbone", "backbones", "pipeline", "framework", "method", "methods"})
_VERBS = frozenset(
    "demonstrate demonstrates enhance enhances advance advances improve improves verify verifies show shows enable "
    "enables address addresses tackle tackles study studies investigate investigates explore explores perform "
    "performs consider considers solve solves targets boost boosts facilitate facilitates support supports "
    "achieve achieves yield yields require requires remain remains make makes allow allows benefit benefits "
    "towards toward work works paper papers approach approaches method methods model models framework task tasks "
    "aid aids help helps lead leads bring brings unify unifies handle handles power powers drive drives "
    "outperform outperforms surpass surpasses evaluate evaluates apply applies extend extends predict predicts "
    "particular certain given respective corresponding "
    "incorporate incorporates maximize maximizes maximise maximises minimize minimizes minimise minimises integrate "
    "integrates combine combines leverage leverages utilize utilizes utilise utilises exploit exploits mitigate "
    "mitigates reduce reduces prevent prevents ensure ensures provide provides offer offers accelerate accelerates "
    "promote promotes examine examines analyze analyzes analyse analyses assess assesses introduce introduces "
    "propose proposes present presents develop develops design designs build builds train trains adapt adapts "
    "include includes involve involves avoid avoids overcome overcomes automate automates streamline streamlines "
    "guide guides capture captures simplify simplifies strengthen strengthens refine refines optimize optimizes "
    "optimise optimises realize realizes realise realises empower empowers assist assists unlock unlocks "
    "through throughout beyond without within across among between versus against under".split())
_BAD_HYPHEN = re.compile(r"-(?:based|driven|guided|aware|oriented|enhanced|powered|inspired|assisted|augmented|like|"
                         r"free|specific|level|wise|agnostic|centric)$")


# "X-based" names the task's input, not the means, when X is a kind of data or signal ("skeleton-based action
# recognition", "aspect-based sentiment analysis", "sketch-based image retrieval", "EEG-based emotion recognition";
# not "transformer-based detection", "LLM-based translation", "graph-based recommendation": models and techniques)
_INPUT_BASED = frozenset("skeleton sensor log event eeg ecg emg fmri mri ct radar lidar camera vision video image text "
                         "speech audio session aspect content sketch drag exemplar reference knowledge wifi rgb depth "
                         "infrared thermal imu instruction".split())


@lru_cache(maxsize=4)
def _any_case(words: frozenset[str]) -> frozenset[str]:
    return frozenset(v for w in words for v in (w, w.capitalize(), w.title(), w.upper()))


@lru_cache(maxsize=2)
def _word_matches(text: str) -> tuple[re.Match, ...]:
    """``tuple(_WORD.finditer(text))``, kept for the last texts: task_phrases and cued_task_phrases read the same
    words of a field."""
    return tuple(_WORD.finditer(text))


@lru_cache(maxsize=4)
def _task_any_case(task_heads: frozenset[str]) -> frozenset[str]:
    return _any_case(task_heads) | _QA_HEADS


def task_phrases(text: str, *, title: bool = False, max_mods: int = 4) -> list[tuple[int, int]]:
    """Spans of task noun phrases: modifiers + a task head noun ("3D human pose estimation").

    At least one modifier is required; modifiers stop at function words, generic adjectives, adverbs,
    verbs in -ed/-ing and names. The phrase is skipped when the next word makes it a modifier itself
    ("classification loss").

    >>> t = "Our efficient model improves weakly-supervised crowd counting and the classification loss."
    >>> [t[s:e] for s, e in task_phrases(t)]
    ['weakly-supervised crowd counting']
    """
    heads = load_heads()
    task_heads, stop = heads["Task"], heads["Stop"]
    stop_names = load_stoplist()
    found = _word_matches(text)  # one scan: the words here, their places below
    words = [m[0] for m in found]
    out: list[tuple[int, int]] = []
    any_case = _task_any_case(task_heads)
    weak = _any_case(_weak_task_heads())
    no_weak = weak.isdisjoint(words)
    if any_case.isdisjoint(words):
        if no_weak:
            return out
        at = []
    else:
        at = [i for i, tok in enumerate(words) if tok in any_case]
    # a weak head ("reasoning", "compression", "mining") heads a task before "task(s)", and in a title at its
    # end or before "via/with/using" when the phrase follows "for" or the colon ("X: Semantic Prompt Compression")
    weak_at = _weak_heads(words, weak, title) if (title or "task" in text) and not no_weak else set()
    # in an abstract, a weak head also heads the phrase that opens a sentence as its subject ("Mathematical
    # reasoning remains hard", "Traffic signal control in dense cities is ...")
    subject_at = set() if title or no_weak else {
        i for i, tok in enumerate(words) if tok in weak and 0 < i and _SUBJECT_AFTER.match(text, found[i].end())}
    if weak_at or subject_at:
        at = sorted(set(at) | weak_at | subject_at)
    bare: list[tuple[int, int]] = []
    words = found
    for i in at:
        w = words[i]
        if i + 1 < len(words) and words[i + 1].start() == w.end() + 1 and words[i + 1][0].lower() in _BAD_NEXT:
            continue
        j = _modifier_start(text, words, i, title, max_mods, stop, stop_names, task_heads)
        if i in weak_at and (j == i or not (words[i + 1:i + 2] and words[i + 1][0] in ("task", "tasks")) and
                             not _WEAK_TITLE_BEFORE.search(text, 0, words[j].start())):
            continue
        if i in subject_at and i not in weak_at and (j == i or not (
                words[j].start() == 0 or _SENT_END.search(text, max(0, words[j].start() - 3), words[j].start()))):
            continue  # a weak head that is no sentence's subject phrase
        if j < i:
            out.append((words[j].start(), w.end()))
        elif w[0].islower() and w[0] in task_heads:
            bare.append((w.start(), w.end()))
    if bare and out:  # a bare head in a list of task phrases: "image classification, segmentation and ..."
        spans = sorted(out)
        for a, b in bare:  # (a comma on one side: "image generation and editing" is image editing)
            if any((_TASK_JOIN.fullmatch(text, e, a) and "," in text[e:a]) or
                   (_TASK_JOIN.fullmatch(text, b, s) and "," in text[b:s]) for s, e in spans):
                out.append((a, b))
        out.sort()
    return out

# question answering written as one word: "multi-hop QA", "long video question-answering" (a head with modifiers only)
_QA_HEADS = frozenset({"QA", "question-answering", "Question-Answering"})
# nouns in -ly, no adverbs: "supply chain forecasting", "video anomaly detection", "family history prediction"
_LY_NOUNS = frozenset({"supply", "anomaly", "family", "assembly", "reply", "monopoly"})
# words that say how much, when or how the work is done, not which task ("additional segmentation", "joint
# localization", "simultaneous generation", "initial coarse segmentation", "explicit factual retrieval"; not
# "multiple sclerosis segmentation": a disease)
_NO_KIND = frozenset("multiple additional initial simultaneous subsequent joint explicit primary full complete numerous"
                     .split())
# words that open a clause ("Since geometric verification is ...", "Because tile generation ...")
_CLAUSE_WORDS = frozenset("since because although though whereas unless once if hence therefore moreover however"
                          .split())
# counts are no modifiers ("five long video question-answering benchmarks"; "one" to "four" are in the stop words)
_NUMBER_WORDS = frozenset("five six seven eight nine ten eleven twelve dozen dozens hundred hundreds".split())


def _modifier_start(text: str, words: list[re.Match], i: int, title: bool, max_mods: int, stop: frozenset[str],
                    stop_names: frozenset[str], task_heads: frozenset[str]) -> int:
    """Index of the first word of the task phrase headed by ``words[i]``: its modifiers, walked back from the head,
    stop at function words, generic adjectives, adverbs, verbs in -ed/-ing, plurals and names (``i``: none)."""
    j = i
    while j > 0 and i - j < max_mods:
        prev = words[j - 1]
        if text[prev.end():words[j].start()] != " ":
            break
        tok = prev[0]
        low = tok.lower()
        if low.endswith("ly") and j < i and words[j][0].lower().endswith("ed") and low not in stop and low not in _LY_NOUNS:
            j -= 1
            continue
        if j < i and low.endswith("-based") and low[:-6] in _INPUT_BASED:
            j -= 1  # "skeleton-based action recognition", "EEG-based emotion recognition" (not "video-based detection")
            continue
        if (low in stop or low in _VERBS or (low.endswith("ly") and low not in _LY_NOUNS) or _BAD_HYPHEN.search(low)
                or low.isdigit() or low in _NUMBER_WORDS or low in _CLAUSE_WORDS
                or (low in _NO_KIND and words[j][0].lower() not in ("sclerosis", "myeloma"))
                or len(low) < 2 or text[prev.start() - 1:prev.start()] in ("'", "\u2019")):
            break
        if low.endswith("ed") and not _ED_OK.search(low):
            break
        if low.endswith("s") and not low.endswith(("ss", "us", "is", "ics", "news", "ous")) and len(low) > 3:
            break  # noun-compound modifiers are singular; "discusses", "models" end the phrase
        if low.endswith("ing") and low not in _ING_OK and low not in task_heads:
            break
        if _DOMAIN_ACRONYM.fullmatch(tok) and tok not in _MODEL_ACRONYMS and (
                tok in stop_names or catalog_lookup(tok) is None):
            # a domain acronym opens the phrase: "MRI reconstruction", "COVID-19 detection" (the stop list), and
            # one no catalog knows as a method, dataset or measure: "RUL prediction", "ICH detection"
            j -= 1
            break
        if tok[:1].isupper() and not title and not _DIM.fullmatch(tok):
            at_start = prev.start() == 0 or _SENT_END.search(text[max(0, prev.start() - 3):prev.start()])
            if not (at_start and tok[1:].islower()):
                break
        if any(c.isupper() for c in tok[1:]) and not _DIM_OR_CAPS.fullmatch(tok):
            break
        j -= 1
    return j




# words that pass the modifier tests but qualify nothing ("either language modeling", "seven spatial reasoning")
_NOT_TASK_MOD = frozenset("either neither after before around up multiple numerous mainstream classic elegant authentic "
                          "seven eight nine ten whole entire overall certain same own other another further future "
                          "largest earlier foundational "
                          "stronger weaker rigorous extensive intricate excessive emergent off-the-shelf art hone activate define cast "
                          "formulate dominate".split())
_LOW_WORD_END = re.compile(r"(?<![\w\-])([a-z][a-z\-]*[a-z]) $")


def catalog_task_modifier(text: str, start: int) -> int | None:
    """Where a lower-case modifier of a catalog task opens, right before ``start`` ("unsupervised [domain adaptation]",
    "no-reference [image quality assessment]"), by the modifier tests of :func:`task_phrases`; ``None`` if none.

    >>> t = "We study unsupervised domain adaptation and then domain adaptation."
    >>> t[catalog_task_modifier(t, 22):39], catalog_task_modifier(t, 49)
    ('unsupervised domain adaptation', None)
    """
    m = _LOW_WORD_END.search(text, max(0, start - 40), start)
    if m is None:
        return None
    low = m[1]
    stop = load_heads()["Stop"]
    if (low in stop or low in _VERBS or low in _NOT_TASK_MOD or (low.endswith("ly") and low not in _LY_NOUNS)
            or _BAD_HYPHEN.search(low)
            or (low.endswith("ed") and not _ED_OK.search(low)) or (low.endswith("ing") and low not in _ING_OK)
            or (low.endswith("s") and not low.endswith(("ss", "us", "is", "ics", "ous")) and len(low) > 3)):
        return None
    return m.start(1)


@lru_cache(maxsize=1)
def _weak_task_heads() -> frozenset[str]:
    return load_heads()["TaskWeak"] - _NOT_WEAK_HEAD


def _weak_heads(words: list[str], weak: frozenset[str], title: bool) -> set[int]:
    """Indices of weak task heads before "task(s)" (and, in a title, last or before "via/with/using/through"),
    found with ``list.index`` rather than a loop over every word.

    >>> sorted(_weak_heads("we test reasoning tasks and planning".split(), frozenset({"reasoning", "planning"}), False))
    [2]
    """
    n, out = len(words), set()
    follow = ("task", "tasks", "via", "with", "using", "through") if title else ("task", "tasks")
    for nxt in follow:
        i = 0
        while True:
            try:
                i = words.index(nxt, i + 1)
            except ValueError:
                break
            if words[i - 1] in weak:
                out.add(i - 1)
    if title and n and words[-1] in weak:
        out.add(n - 1)
    return out


_NOT_WEAK_HEAD = frozenset({"learning", "adaptation", "search", "transfer", "inference", "regression", "matching",
                            "clustering", "resolution", "analysis", "modeling", "modelling"})
# the verb of a sentence whose subject is the phrase, after an optional "in/for/with ..." ("Medical reasoning in
# large language models (LLMs) aims to ..."; not "of": "Automatic identification of screws is ..." names no task)
_SUBJECT_AFTER = re.compile(r"(?:\s+(?:in|for|with)\s+[^,.;:]{1,60}?)?\s+(?:is|are|aims|remains|requires|plays|"
                            r"involves|refers|seeks|has|have|poses|faces)\b")
_WEAK_TITLE_BEFORE = re.compile(r"(?:\bfor|:)\s+$")
_TASK_JOIN = re.compile(r"\s*(?:,|;|,?\s+and|,?\s+or|,?\s+as\s+well\s+as)\s+")



_LEARN_TASK = re.compile(r"^(?:continual|lifelong|incremental|[\w]+-incremental|few-shot|zero-shot|one-shot|"
                         r"multi-task|multi-label|multi-instance|open-set|open-world|federated|active|online|offline|multi-agent|"
                         r"class incremental|domain incremental|task incremental)\b", re.I)


_HEAD_PREPS = frozenset("for of on in with via from over under".split())


def long_form_type(long_form: str) -> str | None:
    """Type of a long form from its head word, or ``None`` when the head says nothing: the last word, or a
    capitalised dataset head before the first preposition after the second word ("Comprehensive Benchmark for
    Evaluating Code Generation" is a dataset; a method or task head there is too often a description:
    "masked latent transformer with ...", "International Classification of Diseases").

    >>> [long_form_type(x) for x in ["Vision Transformer", "Mean Absolute Error", "Named Entity Recognition",
    ...                              "Open LLM Leaderboard", "continual learning", "deep learning", "Dense Conditional Random Field",
    ...                              "Bias Benchmark for Generation", "Graph Network for Traffic Forecasting",
    ...                              "Short-Time Fourier Transform", "Foo Bar Decomposition"]]
    ['Method', 'Metric', 'Task', 'Dataset', 'Task', None, 'Method', 'Dataset', 'Task', 'Method', 'Method']
    """
    heads = load_heads()
    words = long_form.split()
    for i in range(2, len(words) - 1):  # the head of "A B for C" is B: "Bias Benchmark for Generation" is a dataset
        if words[i] in _HEAD_PREPS:
            if words[i - 1][:1].isupper() and words[i - 1].lower() in heads["Dataset"]:
                return "Dataset"
            break
    head = words[-1].lower() if words else ""
    last = head.split("-")[-1]
    for typ in ("Dataset", "Metric", "Task", "Method"):
        if head in heads[typ] or last in heads[typ]:
            if last == "rank" and (head != last or (len(words) > 1 and words[-2] in ("of", "to"))):
                continue  # "Low-Rank", "learning-to-rank", "Chain of Rank": no mean rank
            return typ
    if head in heads["MethodLongForm"] or last in heads["MethodLongForm"]:
        return "Method"  # "Short-Time Fourier Transform", "Sample Average Approximation", "Tree of Thoughts"
    if last in heads.get("TaskWeak", ()):
        if last == "learning":
            return "Task" if _LEARN_TASK.search(long_form) else None
        return "Task" if len(words) > 1 else None
    return None


_DEF_NOUN = (r"(?:module|framework|method|model|strategy|block|mechanism|algorithm|approach|architecture|network|"
             r"layer|scheme|technique|pipeline|system|component|unit|encoder|decoder|paradigm|procedure|protocol|"
             r"sampler|estimator|regularizer|regularization|objective|policy|agent|library|toolkit|tool|"
             r"dataset|benchmark|corpus|suite|metric|measure|score|diagnostic|indicator|statistic)")
_DEF_AFTER = re.compile(
    rf"\)\s*(?:(?:,|\s+is|\s+as)\s+(?:a|an|the)\s+(?:(?!(?:and|or|we|which|that|to|is|are|on|for|of|with|in|by|from|"
    rf"over)\b)[\w\-]+,?\s+){{0,6}}?)?({_DEF_NOUN})s?\b(?!-)", re.I)
_DEF_BEFORE_NEW = re.compile(r"\b(?:a|an|the|our)\s+(?:new|novel|proposed)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_DEF_DS_NAMED = re.compile(r"\b(?:datasets?|benchmarks?|corpus|corpora)(?:,?\s+(?:called|named|dubbed|termed|namely)\s+|,\s+|"
                           r"\s+-{1,3}\s+|\s*[\u2013\u2014:]\s*)"  # "a new benchmark -- Foo Bar (FB) --", "a benchmark: Foo Bar (FB)"
                           r"(?:the\s+)?[\"'`]*$",
                           re.I)
_DEF_TYPE = {"dataset": "Dataset", "benchmark": "Dataset", "corpus": "Dataset", "suite": "Dataset",
             "metric": "Metric", "measure": "Metric", "score": "Metric", "diagnostic": "Metric", "indicator": "Metric",
             "statistic": "Metric"}


_PLURAL_WORD = re.compile(r"[^su]s$|[A-Z]s$")
_GAP_USED = re.compile(r"\b(?:for|in|based\s+on|built\s+on|on\s+top\s+of|using|uses?|leverag\w*|via|from|than|over|such\s+as|"
                       r"like|including|compared|against|e\.g\.|i\.e\.)\b", re.I)


def _sentence_start(text: str, lo: int, hi: int) -> int | None:
    """Where the sentence holding ``hi`` starts, looked for in ``text[lo:hi]``: the last ".", "!" or "?" when
    white space follows it, 0 when there is none and ``lo`` is 0, else ``None`` (the regex
    ``(?:^|[.!?]\\s+)[^.!?]*$`` searched between ``lo`` and ``hi``, without its quadratic scan).

    >>> t = "It is 3.5 here. We propose A"
    >>> _sentence_start(t, 0, 27), _sentence_start(t, 0, 7), _sentence_start(t, 2, 9)
    (14, 0, None)
    """
    k = max(text.rfind(".", lo, hi), text.rfind("!", lo, hi), text.rfind("?", lo, hi))
    if k == -1:
        return 0 if lo == 0 else None
    return k if k + 1 < hi and text[k + 1].isspace() else None
_SENT_CUE = re.compile(
    r"\b(?:(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise|build|"
    r"construct|create)\w*|(?:our|this|the proposed)\s+(?:[\w\-]+\s+){0,2}(?:framework|method|model|approach|system|"
    r"architecture|pipeline)\s+(?:consists|comprises|contains|includes|integrates|combines|introduces|features|uses|"
    r"employs|adopts|utilizes|utilises|leverages|incorporates))\b", re.I)


def definition_context(text: str, long_start: int, short_end: int) -> tuple[str | None, bool]:
    """Type of a defined name whose long form's head says nothing, from the words around it: a kind noun
    right after the parenthesis ("X (XM) module") or in an apposition ("X (XS), a training-free strategy");
    and whether it is presented as new: "a novel X (XR)", or after a proposal cue earlier in its sentence
    ("we propose A, which integrates a B (XB)", "our framework consists of a C (XC) module").

    >>> t = "It uses a novel Ensemble Retriever (ER), and Kinetic Shaping (KS), a two-phase inference strategy."
    >>> definition_context(t, 16, 38), definition_context(t, 45, 64)
    ((None, True), ('Method', False))
    >>> t = "We propose A, which integrates a Rank Selector (RS)."
    >>> definition_context(t, 33, 49)
    (None, True)
    >>> t = "We derive a dataset named Warped Tables (WT)."; definition_context(t, 26, 43)
    ('Dataset', False)
    """
    new = bool(_DEF_BEFORE_NEW.search(text, max(0, long_start - 60), long_start))
    if not new:
        start = _sentence_start(text, max(0, long_start - 300), long_start)
        cue = _SENT_CUE.search(text, start, long_start) if start is not None else None
        # not a family in the plural ("... which uses large language models (LLMs)") nor a name the cue's
        # method is built on or compared with ("we propose A based on the Structural Causal Model (SCM)")
        last = text[long_start:text.rfind("(", long_start, short_end)].split()[-1:] or [""]
        new = bool(cue) and not _PLURAL_WORD.search(last[0]) and not _GAP_USED.search(text, cue.end(), long_start)
    m = _DEF_AFTER.match(text, short_end)
    if m is None:
        if _DEF_DS_NAMED.search(text, max(0, long_start - 40), long_start):  # "a dataset named Foo Bar (FB)"
            return "Dataset", new
        return (None, new)
    return _DEF_TYPE.get(m[1].lower(), "Method"), new


def named_part_is_new(text: str, start: int) -> bool:
    """Whether an undefined name before "module/block" (``start``) is presented as the paper's own part: "a novel
    Foo module", or a proposal cue earlier in its sentence with no "based on / using / such as" between
    ("we propose X, which integrates a Foo module"); not "we design A based on B and a Foo block", "within the
    Foo blocks".

    >>> t = "We propose X, which integrates a Foo module. We add the Bar module. We build A using a Baz block."
    >>> named_part_is_new(t, 33), named_part_is_new(t, 57), named_part_is_new(t, 88)
    (True, False, False)
    """
    if _DEF_BEFORE_NEW.search(text, max(0, start - 60), start):
        return True
    lo = _sentence_start(text, max(0, start - 300), start)
    cue = _SENT_CUE.search(text, lo, start) if lo is not None else None
    return cue is not None and not _GAP_USED.search(text, cue.end(), start) and not _GAP_ADOPTED.search(
        text, cue.end(), start)


_GAP_ADOPTED = re.compile(r"\b(?:adopt|employ|borrow|reuse|inherit)\w*", re.I)  # "we present X, adopting the Foo modules"


# --------------------------------------------------------------------------------------------- proposals

_CUE = re.compile(
    r"\b(?:we|this (?:paper|work|study|article|report)|here we|the present work)\s+(?:first\s+|further\s+|also\s+|"
    r"then\s+|newly\s+|hereby\s+)?(?:propose|introduce|present|develop|design|build|construct|create|release|curate|"
    r"collect|contribute|devise|put forward|offer|establish)(?:s|d|ed)?\s+|\bwe\s+describe\s+(?-i:(?=[A-Z]))", re.I)
# "We study X under noise and propose Y": the proposal verb coordinated with an earlier "we" of the sentence
_CUE_WORDS = ("we", "this ", "here we", "the present work")  # every _CUE match opens with one
_CUE_AND = re.compile(
    r"\bwe\b[^.;:!?]{0,120}?\b(?:and|then)\s+(?:also\s+|further\s+|then\s+)?(?:propose|introduce|present|develop|"
    r"design|devise|release|construct|build)(?:s|d|ed)?\s+", re.I)
_AND_TAIL = re.compile(r"(?:and|then)\s+(?:also\s+|further\s+|then\s+)?(?:propose|introduce|present|develop|design|"
                       r"devise|release|construct|build)")


def _and_verb(text: str) -> bool:
    """Whether "and/then (also) propose/introduce/..." occurs (a necessary condition of ``_CUE_AND``), found
    from the places of " and"/" then" rather than by a regex scan of the whole text.

    >>> _and_verb("We study X and then propose Y."), _and_verb("We propose Y and band designs.")
    (True, False)
    """
    low = text.lower()
    for word in ("and", "then"):
        i = low.find(word)
        while i != -1:
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_")) and _AND_TAIL.match(low, i):
                return True
            i = low.find(word, i + 1)
    return False


_NAMED = re.compile(r"(?:named|called|dubbed|termed|coined|denoted as|referred to as|namely)\s+(?:as\s+)?(?:the\s+)?")
_NAMED_STEMS = ("name", "called", "dubbed", "termed", "coined", "denoted as", "referred to as")
_NAMED_WORDS = ("named", "called", "dubbed", "termed", "coined", "denoted as", "referred to as", "namely")  # _NAMED opens with one
_OUR = re.compile(r"[Oo]ur\s+(?:(?:new|novel|proposed|resulting|final|full|best)\s+)?(?:(?:method|model|framework|"
                  r"approach|system|architecture|network|algorithm|pipeline|agent|dataset|benchmark|corpus|toolkit|"
                  r"library|tool|platform)s?,?\s+(?:(?:called|named|dubbed|termed)\s+)?)?")
_OUR_NEW = re.compile(r"[Oo]ur\s+(?:new|novel|proposed)\s")
_TITLE_WORDS = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?: [A-Z][a-z]+(?:-[A-Za-z]+)*){1,6}(?![\w-])")
_GAP_STOP = re.compile(r"\b(?:that|which|to|for|by|on|with|using|use|of|from|than|where|whose|in)\b|[,;:.(]")
_DS_AFTER = re.compile(
    rf"^[\s,:\-]*(?:\([^()]{{0,120}}\)[\s,]*){{0,2}}"
    # whole words only ("instruction-following", "cancer", "systematic" are describing words, not "in"/"can"/"system")
    rf"(?:(?!(?:and\s+(?:a|an|the|our|its)|or|we|which|that|to|is|are|on|for|of|with|in|by|from|over|can|will)\b|"
    rf"(?:method|model|framework|approach|architecture|network|algorithm|technique|system|pipeline|agent|tool|toolkit|"
    # (one before a dataset head describes it: "a network traffic dataset", "a system log corpus")
    rf"library|platform|solution)s?\b(?!-|\s+(?:(?!(?:and|or|for|of|with|on|in)\b)[\w\-]+\s+)?{_DS_HEAD}\b)|"
    rf"(?:outperform|achiev|surpass|improv)\w*)"
    rf"[\w\-]+\+*,?\s+|(?<=\w )\([^()\s]{{1,12}}\)\s+){{0,8}}?"
    rf"{_DS_HEAD}\b(?!-)", re.I)
# "we introduce FUB (Foo detection Unified Benchmark)": the long form in brackets after the name ends in a dataset head
_DS_BRACKET = re.compile(rf"\s*\([^()]{{0,100}}\b{_DS_HEAD}\)", re.I)
# "a ... dataset covering X, called", "a dataset of HEA in the world, called": the dataset head ends its noun phrase
# (then a preposition or participle phrase without a comma), and no method noun comes after it
_DS_THEN_CALLED = re.compile(rf".*\b{_DS_HEAD}(?:\s+(?:of|for|with|from|in|on|covering|containing|spanning|"
                             rf"collected|built|constructed|curated)\b[^.;:(),]*)?,?\s*$", re.I | re.S)
_METHOD_NOUN = re.compile(r"\b(?:method|model|framework|approach|architecture|network|algorithm|technique|system|"
                          r"pipeline|agent|tool|toolkit|library|platform|module|strategy)s?\b", re.I)
_TASK_AFTER_NAME = re.compile(r"\s+task\b(?![\-,])")
_TASK_NAMED_BEFORE = re.compile(r"\b(?:task|problem)\s*,?\s*(?:called|named|dubbed|termed|coined)\s+(?:as\s+)?(?:the\s+)?$",
                                re.I)
# "FooBench", "BarArena-2", "Visual Foo Benchmark", "Foo-AI-Benchmark", "FooCase-200K" (a count of thousands)
_DS_NAME = re.compile(r"(?:Bench|Benchmark|Dataset|Arena|Corpus|Bank)(?:[\-\s]?v?\d+(?:\.\d+)?)?$|[A-Za-z][\-_]\d+(?:\.\d+)?[Kk]$")
# "we propose Warm Diffusion, a ...", "we introduce 3D Reference Attention, which ..." (not "... Correction Task, which")
_TITLE_RUN = re.compile(r"(?:(?:a|an|the)\s+)?((?:[23]D|[A-Z][\w\-]*)(?: [A-Z][\w\-]*){1,6})"
                        r"(?=\s*(?:,\s*(?:a|an|the)\s|\(|:)|(?<!Task)(?<!Problem)(?<!Challenge),\s*which\s)")
# "we present Agent-Arena, a Python framework", "we propose Canon, a ...": one capitalised word (hyphenated parts,
# a trailing "++") set off as the name by the appositive or an acronym in brackets
_TITLE_WORD = re.compile(r"(?:(?:a|an|the)\s+)?([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\+{0,2})"
                         r"(?=,\s*(?:a|an)\s|\s\([A-Z]|,\s*which\s)")
# in a title, "suite" and "collection" name software or model sets as often as datasets ("a Java suite for")
_DS_WORD_I = re.compile(r"\b(?:datasets?|benchmarks?|corpora|corpus|leaderboards?|treebanks?|testbeds?|databases?)\b", re.I)
_METHOD_WORD_I = re.compile(r"\b(?:method|model|framework|approach|network|architecture)\b", re.I)
# "called Look-and-Listen", "namely Chain-of-Confirmation", "Event-Model-F": lower-case joining words and one-letter
# parts inside a hyphenated name
_CAP_RUN = re.compile(r"[A-Z][A-Za-z0-9]+(?:(?:-(?:of|and|as|to|for|in|on|by|with|the|or|from|via))*-[A-Z0-9][A-Za-z0-9]*"
                      r"| [A-Z][A-Za-z0-9]+){0,6}")
_DS_BEFORE = re.compile(rf"{_DS_HEAD},?\s+(?:(?:called|named|dubbed|termed|namely)\s+)?(?:\w+\s+)?$", re.I)
_HEAD_COMMA = re.compile(r"[^.;:()]{0,80}\b(?:framework|method|model|approach|architecture|network|algorithm|"
                         r"technique|system|pipeline|agent|dataset|benchmark|corpus|suite|schema|scheme|strategy|"
                         r"paradigm|module|mechanism|library|toolkit|tool|platform|metric|function|loss|objective|"
                         r"regularizer|classifier|layer|block|recipe|procedure|policy|estimator|optimizer|operator),"
                         r"\s*(?:(?:called|named|"
                         r"dubbed|termed|namely)\s+)?")
# "a large-scale dataset of annotated recipes (", "a novel framework for video retrieval (": a noun phrase with a
# dataset or method head (no preposition before it), then at most six lower-case words, none of them another head
# or a clause ("a framework for optimizing Spectral Risk Measures (SRM)": the bracket spells out the last words)
_PAREN_HEADS = (r"framework|method|model|approach|architecture|network|algorithm|technique|system|pipeline|agent|"
                r"toolkit|library|platform|module|strategy")
_HEAD_PAREN = re.compile(
    rf"(?:a|an|the)\s+(?:(?!(?:of|for|on|in|with|based|and|or|to|from|by)\b)[\w\-]+\s+){{0,5}}?"
    rf"(?:({_DS_HEAD})|(?:{_PAREN_HEADS})s?)(?-i:(?:\s+(?!(?:and|or|which|that|we|to|is|are|using|based|"
    rf"{_DS_HEAD[3:-1]}|{_PAREN_HEADS})\b)[a-z][\w\-]*){{0,6}})\s*\(", re.I)
_TITLE_STOP = frozenset("Towards Toward Beyond Rethinking Revisiting Position Survey Review Tutorial Introduction "
                        "Overview Perspective Perspectives Editorial Report Benchmarking Evaluating Understanding "
                        "Learning Scaling Improving On In Why How What When Where".split())


# the words after a title's colon that present the head as a dataset: "X: Benchmarking ...", "X: A Large-Scale
# Multimodal Dataset for ...", "X: A Benchmark for ..."
_TITLE_DS_REST = re.compile(r":\s*(?:Benchmarking\b|(?:A|An|The)\s+(?:(?!(?:for|of|with|in|on|to|and|or|from|by|via|"
                            r"Framework|Method|Model|Approach|Network|Architecture|System|Pipeline|Agent|Tool)\b)"
                            r"[\w\-]+,?\s+){0,5}?(?:Dataset|Benchmark|Corpus|Testbed)s?\b)")
# ", a Python framework": the apposition calls a dataset-like name ("Agent-Arena") a method
_METHOD_APPOS = re.compile(r",\s*(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:framework|method|model|approach|architecture|"
                           r"toolkit|library|platform|agent)\b")
_TITLE_METHOD_REST = re.compile(r":\s*(?:A|An)\s+(?:[\w\-]+,?\s+){0,3}?(?:Framework|Method|Model|Approach|Architecture|"
                                r"Toolkit|Library|Platform|Agent)\b", re.I)
_PLAIN_TITLE_HEAD = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?=:)")  # "Room Envelopes: A Synthetic Dataset ..."


def title_dataset_head(title: str, head: tuple[int, int] | None) -> tuple[int, int] | None:
    """The title's head span when the title presents it as a dataset, else None.

    ``head`` is :func:`title_head`'s answer. A head named like a dataset ("FooBench", "BarArena") or followed by
    "Benchmarking ..." / "A ... Dataset/Benchmark/Corpus" is one; without a name-like head, two or three plain
    capitalised words count as the name only before such a dataset phrase.

    >>> t = "Room Envelopes: A Synthetic Dataset for Indoor Layouts"; t[slice(*title_dataset_head(t, title_head(t)))]
    'Room Envelopes'
    >>> t = "FooBench: Benchmarking LLMs in Law"; t[slice(*title_dataset_head(t, title_head(t)))]
    'FooBench'
    >>> title_dataset_head("Better Nets: A Framework for Data", None) is None
    True
    """
    if head is None:
        m = _PLAIN_TITLE_HEAD.match(title)
        if not m or m[0].split()[0] in _TITLE_STOP or not _TITLE_DS_REST.match(title, m.end()):
            return None
        return m.start(), m.end()
    if (_DS_NAME.search(title, head[0], head[1]) and not _TITLE_METHOD_REST.match(title, head[1])
            or _TITLE_DS_REST.match(title, head[1])):
        return head  # a dataset-like name, unless the title calls it a framework ("Agent-Arena: A General Framework")
    return None


# a name described as new right after it: "X, a novel ...", "X (XX) is a new ..."
_NEW_APPOS = re.compile(r"(?:\s\([^()]{1,20}\))?(?:,\s*|\s+is\s+)(?:a|an)\s+(?:novel|new)\b")
_ONE_WORD_HEAD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*\+{0,2}")


# a title head of two names joined by "and"/"&", or a name with the event it was made for ("... at Zorb 2024")
_HEAD_PAIR = re.compile(r"([^\s:]+) (?:(?:and|&) ([^\s:]+)|at [A-Z@][^:]*)")


def title_head(title: str) -> tuple[int, int] | None:
    """The span of a title's leading name before a colon ("FooNet: ..."), if it looks like a name.

    >>> t = "FooNet v2: Fast Nets"; t[slice(*title_head(t))]
    'FooNet v2'
    >>> title_head("Towards Better Nets: A Study") is None
    True
    """
    i = title.find(":")
    if i <= 0 or i > 60:
        return None
    head = title[:i].strip()
    if not head or len(head.split()) > 4 or head.split()[0] in _TITLE_STOP:
        return None
    s = title.find(head)
    chunks = [c for c in name_chunks(title[:i], title_case=False)]
    if chunks:
        if len(head.split()) <= 2 or chunks[0][0] == s:
            return s, s + len(head)
        return None
    if len(head.split()) == 1 and (head[:1].isupper() and head.isalpha() or _ONE_WORD_HEAD.fullmatch(head)
                                   and _ALPHA.search(head)) and head not in _TITLE_STOP:
        return s, s + len(head)  # "Agent-Arena: ...", "Copy-as-Decode: ...", "Elastica++: ...", "inversedMixup: ..."
    return None


def proposal_spans(text: str, field: str = "abstract") -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of names the text presents as its own (type Method or Dataset).

    >>> t = "We propose FooNet, and we release a corpus named Qux. Our BarNet-2 helps."
    >>> [(t[s:e], ty) for s, e, ty in proposal_spans(t)]
    [('FooNet', 'Method'), ('Qux', 'Dataset'), ('BarNet-2', 'Method')]
    >>> t = "We study BERT under noise and propose FooBERT. Our method, BazNet, helps, as does our new Quux-based Guide System."
    >>> [(t[s:e], ty) for s, e, ty in proposal_spans(t)]
    [('FooBERT', 'Method'), ('BazNet', 'Method'), ('Quux-based Guide System', 'Method')]
    """
    out: dict[tuple[int, int], str] = {}
    chunks = name_chunks(text, title_case=False if field == "title" else None, cap_num=field != "title")
    starts = {s: e for s, e in chunks}

    def typ_at(s: int, e: int, before: str) -> str:
        if _TASK_AFTER_NAME.match(text, e) or _TASK_NAMED_BEFORE.search(before):
            return "Task"  # "we propose a Case2Code task", "a new task named X"
        if _set_of_models(text, e):
            return "Method"
        if (_DS_AFTER.search(text[e:e + 220]) or _DS_BEFORE.search(before) or _DS_BRACKET.match(text, e)
                or _DS_NAME.search(text, s, e) and not _METHOD_APPOS.match(text, e) or _DATA_COUNT.match(text, e)):
            return "Dataset"
        return "Method"

    if field == "title":
        h = title_head(text)
        hd = title_dataset_head(text, h)
        if hd:
            out[hd] = "Dataset"
        elif h:
            rest = text[h[1]:h[1] + 80]
            typ = "Dataset" if _DS_WORD_I.search(rest) and not _METHOD_WORD_I.search(rest[:40]) else "Method"
            two = _HEAD_PAIR.fullmatch(text, *h)  # "FooNet and BarNet: ...", "FooNet at Zorb 2024: ..."
            if two and two[2] and is_name_token(two[1]) and is_name_token(two[2]):
                out[two.span(1)] = out[two.span(2)] = typ
            elif two and not two[2]:
                out[two.span(1)] = typ
            else:
                out[h] = typ
    cues = finditer_at(_CUE, text, _CUE_WORDS)  # _CUE.finditer(text), trying only where its opening words stand
    if _and_verb(text):  # the coordinated verb found by plain string search before the costly "we ... and" scan
        cues += [m for m in _CUE_AND.finditer(text) if not any(c.start() >= m.start() and c.end() <= m.end() for c in cues)]
    for m in cues:
        tc = _TITLE_RUN.match(text, m.end()) or _TITLE_WORD.match(text, m.end())  # "we propose Warm Diffusion, a"
        if tc and not any(s <= tc.start(1) < e for s, e in chunks):
            out.setdefault((tc.start(1), tc.end(1)), typ_at(tc.start(1), tc.end(1), text[m.start():tc.start(1)]))
            continue
        for s, e in chunks:
            if s < m.end() or s > m.end() + 80:
                continue
            gap = text[m.end():s]
            if _GAP_STOP.search(gap) and not _HEAD_COMMA.fullmatch(gap):
                hp = _HEAD_PAREN.fullmatch(gap) if gap.endswith("(") and text.startswith(")", e) else None
                if hp:  # "we build a corpus of annotated recipes (FooSet)": the bracket names the noun phrase
                    out.setdefault((s, e), "Dataset" if hp[1] else typ_at(s, e, ""))
                break
            out.setdefault((s, e), typ_at(s, e, text[m.start():s]))
            break
    for m in finditer_at(_NAMED, text, _NAMED_WORDS, ignore_case=False) if any(w in text for w in _NAMED_STEMS) else ():
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue  # "so-called Foo-like problems": no name given here
        e0 = starts.get(m.end())
        if e0 is None:
            w = _CAP_RUN.match(text, m.end())
            if not w:
                continue
            e0 = w.end()
        typ = typ_at(m.end(), e0, text[max(0, m.start() - 40):m.end()])
        if typ == "Method":
            # "a ... restoration dataset covering laparoscopic scenes, called X": the dataset noun farther back
            # than the words next to "called" names what X is
            a = max(0, m.start() - 120)
            if _DS_THEN_CALLED.match(text, a, m.start()) and not _METHOD_NOUN.search(text, a, m.start()):
                typ = "Dataset"
        out.setdefault((m.end(), e0), typ)
    if "new" in text or "novel" in text:
        for s, e in chunks:  # "GenTrap, a novel RLF prediction framework", "CCELLA is a novel conditioning approach"
            if _NEW_APPOS.match(text, e):
                out.setdefault((s, e), typ_at(s, e, ""))
    for m in finditer_at(_OUR, text, ("our", "Our"), ignore_case=False) if "our" in text or "Our" in text else ():
        if m.start() and text[m.start() - 1].isalnum():
            continue
        e0 = starts.get(m.end())
        if e0 is None and _OUR_NEW.match(m[0]):  # "our proposed Gait-based Guiding System"
            w = _TITLE_WORDS.match(text, m.end())
            e0 = w.end() if w else None
        if e0 is not None:
            out.setdefault((m.end(), e0), typ_at(m.end(), e0, ""))
    return sorted((s, e, t) for (s, e), t in out.items())


_RESULT_VERB = re.compile(
    r"\s+(?:also\s+|further\s+|consistently\s+|significantly\s+|substantially\s+|clearly\s+)?(?:achieves|obtains|"
    r"reaches|outperforms|surpasses|improves|attains|establishes|delivers|beats|exceeds|boosts|"
    r"sets)\b")
_SUBJECT_SLOT = re.compile(r"(?:^|[.!?;:]\s+|,\s+|\b(?:and|while|whereas)\s+)$")


def result_subjects(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that open a clause reporting a result ("X reaches 91%", ", X outperforms ..."): the subject
    of "achieves/outperforms/improves/..." at a sentence or clause start.

    >>> t = "With 40% noise, FooNet reaches 91.3%. It beats BarNet. BazNet improves recall, outperforming Qux."
    >>> [t[s:e] for s, e in result_subjects(t, [(16, 22), (47, 53), (55, 61), (89, 92)])]
    ['FooNet', 'BazNet']
    """
    return [(s, e) for s, e in spans if _RESULT_VERB.match(text, e) and _SUBJECT_SLOT.search(text, max(0, s - 8), s)]


# "a Per-Instance Multi-View Fusion module", "the Global Context-aware Relation Prediction module": a title-cased
# name introduced with its method head noun
_HEADED_HEADS = (" module", " block", " mechanism", " layer", " loss", " strategy", " technique", " framework",
                 " architecture", " network", " algorithm", " scheme", " pipeline", " unit", " regularization")
_HEADED_STARTS = WordStarts(_HEADED_HEADS)  # one scan for the spaces, not a str.find per head
_HEADED_BEFORE = re.compile(r"(?<![\w\-])([Aa]n?|[Tt]he|[Oo]ur)\s+(?:(?:novel|new|proposed|simple|lightweight)\s+)?"
                            r"((?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\s+){1,5}[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s+$")
_APPOS_NAME = re.compile(r"([\w\-]+)\s*,\s*$")  # "ReHyAt, a Recurrent ... mechanism"


def headed_names(text: str) -> list[tuple[int, int, int, bool]]:
    """``(start, name_end, end, new)`` of title-cased names of two words or more introduced with a method head noun
    ("a Window Cross-Attention mechanism"): the name is ``text[start:name_end]``, with its head ``text[start:end]``;
    ``new`` when introduced by "a/an/our", not "the".
    Not after a name and a comma (the long form of an apposition: "ReHyAt, a Recurrent Hybrid Attention
    mechanism"), nor ending in an acronym ("a Generative AI framework", "a CTC-based ASR module").

    >>> t = "We add a Dual Gated Fusion module and a Generative AI framework; FooNet, a Deep Hybrid network."
    >>> [(t[s:n], new) for s, n, e, new in headed_names(t)]
    [('Dual Gated Fusion', True)]
    """
    out = []
    for p in _HEADED_STARTS(text):
        if not text[text.rfind(" ", 0, p) + 1:p][:1].isupper():  # the word before the head opens with a capital
            continue
        m = _HEADED_BEFORE.search(text, max(0, p - 90), p + 1)
        if m is None or m.end() != p + 1:
            continue
        s, n = m.start(2), m.end(2)
        last = text[s:n].rsplit(None, 1)[-1]
        if last.isupper():
            continue
        before = _APPOS_NAME.search(text, max(0, m.start() - 40), m.start())
        if before and is_name_token(before[1]):
            continue
        head = text[p + 1:].split(None, 1)[0].rstrip(".,;:)")
        out.append((s, n, p + 1 + len(head), m[1].lower() != "the"))
    return out


# "AxFormer combines two key optimizations -- accuracy-driven pruning and selective hard attention", "we propose
# three techniques, i.e. A, B, and C": the parts a count announces, listed right after it
_PARTS_INTRO = re.compile(
    r"\b(?:two|three|four|five|six|several)\s+(?:[a-z][a-z\-]*\s+){0,3}?(components?|techniques|"
    r"strategies|modules|mechanisms|designs|optimizations|innovations)\s*(?:(?:,\s*)?(?:namely|i\.e\.,?|"
    r"including)\s+|:\s*|\s+-{1,3}\s+|\s*[\u2013\u2014]\s*)")
_PARTS_COUNTS = ("two", "three", "four", "five", "six", "several")  # a _PARTS_INTRO match opens with one
_PART_ENUM = re.compile(r"\s*(?:\(?(?:\d|i{1,3}|iv|v)\)\s*)?")  # "(1)", "ii)" before an item
_PART_ARTICLE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+")
_PART_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]")
_PART_NOT = frozenset("we our this these its their it they each both none all which that is are was were be been can may "
                      "also not one two three four five to for with in on of by from as at into via through while "
                      "where and or".split())
_PART_HEAD_END = re.compile(r"[^(]*?\b(?:[Mm]odule|[Bb]lock|[Ll]ayer|[Nn]etwork|[Mm]echanism|[Uu]nit|[Hh]ead|[Bb]ranch|"
                            r"[Ee]ncoder|[Dd]ecoder)s?\b")
_PARTS_SEP = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_PART_ENUM_OPEN = re.compile(r"\(?(?:\d|i{1,3}|iv|v)\)")
_PART_CLAUSE = re.compile(r"\s+(?:which|that|to|for|with|in|on|at|where|while|by|via|as|through|is|are|uses?|using|"
                          r"based|from|of|into|[a-z]+ed\s+(?:to|for|by|with|on|in))\b|\s*\(")
# before the count, what says the paper evaluates the parts or finds them in others' work: "we explore / compare
# three strategies", "A combination of four existing techniques"
_PARTS_USED = re.compile(r"\b(?:evaluat\w*|explor\w*|compar\w*|stud(?:y|ies|ied)|examin\w*|investigat\w*|analy[sz]\w*|"
                         r"benchmark\w*|surveys?|review\w*|(?:is|are|were)\s+used|existing|previous|prior|conventional|"
                         r"traditional|popular|common|standard)\b", re.I)
_PARTS_PROPOSE = re.compile(r"\b[Ww]e\s+(?:\w+\s+)?(?:propos|introduc|present|develop|design|devis)\w*")  # "we propose and evaluate"
# a part named by where it sits rather than by what it does ("two components: near-field depth and far-field
# depth", "two modules: item recommendation and response generation"): only a technique noun announces a
# lower-case list
_PART_PLACES = frozenset(("component", "components", "modules"))
_PLURAL_END = re.compile(r"[^su]s$")  # "binning-based methods", "uniform weights": kinds or settings, no parts


def enumerated_parts(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, own)`` of the parts a count announces and lists right after it ("two key components: a Foo
    Mask ..., and a Bar Mask", "three techniques, i.e. A, B, and C", "two strategies: Foo-Head, which ..."):
    title-cased names of two to five words (or one hyphenated capitalised word), and lower-case phrases of one
    to four words (two at least, the last no plural) after a technique noun (not "components/modules") when
    every item of the list is one (no article; a clause only after the last): "accuracy-driven pruning and selective hard attention". ``own``
    (the paper's own parts) unless the words before the count say the paper evaluates them or takes them from
    others ("we explore three strategies: ...", "four existing techniques") with no proposal verb ("we propose and
    evaluate two strategies: ...").

    >>> t = "ZorbNet combines two key optimizations -- sparse token pruning and selective hard attention."
    >>> [(t[s:e], own) for s, e, own in enumerated_parts(t)]
    [('sparse token pruning', True), ('selective hard attention', True)]
    >>> t = "We explore three strategies: (1) Foo Bar Mask, which adds A, B and Qux Box, (2) a Baz-Head and (3) a graph unit."
    >>> [(t[s:e], own) for s, e, own in enumerated_parts(t)]
    [('Foo Bar Mask', False), ('Baz-Head', False)]
    """
    out = []
    for m in finditer_at(_PARTS_INTRO, text, _PARTS_COUNTS, ignore_case=False):  # = _PARTS_INTRO.finditer(text)
        stop = text.find(". ", m.end())
        stop = len(text.rstrip(".")) if stop == -1 else stop
        # the slots of the list: text between the separators ", ", "; ", ", and ", " and ", " or "
        bounds, prev = [], m.end()
        for sep in _PARTS_SEP.finditer(text, m.end(), stop):
            bounds.append((prev, sep.start(), text[sep.start():sep.end()]))
            prev = sep.end()
        bounds.append((prev, stop, ""))
        numbered = _PART_ENUM_OPEN.match(text, m.end()) is not None
        for k in range(len(bounds) - 2, -1, -1):
            if numbered and bounds[k][2].strip() == "and" and not _PART_ENUM_OPEN.match(text, bounds[k + 1][0]):
                # "(i) Stage-mixed Foo and Skewed Bar and (ii) ...": a numbered item holds its own "and"
                bounds[k:k + 2] = [(bounds[k][0], bounds[k + 1][1], bounds[k + 1][2])]
                continue
            # "the Foo Detection and Bar Module", "a Foo Interaction and Update module": one name holding "and"
            a, b, sep = bounds[k]
            if sep.strip() == "and" and _PART_HEAD_END.match(text, bounds[k + 1][0], bounds[k + 1][1]) and \
                    not _PART_HEAD_END.match(text, a, b):
                bounds[k:k + 2] = [(a, bounds[k + 1][1], bounds[k + 1][2])]
        items, skipping, opened = [], False, ","
        for a, b, sep in bounds:
            if numbered and items and not _PART_ENUM_OPEN.match(text, a) or skipping and not (
                    ("," in opened or ";" in opened) and ("and" in opened or "or" in opened) or _PART_ENUM_OPEN.match(text, a)):
                # (in a numbered list only a number opens an item: "(3) a method using A, B, and C")
                opened = sep
                continue  # inside the clause of the item before: "Foo Mask, which adds A, B and Baz"
            opened = sep
            q = _PART_ENUM.match(text, a).end()
            am = _PART_ARTICLE.match(text, q)
            q = am.end() if am else q
            start, words = q, []
            while len(words) < 6 and q < b:
                w = _PART_WORD.match(text, q)
                if w is None:
                    break
                words.append(w[0])
                q = w.end()
                if text[q:q + 1] != " " or _PART_CLAUSE.match(text, q):
                    break
                q += 1
            end = q - 1 if text[q - 1:q] == " " else q
            rest = text[end:b].strip()
            if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
                rest = ""  # "Foo Bar (FB)": the acronym after the item
            if not words or _PART_WORD.fullmatch(text, start, end) is None and " " not in text[start:end]:
                break
            # (not "a Natural Language (NL) Query Parser", "a Foo Form (FF) catalog": the name goes on past the acronym)
            after = rest[rest.find(")") + 1:].strip() if rest.startswith("(") else ""
            if not after or _PART_CLAUSE.match(" " + after) or not after[:1].isalpha():
                items.append((start, end, bool(am), words, not rest))
            skipping = bool(rest)
        lo = max(text.rfind(". ", 0, m.start()), text.rfind("? ", 0, m.start()), -1) + 1
        own = not _PARTS_USED.search(text, lo, m.start()) or bool(_PARTS_PROPOSE.search(text, lo, m.start()))
        simple = len(items) > 1 and m[1].lower() not in _PART_PLACES and all((it[4] or k == len(items) - 1) and not it[2] and not it[3][0][:1].isupper()
                                        for k, it in enumerate(items))
        for start, end, article, words, alone in items:
            if any(w.lower() in _PART_NOT for w in words):
                continue
            if words[0][:1].isupper():
                # (one word only with every part capitalised: "Multi-Head", "Boundary-CB"; not "Zero-shot", "T-junction")
                if all(w[:1].isupper() for w in words) and len(words) <= 5 and (
                        len(words) > 1 or "-" in words[0][1:] and all(p[:1].isupper() for p in words[0].split("-"))):
                    out.append((start, end, own))
            elif simple and 1 < len(words) <= 4 and not _PLURAL_END.search(words[-1]):
                # (not one word: "top-to-bottom", "one-pass"; not a plural: "uniform weights", "input patches")
                out.append((start, end, own))
    return out


# ------------------------------------------------------------------------------------- cued task phrases
# A task is mostly named by a nominalisation ("scheduling", "geolocation", "conjecturing", "personalization")
# with noun modifiers. The head lists above know the frequent ones; where the text itself says a task follows
# ("the task of X", "tasks such as X, Y and Z", "X tasks", a title's "... for X"), any such nominalisation heads one.
_NOMINAL = re.compile(r"[a-z]{3,}(?:tion|sion|ment|ance|ence|ing|ysis)")
# a task is expected right after: "the task of", "the problem of", "tasks such as", "tasks including", "tasks:"
_TASK_OPENS = re.compile(r"\b(?:(?:task|problem)s?\s+of|tasks?\s*(?:,\s*)?(?:such\s+as|including|like|:))\s+", re.I)
# a task noun right after the phrase and closing it: "X task(s)," "X tasks such as" (not "X problem": "the
# catastrophic forgetting problem"; not "X task requirements")
_TASK_NOUN = re.compile(r"\s(?:tasks?)(?=\s*(?:$|[,.;:()])|\s+(?:and|or|in|on|of|for|with|to|that|which|where|while|is|"
                        r"are|was|were|from|by|such|like|including|as|has|have|using|under|across|show|shows|demonstrate)\b)")
# in a title, the phrase after "for" ends the title or a part of it
_TITLE_FOR = re.compile(r"\bfor\s+", re.I)
# or, in a title with no "for", after the colon that ends the title's name when the head is one known tasks have
# ("Foo: Consistent Crop Yield Prediction from ...", "Foo: Towards X"; not "Foo: Adaptive Token Skipping for Bar
# Retrieval": a means to the task after "for"; not "Foo: Two-Step Projection with ...": a means, no known task head)
# a sentence whose subject is a task says what it aims at: "Video head swapping aims to ...", "Multi-agent path
# finding (MAPF) is the problem of ...", "Drug repositioning seeks to ..."
_AIMS_AT = re.compile(r"\s(?:aims\s+(?:to|at)|seeks\s+to|is\s+the\s+(?:task|problem)\s+of)\b")
_TITLE_COLON = re.compile(r":\s+(?:Towards?\s+)?")
# in an abstract, a phrase after "for", "address(es)" or "tackle(s)" that ends a clause is a task when the
# abstract names it again ("a framework for robot manipulation ... robot manipulation"): once, it is as often a
# purpose ("for correct interpretation", "for due diligence")
_ABSTRACT_FOR = re.compile(r"\b(?:for|address(?:es|ing)?|tackl(?:e|es|ing))\s+(?=[a-z0-9])", re.I)
_ABSTRACT_PART_END = re.compile(r"\s*(?:[.,;:?()]|\s+(?:via|with|using|through|from|by|under|based|where|which|that|"
                                r"while|and|or|in|on)\b)")
_TITLE_PART_END = re.compile(r"\s*(?:$|[:?,]|\s-+\s|\s+(?:via|with|using|through|from|in|on|by|under|based|and|or)\b)",
                             re.I)


# words before "learning" that say how a model learns (a method: "Contrastive Learning", "Federated Learning"), not what
# it learns or in which setting ("Operator Learning", "Video Continual Learning": tasks), or who learns ("Student
# Learning": education)
_HOW_LEARNT = frozenset("contrastive multimodal multi-modal cross-modal supervised self-supervised "
                        "semi-supervised weakly-supervised unsupervised transfer meta in-context federated deep "
                        "machine multi-task multitask curriculum imitation active adversarial ensemble metric "
                        "dictionary manifold prompt local collaborative cooperative distributed decentralized "
                        "decentralised hierarchical end-to-end statistical bayesian robust efficient mutual joint "
                        "structured kernel feature neural sparse reinforcement preference policy reward residual "
                        "relational adaptive dynamic progressive fair private differentially privacy-preserving "
                        "secure safe split hybrid quantum physics-informed non-parametric parametric self-paced "
                        "dual teacher-student knowledge edge student students human children learner".split())
# heads of what a method does that name a task only where one is announced: a title's "for X" with modifiers ("for
# Portfolio Optimization", "for Code Search", "for Image Quality Assessment", "for User Behavior Modeling", "for
# Cooperative Perception", "for Fault Diagnosis", "for Portfolio Management"; not "for Optimization")
_TITLE_FOR_HEADS = frozenset("optimization optimisation search matching assessment evaluation rendering modeling "
                             "modelling perception diagnosis management".split())
_NOT_CUED_MOD = _NOT_TASK_MOD | frozenset("fewer automatic concrete verbose actual real relevant run runs execute executes "
                                          "conduct conducts complete completes ignore ignores".split())


_WORD_END = re.compile(r"[A-Za-z0-9][\w\-]*$")


@lru_cache(maxsize=8192)
def open_task_head(word: str) -> bool:
    """Whether ``word`` (lower case) can head a task phrase where a task is expected: a task head, or a
    nominalisation (-tion, -sion, -ment, -ance, -ence, -ing, -ysis) that names an activity, not a thing or a means.

    >>> [open_task_head(w) for w in ["scheduling", "geolocation", "segmentation", "sentiment", "training", "vision"]]
    [True, True, True, False, False, False]
    """
    last = word.rsplit("-", 1)[-1]
    heads = load_heads()
    if last in heads["Task"] or last in _weak_task_heads():
        return True
    return (_NOMINAL.fullmatch(last) is not None and last not in heads["TaskNotOpen"] and last not in heads["Method"]
            and last not in heads["Metric"])


@lru_cache(maxsize=1)
def catalog_task_heads() -> frozenset[str]:
    """Last words of two or more catalog Task names (name or alias; after a hyphen: "decision-making" -> "making")
    that are open task heads (:func:`open_task_head`): the heads known tasks have ("reasoning", "planning",
    "analysis", "alignment"), not every nominalisation.

    >>> {"reasoning", "planning", "analysis"} <= catalog_task_heads(), "steering" in catalog_task_heads()
    (True, False)
    """
    count: dict[str, int] = {}
    for row in load_catalog():
        if row["type"] == "Task":
            for name in {row["name"].lower(), *(a.lower() for a in row.get("aliases", ()))}:
                last = name.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
                count[last] = count.get(last, 0) + 1
    return frozenset(w for w, n in count.items() if n >= 2 and open_task_head(w)) - _ABILITY_HEADS


# heads of abilities and ways of working rather than problems a method is scored on ("decision-making",
# "problem-solving", "multi-agent collaboration", "knowledge integration"), though catalog names end in them
_ABILITY_HEADS = frozenset({"making", "solving", "collaboration", "integration"})


def cued_task_phrases(text: str, *, title: bool = False, max_mods: int = 4) -> list[tuple[int, int]]:
    """Spans of task phrases with an open head (:func:`open_task_head`) where the text announces a task: after
    "the task/problem of" or "tasks such as/including" (and the phrases coordinated with it),
    before "task(s)" closing the phrase, as the subject opening a sentence that "aims to/at", "seeks to" or "is the
    task/problem of", and in a title after "for" when the phrase ends the title or a part of it (not
    after a verb: "for Mitigating Language Confusion"). In an abstract also after "for", "address(es)" or
    "tackle(s)" when the phrase ends a clause, its head is one that known tasks have (:func:`catalog_task_heads`)
    and the abstract names the phrase again. At least one modifier, by the modifier tests of :func:`task_phrases`.

    >>> t = "We study the problem of crop-rotation field scheduling and tasks such as loop invariant conjecturing, protein function annotation and reading."
    >>> [t[s:e] for s, e in cued_task_phrases(t)]
    ['crop-rotation field scheduling', 'loop invariant conjecturing', 'protein function annotation']
    >>> t = "A model for contact-rich robotic planning. Contact-rich robotic planning is hard; it is for fleet planning."
    >>> [t[s:e] for s, e in cued_task_phrases(t)]
    ['contact-rich robotic planning']
    >>> t = "A Simulator-Guided Framework for Autonomous Field Scheduling: the Sentiment Classification Task"
    >>> [t[s:e] for s, e in cued_task_phrases(t, title=True)]
    ['Autonomous Field Scheduling']
    """
    low = text.lower()
    colon = None
    if title:
        cues = finditer_at(_TITLE_FOR, text, ("for",), low=low)
        colon = None if cues else _TITLE_COLON.search(text)
        if colon is not None:
            cues = sorted([*cues, colon], key=lambda m: m.start())
        opens = nouns = subjects = []
    else:
        opens = finditer_at(_TASK_OPENS, text, ("task", "problem"), low=low)
        nouns = [m for m in finditer_at(_TASK_NOUN, text, ("task", "benchmark"), low=low, offset=1)
                 if (w := _WORD_END.search(text, max(0, m.start() - 40), m.start())) and open_task_head(w[0].lower())]
        # (the first word after the cue must come again in the text, before or after it, or the phrase cannot)
        stop_words = load_heads()["Stop"]
        cues = [m for m in finditer_at(_ABSTRACT_FOR, text, ("for", "address", "tackl"), low=low)
                if (w := _WORD_AT.match(low, m.end())) and w[0] not in stop_words
                and (low.find(w[0], m.end() + 1) != -1 or low.rfind(w[0], 0, m.start()) != -1)]
        # (the subject ends before its acronym in a parenthesis: "Foo bar (FB) aims to ...")
        subjects = [m.start() if text[m.start() - 1:m.start()] != ")" else
                    (p if (p := text.rfind(" (", max(0, m.start() - 26), m.start())) != -1 else m.start())
                    for m in finditer_at(_AIMS_AT, text, ("aims", "seeks", "is the"), low=low, offset=1)]
    topic = title_topic_phrases(text, max_mods=max_mods) if title else []
    if not (cues or opens or nouns or subjects):
        return topic  # most texts: no word list needed
    heads = load_heads()
    stop, task_heads, stop_names = heads["Stop"], heads["Task"], load_stoplist()
    out: list[tuple[int, int]] = []

    def phrase_from(words: list[re.Match], k: int, for_title: bool = False) -> tuple[int, int] | None:
        """The words k..m of one noun phrase opening at word k, if its last word is an open head: (k, m)."""
        m = k
        while m + 1 < len(words) and text[words[m].end():words[m + 1].start()] == " " and (
                words[m + 1][0].lower() not in stop and words[m + 1][0].lower() not in _VERBS) and m - k < max_mods:
            m += 1
        if (title and words[m][0] == "Learning" and m > k and words[m - 1][0].lower() not in _HOW_LEARNT
                and not any(w[0].lower() in task_heads for w in words[k:m])):
            return k, m  # "for Attribute Missing Graph Learning", "Foo: Physical Skill Learning from ..." (not "Question
            # Answering Continual Learning": a setting of the task it names)
        if for_title and m > k and words[m][0].lower() in _TITLE_FOR_HEADS:
            return k, m  # "for GPU Kernel Performance Optimization", "for Food Image-Text Search"
        return (k, m) if open_task_head(words[m][0].lower()) else None

    def take(words: list[re.Match], k: int, m: int) -> bool:
        j = _modifier_start(text, words, m, title, max_mods, stop, stop_names, task_heads)
        while j < m and words[j][0].lower() in _NOT_CUED_MOD:
            j += 1  # "seven question-answering tasks", "future deduplication tasks": a count or a time, no kind
        if j >= m or j < k:
            return False
        out.append((words[j].start(), words[m].end()))
        return True

    part_end = _TITLE_PART_END if title else _ABSTRACT_PART_END
    known = catalog_task_heads()
    for cue in cues:  # the words of a short window after the cue are enough (a phrase opens right after it)
        words = list(_WORD.finditer(text, cue.end(), cue.end() + 120))
        ph = phrase_from(words, 0, title and cue is not colon) if words and words[0].start() == cue.end() else None
        if not (ph and part_end.match(text, words[ph[1]].end())
                and ((title and cue is not colon) or words[ph[1]][0].lower().rsplit("-", 1)[-1] in known
                     or words[ph[1]][0] == "Learning")
                and take(words, *ph)):
            continue
        s, e = out[-1]
        if (s != cue.end() and words[0][0].lower().endswith("ing")) or not (
                title or low.find(low[s:e], e) != -1 or low.rfind(low[s:e], 0, s) != -1):
            del out[-1]  # "for Mitigating Language Confusion", "for Enhancing X": what the method does to X;
            # in an abstract, a phrase named once after "for"
    out += [sp for sp in topic if sp not in out]
    if not (opens or nouns or subjects):
        return out
    words = _word_matches(text)  # (task_phrases scanned the same text just before)
    starts = {m.start(): k for k, m in enumerate(words)}
    for cue in opens:
        k = starts.get(cue.end())
        while k is not None:
            ph = phrase_from(words, k)
            if ph is None or not take(words, *ph):
                break
            join = _TASK_JOIN.match(text, words[ph[1]].end())
            k = starts.get(join.end()) if join else None
    if nouns or subjects:
        ends = {m.end(): k for k, m in enumerate(words)}
        for cue in nouns:
            m = ends.get(cue.start())
            if m is not None:
                take(words, 0, m)
        for e in subjects:
            m = ends.get(e)
            if m is not None and open_task_head(words[m][0].lower()) and take(words, 0, m) and not (
                    out[-1][0] == 0 or _SENT_END.search(text, max(0, out[-1][0] - 3), out[-1][0])):
                del out[-1]  # "X aims to" names a task only as the subject opening the sentence
    return out


# A title names its topic at its start or right after the colon that ends its name ("Property Elicitation on ...",
# "Foo: Neuro-Symbolic Lemma Conjecturing", "Re-understanding Graph Unlearning through ...", "Towards X via ..."),
# before the means or the setting: "via/with/using/through/by/from/in/on/under/without/over/across/at/beyond"
# (after the colon also at the title's end). Not before "for" (the means to the task after it: "Foo: Adaptive Token
# Skipping for Bar Retrieval"), "of", "and" or a comma, nor the name before the colon.
_TOPIC_OPEN = re.compile(r"(?:^|:\s+|\?\s+|\|\s+|\s-+\s+)(?:Towards?\s+)?")
_TOPIC_END = re.compile(r"\s+(?:via|with|using|through|from|in|on|by|under|without|over|across|at|beyond|based)\b", re.I)
_TOPIC_LAST = re.compile(r"\s*(?:$|[:?|]|\s-+\s)")


@lru_cache(maxsize=1)
def _topic_not_mod() -> frozenset[str]:
    return load_heads()["TopicNotMod"] | _NOT_CUED_MOD


def title_topic_phrases(text: str, *, max_mods: int = 4) -> list[tuple[int, int]]:
    """Spans of the task phrases a title opens with (:data:`_TOPIC_OPEN`): an open task head (:func:`open_task_head`)
    and at least one modifier (the modifier tests of :func:`task_phrases`), after an optional leading verb in -ing,
    before the means or setting (:data:`_TOPIC_END`), or, after the colon, at the end of the title.

    >>> t = "Re-understanding Graph Unlearning through Memorization"
    >>> [t[s:e] for s, e in title_topic_phrases(t)]
    ['Graph Unlearning']
    >>> t = "Foo: Neuro-Symbolic Lemma Conjecturing"
    >>> [t[s:e] for s, e in title_topic_phrases(t)]
    ['Neuro-Symbolic Lemma Conjecturing']
    >>> title_topic_phrases("Foo: Adaptive Token Skipping for Bar Retrieval"), title_topic_phrases("Lemma Conjecturing: A Study")
    ([], [])
    """
    heads = load_heads()
    stop, task_heads, stop_names = heads["Stop"], heads["Task"], load_stoplist()
    not_head, verbs, not_mod = heads["TopicNotHead"], heads["TopicVerb"], _topic_not_mod()
    out: list[tuple[int, int]] = []
    for cue in _TOPIC_OPEN.finditer(text):
        words = list(_WORD.finditer(text, cue.end(), cue.end() + 160))
        if len(words) < 2 or words[0].start() != cue.end():
            continue
        k = 0
        first = words[0][0]
        if first[:1].isupper() and first.endswith("ing") and first.replace("Re-", "", 1).isalpha():
            if first.lower() not in verbs or text[words[0].end():words[1].start()] != " ":
                continue  # "Modeling Membrane Degradation ...", "Preventing Malicious Personalization ...": no task
            k = 1  # "Boosting Instance Segmentation with ...", "Re-understanding Graph Unlearning through ..."
        m = k
        while m + 1 < len(words) and text[words[m].end():words[m + 1].start()] == " " and (
                words[m + 1][0].lower() not in stop and words[m + 1][0].lower() not in _VERBS) and m - k < max_mods:
            m += 1
        head = words[m][0].lower()
        if m == k or head.rsplit("-", 1)[-1] in not_head or not open_task_head(head):
            continue
        if not (_TOPIC_END.match(text, words[m].end()) or (cue.start() > 0 and _TOPIC_LAST.match(text, words[m].end()))):
            continue
        j = _modifier_start(text, words, m, True, max_mods, stop, stop_names, task_heads)
        while j < m and words[j][0].lower() in not_mod:
            j += 1
        if _DOMAIN_ACRONYM.fullmatch(words[j][0]) and words[j][0] not in stop_names:
            continue  # "Robust ZQ Device Fingerprinting with ...": an acronym no domain list knows may name the method
        # the phrase opens where the title's does, or after adjectives ("Consistent 3D Scene Personalization",
        # "Depth-Aware Object Relocation", "Enhanced 3D Shape Analysis"), not after a plural or a name the modifier
        # tests cut at ("Multi UAVs Preflight Planning", "LLM Agent Tool Planning")
        if k <= j < m and all((low := w[0].lower()) in stop or low in not_mod or _BAD_HYPHEN.search(low)
                              or low.endswith("ed") for w in words[k:j]):
            out.append((words[j].start(), words[m].end()))
    return out
