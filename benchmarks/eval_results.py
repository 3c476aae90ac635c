"""Evaluate kg.extract.results / kg.extract.relations on the gold sets; print a table and the speed.

Usage:
    python benchmarks/eval_results.py [--arxiv-sample N]

Gold sets (each skipped with a note when absent):
  * tests/gold/arxiv_gold.jsonl, tests/gold/examples_gold.jsonl (results + relations; the
    abstract text is read from the record's ``abstract`` field, else from ../shared/data/arxiv
    by id, else examples/papers.jsonl)
  * ../shared/data/scirex/train-abstracts.jsonl: SciREX leaderboard rows whose score appears
    in the abstract (value recall / metric / dataset only; SciREX has no relation gold).

Mentions: ``kg.extract.extract_paper`` when importable and working, else the gold entity names
and aliases found in the text (SciREX: its own gold mention spans). The table says which.
Speed: wall time of find_results + find_relations per 1,000 arXiv abstracts with no mentions
(the regex work of these two functions only), on --arxiv-sample abstracts.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from kg.extract.relations import find_relations  # noqa: E402
from kg.extract.results import find_results  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")


def _norm(s: str) -> str:  # equivalent of score.py norm() when it is absent
    s = s.lower().replace("\\%", "%")
    s = re.sub(r"[\u2010-\u2015_\-]+", " ", s)
    s = re.sub(r"[^\w%.+ ]+", " ", s)
    toks = [t for t in s.split() if t not in ("the", "a", "an")]
    return " ".join(toks).strip(" .")


def _value_key(v) -> str:
    m = re.search(r"\d+(?:[.,]\d+)?", str(v) or "")
    return m.group(0).replace(",", ".") if m else str(v).strip().lower()


def _score_module():
    p = SHARED / "eval" / "score.py"
    if p.exists():
        spec = importlib.util.spec_from_file_location("kg_shared_score", p)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod.norm, mod.value_key
    return _norm, _value_key


NORM, VALUE_KEY = _score_module()


def sentences(text: str) -> list[tuple[int, int]]:
    """Simple sentence splitter (the pipeline passes spaCy's; this is for the benchmark)."""
    out, start = [], 0
    for m in _SENT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
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


def _pipeline():
    try:
        from kg.extract import extract_paper  # type: ignore
        from kg.models import Paper
        extract_paper(Paper(id="x", title="T", abstract="BERT achieves 90.1% accuracy on SST-2."))
        return extract_paper
    except Exception:
        return None


def _val_match(gv: str, pv: str) -> bool:
    """Equal value keys (score.py value_key), or equal up to a x100 percent/fraction scale."""
    a, b = VALUE_KEY(gv), VALUE_KEY(pv)
    if a == b:
        return True
    try:
        fa, fb = float(a), float(b)
        return abs(fa - fb * 100) < 1e-6 or abs(fa * 100 - fb) < 1e-6
    except ValueError:
        return False


def _texts(ids: set[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    ex = ROOT / "examples" / "papers.jsonl"
    if ex.exists():
        for line in open(ex):
            if line.strip():
                d = json.loads(line)
                out[str(d.get("id"))] = (d.get("title") or "", d.get("abstract") or "")
    p = SHARED / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
    need = ids - set(out)
    if need and p.exists():
        with gzip.open(p, "rt") as f:
            for line in f:
                m = re.search(r'"id":\s*"([^"]+)"', line)
                if m and m.group(1) in need:
                    d = json.loads(line)
                    out[str(d["id"])] = (d.get("title") or "", d.get("abstract") or "")
                    need.discard(m.group(1))
                    if not need:
                        break
    return out


class Tally:
    def __init__(self) -> None:
        self.gold = self.recalled = self.metric_ok = self.ds_gold = self.ds_ok = 0
        self.pred = self.pred_ok = 0
        self.rel: dict[str, list[int]] = {}

    def results(self, gold: list[dict], pred: list) -> None:
        used: set[int] = set()
        for g in gold:
            self.gold += 1
            hits = [i for i, p in enumerate(pred) if i not in used and _val_match(str(g["value"]), p.value)]
            if not hits:
                continue
            gm = NORM(g.get("metric") or "")
            # among equal values prefer the one whose metric matches
            hit = next((i for i in hits if NORM(pred[i].metric or "") == gm), hits[0])
            used.add(hit)
            p = pred[hit]
            self.recalled += 1
            self.metric_ok += (NORM(p.metric or "") == gm) if gm else p.metric is None
            if g.get("dataset"):
                self.ds_gold += 1
                self.ds_ok += NORM(p.dataset or "") == NORM(g["dataset"])
        gvals = [str(g["value"]) for g in gold]
        for p in pred:
            self.pred += 1
            self.pred_ok += any(_val_match(v, p.value) for v in gvals)

    def relations(self, gold: list[dict], pred: list) -> None:
        gk = {(NORM(r["head"]), r["type"], NORM(r["tail"])) for r in gold}
        pk = {(NORM(r.head), r.type, NORM(r.tail)) for r in pred}
        for t in {k[1] for k in gk | pk}:
            row = self.rel.setdefault(t, [0, 0, 0])  # tp, pred, gold
            row[0] += len({k for k in gk & pk if k[1] == t})
            row[1] += len({k for k in pk if k[1] == t})
            row[2] += len({k for k in gk if k[1] == t})


def _f(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def _gold_entities(r: dict) -> tuple[list[tuple[str, str, list[str]]], str | None]:
    ents, proposed = [], None
    for key, typ in (("methods", "Method"), ("datasets", "Dataset"), ("metrics", "Metric"), ("tasks", "Task")):
        for e in r.get(key) or []:
            ents.append((typ, e["name"], list(e.get("aliases") or [])))
            if typ == "Method" and e.get("role") == "proposed" and proposed is None:
                proposed = e["name"]
    for e in r.get("entities") or []:
        ents.append((e["type"], e["name"], list(e.get("aliases") or [])))
        if e["type"] == "Method" and e.get("role") == "proposed" and proposed is None:
            proposed = e["name"]
    return ents, proposed


def run_gold(path: Path, pipe, tally: Tally) -> tuple[str, int]:
    recs = [json.loads(line) for line in open(path) if line.strip()]
    texts = _texts({str(r["id"]) for r in recs if not r.get("abstract")})
    n = 0
    for r in recs:
        title, abstract = r.get("title"), r.get("abstract")
        if not abstract:
            title, abstract = texts.get(str(r["id"]), ("", ""))
        if not abstract:
            continue
        n += 1
        ents, proposed = _gold_entities(r)
        res, rels = [], []
        if pipe:
            from kg.models import Paper
            x = pipe(Paper(id=str(r["id"]), title=title or "", abstract=abstract))
            res, rels = list(x.results), list(x.relations)
        else:
            for field, text in (("title", title or ""), ("abstract", abstract)):
                ms = mentions_from_names(text, ents)
                res += find_results(text, sentences(text), ms, field, proposed=proposed)
                rels += find_relations(text, sentences(text), ms, field, proposed=proposed)
        tally.results(r.get("results") or [], res)
        tally.relations(r.get("relations") or [], rels)
    return ("pipeline" if pipe else "gold names"), n


def run_scirex(path: Path, tally: Tally) -> int:
    n = 0
    lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
    for line in open(path):
        d = json.loads(line)
        text = d["abstract"]
        nums = {VALUE_KEY(x) for x in re.findall(r"\d+(?:[.,]\d+)?", text)}
        gold = [{"value": r["score"], "metric": r["Metric"].replace("_", " "),
                 "dataset": r["Material"].replace("_", " "), "method": r["Method"].replace("_", " ")}
                for r in d["gold"]["results"] if VALUE_KEY(r["score"]) in nums]
        if not gold:
            continue
        n += 1
        sal = {(s["label"], f): s["name"].replace("_", " ") for s in d["gold"]["salient"] for f in s["forms"]}
        ms = sorted((m["start"], m["end"], lab[m["label"]], sal.get((m["label"], m["text"]), m["text"]))
                    for m in d["gold"]["mentions"] if m["label"] in lab)
        tally.results(gold, find_results(text, sentences(text), ms))
    return n


def run_scierc(path: Path, tally: Tally) -> int:
    """Proxy relation gold from SciERC: Method USED-FOR Task -> APPLIED_TO, Material EVALUATE-FOR Method ->
    EVALUATED_ON, Method COMPARE Method -> OUTPERFORMS (undirected: either direction counts)."""
    lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
    n = 0
    for line in open(path):
        d = json.loads(line)
        text, E = d["text"], d["entities"]
        gold = []
        for r in d["relations"]:
            h, t, lb = E[r["head"]], E[r["tail"]], r["label"]
            if lb == "USED-FOR" and h["label"] == "Method" and t["label"] == "Task":
                gold.append({"head": h["text"], "type": "APPLIED_TO", "tail": t["text"]})
            elif lb == "EVALUATE-FOR" and h["label"] == "Material" and t["label"] == "Method":
                gold.append({"head": t["text"], "type": "EVALUATED_ON", "tail": h["text"]})
            elif lb == "COMPARE" and h["label"] == t["label"] == "Method":
                gold += [{"head": h["text"], "type": "OUTPERFORMS", "tail": t["text"]},
                         {"head": t["text"], "type": "OUTPERFORMS", "tail": h["text"]}]
        n += 1
        ms = sorted((e["start"], e["end"], lab[e["label"]], e["text"]) for e in E if e["label"] in lab)
        pred = find_relations(text, sentences(text), ms)
        # undirected COMPARE: a predicted OUTPERFORMS counts if either direction is gold; recall counts pairs once
        gk = {(NORM(r["head"]), r["type"], NORM(r["tail"])) for r in gold}
        pk = {(NORM(r.head), r.type, NORM(r.tail)) for r in pred}
        for typ in ("APPLIED_TO", "EVALUATED_ON", "OUTPERFORMS"):
            g = {k for k in gk if k[1] == typ}
            pp = {k for k in pk if k[1] == typ}
            row = tally.rel.setdefault(typ, [0, 0, 0])
            if typ == "OUTPERFORMS":
                pairs = {frozenset((k[0], k[2])) for k in g}
                row[0] += len({frozenset((k[0], k[2])) for k in pp} & pairs)
                row[1] += len(pp)
                row[2] += len(pairs)
            else:
                row[0] += len(g & pp)
                row[1] += len(pp)
                row[2] += len(g)
    return n


def speed(n: int) -> tuple[int, float]:
    p = SHARED / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
    if not p.exists():
        return 0, 0.0
    docs = []
    with gzip.open(p, "rt") as f:
        for line in f:
            t = json.loads(line).get("abstract") or ""
            docs.append((t, sentences(t), []))
            if len(docs) >= n:
                break
    t0 = time.perf_counter()
    for t, ss, ms in docs:
        find_results(t, ss, ms)
        find_relations(t, ss, ms)
    return len(docs), time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arxiv-sample", type=int, default=2000, help="abstracts timed for the speed line (0: skip)")
    a = ap.parse_args()
    pipe = _pipeline()
    rows = []
    for name, path in (("dev15", ROOT / "tests" / "extract_results" / "heldout_gold.jsonl"),
                       ("unseen15", ROOT / "tests" / "extract_results" / "unseen_gold.jsonl"),
                       ("arxiv_gold", ROOT / "tests" / "gold" / "arxiv_gold.jsonl"),
                       ("examples_gold", ROOT / "tests" / "gold" / "examples_gold.jsonl")):
        if not path.exists():
            print(f"{name}: {path} absent, skipped")
            continue
        t = Tally()
        mode, n = run_gold(path, pipe, t)
        rows.append((f"{name} ({n})", mode, t))
    sx = SHARED / "data" / "scirex" / "train-abstracts.jsonl"
    if sx.exists():
        t = Tally()
        n = run_scirex(sx, t)
        rows.append((f"scirex ({n})", "SciREX gold spans", t))
    sc = SHARED / "data" / "scierc" / "train.jsonl"
    if sc.exists():
        t = Tally()
        n = run_scierc(sc, t)
        rows.append((f"scierc proxy ({n})", "SciERC gold spans", t))
    print(f"{'gold set (abstracts)':22s} {'mentions':18s} {'value recall':16s} {'right metric':16s} "
          f"{'right dataset':16s} {'value precision':16s}")
    for name, mode, t in rows:
        if not t.gold:
            continue
        print(f"{name:22s} {mode:18s} {_f(t.recalled, t.gold):16s} {_f(t.metric_ok, t.recalled):16s} "
              f"{_f(t.ds_ok, t.ds_gold):16s} {_f(t.pred_ok, t.pred):16s}")
    print(f"\n{'gold set (abstracts)':22s} {'relation':14s} {'precision':16s} {'recall':16s}")
    for name, mode, t in rows:
        tot = [0, 0, 0]
        for typ, (tp, np_, ng) in sorted(t.rel.items()):
            print(f"{name:22s} {typ:14s} {_f(tp, np_):16s} {_f(tp, ng):16s}")
            tot = [tot[0] + tp, tot[1] + np_, tot[2] + ng]
        if t.rel:
            print(f"{name:22s} {'ALL':14s} {_f(tot[0], tot[1]):16s} {_f(tot[0], tot[2]):16s}")
    if sc.exists():
        lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
        docs = []
        for line in open(sc):
            d = json.loads(line)
            docs.append((d["text"], sentences(d["text"]),
                         sorted((e["start"], e["end"], lab[e["label"]], e["text"]) for e in d["entities"]
                                if e["label"] in lab)))
        t0 = time.perf_counter()
        for _ in range(3):
            for text, ss, ms in docs:
                find_results(text, ss, ms)
                find_relations(text, ss, ms)
        secs = (time.perf_counter() - t0) / 3
        print(f"\nspeed: with gold mentions (SciERC, {len(docs)} abstracts, "
              f"{sum(len(m) for *_, m in docs) / len(docs):.1f} mentions each): {1000 * secs / len(docs):.3f}s per 1k abstracts")
    if a.arxiv_sample:
        n, secs = speed(a.arxiv_sample)
        if n:
            print(f"\nspeed: find_results+find_relations on {n} arXiv abstracts: {secs:.2f}s "
                  f"= {1000 * secs / n:.3f}s per 1k abstracts (no mentions: the functions' own regex work)")


if __name__ == "__main__":
    main()
