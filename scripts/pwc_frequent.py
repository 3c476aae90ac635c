"""Mine frequent, well-typed Method and Dataset names from unlabelled abstracts into catalog files.

Candidates are the name-like strings (CamelCase, acronyms, letters with digits, Capitalised word runs) of the
unlabelled corpora ``../shared/data/arxiv`` and ``../shared/data/acl`` and the dataset names of the Papers
with Code archive (``../shared/data/pwc-catalog``, "Common Datasets" and "Benchmarks" columns; CC BY-SA 4.0).
Every id of every gold file (``scripts/gold_ids.py``; blind sets included) is skipped.

A name counts for a type in a paper when it stands in a typed cue context:

- Method: "X model/architecture/algorithm/network/backbone/encoder", "X-based", "fine-tune(d) X",
  "based on / built on X", "we use/adopt/employ/leverage X", "models/methods/baselines such as X, Y and Z";
- Dataset: "X dataset/benchmark/corpus/test set", "evaluate(d)/experiments/results ... on X, Y and Z",
  "datasets/benchmarks such as X, Y".

A name is kept when it is in at least ``--min-papers`` distinct papers in contexts of one type, that type has
at least ``--purity`` of its typed papers, it is not already a catalog form (``kg.extract.catalog``), not a
family variant of one ("Llama-3-8B" is typed by its family already), not in ``stoplist_names.txt``, and not an
English word (a single Capitalised word whose lower-case form is frequent). The hand review of the kept names
is data: ``scripts/pwc_frequent_review.json`` lists names rejected on review (generic words, people, places,
venues, libraries and frameworks, hardware, wrong type) and aliases to add (acronym <-> long form). Long forms
of kept acronyms are also mined: a Schwartz-Hearst definition "long form (ACR)" seen in at least 3 papers and
in most of the acronym's definitions becomes an alias.

Usage::

    python scripts/pwc_frequent.py --candidates /tmp/cands.tsv     # mine, write every candidate with counts
    python scripts/pwc_frequent.py                                  # mine + write the two catalog files
    python scripts/pwc_frequent.py --check                          # exit 1 when the committed files differ

Writes ``kg/extract/data/catalog_frequent_methods.jsonl`` and ``catalog_frequent_datasets.jsonl``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.catalog import catalog_forms, parse_catalog_lines  # noqa: E402
from kg.extract.text import find_definitions  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CORPORA = (SHARED / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz", SHARED / "acl" / "acl-anthology.jsonl.gz")
PWC = SHARED / "pwc-catalog"
DATA = ROOT / "kg" / "extract" / "data"
REVIEW = Path(__file__).with_name("pwc_frequent_review.json")
OUT = {"Method": DATA / "catalog_frequent_methods.jsonl", "Dataset": DATA / "catalog_frequent_datasets.jsonl"}

# one name word: an acronym / CamelCase / letters+digits / Capitalised word, with -/. joined parts
_W = r"(?:[A-Z0-9][A-Za-z0-9]*(?:[\-.][A-Za-z0-9]+)*\+{0,2}|[a-z]+(?:[A-Z]|\d)[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\+{0,2})"
_NAME = rf"{_W}(?: {_W}){{0,3}}"
_NAME_END = re.compile(rf"(?:^|(?<=[\s(\"'/]))({_NAME})(?:-based|\s)$")
_NAME_AT = re.compile(rf"(?:the |a |an |pre-?trained |(?:publicly )?available )?({_NAME})")
_SEP = re.compile(r"(?:,\s*(?:and |or )?| and | or )(?:the )?")
_LIST_NEXT = re.compile(rf"({_NAME})")

_M_AFTER = re.compile(r"(?:-based|\s(?:model|models|architecture|architectures|algorithm|algorithms|network|networks|"
                      r"backbone|backbones|encoder|encoders|optimizer|classifier|classifiers|detector|framework))\b")
_D_AFTER = re.compile(r"\s(?:dataset|datasets|benchmark|benchmarks|corpus|corpora|test set|test sets|treebank)\b")
_M_BEFORE = re.compile(r"\b(?:fine-?tun(?:e|ed|es|ing)|based on|built (?:up)?on|we (?:use|adopt|employ|leverage|utili[sz]e)|"
                       r"(?:models|methods|architectures|algorithms|baselines|approaches|techniques|networks|LLMs|"
                       r"backbones|classifiers|optimizers|detectors)(?:,)? (?:such as|including|like|e\.g\.,?)) ")
_D_BEFORE = re.compile(r"\b(?:(?i:evaluat\w*|experiments?|results|tested|trained|benchmarked|performance|"
                       r"outperform\w*|state-of-the-art)(?: [\w\-]+){0,3} on|"
                       r"(?:datasets|benchmarks|corpora)(?:,)? (?:such as|including|like|e\.g\.,?)) ")
_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_SENT_START = re.compile(r"(?:^|[.!?:]\s+)([A-Z][a-z]+)\b")
_VARIANT = re.compile(r"(?:[\-\s]?(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMK]|[A-Z]\d+[BM])|[\-\s](?:base|large|small|tiny|mini|"
                      r"medium|xl|xxl|huge|instruct|chat|pro|plus|lite|turbo|flash|vl|it|r1|o))+$", re.I)
# hyphen parts that make a modifier, not a name ("LoRA-adapted", "3B-parameter", "Arabic-specific")
_MOD_PART = re.compile(r"-(?:[a-z]+)(?=-|$)")


def read_gold_ids() -> frozenset[str]:
    """Every gold id (development and blind sets: ``scripts/gold_ids.py``); those abstracts are never mined."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gold_ids import gold_ids

    return gold_ids(ROOT)


def texts(gold: frozenset[str], limit: int = 0):
    """``(source, text)`` of every corpus record not in ``gold`` (title + abstract)."""
    n = 0
    for path in CORPORA:
        src = path.parent.name
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if str(d.get("id")) in gold:
                    continue
                yield src, f"{d.get('title') or ''}. {d.get('abstract') or ''}"
                n += 1
                if limit and n >= limit:
                    return


def pwc_datasets() -> set[str]:
    """Dataset names of the Papers with Code task tables (split columns, parentheticals and splits removed)."""
    out: set[str] = set()
    for p in sorted(PWC.glob("*_tasks_detailed.csv")):
        with p.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for col in ("Common Datasets (Top 10)", "Benchmarks"):
                    for n in (row.get(col) or "").split(";"):
                        n = re.sub(r"\s*\(.*", "", n).strip()
                        n = re.sub(r"\s+(?:val|test|dev|test-dev|validation|train)$", "", n, flags=re.I)
                        n = re.sub(r"\s+(?:[Dd]ataset|[Bb]enchmark|[Cc]orpus)$", "", n)
                        if 2 <= len(n) <= 40 and "->" not in n:
                            out.add(n)
    return out


_TAIL = re.compile(r"-(?:based|like|style|driven|inspired|type|family|series|only|free|enhanced|guided)$", re.I)


def _trim(name: str, lead: frozenset[str]) -> str:
    parts = _TAIL.sub("", name).split(" ")
    while parts and parts[0] in lead:
        parts = parts[1:]
    return " ".join(parts)


def typed_names(text: str, lead: frozenset[str]) -> set[tuple[str, str]]:
    """``(name, type)`` pairs seen in a typed cue context in ``text``.

    >>> sorted(typed_names("We fine-tune FooNet on the BarSet dataset. Results on QuxQA and Zed-5 show gains.", frozenset({"We", "Results"})))
    [('BarSet', 'Dataset'), ('FooNet', 'Method'), ('QuxQA', 'Dataset'), ('Zed-5', 'Dataset')]
    """
    out: set[tuple[str, str]] = set()
    for rx, typ in ((_M_AFTER, "Method"), (_D_AFTER, "Dataset")):
        for m in rx.finditer(text):
            s = m.end() if text[m.start()] == "-" else m.start() + 1
            mm = _NAME_END.search(text, max(0, s - 66), s)
            if mm:
                n = _trim(mm[1], lead)
                if n:
                    out.add((n, typ))
    for rx, typ in ((_M_BEFORE, "Method"), (_D_BEFORE, "Dataset")):
        for m in rx.finditer(text):
            pos = m.end()
            mm = _NAME_AT.match(text, pos)
            while mm:
                n = _trim(mm[1], lead)
                if n:
                    out.add((n, typ))
                sep = _SEP.match(text, mm.end())
                if not sep:
                    break
                mm = _LIST_NEXT.match(text, sep.end())
    return out


def lead_words(sample: int, gold: frozenset[str]) -> tuple[frozenset[str], Counter]:
    """Capitalised words mostly seen sentence-initially (trimmed off a name's start) and lower-case word DF."""
    low: Counter = Counter()
    initial: Counter = Counter()
    mid: Counter = Counter()
    for _, t in texts(gold, sample):
        words = _WORD.findall(t)
        low.update({w for w in words if w.islower()})
        starts = _SENT_START.findall(t)
        initial.update(starts)
        caps = Counter(w for w in words if w[0].isupper())
        for w in set(starts):
            caps[w] -= starts.count(w)
        mid.update({w for w, c in caps.items() if c > 0})
    lead = frozenset(w for w, c in initial.items() if c >= 3 and mid[w] <= 0.5 * c and low[w.lower()] >= 20)
    return lead, low


def mine(limit: int = 0) -> tuple[dict, Counter, Counter, Counter]:
    gold = read_gold_ids()
    lead, low = lead_words(min(limit or 30000, 30000), gold)
    lead = lead | {"The", "We", "Our", "In", "On", "For", "This", "These", "Using", "With", "From", "To", "A", "An",
                   "And", "Or", "Of", "By", "As", "At", "Its", "Their", "Both", "Each", "All", "Such", "Unlike",
                   "Compared", "Then", "Moreover", "Furthermore", "Finally", "Experiments", "Results", "Extensive",
                   "Across", "Among", "Over", "Via", "Without", "Under", "Like", "Unlike", "Beyond", "Including"}
    typed: dict[str, Counter] = defaultdict(Counter)
    src: Counter = Counter()
    ndocs = Counter()
    for s, t in texts(gold, limit):
        ndocs[s] += 1
        for n, typ in typed_names(t, lead):
            typed[n][typ] += 1
            src[(n, s)] += 1
    return typed, low, src, ndocs


_SQUASH = re.compile(r"[\s\-_.]+")


def _known_index() -> dict[str, str]:
    """Squashed lower-case form -> type, over every catalog file but this script's own output."""
    out: dict[str, str] = {}
    for f in sorted(DATA.glob("catalog*.jsonl")):
        if f in OUT.values():
            continue
        rows = parse_catalog_lines(f.read_text(encoding="utf-8").splitlines(), path=str(f))
        for typ, _, form, _ in catalog_forms(rows):
            out.setdefault(_SQUASH.sub("", form).lower(), typ)
    return out


_KNOWN: dict[str, str] = {}


def catalog_lookup(name: str) -> str | None:
    """The type of a catalog form written like ``name`` in any case (the script's own files excluded)."""
    if not _KNOWN:
        _KNOWN.update(_known_index())
    return _KNOWN.get(_SQUASH.sub("", name).lower())


def family_known(name: str) -> bool:
    """A version/size/variant of a catalog name ("Llama-3-8B" -> Llama) is typed by its family already."""
    base = _VARIANT.sub("", name).rstrip("-. ")
    return bool(base) and base != name and catalog_lookup(base) is not None


def _stoplist() -> frozenset[str]:
    lines = (DATA / "stoplist_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def select(typed: dict, low: Counter, min_papers: int, purity: float, pwc: set[str],
           keep_words: frozenset[str] = frozenset()) -> list[dict]:
    """Candidate rows with counts and the automatic decision (empty ``reason``: kept)."""
    stop = _stoplist()
    rows = []
    for n, c in typed.items():
        m, d = c["Method"], c["Dataset"]
        typ = "Method" if m >= d else "Dataset"
        k = max(m, d)
        if k < min_papers:
            continue
        pur = k / (m + d)
        words = n.split(" ")
        reason = ""
        if pur < purity:
            reason = "purity"
        elif catalog_lookup(n) is not None:
            reason = "catalog"
        elif family_known(n):
            reason = "family"
        elif n in stop or n.rstrip("s") in stop or any(w in stop for w in words):
            reason = "stoplist"
        elif len(n) < 2 or any(w.isdigit() for w in words) or re.fullmatch(r"[\d.\-+]+[A-Za-z]?|v\d+", n):
            reason = "short"
        elif re.fullmatch(r"[A-Z]{2,3}s?", n) and n not in keep_words:
            reason = "acronym"  # "FL", "MT", "DRL", "SSL": generic field abbreviations, ambiguous
        elif n.isupper() and low[n.lower()] >= 3:
            reason = "word-acronym"  # "COIN", "AMBER", "BLINK": an English word in capitals, reused for other names
        elif any(low[p[1:]] >= 30 for p in _MOD_PART.findall(n)) or re.search(r"-(?:to|of|and|in|on)-", n):
            reason = "modifier"
        elif all(all(p[:1].isupper() and p[1:].islower() and low[p.lower()] >= 30 for p in w.split("-")) for w in words):
            reason = "english"  # "Random Forest", "Deep Learning", "Vision-Language": plain words in title case
        elif typ == "Method" and len(words) == 1 and n[:1].isupper() and n[1:].islower() and n not in keep_words:
            reason = "word"  # "Bayesian", "Markov", "Fourier": people's names and adjectives, not method names
        rows.append({"name": n, "type": typ, "papers": k, "method": m, "dataset": d, "purity": round(pur, 3),
                     "pwc": n in pwc, "reason": reason})
    rows.sort(key=lambda r: (r["type"], -r["papers"], r["name"]))
    return rows


def long_forms(acronyms: set[str], gold: frozenset[str]) -> dict[str, str]:
    """The dominant long form of each acronym in the corpus definitions (>= 3 papers, > half of them)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    paren = re.compile(r"\(([^()]{1,20})\)")
    for _, t in texts(gold):
        if not any(m[1] in acronyms for m in paren.finditer(t)):
            continue
        for a, b, c, d in find_definitions(t):
            sf = t[c:d]
            if sf in acronyms:
                seen[sf][t[a:b].lower()] += 1
    out = {}
    for sf, cnt in seen.items():
        (lf, k), = cnt.most_common(1)
        if k >= 3 and k > sum(cnt.values()) / 2:
            out[sf] = lf
    return out


def catalog_rows(rows: list[dict], review: dict, lfs: dict[str, str], low: Counter | None = None) -> dict[str, list[dict]]:
    """Catalog rows of the kept candidates: review rejects dropped, aliases and mined long forms added, and
    ``case_sensitive`` set for names whose lower case is a word ("QuALITY", "TEACh") or a Capitalised word."""
    low = low or Counter()
    rejected = set(review.get("reject", []))
    aliases = review.get("aliases", {})
    out: dict[str, list[dict]] = {"Method": [], "Dataset": []}
    for r in rows:
        if r["reason"] or r["name"] in rejected:
            continue
        al = list(aliases.get(r["name"], []))
        lf = lfs.get(r["name"])
        if lf and lf not in (a.lower() for a in al) and catalog_lookup(lf) is None and r["name"] not in review.get("no_long_form", []):
            al.append(lf)
        row = {"type": r["type"], "name": r["name"], "aliases": al}
        n = r["name"]
        if n in review.get("case_sensitive", []) or low[n.lower()] >= 3 or (n[:1].isupper() and n[1:].islower()):
            row["case_sensitive"] = True
        out[r["type"]].append(row)
    return out


def render(typ: str, rows: list[dict]) -> str:
    head = {"_comment": f"Frequent {typ} names mined by scripts/pwc_frequent.py from unlabelled arXiv and ACL abstracts "
                        "(gold ids excluded) and Papers with Code dataset names (paperswithcode.com, CC BY-SA 4.0), "
                        "kept by distinct-paper counts in typed contexts and reviewed by hand; regenerate, do not edit."}
    lines = [json.dumps(head, ensure_ascii=False)] + [json.dumps(r, ensure_ascii=False) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-papers", type=int, default=5)
    ap.add_argument("--purity", type=float, default=0.8)
    ap.add_argument("--limit", type=int, default=0, help="read only the first N records (testing)")
    ap.add_argument("--candidates", type=Path, help="write every candidate with its counts (TSV)")
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed files differ")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cache", type=Path, help="pickle of the mined counts: read it when present, else write it")
    a = ap.parse_args(argv)
    if a.cache and a.cache.exists():
        with a.cache.open("rb") as f:
            typed, low, src, ndocs = pickle.load(f)
    else:
        typed, low, src, ndocs = mine(a.limit)
        if a.cache:
            with a.cache.open("wb") as f:
                pickle.dump((typed, low, src, ndocs), f)
    print(f"read {dict(ndocs)} records; {len(typed)} typed names", file=sys.stderr)
    review = json.loads(REVIEW.read_text(encoding="utf-8")) if REVIEW.exists() else {}
    rows = select(typed, low, a.min_papers, a.purity, pwc_datasets(), frozenset(review.get("keep_words", [])))
    if a.candidates:
        with a.candidates.open("w", encoding="utf-8") as f:
            f.write("name\ttype\tpapers\tmethod\tdataset\tpurity\tpwc\tarxiv\tacl\treason\n")
            for r in rows:
                rs = r["reason"] or ("review" if r["name"] in set(review.get("reject", [])) else "")
                f.write(f"{r['name']}\t{r['type']}\t{r['papers']}\t{r['method']}\t{r['dataset']}\t{r['purity']}\t"
                        f"{int(r['pwc'])}\t{src[(r['name'], 'arxiv')]}\t{src[(r['name'], 'acl')]}\t{rs}\n")
    kept = {r["name"] for r in rows if not r["reason"] and r["name"] not in set(review.get("reject", []))}
    acr = {n for n in kept if re.fullmatch(r"[A-Z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*", n) and " " not in n}
    lfs = long_forms(acr, read_gold_ids()) if not a.no_write or a.check else {}
    out = catalog_rows(rows, review, lfs, low)
    status = 0
    for typ, path in OUT.items():
        text = render(typ, out[typ])
        if a.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from what the script writes", file=sys.stderr)
                status = 1
        elif not a.no_write:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(out[typ])} rows)", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
