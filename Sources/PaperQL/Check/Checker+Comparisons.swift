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
        if op == .notEqual {
            // `F != v` is "F has a value, and not F = v": a missing value never compares.
            guard let equal = equality(field, .equal, value) else { return nil }
            if case .predicate(.date) = equal {
                return .predicate(.date(.notEqual, value.text))
            }
            return .and([.hasValue(field), .not(equal)])
        }
        return equality(field, op, value)
    }

    /// `FIELD = v`, `FIELD ~ v` and the order comparisons, for one field.
    private mutating func equality(_ field: Field, _ op: ComparisonOperator, _ value: Literal) -> CheckedFilter? {
        if op == .contains {
            let needle = TextFolding.fold(value.text)
            guard !needle.isEmpty else {
                error(Messages.emptySearch, at: value.span)
                return nil
            }
            switch field {
            case .venue: return containsFacet(graph.venues, value, make: { .venue($0, label: $1) })
            case .categories: return containsFacet(graph.categories, value, make: { .category($0, label: $1) })
            case .institutions: return containsFacet(graph.institutions, value, make: { .institution($0, label: $1) })
            case .authors:
                guard (0..<graph.variantNames.count).contains(where: { TextFolding.fold(graph.variantNames[$0]).contains(needle) }) else {
                    error(Messages.nothingContains(value.text), at: value.span)
                    return nil
                }
                return .predicate(.authorNameContains(needle))
            default: return .predicate(.textContains(field, needle))
            }
        }
        switch field {
        case .year:
            return yearComparison(op, value).map(CheckedFilter.years)
        case .date:
            return OrderComparison(op).map { .predicate(.date($0, value.text)) }
        case .venue:
            return checkVenue(value)
        case .categories:
            return checkCategory(value)
        case .institutions:
            return checkInstitution(value)
        case .authors:
            return resolveAuthorName(value.text, exactly: false, span: value.span).map { .authoredBy(.named($0)) }
        case .title:
            return checkTitle(value)
        case .doi:
            return .predicate(.textEquals(.doi, value.text.lowercased()))
        case .id:
            guard let paper = graph.papersByKey[value.text] else {
                error(Messages.unknownPaperID(value.text), at: value.span)
                return nil
            }
            return .papers([paper], label: "id = \"\(value.text)\"")
        case .type:
            guard let type = PaperType(rawValue: value.text.lowercased()) else {
                let notes = Suggestions.closest(to: value.text, among: PaperType.allCases.map(\.rawValue))
                    .map { Diagnostic.Note(Messages.didYouMean($0)) }
                error(Messages.unknownType(value.text), at: value.span,
                      notes: notes + [.init("types: \(PaperType.allCases.map(\.rawValue).joined(separator: ", "))")])
                return nil
            }
            return .predicate(.type([type]))
        default:
            return nil
        }
    }

    static func operators(for field: Field) -> [ComparisonOperator] {
        switch field {
        case .year, .date: [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
        case .type: [.equal, .notEqual]
        case .abstract: [.contains]
        default: [.equal, .notEqual, .contains]
        }
    }

    private mutating func yearComparison(_ op: ComparisonOperator, _ value: Literal) -> YearRange? {
        guard case .integer(let year) = value.kind, PaperRecord.validYears.contains(year) else {
            error(Messages.notAYear(value.text), at: value.span)
            return nil
        }
        switch op {
        case .equal, .notEqual: return YearRange(low: year, high: year)
        case .less: return YearRange(low: nil, high: year - 1)
        case .lessOrEqual: return YearRange(low: nil, high: year)
        case .greater: return YearRange(low: year + 1, high: nil)
        case .greaterOrEqual: return YearRange(low: year, high: nil)
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

extension OrderComparison {
    /// The order comparison a written operator stands for; nil for `~`.
    init?(_ op: ComparisonOperator) {
        switch op {
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .less: self = .less
        case .lessOrEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterOrEqual: self = .greaterOrEqual
        case .contains: return nil
        }
    }
}
