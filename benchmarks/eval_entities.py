"""Per-type P/R/F1 of the real extraction pipeline on the development gold sets.

Runs ``kg.extract`` on each set and scores with :func:`kg.evaluate.score` (the shared scorer's rules):

- ``arxiv``     tests/gold/arxiv_gold.jsonl (texts read from ../shared/data/arxiv by id)
- ``examples``  tests/gold/examples_gold.jsonl (texts from examples/papers.jsonl)
- ``scirex`` (all 293), ``scirex-a`` / ``scirex-b``  SciREX train abstracts, even / odd lines (develop on A, B held out)
- ``scierc``    SciERC dev (exact spans; held out)

Usage::

    python benchmarks/eval_entities.py                 # all sets
    python benchmarks/eval_entities.py arxiv scirex-a --errors Dataset   # + false pos/neg of one type
    python benchmarks/eval_entities.py arxiv --pred-dir /tmp/kgpred     # keep predictions for score.py

``--errors TYPE`` prints, per paper, the predicted names that matched nothing (FP) and the gold
names not found (FN) for that type, to find the causes of errors (not to copy names).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate import TYPES, norm, score  # noqa: E402
from kg.extract import build_nlp, extract_papers  # noqa: E402
from kg.models import Paper  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CACHE = Path(tempfile.gettempdir()) / "kg_arxiv_gold_texts.jsonl"
KEYS = {"Method": "methods", "Dataset": "datasets", "Metric": "metrics", "Task": "tasks"}


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _arxiv_texts(ids: set[str]) -> dict[str, dict]:
    if CACHE.exists():
        got = {r["id"]: r for r in _jsonl(CACHE)}
        if ids <= set(got):
            return got
    got = {}
    with gzip.open(SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if str(r["id"]) in ids:
                got[str(r["id"])] = {"id": str(r["id"]), "title": r.get("title") or "", "abstract": r.get("abstract") or ""}
    CACHE.write_text("".join(json.dumps(r) + "\n" for r in got.values()), encoding="utf-8")
    return got


def load_set(name: str) -> tuple[str, Path, list[Paper]]:
    """``(mode, gold_path, papers)`` of one named set."""
    if name == "arxiv":
        gold = ROOT / "tests" / "gold" / "arxiv_gold.jsonl"
        ids = [r["id"] for r in _jsonl(gold)]
        texts = _arxiv_texts(set(ids))
        return "seeds", gold, [Paper.from_dict(texts[i]) for i in ids]
    if name == "examples":
        gold = ROOT / "tests" / "gold" / "examples_gold.jsonl"
        return "seeds", gold, [Paper.from_dict(r) for r in _jsonl(ROOT / "examples" / "papers.jsonl")]
    if name.startswith("scirex"):
        rows = _jsonl(SHARED / "scirex" / "train-abstracts.jsonl")
        rows = rows[0::2] if name == "scirex-a" else rows[1::2] if name == "scirex-b" else rows
        gold = Path(tempfile.gettempdir()) / f"kg_{name}_gold.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return "scirex", gold, [Paper(id=r["id"], title=r.get("title") or "", abstract=r["abstract"]) for r in rows]
    if name == "scierc":
        gold = SHARED / "scierc" / "dev.jsonl"
        return "scierc", gold, [Paper(id=r["id"], title="", abstract=r["text"]) for r in _jsonl(gold)]
    raise SystemExit(f"unknown set {name!r}")


def _errors(mode: str, gold_path: Path, preds: dict[str, dict], typ: str) -> None:
    for g in _jsonl(gold_path):
        p = [e for e in preds.get(str(g["id"]), {}).get("entities", []) if e["type"] == typ]
        forms = [(e["name"], {norm(x) for x in [e["name"], *e["aliases"], *(m["text"] for m in e["mentions"])]}) for e in p]
        if mode == "seeds":
            gold = [(e["name"], e.get("core", True), {norm(x) for x in [e["name"], *e.get("aliases", [])]})
                    for e in g[KEYS[typ]]]
            anyg = set().union(*(f for _, _, f in gold)) if gold else set()
            fn = [n for n, core, f in gold if core and not any(f & pf for _, pf in forms)]
        elif mode == "scirex":
            lab = "Material" if typ == "Dataset" else typ
            sal = [(s["name"], {norm(x) for x in s["forms"]}) for s in g["gold"]["salient"] if s["label"] == lab]
            anyg = {norm(m["text"]) for m in g["gold"]["mentions"] if m["label"] == lab}.union(*(f for _, f in sal))
            fn = [n for n, f in sal if not any(f & pf for _, pf in forms)]
        else:
            return
        fp = [n for n, f in forms if not f & anyg]
        if fp or fn:
            print(f"{g['id']}: FP {fp}  FN {fn}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["arxiv", "examples", "scirex-a", "scirex-b", "scierc"])
    ap.add_argument("--errors", choices=TYPES, default=None)
    ap.add_argument("--spacy-model", default=None)
    ap.add_argument("--pred-dir", default=None, help="also write each set's predictions to DIR/<set>.jsonl "
                    "(and SciREX halves' gold to DIR/<set>-gold.jsonl) for ../shared/eval/score.py")
    args = ap.parse_args()
    nlp = build_nlp(args.spacy_model)
    cols = [*TYPES, "Repo", "Role"]
    print(f"| set | mode | papers | {' | '.join(cols)} |")
    print("|---|---|---|" + "---|" * len(cols))
    for name in args.sets:
        mode, gold, papers = load_set(name)
        preds = {x.id: x.to_dict() for x in extract_papers(papers, nlp=nlp)}
        if args.pred_dir:
            Path(args.pred_dir).mkdir(parents=True, exist_ok=True)
            out = Path(args.pred_dir) / f"{name}.jsonl"
            if name.startswith("scirex-"):
                (Path(args.pred_dir) / f"{name}-gold.jsonl").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            out = Path(tempfile.mkstemp(suffix=".jsonl")[1])
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("".join(json.dumps(d) + "\n" for d in preds.values()))
        s = score(mode, str(gold), str(out))
        cells = []
        for c in cols:
            if c not in s:
                cells.append("–")
            elif c == "Role":
                cells.append(f"{s[c][0]:.3f}")
            else:
                cells.append("{:.2f}/{:.2f}/**{:.3f}**".format(*s[c]))
        print(f"| {name} | {mode} | {len(papers)} | {' | '.join(cells)} |")
        if args.errors:
            _errors(mode, gold, preds, args.errors)
    print("(cells: P/R/**F1**; Role = accuracy of the role on matched core gold methods)")


if __name__ == "__main__":
    main()
