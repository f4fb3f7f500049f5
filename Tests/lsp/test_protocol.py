"""The protocol's edges: unknown methods and documents, cancellation, shutdown, bad input."""
import asyncio
import json
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import binary_path, new_uri, open_document, start


async def test_unknown_method_is_method_not_found(client):
    with pytest.raises(JsonRpcException) as caught:
        await client.protocol.send_request_async("paperql/noSuchThing", {})
    assert caught.value.code == -32601 or "-32601" in str(caught.value)


async def test_unknown_document_is_an_error(client):
    with pytest.raises(JsonRpcException) as caught:
        await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=new_uri("never-opened")), position=types.Position(0, 0)))
    assert "unknown document" in str(caught.value)


async def test_positions_past_the_end_are_clamped(client):
    uri, _ = await open_document(client, "papers\n")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(99, 99)))
    assert result is not None


async def test_cancelled_requests_answer_once_each(client):
    """Every request answers exactly once, with its result or RequestCancelled (-32800)."""
    uri, _ = await open_document(client, 'papers by "Jack Rae" ')
    params = types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 21))
    futures = [client.protocol.send_request(types.TEXT_DOCUMENT_COMPLETION, params, msg_id=f"c{n}") for n in range(50)]
    for n in range(50):
        client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=f"c{n}"))
    outcomes = []
    for future in futures:
        try:
            await asyncio.wait_for(asyncio.wrap_future(future), 10)
            outcomes.append("answered")
        except JsonRpcException as error:
            assert "-32800" in str(error) or getattr(error, "code", None) == -32800, str(error)
            outcomes.append("cancelled")
    assert len(outcomes) == 50
    result = await client.text_document_completion_async(params)
    assert result.items


def raw(messages, extra=b""):
    """Runs the server on raw bytes; returns (exit status, responses by id)."""
    data = b"".join(
        f"Content-Length: {len(body)}\r\n\r\n".encode() + body
        for body in (m if isinstance(m, bytes) else json.dumps(m).encode() for m in messages)
    ) + extra
    process = subprocess.run([binary_path(), "lsp"], input=data, capture_output=True, timeout=60)
    responses = {}
    out = process.stdout
    while out:
        header, _, rest = out.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        message = json.loads(rest[:length])
        responses[message.get("id")] = message
        out = rest[length:]
    return process.returncode, responses


INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}


def test_shutdown_then_exit_exits_zero():
    status, responses = raw([INIT, {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                             {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
                             {"jsonrpc": "2.0", "method": "exit"}])
    assert status == 0
    assert responses[2]["result"] is None
    assert responses[1]["result"]["capabilities"]["positionEncoding"] == "utf-16"


def test_exit_without_shutdown_exits_one():
    status, _ = raw([INIT, {"jsonrpc": "2.0", "method": "exit"}])
    assert status == 1


def test_requests_before_initialize_are_refused():
    _, responses = raw([{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {}}])
    assert responses[7]["error"]["code"] == -32002


def test_garbage_never_crashes_the_server():
    deep = b"[" * 100000 + b"]" * 100000
    messages = [
        INIT,
        b"{not json",
        deep,
        b"[]",
        b'"just a string"',
        {"jsonrpc": "2.0", "id": {"an": "object"}, "method": "shutdown"},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": {"textDocument": {"uri": 5}, "position": "x"}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": None},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///a.pql", "version": 1e300, "text": "papers"}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///a.pql", "version": 2},
         "contentChanges": [{"range": {"start": {"line": -5, "character": 1e300}, "end": {"line": 1e9, "character": -1}}, "text": "Ł"}]}},
        {"jsonrpc": "2.0", "id": 5, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///a.pql"}, "position": {"line": 0, "character": 1e300}}},
        {"jsonrpc": "2.0", "id": 6, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    status, responses = raw(messages, extra=b"Content-Length: nope\r\n\r\n")
    assert status == 0
    assert responses[None]["error"]["code"] in (-32700, -32600)
    assert responses[3]["error"]["code"] == -32602
    assert responses[4]["error"]["code"] == -32602
    assert "result" in responses[5]
    assert responses[6]["result"] is None
