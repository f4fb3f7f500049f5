/// One classified piece of text, for an editor's semantic highlighting.
public struct SemanticToken: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case keyword, variable, field, author, value, number, string, `operator`, comment
    }

    public let span: SourceSpan
    public let kind: Kind
    /// The name after `let`.
    public let isDefinition: Bool
}

extension LanguageService {
    /// Every token of the text, classified by what the parser's tree says it is (a `let` name,
    /// a field, an author, a venue), and the comments; in order.
    public func semanticTokens(in text: String) -> [SemanticToken] {
        let source = SourceFile(name: "<query>", text: text)
        let index = SyntaxIndex(source)
        var byStart: [Int: (SemanticToken.Kind, Bool)] = [:]
        for span in index.fields { byStart[span.start] = (.field, false) }
        for span in index.values { byStart[span.start] = (.value, false) }
        for span in index.authorNames { byStart[span.start] = (.author, false) }
        for reference in index.references { byStart[reference.span.start] = (.variable, false) }
        for definition in index.definitions { byStart[definition.nameSpan.start] = (.variable, true) }
        var tokens: [SemanticToken] = []
        for token in Lexer.tokenize(source).tokens where token.span.length > 0 {
            if let (kind, definition) = byStart[token.span.start] {
                tokens.append(SemanticToken(span: token.span, kind: kind, isDefinition: definition))
                continue
            }
            let kind: SemanticToken.Kind? =
                switch token.kind {
                case .keyword: .keyword
                case .string: .string
                case .integer: .number
                case .comparison, .pipe: .operator
                case .identifier: .variable
                default: nil
                }
            if let kind { tokens.append(SemanticToken(span: token.span, kind: kind, isDefinition: false)) }
        }
        tokens += index.comments.map { SemanticToken(span: $0, kind: .comment, isDefinition: false) }
        return tokens.sorted { $0.span.start < $1.span.start }
    }

    /// The spans of the statements, for folding those over several lines.
    public func statementSpans(in text: String) -> [SourceSpan] {
        Parser.parse(SourceFile(name: "<query>", text: text)).script.statements.map(\.span)
    }
}
