// The language server's fuzz target: bytes become a stream of base-protocol messages that a
// `LanguageServer` reads from a file, after a fixed `initialize` and `didOpen`, so that mutations
// reach the requests rather than dying in the handshake.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import PaperQL
@testable import PaperQLLSP

extension FuzzTargets {
    /// The document every session opens, so that requests naming it find it.
    static let lspDocument = "file:///fuzz/script.pql"

    /// Where the servers write: kept open for the whole process, so a late answer from an
    /// earlier input never lands in a file opened since.
    static let lspOutput: Int32 = open("/dev/null", O_WRONLY)

    /// Input forms:
    /// - starting with `!`: the rest is the raw byte stream after the handshake (headers and
    ///   bodies as the fuzzer makes them: framing errors, lengths, truncation);
    /// - otherwise each line is one message body, framed with a correct `Content-Length`;
    ///   a line that is a bare method name becomes a request for it on the open document.
    static func lsp(_ bytes: [UInt8]) {
        var stream = lspFrame(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}}"#)
        stream += lspFrame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        stream += lspFrame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(lspDocument)","languageId":"paperql","version":1,"text":"papers by \"Jack Rae\" since 2020 | count by year\nlet r = papers by \"Oriol Vinyals\"\n"}}}"#)
        if bytes.first == UInt8(ascii: "!") {
            stream += bytes.dropFirst()
        } else {
            var id = 1
            for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                let text = String(decoding: line, as: UTF8.self)
                if text.hasPrefix("{") || text.hasPrefix("[") {
                    stream += lspFrame(text)
                } else {
                    // A method name and optional position: `textDocument/hover 0 12`.
                    let words = text.split(separator: " ")
                    let method = words.first.map(String.init) ?? ""
                    let line = words.count > 1 ? Int(words[1]) ?? 0 : 0
                    let character = words.count > 2 ? Int(words[2]) ?? 0 : 0
                    stream += lspFrame(#"{"jsonrpc":"2.0","id":\#(id),"method":\#(JSONString.quoted(method)),"params":{"textDocument":{"uri":"\#(lspDocument)"},"position":{"line":\#(line),"character":\#(character)},"range":{"start":{"line":0,"character":0},"end":{"line":\#(line),"character":\#(character)}},"context":{"diagnostics":[],"triggerKind":1},"options":{"tabSize":4,"insertSpaces":true},"newName":"rae2","command":"paperql.run","arguments":[\#(JSONString.quoted(lspDocument))]}}"#)
                    id += 1
                }
            }
        }
        stream += lspFrame(#"{"jsonrpc":"2.0","id":"last","method":"shutdown"}"#)
        stream += lspFrame(#"{"jsonrpc":"2.0","method":"exit"}"#)

        let path = inputPath(.lsp)
        guard FileManager.default.createFile(atPath: path, contents: Data(stream)) else { return }
        let input = open(path, O_RDONLY)
        guard input >= 0 else { return }
        defer { close(input) }
        let server = LanguageServer(output: lspOutput, debounceMilliseconds: 0, budgetMilliseconds: 50,
                                    defaultGraph: { FuzzTargets.graph })
        _ = server.run(input: input)
        server.finishRequests()
    }

    private static func lspFrame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }
}
