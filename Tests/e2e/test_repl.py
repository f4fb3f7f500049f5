"""The interactive session as a user meets it: the real binary in a pseudo-terminal."""
import json
import random
import subprocess
import time

import pexpect

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


def cancel_and_go_on(session):
    """Ctrl-C while something runs: it is cancelled quickly and the session still answers."""
    started = time.monotonic()
    session.send("\x03")
    session.expect_exact("query cancelled")
    session.expect_exact(Session.PROMPT)
    assert time.monotonic() - started < 10
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
    script = home / "script.pql"
    script.write_text('let ada = papers by "Ada Lovelace"\nada | count\n')
    assert "1" in repl.run(":run %s" % script).split()
    assert repl.close_with_ctrl_d() == 0


def test_piped_input_runs_as_batch_without_a_prompt():
    done = subprocess.run([binary_path()], input="papers | count\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == "38"
    assert "paperql>" not in done.stdout + done.stderr
