/// Runs a plan against a graph and produces a typed result.
///
/// Every loop that can run long checks the cancellation flag; results are fully materialized
/// (rows of ids; text is read from the graph only when formatted).
public struct Evaluator: Sendable {
    public let graph: PaperGraph
    /// Values of the `let` names in scope.
    public let bindings: [String: QueryResult]
    public let cancellation: CancellationFlag?

    public init(graph: PaperGraph, bindings: [String: QueryResult] = [:], cancellation: CancellationFlag? = nil) {
        self.graph = graph
        self.bindings = bindings
        self.cancellation = cancellation
    }

    public func evaluate(_ plan: QueryPlan) throws(EvaluationError) -> QueryResult {
        // `… | count` needs only how many rows there would be.
        if case .count? = plan.stages.first, let count = try countWithoutRows(plan.source) {
            var working = Working(result: .count(count), ordered: true)
            for stage in plan.stages.dropFirst() { working = try apply(stage, to: working) }
            return working.result
        }
        var working = try evaluateSource(plan.source)
        for stage in plan.stages {
            working = try apply(stage, to: working)
        }
        if !working.ordered { working = try ordered(working, limit: nil) }
        return working.result
    }

    /// A result and whether its rows are already in their final order.
    struct Working {
        var result: QueryResult
        var ordered: Bool
    }

    // MARK: - Cancellation
    //
    // Looking at the flag is one atomic load, so a loop may look often: the aim is that a Ctrl-C
    // stops any query within a few milliseconds, whatever one iteration costs. Loops whose body
    // can be slow (reading and folding a whole abstract, comparing two titles) look every time or
    // nearly; loops of cheap steps look every 256 iterations, and loops of uneven steps (an author
    // with ten coauthors or ten thousand) count the steps they take. Every loop looks at its first
    // iteration too, so a flag set before evaluation stops any query that does real work.

    func checkCancellation() throws(EvaluationError) {
        if cancellation?.isCancelled == true { throw .cancelled }
    }

    /// Checks the flag every 256 iterations of a loop of cheap steps.
    @inline(__always)
    func checkCancellation(every counter: Int) throws(EvaluationError) {
        if counter & 0xFF == 0 { try checkCancellation() }
    }

    /// Takes `steps` from `budget`, the steps left before the flag is next checked, and checks
    /// it (and refills the budget) when none are left. From a budget of 0, the first call checks.
    @inline(__always)
    func checkCancellation(after steps: Int, budget: inout Int) throws(EvaluationError) {
        budget -= steps
        if budget < 0 {
            budget = Self.stepsBetweenChecks
            try checkCancellation()
        }
    }

    /// How many cheap steps (an edge followed, an id counted) a loop takes between two checks.
    static let stepsBetweenChecks = 4096

    /// Sorts in place, checking the flag at the first comparison and every 64th after it (a
    /// comparison can read and fold two titles). The same order as `Array.sort(by:)`, which this
    /// uses: a comparison that throws stops it. Inlined, so that each caller's comparison is
    /// inlined into the sort, as when calling `sort(by:)` directly.
    @inline(__always)
    func cancellableSort<Element>(_ elements: inout [Element], by areInIncreasingOrder: (Element, Element) -> Bool)
        throws(EvaluationError)
    {
        guard let cancellation else {
            elements.sort(by: areInIncreasingOrder)
            return
        }
        var comparisons = 0
        do {
            try elements.sort { a, b throws(EvaluationError) in
                if comparisons & 0x3F == 0, cancellation.isCancelled { throw .cancelled }
                comparisons &+= 1
                return areInIncreasingOrder(a, b)
            }
        } catch {
            // `sort(by:)` rethrows untyped; the comparison throws nothing but `.cancelled`.
            throw .cancelled
        }
    }

    /// Ascending ids without repeats, from ids in any order.
    func sortedUnique(_ ids: [UInt32]) throws(EvaluationError) -> [UInt32] {
        var sorted = ids
        try cancellableSort(&sorted) { $0 < $1 }
        var unique: [UInt32] = []
        unique.reserveCapacity(sorted.count)
        for (counter, id) in sorted.enumerated() where unique.last != id {
            try checkCancellation(every: counter)
            unique.append(id)
        }
        return unique
    }

    private func evaluateSource(_ source: SourcePlan) throws(EvaluationError) -> Working {
        switch source {
        case .papers(let plan):
            let set = try papers(plan)
            return Working(result: .papers(PaperRows(papers: set.ids.map(PaperID.init), columns: PaperRows.defaultColumns)),
                           ordered: false)
        case .authorsOf(let plan):
            return Working(result: .authors(try authors(of: plan)), ordered: false)
        case .authorsNamed(let name):
            return Working(result: .authors(people(named: name)), ordered: false)
        case .venuesOf(let plan):
            return Working(result: .venues(try venues(of: plan)), ordered: false)
        case .coauthors(let authorPlan, let within):
            let sources = try authorIDs(authorPlan)
            var rows: AuthorRows
            if let within {
                rows = try coauthors(of: sources, within: within)
            } else {
                rows = try coauthors(of: sources)
            }
            // The people asked about: the centre of the result's graph.
            rows.origin = sources.map(AuthorID.init)
            return Working(result: .authors(rows), ordered: false)
        case .profile(let people):
            let ids = try authorIDs(people).map(AuthorID.init)
            try checkCancellation()
            return Working(result: .profile(ProfileBuilder(graph: graph).profile(of: ids, name: label(people))), ordered: true)
        case .path(let from, let to):
            let path = try shortestPath(from: try authorIDs(from), to: try authorIDs(to),
                                        fromLabel: label(from), toLabel: label(to))
            return Working(result: .path(path), ordered: true)
        case .variable(let name, _):
            guard let value = bindings[name] else { return Working(result: .count(0), ordered: true) }
            return Working(result: value, ordered: true)
        case .nested(let plan):
            return Working(result: try evaluate(plan), ordered: true)
        }
    }

    /// The number of rows a source yields, when it can be had without making the rows.
    private func countWithoutRows(_ source: SourcePlan) throws(EvaluationError) -> Int? {
        switch source {
        case .papers(let plan):
            return try papers(plan).count
        case .coauthors(let authors, let within?):
            return try coauthorCount(of: try authorIDs(authors), within: within)
        default:
            return nil
        }
    }

    /// How an author argument reads in a path result.
    private func label(_ plan: AuthorPlan) -> String {
        switch plan {
        case .named(let name): name.authors.count == 1 ? graph.name(of: name.authors[0]) : name.typed
        case .union(let parts): parts.map(label).joined(separator: " or ")
        case .query: "(query)"
        case .variable(let name): name
        }
    }

    /// The authors a plan names, ascending and without repeats.
    func authorIDs(_ plan: AuthorPlan) throws(EvaluationError) -> [UInt32] {
        switch plan {
        case .named(let name):
            return name.authors.map(\.rawValue).sorted()
        case .union(let parts):
            var all: [UInt32] = []
            for part in parts { all.append(contentsOf: try authorIDs(part)) }
            return try sortedUnique(all)
        case .query(let query):
            return try authorIDs(of: try evaluate(query))
        case .variable(let name):
            guard let value = bindings[name] else { return [] }
            return try authorIDs(of: value)
        }
    }

    private func authorIDs(of result: QueryResult) throws(EvaluationError) -> [UInt32] {
        guard case .authors(let rows) = result else { return [] }
        return try sortedUnique(rows.rows.map(\.author.rawValue))
    }
}
