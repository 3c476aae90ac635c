"""Typed Method->Method/Dataset/Task relations from cue words inside one sentence.

:func:`find_relations` is conservative: head and tail are mentions of the same
sentence (and clause), a cue word sits between them, only list material
("A, B and C", "baselines such as") separates the cue from its tails, and a
negation right before the cue ("does not outperform", "fails to beat") drops
the relation. Types and cues:

* ``OUTPERFORMS`` (Method->Method): outperforms, surpasses, beats, exceeds,
  better/superior than/to, improves over/upon; passive "is outperformed by"
  swaps head and tail.
* ``BASED_ON`` (Method->Method): built (up)on, builds (up)on, extends, an
  extension of, a variant of, fine-tuned from, based on, initialized from,
  on top of, derived from, adapted from.
* ``EVALUATED_ON`` (Method->Dataset): "X achieves/obtains/... on D", "evaluate X
  on D", "experiments on D show that X ...".
* ``APPLIED_TO`` (Method->Task): "X for T", "apply/use X to/for T".

Evidence is the sentence (offsets of the sentence in the field text).

>>> t = "BERT-Flow outperforms BERT, RoBERTa and XLNet on GLUE."
>>> ms = [(0, 9, "Method", "BERT-Flow"), (22, 26, "Method", "BERT"), (28, 35, "Method", "RoBERTa"),
...       (40, 45, "Method", "XLNet"), (49, 53, "Dataset", "GLUE")]
>>> [(r.head, r.type, r.tail) for r in find_relations(t, [(0, len(t))], ms)]
[('BERT-Flow', 'OUTPERFORMS', 'BERT'), ('BERT-Flow', 'OUTPERFORMS', 'RoBERTa'), ('BERT-Flow', 'OUTPERFORMS', 'XLNet'), ('BERT-Flow', 'EVALUATED_ON', 'GLUE')]
"""

from __future__ import annotations

import re

from kg.extract.results import MentionT, clause_bounds, iter_sentences, proposed_spans
from kg.models import Evidence, Relation

__all__ = ["find_relations"]

_NEG = re.compile(r"(?:\bnot(?!\s+only)|n't|\bnever|\bno|\bfails?\s+to|\bfailed\s+to|\bcannot|\bunable\s+to|"
                  r"\brarely|\bhardly)\b[\w\s]{0,15}$", re.I)
_OUTPERF = re.compile(
    r"\b(?:(?:consistently|significantly|substantially|greatly|clearly|also|further|even|largely|"
    r"considerably|markedly|notably|still)\s+)*"
    r"(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"(?:performs?|perform(?:ed|ing)|works?|is|are|does|do)\s+(?:\w+\s+){0,2}?(?:better|superior)\s+(?:than|to)|"
    r"(?:better|superior)\s+(?:\w+\s+){0,2}?(?:than|to)|"
    r"improv(?:es|ed|ing|e)\s+(?:\w+\s+){0,3}?(?:over|upon)|"
    r"(?:higher|stronger|more\s+accurate)\s+(?:\w+\s+){0,3}?than)\b", re.I)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|being|be)\s+(?:\w+\s+)?(?:outperformed|surpassed|beaten|exceeded)\s+by\b", re.I)
_BASED = re.compile(
    r"\b(?:built\s+(?:up)?on(?:\s+top\s+of)?|builds?\s+(?:up)?on|building\s+(?:up)?on|extends|extending|extended|"
    r"(?:an?\s+)?extension\s+of|(?:an?\s+)?variants?\s+of|fine-?\s?tuned\s+(?:from|on\s+top\s+of)|"
    r"(?:is|are|was|were|,)?\s*based\s+on|initiali[sz]ed\s+(?:from|with)|on\s+top\s+of|derived\s+from|"
    r"adapted\s+from|(?:a\s+)?modification\s+of|improved\s+version\s+of)\b", re.I)
_EVAL_VERB = re.compile(
    r"\b(?:achiev\w*|obtain\w*|attain\w*|reach\w*|set[s]?|establish\w*|yield\w*|scor\w*|perform\w*|"
    r"evaluat\w*|test\w*|report\w*|record\w*|deliver\w*|rank\w*|outperform\w*|surpass\w*|results?|accuracy|"
    r"experiment\w*|benchmark\w*|state-of-the-art|sota)\b", re.I)
_ON = re.compile(r"(?<!trained )(?<!pretrained )(?<!pre-trained )(?<!fine-tuned )(?<!finetuned )(?<!learned )"
                 r"(?<!built )(?<!based )(?<!relies )(?<!rely )(?<!focus )(?<!focuses )(?<!depends )"
                 r"\b(?:on|across)\s+(?:the\s+|both\s+|all\s+|several\s+|three\s+|two\s+|four\s+|"
                 r"five\s+|multiple\s+|challenging\s+|popular\s+|standard\s+|public\s+|widely[- ]used\s+|"
                 r"benchmark\s+|datasets?\s+|benchmarks?\s+|,\s*|including\s+|such\s+as\s+|e\.g\.,?\s*|\(\s*)*$", re.I)
_EXP_ON = re.compile(r"\b(?:experiments?|results?|evaluations?|studies|tests?)\s+(?:\w+\s+){0,3}?on\b", re.I)
_EXP_SHOW = re.compile(r"\b(?:show|shows|demonstrate|demonstrates|indicate|indicates|reveal|reveals|confirm|"
                       r"confirms|verify|verifies)\b", re.I)
_FOR = re.compile(
    r"^\s*(?:\(\s*[^()]{1,20}\)\s*)?,?\s*(?:(?:an?|the)\s+(?:[\w-]+\s+){0,5}?)?"
    r"(?:(?:model|method|approach|framework|network|architecture|algorithm|system|technique|tool)s?\s+)?"
    r"(?:(?:(?:is|are|was|were|has\s+been|have\s+been|can\s+be)\s+)?(?:(?:successfully|widely|commonly|"
    r"specifically|particularly|well)\s+)?(?:used|applied|designed|proposed|developed|tailored|employed|adapted|"
    r"suited)\s+(?:for|to)|for|(?:that\s+|which\s+)?(?:aims?\s+)?to\s+(?:address|tackle|solve|handle|deal\s+with|"
    r"perform)|(?:that|which)\s+(?:address|tackle|solve|handle|perform)s?)"
    r"\s+(?:the\s+)?(?:task\s+of\s+|problem\s+of\s+)?(?:the\s+)?$", re.I)
_APPLY = re.compile(r"\b(?:appl(?:y|ies|ied|ying)|us(?:e|es|ed|ing)|employ\w*|leverag\w*|adopt\w*|adapt\w*)\s+$", re.I)
_LIST = re.compile(
    r"^(?:[\s,;()]|\([^()]{0,30}\)|\b(?:and|or|as\s+well\s+as|including|such\s+as|e\.g|i\.e|like|namely|the|"
    r"a|an|fine-tuned|pre-?trained|other|several|"
    r"strong|existing|prior|previous|recent|competitive|popular|all|both|many|most|various|current|"
    r"state-of-the-art|sota|leading|baselines?|methods?|models?|approaches|systems?|counterparts?|"
    r"alternatives?|variants?|techniques?|architectures?|frameworks?|networks?|algorithms?|LLMs?|"
    r"open-source|proprietary|larger|powerful|well-known|standard|vanilla|original|its|their|"
    r"significantly|consistently|substantially|greatly|even|also|clearly|much|\.)\b)*$", re.I)


def _rel(h: MentionT, typ: str, t: MentionT, conf: float, ev: Evidence) -> Relation:
    return Relation(h[3], h[2], typ, t[3], t[2], conf, ev)


def _tails(text: str, ments: list[MentionT], pos: int, end: int, typ: str) -> list[MentionT]:
    """Mentions of ``typ`` after ``pos`` joined to it by list material only."""
    out: list[MentionT] = []
    cur = pos
    for m in ments:
        if m[0] < cur:
            continue
        if m[0] >= end:
            break
        gap = text[cur:m[0]]
        if len(gap) > 80 or not _LIST.match(gap):
            break
        if m[2] == typ:
            out.append(m)
        elif typ != "Method" or m[2] != "Method":
            if m[2] != typ and gap.strip() not in ("", ",", "and", "or", "("):
                break
        cur = m[1]
    return out


def _head_before(text: str, ments: list[MentionT], pos: int, start: int, typ: str = "Method",
                 first: bool = False) -> MentionT | None:
    """The last (``first``: the first) ``typ`` mention in [start, pos) that is not the tail of an earlier cue."""
    best = None
    for m in ments:
        if m[0] < start or m[2] != typ:
            continue
        if m[1] > pos:
            break
        pre = text[start:m[0]]
        if _OUTPERF.search(pre) or _BASED.search(pre) or _PASSIVE.search(pre) or _THAN.search(pre):
            continue
        best = m
        if first:
            break
    if best is None or len(text[best[1]:pos]) > 150:
        return None
    return best


_BETTER = re.compile(r"\b(?:better|higher|superior|stronger|improv\w*|gains?|outperform\w*|more\s+accurate|"
                     r"more\s+robust|faster)\b", re.I)
_PARTICIPLE = re.compile(r",\s*(?:(?:while|thereby|thus|and|even|also|largely|significantly|consistently)\s+)*$", re.I)
_THAN = re.compile(r"\b(?:than|over|compared\s+(?:to|with)|versus|vs\.?|against)\b", re.I)


def find_relations(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT],
                   field: str = "abstract", *, proposed: str | None = None) -> list[Relation]:
    """Typed, directed relations between the mentions of one field.

    Parameters
    ----------
    text, sentences, mentions, field
        As for :func:`kg.extract.results.find_results`.
    proposed : str, optional
        The paper's proposed method: "our model/method/approach/framework" and
        "we" resolve to it.

    Returns
    -------
    list of Relation
        Deduplicated per (head, type, tail), in text order.

    Examples
    --------
    >>> t = "Our model does not outperform GPT-4. It is built on LLaMA and improves over Alpaca."
    >>> ms = [(30, 35, "Method", "GPT-4"), (52, 57, "Method", "LLaMA"), (76, 82, "Method", "Alpaca")]
    >>> [(r.head, r.type, r.tail) for r in find_relations(t, [(0, 36), (37, len(t))], ms, proposed="X")]
    [('X', 'OUTPERFORMS', 'Alpaca'), ('X', 'BASED_ON', 'LLaMA')]
    """
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(h: MentionT | None, typ: str, t: MentionT, conf: float, ev: Evidence) -> None:
        if h is None or h[3] == t[3]:
            return
        k = (h[3], typ, t[3])
        if k not in seen:
            seen.add(k)
            out.append(_rel(h, typ, t, conf, ev))

    last_subject: MentionT | None = None
    for s, e, ments in iter_sentences(text, sentences, mentions):
        ours = proposed_spans(text, s, e, proposed)
        ments = sorted(ments + [o for o in ours if not any(m[0] < o[1] and o[0] < m[1] for m in ments)])
        methods = [m for m in ments if m[2] == "Method"]
        ev = Evidence(text[s:e], s, e, field)
        bounds = clause_bounds(text, s, e)
        # pronoun subject "It"/"They" at sentence start continues the previous subject
        subj0 = None
        if re.match(r"\s*(?:It|This\s+(?:model|method|approach|framework))\b", text[s:s + 30]) and last_subject:
            subj0 = (s, s + 2, "Method", last_subject[3])
        if methods and methods[0][0] - s < 40:
            last_subject = methods[0]
        elif ours:
            last_subject = ours[0]

        def clause(pos: int) -> tuple[int, int]:
            i = max(0, [j for j, b in enumerate(bounds) if b <= pos][-1])
            return bounds[i], bounds[min(i + 1, len(bounds) - 1)]

        def head_for(pos: int) -> tuple[MentionT | None, float]:
            cs, _ = clause(pos)
            # ", outperforming X": a participle after a comma takes the clause's subject, not the last name
            cue = re.sub(r"^(?:\w+ly\s+)+", "", text[pos:pos + 40])
            participle = bool(re.match(r"\w+ing\b", cue) and _PARTICIPLE.search(text, max(cs, pos - 40), pos))
            h = _head_before(text, ments, pos, cs, first=participle)
            if h is None and subj0 is not None:
                return subj0, 0.7
            return h, 0.85

        # OUTPERFORMS (active)
        for m in _OUTPERF.finditer(text, s, e):
            if _NEG.search(text[max(s, m.start() - 25):m.start()]):
                continue
            cs, ce = clause(m.start())
            h, conf = head_for(m.start())
            for t in _tails(text, ments, m.end(), ce, "Method"):
                add(h, "OUTPERFORMS", t, conf, ev)
        # "Compared to Y, X achieves better/higher ...": the sentence-initial comparison
        cm = re.match(r"\s*(?:When\s+)?(?:compared\s+(?:to|with)|[Rr]elative\s+to|[Ii]n\s+comparison\s+(?:to|with))\s+",
                      text[s:e], re.I)
        if cm:
            tails = _tails(text, ments, s + cm.end(), e, "Method")
            # the list runs on into the subject ("Compared to A and B, X achieves ..."): X is the last item
            if len(tails) >= 2 and "," in text[tails[-2][1]:tails[-1][0]] and \
                    re.match(r"\s+(?!and\b|or\b)[a-z]", text[tails[-1][1]:tails[-1][1] + 12]):
                x, tails = tails[-1], tails[:-1]
                window = text[x[1]:min(e, x[1] + 80)]
                if _BETTER.search(window) and not re.search(r"\b(?:not|n't|never|fails?)\b", window):
                    for y in tails:
                        add(x, "OUTPERFORMS", y, 0.75, ev)
        # OUTPERFORMS (passive): tail is outperformed by head
        for m in _PASSIVE.finditer(text, s, e):
            if _NEG.search(text[max(s, m.start() - 25):m.start()]):
                continue
            cs, ce = clause(m.start())
            t = _head_before(text, ments, m.start(), cs)
            for h in _tails(text, ments, m.end(), ce, "Method"):
                if t:
                    add(h, "OUTPERFORMS", t, 0.8, ev)
        # BASED_ON
        for m in _BASED.finditer(text, s, e):
            if _NEG.search(text[max(s, m.start() - 25):m.start()]):
                continue
            cs, ce = clause(m.start())
            h, conf = head_for(m.start())
            tails = _tails(text, ments, m.end(), ce, "Method")[:1]
            for t in tails:
                add(h, "BASED_ON", t, conf - 0.05, ev)
        # EVALUATED_ON
        for d in (m for m in ments if m[2] == "Dataset"):
            cs, ce = clause(d[0])
            pre = text[cs:d[0]]
            onm = _ON.search(pre)
            if not onm:
                continue
            on_at = cs + onm.start()
            # the dataset must be the first of a list after "on"
            if _NEG.search(text[max(s, on_at - 40):on_at]):
                continue
            h = None
            verb = _EVAL_VERB.search(text, cs, on_at)
            if verb:
                hm = [x for x in methods if cs <= x[0] and x[1] <= on_at and x[0] < verb.start() + 60]
                hm = [x for x in hm if not re.search(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|vs\.?|"
                                                     r"compared\s+(?:to|with)|against)\s*$", text[cs:x[0]][-40:])]
                if hm:
                    h = hm[0]
                elif subj0 is not None:
                    h = subj0
            if h is None:
                em = _EXP_ON.search(text, max(s, on_at - 40), on_at + 4)
                if em and _EXP_SHOW.search(text, d[1], e):
                    after = [x for x in methods if x[0] > d[1] and not _THAN.search(text[d[1]:x[0]])
                             and not _OUTPERF.search(text[d[1]:x[0]])]
                    h = after[0] if after else None
            if h is not None:
                ds = [d] + _tails(text, ments, d[1], ce, "Dataset")
                for x in ds:
                    add(h, "EVALUATED_ON", x, 0.8, ev)
        # APPLIED_TO
        for t in (m for m in ments if m[2] == "Task"):
            prev = [x for x in ments if x[1] <= t[0] and x[0] >= s]
            if not prev or prev[-1][2] != "Method":
                continue
            h = prev[-1]
            if _FOR.match(text[h[1]:t[0]]):
                for x in [t] + _tails(text, ments, t[1], e, "Task"):
                    add(h, "APPLIED_TO", x, 0.8, ev)
        for m in methods:
            if _APPLY.search(text[max(s, m[0] - 15):m[0]]):
                nxt = [x for x in ments if x[0] >= m[1]][:1]
                if nxt and nxt[0][2] == "Task" and re.fullmatch(r"\s*(?:to|for)\s+(?:the\s+)?(?:task\s+of\s+)?",
                                                                  text[m[1]:nxt[0][0]]):
                    add(m, "APPLIED_TO", nxt[0], 0.8, ev)
    return out
