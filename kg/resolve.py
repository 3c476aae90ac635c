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
   cluster -> joins it, so a bare "ViT" in another paper resolves; defined by two
   or more clusters (SAM = Segment Anything Model / Sharpness-Aware Minimization)
   -> ambiguous. :meth:`Resolver.resolve` then gives the key: a bare ambiguous
   mention goes to the sense whose defining papers share the most context words
   (other entity names and title words) with its own paper; if no sense wins
   strictly, it becomes its own node (``method:sam``) flagged ``ambiguous``.

The result depends only on the multiset of extractions, not on their order, so
``build A B`` and ``build A; build --update B`` agree. Canonical display name:
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

__all__ = ["match_key", "is_short_form", "acronym_fits", "context_words", "AliasTable", "Resolver", "ClusterInfo"]

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
    s = short.strip()
    if len(s) > 2 and s.endswith("s") and s[-2].isupper():
        s = s[:-1]
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
_LOG1P = [math.log1p(i) for i in range(64)]


_PAREN_END = re.compile(r"[.;:!?()\[\]]")


def defined_long_form(text: str, short: str) -> str | None:
    """The long form that ``text`` defines for ``short`` as "Long Form (SHORT)", if any.

    Also "SHORT (Long Form)" and a title "SHORT: Long Form". Schwartz & Hearst: the
    shortest run of words just before the parenthesis (or just after) whose
    first word starts with the short form's first letter and that the letters of
    the short form fit (:func:`acronym_fits`). Used when the extractor kept a bare
    short form although its paper spells the definition out.

    >>> defined_long_form("We use Sharpness-Aware Minimization (SAM) to train.", "SAM")
    'Sharpness-Aware Minimization'
    >>> defined_long_form("We use the SAM (Kirillov et al.) here.", "SAM") is None
    True
    >>> defined_long_form("FASA: Frequency-aware Sparse Attention. We ...", "FASA")
    'Frequency-aware Sparse Attention'
    >>> defined_long_form("we propose ACT (Activation-Guided Channel-wise Ability Transfer), which", "ACT")
    'Activation-Guided Channel-wise Ability Transfer'
    """
    i = text.find(f"({short})")
    if i < 0:
        i = text.find(f"({short};")
    if i < 0:
        i = text.find(f"({short},")
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
        lf = _fitting_run(short, rest.split(), from_end=False)
        if lf:
            return lf
    return None


def _fitting_run(short: str, words: list[str], from_end: bool) -> str | None:
    """Shortest run of ``words`` (at their end, or start) that ``short`` abbreviates (Schwartz & Hearst)."""
    first = next((c.lower() for c in short if c.isalpha()), "")
    letters = sum(c.isalpha() for c in short)
    for k in range(1, min(len(words), letters + 5) + 1):
        run = words[-k:] if from_end else words[:k]
        cand = " ".join(run).strip(" ,\"'`“”‘’~")
        if cand and cand[0].lower() == first and cand != short and acronym_fits(short, cand) \
                and (from_end or _covers(short, cand)):
            return cand
    return None


def _covers(short: str, cand: str) -> bool:
    """For a run read forwards: every letter of the short form starts a word of it, in order.

    >>> _covers("FASA", "Frequency-aware Sparse"), _covers("FASA", "Frequency-aware Sparse Attention")
    (False, True)
    """
    initials = iter(w[0].lower() for w in re.split(r"[\s\-]+", cand) if w)
    return all(c in initials for c in (c.lower() for c in short if c.isalpha()))


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


def paper_context(x: PaperExtraction, exclude: str | None = None) -> frozenset[str]:
    """Context words of a paper: its title and the names of its entities other than ``exclude``."""
    names = [x.paper.title] + [e.name for e in x.entities if e.name != exclude]
    return context_words(names)


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
        if not f:
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
            if any(acronym_fits(f, lf) for lf in long_forms):  # else 'X (ABC)' does not define ABC
                defs.append(((type_, el[2]), longs[0]))
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
    ctx = paper_context(x) if local or any(e.aliases for e in x.entities) else frozenset()
    none: frozenset[str] = frozenset()
    ops = []
    for e in x.entities:
        lf = local.get((e.type, e.name))
        if lf:
            ops.append(forms_op(e.type, (e.name, lf), ctx, e.catalog_id))
        else:
            ops.append(forms_op(e.type, (e.name, *e.aliases), ctx if e.aliases else none, e.catalog_id))
    for r in x.results:
        for t, n in (("Method", r.method), ("Dataset", r.dataset), ("Metric", r.metric), ("Task", r.task)):
            if n:
                ops.append(forms_op(t, (n, local[(t, n)]), ctx) if (t, n) in local else forms_op(t, (n,), none))
    for rel in x.relations:
        for t, n in ((rel.head_type, rel.head), (rel.tail_type, rel.tail)):
            ops.append(forms_op(t, (n, local[(t, n)]), ctx) if (t, n) in local else forms_op(t, (n,), none))
    bare = {(e.type, match_key(e.name)) for e in x.entities
            if not e.aliases and (e.type, e.name) not in local and is_short_form(e.name)}
    return tuple(ops), tuple(sorted(bare))


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
        single: dict[tuple[str, str], tuple[int, Counter]] = {}
        for (t, m), senses in sorted(self.defs.items()):
            by_root: dict[tuple, Counter] = {}
            for el, ctx in senses.items():
                by_root.setdefault(uf.find(el), Counter()).update(ctx)
            if ("L", t, m) in uf.parent:  # the short form also occurs spelled as a long form
                by_root.setdefault(uf.find(("L", t, m)), Counter())
            if len(by_root) == 1:
                uf.union(("S", t, m), next(iter(by_root)))
                defs, bare = self.def_papers.get((t, m), 0), self.bare_papers.get((t, m), 0)
                if defs < CONFIRM_DEFINITIONS and bare > CONFIRM_RATIO * defs:
                    single[(t, m)] = (defs, next(iter(by_root.values())))
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
        return Resolver(element_key=element_key, clusters=clusters, ambiguous=sense_ctx, single=single)


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
    #: short forms whose one known sense needs confirming by context (few definitions, many bare uses):
    #: (type, short key) -> (definitions seen, their context words)
    single: dict[tuple[str, str], tuple[int, Counter]] = field(default_factory=dict)

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
        forms = [name, *aliases]
        for f in forms:  # long forms first: they are never ambiguous
            if not is_short_form(f):
                k = self.element_key.get(("L", type_, match_key(f)))
                if k:
                    return k, False
        for f in forms:
            m = match_key(f)
            senses = self.ambiguous.get((type_, m))
            if senses:
                return self._pick_sense(senses, context) or self.element_key.get(("S", type_, m)) \
                    or entity_key(type_, f), True
            k = self.element_key.get(("S", type_, m))
            if k:
                if (type_, m) not in self.single:
                    return k, False
                return (k if self._confirmed(type_, m, context) else entity_key(type_, f)), True
        return entity_key(type_, name), False

    def _confirmed(self, type_: str, m: str, context: frozenset[str]) -> bool:
        """May a bare short form join the one sense defined elsewhere?

        Yes, unless the sense was defined in fewer than :data:`CONFIRM_DEFINITIONS` papers
        while more than :data:`CONFIRM_RATIO` times as many papers use the short form
        bare: then only papers sharing a context word with the defining ones join, so
        that a one-off definition ("VISTA (VisualToolAgent)") does not swallow every
        other paper's unrelated VISTA. A call without context is not contradicted.
        """
        one = self.single.get((type_, m))
        if one is None or not context:
            return True
        return any(w in one[1] for w in context)

    def undecided(self, type_: str, name: str) -> bool:
        """True for a short form whose one known sense needs confirming (its unconfirmed uses stay apart)."""
        return (type_, match_key(name)) in self.single

    @staticmethod
    def _pick_sense(senses: dict[str, Counter], context: frozenset[str]) -> str | None:
        if not context:
            return None
        # sum in a fixed order and round: set order varies with the hash seed, float sums with order
        words = sorted(context)
        scored = sorted(((round(math.fsum([_LOG1P[ctx[w]] if ctx[w] < 64 else math.log1p(ctx[w])
                                           for w in words if w in ctx]), 9), k)
                         for k, ctx in senses.items()),
                        key=lambda t: (-t[0], t[1]))
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None

    def info(self, key: str) -> ClusterInfo | None:
        """What the resolver knows about a node key (``None`` for names it never saw)."""
        return self.clusters.get(key)


#: A sense defined in this many papers takes every bare use of its short form (see Resolver._confirmed).
CONFIRM_DEFINITIONS = 2
#: ... unless more than this many times as many papers use the short form bare.
CONFIRM_RATIO = 4
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
    """The table as plain dicts and tuples (unpickling a Counter runs Python code per object: 5x slower)."""
    return (t.uf.parent, {el: dict(c) for el, c in t.surfaces.items()},
            {k: {el: dict(c) for el, c in v.items()} for k, v in t.defs.items()},
            t.short_pairs, t.catalog, dict(t.def_papers), dict(t.bare_papers))


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
    t.short_pairs, t.catalog = short_pairs, catalog
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
