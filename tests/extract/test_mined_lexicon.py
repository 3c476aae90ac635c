"""The corpus-mined Task/Metric lexicon: mining functions (scripts/mine_lexicon.py) on self-written text, the
shape of the packaged catalog_mined_*.jsonl files, and mined phrases found in a self-written abstract."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from kg.errors import InputError
from kg.extract import extract_paper, field_mentions
from kg.extract.catalog import catalog_lookup, load_catalog, mined_names, parse_catalog_lines
from kg.models import Paper
from tests.conftest import ROOT, load_script, shared_path

ml = load_script("scripts/mine_lexicon.py")

DATA = ROOT / "kg" / "extract" / "data"
MINED = {"Task": DATA / "catalog_mined_tasks.jsonl", "Metric": DATA / "catalog_mined_metrics.jsonl"}


# --- mining functions --------------------------------------------------------------------------------------

def test_task_cues():
    text = ("We tackle lexical substitution. Cue detection is a challenging problem. Our framework for "
            "argument mining is run on tasks such as claim detection, stance classification and "
            "evidence retrieval, and on the answer selection task.")
    got = {(t, ml.phrase_key(w)) for t, w in ml.cue_phrases(text)}
    assert {("Task", "lexical substitution"), ("Task", "cue detection"), ("Task", "argument mining"),
            ("Task", "claim detection"), ("Task", "stance classification"), ("Task", "evidence retrieval"),
            ("Task", "answer selection")} <= got


def test_metric_cues():
    text = ("It reaches a frame rate of 31.5 and 92.1% exact match accuracy, reduces response latency by 40%, "
            "and is compared in terms of token usage and cache hit rate; NDCG@10 and mAP@0.5 are reported.")
    got = {(t, ml.phrase_key(w)) for t, w in ml.cue_phrases(text)}
    assert {("Metric", "frame rate"), ("Metric", "exact match accuracy"), ("Metric", "response latency"),
            ("Metric", "token usage"), ("Metric", "cache hit rate"), ("Metric", "ndcg@10"),
            ("Metric", "map@0.5")} <= got


def test_clean_phrase_drops_generic_and_untyped():
    assert ml.clean_phrase(["various", "downstream", "entity", "linking"], "Task") == ["entity", "linking"]
    assert ml.clean_phrase(["entity", "linking", "tasks"], "Task") == ["entity", "linking"]
    for words, typ in ((["social", "media"], "Task"), (["contrastive", "learning"], "Task"),
                       (["WMT21", "news", "translation"], "Task"), (["challenges", "posed"], "Task"),
                       (["batch", "size"], "Metric"), (["classification", "performance"], "Metric"),
                       (["human", "motion"], "Task"), (["translation"], "Task")):
        assert ml.clean_phrase(list(words), typ) is None, words


def test_phrase_key_folds_plural_and_hyphen():
    assert ml.phrase_key(["Recommender", "Systems"]) == ml.phrase_key(["recommender", "system"])
    assert ml.phrase_key(["multi-hop", "reasoning"]) == ml.phrase_key(["multi", "hop", "reasoning"])
    assert ml.phrase_key(["graph", "analytics"]) == "graph analytics"


def test_count_is_per_paper_and_select_needs_papers_and_purity():
    recs = [(str(i), "We tackle cue detection. The cue detection task is hard.") for i in range(4)]
    recs += [("9", "We reach a cue detection of 0.91.")]  # no measure word: no Metric cue phrase
    papers, spellings = ml.count(recs)
    assert papers[("Task", "cue detection")] == 4 and papers[("Metric", "cue detection")] == 0
    assert ml.select(papers, spellings, min_papers=5)["Task"] == []
    rows = ml.select(papers, spellings, min_papers=4, purity=0.8)["Task"]
    assert [(r["name"], r["papers"], r["source"]) for r in rows] == [("cue detection", 4, "mined")]
    papers[("Metric", "cue detection")] = 1  # 4 of 5 cue papers: purity 0.8
    assert len(ml.select(papers, spellings, min_papers=4, purity=0.8)["Task"]) == 1
    assert ml.select(papers, spellings, min_papers=4, purity=0.9)["Task"] == []


def test_select_drops_curated_forms_and_names_inside():
    papers = Counter({("Task", "bert probing"): 9, ("Task", "cue detection"): 9, ("Task", "image classification"): 9})
    spellings = {k: Counter({k[1]: 1}) for k in papers}
    rows = ml.select(papers, spellings, known={ml.squash("image classification")}, named={"bert"})["Task"]
    assert [r["name"] for r in rows] == ["cue detection"]


def test_read_records_excludes_ids_and_duplicates(tmp_path):
    p = tmp_path / "c.jsonl.gz"
    with gzip.open(p, "wt") as f:
        for pid in ("1", "2", "1", "3"):
            f.write(json.dumps({"id": pid, "title": "T" + pid, "abstract": "A"}) + "\n")
    assert [i for i, _ in ml.read_records([p], exclude={"3"})] == ["1", "2"]


def test_select_joins_hyphen_spellings():
    papers = Counter({("Task", "multi modal translation"): 6, ("Task", "multimodal translation"): 9})
    spellings = {("Task", "multi modal translation"): Counter({"multi-modal translation": 6}),
                 ("Task", "multimodal translation"): Counter({"multimodal translation": 9})}
    rows = ml.select(papers, spellings)["Task"]
    assert [(r["name"], r["aliases"], r["papers"]) for r in rows] == [
        ("multimodal translation", ["multi-modal translation"], 9)]


def test_mining_is_deterministic(tmp_path):
    recs = [(str(i), f"We tackle cue detection and reach a frame rate of {i}.5 on tasks such as claim detection.")
            for i in range(6)]
    a = ml.select(*ml.count(recs))
    b = ml.select(*ml.count(list(reversed(recs))))
    assert a == b and [r["name"] for r in a["Task"]] == ["claim detection", "cue detection"]


# --- packaged data files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typ", ["Task", "Metric"])
def test_mined_file_shape(typ):
    lines = MINED[typ].read_text(encoding="utf-8").splitlines()
    assert "_comment" in json.loads(lines[0]) and "mine_lexicon.py" in lines[0]
    rows = parse_catalog_lines(lines, path=str(MINED[typ]))
    assert len(rows) >= 100
    names = [r["name"] for r in rows]
    assert names == sorted(names, key=str.lower) and len(set(map(str.lower, names))) == len(names)
    for r in rows:
        assert set(r) == {"type", "name", "aliases", "source", "papers"} and r["type"] == typ
        assert r["source"] == "mined" and r["papers"] >= 5 and len(r["aliases"]) <= 2
        words = r["name"].replace("-", " ").split()
        assert 2 <= len(words) or "@" in r["name"], r  # phrases, never single generic words
        assert len(r["name"]) <= 60 and ("." not in r["name"] or "@" in r["name"]), r  # phrases, not sentences


def test_mined_rows_never_retype_curated_names():
    curated = [r for r in load_catalog() if r.get("source") != "mined"]
    mined = [r for r in load_catalog() if r.get("source") == "mined"]
    assert mined and {r["type"] for r in mined} <= {"Task", "Metric"}
    curated_keys = {ml.phrase_key(f.split()) for r in curated for f in (r["name"], *r.get("aliases", ()))}
    assert not [r["name"] for r in mined if ml.phrase_key(r["name"].split()) in curated_keys]
    for r in mined:  # not a curated form either, and lookups (task cores, name families) never see it
        assert catalog_lookup(r["name"]) is None, r


def test_bad_mined_rows_name_field():
    with pytest.raises(InputError, match="field 'papers'"):
        parse_catalog_lines(['{"type": "Task", "name": "cue detection", "aliases": [], "source": "mined", "papers": 0}'])
    with pytest.raises(InputError, match="field 'source'"):
        parse_catalog_lines(['{"type": "Task", "name": "cue detection", "aliases": [], "source": "web"}'])


# --- integration: mined phrases in an abstract --------------------------------------------------------------

def _pick(typ: str, avoid: set[str]) -> str:
    """The most frequent multi-word mined name that the pattern rules alone do not find in a cue context (so only
    the lexicon can), whose words the fixture text does not otherwise use."""
    rows = sorted((r for r in load_catalog() if r.get("source") == "mined" and r["type"] == typ and "@" not in r["name"]
                   and " " in r["name"] and not set(r["name"].lower().split()) & avoid),
                  key=lambda r: (-r["papers"], r["name"]))
    for r in rows:
        text = f"We address {r['name']} and reach a {r['name']} of 0.41 in our runs"
        if not field_mentions(text, {})[0]:
            return r["name"]
    raise AssertionError(f"no mined {typ} name beyond the pattern rules")


def test_mined_task_and_metric_found_in_abstract():
    task = _pick("Task", {"model", "data"})
    metric = _pick("Metric", {"model", "data"})
    assert (("Task", task) in mined_names()) and (("Metric", metric) in mined_names())
    paper = Paper(id="x1", title=f"A Toy Study of {task.title()}",
                  abstract=(f"We study {task} with a small recurrent model. On two in-house sets our model "
                            f"improves {metric} by 4.1 points over a linear baseline."))
    ents = {(e.type, e.name.lower()): e for e in extract_paper(paper).entities}
    assert ("Task", task.lower()) in ents and ("Metric", metric.lower()) in ents
    assert {m.field for m in ents[("Task", task.lower())].mentions} == {"title", "abstract"}
    # not in the title: a mined task phrase of the abstract alone is no task of the paper (the lower tier)
    other = Paper(id="x2", title="A Toy Study", abstract=paper.abstract)
    assert ("Task", task.lower()) not in {(e.type, e.name.lower()) for e in extract_paper(other).entities}


def test_mined_metric_needs_a_measuring_context():
    metric = _pick("Metric", {"model"})
    text = f"Earlier systems were designed around {metric} alone, and we discuss why"
    ms, _, src = field_mentions(text, {(text.index(metric), text.index(metric) + len(metric)): ("Metric", metric)})
    assert not [m for m in ms if m[2] == "Metric"]
    text2 = f"Earlier systems reached a {metric} of 0.41 in our runs"
    a = text2.index(metric)
    ms, _, src = field_mentions(text2, {(a, a + len(metric)): ("Metric", metric)})
    assert [(m[2], m[3]) for m in ms if m[2] == "Metric"] == [("Metric", metric)] and src[(a, a + len(metric))] == "mined"


def test_mined_phrase_only_fills_gaps():
    # a mined span overlapping a curated catalog match, or what a pattern rule found, yields to it
    task = _pick("Task", set())
    text = "we use Foo Bar Baz here"
    ms, _, src = field_mentions(text, {(7, 14): ("Method", "Foo Bar"), (11, 18): ("Task", task)})
    assert src.get((11, 18)) is None and src.get((7, 14)) == "catalog"
    text = "we study lane detection here"  # task_phrases finds "lane detection" itself
    ms, _, src = field_mentions(text, {(9, 23): ("Task", task)})
    assert src[(9, 23)] == "task" and ms == [(9, 23, "Task", "lane detection")]
    ms, _, src = field_mentions(text, {(14, 23): ("Task", task)})  # overlaps the task phrase: dropped
    assert src.get((14, 23)) is None


def test_main_creates_the_output_folder(tmp_path):
    """--out-dir need not exist (it used to fail at the very end, after the whole count)."""
    shared_path("arxiv", "arxiv-cs-2024-2026.jsonl.gz")
    out = tmp_path / "new" / "dir"
    assert ml.main(["--limit", "50", "--out-dir", str(out), "--counts", str(tmp_path / "c" / "counts.tsv")]) == 0
    assert (out / "catalog_mined_tasks.jsonl").exists() and (out / "catalog_mined_metrics.jsonl").exists()
    assert (tmp_path / "c" / "counts.tsv").exists()
