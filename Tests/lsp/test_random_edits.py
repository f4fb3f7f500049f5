"""A thousand random incremental edits per position encoding (three thousand in all), with
requests in between: the server's text stays the client's (its diagnostics equal those of the
same text opened afresh) and it never fails."""
import random

from lsprotocol import types

from conftest import diagnostics_for, new_uri, open_document, position

PIECES = [
    "papers", " by ", '"Jack Rae"', '"Łukasz Kaiser"', " since 2020", " | count by year", "\n", " (", ")",
    " and ", " or ", " not ", "📄", "# note ", '"', "let x = ", "x", " at NeurIPS", " sinse", ";", "|", " where year >= ",
    "Ł", "", " ", "coauthors of ", " within 2", " | sort by ", "title", " | show ", ",", "é", "\t",
]


async def test_random_edits_then_requests(encoded_client):
    client = encoded_client
    encoding = client.encoding
    rng = random.Random(20261130)
    text = 'papers by "Jack Rae" since 2020\n'
    uri, _ = await open_document(client, text)
    version = 1
    for step in range(1000):
        start = rng.randint(0, len(text))
        end = min(len(text), start + rng.choice([0, 0, 1, 2, 5, 12]))
        piece = rng.choice(PIECES)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=position(text, start, encoding), end=position(text, end, encoding)), text=piece)
        text = text[:start] + piece + text[end:]
        version += 1
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        if step % 10 == 0:
            at = position(text, rng.randint(0, len(text)), encoding)
            document = types.TextDocumentIdentifier(uri=uri)
            completion = await client.text_document_completion_async(types.CompletionParams(text_document=document, position=at))
            assert completion is not None
            await client.text_document_hover_async(types.HoverParams(text_document=document, position=at))
    edited = await diagnostics_for(client, uri, version)
    _, fresh = await open_document(client, text, uri=new_uri("fresh"))
    assert [(d.range, d.code, d.message, d.severity) for d in edited] == [(d.range, d.code, d.message, d.severity) for d in fresh]
