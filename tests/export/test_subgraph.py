"""Subgraph filters: types, min papers, top, since, ego view with name/alias resolution."""

from __future__ import annotations

import pytest
from export_graphs import schema_graph

from kg.errors import GraphError
from kg.export.subgraph import (SubgraphSpec, apply_filters, ego_graph, filter_min_papers, filter_since,
                                filter_types, resolve_node, top_nodes)
from kg.models import entity_key

VIT = entity_key("Method", "Vision Transformer")


def test_types_case_insensitive_and_unknown():
    H = filter_types(schema_graph(), ["method", "Dataset"])
    assert {d["label"] for _, d in H.nodes(data=True)} == {"Method", "Dataset"}
    assert all(H.nodes[u]["label"] in ("Method", "Dataset") for u, _ in H.edges())
    with pytest.raises(GraphError, match="did you mean: Dataset"):
        filter_types(schema_graph(), ["Datasets"])


def test_min_papers_and_top():
    G = schema_graph()
    assert set(filter_min_papers(G, 3)) == {entity_key("Metric", "Accuracy")}
    assert list(top_nodes(G, 1)) == [entity_key("Metric", "Accuracy")]
    assert top_nodes(G, 3, by="pagerank").number_of_nodes() == 3


def test_since_keeps_recent_papers_and_their_neighbours():
    H = filter_since(schema_graph(), "2020")
    papers = {v for v, d in H.nodes(data=True) if d["label"] == "Paper"}
    assert papers == {"paper:2101.00001", "paper:2203.00003"}
    assert entity_key("Method", "BERT") not in H and entity_key("Dataset", "GLUE") not in H
    assert VIT in H


def test_focus_resolves_names_aliases_keys():
    G = schema_graph()
    assert resolve_node(G, "vision transformer") == VIT
    assert resolve_node(G, "VIT") == VIT
    assert resolve_node(G, VIT) == VIT
    assert resolve_node(G, "ilsvrc") == entity_key("Dataset", "ImageNet")
    with pytest.raises(GraphError, match=r"no node named 'Vision Transfomer' \(close matches: Vision Transformer\)"):
        resolve_node(G, "Vision Transfomer")
    with pytest.raises(GraphError, match="no node named 'zzzz'; try"):
        resolve_node(G, "zzzz")


def test_ego_depth():
    G = schema_graph()
    one = ego_graph(G, "ViT", 1)
    two = ego_graph(G, "ViT", 2)
    assert "paper:2101.00001" in one and entity_key("Dataset", "GLUE") not in one
    assert set(one) < set(two) and entity_key("Dataset", "GLUE") not in two
    assert set(ego_graph(G, "ViT", 0)) == {VIT}


def test_apply_filters_does_not_mutate():
    G = schema_graph()
    n = G.number_of_nodes()
    H = apply_filters(G, SubgraphSpec(types=("Method",), top=2))
    assert H.number_of_nodes() == 2 and G.number_of_nodes() == n
    assert apply_filters(G, SubgraphSpec()) is not G
