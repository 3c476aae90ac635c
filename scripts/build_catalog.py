"""Build kg/extract/data/catalog_tasks_pwc.jsonl from the Papers with Code task lists.

Reads ``../shared/data/pwc-catalog`` (all_tasks.txt, *_tasks_detailed.csv, task_hierarchy.csv: names
derived from the Papers with Code archive, CC BY-SA 4.0) and keeps the task names that are safe to
match in abstracts:

- cleaned: quotes and repeated spaces removed; a trailing acronym in parentheses becomes an alias
  ("Visual Question Answering (VQA)"); any other parenthetical or " - " suffix marks a variant of a
  base task and is dropped ("... (zero-shot)", "Speech Synthesis - Telugu");
- dropped: odd punctuation (``, : ; / & ? ! * [``), digits-only parts, fewer than 2 or more than 5
  words (a single hyphenated word such as "super-resolution" counts), a last word that is not a task
  head from ``TASK_HEADS`` (drops "Sports Analytics", "Misconceptions", typos like "Forecastingm"),
  a generic-only modifier ("General Classification"), names that are datasets in the same archive
  (the "Common Datasets" / "Benchmarks" columns) or methods/datasets/metrics in the hand-written
  catalog files, and tasks already in ``catalog_tasks.jsonl``;
- one row per normalised name (lower case, hyphen = space, trailing plural "s" dropped); other
  spellings of the same name and British/American variants ("modelling"/"modeling") become aliases.

Usage::

    python scripts/build_catalog.py              # writes kg/extract/data/catalog_tasks_pwc.jsonl
    python scripts/build_catalog.py --check      # exit 1 when the committed file differs
    python scripts/build_catalog.py --pwc DIR --out FILE
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "extract" / "data"
PWC = ROOT.parent / "shared" / "data" / "pwc-catalog"
OUT = DATA / "catalog_tasks_pwc.jsonl"
HEADER = {"_comment": "Task names derived from the Papers with Code archive (paperswithcode.com, CC BY-SA 4.0), "
                      "filtered by scripts/build_catalog.py; regenerate, do not edit by hand."}

_WORDS = json.loads((Path(__file__).with_name("build_catalog_words.json")).read_text(encoding="utf-8"))
# last words a kept task may end with; heads that are mostly method names in abstracts ("Bayesian Optimization",
# "Network Pruning": optimization, pruning, quantization, distillation, augmentation, ...) are left out
TASK_HEADS = frozenset(_WORDS["task_heads"])
GENERIC_MODIFIERS = frozenset(_WORDS["generic_modifiers"])
PROPER = frozenset(_WORDS["proper"])
# short acronyms that are also English words are not taken as aliases ("APE", "PEG")
COMMON_WORDS = frozenset(_WORDS["common_words"])
SPELLING = [("modelling", "modeling"), ("labelling", "labeling"), ("summarisation", "summarization"),
            ("localisation", "localization"), ("generalisation", "generalization"), ("recognise", "recognize"),
            ("colourisation", "colorization"), ("colorisation", "colorization"), ("categorisation", "categorization"),
            ("tokenisation", "tokenization"), ("normalisation", "normalization"), ("optimisation", "optimization"),
            ("visualisation", "visualization"), ("anonymisation", "anonymization"), ("stylisation", "stylization")]
_BAD_CHARS = re.compile(r"[,:;/&?!*\[\]{}<>=@#$%^|~\"`\\]")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-]{1,9}$")


def norm(s: str) -> str:
    """The scorer's comparison key: lower case, hyphens as spaces, punctuation dropped, plural "s" off.

    >>> norm("Image-to-Image Translations")
    'image to image translation'
    """
    s = re.sub(r"[\u2010-\u2015_\-]+", " ", s.lower())
    toks = re.sub(r"[^\w%.+' ]+", " ", s).split()
    if toks and len(toks[-1]) > 3 and toks[-1].endswith("s") and not toks[-1].endswith("ss"):
        toks[-1] = toks[-1][:-1]
    return " ".join(toks)


def canonical_case(name: str) -> str:
    """Lower-case Title-Case words, keep acronyms, CamelCase and proper nouns.

    >>> canonical_case("3D Human Pose Estimation"), canonical_case("Hungarian Text Diacritization")
    ('3D human pose estimation', 'Hungarian text diacritization')
    """
    out = []
    for w in name.split():
        parts = []
        for p in w.split("-"):
            inner_caps = any(c.isupper() for c in p[1:]) or any(c.isdigit() for c in p)
            parts.append(p if inner_caps or p.lower() in PROPER else p.lower())
        out.append("-".join(parts))
    return " ".join(out)


def acronym_fits(acr: str, long: str) -> bool:
    """Whether the capitals of ``acr`` are word initials of ``long``, in order, starting with the first.

    >>> acronym_fits("ABSA", "Aspect-Based Sentiment Analysis"), acronym_fits("NER", "Zero-shot Named Entity Recognition")
    (True, False)
    """
    caps = [c.lower() for c in acr if c.isupper()]
    initials = [w[0].lower() for w in re.split(r"[\s\-]+", long) if w]
    if len(caps) < 2 or not initials or caps[0] != initials[0]:
        return False
    it = iter(initials)
    return all(any(c == i for i in it) for c in caps)


def clean_task(raw: str) -> tuple[str, list[str]] | None:
    """``(name, aliases)`` for a kept PwC task name, else ``None``.

    >>> clean_task('"Visual Question Answering (VQA)"')
    ('visual question answering', ['VQA'])
    >>> clean_task("Speech Synthesis - Telugu"), clean_task("Prediction"), clean_task("Sports Analytics")
    (None, None, None)
    """
    name = " ".join(raw.strip().strip('"').split()).rstrip(".")
    if name.isupper() and len(name) > 6:
        name = name.title()
    aliases: list[str] = []
    m = _PAREN.search(name)
    if m:
        inner = m[1].strip()
        if not _ACRONYM.match(inner) or not acronym_fits(inner, name[:m.start()]):
            return None
        aliases.append(inner)
        name = name[:m.start()].strip()
    if not name or " - " in name or "(" in name or ")" in name or _BAD_CHARS.search(name):
        return None
    words = name.split()
    if not 1 <= len(words) <= 5 or any(w.isdigit() for w in words):
        return None
    if len(words) == 1 and "-" not in words[0]:
        return None
    if words[-1].lower() not in TASK_HEADS:
        return None
    mods = [w.lower() for w in words[:-1]]
    if all(w in GENERIC_MODIFIERS for w in mods) and mods:
        return None
    if len(words) == 1 and words[0].lower() in TASK_HEADS and words[0].count("-") == 0:
        return None
    if words[-1].lower() == "learning" and (len(words) > 3 or {"machine", "deep", "general"} & set(mods)):
        return None
    return canonical_case(name), aliases


def _read_names(pwc: Path) -> tuple[list[str], set[str]]:
    names: list[str] = []
    datasets: set[str] = set()
    names += [ln for ln in (pwc / "all_tasks.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    for f in sorted(pwc.glob("*_tasks_detailed.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                names.append(r["Task Name"])
                names += [s for s in (r.get("Subtasks") or "").split(";") if s.strip()]
                for col in ("Common Datasets (Top 10)", "Benchmarks"):
                    datasets |= {norm(s) for s in (r.get(col) or "").split(";") if s.strip()}
    with (pwc / "task_hierarchy.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            names.append(r["Parent Task"])
            names += [s.strip().rstrip(".") for s in (r.get("Child Tasks") or "").split(";")
                      if s.strip() and not s.strip().endswith("...")]
    return names, datasets


def _hand_norms(data: Path) -> tuple[set[str], set[str]]:
    """Norms of hand-written non-task forms, and of hand-written task forms."""
    other, tasks = set(), set()
    for f in sorted(data.glob("catalog*.jsonl")):
        if f.name == OUT.name:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else {}
            if "type" in r:
                forms = {norm(x) for x in (r["name"], *r.get("aliases", []))}
                (tasks if r["type"] == "Task" else other).update(forms)
    return other, tasks


def us_spelling(name: str) -> str:
    """``name`` with British spellings from ``SPELLING`` made American.

    >>> us_spelling("text modelling")
    'text modeling'
    """
    for uk, us in SPELLING:
        name = name.replace(uk, us)
    return name


def _spelling_variants(name: str) -> list[str]:
    out = []
    for uk, us in SPELLING:
        if uk in name:
            out.append(name.replace(uk, us))
        elif us in name:
            out.append(name.replace(us, uk))
    return out


def build_rows(names: Iterable[str], pwc_datasets: set[str], hand_other: set[str],
               hand_tasks: set[str]) -> list[dict]:
    """The kept task rows, sorted by name; see the module docstring for the rules.

    >>> build_rows(["Image Captioning", "image captioning", "Sports Analytics", "Text Modelling"], set(), set(), set())
    [{'type': 'Task', 'name': 'image captioning', 'aliases': []}, {'type': 'Task', 'name': 'text modelling', 'aliases': ['text modeling']}]
    """
    rows: dict[str, dict] = {}
    for raw in names:
        got = clean_task(raw)
        if got is None:
            continue
        name, aliases = got
        key = norm(us_spelling(name))
        if key in pwc_datasets or key in hand_other or key in hand_tasks:
            continue
        aliases = [a for a in aliases if norm(a) not in hand_other and a.lower() not in COMMON_WORDS]
        row = rows.setdefault(key, {"type": "Task", "name": name, "aliases": []})
        for a in [name, *aliases, *_spelling_variants(name)]:
            if a != row["name"] and a.lower() != row["name"].lower() and a not in row["aliases"]:
                if norm(a) == key or a in aliases:
                    row["aliases"].append(a)
                elif a.replace("-", " ").lower() != row["name"].replace("-", " ").lower():
                    row["aliases"].append(a)
    owners: dict[str, int] = {}
    for r in rows.values():
        for a in set(r["aliases"]):
            owners[a] = owners.get(a, 0) + 1
    for r in rows.values():  # an alias claimed by two tasks ("AVQA") is dropped from both
        r["aliases"] = sorted(a for a in set(r["aliases"]) - {r["name"]} if owners[a] == 1)
    return sorted(rows.values(), key=lambda r: r["name"].lower())


def render(rows: list[dict]) -> str:
    """The JSONL text written to the catalog file (header line first)."""
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in [HEADER, *rows]) + "\n"


def build(pwc: Path = PWC, data: Path = DATA) -> str:
    names, datasets = _read_names(pwc)
    other, tasks = _hand_norms(data)
    return render(build_rows(names, datasets, other, tasks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pwc", type=Path, default=PWC, help="folder with the Papers with Code CSVs")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    a = ap.parse_args(argv)
    if not (a.pwc / "all_tasks.txt").exists():
        print(f"error: {a.pwc}/all_tasks.txt not found (pass --pwc DIR)", file=sys.stderr)
        return 2
    text = build(a.pwc)
    if a.check:
        same = a.out.exists() and a.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{a.out} differs: run python scripts/build_catalog.py")
        return 0 if same else 1
    a.out.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} task rows to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
