/// `where FIELD OP VALUE`.
extension Checker {
    mutating func checkComparison(field name: Name, op: ComparisonOperator, opSpan: SourceSpan, value: Literal)
        -> CheckedFilter?
    {
        guard let field = resolveField(name, among: Field.comparable, for: "where") else { return nil }
        let allowed = Self.operators(for: field)
        guard allowed.contains(op) else {
            error(Messages.operatorNotAllowed(op.rawValue, field: field.rawValue), at: opSpan,
                  notes: [.init("`\(field.rawValue)` accepts: \(allowed.map(\.rawValue).joined(separator: " "))")])
            return nil
        }
        let filter: CheckedFilter?
        switch field {
        case .year:
            filter = yearComparison(op, value)
        case .venue:
            filter = op == .contains ? containsFacet(graph.venues, value, make: { .venue($0, label: $1) })
                : checkVenue(value)
        case .categories:
            filter = op == .contains ? containsFacet(graph.categories, value, make: { .category($0, label: $1) })
                : checkCategory(value)
        case .institutions:
            filter = op == .contains ? containsFacet(graph.institutions, value, make: { .institution($0, label: $1) })
                : checkInstitution(value)
        case .authors:
            if op == .contains {
                let needle = TextFolding.fold(value.text)
                let authors = graph.allAuthors.filter { TextFolding.fold(graph.name(of: $0)).contains(needle) }
                guard !authors.isEmpty else {
                    error(Messages.unknownAuthor(value.text), at: value.span)
                    return nil
                }
                filter = .authoredBy(.named(ResolvedAuthorName(typed: value.text, exactly: false, span: value.span,
                                                               authors: authors)))
            } else {
                filter = resolveAuthorName(value.text, exactly: false, span: value.span)
                    .map { .authoredBy(.named($0)) }
            }
        case .title:
            filter = op == .contains ? .predicate(.textContains(.title, TextFolding.fold(value.text)))
                : checkTitle(value)
        case .abstract:
            filter = .predicate(.textContains(.abstract, TextFolding.fold(value.text)))
        case .doi:
            filter = .predicate(op == .contains ? .textContains(.doi, value.text.lowercased())
                                : .textEquals(.doi, value.text.lowercased()))
        case .id:
            if op == .contains {
                filter = .predicate(.textContains(.id, value.text))
            } else if let paper = graph.papersByKey[value.text] {
                filter = .papers([paper], label: "id = \"\(value.text)\"")
            } else {
                error(Messages.unknownPaperID(value.text), at: value.span)
                return nil
            }
        case .type:
            guard let type = PaperType(rawValue: value.text.lowercased()) else {
                let notes = Suggestions.closest(to: value.text, among: PaperType.allCases.map(\.rawValue))
                    .map { Diagnostic.Note(Messages.didYouMean($0)) }
                error(Messages.unknownType(value.text), at: value.span,
                      notes: notes + [.init("types: \(PaperType.allCases.map(\.rawValue).joined(separator: ", "))")])
                return nil
            }
            filter = .predicate(.type([type]))
        case .date:
            filter = .predicate(.date(op, value.text))
        default:
            filter = nil
        }
        guard let filter else { return nil }
        return op == .notEqual ? .not(filter) : filter
    }

    static func operators(for field: Field) -> [ComparisonOperator] {
        switch field {
        case .year, .date: [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        case .type: [.equal, .notEqual]
        default: [.equal, .notEqual, .contains]
        }
    }

    private mutating func yearComparison(_ op: ComparisonOperator, _ value: Literal) -> CheckedFilter? {
        guard case .integer(let year) = value.kind, (1...9999).contains(year) else {
            error(Messages.notAYear(value.text), at: value.span)
            return nil
        }
        let top = Int(Int16.max)
        switch op {
        case .equal, .notEqual: return .years(year...year)
        case .less: return .years(1...max(1, year - 1))
        case .lessOrEqual: return .years(1...year)
        case .greater: return .years(min(top, year + 1)...top)
        case .greaterOrEqual: return .years(year...top)
        case .contains: return nil
        }
    }

    private mutating func containsFacet(
        _ facet: Facet, _ value: Literal, make: ([UInt32], String) -> CheckedFilter
    ) -> CheckedFilter? {
        let needle = TextFolding.fold(value.text)
        let values = facet.names.indices.filter { TextFolding.fold(facet.names[$0]).contains(needle) }.map(UInt32.init)
        guard !values.isEmpty else {
            error(Messages.nothingContains(value.text), at: value.span)
            return nil
        }
        return make(values, "~ \"\(value.text)\"")
    }
}
