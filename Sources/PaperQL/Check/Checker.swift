/// Resolves a syntax tree against a graph: names become ids, kinds are checked, and every
/// name that matches nothing becomes a diagnostic with suggestions.
public struct Checker {
    public let graph: PaperGraph
    /// The kinds of the `let` names in scope.
    public private(set) var environment: [String: ResultKind]
    public private(set) var diagnostics: [Diagnostic] = []
    /// Set by any error while checking the current statement.
    var failed = false
    /// How many more unknown names of the current statement get suggestions (see `maySuggest`).
    var suggestionsLeft = DiagnosticRenderer.defaultLimit

    public init(graph: PaperGraph, environment: [String: ResultKind] = [:]) {
        self.graph = graph
        self.environment = environment
    }

    /// Checks one statement. Returns nil when it has errors; they are in `diagnostics`.
    /// A checked `let` adds its name to the environment.
    public mutating func check(_ statement: Statement) -> CheckedStatement? {
        failed = false
        suggestionsLeft = DiagnosticRenderer.defaultLimit
        switch statement {
        case .invalid:
            return nil
        case .query(let pipeline):
            guard let checked = checkPipeline(pipeline), !failed else { return nil }
            return CheckedStatement(binding: nil, pipeline: checked, span: statement.span)
        case .binding(let name, let value, let span):
            if Field(typed: name.text) != nil || name.text.lowercased() == "all" {
                warn(Messages.bindingShadowsField(name.text), at: name.span)
            }
            guard let checked = checkPipeline(value), !failed else { return nil }
            environment[name.text] = checked.kind
            return CheckedStatement(binding: name.text, pipeline: checked, span: span)
        }
    }

    // MARK: - Pipelines and stages

    mutating func checkPipeline(_ pipeline: Pipeline) -> CheckedPipeline? {
        guard let (source, sourceKind) = checkSet(pipeline.source) else { return nil }
        var kind = sourceKind
        var stages: [CheckedStage] = []
        for stage in pipeline.stages {
            guard let checked = checkStage(stage, after: kind) else { return nil }
            stages.append(checked.stage)
            kind = checked.kind
        }
        return CheckedPipeline(source: source, stages: stages, kind: kind)
    }

    private mutating func checkStage(_ stage: Stage, after kind: ResultKind) -> (stage: CheckedStage, kind: ResultKind)? {
        if kind == .count || kind == .path || kind == .profile {
            error(Messages.stageAfterScalar(stageName(stage), kind.article), at: stage.span)
            return nil
        }
        switch stage {
        case .invalid:
            failed = true
            return nil
        case .count(nil, _):
            return (.count, .count)
        case .count(let field?, _):
            guard kind == .papers else {
                error(Messages.countByNeedsPapers(kind.article), at: stage.span)
                return nil
            }
            guard let resolved = resolveField(field, among: Field.groupable, for: "count by") else { return nil }
            return (.countBy(resolved), .groups)
        case .sort(let keys, _):
            var resolved: [(field: Field, descending: Bool)] = []
            for key in keys {
                guard let field = resolveField(key.field, among: Field.sortable(for: kind), for: "sort by") else {
                    return nil
                }
                resolved.append((field, key.descending ?? field.sortsDescendingByDefault))
            }
            return (.sort(resolved), kind)
        case .limit(let count, _):
            return (.limit(count), kind)
        case .show(let fields, _):
            var resolved: [Field] = []
            for field in fields {
                guard let field = resolveField(field, among: Field.shown(for: kind), for: "show") else { return nil }
                if !resolved.contains(field) { resolved.append(field) }
            }
            return (.show(resolved), kind)
        }
    }

    private func stageName(_ stage: Stage) -> String {
        switch stage {
        case .count: "count"
        case .sort: "sort"
        case .limit: "limit"
        case .show: "show"
        case .invalid: "stage"
        }
    }

    mutating func resolveField(_ name: Name, among allowed: [Field], for context: String) -> Field? {
        if let field = Field(typed: name.text), allowed.contains(field) { return field }
        let names = allowed.map(\.rawValue)
        var notes = Suggestions.closest(to: name.text, among: names).map { Diagnostic.Note(Messages.didYouMean($0)) }
        notes.append(.init("`\(context)` accepts: \(names.joined(separator: ", "))"))
        error(Messages.unknownField(name.text, context: context), at: name.span, notes: notes)
        return nil
    }

    // MARK: - Reporting

    /// "Did you mean" for the first unknown names of a statement only: each suggestion scans
    /// every name of its kind, and no front end shows more than `DiagnosticRenderer.defaultLimit`
    /// diagnostics of a statement, so a statement of thousands of unknown names stays linear.
    mutating func maySuggest() -> Bool {
        guard suggestionsLeft > 0 else { return false }
        suggestionsLeft -= 1
        return true
    }

    mutating func error(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: span, notes: notes))
        failed = true
    }

    mutating func warn(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(message, at: span, notes: notes))
    }

    mutating func remark(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.remark(message, at: span, notes: notes))
    }
}
