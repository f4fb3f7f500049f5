/// `let` names: the statements that define them, and every use of a definition (for go to
/// definition, find references and rename), from the parser's tree.
public struct LetSymbol: Sendable, Equatable {
    public let name: String
    /// The name after `let`.
    public let nameSpan: SourceSpan
    /// The whole `let` statement.
    public let span: SourceSpan
}

/// A `let` name at a cursor, its definition (nil when no earlier `let` defines it) and every
/// place that refers to that definition.
public struct LetOccurrences: Sendable, Equatable {
    public let name: String
    public let definition: LetSymbol?
    /// The definition's name first, then each use, in order (just the use when undefined).
    public let spans: [SourceSpan]
}

extension LanguageService {
    public func letSymbols(in text: String) -> [LetSymbol] {
        SyntaxIndex(SourceFile(name: "<query>", text: text)).definitions.map {
            LetSymbol(name: $0.name, nameSpan: $0.nameSpan, span: $0.statementSpan)
        }
    }

    public func letOccurrences(in text: String, at offset: Int) -> LetOccurrences? {
        let index = SyntaxIndex(SourceFile(name: "<query>", text: text))
        guard let (name, definition) = index.symbol(at: offset) else { return nil }
        guard let definition else {
            let uses = index.references.filter { $0.span.start <= offset && offset <= $0.span.end }.map(\.span)
            return LetOccurrences(name: name, definition: nil, spans: uses)
        }
        return LetOccurrences(
            name: name, definition: LetSymbol(name: name, nameSpan: definition.nameSpan, span: definition.statementSpan),
            spans: index.occurrences(of: definition))
    }

    /// Whether a new `let` name reads as one (a bare word that is not a keyword).
    public static func isValidLetName(_ name: String) -> Bool {
        isBareWord(name)
    }
}
