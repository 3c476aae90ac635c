"""Results and relations: quality on the gold sets through the real pipeline, and their share of extraction time.

Usage:
    python benchmarks/eval_results.py [--speed N] [--sets NAME,...] [--no-gold-mentions] [--learned]

Quality (one table for results, one for relations per type):
  * ``pipeline``: the real ``kg.extract.extract_papers`` on the papers read from ../shared/data
    (title + abstract by id from the arXiv snapshot), end to end, exactly what ``kg extract`` writes.
  * ``gold mentions``: ``find_results``/``find_relations`` given the gold entity names found in the
    text instead of the pipeline's entities (isolates this stage from entity recall).
Gold sets (ids + annotations only, no abstract text; each skipped with a note when absent):
  ho40      tests/gold/heldout_nov30_gold.jsonl       the blind set of 30 Nov (25 arXiv + 15 Hugging Face
            papers, texts via ``kg ingest ../shared/data/hf-papers``); published, a development set since
  ho40b     tests/gold/heldout_nov30b_gold.jsonl      the second blind set (set b), scored blind, then published:
            a development set since 30 Nov evening (sets c and d stay blind and are never listed here)
  nov30     tests/extract_results/unseen_nov30_gold.jsonl 16 seeded 2025-2026 abstracts
            (select_unseen.py 16 --seed 1130 --since 25), committed before the code changes of its
            session; measured once before and once after, only totals looked at
  unseen15b tests/extract_results/unseen15b_gold.jsonl 15 seeded abstracts, annotated before the relation
            changes of its session; only totals looked at
  unseen20  tests/extract_results/unseen20_gold.jsonl  annotated before earlier changes; used as dev since
  arxiv42   tests/gold/arxiv_gold.jsonl               another helper's gold, not used for tuning
  dev15a    tests/extract_results/heldout_gold.jsonl  used while developing
  dev15b    tests/extract_results/unseen_gold.jsonl   used while developing
  dev15c    tests/extract_results/dev15c_gold.jsonl  15 more seeded arXiv abstracts, used while developing
  dev10r    tests/extract_results/dev10r_gold.jsonl   10 seeded arXiv abstracts with relation cue words (dev)
  dev30ex   tests/gold/examples_gold.jsonl            the project's 30 self-written abstracts (examples/papers.jsonl)
SciREX (../shared/data/scirex/train-abstracts.jsonl): leaderboard rows (method, dataset, metric, score)
whose score is written in the abstract; value recall and, of the recalled, right metric/dataset/method.

Matching: values as ``score.py``'s ``value_key`` (also equal up to x100: 0.84 vs 84%); names after
``score.py``'s ``norm()``; a predicted name matches a gold entity when it equals its name or an alias;
a metric also matches when one name is a whole-word part of the other ("latency" vs "prefill latency").
Value precision: predicted values equal to some gold value of the abstract.

``--learned``: relations from the learned scorer (``kg.extract.relations.USE_LEARNED``), whose
leave-one-gold-set-out cross-validation is ``scripts/train_relations.py``.

Speed (``--speed N``, default 2000 arXiv abstracts; CPU time of this process, steadier than wall time on
a shared machine): blank tokenisation vs ``extract_papers``, with the
time spent inside ``find_results``/``find_relations`` measured by wrapping them, in ms per abstract.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
ARXIV = SHARED / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
SCIREX = SHARED / "data" / "scirex" / "train-abstracts.jsonl"

import kg.extract.relations as rel_mod  # noqa: E402
import kg.extract.results as res_mod  # noqa: E402
from kg.extract.text import split_sentences  # noqa: E402
from kg.models import Paper  # noqa: E402

GOLD_SETS = {
    "ho40": ROOT / "tests" / "gold" / "heldout_nov30_gold.jsonl",
    "ho40b": ROOT / "tests" / "gold" / "heldout_nov30b_gold.jsonl",
    "nov30": ROOT / "tests" / "extract_results" / "unseen_nov30_gold.jsonl",
    "unseen15b": ROOT / "tests" / "extract_results" / "unseen15b_gold.jsonl",
    "unseen20": ROOT / "tests" / "extract_results" / "unseen20_gold.jsonl",
    "arxiv42": ROOT / "tests" / "gold" / "arxiv_gold.jsonl",
    "dev15a": ROOT / "tests" / "extract_results" / "heldout_gold.jsonl",
    "dev15b": ROOT / "tests" / "extract_results" / "unseen_gold.jsonl",
    "dev15c": ROOT / "tests" / "extract_results" / "dev15c_gold.jsonl",
    "dev30ex": ROOT / "tests" / "gold" / "examples_gold.jsonl",
    "dev10r": ROOT / "tests" / "extract_results" / "dev10r_gold.jsonl",
}
EXAMPLES = ROOT / "examples" / "papers.jsonl"
REL_TYPES = ("EVALUATED_ON", "APPLIED_TO", "OUTPERFORMS", "BASED_ON")
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9)
HELD_OUT: tuple[str, ...] = ()  # sets whose misses --wrong never lists (none since ho40/nov30/arxiv42 became dev sets)


def _score_module():
    spec = importlib.util.spec_from_file_location("kg_shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.norm, mod.value_key


NORM, VALUE_KEY = _score_module()


def val_match(gv: str, pv: str) -> bool:
    """Equal ``value_key`` (signs and units ignored), or equal up to x100 (0.84 vs 84%)."""
    a, b = VALUE_KEY(gv), VALUE_KEY(pv)
    if a == b:
        return True
    try:
        fa, fb = float(a), float(b)
    except ValueError:
        return False
    return abs(fa - fb * 100) < 1e-6 or abs(fa * 100 - fb) < 1e-6


def metric_match(gold: str | None, pred: str | None, forms: set[str], pforms: set[str] | None = None) -> bool:
    """Gold metric (its name/aliases ``forms``) vs a predicted one (its forms ``pforms``): equal, or one a
    whole-word part of the other ("latency" / "prefill-phase latency"). No gold metric: right when none predicted."""
    if not gold:
        return not pred
    if not pred:
        return False
    ps = (pforms or set()) | {NORM(pred)}
    if ps & forms or {p.replace(" ", "") for p in ps} & {g.replace(" ", "") for g in forms}:
        return True  # also "speed up" = "speedup"
    return any(p and g and (f" {p} " in f" {g} " or f" {g} " in f" {p} ") for p in ps for g in forms | {NORM(gold)})


class GoldNames:
    """Name -> set of normalised forms (name and aliases) of one gold record's entities."""

    def __init__(self, rec: dict) -> None:
        self.forms: dict[str, set[str]] = {}
        self.ents: list[tuple[str, str, list[str]]] = []
        self.proposed: str | None = None
        for key, typ in (("methods", "Method"), ("datasets", "Dataset"), ("metrics", "Metric"), ("tasks", "Task")):
            for e in rec.get(key) or []:
                al = list(e.get("aliases") or [])
                self.ents.append((typ, e["name"], al))
                self.forms.setdefault(e["name"], set()).update(NORM(x) for x in [e["name"], *al] if NORM(x))
                if typ == "Method" and e.get("role") == "proposed" and self.proposed is None:
                    self.proposed = e["name"]

    def of(self, name: str | None) -> set[str]:
        """The forms of the gold entity named ``name`` (its name or one of its aliases: a gold relation or result
        may name an entity by an alias, "ResFormer-B-MR" for ResFormer), else ``{NORM(name)}``.

        >>> g = GoldNames({"methods": [{"name": "ResFormer", "aliases": ["ResFormer-B-MR"]}]})
        >>> sorted(g.of("ResFormer-B-MR")) == sorted(g.of("ResFormer")), len(g.of("ResFormer")), g.of("ViT") == {NORM("ViT")}
        (True, 2, True)
        """
        if not name:
            return set()
        got = self.forms.get(name)
        if got is None:
            n = NORM(name)
            got = next((f for f in self.forms.values() if n in f), None) or {n}
        return got


def max_matching(fits: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching of rows to columns (augmenting paths), as ``{column: row}``.

    ``fits[i]`` lists the columns row ``i`` may take. Deterministic: rows in order, columns in the listed order.

    >>> sorted(max_matching([[0, 1], [0]]).items())  # greedy would give row 0 column 0 and leave row 1 out
    [(0, 1), (1, 0)]
    >>> max_matching([[], [2]])
    {2: 1}
    """
    owner: dict[int, int] = {}

    def take(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or take(owner[j], seen):
                    owner[j] = i
                    return True
        return False
    for i in range(len(fits)):
        take(i, set())
    return owner


class Tally:
    def __init__(self) -> None:
        self.n = self.gold = self.recalled = self.metric_ok = 0
        self.ds_gold = self.ds_ok = self.m_gold = self.m_ok = self.pred = self.pred_ok = 0
        self.rel: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
        self.wrong: list[tuple] = []
        self.missed: list[tuple] = []
        self.pid = ""
        self.by_conf: dict[float, "Tally"] = {}
        self.rel_r: dict[str, int] = defaultdict(int)  # recall numerators of the paper-level rows

    def results(self, gold: list[dict], pred: list, names: GoldNames, pred_forms: dict[str, set[str]] | None = None) -> None:
        pred_forms = pred_forms or {}

        def pf(n: str | None) -> set[str]:
            return ({NORM(n)} | pred_forms.get(n, set())) if n else set()
        used: set[int] = set()
        for g in gold:
            self.gold += 1
            hits = [i for i, p in enumerate(pred) if i not in used and val_match(str(g["value"]), p.value)]
            if not hits:
                self.missed.append((self.pid, "RESULT", g["value"], g.get("metric")))
                continue
            mforms = names.of(g.get("metric"))
            hit = next((i for i in hits if metric_match(g.get("metric"), pred[i].metric, mforms, pf(pred[i].metric))), hits[0])
            used.add(hit)
            p = pred[hit]
            self.recalled += 1
            ok = metric_match(g.get("metric"), p.metric, mforms, pf(p.metric))
            self.metric_ok += ok
            if not ok:
                self.wrong.append((self.pid, "METRIC", g["value"], g.get("metric"), "->", p.metric))
            if g.get("dataset"):
                self.ds_gold += 1
                ok = bool(pf(p.dataset) & names.of(g["dataset"]))
                self.ds_ok += ok
                if not ok:
                    self.wrong.append((self.pid, "DATASET", g["value"], g["dataset"], "->", p.dataset))
            if g.get("method"):
                self.m_gold += 1
                self.m_ok += bool(pf(p.method) & names.of(g["method"]))
        for p in pred:
            self.pred += 1
            self.pred_ok += any(val_match(str(g["value"]), p.value) for g in gold)

    def paper_level(self, rec: dict, pred: dict[str, list[set[str]]], names: GoldNames) -> None:
        """Paper-level edges as the graph builds them (kg/graph.py ``_ROLE_EDGES``, repos, results) against the gold.

        ``pred[type]`` holds one set of normalised forms per predicted tail. Gold per type (``core`` entities
        must be found, any entity of the type may be predicted without penalty):
        PROPOSES: methods/datasets with role proposed; USES: other methods and datasets; EVALUATES_ON: the
        datasets that are tails of a gold EVALUATED_ON or the dataset of a gold result; ADDRESSES: tasks;
        HAS_CODE: repos (normalised URL).
        """
        ents = {k: rec.get(k) or [] for k in ("methods", "datasets", "tasks")}

        def fs(e: dict) -> set[str]:
            return {NORM(x) for x in [e["name"], *(e.get("aliases") or [])] if NORM(x)}
        prop = [e for k in ("methods", "datasets") for e in ents[k] if e.get("role") == "proposed"]
        used = [e for k in ("methods", "datasets") for e in ents[k] if e.get("role") != "proposed"]
        ev_names = {g["tail"] for g in rec.get("relations") or [] if g["type"] == "EVALUATED_ON"} | \
                   {g["dataset"] for g in rec.get("results") or [] if g.get("dataset")}
        evald = [e for e in ents["datasets"] if e["name"] in ev_names]
        gold = {"PROPOSES": (prop, prop), "USES": (used, used), "EVALUATES_ON": (evald, ents["datasets"]),
                "ADDRESSES": (ents["tasks"], ents["tasks"])}
        for typ, (must, may) in gold.items():
            row = self.rel[f"paper {typ}"]
            must = [fs(e) for e in must if e.get("core", True) or typ == "PROPOSES"]
            may = [fs(e) for e in may]
            ps = pred.get(typ, [])
            row[1] += len(ps)
            row[0] += sum(1 for p in ps if any(p & g for g in may))  # precision numerator
            row[2] += len(must)
            self.rel_r[f"paper {typ}"] += sum(1 for g in must if any(p & g for p in ps))
        if "repos" not in rec:
            return  # this gold file did not annotate repos
        row = self.rel["paper HAS_CODE"]
        grepos = {u.rstrip("/").lower() for u in rec.get("repos") or []}
        prepos = {u.rstrip("/").lower() for u in pred.get("HAS_CODE_URLS", [])}
        row[0] += len(grepos & prepos)
        row[1] += len(prepos)
        row[2] += len(grepos)
        self.rel_r["paper HAS_CODE"] += len(grepos & prepos)

    def relations(self, gold: list[dict], pred: list, names: GoldNames, pid: str = "",
                  pred_forms: dict[str, set[str]] | None = None) -> None:
        """One-to-one matching per type, a maximum matching (so the count does not depend on the order of the
        predictions; a greedy pass over a set gave 16 or 17 of 17 on the same file under different hash seeds).
        A predicted name matches a gold entity when one of its forms (name, and in pipeline mode the entity's
        aliases and mention texts, as score.py does for entities) is the gold name or an alias; a Task tail also
        matches with extra modifiers ("real-time T" for T)."""
        pred_forms = pred_forms or {}

        def forms(n: str) -> set[str]:
            return {NORM(n)} | pred_forms.get(n, set())

        for typ in REL_TYPES:
            gs = [g for g in gold if g["type"] == typ]
            ps = {(p.head, p.tail) for p in pred if p.type == typ}
            ps = {k for k in ps if (NORM(k[0]), NORM(k[1])) not in {(NORM(a), NORM(b)) for a, b in ps if (a, b) < k}}
            row = self.rel[typ]
            row[1] += len(ps)
            row[2] += len(gs)
            cands = sorted(ps)
            fits = []
            for g in gs:
                hf, tf = names.of(g["head"]), names.of(g["tail"])

                def tail_ok(n: str) -> bool:
                    f = forms(n)
                    return bool(f & tf) or (typ == "APPLIED_TO" and any(f" {x}".endswith(f" {y}") for x in f for y in tf))
                fits.append([j for j, k in enumerate(cands) if forms(k[0]) & hf and tail_ok(k[1])])
            gold_of = max_matching(fits)
            row[0] += len(gold_of)
            self.missed += [(pid, typ, g["head"], g["tail"]) for i, g in enumerate(gs) if i not in gold_of.values()]
            self.wrong += [(pid, typ, *k) for j, k in enumerate(cands) if j not in gold_of]


def predicted_paper_edges(x) -> dict[str, list]:
    """The paper-level edges the graph builds from one extraction (kg/graph.py ``_ROLE_EDGES``)."""
    out: dict[str, list] = defaultdict(list)
    for e in x.entities:
        f = {NORM(v) for v in (e.name, *e.aliases, *(m.text for m in e.mentions)) if NORM(v)}
        if e.type in ("Method", "Dataset") and e.role == "proposed":
            out["PROPOSES"].append(f)
        elif e.type == "Method" or (e.type == "Dataset" and e.role == "used"):
            out["USES"].append(f)
        if e.type == "Dataset" and e.role != "proposed":
            out["EVALUATES_ON"].append(f)
        if e.type == "Task":
            out["ADDRESSES"].append(f)
    out["HAS_CODE_URLS"] = [r.url for r in x.repos]
    return out


def hf_texts(ids: set[str]) -> dict[str, tuple[str, str]]:
    """Title and abstract of the Hugging Face papers among ``ids`` ("title:..." ids), read by ``kg ingest``."""
    want = {i for i in ids if i.startswith("title:")}
    if not want or not (SHARED / "data" / "hf-papers").exists():
        return {}
    import subprocess
    out = subprocess.run([sys.executable, "-m", "kg", "ingest", str(SHARED / "data" / "hf-papers"), "--jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    found = {}
    for line in out.splitlines():
        d = json.loads(line)
        if d["id"] in want:
            found[d["id"]] = (d.get("title") or "", d.get("abstract") or "")
    return found


def arxiv_texts(ids: set[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = hf_texts(ids)
    if EXAMPLES.exists():
        for line in open(EXAMPLES, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                out[str(d["id"])] = (d.get("title") or "", d.get("abstract") or "")
    if not ARXIV.exists():
        return out
    need = {i for i in ids if not i.startswith("title:")} - set(out)
    with gzip.open(ARXIV, "rt", encoding="utf-8") as f:
        for line in f:
            m = re.search(r'"id":\s*"([^"]+)"', line)
            if m and m.group(1) in need:
                d = json.loads(line)
                out[m.group(1)] = (d.get("title") or "", d.get("abstract") or "")
                need.discard(m.group(1))
                if not need:
                    break
    return out


def mentions_from_names(text: str, ents: list[tuple[str, str, list[str]]]) -> list[tuple[int, int, str, str]]:
    """(start, end, type, name) for every occurrence of a gold name/alias, longest first, no overlaps."""
    forms = sorted(((f, t, n) for t, n, al in ents for f in {n, *al} if f and len(f) > 1), key=lambda x: -len(x[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for f, t, n in forms:
        for m in re.finditer(r"(?<![\w])" + re.escape(f) + r"(?![\w])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), t, n))
    return sorted(out)


def papers_of(recs: list[dict], texts: dict) -> tuple[list[Paper], list[dict]]:
    """The papers of the gold records whose text was found, and those records (same order)."""
    papers, keep = [], []
    for r in recs:
        title, abstract = texts.get(str(r["id"]), ("", ""))
        if abstract:
            papers.append(Paper(id=str(r["id"]), title=title, abstract=abstract))
            keep.append(r)
    return papers, keep


def run_gold(recs: list[dict], texts: dict, mode: str) -> Tally:
    from kg.extract import extract_papers
    t = Tally()
    papers, keep = papers_of(recs, texts)
    if mode == "pipeline":
        outs, paper_edges = [], []
        for x in extract_papers(papers):
            outs.append((x.results, x.relations, {e.name: {NORM(f) for f in (e.name, *e.aliases, *(m.text for m in e.mentions))}
                                                  for e in x.entities}))
            paper_edges.append(predicted_paper_edges(x))
    else:
        outs, paper_edges = [], []
        for p, r in zip(papers, keep):
            names = GoldNames(r)
            res, rels = [], []
            for field, text in (("title", p.title), ("abstract", p.abstract)):
                ms = mentions_from_names(text, names.ents)
                res += res_mod.find_results(text, split_sentences(text), ms, field, proposed=names.proposed)
                rels += rel_mod.find_relations(text, split_sentences(text), ms, field, proposed=names.proposed)
            outs.append((res, rels, {}))
    for i, (r, (res, rels, pforms)) in enumerate(zip(keep, outs)):
        names = GoldNames(r)
        if mode == "pipeline":
            t.paper_level(r, paper_edges[i], names)
        t.n += 1
        t.pid = str(r["id"])
        t.results(r.get("results") or [], list(res), names, pforms)
        t.relations(r.get("relations") or [], list(rels), names, str(r["id"]), pforms)
        for th in THRESHOLDS:
            t.by_conf.setdefault(th, Tally()).relations(r.get("relations") or [], [x for x in rels if x.confidence >= th],
                                                        names, str(r["id"]), pforms)
    return t


def scirex_rows(mode: str) -> Tally:
    from kg.extract import extract_papers
    t = Tally()
    recs = []
    for line in open(SCIREX, encoding="utf-8"):
        d = json.loads(line)
        nums = {VALUE_KEY(x) for x in re.findall(r"\d+(?:[.,]\d+)?", d["abstract"])}
        gold = [{"value": r["score"], "metric": r["Metric"].replace("_", " "), "dataset": r["Material"].replace("_", " "),
                 "method": r["Method"].replace("_", " ")} for r in d["gold"]["results"] if VALUE_KEY(r["score"]) in nums]
        if gold:
            recs.append((d, gold))
    lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
    if mode == "pipeline":
        papers = [Paper(id=str(d.get("id", i)), title=d.get("title") or "", abstract=d["abstract"]) for i, (d, _) in enumerate(recs)]
        preds = [list(x.results) for x in extract_papers(papers)]
    else:
        preds = []
        for d, _ in recs:
            text = d["abstract"]
            sal = {(s["label"], f): s["name"].replace("_", " ") for s in d["gold"]["salient"] for f in s["forms"]}
            ms = sorted((m["start"], m["end"], lab[m["label"]], sal.get((m["label"], m["text"]), m["text"]))
                        for m in d["gold"]["mentions"] if m["label"] in lab)
            preds.append(res_mod.find_results(text, split_sentences(text), ms))
    for (d, gold), pred in zip(recs, preds):
        names = GoldNames({})
        for s in d["gold"]["salient"]:  # SciREX salient clusters: every form is an alias of the canonical name
            names.forms.setdefault(s["name"].replace("_", " "), set()).update(
                NORM(x) for x in [s["name"].replace("_", " "), *s["forms"]] if NORM(x))
        t.n += 1
        t.results(gold, pred, names)
    return t


def _f(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def speed(n: int) -> None:
    import spacy

    from kg.extract import build_nlp, extract_papers
    papers = []
    with gzip.open(ARXIV, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            papers.append(Paper(id=str(r["id"]), title=r.get("title") or "", abstract=r.get("abstract") or ""))
            if len(papers) >= n:
                break
    spent = {"find_results": 0.0, "find_relations": 0.0}

    def timed(mod, name):
        fn = getattr(mod, name)

        def wrapper(*a, **k):
            t0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - t0
        return fn, wrapper

    blank = spacy.blank("en")
    nlp = build_nlp()
    for _ in extract_papers(papers[:50], nlp=nlp):  # warm-up (lazy imports, catalog)
        pass
    t0 = time.process_time()
    for _ in blank.pipe((x for p in papers for x in (p.title, p.abstract)), batch_size=256):
        pass
    tb = time.process_time() - t0
    import kg.extract as pipe_mod
    orig_r, res_mod.find_results = timed(res_mod, "find_results")
    orig_l, rel_mod.find_relations = timed(rel_mod, "find_relations")
    # the pipeline may hold its own references to the two functions
    bound = {n: getattr(pipe_mod, n) for n in ("find_results", "find_relations") if hasattr(pipe_mod, n)}
    for n in bound:
        setattr(pipe_mod, n, getattr(res_mod if n == "find_results" else rel_mod, n))
    try:
        t0 = time.process_time()
        for _ in extract_papers(papers, nlp=nlp, batch_size=256):
            pass
        te = time.process_time() - t0
    finally:
        res_mod.find_results, rel_mod.find_relations = orig_r, orig_l
        for n, f in bound.items():
            setattr(pipe_mod, n, f)
    mine = spent["find_results"] + spent["find_relations"]
    ms = 1000 / len(papers)
    print(f"\nspeed on the first {len(papers)} arXiv abstracts (title+abstract), ms per abstract:")
    print(f"| blank tokenisation | extract_papers (all) | find_results | find_relations | ratio | ratio without results+relations |")
    print(f"| {tb * ms:.3f} | {te * ms:.3f} | {spent['find_results'] * ms:.3f} | {spent['find_relations'] * ms:.3f} "
          f"| {tb / te:.3f} | {tb / max(te - mine, 1e-9):.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speed", type=int, default=2000, help="arXiv abstracts for the speed table (0: skip)")
    ap.add_argument("--sets", default=",".join([*GOLD_SETS, "scirex"]), help="comma-separated gold sets")
    ap.add_argument("--no-gold-mentions", action="store_true", help="only the end-to-end pipeline rows")
    ap.add_argument("--wrong", action="store_true", help="list wrong relations (not for the held-out sets)")
    ap.add_argument("--learned", action="store_true",
                    help="relations from the learned scorer (kg/extract/relscore.py) instead of the cue rules")
    a = ap.parse_args()
    rel_mod.USE_LEARNED = a.learned
    sets = a.sets.split(",")
    modes = ["pipeline"] + ([] if a.no_gold_mentions else ["gold mentions"])
    loaded = {k: [json.loads(x) for x in open(p) if x.strip()] for k, p in GOLD_SETS.items() if k in sets and p.exists()}
    texts = arxiv_texts({str(r["id"]) for recs in loaded.values() for r in recs})
    rows = []
    for name, recs in loaded.items():
        for mode in modes:
            rows.append((name, mode, run_gold(recs, texts, mode)))
    if "scirex" in sets and SCIREX.exists():
        for mode in modes:
            rows.append(("scirex", mode, scirex_rows(mode)))
    print(f"| gold set | mentions | abstracts | value recall | right metric | right dataset (when stated) "
          f"| right method (when stated) | value precision |")
    print("|---|---|---|---|---|---|---|---|")
    for name, mode, t in rows:
        print(f"| {name} | {mode} | {t.n} | {_f(t.recalled, t.gold)} | {_f(t.metric_ok, t.recalled)} | "
              f"{_f(t.ds_ok, t.ds_gold)} | {_f(t.m_ok, t.m_gold)} | {_f(t.pred_ok, t.pred)} |")
    print("\n| gold set | mentions | relation | precision | recall |")
    print("|---|---|---|---|---|")
    for name, mode, t in rows:
        if name == "scirex":
            continue
        tot = [0, 0, 0]
        for typ in REL_TYPES:
            tp, np_, ng = t.rel[typ]
            print(f"| {name} | {mode} | {typ} | {_f(tp, np_)} | {_f(tp, ng)} |")
            tot = [tot[0] + tp, tot[1] + np_, tot[2] + ng]
        print(f"| {name} | {mode} | ALL | {_f(tot[0], tot[1])} | {_f(tot[0], tot[2])} |")
    print("\npaper-level edges as the graph builds them (entity roles, repos, results), pipeline only; "
          "not blended into the rows above")
    print("| gold set | edge | precision | recall |")
    print("|---|---|---|---|")
    for name, mode, t in rows:
        if name == "scirex" or mode != "pipeline":
            continue
        for typ in ("PROPOSES", "USES", "EVALUATES_ON", "ADDRESSES", "HAS_CODE"):
            tp, np_, ng = t.rel[f"paper {typ}"]
            print(f"| {name} | Paper {typ} | {_f(tp, np_)} | {_f(t.rel_r[f'paper {typ}'], ng)} |")
        print(f"| {name} | Paper REPORTS Result (value) | {_f(t.pred_ok, t.pred)} | {_f(t.recalled, t.gold)} |")
    print("\nrelations (all types) kept at confidence >= t, pipeline mentions: precision / recall")
    print("| gold set | " + " | ".join(f"t={th}" for th in THRESHOLDS) + " |")
    print("|---|" + "---|" * len(THRESHOLDS))
    dev = [t for name, mode, t in rows if mode == "pipeline" and t.by_conf and name not in HELD_OUT and name != "scirex"]
    for name, mode, t in [*rows, ("development sets together", "pipeline", None)]:
        if mode != "pipeline" or (t is not None and not t.by_conf) or (t is None and not dev):
            continue
        cells = []
        for th in THRESHOLDS:
            tp, np_, ng = (sum(v[i] for x in ([t] if t else dev) for v in x.by_conf[th].rel.values()) for i in range(3))
            cells.append(f"{tp / np_ if np_ else 0:.2f} ({tp}/{np_}) / {tp / ng if ng else 0:.2f} ({tp}/{ng})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if a.wrong:
        for name, mode, t in rows:
            if name not in HELD_OUT:
                for w in t.wrong:
                    print("wrong", name, mode, *w)
                for w in t.missed:
                    print("missed", name, mode, *w)
    if a.speed and ARXIV.exists():
        speed(a.speed)


if __name__ == "__main__":
    main()
