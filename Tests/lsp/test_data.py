"""Which data the server answers over: initializationOptions, a paperql.json at the workspace
root, reloaded when the files change."""
import asyncio
import json

from lsprotocol import types

from conftest import diagnostics_for, open_document, start

BIB = """@article{a1,
  author = {Ada Lovelace and Charles Babbage},
  title = {Notes on the Analytical Engine},
  journal = {Taylor's Scientific Memoirs},
  year = {1843}
}
"""

MORE = BIB + """@article{h1,
  author = {Grace Hopper},
  title = {The Education of a Computer},
  journal = {Proceedings of the ACM},
  year = {1952}
}
"""


async def completion_labels(client, text):
    uri, _ = await open_document(client, text)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, len(text))))
    return [item.label for item in result.items]


async def test_data_from_initialization_options(bare_client, tmp_path):
    (tmp_path / "papers.bib").write_text(BIB)
    await start(bare_client, options={"data": [str(tmp_path / "papers.bib")]})
    assert await completion_labels(bare_client, 'papers by "Ada') == ["Ada Lovelace"]


async def test_data_from_paperql_json_reloaded_when_it_changes(bare_client, tmp_path):
    (tmp_path / "papers.bib").write_text(BIB)
    (tmp_path / "paperql.json").write_text(json.dumps({"data": ["papers.bib"]}))
    await start(bare_client, root=tmp_path)
    _, diagnostics = await open_document(bare_client, 'papers by "Grace Hopper"\n')
    assert [d.code for d in diagnostics] == ["sema.unknownAuthor"]
    (tmp_path / "papers.bib").write_text(MORE)
    bare_client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / "papers.bib").as_uri(), type=types.FileChangeType.Changed)]))
    for _ in range(200):
        await asyncio.sleep(0.05)
        labels = await completion_labels(bare_client, 'papers by "Gra')
        if labels:
            break
    assert labels == ["Grace Hopper"]


async def test_default_corpus_without_configuration(bare_client, tmp_path):
    await start(bare_client, root=tmp_path)
    assert "Jack Rae" in await completion_labels(bare_client, 'papers by "Jack R')


async def test_a_paperql_json_created_later_is_picked_up(bare_client, tmp_path):
    await start(bare_client, root=tmp_path)
    assert await completion_labels(bare_client, 'papers by "Ada L') == []
    (tmp_path / "papers.bib").write_text(BIB)
    (tmp_path / "paperql.json").write_text(json.dumps({"data": ["papers.bib"]}))
    bare_client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / "paperql.json").as_uri(), type=types.FileChangeType.Created)]))
    for _ in range(200):
        await asyncio.sleep(0.05)
        labels = await completion_labels(bare_client, 'papers by "Ada L')
        if labels:
            break
    assert labels == ["Ada Lovelace"]
