"""DOT and GraphML from the real binary, parsed back by real readers: networkx reads the
GraphML, Graphviz's `dot` reads the DOT; what they find is checked against the JSON answer to
the same query and against a plain count over the papers."""
import io
import itertools
import json
import shutil
import subprocess
from collections import Counter

import networkx as nx
import pytest

QUERIES = [
    'coauthors of "Jack Rae"',
    'coauthors of "Jack Rae" within 2',
    'path from "Jack Rae" to "Mostafa Dehghani"',
    'papers by "Łukasz Kaiser"',
    'papers matching "language models"',
]


def read_graphml(text):
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")))


@pytest.mark.parametrize("query", QUERIES)
def test_networkx_reads_the_graphml(paperql, query):
    graph = read_graphml(paperql("graphml", query))
    assert graph.number_of_nodes() > 0
    for _, data in graph.nodes(data=True):
        assert data["label"]
        assert data["kind"] in {"person", "author", "topic", "institution"}
    for _, _, data in graph.edges(data=True):
        assert data["weight"] >= 1


def test_coauthors_are_the_json_rows_around_the_person(paperql, paperql_json):
    graph = read_graphml(paperql("graphml", 'coauthors of "Jack Rae"'))
    rows = paperql_json('coauthors of "Jack Rae"')["rows"]
    labels = {data["label"]: node for node, data in graph.nodes(data=True)}
    assert set(labels) == {row["name"] for row in rows} | {"Jack Rae"}
    rae = labels["Jack Rae"]
    assert graph.nodes[rae]["kind"] == "person"
    for row in rows:
        assert graph.edges[rae, labels[row["name"]]]["weight"] == row["shared"]


def test_paper_graph_weights_are_papers_shared_within_the_set(paperql, paperql_json):
    query = 'papers by "Łukasz Kaiser"'
    graph = read_graphml(paperql("graphml", query))
    papers = paperql_json(query + " | show authors")["rows"]
    expected = Counter()
    for paper in papers:
        for pair in itertools.combinations(sorted(set(paper["authors"])), 2):
            expected[pair] += 1
    found = Counter()
    for a, b, data in graph.edges(data=True):
        found[tuple(sorted((graph.nodes[a]["label"], graph.nodes[b]["label"])))] = data["weight"]
    assert found == expected
    counts = Counter(name for paper in papers for name in set(paper["authors"]))
    assert {data["label"]: data["papers"] for _, data in graph.nodes(data=True)} == dict(counts)


def test_a_path_is_a_directed_chain_with_its_papers(paperql, paperql_json):
    query = 'path from "Jack Rae" to "Mostafa Dehghani"'
    graph = read_graphml(paperql("graphml", query))
    steps = paperql_json(query)["steps"]
    assert graph.is_directed()
    chain = nx.dag_longest_path(graph)
    assert [graph.nodes[node]["label"] for node in chain] == [step["author"] for step in steps]
    for (a, b), step in zip(zip(chain, chain[1:]), steps[1:]):
        assert graph.edges[a, b]["paper"] == step["via"]["title"]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (scripts/test.sh installs it)")
@pytest.mark.parametrize("query", QUERIES)
def test_graphviz_reads_the_dot_as_the_same_graph(paperql, query):
    drawn = subprocess.run(["dot", "-Tjson"], input=paperql("dot", query), capture_output=True, text=True, check=True)
    layout = json.loads(drawn.stdout)
    graph = read_graphml(paperql("graphml", query))
    assert sorted(obj["label"] for obj in layout.get("objects", [])) == \
        sorted(data["label"] for _, data in graph.nodes(data=True))
    assert len(layout.get("edges", [])) == graph.number_of_edges()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (scripts/test.sh installs it)")
def test_svg_is_drawn(paperql):
    svg = paperql("svg", 'coauthors of "Jack Rae"')
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Razvan Pascanu" in svg
