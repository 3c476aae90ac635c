"""How many old papers' names does `kg build A; kg build --update B` leave on another node than `kg build A+B`?

`--update` decides the new papers' names against the updated alias table and renames whole old nodes
(kg.graph.make_delta), but it does not re-decide the bare short forms of old papers, whose resolution
depends on the paper's context (kg.resolve.Resolver.resolve_noting). This simulates both with the resolver
alone on a records sidecar: A = all records but the last N by paper id, B = the last N; the old decisions are
those of A's resolver followed by the whole-node renames make_delta computes; the full build's are those of
the resolver of A+B. Every entity name of every old paper is resolved with its paper's context under both.

    python benchmarks/update_decisions.py --records kg-data/graph.extractions.jsonl.gz --new 1000
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import load_extractions  # noqa: E402
from kg.resolve import build_table, local_definitions, paper_context  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", required=True, help="extraction records (a graph's .extractions.jsonl.gz)")
    ap.add_argument("--new", type=int, default=1000, help="how many of the last papers (by id) the update adds")
    ap.add_argument("--examples", type=int, default=15)
    a = ap.parse_args()
    recs = sorted(load_extractions(a.records), key=lambda x: x.paper.id)
    old, new = recs[:-a.new], recs[-a.new:]
    table = build_table(old)
    r_old = table.freeze()
    for x in new:
        table.add(x)
    r_all = table.freeze()
    moved: dict[str, Counter] = defaultdict(Counter)  # as kg.graph.make_delta renames whole nodes
    for el, ok in r_old.element_key.items():
        moved[ok][r_all.element_key.get(el, ok)] += 1
    renames = {ok: min(t, key=lambda k: (-t[k], k)) for ok, t in moved.items() if ok not in t}
    uses = by_context = 0
    kinds: Counter = Counter()
    examples = []
    for x in old:
        local = local_definitions(x)
        ctx = paper_context(x, local=local)
        for e in x.entities:
            aliases = e.aliases or ((local[(e.type, e.name)],) if (e.type, e.name) in local else ())
            k_old, c_old = r_old.resolve_noting(e.type, e.name, aliases, ctx)
            k_all, c_all = r_all.resolve_noting(e.type, e.name, aliases, ctx)
            uses += 1
            by_context += c_old or c_all
            k_upd = renames.get(k_old, k_old)
            if k_upd == k_all:
                continue
            info = r_all.info(k_all)
            kinds["full build: own flagged node" if info is None or info.ambiguous else
                  "full build: a sense, update: own node" if r_old.info(k_old) is None or r_old.info(k_old).ambiguous
                  else "full build: another sense"] += 1
            if len(examples) < a.examples:
                examples.append(f"  {x.paper.id} {e.type} {e.name!r}: update {k_upd} / full build {k_all}")
    print(f"{len(old)} old + {len(new)} new papers; {uses} entity uses in old papers, {by_context} decided with "
          f"their paper's context; {sum(kinds.values())} land on another node after the update than in a full "
          f"build ({len(renames)} whole-node renames applied)")
    for k, n in kinds.most_common():
        print(f"  {k}: {n}")
    print("\n".join(examples))


if __name__ == "__main__":
    main()
