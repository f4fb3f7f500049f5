import PaperQL

/// `where FIELD OP VALUE`, as SEMANTICS.md states it: a comparison with a missing value is never
/// true; `F != v` is "F has a value and not F = v"; `~` is "the folded value contains the folded
/// text"; on list fields `=` and `~` ask whether some element does.
extension ReferenceEvaluator {
    func comparison(_ fieldText: String, _ op: ComparisonOperator, _ value: Literal) throws(Rejection) -> Test {
        guard let field = Self.field(fieldText) else { throw Rejection(reason: "field \(fieldText)") }
        switch (field, op) {
        case ("year", _):
            guard op != .contains, case .integer(let year) = value.kind, (1...9999).contains(year) else {
                throw Rejection(reason: "year")
            }
            return { paper in paper.year.map { Self.order(op, $0, year) } ?? false }
        case ("date", _):
            guard op != .contains else { throw Rejection(reason: "date ~") }
            let bound = value.text
            return { paper in
                guard let date = paper.date ?? paper.year.map(String.init) else { return false }
                return Self.order(op, String(date.prefix(bound.count)), bound)
            }
        case ("type", .equal), ("type", .notEqual):
            guard let type = PaperType(rawValue: value.text.lowercased()) else { throw Rejection(reason: "type") }
            return { paper in paper.type.map { op == .equal ? $0 == type : $0 != type } ?? false }
        case ("abstract", .contains):
            let needle = try Self.needle(value.text)
            return { paper in paper.abstract.map { TextFolding.fold($0).contains(needle) } ?? false }
        case ("title", _), ("doi", _), ("id", _):
            return try scalarText(field, op, value.text)
        case ("venue", _):
            return try listed(op, value.text, names: allVenues, rule: .words) { $0.venue.map { [$0] } ?? [] }
        case ("categories", _):
            return try listed(op, value.text, names: allCategories, rule: .lastWord) { $0.categories }
        case ("institutions", _):
            return try listed(op, value.text, names: allInstitutions, rule: .words) { $0.institutions }
        case ("authors", .contains):
            let needle = try Self.needle(value.text)
            let people = Set(corpus.people.indices.filter { corpus.people[$0].foldedVariants.contains { $0.contains(needle) } })
            guard !people.isEmpty else { throw Rejection(reason: "no author name contains \(value.text)") }
            return { paper in paper.authors.contains(where: people.contains) }
        case ("authors", .equal), ("authors", .notEqual):
            let people = try self.people(named: value.text, exactly: false)
            return { paper in
                let some = paper.authors.contains(where: people.contains)
                return op == .equal ? some : (!paper.authors.isEmpty && !some)
            }
        default:
            throw Rejection(reason: "\(field) \(op.rawValue)")
        }
    }

    static func order<T: Comparable>(_ op: ComparisonOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .contains: false
        }
    }

    /// Title (folded equality, a title that no paper has is refused), DOI (case-insensitive
    /// equality) and id (exact, an unknown id is refused).
    private func scalarText(_ field: String, _ op: ComparisonOperator, _ typed: String) throws(Rejection) -> Test {
        func value(_ paper: ReferenceCorpus.Paper) -> String? {
            switch field {
            case "title": paper.title.isEmpty ? nil : paper.title
            case "doi": paper.doi
            default: paper.key
            }
        }
        if op == .contains {
            let needle = try Self.needle(typed)
            return { paper in value(paper).map { TextFolding.fold($0).contains(needle) } ?? false }
        }
        guard op == .equal || op == .notEqual else { throw Rejection(reason: "\(field) \(op.rawValue)") }
        let equal: (String) -> Bool
        switch field {
        case "title":
            let folded = TextFolding.fold(typed)
            guard !folded.isEmpty, corpus.papers.contains(where: { $0.foldedTitle == folded }) else {
                throw Rejection(reason: "no title")
            }
            equal = { TextFolding.fold($0) == folded }
        case "doi":
            let lowered = typed.lowercased()
            equal = { $0.lowercased() == lowered }
        default:
            guard corpus.papers.contains(where: { $0.key == typed }) else { throw Rejection(reason: "no id") }
            equal = { $0 == typed }
        }
        return { paper in value(paper).map { op == .equal ? equal($0) : !equal($0) } ?? false }
    }

    /// Venue, categories, institutions: `=` some value the typed name means (as in `at`, `in
    /// category`, `from`), `!=` a value and none of them, `~` some value containing the text.
    private func listed(
        _ op: ComparisonOperator, _ typed: String, names: Set<String>, rule: FacetRule,
        values: @escaping (ReferenceCorpus.Paper) -> [String]
    ) throws(Rejection) -> Test {
        let wanted: Set<String>
        switch op {
        case .contains: wanted = try facetValues(containing: typed, names: names)
        case .equal, .notEqual: wanted = try facetValues(typed: typed, names: names, rule: rule)
        default: throw Rejection(reason: "order on a name")
        }
        return { paper in
            let own = values(paper)
            let some = own.contains { wanted.contains(TextFolding.fold($0)) }
            return op == .notEqual ? (!own.isEmpty && !some) : some
        }
    }
}
