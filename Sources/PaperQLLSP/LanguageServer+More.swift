import PaperQL

/// Signature help, symbols, definitions, references, rename, semantic tokens, code actions,
/// inlay hints, commands and folding: each a conversion of a `LanguageService` answer.
extension LanguageServer {
    static let tokenTypes = SemanticToken.Kind.allCases.map { kind -> String in
        switch kind {
        case .field: "property"
        case .author: "parameter"
        case .value: "enumMember"
        default: kind.rawValue
        }
    }

    func moreCapabilities() -> [(key: String, value: JSONValue)] {
        [
            ("signatureHelpProvider", .object(["triggerCharacters": .array([.string(" "), .string(",")])])),
            ("documentSymbolProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("renameProvider", .object(["prepareProvider": .bool(true)])),
            ("semanticTokensProvider", .object([
                "legend": .object([
                    "tokenTypes": .array(Self.tokenTypes.map(JSONValue.string)),
                    "tokenModifiers": .array([.string("declaration")]),
                ]),
                "full": .bool(true),
                "range": .bool(true),
            ])),
            ("codeActionProvider", .object(["codeActionKinds": .array([.string("quickfix")])])),
            ("inlayHintProvider", .bool(true)),
            ("executeCommandProvider", .object(["commands": .array(Self.commands.map(JSONValue.string))])),
            ("foldingRangeProvider", .bool(true)),
            ("documentFormattingProvider", .bool(true)),
            ("documentRangeFormattingProvider", .bool(true)),
        ]
    }

    func moreAnswers(_ method: String, _ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue? {
        switch method {
        case "textDocument/signatureHelp": return try signatureHelp(params, snapshot)
        case "textDocument/documentSymbol": return try documentSymbols(params, snapshot)
        case "textDocument/definition": return try definition(params, snapshot)
        case "textDocument/references": return try references(params, snapshot)
        case "textDocument/prepareRename": return try prepareRename(params, snapshot)
        case "textDocument/rename": return try rename(params, snapshot)
        case "textDocument/semanticTokens/full": return try semanticTokens(params, snapshot, range: nil)
        case "textDocument/semanticTokens/range":
            let document = try snapshot.document(params)
            guard let range = document.range(of: params?["range"], encoding: snapshot.encoding) else {
                throw .invalidParams("range is missing")
            }
            return try semanticTokens(params, snapshot, range: range)
        case "textDocument/codeAction": return try codeActions(params, snapshot)
        case "textDocument/inlayHint": return try inlayHints(params, snapshot)
        case "textDocument/foldingRange": return try foldingRanges(params, snapshot)
        case "workspace/executeCommand": return try executeCommand(params, snapshot)
        case "textDocument/formatting": return try formatting(params, snapshot)
        case "textDocument/rangeFormatting": return try rangeFormatting(params, snapshot)
        default: return nil
        }
    }

    private func signatureHelp(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let signature = snapshot.service.stageSignature(in: document.text, at: offset) else { return .null }
        return .object([
            "signatures": .array([.object([
                "label": .string(signature.label),
                "documentation": .string(signature.documentation),
                "parameters": .array(signature.parameters.map { .object(["label": .string($0)]) }),
            ])]),
            "activeSignature": .int(0),
            "activeParameter": .int(signature.activeParameter),
        ])
    }

    private func documentSymbols(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let symbols = snapshot.service.letSymbols(in: document.text)
        return .array(symbols.map { symbol in
            .object([
                "name": .string(symbol.name),
                "detail": .string("let"),
                "kind": .int(13),  // Variable
                "range": document.range(of: symbol.span, encoding: snapshot.encoding),
                "selectionRange": document.range(of: symbol.nameSpan, encoding: snapshot.encoding),
            ])
        })
    }

    private func location(_ span: SourceSpan, _ document: TextDocument, _ encoding: PositionEncoding) -> JSONValue {
        .object(["uri": .string(document.uri), "range": document.range(of: span, encoding: encoding)])
    }

    private func definition(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let definition = snapshot.service.letOccurrences(in: document.text, at: offset)?.definition else { return .null }
        return location(definition.nameSpan, document, snapshot.encoding)
    }

    private func references(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let found = snapshot.service.letOccurrences(in: document.text, at: offset) else { return .null }
        let includeDeclaration = params?["context", "includeDeclaration"]?.boolValue ?? true
        let spans = includeDeclaration || found.definition == nil ? found.spans : Array(found.spans.dropFirst())
        return .array(spans.map { location($0, document, snapshot.encoding) })
    }

    private func prepareRename(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let found = snapshot.service.letOccurrences(in: document.text, at: offset), found.definition != nil,
            let span = found.spans.first(where: { $0.start <= offset && offset <= $0.end }) else { return .null }
        return .object(["range": document.range(of: span, encoding: snapshot.encoding), "placeholder": .string(found.name)])
    }

    private func rename(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let newName = params?["newName"]?.stringValue else { throw .invalidParams("newName is missing") }
        guard LanguageService.isValidLetName(newName) else {
            throw .invalidParams("`\(newName)` cannot be a let name: use one word that is not a keyword")
        }
        guard let found = snapshot.service.letOccurrences(in: document.text, at: offset), found.definition != nil else {
            return .null
        }
        let edits = found.spans.map { span -> JSONValue in
            .object(["range": document.range(of: span, encoding: snapshot.encoding), "newText": .string(newName)])
        }
        return .object(["changes": .object([(key: document.uri, value: .array(edits))])])
    }

    private func semanticTokens(_ params: JSONValue?, _ snapshot: Snapshot, range: Range<Int>?) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        var data: [JSONValue] = []
        var previousLine = 0
        var previousStart = 0
        for token in snapshot.service.semanticTokens(in: document.text) {
            if let range, token.span.end <= range.lowerBound || token.span.start >= range.upperBound { continue }
            let start = document.position(of: token.span.start, encoding: snapshot.encoding)
            let end = document.position(of: token.span.end, encoding: snapshot.encoding)
            guard end.line == start.line, end.character > start.character,
                let type = SemanticToken.Kind.allCases.firstIndex(of: token.kind) else { continue }
            let deltaLine = start.line - previousLine
            let deltaStart = deltaLine == 0 ? start.character - previousStart : start.character
            data += [.int(deltaLine), .int(deltaStart), .int(end.character - start.character), .int(type),
                     .int(token.isDefinition ? 1 : 0)]
            previousLine = start.line
            previousStart = start.character
        }
        return .object(["data": .array(data)])
    }

    private func codeActions(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        guard let range = document.range(of: params?["range"], encoding: snapshot.encoding) else {
            throw .invalidParams("range is missing")
        }
        let text = document.text
        var actions: [JSONValue] = []
        for diagnostic in snapshot.service.analyze(text, cancellation: snapshot.cancellation).diagnostics
        where diagnostic.span.start <= range.upperBound && range.lowerBound <= diagnostic.span.end {
            let lspDiagnostic = Self.diagnostic(diagnostic, in: document, encoding: snapshot.encoding)
            for (index, fix) in snapshot.service.quickFixes(for: diagnostic, in: text).enumerated() {
                let edit = JSONValue.object([
                    "range": document.range(of: fix.span, encoding: snapshot.encoding), "newText": .string(fix.replacement),
                ])
                actions.append(.object([
                    "title": .string(fix.title),
                    "kind": .string("quickfix"),
                    "diagnostics": .array([lspDiagnostic]),
                    "isPreferred": .bool(index == 0),
                    "edit": .object(["changes": .object([(key: document.uri, value: .array([edit]))])]),
                ]))
            }
        }
        return .array(actions)
    }

    /// Each statement's result size, from the last diagnostics run of this very version (which
    /// had a time budget: statements past it get no hint).
    private func inlayHints(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        guard let (version, analysis) = snapshot.analyses[document.uri], version == document.version else { return .array([]) }
        let range = document.range(of: params?["range"], encoding: snapshot.encoding) ?? 0..<document.bytes.count
        return .array(analysis.results.filter { range.contains($0.span.end) || $0.span.end == range.upperBound }.map { result in
            .object([
                "position": document.range(of: .at(result.span.end), encoding: snapshot.encoding)["start"] ?? .null,
                "label": .string(" → " + Self.size(result)),
                "kind": .int(1),
                "paddingLeft": .bool(true),
            ])
        })
    }

    static func size(_ result: DocumentAnalysis.StatementResult) -> String {
        let count = result.rowCount
        switch result.kind {
        case .papers: return count == 1 ? "1 paper" : "\(count) papers"
        case .authors: return count == 1 ? "1 author" : "\(count) authors"
        case .venues: return count == 1 ? "1 venue" : "\(count) venues"
        case .groups: return count == 1 ? "1 group" : "\(count) groups"
        case .count: return "a count"
        case .path: return count == 1 ? "1 hop" : "\(count) hops"
        case .profile: return count == 1 ? "a profile of 1 paper" : "a profile of \(count) papers"
        }
    }

    private func foldingRanges(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let ranges = snapshot.service.statementSpans(in: document.text).compactMap { span -> JSONValue? in
            let start = document.position(of: span.start, encoding: snapshot.encoding).line
            let end = document.position(of: span.end, encoding: snapshot.encoding).line
            guard end > start else { return nil }
            return .object(["startLine": .int(start), "endLine": .int(end)])
        }
        return .array(ranges)
    }

    /// The whole document in the canonical layout (no edit when it has syntax errors).
    private func formatting(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let text = document.text
        guard let formatted = ScriptFormatter.format(text), formatted != text else { return .array([]) }
        return .array([.object([
            "range": document.range(of: SourceSpan(start: 0, end: document.bytes.count), encoding: snapshot.encoding),
            "newText": .string(formatted),
        ])])
    }

    /// The statements the range meets, each in the canonical layout.
    private func rangeFormatting(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        guard let range = document.range(of: params?["range"], encoding: snapshot.encoding) else {
            throw .invalidParams("range is missing")
        }
        let edits = ScriptFormatter.formatStatements(document.text, in: range) ?? []
        return .array(edits.map { edit in
            .object(["range": document.range(of: edit.span, encoding: snapshot.encoding), "newText": .string(edit.text)])
        })
    }

    /// `paperql.run` / `paperql.explain` with arguments `[uri, position]` (or `[uri]`: the first
    /// statement): the statement's result as a table, or its plan, as text.
    private func executeCommand(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        guard let command = params?["command"]?.stringValue, Self.commands.contains(command) else {
            throw .invalidParams("unknown command; the commands are \(Self.commands.joined(separator: ", "))")
        }
        let arguments = params?["arguments"]?.arrayValue ?? []
        guard let uri = arguments.first?.stringValue ?? arguments.first?["uri"]?.stringValue else {
            throw .invalidParams("the first argument is the document's URI")
        }
        guard let document = snapshot.documents[uri] else { throw .unknownDocument(uri) }
        let offset = arguments.count > 1 ? document.offset(of: arguments[1], encoding: snapshot.encoding) ?? 0 : 0
        guard let run = snapshot.service.runStatement(in: document.text, at: offset, explain: command == "paperql.explain",
                                                      cancellation: snapshot.cancellation)
        else { return .null }
        return .object([
            "range": document.range(of: run.span, encoding: snapshot.encoding),
            "output": .string(run.output),
            "messages": .array(run.messages.map(JSONValue.string)),
        ])
    }
}
