import Dispatch
import Foundation
import PaperQL
import Synchronization

/// `paperql lsp`: a Language Server Protocol 3.17 server on standard input and output, a thin
/// client of the library's `LanguageService`.
///
/// Messages are read one at a time on the calling thread; document changes are applied there, in
/// order, so every request sees the edits sent before it. Requests and diagnostics run on other
/// threads: a request can be cancelled (`$/cancelRequest`) until it answers, and a document's
/// diagnostics wait a moment after each edit and are dropped when a newer edit arrives.
/// Nothing but the protocol is written to standard output; logs go to standard error.
public final class LanguageServer: Sendable {
    struct State: Sendable {
        var initialized = false
        var shutdownRequested = false
        var encoding = PositionEncoding.utf16
        var documents: [String: TextDocument] = [:]
        var service: LanguageService?
        var data = WorkspaceData(paths: [], configuration: nil)
        /// Where `data` was resolved from, to resolve it again when files change.
        var initializationOptions: JSONValue?
        var rootPath: String?
        /// The client can watch files for the server (`workspace/didChangeWatchedFiles`).
        var watchesFiles = false
        /// Bumped by every change to a document: older diagnostics work is superseded.
        var generations: [String: Int] = [:]
        /// The diagnostics run in progress for each document.
        var running: [String: CancellationFlag] = [:]
        /// The last finished analysis of each document (for inlay hints), with its version.
        var analyses: [String: (version: Int, analysis: DocumentAnalysis)] = [:]
        /// Requests being answered, by id, so that `$/cancelRequest` can reach them.
        var requests: [String: CancellationFlag] = [:]
    }

    /// What a request is answered from: the state when it arrived.
    struct Snapshot: Sendable {
        let documents: [String: TextDocument]
        let service: LanguageService
        let encoding: PositionEncoding
        let analyses: [String: (version: Int, analysis: DocumentAnalysis)]
        let cancellation: CancellationFlag

        func document(_ params: JSONValue?) throws(ResponseError) -> TextDocument {
            guard let uri = params?["textDocument", "uri"]?.stringValue else {
                throw .invalidParams("textDocument.uri is missing")
            }
            guard let document = documents[uri] else { throw .unknownDocument(uri) }
            return document
        }

        func offset(_ params: JSONValue?, in document: TextDocument) throws(ResponseError) -> Int {
            guard let offset = document.offset(of: params?["position"], encoding: encoding) else {
                throw .invalidParams("position is missing or not a position")
            }
            return offset
        }
    }

    let state = Mutex(State())
    let writer: MessageWriter
    let queue = DispatchQueue(label: "paperql.lsp", attributes: .concurrent)
    let debounce: DispatchTimeInterval
    let budget: DispatchTimeInterval
    /// The graph served when the workspace names no data (the default corpus; the fuzz target
    /// passes one it built once).
    let defaultGraph: @Sendable () -> PaperGraph

    /// - Parameters:
    ///   - debounceMilliseconds: how long diagnostics wait after an edit.
    ///   - budgetMilliseconds: how long running a document may take for its warnings and result
    ///     sizes (syntax and name errors are reported whatever it takes).
    public convenience init(output: Int32 = 1, debounceMilliseconds: Int = 50, budgetMilliseconds: Int = 300) {
        self.init(output: output, debounceMilliseconds: debounceMilliseconds, budgetMilliseconds: budgetMilliseconds,
                  defaultGraph: DefaultCorpus.load)
    }

    init(output: Int32, debounceMilliseconds: Int, budgetMilliseconds: Int, defaultGraph: @escaping @Sendable () -> PaperGraph) {
        writer = MessageWriter(descriptor: output)
        debounce = .milliseconds(debounceMilliseconds)
        budget = .milliseconds(budgetMilliseconds)
        self.defaultGraph = defaultGraph
    }

    /// Serves until `exit` or the end of the input; returns the exit status (0 after `shutdown`).
    public func run(input: Int32 = 0) -> Int32 {
        var reader = MessageReader(descriptor: input)
        while let message = reader.next() {
            guard case .body(let bytes) = message else { continue }
            if let status = handle(bytes) { return status }
        }
        finishRequests()
        return state.withLock { $0.shutdownRequested } ? 0 : 1
    }

    /// Waits until every request received so far has answered.
    func finishRequests() {
        queue.sync(flags: .barrier) {}
    }

    static func log(_ text: String) {
        FileHandle.standardError.write(Data("paperql lsp: \(text)\n".utf8))
    }

    // MARK: - Messages

    /// Handles one message; returns an exit status when the server should stop.
    func handle(_ bytes: [UInt8]) -> Int32? {
        let message: JSONValue
        do {
            message = try JSONParser.parse(bytes)
        } catch {
            reply(to: .null, .failure(ResponseError(code: ResponseError.parseError, message: "not JSON: \(error.message)")))
            return nil
        }
        let id = message["id"]
        guard message.isObject, let method = message["method"]?.stringValue else {
            // A response to a request of ours carries a result or an error; anything else is invalid.
            if message["result"] == nil, message["error"] == nil {
                reply(to: validID(id) ?? .null, .failure(ResponseError(code: ResponseError.invalidRequest, message: "not a request or notification")))
            }
            return nil
        }
        let params = message["params"]
        guard let id else { return notification(method, params) }
        guard let valid = validID(id) else {
            reply(to: .null, .failure(ResponseError(code: ResponseError.invalidRequest, message: "an id is a number or a string")))
            return nil
        }
        request(valid, method, params)
        return nil
    }

    private func validID(_ id: JSONValue?) -> JSONValue? {
        switch id {
        case .string?: id
        case .number?: id?.intValue == nil ? nil : id
        default: nil
        }
    }

    func reply(to id: JSONValue, _ result: Result<JSONValue, ResponseError>) {
        switch result {
        case .success(let value):
            writer.send(.object(["jsonrpc": .string("2.0"), "id": id, "result": value]))
        case .failure(let error):
            writer.send(.object(["jsonrpc": .string("2.0"), "id": id, "error": error.json]))
        }
    }

    func notify(_ method: String, _ params: JSONValue) {
        writer.send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    // MARK: - Requests

    private func request(_ id: JSONValue, _ method: String, _ params: JSONValue?) {
        let phase = state.withLock { ($0.initialized, $0.shutdownRequested) }
        switch (method, phase) {
        case ("initialize", (false, _)):
            reply(to: id, .success(initialize(params)))
            return
        case ("initialize", (true, _)):
            reply(to: id, .failure(ResponseError(code: ResponseError.invalidRequest, message: "already initialized")))
            return
        case (_, (false, _)):
            reply(to: id, .failure(ResponseError(code: ResponseError.serverNotInitialized, message: "initialize first")))
            return
        case ("shutdown", _):
            state.withLock { $0.shutdownRequested = true }
            finishRequests()
            reply(to: id, .success(.null))
            return
        case (_, (true, true)):
            reply(to: id, .failure(ResponseError(code: ResponseError.invalidRequest, message: "the server is shutting down")))
            return
        default:
            break
        }
        let key = id.serialized
        let flag = CancellationFlag()
        let snapshot = state.withLock { state -> Snapshot? in
            guard let service = state.service else { return nil }
            state.requests[key] = flag
            return Snapshot(documents: state.documents, service: service, encoding: state.encoding,
                            analyses: state.analyses, cancellation: flag)
        }
        guard let snapshot else {
            reply(to: id, .failure(ResponseError(code: ResponseError.serverNotInitialized, message: "no data loaded")))
            return
        }
        queue.async { [self] in
            var result: Result<JSONValue, ResponseError>
            if flag.isCancelled {
                result = .failure(ResponseError(code: ResponseError.requestCancelled, message: "cancelled"))
            } else {
                do throws(ResponseError) {
                    result = .success(try answer(method, params, snapshot))
                } catch {
                    result = .failure(error)
                }
            }
            state.withLock { _ = $0.requests.removeValue(forKey: key) }
            if flag.isCancelled, case .success = result {
                result = .failure(ResponseError(code: ResponseError.requestCancelled, message: "cancelled"))
            }
            reply(to: id, result)
        }
    }

    /// The answer to a request, computed off the message loop.
    private func answer(_ method: String, _ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        switch method {
        case "textDocument/completion": return try completion(params, snapshot)
        case "textDocument/hover": return try hover(params, snapshot)
        default:
            if let answer = try moreAnswers(method, params, snapshot) { return answer }
            throw ResponseError(code: ResponseError.methodNotFound, message: "unknown method \(method)")
        }
    }

    // MARK: - Notifications

    private func notification(_ method: String, _ params: JSONValue?) -> Int32? {
        if method == "exit" {
            finishRequests()
            return state.withLock { $0.shutdownRequested } ? 0 : 1
        }
        guard state.withLock({ $0.initialized }) else { return nil }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "$/cancelRequest":
            if let id = params?["id"] {
                let key = id.serialized
                state.withLock { $0.requests[key] }?.cancel()
            }
        case "initialized": registerFileWatchers()
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        default: break  // `$/setTrace`, and notifications this server does not use
        }
        return nil
    }
}
