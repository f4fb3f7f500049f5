/// Running or explaining one statement of a document, for an editor's commands.
public struct StatementRun: Sendable {
    /// The statement.
    public let span: SourceSpan
    /// Its result as a table, or its plan.
    public let output: String
    /// The statement's errors and warnings, as messages.
    public let messages: [String]
}

extension LanguageService {
    /// Runs (or explains) the statement at an offset, after running the statements before it
    /// for their `let` names. Nil when no statement is there.
    public func runStatement(in text: String, at offset: Int, explain: Bool = false,
                             cancellation: CancellationFlag? = nil) -> StatementRun? {
        let source = SourceFile(name: "<query>", text: text)
        let statements = Parser.parse(source).script.statements
        let cursor = Self.clamp(offset, in: source)
        guard let statement = statements.first(where: { $0.span.start <= cursor && cursor <= $0.span.end })
            ?? statements.first(where: { $0.span.start >= cursor }) ?? statements.last else { return nil }
        var session = QuerySession(graph: graph)
        let before = source.text(of: SourceSpan(start: 0, end: statement.span.start))
        _ = session.run(before, options: .init(keepGoing: true, cancellation: cancellation))
        let statementText = source.text(of: statement.span)
        if explain {
            let (plans, diagnostics) = session.explain(statementText)
            let output = plans.map { PlanExplainer(graph: graph).render($0) }.joined(separator: "\n")
            return StatementRun(span: statement.span, output: output, messages: diagnostics.map(\.message))
        }
        let outcome = session.run(statementText, options: .init(keepGoing: true, cancellation: cancellation))
        let formatter = ResultFormatter(format: .table, options: FormatOptions(width: 120, maxRows: 50))
        let output = outcome.statements.compactMap { $0.result.map { formatter.render($0, graph: graph) } }.joined()
        return StatementRun(span: statement.span, output: output, messages: outcome.diagnostics.map(\.message))
    }
}
