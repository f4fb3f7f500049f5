/// What editors and shells ask about query text: completions, hover, diagnostics, and whether
/// a statement is still open. One service over (text, cursor offset); the REPL and a language
/// server are thin clients of it.
///
/// Offsets are UTF-8 byte offsets into the text, like every `SourceSpan`.
///
/// ```swift
/// let service = LanguageService(graph: graph)
/// let list = service.completions(in: "papers by \"Jack R", at: 17)
/// // list.items[0].insertText == "\"Jack Rae\""
/// ```
public struct LanguageService: Sendable {
    public let graph: PaperGraph
    /// The `let` names in scope, with their kinds.
    public let environment: [String: ResultKind]
    let names: NameIndex

    public init(graph: PaperGraph, environment: [String: ResultKind] = [:]) {
        self.graph = graph
        self.environment = environment
        self.names = NameIndex(graph: graph)
    }

    private init(graph: PaperGraph, environment: [String: ResultKind], names: NameIndex) {
        self.graph = graph
        self.environment = environment
        self.names = names
    }

    /// The same service with other `let` names in scope (the name index is shared).
    public func with(environment: [String: ResultKind]) -> LanguageService {
        LanguageService(graph: graph, environment: environment, names: names)
    }

    // MARK: - Diagnostics

    /// Syntax and name errors of the text, without running it.
    public func diagnostics(for text: String, name: String = "<query>") -> [Diagnostic] {
        let source = SourceFile(name: name, text: text)
        let parsed = Parser.parse(source)
        var checker = Checker(graph: graph, environment: environment)
        for statement in parsed.script.statements { _ = checker.check(statement) }
        return (parsed.diagnostics + checker.diagnostics).sorted { $0.span.start < $1.span.start }
    }

    /// The text ends inside an open statement: more input (an author after `by`, a `)`, a stage
    /// after `|`, the end of a string) could complete it. Decided by the parser.
    public func isIncomplete(_ text: String) -> Bool {
        Parser.parse(SourceFile(name: "<query>", text: text)).isIncomplete
    }

    /// How to join the next line typed to an open statement: a newline where the language
    /// allows one inside a statement (in parentheses, after `|`), a space elsewhere (after
    /// `by`, inside a string), so the joined text reads as one statement.
    public func continuationSeparator(after text: String) -> String {
        let lexed = Lexer.tokenize(SourceFile(name: "<query>", text: text))
        if lexed.endsInsideString { return " " }
        var depth = 0
        var last: Token.Kind?
        for token in lexed.tokens where token.kind != .endOfInput {
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            default: break
            }
            if token.kind != .newline { last = token.kind }
        }
        return depth > 0 || last == .pipe ? "\n" : " "
    }

    // MARK: - Helpers

    /// A byte offset moved into the text and back to the start of a character.
    static func clamp(_ offset: Int, in source: SourceFile) -> Int {
        var clamped = max(0, min(offset, source.bytes.count))
        while clamped > 0, clamped < source.bytes.count, source.bytes[clamped] & 0xC0 == 0x80 { clamped -= 1 }
        return clamped
    }

    /// The kind of the rows a pipeline produces, if the text before a stage checks.
    func kind(ofPipeline span: SourceSpan, in source: SourceFile) -> ResultKind? {
        let text = source.text(of: span)
        let parsed = Parser.parse(SourceFile(name: source.name, text: text))
        guard parsed.script.statements.count == 1, let statement = parsed.script.statements.first else { return nil }
        var checker = Checker(graph: graph, environment: environment)
        if let checked = checker.check(statement) { return checked.pipeline.kind }
        return guessKind(of: text)
    }

    /// The kind of rows from the first word, when a pipeline does not check (a misspelt name).
    private func guessKind(of text: String) -> ResultKind? {
        let tokens = Lexer.tokenize(SourceFile(name: "<query>", text: text)).tokens
        var kind: ResultKind?
        switch tokens.first(where: { $0.kind != .leftParen })?.kind {
        case .keyword(.papers): kind = .papers
        case .keyword(.authors), .keyword(.coauthors): kind = .authors
        case .keyword(.venues): kind = .venues
        case .keyword(.path): kind = .path
        case .identifier: kind = tokens.first(where: { $0.kind == .identifier }).flatMap { environment[$0.value] }
        default: kind = nil
        }
        for (index, token) in tokens.enumerated() where token.kind == .pipe && index + 1 < tokens.count {
            if tokens[index + 1].keyword == .count {
                kind = index + 2 < tokens.count && tokens[index + 2].keyword == .by ? .groups : .count
            }
        }
        return kind
    }
}

/// "Did you mean" for front ends: the closest of some candidates to what was typed, by edit
/// distance (the same rule the checker uses for names).
public enum NameSuggestions {
    public static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        Suggestions.closest(to: typed, among: candidates, limit: limit)
    }
}
