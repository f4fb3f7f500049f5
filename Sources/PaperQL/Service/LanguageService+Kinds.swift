/// What the checker says about the partial tree at a cursor: the `let` names in scope and the
/// kinds of the sets and pipelines the cursor's construct applies to.
extension LanguageService {
    /// The `let` names in scope at a cursor: the service's, and those bound by the statements
    /// before the one the cursor is in.
    func environment(at syntax: CursorSyntax) -> [String: ResultKind] {
        var statements = syntax.script.statements
        // The cursor's own statement binds nothing yet, unless the cursor starts a new one.
        if !syntax.expected.roles.keys.contains(.statement), !statements.isEmpty { statements.removeLast() }
        var checker = Checker(graph: graph, environment: environment)
        for statement in statements {
            if case .binding = statement { _ = checker.check(statement) }
        }
        return checker.environment
    }

    /// The kind of a pipeline's rows: the checker's when it checks, else what its shape says
    /// (a misspelt name inside still leaves `papers by …` a set of papers).
    func kind(of pipeline: Pipeline, environment: [String: ResultKind]) -> ResultKind? {
        var checker = Checker(graph: graph, environment: environment)
        if let checked = checker.check(.query(pipeline)) { return checked.pipeline.kind }
        return Self.shapeKind(of: pipeline, environment: environment)
    }

    func kind(of set: SetExpression, environment: [String: ResultKind]) -> ResultKind? {
        kind(of: Pipeline(source: set, stages: [], span: set.span), environment: environment)
    }

    private static func shapeKind(of pipeline: Pipeline, environment: [String: ResultKind]) -> ResultKind? {
        var kind = shapeKind(of: pipeline.source, environment: environment)
        for stage in pipeline.stages {
            if case .count(let by, _) = stage { kind = by == nil ? .count : .groups }
        }
        return kind
    }

    private static func shapeKind(of set: SetExpression, environment: [String: ResultKind]) -> ResultKind? {
        switch set {
        case .papers: .papers
        case .authors, .authorsNamed, .coauthors: .authors
        case .venues: .venues
        case .path: .path
        case .profile: .profile
        case .variable(let name): environment[name.text]
        case .parenthesized(let pipeline, _): shapeKind(of: pipeline, environment: environment)
        case .filtered(let base, _): shapeKind(of: base, environment: environment)
        case .invalid: nil
        }
    }
}
