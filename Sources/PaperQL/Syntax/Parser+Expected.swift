/// What the parser expects at the current token, and keyword suggestions drawn from it.
///
/// Every test a `parseX()` makes of the current token goes through `at(_:)` or `expect(_:)`, which
/// note the kind tested for. When the parser then fails at that token, the noted kinds are exactly
/// what the grammar allowed there, so "did you mean" offers only keywords that fit.
extension Parser {
    /// The index of `current` in the tokens (newlines are skipped inside parentheses).
    var currentIndex: Int {
        var position = index
        if parenthesisDepth > 0 {
            while tokens[position].kind == .newline { position += 1 }
        }
        return position
    }

    /// What has been tested for at the current token so far.
    var expectedHere: ExpectedTokens {
        expected.position == currentIndex ? expected : ExpectedTokens(position: currentIndex)
    }

    /// Notes that these kinds of token would be accepted at the current token, in this role.
    mutating func expect(_ kinds: some Sequence<Token.Kind>, as role: ExpectedTokens.Role = .syntax) {
        let position = currentIndex
        if expected.position != position { expected = ExpectedTokens(position: position) }
        expected.insert(kinds, as: role)
        captureAtEnd(role)
    }

    /// Is the current token this keyword? Either way, the keyword is noted as expected here.
    mutating func at(_ keyword: Keyword, as role: ExpectedTokens.Role = .syntax) -> Bool {
        at(.keyword(keyword), as: role)
    }

    /// Is the current token of this kind? Either way, the kind is noted as expected here.
    mutating func at(_ kind: Token.Kind, as role: ExpectedTokens.Role = .syntax) -> Bool {
        expect(CollectionOfOne(kind), as: role)
        return current.kind == kind
    }

    /// The comparison operator at the current token, if any; every operator is noted as expected.
    mutating func atComparison() -> ComparisonOperator? {
        expect(ExpectedTokens.comparisons, as: .literal)
        if case .comparison(let op) = current.kind { return op }
        return nil
    }

    /// Remembers the bare word about to be read as a `let` name, with what else was expected in its
    /// place, so that an error right after it can ask whether it was a misspelt keyword.
    mutating func noteNameReference() {
        nameReference = expectedHere
    }

    /// "did you mean `since`?" when the word the parser failed at, or a word just read as a name
    /// in place of a keyword (`coauthor of "X"`), is a few edits from a keyword allowed there.
    func keywordSuggestionNotes() -> [Diagnostic.Note] {
        if current.kind == .identifier {
            let here = Self.closestKeywords(to: current.value, among: expectedHere.keywords)
            if !here.isEmpty { return [Diagnostic.Note(Messages.didYouMeanKeyword(here))] }
        }
        // The word just before, read as a name where a keyword could also have stood.
        guard let reference = nameReference, reference.position < currentIndex,
              tokens[(reference.position + 1)..<currentIndex].allSatisfy({ $0.kind == .newline })
        else { return [] }
        let word = tokens[reference.position]
        let before = Self.closestKeywords(to: word.value, among: reference.keywords)
        return before.isEmpty ? [] : [Diagnostic.Note(Messages.didYouMeanKeyword(before), span: word.span)]
    }

    /// The keywords nearest to a word (only those at the smallest edit distance), in the order
    /// `Suggestions` gives them.
    static func closestKeywords(to word: String, among keywords: [Keyword]) -> [Keyword] {
        let candidates = Suggestions.closest(to: word, among: keywords.map(\.rawValue)).compactMap(Keyword.init(rawValue:))
        let typed = Array(word.lowercased().unicodeScalars)
        let distances = candidates.map { Suggestions.editDistance(typed, Array($0.rawValue.unicodeScalars)) }
        guard let best = distances.min() else { return [] }
        return zip(candidates, distances).filter { $0.1 == best }.map(\.0)
    }
}
