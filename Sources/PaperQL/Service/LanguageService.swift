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
        let source = SourceFile(name: "<query>", text: text)
        let syntax = Parser.parse(upTo: source.bytes.count, of: source)
        return !syntax.endsInsideString && syntax.lineBreakContinues ? "\n" : " "
    }

    // MARK: - Helpers

    /// A byte offset moved into the text and back to the start of a character.
    static func clamp(_ offset: Int, in source: SourceFile) -> Int {
        var clamped = max(0, min(offset, source.bytes.count))
        while clamped > 0, clamped < source.bytes.count, source.bytes[clamped] & 0xC0 == 0x80 { clamped -= 1 }
        return clamped
    }
}

/// "Did you mean" for front ends: the closest of some candidates to what was typed, by edit
/// distance (the same rule the checker uses for names).
public enum NameSuggestions {
    public static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        Suggestions.closest(to: typed, among: candidates, limit: limit)
    }
}
