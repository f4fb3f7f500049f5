"""Signature help, symbols, let names (definition, references, rename), semantic tokens, quick
fixes, inlay hints, commands and folding, through a real client."""
import asyncio

from lsprotocol import types

from conftest import diagnostics_for, open_document, position

LETS = 'let rae = papers by "Jack Rae"\nlet recent = rae since 2020\nrecent | count\nrae at NeurIPS\n'


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


async def test_signature_help_for_stages(client):
    text = "papers | sort by year "
    uri, _ = await open_document(client, text)
    help = await client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=doc(uri), position=types.Position(0, len(text))))
    assert help.signatures[0].label == "sort by FIELD [asc|desc], …"
    assert help.active_parameter == 1
    none = await client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=doc(uri), position=types.Position(0, 3)))
    assert none is None


async def test_document_symbols_are_the_let_statements(client):
    uri, _ = await open_document(client, LETS)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(uri)))
    assert [s.name for s in symbols] == ["rae", "recent"]
    assert symbols[0].selection_range == types.Range(start=types.Position(0, 4), end=types.Position(0, 7))


async def test_definition_references_and_rename_of_a_let_name(client):
    uri, _ = await open_document(client, LETS)
    use = types.Position(3, 1)  # the `rae` of the last line
    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=doc(uri), position=use))
    assert definition.range == types.Range(start=types.Position(0, 4), end=types.Position(0, 7))
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uri), position=use, context=types.ReferenceContext(include_declaration=True)))
    assert [r.range.start for r in references] == [types.Position(0, 4), types.Position(1, 13), types.Position(3, 0)]
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=doc(uri), position=use))
    assert prepared is not None
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc(uri), position=use, new_name="jack"))
    assert sorted(e.range.start.line for e in edit.changes[uri]) == [0, 1, 3]
    assert all(e.new_text == "jack" for e in edit.changes[uri])


async def test_semantic_tokens_tell_names_fields_and_authors(client):
    text = 'let rae = papers by "Jack Rae" # mine\nrae | show title\n'
    uri, _ = await open_document(client, text)
    legend = client.initialize_result.capabilities.semantic_tokens_provider.legend
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc(uri)))
    data = tokens.data
    assert len(data) % 5 == 0
    kinds = [data[i + 3] for i in range(0, len(data), 5)]
    names = [legend.token_types[k] for k in kinds]
    assert names == ["keyword", "variable", "operator", "keyword", "keyword", "parameter", "comment",
                     "variable", "operator", "keyword", "property"]
    assert data[4] == 0 and data[5 + 4] == 1  # `let` plain, `rae` a declaration
    ranged = await client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(
        text_document=doc(uri), range=types.Range(start=types.Position(1, 0), end=types.Position(1, 16))))
    assert len(ranged.data) == 4 * 5


async def test_quick_fixes_from_did_you_mean(client):
    text = 'papers by "Jack Ray" sinse 2020\n(papers by "Jack Rae"'
    uri, diagnostics = await open_document(client, text)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=types.Position(0, 0), end=types.Position(2, 0)),
        context=types.CodeActionContext(diagnostics=list(diagnostics))))
    edits = [(a.edit.changes[uri][0].new_text, a.edit.changes[uri][0].range.start) for a in actions]
    assert ('since', types.Position(0, 21)) in edits
    assert (')', types.Position(1, 21)) in edits
    uri, _ = await open_document(client, 'papers by "Jack Ray" since 2020\n')
    author = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=types.Range(start=types.Position(0, 12), end=types.Position(0, 12)),
        context=types.CodeActionContext(diagnostics=[])))
    assert any(a.edit.changes[uri][0].new_text == '"Jack Rae"' for a in author)


async def test_inlay_hints_give_each_statement_its_size(client):
    text = 'papers by "Jack Rae"\nauthors of (papers by "Jack Rae") | limit 3\n'
    uri, _ = await open_document(client, text)
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=doc(uri), range=types.Range(start=types.Position(0, 0), end=types.Position(3, 0))))
    assert [h.label for h in hints] == [" → 6 papers", " → 3 authors"]
    assert hints[0].position == types.Position(0, 20)


async def test_run_and_explain_commands(client):
    uri, _ = await open_document(client, LETS)
    run = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="paperql.run", arguments=[uri, {"line": 2, "character": 0}]))
    assert run["output"] == "2\n"  # Jack Rae since 2020
    explain = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="paperql.explain", arguments=[uri, {"line": 3, "character": 0}]))
    assert explain["output"]


async def test_folding_ranges_for_statements_over_several_lines(client):
    text = '(papers by "Jack Rae"\n  since 2020)\npapers\n'
    uri, _ = await open_document(client, text)
    ranges = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(uri)))
    assert [(r.start_line, r.end_line) for r in ranges] == [(0, 1)]


async def test_hover_shows_an_authors_coauthors_and_a_let_names_size(client):
    uri, _ = await open_document(client, LETS)
    author = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=types.Position(0, 22)))
    assert "Jack Rae — 6 papers" in author.contents.value
    assert "most with " in author.contents.value
    name = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=types.Position(3, 1)))
    assert "`rae`: a `let` name holding" in name.contents.value
    assert name.contents.value.endswith("6 papers")
