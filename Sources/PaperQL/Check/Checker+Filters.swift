/// Paper filters.
extension Checker {
    mutating func checkFilter(_ filter: Filter) -> CheckedFilter? {
        switch filter {
        case .invalid:
            failed = true
            return nil
        case .and(let parts):
            let checked = parts.compactMap { checkFilter($0) }
            return checked.count == parts.count ? .and(checked) : nil
        case .or(let parts):
            let checked = parts.compactMap { checkFilter($0) }
            return checked.count == parts.count ? .or(checked) : nil
        case .not(let inner, _):
            return checkFilter(inner).map(CheckedFilter.not)
        case .group(let inner, _):
            return checkFilter(inner)
        case .by(let reference, _):
            return checkAuthorReference(reference).map(CheckedFilter.authoredBy)
        case .at(let venue, _):
            return checkVenue(venue)
        case .category(let category, _):
            return checkCategory(category)
        case .institution(let institution, _):
            return checkInstitution(institution)
        case .years(let bound, _, let span):
            return checkYears(bound, span: span).map(CheckedFilter.years)
        case .matching(let text, _):
            return checkMatching(text)
        case .titled(let title, _):
            return checkTitle(title)
        case .comparison(let field, let op, let opSpan, let value):
            return checkComparison(field: field, op: op, opSpan: opSpan, value: value)
        }
    }

    // MARK: - Venues, categories, institutions

    mutating func checkVenue(_ literal: Literal) -> CheckedFilter? {
        checkFacet(literal, values: graph.venueValues(matching: literal.text), facet: graph.venues,
                   unknown: Messages.unknownVenue(literal.text)) { .venue($0, label: literal.text) }
    }

    mutating func checkCategory(_ literal: Literal) -> CheckedFilter? {
        checkFacet(literal, values: graph.categoryValues(matching: literal.text), facet: graph.categories,
                   unknown: Messages.unknownCategory(literal.text)) { .category($0, label: literal.text) }
    }

    mutating func checkInstitution(_ literal: Literal) -> CheckedFilter? {
        checkFacet(literal, values: graph.institutionValues(matching: literal.text), facet: graph.institutions,
                   unknown: Messages.unknownInstitution(literal.text)) { .institution($0, label: literal.text) }
    }

    /// A facet filter: an error with suggestions when the name matches nothing, a note when it
    /// matches several values.
    private mutating func checkFacet(
        _ literal: Literal, values: [UInt32], facet: Facet, unknown: DiagnosticMessage,
        make: ([UInt32]) -> CheckedFilter
    ) -> CheckedFilter? {
        guard !values.isEmpty else {
            reportUnknownFacetValue(literal, names: facet.names, facet: facet, message: unknown)
            return nil
        }
        noteSeveral(values, of: facet, typed: literal)
        return make(values)
    }

    private mutating func noteSeveral(_ values: [UInt32], of facet: Facet, typed: Literal) {
        guard values.count > 1 else { return }
        let listed = values.prefix(6).map { "\(facet.names[Int($0)]) (\(Messages.papers(facet.papers.count(Int($0)))))" }
        remark(Messages.severalValues(typed.text, count: values.count), at: typed.span,
               notes: [.init(listed.joined(separator: ", ") + (values.count > 6 ? ", …" : ""))])
    }

    private mutating func reportUnknownFacetValue(
        _ literal: Literal, names: [String], facet: Facet, message: DiagnosticMessage
    ) {
        var notes = (maySuggest() ? Suggestions.closest(to: literal.text, among: names, key: TextFolding.fold) : []).map { name in
            let count = facet.byFoldedName[TextFolding.fold(name)].map { facet.papers.count(Int($0)) } ?? 0
            return Diagnostic.Note(Messages.didYouMeanWithPapers(name, papers: count))
        }
        if notes.isEmpty, !names.isEmpty, names.count <= 12 {
            notes.append(.init("known: \(names.sorted().joined(separator: ", "))"))
        }
        error(message, at: literal.span, notes: notes)
    }

    // MARK: - Years

    mutating func checkYears(_ bound: YearBound, span: SourceSpan) -> YearRange? {
        func year(_ literal: Literal) -> Int? {
            guard case .integer(let value) = literal.kind, PaperRecord.validYears.contains(value) else {
                error(Messages.notAYear(literal.text), at: literal.span)
                return nil
            }
            return value
        }
        switch bound {
        case .since(let literal): return year(literal).map { YearRange(low: $0, high: nil) }
        case .before(let literal): return year(literal).map { YearRange(low: nil, high: $0 - 1) }
        case .until(let literal): return year(literal).map { YearRange(low: nil, high: $0) }
        case .during(let literal): return year(literal).map { YearRange(low: $0, high: $0) }
        case .between(let first, let second):
            guard let low = year(first), let high = year(second) else { return nil }
            guard low <= high else {
                error(Messages.emptyYearRange(low, high), at: span, notes: [.init("write: between \(high) and \(low)")])
                return nil
            }
            return YearRange(low: low, high: high)
        }
    }

    // MARK: - Text

    mutating func checkMatching(_ literal: Literal) -> CheckedFilter? {
        let (phrases, words) = Self.splitPhrases(literal.text)
        guard !phrases.isEmpty || !words.isEmpty else {
            error(Messages.emptySearch, at: literal.span)
            return nil
        }
        var parts: [CheckedFilter] = []
        for word in words {
            parts.append(wordFilter([word], phrase: nil, literal: literal))
        }
        for phrase in phrases {
            parts.append(wordFilter(phrase, phrase: phrase.count > 1 ? phrase : nil, literal: literal))
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func wordFilter(_ words: [String], phrase: [String]?, literal: Literal) -> CheckedFilter {
        var ids: [UInt32] = []
        for word in words {
            guard let id = graph.wordID(word) else {
                let notes = (maySuggest() ? graph.wordSuggestions(for: word) : []).map { Diagnostic.Note(Messages.didYouMean($0)) }
                warn(Messages.unknownWord(word), at: literal.span, notes: notes)
                return .nothing(label: word)
            }
            ids.append(id)
        }
        let label = phrase.map { "\"\($0.joined(separator: " "))\"" } ?? words.joined(separator: " ")
        return .words(ids, phrase: phrase, label: label)
    }

    /// `memory "neural network" model` → phrases [["neural", "network"]], words ["memory", "model"].
    static func splitPhrases(_ text: String) -> (phrases: [[String]], words: [String]) {
        var phrases: [[String]] = []
        var words: [String] = []
        for (index, segment) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let folded = TextFolding.words(String(segment)).map(String.init)
            if index % 2 == 1 {
                if !folded.isEmpty { phrases.append(folded) }
            } else {
                words.append(contentsOf: folded)
            }
        }
        var seen = Set<String>()
        return (phrases, words.filter { seen.insert($0).inserted })
    }

    mutating func checkTitle(_ literal: Literal) -> CheckedFilter? {
        let folded = TextFolding.fold(literal.text)
        if let papers = graph.papersByTitle[folded] {
            return .papers(Array(papers), label: "titled \"\(literal.text)\"")
        }
        let notes = (maySuggest() ? graph.titleSuggestions(for: literal.text) : []).map { Diagnostic.Note(Messages.didYouMean($0)) }
        error(Messages.unknownTitle(literal.text), at: literal.span,
              notes: notes + [.init("to search words in titles and abstracts, use: matching \"…\"")])
        return nil
    }
}
