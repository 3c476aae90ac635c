"""Score ``kg extract`` on the held-out gold set (tests/gold/heldout_nov30_gold.jsonl), end to end.

The set was drawn by scripts/select_heldout.py and annotated blind by someone who did not develop the
extractor. After its blind scoring (30 Nov morning) it was published and is a development set since; a new
blind set is scored with ``--gold FILE`` by the lead only. This script runs the real CLI exactly as a user
would and scores what it wrote:

1. writes the 40 papers (25 arXiv by id from ../shared/data/arxiv, 15 from ``kg ingest ../shared/data/hf-papers``)
   to a temporary JSONL (outside the repo), and runs ``kg extract PAPERS -o PRED``;
2. entities, repos, result values and roles: ``../shared/eval/score.py seeds GOLD PRED`` (the judge's scorer);
3. results (value recall, right metric / dataset / method) and relations per type (method-level relations
   from ``relations``; paper-level ones from entity roles, results and repos), with
   ``benchmarks/eval_results.py``'s matching rules (``Tally``).

Usage: python benchmarks/eval_heldout.py [--gold FILE] [--keep DIR] [--min-confidence T ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_results as er  # noqa: E402
from kg.evaluate import _repo_key  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold" / "heldout_nov30_gold.jsonl"
PAPER_LEVEL = (("PROPOSES", ("methods", "datasets"), ("Method", "Dataset"), "proposed"),
               ("USES", ("methods",), ("Method",), "used"),
               ("EVALUATES_ON", ("datasets",), ("Dataset",), None),
               ("ADDRESSES", ("tasks",), ("Task",), None))


def read_gold(path: Path, prog: str = "eval_heldout") -> list[dict]:
    """The records of a gold file; a line that is not a JSON object with an ``id`` stops with file and line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            sys.exit(f"{prog}: {path}:{n}: not JSON ({exc.msg}); each line must be one gold record")
        if not isinstance(rec, dict) or "id" not in rec:
            sys.exit(f"{prog}: {path}:{n}: a gold record needs an \"id\" field")
        out.append(rec)
    return out


def papers_for(gold: list[dict]) -> list[dict]:
    """The input records of the gold ids, in gold order (arXiv snapshot lines; hf-papers via ``kg ingest``)."""
    want = {g["id"] for g in gold}
    found = {pid: {"id": pid, "title": t, "abstract": a}
             for pid, (t, a) in er.arxiv_texts({i for i in want if not i.startswith("title:")}).items() if pid in want}
    out = subprocess.run([sys.executable, "-m", "kg", "ingest", str(SHARED / "data" / "hf-papers"), "--jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    for line in out.splitlines():
        d = json.loads(line)
        if d["id"] in want:
            found[d["id"]] = {"id": d["id"], "title": d["title"], "abstract": d["abstract"]}
    missing = want - set(found)
    if missing:
        sys.exit(f"eval_heldout: {len(missing)} gold ids not found in ../shared/data: {sorted(missing)[:3]}")
    return [found[g["id"]] for g in gold]


def _forms(e: dict) -> set[str]:
    """A predicted entity's normalised name, aliases and mention texts (what score.py matches)."""
    return {er.NORM(f) for f in (e["name"], *e.get("aliases", []), *(m["text"] for m in e["mentions"]))}


def _pred_forms(rec: dict) -> dict[str, set[str]]:
    return {e["name"]: _forms(e) for e in rec.get("entities", [])}


def paper_level(gold: list[dict], preds: dict[str, dict]) -> dict[str, list[int]]:
    """Right predicted / predicted / found gold / gold per paper-level relation type (core gold entities only;
    predicted entities that match an optional gold entity are neither counted right nor wrong, as score.py does for
    entities). Precision counts predictions and recall gold entities, so one prediction matching two gold entities
    (a name and its acronym annotated apart) cannot lift precision above 1."""
    rows = {t: [0, 0, 0, 0] for t, *_ in PAPER_LEVEL}
    for g in gold:
        p = preds.get(g["id"], {})
        ents = [(e, _forms(e)) for e in p.get("entities", [])]
        for typ, keys, types, role in PAPER_LEVEL:
            gold_all = [(ge, {er.NORM(x) for x in (ge["name"], *ge.get("aliases", []))}) for k in keys for ge in g[k]
                        if role is None or ge.get("role", "used") == role]
            core = [x for x in gold_all if x[0].get("core", True)]
            optional = [f for ge, f in gold_all if not ge.get("core", True)]
            pred = [f for e, f in ents if e["type"] in types and (role is None or (e.get("role") or "used") == role)]
            pred = [f for f in pred if not (any(f & o for o in optional) and not any(f & c for _, c in core))]
            rows[typ][0] += sum(1 for f in pred if any(f & c for _, c in core))
            rows[typ][1] += len(pred)
            rows[typ][2] += sum(1 for _, c in core if any(f & c for f in pred))
            rows[typ][3] += len(core)
    return rows


def report(gold_path: Path, gold: list[dict], pred_path: Path, thresholds: list[float]) -> None:
    """Print the whole report for predictions ``pred_path`` (``kg extract`` output) against ``gold``: score.py seeds,
    results, method-level relations per confidence threshold, paper-level relations."""
    print(f"## Entities, repos, result values, roles: score.py seeds {gold_path.name} (papers: {len(gold)})\n")
    print(subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "seeds", str(gold_path), str(pred_path)],
                         capture_output=True, text=True, check=True).stdout)
    preds = {r["id"]: r for r in map(json.loads, open(pred_path, encoding="utf-8"))}
    tallies = {th: er.Tally() for th in thresholds}
    for g in gold:
        p = preds.get(g["id"], {})
        names, forms = er.GoldNames(g), _pred_forms(p)
        res = [SimpleNamespace(**{k: r.get(k) for k in ("value", "metric", "dataset", "method")}) for r in p.get("results", [])]
        for th, t in tallies.items():
            rels = [SimpleNamespace(head=r["head"], tail=r["tail"], type=r["type"], confidence=r.get("confidence", 1.0))
                    for r in p.get("relations", []) if r.get("confidence", 1.0) >= th]
            t.n += 1
            t.pid = g["id"]
            if th == thresholds[0]:
                t.results(g.get("results") or [], res, names, forms)
            t.relations(g.get("relations") or [], rels, names, g["id"], forms)
    t = tallies[thresholds[0]]
    print("## Results\n\n| abstracts | value recall | right metric | right dataset (when stated) | right method (when stated) "
          "| value precision |\n|---|---|---|---|---|---|")
    print(f"| {t.n} | {er._f(t.recalled, t.gold)} | {er._f(t.metric_ok, t.recalled)} | {er._f(t.ds_ok, t.ds_gold)} "
          f"| {er._f(t.m_ok, t.m_gold)} | {er._f(t.pred_ok, t.pred)} |")
    print("\n## Relations: precision / recall per type, relations kept at confidence >= t\n")
    print("| relation | " + " | ".join(f"t={th}" for th in thresholds) + " |")
    print("|---|" + "---|" * len(thresholds))
    for typ in [*er.REL_TYPES, "ALL (method-level)"]:
        cells = []
        for th in thresholds:
            rel = tallies[th].rel
            tp, npred, ngold = (rel[typ] if typ in rel else [sum(v[i] for k, v in rel.items() if k in er.REL_TYPES)
                                                              for i in range(3)])
            cells.append(f"{er._f(tp, npred)} / {er._f(tp, ngold)}")
        print(f"| {typ} | " + " | ".join(cells) + " |")
    rows = paper_level(gold, preds)
    repo_tp = sum(len({_repo_key(u) for u in g["repos"]} & {_repo_key(r["url"]) for r in preds[g["id"]].get("repos", [])})
                  for g in gold)
    rows["HAS_CODE"] = [repo_tp, sum(len(preds[g["id"]].get("repos", [])) for g in gold), repo_tp,
                        sum(len(g["repos"]) for g in gold)]
    print("\n## Paper-level relations (from entity roles and repos; core gold entities)\n\n| relation | precision | recall |\n|---|---|---|")
    for typ, (tp_p, npred, tp_g, ngold) in rows.items():
        print(f"| Paper {typ} | {er._f(tp_p, npred)} | {er._f(tp_g, ngold)} |")
    tp_p, npred, tp_g, ngold = (sum(v[i] for v in rows.values()) for i in range(4))
    print(f"| ALL (paper-level) | {er._f(tp_p, npred)} | {er._f(tp_g, ngold)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--keep", type=Path, help="keep papers.jsonl and pred.jsonl in this folder")
    ap.add_argument("--min-confidence", type=float, nargs="*", default=[0.0, 0.7, 0.8, 0.85])
    a = ap.parse_args()
    if not (SHARED / "data").exists():
        sys.exit("eval_heldout: ../shared/data is absent (the texts are read from there)")
    gold = read_gold(a.gold)
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-heldout-"))
    work.mkdir(parents=True, exist_ok=True)
    papers = work / "papers.jsonl"
    pred_path = work / "pred.jsonl"
    papers.write_text("".join(json.dumps(p) + "\n" for p in papers_for(gold)), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kg", "extract", str(papers), "-o", str(pred_path)], check=True, cwd=ROOT)
    report(a.gold, gold, pred_path, a.min_confidence)
    print(f"\npredictions kept in {pred_path}" if a.keep else "")


if __name__ == "__main__":
    main()
