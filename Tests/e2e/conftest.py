"""Fixtures for driving the real `paperql` binary through a pseudo-terminal."""
import os
import pathlib

import pexpect
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def binary_path():
    """The binary under test: $PAPERQL_BIN, or the debug build that scripts/test.sh makes."""
    return os.environ.get("PAPERQL_BIN", str(REPO / ".build" / "debug" / "paperql"))


class Session:
    """One interactive paperql session in a pty, 100 columns by 30 rows."""

    PROMPT = "paperql> "
    CONTINUATION = r"   \.\.\.> "

    def __init__(self, home, args=(), timeout=30):
        env = dict(os.environ)
        env.update({
            "HOME": str(home),
            "PAPERQL_HISTORY": str(home / "history"),
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
        })
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.child = pexpect.spawn(binary_path(), list(args), env=env, encoding="utf-8",
                                   dimensions=(30, 100), timeout=timeout)
        self.child.expect("Type :help for help")
        self.child.expect_exact(self.PROMPT)

    def run(self, line):
        """Sends a line and returns what was printed before the next prompt."""
        self.drain()
        self.child.send(line + "\r")
        self.child.expect_exact(self.PROMPT)
        return self.child.before

    def drain(self):
        """Reads what is already on the screen (a redrawn prompt after a completion list)."""
        while self.child.expect([r"(?s).+", pexpect.TIMEOUT, pexpect.EOF], timeout=0.2) == 0:
            pass

    def send(self, text):
        self.child.send(text)

    def expect(self, pattern, **kwargs):
        return self.child.expect(pattern, **kwargs)

    def expect_exact(self, text, **kwargs):
        return self.child.expect_exact(text, **kwargs)

    def close_with_ctrl_d(self):
        self.child.send("\x04")
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    def terminate(self):
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def home(tmp_path):
    return tmp_path


@pytest.fixture
def repl(home):
    session = Session(home)
    yield session
    session.terminate()
