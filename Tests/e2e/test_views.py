"""Issue 14 in the interactive session: the researcher profile, graph and BibTeX formats, and
bar charts for `count by`, as a user meets them in a pseudo-terminal (100 columns)."""


def test_profile_is_a_page(repl):
    page = repl.run('profile "Jack Rae"')
    for heading in ["Works per year", "Topics", "Close collaborators", "Institutions", "Works", "Nearby"]:
        assert heading in page
    assert "Razvan Pascanu" in page and "Universal Transformers" in page


def test_count_by_gets_bars_on_the_terminal_and_chart_turns_them_off(repl):
    assert "█" in repl.run('papers by "Jack Rae" | count by year')
    assert "chart is off" in repl.run(":chart off")
    assert "█" not in repl.run('papers by "Jack Rae" | count by year')
    assert "chart is auto" in repl.run(":chart auto")


def test_graph_and_bibtex_formats(repl):
    assert "format is dot" in repl.run(":format dot")
    assert "graph paperql {" in repl.run('coauthors of "Jack Rae"')
    # A count is not a graph: an error at the statement, and the session goes on.
    assert "draws papers, authors, paths and profiles" in repl.run("papers | count")
    assert "format is graphml" in repl.run(":format graphml")
    assert "<graphml" in repl.run('path from "Jack Rae" to "Mostafa Dehghani"')
    assert "format is bibtex" in repl.run(":format bibtex")
    assert "@inproceedings{hoffmann2022empirical," in repl.run('papers by "Jack Rae" since 2022')
    repl.run(":format table")
