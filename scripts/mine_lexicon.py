"""Mine a lexicon of Task and Metric names from unlabelled abstracts (``catalog_mined_*.jsonl``).

Reads the arXiv and ACL abstracts in ``../shared/data`` (every id of every gold file excluded, blind sets
included: ``scripts/gold_ids.py``), finds noun phrases in *typed cue contexts* and keeps a phrase
for a type when enough distinct papers use it in that type's cues and hardly any in the other type's:

- Task cues: "the task/problem of X", "X task(s)", "tasks/applications such as X, Y and Z",
  "tackle/address/study/solve X", "X is a fundamental/challenging ... problem/task", "a method/framework/
  model ... for X";
- Metric cues: "in terms of X", "X of 85.2%" / "X of 0.93", "85.2% X", "improves/reduces X by",
  "higher/lower X", "measured/evaluated by X", "metrics such as X", "X metric(s)", "X@k".

A phrase is 2 to 4 content words ending in a task word (a task head such as "detection", "linking", a
nominalisation, not a training word such as "learning") or a measure word ("error", "rate", "latency"), lower case except
for acronym-like words, without function words, generic modifiers ("downstream", "novel", "various") or a
generic head ("performance", "tasks", "model"); plurals are folded into one key ("recommender systems" and
"recommender system" count together) and the most frequent spelling is written. Phrases that are already a
form of the hand-written or Papers with Code catalog (any type), that contain a catalog Method or Dataset
form, or that are vague field names (``stoplist_phrases.txt``) are dropped, so a mined row never changes
the type of a name the curated catalog knows. Output rows are catalog rows with ``"source": "mined"`` and
``"papers"`` (distinct papers with the phrase in a cue of that type); phrases and counts only, no text.

Usage::

    nice python scripts/mine_lexicon.py                       # writes kg/extract/data/catalog_mined_*.jsonl
    nice python scripts/mine_lexicon.py --min-papers 8 --out-dir /tmp/x --counts /tmp/x/counts.tsv
    nice python scripts/mine_lexicon.py --limit 20000         # first 20,000 records of each corpus (quick look)

Deterministic: the output depends only on the corpora, the exclusion ids and the options.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "extract" / "data"
SHARED = ROOT.parent / "shared" / "data"
CORPORA = (SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz", SHARED / "acl" / "acl-anthology.jsonl.gz")

TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|\S")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
AT_K = re.compile(r"\b([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)@(\d+(?:\.\d+)?|[kKnN])\b")

# function words and frequent verbs of abstracts: a phrase never contains one
FUNCTION = frozenset("""
a an the this that these those its their our his her your my we they it i you he she them us one ones
of in on for to from by with without within into onto over under between among across through via per as at
and or but nor not no yet so than then thus hence also both either neither each every all any some such
is are was were be been being am has have had do does did can could may might must shall should will would
which who whom whose what when where while how why whether if because although though since until unless
more most less least very much many few several other another same own only just even still already
there here about above below up down out off again further once upon against during before after
e.g i.e etc vs via using based versus toward towards around
""".split())
VERBS = frozenset("""
achieve achieves achieved achieving improve improves improved improving outperform outperforms outperformed
reduce reduces reduced reducing increase increases increased increasing decrease decreases decreased
show shows showed shown demonstrate demonstrates demonstrated propose proposes proposed present presents presented
remain remains remained provide provides provided enable enables enabled yield yields yielded obtain obtains obtained
reach reaches reached lead leads led make makes made use uses used allow allows allowed require requires required
become becomes became perform performs performed surpass surpasses surpassed boost boosts boosted exceed exceeds
drop drops dropped gain gains gained suffer suffers suffered compare compared comparing evaluate evaluates evaluated
measure measured measures consider considered considers introduce introduces introduced apply applies applied
learn learns learned learnt train trained trains achieve attains attained attain maintain maintains maintained
focus focuses focused aim aims aimed involve involves involved include includes included including
tackle tackles tackled tackling address addresses addressed addressing study studies studied studying
solve solves solved solving investigate investigates investigated investigating explore explores explored exploring
""".split())
# modifiers that say nothing about which task or measure ("downstream tasks", "high accuracy")
GENERIC_MOD = frozenset("""
downstream various different multiple diverse specific particular new novel challenging important complex difficult
hard easy simple real-world practical standard traditional conventional existing previous prior original
overall final average high higher highest low lower lowest better best good strong stronger robust efficient
effective significant large larger small smaller proposed given similar related general generic key main core
single fundamental crucial critical open long-standing popular common typical wide broad recent current future
first second third last whole entire full total additional extra major minor considerable substantial
remarkable superior competitive comparable promising impressive state-of-the-art sota baseline relevant
corresponding respective certain numerous key various underlying specific individual unseen seen target source
downstream upstream auxiliary primary secondary related realistic classic classical modern emerging
automatic automated accurate reliable fast faster scalable two three four five six seven eight nine ten
advanced basic accelerating enhancing efficiently
""".split())
# heads that name no task or measure on their own ("X performance", "X tasks", "a reduction of 30%")
GENERIC_HEAD = frozenset("""
task tasks problem problems performance performances quality results result capability capabilities ability
abilities effectiveness efficiency robustness generalization generalisation setting settings scenario scenarios
application applications domain domains data information model models method methods approach approaches
framework frameworks system systems algorithm algorithms technique techniques architecture architectures network
networks pipeline pipelines module modules tool tools work works paper papers study studies analysis analyses
improvement improvements gain gains reduction reductions increase increases decrease decreases margin margins
average total number numbers amount amounts factor factors maximum minimum degree level levels value values
way ways terms term case cases example examples set sets field fields area areas issue issues challenge challenges
aspect aspects context contexts process processes manner fashion scale scales range ranges type types kind kinds
baseline baselines benchmark benchmarks dataset datasets corpus corpora experiment experiments evaluation evaluations
metric metrics measure measures score scores rate rates error errors accuracy
""".split())
# a last word a task never has ("X is a challenging problem due to ...")
TASK_BAD_LAST = frozenset("due because caused given".split())
STOP_SURFACE = FUNCTION | VERBS
# the last word of a task name: a task head of kg's patterns (detection, linking, answering...), a problem noun,
# or a nominalisation (-tion, -sion, -ing, -sis, -ment); never a Method head or a training word
TASK_LAST = frozenset("""
answering anticipation captioning classification completion comprehension counting deblurring dehazing denoising
detection diarization editing enhancement estimation extraction forecasting generation grasping grounding
identification imputation inpainting interpolation labeling labelling linking localisation localization navigation
paraphrasing parsing prediction re-identification recognition recommendation reconstruction registration restoration
retrieval segmentation simplification spotting summarization summarisation super-resolution synthesis tagging
tracking transcription translation understanding verification alignment analysis clustering compression control
correction discovery inference manipulation mining modeling modelling planning reasoning regression resolution
search transfer routing scheduling design dialogue matching
""".split())
TASK_SUFFIXES = ("tion", "sion", "ing", "sis", "ment")
# nouns with those endings that name no task ("human motion", "long-tail distribution", "3D vision", "edge deployment")
NOT_TASK_LAST = frozenset("""
motion distribution function information position condition conditions question questions solution caption
population interaction collection vision imaging deployment environment development experiment treatment
forgetting accumulation setting thing string ring king spring sensing monitoring equation equations
observation consuming preprocessing fusion scaling degradation
""".split())
# first words of a measure phrase that name a hyperparameter or no measure ("batch size", "evaluation scores")
BAD_METRIC_FIRST = frozenset("batch learning dataset data parameter pruning performance evaluation confidence overall "
                             "normalized composite maximum minimum peak".split())
METHOD_LAST = frozenset("""
learning training tuning fine-tuning finetuning pre-training pretraining prompting sampling decoding pooling embedding
boosting bagging processing computing engineering thinking setting distillation quantization pruning
regularization normalization augmentation aggregation convolution propagation backpropagation splatting attention
encoding programming networking understanding-based making solving writing reading speaking thing nothing
something everything anything morning building
""".split())
# the last word of a measure name
METRIC_LAST = frozenset("""
error errors score scores accuracy rate rates distance precision recall ratio similarity index measure divergence
coefficient rank perplexity likelihood deviation correlation overlap f1 f-measure f-score fscore time latency speed
speedup speed-up throughput cost consumption usage footprint size agreement consistency fidelity match auc iou
map bleu rouge meteor reward return utility coverage diversity entropy gap uncertainty calibration
""".split())
# first words that open a description, not a name ("challenges posed by", "issues of")
BAD_FIRST = frozenset("challenges challenge issues issue limitations limitation problem problems lack need needs "
                      "task tasks question questions way ways evaluating detecting generating answering predicting "
                      "improving using building making".split())
# first words of a method named like a task ("preference optimization", "policy optimization")
METHOD_FIRST = frozenset("preference policy prompt gradient".split())
# adverbs ("significantly"), not "anomaly" or "assembly"
ADVERB_ENDS = ("ally", "ely", "ily", "ously", "ively", "ently", "antly", "ctly", "arly", "tly", "ably", "ibly", "fully",
               "ssly", "ngly")

TASK_VERBS = frozenset("tackle tackles tackled tackling address addresses addressed addressing solve solves solving".split())
METHOD_NOUNS = frozenset("method methods approach approaches framework frameworks model models algorithm algorithms "
                         "technique techniques architecture architectures pipeline pipelines system systems".split())
PROBLEM_ADJ = frozenset("fundamental challenging important long-standing key core critical crucial difficult "
                        "open central classic classical essential active".split())
COMPARATIVE = frozenset("higher lower better worse improved reduced increased decreased".split())
CHANGE_VERBS = frozenset("improves improve improved improving reduces reduce reduced reducing increases increase "
                         "increased increasing decreases decrease decreased boosts boost boosted lowers lowered "
                         "raises raised cuts".split())
METRIC_LIST_CUES = (("in", "terms", "of"), ("metrics", "such", "as"), ("measured", "by"), ("measured", "in"),
                    ("evaluated", "by"), ("quantified", "by"), ("metrics", "including"), ("measures", "such", "as"))
TASK_LIST_CUES = (("tasks", "such", "as"), ("tasks", "including"), ("tasks", "like"), ("applications", "such", "as"),
                  ("task", "of"), ("tasks", "of"), ("problem", "of"), ("problems", "such", "as"))
MAX_WORDS = 4


def tokenize(text: str) -> list[str]:
    """Word and punctuation tokens (hyphenated words stay whole).

    >>> tokenize("State-of-the-art F1 (85.2%) on text-to-SQL.")
    ['State-of-the-art', 'F1', '(', '85', '.', '2', '%', ')', 'on', 'text-to-SQL', '.']
    """
    return TOKEN.findall(text)


def _content(tok: str) -> bool:
    low = tok.lower()
    return (tok[0].isalnum() and not tok.isdigit() and low not in STOP_SURFACE and not low.endswith(ADVERB_ENDS)
            and len(low) > 1 and not NUMBER.fullmatch(tok) and "'" not in tok)


def phrase_after(toks: list[str], i: int) -> list[str]:
    """The content words from ``toks[i]`` on (a determiner first is skipped), at most ``MAX_WORDS`` + 1.

    >>> phrase_after(tokenize("the image classification task on X"), 0)
    ['image', 'classification', 'task']
    """
    if i < len(toks) and toks[i].lower() in ("the", "a", "an", "its", "their", "our"):
        i += 1
    out = []
    while i < len(toks) and _content(toks[i]) and len(out) <= MAX_WORDS:
        out.append(toks[i])
        i += 1
    return out


def phrase_before(toks: list[str], i: int) -> list[str]:
    """The content words right before ``toks[i]``, in text order, at most ``MAX_WORDS``.

    >>> phrase_before(tokenize("on the image classification task"), 4)
    ['image', 'classification']
    """
    out = []
    j = i - 1
    while j >= 0 and _content(toks[j]) and len(out) < MAX_WORDS:
        out.append(toks[j])
        j -= 1
    if j >= 0 and _content(toks[j]):
        return []  # a longer run: where the name begins is unclear
    return out[::-1]


def list_items(toks: list[str], i: int) -> list[list[str]]:
    """Items of a list that begins at ``toks[i]`` ("X, Y, and Z"), each its content words.

    >>> list_items(tokenize("accuracy, inference latency and memory footprint."), 0)
    [['accuracy'], ['inference', 'latency'], ['memory', 'footprint']]
    """
    items = []
    while True:
        ph = phrase_after(toks, i)
        if not ph:
            break
        items.append(ph)
        i += len(ph) + (1 if toks[i].lower() in ("the", "a", "an", "its", "their", "our") else 0)
        if i < len(toks) and toks[i] == ",":
            i += 1
        if i < len(toks) and toks[i].lower() in ("and", "or"):
            i += 1
        elif not (i > 0 and toks[i - 1] == ","):
            break
    return items


def phrase_key(words: Iterable[str]) -> str:
    """The counting key of a phrase: lower case, hyphens as spaces, a plural last word singular.

    >>> phrase_key(["Recommender", "systems"]), phrase_key(["super-resolution"]), phrase_key(["robotics"])
    ('recommender system', 'super resolution', 'robotics')
    """
    low = " ".join(words).lower().replace("-", " ")
    head = low.rsplit(" ", 1)[-1]
    if (head.endswith("s") and len(head) > 3 and not head.endswith(("ss", "us", "is", "ics", "ies", "ous", "sis"))):
        low = low[:-1]
    elif head.endswith("ies") and len(head) > 4:
        low = low[:-3] + "y"
    return low


def clean_phrase(words: list[str], typ: str) -> list[str] | None:
    """``words`` cut to a name of ``typ``: no generic modifier first, no generic head, 2-4 words
    (a hyphenated word counts as one), a task or measure word last; ``None`` when nothing is left.

    >>> clean_phrase(["downstream", "image", "classification"], "Task")
    ['image', 'classification']
    >>> clean_phrase(["social", "media"], "Task"), clean_phrase(["supervised", "learning"], "Task")
    (None, None)
    >>> clean_phrase(["classification", "performance"], "Metric") is None, clean_phrase(["recall"], "Metric")
    (True, None)
    """
    while words and words[0].lower() in GENERIC_MOD:
        words = words[1:]
    if typ == "Task":
        while words and words[-1].lower() in ("task", "tasks", "problem", "problems"):
            words = words[:-1]
    if not words or len(words) > MAX_WORDS:
        return None
    last = words[-1].lower()
    if last in GENERIC_HEAD and not (typ == "Metric" and last in ("score", "scores", "rate", "rates", "error", "errors",
                                                                  "accuracy") and len(words) > 1):
        return None
    if last in TASK_BAD_LAST or any(w.lower() in GENERIC_MOD for w in words[1:]):
        return None
    if len(words) < 2 or words[0].lower() in BAD_FIRST:
        return None
    if any(any(c.isdigit() for c in w) and not (typ == "Metric" or w.upper() in ("2D", "3D")) for w in words):
        return None  # "WMT21 news translation", "SemEval-2020 task": a named event, not a task
    if typ == "Task" and (last in METHOD_LAST or words[0].lower() in METHOD_FIRST or "shared" in (w.lower() for w in words)
                          or last in NOT_TASK_LAST or not (last in TASK_LAST or last.endswith(TASK_SUFFIXES))):
        return None
    if typ == "Metric" and (last not in METRIC_LAST or words[0][0].isdigit() or words[0].lower() in BAD_METRIC_FIRST):
        return None
    return words


def cue_phrases(text: str) -> list[tuple[str, list[str]]]:
    """``(type, words)`` for every phrase in a Task or Metric cue of ``text`` (before :func:`clean_phrase`).

    >>> sorted((t, " ".join(w)) for t, w in cue_phrases(
    ...     "We tackle video anomaly detection. Our model reaches a word error rate of 5.1% and improves "
    ...     "retrieval accuracy by 3 points on tasks such as entity linking and relation extraction."))  # doctest: +NORMALIZE_WHITESPACE
    [('Metric', 'retrieval accuracy'), ('Metric', 'word error rate'), ('Task', 'entity linking'),
     ('Task', 'relation extraction'), ('Task', 'video anomaly detection')]
    """
    toks = tokenize(text)
    low = [t.lower() for t in toks]
    out: list[tuple[str, list[str]]] = []
    n = len(toks)
    for i, w in enumerate(low):
        nxt = low[i + 1] if i + 1 < n else ""
        # list cues: "in terms of A, B and C", "tasks such as A and B", "the task of A"
        for cues, typ in ((METRIC_LIST_CUES, "Metric"), (TASK_LIST_CUES, "Task")):
            for cue in cues:
                if w == cue[0] and tuple(low[i:i + len(cue)]) == cue:
                    for item in list_items(toks, i + len(cue)):
                        out.append((typ, item))
        if w in ("task", "tasks") and i:
            ph = phrase_before(toks, i)
            if ph:
                out.append(("Task", ph))
        elif w in TASK_VERBS:
            ph = phrase_after(toks, i + 1)
            if ph and not (i + 1 + len(ph) < n and low[i + 1 + len(ph)] in ("of", "for")):
                out.append(("Task", ph))
        elif w in ("is", "remains") and nxt in ("a", "an") and i + 3 < n and low[i + 2] in PROBLEM_ADJ:
            k = i + 3
            while k < n and (low[k] in PROBLEM_ADJ or low[k] in ("and", ",", "yet")):
                k += 1
            if k < n and low[k] in ("problem", "task", "challenge"):
                ph = phrase_before(toks, i)
                if ph:
                    out.append(("Task", ph))
        elif w == "for" and i and low[i - 1] in METHOD_NOUNS:
            ph = phrase_after(toks, i + 1)
            if ph and not (i + 1 + len(ph) < n and low[i + 1 + len(ph)] in ("of", "with")):
                out.append(("Task", ph))
        elif w == "of" and i + 1 < n and NUMBER.fullmatch(toks[i + 1]) and (
                i + 2 < n and toks[i + 2] in ("%", ".") or "." in toks[i + 1] or toks[i + 1].startswith("0")):
            ph = phrase_before(toks, i)
            if ph:
                out.append(("Metric", ph))
        elif w == "%" and i and NUMBER.fullmatch(toks[i - 1]):
            ph = phrase_after(toks, i + 1)
            if ph and not (i + 1 + len(ph) < n and low[i + 1 + len(ph)] in ("of", "in", "on", "for")):
                out.append(("Metric", ph))
        elif w in CHANGE_VERBS:
            ph = phrase_after(toks, i + 1)
            k = i + 1 + len(ph) + (i + 1 < n and low[i + 1] in ("the", "a", "an", "its"))
            if ph and k < n and low[k] == "by":
                out.append(("Metric", ph))
        elif w in COMPARATIVE and i and low[i - 1] in ("significantly", "substantially", "much", "consistently", "achieves",
                                                      "achieve", "achieving", "with", "yields", "yield", "and"):
            ph = phrase_after(toks, i + 1)
            if ph and not (i + 1 + len(ph) < n and low[i + 1 + len(ph)] in ("of", "for", "in", "on")):
                out.append(("Metric", ph))
        elif w in ("metric", "metrics") and i:
            ph = phrase_before(toks, i)
            if ph:
                out.append(("Metric", ph))
    for m in AT_K.finditer(text):
        out.append(("Metric", [m[1] + "@" + m[2]]))
    return out


def _keep_case(word: str) -> str:
    """A word as written in the lexicon: acronym-like words keep their case, others are lower case.

    >>> _keep_case("SQL"), _keep_case("Image"), _keep_case("text-to-SQL"), _keep_case("F1")
    ('SQL', 'image', 'text-to-SQL', 'F1')
    """
    parts = word.split("-")
    return "-".join(p if sum(c.isupper() for c in p) > 1 or (p[:1].isupper() and any(c.isdigit() for c in p))
                    else p.lower() for p in parts)


def paper_phrases(text: str) -> dict[tuple[str, str], str]:
    """``(type, key) -> spelling`` of the cleaned cue phrases of one paper (each counted once per paper).

    >>> paper_phrases("We address Video Anomaly Detection tasks, with a mean IoU of 0.71.")
    {('Task', 'video anomaly detection'): 'video anomaly detection', ('Metric', 'mean iou'): 'mean IoU'}
    """
    out: dict[tuple[str, str], str] = {}
    for typ, words in cue_phrases(text):
        if len(words) == 1 and "@" in words[0]:
            w = words[0]
            out.setdefault((typ, w.lower()), w)
            continue
        words = clean_phrase(words, typ)
        if words:
            out.setdefault((typ, phrase_key(words)), " ".join(_keep_case(w) for w in words))
    return out


def read_records(paths: Iterable[Path], exclude: set[str], limit: int | None = None) -> Iterator[tuple[str, str]]:
    """``(id, title + abstract)`` of every record not in ``exclude``, first occurrence of an id only."""
    seen: set[str] = set()
    for p in paths:
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for k, line in enumerate(f):
                if limit is not None and k >= limit:
                    break
                d = json.loads(line)
                pid = str(d.get("id", ""))
                if not pid or pid in exclude or pid in seen:
                    continue
                seen.add(pid)
                yield pid, (d.get("title") or "") + ". " + (d.get("abstract") or "")


def gold_ids(root: Path = ROOT) -> frozenset[str]:
    """Every gold id (development and blind sets: ``scripts/gold_ids.py``); those abstracts are never mined."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gold_ids import gold_ids as repo_gold_ids

    return repo_gold_ids(root)


def count(records: Iterable[tuple[str, str]]) -> tuple[Counter, dict[tuple[str, str], Counter]]:
    """Distinct papers per ``(type, key)`` and the spellings seen for each.

    >>> c, sp = count([("1", "We tackle entity linking."), ("2", "Entity Linking tasks and the entity linking task.")])
    >>> c[("Task", "entity linking")], sp[("Task", "entity linking")].most_common(1)
    (2, [('entity linking', 2)])
    """
    papers: Counter = Counter()
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for _, text in records:
        for key, spelling in paper_phrases(text).items():
            papers[key] += 1
            spellings[key][spelling] += 1
    return papers, spellings


def curated_index(data: Path = DATA) -> tuple[set[str], set[str]]:
    """Squashed (:func:`squash`) lower-case forms of the curated catalog (every ``catalog*.jsonl`` but the mined ones): all
    forms, and the Method/Dataset forms (a mined phrase must not contain one)."""
    sys.path.insert(0, str(ROOT))
    from kg.extract.catalog import catalog_forms, parse_catalog_lines

    rows = []
    for f in sorted(data.glob("catalog*.jsonl")):
        if not f.name.startswith("catalog_mined"):
            rows += parse_catalog_lines(f.read_text(encoding="utf-8").splitlines(), path=str(f))
    every, named = set(), set()
    for typ, _, form, _ in catalog_forms(rows):
        every.add(squash(phrase_key(form.split())))
        if typ in ("Method", "Dataset"):
            named.add(form.lower().replace("-", " "))
    return every, named


def squash(key: str) -> str:
    """``key`` without spaces, hyphens and dots, as ``kg.extract.catalog.catalog_lookup`` compares forms.

    >>> squash("f 1 score") == squash("F1 score".lower())
    True
    """
    return re.sub(r"[\s\-_.]+", "", key)


def vague_phrases(data: Path = DATA) -> set[str]:
    return {phrase_key(line.split()) for line in (data / "stoplist_phrases.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")}


def select(papers: Counter, spellings: dict, *, min_papers: int = 5, purity: float = 0.8,
           known: set[str] = frozenset(), named: set[str] = frozenset(), vague: set[str] = frozenset()
           ) -> dict[str, list[dict]]:
    """Catalog rows per type: phrases with ``>= min_papers`` papers in that type's cues and at least
    ``purity`` of their cue papers in that type; not a curated form (``known``, squashed), not containing a curated Method/Dataset
    form, not vague. Sorted by name.

    >>> p = Counter({("Task", "entity linking"): 9, ("Metric", "entity linking"): 1, ("Task", "foo bar"): 3,
    ...              ("Metric", "mean iou"): 6, ("Task", "mean iou"): 4})
    >>> sp = {k: Counter({k[1]: 1}) for k in p}
    >>> select(p, sp, min_papers=5)  # doctest: +NORMALIZE_WHITESPACE
    {'Task': [{'type': 'Task', 'name': 'entity linking', 'aliases': [], 'source': 'mined', 'papers': 9}],
     'Metric': []}
    """
    # keys that differ only in spaces and hyphens ("multi-modal" / "multimodal") are one row: the key with
    # most papers gives the name and its count, the others' spellings become aliases
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for (typ, key), n in papers.items():
        groups[(typ, squash(key))].append((n, key))
    out: dict[str, list[dict]] = {"Task": [], "Metric": []}
    for (typ, sq), members in groups.items():
        members.sort(key=lambda m: (-m[0], m[1]))
        n, key = members[0]
        other = max(papers.get(("Metric" if typ == "Task" else "Task", k), 0) for _, k in members)
        if n < min_papers or n < purity * (n + other) or sq in known or key in vague:
            continue
        words = key.split()
        if named and any(" ".join(words[i:j]) in named for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
            continue
        names = [min(spellings[(typ, k)].most_common(), key=lambda f: (-f[1], f[0]))[0] for _, k in members]
        aliases = sorted({a for a in names[1:] if a.lower().replace("-", " ") != names[0].lower().replace("-", " ")})
        out[typ].append({"type": typ, "name": names[0], "aliases": aliases, "source": "mined", "papers": n})
    for typ in out:
        out[typ].sort(key=lambda r: r["name"].lower())
    return out


HEADER = {"_comment": "Mined by scripts/mine_lexicon.py from unlabelled arXiv and ACL abstracts (gold ids excluded): "
                      "{typ} phrases in {typ} cue contexts, with the number of distinct papers; regenerate, do not "
                      "edit by hand."}


def write_rows(rows: list[dict], path: Path, typ: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"_comment": HEADER["_comment"].format(typ=typ)}) + "\n")
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-papers", type=int, default=5)
    ap.add_argument("--purity", type=float, default=0.8)
    ap.add_argument("--limit", type=int, default=None, help="records per corpus (default: all)")
    ap.add_argument("--out-dir", type=Path, default=DATA)
    ap.add_argument("--counts", type=Path, default=None, help="also write every counted phrase (TSV) here")
    a = ap.parse_args(argv)
    a.out_dir.mkdir(parents=True, exist_ok=True)  # before the long count, not after it
    if a.counts:
        a.counts.parent.mkdir(parents=True, exist_ok=True)
    exclude = gold_ids()
    papers, spellings = count(read_records(CORPORA, exclude, a.limit))
    if a.counts:
        with open(a.counts, "w", encoding="utf-8") as f:
            for (typ, key), n in sorted(papers.items(), key=lambda kv: (-kv[1], kv[0])):
                if n >= 2:
                    f.write(f"{typ}\t{key}\t{n}\t{papers.get(('Metric' if typ == 'Task' else 'Task', key), 0)}\n")
    known, named = curated_index()
    rows = select(papers, spellings, min_papers=a.min_papers, purity=a.purity, known=known, named=named,
                  vague=vague_phrases())
    for typ, fname in (("Task", "catalog_mined_tasks.jsonl"), ("Metric", "catalog_mined_metrics.jsonl")):
        write_rows(rows[typ], a.out_dir / fname, typ)
        print(f"{typ}: {len(rows[typ])} rows -> {a.out_dir / fname}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
