/// Says why a set of papers came out empty when no name or word explains it already: the
/// filters side by side are counted in turn (`by "Jack Rae"`: 6 papers, `and not at NeurIPS`:
/// none of them), and the note points at the filter that emptied the set.
struct EmptyResultExplainer {
    let source: SourceFile
    /// How many papers a query text yields (nil when it cannot be run).
    let count: (String) -> Int?

    /// The note for a pipeline whose set of papers is empty, or nil when there is nothing to say.
    func explain(_ pipeline: Pipeline) -> Diagnostic? {
        let base: String
        let filter: Filter
        switch pipeline.source {
        case .papers(_, let written?):
            base = "papers"
            filter = written
        case .filtered(let set, let written):
            base = "(" + source.text(of: set.span) + ")"
            filter = written
            if count(base) == 0 {
                return .remark(Messages.emptyBase(source.text(of: set.span)), at: set.span)
            }
        default:
            return nil
        }
        let parts = Self.conjuncts(filter)
        var kept: [Filter] = []
        var before: Int?
        for part in parts {
            let text = base + " " + (kept + [part]).map { "(" + source.text(of: $0.span) + ")" }.joined(separator: " ")
            guard let now = count(text) else { return nil }
            if now == 0 {
                let written = source.text(of: part.span)
                guard let before, let first = kept.first, let last = kept.last else {
                    return .remark(Messages.emptyFilter(written), at: part.span)
                }
                let earlier = source.text(of: first.span.union(last.span))
                return .remark(Messages.emptyConjunction(written, after: earlier, matching: before), at: part.span)
            }
            kept.append(part)
            before = now
        }
        return nil
    }

    /// The filters that all apply: `A and B`, `A B`, `(A and B)`, `where (A and B)`.
    static func conjuncts(_ filter: Filter) -> [Filter] {
        switch filter {
        case .and(let parts): parts.flatMap(conjuncts)
        case .group(let inner, _): inner.isConjunction ? conjuncts(inner) : [filter]
        default: [filter]
        }
    }
}

extension Filter {
    var isConjunction: Bool {
        switch self {
        case .and: true
        case .group(let inner, _): inner.isConjunction
        default: false
        }
    }
}
