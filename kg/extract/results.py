"""Leaderboard results (numbers that measure something) from a title or abstract.

:func:`find_results` reads every stated number of a field and keeps the ones
with measuring context: a unit (``%``, ``x``/``×``, ``points``, a physical unit
such as ``s``/``MB``/``FPS``) or a metric right next to it ("an F1 of 0.84",
"45.6 mAP"), a list continuing such values, or a baseline value after
"compared with/against/versus". Numbers that name things (``ResNet-50``,
``GPT-4``, ``Llama-2-7B``, "our 7B model", ``top-5``, ``3D``, ``k=5``), years,
section/table numbers, citations, counts ("10 languages", "1M images") and
proportions of the data ("10% of the labels") are skipped. Spelled-out values
with a unit ("by a factor of four", "four F1 points") are read too.

Decisions (documented in ``docs/results.md``):

* ``evidence`` is the whole sentence: ``start``/``end`` are the sentence's
  offsets in the field text.
* "from 71.2 to 75.4" gives two ``absolute`` results; the first (a baseline's
  or the starting point) has no method and a lower confidence.
* A range "3-5%" keeps its text as the value (``"3-5"``); "up to 4.5%" gives
  4.5 with a lower confidence.
* ``kind`` is ``gain`` for stated improvements ("+3.2", "by 2.1 points",
  "2.5x faster"), ``reduction`` for stated decreases ("reduces FLOPs by 30%",
  "30% fewer"), else ``absolute``.

The metric is the Metric mention linked to the number, else a word from the
built-in list ``data/result_metrics.txt``, else an acronym right after the
value ("37.0% CoER"), else "<x> rate(s)" before it, else the nearest Metric
mention of the clause that has no value of its own, else ``None``. The dataset
is the one the value is "on" (:func:`_pick_dataset`); ``None`` rather than a
guess. Mentions are spread to every occurrence of their surface form first.

>>> t = "Our model achieves 84.2% top-1 accuracy on ImageNet."
>>> ms = [(0, 9, "Method", "M"), (24, 38, "Metric", "top-1 accuracy"), (42, 50, "Dataset", "ImageNet")]
>>> r = find_results(t, [(0, len(t))], ms, proposed="M")[0]
>>> (r.value, r.unit, r.kind, r.metric, r.dataset, r.method)
('84.2', '%', 'absolute', 'top-1 accuracy', 'ImageNet', 'M')
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from kg.extract.scan import finditer_at, has_digit, matches_at
from kg.models import Evidence, Result

__all__ = ["find_results", "iter_sentences", "metric_words", "proposed_spans", "clause_bounds", "expand_mentions",
           "proposed_of", "lower_same_length", "size_families"]

MentionT = tuple[int, int, str, str]

# ---------------------------------------------------------------- regexes
_UNIT = (r"\s?\\?%|\s?percent(?:age points?)?\b|\s?(?:percentage\s+)?points?\b|\s?pts?\b|\s?pp\b|\s?p\.p\."
         r"|[xX](?![A-Za-z0-9])|\s?×|\s?\$?\\times\b\$?|\s?-?fold\b|\s?times\b")
NUM = re.compile(
    r"(?P<sign>[+\u2212±]\s?|-(?=\d))?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:(?:\s?\\?%)?\$?\s?(?:--|-|–|—|~)\s?\$?(?P<num2>\d+(?:\.\d+)?)(?=\s?\\?%|\s?[xX×]|\s?points?|\s?percent|\s?-?fold\b|\s?times\b)"
    r"|(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d))(?:-|–)(?P<num3>\d+\.\d+)(?![\d.]))?"
    r"(?:\}?(?P<unit>" + _UNIT + r"))?")
_FROM_TO = re.compile(r"\bfrom\s+(?:\w+\s+){0,2}?[+\-]?\d+(?:\.\d+)?(?:\s?\\?%)?(?:\s*\([^()]{0,30}\))?\s+(?:(?:up|down)\s+)?"
                      r"to\s+$", re.I)
_CITE = re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")
_BLOCK_BEFORE = re.compile(
    r"(?:\b(?:section|sec|table|tab|fig|figure|eq|equation|appendix|chapter|version|ver|step|stage|phase|"
    r"layer|layers|level|round|track|task|subtask|theorem|lemma|algorithm|alg|line|page|pages|vol|no|"
    r"epoch|epochs|iteration|batch|size|dimension|dim)\.?\s*$)"
    r"|(?:\b(?![rRp]\s*=)[A-Za-z]\s*[=<>≤≥]\s*$)", re.I)
_PCT_OF_RESULT = re.compile(r"\s*of\s+(?:(?:the|its|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:performance|accuracy|quality)\b", re.I)
#: "over 60% of the generated regimens were clinically acceptable": a share judged by the evaluation is a result
_SHARE_JUDGED = re.compile(r"\$?\s*of\s+(?:the\s+)?(?:[\w\-]+\s+){1,5}?(?:were|was|are|is)\s+(?:(?:judged|rated|deemed|found|"
                           r"considered)\s+(?:to\s+be\s+|as\s+)?)?(?:clinically\s+|fully\s+|factually\s+|functionally\s+)?"
                           r"(?:acceptable|correct|accurate|valid|successful|solved|preferred|faithful|hallucinated|executable|"
                           r"compliant|appropriate|usable|feasible|safe|unsafe|harmful|plausible|consistent)\b", re.I)
_PCT_OF = re.compile(
    r"^\s*(?:of\b(?!\s+(?:up\s+to\s+)?\d)|(?:label\s+|random\s+|unstructured\s+|structured\s+)?(?:sparsity|pruning|masking|mask\s+ratio|labell?ed|"
    r"labels?|noise|noisy|missing|dropout|annotations?|training\s+data|subset|samples|participants|users|"
    r"respondents|cases|patients|quantile|confidence\s+intervals?|CI|males?|females?|men|women|validation|"
    r"training\s+(?:set|cohort|split|data|samples)|test(?:ing)?\s+(?:set|cohort|split))\b)", re.I)
# words that may sit between a metric and its number: "F1 of 0.84", "BLEU score of 28.4", "SA (0.84)"
_LINK_BEFORE = re.compile(
    r"^\)?(?:[\s,:=($}{]|->|→|\([A-Za-z][A-Za-z0-9@\-]{0,11}\)|\b(?:scores?|values?|rates?|results?|performance|of|is|was|are|were|reaches|reached|reaching|"
    r"achieves|achieved|achieving|obtains|obtained|attains|attained|yields|gets|up|to|an?|the|by|around|about|"
    r"approximately|nearly|almost|over|above|below|under|at|improves|improved|improving|increases|increased|"
    r"boosts|boosted|reduces|reduced|reducing|decreases|decreased|lowers|lowered|gains?|improvements?|"
    r"new|state-of-the-art|sota|best|average|mean|overall|absolute|relative|only|just|roughly|than|"
    r"and|with|from|respectively|as|high|low|rises|rose|risen|grows|grew|goes|went|jumps|jumped|drops|dropped|"
    r"falls|fell|climbs|climbed|exceeds|exceeded|exceeding|surpasses|surpassed|surpassing|remains|remained|"
    r"\w+ly|down|reduced|cut|factor|\d+(?:\.\d+)?%?)\b)*$", re.I)
_LINK_AFTER = re.compile(
    r"^(?:[\s,($}]|\b(?:points?|pts?|pp|absolute|relative|higher|lower|better|worse|more|less|improvements?|"
    r"gains?|increases?|decreases?|drops?|reductions?|boosts?|in|of|on|the|average|mean|overall|"
    r"increase|decrease|fewer|smaller|faster|larger|greater|top-\d+)\b)*$", re.I)
_X_CONTEXT = re.compile(
    r"^\s*(?:[\w\-]+\s+){0,2}?(?:faster|speed-?ups?|acceleration|fewer|less|smaller|lower|higher|more|larger|"
    r"greater|reductions?|improvements?|compression|cheaper|efficien\w*|boosts?|increases?|decreases?|"
    r"better|gains?|throughput|savings?|that\s+of|compared|relative|over|[a-z]+er\s+than|as\s+[a-z]+\s+as|speed)\b"
    r"|^\s*(?:up\s+)?to\s+\$?(?:\\textbf\{)?\d", re.I)
_X_BEFORE = re.compile(r"\b(?:speed-?ups?|acceleration|compression|reduction|improvement|gains?|savings?:?|by|up\s+to|of)\s*"
                       r"(?:over\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|up\s+to\s+|approximately\s+|around\s+|"
                       r"roughly\s+|at\s+least\s+)?\$?$", re.I)
#: "with 1.9x and 3.1x improvements": the next factor of the list, whose words after it say what both measure
_X_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|/\s*)\$?\d[\d.,]*\s?(?:[xX×]|times)(?![\w\-])")
#: "eliminates over 60% of the weights", "pruning 90% of Gaussians", "reduces latency to 45.4% of the original":
#: a share removed or kept is a measure, not a setting
_CUT_BEFORE = re.compile(r"\b(?:eliminat|prun|remov|discard)\w*\b[^.;]{0,60}?$"
                         r"|\b(?:reduc|cut|lower|decreas|compress|shrink)\w*\s+(?:[\w\-]+\s+){0,3}?to\s+(?:only\s+|just\s+)?$", re.I)
_UNIT_NOUN = re.compile(r"\s*\$?\s*(?:((?!(?:and|or|with|of|in|on|for|to|at|by|while|absolute|relative)\b)[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+"
                        r"(?:improvements?|gains?|reductions?|boosts?)\b"
                        r"|of\s+(?:the\s+)?((?!and\b|or\b)[a-z][\w\-]*(?:\s+(?!and\b|or\b|in\b|on\b|for\b|of\b)[a-z][\w\-]*){0,2})"
                        r"(?=\s*(?:[,;.)]|and\b|in\b|on\b|of\b|for\b|while\b|required\b|needed\b|$))"
                        r"|((?:[a-z][\w\-]*\s+)?(?:speed|throughput)\b))")
#: "98.6 ± 0.4%", "90.85 +- 2.22%", "$11.63\\pm5.34$%", "0.84 +/- 0.02": the number after the plus-minus sign is the
#: spread of the value before it, no result of its own
_SPREAD_BEFORE = re.compile(r"\d\s*(?:\\?%\s*)?\$?\s*(?:±|\+\s?/?\s?[\-\u2212]|\\pm(?![A-Za-z]))\s*\$?\s*$")
_MATH_PCT = re.compile(r"\$\s?\\?%")
_SCI_AFTER = re.compile(r"\s*\}?\$?\s*(?:\\times|×|x|\*)\s*\{?10\s*\^|[eE][\-+]?\d")
_TRAINED_AFTER = re.compile(r"-(?:trained|pretrained|pre-trained|tuned|finetuned|fine-tuned|based)\b")
#: "requires only 35% of the training costs", "using only 1.24% of the tokens" (not "only 10% of the labels": a setting)
_ONLY_SHARE_BEFORE = re.compile(r"\b(?:requir\w*|us(?:es|ing)|needs?|needing|consum\w*)\s+only\s+$", re.I)
_SHARE_OF_DATA = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:labels?|labell?ed|data|annotations?|training\s+(?:set|data|examples)|samples|examples|"
                            r"images|parameters)\b", re.I)
#: "correlations remained below 0.26": a decimal held by a level verb
_LEVEL_BEFORE = re.compile(r"\b(?:remain\w*|stay\w*|kept|keeps?)\s+(?:below|above|under|at|around|within|near)\s+$", re.I)
_RED_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,1}?(?:fewer|less|lower|smaller|reductions?|decreases?|drops?|cheaper|cut|savings?|"
    r"compression|shorter)\b", re.I)
_GAIN_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,1}?(?:faster|speed-?ups?|acceleration|higher|more|larger|greater|improvements?|"
    r"gains?|better|increases?|boosts?|absolute\s+improvement|relative\s+improvement)\b", re.I)
_APPROX = r"(?:up\s+to\s+|about\s+|around\s+|over\s+|nearly\s+|approximately\s+|between\s+|almost\s+|roughly\s+|" \
    r"more\s+than\s+|an?\s+average\s+of\s+|a\s+margin\s+of\s+|a\s+factor\s+of\s+|a\s+|an\s+)*"
_RED_BEFORE = re.compile(
    r"(?:\b(?:reduc\w*|decreas\w*|lower\w*|cut\w*|sav(?:es?|ed|ing)|drop\w*|shrink\w*|compress\w*|declin\w*)"
    r"\b[^.;%\d]{0,60}?\bby\s+" + _APPROX + r"$)"
    r"|(?:\b(?:reductions?|decreases?|drops?|savings?|declines?)\s+(?:of|by)\s+" + _APPROX + r"$)", re.I)
_GAIN_BEFORE = re.compile(
    r"(?:\b(?:improv\w*|outperform\w*|increas\w*|boost\w*|surpass\w*|exceed\w*|rais\w*|enhanc\w*|"
    r"beat\w*|advanc\w*|lift\w*|lead\w*|better)\b[^.;%\d]{0,60}?\bby\s+" + _APPROX + r"$)"
    r"|(?:\b(?:gains?|improvements?|increases?|margin|boosts?)\s+(?:of\s+|by\s+)?" + _APPROX + r"$)", re.I)
_CHANGE_IN = re.compile(r"\b(?:drops?|reductions?|improvements?|gains?|increases?|decreases?|boosts?|"
                        r"degradation|loss)\s+(?:in|of|on)\s+(?:the\s+)?$", re.I)
_UPTO = re.compile(r"\b(?:up\s+to|about|around|approximately|nearly|roughly|over|more\s+than|~)\s*$", re.I)
_CLAUSE = re.compile(r";|\s(?:while|whereas|but|although|though)\s|,\s(?:and\s)?(?:which|where)\s")
_COMPARE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|over|compared\s+(?:to|with)|versus|vs\.?|"
    r"relative\s+to|against|baselines?)\b", re.I)
_OURS = re.compile(
    r"\b(?:our|the\s+proposed|this)\s+(?:proposed\s+|new\s+|novel\s+)?"
    r"(?:method|model|approach|framework|system|network|architecture|algorithm|technique|pipeline|agent)s?\b"
    r"|\b(?:[Ww]e|[Oo]urs)\b", re.I)
_OURS_L = re.compile(_OURS.pattern)  # for lower-cased text
_OURS_WORDS = ("our", "the", "this", "we")  # every _OURS_L match opens with one (with "the": "the proposed")
_VS_NUM = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*(?:the\s+|only\s+|just\s+)?"
                     r"(?:[\w\-.]+(?:'s|\u2019s)\s+)?$", re.I)
#: a compared method's value in brackets: "87.0% accuracy, outperforming a plain CNN (58.3%)", "surpassing prior SOTA (66.9%)"
_VS_PAREN = re.compile(r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|compared\s+(?:with|to)|against|versus|vs\.?|"
                       r"over|than)\s+[^()\d;]{0,60}\(\s*$", re.I)
_PAREN_NEXT = re.compile(r"\s*\\?%?\s*\)\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)[^()\d;]{0,40}\(\s*$")
#: the gap of a value and the compared one: "66.5% compared to SOTA accuracy of 63.2%", "0.87 vs. an F1 of 0.79"
_VS_OPEN = re.compile(r"\s*\\?%?\s*,?\s*(?:compared\s+(?:with|to)|against|versus|vs\.?)\s[^\d;]*$", re.I)
#: "achieving 0.730", "attains an average of 0.91": a bare decimal as the object of a result verb
_PLURAL_DS = re.compile(r"\s+(?:datasets|benchmarks|corpora|collections)\b")  # "three public D datasets": not one
#: "... and replicates on D (0.03 PPL gap)": a side result; the next sentences go back to the main setting
_SIDE_RESULT = re.compile(r"\b(?:replicat|generali[sz]|transfers?\s+to|extends?\s+to|also\s+holds)")
_TRAINED_BEFORE = re.compile(r"\b(?:pre-?trained|trained|fine-?tuned|finetuned|learned|distilled)\s+(?:only\s+)?(?:on|with|using)\s+"
                             r"(?:the\s+)?(?:[\w\-]+\s+){0,2}$")  # lower-cased: "CLIP models trained on D" is training data
#: "Using the D dataset, we ...", "a study of X on the D dataset (178 samples)", "On D, X ...": the one dataset the
#: following values are measured on, though no evaluation word is said
_USED_ON = re.compile(r"\b(?:using|on|with|from)\s+(?:the\s+)?(?:(?:public|publicly\s+available|well-known|standard|popular|"
                      r"widely[\s\-]used|large-scale)\s+)?$")
_DS_NOUN_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:dataset|benchmark|corpus|database)\b(?!\s+(?:of|for)\b)")
_TRAIN_WORD = re.compile(r"\b(?:train|pre-?train|fine-?tun|finetun)")  # lower-cased
#: a sentence opening on another setting than a named dataset ("On a crystal relaxation task, ...", "On GPT training
#: optimization, ...", "In a user study, ..."), not on a part of the same data ("On a class-balanced test set, ...")
_OTHER_SETTING = re.compile(r"(?:on\s+(?!average\b|the\s+other\s+hand\b|top\b|balance\b)|(?:in|for|under)\s+(?:a|an|another|"
                            r"other)\s)([^,;.]{1,60}),")  # lower-cased
_SAME_DATA = re.compile(r"\b(?:test|split|subsets?|sets?|folds?|partition|portion|version|variant|half|part)\b")


def _other_setting(low: str, s: int, e: int) -> bool:
    """Whether the sentence ``low[s:e]`` opens on another setting than the dataset carried so far.

    >>> t = "on gpt training optimization, it is 1.9x faster. on a class-balanced test set, it reaches 87.6%."
    >>> _other_setting(t, 0, 48), _other_setting(t, 49, len(t))
    (True, False)
    """
    m = _OTHER_SETTING.match(low, s, e)
    return m is not None and not _SAME_DATA.search(m[1])
_ON_OPEN = re.compile(r"on\s+(?:the\s+)?$")  # lower-cased


def _used_dataset(text: str, low: str, s: int, ments: list[MentionT]) -> bool:
    """Whether the sentence from ``s`` names a dataset as the data its values are measured on: "Using the D (DS)
    dataset, we ...", "... regression on the D dataset (178 samples)", a sentence opening "On D, X achieves ...";
    not training data ("pretrained on the D dataset").

    >>> t = "Using the Zorb City (ZC) dataset, we select three bands. A model trained with data from the Qux dataset."
    >>> ds = [(10, 19, "Dataset", "Zorb City"), (92, 95, "Dataset", "Qux")]
    >>> _used_dataset(t, t.lower(), 0, ds[:1]), _used_dataset(t, t.lower(), 57, ds[1:])
    (True, False)
    >>> t = "On Zorb-1K, QuxNet cuts FLOPs by 2.6x."
    >>> _used_dataset(t, t.lower(), 0, [(3, 10, "Dataset", "Zorb-1K")])
    True
    """
    for m in ments:
        if m[2] != "Dataset" or _TRAIN_WORD.search(low, s, m[0]):
            continue  # "we train a diffusion model on data from the D database": training data
        if text.startswith(",", m[1]) and _ON_OPEN.fullmatch(low, s, m[0]):
            return True  # "On D, ..."
        if _USED_ON.search(low, max(s, m[0] - 40), m[0]) and _DS_NOUN_AFTER.match(text, m[1]):
            return True
    return False


_EVAL_SENT = re.compile(r"\b(?:evaluat|experiment|test|benchmark|validat)")  # lower-cased text
_ACHIEVE_BEFORE = re.compile(r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|scor(?:e|es|ed|ing)|yield\w*)\s+"
                             r"(?:an?\s+|the\s+)?(?:(?:average|mean|overall)\s+(?:of\s+)?)?$", re.I)
_ON_AND = re.compile(r"^\s*(?:[A-Za-z@\-]+\s+){0,3}?(?:(?:on|in|for)\s+[^,;.()%]{1,40}?|\([^()]{1,30}\))\s*"
                     r"(?:,\s*and|,|and)\s+(?:by\s+|on\s+)?$", re.I)
_DS_AFTER = re.compile(r"\s*(?:(?!and\b|or\b|while\b|but\b)[^\s,;\d][^\s,;]*\s+){0,3}?(?:on|in|for|across)\s+(?:the\s+)?"
                       r"(?:(?!and\b)[^\s,;\d]+\s+)?(?:(?:(?!and\b)[^\s,;\d]+\s+){0,2}of\s+(?:the\s+)?)?$", re.I)
_FOR_NAME = re.compile(r"(?:\s*(?:,|and|or)\s*[\d.]+\s*%?)*\s*(?:points?\s+)?(?:for|by|of)\s+(?:the\s+)?(?:original\s+|standard\s+|vanilla\s+)?",
                       re.I)
# (not "at" an amount of another unit: "78.3% top-1 accuracy at 0.9 GFLOPs", "45 AP at 30 FPS" is the point it is
# measured at)
_OWN_VALUE = re.compile(r"\s*(?:\(|of|is|was|reaching|reaches|reached|at(?!\s*~?\d[\d.,]*\s*(?:\\?%\s*(?!(?:and|or|but|"
                        r"while|whereas|with|without|on|in|for|of|to|by|when|where|across|compared|than|which|"
                        r"respectively|after|under|over|from|at|as|vs|versus)\b))?[A-Za-z])|=|:|"
                        r"by(?:\s+up\s+to)?)?\s*(?:an?\s+|the\s+)?(?:[+\-]?\d|factor\s+of\s+[a-z]+\b)", re.I)
#: between a value and the next value's metric: the value's own words, then a conjunction ("0.455 average overlap and")
_OWN_WORDS_AND = re.compile(r"\s*(?:[a-z][\w\-]*\s+){1,3}?(?:and|,|,\s*and)\s+(?:an?\s+|the\s+)?")
_VALUE_BEFORE = re.compile(r"\d(?:\s?\\?%|\s?[x×])?\s*\$?\s*$")
_WORDS_BETWEEN = re.compile(r"(?:\s*\$?\s*(?:[a-z][\w\-]*)\s+){1,2}", re.I)
_ACRONYM_AFTER = re.compile(r"\$?\s?([A-Z][A-Za-z0-9@\-]{1,7})(?![\w\-])(?!\s+(?:dataset|benchmark|corpus)s?\b)")
_SCORE_BEFORE = re.compile(r"\b([A-Z][\w\-]*-[Ss]core)\s+(?:of\s+|is\s+|was\s+|=\s*|:\s*)(?:only\s+|just\s+|about\s+|around\s+)?$")
#: statistics written as "symbol = value": odds ratio, correlation, p-value (equality only; "p<0.001" is a bound)
_STAT_BEFORE = re.compile(r"(?<![\w\\])(OR|\$?\\?(?:rho|ρ)\$?|[rρ]|R\^?2|R²|p)\s*=\s*$")
_CORR_NAME = re.compile(r"\b(spearman|pearson)(?:'s|\u2019s)?(?:\s+(?:rank\s+)?correlation(?:\s+coefficient)?)?\s*(?:\(\s*)?\$?\s*$", re.I)
_STAT_NAMES = {"or": "odds ratio", "rho": "correlation", "ρ": "correlation", "r": "correlation", "r2": "R2", "r²": "R2",
               "p": "p-value"}
_RATE_BEFORE = re.compile(r"\b((?!(?:a|an|the|with|of|and|or|in|at|by)\s)[a-z][\w\-]*\s+(?:rates?|ratios?))\s+"
                          r"(?:(?:rises|rose|increases|increased|drops|dropped|falls|fell|decreases|decreased|improves|improved|"
                          r"grows|grew|declines|declined|jumps|jumped|climbs|climbed|goes\s+up|went\s+up|goes\s+down|went\s+down)\s+)?"
                          r"(?:of|is|was|are|were|below|above|under|over|at|around|about|"
                          r"reaching|reaches|range\s+from|ranging\s+from|from|to|near|=)\s+(?:only\s+|approximately\s+|about\s+)?$", re.I)
_NEW_PREDICATE = re.compile(r"\b(?:reach|achiev|obtain|attain|gets?\b|yield|scor|improv|reduc|increas|decreas|lower|rais)\w*",
                            re.I)
# physical units after a value make it a measurement ("0.19s", "8 MB", "161 FPS"), unless an amount of data follows
_MEASURE_UNIT = re.compile(r"\s?(?:(?:ms|s|sec|secs|seconds?|minutes?|hours?)(?![\w\-])(?!\s+(?:of|each|for\s+training)\b)|"
                           r"(?:MB|GB|KB|TB|fps|FPS|Hz|GHz|mJ|kWh|dB)(?![\w\-])(?!\s+(?:of|per|each|for\s+training)\b))")
_LENGTH_UNIT = re.compile(r"\s?(?:nm|mm|cm|m|km)(?![\w\-])")
_DURATION = re.compile(r"s|sec|secs|seconds?|minutes?|hours?")
_DURATION_LINK = re.compile(r"\b(?:latency|runtime|run\s+time|time|times|takes?|took|of|reduced\s+to|down\s+to|only)\s+$", re.I)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
_WORD_NUM_KEY = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_W = "|".join(_NUMBER_WORDS)


def _word_unit_hint(low: str) -> bool:
    """``_WORD_UNIT_HINT.search(low) is not None``, by substring tests first (only "point" needs the pattern).

    >>> _word_unit_hint("two-fold"), _word_unit_hint("pointwise"), _word_unit_hint("2 points.")
    (True, False, True)
    """
    if "times" in low or "fold" in low or "factor of" in low or "percent" in low:
        return True
    return "point" in low and _WORD_UNIT_HINT.search(low) is not None

_WORD_UNIT_HINT = re.compile(r"times|fold|factor of|points?\b|percent")  # lower-cased text
_WORD_NUM = re.compile(r"\bfactor\s+of\s+(" + _W + r")\b()|\b(" + _W + r")(?:-fold\b()|\s+times\s+(?=\w+er\b|more\b|less\b|"
                       r"fewer\b)()|\s+(?:[\w@\-]+\s+){1,2}?(points?|percent)\b)"
                       r"|\bby\s+(?:up\s+to\s+|about\s+|nearly\s+)?(" + _W + r")\s+(points?|percent)\b", re.I)
_VARIANT = re.compile(r"^(.+?)[\s\-](?:[BLSHTGM]|XL|XXL|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny|[Hh]uge|[Mm]ini|[Nn]ano|[Mm]edium|"
                      r"\d+(?:\.\d+)?[BMK]|\d+(?:\.\d+)?[bmk])$")
_Q = r"(?P<q>(?!(?:over|upon|on|against|than|compared|with|in|for|to)\b)[A-Za-z][\w\-@]*(?:\s+(?!by\b|to\b|from\b|of\b)[A-Za-z][\w\-@]*){0,2}?)"
_CHANGE_VERB_OBJ = re.compile(
    r"\b(?:improv(?:es|ed|ing|e)|reduc(?:es|ed|ing|e)|increas(?:es|ed|ing|e)|decreas(?:es|ed|ing|e)|lower(?:s|ed|ing)?|"
    r"cut(?:s|ting)?|boost(?:s|ed|ing)?|rais(?:es|ed|ing|e)|shrink(?:s|ing)?|speed(?:s|ing)?\s+up)\s+(?:the\s+|its\s+|their\s+)?"
    + _Q + r"\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|more\s+than\s+|"
    r"an?\s+average\s+of\s+|a\s+factor\s+of\s+)?$", re.I)
_CHANGE_NOUN_OBJ = re.compile(r"\s*\$?\s*(?:relative\s+|absolute\s+|average\s+)?(?:reduction|improvement|increase|decrease|drop|"
                              r"gain|decline|boost)s?\s+in\s+(?:the\s+)?" + _Q + r"(?=\s*(?:[,;.)]|for\b|on\b|of\b|and\b|"
                              r"with\b|while\b|compared\b|over\b|against\b|to\b|at\b|when\b|$))", re.I)
# the value's own changed quantity written right after it: "with only a 0.33% performance drop" (not the measure
# named before the value: "a 73% energy reduction with only a 0.33% performance drop"); not a degree or an
# averaging ("a 2.1% absolute improvement", "a 5% average gain"); a count it makes fewer ("30-fold fewer solver calls")
_OWN_CHANGE_AFTER = re.compile(r"\s*(?P<q>(?:(?!(?:absolute|relative|average|overall|mean|total|net|significant|further|"
                               r"additional|marginal|slight|small|large|consistent|notable|substantial|and|or|in|of|"
                               r"on|for|with)\b)[a-z][\w\-]*\s+){1,2})(?:drops?|degradations?|declines?|losses)\b|"
                               r"\s*fewer\s+[A-Za-z]")  # "with 30-fold fewer FEM solutions": a count of its own
_Q_STOP = {"the", "a", "an", "its", "their", "our", "overall", "average", "mean"}
_Q_GENERIC = {"performance", "results", "result", "it", "them", "this", "that", "model", "models", "method", "methods",
              "baseline", "baselines", "quality", "effectiveness", "state-of-the-art"}
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_LIST_GAP = re.compile(
    r"^\s*(?:\$|\\?%)?\s*(?:\([^()]{1,30}\))?\s*(?:,|and|or|/|,\s*and|vs\.?|\)|\(|;)?\s*(?:\$)?\s*"
    r"(?:\(|\)\s*,?\s*(?:and\s+)?)?\s*$", re.I)


@lru_cache(maxsize=1)
def metric_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The fallback metric regex and surface->canonical map, from ``data/result_metrics.txt``.

    >>> rx, canon = metric_words()
    >>> canon[rx.search("a BLEU score").group(0).lower()]
    'BLEU'
    """
    canon: dict[str, str] = {}
    text = resources.files("kg.extract").joinpath("data/result_metrics.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        surface, _, name = line.partition("\t")
        canon[surface.lower()] = name or surface
    alts = sorted(canon, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")s?(?![\w-])", re.I)
    return rx, canon


_DIGIT = re.compile(r"\d")  # only asked whether there is one (r"\d+" answers the same, ~1.5x slower)


@lru_cache(maxsize=1)
def _metric_rx_lower() -> re.Pattern[str]:
    return re.compile(metric_words()[0].pattern)  # same alternation, for lower-cased text


def iter_sentences(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT]):
    """Yield ``(start, end, mentions inside)`` per sentence; mentions must be sorted by start.

    >>> list(iter_sentences("A b. C d.", [(0, 4), (5, 9)], [(5, 6, "Method", "C")]))
    [(0, 4, []), (5, 9, [(5, 6, 'Method', 'C')])]
    """
    starts = [m[0] for m in mentions]
    for s, e in sentences:
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        yield s, e, [m for m in mentions[i:j] if m[1] <= e]


def expand_mentions(text: str, mentions: list[MentionT]) -> list[MentionT]:
    """``mentions`` plus every other whole-word occurrence of their surface forms, sorted by start.

    The entity stage may mark a name only where a cue found it ("we propose X"); results and relations
    need it in every sentence. Forms shorter than 2 characters are not spread; overlaps are skipped.

    >>> t = "We propose XNet. XNet beats YNet; XNet-L is bigger."
    >>> [(s, e, n) for s, e, _, n in expand_mentions(t, [(11, 15, "Method", "XNet")])]
    [(11, 15, 'XNet'), (17, 21, 'XNet')]
    """
    global _LAST_EXPANDED
    if not mentions:
        return []
    key = (text, tuple(mentions))
    last = _LAST_EXPANDED  # results and relations of one field ask for the same expansion in a row
    if last is not None and last[0] == key:
        return list(last[1])
    out = _expand(text, mentions)
    _LAST_EXPANDED = (key, tuple(out))
    return out


_LAST_EXPANDED: tuple | None = None


def _expand(text: str, mentions: list[MentionT]) -> list[MentionT]:
    forms: dict[str, tuple[str, str]] = {}
    for s, e, typ, name in mentions:
        f = text[s:e]
        if len(f) >= 2 and f.strip() == f:
            forms.setdefault(f, (typ, name))
    if not forms:
        return sorted(mentions)
    taken = sorted((m[0], m[1]) for m in mentions)
    out = list(mentions)
    n = len(text)
    for f in sorted(forms, key=len, reverse=True):
        i = text.find(f)
        while i >= 0:
            j = i + len(f)
            ok = (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and \
                (j >= n or not (text[j].isalnum() or text[j] in "_-" or (text[j] == "." and j + 1 < n and text[j + 1].isdigit())))
            if ok and not _overlaps(taken, i, j):
                typ, name = forms[f]
                out.append((i, j, typ, name))
                insort(taken, (i, j))
            i = text.find(f, j)
    return sorted(set(out))


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    k = bisect_left(spans, (b, b))
    return any(x < b and a < y for x, y in spans[max(0, k - 4):k])


def size_families(mentions: list[MentionT], proposed: str | None) -> dict[str, MentionT]:
    """Size variants named next to their family ("XNet-B" with "XNet", "Llama 2 13B" with "Llama 2") -> the family.

    >>> size_families([(0, 4, "Method", "XNet"), (9, 15, "Method", "XNet-B"), (20, 25, "Method", "YNet-L")], None)
    {'XNet-B': (0, 4, 'Method', 'XNet')}
    """
    names = {m[3]: m for m in mentions if m[2] == "Method"}
    if proposed:
        names.setdefault(proposed, (0, 0, "Method", proposed))
    out = {}
    for n in names:
        m = _VARIANT.match(n)
        if m and m[1] in names:
            out[n] = names[m[1]]
    return out


def proposed_of(text: str, mentions: list[MentionT], field: str = "abstract") -> str | None:
    """The first Method mention that a proposal cue introduces ("we propose X", a title "X: ..."), else ``None``.

    >>> t = "BERT is strong. We propose XNet, built on BERT."
    >>> proposed_of(t, [(0, 4, "Method", "BERT"), (27, 31, "Method", "XNet"), (42, 46, "Method", "BERT")])
    'XNet'
    >>> proposed_of("We tune BERT and call the result YNet.", [(8, 12, "Method", "BERT"), (33, 37, "Method", "YNet")])
    'YNet'
    """
    from kg.extract.text import role_of
    for s, _, typ, name in mentions:
        if typ == "Method" and role_of(text, s, field) == "proposed":
            return name
    for s, _, typ, name in mentions:  # naming cues: "Our method, X, ...", "we call the result X", "dubbed X"
        if typ == "Method" and _NAMING.search(text, max(0, s - 60), s):
            return name
    return None


#: a name given to the paper's own method right before a mention
_NAMING = re.compile(r"(?:\b(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:new\s+)?(?:method|model|approach|framework|system|"
                     r"architecture|network|algorithm|technique)\s*,\s*|\b(?:call|calls|called|dub|dubbed|term|termed|"
                     r"name|named|coin|coined)\s+(?:(?:it|this|them|the\s+result(?:ing\s+[\w-]+)?|our\s+[\w-]+)\s+)?"
                     r"(?:as\s+)?)$")


def clause_bounds(text: str, s: int, e: int) -> list[int]:
    """Clause break offsets inside sentence ``text[s:e]`` (``s`` and ``e`` included).

    >>> clause_bounds("X is good; Y is bad.", 0, 20)
    [0, 9, 20]
    """
    return [s, *_breaks(text, s, e), e]


def _breaks(text: str, s: int, e: int) -> list[int]:
    return [m.start() for m in _CLAUSE.finditer(text, s, e)]


def _clause_of(bounds: list[int], pos: int) -> tuple[int, int]:
    i = max(0, bisect_left(bounds, pos + 1) - 1)
    return bounds[i], bounds[min(i + 1, len(bounds) - 1)]


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: characters whose lower case is longer stay as they are.

    >>> lower_same_length("BERT \u0130x")
    'bert \u0130x'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def proposed_spans(text: str, s: int, e: int, proposed: str | None, low: str | None = None) -> list[MentionT]:
    """Method pseudo-mentions for "our model"/"the proposed method"/"we" when ``proposed`` is known.

    >>> proposed_spans("Our model beats X.", 0, 18, "M")
    [(0, 9, 'Method', 'M')]
    """
    global _LAST_OURS
    if not proposed:
        return []
    last = _LAST_OURS  # one scan per field: results (per sentence) and relations (whole text) share it
    if last is None or last[0] is not text and last[0] != text or last[1] != proposed:
        low = low or lower_same_length(text)
        words = _OURS_WORDS if "proposed" in low else _OURS_WORDS[:1] + _OURS_WORDS[2:]  # "the" only as "the proposed"
        spans = [(m.start(), m.end(), "Method", proposed)  # _OURS_L.finditer(low), tried where its words stand
                 for m in finditer_at(_OURS_L, low, words, ignore_case=False)]
        last = _LAST_OURS = (text, proposed, spans)
    if s == 0 and e == len(text):
        return list(last[2])
    return [x for x in last[2] if s <= x[0] and x[1] <= e]


_LAST_OURS: tuple | None = None


def _canonical(canon: dict[str, str], surface: str) -> str:
    low = surface.lower()
    if low in canon:
        return canon[low]
    return canon.get(low[:-1], surface[:-1]) if low.endswith("s") else surface


class _Cand(NamedTuple):
    start: int          # number start (sign included)
    end: int            # end incl. unit
    anchor: int         # where the metric link is read back from ("from" of "from A to B")
    value: str
    unit: str | None
    sign: str
    measure: bool = False  # a physical unit follows ("0.19s", "8 MB", "161 FPS"): a measured quantity
    phys: str = ""         # that unit


def _unit_of(u: str | None) -> str | None:
    if not u:
        return None
    u = u.strip().lower()
    if "%" in u or u.startswith("percent") and "point" not in u:
        return "%"
    if "point" in u or u in ("pp", "p.p.", "pt", "pts"):
        return "points"
    return "x"


#: where a NUM match can begin: its sign, "-", a digit or "." (NUM itself tried at every character costs 4x more)
_NUM_AT = re.compile(r"[+\u2212±\-.\d]")


def _candidates(text: str, s: int, e: int, blocked: list[tuple[int, int]]) -> list[_Cand]:
    out: list[_Cand] = []
    for m in matches_at(NUM, text, [c.start() for c in _NUM_AT.finditer(text, s, e)], e):  # = NUM.finditer(text, s, e)
        a, b = m.start(), m.end()
        na = m.start("num")
        prev = text[na - 1] if na > 0 else " "
        if (prev.isalnum() or prev in "_@./^#" or (prev == "-" and not m["sign"] and na > 1 and text[na - 2].isalnum())) \
                and not (prev == "/" and text[na - 2:na - 1] == "%"):  # "68.8%/50.8%/28.6% accuracy": a list
            continue
        if m["sign"] and m["sign"].startswith("-") and a > 0 and text[a - 1].isalnum():
            continue
        nxt = text[b] if b < len(text) else " "
        mu = None if m["unit"] else _MEASURE_UNIT.match(text, b)
        measure = bool(mu) and ("." in m["num"] or not _DURATION.fullmatch(mu.group(0).strip())
                                or bool(_DURATION_LINK.search(text, max(s, a - 30), a)))
        lu = None if m["unit"] or measure else _LENGTH_UNIT.match(text, b)
        if not m["unit"] and not measure and not lu and \
                (nxt.isalpha() or (nxt == "-" and b + 1 < len(text) and text[b + 1].isalnum())):
            continue
        if m["unit"] and nxt.isalnum() and m["unit"].strip() in ("x", "×"):
            continue
        if any(bs <= na < be for bs, be in blocked):
            continue
        if prev == "(" and text[b:b + 1] == ")" and m["num"].isdigit() and len(m["num"]) <= 2 and not m["unit"]:
            continue  # "(2) performance": an enumeration mark
        if _SCI_AFTER.match(text, b):
            continue  # "1.16\times10^{-2}": scientific notation, not the value written
        if out and out[-1].end <= na and _SPREAD_BEFORE.search(text, max(s, out[-1].start, na - 12), na):
            pct = None if m["unit"] else _MATH_PCT.match(text, b)  # "$5.18\\pm0.17$%"
            if (m["unit"] or pct) and out[-1].unit is None and not out[-1].phys:
                out[-1] = out[-1]._replace(end=pct.end() if pct else b, unit=_unit_of(m["unit"] or "%"))  # "98+-2%": 98%
            continue
        if _BLOCK_BEFORE.search(text, max(s, a - 20), a):
            continue
        unit = _unit_of(m["unit"])
        num = m["num"].replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", m["num"]) else m["num"]
        value = f"{num}-{m['num2'] or m['num3']}" if m["num2"] or m["num3"] else num
        anchor = a
        fm = _FROM_TO.search(text, max(s, a - 60), a)
        if fm:
            anchor = fm.start()
        sign = (m["sign"] or "").strip()
        # lengths ("2.62 m") count only next to a metric or in a list after one: "5 m resolution" is a setting
        phys = mu.group(0).strip() if measure else lu.group(0).strip() if lu else ""
        out.append(_Cand(a, lu.end() if lu else b, anchor, value, unit, sign, measure, phys))
    if _word_number_in(text, s, e):
        out += _word_candidates(text, s, e, out)
        out.sort()
    return out


def _word_number_in(text: str, s: int, e: int) -> bool:
    """``_WORD_NUM_KEY.search(text, s, e) is not None`` ("four", "Twenty" in ``text[s:e]``), from the number words
    of the whole text, found once per text (the last one asked for is kept).

    >>> t = "It is often two times faster. Nothing here"
    >>> _word_number_in(t, 0, 29), _word_number_in(t, 30, len(t)), _word_number_in(t, 0, 11)
    (True, False, False)
    """
    global _LAST_NUMBER_WORDS
    if e < len(text) and (text[e].isalnum() or text[e] == "_"):
        return _WORD_NUM_KEY.search(text, s, e) is not None  # a word cut at e: the window sees a boundary there
    last = _LAST_NUMBER_WORDS
    if last is None or last[0] is not text:
        spans = [m.span() for m in finditer_at(_WORD_NUM_KEY, text, _NUMBER_WORD_KEYS)]  # = .finditer(text)
        last = _LAST_NUMBER_WORDS = (text, [a for a, _ in spans], spans)
    i = bisect_left(last[1], s)
    return i < len(last[2]) and last[2][i][1] <= e


_LAST_NUMBER_WORDS: tuple | None = None
#: where a number word can begin: a prefix of each word in :data:`_NUMBER_WORDS` ("tw" for two / twelve / twenty,
#: "four" for fourteen ...); 16 ``str.find`` passes over the text instead of 25, the same places for ``finditer_at``
_NUMBER_WORD_KEYS = ("zero", "one", "tw", "three", "thirt", "four", "forty", "five", "fif", "six", "seven", "eight",
                     "eleven", "nine", "ten", "hundred")


def _word_candidates(text: str, s: int, e: int, have: list[_Cand]) -> list[_Cand]:
    """Spelled-out values with a unit: "four F1 points", "two times faster", "by a factor of twenty", "three-fold".

    >>> t = "It cuts memory by a factor of twenty and gains four F1 points."
    >>> [(c.value, c.unit) for c in _word_candidates(t, 0, len(t), [])]
    [('20', 'x'), ('4', 'points')]
    """
    out = []
    for m in _WORD_NUM.finditer(text, s, e):
        g = next(i for i in (1, 3, 7) if m[i])
        a, b = m.span(g)
        if any(c.start <= a < c.end for c in have):
            continue
        unit = _unit_of(m[6] or m[8]) if (m[6] or m[8]) else "x"
        if m[4] is not None or m[5] is not None or m[8]:
            b = m.end()  # "three-fold", "two times", "by four points": the unit is part of the value
        out.append(_Cand(a, b, a, str(_NUMBER_WORDS[m[g].lower()]), unit, ""))
    return out


def _metric_near(text: str, c: _Cand, cs: int, ce: int, metrics: list[MentionT],
                 fallback: list[tuple[int, int, str]], owned: int = -1) -> tuple[str | None, bool, bool]:
    """(metric, adjacent?, from a mention?) for a candidate inside clause [cs, ce); ``owned`` is the end of the
    previous value of the sentence (a metric right after it is that value's: "1.9x energy efficiency and 1.3x
    lower latency" gives 1.3x latency, the metric after it, not energy efficiency).

    >>> t = "It gives 1.9x energy efficiency and 1.3x lower latency."
    >>> cs = _candidates(t, 0, len(t), [])
    >>> ms = [(14, 31, "Metric", "energy efficiency"), (47, 54, "Metric", "latency")]
    >>> _metric_near(t, cs[1], 0, len(t), ms, [], cs[0].end)[0], _metric_near(t, cs[1], 0, len(t), ms, [])[0]
    ('latency', 'energy efficiency')
    """
    m = _CHANGE_NOUN_OBJ.match(text, c.end, ce) if c.unit else None
    # "51.7% gain in R2 and 7.3% improvement in cross-validated AUC": with a Metric in its changed quantity, a metric
    # before the value is not c's (not "pixel-AP")
    own_q = m is not None and any(m.start("q") <= x[0] and x[1] <= m.end("q") and text[x[0] - 1] != "-" and
                                  text[x[1]:x[1] + 1] != "-" for x in metrics)
    own_chg = _OWN_CHANGE_AFTER.match(text, c.end, ce) if c.unit else None
    own_q = own_q or own_chg is not None
    for pool, is_mention in ((metrics, True), (fallback, False)):
        best = None
        for ms, me, *rest in pool:
            name = rest[-1]
            if me <= c.anchor and ms >= cs and not own_q and c.anchor - me <= 45 and _LINK_BEFORE.match(text[me:c.anchor]) and \
                    not (_VALUE_BEFORE.search(text, max(cs, ms - 8), ms) and _NEW_PREDICATE.search(text, me, c.anchor)):
                best = (c.anchor - me, name, 0 <= ms - owned <= 3)
            elif ms >= c.end and me <= ce and ms - c.end <= 30 and _LINK_AFTER.match(text[c.end:ms]) and \
                    not _OWN_VALUE.match(text, me, min(ce, me + 30)):
                d = ms - c.end
                if _CHANGE_IN.search(text, c.end, ms):
                    d -= 20  # "0.2% drop in accuracy": the changed quantity beats a metric before the number
                if best is None or best[2] or d < best[0]:
                    best = (d, name, False)  # a metric before that is the previous value's loses to one after
        if best:
            return best[1], True, is_mention
    if own_chg:  # "14% alignment drops": that quantity; "a 0.33% performance drop", "3x fewer steps": none named
        q = (own_chg["q"] or "").strip()
        return (q, True, False) if q and q.lower() not in _Q_GENERIC else (None, False, False)
    if c.unit:
        m = _UNIT_NOUN.match(text, c.end, ce)  # "6x query efficiency improvement", "60% of the model weights" (removed)
        name = m and (m[1] or m[2] or (m[3] if c.unit == "x" else None))
        if name and name.lower() not in _Q_GENERIC and name.split()[0].lower() not in _Q_STOP and \
                (m[2] is None or _CUT_BEFORE.search(text, max(cs, c.start - 90), c.start) or
                 _ONLY_SHARE_BEFORE.search(text, max(cs, c.start - 30), c.start)):
            return name, True, False
    name = _changed_quantity(text, c, cs, ce) or _changed_subject(text, c, cs)  # "improves X by 83%", "X drops by 60%"
    if name:
        return name, True, False
    if c.unit == "%" or (c.unit is None and "." in c.value):
        m = _MEASURE_NOUN_AFTER.match(text, c.end, ce)  # "76% scaling efficiency", "0.455 average overlap"
        if m:
            return m[1], True, False
    m = _ACRONYM_AFTER.match(text, c.end, ce)  # "37.0% CoER": an unknown acronym right after the value
    if m and sum(ch.isupper() for ch in m[1]) >= 2 and (c.unit or "." in c.value) and not re.fullmatch(r"[A-Z]+s", m[1]):
        return m[1], True, False
    m = _RATE_BEFORE.search(text, max(cs, c.anchor - 40), c.anchor)  # "mirage rates below 3%"
    if m:
        return m[1].rstrip("s") if m[1].endswith("rates") else m[1], True, False
    m = _SCORE_BEFORE.search(text, max(cs, c.anchor - 40), c.anchor)  # "an MMMG-Score of only 50.20"
    if m:
        return m[1], True, False
    m = _STAT_BEFORE.search(text, max(cs, c.anchor - 12), c.anchor)  # "OR=2.50", "$\rho$=-0.06", "p=0.31"
    if m:
        name = _STAT_NAMES.get(re.sub(r"[$\\^]", "", m[1].lower()), "correlation")
        if name == "correlation":  # "Spearman's $\rho$ = 0.81", "Pearson r = 0.36": the named coefficient
            w = _CORR_NAME.search(text, max(cs, m.start() - 14), m.start())
            name = f"{w[1].capitalize()} correlation" if w else name
        return name, True, False
    for pool, is_mention in ((metrics, True),):
        # the nearest Metric of the clause, unless it has a value of its own ("hits@10 reaching 86.97%", "75% win rate")
        inside = [(min(abs(ms - c.start), abs(me - c.start)), m[-1]) for m in pool
                  for ms, me in [(m[0], m[1])] if cs <= ms and me <= ce and
                  not (ms > c.end and _OWN_VALUE.match(text, me, min(ce, me + 30))) and
                  not (me < c.start and _VALUE_BEFORE.search(text, max(cs, ms - 8), ms) and
                       _kind(text, c, cs) == "absolute") and  # a gain "by 4 points" still refers to it
                  # "0.455 average overlap and 0.509 accuracy", "(ECE: 0.186->0.312), and ... +5.8 pp": the
                  # metric is another value's
                  not (ms > c.end + 8 and _VALUE_BEFORE.search(text, max(c.end + 1, ms - 8), ms) and
                       _OWN_WORDS_AND.match(text, c.end, ms)) and
                  not (me < c.start and _kind(text, c, cs) == "absolute" and _owned_after(text, me, c.start, c.unit)) and
                  # "reduces the token cost by 30% and improves the performance by 4%": the object of another
                  # value's "by"; "by 2.11% on ten tasks, with a 3.7% FLOPs overhead": a metric after its own value
                  not (me < c.start and _by_other(text, me, c.start) and
                       _OWN_CHANGE.search(text, max(cs, c.start - 70), c.start)) and
                  not (ms > c.end + 8 and _owned_later(text, c, ms))]
        if inside:
            return min(inside)[1], False, is_mention
    near = [m for m in fallback if cs <= m[0] and m[1] <= c.anchor and c.anchor - m[1] <= 30
            and not NUM.search(text, m[1], c.anchor)]
    if near:
        return near[-1][2], False, False
    if c.unit:  # "2.1x decoding speedup": up to two words between a value with a unit and a metric word
        for ms, me, name in fallback:
            if c.end <= ms <= c.end + 30 and me <= ce and _WORDS_BETWEEN.fullmatch(text, c.end, ms):
                return name, True, False
    return None, False, False


#: "... by 80%" with no quantity of its own, after a comparison: "improving over the baseline by", "surpassing Y by"
_CMP_BEFORE = re.compile(r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|over|than|compared|relative\s+to)\b", re.I)
_CMP_VERB = re.compile(r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|improv\w*\s+(?:over|upon|on))\b", re.I)
_OTHER_MEASURE = re.compile(r"\b(?:faster|slower|smaller|larger|cheaper|shorter|longer|fewer|lighter|quicker)\b", re.I)
_BY_APPROX = r"(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|more\s+than\s+|an?\s+average\s+of\s+)?"
_BY_VALUE = re.compile(r"\s+by\s+" + _BY_APPROX + r"\$?[+\-]?\d[\d.,]*", re.I)
_BARE_BY = re.compile(r"\bby\s+" + _BY_APPROX + r"\$?$", re.I)
#: a value whose quantity is stated after it: "by 22% reduction of bits", "by 15 points in adequacy", "by 3.7% FLOPs"
_STATED_AFTER = re.compile(r"\s*\$?\s*(?:(?:points?|pp)\s+)?(?:(?:reduction|improvement|increase|decrease|gain|drop)s?\s+)?"
                           r"(?:(?:of|in)\s+(?:the\s+)?)?(?!(?:on|in|over|across|than|compared|relative|against|while|when|"
                           r"and|or|with|for|at|from|to|respectively|as|which|using|under|after)\b)[A-Za-z]")
#: "3.7% FLOPs computational overhead": a value with a unit and at most two words (no function word) before a metric
_UNIT_VALUE_BEFORE = re.compile(r"(\d[\d.,]*)(?:\s?\\?%|\s?[x×])\s*\$?\s*"
                                r"(?:(?!(?:in|on|of|for|at|to|and|or|with|by|over)\b)[A-Za-z][\w\-]*\s+){0,2}$")
#: "improves the performance by 4%", "accelerate inference by up to 57 times": a value with its own change verb and object
_OWN_CHANGE = re.compile(r"\b(?:improv|reduc|increas|decreas|lower|boost|rais|accelerat|enhanc|cut|shorten|speed|sav)\w*\s+"
                         r"(?:the\s+|its\s+|their\s+)?(?:[\w\-'\u2019]+\s+){0,4}?by\s+" + _BY_APPROX + r"\$?$", re.I)


def _compared_gap(gap: str) -> bool:
    """Whether the text between two values of one unit makes the second the compared method's value: "..., compared
    with" (up to 80 characters), or a name in brackets after a comparison (up to 120: "87.0% accuracy on the A
    dataset, significantly outperforming a plain CNN (58.3%)").

    >>> _compared_gap("% accuracy, compared with "), _compared_gap("% accuracy, outperforming a plain CNN ("), _compared_gap("% on A and ")
    (True, True, False)
    """
    return len(gap) <= 80 and _VS_NUM.search(gap) is not None or len(gap) <= 120 and _VS_PAREN.search(gap) is not None


def _own_object(text: str, c: "_Cand", cs: int) -> bool:
    """Whether ``c`` follows a change verb with an object of its own ("accelerates backward by 1.3x"), not a compared
    one ("improving over the baseline by 80%").

    >>> t = "It accelerates backward by 1.3x, improving over Y by 8%, and is faster than Z by 5%."
    >>> [_own_object(t, c, 0) for c in _candidates(t, 0, len(t), [])]
    [True, False, True]
    """
    if _OTHER_MEASURE.search(text, max(cs, c.start - 70), c.start):
        return True  # "faster than Y by 8%": the comparative names another measure
    m = _OWN_CHANGE.search(text, max(cs, c.start - 70), c.start)
    return m is not None and not _CMP_BEFORE.search(text, m.start(), c.start)


def _owned_later(text: str, c: "_Cand", ms: int) -> bool:
    """Whether the metric starting at ``ms`` (after ``c``) follows a later value of its own ("by 2.11% on ten tasks,
    with a 3.7% FLOPs overhead"), not one listed with ``c`` ("44.0% vs. 24.0% final accuracy" shares it).

    >>> t = "It gains 2.11% speedup on ten tasks, with a 3.7% FLOPs overhead; 44.0% vs. 24.0% final accuracy."
    >>> cs = _candidates(t, 0, len(t), [])
    >>> _owned_later(t, cs[0], t.index("FLOPs")), _owned_later(t, cs[2], t.index("final"))
    (True, False)
    """
    if not _OWN_NOUN_AFTER.match(text, c.end, ms):
        return False  # "a 22.12% improvement, reaching 99.6% test accuracy": the later metric may be c's too
    m = _UNIT_VALUE_BEFORE.search(text, max(c.end + 1, ms - 40), ms)
    return m is not None and not _LIST_GAP.match(text[c.end:m.start(1)])


#: a value followed by a word of its own ("0% forgetting", "3x compression", "3.54 average guesses"), not by a
#: preposition, a list or a change noun ("82.67% on A", "22.12% improvement", "21.8% to 51.0%")
#: words after a value that never name what it measures: prepositions, conjunctions, comparatives, change nouns
#: (shared by :data:`_OWN_NOUN_AFTER` and :data:`_MEASURE_NOUN_AFTER`, each adding its own)
_NOT_MEASURE_WORDS = (r"of|in|on|and|or|with|for|to|at|by|from|than|over|across|while|more|less|higher|lower|better|"
                      r"worse|improvements?|gains?|increases?|decreases?|reductions?")
_OWN_NOUN_AFTER = re.compile(r"\s?\$?\s?(?!(?:" + _NOT_MEASURE_WORDS + r"|vs|versus|compared|which|points?|absolute|"
                             r"relative|respectively)\b)[a-z][a-z\-]+\b")


def _by_other(text: str, me: int, start: int) -> bool:
    """Whether the metric ending at ``me`` is followed by "by <number>" that ends before ``start`` (the change of
    another value: "reduces the token cost by 30% and improves the performance by 4%").

    >>> t = "It reduces the token cost by up to 30% and improves the performance by 4%."
    >>> _by_other(t, t.index(" by up"), t.index("4%")), _by_other(t, t.index(" by up"), t.index("30%"))
    (True, False)
    """
    m = _BY_VALUE.match(text, me, start)
    return m is not None and m.end() < start


_MEASURE_HEADS = ("efficiency", "coverage", "overlap", "agreement", "reliability", "consistency", "fidelity", "utilization",
                  "utilisation", "compliance", "similarity", "alignment", "retention", "success")
#: a value followed by a measure noun (with up to two words before it): "76% scaling efficiency", "73.7% coverage",
#: "0.455 average overlap", "94% grasp reliability", "86.4% agreement" (not "... efficiency of", "... rate")
_MEASURE_NOUN_AFTER = re.compile(
    r"\s?\$?\s?((?:(?!(?:" + _NOT_MEASURE_WORDS + r"|the|a|an|after|before|during|under|within|between|via|using|"
    r"through|per|when|fewer)\b)[a-z][a-z\-]*\s+){0,2}"
    r"(?:" + "|".join(_MEASURE_HEADS) + r"))\b(?!\s+(?:of|rates?|ratios?|scores?)\b|-)")


def _owned_after(text: str, me: int, start: int, unit: str | None) -> bool:
    """Whether the metric ending at ``me`` is followed by a value of its own, with another unit than ``unit``,
    that ends before ``start`` ("ECE: 0.186->0.312, and ... +5.8 pp": ECE is 0.186's; "a success rate of
    76.7%, ... over the baseline at 36.7%" shares it)."""
    m = _OWN_VALUE.match(text, me, start)
    if not m:
        return False
    n = NUM.match(text, m.end() - 1, start)
    return n is not None and n.end() < start and not text[n.end()].isalpha() and _unit_of(n["unit"]) != unit


def _changed_quantity(text: str, c: _Cand, cs: int, ce: int) -> str | None:
    """The quantity a change verb or noun governs: "reduces token usage by 37.6%", "a 51% reduction in latency".

    >>> t = "It improves energy-delay-product by up to 83% and gives a 37.6% reduction in token usage for QA."
    >>> [_changed_quantity(t, c, 0, len(t)) for c in _candidates(t, 0, len(t), [])]
    ['energy-delay-product', 'token usage']
    >>> t = "It improves detection recall by 2%, robustness by 7%, the ranking of YNet by 3% and shortens outputs by 4%."
    >>> [_changed_quantity(t, c, 0, len(t)) for c in _candidates(t, 0, len(t), [])]
    ['detection recall', 'robustness', None, None]
    """
    m = _CHANGE_VERB_OBJ.search(text, max(cs, c.start - 70), c.start)
    if m is None:
        m = _GAPPED_OBJ.search(text, max(cs, c.start - 50), c.start)  # "improves A by 1% and robustness by 7%"
        if m is not None and not (all(w[0].islower() and w not in ("and", "or") for w in m["q"].split()) and
                                  not any(_VERB_FIRST.match(w) for w in m["q"].split()) and _PREV_BY_END.search(text, max(cs, m.start() - 40), m.start())
                                  and _EARLIER_BY.search(text, max(cs, m.start() - 120), m.start())):
            m = None
    if m is None:
        m = _CHANGE_NOUN_OBJ.match(text, c.end, ce)
    if m is None:
        return None
    if text[m.end("q"):m.end("q") + 1].isalnum():
        return None  # cut inside a word
    words = m["q"].split()
    while words and words[-1].lower() in _Q_STOP:
        words.pop()
    while words and words[0].lower() in _Q_STOP:
        words.pop(0)
    if not words or len(words) > 3 or words[-1].lower() in _Q_GENERIC:
        return None
    return " ".join(words)


#: a quantity coordinated after an earlier change verb's "by <value>": "improves A by 1% and robustness by 7%"
_GAPPED_OBJ = re.compile(r"(?:,|\band)\s+(?:the\s+|its\s+|their\s+)?" + _Q + r"\s+by\s+" + _BY_APPROX + r"\$?$")
_VERB_FIRST = re.compile(r"(?:improv|reduc|increas|decreas|lower|boost|rais|cut|enhanc|shorten|accelerat|speed|sav|shrink|"
                         r"drop)\w*\b|\w+ed\b")  # ", and shortens outputs by 44%": a verb's object, not a coordinated quantity
_PREV_BY_END = re.compile(r"\bby\s+" + _BY_APPROX + r"\$?[+\-]?\d[\d.,]*(?:\s*-{1,2}\s*\$?\d[\d.,]*)?\s*\$?\s*"
                          r"(?:\\?%|percent|points?|pp|x|×|\\times|-?folds?|times)?\s*\$?\s*$", re.I)
_EARLIER_BY = re.compile(r"\b(?:improv|reduc|increas|decreas|lower|boost|rais|cut|enhanc)\w*\s+[^;]*?\bby\s+" + _BY_APPROX +
                         r"\$?[+\-]?\d", re.I)
#: "Annotation time drops by 60%", "the privacy leakage risk is reduced by 23.3%": the subject of an intransitive
#: or passive change verb right before "by <value>", opened by the clause start, a comma or a determiner
_SUBJ_CHANGE = re.compile(
    r"(?:^\s*|[,;:(]\s*(?:and\s+|while\s+|whereas\s+|where\s+)?|\b(?P<det>the|our|its|their)\s+)"
    r"(?P<q>[A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2}?)\s+(?:(?:is|are|was|were|can\s+be|could\s+be|has\s+been|"
    r"have\s+been)\s+)?(?:\w+ly\s+)?(?:drops?|dropped|decreas(?:es|ed)|reduced|fell|falls|declin(?:es|ed)|"
    r"increas(?:es|ed)|rises|rose|improv(?:es|ed)|grows|grew|shrinks|shrank|jumps|jumped)\s+by\s+" + _BY_APPROX + r"\$?$")
_SUBJ_STOP = {"of", "in", "on", "for", "with", "to", "at", "by", "from", "as", "than", "and", "or", "this", "these", "those",
              "which", "who", "it", "they", "we", "he", "she", "is", "are", "was", "were", "be", "been", "has", "have", "had",
              "can", "could", "also", "further", "score", "scores", "value", "values", "number", "ability", "rate",
              "task", "tasks", "case", "set", "dataset", "benchmark", "database", "approach", "system", "framework",
              "but", "while", "whereas", "where", "when", "then", "yet", "so", "thus", "hence", "category", "categories"}
_PREP_BEFORE = re.compile(r"\b(?:of|on|in|for|to|with|from|at|by|between|across|over|under|among)\s+$", re.I)


def _changed_subject(text: str, c: _Cand, cs: int) -> str | None:
    """The measured subject of "X drops / is reduced / improves by <value>": 1-3 plain lower-case words (a capital
    only on the first of two or more), no function word, not a generic word ("performance", "model"), not the
    object of a preposition ("the error on the test set is reduced by" gives nothing).

    >>> t = "Annotation time drops by 60%, the model improves by 2% and the error on the test set fell by 5%."
    >>> [_changed_subject(t, c, 0) for c in _candidates(t, 0, len(t), [])]
    ['Annotation time', None, None]
    """
    lo = max(cs, c.start - 90)
    if text.find(" by ", lo, c.start) < 0:
        return None
    m = _SUBJ_CHANGE.search(text[lo:c.start])
    if m is None:
        return None
    words = m["q"].split()
    if any(w.lower() in _SUBJ_STOP or w in _Q_GENERIC for w in words) or words[0].lower() in _Q_STOP or \
            (words[0][0].isupper() and len(words) == 1):
        return None
    if m["det"] and _PREP_BEFORE.search(text, max(cs, lo + m.start() - 12), lo + m.start()):
        return None
    return " ".join(words)


def _kind(text: str, c: _Cand, cs: int) -> str:
    after = text[c.end:c.end + 40].lstrip("$}")
    before = text[max(cs, c.start - 90):c.start]
    if c.sign in ("-", "\u2212"):
        return "reduction"
    if _RED_AFTER.match(after) or _RED_BEFORE.search(before):
        return "reduction"
    if c.sign == "+" or _GAIN_AFTER.match(after) or _GAIN_BEFORE.search(before) or c.unit in ("points", "x"):
        return "gain"
    return "absolute"


def _accept(text: str, c: _Cand, s: int, e: int, adjacent: bool, prev_ok: _Cand | None) -> bool:
    if c.unit and prev_ok is not None and prev_ok.unit == c.unit and _LIST_GAP.match(text[prev_ok.end:c.start]):
        return True  # "1.1-1.4x and 1.0-1.3x"
    if c.unit == "%":
        after = text[c.end:c.end + 40].lstrip("$}")
        if _PCT_OF_RESULT.match(after) or _SHARE_JUDGED.match(text, c.end, e) or (after.lstrip().startswith("of") and (
                _GAIN_BEFORE.search(text, max(s, c.start - 90), c.start) or
                _CUT_BEFORE.search(text, max(s, c.start - 90), c.start) or
                (_ONLY_SHARE_BEFORE.search(text, max(s, c.start - 30), c.start) and not _SHARE_OF_DATA.match(after)))):
            return True
        return not _PCT_OF.match(after)
    if c.unit == "points":
        return True
    if c.unit == "x":
        nxt = _X_LIST_NEXT.match(text, c.end, e)
        return bool(_X_CONTEXT.match(text[c.end:c.end + 40].lstrip("$}")) or _X_BEFORE.search(text, max(s, c.start - 25), c.start)
                    or nxt and _X_CONTEXT.match(text[nxt.end():nxt.end() + 40].lstrip("$}")))
    if adjacent or c.measure:
        v = c.value
        return not (len(v) == 4 and v.isdigit() and 1900 <= int(v) <= 2100)
    if prev_ok is not None and c.anchor < prev_ok.start and prev_ok.unit == c.unit:
        return True  # "from AUC 0.571 (internal) to 0.508": the end point of an accepted start point
    if c.unit is None and "." in c.value and (_ACHIEVE_BEFORE.search(text, max(s, c.start - 40), c.start) or
                                              _LEVEL_BEFORE.search(text, max(s, c.start - 40), c.start)):
        return True
    if prev_ok is not None and prev_ok.unit == c.unit and prev_ok.phys == c.phys and \
            _LIST_GAP.match(text[prev_ok.end:c.start]):
        return True
    return False


def find_results(text: str, sentences: list[tuple[int, int]], mentions: list[MentionT],
                 field: str = "abstract", *, proposed: str | None = None) -> list[Result]:
    """Results stated in ``text``: one :class:`kg.models.Result` per measuring number.

    Parameters
    ----------
    text : str
        The stored title or abstract.
    sentences : list of (int, int)
        Sentence character spans of ``text``.
    mentions : list of (start, end, type, canonical_name)
        Entities of this field (Method/Dataset/Metric/Task), sorted by start.
    field : str
        ``"title"`` or ``"abstract"``, copied into the evidence.
    proposed : str, optional
        The paper's proposed method; "our model"/"we" resolve to it.

    Returns
    -------
    list of Result
        In text order; ``evidence`` is the containing sentence.

    Examples
    --------
    >>> t = "It improves BLEU by 2.1 points and is 2.5x faster than ResNet-50 on 10 languages."
    >>> [(r.value, r.unit, r.kind, r.metric) for r in find_results(t, [(0, len(t))], [])]
    [('2.1', 'points', 'gain', 'BLEU'), ('2.5', 'x', 'gain', None)]
    """
    rx, canon = metric_words()
    out: list[Result] = []
    low = lower_same_length(text)
    hint = _word_unit_hint(low)  # spelled-out values are rare: one test for the whole text
    if not hint and not has_digit(text):  # = _DIGIT.search(text)
        return out
    mentions = [_without_value(text, m) for m in expand_mentions(text, mentions)]  # same cache key as relations
    if proposed is None:
        proposed = proposed_of(text, mentions, field)
    rx = _metric_rx_lower()
    families = size_families(mentions, proposed)
    carry: str | None = None  # the one dataset of the last evaluation sentence ("We evaluate X on D. It reaches 0.9 F1.")
    carry_used = False  # carry comes from a sentence naming D as the data used, with no evaluation word
    carry_metric: str | None = None  # the one metric of the absolute % values of the previous sentence with values
    carry_val: tuple[str, set[str]] | None = None  # a dataset with values in its sentence, and their metrics
    prev_ments: list[MentionT] = []  # the previous sentence's mentions ("on the respective datasets")
    noun_named: set[str] = set()  # metrics named by a measure noun after the value ("76% scaling efficiency")
    last_named: set[str | None] = set()  # the metrics of the previous sentence's values
    for s, e, ments in iter_sentences(text, sentences, mentions):
        here, here_val, here_used = carry, carry_val, carry_used
        prev_named, last_named = last_named, set()
        before_ments, prev_ments = prev_ments, ments
        names = {m[3] for m in ments if m[2] == "Dataset"}
        if carry is not None and not names and _other_setting(low, s, e):
            carry = here = None  # "On a crystal relaxation task, it runs twice as fast": not the dataset's setting
        if names:
            # the same one dataset named again ("D comprises 60,828 questions") keeps it
            kept = names == {carry} or _EVAL_SENT.search(low, s, e)
            carry_used = len(names) == 1 and not kept and _used_dataset(text, low, s, ments)
            carry = next(iter(names)) if len(names) == 1 and (kept or carry_used) else None
        if not _DIGIT.search(text, s, e) and not (hint and _WORD_UNIT_HINT.search(low, s, e)):
            continue  # no digit and no spelled-out value with a unit: no result
        blocked = [(m[0], m[1]) for m in ments if m[2] != "Metric"]
        blocked += [(m.start(), m.end()) for m in _CITE.finditer(text, s, e)]
        cands = _candidates(text, s, e, blocked)
        if not cands:
            continue
        metrics = [m for m in ments if m[2] == "Metric"]
        mspans = [(m[0], m[1]) for m in ments]  # a fallback word inside any mention ("MAE" the model) is not a metric
        fallback = [(m.start(), m.end(), _canonical(canon, text[m.start():m.end()]))
                    for m in rx.finditer(low, s, e)
                    if not any(a < m.end() and m.start() < b for a, b in mspans)]
        bounds = clause_bounds(text, s, e)
        methods = [m for m in ments if m[2] == "Method"] + proposed_spans(text, s, e, proposed, low)
        methods.sort()
        datasets = [m for m in ments if m[2] == "Dataset" and not _TRAINED_AFTER.match(text, m[1])]  # "a D-trained VLM"
        tasks = [m for m in ments if m[2] == "Task"]
        sent = text[s:e]
        prev_ok: _Cand | None = None
        prev_metric: str | None = None
        prev_baseline = False
        rows: list[tuple[_Cand, Result]] = []
        is_baseline: list[bool] = []
        by_phys: dict[str, str] = {}  # physical unit -> metric of the last value with it
        for c in cands:
            cs, ce = _clause_of(bounds, c.start)
            metric, adjacent, from_mention = _metric_near(text, c, cs, ce, metrics, fallback,
                                                            prev_ok.end if prev_ok is not None else -1)
            if metric and not from_mention and any(c.end <= m[0] <= c.end + 2 and text[m[0]:m[1]] == metric
                                                   for m in ments if m[2] == "Dataset"):
                metric, adjacent = None, False  # "+5% CUB": a dataset named after the value, not a metric
            if not adjacent and rows and rows[-1][0].start >= cs and _BARE_BY.search(text, max(cs, c.start - 25), c.start) \
                    and _CMP_BEFORE.search(text, rows[-1][0].end, c.start) and not _STATED_AFTER.match(text, c.end, ce) \
                    and not _own_object(text, c, cs):
                # "attains an overall score of 0.63, improving over the baseline by 80%": a bare "by <value>" of a
                # comparison measures the one metric of the clause's values; with two or more it is not stated
                named = {r.metric for x, r in rows if x.start >= cs and (x.unit or "." in x.value)} - {None}
                if named:
                    metric = next(iter(named)) if len(named) == 1 else None
            elif metric is None and not rows and not metrics and not fallback and len(prev_named) == 1 and \
                    None not in prev_named and _BARE_BY.search(text, max(cs, c.start - 25), c.start) and \
                    _CMP_VERB.search(text, cs, c.start) and not _STATED_AFTER.match(text, c.end, ce) and \
                    not _own_object(text, c, cs):
                metric = next(iter(prev_named))  # "... an LAS of 91.2. This surpasses the best parser by 1.3 points."
            if metric and not from_mention and metric.endswith(_MEASURE_HEADS):
                noun_named.add(metric)  # "90% resolution efficiency": not carried to the next sentence
            baseline = False
            if prev_ok is not None and c.unit is not None and c.unit == prev_ok.unit and \
                    _compared_gap(text[prev_ok.end:c.start]) and _accept(text, c, s, e, adjacent, prev_ok):
                baseline = True  # "a WER of 7.9%, compared with 6.1% for Y": the value of the compared method
                if metric is None or not adjacent:
                    metric = prev_metric
            elif not _accept(text, c, s, e, adjacent, prev_ok):
                gap = text[prev_ok.end:c.start] if prev_ok is not None else ""
                if prev_ok is not None and c.unit in (None, prev_ok.unit) and (
                        _compared_gap(gap) if c.unit else len(gap) <= 80 and _VS_NUM.search(gap)):
                    baseline = True  # "0.87, compared with 0.79 for Y", "KID 0.078 versus 0.375 for Y"
                elif prev_ok is not None and c.unit == prev_ok.unit and _ON_AND.match(gap):
                    pass  # "an F1 of 93.8 on A and 91.2 on B": the list goes on after a dataset
                else:
                    year = c.unit is None and len(c.value) == 4 and c.value.isdigit() and 1900 <= int(c.value) <= 2100
                    if not year and not (c.unit is None and prev_ok is not None and c.start - prev_ok.end < 40
                                         and _FROM_TO.search(text, max(s, c.start - 60), c.start)):
                        prev_ok = None
                    continue
                if metric is None or not adjacent:
                    metric = prev_metric
            if prev_baseline and prev_ok is not None and not adjacent and prev_metric and c.unit and \
                    c.unit == prev_ok.unit and _PAREN_NEXT.match(text, prev_ok.end, c.start):
                baseline, metric = True, prev_metric  # "outperforming CNN (58.3%) and MLP (49.6%)": the next one
            if metric is None and rows and rows[-1][1].metric and rows[-1][0].unit == c.unit and \
                    _WHICH_IS.search(low, max(s, c.start - 40), c.start) and _HIGHER_THAN.match(low, c.end):
                metric = rows[-1][1].metric  # "a top-1 accuracy of 75.9%, which is 4.8% higher than Y"
            if c.phys and prev_ok is not None and prev_ok.phys != c.phys and by_phys.get(c.phys):
                metric = by_phys[c.phys]  # "latency of 2.39ms ..., while Y reaches 66.7% F1 and requires 12.40ms"
            if not adjacent and prev_ok is not None and prev_metric and (
                    _LIST_GAP.match(text[prev_ok.end:c.start]) or metric is None and
                    (prev_ok.unit == c.unit and prev_ok.phys == c.phys and cs <= prev_ok.start and
                     c.start - prev_ok.end <= 60 and not _NEW_PREDICATE.search(text, prev_ok.end, c.start))):
                metric = prev_metric  # "F1 of 81.0 on A and 77.5 on B"
            # "from A to B": A is the value before (a baseline's or the start point); it stays a result
            # but loses the subject method, which is B's
            if c.anchor != c.start and rows and rows[-1][0].start >= c.anchor:
                pc, pr = rows[-1]
                rows[-1] = (pc, _replace(pr, method=None, confidence=round(max(0.3, pr.confidence - 0.15), 3)))
            dataset = _pick_dataset(text, datasets, c, cs, ce)
            # (not a duration or a size after "Using the D dataset, ...": "an end-to-end delay of 4.9 seconds")
            carried = dataset is None and not datasets and here is not None and not (here_used and c.phys)
            if carried:
                dataset = here  # no dataset in this sentence: the one the previous evaluation sentence named
            elif dataset is None and not datasets and here_val and metric in here_val[1]:
                dataset, carried = here_val[0], True
            if baseline or (prev_baseline and rows and rows[-1][0] is prev_ok and
                            _LIST_GAP.match(text[prev_ok.end:c.start])):
                gap_start = prev_ok.end if prev_ok is not None else c.start
                baseline = True
                # "0.79 for Cellpose", "vs. HerdNet's 0.840"
                method = _for_method(text, methods, c.end, e) or next(
                    (x[3] for x in methods if gap_start <= x[0] and x[1] <= c.start and
                     text[x[1]:x[1] + 2] in ("'s", "\u2019s")), None)
            else:
                method = _subject(text, methods, c, s, cs)
            if method in families:
                method = families[method][3]  # "PatchMixer-B" reports for "PatchMixer"
            task = _nearest(tasks, c.start)
            conf = 0.55 + (0.25 if metric and from_mention else 0.15 if metric else 0.0)
            conf += 0.1 if dataset and not carried else 0.0
            conf -= 0.1 if _UPTO.search(text, max(s, c.start - 15), c.start) else 0.0
            conf -= 0.15 if baseline else 0.0
            kind = _kind(text, c, cs)
            if kind == "absolute" and rows and rows[-1][0] is prev_ok and prev_ok.unit == c.unit and \
                    re.fullmatch(r"\s*(?:,|and|to|or|,\s*and)\s*", text[prev_ok.end:c.start]):
                kind = rows[-1][1].kind  # "by between 2.7% and 12.4%": the second value shares the first's kind
            res = Result(metric=metric, value=c.value, unit=c.unit, kind=kind,
                         dataset=dataset, method=method, task=task,
                         evidence=Evidence(sent, s, e, field), confidence=round(min(conf, 0.95), 3))
            rows.append((c, res))
            is_baseline.append(baseline)
            prev_ok, prev_metric, prev_baseline = c, metric, baseline
            if c.phys and metric:
                by_phys[c.phys] = metric
        _share_metric_backwards(text, rows)
        last_named = {r.metric for _, r in rows}
        for i in range(len(rows) - 1):
            (c1, r1), (c2, r2) = rows[i], rows[i + 1]
            if r1.metric is None and r2.metric and c1.unit == c2.unit and not is_baseline[i] and \
                    c2.start - c1.end <= 60 and _VS_OPEN.match(text, c1.end, c2.start):
                rows[i] = (c1, _replace(r1, metric=r2.metric))  # "66.5% compared to SOTA accuracy of 63.2%"
        # "Results replicate on Y: chains reach 72.3% vs. 37.6%" right after "... achieve 68.8% accuracy vs. 46.8% ...":
        # absolute percentages without a metric take the previous sentence's one metric, when this sentence names none
        pct = [r for _, r in rows if r.unit == "%" and r.kind == "absolute"]
        if carry_metric and pct and not metrics and all(r.metric is None for r in pct):
            rows = [(c, _replace(r, metric=carry_metric) if r in pct else r) for c, r in rows]
        if rows:
            ms = {r.metric for r in pct}
            carry_metric = next(iter(ms)) if len(ms) == 1 and None not in ms and not ms & noun_named else None
        _baseline_datasets(rows, is_baseline)
        _respectively(text, s, e, rows, datasets, metrics)
        if len(rows) >= 2 and not datasets and "respective " in low[s:e] and _RESPECTIVE_DS.search(low, s, e) and \
                len({c.unit for c, _ in rows}) == 1:
            # "... 90.7%, 84% and 97.1% in A, B and C, respectively. It improves them by +1.2%, +7.3% and +1.8% on the
            # respective datasets": k values of one unit take the previous sentence's k listed datasets, in order
            before = _listed_datasets(text, before_ments)
            if len(before) == len(rows):
                rows = [(c, _replace(r, dataset=before[n])) for n, (c, r) in enumerate(rows)]
        if names:
            carry_val = None
        if carry is None and len(names) == 1:
            # "On D (n=300), X achieves 68.8% accuracy": a sentence that reports a value on its one dataset; the
            # next sentences without a dataset take it for values of the same metric ("... gives 50.8% accuracy"),
            # not for other measures (an auxiliary head's precision) nor from "three public D datasets"
            ms = {r.metric for _, r in rows if r.dataset in names and r.metric}
            d = next(iter(names))
            if ms and not _SIDE_RESULT.search(low, s, e) and \
                    not any(m[3] == d and (_PLURAL_DS.match(text, m[1]) or _TRAINED_BEFORE.search(low, max(s, m[0] - 40), m[0]))
                            for m in ments):
                carry_val = (d, ms)
        out.extend(r for _, r in rows)
    return out


_WHICH_IS = re.compile(r"\bwhich\s+(?:is|are|was|were|represents?)\s+(?:an?\s+)?(?:about\s+|approximately\s+|roughly\s+|"
                       r"nearly\s+|around\s+|up\s+to\s+)?$")  # lower-cased text
_HIGHER_THAN = re.compile(r"\s*(?:\\?%\s*)?(?:(?:and|,)\s*[\d.]+\s*\\?%?\s*)*(?:absolute\s+|relative\s+)?"
                          r"(?:better|higher|lower|more|less|greater|smaller|above|below)\s+than\b")
_RESPECTIVE_DS = re.compile(r"\b(?:on|for|in|across|over)\s+(?:the|their|its)\s+respective\s+"
                           r"(?:datasets?|benchmarks?|data\s*sets?|corpora|test\s+sets?)\b")  # lower-cased text


def _listed_datasets(text: str, ments: list[MentionT]) -> list[str]:
    """The distinct datasets a sentence names, in order; "A (B)" is one dataset (B when it is a Dataset too).

    >>> t = "We use UCF-101 (UCF-LT) and Kinetics (K100-LT)."
    >>> _listed_datasets(t, [(7, 14, "Dataset", "UCF101"), (16, 22, "Method", "UCF-LT"),
    ...                      (28, 36, "Dataset", "Kinetics"), (38, 45, "Dataset", "K100-LT")])
    ['UCF101', 'K100-LT']
    """
    out: list[str] = []
    prev = None
    for m in ments:
        inner = prev is not None and text[prev[1]:m[0]].strip() == "(" and text[m[1]:m[1] + 1] == ")"
        if inner:
            if m[2] == "Dataset" and out and out[-1] == prev[3] and m[3] not in out:
                out[-1] = m[3]
        elif m[2] == "Dataset" and m[3] not in out and not _TRAINED_AFTER.match(text, m[1]):
            out.append(m[3])
        prev = m if not inner and m[2] == "Dataset" else None
    return out


def _baseline_datasets(rows: list, is_baseline: list[bool]) -> None:
    """"3.9 on A and 6.1 on B, against 4.7 and 7.4 for Y": a run of k baseline values after k values with
    datasets takes those datasets in order."""
    i = 0
    while i < len(rows):
        if not is_baseline[i]:
            i += 1
            continue
        j = i
        while j < len(rows) and is_baseline[j]:
            j += 1
        k = j - i
        before = rows[i - k:i] if i >= k else []
        if k >= 2 and before and not any(is_baseline[i - k:i]) and all(r.dataset for _, r in before) and \
                len({r.dataset for _, r in before}) == k:
            for n in range(k):
                c, r = rows[i + n]
                rows[i + n] = (c, _replace(r, dataset=before[n][1].dataset))
        i = j


_TRAILING_VALUE = re.compile(r"\s+[+\-\u2212]?\d[\d.,]*\s?%?$")
_TRAILING_MEASURE = re.compile(r"\s+(?:\d+\.\d{2,}\s?%?|\d+(?:\.\d+)?\s?%)$")  # "CNN 97.91", not "Llama 3.1"


def _without_value(text: str, m: MentionT) -> MentionT:
    """A Metric mention that swallowed its value ("AUC 0.571") is cut before the value.

    >>> _without_value("from AUC 0.571 to", (5, 14, "Metric", "AUC 0.571"))
    (5, 8, 'Metric', 'AUC')
    """
    last = text[m[1] - 1:m[1]]
    if not (last.isdigit() or last == "%"):
        return m
    if m[2] != "Metric":
        v = _TRAILING_MEASURE.search(text, m[0], m[1])  # "CNN 97.91%": a name that swallowed its value
        if not v or v.start() == m[0] or not _TRAILING_MEASURE.search(m[3]):
            return m
        return (m[0], v.start(), m[2], _TRAILING_MEASURE.sub("", m[3]) or m[3])
    v = _TRAILING_VALUE.search(text, m[0], m[1])
    if not v or v.start() == m[0]:
        return m
    name = _TRAILING_VALUE.sub("", m[3]) or m[3]
    return (m[0], v.start(), m[2], name)


def _share_metric_backwards(text: str, rows: list) -> None:
    """"93.2% and 85.2% accuracy": a listed value without a metric takes the next value's metric."""
    for i in range(len(rows) - 2, -1, -1):
        (c, r), (c2, r2) = rows[i], rows[i + 1]
        if r.metric is None and r2.metric and c.unit == c2.unit and \
                re.fullmatch(r"\s*(?:,|and|or|/|,\s*and|(?:up\s+)?to)\s*\$?(?:\\textbf\{)?", text[c.end:c2.start]):
            rows[i] = (c, _replace(r, metric=r2.metric))


def _replace(r: Result, **kw) -> Result:
    return Result(**{**{k: getattr(r, k) for k in Result.__slots__}, **kw})


def _respectively(text: str, s: int, e: int, rows: list, datasets: list[MentionT], metrics: list[MentionT] = ()) -> None:
    """"80.3% and 86.2% on A and B, respectively": pair values and datasets in order; without "respectively" only a
    list of values right before a list of as many datasets ("91.2 and 88.0 for A and B")."""
    if len(rows) < 2:
        return
    if not _RESPECTIVELY.search(text, s, e):
        _paired_metrics(text, rows, metrics)
        _paired_lists(text, rows, datasets)
        return
    # "accuracy, precision, and recall were around 95%, 99%, and 98%, respectively": one metric per value, in order
    ms = [m for m in metrics if m[1] <= rows[0][0].start]
    run = ms[-len(rows):] if len(ms) >= len(rows) else []
    if run and len({m[3] for m in run}) == len(rows) and \
            all(re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:[a-z][\w\-]*\s+){0,2}", text[a[1]:b[0]])
                for a, b in zip(run, run[1:])) and \
            all(_LIST_GAP.match(text[a[0].end:b[0].start]) for a, b in zip(rows, rows[1:])):
        for i, (c, r) in enumerate(rows):
            rows[i] = (c, _replace(r, metric=run[i][3]))
    names = []
    for d in datasets:
        if d[3] not in names:
            names.append(d[3])
    if len(names) != len(rows):
        # "matches it on A and exceeds it by 0.65% and 0.84% on B and C, respectively": the trailing values
        # pair with the datasets named after them
        after = []
        for d in datasets:
            if d[0] > rows[-1][0].end and d[3] not in after:
                after.append(d[3])
        k = len(after)
        tail = rows[-k:] if 2 <= k <= len(rows) else []
        if not tail or not all(_LIST_GAP.match(text[a[0].end:b[0].start]) for a, b in zip(tail, tail[1:])):
            return
        for i in range(len(rows) - k, len(rows)):
            c, r = rows[i]
            rows[i] = (c, _replace(r, dataset=after[i - (len(rows) - k)]))
        return
    for i, (c, r) in enumerate(rows):
        rows[i] = (c, _replace(r, dataset=names[i]))


_METRICS_THEN_VALUES = re.compile(r"\s*(?:scores?\s+|values?\s+|rates?\s+)?(?:of|were|are|was|is|=|:|at|reach(?:ed|es|ing)?)\s*"
                                  r"(?:about\s+|around\s+|approximately\s+|nearly\s+)?\$?")
_METRIC_JOIN = re.compile(r"\s*(?:,|and|or|/|,\s*and)\s*")


def _paired_metrics(text: str, rows: list, metrics: list[MentionT]) -> None:
    """"precision and recall of 84.1% and 90.2%": k Metric mentions joined as a list right before ("of", "were", ":")
    k values joined as a list; each value takes the metric in its place (another count or gap: nothing).

    >>> t = "It reaches precision and recall of 84.1% and 90.2%, and an F1 of 0.87."
    >>> ms = [(11, 20, "Metric", "precision"), (25, 31, "Metric", "recall"), (58, 60, "Metric", "F1")]
    >>> [(r.value, r.metric) for r in find_results(t, [(0, len(t))], ms)]
    [('84.1', 'precision'), ('90.2', 'recall'), ('0.87', 'F1')]
    """
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and _LIST_GAP.match(text[rows[j][0].end:rows[j + 1][0].start]):
            j += 1
        k, start = j - i + 1, rows[i][0].start
        last = next((n for n in range(len(metrics) - 1, -1, -1) if metrics[n][1] <= start), None)
        if k >= 2 and last is not None and last + 1 >= k and _METRICS_THEN_VALUES.fullmatch(text, metrics[last][1], start):
            run = metrics[last + 1 - k:last + 1]
            before = metrics[last - k] if last >= k else None
            if len({m[3] for m in run}) == k and \
                    all(_METRIC_JOIN.fullmatch(text, a[1], b[0]) for a, b in zip(run, run[1:])) and \
                    not (before and _METRIC_JOIN.fullmatch(text, before[1], run[0][0])):
                for n in range(k):
                    c, r = rows[i + n]
                    rows[i + n] = (c, _replace(r, metric=run[n][3]))
        i = j + 1


def _paired_lists(text: str, rows: list, datasets: list[MentionT]) -> None:
    """"F1 scores of 91.2 and 88.0 for A and B": k values joined as a list, then "on/for/in (the)" and k datasets
    joined as a list; each value takes the dataset in its place (a different count or any other gap: nothing).

    >>> t = "It gets F1 scores of 91.2 and 88.0 for Ab and Cd."
    >>> [(r.value, r.dataset) for r in find_results(t, [(0, len(t))], [(39, 41, "Dataset", "Ab"), (46, 48, "Dataset", "Cd")])]
    [('91.2', 'Ab'), ('88.0', 'Cd')]
    """
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and _LIST_GAP.match(text[rows[j][0].end:rows[j + 1][0].start]):
            j += 1
        k = j - i + 1
        if k >= 2:
            end = rows[j][0].end
            first = next((n for n, d in enumerate(datasets) if d[0] >= end), None)
            group = datasets[first:first + k] if first is not None else []
            if len(group) == k and len({d[3] for d in group}) == k and _LIST_TO_DS.fullmatch(text, end, group[0][0]) and \
                    all(_DS_JOIN.fullmatch(text, a[1], b[0]) for a, b in zip(group, group[1:])) and \
                    (first + k == len(datasets) or not _DS_JOIN.fullmatch(text, group[-1][1], datasets[first + k][0])):
                for n in range(k):
                    c, r = rows[i + n]
                    rows[i + n] = (c, _replace(r, dataset=group[n][3]))
            elif len(datasets) == k and len({d[3] for d in datasets}) == k and datasets[-1][1] <= rows[i][0].start and \
                    len({rows[n][0].unit for n in range(i, j + 1)}) == 1 and \
                    all(_DS_JOIN.fullmatch(text, a[1], b[0]) for a, b in zip(datasets, datasets[1:])) and \
                    _DS_THEN_VALUES.fullmatch(text, datasets[-1][1], rows[i][0].start) and \
                    len({rows[n][1].dataset for n in range(i, j + 1)} - {None}) < k:
                # "results on A, B and C, with accuracies of 91.2%, 85.3% and 77.0%": the sentence's k datasets
                # listed, then k values of one unit listed: each value takes the dataset in its place
                for n in range(k):
                    c, r = rows[i + n]
                    rows[i + n] = (c, _replace(r, dataset=datasets[n][3]))
        i = j + 1


def _pick_dataset(text: str, ds: list[MentionT], c: _Cand, cs: int, ce: int) -> str | None:
    """The dataset a value belongs to: "CIFAR-10 (4.62%)", "4.62% on CIFAR-10", "on A from x to y", the one
    before it in the clause with no other value in between, the next one, else the sentence's only dataset.

    >>> t = "It raises pass@1 on HE from 53.7% to 64.0% and on MB from 56.2% to 61.5%."
    >>> ds = [(19, 21, "Dataset", "HE"), (50, 52, "Dataset", "MB")]
    >>> [(c.value, _pick_dataset(t, ds, c, 0, len(t))) for c in _candidates(t, 0, len(t), [])]
    [('53.7', 'HE'), ('64.0', 'HE'), ('56.2', 'MB'), ('61.5', 'MB')]
    """
    adj = _pick_adjacent(text, ds, c)
    if adj:
        return adj
    for d in ds:  # "84.2% top-1 accuracy on ImageNet": right after, with no list or clause in between
        if c.end <= d[0] < ce and _DS_AFTER.match(text, c.end, d[0]):
            return d[3]
    best = None
    for i, d in enumerate(ds):  # "on GSM8K from 63.1% to 72.8%": before, with no other value in between
        if cs <= d[0] and d[1] <= c.anchor and not NUM.search(text, d[1], c.anchor):
            # "Experiments on A and B show that X reaches 45.1": the last of a list of datasets is not the value's own
            listed = i > 0 and ds[i - 1][3] != d[3] and ds[i - 1][1] >= cs and _DS_JOIN.fullmatch(text, ds[i - 1][1], d[0])
            best = None if listed else d[3]
            if listed:
                return None
    if best:
        return best
    return _pick_after(ds, c, cs, ce) or _pick_before(ds, c, cs) or \
        (ds[0][3] if len({d[3] for d in ds}) == 1 else None)


def _for_method(text: str, methods: list[MentionT], pos: int, e: int) -> str | None:
    """"0.79 for Cellpose", "4.7 and 7.4 for DPM-Solver": the Method a baseline value is reported for."""
    m = _FOR_NAME.match(text, pos, e)
    if m:
        for x in methods:
            if x[0] >= m.end() and x[0] - m.end() <= 12:
                return x[3]
    return None


def _pick_adjacent(text: str, ds: list[MentionT], c: _Cand) -> str | None:
    """"CIFAR-10 (4.62% error)", "WikiText103 (10.8 vs. 15.8)": a dataset right before the parenthesis holding the
    number; "+5% CUB, +2% Cars": a dataset right after the value."""
    for d in ds:
        if d[1] <= c.start and c.start - d[1] <= 4 and "(" in text[d[1]:c.start]:
            return d[3]
        if d[1] < c.start <= d[1] + 80 and text.startswith(" (", d[1]) and \
                not any(ch in "()" for ch in text[d[1] + 2:c.start]):
            return d[3]  # "on WikiText103 (10.8 compared to SOTA perplexity of 15.8)": inside D's parenthesis
        if c.end <= d[0] <= c.end + 1 and not text[c.end:d[0]].strip() and c.unit:
            return d[3]
        if c.end < d[0] <= c.end + 40 and text.startswith(")", d[1]) and _PAREN_DS.fullmatch(text, c.end, d[0]):
            return d[3]  # "45.1 mAP (COCO) and 30.2 mAP (LVIS)": the dataset in brackets after the value and its metric
    return None


_PAREN_DS = re.compile(r"\s*(?:\\?%|\$)?\s*(?:[A-Za-z][\w@.\-]*\s+){0,3}?\(\s*")
#: "91.2 and 88.0 for A and B", "accuracies of 91% and 88% in the A and B benchmarks": the gap from the last value to the
#: datasets (no "respectively") and between the datasets
_LIST_TO_DS = re.compile(r"\s*(?:\\?%|\$)?\s*(?:(?!and\b|or\b|while\b|but\b|than\b|over\b|vs\b)[A-Za-z][\w@.\-]*\s+){0,3}?"
                         r"(?:on|for|in|across)\s+(?:the\s+)?$")
_DS_JOIN = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")
#: between a list of datasets and a list of their values: no number, no comparison or contrast
_DS_THEN_VALUES = re.compile(r"(?:(?![^.;]*\b(?:than|over|vs|versus|compared|while|whereas|but|respectively)\b)[^\d.;]){0,120}")


def _pick_after(ds: list[MentionT], c: _Cand, cs: int, ce: int) -> str | None:
    for d in ds:
        if c.end <= d[0] < ce:
            return d[3]
    return None


def _pick_before(ds: list[MentionT], c: _Cand, cs: int) -> str | None:
    best = None
    for d in ds:
        if cs <= d[0] and d[1] <= c.start:
            best = d[3]
    return best


def _nearest(ms: list[MentionT], pos: int) -> str | None:
    return min(ms, key=lambda m: abs(m[0] - pos))[3] if ms else None


def _subject(text: str, methods: list[MentionT], c: _Cand, s: int, cs: int | None = None) -> str | None:
    """The Method before the number that is not a compared baseline ("than X", "outperforms X"); in a later
    clause ("..., while Y reaches 66.7%") the first Method of that clause."""
    if cs is not None and cs > s:
        sub = _subject(text, [m for m in methods if m[0] >= cs], c, cs)
        if sub is not None:
            return sub
    for m in methods:
        if m[1] > c.start:
            break
        gap_before = text[s:m[0]]
        cmp = None
        for cmp in _COMPARE.finditer(gap_before[-60:]):
            pass
        if cmp is not None and "," not in gap_before[-60:][cmp.end():]:
            continue
        return m[3]
    return None
