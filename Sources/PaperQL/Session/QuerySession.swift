import Foundation

/// Runs query text against a graph, keeping `let` names between runs: a REPL session, a
/// script, or an embedding program.
///
/// ```swift
/// var session = QuerySession(graph: DefaultCorpus.load())
/// let outcome = session.run("papers by \"Jack Rae\" since 2020")
/// ```
public struct QuerySession: Sendable {
    public let graph: PaperGraph
    /// Values of the `let` names defined so far.
    public internal(set) var bindings: [String: QueryResult] = [:] {
        didSet { bindingKinds = bindings.mapValues(\.kind) }
    }
    /// The kinds of the `let` names defined so far: what checking depends on. Kept beside the
    /// values so that a run does not remake it.
    private(set) var bindingKinds: [String: ResultKind] = [:]
    /// Scripts already compiled, by text and the kinds of the names in scope.
    private var compiledScripts: [CompiledKey: CompiledScript] = [:]
    /// The script compiled or found last, tried before the dictionary: a program running one
    /// query again and again compares its bytes instead of hashing them.
    private var lastCompiled: (key: CompiledKey, script: CompiledScript)?

    public init(graph: PaperGraph) {
        self.graph = graph
    }

    /// How to run a script.
    public struct Options: Sendable {
        /// Run the statements after one that fails (`--keep-going`).
        public var keepGoing: Bool
        public var cancellation: CancellationFlag?

        public init(keepGoing: Bool = false, cancellation: CancellationFlag? = nil) {
            self.keepGoing = keepGoing
            self.cancellation = cancellation
        }
    }

    /// Runs every statement of a script and returns all outcomes.
    ///
    /// Text run before (with the same kinds of `let` names in scope) is not parsed, checked or
    /// planned again, and its `SourceFile` is reused when the name is the same.
    public mutating func run(_ text: String, name: String = "<query>", options: Options = Options()) -> ScriptOutcome {
        let compiled = compile(text: text, name: name)
        return Self.collect(compiled.source) { execute(compiled, options: options, onStatement: $0) }
    }

    public mutating func run(_ source: SourceFile, options: Options = Options()) -> ScriptOutcome {
        Self.collect(source) { run(source, options: options, onStatement: $0) }
    }

    /// A run's outcome with the statements' outcomes gathered into it.
    private static func collect(
        _ source: SourceFile, _ run: ((StatementOutcome) -> Void) -> ScriptOutcome
    ) -> ScriptOutcome {
        var statements: [StatementOutcome] = []
        let outcome = run { statements.append($0) }
        return ScriptOutcome(source: source, diagnostics: outcome.diagnostics,
                             unreportedDiagnostics: outcome.unreportedDiagnostics, statements: statements,
                             stoppedEarly: outcome.stoppedEarly, isIncomplete: outcome.isIncomplete)
    }

    /// Runs a script, handing each statement's outcome to `onStatement` as soon as it is ready.
    ///
    /// The whole script is parsed and checked first, so every syntax and name error is reported
    /// at once (in `diagnostics` of the result). Statements then run in order; the run stops at
    /// the first statement with an error unless `keepGoing` is set.
    @discardableResult
    public mutating func run(
        _ source: SourceFile, options: Options = Options(), onStatement: (StatementOutcome) -> Void
    ) -> ScriptOutcome {
        execute(compile(source), source: source, options: options, onStatement: onStatement)
    }

    /// Runs a compiled script; `source` is the text it was compiled from (spans point into it).
    private mutating func execute(
        _ compiled: CompiledScript, source: SourceFile? = nil, options: Options, onStatement: (StatementOutcome) -> Void
    ) -> ScriptOutcome {
        let source = source ?? compiled.source
        var stoppedEarly = false
        var reported: [Diagnostic] = []
        /// Notes made while running (why an answer is empty).
        var runtime: [Diagnostic] = []
        for entry in compiled.entries {
            reported.append(contentsOf: entry.diagnostics)
            guard let plan = entry.plan, let statementSpan = entry.checked?.span else {
                onStatement(StatementOutcome(span: entry.span, result: nil, plan: nil, diagnostics: entry.diagnostics,
                                             binding: nil, failed: true))
                if !options.keepGoing {
                    stoppedEarly = true
                    break
                }
                continue
            }
            let evaluator = Evaluator(graph: graph, bindings: bindings, cancellation: options.cancellation)
            do {
                let result = try evaluator.evaluate(plan)
                var diagnostics = entry.diagnostics
                if let note = emptyResultNote(result, plan: plan, entry: entry, source: source,
                                              cancellation: options.cancellation) {
                    diagnostics.append(note)
                    reported.append(note)
                    runtime.append(note)
                }
                let binding = entry.checked?.binding
                if let binding { bindings[binding] = result }
                onStatement(StatementOutcome(span: statementSpan, result: result, plan: plan,
                                             diagnostics: diagnostics, binding: binding, failed: false))
            } catch {
                let cancelled = Diagnostic.error(Messages.cancelled, at: statementSpan)
                onStatement(StatementOutcome(span: statementSpan, result: nil, plan: plan,
                                             diagnostics: entry.diagnostics + [cancelled], binding: entry.checked?.binding,
                                             failed: true))
                stoppedEarly = true
                break
            }
        }
        // Linear bookkeeping: a million failing statements under `keepGoing` must not take
        // quadratic time (this was `firstIndex(of:)` and `remove(at:)` per diagnostic).
        // A script without diagnostics (the common case) has none unreported.
        var unreported: [Diagnostic] = []
        if !compiled.diagnostics.isEmpty {
            var reportedCounts: [DiagnosticKey: Int] = [:]
            for diagnostic in reported { reportedCounts[DiagnosticKey(diagnostic), default: 0] += 1 }
            unreported = compiled.diagnostics.filter { diagnostic in
                let key = DiagnosticKey(diagnostic)
                guard let count = reportedCounts[key] else { return true }
                reportedCounts[key] = count == 1 ? nil : count - 1
                return false
            }
        }
        let all = runtime.isEmpty ? compiled.diagnostics
            : (compiled.diagnostics + runtime).sorted { $0.span.start < $1.span.start }
        return ScriptOutcome(source: source, diagnostics: all, unreportedDiagnostics: unreported,
                             statements: [], stoppedEarly: stoppedEarly, isIncomplete: compiled.isIncomplete)
    }

    /// A note saying which filter emptied a set of papers, when the answer is empty and no
    /// warning (an unknown word) explains it already.
    private func emptyResultNote(
        _ result: QueryResult, plan: QueryPlan, entry: CompiledScript.Entry, source: SourceFile,
        cancellation: CancellationFlag?
    ) -> Diagnostic? {
        // Whether the answer is empty first: it is the cheap test, and most answers are not.
        switch result {
        case .papers(let rows) where rows.papers.isEmpty: break
        case .count(0): break
        case .groups(let rows) where rows.rows.isEmpty: break
        default: return nil
        }
        let pipeline: Pipeline
        switch entry.syntax {
        case .query(let written), .binding(_, let written, _): pipeline = written
        case .invalid: return nil
        }
        guard !entry.diagnostics.contains(where: { $0.severity == .warning }),
            !plan.stages.contains(where: { if case .limit = $0 { true } else { false } }),
            case .papers = plan.source
        else { return nil }
        let explainer = EmptyResultExplainer(source: source) { text in
            countPapers(text, cancellation: cancellation)
        }
        return explainer.explain(pipeline)
    }

    /// The number of papers a one-statement query yields, run directly (no notes, no cache).
    private func countPapers(_ text: String, cancellation: CancellationFlag?) -> Int? {
        let parsed = Parser.parse(SourceFile(name: "<probe>", text: text + " | count"))
        guard !parsed.diagnostics.hasErrors, parsed.script.statements.count == 1 else { return nil }
        var checker = Checker(graph: graph, environment: bindingKinds)
        guard let checked = checker.check(parsed.script.statements[0]), !checker.diagnostics.hasErrors else { return nil }
        let evaluator = Evaluator(graph: graph, bindings: bindings, cancellation: cancellation)
        guard case .count(let count)? = try? evaluator.evaluate(Planner(graph: graph).plan(checked.pipeline)) else {
            return nil
        }
        return count
    }

    /// A script parsed, checked and planned: what running it needs besides the graph.
    struct CompiledScript: Sendable {
        /// One statement; a class, so that running it does not copy its tree and plan.
        final class Entry: Sendable {
            let span: SourceSpan
            /// The statement as written.
            let syntax: Statement
            /// Nil when the statement has errors.
            let checked: CheckedStatement?
            let plan: QueryPlan?
            let diagnostics: [Diagnostic]

            init(span: SourceSpan, syntax: Statement, checked: CheckedStatement?, plan: QueryPlan?, diagnostics: [Diagnostic]) {
                self.span = span
                self.syntax = syntax
                self.checked = checked
                self.plan = plan
                self.diagnostics = diagnostics
            }
        }

        /// The text compiled.
        let source: SourceFile
        let entries: [Entry]
        /// Every diagnostic, in source order.
        let diagnostics: [Diagnostic]
        let isIncomplete: Bool
    }

    /// Parses, checks and plans a script; the result depends only on the text and the kinds of
    /// the `let` names in scope, so it is kept (like a statement cache) for the next run.
    mutating func compile(_ source: SourceFile) -> CompiledScript {
        let key = CompiledKey(text: source.text, environment: bindingKinds)
        if let cached = cached(key) { return cached }
        return remember(Self.compile(source, graph: graph, environment: bindingKinds), as: key)
    }

    /// The compiled script of a text, its `SourceFile` made only when the text is new (or was
    /// run under another name).
    private mutating func compile(text: String, name: String) -> CompiledScript {
        let key = CompiledKey(text: text, environment: bindingKinds)
        if let cached = cached(key), cached.source.name == name { return cached }
        return remember(Self.compile(SourceFile(name: name, text: text), graph: graph, environment: bindingKinds), as: key)
    }

    private mutating func cached(_ key: CompiledKey) -> CompiledScript? {
        if let lastCompiled, lastCompiled.key == key { return lastCompiled.script }
        guard let script = compiledScripts[key] else { return nil }
        lastCompiled = (key, script)
        return script
    }

    private mutating func remember(_ compiled: CompiledScript, as key: CompiledKey) -> CompiledScript {
        if compiledScripts.count >= Self.compiledScriptLimit { compiledScripts.removeAll(keepingCapacity: true) }
        compiledScripts[key] = compiled
        lastCompiled = (key, compiled)
        return compiled
    }

    /// Parsing, checking and planning: the one path from text to plans, for running and for
    /// `:explain` alike.
    static func compile(_ source: SourceFile, graph: PaperGraph, environment: [String: ResultKind]) -> CompiledScript {
        let parsed = Parser.parse(source)
        var checker = Checker(graph: graph, environment: environment)
        let planner = Planner(graph: graph)
        var entries: [CompiledScript.Entry] = []
        // Parse diagnostics are in source order: each statement finds its own by binary search
        // rather than by scanning them all (quadratic over a long script of failing statements).
        let sortedParseDiagnostics = parsed.diagnostics
        func parseDiagnostics(in span: SourceSpan) -> ArraySlice<Diagnostic> {
            var low = 0
            var high = sortedParseDiagnostics.count
            while low < high {
                let middle = (low + high) / 2
                if sortedParseDiagnostics[middle].span.start < span.start { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < sortedParseDiagnostics.count, span.contains(sortedParseDiagnostics[end].span.start) { end += 1 }
            return sortedParseDiagnostics[low..<end]
        }
        for statement in parsed.script.statements {
            let before = checker.diagnostics.count
            var result = checker.check(statement)
            let own = (Array(parseDiagnostics(in: statement.span))
                + checker.diagnostics[before...]).sorted { $0.span.start < $1.span.start }
            // A statement with a lexical error (an unterminated string, a stray character) does not run.
            if own.hasErrors { result = nil }
            entries.append(.init(span: statement.span, syntax: statement, checked: result,
                                 plan: result.map { planner.plan($0.pipeline) }, diagnostics: own))
        }
        return CompiledScript(
            source: source, entries: entries,
            diagnostics: (parsed.diagnostics + checker.diagnostics).sorted { $0.span.start < $1.span.start },
            isIncomplete: parsed.isIncomplete)
    }

    static let compiledScriptLimit = 256

    /// A diagnostic as a dictionary key, for counting.
    struct DiagnosticKey: Hashable {
        let id: String
        let message: String
        let span: SourceSpan
        let severity: String

        init(_ diagnostic: Diagnostic) {
            id = diagnostic.id
            message = diagnostic.message
            span = diagnostic.span
            severity = diagnostic.severity.rawValue
        }
    }

    /// A compiled script's key. Texts are compared by their UTF-8 bytes, not as `String`s
    /// (which equate canonically equivalent text, "é" and "e\u{301}"): spans are byte offsets,
    /// so a script compiled from other bytes would point its diagnostics at the wrong places.
    /// Hashing the bytes also skips the normalization a `String` hash does.
    struct CompiledKey: Hashable, Sendable {
        let text: String
        let environment: [String: ResultKind]

        static func == (lhs: CompiledKey, rhs: CompiledKey) -> Bool {
            var left = lhs.text
            var right = rhs.text
            let sameBytes = left.withUTF8 { left in
                right.withUTF8 { right in
                    guard left.count == right.count else { return false }
                    guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return true }
                    return memcmp(leftBytes, rightBytes, left.count) == 0
                }
            }
            return sameBytes && lhs.environment == rhs.environment
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(environment)
        }
    }

    /// The plans a query would run with (the same compilation as `run`), for `:explain`.
    public func explain(_ text: String, name: String = "<query>") -> (plans: [QueryPlan], diagnostics: [Diagnostic]) {
        let compiled = Self.compile(SourceFile(name: name, text: text), graph: graph, environment: bindingKinds)
        return (compiled.entries.compactMap(\.plan), compiled.diagnostics)
    }

    /// Forgets every `let` name.
    public mutating func reset() { bindings = [:] }
}

/// What running one statement produced.
public struct StatementOutcome: Sendable {
    public let span: SourceSpan
    /// Nil when the statement had errors or was cancelled.
    public let result: QueryResult?
    public let plan: QueryPlan?
    /// This statement's diagnostics: errors, warnings and notes.
    public let diagnostics: [Diagnostic]
    /// The name a `let` bound.
    public let binding: String?
    public let failed: Bool
}

/// What running a script produced.
public struct ScriptOutcome: Sendable {
    public let source: SourceFile
    /// Every diagnostic of the script, in source order.
    public let diagnostics: [Diagnostic]
    /// Diagnostics that no `StatementOutcome` carried: those of statements after the run
    /// stopped, and any outside every statement. A front end that prints each statement's
    /// diagnostics as it arrives prints these at the end.
    public let unreportedDiagnostics: [Diagnostic]
    public let statements: [StatementOutcome]
    /// A statement failed and the statements after it were not run.
    public let stoppedEarly: Bool
    /// The text ends inside an open statement (for a REPL's continuation prompt).
    public let isIncomplete: Bool

    public var hasErrors: Bool { diagnostics.hasErrors || statements.contains { $0.failed } }
}
