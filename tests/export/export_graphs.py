"""Graphs of the schema shape (docs/schema.md) built by hand for the export tests and benchmarks.

Every title, name and sentence here was written for these tests; two of them are
XSS probes that must show as text in the HTML view and never run.
"""

from __future__ import annotations

import random

import networkx as nx

from kg.models import entity_key

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=2</script>"
XSS_URL = "javascript:window.__xss=3"


def _edge(G, u, v, type_, papers, sentence=None, confidence=0.9):
    ev = [{"paper": p, "sentence": sentence, "start": 0, "end": len(sentence), "field": "abstract"}
          for p in papers[:1]] if sentence else []
    G.add_edge(u, v, key=type_, type=type_, confidence=confidence, support=len(papers),
               papers=sorted(papers), evidence=ev)


def _entity(G, label, name, aliases=(), paper_count=1, catalog_id=None):
    key = entity_key(label, name)
    G.add_node(key, label=label, key=key, name=name, aliases=sorted(aliases), paper_count=paper_count,
               catalog_id=catalog_id, ambiguous=False, long_forms=[])
    return key


def _paper(G, pid, title, date, arxiv=True, urls=()):
    key = f"paper:{pid}"
    G.add_node(key, label="Paper", key=key, id=pid, title=title, abstract="", date=date,
               authors=["A. Writer", "B. Author"], urls=list(urls), sources=[f"fixture.jsonl:{len(G)}"],
               doi=None if arxiv else f"10.1000/{pid}", arxiv_id=pid if arxiv else None,
               categories=["cs.LG"], venue=None)
    return key


def schema_graph() -> nx.MultiDiGraph:
    """A small graph with every node label and most edge types, plus the XSS probes."""
    G = nx.MultiDiGraph()
    p1 = _paper(G, "2101.00001", "Patches are all you need for images", "2021-01-05",
                urls=["https://github.com/example/patches"])
    p2 = _paper(G, "1810.00002", "Deep bidirectional encoders for text", "2018-10-11")
    p3 = _paper(G, "2203.00003", XSS_IMG + " a title that tries to run code", "2022-03-01", arxiv=False,
                urls=[XSS_URL, "https://example.org/paper"])
    vit = _entity(G, "Method", "Vision Transformer", ["ViT"], paper_count=2)
    bert = _entity(G, "Method", "BERT", ["Bert"], paper_count=2)
    bad = _entity(G, "Method", XSS_SCRIPT, [XSS_IMG], paper_count=1)
    imnet = _entity(G, "Dataset", "ImageNet", ["ILSVRC"], paper_count=2, catalog_id="imagenet")
    glue = _entity(G, "Dataset", "GLUE", paper_count=1)
    acc = _entity(G, "Metric", "Accuracy", ["acc"], paper_count=3)
    cls = _entity(G, "Task", "Image Classification", paper_count=2)
    repo = "repo:github.com/example/patches"
    G.add_node(repo, label="Repository", key=repo, url="https://github.com/example/patches", host="github.com",
               owner="example", name="patches", paper_count=1)
    res = "result:2101.00001:0123456789ab"
    G.add_node(res, label="Result", key=res, value="88.5", numeric=88.5, unit="%", kind="absolute",
               metric="Accuracy", dataset="ImageNet", method="Vision Transformer", task=None,
               paper="2101.00001", sentence="Our model reaches 88.5% accuracy on ImageNet.", start=10, end=55,
               field="abstract", confidence=0.8)
    _edge(G, p1, vit, "PROPOSES", ["2101.00001"], "We propose the Vision Transformer for images.")
    _edge(G, p1, imnet, "EVALUATES_ON", ["2101.00001"], "Experiments on ImageNet show strong results.")
    _edge(G, p1, acc, "MEASURES", ["2101.00001"], "Top-1 accuracy improves.")
    _edge(G, p1, cls, "ADDRESSES", ["2101.00001"], "We study image classification.")
    _edge(G, p1, repo, "HAS_CODE", ["2101.00001"], "Code: https://github.com/example/patches")
    _edge(G, p1, res, "REPORTS", ["2101.00001"])
    _edge(G, p2, bert, "PROPOSES", ["1810.00002"], "We introduce BERT, a bidirectional encoder.")
    _edge(G, p2, glue, "EVALUATES_ON", ["1810.00002"], "BERT sets a new state of the art on GLUE.")
    _edge(G, p3, bad, "PROPOSES", ["2203.00003"], XSS_SCRIPT + " is proposed " + XSS_IMG)
    _edge(G, p3, vit, "USES", ["2203.00003"], "We build on the Vision Transformer.")
    _edge(G, vit, imnet, "EVALUATED_ON", ["2101.00001"], "Experiments on ImageNet show strong results.")
    _edge(G, vit, cls, "APPLIED_TO", ["2101.00001"])
    _edge(G, bad, vit, "OUTPERFORMS", ["2203.00003"], XSS_IMG + " beats ViT.")
    _edge(G, vit, bert, "BASED_ON", ["2101.00001", "2203.00003"], "Like BERT, we use a transformer.")
    _edge(G, res, vit, "ACHIEVED_BY", ["2101.00001"])
    _edge(G, res, imnet, "ON_DATASET", ["2101.00001"])
    _edge(G, res, acc, "MEASURED_BY", ["2101.00001"])
    return G


def synthetic_graph(n_nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """About ``n_nodes`` nodes of schema shape: 60% papers, the rest entities with heavy-tailed popularity."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_papers = int(n_nodes * 0.6)
    labels = ("Method", "Dataset", "Metric", "Task")
    edge_for = {"Method": "USES", "Dataset": "EVALUATES_ON", "Metric": "MEASURES", "Task": "ADDRESSES"}
    entities = [_entity(G, labels[i % 4], f"{labels[i % 4]} {i}", [f"alias {i}"], paper_count=0)
                for i in range(n_nodes - n_papers)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(entities))]
    for j in range(n_papers):
        pid = f"{2000 + j // 100:04d}.{j:05d}"
        p = _paper(G, pid, f"Synthetic paper {j} on learning", f"{2015 + j % 10}-0{1 + j % 9}-01")
        for e in set(rng.choices(entities, weights, k=rng.randint(1, 4))):
            _edge(G, p, e, edge_for[G.nodes[e]["label"]], [pid], f"Sentence {j} mentions {G.nodes[e]['name']}.")
            G.nodes[e]["paper_count"] += 1
    for e in entities:  # some entity-entity edges
        if G.nodes[e]["label"] == "Method" and rng.random() < 0.5:
            t = rng.choices(entities, weights)[0]
            if G.nodes[t]["label"] == "Dataset":
                _edge(G, e, t, "EVALUATED_ON", ["2000.00000"])
    return G
