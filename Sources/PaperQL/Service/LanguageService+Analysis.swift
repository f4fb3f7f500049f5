/// A document's diagnostics from running it, and each statement's result size.
public struct DocumentAnalysis: Sendable {
    public struct StatementResult: Sendable, Equatable {
        public let span: SourceSpan
        public let binding: String?
        public let kind: ResultKind
        public let rowCount: Int
    }

    /// Syntax and name errors of every statement, and the warnings running them gave (an empty
    /// answer and the filter that emptied it).
    public let diagnostics: [Diagnostic]
    /// The statements that ran, in order.
    public let results: [StatementResult]
    /// Every statement ran (false when the cancellation flag stopped the run).
    public let finished: Bool
}

extension LanguageService {
    /// Parses, checks and runs a document in a fresh session (`let` names come from the text),
    /// going on after errors. A cancelled run still returns every syntax and name error.
    public func analyze(_ text: String, name: String = "<query>", cancellation: CancellationFlag? = nil) -> DocumentAnalysis {
        var session = QuerySession(graph: graph)
        let outcome = session.run(SourceFile(name: name, text: text), options: .init(keepGoing: true, cancellation: cancellation))
        var results: [DocumentAnalysis.StatementResult] = []
        var finished = true
        for statement in outcome.statements {
            if statement.diagnostics.contains(where: { $0.id == Messages.cancelled.id }) { finished = false }
            guard let result = statement.result else { continue }
            results.append(.init(span: statement.span, binding: statement.binding, kind: result.kind, rowCount: result.rowCount))
        }
        return DocumentAnalysis(diagnostics: outcome.diagnostics, results: results, finished: finished)
    }
}
