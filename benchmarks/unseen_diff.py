"""Which unseen arXiv abstracts change their entities (Method/Dataset by default) between two snapshots of ``kg``.

Draws ``--n`` random records of ``../shared/data/arxiv`` (seeded; every id of every gold file,
blind sets included, is excluded: ``scripts/gold_ids.py``), runs ``kg.extract.extract_papers`` once with each snapshot on
``PYTHONPATH`` (each in its own process), and prints how many papers gain only, lose only, or otherwise
change (retyped, renamed, role) their Method/Dataset ``(type, name, role)`` entries, then the changes in a
seeded random order, for reading by hand. ``--types Metric`` (comma-separated) compares other types; ``--aliases``
adds each entity's aliases to its entry (a qualified form kept as an alias shows as a change too). ``--relations``
compares the method-level relations as ``kg extract`` writes them, ``(type, head, tail, confidence, evidence
sentence)`` entries (:func:`rel_entries`); a relation is the same one when its type, head and tail are (a changed
confidence or evidence is an "other" change). ``--results`` compares the results, ``(value, metric, dataset, unit,
evidence sentence)`` entries (:func:`res_entries`); a result is the same one when its value, metric and dataset are.

Usage::

    python benchmarks/unseen_diff.py /tmp/base /tmp/after --n 2500 --seed 1201 --show 50
    python benchmarks/unseen_diff.py /tmp/base /tmp/after --types Metric --aliases
    python benchmarks/unseen_diff.py /tmp/base /tmp/after --relations
    python benchmarks/unseen_diff.py /tmp/base /tmp/after --results

where ``/tmp/base`` and ``/tmp/after`` are two copies of the repository (``git archive REV | tar -x``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARXIV = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"
TYPES = ("Method", "Dataset")
ALL_TYPES = ("Method", "Dataset", "Metric", "Task")

_RUN = """
import json, sys
sys.path.insert(0, sys.argv[3])
from kg.extract import extract_papers
from kg.models import Paper
from unseen_diff import entries, rel_entries, res_entries
papers = [Paper(id=d["id"], title=d["title"], abstract=d["abstract"]) for d in map(json.loads, open(sys.argv[1]))]
with open(sys.argv[2], "w") as f:
    for p, x in zip(papers, extract_papers(papers)):
        ents = rel_entries(x.relations) if sys.argv[4] == "relations" else res_entries(x.results) \\
            if sys.argv[4] == "results" else entries(x.entities, sys.argv[4].split(","), sys.argv[5] == "1")
        f.write(json.dumps({"id": p.id, "ents": ents}) + "\\n")
"""


def entries(entities, types=TYPES, aliases: bool = False) -> list[list[str]]:
    """``[type, name, role]`` of the entities of ``types`` (``+ [aliases joined by " | "]`` with ``aliases``), sorted.

    >>> from kg.models import Entity
    >>> es = [Entity(type="Metric", name="accuracy", aliases=("top-3 accuracy", "edge accuracy")),
    ...       Entity(type="Method", name="BERT", role="used")]
    >>> entries(es), entries(es, ["Metric"], aliases=True)
    ([['Method', 'BERT', 'used']], [['Metric', 'accuracy', '', 'edge accuracy | top-3 accuracy']])
    """
    return sorted([e.type, e.name, e.role or "", *([" | ".join(sorted(e.aliases))] if aliases else [])]
                  for e in entities if e.type in types)


def rel_entries(relations) -> list[list[str]]:
    """``[type, head, tail, confidence, evidence sentence]`` of every relation, sorted.

    >>> from kg.models import Evidence, Relation
    >>> r = Relation("XNet", "Method", "BASED_ON", "BERT", "Method", 0.7, Evidence("XNet uses BERT.", 0, 15))
    >>> rel_entries([r])
    [['BASED_ON', 'XNet', 'BERT', '0.7', 'XNet uses BERT.']]
    """
    return sorted([r.type, r.head, r.tail, f"{r.confidence:g}", r.evidence.sentence if r.evidence else ""]
                  for r in relations)


def res_entries(results) -> list[list[str]]:
    """``[value, metric, dataset, unit, evidence sentence]`` of every result (``""`` for a missing field), sorted.

    >>> from kg.models import Evidence, Result
    >>> r = Result(metric="F1", value="84.1", unit="%", dataset=None, evidence=Evidence("F1 of 84.1%.", 0, 12))
    >>> res_entries([r])
    [['84.1', 'F1', '', '%', 'F1 of 84.1%.']]
    """
    return sorted([r.value, r.metric or "", r.dataset or "", r.unit or "", r.evidence.sentence if r.evidence else ""]
                  for r in results)


def sample(n: int, seed: int) -> list[dict]:
    """``n`` random arXiv records (id, title, abstract), gold ids excluded."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from gold_ids import gold_ids

    gold = gold_ids(ROOT)
    recs = []
    with gzip.open(ARXIV, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] not in gold and d.get("abstract"):
                recs.append({"id": d["id"], "title": d.get("title") or "", "abstract": d["abstract"]})
    random.Random(seed).shuffle(recs)
    return recs[:n]


def extract_with(root: Path, papers: Path, out: Path, types: tuple[str, ...] = TYPES,
                 aliases: bool = False, relations: bool = False,
                 results: bool = False) -> dict[str, set[tuple[str, ...]]]:
    """Entities (see :func:`entries`; with ``relations``, the relations, :func:`rel_entries`; with ``results``, the
    results, :func:`res_entries`) per paper id, extracted by the ``kg`` of ``root`` in a fresh process."""
    what = "relations" if relations else "results" if results else ",".join(types)
    subprocess.run([sys.executable, "-c", _RUN, str(papers), str(out), str(Path(__file__).resolve().parent),
                    what, "1" if aliases else "0"], check=True,
                   cwd=tempfile.gettempdir(),
                   env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    return {d["id"]: {tuple(e) for e in d["ents"]} for d in map(json.loads, out.open())}


def compare(a: dict, b: dict, key: int = 2) -> tuple[dict[str, int], list[tuple[str, list, list]]]:
    """Counts (gain only / lose only / other) and the changed papers with removed and added entries; an entry is
    the same one when its first ``key`` fields are (case aside): 2 for entities (type, name), 3 for relations
    (type, head, tail).

    >>> compare({"1": {("Method", "X", "used")}, "2": set()}, {"1": {("Dataset", "X", "used")}, "2": {("Method", "Y", "used")}})
    ({'changed': 2, 'gain only': 1, 'lose only': 0, 'other': 1}, [('1', [('Method', 'X', 'used')], [('Dataset', 'X', 'used')]), ('2', [], [('Method', 'Y', 'used')])])
    >>> r = ("BASED_ON", "X", "Y", "0.7", "X uses Y.")
    >>> compare({"1": {r}}, {"1": {r[:3] + ("0.75", "X uses Y.")}}, key=3)[0]
    {'changed': 1, 'gain only': 0, 'lose only': 0, 'other': 1}
    """
    counts = {"changed": 0, "gain only": 0, "lose only": 0, "other": 0}
    changes = []
    for pid in a:
        if a[pid] == b.get(pid, set()):
            continue
        ka = {tuple(x.lower() for x in e[:key]) for e in a[pid]}
        kb = {tuple(x.lower() for x in e[:key]) for e in b.get(pid, set())}
        counts["changed"] += 1
        counts["gain only" if kb > ka else "lose only" if kb < ka else "other"] += 1
        changes.append((pid, sorted(a[pid] - b.get(pid, set())), sorted(b.get(pid, set()) - a[pid])))
    return counts, changes


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--n", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=1201)
    ap.add_argument("--show", type=int, default=50, help="changes to print, in a seeded random order")
    ap.add_argument("--types", default=",".join(TYPES), help="entity types to compare, comma-separated "
                    "(default Method,Dataset)")
    ap.add_argument("--aliases", action="store_true", help="compare each entity's aliases too")
    ap.add_argument("--relations", action="store_true",
                    help="compare the method-level relations (type, head, tail, confidence, evidence), not entities")
    ap.add_argument("--results", action="store_true",
                    help="compare the results (value, metric, dataset, unit, evidence), not entities")
    a = ap.parse_args(argv)
    types = tuple(t.strip() for t in a.types.split(",") if t.strip())
    bad = [t for t in types if t not in ALL_TYPES]
    if bad or not types:
        ap.error(f"--types: unknown type(s) {bad or a.types!r}; use one or more of {', '.join(ALL_TYPES)}")
    with tempfile.TemporaryDirectory() as tmp:
        papers = Path(tmp) / "papers.jsonl"
        papers.write_text("".join(json.dumps(d) + "\n" for d in sample(a.n, a.seed)), encoding="utf-8")
        base = extract_with(a.base, papers, Path(tmp) / "base.jsonl", types, a.aliases, a.relations, a.results)
        after = extract_with(a.after, papers, Path(tmp) / "after.jsonl", types, a.aliases, a.relations, a.results)
    counts, changes = compare(base, after, key=3 if a.relations or a.results else 2)
    print(f"papers {len(base)}; " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    random.Random(50).shuffle(changes)
    for pid, lost, got in changes[:a.show]:
        print(pid, "-", lost, "+", got)


if __name__ == "__main__":
    main()
