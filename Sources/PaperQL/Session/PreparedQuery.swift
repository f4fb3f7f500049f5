/// A statement compiled once to be run many times, as a program runs a prepared SQL statement:
/// running it skips looking its text up and gathering a script's outcome, and gives the result
/// `QuerySession.run(_:)` gives for the same text.
///
/// ```swift
/// var session = QuerySession(graph: graph)
/// let query = try session.prepare(#"papers by "Jack Rae" since 2020"#).get()
/// for _ in 0..<1000 {
///     let result = try session.run(query)
///     …
/// }
/// ```
public struct PreparedQuery: Sendable {
    /// What running it needs, in one object: copying a prepared query is one retain.
    final class Compiled: Sendable {
        let entry: QuerySession.CompiledScript.Entry
        let plan: QueryPlan
        let statementSpan: SourceSpan
        /// The kinds of the `let` names it was checked against: when they change, it is
        /// compiled again.
        let environment: [String: ResultKind]
        let source: SourceFile

        init(entry: QuerySession.CompiledScript.Entry, plan: QueryPlan, statementSpan: SourceSpan,
             environment: [String: ResultKind], source: SourceFile) {
            self.entry = entry
            self.plan = plan
            self.statementSpan = statementSpan
            self.environment = environment
            self.source = source
        }
    }

    let compiled: Compiled

    public var source: SourceFile { compiled.source }
    /// Its warnings (an unknown word in a title filter); a prepared query has no errors.
    public var diagnostics: [Diagnostic] { compiled.entry.diagnostics }

    /// Why a query could not be prepared or run: its errors, or its cancellation.
    public struct Failure: Error, Sendable {
        public let source: SourceFile
        public let diagnostics: [Diagnostic]
    }
}

extension QuerySession {
    /// Parses, checks and plans one statement (a query or a `let`), for `run(_:cancellation:)`.
    public mutating func prepare(_ text: String, name: String = "<query>") -> Result<PreparedQuery, PreparedQuery.Failure> {
        let compiled = compile(SourceFile(name: name, text: text))
        let failure = { (diagnostics: [Diagnostic]) in PreparedQuery.Failure(source: compiled.source, diagnostics: diagnostics) }
        guard let entry = compiled.entries.first else {
            return .failure(failure(compiled.diagnostics + [.error(Messages.prepareNothing, at: .at(0))]))
        }
        guard compiled.entries.count == 1 else {
            return .failure(failure([.error(Messages.prepareOneStatement, at: compiled.entries[1].span)]))
        }
        guard !compiled.diagnostics.hasErrors, let plan = entry.plan, let span = entry.checked?.span else {
            return .failure(failure(compiled.diagnostics))
        }
        return .success(PreparedQuery(compiled: .init(entry: entry, plan: plan, statementSpan: span, environment: bindingKinds,
                                                      source: compiled.source)))
    }

    /// Runs a prepared query: its result, as `run` gives it (without the note `run` adds to an
    /// empty answer). A `let` binds its name. When a `let` has since given a name it uses a value
    /// of another kind, the text is prepared again first, and fails as `run` would.
    public mutating func run(_ prepared: PreparedQuery, cancellation: CancellationFlag? = nil) throws(PreparedQuery.Failure) -> QueryResult {
        let query = prepared.compiled
        guard query.environment == bindingKinds else {
            switch prepare(query.source.text, name: query.source.name) {
            case .success(let again): return try run(again, cancellation: cancellation)
            case .failure(let failure): throw failure
            }
        }
        let evaluator = Evaluator(graph: graph, bindings: bindings, cancellation: cancellation)
        do {
            let result = try evaluator.evaluate(query.plan)
            if let binding = query.entry.checked?.binding { bindings[binding] = result }
            return result
        } catch {
            throw PreparedQuery.Failure(source: query.source, diagnostics: [.error(Messages.cancelled, at: query.statementSpan)])
        }
    }
}
