"""Gold files are well-formed, contain no pasted abstract text, and work with the shared scorer."""
from __future__ import annotations

import doctest
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, load_script, shared_path

GOLD = ROOT / "tests" / "gold"
FILES = ["examples_gold.jsonl", "arxiv_gold.jsonl", "heldout_nov30_gold.jsonl", "heldout_nov30b_gold.jsonl",
         "heldout_nov30c_gold.jsonl", "heldout_nov30d_gold.jsonl", "heldout_nov30e_gold.jsonl",
         "heldout_dec1f_gold.jsonl", "heldout_dec1g_gold.jsonl", "heldout_dec1g_second.jsonl",
         "heldout_dec1h_gold.jsonl", "heldout_dec1h_second.jsonl", "heldout_dec1i_gold.jsonl",
         "heldout_dec1i_second.jsonl", "heldout_dec1j_gold.jsonl", "heldout_dec1j_second.jsonl",
         "heldout_dec2k_gold.jsonl", "heldout_dec2k_second.jsonl", "heldout_dec2l_gold.jsonl",
         "heldout_dec2l_second.jsonl", "heldout_dec2m_gold.jsonl", "heldout_dec2m_second.jsonl",
         "heldout_dec2n_gold.jsonl", "heldout_dec2n_second.jsonl"]
HELDOUT = "heldout_nov30_gold.jsonl"
HELDOUTS = {"heldout_nov30_gold.jsonl": "a", "heldout_nov30b_gold.jsonl": "b",  # file -> select_heldout.py --set
            "heldout_nov30c_gold.jsonl": "c", "heldout_nov30d_gold.jsonl": "d", "heldout_nov30e_gold.jsonl": "e",
            "heldout_dec1f_gold.jsonl": "f", "heldout_dec1g_gold.jsonl": "g",
            "heldout_dec1h_gold.jsonl": "h", "heldout_dec1i_gold.jsonl": "i",
            "heldout_dec1j_gold.jsonl": "j", "heldout_dec2k_gold.jsonl": "k", "heldout_dec2l_gold.jsonl": "l",
            "heldout_dec2m_gold.jsonl": "m", "heldout_dec2n_gold.jsonl": "n"}
# second, independent annotations of a held-out set (benchmarks/agreement.py): file -> the set's gold file
SECOND = {"heldout_dec1g_second.jsonl": "heldout_dec1g_gold.jsonl",
          "heldout_dec1h_second.jsonl": "heldout_dec1h_gold.jsonl",
          "heldout_dec1i_second.jsonl": "heldout_dec1i_gold.jsonl",
          "heldout_dec1j_second.jsonl": "heldout_dec1j_gold.jsonl",
          "heldout_dec2k_second.jsonl": "heldout_dec2k_gold.jsonl",
          "heldout_dec2l_second.jsonl": "heldout_dec2l_gold.jsonl",
          "heldout_dec2m_second.jsonl": "heldout_dec2m_gold.jsonl",
          "heldout_dec2n_second.jsonl": "heldout_dec2n_gold.jsonl"}
KEYS = {"id", "source", "methods", "datasets", "metrics", "tasks", "repos", "results", "relations"}
ENTITY_KEYS = {"methods": "Method", "datasets": "Dataset", "metrics": "Metric", "tasks": "Task"}
REL_TYPES = {"OUTPERFORMS", "BASED_ON", "EVALUATED_ON", "APPLIED_TO"}


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


@pytest.mark.parametrize("name", FILES)
def test_lines_have_scorer_keys(name):
    recs = rows(name)
    assert len(recs) >= 30
    assert len({r["id"] for r in recs}) == len(recs), "duplicate ids"
    for r in recs:
        assert KEYS <= set(r), (r["id"], KEYS - set(r))
        assert "abstract" not in r and "title" not in r
        for key in ENTITY_KEYS:
            for e in r[key]:
                assert isinstance(e["name"], str) and e["name"].strip(), r["id"]
                assert isinstance(e.get("aliases", []), list)
                assert isinstance(e.get("core", True), bool)
                if "role" in e:
                    assert e["role"] in ("proposed", "used"), (r["id"], e)
        assert all(isinstance(u, str) and u.startswith("http") for u in r["repos"])
        for res in r["results"]:
            assert any(ch.isdigit() for ch in res["value"]), (r["id"], res)
        for rel in r["relations"]:
            assert rel["type"] in REL_TYPES, (r["id"], rel)


def test_examples_gold_matches_example_records():
    papers = {json.loads(l)["id"]: json.loads(l) for l in (ROOT / "examples" / "papers.jsonl").read_text().splitlines()}
    fixture = (ROOT / "tests" / "fixtures" / "papers_small.jsonl").read_text()
    assert fixture == (ROOT / "examples" / "papers.jsonl").read_text()
    gold = rows("examples_gold.jsonl")
    assert [g["id"] for g in gold] == list(papers)
    for g in gold:
        text = (papers[g["id"]]["title"] + " " + papers[g["id"]]["abstract"]).lower()
        for res in g["results"]:  # every gold result value is stated in the text
            assert res["value"].lower() in text, (g["id"], res)
        for key in ENTITY_KEYS:  # core names or one alias occur in the text we wrote
            for e in g[key]:
                if e.get("core", True):
                    assert any(f.lower() in text for f in [e["name"], *e["aliases"]]), (g["id"], e)


def arxiv_abstracts(ids: set[str]) -> dict[str, str]:
    path = shared_path("arxiv", "arxiv-cs-2024-2026.jsonl.gz")
    found = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if any(i in line[:40] for i in ids):
                rec = json.loads(line)
                if rec["id"] in ids:
                    found[rec["id"]] = rec["title"] + " " + rec["abstract"]
    return found


def test_arxiv_gold_ids_exist_and_no_pasted_text():
    gold = rows("arxiv_gold.jsonl")
    ids = {g["id"] for g in gold}
    texts = arxiv_abstracts(ids)
    assert set(texts) == ids, f"ids missing from the arXiv file: {sorted(ids - set(texts))}"
    for g in gold:
        for s in strings(g):
            if len(s) > 60 and not s.startswith("http"):
                assert s.lower() not in texts[g["id"]].lower(), (g["id"], s)


def test_arxiv_gold_ids_come_from_seeded_selection():
    shared_path("arxiv", "arxiv-cs-2024-2026.jsonl.gz")
    sys.path.insert(0, str(GOLD))
    try:
        import select_arxiv
    finally:
        sys.path.remove(str(GOLD))
    chosen = set(select_arxiv.select(48))
    assert {g["id"] for g in rows("arxiv_gold.jsonl")} <= chosen


def perfect_prediction(gold: list[dict]) -> list[dict]:
    out = []
    for g in gold:
        ents = [{"type": t, "name": e["name"], "aliases": e["aliases"], "mentions": [], "role": e.get("role")}
                for key, t in ENTITY_KEYS.items() for e in g[key] if e.get("core", True)]
        out.append({"id": g["id"], "entities": ents, "repos": g["repos"], "results": g["results"],
                    "relations": g["relations"]})
    return out


@pytest.mark.parametrize("name", FILES)
def test_scorer_gives_perfect_f1_on_gold_made_prediction(name, tmp_path):
    scorer = Path(shared_path()).parent / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip(f"scorer missing: {scorer}")
    gold = rows(name)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in perfect_prediction(gold)))
    out = subprocess.run([sys.executable, str(scorer), "seeds", str(GOLD / name), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("seeds ")
    scores = dict(kv.split("=") for kv in summary.split()[1:])
    for key in ("Method", "Dataset", "Metric", "Task"):
        assert float(scores[key]) == 1.0, out
    n_res = sum(len(g["results"]) for g in gold)
    assert f"Result values recalled: {n_res}/{n_res}" in out
    # a prediction missing every entity must score below 1 (the check can fail)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("".join(json.dumps({"id": g["id"], "entities": []}) + "\n" for g in gold))
    out = subprocess.run([sys.executable, str(scorer), "seeds", str(GOLD / name), str(empty)],
                         capture_output=True, text=True, check=True).stdout
    assert "Method=0.000" in out.strip().splitlines()[-1]


# --- held-out sets (tests/gold/heldout_nov30_gold.jsonl = set a, heldout_nov30b_gold.jsonl = set b,
# heldout_nov30c_gold.jsonl = set c, heldout_nov30d_gold.jsonl = set d, heldout_nov30e_gold.jsonl = set e,
# heldout_dec1f_gold.jsonl = set f, heldout_dec1g_gold.jsonl = set g, heldout_dec1h_gold.jsonl = set h,
# heldout_dec1i_gold.jsonl = set i, heldout_dec1j_gold.jsonl = set j, heldout_dec2k_gold.jsonl = set k,
# heldout_dec2l_gold.jsonl = set l, heldout_dec2m_gold.jsonl = set m, heldout_dec2n_gold.jsonl = set n): drawn by
# scripts/select_heldout.py [--set b|...|n], annotated blind ---

def heldout_texts(gold: list[dict]) -> dict[str, str]:
    """Title + abstract of every held-out id: arXiv ids from the arXiv file, ``title:`` ids from hf-papers."""
    texts = arxiv_abstracts({g["id"] for g in gold if g["source"] == "arxiv"})
    hf = shared_path("hf-papers")
    out = subprocess.run([sys.executable, "-m", "kg", "ingest", str(hf), "--jsonl"], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    want = {g["id"] for g in gold if g["source"] == "hf-papers"}
    for line in out.splitlines():
        rec = json.loads(line)
        if rec["id"] in want:
            texts[rec["id"]] = rec["title"] + " " + rec["abstract"]
    return texts


@pytest.mark.parametrize("name", [*HELDOUTS, *SECOND])
def test_heldout_shape_and_sources(name):
    gold = rows(name)
    assert len(gold) == 40
    assert sum(g["source"] == "arxiv" for g in gold) == 25
    assert sum(g["source"] == "hf-papers" for g in gold) == 15
    for g in gold:
        forms = {f for key in ENTITY_KEYS for e in g[key] for f in [e["name"], *e["aliases"]]}
        for key in ENTITY_KEYS:
            for e in g[key]:
                assert "core" in e, (g["id"], e)
                assert ("role" in e) == (key == "methods"), (g["id"], e)
        for res in g["results"]:
            assert set(res) == {"value", "unit", "metric", "dataset", "method", "kind"}, (g["id"], res)
            assert res["kind"] in ("absolute", "relative"), (g["id"], res)
            for k in ("metric", "dataset", "method"):  # result fields name an annotated entity or are null
                assert res[k] is None or res[k] in forms, (g["id"], k, res)
        for rel in g["relations"]:
            assert rel["head"] in forms and rel["tail"] in forms, (g["id"], rel)
        assert all(u.startswith(("https://github.com/", "https://huggingface.co/", "https://gitlab.com/"))
                   for u in g["repos"]), g["id"]


@pytest.mark.parametrize("name", HELDOUTS)
def test_heldout_ids_unseen_by_other_gold_files(name):
    gold_ids = {g["id"] for g in rows(name)}
    others = [p for p in [*GOLD.glob("*_gold.jsonl"), *(ROOT / "tests" / "extract_results").glob("*_gold.jsonl")]
              if p.name != name]
    assert others, "no other gold files found"
    for p in others:
        ids = {json.loads(line)["id"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert not gold_ids & ids, f"held-out ids also in {p.name}: {sorted(gold_ids & ids)}"


@pytest.mark.parametrize("name", [*HELDOUTS, *SECOND])
def test_heldout_names_values_repos_occur_in_text_and_no_pasted_text(name):
    gold = rows(name)
    texts = heldout_texts(gold)
    assert set(texts) == {g["id"] for g in gold}, sorted({g["id"] for g in gold} - set(texts))
    for g in gold:
        text = texts[g["id"]].lower()
        for key in ENTITY_KEYS:
            for e in g[key]:
                for form in [e["name"], *e["aliases"]]:
                    assert form.lower() in text, (g["id"], key, form)
        for res in g["results"]:
            assert res["value"].lower() in text, (g["id"], res)
        for url in g["repos"]:  # the normalised link is in the text (possibly followed by .git or a slash,
            assert url.lower().removeprefix("https://") in text, (g["id"], url)  # or written without https://)
        for s in strings(g):
            if len(s) > 60 and not s.startswith(("http", "title:")):
                assert s.lower() not in text, (g["id"], s)


@pytest.mark.parametrize("name", SECOND)
def test_second_annotation_covers_the_same_abstracts(name):
    assert [(g["source"], g["id"]) for g in rows(name)] == [(g["source"], g["id"]) for g in rows(SECOND[name])]


@pytest.mark.parametrize("name", HELDOUTS)
def test_heldout_ids_come_from_seeded_selection(name):
    shared_path("arxiv", "arxiv-cs-2024-2026.jsonl.gz")
    shared_path("hf-papers")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import select_heldout
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    drawn = select_heldout.select(set_name=HELDOUTS[name])
    assert [(g["source"], g["id"]) for g in rows(name)] == drawn


def test_heldout_sets_are_disjoint_and_earlier_draws_are_unchanged_by_later_sets():
    sets = {name: {g["id"] for g in rows(name)} for name in HELDOUTS}
    for a in HELDOUTS:
        for b in HELDOUTS:
            if a < b:
                assert not sets[a] & sets[b], (a, b, sorted(sets[a] & sets[b]))
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import select_heldout
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert select_heldout.SETS["a"] == (select_heldout.SEED, select_heldout.EXCLUDE_FILES)
    assert select_heldout.SETS["b"] == (select_heldout.SEED_B, select_heldout.EXCLUDE_FILES_B)
    assert select_heldout.SETS["c"] == (select_heldout.SEED_C, select_heldout.EXCLUDE_FILES_C)
    assert select_heldout.SETS["d"] == (select_heldout.SEED_D, select_heldout.EXCLUDE_FILES_D)
    assert select_heldout.SETS["e"] == (select_heldout.SEED_E, select_heldout.EXCLUDE_FILES_E)
    assert select_heldout.SETS["f"] == (select_heldout.SEED_F, select_heldout.EXCLUDE_FILES_F)
    assert select_heldout.SETS["g"] == (select_heldout.SEED_G, select_heldout.EXCLUDE_FILES_G)
    assert select_heldout.SETS["h"] == (select_heldout.SEED_H, select_heldout.EXCLUDE_FILES_H)
    assert select_heldout.SETS["i"] == (select_heldout.SEED_I, select_heldout.EXCLUDE_FILES_I)
    assert select_heldout.SETS["j"] == (select_heldout.SEED_J, select_heldout.EXCLUDE_FILES_J)
    assert select_heldout.SETS["k"] == (select_heldout.SEED_K, select_heldout.EXCLUDE_FILES_K)
    assert select_heldout.SETS["l"] == (select_heldout.SEED_L, select_heldout.EXCLUDE_FILES_L)
    assert select_heldout.SETS["m"] == (select_heldout.SEED_M, select_heldout.EXCLUDE_FILES_M)
    assert select_heldout.SETS["n"] == (select_heldout.SEED_N, select_heldout.EXCLUDE_FILES_N)
    assert len({select_heldout.SEED, select_heldout.SEED_B, select_heldout.SEED_C, select_heldout.SEED_D,
                select_heldout.SEED_E, select_heldout.SEED_F, select_heldout.SEED_G, select_heldout.SEED_H,
                select_heldout.SEED_I, select_heldout.SEED_J, select_heldout.SEED_K, select_heldout.SEED_L,
                select_heldout.SEED_M, select_heldout.SEED_N}) == 14
    assert set(select_heldout.EXCLUDE_FILES) < set(select_heldout.EXCLUDE_FILES_B) \
        < set(select_heldout.EXCLUDE_FILES_C) < set(select_heldout.EXCLUDE_FILES_D) \
        < set(select_heldout.EXCLUDE_FILES_E) < set(select_heldout.EXCLUDE_FILES_F) \
        < set(select_heldout.EXCLUDE_FILES_G) < set(select_heldout.EXCLUDE_FILES_H) \
        < set(select_heldout.EXCLUDE_FILES_I) < set(select_heldout.EXCLUDE_FILES_J) \
        < set(select_heldout.EXCLUDE_FILES_K) < set(select_heldout.EXCLUDE_FILES_L) \
        < set(select_heldout.EXCLUDE_FILES_M) < set(select_heldout.EXCLUDE_FILES_N)
    # set n excludes set m, set m excludes set l
    assert "heldout_dec2m_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_N}
    assert "heldout_dec2m_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_M}
    assert "heldout_dec2l_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_M}
    assert "heldout_dec2l_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_L}
    # set l excludes set k, set k excludes set j
    assert "heldout_dec2k_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_L}
    assert "heldout_dec2k_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_K}
    assert "heldout_dec1j_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_K}
    assert "heldout_dec1j_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_J}
    # set j excludes set i
    assert "heldout_dec1i_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_J}
    assert "heldout_dec1i_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_I}
    # set i excludes set h
    assert "heldout_dec1h_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_I}
    assert "heldout_dec1h_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_H}
    # set h excludes set g (both annotations carry the same ids)
    assert "heldout_dec1g_gold.jsonl" in {Path(f).name for f in select_heldout.EXCLUDE_FILES_H}
    assert "heldout_dec1g_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_G}
    assert {HELDOUT, "unseen_nov30_gold.jsonl"} <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_B}
    # set c excludes sets a and b and every gold file that existed when it was drawn
    assert {HELDOUT, "heldout_nov30b_gold.jsonl", "unseen_nov30_gold.jsonl", "arxiv_gold.jsonl", "examples_gold.jsonl"} \
        <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_C}
    assert "heldout_nov30c_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_C}
    # set d excludes sets a, b and c and every gold file that existed when it was drawn
    assert {HELDOUT, "heldout_nov30b_gold.jsonl", "heldout_nov30c_gold.jsonl", "unseen_nov30_gold.jsonl",
            "arxiv_gold.jsonl", "examples_gold.jsonl"} <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_D}
    assert "heldout_nov30d_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_D}
    # set e excludes sets a, b, c and d and every gold file that existed when it was drawn
    assert {HELDOUT, "heldout_nov30b_gold.jsonl", "heldout_nov30c_gold.jsonl", "heldout_nov30d_gold.jsonl",
            "unseen_nov30_gold.jsonl", "arxiv_gold.jsonl", "examples_gold.jsonl"} \
        <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_E}
    assert "heldout_nov30e_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_E}
    # set f excludes sets a to e and every gold file that existed when it was drawn
    assert {HELDOUT, "heldout_nov30b_gold.jsonl", "heldout_nov30c_gold.jsonl", "heldout_nov30d_gold.jsonl",
            "heldout_nov30e_gold.jsonl", "unseen_nov30_gold.jsonl", "arxiv_gold.jsonl", "examples_gold.jsonl"} \
        <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_F}
    assert "heldout_dec1f_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_F}
    # set g excludes sets a to f and every gold file that existed when it was drawn
    assert {HELDOUT, "heldout_nov30b_gold.jsonl", "heldout_nov30c_gold.jsonl", "heldout_nov30d_gold.jsonl",
            "heldout_nov30e_gold.jsonl", "heldout_dec1f_gold.jsonl", "unseen_nov30_gold.jsonl", "arxiv_gold.jsonl",
            "examples_gold.jsonl"} <= {Path(f).name for f in select_heldout.EXCLUDE_FILES_G}
    assert "heldout_dec1g_gold.jsonl" not in {Path(f).name for f in select_heldout.EXCLUDE_FILES_G}


def test_mining_tools_exclude_every_gold_id():
    """The corpus miners skip the abstracts of every gold file (blind ones too), read from the repository itself."""
    tool = load_script("scripts/gold_ids.py")
    assert doctest.testmod(tool).failed == 0
    ids = tool.gold_ids(ROOT)
    files = tool.gold_files(ROOT)
    assert ROOT / "tests" / "gold" / "heldout_dec1f_gold.jsonl" in files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert str(json.loads(line)["id"]) in ids
    for path in (ROOT / "tests" / "gold").glob("*_drawn.txt"):  # a drawn set not yet annotated is reserved too
        drawn = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and x[0] != "#"]
        assert drawn and set(drawn) <= ids, path.name
        assert not (ROOT / "tests" / "gold" / path.name.replace("_drawn.txt", "_gold.jsonl")).exists(), \
            f"{path.name}: its gold file has landed; remove the reservation"
    for script in ("scripts/mine_lexicon.py", "scripts/pwc_frequent.py", "benchmarks/unseen_diff.py"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "gold_ids" in text and "/work/notes" not in text, script
