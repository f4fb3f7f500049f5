/// Evaluating paper plans with the graph's indexes.
extension Evaluator {
    func papers(_ plan: PaperPlan) throws(EvaluationError) -> PaperSet {
        try checkCancellation()
        switch plan {
        case .all:
            return .range(0..<UInt32(graph.paperCount))
        case .variable(let name):
            return bindings[name].map(paperSet(of:)) ?? .empty
        case .nested(let query):
            return paperSet(of: try evaluate(query))
        case .years(let range):
            return .range(graph.paperIDRange(years: range))
        case .authors(.named(let name)) where name.authors.count == 1:
            // One person (most names): their papers as they are stored.
            return .list(SortedIDs.copy(graph.authorPapers[Int(name.authors[0].rawValue)]))
        case .authors(let authorPlan):
            let authors = try authorIDs(authorPlan)
            return .list(SortedIDs.unionAll(authors.map { graph.authorPapers[Int($0)] }))
        case .facet(let kind, let values, _):
            let facet = graph.facet(kind)
            return .list(SortedIDs.unionAll(values.map { facet.papers[Int($0)] }))
        case .words(let ids, _):
            let lists = ids.map { graph.wordPapers[Int($0)] }.sorted { $0.count < $1.count }
            guard var result = lists.first.map(Array.init) else { return .empty }
            for list in lists.dropFirst() where !result.isEmpty {
                result = SortedIDs.intersect(result, Array(list))
            }
            return .list(result)
        case .explicit(let ids, _):
            return .list(Array(Set(ids)).sorted())
        case .intersect(let parts):
            guard let first = parts.first else { return .empty }
            var result = try papers(first)
            for part in parts.dropFirst() where !result.isEmpty {
                result = result.intersection(try papers(part))
            }
            return result
        case .union(let parts):
            var result = PaperSet.empty
            for part in parts { result = result.union(try papers(part)) }
            return result
        case .subtract(let base, let removed):
            let kept = try papers(base)
            if kept.isEmpty { return kept }
            return kept.subtracting(try papers(removed))
        case .scan(let input, let predicates):
            return try scan(try papers(input), predicates)
        case .phrase(let input, let words):
            return try phrase(try papers(input), words)
        case .empty:
            return .empty
        }
    }

    /// The papers of a result, as a set.
    func paperSet(of result: QueryResult) -> PaperSet {
        guard case .papers(let rows) = result else { return .empty }
        return .list(rows.papers.map(\.rawValue).sorted())
    }

    private func scan(_ input: PaperSet, _ predicates: [RowPredicate]) throws(EvaluationError) -> PaperSet {
        var kept: [UInt32] = []
        for id in input.ids {
            try checkCancellation()  // one row can fold a whole abstract
            if predicates.allSatisfy({ passes(PaperID(id), $0) }) { kept.append(id) }
        }
        return .list(kept)
    }

    private func passes(_ paper: PaperID, _ predicate: RowPredicate) -> Bool {
        switch predicate {
        case .textContains(let field, let needle):
            return text(of: paper, field).map { TextFolding.fold($0).contains(needle) } ?? false
        case .textEquals(let field, let value):
            return text(of: paper, field)?.lowercased() == value
        case .authorNameContains(let needle):
            return graph.paperAuthors[Int(paper.rawValue)].contains { author in
                graph.authorVariants[Int(author)].contains { TextFolding.fold(graph.variantNames[Int($0)]).contains(needle) }
            }
        case .type(let types):
            return graph.type(of: paper).map(types.contains) ?? false
        case .date(let op, let value):
            guard let date = graph.date(of: paper) ?? graph.year(of: paper).map(String.init) else { return false }
            // ISO dates compare as text; compare only as many characters as the bound has.
            return op.holds(String(date.prefix(value.count)), value)
        case .hasValue(let field):
            return hasValue(paper, field)
        }
    }

    /// Whether a paper has a value for a field (a non-empty list for list fields).
    private func hasValue(_ paper: PaperID, _ field: Field) -> Bool {
        let index = Int(paper.rawValue)
        switch field {
        case .year: return graph.year(of: paper) != nil
        case .date: return graph.date(of: paper) != nil || graph.year(of: paper) != nil
        case .type: return graph.type(of: paper) != nil
        case .authors: return !graph.paperAuthors[index].isEmpty
        case .categories: return !graph.paperCategories[index].isEmpty
        case .institutions: return !graph.paperInstitutions[index].isEmpty
        case .title: return !graph.title(of: paper).isEmpty
        default: return text(of: paper, field) != nil
        }
    }

    private func text(of paper: PaperID, _ field: Field) -> String? {
        switch field {
        case .title: graph.title(of: paper)
        case .abstract: graph.abstract(of: paper)
        case .doi: graph.doi(of: paper)
        case .id: graph.key(of: paper)
        case .venue: graph.venue(of: paper)
        default: nil
        }
    }

    private func phrase(_ input: PaperSet, _ words: [String]) throws(EvaluationError) -> PaperSet {
        var kept: [UInt32] = []
        for id in input.ids {
            try checkCancellation()  // one row splits a whole abstract into words
            let paper = PaperID(id)
            let texts = [graph.title(of: paper), graph.abstract(of: paper) ?? ""]
            if texts.contains(where: { Self.containsPhrase(TextFolding.words($0), words) }) { kept.append(id) }
        }
        return .list(kept)
    }

    static func containsPhrase(_ text: [Substring], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, text.count >= phrase.count else { return false }
        for start in 0...(text.count - phrase.count) {
            var matches = true
            for offset in 0..<phrase.count where text[start + offset] != phrase[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }
}
