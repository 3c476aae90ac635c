"""Merge audit: how many entity mentions collapsed into how many entities, and a seeded sample of merges.

Reads the extraction-records sidecar that `kg build` writes next to the graph
(<graph>.extractions.jsonl.gz), re-runs resolution, and prints
- per type: mentions (spans in the text), entity occurrences (one per paper and entity), distinct surface forms,
  distinct folded forms (match_key), resolved entities;
- N random merges (seed fixed): a surface form and the different-looking form it was
  merged with (not a mere case/plural variant), for checking by hand;
- N random cross-paper merges: a form used bare (no long form in its own paper) that
  resolution sent to an entity defined elsewhere - the decisions worth checking.

- the short forms left unresolved: bare uses of a short form whose one sense defined elsewhere
  lacked the evidence to take them (kg.resolve.evidence_needed); they stay on their own node,
  flagged ambiguous.

    python benchmarks/merge_audit.py --graph kg-data/graph.json.gz -n 20 --seed 0
    python benchmarks/merge_audit.py --records kg-data/graph.extractions.jsonl.gz -n 20 --seed 1 2
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import extractions_path, load_extractions  # noqa: E402
from kg.resolve import build_resolver, local_definitions, match_key, paper_context  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", default="kg-data/graph.json.gz")
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--seed", type=int, nargs="+", default=[0], help="one sample of each kind per seed")
    ap.add_argument("--records", default=None, help="extraction records (default: the graph's sidecar)")
    a = ap.parse_args()
    records = list(load_extractions(a.records or extractions_path(a.graph)))
    r = build_resolver(records)
    occ, ments, forms, folded, keys = Counter(), Counter(), defaultdict(set), defaultdict(set), defaultdict(set)
    by_key: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], str] = {}
    bare: Counter = Counter()
    bare_example: dict[tuple[str, str], str] = {}
    unresolved: Counter = Counter()  # (type, name) -> bare uses kept on their own flagged node
    for x in records:
        local = local_definitions(x)
        ctx = paper_context(x, local=local)
        for e in x.entities:
            aliases = e.aliases or ((local[(e.type, e.name)],) if (e.type, e.name) in local else ())
            k = r.resolve(e.type, e.name, aliases, ctx)
            examples.setdefault((k, e.name), x.paper.id)
            if not aliases:  # a bare name: only resolution (not this paper) decided where it goes
                bare[(k, e.name)] += 1
                bare_example.setdefault((k, e.name), x.paper.id)
            if r.info(k) is None and r.undecided(e.type, e.name):
                unresolved[(e.type, e.name)] += 1
            occ[e.type] += 1
            ments[e.type] += max(1, len(e.mentions))
            forms[e.type].add(e.name)
            folded[e.type].add(match_key(e.name))
            keys[e.type].add(k)
            by_key[k][e.name] += 1
    print(f"{len(records)} papers")
    print(f"{'type':<8} {'mentions':>9} {'occurrences':>12} {'surface forms':>14} {'folded forms':>13} {'entities':>9}")
    for t in sorted(occ):
        print(f"{t:<8} {ments[t]:>9} {occ[t]:>12} {len(forms[t]):>14} {len(folded[t]):>13} {len(keys[t]):>9}")
    print(f"{'all':<8} {sum(ments.values()):>9} {sum(occ.values()):>12} {sum(map(len, forms.values())):>14} "
          f"{sum(map(len, folded.values())):>13} {sum(map(len, keys.values())):>9}")
    merges = []
    for k, c in sorted(by_key.items()):
        info = r.info(k)
        if info is None:  # a name the resolver left on its own node: not a merge
            continue
        canon = info.name
        for f in sorted(c):
            if match_key(f) != match_key(canon):
                merges.append((k, canon, f, c[f]))
    amb = sorted(k for k, i in r.clusters.items() if i.ambiguous)
    print(f"\n{len(merges)} merges of a different-looking form into an entity; {len(amb)} ambiguous short-form nodes; "
          f"{len(unresolved)} unresolved short forms kept apart ({sum(unresolved.values())} occurrences)")
    cross = [m for m in merges if bare[(m[0], m[2])]]
    print(f"{len(cross)} of the merges are cross-paper (the form occurs bare, with no long form in its paper: "
          f"{sum(bare[(m[0], m[2])] for m in cross)} occurrences)")
    for seed in a.seed:
        print(f"\n{a.n} random merges (seed {seed}):")
        for k, canon, f, cnt in random.Random(seed).sample(merges, min(a.n, len(merges))):
            print(f"  {f!r:<40} -> {canon!r}  ({k}, {cnt}x, e.g. paper {examples[(k, f)]})")
        print(f"{a.n} random cross-paper merges (seed {seed}):")
        for k, canon, f, cnt in random.Random(seed).sample(cross, min(a.n, len(cross))):
            print(f"  {f!r:<28} -> {canon!r}  ({k}, {bare[(k, f)]}x bare, e.g. paper {bare_example[(k, f)]})")
        print(f"{a.n} random unresolved short forms (seed {seed}):")
        for t, f in random.Random(seed).sample(sorted(unresolved), min(a.n, len(unresolved))):
            k = r.element_key.get(("S", t, match_key(f)))
            print(f"  {f!r:<28} kept apart from {r.info(k).name if k and r.info(k) else None!r}  "
                  f"({t}, {unresolved[(t, f)]}x)")
    if amb:
        print("\nambiguous (first 10):", ", ".join(amb[:10]))


if __name__ == "__main__":
    main()
