"""kg.analytics and its commands, run through CliRunner on a graph built from hand-written records."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from kg import analytics
from kg.cli import cli
from kg.graph import build_graph, save_graph
from tests.graph.records import records_a, records_b


@pytest.fixture(scope="module")
def G():
    return build_graph(records_a() + records_b())


@pytest.fixture(scope="module")
def store(G, tmp_path_factory):
    return str(save_graph(G, tmp_path_factory.mktemp("g") / "graph.json.gz"))


def run(store, *args):
    r = CliRunner().invoke(cli, [*args, "--graph", store])
    assert r.exit_code == 0, r.output
    return r.output


def test_stats(store):
    s = json.loads(run(store, "stats", "--json"))
    assert s["labels"]["Paper"] == 8 and s["papers_with_code"] == 1 and s["ambiguous"] == 1
    assert s["top"]["Method"][0] == {"name": "Vision Transformer", "papers": 3}
    out = run(store, "stats")
    assert "label Paper" in out and "edge REPORTS" in out


def test_top_by_papers_since_and_pagerank(store):
    rows = list(csv.DictReader(io.StringIO(run(store, "top", "methods", "--csv", "-n", "2"))))
    assert [r["name"] for r in rows] == ["Vision Transformer", "ResNet-50"] and rows[0]["papers"] == "3"
    since = json.loads(run(store, "top", "methods", "--since", "2024-03", "--json"))
    assert "Vision Transformer" not in [r["name"] for r in since]
    pr = json.loads(run(store, "top", "datasets", "--by", "pagerank", "--json"))
    assert pr[0]["pagerank"] >= pr[-1]["pagerank"] > 0


def test_leaderboard_lower_is_better_and_alias_lookup(store):
    rows = json.loads(run(store, "leaderboard", "cifar-10", "--json"))
    assert [r["method"] for r in rows] == ["Vision Transformer", "ResNet-50"]  # 1.2% error beats 3.4%
    rows = json.loads(run(store, "leaderboard", "ImageNet", "--metric", "Accuracy", "--json"))
    assert rows[0]["value"] == "88.5%" and rows[0]["paper"] == "2401.00001"
    assert "Vision Transformer" in run(store, "leaderboard", "imagenet")


def test_leaderboard_unknown_dataset_is_one_error_line(store):
    r = CliRunner().invoke(cli, ["leaderboard", "NoSuchSet", "--graph", store])
    assert r.exit_code == 1
    assert r.output.strip() == ("Error: no Dataset named 'NoSuchSet' in the graph; try `kg top methods` "
                                "or `kg top datasets` to see the names it holds")


def test_related_both_directions_via_alias(store):
    r = json.loads(run(store, "related", "ViT", "--json"))
    assert r["key"] == "method:vision transformer"
    assert [x["name"] for x in r["outperforms"]] == ["ResNet-50"]
    assert [x["name"] for x in r["based_on"]] == ["BERT-large"]
    assert [x["name"] for x in r["evaluated_on"]] == ["CIFAR-10"]
    assert [x["key"] for x in r["proposed_by"]] == ["paper:2401.00001"]
    back = json.loads(run(store, "related", "resnet50", "--json"))
    assert [x["name"] for x in back["outperformed_by"]] == ["Vision Transformer"]
    assert "outperforms" in run(store, "related", "ViT")


def test_related_dataset_shows_incoming_methods_papers_and_results(store):
    r = json.loads(run(store, "related", "cifar10", "--json"))
    assert r["key"] == "dataset:cifar 10" and r["evaluated_on"] == []
    assert [x["name"] for x in r["methods_evaluated"]] == ["Vision Transformer"]
    assert [x["key"] for x in r["used_by"]] == ["paper:2401.00002", "paper:2401.00005"]
    assert {x["name"]: x["support"] for x in r["results_with"]} == {"Vision Transformer": 1, "ResNet-50": 1,
                                                                      "top-1 error": 2}
    table = run(store, "related", "CIFAR-10")
    assert "methods_evaluated" in table and "used_by" in table
    task = json.loads(run(store, "related", "image classification", "--json"))
    assert [x["key"] for x in task["addressed_by"]] == ["paper:2401.00001"]


def test_trends_by_month(store):
    rows = json.loads(run(store, "trends", "methods", "-n", "1", "--json"))
    assert rows == [{"month": "2024-01", "name": "Vision Transformer", "papers": 1},
                    {"month": "2024-02", "name": "Vision Transformer", "papers": 2}]


def test_communities_deterministic(store, G):
    a = json.loads(run(store, "communities", "--json"))
    assert a == json.loads(run(store, "communities", "--json")) and a
    members = {m for c in analytics.communities(G) for m in c["keys"]}
    assert "method:vision transformer" in members


def test_cooccurrence_projection(G, store):
    C = analytics.cooccurrence(G, "Method", "Dataset")
    assert C["method:vision transformer"]["dataset:imagenet"]["weight"] == 2
    rows = json.loads(run(store, "cooccur", "method-dataset", "--json"))
    assert rows[0] == {"method": "Vision Transformer", "dataset": "ImageNet", "papers": 2}


@pytest.mark.parametrize("cmd", ["build", "stats", "top", "leaderboard", "related", "trends", "communities",
                                 "cooccur"])
def test_help_has_examples(cmd):
    r = CliRunner().invoke(cli, [cmd, "--help"])
    assert r.exit_code == 0 and re.search(r"Examples:\n +kg " + cmd, r.output)
