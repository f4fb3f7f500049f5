"""Formatting: the editor request and `paperql fmt [--check]`."""
import subprocess

from lsprotocol import types

from conftest import binary_path, open_document

UGLY = 'PAPERS   BY "Łukasz Kaiser"  SINCE 2016|count by year  # per year\n'
PRETTY = 'papers by "Łukasz Kaiser" since 2016 | count by year  # per year\n'


async def test_formatting_request(client):
    uri, _ = await open_document(client, UGLY)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    [edit] = edits
    assert edit.new_text == PRETTY
    assert edit.range.start == types.Position(0, 0)
    assert edit.range.end == types.Position(1, 0)
    uri, _ = await open_document(client, PRETTY)
    unchanged = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert list(unchanged) == []


def fmt(*args, input=None):
    return subprocess.run([binary_path(), "fmt", *args], input=input, capture_output=True, timeout=60)


def test_fmt_check_and_write(tmp_path):
    script = tmp_path / "report.pql"
    script.write_text(UGLY)
    checked = fmt("--check", str(script))
    assert checked.returncode == 1
    assert checked.stdout.decode().strip() == str(script)
    assert script.read_text() == UGLY
    assert fmt(str(script)).returncode == 0
    assert script.read_text() == PRETTY
    assert fmt("--check", str(script)).returncode == 0


def test_fmt_stdin_and_syntax_errors(tmp_path):
    assert fmt(input=UGLY.encode()).stdout.decode() == PRETTY
    broken = tmp_path / "broken.pql"
    broken.write_text("papers by\n")
    result = fmt(str(broken))
    assert result.returncode == 1
    assert "not formatted" in result.stderr.decode()
    assert broken.read_text() == "papers by\n"


async def test_range_formatting_formats_the_statements_it_meets(client):
    text = 'papers   by "Jack Rae"\nPAPERS  at NeurIPS\n'
    uri, _ = await open_document(client, text)
    edits = await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(1, 2), end=types.Position(1, 3)),
        options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert [(e.range.start.line, e.new_text) for e in edits] == [(1, "papers at NeurIPS")]
