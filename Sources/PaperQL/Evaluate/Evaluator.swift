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

    func checkCancellation() throws(EvaluationError) {
        if cancellation?.isCancelled == true { throw .cancelled }
    }

    /// Checks the flag every 65,536 iterations of a loop.
    @inline(__always)
    func checkCancellation(every counter: Int) throws(EvaluationError) {
        if counter & 0xFFFF == 0 { try checkCancellation() }
    }

    private func evaluateSource(_ source: SourcePlan) throws(EvaluationError) -> Working {
        switch source {
        case .papers(let plan):
            let set = try papers(plan)
            return Working(result: .papers(PaperRows(papers: set.ids.map(PaperID.init), columns: PaperRows.defaultColumns)),
                           ordered: false)
        case .authorsOf(let plan):
            return Working(result: .authors(try authors(of: plan)), ordered: false)
        case .venuesOf(let plan):
            return Working(result: .venues(try venues(of: plan)), ordered: false)
        case .coauthors(let authorPlan, let within):
            let sources = try authorIDs(authorPlan)
            let rows: AuthorRows
            if let within {
                rows = try coauthors(of: sources, within: within)
            } else {
                rows = try coauthors(of: sources)
            }
            return Working(result: .authors(rows), ordered: false)
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
            var all = Set<UInt32>()
            for part in parts { all.formUnion(try authorIDs(part)) }
            return all.sorted()
        case .query(let query):
            return authorIDs(of: try evaluate(query))
        case .variable(let name):
            return bindings[name].map(authorIDs(of:)) ?? []
        }
    }

    private func authorIDs(of result: QueryResult) -> [UInt32] {
        guard case .authors(let rows) = result else { return [] }
        return Set(rows.rows.map(\.author.rawValue)).sorted()
    }
}
