"""The interactive session as a user meets it: the real binary in a pseudo-terminal."""
import json
import random
import subprocess
import time

import pexpect
import pytest

from conftest import Session, binary_path


def test_prompt_and_a_query_prints_its_table(repl):
    output = repl.run('papers by "Jack Rae" | sort by year | limit 3')
    assert "title" in output and "year" in output and "venue" in output
    assert "(3 papers)" in output


def test_tab_completes_a_partial_author_name(repl):
    repl.send('papers by "Jack R\t')
    time.sleep(0.3)
    output = repl.run(" | count")
    # The completed name resolved: Jack Rae has 6 papers in the default corpus.
    assert "6" in output.split()
    assert "error" not in output


def test_tab_twice_lists_the_candidates_with_non_ascii_names(repl):
    repl.send('papers by "Luk\t\t')
    repl.expect_exact("Łukasz Kaiser")
    repl.expect_exact("Łukasz Kuciński")
    repl.send("\x15")  # Ctrl-U clears the line
    assert "38" in repl.run("papers | count").split()


def test_tab_completes_keywords_and_commands(repl):
    repl.send("papers | cou\t")
    time.sleep(0.3)
    assert "38" in repl.run("").split()
    repl.send(":sta\t")
    time.sleep(0.3)
    assert "authorships" in repl.run("")


def test_continuation_prompt_while_a_statement_is_open(repl):
    repl.send('(papers by "Jack Rae"\r')
    repl.expect(Session.CONTINUATION)
    output = repl.run("since 2021)")
    assert "(1 paper)" in output
    repl.send("papers by\r")
    repl.expect(Session.CONTINUATION)
    assert "6" in repl.run('"Jack Rae" | count').split()
    repl.send("papers |\r")
    repl.expect(Session.CONTINUATION)
    assert "38" in repl.run("count").split()


def test_diagnostics_point_at_the_text_just_typed(repl):
    output = repl.run('papers by "Jack Ray"')
    assert 'error: no author named "Jack Ray"' in output
    assert '          ^~~~~~~~~~' in output
    assert "Jack Rae" in output  # did you mean


def test_history_is_kept_across_sessions(home):
    first = Session(home)
    assert "2" in first.run('papers by "Oriol Vinyals" | count').split()
    first.send('(papers by "Jack Rae"\r')
    first.expect(Session.CONTINUATION)
    assert "(1 paper)" in first.run("since 2021)")
    assert first.close_with_ctrl_d() == 0
    history = (home / "history").read_text(encoding="utf-8")
    assert "Oriol\\040Vinyals" in history or "Oriol Vinyals" in history

    second = Session(home)
    try:
        second.send("\x1b[A")  # Up: the multi-line statement, as one entry
        time.sleep(0.3)
        assert "(1 paper)" in second.run("")
        second.send("\x1b[A\x1b[A")  # and the query before it
        time.sleep(0.3)
        assert "2" in second.run("").split()
        assert second.close_with_ctrl_d() == 0
    finally:
        second.terminate()


def test_ctrl_c_at_the_prompt_clears_the_line(repl):
    repl.send('papers by "Jack')
    time.sleep(0.2)
    repl.send("\x03")
    repl.expect_exact(Session.PROMPT)
    assert "38" in repl.run("papers | count").split()


def write_corpus(home, papers=20000):
    """A generated corpus: 20,000 papers load in seconds even in a debug build."""
    rng = random.Random(1)
    corpus = home / "corpus.jsonl"
    with corpus.open("w") as out:
        for index in range(papers):
            authors = ["Author %d" % rng.randrange(10000) for _ in range(3)]
            out.write(json.dumps({"id": "p%d" % index, "title": "Paper number %d about things" % index,
                                  "authors": authors, "year": 1990 + index % 35}) + "\n")
    return corpus


def cancel(session):
    """Ctrl-C while a query runs: returns how long "query cancelled" and the prompt took."""
    started = time.monotonic()
    session.send("\x03")
    session.expect_exact("query cancelled")
    session.expect_exact(Session.PROMPT)
    return time.monotonic() - started


def cancel_and_go_on(session):
    """Ctrl-C while something runs: it is cancelled quickly and the session still answers."""
    assert cancel(session) < 10
    assert "20000" in session.run("papers | count").split()
    assert session.close_with_ctrl_d() == 0


def test_ctrl_c_cancels_a_long_script_and_the_session_goes_on(home):
    # A script of 2,000 statements over all the papers runs for about a minute unless cancelled.
    corpus = write_corpus(home)
    script = home / "long.pql"
    script.write_text("papers | count by authors | count\n" * 2000)
    session = Session(home, args=["--data", str(corpus)], timeout=60)
    try:
        session.send(":run %s\r" % script)
        session.expect(r"\d{4}\r\n")  # the first statements have printed
        time.sleep(0.5)
        cancel_and_go_on(session)
    finally:
        session.terminate()


def test_ctrl_c_cancels_one_long_query(home):
    # One statement that scans every title forty times over (each `~` is a row-by-row test):
    # over ten seconds in a debug build unless cancelled.
    corpus = write_corpus(home)
    query = " or ".join('title ~ "zq%d"' % n for n in range(40))
    session = Session(home, args=["--data", str(corpus)], timeout=60)
    try:
        session.send("papers where %s | count\r" % query)
        time.sleep(1.0)
        cancel_and_go_on(session)
    finally:
        session.terminate()


LONG_CORPUS_PAPERS = 10000


def write_long_corpus(home):
    """10,000 papers with abstracts of 200 words, by authors in two halves that never write
    together ("Author 0"… and "Author 100000"…); in each half, one paper in fifty is a
    collaboration of 700 authors, which makes coauthor searches long."""
    rng = random.Random(2)
    words = ("memory sparse attention graph network training language vision robust optimal search "
             "transformer gradient kernel entropy sample").split()
    corpus = home / "long.jsonl"
    with corpus.open("w") as out:
        for index in range(LONG_CORPUS_PAPERS):
            half = index % 2
            first = rng.randrange(2500)
            if index % 100 < 2:
                numbers = [first + n for n in range(700)]
            else:
                numbers = [first + 7 * n for n in range(4)]
            out.write(json.dumps({
                "id": "p%d" % index,
                "title": "A study of %s and %s, number %d" % (rng.choice(words), rng.choice(words), index),
                "authors": ["Author %d" % (half * 100000 + number % 2500) for number in numbers],
                "year": 1990 + index % 35,
                "abstract": " ".join(rng.choice(words) for _ in range(200))}) + "\n")
    return corpus


class SharedSession:
    """One session over the long corpus for the tests that share it (loading takes seconds in a
    debug build); a test that fails discards it, and the next one starts another."""

    def __init__(self, home):
        self.home = home
        self.corpus = write_long_corpus(home)
        self.session = None

    def get(self):
        if self.session is None:
            self.session = Session(self.home, args=["--data", str(self.corpus)], timeout=120)
        return self.session

    def discard(self):
        if self.session is not None:
            self.session.terminate()
            self.session = None


@pytest.fixture(scope="module")
def long_corpus_session(tmp_path_factory):
    shared = SharedSession(tmp_path_factory.mktemp("long-corpus"))
    yield shared
    shared.discard()


def repeated(statement, times):
    return "; ".join([statement] * times)


# Each runs for seconds in a debug build unless cancelled. A text scan, a phrase check, a
# coauthor search or a path search is long by itself over this corpus; a sort, `count by` or
# `authors of` over 10,000 papers takes a tenth of a second or less, so those are repeated, as
# stages of one statement or as statements on one line.
LONG_QUERIES = {
    # One scan, testing ten predicates on every row.
    "text scan and count": "papers where %s | count" % " and ".join('abstract ~ "%s"' % letter
                                                                     for letter in "eaoinrstmg"),
    "phrase": "papers matching '\"memory sparse\" \"sparse memory\"' | count",
    "sort by title": "papers" + " | sort by title | sort by year" * 40 + " | count",
    "count by authors": repeated("papers | count by authors | count", 150),
    "authors of": repeated("authors of (papers) | count", 200),
    "coauthors within": 'coauthors of "Author 1" within 50 | count',
    "path": 'path from "Author 1" to "Author 100001"',  # none: both halves are searched
}


@pytest.mark.parametrize("kind", sorted(LONG_QUERIES))
def test_ctrl_c_cancels_each_kind_of_long_query_and_the_session_goes_on(long_corpus_session, kind):
    session = long_corpus_session.get()
    try:
        session.drain()
        session.send(LONG_QUERIES[kind] + "\r")
        if "; " in LONG_QUERIES[kind]:
            session.expect(r"\n\d+\r\n")  # the first statement has answered: the line was read
        time.sleep(1.0)
        # The evaluator looks at the flag every few milliseconds: a second is plenty on a busy
        # machine, and far less than what is left of any of these queries.
        assert cancel(session) < 1
        assert str(LONG_CORPUS_PAPERS) in session.run("papers | count").split()
    except BaseException:
        long_corpus_session.discard()
        raise


def test_ctrl_d_leaves_with_status_zero(repl):
    assert repl.close_with_ctrl_d() == 0


def test_meta_commands(repl, home):
    assert ":explain QUERY" in repl.run(":help")
    assert "| count by FIELD" in repl.run(":help stages")
    assert "did you mean :format?" in repl.run(":fromat json")
    assert "format is json" in repl.run(":format json")
    assert '"kind"' in repl.run('papers by "Oriol Vinyals"')
    repl.run(":format table")
    repl.run(":timing on")
    assert "time:" in repl.run("papers | count")
    repl.run(":timing off")
    stats = repl.run(":stats")
    assert "papers" in stats and "38" in stats
    explained = repl.run(':explain papers by "Jack Rae" since 2020')
    assert '"Jack Rae" → Jack Rae (6 papers' in explained
    assert "rae: 6 papers" in repl.run('let rae = papers by "Jack Rae"')
    assert "rae: 6 papers" in repl.run(":vars")
    extra = home / "extra.jsonl"
    extra.write_text(json.dumps({"id": "new-1", "title": "A new paper", "authors": ["Jack Rae", "Ada Lovelace"],
                                 "year": 2024}) + "\n")
    loaded = repl.run(":load %s" % extra)
    assert "loaded 1 paper" in loaded and "39 papers" in loaded and "let names were cleared" in loaded
    assert "7" in repl.run('papers by "Jack Rae" | count').split()
    # :load takes every format, through the same loading path as --data.
    bib = home / "extra.bib"
    bib.write_text("@inproceedings{lovelace1843, title={Notes on the Analytical Engine}, "
                   "author={Lovelace, Ada}, year={1843}, booktitle={Scientific Memoirs}}\n")
    loaded = repl.run(":load %s" % bib)
    assert "loaded 1 paper" in loaded and "40 papers" in loaded
    assert "2" in repl.run('papers by "Ada Lovelace" | count').split()
    script = home / "script.pql"
    script.write_text('let ada = papers by "Ada Lovelace"\nada | count\n')
    assert "2" in repl.run(":run %s" % script).split()
    assert repl.close_with_ctrl_d() == 0


def test_piped_input_runs_as_batch_without_a_prompt():
    done = subprocess.run([binary_path()], input="papers | count\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == "38"
    assert "paperql>" not in done.stdout + done.stderr
