"""Entity resolution across papers: surface forms -> one canonical node key.

Two passes, both streaming over :class:`kg.models.PaperExtraction` records
(which are small, unlike spaCy Docs):

1. :meth:`AliasTable.add` reads every entity's name and aliases. Forms are
   split into *long forms* ("Vision Transformer") and *short forms* (acronym-like
   single tokens: "ViT", "SAM", "ResNet-50"). Long forms of one entity, and
   entities sharing a ``catalog_id``, are joined in a union-find keyed by
   :func:`match_key` (case, hyphen, space, plural and version folding). A short
   form remembers which long-form cluster(s) defined it ("Vision Transformer
   (ViT)") and the context words of the defining papers.
2. :meth:`AliasTable.freeze` decides every short form: defined by exactly one
   cluster -> joins it, so a bare "ViT" in another paper can resolve; defined by two
   or more clusters (SAM = Segment Anything Model / Sharpness-Aware Minimization)
   -> ambiguous. :meth:`Resolver.resolve` then gives the key. A bare use joins the
   one sense only on evidence (:func:`evidence_needed`): the sense defined in enough
   papers for the form's length, else context words (other entity names and title
   words, weighted by rarity) shared with the defining papers. A bare ambiguous use
   goes to the sense whose defining papers share clearly most such context. Without
   the evidence it becomes its own node (``method:sam``) flagged ``ambiguous``.
   Long forms must fit their short form sensibly (:func:`long_form_fits`).

The result depends only on the multiset of extractions, not on their order, so
``build A B`` and ``build B A`` agree, and so does ``build A; build --update B`` except
where B brings the definition or context that a bare short form of A lacked (an update
decides B's papers and renames whole clusters; it does not re-decide A's bare uses). Canonical display name:
the most frequent long form (else the most frequent short form); node key:
``kg.models.entity_key(type, display name)``.

>>> from kg.models import Entity, PaperExtraction, Paper
>>> def px(pid, *ents): return PaperExtraction(Paper(id=pid, title="", abstract=""), entities=ents)
>>> table = AliasTable()
>>> table.add(px("1", Entity("Method", "Vision Transformer", aliases=("ViT",))))
>>> table.add(px("2", Entity("Method", "ViT")))
>>> table.add(px("3", Entity("Method", "vision transformers")))
>>> r = table.freeze()
>>> {r.resolve("Method", n) for n in ("ViT", "Vision-Transformer", "vision transformers")}
{'method:vision transformer'}
"""

from __future__ import annotations

import math
import os
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.errors import GraphError

from kg.models import Entity, PaperExtraction, entity_key, normalize_name

__all__ = ["match_key", "is_short_form", "acronym_fits", "long_form_fits", "initial_hits", "required_count", "context_words", "AliasTable", "Resolver", "ClusterInfo"]

_STOP = frozenset("""with from that this these those their which using based into over under than
about across among between through learning model models method methods approach approaches
network networks data dataset datasets task tasks paper results result large small deep neural
novel efficient towards toward via simple better""".split())


def _singular(token: str) -> str:
    """Fold an English plural on one word of a name ('transformers' -> 'transformer')."""
    if len(token) >= 5 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) >= 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")) \
            and not token[-2].isdigit():
        return token[:-1]
    return token


@lru_cache(maxsize=1 << 20)
def match_key(name: str) -> str:
    """The folded form two surface names must share to be the same entity.

    Case, Unicode, hyphens and spaces are folded and English plurals are dropped
    (on every word: "Representations from Transformers" = "Representation from
    Transformer"); digits, version letters and size words are kept, so model sizes
    and versions stay apart.

    >>> match_key("Vision-Transformers") == match_key("vision transformer")
    True
    >>> match_key("Encoder Representations from Transformers") == match_key("Encoder Representation from Transformer")
    True
    >>> match_key("ResNet-50") == match_key("ResNet50")
    True
    >>> match_key("GPT-4") == match_key("GPT-4o"), match_key("BERT-large") == match_key("BERT")
    (False, False)
    >>> match_key("LLMs") == match_key("LLM"), match_key("LMs") == match_key("LM")
    (True, True)
    """
    name = re.sub(r"(?<=[A-Z])s$", "", name.strip())  # acronym plural: 'LMs', 'GPUs'
    s = normalize_name(name)
    s = re.sub(r"[^\w\s.+]", " ", s).strip(" .")
    tokens = s.split()
    if not tokens:
        return ""
    return "".join(map(_singular, tokens))


@lru_cache(maxsize=1 << 20)
def is_short_form(name: str) -> bool:
    """True for acronym-like forms that may stand for more than one long form.

    A short form is one word (hyphens allowed) of at most 12 characters with at
    least two capitals, or all capitals.

    >>> [is_short_form(s) for s in ("ViT", "SAM", "ResNet-50", "Vision Transformer", "dropout")]
    [True, True, True, False, False]
    """
    s = name.strip()
    if not s or len(s) > 12 or any(c.isspace() for c in s):
        return False
    letters = [c for c in s if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 or (bool(letters) and upper == len(letters))


@lru_cache(maxsize=1 << 18)
def is_qualified_variant(a: str, b: str) -> bool:
    """True when one name is the other with words in front: a kind of it, not another name for it.

    >>> is_qualified_variant("machine translation", "Neural Machine Translation")
    True
    >>> is_qualified_variant("Vision Transformer", "Transformers"), is_qualified_variant("ViT", "Vision Transformer")
    (True, False)
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb or len(ta) == len(tb):
        return False
    short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return long[-len(short):] == short


def _tokens(name: str) -> list[str]:
    return [_singular(t) for t in re.sub(r"[^\w\s.+]", " ", normalize_name(name)).split()]


def _short_stem(short: str) -> str:
    """``short`` without spaces around it and without a plural "s" after a capital ("CNNs" -> "CNN")."""
    s = short.strip()
    return s[:-1] if len(s) > 2 and s.endswith("s") and s[-2].isupper() else s


@lru_cache(maxsize=1 << 18)
def acronym_fits(short: str, long: str) -> bool:
    """Whether the letters of ``short`` can abbreviate ``long`` (Schwartz & Hearst, 2003).

    Scanning both right to left, every letter of the short form must occur in order
    in the long form, and its first letter must start a word. Digits and a plural
    ``s`` are ignored.

    >>> acronym_fits("ViT", "Vision Transformer"), acronym_fits("SAM", "Sharpness-Aware Minimization")
    (True, True)
    >>> acronym_fits("PRPO", "Relative Policy Optimization"), acronym_fits("DREAM", "Autoregressive Model")
    (False, False)
    """
    s = _short_stem(short)
    letters = [c.lower() for c in s if c.isalpha()]
    text = long.lower()
    if not letters:
        return False
    li = len(text) - 1
    for si in range(len(letters) - 1, -1, -1):
        c = letters[si]
        while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


#: what ends a clause inside a run of words: a bracket, colon, semicolon, "!" or "?", or a full stop before a space
#: (kg.extract.text looks for long forms before a bracket only up to the last one)
CLAUSE_END = re.compile(r"[()\[\]{};:!?]|\.(?=\s)")
#: words that make a run of words a clause, not a name: "challenges in X, this paper first proposes a ... framework"
_LF_CLAUSE = re.compile(r",\s*(?:this|these|we|which|that|it|they|here|where|while|whereas|however|but|thus|an?|the)\b"
                        r"|\b(?:we|which|whose|this (?:paper|work|study|article)|propose[sd]?|proposing|introduce[sd]?"
                        r"|introducing)\b|\b(?:i\.e|e\.g)\.", re.I)
_LF_WORDS = re.compile(r"[^\s\-/]+")
_LF_NOT_FIRST = frozenset("a an the and or of for in on to with by from as at is are we our this that".split())


@lru_cache(maxsize=1 << 18)
def long_form_fits(short: str, long: str, strict: bool = True) -> bool:
    """Whether ``long`` is a sensible spelled-out form of ``short`` (stricter than :func:`acronym_fits`).

    On top of the Schwartz-Hearst letter fit: the long form starts with the short
    form's first letter, not with a function word, stays inside one clause (no
    sentence end, bracket, colon or semicolon), does not contain the short form, has
    at most ``min(n + 5, 2n)`` words for ``n`` letters and digits of the short form,
    and the short form's capitals (every letter when it has no lower-case one) begin
    its words, in order, several letters possibly one word ("VISual Tool Agent",
    "DEtection TRansformer"), up to one miss from four such letters and two from
    seven (see :func:`_initial_hits`). A name with a digit ("GPT-4o", "BL-3") is no
    abbreviation of a phrase without digits unless its letters start words, and
    never of a phrase containing its own letters as a word. ``strict=False`` waives
    the word-start rule except for names with digits: letters from inside compound
    words ("Cardiovascular disease (CVD)", "electromyography (sEMG)") are common, so
    it only ranks candidates (:func:`initial_hits`) where a fuller long form exists.

    >>> long_form_fits("ViT", "Vision Transformer"), long_form_fits("BLEU", "Bilingual Evaluation Understudy")
    (True, True)
    >>> long_form_fits("VISTA", "VisualToolAgent"), long_form_fits("HA-HI", "Hierarchical Interactions")
    (True, False)
    >>> long_form_fits("GPT-4o", "GPT models"), long_form_fits("BL-3", "Baseline"), long_form_fits("T5", "Text-to-Text Transfer Transformer")
    (False, False, True)
    >>> long_form_fits("PB", "personal context. Moreover, we create the first benchmark")
    False
    >>> long_form_fits("AIS", "and image segmentation"), long_form_fits("XR", "XR-CareerAssist, a platform for Extended Reality")
    (False, False)
    >>> long_form_fits("CVD", "Cardiovascular disease"), long_form_fits("CVD", "Cardiovascular disease", strict=False)
    (False, True)
    >>> long_form_fits("BL-3", "Baseline", strict=False)
    False
    """
    if not acronym_fits(short, long) or CLAUSE_END.search(long) or long.endswith(".") or is_clause(long):
        return False
    words = _LF_WORDS.findall(long)
    if not words or words[0].lower() in _LF_NOT_FIRST or short.strip() in words:
        return False
    s = _short_stem(short)
    n = sum(c.isalnum() for c in s)
    if len(long.split()) > min(n + 5, 2 * n):
        return False
    if long[0].lower() != next((c.lower() for c in s if c.isalpha()), ""):
        return False
    if not strict and not (any(c.isdigit() for c in s) and not any(c.isdigit() for c in long)):
        return True
    required, hits = _initial_hits(s, long, tuple(words))
    if hits is None:
        return False
    return len(required) - hits[0] <= (0 if len(required) <= 3 else 1 if len(required) <= 6 else 2)


@lru_cache(maxsize=1 << 18)
def is_clause(long: str) -> bool:
    """True for a run of words that is (part of) a clause, not a name: it holds "we", "which", "this paper",
    "propose(s)", "introduce(s)", or a comma followed by "this", "which", "that", "while"...

    Such a run can fit an acronym's letters ("challenges in AIOPS, this paper first proposes a
    collaboration-of-expert framework (CoE-Ops)"); it names nothing, so it defines no short form
    and is no entity's name (:func:`forms_op`, :meth:`Resolver.resolve`).

    >>> is_clause("challenges in AIOPS, this paper first proposes a collaboration-of-expert framework")
    True
    >>> is_clause("introduce In-Distribution Steering"), is_clause("BlockGPT, a generative transformer")
    (True, True)
    >>> is_clause("i.e., instruction tuned"), is_clause("Screenplay Text, Agents, Graphs and Evaluation")
    (True, False)
    """
    return _LF_CLAUSE.search(long) is not None


_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _required_letters(s: str) -> tuple[str, ...]:
    """The letters of ``s`` that should begin words of a long form, lower-cased: its capitals, or every letter
    when it has no lower-case one."""
    letters = [c for c in s if c.isalpha()]
    if not any(c.islower() for c in letters):
        return tuple(c.lower() for c in letters)
    return tuple(c.lower() for c in letters if c.isupper())


@lru_cache(maxsize=1 << 18)
def _initial_hits(s: str, long: str, words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The short form's letters that should begin words of ``long``; how many can, and from how many words.

    ``None`` instead of the counts when a digit rule fails.

    The capitals of the short form (every letter when it has no lower-case one) should,
    in order, begin words of the long form ("CamelCase" parts count as words), several
    of them the same word ("VISual Tool Agent", "DEtection TRansformer"). A short form
    with digits and a long form without must not contain its own letters as a word
    ("GPT models (GPT-4o)") and gets no CamelCase parts.
    """
    digits = any(c.isdigit() for c in s) and not any(c.isdigit() for c in long)
    if digits:
        stem = "".join(c for c in s if c.isalpha()).lower()
        run = re.split(r"[\d\-.]", s)[0].lower()
        if any(w.lower().strip(",'\"") in (stem, run) for w in words):
            return (), None
    parts = [p.lower() for w in words for p in ([w] if digits else _CAMEL.findall(w) or [w])]
    required = _required_letters(s)
    # best[i]: (letters, words) of required[i:] matched to the beginnings of the parts seen so far, right to left
    n = len(required)
    best = [(0, 0)] * (n + 1)
    for p in reversed(parts):
        new = best[:]
        for i in range(n - 1, -1, -1):
            v = new[i + 1]  # letter i missed
            k = 0
            while i + k < n and k < len(p) and p[k] == required[i + k]:
                k += 1
                v = max(v, (k + best[i + k][0], 1 + best[i + k][1]))
            new[i] = max(v, best[i])
        best = new
    return required, best[0]


@lru_cache(maxsize=1 << 16)
def required_count(short: str) -> int:
    """How many letters of ``short`` should begin words of a long form (see :func:`_initial_hits`)."""
    return len(_required_letters(_short_stem(short)))


def initial_hits(short: str, long: str) -> tuple[int, int]:
    """How many letters of ``short`` begin words of ``long``, and from how many words: to prefer the fuller long form.

    >>> initial_hits("HA-HI", "Hierarchical Interactions"), initial_hits("HA-HI", "Hierarchical Alignments and Hierarchical Interactions")
    ((2, 2), (4, 4))
    >>> initial_hits("ACT", "Activation-Guided"), initial_hits("ACT", "Activation-Guided Channel-wise Ability Transfer")
    ((3, 1), (3, 3))
    """
    s = _short_stem(short)
    return _initial_hits(s, long, tuple(_LF_WORDS.findall(long)))[1] or (0, 0)


def _lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two short letter lists."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def context_words(texts: Iterable[str]) -> frozenset[str]:
    """Crude stems (first 6 letters) of the content words in ``texts``, used to tell senses apart.

    >>> sorted(context_words(["Semantic segmentation", "image segmenting"]))
    ['image', 'segmen', 'semant']
    """
    out: set[str] = set()
    for t in texts:
        out.update(_stems(t))
    return frozenset(out)


@lru_cache(maxsize=1 << 18)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if w not in _STOP)


_WORD = re.compile(r"[a-z]{4,}")


_PAREN_END = re.compile(r"[.;:!?()\[\]]")
_CITATION = re.compile(r"[^,()]{0,40}?(?:et al|\b(?:19|20)\d\d\b)")


def defined_long_form(text: str, short: str) -> str | None:
    """The long form that ``text`` defines for ``short`` as "Long Form (SHORT)", if any.

    Also "SHORT (Long Form)" and a title "SHORT: Long Form". Schwartz & Hearst: the
    shortest run of words just before the parenthesis (or just after) whose
    first word starts with the short form's first letter and that the letters of
    the short form fit sensibly (:func:`long_form_fits`). Used when the extractor kept a bare
    short form although its paper spells the definition out.

    >>> defined_long_form("We use Sharpness-Aware Minimization (SAM) to train.", "SAM")
    'Sharpness-Aware Minimization'
    >>> defined_long_form("We use the SAM (Kirillov et al.) here.", "SAM") is None
    True
    >>> defined_long_form("models spanning one-step flows (MeanFlow, SoFlow)", "MeanFlow") is None
    True
    >>> defined_long_form("we add HASTE (Holistic Alignment with Stage-wise Termination for Efficient training)", "HASTE")
    'Holistic Alignment with Stage-wise Termination for Efficient training'
    >>> defined_long_form("FASA: Frequency-aware Sparse Attention. We ...", "FASA")
    'Frequency-aware Sparse Attention'
    >>> defined_long_form("CMED: A Child Micro-Expression Dataset. We ...", "CMED")
    'Child Micro-Expression Dataset'
    >>> defined_long_form("we propose ACT (Activation-Guided Channel-wise Ability Transfer), which", "ACT")
    'Activation-Guided Channel-wise Ability Transfer'
    """
    i = text.find(f"({short})")
    for alt in (f"({short}s)", f"({short};", f"({short},"):  # also the plural "Long Forms (LFs)"
        if i < 0:
            i = text.find(alt)
            if i >= 0 and alt.endswith(",") and not _CITATION.match(text, i + len(alt)):
                i = -1  # "one-step flows (MeanFlow, SoFlow)" lists examples; "(SAM, Foret et al.)" cites
    if i >= 0:
        before = text[max(0, i - 160):i]
        cut = max((m.end() for m in _PAREN_END.finditer(before)), default=0)
        lf = _fitting_run(short, before[cut:].split(), from_end=True)
        if lf:
            return lf
    # "SHORT (Long Form)" and a title "SHORT: Long Form ..."
    for opener, closer in ((f"{short} (", ")"), (f"{short}: ", None)):
        j = text.find(opener)
        if j < 0 or (j > 0 and text[j - 1].isalnum()):
            continue
        rest = text[j + len(opener):j + len(opener) + 160]
        if closer is not None:
            end = rest.find(closer)
            if end < 0:
                continue
            rest = rest[:end]
        else:
            rest = _PAREN_END.split(rest, 1)[0]
        words = rest.split()
        if words and words[0].lower() in ("a", "an", "the"):  # "CMED: A Child Micro-Expression Dataset"
            words = words[1:]
            rest = " ".join(words)
        lf = _fitting_run(short, words, from_end=False)
        whole = " ".join(rest.split())
        if lf and closer and whole != lf and long_form_fits(short, whole, strict=False):
            lf = whole  # the brackets delimit it: "HASTE (Holistic ... for Efficient training)"
        if lf:
            return lf
    return None


def _fitting_run(short: str, words: list[str], from_end: bool) -> str | None:
    """The run of ``words`` (at their end, or start) that ``short`` abbreviates sensibly (Schwartz & Hearst)
    with most of its letters starting words (:func:`initial_hits`), the shortest on a tie.

    >>> _fitting_run("FASA", "Frequency-aware Sparse Attention for video".split(), from_end=False)
    'Frequency-aware Sparse Attention'
    """
    first = next((c.lower() for c in short if c.isalpha()), "")
    letters = sum(c.isalpha() for c in short)
    best, most = None, (-1, -1)
    for k in range(1, min(len(words), letters + 5) + 1):
        run = words[-k:] if from_end else words[:k]
        cand = " ".join(run).strip(" ,\"'`“”‘’~")
        if cand and cand[0].lower() == first and cand != short and long_form_fits(short, cand, strict=False):
            hits = initial_hits(short, cand)
            if hits > most:
                best, most = cand, hits
                if hits[1] == required_count(short):  # each letter starts its own word: none fuller
                    break
    return best


def local_definitions(x: PaperExtraction) -> dict[tuple[str, str], str]:
    """Long forms that one paper's own text gives its bare short-form names: ``(type, short) -> long``.

    Names the extractor already paired with a long form (aliases) are not looked up.
    """
    out: dict[tuple[str, str], str] = {}
    paired = {f for e in x.entities if e.aliases for f in (e.name, *e.aliases)}
    names = [(e.type, e.name) for e in x.entities if not e.aliases]
    names += [(t, n) for r in x.results
              for t, n in (("Method", r.method), ("Dataset", r.dataset), ("Metric", r.metric), ("Task", r.task)) if n]
    names += [(rel.head_type, rel.head) for rel in x.relations] + [(rel.tail_type, rel.tail) for rel in x.relations]
    text = None
    for t, n in names:
        if (t, n) in out or n in paired or not is_short_form(n):
            continue
        if text is None:
            text = f"{x.paper.title}. {x.paper.abstract}"
        if n not in text:
            continue
        lf = defined_long_form(text, n)
        if lf:
            out[(t, n)] = lf
    return out


def paper_context(x: PaperExtraction, exclude: str | None = None,
                  local: dict[tuple[str, str], str] | None = None) -> frozenset[str]:
    """Context words of a paper: its title and the names of its entities other than ``exclude``; and a mark
    ``"=" + match_key(name)`` for each short form the paper coins itself (:func:`coined_short_forms`;
    ``local``: :func:`local_definitions` of ``x`` when already known, which saves looking them up again).
    """
    ctx = _words(x, exclude)
    coined = coined_short_forms(x, local)
    return ctx | coined if coined else ctx


def _words(x: PaperExtraction, exclude: str | None = None) -> frozenset[str]:
    return context_words([x.paper.title] + [e.name for e in x.entities if e.name != exclude])


def coined_short_forms(x: PaperExtraction, local: dict[tuple[str, str], str] | None = None) -> frozenset[str]:
    """Marks (``"=" + match_key``) of the bare short forms a paper names its own thing without spelling them out.

    A short form the paper proposes ("we introduce CLEAR, a package for ..."), or puts in
    brackets after words that do not spell it ("a geometric MoE (ST-MoE)"), with no long form
    of its own: the paper coined it, so it is not the sense some other paper defined
    (:meth:`Resolver.resolve` keeps its bare use apart when that sense needs evidence or
    the form is ambiguous).

    >>> from kg.models import Paper
    >>> x = PaperExtraction(Paper(id="1", title="CLEAR: error analysis made easy", abstract="We build a geometric MoE (ST-MoE)."),
    ...     entities=(Entity("Method", "CLEAR", role="proposed"), Entity("Method", "ST-MoE", role="used")))
    >>> sorted(coined_short_forms(x))
    ['=clear', '=stmoe']
    """
    out: set[str] = set()
    paired = text = None
    for e in x.entities:
        if e.aliases or not is_short_form(e.name):
            continue
        if text is None:
            text = f"{x.paper.title}. {x.paper.abstract}"
        if e.role != "proposed" and f"({e.name})" not in text:
            continue
        if paired is None:
            paired = {f for y in x.entities if y.aliases for f in (y.name, *y.aliases)}
        if e.name in paired:
            continue
        if (e.type, e.name) not in local if local is not None else defined_long_form(text, e.name) is None:
            out.add("=" + match_key(e.name))
    return frozenset(out)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}

    def add(self, a: tuple) -> None:
        self.parent.setdefault(a, a)

    def find(self, a: tuple) -> tuple:
        self.add(a)
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:
            self.parent[a], a = root, self.parent[a]
        return root

    def union(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # smaller element wins: the result does not depend on insertion order
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def forms_op(type_: str, forms: Iterable[str], context: frozenset[str] = frozenset(),
             catalog_id: str | None = None) -> tuple:
    """What :meth:`AliasTable.add_forms` records for one entity's forms, as plain tuples.

    ``(seen, unions, defs, context, short pairs)``: the elements with their surface
    strings, the union-find joins (long forms of one entity; a catalog id), the short
    forms this entity defines (``((type, short key), long element)``), the context
    words counted for those definitions (``None`` when there are none) and pairs of
    short forms used together. Pure, so it can run where the record is.

    >>> forms_op("Method", ("Vision Transformer", "ViT"))[2]
    ((('Method', 'vit'), ('L', 'Method', 'visiontransformer')),)
    """
    longs, shorts, long_forms, short_forms, seen = [], [], [], [], []
    for f in forms:
        if not f or is_clause(f):  # "..., this paper first proposes a ... framework" names nothing
            continue
        m = match_key(f)
        if not m:
            continue
        el = ("S" if is_short_form(f) else "L", type_, m)
        if el[0] == "S":
            shorts.append(el)
            short_forms.append(f)
        else:
            longs.append(el)
            long_forms.append(f)
        seen.append((el, f.strip()))
    unions, defs, pairs = [], [], []
    if longs:
        for el, f in zip(longs[1:], long_forms[1:]):
            if not is_qualified_variant(long_forms[0], f):  # 'neural machine translation' is a kind of
                unions.append((longs[0], el))                # 'machine translation', not another name
        for el, f in zip(shorts, short_forms):
            if any(long_form_fits(f, lf, strict=False) for lf in long_forms):  # else 'X (ABC)' defines no ABC
                defs.append(((type_, el[2]), longs[0]))
                context = context | {SURFACE + f.strip()}  # how the sense spells it: ReAct or ReACT
    else:
        pairs = [tuple(sorted((shorts[0], el))) for el in shorts[1:]]
    if catalog_id and (longs or shorts):
        unions.append((("C", type_, catalog_id), (longs or shorts)[0]))
    return tuple(seen), tuple(unions), tuple(defs), context if defs else None, tuple(pairs)


def table_ops(x: PaperExtraction, local: dict[tuple[str, str], str] | None = None) -> tuple:
    """What :meth:`AliasTable.add` records for one paper: ``(forms ops, bare short forms)``.

    Pure (plain tuples, strings and frozensets, ``marshal``-able), so extraction workers
    compute it and the process holding the table only plays it (:meth:`AliasTable.apply`).
    ``local``: :func:`local_definitions` of ``x`` when already known.

    >>> from kg.models import Paper
    >>> ops = table_ops(PaperExtraction(Paper(id="1", title="", abstract=""), entities=(Entity("Method", "ViT"),)))
    >>> ops[1]
    (('Method', 'vit'),)
    """
    if local is None:
        local = local_definitions(x)
    ctx = _words(x) if local or any(e.aliases for e in x.entities) else frozenset()
    none: frozenset[str] = frozenset()
    ops = []
    coined = ctx | _COINED_MARK if ctx else ctx
    for e in x.entities:
        lf = local.get((e.type, e.name))
        c = coined if e.role == "proposed" else ctx  # a definition by the paper presenting it: its own coinage
        if lf:
            ops.append(forms_op(e.type, (e.name, lf), c, e.catalog_id))
        else:
            ops.append(forms_op(e.type, (e.name, *e.aliases), c if e.aliases else none, e.catalog_id))
    for r in x.results:
        for t, n in (("Method", r.method), ("Dataset", r.dataset), ("Metric", r.metric), ("Task", r.task)):
            if n:
                ops.append(forms_op(t, (n, local[(t, n)]), ctx) if (t, n) in local else forms_op(t, (n,), none))
    for rel in x.relations:
        for t, n in ((rel.head_type, rel.head), (rel.tail_type, rel.tail)):
            ops.append(forms_op(t, (n, local[(t, n)]), ctx) if (t, n) in local else forms_op(t, (n,), none))
    bare = {(e.type, match_key(e.name)) for e in x.entities
            if not e.aliases and (e.type, e.name) not in local and is_short_form(e.name)}
    return _one_definition_each(ops), tuple(sorted(bare))


def _one_definition_each(ops: list[tuple]) -> tuple:
    """The ops with each definition counted once per paper (a defined name also named by results and relations).

    ``def_papers`` is the number of papers defining a short form: the evidence for taking bare uses.
    """
    seen: set = set()
    out = []
    for op in ops:
        defs = op[2]
        if defs:
            new = tuple(d for d in defs if d not in seen)
            seen.update(defs)
            if len(new) != len(defs):
                op = (op[0], op[1], new, op[3] if new else None, op[4])
        out.append(op)
    return tuple(out)


@dataclass
class AliasTable:
    """First pass: every surface form seen, and which long forms define each short form."""

    uf: _UnionFind = field(default_factory=_UnionFind)
    #: element -> Counter of surface strings (for display names and aliases)
    surfaces: dict[tuple, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: (type, short key) -> {long element: Counter of context words}
    defs: dict[tuple[str, str], dict[tuple, Counter]] = field(default_factory=lambda: defaultdict(dict))
    short_pairs: set[tuple[tuple, tuple]] = field(default_factory=set)
    catalog: dict[tuple, str] = field(default_factory=dict)
    #: (type, short key) -> number of definitions seen ("Long Form (LF)" occurrences)
    def_papers: Counter = field(default_factory=Counter)
    #: (type, short key) -> number of papers using the short form with no long form of their own
    bare_papers: Counter = field(default_factory=Counter)

    def __setstate__(self, state: dict) -> None:  # states pickled before a field existed
        self.__dict__.update(state)
        self.__dict__.setdefault("def_papers", Counter())
        self.__dict__.setdefault("bare_papers", Counter())

    def add_forms(self, type_: str, forms: Iterable[str], context: frozenset[str] = frozenset(),
                  catalog_id: str | None = None) -> None:
        """Record surface forms that one paper uses for one entity (first form = its name)."""
        self.apply_forms(forms_op(type_, forms, context, catalog_id))

    def apply_forms(self, op: tuple) -> None:
        """Play one :func:`forms_op` (what :meth:`add_forms` records, computed anywhere)."""
        seen, unions, defs, context, pairs = op
        surfaces, uf = self.surfaces, self.uf
        for el, f in seen:
            surfaces[el][f] += 1
            uf.add(el)
        for a, b in unions:
            uf.union(a, b)
        for k, long in defs:
            self.defs[k].setdefault(long, Counter()).update(context)
            self.def_papers[k] += 1
        if pairs:
            self.short_pairs.update(pairs)

    def add(self, x: PaperExtraction) -> None:
        """Record every name a paper extraction uses (entities, results, relations).

        A bare short form whose paper defines it ("Long Form (LF)" in the text, see
        :func:`local_definitions`) is recorded as if the extractor had paired them.
        ``add(x)`` is ``apply(table_ops(x))``.
        """
        self.apply(table_ops(x))

    def apply(self, ops: tuple) -> None:
        """Play what :func:`table_ops` computed for one paper (e.g. in an extraction worker)."""
        forms, bare = ops
        for op in forms:
            self.apply_forms(op)
        self.bare_papers.update(bare)

    def freeze(self) -> "Resolver":
        """Second pass: decide short forms, name each cluster, and return a :class:`Resolver`.

        The table itself is not changed (the decisions are made on a copy of the
        union-find), so more records can be added and the table frozen again:
        ``add(A); freeze(); add(B); freeze()`` decides exactly like ``add(A); add(B); freeze()``.
        """
        uf = _UnionFind()
        uf.parent = dict(self.uf.parent)
        ambiguous: dict[tuple[str, str], dict[tuple, Counter]] = {}
        single: dict[tuple[str, str], tuple[float, Counter]] = {}
        for (t, m), senses in sorted(self.defs.items()):
            by_root: dict[tuple, Counter] = {}
            for el, ctx in senses.items():
                by_root.setdefault(uf.find(el), Counter()).update(ctx)
            if ("L", t, m) in uf.parent:  # the short form also occurs spelled as a long form
                by_root.setdefault(uf.find(("L", t, m)), Counter())
            if len(by_root) == 1:
                uf.union(("S", t, m), next(iter(by_root)))
                # a short form also spelled as a long form ('LUNA16', 'LUNA 16') is a variant: no evidence needed
                need = 0 if ("L", t, m) in uf.parent else evidence_needed(m, self.def_papers.get((t, m), 0))
                if need:
                    single[(t, m)] = (need, next(iter(by_root.values())))
            else:
                ambiguous[(t, m)] = by_root
        for a, b in sorted(self.short_pairs):
            if (a[1], a[2]) not in ambiguous and (b[1], b[2]) not in ambiguous:
                uf.union(a, b)
        for el in list(self.surfaces):
            if el[0] == "S" and (el[1], el[2]) not in self.defs and ("L", el[1], el[2]) in uf.parent:
                uf.union(el, ("L", el[1], el[2]))  # 'BERT' and 'Bert' with no long form defined
        # gather clusters
        members: dict[tuple, list[tuple]] = defaultdict(list)
        for el in sorted(self.surfaces):
            members[uf.find(el)].append(el)
        clusters: dict[tuple, ClusterInfo] = {}
        keys: dict[tuple, str] = {}
        for root, els in sorted(members.items()):
            longs = Counter()
            shorts = Counter()
            for el in els:
                (longs if el[0] == "L" else shorts).update(self.surfaces[el])
            display = _most_frequent(longs or shorts)
            t = els[0][1]
            key = entity_key(t, display)
            forms = sorted(set(longs) | set(shorts))
            amb = any((el[1], el[2]) in ambiguous for el in els if el[0] == "S") and not longs
            cat = root[2] if root[0] == "C" else None
            if key in clusters:  # two clusters whose display names collide are the same node
                old = clusters[key]
                forms = sorted(set(old.forms) | set(forms))
                longs = Counter(old.long_forms) + longs
                cat = old.catalog_id or cat
                amb = old.ambiguous and amb
                display = old.name
            clusters[key] = ClusterInfo(type=t, name=display, forms=tuple(forms),
                                        long_forms=tuple(sorted(longs)), catalog_id=cat, ambiguous=amb)
            keys[root] = key
        for (t, m), senses in ambiguous.items():  # each sense also answers to the short form
            short = tuple(self.surfaces.get(("S", t, m), ()))
            for r in senses:
                c = clusters[keys[r]]
                clusters[keys[r]] = ClusterInfo(c.type, c.name, tuple(sorted(set(c.forms) | set(short))),
                                                c.long_forms, c.catalog_id, c.ambiguous)
        element_key = {el: keys[uf.find(el)] for el in self.surfaces}
        sense_ctx = {tm: {keys[r]: ctx for r, ctx in senses.items()} for tm, senses in ambiguous.items()}
        catalog_short = _catalog_names(ambiguous, self.surfaces)
        return Resolver(element_key=element_key, clusters=clusters, ambiguous=sense_ctx, single=single,
                        idf=self.context_idf() if single or ambiguous else {},
                        foreign=self._foreign(uf, [*single, *ambiguous]), catalog_short=catalog_short)

    def _foreign(self, uf: _UnionFind, decided: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[Counter, ...]]:
        """For each (type, short key) in ``decided``: the context words of the senses the short form has in
        other types under long forms it has not in its own type (one Counter per sense, in a fixed order)."""
        types: dict[str, list[str]] = defaultdict(list)
        for t, m in self.defs:
            types[m].append(t)
        out = {}
        for t, m in decided:
            if len(types[m]) < 2:
                continue
            own = {el[2] for el in self.defs[(t, m)]}
            senses: dict[tuple, Counter] = {}
            for t2 in sorted(types[m]):
                if t2 == t:
                    continue
                for el, ctx in self.defs[(t2, m)].items():
                    if el[2] not in own:
                        senses.setdefault(uf.find(el), Counter()).update(ctx)
            if senses:
                out[(t, m)] = tuple(senses[r] for r in sorted(senses))
        return out

    def context_idf(self) -> dict[str, float]:
        """``log((N + IDF_PRIOR) / (df + 1))`` of every context word, ``df`` counted over the N definitions seen.

        The definitions' papers stand for the corpus: a word in 40% of them ('langua')
        weighs 0.9, a word in one of 200,000 weighs 11.5. The prior (:data:`IDF_PRIOR`
        papers without the word) keeps a small corpus from making every word look common.
        """
        df: Counter = Counter()
        for senses in self.defs.values():
            for ctx in senses.values():
                df.update(ctx)
        n = max(sum(self.def_papers.values()), max(df.values(), default=0)) + IDF_PRIOR
        return {w: math.log(n / (c + 1)) for w, c in df.items()}


def _most_frequent(c: Counter) -> str:
    """Most frequent string; ties go to the one with capitals, then the shorter, then alphabetical."""
    return min(c, key=lambda s: (-c[s], s == s.lower(), len(s), s))


@dataclass(frozen=True)
class ClusterInfo:
    """One resolved entity: what its node will hold."""

    type: str
    name: str
    forms: tuple[str, ...]
    long_forms: tuple[str, ...]
    catalog_id: str | None
    ambiguous: bool


@dataclass(frozen=True)
class Resolver:
    """Second pass: surface form (+ paper context) -> node key. Built by :meth:`AliasTable.freeze`."""

    element_key: dict[tuple, str]
    clusters: dict[str, ClusterInfo]
    ambiguous: dict[tuple[str, str], dict[str, Counter]]
    #: short forms whose one known sense needs confirming by context (see :func:`evidence_needed`):
    #: (type, short key) -> (context score a bare use needs, the defining papers' context words)
    single: dict[tuple[str, str], tuple[float, Counter]] = field(default_factory=dict)
    #: weight of each context word, ``log(N / df)`` (see :meth:`AliasTable.context_idf`)
    idf: dict[str, float] = field(default_factory=dict)
    #: (type, short key) -> the defining papers' context words of each sense the short form has in another
    #: type with another long form ('RGB': a Dataset defined as a RAG benchmark, a Method as red-green-blue)
    foreign: dict[tuple[str, str], tuple[Counter, ...]] = field(default_factory=dict)
    #: (type, short key) of the ambiguous short forms spelled as catalog names (see :meth:`_pick_sense`)
    catalog_short: frozenset[tuple[str, str]] = frozenset()

    def resolve(self, type_: str, name: str, aliases: Iterable[str] = (),
                context: frozenset[str] = frozenset()) -> str:
        """Node key of the entity a paper calls ``name`` (with ``aliases``).

        A long form decides first; a bare ambiguous short form goes to the sense
        whose defining papers share most ``context`` words, else to its own
        ambiguous node. Unknown names get ``entity_key(type_, name)``.
        """
        return self.resolve_noting(type_, name, aliases, context)[0]

    def resolve_noting(self, type_: str, name: str, aliases: Iterable[str] = (),
                       context: frozenset[str] = frozenset()) -> tuple[str, bool]:
        """:meth:`resolve`, and whether ``context`` took part (if not, every paper gets this key for the name).

        >>> r = Resolver(element_key={("L", "Method", "bert"): "method:bert"}, clusters={}, ambiguous={})
        >>> r.resolve_noting("Method", "Bert")
        ('method:bert', False)
        """
        forms = [f for f in (name, *aliases) if not is_clause(f)] or [name]
        for f in forms:  # long forms first: they are never ambiguous
            if not is_short_form(f):
                k = self.element_key.get(("L", type_, match_key(f)))
                if k:
                    return k, False
        for f in forms:
            m = match_key(f)
            senses = self.ambiguous.get((type_, m))
            coined = not aliases and "=" + m in context  # its paper coins it: none of the senses defined elsewhere
            if senses and not coined:
                senses = _same_spelling(senses, f)
            if senses:
                return (None if coined else self._pick_sense(senses, context - _own_stems(f), m,
                                                              self.foreign.get((type_, m), ()),
                                                              (type_, m) in self.catalog_short)) \
                    or self.element_key.get(("S", type_, m)) or entity_key(type_, f), True
            k = self.element_key.get(("S", type_, m))
            if k:
                if (type_, m) not in self.single:
                    return k, False
                ok = not coined and self._confirmed(type_, m, context - _own_stems(f))
                return (k if ok else entity_key(type_, f)), True
        return entity_key(type_, name), False

    def _confirmed(self, type_: str, m: str, context: frozenset[str]) -> bool:
        """May a bare short form join the one sense defined elsewhere? (see :func:`evidence_needed`)

        Yes when the words its paper shares with the defining papers (their titles,
        entity names and long form; not the short form itself), each weighted by its
        ``log(N / df)``, add up to the evidence the sense needs. A call without
        context is not contradicted.
        """
        one = self.single.get((type_, m))
        if one is None or not context:
            return True
        need, ctx = one
        score = context_score(context, ctx, self.idf)
        if score < need:
            return False
        # a sense in another type shares about as much: the use may mean that one (it cannot join it)
        return all(score - context_score(context, c, self.idf) >= CONTEXT_WORD for c in self.foreign.get((type_, m), ()))

    def undecided(self, type_: str, name: str) -> bool:
        """True for a short form whose one known sense needs confirming (its unconfirmed uses stay apart)."""
        return (type_, match_key(name)) in self.single

    def _pick_sense(self, senses: dict[str, Counter], context: frozenset[str], m: str,
                    foreign: tuple[Counter, ...] = (), catalog: bool = False) -> str | None:
        """The sense of an ambiguous short form whose defining papers share most with ``context``.

        Shared words weigh their ``log(N / df)`` (:func:`context_score`); the winner must
        reach the evidence of one telling word (:data:`CONTEXT_WORD`; two for a 1-3
        character form), the evidence its own attestation asks of a bare use
        (:func:`evidence_needed` of the papers defining it) when the sense is a coinage -
        every paper defining it presents it as its own (:func:`_coinage`): a name one paper
        coined needs what it would need as the only sense - unless the short form is a
        catalog name (``catalog``: GPT-2, POPE, ReAct are well known but seldom spelled
        out, and their bare uses are the catalog's); and lead the next sense by one, else
        ``None`` (undecided). Without the last two, a word many papers use for something
        never defined ("STEM" education) went to whichever one-off sense shared one word.

        >>> r = Resolver(element_key={}, clusters={}, ambiguous={}, idf={"evalua": 1.0, "rubric": 5.0, "grade": 5.0})
        >>> one = {"method:a": Counter({"^STEM": 1, "!coined": 1, "rubric": 1, "grade": 1}),
        ...        "method:b": Counter({"^STEM": 1, "!coined": 1})}
        >>> r._pick_sense(one, frozenset({"rubric"}), "stem"), r._pick_sense(one, frozenset({"rubric", "grade"}), "stem")
        (None, 'method:a')
        >>> two = {"method:a": Counter({"^STEM": 2, "!coined": 2, "rubric": 2}), "method:b": Counter({"^STEM": 1})}
        >>> r._pick_sense(two, frozenset({"rubric"}), "stem")
        'method:a'
        >>> term = {"method:a": Counter({"^STEM": 1, "rubric": 1}), "method:b": Counter({"^STEM": 1, "!coined": 1})}
        >>> r._pick_sense(term, frozenset({"rubric"}), "stem")  # a paper using the term defined it: no coinage
        'method:a'
        """
        if not context:
            return None
        scored = sorted([(context_score(context, ctx, self.idf), k) for k, ctx in senses.items()]
                        + [(context_score(context, ctx, self.idf), "") for ctx in foreign],
                        key=lambda t: (-t[0], t[1] == "", t[1]))
        need = CONTEXT_WORD * (2 if sum(c.isalnum() for c in m) <= 3 else 1)
        if scored[0][0] >= need and (len(scored) == 1 or scored[0][0] - scored[1][0] >= CONTEXT_WORD):
            k = scored[0][1]
            if k and not catalog and _coinage(senses[k], m) and \
                    scored[0][0] < evidence_needed(m, _definitions(senses[k], m)):
                return None
            return k or None  # "": a sense of another type won
        return None

    def info(self, key: str) -> ClusterInfo | None:
        """What the resolver knows about a node key (``None`` for names it never saw)."""
        return self.clusters.get(key)


#: Context score worth one telling shared word: a word in under 1% of the papers (log(1 / 0.01) = 4.6);
#: a field word ('video' 3.2, 'robot', 'medical') says what a paper is about, not which sense it means.
CONTEXT_WORD = 4.6
#: Papers assumed on top of those seen when weighing context words (see AliasTable.context_idf).
IDF_PRIOR = 1000


def evidence_needed(short_key: str, defs: int) -> float:
    """Context score a bare short form needs to join the one sense defined elsewhere (0: none).

    The shorter the short form, the likelier two papers mean different things by it:
    on the 157k arXiv abstracts, 43-48% of the 2-3 character short forms defined
    anywhere have two or more senses, 15% of those of 4, 6% of 5, 2-4% of 6 and more;
    and a coined name defined in one paper is often a word or a name other papers use
    for their own thing (BLINK, PARROT, FASTER, SEED, EMMA). So a sense takes bare
    uses on its attestation alone only when defined in 2+ papers (4+ characters) or
    3+ papers (1-3 characters). Otherwise the bare use needs context shared with the
    defining papers: one telling word (:data:`CONTEXT_WORD`) for a 1-3 character form
    defined in two papers, twice that (two such words, or one rare one) for any form
    defined in one paper only. A bare use that does not reach it stays on its own
    node, flagged ambiguous.

    >>> evidence_needed("vit", 3), evidence_needed("pcr", 1), evidence_needed("pcr", 2)
    (0, 9.2, 4.6)
    >>> evidence_needed("otesgn", 2), evidence_needed("otesgn", 1), evidence_needed("lapa", 1)
    (0, 9.2, 9.2)
    """
    n = sum(c.isalnum() for c in short_key)
    if defs >= (2 if n >= 4 else 3):
        return 0
    return 2 * CONTEXT_WORD if defs <= 1 else CONTEXT_WORD


def context_score(context: frozenset[str], sense: Counter, idf: dict[str, float]) -> float:
    """Sum of the weights of the ``context`` words a sense's defining papers also have (fixed order, rounded).

    >>> context_score(frozenset({"segmen", "langua"}), Counter({"segmen": 2, "langua": 9}), {"segmen": 3.5, "langua": 0.9})
    4.4
    """
    return round(math.fsum([idf.get(w, 0.0) for w in sorted(context) if w in sense]), 9)


#: prefix of the context "words" that record how a definition spelled its short form
SURFACE = "^"


def _same_spelling(senses: dict[str, Counter], name: str) -> dict[str, Counter]:
    """The senses defined with exactly the spelling ``name`` when it mixes cases and some were ("ReAct" is not
    "ReACT"); else all. All-capital spellings say nothing: 'VIT' is often a shouted 'ViT'.

    >>> sorted(_same_spelling({"a": Counter({"^ReAct": 2}), "b": Counter({"^ReACT": 1})}, "ReAct"))
    ['a']
    >>> sorted(_same_spelling({"a": Counter({"^ReAct": 2}), "b": Counter({"^ReACT": 1})}, "REACT"))
    ['a', 'b']
    """
    name = name.strip()
    if not any(c.islower() for c in name):
        return senses
    mark = SURFACE + name
    same = {k: c for k, c in senses.items() if mark in c}
    return same or senses


def _catalog_names(keys: Iterable[tuple[str, str]], surfaces: dict[tuple, Counter]) -> frozenset[tuple[str, str]]:
    """The (type, short key)s among ``keys`` spelled as a catalog name of that type (kg.extract.catalog).

    The records do not say which bare names the extractor took from its catalog (well-known names such as
    GPT-2, ReAct, POPE, seldom spelled out in abstracts), so the catalog is asked here, once per key.
    """
    keys = list(keys)
    if not keys:
        return frozenset()
    from kg.extract.catalog import catalog_lookup  # noqa: PLC0415 (the catalog index is loaded only when needed)
    out = set()
    for t, m in keys:
        for f in surfaces.get(("S", t, m), ()):
            hit = catalog_lookup(f)
            if hit is not None and hit[0] == t:
                out.add((t, m))
                break
    return frozenset(out)


#: context mark of a definition made by the paper that presents the thing (its role is "proposed")
COINED = "!coined"
_COINED_MARK = frozenset({COINED})


def _coinage(ctx: Counter, m: str) -> bool:
    """Whether every definition of a sense is by a paper presenting it as its own (a coined name, not a term).

    >>> _coinage(Counter({"^STEM": 1, COINED: 1}), "stem"), _coinage(Counter({"^ELBO": 2, COINED: 1}), "elbo")
    (True, False)
    """
    return ctx.get(COINED, 0) >= _definitions(ctx, m)


def _definitions(ctx: Counter, m: str) -> int:
    """How many definitions of the short form with key ``m`` a sense's context counts (one spelling mark each).

    >>> _definitions(Counter({"^ViT": 2, "^VIT": 1, "^ViT-B": 1, "vision": 3}), "vit")
    3
    """
    return sum(c for w, c in ctx.items() if w[:1] == SURFACE and match_key(w[1:]) == m)


def _own_stems(name: str) -> frozenset[str]:
    """Context words a short form brings itself ('GPQA' -> 'gpqa'): no evidence for any sense."""
    return _stems(name) | _stems(match_key(name))
STATE_VERSION = 4  # bump when match_key or the table layout changes: old states cannot be reused


def save_state(table: AliasTable, resolver: Resolver, path: str | os.PathLike,
               papers: dict[str, list[str]] | None = None) -> Path:
    """Save the alias table, the last decisions and the papers in the graph (for ``kg build --update``).

    ``papers`` maps each paper id in the graph to its sources (``path:line``), so an
    update knows which papers it has without reading the graph. A pickle written
    atomically; it is the store's own sidecar, read back only by :func:`load_state`
    (do not load one from an untrusted source).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        pickle.dump((STATE_VERSION, _pack_table(table), resolver.element_key,
                     {k: (c.type, c.name, c.forms, c.long_forms, c.catalog_id, c.ambiguous)
                      for k, c in resolver.clusters.items()}, papers or {}), f,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return path


def load_state(path: str | os.PathLike) -> tuple[AliasTable, dict[tuple, str], dict[str, ClusterInfo],
                                                  dict[str, list[str]]]:
    """The alias table, element -> node key map, clusters and papers saved by :func:`save_state`.

    Raises
    ------
    GraphError
        Missing, unreadable or of another version; the message says to rebuild.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            state = pickle.load(f)
        version = state[0]
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, IndexError) as exc:
        raise GraphError(f"{path}: the resolver state of the existing graph is missing or unreadable "
                         f"({type(exc).__name__}), so it cannot be updated; rebuild from all inputs with "
                         "`kg build` (without --update)") from exc
    if version == 3:  # the same content with the table's Counters and the clusters pickled as objects
        _, table, element_key, clusters, papers = state
        return table, element_key, clusters, papers
    if version != STATE_VERSION:
        raise GraphError(f"{path}: resolver state version {version}, this kg reads {STATE_VERSION}; "
                         "rebuild from all inputs with `kg build` (without --update)")
    _, packed, element_key, clusters, papers = state
    return _unpack_table(packed), element_key, {k: ClusterInfo(*c) for k, c in clusters.items()}, papers


def _pack_table(t: AliasTable) -> tuple:
    """The table as plain dicts and tuples (unpickling a Counter runs Python code per object: 5x slower).

    Context words (counted from frozensets) and the short-form pairs (a set) are sorted: their order
    would follow the string hash seed, and the same input must give the same state bytes.
    """
    return (t.uf.parent, {el: dict(c) for el, c in t.surfaces.items()},
            {k: {el: dict(sorted(c.items())) for el, c in v.items()} for k, v in t.defs.items()},
            sorted(t.short_pairs), t.catalog, dict(t.def_papers), dict(t.bare_papers))


def _unpack_table(p: tuple) -> AliasTable:
    parent, surfaces, defs, short_pairs, catalog, def_papers, bare_papers = p
    t = AliasTable()
    t.uf.parent = parent
    new = Counter.__new__
    for el, c in surfaces.items():  # Counter(c) goes through Counter.update: a plain dict.update is enough
        x = new(Counter)
        dict.update(x, c)
        t.surfaces[el] = x
    for k, v in defs.items():
        d = t.defs[k]
        for el, c in v.items():
            x = new(Counter)
            dict.update(x, c)
            d[el] = x
    t.short_pairs, t.catalog = set(short_pairs), catalog
    dict.update(t.def_papers, def_papers)
    dict.update(t.bare_papers, bare_papers)
    return t


def build_table(extractions: Iterable[PaperExtraction]) -> AliasTable:
    """The first pass alone: an :class:`AliasTable` over ``extractions``."""
    table = AliasTable()
    for x in extractions:
        table.add(x)
    return table


def build_resolver(extractions: Iterable[PaperExtraction]) -> Resolver:
    """Run both passes over ``extractions`` (iterated once).

    >>> from kg.models import Entity, PaperExtraction, Paper
    >>> r = build_resolver([PaperExtraction(Paper(id="1", title="", abstract=""),
    ...                     entities=(Entity("Dataset", "ImageNet"),))])
    >>> r.resolve("Dataset", "imagenet")
    'dataset:imagenet'
    """
    return build_table(extractions).freeze()


__all__ += ["forms_op", "table_ops", "is_qualified_variant", "defined_long_form", "local_definitions", "build_resolver", "build_table", "save_state", "load_state"]
__all__.append("paper_context")
