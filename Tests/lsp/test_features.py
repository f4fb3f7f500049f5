"""Diagnostics, completion and hover through a real client, in every position encoding."""
import pytest
from lsprotocol import types

from conftest import diagnostics_for, new_uri, open_document, position, units


async def test_unknown_author_is_an_error_with_did_you_mean(client):
    uri, diagnostics = await open_document(client, 'papers by "Jack Ray" since 2020\n')
    assert [d.code for d in diagnostics] == ["sema.unknownAuthor"]
    [error] = diagnostics
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.source == "paperql"
    assert error.range == types.Range(start=types.Position(0, 10), end=types.Position(0, 20))
    assert 'did you mean "Jack Rae"' in error.message


async def test_an_empty_answer_is_a_warning(client):
    _, diagnostics = await open_document(client, 'papers by "Jack Rae" before 1990\n')
    assert [d.severity for d in diagnostics] == [types.DiagnosticSeverity.Warning]
    assert diagnostics[0].code == "sema.emptyResult"


async def test_a_syntax_error_and_a_keyword_typo(client):
    _, diagnostics = await open_document(client, 'papers by "Jack Rae" sinse 2020\npapers |\n')
    assert [d.code for d in diagnostics] == ["parse.expectedEndOfStatement", "parse.expected"]
    assert "did you mean `since`?" in diagnostics[0].message


async def test_diagnostics_follow_full_and_incremental_changes(client):
    uri, diagnostics = await open_document(client, 'papers by "Jack Rae"\n')
    assert list(diagnostics) == []
    # Incremental: "Rae" becomes "Ray".
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(0, 16), end=types.Position(0, 19)), text="Ray")]))
    assert [d.code for d in await diagnostics_for(client, uri, 2)] == ["sema.unknownAuthor"]
    # Full: the whole text.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="papers at NeurIPS\n")]))
    assert list(await diagnostics_for(client, uri, 3)) == []


async def test_closing_clears_diagnostics(client):
    uri, diagnostics = await open_document(client, 'papers by "Jack Ray"\n')
    assert diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await diagnostics_for(client, uri, None)


async def test_completion_offers_what_the_parser_allows(client):
    text = 'papers by "Jack Rae" '
    uri, _ = await open_document(client, text)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, len(text))))
    labels = [item.label for item in result.items]
    assert {"and", "or", "since", "at"} <= set(labels)
    assert "papers" not in labels


async def test_no_filter_is_offered_after_authors(client):
    uri, _ = await open_document(client, "authors s")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 9)))
    assert [item.label for item in result.items] == []


async def test_author_completion_has_paper_counts_and_years(client):
    text = 'papers by "Jack R'
    uri, _ = await open_document(client, text)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, len(text))))
    first = result.items[0]
    assert first.label == "Jack Rae"
    assert first.detail.startswith("6 papers, ")
    assert first.text_edit.new_text == '"Jack Rae"'
    assert first.text_edit.range == types.Range(start=types.Position(0, 10), end=types.Position(0, 17))


async def test_let_names_are_completed(client):
    text = 'let rae = papers by "Jack Rae"\nr'
    uri, _ = await open_document(client, text)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 1)))
    assert "rae" in [item.label for item in result.items]


# Non-ASCII before the cursor: "Łukasz" is 7 UTF-8 bytes, 6 UTF-16 units; an emoji in a
# comment is 4 bytes, 2 UTF-16 units, 1 code point. (Parentheses keep the statement open.)
NON_ASCII = '(papers by "Łukasz Kaiser" # 📄 notes\n  and "Łukasz Kaiser" sinse 2018)\n'


async def test_columns_after_non_ascii_names(encoded_client):
    client = encoded_client
    encoding = client.encoding
    _, diagnostics = await open_document(client, NON_ASCII)
    [typo] = diagnostics
    line = NON_ASCII.splitlines()[1]
    start = line.index("sinse")
    assert typo.range.start == types.Position(1, units(line[:start], encoding))
    assert typo.range.end == types.Position(1, units(line[:start + 5], encoding))


async def test_hover_and_completion_in_each_encoding(encoded_client):
    client = encoded_client
    encoding = client.encoding
    text = '(papers by "Łukasz Kaiser" # 📄\n  or "Łukasz Ka'
    uri, _ = await open_document(client, text)
    # Hover over the second character of "Kaiser" on the first line.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, text.index("Kaiser") + 1, encoding)))
    assert "Łukasz Kaiser" in hover.contents.value
    assert hover.range.start == position(text, text.index('"Łukasz'), encoding)
    assert hover.range.end == position(text, text.index('" #') + 1, encoding)
    # Complete at the end of the second line: the string typed so far is replaced.
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, len(text), encoding)))
    [item] = [i for i in result.items if i.label == "Łukasz Kaiser"]
    assert item.text_edit.range.start == position(text, text.rindex('"Łukasz'), encoding)
    assert item.text_edit.range.end == position(text, len(text), encoding)


async def test_hover_on_a_keyword_and_a_field(client):
    text = "papers  since 2020 | show title"
    uri, _ = await open_document(client, text)
    keyword = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 9)))
    assert "keyword `since`" in keyword.contents.value
    field = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 28)))
    assert "field `title`" in field.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 7)))
    assert nothing is None
