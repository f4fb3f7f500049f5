/// Turns a checked query into a plan, choosing indexes and ordering intersections by their
/// estimated sizes (smallest first).
public struct Planner: Sendable {
    public let graph: PaperGraph

    public init(graph: PaperGraph) {
        self.graph = graph
    }

    public func plan(_ pipeline: CheckedPipeline) -> QueryPlan {
        QueryPlan(source: planSource(pipeline.source), stages: pipeline.stages, kind: pipeline.kind)
    }

    private func planSource(_ set: CheckedSet) -> SourcePlan {
        switch set {
        case .papers(let base, let filter):
            return .papers(planPapers(base: base, filter: filter))
        case .authors(let of):
            return .authorsOf(of.map { planPaperPipeline($0) })
        case .authorsNamed(let name):
            return .authorsNamed(name)
        case .venues(let of):
            return .venuesOf(of.map { planPaperPipeline($0) })
        case .coauthors(let selection, let within):
            return .coauthors(planAuthors(selection), within: within)
        case .path(let from, let to):
            return .path(planAuthors(from), planAuthors(to))
        case .profile(let people):
            return .profile(planAuthors(people))
        case .variable(let name, let kind):
            return .variable(name, kind)
        case .nested(let pipeline):
            return .nested(plan(pipeline))
        }
    }

    private func planPaperPipeline(_ pipeline: CheckedPipeline) -> PaperPlan {
        if pipeline.stages.isEmpty, case .papers(let base, let filter) = pipeline.source {
            return planPapers(base: base, filter: filter)
        }
        return .nested(plan(pipeline))
    }

    func planPapers(base: PaperBase, filter: CheckedFilter?) -> PaperPlan {
        let basePlan: PaperPlan =
            switch base {
            case .all: .all
            case .variable(let name): .variable(name)
            case .nested(let pipeline): planPaperPipeline(pipeline)
            }
        guard let filter else { return basePlan }
        let filterPlan = planFilter(filter)
        if case .all = basePlan { return filterPlan }
        return intersect([basePlan, filterPlan])
    }

    func planAuthors(_ selection: AuthorSelection) -> AuthorPlan {
        switch selection {
        case .named(let name): .named(name)
        // Traversals start from any of a group; the checker rejects `and` there, and `by` plans
        // its conjunctions itself (planAuthoredBy), so `.all` reaches here only inside `any`.
        case .all(let parts), .any(let parts): .union(parts.map(planAuthors))
        case .query(let pipeline): .query(plan(pipeline))
        case .variable(let name): .variable(name)
        }
    }

    // MARK: - Filters

    /// Each filter is lowered in exactly one place: index lookups here, and the parts that
    /// only make sense against other papers (`not`, row tests, phrases, "has a value") in
    /// `planConjunction`, also when they stand alone (a conjunction of one).
    func planFilter(_ filter: CheckedFilter) -> PaperPlan {
        switch filter {
        case .and(let parts):
            return planConjunction(parts)
        case .not, .predicate, .hasValue, .words:
            return planConjunction([filter])
        case .or(let parts):
            return .union(parts.map(planFilter))
        case .authoredBy(let selection):
            return planAuthoredBy(selection)
        case .venue(let values, let label):
            return .facet(.venue, values, label: label)
        case .category(let values, let label):
            return .facet(.category, values, label: label)
        case .institution(let values, let label):
            return .facet(.institution, values, label: label)
        case .years(let range):
            return .years(range)
        case .papers(let ids, let label):
            return .explicit(ids, label: label)
        case .nothing(let label):
            return .empty(label: label)
        }
    }

    /// Filters that all apply: index lookups intersected (smallest first), negations
    /// subtracted (`not F` is the papers so far minus F), then phrases and row tests checked
    /// on what is left; with no positive part, "the papers so far" is every paper.
    private func planConjunction(_ parts: [CheckedFilter]) -> PaperPlan {
        var positives: [PaperPlan] = []
        var negatives: [PaperPlan] = []
        var predicates: [RowPredicate] = []
        var phrases: [[String]] = []
        func add(_ part: CheckedFilter) {
            switch part {
            case .and(let inner): inner.forEach(add)
            case .not(let inner): negatives.append(planFilter(inner))
            case .predicate(let predicate): predicates.append(predicate)
            case .hasValue(.year): positives.append(.years(.known))
            case .hasValue(let field): predicates.append(.hasValue(field))
            case .words(let ids, let phrase, let label):
                positives.append(.words(ids, label: label))
                if let phrase { phrases.append(phrase) }
            default: positives.append(planFilter(part))
            }
        }
        parts.forEach(add)
        var plan = positives.isEmpty ? .all : intersect(positives)
        if !negatives.isEmpty { plan = .subtract(plan, negatives.count == 1 ? negatives[0] : .union(negatives)) }
        for phrase in phrases { plan = .phrase(plan, phrase) }
        if !predicates.isEmpty { plan = .scan(plan, predicates) }
        return plan
    }

    /// `by "A" and "B"` needs both: one author list per name, intersected; `or` is a union of
    /// what each side needs (`"A" and "B" or "C"` is (A ∩ B) ∪ C, never A ∪ B ∪ C).
    private func planAuthoredBy(_ selection: AuthorSelection) -> PaperPlan {
        switch selection {
        case .all(let parts):
            return intersect(parts.map(planAuthoredBy))
        case .any(let parts) where parts.contains(where: Self.hasConjunction):
            return .union(parts.map(planAuthoredBy))
        default:
            return .authors(planAuthors(selection))
        }
    }

    private static func hasConjunction(_ selection: AuthorSelection) -> Bool {
        switch selection {
        case .all: true
        case .any(let parts): parts.contains(where: hasConjunction)
        case .named, .query, .variable: false
        }
    }

    /// An intersection with its inputs ordered smallest first; nested intersections flattened.
    func intersect(_ plans: [PaperPlan]) -> PaperPlan {
        var flat: [PaperPlan] = []
        for plan in plans {
            switch plan {
            case .intersect(let inner): flat.append(contentsOf: inner)
            case .all: continue
            default: flat.append(plan)
            }
        }
        if flat.isEmpty { return .all }
        if flat.count == 1 { return flat[0] }
        return .intersect(flat.sorted { estimate($0) < estimate($1) })
    }

    /// An upper bound on the number of papers a plan yields, from index sizes alone.
    public func estimate(_ plan: PaperPlan) -> Int {
        switch plan {
        case .all, .variable, .nested, .scan(.all, _):
            return graph.paperCount
        case .years(let range):
            return graph.paperIDRange(years: range).count
        case .authors(let authors):
            return estimate(authors)
        case .facet(let kind, let values, _):
            let facet = graph.facet(kind)
            return values.reduce(0) { $0 + facet.papers.count(Int($1)) }
        case .words(let ids, _):
            return ids.map { graph.wordPapers.count(Int($0)) }.min() ?? 0
        case .explicit(let ids, _):
            return ids.count
        case .intersect(let parts):
            return parts.map(estimate).min() ?? 0
        case .union(let parts):
            return min(graph.paperCount, parts.reduce(0) { $0 + estimate($1) })
        case .subtract(let plan, _), .scan(let plan, _), .phrase(let plan, _):
            return estimate(plan)
        case .empty:
            return 0
        }
    }

    func estimate(_ authors: AuthorPlan) -> Int {
        switch authors {
        case .named(let name): name.authors.reduce(0) { $0 + graph.paperCount(of: $1) }
        case .union(let parts): parts.reduce(0) { $0 + estimate($1) }
        case .query, .variable: graph.paperCount
        }
    }
}

extension PaperGraph {
    func facet(_ kind: FacetKind) -> Facet {
        switch kind {
        case .venue: venues
        case .category: categories
        case .institution: institutions
        }
    }

    /// The ids of papers whose year is known and in the range: contiguous, since ids follow
    /// year order (papers without a year, stored as 0, come first).
    func paperIDRange(years range: YearRange) -> Range<UInt32> {
        let low = Int16(clamping: max(1, range.low ?? 1))
        let start = years.partitioningIndex { $0 >= low }
        let end = range.high.map { high in years.partitioningIndex { $0 > Int16(clamping: high) } } ?? years.count
        return UInt32(start)..<UInt32(max(start, end))
    }
}

extension Array {
    /// The first index whose element satisfies a predicate that is false then true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
