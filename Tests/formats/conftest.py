"""Fixtures for reading PaperQL's graph formats back with real readers (networkx, Graphviz)."""
import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def binary_path():
    """The binary under test: $PAPERQL_BIN, or the debug build that scripts/test.sh makes."""
    return os.environ.get("PAPERQL_BIN", str(REPO / ".build" / "debug" / "paperql"))


@pytest.fixture
def paperql():
    """Runs `paperql --format FORMAT -e QUERY` and returns standard output."""
    def run(fmt, query):
        done = subprocess.run([binary_path(), "--format", fmt, "-e", query], capture_output=True,
                              text=True, check=False, env={**os.environ, "NO_COLOR": "1"})
        assert done.returncode == 0, done.stderr
        return done.stdout
    return run


@pytest.fixture
def paperql_json(paperql):
    def run(query):
        return json.loads(paperql("json", query))
    return run
