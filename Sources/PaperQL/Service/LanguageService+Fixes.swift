/// A replacement that fixes a diagnostic: each "did you mean" note with a candidate, and a
/// missing `)` at the end of a statement.
public struct QuickFix: Sendable, Equatable {
    public let title: String
    public let span: SourceSpan
    public let replacement: String

    public init(title: String, span: SourceSpan, replacement: String) {
        self.title = title
        self.span = span
        self.replacement = replacement
    }
}

extension LanguageService {
    /// The fixes for a diagnostic of this text. Candidates are worked out again, typed (the
    /// authors, keywords, fields and values the notes were made from), and kept only when the
    /// note offers them.
    public func quickFixes(for diagnostic: Diagnostic, in text: String) -> [QuickFix] {
        let source = SourceFile(name: "<query>", text: text)
        let tokens = Lexer.tokenize(source).tokens
        var fixes: [QuickFix] = []
        for note in diagnostic.notes {
            let span = note.span ?? diagnostic.span
            guard let token = tokens.first(where: { $0.span == span }) else { continue }
            for (candidate, replacement) in candidates(for: token, in: source) where note.message == candidate.note {
                let fix = QuickFix(title: "Replace with \(replacement)", span: span, replacement: replacement)
                if !fixes.contains(fix) { fixes.append(fix) }
            }
        }
        if let fix = closingParenthesis(for: diagnostic, in: source) { fixes.append(fix) }
        return fixes
    }

    private struct Candidate {
        let note: String
    }

    /// What a word could have been meant as, each with the note that would offer it.
    private func candidates(for token: Token, in source: SourceFile) -> [(Candidate, String)] {
        var found: [(Candidate, String)] = []
        // An author.
        if token.kind == .string {
            for suggestion in graph.authorSuggestions(for: token.value) {
                found.append((Candidate(note: Messages.didYouMeanAuthor(suggestion)), Self.quoted(suggestion.name)))
            }
        }
        // Keywords allowed where the word stands.
        let expected = Parser.parse(upTo: token.span.start, of: source).expected
        let keywords = Parser.closestKeywords(to: token.value, among: expected.keywords)
        if !keywords.isEmpty {
            for keyword in keywords {
                found.append((Candidate(note: Messages.didYouMeanKeyword(keywords)), keyword.rawValue))
            }
        }
        // Fields, keywords and names offered as "did you mean `x`?".
        for word in Field.allCases.map(\.rawValue) + Keyword.allCases.map(\.rawValue) {
            found.append((Candidate(note: Messages.didYouMean(word)), word))
        }
        // Venues, categories, institutions.
        for facet in [graph.venues, graph.categories, graph.institutions] {
            for (index, name) in facet.names.enumerated() {
                let insert = token.kind == .string || !Self.isBareWord(name) ? Self.quoted(name) : name
                found.append((Candidate(note: Messages.didYouMeanWithPapers(name, papers: facet.papers.count(index))), insert))
                found.append((Candidate(note: Messages.didYouMean(name)), insert))
            }
        }
        return found
    }

    /// A `(` left open at the end of a statement: insert the `)`.
    private func closingParenthesis(for diagnostic: Diagnostic, in source: SourceFile) -> QuickFix? {
        guard diagnostic.severity == .error else { return nil }
        let syntax = Parser.parse(upTo: diagnostic.span.start, of: source)
        guard syntax.expected.expects(.rightParen, as: .syntax) else { return nil }
        // Only at the end of a line: a `)` before more text would not close what was meant.
        var index = diagnostic.span.start
        while index < source.bytes.count, source.bytes[index] == 32 || source.bytes[index] == 9 { index += 1 }
        guard index == source.bytes.count || source.bytes[index] == 10 || source.bytes[index] == 13 else { return nil }
        return QuickFix(title: "Insert the missing `)`", span: .at(diagnostic.span.start), replacement: ")")
    }
}
