"""Train a small learned entity span finder (spaCy ``ner`` on ``spacy.blank("en")``) from the gold name lists.

Experiment of round dec2b (docs/rounds/dec2b/LRN.md): the rules can only re-score spans they propose; a learned
tagger could propose spans no rule covers. Training data:

- the development gold sets (``tests/gold``: a/b/c = heldout_nov30{,b,c}, arXiv gold, examples; ``--train``):
  every gold name and alias of each type is projected onto the paper's title and abstract (read from
  ../shared/data as ``benchmarks/eval_heldout.py`` does; no abstract text is written into the repo), longest form
  first, no overlaps, case-insensitive for forms longer than 4 characters, a plural "s" allowed;
- SciREX train abstracts (``--scirex``): their mention spans, Material -> Dataset.

Held-out sets d/e/f (heldout_nov30d, nov30e, dec1f) are left out by default for measuring; blind sets are never read.
Deterministic: fixed seed, fixed data order.

Usage::

    python scripts/train_spans.py --out /tmp/LRN/model [--epochs 20] [--width 96] [--depth 4] [--no-scirex]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "gold"
KEYS = {"methods": "Method", "datasets": "Dataset", "metrics": "Metric", "tasks": "Task"}
DEV_SETS = ("heldout_nov30_gold", "heldout_nov30b_gold", "heldout_nov30c_gold", "arxiv_gold", "examples_gold")
HELDOUT_SETS = ("heldout_nov30d_gold", "heldout_nov30e_gold", "heldout_dec1f_gold")
BLIND = re.compile(r"dec1[g-j]")
TEXT_CACHE = Path("/tmp") / "kg_train_spans_texts.json"


def gold_forms(rec: dict) -> list[tuple[str, str]]:
    """``(form, type)`` of every gold name and alias of a gold record, longest first.

    >>> gold_forms({"methods": [{"name": "Vision Transformer", "aliases": ["ViT"]}], "tasks": [{"name": "QA"}]})
    [('Vision Transformer', 'Method'), ('ViT', 'Method'), ('QA', 'Task')]
    """
    out = [(f, t) for k, t in KEYS.items() for e in rec.get(k, []) for f in (e["name"], *e.get("aliases", []))
           if f and len(f.strip()) > 1]
    return sorted(dict.fromkeys(out), key=lambda x: -len(x[0]))


def project(text: str, forms: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, type)`` of every occurrence of the forms in ``text``, longest form first, no
    overlaps; forms longer than 4 characters match in any case, a trailing "s"/"es" is allowed.

    >>> project("We train ViTs and a vision transformer on ImageNet.", [("Vision Transformer", "Method"),
    ...         ("ViT", "Method"), ("ImageNet", "Dataset")])
    [(9, 13, 'Method'), (20, 38, 'Method'), (42, 50, 'Dataset')]
    """
    taken: list[tuple[int, int, str]] = []
    for f, t in forms:
        flags = re.I if len(f) > 4 else 0
        for m in re.finditer(r"(?<![\w])" + re.escape(f) + r"(?:e?s)?(?![\w])", text, flags):
            if not any(a < m.end() and m.start() < b for a, b, _ in taken):
                taken.append((m.start(), m.end(), t))
    return sorted(taken)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def gold_texts(names: tuple[str, ...]) -> list[tuple[dict, str, str]]:
    """``(gold record, title, abstract)`` of every record of the named gold files (texts from ../shared/data)."""
    import eval_heldout as eh
    recs = []
    for n in names:
        if BLIND.search(n):
            raise SystemExit(f"train_spans: {n} is a blind set")
        recs += read_jsonl(GOLD / f"{n}.jsonl")
    cache = json.loads(TEXT_CACHE.read_text()) if TEXT_CACHE.exists() else {}
    need = [r for r in recs if r["id"] not in cache]
    if need:
        for p in eh.papers_for(need):
            cache[p["id"]] = [p["title"], p["abstract"]]
        TEXT_CACHE.write_text(json.dumps(cache))
    return [(r, *cache[r["id"]]) for r in recs]


def scirex_rows() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """SciREX train abstracts with their mention spans (Material -> Dataset)."""
    lab = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task"}
    out = []
    for r in read_jsonl(SHARED / "scirex" / "train-abstracts.jsonl"):
        spans = sorted({(m["start"], m["end"], lab[m["label"]]) for m in r["gold"]["mentions"] if m["label"] in lab})
        out.append((r["abstract"], spans))
    return out


def to_example(nlp, text: str, spans: list[tuple[int, int, str]]) -> Example:
    doc = nlp.make_doc(text)
    if "spancat" in nlp.pipe_names:
        sps = [doc.char_span(a, b, label=t, alignment_mode="expand") for a, b, t in spans]
        return Example.from_dict(doc, {"spans": {"sc": [(x.start_char, x.end_char, x.label_) for x in sps if x]}})
    ents, end = [], -1
    for a, b, t in spans:
        sp = doc.char_span(a, b, label=t, alignment_mode="expand")
        if sp is not None and sp.start >= end:
            ents.append(sp)
            end = sp.end
    return Example.from_dict(doc, {"entities": [(s.start_char, s.end_char, s.label_) for s in ents]})


def examples(nlp, names: tuple[str, ...], scirex: bool) -> list[Example]:
    out = []
    for rec, title, abstract in gold_texts(names):
        forms = gold_forms(rec)
        for text in (title, abstract):
            if text:
                out.append(to_example(nlp, text, project(text, forms)))
    if scirex:
        out += [to_example(nlp, t, s) for t, s in scirex_rows()]
    return out


def build(width: int, depth: int, hidden: int, spancat: bool = False) -> spacy.Language:
    nlp = spacy.blank("en")
    tok2vec = {"@architectures": "spacy.Tok2Vec.v2",
               "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                         "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                         "include_static_vectors": False},
               "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                          "window_size": 1, "maxout_pieces": 3}}
    if spancat:
        nlp.add_pipe("spancat", config={
            "spans_key": "sc", "threshold": 0.5, "max_positive": 1,
            "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": [1, 2, 3, 4, 5, 6]},
            "model": {"@architectures": "spacy.SpanCategorizer.v1",
                      "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": hidden},
                      "scorer": {"@layers": "spacy.LinearLogistic.v1", "nO": None, "nI": None},
                      "tok2vec": tok2vec}})
        return nlp
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                                          "extra_state_tokens": False, "hidden_width": hidden, "maxout_pieces": 2,
                                          "use_upper": True, "nO": None, "tok2vec": tok2vec}})
    return nlp


def span_prf(nlp, exs: list[Example]) -> dict[str, str]:
    """Exact-span P/R/F1 per type of ``nlp`` on ``exs`` (projected gold spans)."""
    from collections import Counter
    c: Counter = Counter()
    for ex, doc in zip(exs, nlp.pipe([e.reference.text for e in exs])):
        g = {(e.start_char, e.end_char, e.label_) for e in ex.reference.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        if "spancat" in nlp.pipe_names:
            g = {(e.start_char, e.end_char, e.label_) for e in ex.reference.spans["sc"]}
            p = {(e.start_char, e.end_char, e.label_) for e in doc.spans["sc"]}
        for t in ("Method", "Dataset", "Metric", "Task"):
            gt, pt = {x for x in g if x[2] == t}, {x for x in p if x[2] == t}
            c[t, "tp"] += len(gt & pt)
            c[t, "p"] += len(pt)
            c[t, "g"] += len(gt)
    out = {}
    for t in ("Method", "Dataset", "Metric", "Task"):
        p = c[t, "tp"] / max(c[t, "p"], 1)
        r = c[t, "tp"] / max(c[t, "g"], 1)
        out[t] = f"{p:.2f}/{r:.2f}/{2 * p * r / max(p + r, 1e-9):.2f}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--train", nargs="*", default=list(DEV_SETS))
    ap.add_argument("--heldout", nargs="*", default=list(HELDOUT_SETS), help="only scored (span P/R/F1) per epoch")
    ap.add_argument("--no-scirex", action="store_true")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--spancat", action="store_true", help="a span categorizer (scores per span) instead of ner")
    a = ap.parse_args()
    spacy.util.fix_random_seed(a.seed)
    nlp = build(a.width, a.depth, a.hidden, a.spancat)
    train = examples(nlp, tuple(a.train), not a.no_scirex)
    held = examples(nlp, tuple(a.heldout), False) if a.heldout else []
    print(f"train docs {len(train)}, spans {sum(len(e.reference.ents) + len(e.reference.spans.get('sc', [])) for e in train)}; held-out docs {len(held)}",
          flush=True)
    opt = nlp.initialize(lambda: train)
    rng = random.Random(a.seed)
    t0 = time.time()
    for ep in range(a.epochs):
        rng.shuffle(train)
        losses: dict = {}
        for batch in spacy.util.minibatch(train, size=spacy.util.compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=a.dropout, sgd=opt, losses=losses)
        msg = f"epoch {ep + 1} loss {sum(losses.values()):.0f} {time.time() - t0:.0f}s"
        if held and (ep + 1) % 5 == 0:
            msg += " held-out " + " ".join(f"{k} {v}" for k, v in span_prf(nlp, held).items())
        print(msg, flush=True)
    a.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(a.out)
    print(f"saved {a.out}")


if __name__ == "__main__":
    main()
