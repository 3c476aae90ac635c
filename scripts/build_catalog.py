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

TASK_HEADS = {
    "detection", "classification", "segmentation", "recognition", "prediction", "generation", "estimation",
    "learning", "retrieval", "extraction", "tracking", "reconstruction", "identification", "re-identification",
    "summarization", "summarisation", "localization", "localisation", "answering", "translation", "analysis",
    "forecasting", "synthesis", "captioning", "clustering", "parsing", "transfer", "assessment", "adaptation",
    "understanding", "reasoning", "discovery", "completion", "recommendation", "removal", "denoising", "matching",
    "modeling", "modelling", "super-resolution", "editing", "inference", "alignment", "resolution", "tagging",
    "generalization", "navigation", "diacritization", "verification", "grounding", "counting", "separation",
    "mining", "correction", "comprehension", "ranking", "restoration", "registration", "planning", "labeling",
    "labelling", "enhancement", "interpolation", "deblurring", "inpainting", "manipulation", "animation",
    "spotting", "attribution", "anticipation", "induction", "categorization", "disambiguation", "colorization",
    "entailment", "linking", "filling", "imputation", "transcription", "matting", "dehazing", "deraining",
    "desnowing", "tokenization", "lemmatization", "compression", "search", "generalisation", "recognisation",
    "simplification", "paraphrasing", "captioning", "detections", "forecast", "estimations", "completions",
    "localizations", "outpainting", "upsampling", "stylization", "super-resolution", "retargeting", "editing",
    "synthesis", "reidentification", "re-ranking", "reranking", "segmentations", "interpretation", "diagnosis",
    "prognosis", "triage", "coding", "annotation", "description", "scoring", "grading", "fusion", "decoding",
    "encoding", "conversion", "correspondence", "calibration", "recovery", "composition", "anonymization",
    "phenotyping", "staging", "labeling", "imitation", "exploration", "control", "play",
}
# heads that are mostly method names in abstracts ("Bayesian Optimization", "Network Pruning") are left out:
# optimization, pruning, quantization, distillation, augmentation, normalization, embedding, attack, defense
GENERIC_MODIFIERS = {"general", "generic", "other", "data", "new", "model", "models", "task", "tasks", "automatic",
                     "automated", "joint", "multi", "simple", "unsupervised", "supervised", "semi-supervised",
                     "self-supervised", "weakly-supervised", "online", "offline", "real-time", "efficient", "fast",
                     "robust", "single", "multiple", "end-to-end", "deep", "neural", "interpretable", "binary",
                     "conditional", "controllable", "continuous", "discrete", "open", "few-shot", "zero-shot",
                     "one-shot", "long", "short", "small", "large", "fine-grained", "universal", "universal",
                     "explainable", "accurate", "learning", "machine", "problem", "object", "feature", "features"}
PROPER = {"english", "chinese", "arabic", "german", "french", "spanish", "japanese", "korean", "russian", "hindi",
          "bengali", "urdu", "vietnamese", "thai", "indonesian", "turkish", "persian", "hebrew", "italian",
          "portuguese", "dutch", "polish", "czech", "hungarian", "romanian", "greek", "swedish", "finnish",
          "danish", "norwegian", "ukrainian", "tamil", "telugu", "marathi", "gujarati", "kannada", "malayalam",
          "punjabi", "nepali", "sinhala", "swahili", "amharic", "yoruba", "hausa", "igbo", "catalan", "basque",
          "latin", "sanskrit", "tibetan", "mongolian", "kazakh", "uzbek", "malay", "filipino", "tagalog", "irish",
          "welsh", "croatian", "serbian", "slovak", "slovenian", "bulgarian", "lithuanian", "latvian", "estonian",
          "icelandic", "albanian", "armenian", "georgian", "azerbaijani", "african", "indian", "european",
          "american", "bayesian", "gaussian", "markov", "boolean", "atari", "wikipedia", "twitter", "reddit",
          "sql", "python", "java", "covid-19", "alzheimer's", "parkinson's", "lidar", "amr", "minecraft", "go",
          "chess", "starcraft", "dota", "sudoku", "rubik's", "euclidean", "fourier", "hamiltonian", "newtonian",
          "arxiv", "github", "ecg", "eeg", "mri", "ct", "x-ray", "3d", "2d", "4d", "6d", "rgb", "rgb-d"}
SPELLING = [("modelling", "modeling"), ("labelling", "labeling"), ("summarisation", "summarization"),
            ("localisation", "localization"), ("generalisation", "generalization"), ("recognise", "recognize"),
            ("colourisation", "colorization"), ("colorisation", "colorization"), ("categorisation", "categorization"),
            ("tokenisation", "tokenization"), ("normalisation", "normalization"), ("optimisation", "optimization"),
            ("visualisation", "visualization"), ("anonymisation", "anonymization"), ("stylisation", "stylization")]
# short acronyms that are also English words are not taken as aliases ("APE", "PEG")
COMMON_WORDS = set("""ace act aim air all ant ape arc arm art bag bar bat bed bee big bin bit box bus can cap car cat
cot cow cry cub cup cut day den dip dog dot ear eat egg end era eye fan far fat few fig fin fit fix fly fog for fox fun
gap gas gem get gum gun hat hen hit hop hot hub ice ink jam jar jet job joy key kid kit lab lag law lay leg let lid lip
log lot low mad man map mat max mix mob mop mud net new nod not now nut oak odd off oil old one orb out owl own pad pal
pan pat paw pay pea peg pen pet pie pig pin pit pop pot put ram rat raw ray red rib rid rig rim rip rod rot row rub run
sad saw say sea see set sin sip sit six ski sky spy sum sun tab tag tan tap tar tea ten tie tin tip toe top toy try tub
two use van vet via war wax way web wet who why win wit won yes yet you zoo also area back band bank base bear beat
bell best bird blue boat body bold bond book boot born boss call calm camp card care cart case cash cast cave cell
chat chip city clip club coal coat code coin cold cone cook cool cope core cost crew crop cure dark dash data date
dawn deal dear deep deer desk dial dice diet dine disk dive dock dose dove down draw drop drum duck dune dust duty
easy echo edge edit epic even exam face fact fair fall fame farm fast fate fear feed fire firm fish flag flat flow
fold folk font food foot form fort four free frog fuel full fund fuse gain game gate gear gift girl glad glow glue
goal goat gold golf good grab grid grow hair half hall hand hare harm hawk head heal heap hear heat help herb hero
hide high hill hint hold hole home hood hook hope horn host hour huge hunt idea iron item jazz join joke jump just keen
keep kind king kite knee knot lake lamp land lane last late lead leaf lean left lens life lift like lime line link
lion list live load loan lock long look loop lord loss love luck made mail main make mall many mark mars mask mass
math meal mean meat meet melt menu mild milk mind mine mint miss mode mole mood moon more moss most move much muse
name navy near neat neck need nest news next nice node none nose note open oral oven pace pack page pain pair palm
park part pass past path peak pear peer pick pile pine pink pipe plan play plot plug plus poem poet pole poll pond
pool poor port pose post pour pray prey pull pump pure push race rage rain rank rare rate read real rear reef rely
rent rest rice rich ride ring rise risk road rock role roll roof room root rope rose rule rush safe sage sail sale
salt same sand save scan seal seat seed seek self sell send ship shoe shop shot show shut sick side sign silk sing
sink site size skin slim slip slow snow soap sock soft soil sole song soon sort soul soup spin spot star stay stem
step stop such suit sure swim tail take tale talk tall tank tape task team tell tent term test text tide tile time
tiny tone tool tour town tree trim trip true tube tune turn twin type unit used user vast verb view vote wage wait
wake walk wall want ward warm wash wave weak wear week well west wide wife wild will wind wine wing wire wise wish
wolf wood wool word work yard year zero zone""".split())
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
