"""Read a relation rule's output on unseen abstracts: the precision check used before adding a rule.

Runs ``kg.extract.extract_papers`` (what ``kg extract`` writes) on ``N`` arXiv abstracts of
``../shared/data/arxiv/arxiv-cs-2024-2026.jsonl.gz`` that are in no gold file (every 41st record from
offset ``SEED``, shuffled with ``random.Random(SEED)``), and prints every kept relation found by one of
the named rules of :data:`kg.extract.relations.RULE_CONFIDENCE`, with its sentence, for reading by hand.
``--results`` prints every result instead (value, unit, metric, dataset, method, sentence), to diff two
versions of the code run on the same sample. Nothing is scored: there is no gold for these abstracts.

Usage: ``python tests/extract_results/sample_rules.py N SEED RULE[,RULE...] [--exclude IDS_FILE]`` or
``python tests/extract_results/sample_rules.py N SEED --results [--exclude IDS_FILE]``; ``--exclude`` names a file of
ids (one per line, e.g. every gold id, blind sets included) left out of the sample as well.

Run from two checkouts (the code before and after a change) and ``diff`` the outputs to read only what
the change adds or removes (docs/results.md, "30 Nov, late afternoon: rules checked on unseen abstracts").
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
ARXIV = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


#: the development held-out set; every other tests/gold/heldout_* file is a blind set and is never opened here
DEV_HELDOUT = "heldout_nov30_gold.jsonl"


def gold_ids() -> set[str]:
    """Ids of the development gold files of tests/gold and tests/extract_results (never sampled). Blind sets
    (tests/gold/heldout_* other than :data:`DEV_HELDOUT`) are not opened: their ids are not excluded, so the
    output must not be read for their ids (the lead can intersect the printed ids with them)."""
    out: set[str] = set()
    paths = [p for p in (ROOT / "tests" / "gold").glob("*.jsonl") if not p.name.startswith("heldout_") or p.name == DEV_HELDOUT]
    for path in [*paths, *(ROOT / "tests" / "extract_results").glob("*.jsonl")]:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                out.add(str(json.loads(line).get("id")))
    return out


def sample(n: int, seed: int, exclude: set[str] = frozenset()) -> list:
    from kg.models import Paper
    known, papers = gold_ids() | set(exclude), []
    with gzip.open(ARXIV, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 41 != seed % 41:
                continue
            d = json.loads(line)
            if d["id"] not in known and d.get("abstract"):
                papers.append(Paper(id=d["id"], title=d.get("title") or "", abstract=d["abstract"]))
    random.Random(seed).shuffle(papers)
    return papers[:n]


def main(argv: list[str]) -> None:
    exclude: set[str] = set()
    if "--exclude" in argv:
        i = argv.index("--exclude")
        exclude = {x.strip() for x in open(argv[i + 1], encoding="utf-8") if x.strip()}
        argv = argv[:i] + argv[i + 2:]
    if len(argv) != 3:
        sys.exit(__doc__)
    import kg.extract as kx
    import kg.extract.relations as rm
    n, seed = int(argv[0]), int(argv[1])
    papers = sample(n, seed, exclude)
    if argv[2] == "--results":
        for p, x in zip(papers, kx.extract_papers(papers)):
            for r in x.results:
                print(f"{p.id} | {r.value} {r.unit} | m={r.metric} | d={r.dataset} | M={r.method} || {r.evidence.sentence[:250]}")
        return
    rules = set(argv[2].split(","))
    found: list = []
    orig = rm.find_relations

    def spy(text, sents, mentions, field="abstract", **kw):
        rm.TRACE = []
        out = orig(text, sents, mentions, field, **kw)
        by_rule = {(h, typ, t): rule for h, typ, t, rule in rm.TRACE}
        rm.TRACE = None
        found.extend((by_rule.get((r.head, r.type, r.tail)), r) for r in out)
        return out

    kx.find_relations = spy
    k = 0
    for p in papers:
        found.clear()
        list(kx.extract_papers([p]))
        for rule, r in found:
            if rule in rules:
                k += 1
                print(f"{p.id} {rule}: {r.head} {r.type} {r.tail} ({r.confidence})\n     {r.evidence.sentence[:300]}")
    print(f"papers {len(papers)}, relations {k}")


if __name__ == "__main__":
    main(sys.argv[1:])
