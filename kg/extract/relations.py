"""Typed Method->Method/Dataset/Task relations from cue words inside one sentence.

:func:`find_relations` is conservative: head and tail are mentions of the same
sentence (and clause), a cue word sits between them, only list material
("A, B and C", "baselines such as") separates the cue from its tails, and a
negation right before the cue ("does not outperform", "fails to beat") drops
the relation. Types and cues:

* ``OUTPERFORMS`` (Method->Method): outperforms, surpasses, beats, exceeds,
  better/superior than/to, improves over/upon, "an improvement in M over Y",
  "Compared to Y, X ... higher"; passive "is outperformed by" swaps head and tail.
* ``BASED_ON`` (Method->Method): built (up)on, extends, an extension/variant/
  hybrid/combination of, fine-tuned/distilled/derived/adapted from, based on,
  initialized from, on top of; an opening "Fine-tuned from Y, X ...".
* ``EVALUATED_ON`` (Method->Dataset): "X achieves/obtains/improves ... on D",
  "evaluate X on D", "On D, X ...", "experiments on D show that X ...",
  "benchmarks such as D", "an improvement of N in D"; with no method named in the
  sentence, "Experiments on D ..." gives the paper's own method; not training data
  ("trained (only) on D", "relying on D").
* ``APPLIED_TO`` (Method->Task): "X for T", "apply/use X to/for T", "X transfers
  to T", the task named with an evaluation's benchmark, "X, a novel T
  framework", a title "X: ... T", "we address T", "X outperforms Y in T", the tasks
  of an evaluation ("we evaluate X on benchmarks including T1, T2").

The head is the subject of the main clause (not a name in an opening phrase,
an appositive's inner noun or a prepositional phrase); "it", "which", "this
model" and "our model" resolve to the subject or the proposed method; size
variants fold into their family. Each rule has a confidence
(:data:`RULE_CONFIDENCE`); ``min_confidence`` drops the weaker ones. Evidence is
the sentence (offsets of the sentence in the field text).

>>> t = "BERT-Flow outperforms BERT, RoBERTa and XLNet on GLUE."
>>> ms = [(0, 9, "Method", "BERT-Flow"), (22, 26, "Method", "BERT"), (28, 35, "Method", "RoBERTa"),
...       (40, 45, "Method", "XLNet"), (49, 53, "Dataset", "GLUE")]
>>> [(r.head, r.type, r.tail) for r in find_relations(t, [(0, len(t))], ms)]
[('BERT-Flow', 'OUTPERFORMS', 'BERT'), ('BERT-Flow', 'OUTPERFORMS', 'RoBERTa'), ('BERT-Flow', 'OUTPERFORMS', 'XLNet'), ('BERT-Flow', 'EVALUATED_ON', 'GLUE')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from bisect import bisect_left, bisect_right

from kg.extract.results import (_CLAUSE, MentionT, expand_mentions, find_results, size_families, iter_sentences,
                                lower_same_length, proposed_of, proposed_spans)
from kg.extract.catalog import catalog_lookup
from kg.extract.scan import matches_at, starts_of
from kg.models import Evidence, Relation

__all__ = ["find_relations", "rule_relations", "relation_candidates", "RULE_CONFIDENCE", "USE_LEARNED"]

_NEG = re.compile(r"(?:\bnot(?!\s+only)|n't|\bnever|\bno|\bwithout|\bfails?\s+to|\bfailed\s+to|\bcannot|\bunable\s+to|"
                  r"\brarely|\bhardly)\b[\w\s]{0,15}$", re.I)
#: measures whose reduction is a gain (read in the comparisons below)
_LB_MEASURE = (r"(?:latency|error|errors|error\s+rates?|loss|runtime|inference\s+time|perplexity|"
               r"memory(?:\s+(?:usage|footprint))?|cost|costs|flops|energy(?:\s+consumption)?|wer|cer|fid|mae|mse|rmse)")
#: a word of a comparison read a little apart from its cue (no clause or list joint: "improvement in throughput while
#: maintaining better accuracy compared to Y" is read from "better")
_TOK = r"(?:(?!(?:while|whereas|but|which|that|and|or|with|although|though)\b)[\w.%\-]+\s+)"
_OUTPERF = re.compile(
    r"\b(?:(?:consistently|significantly|substantially|greatly|clearly|also|further|even|largely|"
    r"considerably|markedly|notably|still)\s+)*"
    r"(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"(?:performs?|perform(?:ed|ing)|works?|is|are|does|do)\s+(?:\w+\s+){0,2}?(?:better|superior)\s+(?:than|to)|"
    r"(?:better|superior)\s+(?:\w+\s+){0,2}?(?:than|to)|"
    r"improv(?:es|ed|ing|e)\s+(?:[\w.%\-]+\s+){0,6}?(?:over|upon)|"
    r"(?:higher|stronger|faster|more\s+(?:accurate|efficient|robust|effective|reliable|stable)(?:ly)?)\s+(?:\w+\s+){0,3}?than|"
    r"(?:improvements?|gains?)\s+(?:of\s+(?:up\s+to\s+|about\s+|over\s+)?[+\d.,]+\s?(?:\\?%|points?|pp)?\s+)?"
    r"(?:in\s+[\w\-@]+(?:\s+[\w\-@]+)?\s+)?(?:over|against|compared\s+(?:to|with))|"
    # the measured gain a little apart from its comparison: "improvements on D over Y", "a gain of accuracy over Y",
    # "improves accuracy by 4.2% compared to Y", "4.2% higher accuracy relative to Y", "a 20% reduction in latency
    # over Y", "reduces the error rate by 12% compared with Y" (a lower-is-better measure after the reduction)
    r"(?P<gain_far>(?:improvements?|gains?)\s+(?:(?:on|in|across|of)\s+)" + _TOK + r"{1,5}?(?:over|against|"
    r"compared\s+(?:to|with)|relative\s+to)|"
    r"improv(?:es|ed|ing|e)\s+" + _TOK + r"{0,4}?(?:against|compared\s+(?:to|with)|relative\s+to)|"
    r"(?:better|stronger|faster|more\s+accurate)\s+" + _TOK + r"{0,3}?(?:compared\s+(?:to|with)|relative\s+to)|"
    r"higher\s+" + _TOK + r"{0,2}?(?:accuracy|performance|scores?|success(?:\s+rates?)?|efficiency|throughput|quality|"
    r"precision|recall|f1|auc|bleu|psnr|ssim|map|miou|iou|dice|rewards?)\s+(?:compared\s+(?:to|with)|relative\s+to)|"
    r"(?:reduc(?:es|ed|ing|tions?|e)|lower(?:s|ed|ing)?|decreas(?:es|ed|ing|e))\s+(?:of\s+[\d.]+\s?\\?%\s+)?(?:in\s+)?"
    r"(?:the\s+|its\s+)?" + _TOK + r"?" + _LB_MEASURE + r"\s+" + _TOK +
    r"{0,3}?(?:over|compared\s+(?:to|with)|relative\s+to)|"
    # "an average RMSE reduction of 15% compared to Y", "a 30% latency reduction over Y"
    + _LB_MEASURE + r"\s+reductions?\s+(?:of\s+(?:up\s+to\s+|about\s+)?[\d.]+\s?\\?%\s+)?"
    r"(?:over|compared\s+(?:to|with)|relative\s+to))|"
    # "a 75% win rate against Y" (more than half of the pairwise comparisons won)
    r"(?:win[\s-]rates?\s+(?:of\s+)?(?:up\s+to\s+|over\s+)?)?(?:[5-9]\d|100)(?:\.\d+)?\s?\\?%\s+(?:win[\s-]rates?\s+)?"
    r"(?<=rate\s)(?:against|over|vs\.?|versus)|"
    r"win[\s-]rates?\s+(?:of\s+)?(?:up\s+to\s+|over\s+)?(?:[5-9]\d|100)(?:\.\d+)?\s?\\?%\s+(?:against|over|vs\.?|versus)|"
    # "X demonstrates superior performance over Y" (read for the paper's own method only: "Transformers are popular
    # for their superior performance over CNNs" is background)
    r"(?P<perf_over>(?:superior|better|state[\s-]of[\s-]the[\s-]art|sota)\s+(?:overall\s+)?(?:performance|results?|accuracy)"
    r"\s+over))\b", re.I)
#: a hedged comparison before the cue: "comparable or superior accuracy to Y", "can match or outperform Y" (no claim
#: that X is better: GUIDE.md leaves out "competitive with" and "comparable to")
_HEDGE = re.compile(r"\b(?:comparabl[ey]|competitive(?:ly)?|on\s+par|similar|match(?:es|ed|ing)?|approach(?:es|ed|ing)?|"
                    r"rival(?:s|ed|ing)?|"
                    r"equal(?:s|led|ling)?)\s+(?:\w+\s+)?(?:or|and/or|to\s+or|with\s+or)\s+(?:even\s+|slightly\s+|sometimes\s+)?$",
                    re.I)
_PASSIVE = re.compile(r"\b(?:(?:is|are|was|were|being|be)\s+(?:\w+\s+)?(?:outperformed|surpassed|beaten|exceeded)\s+by|"
                      r"(?:(?:still|consistently|significantly|substantially|clearly|greatly|largely|often|also)\s+)?"
                      r"underperform(?:s|ed)?|(?:lags?|lagged|lagging|falls?|fell|falling)\s+(?:\w+\s+)?behind)\b", re.I)
# "Y is outperformed by X", "Y (still) underperforms X", "Y still lags behind X"
_BASED = re.compile(
    r"\b(?:built\s+(?:up)?on(?:\s+top\s+of)?|builds?\s+(?:up)?on|building\s+(?:up)?on|extends|extending|extended|"
    r"(?:an?\s+)?extension\s+of|(?:an?\s+)?variants?\s+of|an?\s+(?:[a-z\-]+\s+){0,3}?(?:generali[sz]ation\s+of|extension\s+to)|fine-?\s?tuned\s+(?:from|on\s+top\s+of)|"
    r"(?:is|are|was|were|,)?\s*based\s+on|initiali[sz]ed\s+(?:from|with)|on\s+top\s+of|derived\s+from|"
    r"adapted\s+from|(?:a\s+)?modification\s+of|improved\s+version\s+of|(?:an?\s+)?hybrid\s+of|"
    r"(?:an?\s+)?combination\s+of|distilled\s+from|powered\s+by)\b", re.I)
_EVAL_VERB = re.compile(
    r"\b(?:achiev\w*|obtain\w*|attain\w*|reach\w*|set[s]?|establish\w*|yield\w*|scor\w*|perform\w*|"
    r"evaluat\w*|test\w*|report\w*|record\w*|deliver\w*|rank\w*|outperform\w*|surpass\w*|results?|accuracy|"
    r"experiment\w*|benchmark\w*|state-of-the-art|sota)\b", re.I)
#: an evaluation on items drawn from D: "on scenes from the D1, D2 and D3 datasets", "On generated proofs from D, X ..."
_EVAL_FROM = re.compile(r"\b(?:on|across)\s+(?:[\w\-]+\s+){1,4}?from\s+(?:the\s+)?$", re.I)
#: "on two real-world KGQA datasets, D1 and D2", "on four open datasets - D1, D2", "across N scenes and the D dataset"
_ON_MORE = (r"|\b(?:on|across)\s+(?:[\w\-]+\s+){0,4}?(?:datasets?|benchmarks?|corpora|suites?)\s*(?:[,:(]|\s[\-\u2013\u2014])\s*"
            r"(?:including\s+|such\s+as\s+|namely\s+|e\.g\.,?\s*)?$|\b(?:on|across)\s+(?:[\w\-]+\s+){1,4}?(?:and|or)\s+(?:the\s+)?$"
            # "Experiments using the public D1, D2 ...", "validation with D": the evaluation's data after using/with
            r"|\b(?:experiments?|evaluations?|tests|validations?)\s+(?:(?:are|were)\s+)?(?:conducted\s+|performed\s+|carried\s+out\s+)?"
            r"(?P<use>using|with)\s+(?:the\s+|both\s+|several\s+|two\s+|three\s+|four\s+|five\s+|multiple\s+|public\s+|"
            r"publicly\s+available\s+|standard\s+|popular\s+|benchmark\s+|datasets?\s+|benchmarks?\s+|,\s*)*$")
_ON = re.compile(r"(?<!trained )(?<!pretrained )(?<!pre-trained )(?<!fine-tuned )(?<!finetuned )(?<!learned )"
                 r"(?<!built )(?<!based )(?<!relies )(?<!rely )(?<!focus )(?<!focuses )(?<!depends )"
                 r"\b(?:on|across)\s+(?:the\s+|our\s+|both\s+|all\s+|several\s+|three\s+|two\s+|four\s+|"
                 r"five\s+|multiple\s+|challenging\s+|popular\s+|standard\s+|public\s+|widely[- ]used\s+|"
                 r"benchmark\s+|datasets?\s+|benchmarks?\s+|tasks?\s+of\s+|,\s*|including\s+|such\s+as\s+|e\.g\.,?\s*|\(\s*)*$"
                 r"|\b(?:benchmarks?|datasets?)\s*,?\s*(?:such\s+as|including|like|e\.g\.,?|namely)\s+(?:the\s+)?$"
                 r"|\b(?:improvements?|gains?|increases?|boosts?)\b[^,;()]{0,40}?\bin\s+(?:the\s+)?$"
                 r"|\b(?:on|across)\s+[\d{},.]+\s+(?:[\w\-]+\s+){0,3}?(?:from|of|in)\s+(?:the\s+)?$", re.I)
_EXP_ON = re.compile(r"\b(?:experiments?|results?|evaluations?|studies|tests?|validations?)\s+(?:\w+\s+){0,3}?"
                     r"(?:on|across|using|with)\b", re.I)
_EXP_SHOW = re.compile(r"\b(?:show|shows|demonstrate|demonstrates|indicate|indicates|reveal|reveals|confirm|"
                       r"confirms|verify|verifies)\b", re.I)
_FOR = re.compile(
    r"^\s*(?:\(\s*[^()]{1,20}\)\s*|\)\s*)?,?\s*(?:(?:(?:is|are|serves\s+as)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,5}?)?"
    r"(?:(?:model|method|approach|framework|network|architecture|algorithm|system|technique|tool)s?\s+)?"
    r"(?:(?:(?:is|are|was|were|has\s+been|have\s+been|can\s+be)\s+)?(?:(?:successfully|widely|commonly|"
    r"specifically|particularly|well)\s+)?(?:used|applied|designed|proposed|developed|tailored|employed|adapted|"
    r"suited)\s+(?:for|to)|for|(?:that\s+|which\s+)?(?:aims?\s+)?to\s+(?:address|tackle|solve|handle|deal\s+with|"
    r"perform)|(?:that|which)\s+(?:address|tackle|solve|handle|perform)s?|"
    r"(?:(?:also|further|successfully|readily)\s+)?(?:transfers?|transferred|generali[sz]es|generali[sz]ed)\s+(?:well\s+)?to)"
    r"\s+(?:the\s+)?(?:task\s+of\s+|problem\s+of\s+)?(?:the\s+)?"
    r"(?:(?!(?:the|an?|in|on|of|with|from|by|to|and|or|each|all|both|more|better|first|time|which|that|this|its|their|"
    r"our|such|any|every|many|most|some|these|those|is|are|be|being|improving|enhancing|better)\b)(?-i:[a-z][a-z\-]*)\s+){0,2}$", re.I)
#: a method named as a part of another right before "for T" ("X, which employs Y for T", "X, empowered with Y for T")
_PART_BEFORE = re.compile(r"(?<![Ww]e\s)\b(?:employ\w*|integrat\w*|leverag\w*|incorporat\w*|combin\w*|with|via|"
                          r"internal\s+\w+\s+of)\s+(?:(?!(?:into|to|these|this|our)\b)[\w\-]+,?\s+(?:and\s+)?){0,6}\(?$")
_APPLY = re.compile(r"\b(?:appl(?:y|ies|ied|ying)|us(?:e|es|ed|ing)|employ\w*|leverag\w*|adopt\w*|adapt\w*)\s+$", re.I)
_LIST = re.compile(
    r"^(?:[\s,;()]|\([^()]{0,30}\)|\b(?:e\.g|i\.e)\.?(?!\w)|"  # "(e.g., A and B)": the dot needs no word after it
    r"\b(?:and|or|as\s+well\s+as|including|such\s+as|like|namely|the|"
    r"a|an|fine-tuned|pre-?trained|other|several|"
    r"strong|existing|prior|previous|recent|competitive|popular|all|both|many|most|various|current|"
    r"state-of-the-art|sota|leading|baselines?|methods?|models?|approaches|systems?|counterparts?|"
    r"alternatives?|variants?|techniques?|architectures?|frameworks?|networks?|algorithms?|LLMs?|"
    r"open-source|proprietary|larger|powerful|well-known|standard|vanilla|original|its|their|traditional|"
    r"conventional|classical|classic|common|typical|widely-used|mainstream|naive|"
    r"significantly|consistently|substantially|greatly|even|also|clearly|much|\.)\b)*$", re.I)


#: Confidence of a relation by the rule that found it (``min_confidence`` filters on these). Calibrated on the
#: development gold sets (see docs/readme/results.md): rules whose relations were right less often score lower.
RULE_CONFIDENCE: dict[str, float] = {
    "cue_subject": 0.85,       # "X outperforms / is built on Y": the subject before the cue
    "relative_clause": 0.8,    # "X, which outperforms Y"
    "pronoun_subject": 0.75,   # "..., and it outperforms Y"
    "previous_subject": 0.7,   # "It outperforms Y" continuing the previous sentence's subject
    "passive": 0.8,            # "Y is outperformed by X"
    "underperforms": 0.75,     # "Y (still) underperforms X"
    "compared_to": 0.75,       # "Compared to Y, X achieves higher ..."
    "opening_basis": 0.75,     # "Fine-tuned from Y, X ..."
    "evaluated_verb": 0.8,     # "X achieves ... on D"
    "opening_on": 0.8,         # "On D, X reaches ..."
    "coordinated": 0.8,        # "X improves A on D1, but also enhances D2"
    "experiments_show": 0.8,   # "Experiments on D show that X ..."
    "for_task": 0.7,           # "X for T", "X designed for T"
    "apply_to": 0.8,           # "we apply X to T"
    "appositive_task": 0.65,   # "X, a novel T framework"
    "evaluated_task": 0.75,    # "X reaches ... on D T", "On T, X ..."
    "title_task": 0.7,         # a title "X: ... T"
    "proposed_evaluated": 0.6,   # "Experiments on D ...", "evaluated on D": the paper's method, no other named
    "we_address": 0.7,         # "we address/tackle T": the paper's method is applied to T
    "method_addresses": 0.75,  # "X (effectively) addresses / tackles T": the paper's method as the subject
    "task_in_result": 0.65,    # "X outperforms Y ... in T", "X achieves ... on T": the subject of the cue
    # paper-level fallbacks: the paper's own method where the sentence names no other subject
    "paper_eval": 0.8,         # an evaluation sentence after the proposal naming D (and the method or "our"/"we")
    "paper_eval_bare": 0.7,    # the same with neither the method nor "our/we" in the sentence ("Experiments on D ...")
    "proposal_task": 0.65,     # the proposal sentence: "we propose X, a T framework", "X for T", "To address T, we ..."
    "paper_task": 0.65,        # an evaluation sentence after the proposal: "... gains in T", "on T, ..."
    "proposal_basis": 0.8,     # the proposal sentence: "by fine-tuning Y", "we adapt Y", "built on a frozen Y"
    "result_comparison": 0.75, # "X reaches 0.87 F1, compared with 0.79 for Y": the better value of one metric wins
    "name_derived": 0.75,      # the paper's "FM-LoRA" / "EmbodiedOcc++" / "FiTv2" named after LoRA / EmbodiedOcc / FiT
    "compound_basis": 0.8,     # "a Transformer-based ... network (X)", "X, a novel CLIP-guided ...", title "X: Y-based ..."
    "appositive_basis": 0.75,
    "appositive_kind": 0.75,   # "X, a novel query-centric graph RAG framework": the paper's method named as a kind of Y
    "as_backbone": 0.75,       # "X achieves ... using Y as the backbone"
    "name_contains": 0.75,     # the paper's spelled-out name holds another method's name: "... for 3D Gaussian Splatting"
    "title_with": 0.75,        # a title "X: ... via/with/using Y": X BASED_ON Y
    "appositive_family": 0.75, # the proposal sentence: "we propose X, a fast transformer model": X BASED_ON transformer
    "proposal_for": 0.75,
    "paper_sota_task": 0.75,
    "proposal_compound": 0.75, # the proposal sentence: "we propose X, a novel T framework"   # after the proposal: "X sets a new state of the art for T"      # the proposal sentence: "we propose X, a novel ... framework for T"
    "combines_wide": 0.75,     # "X consists of / adopts / employs A", "X combines the strengths of A and B"
    "combines": 0.75,          # "X combines A with B", "X leverages a frozen A": the paper's method is the subject  # "X, a compact BERT model", "X, as a novel Adapter Tuning method"
    "backbone_basis": 0.75,
    "name_task": 0.75,
    "compared_models": 0.75,   # a study with no method of its own: "compares A, B and C, trained on D"         # "we propose CaKE (Circuit-aware Knowledge Editing)": the task in the name's long form    # "we utilize Y as the pre-trained foundation model" after the proposal
    "paper_outperforms": 0.75, # "Experiments show an improvement of 8% over Y" after the proposal: the paper's method
    "task_list": 0.75,         # "evaluations across three tasks, including T1, T2 and T3, show that X ..."
    "integrated_into": 0.75,   # "CAM is integrated into our HyCAM framework": HyCAM BASED_ON CAM
    "dataset_anaphor": 0.7,    # a dataset paper: "the dataset's effectiveness is assessed with A and B": A, B EVALUATED_ON it
    "experiments_task": 0.75,  # after the proposal: "Extensive experiments on T1 and T2 confirm that X ..."
    "title_using": 0.7,        # a nameless title "T using/via/with X": X APPLIED_TO T
    "extended_to": 0.75,       # "X can be easily extended to T1, T2 and T3": X APPLIED_TO each
    "long_form_for": 0.75,     # "we propose X (Long Form Of X) for T": the paper's method, its bracketed long form, "for T"
    "evaluated_on_tasks": 0.75,  # "we evaluate X on downstream tasks of T1, T2 and T3"
    "serves_task": 0.75,       # "X offers a practical solution for T", "..., making it applicable to T": the paper's method
    "for_task_we_use": 0.75,   # "For T, we fine-tune and evaluate X": X is used for T
    "task_opening": 0.75,      # "In T, X outperforms Y", "On T, X achieves ...": the subject after the opening task
    "proposal_via_for": 0.7,   # "we introduce X, a framework leveraging Y for T": the paper's method is for T
    "paper_beats_in_task": 0.75,  # "X outperforms existing methods in T" after the proposal: X named as the subject
    "beats_task_methods": 0.75,  # "X outperforms existing T methods": the paper's method is one for T
    "name_compound": 0.75,     # "a Transformer-based point network (PNet)": PNet BASED_ON a Transformer named elsewhere
    # :func:`uses_basis`: the paper's method as the subject of a using/building verb, or the proposal sentence's names
    "uses_named": 0.7,         # "X / our framework (, which) leverages / is built upon / fine-tunes Y"
    "uses_we": 0.7,            # "we fine-tune / build on / adopt / integrate Y" at or after the proposal
    "uses_with": 0.65,         # "X first produces a map with / via / through Y" (about 7 in 12 right on unseen abstracts)
    "proposal_any": 0.7,       # the proposal sentence: "we propose X, a loop in which Y reads ..." (a known Y)
    "uses_object": 0.7,        # a known Y further in a strong verb's object: "X integrates pre-trained A and iterative Y tuning"
    "uses_generic": 0.7,       # any of the above but ``uses_with`` with a lower-case catalog method as Y ("integrates randomized
                               # smoothing", "GRU-based temporal encoding"): a component by GUIDE.md (sets h on); the older dev
                               # gold leaves most out (1 of 8), 24 of 29 right by the text on unseen abstracts
    "uses_frozen": 0.7,        # a frozen Y after the paper's method in its sentence: "X predicts features of a frozen Y teacher"
    "uses_family": 0.7,        # the same with an architecture family as Y ("fine-tunes LLMs", "integrates GNNs"): what X is
                               # built on by GUIDE.md (sets h on); the older gold sets leave these out; 11 of 11 right by the
                               # text on unseen abstracts
}
#: Set to a list to record ``(head, type, tail, rule)`` for every relation found (calibration only).
TRACE: list[tuple[str, str, str, str]] | None = None


def _rel(h: MentionT, typ: str, t: MentionT, conf: float, ev: Evidence) -> Relation:
    return Relation(h[3], h[2], typ, t[3], t[2], conf, ev)


_BEAT_WORD = re.compile(r"outperform|surpass|beat|exceed|than|superior|better|improvements?\s|gains?\s", re.I)
_BEAT_VERB = re.compile(r"outperform|surpass|beat|exceed", re.I)
#: what stands between a beating verb and the name it beats: "surpasses the performance of Y", "outperforms that of Y",
#: "exceeds the 8B Y"
_BEAT_LEAD = re.compile(r"\s+(?:(?:the|its)\s+(?:[\w\-]+\s+)?(?:performance|accuracy|results?|capabilit(?:y|ies)|"
                        r"quality|scores?)\s+of\s+(?:the\s+|an?\s+)?|that\s+of\s+(?:the\s+)?|"
                        r"the\s+\d+(?:\.\d+)?[BMK]\s+)")
_IN_PP = re.compile(r"\b(?:using|with|via|on|of|from|by|in)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_ASIDE = re.compile(r"\s?\([^()]{1,60}\)")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_GAIN_WORD = re.compile(r"improvements?|gains?")  # lower-cased
_GAIN_NOUN = re.compile(r"\b(?:improvements?|gains?)\b")  # lower-cased
_BARE_ADJ = re.compile(r"\s+(?:(?!(?:in|on|at|by|for|from|with|all|most|many|both|its|their|our|the|a|an|and|or|"
                       r"than|to|of|across|over|under|even|only|also|when|while|as|more|less|previous|prior|existing|"
                       r"several|other|these|those|such)\b)[a-z][a-z\-]*\s+){1,2}")
#: "built on a frozen Y", "builds on the multimodal reasoning backbone Y": an article, one or two lower-case words, or up
#: to five ending in a noun naming the model's role
_ADJ_LEAD = re.compile(r"\s*(?:an?|the)\s+(?:(?:[a-z0-9][\w\-]*\s+){1,2}|(?:[a-z0-9][\w\-]*\s+){0,4}"
                       r"(?:backbone|base\s+model|foundation\s+model|encoder|teacher|base\s+LLM)\s+)")


def _tails(text: str, ments: list[MentionT], pos: int, end: int, typ: str, adjectives: bool = False) -> list[MentionT]:
    """Mentions of ``typ`` after ``pos`` joined to it by list material only (``adjectives``: the first may
    follow an article and one or two lower-case words, "built on a frozen Y")."""
    out: list[MentionT] = []
    cur = pos
    for m in ments:
        if m[0] < cur:
            continue
        if m[0] >= end:
            break
        if text.startswith("(", cur + (text[cur:cur + 1] == " ")):
            # an aside after a listed item: "A (0.62% F1 improvement), B (2.80%) and C": its mentions are no items
            # (not one naming the type read: "diffusion models (A and B)", "A (AB)")
            am = _ASIDE.match(text, cur, end)
            if am and not any(cur <= x[0] < am.end() and x[2] == typ for x in ments):
                cur = am.end()
                if m[0] < cur:
                    continue
        gap = text[cur:m[0]]
        if len(gap) > 80 or not (_LIST.match(gap) or (adjectives and not out and _ADJ_LEAD.fullmatch(gap))):
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
    cut = pos  # mentions after the first cue of [start, pos) are that cue's tails
    for rx in (_OUTPERF, _BASED, _PASSIVE, _THAN):
        m = rx.search(text, start, pos)
        if m and m.end() < cut:
            cut = m.end()
    best = None
    for m in ments:
        if m[0] < start or m[2] != typ:
            continue
        if m[1] > pos or m[0] >= cut:
            break
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


# one cheap test per sentence before the costly cue patterns run: comparison and basis key words: substring tests on the lower-cased sentence (``str.__contains__`` is ~10x
# cheaper than one regular-expression alternation over the sentence)
_OUTPERF_KEYS = ("win rate", "win-rate", "outperform", "surpass", "beat", "exceed", "better", "superior", "improv", "higher", "stronger",
                 "accurate", "gain", " than", "performance over", "reduc", "lower", "decreas")
_BASED_KEYS = ("buil", "extend", "extension", "variant", "generali", "tuned", "based", "initiali", "top of", "derived", "adapted",
               "-inspired", "-guided", "-driven", "-enhanced", "-augmented",
               "modification", "version", "hybrid", "combination", "distilled", "powered")
_INVERSE_KEYS = ("underperform", " behind")  # "Y underperforms / lags behind X": only the passive-form scan
_OPEN_BASIS = re.compile(r"\s*(?:leveraging|equipped\s+with)\b")  # lower-cased; "Leveraging Y, we present X"
_COMBINE_KEYS = ("combin", "integrat", "leverag", "incorporat", "unif", "fuses", "fusing", "marries", "synergizes",
                 "consists of", "comprises", "composed of", "adopts", "employs", "utilizes", "utilises", "exploits", " uses ",
                 "relies on", "consisting of", "comprising", "includes", "contains")
#: "X combines A with B", "X, which integrates A and B, ...", "our framework leverages a frozen A": the paper's
#: method as the subject of a verb that names its parts
_COMBINES = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:\s+(?:framework|model|architecture|method|approach|system|pipeline|"
                       r"network|module|algorithm)\s*)?"
                       r"(?:,\s*(?:which|that)\s+|\s+(?:that|which)\s+|,\s*(?=\w+ing\b)|"
                       # "X, a hybrid framework for BO that combines A with B", "X, a network integrating A and B"
                       r"(?P<appos>,\s*(?:an?|the)\s+[^,;:()]{1,60}?(?:\s+(?:that|which)\s+|,?\s+(?=(?:combining|integrating|"
                       r"incorporating|unifying|fusing|consisting\s+of|comprising|composed\s+of)\b))))?"
                       r"(?:(?:first|also|further|then|additionally|effectively|seamlessly|explicitly|jointly|"
                       r"innovatively|uniquely|directly|mainly|primarily)\s+)?"
                       r"(?P<verb>combines|integrates|leverages|incorporates|unifies|fuses|marries|synergizes|"
                       r"combining|integrating|leveraging|incorporating|unifying|fusing|"
                       r"consists\s+of|comprises|is\s+composed\s+of|adopts|employs|utili[sz]es|exploits|uses|relies\s+on|"
                       # the parts of the paper's method: "X includes A and B", "X, a network consisting of A and B"
                       r"includes|contains|consisting\s+of|comprising|composed\s+of)\s+"
                       # "consists of two key modules: A and B", "comprises three components, namely (1) A, (2) B"
                       r"(?P<count>(?:two|three|four|five|several|multiple|\d)\s+(?:[\w\-]+\s+){0,2}?(?:components?|modules?|"
                       r"parts|blocks|branches|sub-?networks|subnets|networks|mechanisms|strategies|techniques|elements|"
                       r"designs|innovations|optimizations)\s*(?::|-{1,3}|[\u2013\u2014]|,?\s*(?:namely|i\.e\.,?|including))\s*"
                       r"(?:\(?(?:1|i|a)\)\s*)?)?"
                       r"(?P<lead>(?:the\s+|their\s+)?(?:[\w\-]+\s+(?:and\s+)?){0,5}?(?:strengths?|advantages?|capabilit(?:y|ies)|"
                       r"benefits?|merits?|power|expressiveness|flexibility|efficiency|expertise|knowledge)\s+of\s+)?")
#: the verbs the old "combines" rule read (the others and the "strengths of" lead are measured apart: ``combines_wide``)
_COMBINES_OLD = frozenset("combines integrates leverages incorporates unifies fuses marries synergizes".split())
#: the verbs read after an appositive of the paper's method (not "a framework that uses Y to generate data")
_COMBINES_APPOS = frozenset("combines integrates incorporates unifies fuses marries synergizes combining integrating "
                            "comprising includes contains "
                            "incorporating unifying fusing".split()) | {"consisting of", "composed of"}
#: a purpose phrase opening the sentence: "To improve robustness, X combines A and B" (X is the subject, not in a PP)
_PURPOSE_LEAD = re.compile(r"\s*(?:To|In\s+order\s+to|For)\s[^,;:()]{1,80},\s*(?:the\s+proposed\s+|our\s+)?$")
#: a name written as the subject after an opening phrase: "On A, B and C, X reaches ..." (see ``own_method``)
_COMMA_BEFORE = re.compile(r",\s*$")
_SUBJECT_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:also\s+|further\s+)?[a-z]+(?:s|es|ed)\b")
#: the next numbered item of a list of parts: "..., and (2) ", "; 3) ", "(iii) "
_ENUM_NEXT = re.compile(r"(?<![\w(])\(?(?:[2-9]|ii|iii|iv|vi?|b|c|d|e)\)\s*")
_ARTICLE = re.compile(r"(?:(?:an?|the)\s+)?")
_WITH_OF = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:with|and)\s+(?:the\s+|their\s+)?(?:[\w\-]+\s+(?:and\s+)?){0,4}?of\s+(?:an?\s+|the\s+)?")
_WITH_NEXT = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:with|and)\s+(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){0,2}")
#: the same after a pair verb with the first part's kind words between: "combines the A personality model with the B
#: technique", "a model combining A visual encoders with B" (up to three lower-case words, no verb or preposition)
_PAIR_WITH_NEXT = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?!(?:with|and|or|to|for|of|in|on|by|that|which|is|are)\s)"
                             r"[a-z][\w\-]*\s+){1,3}with\s+(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){0,2}")
#: the next item of an unnumbered list of parts after the first part's description: "X includes A to enhance ...,
#: and a B that extends ...", "X consists of A, which encodes ..., and B, which decodes ..." (a comma, then an article
#: and up to three words, or the bare name followed by a comma, a relative pronoun, "for" or "to")
_ITEM_LEAD = re.compile(r",\s*(?:and\s+)?(?:(?P<art>an?|the)\s+(?:[\w\-]+\s+){0,3}?)?")
_ITEM_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|\s+(?:which|that|for|to)\b|\s*$)")
_SHORT_AFTER = re.compile(r"\s*\([^()]{1,30}\)")
_AND_OR = re.compile(r"\b(?:and|or)\b")
#: a lower-case word (the verb) right after a name, past its bracketed short form: "A and B (ours) achieve"
_VERB_NEXT = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+[a-z]")
_PARTS_VERBS = frozenset(("consists of", "comprises", "is composed of", "includes", "contains", "consisting of", "comprising",
                          "composed of", "combines", "integrates", "incorporates", "combining", "integrating",
                          "incorporating"))
_PAIR_VERBS = frozenset("combines integrates unifies fuses marries synergizes combining integrating unifying fusing".split())


def _cue_kinds(seg: str) -> tuple[bool, bool]:
    """(comparison key word, basis key word) present in the lower-cased sentence ``seg``.

    >>> _cue_kinds("x is built on y and beats z"), _cue_kinds("x is fine")
    ((True, True), (False, False))
    """
    return any(k in seg for k in _OUTPERF_KEYS), any(k in seg for k in _BASED_KEYS)
# "On ImageNet, X ...", "Trained with ResNet-50, X ...", "Fine-tuning R on GLUE, X ...": the subject follows the comma
_INTRO = re.compile(
    r"\s*(?:(?:[A-Z][a-z]+(?:-[a-z]+)?(?:ing|ed)|Built|On|With|Using|Across|For|In|When|After|Given|Under|Through|By|Beyond|Besides|"
    r"Unlike|Like|Against|Without|Via|At|From)\b(?:[^,;:(]|\([^()]{0,80}\)|\(){0,100}?,\s*)")  # a comma in brackets is no end
# a finite verb inside the would-be opening phrase means it was the main clause ("With 10 steps X reaches A, ...")
_INTRO_VERB = re.compile(r"\b(?:achiev|obtain|attain|reach|yield|outperform|surpass|improv|reduc|show|demonstrat|"
                         r"match(?!ing)|beat|exceed|perform|get|gets|is|are|was|were)\w*\b", re.I)
_TAIL_CUE = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|exceed\w*|vs\.?|versus|compared\s+(?:to|with)|"
                       r"match(?:es|ed)|rivals|on\s+par\s+with|comparable\s+(?:\w+\s+)?(?:to|with)|"
                       r"against|built\s+(?:up)?on|based\s+on|extends|extension\s+of|variant\s+of|fine-?\s?tuned\s+from|"
                       r"initiali[sz]ed\s+(?:from|with)|on\s+top\s+of|derived\s+from|adapted\s+from|with|using|via|"
                       r"trained\s+with|pretrained\s+with|pre-trained\s+with)\b", re.I)
_PRONOUN_SUBJ = re.compile(r"\s*(?:(?:On|In|For|Across)\s+[^,;.]{1,60}?\s)?"
                           r"(It|They|it|they|This\s+(?:model|method|approach|framework))\s+(?!is\s+\w+\s+(?:that|to)\b)")
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they)\s+(?:\w+ly\s+)?(?:also\s+|further\s+|even\s+)?$")
_TRAIN_INTRO = re.compile(r"\s*(?:Pre-?trained|Trained|Fine-?\s?tuned|Learned|Built|Distilled|Initiali[sz]ed|"
                          r"Supervised|Optimi[sz]ed)\b", re.I)
_INTRO_BASED = re.compile(r"\s*(?:Fine-?\s?tuned\s+from|Built\s+(?:up)?on(?:\s+top\s+of)?|Initiali[sz]ed\s+(?:from|with)|"
                          r"Distilled\s+from|Derived\s+from|Adapted\s+from|Based\s+on|Leveraging|Building\s+(?:up)?on|"
                          r"Powered\s+by|Equipped\s+with)\s+(?:an?\s+|the\s+)?(?:(?:novel|new|pre-?trained|frozen|strong)\s+)?"
                          # "Built upon the encoder-decoder backbone of Y, X ..."
                          r"(?:(?:[\w\-]+\s+){0,2}?(?:backbone|architecture|framework|encoder)\s+of\s+(?:the\s+|an?\s+)?)?", re.I)
_WE_PRESENT = re.compile(r"\s*we\s+(?:further\s+|then\s+|also\s+)?(?:present|propose|introduce|develop|design|build|construct)\s+"
                         r"(?:an?\s+|the\s+)?(?:(?:novel|new)\s+)?")
#: "CAM is integrated into our HyCAM framework": the name after "into" is built from the one before
_INTO = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:(?:an?|the|another|our)\s+[^,;.()]{1,50}?,\s*)?)?"  # "Y, another solver, was"
                   r"(?:[a-z][\w\-]*\s+){0,2}?(?:is|are|was|were|being|can\s+be)\s+(?:\w+ly\s+)?"
                   r"(?:integrated|incorporated|plugged|embedded|inserted)\s+(?:in)?to\s+(?:our\s+|the\s+|a\s+)?"
                   r"(?:proposed\s+|novel\s+|new\s+|unified\s+)?", re.I)
_INTO_KEYS = ("integrated into", "incorporated into", "plugged into", "embedded into", "inserted into", "integrated in")
_COORD = re.compile(r"\s*,?\s*(?:but|and|while)\s+(?:also\s+|further\s+|even\s+)?(?:\w+ly\s+)?[a-z]+(?:s|es|ed)\b")
_TRAINED_ON = re.compile(r"\b(?:pre-?trained|trained|fine-?tuned|finetuned|learned|distilled|supervised|conditioned|"
                         r"initiali[sz]ed|built|based|relies|rely|relying|focus(?:es|ed)?|depends?|depending|collected|"
                         r"annotated)\s+"
                         r"(?:\w+ly\s+|only\s+|solely\s+|jointly\s+|further\s+|directly\s+|both\s+|mainly\s+)*$", re.I)
_FOR_TRAINING = re.compile(r"\s*(?:dataset|corpus|data)?\s*(?:for|as|during)\s+(?:the\s+)?(?:pre-?)?training\b", re.I)
#: an appositive after the paper's method: "X (ACR), a novel framework ..." / "X, an approach that ..."
_APPOS_OPEN = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?,\s*(?:an?|the|our)\s+[^;:()]")
#: a clause boundary inside that appositive: another relative clause or a new subject
_REL_INSIDE = re.compile(r",\s*(?:and\s+)?(?:which|that|where|who|while|whereas|but|we|it|they)\b|;", re.I)
_REL_CLAUSE = re.compile(r",\s*(?:and\s+)?(?:which|that)\s+(?:\w+ly\s+)?(?:also\s+)?(?:\w+ly\s+)?$", re.I)
_APPOS_TASK_BEFORE = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:an?|the)\s+(?:[\w\-]+\s+){0,3}$", re.I)
_APPOS_TASK_AFTER = re.compile(r"\s*(?:[\w\-]+\s+)?(?:framework|method|model|approach|system|pipeline|architecture|network|"
                               r"algorithm|technique|scheme|tool|agent|module)s?\b", re.I)
_APPOSITIVE = re.compile(r"^\s*,\s*(?:an?|the|which\s+is\s+an?|our)\s[^,;()]{0,60}$", re.I)
_TITLE_NAME = re.compile(r"^\s*([A-Z][\w.+\-]*(?:[ \-][A-Z0-9][\w.+\-]*){0,2})\s*:\s")
#: an evaluation cue right before "on D" whose subject is the paper itself ("Experiments on D", "evaluated on D")
_PAPER_EVAL = re.compile(r"\b(?:experiments?|evaluations?|evaluat(?:e|es|ed|ing)|results|tested|testing|benchmark(?:ed|ing)|"
                         r"evidence|validat(?:e|es|ed|ing)|verif(?:y|ies|ied)|assess(?:es|ed)?)\b[^,;:]{0,50}$", re.I)
#: a study's verb over the models it compares: "This study compares A, B and C", "We benchmark A and B"
_STUDY_VERB = re.compile(r"\b(?:compar(?:e|es|ed|ing)|evaluat(?:e|es|ed|ing)|benchmark(?:s|ed|ing)?|assess(?:es|ed)?|"
                         r"test(?:s|ed)?)\b(?!\s+(?:to|with|against)\b)", re.I)
_STUDY_LEAD = re.compile(r"[^.;]{0,60}?(?::\s*|\s)(?:an?\s+|the\s+)?(?:[\w\-]+\s+)?", re.I)
_STUDY_ON = re.compile(r"[\s,()\w\-]{0,40}?\b(?:(?:trained|evaluated|tested|fine-tuned)\s+)?(?:on|using|across)\s+(?:the\s+)?"
                       r"(?:[\w\-]+\s+){0,2}?", re.I)
#: "three tasks, including T", "task families: T"
_TASK_LIST_BEFORE = re.compile(r"\btasks?(?:\s+famil(?:y|ies))?\s*,?\s*(?::|including|such\s+as|like|e\.g\.,?|namely)\s*"
                               r"(?:the\s+)?(?:[\w\-]+(?:\s+[\w\-]+){0,3}\s*,\s*(?:and\s+|or\s+)?)*$", re.I)
#: an evaluation verb (not its noun, "evaluation", "tests"), and "on"/"across" between the verb and a far object
_EVAL_OBJ_VERB_FORM = re.compile(r"(?:evaluat(?:e|es|ed|ing)|test(?:ed|ing)?|benchmark(?:ed|ing)?|assess(?:es|ed|ing)?|"
                                 r"compar(?:e|es|ed|ing))\b", re.I)
_ON_WORD = re.compile(r"\b(?:on|across)\b", re.I)
_EVAL_OBJ_VERB = re.compile(r"(?:evaluat|test|verif|compar|benchmark|assess)\w*", re.I)
#: "we address T", "this paper tackles the problem of T"
_WE_ADDRESS = re.compile(r"\b(?:we|this\s+(?:paper|work|study))\s+(?:\w+ly\s+)?(?:address|tackle|solve|study|"
                         r"investigate|focus\s+on|consider)(?:es|s)?\s+(?:the\s+)?(?:(?:problem|task|challenge)\s+of\s+)?"
                         r"(?:the\s+)?$", re.I)
_IS_A = re.compile(r"\s*(?:is|are|serves\s+as)\s+(?:an?|the)\s")  # "Y is a ... for T" (not "Y is designed for T")
#: the paper's method as the subject of addressing a task: "X (effectively) addresses / tackles the problem of T"
_X_ADDRESS = re.compile(r"\b(?:address|tackle|solve|handle)(?:es|s)?\s+(?:both\s+)?(?:the\s+)?(?:(?:problems?|tasks?|challenges?)\s+of\s+)?"
                        r"(?:the\s+)?$", re.I)
_ADDRESS_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:also|further|thus|therefore|effectively|directly|explicitly|"
                          r"naturally|successfully|can|could|is\s+able\s+to)\s+)*")
#: "X offers / provides a practical, efficient solution for T", "X serves as a strong baseline for T", "X is beneficial for
#: T", "..., making it applicable to a wide range of T tasks" (lower-cased text; the cue ends right before the task)
_SERVES_FOR = re.compile(
    r"(?:\b(?:offer|provide|present|represent|constitute|deliver|establish|become)(?:s|ing)?\s+|\b(?:serv|act)(?:es|ing)\s+as\s+|"
    r"\b(?:is|are)\s+(?:thus\s+|therefore\s+|also\s+)?)(?:an?|the)\s+(?:[\w\-]+,?\s+(?:and\s+)?){0,5}?"
    r"(?:solution|tool|framework|approach|way|means|foundation|option|alternative|choice|paradigm|pathway|avenue|recipe|"
    r"strategy|platform|baseline|technique)s?\s+(?:for|to)\s+"
    r"(?:the\s+)?(?:(?:task|problem)s?\s+of\s+)?(?:(?:a\s+)?(?:wide\s+|broad\s+)?(?:range|variety)\s+of\s+|various\s+|diverse\s+|"
    r"many\s+|both\s+|(?:real-world|downstream|practical)\s+)*$|"
    r"\b(?:is|are|making\s+it|makes\s+it|making\s+them)\s+(?:\w+ly\s+|also\s+|thus\s+)*(?:applicable|beneficial|suitable|"
    r"well-suited|well\s+suited)\s+(?:to|for)\s+(?:the\s+)?(?:(?:task|problem)s?\s+of\s+)?(?:(?:a\s+)?(?:wide\s+|broad\s+)?"
    r"(?:range|variety)\s+of\s+|various\s+|diverse\s+|many\s+|both\s+|(?:real-world|downstream|practical)\s+)*$")
_SERVES_KEYS = ("solution", "applicab", "benefici", "suitab", "suited", "tool", "foundation", "way", "means", "alternative",
                "framework", "approach", "paradigm", "avenue", "pathway", "recipe", "strategy", "platform", "baseline",
                "technique", "option", "choice")
#: the gap between the paper's method and the cue: adverbs ("X effectively offers"), ", which", or a participle closing
#: the clause ("X reduces ..., making it applicable to T", "X ..., offering a solution for T")
_SERVES_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*which\s+|,\s*)?(?:(?:also|further|thus|therefore|effectively|"
                         r"naturally|ultimately|overall|can|could|may|hence)\s+)*")
_SERVES_PARTICIPLE = re.compile(r"(?:offering|providing|presenting|representing|establishing|serving|acting|making)\b")
#: "For T, we fine-tune and evaluate X", "To do our T, we use X": the sentence opens with the task a named method
#: is then used for (the opening before the task; the gap from the task to the method)
_FOR_TASK_OPEN = re.compile(r"\s*(?:(?:First|Second|Third|Then|Next|Finally|Lastly|Additionally|Specifically),\s+)?"
                            r"(?:For|To\s+(?:do|perform|handle|address|tackle|solve))\s+(?:the\s+|our\s+)?(?:task\s+of\s+)?")
_FOR_TASK_WE = re.compile(r"(?:\s+tasks?)?\s*,\s*we\s+(?:\w+ly\s+|first\s+|then\s+|also\s+|further\s+)*"
                          r"(?:use|employ|adopt|fine-?tune|train|evaluate|benchmark|apply|leverage|utili[sz]e|deploy)\s+"
                          r"(?:and\s+(?:evaluate|benchmark|test|fine-?tune|train|use|compare)\s+)?(?:the\s+|an?\s+)?"
                          r"(?:[\w\-]+\s+){0,2}?")
#: "In T, X outperforms Y", "On T, the proposed X achieves ...": after the opening task, the subject and its verb
_OPEN_TASK_GAP = re.compile(r"(?:\s+tasks?)?\s*,\s*(?:the\s+proposed\s+|our\s+)?")
_OPEN_TASK_VERB = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:(?:also|further|still|consistently|significantly|clearly|"
                             r"substantially|even)\s+)*(?:outperforms|surpasses|beats|exceeds|achieves|attains|obtains|"
                             r"reaches|sets|establishes|delivers|yields)\b")
_COMPARED_BEFORE = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|exceed\w*|vs\.?|versus|compared|"
                              r"against|unlike|relative\s+to)\b[^,;]*$", re.I)
_TRAINED_WITH = re.compile(r"\s+(?:(?:pre-?trained|trained|fine-?tuned|learned)\s+)?(?:with|using|by)\s+(?:our\s+)?", re.I)
_DISCOURSE = re.compile(r"\s*(?:For\s+(?:instance|example)|In\s+particular|Moreover|Furthermore|Notably|Specifically|"
                        r"Additionally|In\s+addition|Importantly|Finally|Remarkably|Overall)\s*,\s*", re.I)
_INTRO_ANY_CASE = re.compile(_INTRO.pattern, re.I)  # after a discourse marker the phrase starts in lower case
_EVALUATING = re.compile(r"\b(?:evaluat|test|benchmark)(?:e|es|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?$", re.I)
#: "in T", "on the task of T" right before a task mention
_SOTA_BEFORE = re.compile(r"\b(?:state[\s-]of[\s-]the[\s-]art|sota)(?:\s+(?:performance|results?|accuracy))?\s+"
                          r"(?:for|on|in|across)\s+(?:the\s+)?(?:(?:task|problem)s?\s+of\s+)?(?:the\s+)?$", re.I)
_IN_TASK = re.compile(r"\b(?:in|on|for)\s+(?:the\s+)?(?:(?:task|problem)s?\s+of\s+)?(?:the\s+)?$", re.I)
_EVAL_VERB2 = re.compile(r"\b(?:demonstrat\w*|validat\w*|verif\w*|effectiveness|improv\w*|gains?|matches|match|enhanc\w*|"
                         r"boost\w*|reduc\w*|lower\w*|cuts?)\b", re.I)


# the same patterns without re.I, for the lower-cased text (case-insensitive alternations are slow)
_OUTPERF_L, _PASSIVE_L, _BASED_L, _CLAUSE_L = (re.compile(rx.pattern) for rx in (_OUTPERF, _PASSIVE, _BASED, _CLAUSE))
# the same as _ON on lower-cased text; the look-ahead tries its 13 look-behinds only where "on"/"across" stands
# (they belong to the first alternative only, as does the look-ahead): 3x faster, same matches
_ON_L = re.compile("(?=on|across)" + _ON.pattern)
#: before a dataset (not a task: "across modalities ranging from T", "across architectures and T methods"), also items
#: drawn from D and the longer list openings of :data:`_ON_MORE`
_ON_DS_L = re.compile(_ON_L.pattern + "|" + _EVAL_FROM.pattern + _ON_MORE, re.I)


def _clause_starts(low: str) -> list[int]:
    """Every place a match of ``_CLAUSE`` (";", " while ", ", and which ", ...) can begin in ``low``: its word found by
    ``str.find`` and the one or two characters before it, so that the pattern is tried only there.

    >>> t = "a; b, which c while d"
    >>> [m.start() for m in matches_at(_CLAUSE_L, t, _clause_starts(t))] == [m.start() for m in _CLAUSE_L.finditer(t)]
    True
    """
    out = starts_of(low, (";",))
    out += [i - 1 for i in starts_of(low, ("while", "whereas", "but", "although", "though"))]
    out += [i - k for i in starts_of(low, ("which", "where")) for k in (2, 6)]  # ",\s(?:and\s)?which"
    out.sort()
    return out


def title_method(title: str) -> MentionT | None:
    """The name before a title colon when it looks like a model name ("DiffNet: ...", "GPT-X2: ...").

    >>> title_method("XNet-2: Fast Parsing for Everyone")
    (0, 6, 'Method', 'XNet-2')
    >>> title_method("Towards Better Parsing: A Study") is None
    True
    """
    m = _TITLE_NAME.match(title)
    if not m:
        return None
    name = m[1]
    if len(name) < 2 or not any(any(c.isupper() or c.isdigit() for c in tok[1:]) for tok in re.split(r"[ \-]", name)):
        return None
    return (m.start(1), m.end(1), "Method", name)


_NOT_NAME = re.compile(r"^\s*(?:[+\-\u2212]?\d[\d.,]*\s*%?(?:\s|$)|\W*$)")  # "54.3 mIoU", "12 %": numbers, not entities
_TASK_AFTER_DS = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:dataset|benchmark)s?\s+)?(?:based\s+|(?:for|in|on)\s+(?:the\s+)?)?$", re.I)
_TASK_OPENS = re.compile(r"^\s*(?:On|In|For)\s+(?:the\s+)?$")
_TITLE_NOT_METHOD = re.compile(r"^\s*(?:an?\s+|the\s+)?(?:new\s+|large-scale\s+|novel\s+)?(?:[\w\-]+\s+){0,2}?"
                               r"(?:dataset|benchmark|corpus|survey|review|study|analysis|challenge)s?\b", re.I)
_TITLE_VIA = re.compile(r"\b(?:via|with|using|by|through|from|based\s+on)\b", re.I)
#: right before a method a title "X: ..." works through: "... via / with / using (a) Y"
#: a capitalised noun right after the name: the name only modifies a longer phrase ("with HEatmap Refinement")
_TITLE_NOUN_AFTER = re.compile(r"\s+(?!(?:For|In|On|And|Or|Of|To|With|Via|Using|Through|From|By|At|As|Models?|Networks?|Blocks?|"
                               r"Architectures?|Frameworks?|Modules?|Layers?|Generation|Regularization|Techniques?|"
                               r"Algorithms?)\b)[A-Z]")
_TITLE_FOR = re.compile(r"\bfor\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$", re.I)
_TITLE_WITH = re.compile(r"\b(?:via|with|using|through|based\s+on|leveraging|integrating|combining|incorporating|harnessing|"
                         r"fusing|unifying)\s+(?:an?\s+|the\s+)?$", re.I)


#: a noun modifier right before a title's task ("PET", "Ego-to-Exo", "3D") or a noun right after it ("... Evaluation")
_TITLE_TASK_CUT_BEFORE = re.compile(r"(?:\b[A-Z]{2,}[a-z]?|\b\w*\d\w*|\b[A-Z]\w*-\w+-[A-Z]\w*)\s+$")
_TITLE_TASK_CUT_AFTER = re.compile(r"\s+(?!(?:For|In|On|With|Via|And|Or|Of|To|From|Using|Through|By|Under|At|As|Is|Are|Beyond|"
                                   r"Without|Across|Towards?|Models?|Frameworks?|Approach|Methods?|Networks?|Architectures?|Systems?|Pipelines?|"
                                   r"Tools?|Agents?|Algorithms?)\b)[A-Z][a-z]+\b")


def _title_tasks(title: str, mentions: list[MentionT], proposed: str) -> list[MentionT]:
    """Tasks a title says the paper's method is for: "Name: ... T ..." (not after "via/with/using"), or a
    nameless title that opens with T or has "for T". Dataset/survey titles and a method named after the task's
    initials (PFL for personalized federated learning) give nothing.

    >>> t = "XNet: Fast Parsing via Tagging"
    >>> [m[3] for m in _title_tasks(t, [(11, 18, "Task", "parsing"), (23, 30, "Task", "tagging")], "XNet")]
    ['parsing']
    """
    if any(m[2] == "Dataset" and m[3] == proposed for m in mentions):
        return []  # the paper's "method" is its dataset
    tm = title_method(title)
    if tm is None and title.startswith(proposed) and title[len(proposed):].lstrip().startswith(":"):
        tm = (0, len(proposed), "Method", proposed)  # "Optimize Any Topology: ..." named by the paper's method
    if tm is not None and any(m[2] == "Dataset" and m[0] < tm[1] and tm[0] < m[1] for m in mentions):
        return []
    body = title[title.index(":") + 1:] if tm and ":" in title else title
    if _TITLE_NOT_METHOD.match(body):
        return []
    cut = _TITLE_VIA.search(title, len(title) - len(body))
    end = cut.start() if cut else len(title)
    out = []
    for m in mentions:
        if m[2] != "Task" or m[0] < len(title) - len(body):
            continue
        if m[1] > end:
            # "X: A ... Model with Y for T", "X: ... via Y for T": "for" after the method worked through names the purpose
            fm = _TITLE_FOR.search(title, end, m[0])
            if fm is None or _TITLE_VIA.search(title, fm.end(), m[0]) or not (tm and tm[3] == proposed) and \
                    any(x[2] == "Method" and end <= x[0] < m[0] for x in mentions):
                continue  # "T1 with Y Pipeline for T2" in a nameless title: Y is the one for T2
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", m[3])).lower()
        if initials == proposed.lower():
            continue
        before = title[len(title) - len(body):m[0]]
        if _TITLE_TASK_CUT_BEFORE.search(before) or _TITLE_TASK_CUT_AFTER.match(title, m[1]):
            continue  # "PET Image Denoising", "AI Music Generation Evaluation": the task named is a longer one
        if (tm and tm[3] == proposed) or not before.strip() or _TITLE_FOR.search(before):
            out.append(m)
    return out


_PP_WITH = re.compile(r"\b(?:with|using|via|by|from|of|for)\s+(?:(?:the|a|an|both|all)\s+)?(?:[\w.\-]+\s+){0,2}$", re.I)
_PP_BEFORE = re.compile(r"\b(?:for|of|to|in|on|from|with|by|via|using|than|over)\s+(?:(?:the|a|an|both|all)\s+)?"
                        r"(?:[\w.\-]+(?:\s+|,\s*|\s+and\s+|\s+or\s+)){0,4}$", re.I)




def _appositive_head(text: str, methods: list[MentionT], h: MentionT, lo: int) -> MentionT:
    """"X, a Y-based model for T" / "X, a variant of Y for T": the head is X, not Y."""
    prev = [m for m in methods if lo <= m[0] and m[1] <= h[0]]
    at = h[0]
    if prev and prev[-1][3] == h[3] and re.fullmatch(r"\s*\(\s*", text[prev[-1][1]:h[0]]):
        at = prev.pop()[0]  # "X, a vision-language model (VLM) for T": the acronym's long form stands before it
    if prev and _APPOSITIVE.match(text[prev[-1][1]:at]):
        return prev[-1]
    return h


def _coheads(text: str, methods: list[MentionT], h: MentionT, cs: int) -> list[MentionT]:
    """"Both A and B outperform C", "A, B and H beat C": the names listed before the head ``h`` at the start of
    its clause share its relation.

    >>> t = "Both A1 and B1 beat C1."
    >>> _coheads(t, [(5, 7, "Method", "A1"), (12, 14, "Method", "B1"), (20, 22, "Method", "C1")], (12, 14, "Method", "B1"), 0)
    [(5, 7, 'Method', 'A1')]
    """
    out: list[MentionT] = []
    cur = h
    for x in reversed([m for m in methods if cs <= m[0] and m[1] <= h[0]]):
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[x[1]:cur[0]]):
            break
        out.append(x)
        cur = x
    if out and re.fullmatch(r"\s*(?:(?:both|the|our|models?|methods?|such\s+as|[A-Z]\w+ly,?)\s*)*", text[cs:cur[0]], re.I):
        return out[::-1]
    return []


_APPOS_GAP = re.compile(r"\s*,\s*(?:the|an?|our|its)\s+(?:[\w\-]+\s+){0,2}")


def _tail_appositive(text: str, methods: list[MentionT], cs: int, x: MentionT) -> bool:
    """True when ``x`` sits in the appositive of a compared name: "outperforms Y-T, the Y with a T backbone, on D" (Y).

    >>> t = "X outperforms Y-T, the Y with a T backbone, on D."
    >>> ms = [(0, 1, "Method", "X"), (14, 17, "Method", "Y-T"), (23, 24, "Method", "Y")]
    >>> _tail_appositive(t, ms, 0, ms[2]), _tail_appositive(t, ms, 0, ms[0])
    (True, False)
    """
    p = next((m for m in reversed(methods) if cs <= m[0] and m[1] <= x[0]), None)
    return p is not None and x[0] - p[1] <= 30 and _APPOS_GAP.fullmatch(text, p[1], x[0]) is not None and \
        _is_tail(text, cs, p[0])


def _heads_listed(text: str, methods: list[MentionT], y: MentionT) -> list[MentionT]:
    """The methods listed right before ``y`` ("A, B and C" for C), nearest first."""
    out, cur = [], y
    for z in reversed([m for m in methods if m[1] <= y[0]]):
        gap = text[z[1]:cur[0]]
        if gap.strip() and len(gap) <= 40 and _LIST.match(gap):
            out.append(z)
            cur = z
        else:
            break
    return out


def _is_tail(text: str, cs: int, pos: int) -> bool:
    """True when the mention at ``pos`` is governed by a comparison/basis cue before it ("than X", "built on A and X")."""
    window = text[max(cs, pos - 120):pos]
    last = None
    for last in _TAIL_CUE.finditer(window):
        pass
    return last is not None and bool(_LIST.match(window[last.end():]))

#: "we propose/introduce/present ...", "called/dubbed X": a sentence that introduces the paper's method
_PROPOSAL_L = re.compile(r"\b(?:we|this\s+(?:paper|work|study|article)|the\s+(?:paper|work))\s+(?:\w+ly\s+|also\s+|further\s+|then\s+)?"
                         r"(?:propose|introduce|present|develop|design|devise|put\s+forward|contribute|offer|build)s?\b"
                         r"|\b(?:called|named|dubbed|termed|coined)\b")
#: a result or evaluation word anywhere in the sentence: word prefixes (``str.startswith`` on the words of the
#: lower-cased sentence is ~10x cheaper than a regular-expression alternation)
_EVAL_PREFIXES = ("experiment", "evaluat", "achiev", "obtain", "attain", "outperform", "surpass", "state-of-the-art",
                  "sota", "result", "accura", "scor", "improv", "perform", "reach", "yield", "test", "verif", "validat",
                  "demonstrat", "record", "gain", "boost", "competitive", "superior", "better", "higher", "lower",
                  "reduc", "rank")


def _has_eval_word(low: str, s: int, e: int) -> bool:
    """True when a word of ``low[s:e]`` starts with one of :data:`_EVAL_PREFIXES`.

    >>> _has_eval_word("experiments on x show (higher) scores", 0, 36), _has_eval_word("x is a set", 0, 10)
    (True, False)
    """
    return any(w.lstrip("([{'\"").startswith(_EVAL_PREFIXES) for w in low[s:e].split())
#: background wording: the sentence talks about prior work, not the paper's method
_BACKGROUND_L = re.compile(r"\b(?:existing|prior|previous|current|conventional|traditional|most|many|several)\s+"
                           r"(?:\w+\s+){0,2}?(?:methods?|models?|approaches|works?|studies|techniques|systems|baselines?)\b"
                           r"|\b(?:has|have)\s+been\b|\bhowever\b|\bremains?\b|\bsuffer")
#: data, not an evaluation: "trained/collected/built on|from D", "images from D"
_DS_DATA_BEFORE = re.compile(r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|finetun\w*|learn\w*|distill\w*|supervis\w*|"
                             r"collect\w*|annotat\w*|curat\w*|construct\w*|built|build\w*|creat\w*|deriv\w*|extract\w*|"
                             r"sampl\w*|(?<!-)augment\w*|from|relies|rely|relying)\b[^,;:]{0,40}$", re.I)
#: a dataset being built, not evaluated on: "we introduce D", "refine existing benchmarks (D)" (no "on" in between)
_DS_BUILT_BEFORE = re.compile(r"\b(?:introduc\w*|refin\w*|releas\w*|propos\w*|present\w*|construct\w*|curat\w*|"
                              r"build\w*|creat\w*)\b(?:(?!\b(?:on|across|against)\b)[^,;:]){0,40}$", re.I)
#: what makes a task the purpose in a proposal sentence: "for T", "to address T", "advances T"
_PURPOSE_BEFORE = re.compile(r"\b(?:for|to\s+(?:address|tackle|solve|handle|improve|enhance|accelerate|advance|support|enable|"
                             r"perform|achieve)|advanc(?:es|ing)|improv(?:es|ing)|enabl(?:es|ing)|target(?:s|ing)|"
                             r"towards?|in)\s+(?:the\s+|an?\s+|both\s+|efficient\s+|accurate\s+|robust\s+|scalable\s+|"
                             r"fast\s+|real-time\s+|(?:\w+-)+\w+\s+){0,3}$", re.I)
#: "X, a(n) [adjectives] T framework" / "a novel T framework, X": the task names what the method is
_TASK_HEAD_AFTER = re.compile(r"\s*(?:[\w\-]+\s+)?(?:framework|method|model|approach|system|pipeline|architecture|network|"
                              r"algorithm|technique|scheme|tool|agent|module|paradigm|strategy|solution)s?\b", re.I)
#: "X (ACR), a novel ... framework for/designed for/to enhance [modifiers] T": the appositive of the paper's name in
#: its proposal sentence says what it is for (no clause or second name-giving phrase in between)
_APPOS_FOR = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?(?:,|\s*[\-\u2013\u2014:]|\s+as)\s*(?:which\s+is\s+)?(?:an?|the|our)\s+"
    r"(?:(?!(?:that|which|where|while|whose|by|with|using|via|and\s+(?:an?|the))\b)[^;:.()]){0,90}?"
    r"\b(?:frameworks?|models?|methods?|approach|network|architecture|algorithm|system|pipeline|technique|strategy|"
    r"paradigm|scheme|tool|agent|module|solution|loss(?:\s+function)?|estimator|detector|recipe)"
    r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:(?:specifically\s+|explicitly\s+|particularly\s+)?(?:designed|tailored|optimi[sz]ed|"
    r"developed|built|intended|dedicated|customi[sz]ed)\s+(?:for|to)\s+|for\s+|to\s+(?:address|tackle|solve|enhance|improve|"
    r"advance|perform|enable|support)\s+)(?:the\s+(?:task|problem)\s+of\s+)?(?:the\s+)?"
    r"(?:(?:[a-z][\w\-]*|[A-Z][\w\-]*-\w+),?\s+(?:and\s+)?){0,3}")
#: the same phrase before the name ("a novel framework designed for T, called X": :func:`named_phrase`)
_NAMED_FOR = re.compile(r"(?:an?|our)\s+" + _APPOS_FOR.pattern.split(r"(?:an?|the|our)\s+", 1)[1])
#: "X, an innovative framework leveraging / that uses Y for T": the kind noun, a using verb and its object, then "for T"
_APPOS_VIA_FOR = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?,\s*(?:an?|the|our)\s+(?:(?!(?:that|which|where|while|whose|by|with|using|via|and)\b)"
    r"[^;:.(),]){0,60}?\b(?:framework|model|method|approach|network|architecture|algorithm|system|pipeline|technique|"
    r"strategy|paradigm|agent|solution)\s+(?:that\s+|which\s+)?(?:leverag(?:es|ing)|us(?:es|ing)|utili[sz](?:es|ing)|"
    r"exploit(?:s|ing)|harness(?:es|ing)|employ(?:s|ing)|integrat(?:es|ing)|combin(?:es|ing)|built\s+(?:up)?on|based\s+on)\s+"
    r"[^;:.()]{1,60}?\s+for\s+(?:the\s+(?:task|problem)\s+of\s+)?(?:the\s+)?(?:(?:[a-z][\w\-]*|[A-Z][\w\-]*-\w+),?\s+"
    r"(?:and\s+)?){0,3}")
#: "X (ACR), a novel [adjectives] T framework": the appositive of the paper's name in its proposal sentence names
#: its task as a compound ("a tiny, weakly-supervised transformer-based crowd counting framework")
_APPOS_COMPOUND = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:,|\s*[\-\u2013\u2014:])\s*(?:which\s+is\s+)?(?:an?|the|our)\s+"
                             r"(?:(?!(?:that|which|for|of|with|by|to|in|on|and|or)\b)[\w\-]+,?\s+){0,5}")
_HEAD_THEN_FOR = re.compile(r"\s*(?:[\w\-]+\s+)?(?:framework|method|model|approach|system|pipeline|architecture|network|"
                            r"algorithm|technique|scheme|tool|agent|module|paradigm|strategy|solution)s?\s+"
                            r"(?:(?:specifically\s+)?(?:designed|tailored|built|developed)\s+)?(?:for|to)\b", re.I)
#: the opening "To address T, we ...", "For T, we propose ..."
_PURPOSE_OPEN = re.compile(r"\s*(?:To\s+(?:address|tackle|solve|handle|improve|enable|support)|For|Towards)\s+"
                           r"(?:the\s+|this\s+)?(?:(?:problem|task|challenge)\s+of\s+)?$", re.I)
#: "by fine-tuning Y", "we adapt Y", "modifications to Y", "integrates Y" in the proposal sentence
_BASIS_BEFORE = re.compile(r"\b(?:(?:adds?|adding|inject\w*|insert\w*|integrat\w*|incorporat\w*|plug\w*)\b[^,;.]{0,60}?\b(?:to|into)"
                           r"|(?:framework|model|method|approach|system|architecture|pipeline)\s+(?:that\s+|which\s+)?"
                           r"(?:leverag(?:es|ing)|utili[sz](?:es|ing)|employ(?:s|ing)|exploit(?:s|ing)|adopt(?:s|ing)|"
                           r"integrat(?:es|ing)|incorporat(?:es|ing))"
                           r"|by\s+(?:fine-?\s?tuning|adapting|extending|modifying)|we\s+(?:[a-z]+-)?(?:tune|adapt|extend|modify)|"
                           r"modifications?\s+(?:to|of)|built\s+(?:up)?on|builds?\s+(?:up)?on|based\s+on|on\s+top\s+of|"
                           r"extends|extension\s+of|variant\s+of|inspired\s+by|motivated\s+by|powered\s+by|upgrad(?:e|es|ed|ing)|"
                           r"(?:that\s+|which\s+)combines|combining)"
                           r"\s+(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){0,2}$")
#: list material between two bases of the proposal sentence: "integrating A, clinical B (BB), and C" (lower-case words
#: and an acronym in brackets only)
_BASIS_LIST = re.compile(r"\s*\)?\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:an?\s+|the\s+)?"
                         r"(?:(?!(?:which|that|who|whose|where|while|to|for|in|on|of|with|by|than|over|versus|vs|is|are|was|"
                         r"were|be|using|via|through|against|compared|outperform\w*|surpass\w*|achiev\w*|beat\w*|exceed\w*|"
                         r"and|or)\b)[a-z][\w\-]*\s+){0,2}")
_AS_BACKBONE = re.compile(r"\s*\)?\s*(?:\([^()]{1,30}\)\s*)?as\s+(?:the\s+|our\s+|its\s+|a\s+)?(?:[\w\-]+\s+){0,2}?(?:backbones?|base\s+models?|"
                          r"foundation\s+models?|encoders?|base\s+networks?|base\s+LLMs?)\b", re.I)
_USE_BEFORE = re.compile(r"\b(?:we|our\s+\w+)\s+(?:\w+ly\s+)?(?:use|utili[sz]e|adopt|employ|leverage|choose|select|build\s+on)\s+"
                         r"(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,3}(?:[\w\-]+\s*\(\s*)?$")
_BACKBONE_KEYS = ("backbone", "foundation model", "base model", "encoder", "base network", "base llm", "feature extractor",
                  "teacher")
#: the passive form after the proposal: "a Swin Transformer is adopted as the backbone", "Y is employed as the feature
#: extractor" (the sentence names no other subject; lower-cased text after Y)
_PASSIVE_BACKBONE = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:is|are|was|were)\s+(?:first\s+|also\s+|then\s+)?"
                               r"(?:adopted|employed|used|utili[sz]ed|leveraged|chosen|selected|taken|introduced)\s+as\s+"
                               r"(?:the\s+|our\s+|its\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}?(?:backbones?|base\s+models?|"
                               r"foundation\s+models?|(?:image\s+|text\s+|visual\s+)?encoders?|base\s+networks?|"
                               r"feature\s+extractors?)\b")


def _has_backbone_word(seg: str) -> bool:
    """A backbone noun in the lower-cased sentence ``seg`` (a substring test before the "Y as the backbone" rule)."""
    return any(k in seg for k in _BACKBONE_KEYS)


#: "X leverages a sparse Y backbone", "with Y as the backbone" in the proposal sentence
_BACKBONE_AFTER = re.compile(r"\s+(?:backbones?|base\s+models?|as\s+(?:the\s+|its\s+|a\s+)?(?:backbone|base\s+model))\b", re.I)


#: the words of a spelled-out name before the method it ends in: a modifier word, no preposition before the base
_NAME_ENDS_WITH = re.compile(r"(?<![\w\-])(?!(?:in|of|with|on|to|from|by|via|and|or|the|a|an)\s$)[\w\-]+\s$", re.I)
_GLUED_PREFIX = re.compile(r"(?:^|[\s\-_/+])[A-Z][a-z]{2,}$")


def derived_name(name: str, base: str) -> bool:
    """True when the name ``name`` is built from another method's name ``base``: a prefix or suffix joined by
    "-", "+", a space, a version or an upper-case letter ("FM-LoRA", "EmbodiedOcc++", "FiTv2", "LLaMAX").

    >>> derived_name("FM-LoRA", "LoRA"), derived_name("FiTv2", "FiT"), derived_name("EmbodiedOcc++", "EmbodiedOcc")
    (True, True, True)
    >>> derived_name("BERTology", "BERT"), derived_name("ViT", "ViT"), derived_name("DeViT", "ViT")
    (False, False, False)
    >>> derived_name("Style Transformer for Authors", "Transformer")  # a spelled-out name, not a derived one
    False
    >>> derived_name("PUP 3D-GS", "3D-GS"), derived_name("Enhanced HOPE", "HOPE")
    (True, False)
    >>> derived_name("PruneViT", "ViT"), derived_name("MedSAM", "SAM"), derived_name("Prunevit", "vit")
    (True, True, False)
    """
    if len(base) < 3 or len(name) <= len(base) or not base[0].isalnum():
        return False
    if " " in name and not all(any(c.isdigit() for c in w) or any(c.isupper() for c in w[1:]) for w in name.split()):
        return False  # "Enhanced HOPE", "Style Transformer for X": a phrase, not a derived name ("PUP 3D-GS" is one)
    i = name.find(base)
    while i >= 0:
        before, after = name[i - 1:i], name[i + len(base):]
        # "PruneViT", "DepthGCN": one capitalised word of 3+ letters put before an upper-case base
        glued = before.islower() and base[0].isupper() and _GLUED_PREFIX.search(name, 0, i) is not None
        if (not before or before in " -_/+" or glued) and (not after or after[0] in " -_/+" or after[0].isdigit() or
                                                  after[0].isupper() or (after[0] == "v" and after[1:2].isdigit())):
            return True
        i = name.find(base, i + 1)
    return False


#: "-based" and kin right after a method name: "a Transformer-based ... network (X)"
_COMPOUND = re.compile(r"-(?:based|inspired|guided|powered|driven|enhanced|augmented|assisted)\b", re.I)
#: from the compound to the name it describes: the noun phrase, then "(X)" or "called X", or X right after
_COMPOUND_TO = re.compile(r"(?:(?!(?<![\w\-])(?:to|for|that|which|with|from|into|of|by|on|in)(?![\w\-]))[^,;:.()])"
                          r"{0,80}?(?:\(\s*|\b(?:called|named|dubbed|termed)\s+)|\s*(?:(?!and\b|or\b)[a-z][\w\-]*\s+)?")
#: well-known architecture families a compound names even though they are not acronyms: "a Transformer-inspired
#: architecture", "a diffusion transformer-based model" (a generic word like "graph" or "attention" is no family)
_ARCH_FAMILY = re.compile(r"(?:(?:vision|diffusion|graph|video|spatio-temporal)\s+)?transformers?|u-?nets?|"
                          r"(?:convolutional|recurrent|graph|spiking|physics-informed)\s+neural\s+networks?|"
                          r"diffusion\s+models?|state[\s\-]space\s+models?|mamba|"
                          r"(?:large\s+)?language\s+models?|autoencoders?|normalizing\s+flows?", re.I)
_FAMILY_KEYS = ("transformer", "u-net", "unet", "neural network", "diffusion model", "space model", "mamba",
                "autoencoder", "normalizing flow")  # no "language model": "X, a compact language model" is what X is
_INNER_KEYS = ("-based", "-inspired", "-guided", "-powered", "-driven")
_INNER_COMPOUND = re.compile(r"(?<![\w\-])([\w][\w\s.\-]{0,40}?)-(?:based|inspired|guided|powered|driven)\b", re.I)


def basis_family(name: str) -> bool:
    """A name a compound ("Y-based") may rest on: specific (an acronym, CamelCase, a digit) or a well-known
    architecture family.

    >>> basis_family("ViT"), basis_family("Transformer"), basis_family("vision transformers"), basis_family("graph")
    (True, True, True, False)
    """
    return specific_name(name) or _ARCH_FAMILY.fullmatch(name) is not None


def compound_forms(text: str, known: list[MentionT]) -> dict[str, MentionT]:
    """Lower-cased surface forms and names of the method mentions ``known`` (no compounds themselves)."""
    by_form: dict[str, MentionT] = {}
    for m in known:
        for f in (text[m[0]:m[1]], m[3]):
            if "-" not in f or not _INNER_COMPOUND.search(f):
                by_form.setdefault(f.lower(), m)
    return by_form


def name_compound_bases(text: str, methods: list[MentionT], by_form: dict[str, MentionT]) -> list[tuple[MentionT, MentionT]]:
    """(X, Y) for a method mention X whose own words say what it is built on: "Y-based/-inspired/-guided ..."
    where Y is another method of the text (``by_form``: :func:`compound_forms` of its method mentions)
    ("a Transformer-based point network (PNet)" -> PNet BASED_ON Transformer; "a MatX-based ViT (MatViT)" ->
    BASED_ON MatX).

    >>> t = "We use a Transformer. We propose a Transformer-based point network."
    >>> ms = [(9, 20, "Method", "Transformer"), (35, 65, "Method", "Transformer-based point network")]
    >>> [(x[3], y[3]) for x, y in name_compound_bases(t, ms[1:], compound_forms(t, ms))]
    [('Transformer-based point network', 'Transformer')]
    >>> t = "We use CLIP. We propose CLIP-guided test-time training (CTT)."
    >>> ms = [(7, 11, "Method", "CLIP"), (24, 54, "Method", "CLIP-guided test-time training"), (56, 59, "Method", "CTT")]
    >>> [(x[3], y[3]) for x, y in name_compound_bases(t, ms[1:], compound_forms(t, ms))]
    [('CTT', 'CLIP')]
    """
    out: list[tuple[MentionT, MentionT]] = []
    for x in methods:
        surf = text[x[0]:x[1]]
        if "-" not in surf:
            continue
        for cm in _INNER_COMPOUND.finditer(surf):
            words = cm.group(1).split()
            if not surf[cm.end():].strip() or len(surf[:cm.start(1)].split()) > 2:
                continue  # "Y-guided" alone, or a long phrase before the compound: no name of a method
            # the longest tail of the words before "-based" that names another method ("efficient ViT-based")
            # the short form in a parenthesis right after the long one names the method ("... network (PNet)")
            z = next((m for m in methods if m[0] > x[1] and re.fullmatch(r"\s*\(\s*", text[x[1]:m[0]])), x)
            for k in range(len(words)):
                y = by_form.get(" ".join(words[k:]).lower())
                if y is not None and y[3] != x[3] and y[3] != z[3] and basis_family(y[3]):
                    out.append((z, y))
                    break
    return out


#: "X, a (novel ...) ", "X, or ACR, as a novel ", "X - a series of ": an appositive right after the name X
_APPOS_LEAD = re.compile(r"(?:\s+(?:family|series|suite))?\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:or\s+[^,;()]{1,25},\s*)?(?:as\s+)?|\s+as\s+|\s+[\-\u2013\u2014]\s+)"
                         r"(?:which\s+is\s+)?(?:an?|the)\s+(?:(?!for\b|of\b|with\b|to\b|that\b|which\b|and\b|\w+ing\b)[\w\-]+,?\s+"
                         r"(?:and\s+)?){0,4}(?P<of>(?:series|family|variant|version|kind|class)\s+of\s+(?:the\s+)?)?")
#: "X, a fast transformer model", "X - a new family of small vision transformers": an appositive of the paper's
#: method naming the architecture family it is built as (:data:`_ARCH_FAMILY`; "-based" compounds are elsewhere)
_APPOS_FAMILY = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:which\s+is\s+)?|\s+[\-\u2013\u2014]\s+)(?:an?|the)\s+"
    r"(?:(?!for\b|of\b|with\b|to\b|that\b|which\b|and\b|on\b|in\b|\w+ing\b)[\w\-]+,?\s+(?:and\s+)?){0,4}?"
    r"(?:(?:series|family|suite|class|variant)\s+of\s+(?:(?!for\b|of\b|with\b|to\b|that\b|which\b|on\b|in\b)[\w\-]+,?\s+"
    r"(?:and\s+)?){0,4}?)?"
    r"(?P<fam>(?i:" + _ARCH_FAMILY.pattern.replace(r"(?:large\s+)?language\s+models?|", "") + r"))(?![\w\-])")
#: what the appositive is: "a compact BERT model", "a novel low-rank adaptation method"
_MODEL_NOUN = re.compile(r"(?:\s+[a-z][\w\-]*)?\s+(?:models?|architectures?|variants?|backbones?|designs?|networks?|methods?|"
                         r"family|extensions?|versions?|encoders?|LLMs?|language\s+models?)\b")


def generic_phrase(name: str, text: str) -> bool:
    """A lower-case phrase that names a family, not the paper's own method ("large language models"); a lower-case
    long form the text defines with an acronym ("retrieval-based in-context learning (R-ICL)") is a name.

    >>> generic_phrase("large language models", "We use large language models (LLMs)."), generic_phrase("XNet", "")
    (True, False)
    >>> generic_phrase("retrieval-based in-context learning", "a retrieval-based in-context learning (R-ICL) framework")
    False
    """
    if not name.islower():
        return False
    if name.endswith("s"):
        return True
    # = not re.search(re.escape(name) + _ACRONYM_AFTER.pattern, text), without compiling a pattern per name
    i = text.find(name)
    while i != -1:
        if _ACRONYM_AFTER.match(text, i + len(name)):
            return False
        i = text.find(name, i + 1)
    return True


_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Za-z0-9\-]*[A-Z]")


def specific_name(name: str) -> bool:
    """A name that points at one model family (an acronym, CamelCase, a digit), not a generic word.

    >>> specific_name("BERT"), specific_name("LoRA"), specific_name("Transformer"), specific_name("graph neural network")
    (True, True, False, False)
    """
    return _SPECIFIC.search(name) is not None


_SPECIFIC = re.compile(r"\d|.[A-Z]")


def proposal_start(low: str, sentences: list[tuple[int, int]], named_at: list[int]) -> int | None:
    """Start offset of the first sentence that introduces the paper's method (a proposal cue, or a
    mention of the proposed name at one of the offsets ``named_at``), or ``None`` when no sentence does.

    >>> t = "Parsing is hard. We propose XNet. It works."
    >>> proposal_start(t.lower(), [(0, 16), (17, 33), (34, 43)], [])
    17
    """
    for s, e in sentences:
        if _PROPOSAL_L.search(low, s, e) or any(s <= p < e for p in named_at):
            return s
    return None


#: a verb or preposition that says the paper's method is built from / works through the method after it
#: (lower-cased text): "X uses / leverages / integrates / is fine-tuned from / builds on (a frozen) Y", "X, which
#: employs Y", "our framework, built upon Y", "X ... with a Y backbone"
_USE_CUE = re.compile(r"\b(?:(?P<strong>us(?:e|es|ed|ing)|utili[sz](?:e|es|ed|ing)|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|"
                      r"leverag(?:e|es|ed|ing)|exploit(?:s|ed|ing)?|rel(?:y|ies|ied)\s+on|relying\s+on|integrat(?:e|es|ed|ing)|"
                      r"incorporat(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|fus(?:e|es|ing)|equip(?:s|ped|ping)?(?:\s+with)?|"
                      r"augment(?:s|ed|ing)?|extend(?:s|ed|ing)?|build(?:s|ing)?\s+(?:up)?on|built\s+(?:up)?on|"
                      r"fine-?\s?tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing)|initiali[sz](?:e|es|ed|ing)|based\s+on|on\s+top\s+of|"
                      r"atop|distill(?:s|ed|ing)?|adapt(?:s|ed|ing)?|instantiat(?:e|es|ed|ing)|powered\s+by|driven\s+by|"
                      r"conditions)|(?P<weak>with|via|through|from))\b")
#: what may stand between the subject and its verb: an acronym in brackets, ", which", adverbs, "first", a short
#: auxiliary ("is built on", "can be fine-tuned from"), not another clause or a comparison
_USE_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:which|that)\s+|\s+(?:which|that)\s+|,\s*)?"
                      r"(?:(?:is|are|was|were|has|have|been|be|can|could|may|first|also|further|then|additionally|"
                      r"effectively|seamlessly|explicitly|jointly|directly|mainly|primarily|simply|only|efficiently|"
                      r"[a-z]+ly)\s+){0,4}$")
#: the tail is compared or replaced, not built on ("than Y", "unlike Y", "instead of Y", "existing Y")
_NOT_BASIS = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|exceed\w*|vs\.?|versus|compar\w*|against|unlike|"
                        r"relative\s+to|instead\s+of|rather\s+than|replac\w*|alternatives?\s+to|beyond|existing|prior|"
                        r"previous|conventional|traditional|baselines?|on\s+par\s+with|competitive(?:ly)?\s+with|rival\w*|in\s+contrast|without|not|no|"
                        r"limitations?\s+of|evaluat\w*|benchmark\w*|depart\w*\s+from|differs?\s+from)\b")
#: a part the paper introduces itself ("a novel Fusion module", "our proposed encoder"): not a method it builds on
_NOVEL_BEFORE = re.compile(r"\b(?:novel|new|proposed|our|innovative|dedicated|custom|newly)\s+(?:[\w\-]+\s+){0,3}$")
_NOVEL_AFTER = re.compile(r"\s*\)?\s*(?:\([^()]{1,30}\)\s*)?,\s*(?:an?|our)\s+(?:novel|new|proposed)\b")  # "Y (ACR), a novel RL algorithm"
_COMPONENT_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:modules?|blocks?|components?|mechanisms?|layers?|units?)\b", re.I)
#: the tail's job is a tool's, not a part of the method: "Y to generate data", "Y as a judge"
_TOOL_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:to\s+(?:generate|annotate|label|evaluate|judge|synthesi[sz]e|create|"
                         r"score|rate|simulate)|as\s+(?:an?\s+|the\s+)?(?:judges?|evaluators?|annotators?|graders?|critics?|"
                         r"baselines?|oracles?|labelers?))\b", re.I)
_USE_KEYS = ("use", "usi", "utili", "employ", "adopt", "leverag", "exploit", "relie", "relying", "integrat", "incorporat",
             "combin", "fuse", "fusing", "equip", "augment", "extend", "buil", "tun", "initiali", "based on", "top of",
             "atop", "distill", "adapt", "instantiat", "powered", "driven", "plug", "conditions", "with", "via", "through",
             "from", "frozen")
#: "a frozen Y (encoder)": a model the paper's method keeps fixed and builds on (lower-cased, before Y)
_FROZEN_BEFORE = re.compile(r"\bfrozen\s+(?:(?:and\s+)?(?:pre-?trained|off-the-shelf|large|open-source)\s+)?$")


def uses_basis(text: str, low: str, s: int, e: int, ments: list[MentionT], proposed: str,
               is_proposal: bool, earlier: frozenset[str] = frozenset()) -> list[tuple[MentionT, MentionT, str]]:
    """(X, Y, rule) for the paper's method X built on / using another method Y in the sentence ``text[s:e]``.

    The head is a mention of ``proposed``: its name, "our method / the proposed framework" or "we"
    (``ments`` holds those pseudo-mentions); a cue verb follows it, with only an acronym, ", which" or an
    auxiliary in between ("X (ACR), which is built upon Y", "our framework leverages a frozen Y"), and Y is that
    verb's object (a list "A, B and C" gives each; ``uses_object``: a known method further in a strong verb's
    object, "integrates pre-trained A and iterative Y tuning"). Rules: ``uses_named`` (the name or "our method" is the
    subject), ``uses_we`` ("we fine-tune / build on / adopt Y": strong verbs only), ``uses_with`` ("X ... with /
    via / through / from Y"), and in the proposal sentence ``proposal_any``: any specific method named after X
    ("we propose X, a loop in which Code Llama reads its own failures"; not after "for / in / on / of": "a pruning
    method tailored for Y" names what X works on). ``uses_with`` and ``proposal_any`` need a
    known Y: a catalog method, an architecture family, or a name of an earlier sentence (``earlier``), not a part
    the sentence introduces ("integrating A (AA) and B (BB)"). Not a compared or replaced method
    ("than / unlike / instead of Y" between), a part the paper introduces ("a novel Y module"), a tool ("Y to
    generate data", "Y as a judge"), a name inside X's own brackets, or a name containing X's.

    >>> t = "We propose ZNet. ZNet leverages a frozen CLIP encoder and outperforms BLIP."
    >>> ms = [(11, 15, "Method", "ZNet"), (17, 21, "Method", "ZNet"), (41, 45, "Method", "CLIP"), (70, 74, "Method", "BLIP")]
    >>> [(x[3], y[3], r) for x, y, r in uses_basis(t, t.lower(), 17, len(t), ms[1:], "ZNet", False)]
    [('ZNet', 'CLIP', 'uses_named')]
    >>> t = "We propose ZNet, a loop in which Qwerty-3 fixes its own code, unlike CodeT5."
    >>> ms = [(11, 15, "Method", "ZNet"), (33, 41, "Method", "Qwerty-3"), (69, 75, "Method", "CodeT5")]
    >>> [(x[3], y[3], r) for x, y, r in uses_basis(t, t.lower(), 0, len(t), ms, "ZNet", True, frozenset({"Qwerty-3"}))]
    [('ZNet', 'Qwerty-3', 'proposal_any')]
    >>> uses_basis(t, t.lower(), 0, len(t), ms, "ZNet", True)  # Qwerty-3 named nowhere before and in no catalog
    []
    """
    out: list[tuple[MentionT, MentionT, str]] = []
    methods = [m for m in ments if m[2] == "Method"]
    heads = [m for m in methods if m[3] == proposed]
    if not heads:
        return out
    key = proposed.lower()
    others = [m for m in ments if m[2] != "Method"]

    def ok_tail(x: MentionT, y: MentionT, gap_from: int) -> bool:
        if y[3] == proposed or key in y[3].lower() or y[0] == y[1]:
            return False
        if any(o[0] < y[1] and y[0] < o[1] for o in others):
            return False  # also a dataset / task / metric
        if _NOT_BASIS.search(low, gap_from, y[0]) or _NOT_BASIS.search(low, max(s, y[0] - 25), y[0]):
            return False
        if _NOVEL_BEFORE.search(low, max(s, y[0] - 40), y[0]) or _TOOL_AFTER.match(text, y[1], e) or \
                _NOVEL_AFTER.match(low, y[1], e):
            return False
        z = next((z for z in methods if z[3] == y[3] and z[1] < y[0] and _BRACKETED.fullmatch(text, z[1], y[0])), y)
        if " " in y[3] and sum(w[:1].isupper() for w in y[3].split()) >= 2 and (
                _COMPONENT_AFTER.match(text, y[1], e) or _ACRONYM_AFTER.match(text, z[1], e) and not known(y)):
            return False  # "a Per-Instance Multi-View Fusion module", "the Target-aware Learning Mechanism (TLM)": its own part
        gap = text[x[1]:y[0]]
        if gap.lstrip().startswith("(") and ")" not in gap:
            return False  # "X (... Y ...)": a word of X's long form
        if any(z[0] > y[1] and _BRACKETED.fullmatch(text, y[1], z[0]) for z in methods):
            return False  # "the vanilla vision transformer (ViT-Base)": the bracketed name is the one meant
        if _ALIAS_GAP.search(low, x[1], y[0]) or _DATA_AFTER.match(text, y[1], e) or "judge" in y[3].lower():
            return False  # "X, termed as Y": X's other name; "Y training dataset": data
        # a lower-case phrase only as a catalog method in the singular ("randomized smoothing", "contrastive
        # learning"), not a family in the plural ("large language models")
        return not generic_phrase(y[3], text) or specific_name(y[3]) or (not y[3].endswith("s") and known(y))

    def known(y: MentionT) -> bool:
        if y[3] in earlier or _ARCH_FAMILY.fullmatch(y[3]):
            return True
        hit = catalog_lookup(y[3]) or catalog_lookup(text[y[0]:y[1]])
        return hit is not None and hit[0] == "Method"

    def lead(y: MentionT) -> int:
        """Where the phrase naming ``y`` starts: the long form before "(LLMs)", the first name of "A, B and Y"."""
        z = next((z for z in methods if z[3] == y[3] and z[1] < y[0] and _BRACKETED.fullmatch(text, z[1], y[0])), None)
        cur = z or y
        for m in reversed([m for m in methods if m[1] <= cur[0]]):
            if not _LIST_JOIN.fullmatch(text, m[1], cur[0]):
                break
            cur = m
        return cur[0]

    def sibling(x: MentionT, y: MentionT) -> bool:  # "X, Y and Z": listed with X, not a part of it
        prev = [m for m in methods if x[1] <= m[0] and m[1] <= y[0]]
        cur = x
        for m in [*prev, y]:
            if not _LIST.match(text[cur[1]:m[0]]) or len(text[cur[1]:m[0]]) > 40:
                return False
            cur = m
        return True

    seen: set[str] = set()
    dm = _DISCOURSE.match(text, s, e)
    lo = dm.end() if dm else s  # "In particular, X integrates ...": no prepositional phrase before X
    for x in heads:
        we = low[x[0]:x[1]] == "we"
        if not we and _EVAL_BEFORE.search(low, max(s, x[0] - 40), x[0]):
            continue  # "We evaluate X using A and B": A and B are test material
        lim = min(e, x[1] + 160)
        for cm in _USE_CUE.finditer(low, x[1], lim):
            if not _USE_GAP.fullmatch(low, x[1], cm.start()):
                if cm["weak"] is None or we or not _WEAK_GAP.fullmatch(low, x[1], cm.start()):
                    continue
            if we and cm["strong"] is None:
                continue
            if we and cm.group() in ("use", "using", "used", "with", "from", "based on", "driven by", "powered by", "conditions",
                                     "adapt", "adapted", "adapting"):  # "we use Y to ..." / "we adapt Y to T": often a tool
                continue
            if _NEG.search(text[max(s, cm.start() - 25):cm.start()]):
                continue
            rule = "uses_we" if we else "uses_named" if cm["strong"] else "uses_with"
            tails = _tails(text, ments, cm.end(), e, "Method", adjectives=True)
            if any(y[3] == proposed for y in tails) or (not we and x[0] > lo and _PP_BEFORE.search(text, max(lo, x[0] - 50), x[0])):
                break  # "integrates A, B and X" with X taken for the paper's method; "the model of X combines": no subject
            for y in tails:
                if y[3] not in seen and ok_tail(x, y, x[1]) and (rule != "uses_with" or known(y)):
                    seen.add(y[3])
                    out.append((x, y, rule))
            if cm["strong"] is not None:
                # the rest of a strong verb's object: "integrates pre-trained A and iterative B fine-tuning", "combines
                # the C model with the D technique" (up to the end of the object: "to", ", which", a participle)
                stop = _OBJECT_END.search(low, cm.end(), min(e, cm.end() + 150))
                end = stop.start() if stop else min(e, cm.end() + 150)
                for y in methods:
                    if cm.end() <= y[0] and y[1] <= end and y[3] not in seen and y not in tails and \
                            ok_tail(x, y, x[1]) and known(y):
                        seen.add(y[3])
                        out.append((x, y, "uses_object"))
            break
    if "frozen" in low[s:e]:
        # "X predicts the features of a frozen Y teacher", "we distil a frozen Y into ...": a fixed model X is built on
        x = heads[0]
        if not _EVAL_BEFORE.search(low, max(s, x[0] - 40), x[0]):
            for y in methods:
                if y[0] > x[1] and y[3] not in seen and y[0] - x[1] <= 200 and _FROZEN_BEFORE.search(low, max(s, y[0] - 40), y[0]) \
                        and ok_tail(x, y, x[1]):
                    seen.add(y[3])
                    out.append((x, y, "uses_frozen"))
    if is_proposal:
        x = next((m for m in heads if m[0] != m[1] and low[m[0]:m[1]] != "we"), None)
        if x is not None:
            for y in methods:
                if y[0] > x[1] and y[3] not in seen and y[0] - x[1] <= 200 and known(y) and ok_tail(x, y, x[1]) and \
                        not sibling(x, y) and not _MODIFIER_OF.match(text, y[1], e) and \
                        not _TARGET_BEFORE.search(text, max(s, lead(y) - 60), lead(y)):
                    seen.add(y[3])
                    out.append((x, y, "proposal_any"))
    return [(x, y, rule if rule == "uses_with" else "uses_family" if _ARCH_FAMILY.fullmatch(y[3]) else
             "uses_generic" if generic_phrase(y[3], text) and not specific_name(y[3]) else rule) for x, y, rule in out
            if y[3].lower() not in _DATA_TECHNIQUES]


#: lower-case techniques that make data, features or updates for a method rather than being a part it is built from
#: ("a pseudo-labeling strategy to generate labels", "extracts positional encodings", "adapts via gradient descent")
_DATA_TECHNIQUES = frozenset(("data augmentation", "pseudo-labeling", "pseudo-labelling", "pseudo labeling", "positional encoding",
                              "gradient descent", "stochastic gradient descent", "backpropagation", "data synthesis"))


#: after a specific method's name in the appositive of the paper's method: "(ACR)", at most one lower-case word that is no
#: process the name undergoes ("a GRPO post-training framework", not "a KV cache quantization method"), the kind noun
_PROCESS = (r"(?:[\w\-]+(?:tion|sion|ment|ance|ence|sis)|(?![\w\-]*training\s|fine-tuning\s)[\w\-]+ing|inference|attacks?|"
            r"defen[cs]es?|security|safety)\s")
#: the same process word right after a method's name ("Y compression method"): Y is what the method works on
_PROCESS_AFTER = re.compile(r"\s*(?:\(\s*[^()]{1,30}\)\s*)?" + _PROCESS)
_KIND_AFTER = re.compile(r"\s*(?:\(\s*[^()]{1,30}\)\s*)?(?:(?!" + _PROCESS + r")"
                         r"[a-z][\w\-]*\s+)?(?:frameworks?|systems?|pipelines?|approach|algorithms?|solvers?|models?|"
                         r"architectures?|variants?|networks?|methods?|agents?|techniques?|paradigms?|strateg(?:y|ies))\b")
#: "using / with Y as the backbone" (lower-cased, right before Y); "When leveraging Y as the teacher, X ..." (the opening)
_VIA_BEFORE = re.compile(r"\b(?:using|with|employing|adopting|taking|leveraging)\s+(?:the\s+|an?\s+)?(?:[\w\-.]+\s+){0,2}$")
_VIA_OPEN = re.compile(r"\s*(?:when\s+)?(?:using|with|employing|adopting|taking|leveraging)\s+(?:the\s+|an?\s+)?(?:[\w\-.]+\s+){0,2}$")
#: Y's role after it: the backbone, base model, encoder or teacher (not a teacher making data: "as a teacher to generate")
_AS_ROLE = re.compile(r"\s*\)?\s*(?:\([^()]{1,30}\)\s*)?as\s+(?:the\s+|our\s+|its\s+|an?\s+)?(?:[\w\-]+\s+){0,2}?"
                      r"(?:backbones?|base\s+models?|foundation\s+models?|encoders?|base\s+networks?|base\s+LLMs?|"
                      r"teachers?(?:\s+models?)?(?!\s+to\s+(?:generate|create|annotate|label|synthesi[sz]e|produce|write)))\b", re.I)
#: "we build / implement X upon Y" (lower-cased): the verb before X, the preposition after it
_WE_BUILD_BEFORE = re.compile(r"\bwe\s+(?:\w+ly\s+|then\s+|further\s+)?(?:build|built|construct|develop|implement|instantiate)\s+"
                              r"(?:our\s+)?$")
_UPON_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:(?:up)?on(?:\s+top\s+of)?|atop)\s+")
_THEN_SUBJECT = re.compile(r"[^,;.]{0,40},\s*(?:the\s+proposed\s+|our\s+)?")


def _catalog_method(name: str) -> bool:
    hit = catalog_lookup(name)
    return hit is not None and hit[0] == "Method"


#: the name-giving words right before the paper's method: "a novel T framework, termed X", "a KD method called X",
#: "an approach which we call X" (optionally a LaTeX command around the name: "termed \\textbf{X}")
_CALLED_BEFORE = re.compile(r"\s*,?\s*(?:(?:which|that)\s+(?:is\s+|we\s+)?)?(?:called|termed|named|dubbed|coined|call|term|name|dub)"
                            r"\s+(?:as\s+)?(?:\\\w+\{)?$")
#: the last article of the noun phrase before those words: no clause break, bracket or second article after it
_NP_ARTICLE = re.compile(r"\b(?:an?|our)\s+(?:(?!(?:an?|the|our|we|which|that|is|are|and\s+(?:we|an?|the))\b)[^,;:.()]"
                         r"|,(?=\s*(?:[\w\-]+\s+){0,2}(?:and\s+)?[\w\-]+\s))*$")

#: the words of that phrase before a method or task it names as a kind ("a simple and effective KD method", "a novel
#: point-pair-based pose tracking framework"): as :data:`_APPOS_LEAD` / :data:`_APPOS_COMPOUND` after the name
_NAMED_LEAD = re.compile(r"(?:an?|our)\s+(?:(?!for\b|of\b|with\b|to\b|that\b|which\b|and\b|\w+ing\b)[\w\-]+,?\s+(?:and\s+)?){0,4}")
_NAMED_COMPOUND = re.compile(r"(?:an?|our)\s+(?:(?!(?:that|which|for|of|with|by|to|in|on|and|or)\b)[\w\-]+,?\s+){0,5}")
#: a task at the end of the phrase, then the name-giving words: "... pose tracking framework, termed X", "... for T, called X"
_CALLED_NEXT = re.compile(r"(?:\s+[a-z][\w\-]*){0,2}" + _CALLED_BEFORE.pattern)


def named_phrase(text: str, s: int, x: MentionT) -> int | None:
    """Where the noun phrase that the paper's method ``x`` is the name of starts, when the name comes after it:
    "we propose a novel pose tracking framework, termed X" (the article's offset), else ``None``. The rules that read
    an appositive after the name ("X, a novel T framework") read this phrase the same way.

    >>> t = "We propose a simple and effective KD method, called FastKD, for students."
    >>> a = named_phrase(t, 0, (52, 58, "Method", "FastKD")); t[a:43]
    'a simple and effective KD method'
    >>> named_phrase("We propose FastKD, a KD method.", 0, (11, 17, "Method", "FastKD")) is None
    True
    """
    cm = _CALLED_BEFORE.search(text, max(s, x[0] - 40), x[0])
    if cm is None:
        return None
    am = _NP_ARTICLE.search(text, max(s, cm.start() - 120), cm.start())
    return am.start() if am is not None and am.end() == cm.start() else None


def own_kind_basis(text: str, low: str, s: int, e: int, methods: list[MentionT],
                   proposed: str) -> list[tuple[MentionT, MentionT, str]]:
    """(X, Y, rule) for the paper's method X named in the sentence ``text[s:e]`` as a kind of another method Y.

    * ``appositive_kind``: X's appositive names a specific method before its kind noun: "X, a novel Gaussian
      Splatting framework", "X (ACR), an efficient Mixture-of-Experts (MoE) language model" (a family word as Y:
      ``uses_family``; not "a KV cache quantization method": Y is what X works on);
    * ``as_backbone``: "X achieves ... using / with Y as the backbone / base model / encoder / teacher" (no comparison
      between), "Using Y as the teacher, X ..." (not "Y as a teacher to generate data"), "we build X upon Y".

    >>> t = "We introduce ZNet, a novel query-centric graph RAG framework for search, using Qwen-7B as the backbone."
    >>> ms = [(13, 17, "Method", "ZNet"), (47, 50, "Method", "RAG"), (79, 86, "Method", "Qwen-7B")]
    >>> [(x[3], y[3], r) for x, y, r in own_kind_basis(t, t.lower(), 0, len(t), ms, "ZNet")]
    [('ZNet', 'RAG', 'appositive_kind'), ('ZNet', 'Qwen-7B', 'as_backbone')]
    >>> t = "Using Qwen-7B as the teacher, ZNet matches it."
    >>> [(x[3], y[3], r) for x, y, r in own_kind_basis(t, t.lower(), 0, len(t), [(6, 13, "Method", "Qwen-7B"),
    ...                                                                          (30, 34, "Method", "ZNet")], "ZNet")]
    [('ZNet', 'Qwen-7B', 'as_backbone')]
    >>> t = "We build ZNet upon Qwen-7B."
    >>> [(y[3], r) for x, y, r in own_kind_basis(t, t.lower(), 0, len(t), [(9, 13, "Method", "ZNet"), (19, 26, "Method", "Qwen-7B")], "ZNet")]
    [('Qwen-7B', 'as_backbone')]
    >>> t = "We present ZNet, an accurate KV cache quantization method."
    >>> own_kind_basis(t, t.lower(), 0, len(t), [(11, 15, "Method", "ZNet"), (29, 37, "Method", "KV cache")], "ZNet")
    []
    """
    out: list[tuple[MentionT, MentionT, str]] = []
    heads = [m for m in methods if m[3] == proposed]
    for x in heads:
        if x[0] == x[1] or low[x[0]:x[1]] == "we":
            continue
        y = next((m for m in methods if m[0] >= x[1] and m[3] != proposed), None)
        if y is None or y[0] - x[1] > 120 or _COMPOUND.match(text, y[1], e) or not _APPOS_LEAD.fullmatch(text, x[1], y[0]):
            continue
        acr = next((m for m in methods if m[3] == y[3] and m[0] > y[1] and _BRACKETED.fullmatch(text, y[1], m[0])), None)
        if not (specific_name(text[y[0]:y[1]]) or acr is not None and specific_name(text[acr[0]:acr[1]])) or \
                not (_catalog_method(text[y[0]:y[1]]) or _catalog_method(y[3])) or y[3].lower().endswith("learning"):
            continue  # only a method the catalog knows ("RAG", "Thompson Sampling"), not a paradigm ("an SSL framework")
        if _KIND_AFTER.match(text, y[1], e) and not _ARCH_FAMILY.fullmatch(y[3]):  # a family: ``appositive_family``
            out.append((x, y, "appositive_kind"))
        break
    for x in heads:
        # the same phrase before the name: "a simple and effective KD method, called X", "a novel Gaussian Splatting
        # framework, termed X"
        a = named_phrase(text, s, x)
        y = next((m for m in methods if a <= m[0] and m[1] <= x[0] and m[3] != proposed), None) if a is not None else None
        km = _KIND_AFTER.match(text, y[1], e) if y is not None and _NAMED_LEAD.fullmatch(text, a, y[0]) else None
        if km is None or not _CALLED_BEFORE.fullmatch(text, km.end(), x[0]) or _ARCH_FAMILY.fullmatch(y[3]):
            continue
        if (specific_name(text[y[0]:y[1]]) and (_catalog_method(text[y[0]:y[1]]) or _catalog_method(y[3])) and
                not y[3].lower().endswith("learning")):
            out.append((x, y, "appositive_kind"))
        break
    for x in heads:
        um = _UPON_AFTER.match(low, x[1], e) if _WE_BUILD_BEFORE.search(low, max(s, x[0] - 40), x[0]) else None
        if um is not None:  # "We build X upon Y and Z"
            out += [(x, y, "as_backbone") for y in _tails(text, methods, um.end(), e, "Method", adjectives=True)
                    if y[3] != proposed]
            break
    if heads and (_has_backbone_word(low[s:e]) or "teacher" in low[s:e]):
        x = heads[0]
        for y in methods:
            rm = _AS_ROLE.match(text, y[1], e) if y[3] != proposed else None
            if rm is None:
                continue
            if y[0] > x[1] and y[0] - x[1] <= 200 and _VIA_BEFORE.search(low, max(s, y[0] - 40), y[0]) and \
                    not _NOT_BASIS.search(low, x[1], y[0]):
                out.append((x, y, "as_backbone"))
            elif y[1] < x[0] and _VIA_OPEN.fullmatch(low, s, y[0]):
                # "When leveraging Y as the teacher, X matches ...": the opening phrase of X's sentence
                sm = _THEN_SUBJECT.match(low, rm.end(), e)
                if sm is not None and any(h[0] == sm.end() for h in heads):
                    out.append((x, y, "as_backbone"))
    return out


_LIST_JOIN = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s*or)\s*")
#: a longer gap before a weak cue: "X first produces a ... map with Y" (no clause break, no other name is checked
#: by the caller's tails)
_WEAK_GAP = re.compile(r"[^;.!?]{0,80}$")
#: the name only modifies a noun that is no part of a model ("LLM compression", "ICA performance", "REST API")
_MODIFIER_OF = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?!(?:models?|networks?|architectures?|backbones?|encoders?|decoders?|"
                          r"frameworks?|layers?|blocks?|modules?|priors?|features?|representations?|teachers?|students?|"
                          r"weights|agents?|based|style|branch(?:es)?|heads?|variants?|family|series|and|or|as|with|to|for|in|"
                          r"on|of|via|by|from|into|that|which|the|an?|is|are|was|were|between|through|while|at)\b)"
                          r"(?:[a-z][a-z\-]*(?:ions|ings|ments|ness)|[a-z][a-z\-]*[^s\W])\b")  # "Y reads ...": a verb, not a noun
#: the proposal sentence names Y as what X works on, not what it is built from: "a pruning method tailored for Y",
#: "attacks on Y systems", "within Y", "problems of Y"
_TARGET_BEFORE = re.compile(r"\b(?:for|in|within|on|of|to|across|towards?|against)\s+(?!which\b|whom\b)"
                            r"(?:(?:[a-z][\w\-]*\s+){0,3}|(?:[\w\-]+\s+){0,2})$|\b(?:generated|produced|written|created)\s+by\s+$")
#: the paper's method is the object of an evaluation, not a subject: "We evaluate X using A, B and C"
_EVAL_BEFORE = re.compile(r"\b(?:evaluat|test|validat|benchmark|demonstrat|assess|compar|apply|appli)\w*\s+(?:\w+\s+){0,2}$")
#: where a verb's object ends (lower-cased): "to", a relative clause, a participle or a new clause
_OBJECT_END = re.compile(r"[;:]|\.\s|\s(?:to|which|that|where|while|whereas|but|so|thereby|achiev\w*|outperform\w*|"
                         r"demonstrat\w*|evaluat\w*|show\w*|validat\w*|across)\s|"
                         r",\s*(?:and\s+)?(?:we|it|they|which|where|while|thereby|\w+ing)\b")
_ALIAS_GAP = re.compile(r"\b(?:called|termed|named|dubbed|abbreviated|coined|short\s+for|i\.e\.|or)\b")
_DATA_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:\\emph\{)?(?:training\s+|test\s+)?(?:datasets?|benchmarks?|corpus|corpora|data)\b",
                         re.I)


#: "X (Long Form Of X) for T" / "X (Long Form), for T": a long form too long for :data:`_FOR`'s bracket
_LONG_FOR = re.compile(r"\s*\([^()]{21,90}\)\s*,?\s*for\s+(?:the\s+)?(?:(?:task|problem)\s+of\s+)?(?:[a-z][\w\-]*\s+){0,2}")
#: "we evaluate X on (the) downstream tasks of / such as T1, T2 and T3"
_ON_TASKS = re.compile(r"\s+(?:on|across)\s+(?:the\s+|several\s+|various\s+|multiple\s+)?(?:[a-z][\w\-]*\s+){0,2}?tasks?"
                       r"\s*(?:,\s*)?(?:of|such\s+as|including|like|namely|:)\s+(?:the\s+)?")
_EVALUATE_BEFORE = re.compile(r"\b(?:we|they)\s+(?:also\s+|further\s+|then\s+|additionally\s+)?(?:evaluat|test|validat|assess|benchmark)"
                              r"(?:e|es|ed|ing)?\s+(?:the\s+|our\s+)?$", re.I)
#: "X (consistently) outperforms existing / state-of-the-art T methods": the compared methods are methods for T
_BEATS_BEFORE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:also|further|consistently|significantly|substantially|clearly|"
                           r"greatly|largely|notably|remarkably)\s+)?(?:outperforms?|surpass(?:es)?|beats?)\s+(?:all\s+|the\s+|both\s+)?"
                           r"(?:existing|prior|previous|current|other|state-of-the-art|sota|leading|strong|recent|mainstream|"
                           r"conventional|traditional|competing|baseline)\s+(?:[a-z][\w\-]*\s+){0,2}?$", re.I)
_METHODS_AFTER = re.compile(r"\s+(?:methods?|models?|approaches|baselines|systems|algorithms|techniques|frameworks|"
                            r"detectors|networks|solutions|pipelines)\b")
_BEAT_KEYS = ("outperform", "surpass", "beat")


def own_task_forms(text: str, low: str, s: int, e: int, ments: list[MentionT],
                   proposed: str) -> list[tuple[MentionT, MentionT, str]]:
    """(head, task, rule) where one sentence says the paper's method ``proposed`` is for / applied to a task in
    one of three written forms the other rules miss:

    * "we propose X (Long Form Of X) for T" (a bracket longer than :data:`_FOR` takes) -> ``long_form_for``;
    * "we evaluate X on downstream tasks of T1, T2 and T3" (the first task; the caller adds the listed ones)
      -> ``evaluated_on_tasks``;
    * "X outperforms existing T methods" -> ``beats_task_methods`` (the compared methods are methods for T, so X is one).

    >>> t = "We evaluate XNet on downstream tasks of parsing and tagging."
    >>> ms = [(12, 16, "Method", "XNet"), (40, 47, "Task", "parsing"), (52, 59, "Task", "tagging")]
    >>> [(h[3], x[3], r) for h, x, r in own_task_forms(t, t.lower(), 0, len(t), ms, "XNet")]
    [('XNet', 'parsing', 'evaluated_on_tasks')]
    >>> t = "XNet consistently outperforms existing parsing methods."
    >>> [(h[3], x[3], r) for h, x, r in own_task_forms(t, t.lower(), 0, len(t), [(0, 4, "Method", "XNet"), (39, 46, "Task", "parsing")], "XNet")]
    [('XNet', 'parsing', 'beats_task_methods')]
    """
    out: list[tuple[MentionT, MentionT, str]] = []
    own = [m for m in ments if m[2] == "Method" and m[3] == proposed]
    for o in own:
        nxt = next((m for m in ments if m[0] >= o[1]), None)
        if nxt is None or nxt[2] != "Task" and "(" not in text[o[1]:o[1] + 3]:
            continue
        if text[o[1]:o[1] + 3].lstrip().startswith("("):
            # the long form may hold names of its own: the first task after the closing bracket
            close = text.find(")", o[1], min(e, o[1] + 95))
            t = next((m for m in ments if close > 0 and m[0] > close), None)
            if t is not None and t[2] == "Task" and _LONG_FOR.fullmatch(text, o[1], t[0]):
                out.append((o, t, "long_form_for"))
                continue
        if nxt[2] != "Task":
            continue
        if _ON_TASKS.fullmatch(text, o[1], nxt[0]) and _EVALUATE_BEFORE.search(text, max(s, o[0] - 40), o[0]) and \
                not _NEG.search(text[max(s, o[0] - 40):o[0]]):
            out.append((o, nxt, "evaluated_on_tasks"))
        elif _METHODS_AFTER.match(text, nxt[1], e) and _BEATS_BEFORE.fullmatch(text, o[1], nxt[0]) and \
                not _NEG.search(text[o[1]:nxt[0]]):
            out.append((o, nxt, "beats_task_methods"))
    return out


_BEAT_IN_KEYS = ("outperform", "surpass", "superior", "exceed")
_NOT_WORD = re.compile(r"\b(?:not|never|no|cannot|fails?|failed)\b|n't", re.I)
#: "X outperforms existing methods in T": the comparison, then "in T" at the end of the phrase (no second clause)
_BEAT_IN = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[\w\-]+\s+){0,2}?(?:outperform\w*|surpass\w*|exceed\w*|"
                      r"achiev\w*\s+superior)\b[^,;:()]{0,60}?\b(?:methods?|models?|approaches|baselines?|systems|algorithms|"
                      r"techniques|frameworks|counterparts|competitors|state[\s-]of[\s-]the[\s-]art|sota|results|performance)\b"
                      r"[^,;:()]{0,40}?\s(?:in|on|for)\s+(?:the\s+)?(?:(?:task|problem)s?\s+of\s+)?(?:the\s+)?$")


def paper_relations(text: str, low: str, s: int, e: int, ments: list[MentionT], proposed: str,
                    is_proposal: bool, after_proposal: bool,
                    clause: Callable[[int], tuple[int, int]]) -> list[tuple[MentionT, str, MentionT, str]]:
    """Relations of the paper's own method ``proposed`` read off one sentence where no other method is the subject.

    * the proposal sentence: tasks it names as the purpose ("we propose X, a T framework", "X for T",
      "To address T, we propose X") -> APPLIED_TO; "by fine-tuning Y", "built on a frozen Y" -> BASED_ON;
    * an evaluation sentence at or after the proposal (a result/evaluation word, no background wording):
      its datasets that are not training/source data -> EVALUATED_ON ("Experiments on D show ...",
      "our model reaches 80% in D"); its tasks after "in/on/for" -> APPLIED_TO.

    Another Method before the dataset in its clause that is not a compared baseline ("than Y",
    "against Y", "such as Y") means the sentence has its own subject: nothing is added for that dataset.
    ``ments`` holds the sentence's mentions, "our model"/"we" spans of ``proposed`` included.

    >>> t = "We propose XNet for parsing. Experiments on PTB show gains."
    >>> ms = [(11, 15, "Method", "XNet"), (20, 27, "Task", "parsing"), (44, 47, "Dataset", "PTB")]
    >>> one = lambda p: (0, 60)
    >>> [(h[3], typ, t[3]) for h, typ, t, _ in paper_relations(t, t.lower(), 0, 28, ms[:2], "XNet", True, True, one)]
    [('XNet', 'APPLIED_TO', 'parsing')]
    >>> [(h[3], typ, t[3]) for h, typ, t, _ in paper_relations(t, t.lower(), 29, 60, ms[2:], "XNet", False, True, one)]
    [('XNet', 'EVALUATED_ON', 'PTB')]
    """
    out: list[tuple[MentionT, str, MentionT, str]] = []
    methods = [m for m in ments if m[2] == "Method"]
    own = [m for m in methods if m[3] == proposed]
    if any(m[2] == "Dataset" and m[3] == proposed for m in ments):
        return out  # the paper's "method" is its dataset/benchmark

    def baseline(m: MentionT, cs: int, lists: bool = False) -> bool:
        if _is_tail(text, cs, m[0]) or _COMPARED_BEFORE.search(text, max(cs, m[0] - 60), m[0]):
            return True
        # ``lists``: "outperforms A, B and C": a name listed after a compared one is compared too
        p = next((p for p in reversed(methods) if p[1] <= m[0]), None) if lists else None
        return p is not None and p[0] >= cs and m[0] - p[1] <= 40 and bool(_LIST.match(text[p[1]:m[0]])) and \
            baseline(p, cs, lists)

    own_key = re.sub(r"[\W_]", "", proposed.lower())

    def subject_free(pos: int, whole: bool = False, but: MentionT | None = None, also: tuple[MentionT, ...] = (),
                     lists: bool = False) -> bool:
        cs, ce = (s, e) if whole else clause(pos)
        # "Y (Y-B)": the bracketed name and the one before it are one method
        pair = [x for x in methods if but is not None and (0 < but[0] - x[1] <= 3 and _BRACKETED.fullmatch(text, x[1], but[0]) or
                                                           0 < x[0] - but[1] <= 3 and _BRACKETED.fullmatch(text, but[1], x[0]))]
        return not any(cs <= m[0] < ce and m[3] != proposed and m != but and m not in pair and m not in also and
                       not baseline(m, clause(m[0])[0], lists)
                       and re.sub(r"[\W_]", "", m[3].lower()) != own_key for m in methods)

    head = own[0] if own else (s, s, "Method", proposed)
    if is_proposal and own:
        # "we propose X, a novel point cloud-guided framework for real-time multi-object segmentation"
        for t in ments:
            if t[2] != "Task" or t[3] == proposed:
                continue
            if any(o[1] < t[0] and _APPOS_FOR.fullmatch(text, o[1], t[0]) for o in own):
                out.append((own[0], "APPLIED_TO", t, "proposal_for"))
            elif any(o[1] < t[0] and t[0] - o[1] <= 200 and _APPOS_VIA_FOR.fullmatch(text, o[1], t[0]) and
                     not any(m[2] == "Task" and o[1] < m[0] < t[0] for m in ments) for o in own):
                # "we introduce X, an innovative framework leveraging Y for T": X, not only Y, is for T (not when the
                # appositive names X's own task first: "X, a stereo matching method that leverages Y for T2")
                out.append((own[0], "APPLIED_TO", t, "proposal_via_for"))
            elif _TASK_HEAD_AFTER.match(text, t[1], e) and not _HEAD_THEN_FOR.match(text, t[1], e) and \
                    any(o[1] < t[0] and _APPOS_COMPOUND.fullmatch(text, o[1], t[0]) for o in own):
                # "X, a novel category-level 6D pose estimation framework" (not "a federated learning framework for T":
                # then the compound names the paradigm and "for T" the task)
                out.append((own[0], "APPLIED_TO", t, "proposal_compound"))
        for o in own:
            # the phrase before the name: "a novel pose tracking framework, termed X", "a framework for T, called X"
            a = named_phrase(text, s, o)
            for t in ments if a is not None else ():
                if t[2] != "Task" or t[3] == proposed or not (a <= t[0] and t[1] <= o[0]):
                    continue
                hm = _TASK_HEAD_AFTER.match(text, t[1], e)
                if hm is not None and _NAMED_COMPOUND.fullmatch(text, a, t[0]) and _CALLED_BEFORE.fullmatch(text, hm.end(), o[0]):
                    out.append((o, "APPLIED_TO", t, "proposal_compound"))
                elif _NAMED_FOR.fullmatch(text, a, t[0]) and _CALLED_NEXT.fullmatch(text, t[1], o[0]):
                    out.append((o, "APPLIED_TO", t, "proposal_for"))
            if a is not None:
                break
    if is_proposal:
        for t in ments:
            if t[2] != "Task" or not subject_free(t[0]) and not own:
                continue
            cs, _ = clause(t[0])
            before = text[max(s, t[0] - 60):t[0]]
            if _PURPOSE_BEFORE.search(before) and not _DS_DATA_BEFORE.search(before[-25:]) or \
                    (_TASK_HEAD_AFTER.match(text, t[1], e) and re.search(r"\b(?:an?|the|our)\s+(?:[\w\-]+\s+){0,4}$", before,
                                                                         re.I)) or \
                    _PURPOSE_OPEN.fullmatch(text, s, t[0]):
                out.append((head, "APPLIED_TO", t, "proposal_task"))
        chains: list[list[MentionT]] = []  # a basis cue and the names listed after it: "integrating A, B (BB), and C"
        for m in methods:
            if m[3] == proposed:
                continue
            last = chains[-1][-1] if chains else None
            if last is not None and 0 <= m[0] - last[1] <= 60 and (_BASIS_LIST.fullmatch(text, last[1], m[0]) or
                                                                 _BRACKETED.fullmatch(text, last[1], m[0])):
                chains[-1].append(m)
            elif _BASIS_BEFORE.search(low, max(s, m[0] - 80), m[0]) or _BACKBONE_AFTER.match(text, m[1], e):
                chains.append([m])
        for chain in chains:
            for m in chain:
                if subject_free(m[0], whole=True, but=m, also=tuple(chain), lists=True) and \
                        not any(_BRACKETED.fullmatch(text, m[1], x[0]) for x in methods):
                    out.append((head, "BASED_ON", m, "proposal_basis"))
    if after_proposal and _has_backbone_word(low[s:e]):
        # "we utilize the vanilla ViT (ViT-B) as the pre-trained foundation model": the method is built on it
        for m in methods:
            passive = _PASSIVE_BACKBONE.match(low, m[1], e) is not None
            if m[3] != proposed and (passive or _AS_BACKBONE.match(text, m[1], e) and
                                     _USE_BEFORE.search(low, max(s, m[0] - 60), m[0])) \
                    and subject_free(m[0], whole=not passive, but=m) and \
                    not any(_BRACKETED.fullmatch(text, m[1], x[0]) for x in methods):  # "Y (Y-B)": Y-B is the one
                out.append((head, "BASED_ON", m, "backbone_basis"))
    if not after_proposal or not any(m[2] in ("Dataset", "Task") for m in ments) or not _has_eval_word(low, s, e):
        return out
    named = bool(own) or any(o[0] != o[1] for o in ments if o[2] == "Method" and o[3] == proposed)
    exp_end = -1  # end of the last task of "experiments on T1, T2 and T3"
    for d in ments:
        if d[2] not in ("Dataset", "Task") or d[3] == proposed:
            continue
        if d[2] == "Task" and exp_end >= 0 and _TASK_JOIN.fullmatch(text, exp_end, d[0]):
            out.append((head, "APPLIED_TO", d, "experiments_task"))
            exp_end = d[1]
            continue
        cs, ce = clause(d[0])
        before = text[max(cs, d[0] - 60):d[0]]
        data = _DS_DATA_BEFORE.search(before)
        if data and data.group().startswith("from") and _EVAL_FROM.search(before):
            data = None  # "on scenes from D": the items of an evaluation, not training data
        if data or _FOR_TRAINING.match(text, d[1], min(e, d[1] + 40)) or \
                (d[2] == "Dataset" and _DS_BUILT_BEFORE.search(before)) or \
                _NEG.search(before[-40:]) or not subject_free(d[0], whole=not named):
            continue
        if not named and _BACKGROUND_L.search(low, s, e):
            continue
        if d[2] == "Dataset":
            out.append((head, "EVALUATED_ON", d, "paper_eval" if named else "paper_eval_bare"))
        elif _IN_TASK.search(before) and (named or _PAPER_EVAL.search(text, s, d[0])):
            # "X sets a new state of the art for T", "achieves state-of-the-art results on T": a claim about T itself
            rule = "paper_sota_task" if named and _SOTA_BEFORE.search(before) else \
                "experiments_task" if _EXP_TASK.search(before) and not _COUNT_WORD.match(d[3]) else "paper_task"
            if rule == "paper_task" and any(k in low[cs:d[0]] for k in _BEAT_IN_KEYS):
                # "X outperforms existing methods in T", "X surpasses all promptable models in T": the paper's method,
                # named as the subject of the comparison in this clause, is the one doing T
                o = next((o for o in own if cs <= o[0] and o[1] <= d[0]), None)
                if o is not None and _BEAT_IN.fullmatch(text, o[1], d[0]) and not _NOT_WORD.search(text, o[1], d[0]):
                    rule, head = "paper_beats_in_task", o
            out.append((head, "APPLIED_TO", d, rule))
            exp_end = d[1] if rule == "experiments_task" else -1
    return out


#: metric words whose lower values are better / higher values are better (field knowledge, not a catalog of names)
_LOWER_BETTER = frozenset("error errors loss latency time runtime perplexity ppl wer cer fid kid mae mse rmse memory "
                          "flops cost energy ece distance eer".split())
_HIGHER_BETTER = frozenset("accuracy acc f1 auc auroc ap map map50 bleu rouge rouge-l precision recall dice iou miou psnr "
                           "ssim success em ndcg mrr hit correlation throughput fps speedup top-1 top-5 r2".split())
_A_DIGIT = re.compile(r"\d")
_VS_KEYS = ("while", "whereas", "compared", " vs", "versus", "against", "than", "respectively")


def metric_polarity(metric: str) -> int:
    """+1 when higher values of ``metric`` are better, -1 when lower ones are, 0 when unknown.

    >>> metric_polarity("top-1 accuracy"), metric_polarity("word error rate"), metric_polarity("novelty")
    (1, -1, 0)
    """
    words = set(re.findall(r"[\w@\-]+", metric.lower()))
    if words & _LOWER_BETTER or any(w.endswith("error") for w in words):
        return -1
    if words & _HIGHER_BETTER or any(w.startswith("pass@") for w in words):
        return 1
    return 0


def result_comparisons(text: str, s: int, e: int, ments: list[MentionT], field: str,
                       proposed: str | None) -> list[tuple[str, str]]:
    """(better, worse) method names from the values one sentence reports for two methods on the same metric
    (and dataset, unit): "X reaches an F1 of 0.87, compared with 0.79 for Y", "X: 0.93 AP vs. Y's 0.84".

    >>> t = "AlphaNet reaches an F1 of 0.87, compared with 0.79 for BetaNet."
    >>> result_comparisons(t, 0, len(t), [(0, 8, "Method", "AlphaNet"), (56, 63, "Method", "BetaNet")], "abstract", None)
    [('AlphaNet', 'BetaNet')]
    """
    rows = [r for r in find_results(text, [(s, e)], ments, field, proposed=proposed)
            if r.method and r.metric and r.kind == "absolute" and re.fullmatch(r"\d+(?:\.\d+)?", r.value)]
    out: list[tuple[str, str]] = []
    for i, a in enumerate(rows):
        sign = metric_polarity(a.metric)
        for b in rows[i + 1:]:
            if not sign or b.method == a.method or (b.metric, b.dataset, b.unit) != (a.metric, a.dataset, a.unit):
                continue
            va, vb = float(a.value), float(b.value)
            if va != vb:
                pair = (a.method, b.method) if (va - vb) * sign > 0 else (b.method, a.method)
                if pair not in out and pair[::-1] not in out:
                    out.append(pair)
    return out


#: Whether :func:`find_relations` scores candidates with the learned model (:mod:`kg.extract.relscore`)
#: instead of keeping the cue rules' output; off: in leave-one-gold-set-out cross-validation it did not beat
#: the rules (docs/readme/results.md).
USE_LEARNED = False


def find_relations(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT],
                   field: str = "abstract", *, proposed: str | None = None,
                   min_confidence: float = 0.7, learned: bool | None = None) -> list[Relation]:
    """Typed, directed relations between the mentions of one field: the cue rules (:func:`rule_relations`),
    or with ``learned`` (default :data:`USE_LEARNED`) every candidate pair scored by the learned model and
    kept at or above its type's threshold (``min_confidence`` then does not apply; confidence = the score).

    >>> t = "XNet outperforms YNet."
    >>> ms = [(0, 4, "Method", "XNet"), (17, 21, "Method", "YNet")]
    >>> [(r.head, r.type, r.tail) for r in find_relations(t, [(0, len(t))], ms, learned=False)]
    [('XNet', 'OUTPERFORMS', 'YNet')]
    """
    if not (USE_LEARNED if learned is None else learned):
        return rule_relations(text, sentences, mentions, field, proposed=proposed, min_confidence=min_confidence)
    from kg.extract.relscore import load_scorer, score
    sc = load_scorer()
    rules = rule_relations(text, sentences, mentions, field, proposed=proposed, min_confidence=0.0)
    by_key = {(r.head, r.type, r.tail): r for r in rules}
    out = []
    for (h, typ, t), (x, (s, e), types) in relation_candidates(text, sentences, mentions, field, proposed, rules).items():
        m = sc["types"][typ]
        p = score(x, m["weights"])
        if p >= m["threshold"]:
            r = by_key.get((h, typ, t))
            ev = r.evidence if r is not None else Evidence(text[s:e], s, e, field)
            out.append(Relation(h, "Method", typ, t, types, round(p, 3), ev))
    return out


def _prepare(text: str, mentions: list[MentionT], field: str,
             proposed: str | None) -> tuple[list[MentionT], str, str | None, dict[str, MentionT]]:
    """Expanded mentions (plus a title's "Name: ..." head), the lower-cased text, the proposed method
    (given, else the title head or a proposal cue's method) and the size families."""
    mentions = expand_mentions(text, mentions)
    low = lower_same_length(text)
    if field == "title":
        tm = title_method(text)
        if tm and not any(m[0] < tm[1] and tm[0] < m[1] for m in mentions):
            mentions = sorted([*mentions, tm])
        if tm and proposed is None:
            proposed = tm[3]
    if proposed is None:
        proposed = proposed_of(text, mentions, field)
    elif len(proposed) >= 3 and proposed in text:
        # every occurrence of the paper's name is its mention: found in the other field only ("Bioformer: ..."
        # as a title), or only its last word was marked here ("Enhanced HOPE" seen as "HOPE")
        occ = []
        i = text.find(proposed)
        while i >= 0:  # whole-word occurrences (str.find: a compiled pattern per paper name would cost more)
            j = i + len(proposed)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and \
                    (j >= len(text) or not (text[j].isalnum() or text[j] in "_-")):
                occ.append((i, j, "Method", proposed))
            i = text.find(proposed, j)
        occ = [o for o in occ if not any(m[0] == o[0] and m[1] == o[1] and m[3] == proposed for m in mentions)]
        if occ:
            inside = [m for m in mentions if any(o[0] <= m[0] and m[1] <= o[1] for o in occ)]
            if not any(m[0] < o[1] and o[0] < m[1] and m not in inside for m in mentions for o in occ):
                mentions = sorted([*(m for m in mentions if m not in inside), *occ])
    return mentions, low, proposed, size_families(mentions, proposed)


def relation_candidates(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT], field: str,
                        proposed: str | None, rules: list[Relation]) -> dict:
    """Candidate ``(head, type, tail)`` -> (features, evidence span, tail type) for the learned scorer, with the
    proposed method resolved and size variants folded as :func:`rule_relations` does (see
    :func:`kg.extract.relscore.candidates`).

    >>> t = "We propose XNet. Experiments on FooSet show gains."
    >>> c = relation_candidates(t, [(0, 16), (17, len(t))], [(11, 15, "Method", "XNet"), (32, 38, "Dataset", "FooSet")],
    ...                         "abstract", None, [])
    >>> list(c)
    [('XNet', 'EVALUATED_ON', 'FooSet')]
    """
    from kg.extract.relscore import _TAIL_TYPE, candidates
    if not mentions and not proposed:
        return {}
    mentions, low, proposed, families = _prepare(text, mentions, field, proposed)
    folded = sorted({(m[0], m[1], m[2], families[m[3]][3] if m[3] in families else m[3]) for m in mentions
                     if not _NOT_NAME.match(m[3])})
    ours = [o for o in proposed_spans(text, 0, len(text), proposed, low)
            if not any(m[0] < o[1] and o[0] < m[1] for m in folded)]
    conf = {(r.head, r.type, r.tail): r.confidence for r in rules}
    cands = candidates(text, sentences, folded, field, proposed, conf, ours)
    return {k: (x, span, _TAIL_TYPE[k[1]]) for k, (x, span) in cands.items()}


def rule_relations(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT],
                   field: str = "abstract", *, proposed: str | None = None,
                   min_confidence: float = 0.7) -> list[Relation]:
    """Typed, directed relations between the mentions of one field, from the cue rules.

    Parameters
    ----------
    text, sentences, mentions, field
        As for :func:`kg.extract.results.find_results`. Mentions are spread to every occurrence
        of their surface form (:func:`kg.extract.results.expand_mentions`).
    proposed : str, optional
        The paper's proposed method: "our model/method/approach/framework" and
        "we" resolve to it. Default: the Method a proposal cue introduces
        (:func:`kg.extract.results.proposed_of`), or a title's "Name: ..." head.
    min_confidence : float
        Relations below this confidence (:data:`RULE_CONFIDENCE` of the rule that found them) are left out;
        the default 0.7 drops the appositive task rule ("X, a novel T framework"), right 1 time in 2 on the dev sets.

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
    seen: dict[tuple[str, str, str], int] = {}  # key -> index in out
    if not proposed and not any(m[2] == "Method" for m in mentions) and not (field == "title" and ":" in text):
        return out  # every relation needs a Method head

    def add(h: MentionT | None, typ: str, t: MentionT, rule: str, ev: Evidence, delta: float = 0.0) -> None:
        conf = round(RULE_CONFIDENCE[rule] + delta, 3)
        if h is None or conf < min_confidence or _NOT_NAME.match(t[3]) or _NOT_NAME.match(h[3]):
            return
        h, t = families.get(h[3], h), families.get(t[3], t)
        if h[3] == t[3]:
            return
        k = (h[3], typ, t[3])
        if TRACE is not None:
            TRACE.append((h[3], typ, t[3], rule))
        if k not in seen:
            seen[k] = len(out)
            out.append(_rel(h, typ, t, conf, ev))
        elif conf > out[seen[k]].confidence:  # a stronger rule found it too: its confidence and evidence
            out[seen[k]] = _rel(h, typ, t, conf, ev)

    mentions, low, proposed, families = _prepare(text, mentions, field, proposed)
    ours_all = proposed_spans(text, 0, len(text), proposed, low)
    breaks: list[int] | None = None  # clause breaks, found when a sentence first gets past the cue filter below
    # the paper's "method" must not be its dataset, metric or task ("MMMG-Score" proposed with a benchmark)
    # (a name first written as the Method, then typed otherwise only as a subject after an opening phrase, is still the
    # paper's method: "We propose X ... On A, B and C, X reaches ..." with that X read into the dataset list)
    own_method = bool(proposed) and not generic_phrase(proposed, text)
    if own_method:
        other = [m for m in mentions if m[3] == proposed and m[2] != "Method"]
        if other and (not any(m[3] == proposed and m[2] == "Method" and m[0] < other[0][0] for m in mentions) or
                      not all(_COMMA_BEFORE.search(text, max(0, m[0] - 3), m[0]) and _SUBJECT_AFTER.match(text, m[1])
                              for m in other)):
            own_method = False
        elif other:
            mentions = [(m[0], m[1], "Method", m[3]) if m[3] == proposed else m for m in mentions]
    start_at = proposal_start(low, sentences, [m[0] for m in mentions if m[2] == "Method" and m[3] == proposed]) \
        if own_method else None
    # a dataset paper: "the dataset's effectiveness is assessed with A and B" (after the dataset is named)
    ds_own = _own_dataset(low, mentions) if not own_method and field == "abstract" and "Dataset" in {m[2] for m in mentions} \
        else None
    own_dataset = ds_own[1] if ds_own else None
    last_subject: MentionT | None = None
    known_forms: dict[str, MentionT] | None = None  # the text's method names, built at the first "-based" sentence
    earlier_names: frozenset[str] | None = None  # method names before the proposal sentence (built when first needed)
    proposed_family = bool(proposed) and _ARCH_FAMILY.fullmatch(proposed) is not None  # "Large Language Model": no name
    deferred: list[tuple[MentionT, MentionT, str, int, int]] = []  # uses_basis, added last (other rules' confidence wins)
    for s, e, ments in iter_sentences(text, sentences, mentions):
        seg = low[s:e]  # the lower-cased sentence, for the key-word tests below (one slice, not one per key)
        ours = [o for o in ours_all if s <= o[0] and o[1] <= e] if ours_all else []
        if ours:
            ments = sorted(ments + [o for o in ours if not any(m[0] < o[1] and o[0] < m[1] for m in ments)])
        if own_method and start_at is not None and s > start_at and field == "abstract" and low.startswith("the ", s):
            # "The model was also evaluated on D", "The framework integrates A with B" after the proposal: the paper's method
            tm = _THE_MODEL.match(text, s, e)
            if tm and not any(m[0] < tm.end(1) and tm.start(1) < m[1] for m in ments):
                ments = sorted([*ments, (tm.start(1), tm.end(1), "Method", proposed)])
        methods = [m for m in ments if m[2] == "Method"]
        if methods and any(k in seg for k in _INNER_KEYS):  # "a Transformer-based point network (PNet)"
            if known_forms is None:
                known_forms = compound_forms(text, [m for m in mentions if m[2] == "Method"])
            for x, y in name_compound_bases(text, methods, known_forms):
                if specific_name(x[3]) or (specific_name(y[3]) or x[3] == proposed and own_method) and \
                        _ARCH_FAMILY.fullmatch(x[3]) is None:  # "Transformer-based LLMs": a family on a family
                    add(x, "BASED_ON", y, "name_compound", Evidence(text[s:e], s, e, field))
        # a sentence without a method can still evaluate / apply the paper's own one ("Experiments on D ...")
        paper_only = proposed is not None and not methods and any(m[2] in ("Dataset", "Task") for m in ments)
        if not methods and not last_subject and not paper_only:
            continue
        comma = text.find(",", s, e) != -1  # an opening phrase and a discourse marker both end at a comma
        im = _INTRO.match(text, s, e) if comma else None
        intro_end = im.end() if im and not _INTRO_VERB.search(text, s + 2, im.end()) else s
        dm = _DISCOURSE.match(text, s, e) if comma else None
        if dm and intro_end <= dm.end():
            # "For instance, when evaluating A on D, X ...": the opening phrase follows a discourse marker
            im = _INTRO_ANY_CASE.match(text, dm.end(), e)
            if im and not _INTRO_VERB.search(text, dm.end() + 2, im.end()):
                intro_end = im.end()
        subj0 = None
        pm = _PRONOUN_SUBJ.match(text, s, e) or _PRONOUN_SUBJ.match(text, intro_end, e)
        if last_subject and pm:
            subj0 = (pm.start(1), pm.end(1), "Method", last_subject[3])
        # the subject a later "It ..." refers to: the proposed method when named here, else the first name
        # at the start of the main clause
        first = next((m for m in methods if m[0] >= intro_end), None)
        if any(m[3] == proposed for m in methods):
            last_subject = next(m for m in methods if m[3] == proposed)
        elif first is not None and first[0] - intro_end < 40:
            last_subject = first
        elif ours:
            last_subject = ours[0]
        if not methods and subj0 is None and not paper_only:
            continue
        kinds = {m[2] for m in ments}
        # a comparison or basis needs a named tail other than the paper's own method
        cue_o, cue_b = _cue_kinds(seg) if any(m[3] != proposed for m in methods) else (False, False)
        cue_inv = not cue_o and any(m[3] != proposed for m in methods) and any(k in seg for k in _INVERSE_KEYS)
        has_cue = cue_o or cue_b or cue_inv or _OPEN_BASIS.match(low, s) is not None
        # "X combines A with B": the paper's method named here with one of the verbs that list its parts
        combines = own_method and len(methods) >= 2 and any(m[3] == proposed for m in methods) and \
            any(k in seg for k in _COMBINE_KEYS)
        into = len(methods) >= 2 and any(k in seg for k in _INTO_KEYS)
        # two methods, a comparison word and a digit: the values may say which one is better
        by_values = len({m[3] for m in methods}) >= 2 and any(k in seg for k in _VS_KEYS) and \
            _A_DIGIT.search(text, s, e) is not None
        # "X / our framework / we (, which) use(s) / fine-tune(s) / build(s) on Y" at or after the proposal (:func:`uses_basis`)
        it = _it_head(text, s, e, proposed, sentences, mentions, ours_all) \
            if own_method and start_at is not None and s > start_at and field == "abstract" else None
        if own_method and field == "abstract" and start_at is not None and s >= start_at and not proposed_family and \
                (it is not None or any(m[3] == proposed for m in methods)) and any(m[3] != proposed for m in methods) and \
                (s == start_at or any(k in seg for k in _USE_KEYS)):
            if earlier_names is None:
                earlier_names = frozenset(m[3] for m in mentions if m[2] == "Method" and m[0] < start_at)
            uses = uses_basis(text, low, s, e, sorted([*ments, it]) if it else ments, proposed, s == start_at, earlier_names)
        else:
            uses = []
        if not (has_cue or combines or into or by_values or "Dataset" in kinds or "Task" in kinds or s == start_at or
                "compar" in seg or "relative" in seg and _COMPARED_KEY.search(low, s, e) or
                (own_method and _has_backbone_word(seg)) or
                (own_dataset is not None and s >= own_dataset and _DS_ANAPHOR.search(low, s, e))):
            deferred += [(x, y, rule, s, e) for x, y, rule in uses]
            continue  # nothing below can fire without a cue word, a dataset or a task
        ev = Evidence(text[s:e], s, e, field)
        evaluated: list[MentionT] = []
        evaluated_ds: list[MentionT] = []
        co_evaluated: list[MentionT] = []
        if breaks is None:
            breaks = [m.start() for m in matches_at(_CLAUSE_L, low, _clause_starts(low))]  # = _CLAUSE_L.finditer(low)
        bounds = [s, *breaks[bisect_left(breaks, s):bisect_left(breaks, e)], e]

        def clause(pos: int) -> tuple[int, int]:
            i = max(0, bisect_right(bounds, pos) - 1)
            return bounds[i], bounds[min(i + 1, len(bounds) - 1)]

        def head_for(pos: int) -> tuple[MentionT | None, str]:
            cs, _ = clause(pos)
            # ", outperforming X": a participle after a comma takes the clause's subject, not the last name
            cue = re.sub(r"^(?:\w+ly\s+)+", "", text[pos:pos + 40])
            participle = bool(re.match(r"\w+ing\b", cue) and _PARTICIPLE.search(text, max(cs, pos - 40), pos))
            lo = intro_end if cs <= intro_end <= pos and any(intro_end <= m[0] < pos for m in methods) else cs
            h = _head_before(text, ments, pos, lo, first=participle)
            if _PRONOUN_BEFORE.search(text, max(cs, pos - 30), pos):
                # "..., and it outperforms Y": the pronoun stands for the sentence's subject
                subj = subj0 or next((m for m in methods if m[0] - max(s, intro_end) < 40 and m[0] >= intro_end), None)
                return subj, "pronoun_subject"
            if h is None and _REL_CLAUSE.match(text, cs, pos):
                # "... our method, which outperforms Y": the relative pronoun stands for the name before the comma
                prev = [m for m in ments if m[2] == "Method" and s <= m[0] and m[1] <= cs]
                # "we propose X, a framework integrating A, B and C, which outperforms Y": the relative clause closes
                # the appositive of the paper's method, and stands for X, not for the last name of its list
                own = next((m for m in prev if m[3] == proposed and m != prev[-1] and _APPOS_OPEN.match(text, m[1], cs)
                            and not _REL_INSIDE.search(text, m[1], cs)), None) if proposed else None
                if own is not None:
                    return own, "relative_clause"
                if prev and cs - prev[-1][1] <= 80:
                    return prev[-1], "relative_clause"
            if h is None and subj0 is not None:
                return subj0, "previous_subject"
            if h is not None:  # "X, a Y-based model built on Z": the head is X, not Y
                h = _appositive_head(text, methods, h, lo)
                # "a ViT-L pretrained with OurNet surpasses ...": the paper's method is the one compared
                own = next((x for x in methods if x[3] == proposed and h[1] <= x[0] < pos and
                            _TRAINED_WITH.fullmatch(text, h[1], x[0])), None)
                h = own or h
            return h, "cue_subject"

        if cue_o or cue_inv:
            # OUTPERFORMS (active)
            for m in _OUTPERF_L.finditer(low, s, e) if cue_o else ():
                if _NEG.search(text[max(s, m.start() - 25):m.start()]) or _HEDGE.search(text, max(s, m.start() - 40), m.start()):
                    continue
                cs, ce = clause(m.start())
                inside = [x for x in methods if m.start() <= x[0] and x[1] <= m.end()] if m["gain_far"] else []
                if inside:
                    # "the improvements of X over Y": X, named inside the cue after "of", is the better one; any other
                    # name inside a cue read this far apart makes it no comparison of the subject
                    if len(inside) > 1 or not _OF_BEFORE.search(text, m.start(), inside[0][0]) or \
                            not _GAIN_WORD.match(low, m.start()):
                        continue
                    h, rule = inside[0], "cue_subject"
                else:
                    h, rule = head_for(m.start())
                if m["perf_over"] and (h is None or h[3] != proposed):
                    continue  # "superior performance over Y": the paper's own method only
                # "X preserves 99% accuracy with Y and outperforms Z": Y sits in a prepositional phrase
                lo = intro_end if cs <= intro_end <= m.start() else cs
                while h is not None and rule == "cue_subject" and h[0] > lo and h[3] != proposed and \
                        _PP_WITH.search(text, max(lo, h[0] - 50), h[0]):
                    x = next((x for x in reversed(methods) if lo <= x[0] and x[1] <= h[0] and x != h), None)
                    if x is None:
                        break
                    h = x
                if (m["gain_far"] or _GAIN_NOUN.search(m.group())) and h is not None and h[3] != proposed and \
                        _IN_PP.search(text, max(cs, h[0] - 20), h[0]):
                    continue  # "experiments using Y demonstrate improvements in WER compared to Z": Y is no subject
                if h is not None and rule == "cue_subject" and _COORD_VERB.search(text, max(lo, m.start() - 30), m.start()):
                    # "X fine-tunes Y and outperforms Z": the coordinated verb shares the subject X, not the object Y
                    f = next((x for x in methods if lo <= x[0] < h[0]), None)
                    if f is not None and f[3] != h[3] and f[0] - lo <= 40 and _SUBJECT_VERB.match(text, f[1], h[0]) and \
                            not _REL_INSIDE.search(text, f[1], h[0]):
                        h = f
                if h is None and own_method and start_at is not None and s > start_at and \
                        not any(cs <= x[0] < m.start() for x in methods):
                    # "Experiments show an improvement of 8% over Y": the paper's own method after its proposal
                    h, rule = (s, s, "Method", proposed), "paper_outperforms"
                heads = [h] + _coheads(text, methods, h, cs) if h is not None and rule == "cue_subject" else [h]
                tails = _tails(text, ments, m.end(), ce, "Method")
                if not tails and _BEAT_VERB.search(m.group()):
                    # "X surpasses the performance of Y", "X exceeds the 8B Y": Y after its measure or size
                    lm = _BEAT_LEAD.match(text, m.end(), ce)
                    if lm and not (lm.group().lstrip().startswith("that") and "exceed" in m.group()):
                        # (not "its runtime exceeds that of Y by 1.8 times": exceeding may be the worse side)
                        tails = _tails(text, ments, lm.end(), ce, "Method")
                if not tails and _BEAT_WORD.search(m.group()):
                    # "X outperforms traditional tactile imitation learning": plain lower-case adjectives before Y
                    # (not after "improved ... upon": "an improved approach building upon advanced LoRA" is a basis)
                    am = _BARE_ADJ.match(text, m.end(), ce)
                    if am:
                        tails = [t for t in ments if t[0] == am.end() and t[2] == "Method"][:1]
                        tails += _tails(text, ments, tails[0][1], ce, "Method") if tails else []
                for t in tails:
                    for hh in heads:
                        add(hh, "OUTPERFORMS", t, rule, ev)
            # OUTPERFORMS (passive): tail is outperformed by head
            for m in _PASSIVE_L.finditer(low, s, e):
                if _NEG.search(text[max(s, m.start() - 25):m.start()]):
                    continue
                cs, ce = clause(m.start())
                t = _head_before(text, ments, m.start(), cs)
                if t is not None and not m.group().endswith("by") and _ITS.search(text, t[1], m.start()):
                    continue  # "a paradigm for Y, yet its capacity lags behind X": the subject is another's
                for h in _tails(text, ments, m.end(), ce, "Method"):
                    if t:
                        add(h, "OUTPERFORMS", t, "passive" if m.group().endswith("by") else "underperforms", ev)
        if cue_b:
            # BASED_ON
            for m in _BASED_L.finditer(low, s, e):
                if _NEG.search(text[max(s, m.start() - 25):m.start()]):
                    continue
                cs, ce = clause(m.start())
                h, rule = head_for(m.start())
                # "a scheme for A and B models building on C": A/B sit in a prepositional phrase, the head is before it
                while h is not None and h[0] > cs and _PP_BEFORE.search(text, max(cs, h[0] - 50), h[0]):
                    h = next((x for x in reversed(methods) if cs <= x[0] and x[1] <= h[0]), None)
                for t in _tails(text, ments, m.end(), ce, "Method", adjectives=True):
                    add(h, "BASED_ON", t, rule, ev)
        if combines:
            # "X combines A with B", "Our framework, X, leverages a frozen A": the parts the paper's method is built from
            for x in methods:
                if x[3] != proposed:
                    continue
                cm4 = _COMBINES.match(text, x[1], e)
                if not cm4 or (x[0] > s and _PP_BEFORE.search(text, max(s, x[0] - 50), x[0]) and
                               not _PURPOSE_LEAD.fullmatch(text, s, x[0])) or \
                        cm4["appos"] and " ".join(cm4["verb"].split()) not in _COMBINES_APPOS:
                    continue
                parts = _tails(text, ments, cm4.end(), e, "Method", adjectives=True)
                if parts:
                    nxt = _WITH_NEXT.match(text, parts[-1][1], e)
                    if nxt and cm4["lead"]:  # "the strengths of A with the flexibility of B"
                        nxt = _WITH_OF.match(text, parts[-1][1], e) or nxt
                    if nxt is None and len(parts) == 1 and cm4["verb"] in _PAIR_VERBS:
                        nxt = _PAIR_WITH_NEXT.match(text, parts[-1][1], e)
                    if nxt:
                        parts += _tails(text, ments, nxt.end(), e, "Method")
                if cm4["count"] and cm4["count"].rstrip().endswith(")"):
                    # "comprises two components: (1) A, a module that ...; and (2) B, ...": each numbered part's first name
                    for nm in _ENUM_NEXT.finditer(text, parts[-1][1] if parts else cm4.end(), e):
                        y = next((m for m in ments if nm.end() <= m[0] <= nm.end() + 40 and m[2] == "Method"), None)
                        if y is not None and y not in parts and \
                                (_ARTICLE.fullmatch(text, nm.end(), y[0]) or _ADJ_LEAD.fullmatch(text, nm.end(), y[0])):
                            parts.append(y)
                if parts and " ".join(cm4["verb"].split()) in _PARTS_VERBS:
                    # "X includes A to enhance ..., and a B that extends ...": the later items of a list of described
                    # parts (each after a comma; ";" or 200 characters without an item end the list)
                    bm = _SHORT_AFTER.match(text, parts[-1][1], e)  # "A (AB)": the bracketed short name is A's
                    cur = bm.end() if bm else parts[-1][1]
                    for y in methods:
                        if y[0] < cur or y in parts:
                            continue
                        if y[0] - cur > 200 or ";" in text[cur:y[0]]:
                            break
                        ci = text.rfind(",", cur, y[0])
                        desc = text[cur + (text.startswith(")", cur)):ci]  # the closing bracket of "A (AB)" is A's
                        if ci < 0 or desc.count("(") != desc.count(")") or \
                                any(cur <= z[0] and z[1] <= ci for z in methods):
                            continue  # a comma in brackets, or another name in the description: no next item
                        im = _ITEM_LEAD.fullmatch(text, ci, y[0])
                        if im and (im["art"] or _ITEM_AFTER.match(text, y[1], e)):
                            parts.append(y)
                            bm = _SHORT_AFTER.match(text, y[1], e)
                            cur = bm.end() if bm else y[1]
                if any(y[3] == proposed for y in parts):
                    continue  # "Our pipeline integrates A, B and C" with A taken for the paper's method: not its parts
                wide = cm4["lead"] is not None or cm4["verb"] not in _COMBINES_OLD
                for y in parts:
                    if y[3].lower() not in _DATA_TECHNIQUES:
                        add(x, "BASED_ON", y, "combines_wide" if wide else "combines", ev)
        if into:
            # "CAM is integrated into our HyCAM framework", "the A and B modules are plugged into X"
            for x in methods:
                im2 = None
                for y in methods:
                    if y[1] <= x[0] and x[0] - y[1] <= 90:
                        im2 = _INTO.match(text, y[1], x[0])
                        if im2 and im2.end() == x[0] and not _NEG.search(text[max(s, y[0] - 25):y[0]]):
                            parts = [y] + [z for z in methods if z[1] <= y[0] and z in _heads_listed(text, methods, y)]
                            for z in parts:
                                add(x, "BASED_ON", z, "integrated_into", ev)
        # "Fine-tuned from Y on D, X reaches ...": the opening participle describes the subject
        if intro_end > s:
            bm = _INTRO_BASED.match(text, s, intro_end)
            subj = next((m for m in methods if intro_end <= m[0] <= intro_end + 5), None) or subj0
            # (the "we" standing for the paper's first method gives way to the one it presents: "Leveraging FaSA, we
            # present FaViT" with FaSA the paper's)
            wm = _WE_PRESENT.match(text, intro_end, e) if bm and (subj is None or low[subj[0]:subj[1]] == "we") else None
            if wm:  # "Leveraging FaSA, we present the factorization vision transformer (FaViT)"
                subj = next((m for m in methods if m[0] == wm.end()), None) or subj
            if bm and subj is not None:
                for t in _tails(text, ments, bm.end(), intro_end, "Method"):
                    add(subj, "BASED_ON", t, "opening_basis", ev)
        if cue_b:
            for y in methods:
                cm3 = _COMPOUND.match(text, y[1], e)
                if not cm3 or not basis_family(y[3]):
                    continue
                for x in methods:
                    if x[3] == y[3] or not specific_name(y[3]) and \
                            (not specific_name(x[3]) or _ARCH_FAMILY.fullmatch(x[3])):
                        continue  # "Transformer-based LLMs": a family rests on a family, no paper's model
                    if x[0] >= cm3.end() and _COMPOUND_TO.fullmatch(text, cm3.end(), x[0]) or \
                            x[1] <= y[0] and _APPOS_LEAD.fullmatch(text, x[1], y[0]):
                        add(x, "BASED_ON", y, "compound_basis", ev)
                # a title "X: ... Y-based ...", unless the compound describes a task ("Fast UAV-based Mapping")
                if field == "title" and proposed and text.startswith(proposed) and specific_name(y[3]) and \
                        text[len(proposed):].lstrip().startswith(":") and y[0] > len(proposed) and \
                        not any(t[2] == "Task" and cm3.end() <= t[0] <= cm3.end() + 40 and
                                re.fullmatch(r"[\s\w\-]*", text[cm3.end():t[0]]) for t in ments):
                    add((0, len(proposed), "Method", proposed), "BASED_ON", y, "compound_basis", ev)
        for i, x in enumerate(methods[:-1]):
            # "X, a compact BERT model", "X, or ACR, as a novel Y method": the appositive says what X is built on
            y = next((m for m in methods[i + 1:] if m[3] != x[3]), None)
            if y is None or y[0] - x[1] > 120 or not specific_name(y[3]) or _COMPOUND.match(text, y[1], e):
                continue
            am = _APPOS_LEAD.fullmatch(text, x[1], y[0])
            if am and (am["of"] or _MODEL_NOUN.match(text, y[1], e) and not _PROCESS_AFTER.match(text, y[1], e)):
                add(x, "BASED_ON", y, "appositive_basis", ev)  # not "X, an accurate KV cache quantization method"
        if own_method and len(methods) >= 2:
            # "X, a novel query-centric graph RAG framework", "X achieves ... using Y as the backbone"
            for x, y, rule in own_kind_basis(text, low, s, e, methods, proposed):
                add(x, "BASED_ON", y, rule, ev)
        if own_method and s == start_at and any(k in seg for k in _FAMILY_KEYS):
            # the proposal sentence: "we propose X, a fast transformer model that ..." -> X BASED_ON transformer (a
            # family name the entity stage may not mark)
            for x in methods:
                fm = _APPOS_FAMILY.match(text, x[1], e) if x[3] == proposed else None
                if fm is None or fm.start("fam") - x[1] > 120 or re.search(r"\b[A-Z][\w\-]*\s+$", text[x[1]:fm.start("fam")]):
                    continue  # "X, a unified Blur-Noise Mixture Diffusion Model (BNMD)": a name of X's own
                a, b = fm.span("fam")
                y = next((m for m in methods if m[0] < b and a < m[1]), None) or (a, b, "Method", text[a:b])
                add(x, "BASED_ON", y, "appositive_family", ev)
        # "Compared to Y, X achieves better/higher ...": the sentence-initial comparison
        cm = _COMPARED.match(text, s, e)
        if cm:
            tails = _tails(text, ments, cm.end(), e, "Method")
            # the list runs on into the subject ("Compared to A and B, X achieves ..."): X is the last item
            if len(tails) >= 2 and "," in text[tails[-2][1]:tails[-1][0]] and \
                    re.match(r"\s+(?!and\b|or\b)[a-z]", text[tails[-1][1]:tails[-1][1] + 12]):
                x, tails = tails[-1], tails[:-1]
                window = text[x[1]:min(e, x[1] + 80)]
                if _BETTER.search(window) and not re.search(r"\b(?:not|n't|never|fails?)\b", window):
                    for y in tails:
                        add(x, "OUTPERFORMS", y, "compared_to", ev)
            elif tails:
                # "Compared with A and B, the proposed X achieves higher ...": the subject after the comma
                cm2 = re.match(r"[^,;]{0,40}?,\s*(?:the\s+proposed\s+|our\s+)?", text[tails[-1][1]:e])
                x = next((x for x in methods if cm2 and x[0] == tails[-1][1] + cm2.end()), None)
                window = text[x[1]:min(e, x[1] + 80)] if x else ""
                if x and _BETTER.search(window) and not re.search(r"\b(?:not|n't|never|fails?)\b", window):
                    for y in tails:
                        add(x, "OUTPERFORMS", y, "compared_to", ev)
        # EVALUATED_ON
        for d in ments:
            if d[2] not in ("Dataset", "Task"):
                continue
            cs, ce = clause(d[0])
            w0 = max(cs, d[0] - 100)
            window = low[w0:d[0]]
            if not ("on " in window or "across" in window or " in " in window or "bench" in window or "data" in window or
                    d[2] == "Dataset" and ("using" in window or "with" in window)):
                continue
            onm = (_ON_DS_L if d[2] == "Dataset" else _ON_L).search(window)
            if not onm:
                continue
            on_at = w0 + (onm.start("use") if d[2] == "Dataset" and onm["use"] else onm.start())
            if _NEG.search(text[max(s, on_at - 40):on_at]) or _TRAINED_ON.search(text, max(s, on_at - 40), on_at):
                continue  # "does not ... on D", "trained exclusively on D": not an evaluation
            if _FOR_TRAINING.match(text, d[1], min(e, d[1] + 40)):
                continue  # "on D for pre-training"
            h, rule = None, "evaluated_verb"
            subj_mates: list[MentionT] = []
            if intro_end > d[0] and intro_end > s:
                if _TRAIN_INTRO.match(text, s, intro_end):
                    continue  # "Fine-tuned from Y on D, X ...": D is training data
                # "On ImageNet, X reaches ...": the dataset sits in the opening phrase, the head is the subject
                subj = [x for x in methods if intro_end <= x[0] <= intro_end + 25]
                if subj and (_EVAL_VERB.search(text, subj[0][1], e) or _EVAL_VERB2.search(text, subj[0][1], e)):
                    h = subj[0]
                    # "On D, A, B and C reach ...": every name of the listed subject, a list that ends at its
                    # "and"/"or" item with the verb after it (not "Across sets such as A, B, C, and D, our method":
                    # the opening's own list; nor when the opening's comma sits in brackets, "with LLMs (e.g., A and
                    # B), X achieves", or a bracket closes before the subject)
                    opening = text[s:intro_end]
                    if opening.count("(") == opening.count(")") and ")" not in text[intro_end:h[0]]:
                        for x in methods:
                            if x[0] >= (subj_mates[-1] if subj_mates else h)[1]:
                                gap = text[(subj_mates[-1] if subj_mates else h)[1]:x[0]]
                                if len(gap) > 60 or not _LIST.match(gap) or any(c in gap for c in ";()"):
                                    break
                                subj_mates.append(x)
                                if _AND_OR.search(gap):
                                    break
                        if subj_mates and not (_AND_OR.search(text, (subj_mates[-2] if len(subj_mates) > 1 else h)[1],
                                                               subj_mates[-1][0]) and
                                               _VERB_NEXT.match(text, subj_mates[-1][1], e)):
                            subj_mates = []
                # "When evaluating A on D, X ...": A, the object of the evaluation, is evaluated on D too
                for x in methods:
                    if s <= x[0] and x[1] <= on_at and _EVALUATING.search(text, max(s, x[0] - 30), x[0]):
                        add(x, "EVALUATED_ON", d, "evaluated_verb", ev)
            else:
                verb = _EVAL_VERB.search(text, cs, on_at) or _EVAL_VERB2.search(text, cs, on_at)
                phrase = (0, 0)  # "Experiments on A ... show": other names in the experiments' phrase are no head
                if verb and verb.group()[:3].lower() in ("exp", "res"):
                    # "Experiments on A trained with D show that X achieves ... on E": the verb of the reported clause
                    shown = _EXP_SHOW.search(text, verb.end(), on_at)
                    later = (_EVAL_VERB.search(text, shown.end(), on_at) or _EVAL_VERB2.search(text, shown.end(), on_at)) \
                        if shown else None
                    if later:
                        phrase, verb = (verb.end(), shown.start()), later
                if verb:
                    lo = intro_end if any(intro_end <= x[0] < on_at for x in methods) else cs
                    hm = [x for x in methods if max(cs, lo) <= x[0] and x[1] <= on_at and x[0] < verb.start() + 60
                          and not _is_tail(text, cs, x[0]) and not (phrase[0] <= x[0] < phrase[1] and x[3] != proposed)
                          and not _tail_appositive(text, methods, cs, x)]
                    # "a ViT-L pretrained with OurNet achieves ...": the paper's method in the subject is the one
                    # evaluated, unless it is a compared baseline ("than OurNet")
                    own = [x for x in methods if x[3] == proposed and max(cs, lo) <= x[0] and x[1] <= verb.start()
                           and not _COMPARED_BEFORE.search(text, max(cs, x[0] - 60), x[0])]
                    # "We evaluate A, B and C on D": the objects of an evaluation verb, not "we"
                    # (the objects may follow a longer description after a comma: "evaluate two vision-language
                    # foundation models, A and B, on the task of T")
                    far = _EVAL_OBJ_VERB_FORM.match(text, verb.start())
                    objs = [x for x in methods if verb.start() < x[0] and x[1] <= on_at and x[0] != x[1] and
                            x[3] != proposed and not _is_tail(text, cs, x[0]) and not phrase[0] <= x[0] < phrase[1] and
                            (x in hm or far and x[0] < verb.start() + 100 and text[x[0] - 2:x[0]] == ", " and
                             not _ON_WORD.search(text, verb.end(), x[0]))] \
                        if _EVAL_OBJ_VERB.match(text, verb.start()) else []
                    pick = objs or own or [x for x in hm if x[3] == proposed] or hm
                    if pick:
                        h = pick[0]
                    elif evaluated and _COORD.match(text, cs, on_at):
                        h, rule = evaluated[0], "coordinated"  # "X improves A on D1, but also enhances D2": same subject
                    elif subj0 is not None:
                        h, rule = subj0, "previous_subject"
            if h is None and not text[s:on_at].strip():
                # "On the Synapse dataset it achieves ...", "On COCO X reaches ...": an opening phrase without comma
                nxt = next((x for x in methods if x[0] > d[1]), None)
                if nxt is not None and nxt[0] - d[1] <= 60 and not _INTRO_VERB.search(text, d[1], nxt[0]) and \
                        not re.fullmatch(r"\s*,?\s*(?:and|or|&)\s*", text[d[1]:nxt[0]]) and \
                        (_EVAL_VERB.search(text, nxt[1], min(e, nxt[1] + 40)) or
                         _EVAL_VERB2.search(text, nxt[1], min(e, nxt[1] + 40))):
                    h, rule = nxt, "opening_on"
                elif subj0 is not None and subj0[0] > d[1]:
                    h, rule = subj0, "previous_subject"
            if h is None:
                em = _EXP_ON.search(text, max(s, on_at - 40), on_at + 7)  # "on" or "across"
                sm = _EXP_SHOW.search(text, d[1], e) if em else None
                if sm:
                    after = [x for x in methods if x[0] > d[1] and not _THAN.search(text[d[1]:x[0]])
                             and not _OUTPERF.search(text[d[1]:x[0]])]
                    # "Experiments on D with A and B backbones show that X ...": the subject after the verb, not the
                    # backbones or base models of the experiments' phrase
                    after = [x for x in after if x[0] > sm.end()] or after
                    h, rule = (after[0] if after else None), "experiments_show"
            if h is None and proposed and _PAPER_EVAL.search(text, max(s, on_at - 60), on_at) and \
                    not any(x[3] != proposed for x in methods):
                # "Experiments on D show ...", "evaluated on D": with no other method named in the sentence,
                # the evaluated method is the paper's own
                h, rule = (on_at, on_at, "Method", proposed), "proposed_evaluated"
            heads = [h, *subj_mates] if h is not None else []
            if h is not None and rule == "evaluated_verb" and h[0] != h[1]:
                # "We evaluate A, B, and C on D", "the proposed A and B on D", "evaluate two models, A and B, on the task
                # of T": every listed name
                for x in methods:
                    if heads[-1][1] <= x[0] and x[1] <= on_at:
                        gap = text[heads[-1][1]:x[0]]
                        if len(gap) > 60 or not _LIST.match(gap):
                            break
                        heads.append(x)
            if h is not None and d[2] == "Task":
                # "We evaluated X on benchmarks including T1, T2 and T3": tasks of an evaluation
                if rule in ("evaluated_verb", "proposed_evaluated") or \
                        rule == "experiments_show" and h[3] == proposed and not _COUNT_IN.search(text, on_at, d[1]):
                    for x in [d] + _tails(text, ments, d[1], ce, "Task"):
                        for hh in heads:
                            add(hh, "APPLIED_TO", x, "evaluated_task", ev)
                continue
            if h is not None:
                for x in [d] + _tails(text, ments, d[1], ce, "Dataset"):
                    for hh in heads:
                        add(hh, "EVALUATED_ON", x, rule, ev)
                if h not in evaluated:
                    evaluated.append(h)
                    if len(evaluated) == 1:
                        co_evaluated = heads[1:]  # "We verified the proposed A and B on D ...": B shares A's task
                evaluated_ds.append(d)
        if own_method and field == "abstract":
            # "It achieves 80% on D": the opening "It" after a sentence naming the method names it here
            for h, typ, t, rule in paper_relations(text, low, s, e, sorted([*ments, it]) if it else ments, proposed, s == start_at,
                                                   start_at is not None and s >= start_at, clause):
                add(h, typ, t, rule, ev)
        if not own_method and "Dataset" in kinds and len(methods) >= 2:
            # a comparison study: "This study compares three models: A, B and C, trained on D": each is evaluated on D
            vm = _STUDY_VERB.search(text, s, e)
            if vm:
                listed: list[MentionT] = []
                for x in methods:
                    if x[0] < vm.end():
                        continue
                    gap = text[listed[-1][1] if listed else vm.end():x[0]]
                    if len(gap) > 70 or not (_STUDY_LEAD.fullmatch(gap) if not listed else _LIST.match(gap)):
                        break
                    listed.append(x)
                d = next((d for d in ments if d[2] == "Dataset" and listed and d[0] > listed[-1][1]), None)
                if len(listed) >= 2 and d is not None and _STUDY_ON.fullmatch(text, listed[-1][1], d[0]):
                    for x in listed:
                        for y in [d] + _tails(text, ments, d[1], e, "Dataset"):
                            add(x, "EVALUATED_ON", y, "compared_models", ev)
        if own_dataset is not None and s >= own_dataset and "Dataset" not in kinds and _DS_ANAPHOR.search(low, s, e) and \
                _DS_EVAL.search(low, s, e) and not _DS_MAKE.search(low, s, e):
            # a dataset paper after naming its dataset: "the dataset's effectiveness is assessed with both A-based and
            # B architectures", "on the benchmark, A reaches 45%": each method named is evaluated on the paper's dataset
            for x in methods:
                if not _NEG.search(text[max(s, x[0] - 25):x[0]]):
                    add(x, "EVALUATED_ON", (x[0], x[0], "Dataset", ds_own[0]), "dataset_anaphor", ev)
        # "X reaches 0.87, compared with 0.79 for Y": the values say which one is better
        if by_values:
            by_name = {m[3]: m for m in reversed(methods)}
            for better, worse in result_comparisons(text, s, e, ments, field, proposed):
                if better in by_name and worse in by_name:
                    add(by_name[better], "OUTPERFORMS", by_name[worse], "result_comparison", ev)
        deferred += [(x, y, rule, s, e) for x, y, rule in uses]
        # APPLIED_TO
        for i, t in enumerate(ments):
            if t[2] != "Task" or not i:
                continue
            h = ments[i - 1]
            if h[2] != "Method" or h[0] < s:
                continue
            if _FOR.match(text[h[1]:t[0]]):
                if text[h[1]:h[1] + 1] == ")" and text[max(s, h[0] - 2):h[0]].strip() != "(":
                    # "MUDI (Multiple ... Graph Learning) for T": a word of the long form; the name is before the bracket
                    op = text.rfind("(", s, h[0])
                    h = next((m for m in methods if op > 0 and m[1] <= op and not text[m[1]:op].strip()), None)
                    if h is None:
                        continue
                lead = next((m[0] for m in methods if m[3] == h[3] and m[1] < h[0] and
                             re.fullmatch(r"\s*\(\s*", text[m[1]:h[0]])), h[0])  # "Y (ACR) for T": Y's start
                if _PART_BEFORE.search(text, max(s, lead - 80), lead):
                    continue  # "X, which employs beam search for T", "leverages the states of LLMs for T": a part of X
                h = _appositive_head(text, methods, h, s)
                if h[3] != proposed and _IS_A.match(text, h[1], t[0]):
                    continue  # "Diffusion models are a strong backbone for T": background, unless the paper's method
                if field == "title" and proposed and h[3] != proposed:
                    continue  # "Streaming Conformers for ASR": a title's family name, the paper's method is another
                for x in [t] + _tails(text, ments, t[1], e, "Task"):
                    add(h, "APPLIED_TO", x, "for_task", ev)
        for m in methods:
            if _APPLY.search(text[max(s, m[0] - 15):m[0]]):
                nxt = [x for x in ments if x[0] >= m[1]][:1]
                if nxt and nxt[0][2] == "Task" and re.fullmatch(r"\s*(?:to|for)\s+(?:the\s+)?(?:task\s+of\s+)?",
                                                                  text[m[1]:nxt[0][0]]):
                    for x in [nxt[0]] + _tails(text, ments, nxt[0][1], e, "Task"):  # "we apply X to T1 and T2"
                        add(m, "APPLIED_TO", x, "apply_to", ev)
        # "X is flexible and can be easily extended to T1, T2 and T3": the subject is applied to each task
        if "Task" in kinds and " to " in seg and any(k in seg for k in _EXTEND_KEYS):
            for t in ments:
                if t[2] != "Task":
                    continue
                xm = _EXTENDED_TO.search(low, max(s, t[0] - 60), t[0])
                if xm is None or _NEG.search(text[max(s, xm.start() - 25):xm.start()]):
                    continue
                h, rule = head_for(xm.start())
                if h is not None and rule == "cue_subject" and not _PP_BEFORE.search(text, max(s, h[0] - 50), h[0]):
                    for x in [t] + _tails(text, ments, t[1], e, "Task"):
                        add(h, "APPLIED_TO", x, "extended_to", ev)
                break
        # "In T, X outperforms Y": the subject after the opening task is applied to it
        t = next((t for t in ments if t[2] == "Task" and t[0] - s <= 12), None) if methods and "Task" in kinds else None
        if t is not None and _TASK_OPENS.match(text[s:t[0]]):
            ts = [t] + _tails(text, ments, t[1], e, "Task")
            gm = _OPEN_TASK_GAP.match(text, ts[-1][1], e)
            x = next((x for x in methods if gm and x[0] == gm.end()), None)
            if x is not None and _OPEN_TASK_VERB.match(text, x[1], e):
                for y in ts:
                    add(x, "APPLIED_TO", y, "task_opening", ev)
        # "X surpasses Y by 12% in T", "X achieves 80% accuracy on T": the subject of the cue is applied to T
        for t in ments:
            if t[2] != "Task" or not _IN_TASK.search(text, max(s, t[0] - 30), t[0]):
                continue
            cs, _ = clause(t[0])
            cue = None
            for rx in (_OUTPERF,):
                cue = rx.search(text, cs, t[0]) or cue
                if cue:
                    break
            if cue is None or _NEG.search(text[max(s, cue.start() - 25):cue.start()]):
                continue
            h, rule = head_for(cue.start())
            if h is not None and h[1] <= cue.start():
                add(h, "APPLIED_TO", t, "task_in_result", ev)
        if own_method and "(" in text[s:e]:
            # "we propose CaKE (Circuit-aware Knowledge Editing)": the task that ends the long form of the paper's name
            for o in (m for m in methods if m[3] == proposed and m[0] != m[1]):
                pm = re.match(r"\s*\(([^()]{3,80})\)", text[o[1]:e])
                if pm:
                    hi = o[1] + pm.end(1)
                    for t in ments:
                        if t[2] == "Task" and t[1] == hi:
                            add((o[0], o[1], "Method", proposed), "APPLIED_TO", t, "name_task", ev)
        if proposed:
            for t in ments:
                if t[2] == "Task" and _WE_ADDRESS.search(text, max(s, t[0] - 60), t[0]):
                    add((s, s, "Method", proposed), "APPLIED_TO", t, "we_address", ev)
                elif t[2] == "Task" and own_method and "Method" in {x[2] for x in ments}:
                    # "X (effectively) addresses / tackles the problem of T1 and T2": the paper's method as the subject
                    am = _X_ADDRESS.search(text, max(s, t[0] - 60), t[0])
                    x = next((x for x in reversed(methods) if am and x[1] <= am.start() and x[3] == proposed), None) \
                        if am else None
                    if x is not None and _ADDRESS_GAP.fullmatch(text, x[1], am.start()) and \
                            not _NEG.search(text[max(s, am.start() - 25):am.start()]):
                        for y in [t] + _tails(text, ments, t[1], e, "Task"):
                            add(x, "APPLIED_TO", y, "method_addresses", ev)
        if own_method and "Task" in kinds and ("(" in seg or " task" in seg or any(k in seg for k in _BEAT_KEYS)):
            for x, t, rule in own_task_forms(text, low, s, e, ments, proposed):
                # "outperforms existing GCD methods and a strong T2 baseline": only the task of the methods beaten
                for y in [t] + (_tails(text, ments, t[1], e, "Task") if rule != "beats_task_methods" else []):
                    add(x, "APPLIED_TO", y, rule, ev)
        fo = _FOR_TASK_OPEN.match(text, s, e) if "Task" in kinds and methods else None
        if fo is not None:
            # "For T, we fine-tune and evaluate X": X is used for T
            t = next((t for t in ments if t[0] == fo.end() and t[2] == "Task"), None)
            if t is not None:
                ts = [t] + _tails(text, ments, t[1], e, "Task")
                wm = _FOR_TASK_WE.match(text, ts[-1][1], e)
                x = next((x for x in methods if wm and x[0] == wm.end()), None)
                if x is not None and not _NEG.search(text[max(s, wm.start()):wm.end()]):
                    for y in ts:
                        add(x, "APPLIED_TO", y, "for_task_we_use", ev)
        if own_method and "Task" in kinds and field == "abstract" and any(k in seg for k in _SERVES_KEYS):
            # "X offers a practical solution for T", "X is beneficial for T", "X reduces ..., making it applicable to T":
            # the paper's method (or "our method") as the subject of the cue
            for t in ments:
                if t[2] != "Task":
                    continue
                sm = _SERVES_FOR.search(low, max(s, t[0] - 150), t[0])
                if sm is None or _NEG.search(text[max(s, sm.start() - 25):sm.start()]):
                    continue
                x = next((x for x in reversed(methods) if x[1] <= sm.start()), None)
                if x is None or x[3] != proposed or ";" in text[x[1]:sm.start()] or not (
                        _SERVES_GAP.fullmatch(text, x[1], sm.start()) or
                        _SERVES_PARTICIPLE.match(low, sm.start()) and text[sm.start() - 2:sm.start()] == ", " and
                        sm.start() - x[1] <= 160):
                    continue
                for y in [t] + _tails(text, ments, t[1], e, "Task"):
                    add(x, "APPLIED_TO", y, "serves_task", ev)
                break
        # "X, a novel T framework that ...": the appositive names what X is for
        for i, t in enumerate(ments):
            if t[2] != "Task" or not i or ments[i - 1][2] != "Method" or ments[i - 1][0] < s:
                continue
            h = ments[i - 1]
            if _APPOS_TASK_BEFORE.match(text[h[1]:t[0]]) and _APPOS_TASK_AFTER.match(text, t[1], e):
                add(h, "APPLIED_TO", t, "appositive_task", ev)
        # the method evaluated in this sentence is applied to the task named with its benchmark:
        # "On COCO object detection, X ...", "X reaches 54.3 mIoU on ADE20K semantic segmentation",
        # "X gets 84% on Cora and 74% on Citeseer for node classification", "In zero-shot T on D, X ..."
        if evaluated:
            h = evaluated[0]
            for t in ments:
                if t[2] != "Task":
                    continue
                ds = [d for d in evaluated_ds if d[1] <= t[0]]
                if (ds and _TASK_AFTER_DS.match(text[ds[-1][1]:t[0]])) or _TASK_OPENS.match(text[s:t[0]]):
                    for hh in [h, *co_evaluated]:
                        add(hh, "APPLIED_TO", t, "evaluated_task", ev)
        # "evaluations across three tasks, including T1, T2 and T3, show that X ...", "We evaluated X across ...
        # task families: T1, T2": the evaluated method is applied to each listed task
        if "Task" in kinds and "task" in seg and _has_eval_word(low, s, e):
            t = next((t for t in ments if t[2] == "Task" and _TASK_LIST_BEFORE.search(text, max(s, t[0] - 150), t[0])), None)
            if t is not None:
                h = evaluated[0] if evaluated else next((x for x in methods if x[3] == proposed and x[0] < x[1] and
                                                         low[x[0]:x[1]] != "we"), None) or \
                    next((x for x in methods if x[3] == proposed), None) or \
                    next((x for x in methods if _EVALUATING.search(text, max(s, x[0] - 30), x[0])), None)
                if h is None and own_method and not methods and start_at is not None and s > start_at:
                    h = (s, s, "Method", proposed)
                if h is not None and not evaluated and h[3] == proposed and (h[0] == h[1] or low[h[0]:h[1]] == "we") and \
                        any(x[3] != proposed and x[0] < t[0] for x in methods):
                    h = None  # not named, another method is the subject: "we observe that A underperforms on tasks such as T"
                for x in [t] + _tails(text, ments, t[1], e, "Task"):
                    add(h, "APPLIED_TO", x, "task_list", ev)
    if own_method:
        # "EmbodiedOcc++" / "FM-LoRA" / "FiTv2": the paper's method is named after the one it builds on
        tried: set[tuple[str, str]] = set()
        for m in mentions:
            surface = text[m[0]:m[1]]
            if m[2] != "Method" or m[3] == proposed or m[3] in families or (m[3], surface) in tried or \
                    (m[3] not in proposed and surface not in proposed):
                continue
            tried.add((m[3], surface))
            if derived_name(proposed, m[3]) or derived_name(proposed, surface):
                ss, se = next(((a, b) for a, b in sentences if a <= m[0] < b), (0, len(text)))
                add((m[0], m[0], "Method", proposed), "BASED_ON", m, "name_derived", Evidence(text[ss:se], ss, se, field))
            elif " " in proposed and any(proposed.endswith(b) and (specific_name(b) or _ARCH_FAMILY.fullmatch(b)) and
                                         _NAME_ENDS_WITH.search(proposed[:len(proposed) - len(b)]) for b in (surface, m[3])):
                # a spelled-out name ending in another method named on its own in the text (its head noun): "Consistent
                # Personalization for 3D Gaussian Splatting (CP-GS)", "Multi-strategy Improved Snake Optimizer"; not a
                # name ending in the object of a preposition other than "for" ("... Token Compression in MLLMs")
                ss, se = next(((a, b) for a, b in sentences if a <= m[0] < b), (0, len(text)))
                add((m[0], m[0], "Method", proposed), "BASED_ON", m, "name_contains", Evidence(text[ss:se], ss, se, field))
    if field == "title" and ":" not in text and any(k in low for k in (" using ", " via ", " with ")):
        # a nameless title "T using/via/with X": X is what the paper applies to T ("Online Gesture Recognition
        # using Transformer and NLP"), when the paper has no method of its own or X is it
        for i, t in enumerate(mentions[:-1]):
            um = _TITLE_USING.match(text, t[1]) if t[2] == "Task" else None
            if um is None:
                continue
            x = next((m for m in mentions[i + 1:] if m[0] == um.end() and m[2] == "Method"), None)
            if x is not None and (not own_method or x[3] == proposed):  # else X is a part of the paper's own method
                for y in [x] + _tails(text, mentions, x[1], len(text), "Method"):
                    add(y, "APPLIED_TO", t, "title_using", Evidence(text, 0, len(text), field))
            break
    if field == "title" and proposed and not generic_phrase(proposed, text):
        for t in _title_tasks(text, mentions, proposed):
            add((0, 0, "Method", proposed), "APPLIED_TO", t, "title_task", Evidence(text, 0, len(text), field))
        if own_method and text.startswith(proposed) and text[len(proposed):].lstrip().startswith(":"):
            # "X: 3D Rotation of Radiographs with Diffusion Models", "X: Learning ... Using Programmable Gradient
            # Information": the method the paper's named method works through
            # ("X: Leveraging / Integrating A and B for T": the list after the verb, each a part of X; not a tool
            # making data, "Leveraging LLMs to Generate ...")
            for y in mentions:
                if y[2] == "Method" and y[0] > len(proposed) and y[3] != proposed and \
                        _TITLE_WITH.search(text, max(0, y[0] - 40), y[0]) and not _TITLE_NOUN_AFTER.match(text, y[1]) and \
                        not any(m[2] != "Method" and m[0] < y[1] and y[0] < m[1] for m in mentions):
                    for z in [y] + _tails(text, mentions, y[1], len(text), "Method"):
                        if z[3] != proposed and not _TOOL_AFTER.match(text, z[1]) and z[3].lower() not in _DATA_TECHNIQUES \
                                and not _TITLE_NOUN_AFTER.match(text, z[1]):
                            add((0, len(proposed), "Method", proposed), "BASED_ON", z, "title_with",
                                Evidence(text, 0, len(text), field))
    for x, y, rule, s, e in deferred:
        add(x, "BASED_ON", y, rule, Evidence(text[s:e], s, e, field))
    # "real-time semantic segmentation" and "semantic segmentation" for one head: keep the specific one
    applied = {(r.head, r.tail.lower()) for r in out if r.type == "APPLIED_TO"}
    return [r for r in out if r.type != "APPLIED_TO" or
            not any(h == r.head and t.endswith(" " + r.tail.lower()) for h, t in applied)]


#: a sentence opening with "The model / framework / proposed method ..." (the subject; not "The model of ...", "The
#: model is a ...": a definition, which may be about another model)
_THE_MODEL = re.compile(r"(The\s+(?:proposed\s+|resulting\s+|final\s+|overall\s+|whole\s+)?(?:model|framework|method|approach|"
                        r"system|network|architecture|algorithm|pipeline))\s+(?!of\b|for\b|in\b|(?:is|was)\s+(?:an?|the)\b)")
#: a verb coordinated with the one before: "... and (also / consistently) outperforms"
_COORD_VERB = re.compile(r"\band\s+(?:(?:also|further|even|then|\w+ly)\s+)*$")
#: a name followed by its verb (so the name is a subject): "X (ACR) fine-tunes", "X first integrates"
_SUBJECT_VERB = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:first|also|further|\w+ly)\s+)?(?!is\b|was\b|has\b|as\b|"
                           r"this\b|its\b|us\b|across\b|address\b|process\b|access\b|class\b|less\b)[a-z][a-z\-]*(?:s|ed)\s")
_IT_OPEN = re.compile(r"(?:(?:In\s+particular|Specifically|Moreover|Furthermore|Additionally|Concretely|Technically|"
                      r"First(?:ly)?|Then|Finally|In\s+addition),\s+)?(It)\s+(?!is\s|was\s|has\s+been\s|remains\s|"
                      r"seems\s|appears\s|should\s|would\s)")


def _it_head(text: str, s: int, e: int, proposed: str, sentences: list[tuple[int, int]], mentions: list[MentionT],
             ours: list[MentionT]) -> MentionT | None:
    """A sentence opening with "It" (after an optional discourse marker) right after a sentence that names the
    paper's method: "We propose X. It integrates Y with ..." -> a pseudo-mention of ``proposed`` on "It" (for
    :func:`uses_basis`; not "It is", "It has been": an expletive or background).

    >>> t = "We propose ZNet. It integrates CLIP with a decoder."
    >>> _it_head(t, 17, len(t), "ZNet", [(0, 16), (17, len(t))], [(11, 15, "Method", "ZNet")], [])
    (17, 19, 'Method', 'ZNet')
    >>> _it_head("We propose ZNet. It is known.", 17, 29, "ZNet", [(0, 16), (17, 29)], [(11, 15, "Method", "ZNet")], [])
    """
    m = _IT_OPEN.match(text, s, e)
    if m is None:
        return None
    i = bisect_left(sentences, (s, s)) - 1
    if i < 0:
        return None
    ps, pe = sentences[i]
    if not any(ps <= x[0] < pe and x[2] == "Method" and x[3] == proposed for x in (*mentions, *ours)):
        return None
    return (m.start(1), m.end(1), "Method", proposed)


_DS_INTRO = re.compile(r"\b(?:present|introduc|propos|releas|construct|build|buil|creat|curat|develop)\w*\s+(?:\w[\w\-]*\s+){0,6}?"
                       r"(?:dataset|benchmark|corpus)\s*(?:,\s*|\(\s*|called\s+|named\s+|dubbed\s+|:\s*)?$")


def _own_dataset(low: str, mentions: list[MentionT]) -> tuple[str, int] | None:
    """The dataset a paper introduces ("we present a novel large-scale dataset, D") and the end of that mention.

    >>> t = "we present a new large-scale dataset, pfod2, for ocr. it has 2m images."
    >>> _own_dataset(t, [(38, 43, "Dataset", "PFOD2")])
    ('PFOD2', 43)
    """
    for m in mentions:
        if m[2] == "Dataset" and _DS_INTRO.search(low, max(0, m[0] - 90), m[0]):
            return m[3], m[1]
    return None


#: the paper's own dataset named by a noun (lower-cased text), an evaluation word, and words of making data
_DS_ANAPHOR = re.compile(r"\b(?:the|this|our)\s+(?:new\s+|proposed\s+|released\s+)?(?:dataset|benchmark|corpus)(?:'?s)?\b")
_DS_EVAL = re.compile(r"\b(?:evaluat\w*|benchmark(?:ed|ing)|assess\w*|tested|testing|experiments?|baselines?|achiev\w*|"
                      r"accuracy|scores?|results?)\b")
_DS_MAKE = re.compile(r"\b(?:annotat\w*|label\w*|generat\w*|construct\w*|collect\w*|creat\w*|built|build\w*|curat\w*|"
                      r"synthesi[sz]\w*|pre-?train\w*|train\w*|fine-?tun\w*|finetun\w*|filter\w*|sourced|extract\w*|"
                      r"translat\w*|produc\w*|writ\w*|verified\s+by|validated\s+by)\b")
_TITLE_USING = re.compile(r"\s+(?:[Uu]sing|[Vv]ia|[Ww]ith)\s+(?:an?\s+|the\s+)?")
#: "Extensive experiments on image classification ...", "We conduct experiments for T on D": right before the task
_EXP_TASK = re.compile(r"\b(?:experiments?|evaluations?|(?:experimental|empirical)\s+(?:results|studies|evaluations?))\s+(?:(?:are|were)\s+(?:conducted|performed)\s+)?(?:on|for)\s+(?:the\s+)?$", re.I)
_ITS = re.compile(r"\b(?:its|their)\b", re.I)
_BRACKETED = re.compile(r"\s*\(\s*")
_TASK_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_COUNT_WORD = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|various|public|"
                         r"standard|popular|challenging|diverse|widely)\b", re.I)  # "five public T benchmarks": a cut name
_COUNT_IN = re.compile(r"\b" + _COUNT_WORD.pattern, re.I)  # "experiments on five T benchmarks": T's name is cut
_EXTEND_KEYS = ("extended to", "extends to", "generalized to", "generalised to", "extensible to", "transferred to")
#: "X can be easily extended to T", "X also extends to T", "X is readily generalized to T" (lower-cased text; the cue
#: ends right before the task)
_EXTENDED_TO = re.compile(r"\b(?:(?:can|could|may)\s+(?:also\s+)?be|is|are|(?:is|are)\s+also)\s+(?:\w+ly\s+|also\s+)*"
                          r"(?:extended|generali[sz]ed|transferred|extensible)\s+to\s+(?:the\s+)?(?:task\s+of\s+)?$|"
                          r"\b(?:also\s+|further\s+|naturally\s+|readily\s+)*extends\s+to\s+(?:the\s+)?$")
_COMPARED_KEY = re.compile(r"compar|relative\s+to")  # tried only in a sentence with "relative" (substring tests first)
_COMPARED = re.compile(r"\s*(?:When\s+)?(?:compared\s+(?:to|with)|[Rr]elative\s+to|[Ii]n\s+comparison\s+(?:to|with))\s+", re.I)
