import Dispatch
import PaperQL

/// Document sync and diagnostics.
extension LanguageServer {
    func didOpen(_ params: JSONValue?) {
        guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue,
            let text = item["text"]?.stringValue else { return }
        let version = item["version"]?.intValue ?? 0
        state.withLock { $0.documents[uri] = TextDocument(uri: uri, version: version, text: text) }
        scheduleDiagnostics(uri)
    }

    /// Full changes replace the text; incremental ones replace a range, in order.
    func didChange(_ params: JSONValue?) {
        guard let uri = params?["textDocument", "uri"]?.stringValue,
            let changes = params?["contentChanges"]?.arrayValue else { return }
        let version = params?["textDocument", "version"]?.intValue
        let changed = state.withLock { state -> Bool in
            guard var document = state.documents[uri] else { return false }
            let encoding = state.encoding
            for change in changes {
                guard let text = change["text"]?.stringValue else { continue }
                if let range = change["range"] {
                    guard let bytes = document.range(of: range, encoding: encoding) else { continue }
                    document.replace(bytes, with: text)
                } else {
                    document.replace(nil, with: text)
                }
            }
            if let version { document.version = version }
            state.documents[uri] = document
            return true
        }
        if changed { scheduleDiagnostics(uri) }
    }

    func didClose(_ params: JSONValue?) {
        guard let uri = params?["textDocument", "uri"]?.stringValue else { return }
        let running = state.withLock { state -> CancellationFlag? in
            state.documents[uri] = nil
            state.generations[uri, default: 0] += 1
            state.analyses[uri] = nil
            return state.running.removeValue(forKey: uri)
        }
        running?.cancel()
        notify("textDocument/publishDiagnostics", .object(["uri": .string(uri), "diagnostics": .array([])]))
    }

    /// Computes a document's diagnostics off the message loop, a moment after the last edit;
    /// a newer edit cancels the run and drops its result.
    func scheduleDiagnostics(_ uri: String) {
        let (generation, superseded) = state.withLock { state -> (Int, CancellationFlag?) in
            state.generations[uri, default: 0] += 1
            return (state.generations[uri, default: 0], state.running.removeValue(forKey: uri))
        }
        superseded?.cancel()
        queue.asyncAfter(deadline: .now() + debounce) { [self] in
            let flag = CancellationFlag()
            let work = state.withLock { state -> (TextDocument, LanguageService, PositionEncoding)? in
                guard state.generations[uri] == generation, let document = state.documents[uri],
                    let service = state.service else { return nil }
                state.running[uri] = flag
                return (document, service, state.encoding)
            }
            guard let (document, service, encoding) = work else { return }
            queue.asyncAfter(deadline: .now() + budget) { flag.cancel() }
            let analysis = service.analyze(document.text, name: uri, cancellation: flag)
            state.withLock { state in
                guard state.generations[uri] == generation, state.documents[uri] != nil else { return }
                if state.running[uri] === flag { state.running[uri] = nil }
                state.analyses[uri] = (document.version, analysis)
                let diagnostics = analysis.diagnostics.map { Self.diagnostic($0, in: document, encoding: encoding) }
                // Sent under the lock, so an older result can never follow a newer one.
                notify("textDocument/publishDiagnostics", .object([
                    "uri": .string(uri), "version": .int(document.version), "diagnostics": .array(diagnostics),
                ]))
            }
        }
    }

    /// An LSP diagnostic: notes at a place become related information, the others join the
    /// message; an empty answer is a warning.
    static func diagnostic(_ diagnostic: Diagnostic, in document: TextDocument, encoding: PositionEncoding) -> JSONValue {
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: diagnostic.id == "sema.emptyResult" ? 2 : 3
            }
        var message = diagnostic.message
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            if let span = note.span {
                related.append(.object([
                    "location": .object(["uri": .string(document.uri), "range": document.range(of: span, encoding: encoding)]),
                    "message": .string(note.message),
                ]))
            } else {
                message += "\n" + note.message
            }
        }
        return .compact([
            "range": document.range(of: diagnostic.span, encoding: encoding),
            "severity": .int(severity),
            "code": .string(diagnostic.id),
            "source": .string("paperql"),
            "message": .string(message),
            "relatedInformation": related.isEmpty ? nil : .array(related),
        ])
    }
}
