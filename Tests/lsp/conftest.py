"""Fixtures: the real `paperql lsp` binary driven by a real LSP client (pytest-lsp)."""
import os
import pathlib
import sys

import asyncio

import pytest_lsp
import pytest_lsp.client
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[2]


def binary_path():
    """The binary under test: $PAPERQL_BIN, or the debug build that scripts/test.sh makes."""
    return os.environ.get("PAPERQL_BIN", str(REPO / ".build" / "debug" / "paperql"))


def _record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
    """Keeps every published diagnostics notification, with its version, in order."""
    client.diagnostics[params.uri] = params.diagnostics
    if not hasattr(client, "published"):
        client.published = []
    client.published.append(params)


pytest_lsp.client.DEFAULT_CLIENT_FEATURES[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_diagnostics

SERVER = ClientServerConfig(server_command=[binary_path(), "lsp"])


def capabilities(encodings):
    """Neovim's client capabilities, offering these position encodings (None: none offered)."""
    caps = client_capabilities("neovim")
    if caps.general is None:
        caps.general = types.GeneralClientCapabilities()
    caps.general.position_encodings = encodings
    return caps


async def start(client, encodings=None, options=None, root=None):
    params = types.InitializeParams(
        capabilities=capabilities(encodings),
        initialization_options=options,
        root_uri=root.as_uri() if root else None,
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="w")] if root else None,
    )
    return await client.initialize_session(params)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    """A server over the default corpus; the client offers UTF-8 (as Neovim does)."""
    lsp_client.initialize_result = await start(lsp_client, [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
    yield
    await lsp_client.shutdown_session()


ENCODINGS = {
    "utf-8": [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16],
    "utf-16": None,
    "utf-32": [types.PositionEncodingKind.Utf32],
}


@pytest_lsp.fixture(config=SERVER, params=list(ENCODINGS))
async def encoded_client(lsp_client: LanguageClient, request):
    """A server in each position encoding: UTF-8 offered, nothing offered (UTF-16), UTF-32 only."""
    result = await start(lsp_client, ENCODINGS[request.param])
    lsp_client.encoding = request.param
    assert result.capabilities.position_encoding == request.param
    yield
    await lsp_client.shutdown_session()


def units(text, encoding):
    """The length of text in an encoding's code units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def position(text, offset, encoding):
    """The LSP position of a character offset in text."""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return types.Position(line=line, character=units(before[start:], encoding))


URI_COUNTER = [0]


def new_uri(name="query"):
    URI_COUNTER[0] += 1
    return f"file:///tmp/paperql-lsp-test/{name}-{URI_COUNTER[0]}.pql"


async def open_document(client, text, uri=None, version=1):
    """Opens a document and returns (uri, its first published diagnostics)."""
    uri = uri or new_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="paperql", version=version, text=text)))
    return uri, await diagnostics_for(client, uri, version)


async def diagnostics_for(client, uri, version, timeout=20):
    """Waits for the diagnostics of this version of a document (and checks that versions only
    go forward)."""
    for _ in range(int(timeout / 0.01)):
        published = [p for p in getattr(client, "published", []) if p.uri == uri]
        versions = [p.version for p in published if p.version is not None]
        assert versions == sorted(versions), f"diagnostics went back in versions: {versions}"
        for params in published:
            if params.version == version:
                return params.diagnostics
        assert version is None or all(v <= version for v in versions), f"versions {versions} passed {version}"
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for version {version} of {uri}")


@pytest_lsp.fixture(config=SERVER)
async def bare_client(lsp_client: LanguageClient):
    """A server not yet initialized: the test initializes it (with its own data); it is shut down
    here."""
    yield
    await lsp_client.shutdown_session()
