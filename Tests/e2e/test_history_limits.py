"""The history file cannot hang, flood or clobber: a FIFO, a device, an oversized file and a file
not in libedit's format are left alone with a warning; a huge statement is not kept."""
import os

import pexpect

from conftest import binary_path

PROMPT = "paperql> "


def spawn(home, history):
    env = dict(os.environ)
    env.update({"HOME": str(home), "PAPERQL_HISTORY": str(history), "TERM": "xterm",
                "LANG": "C.UTF-8", "NO_COLOR": "1"})
    return pexpect.spawn(binary_path(), [], env=env, encoding="utf-8", dimensions=(30, 100), timeout=15)


def leave(child):
    child.send("\x04")
    child.expect(pexpect.EOF)
    child.close()


def test_a_fifo_history_file_does_not_block_the_prompt(tmp_path):
    fifo = tmp_path / "history"
    os.mkfifo(fifo)
    child = spawn(tmp_path, fifo)
    child.expect("not a regular file; history is not kept")
    child.expect_exact(PROMPT)
    leave(child)


def test_dev_full_as_history_is_not_read(tmp_path):
    child = spawn(tmp_path, "/dev/full")
    child.expect("not a regular file")
    child.expect_exact(PROMPT)
    leave(child)


def test_a_file_not_in_libedits_format_is_left_alone(tmp_path):
    history = tmp_path / "history"
    history.write_text("my precious notes\n")
    child = spawn(tmp_path, history)
    child.expect("not in libedit's format")
    child.expect_exact(PROMPT)
    child.send("papers | count\r")
    child.expect_exact(PROMPT)
    leave(child)
    assert history.read_text() == "my precious notes\n"


def test_an_oversized_history_file_is_left_alone(tmp_path):
    history = tmp_path / "history"
    history.write_bytes(b"_HiStOrY_V2_\n" + b"x" * (5 << 20))
    child = spawn(tmp_path, history)
    child.expect("is over 4 MB")
    child.expect_exact(PROMPT)
    leave(child)
    assert history.stat().st_size == 13 + (5 << 20)


def test_a_huge_statement_is_run_but_not_kept(tmp_path):
    history = tmp_path / "history"
    child = spawn(tmp_path, history)
    child.expect_exact(PROMPT)
    child.send("papers | count\r")
    child.expect_exact(PROMPT)
    leave(child)
    kept = history.read_text()
    assert "papers\\040|\\040count" in kept
    # A statement over the entry limit (4 KB) is not written.
    child = spawn(tmp_path, history)
    child.expect_exact(PROMPT)
    child.send("papers " + "#" * 5000 + "\r")
    child.expect_exact(PROMPT)
    leave(child)
    assert history.read_text() == kept
