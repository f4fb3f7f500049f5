import Foundation
import Testing
@testable import PaperQL

/// Diagnostics stay bounded whatever the query: one per run of stray characters, one per string
/// for bad escapes, at most `DiagnosticRenderer.defaultLimit` shown per statement and
/// `BatchRunner.diagnosticsPerRun` per script, and a window of a long line around the span.
@Suite struct DiagnosticLimitTests {
    static func diagnostics(_ text: String) -> [Diagnostic] {
        var session = QuerySession(graph: defaultGraph)
        return session.run(text, options: .init(keepGoing: true)).diagnostics
    }

    /// A 10 KB line of `@` took 19 s and wrote 150 MB of errors: one per character, each with
    /// the whole line.
    @Test func aLineOfStrayCharactersIsOneError() {
        let text = "papers " + String(repeating: "@", count: 10_000)
        let diagnostics = Self.diagnostics(text)
        #expect(diagnostics.map(\.id) == ["lex.unexpectedCharacter"])
        #expect(diagnostics.first?.span == SourceSpan(start: 7, end: 10_007))
        #expect(diagnostics.first?.message == "unexpected character `" + String(repeating: "@", count: 40) + "…`")
        let rendered = DiagnosticRenderer().render(diagnostics, in: SourceFile(name: "<query>", text: text))
        #expect(rendered.utf8.count < 600)
    }

    @Test func badEscapesInAStringAreOneErrorWithACount() {
        let text = "papers by \"" + String(repeating: "\\q", count: 5_000) + "\""
        let diagnostics = Self.diagnostics(text).filter { $0.id == "lex.unknownEscape" }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.notes.first?.message.hasPrefix("4999 more unknown escapes in this string") == true)
    }

    @Test func aStatementShowsAtMostTheLimitThenACount() {
        let text = "papers " + Array(repeating: "@", count: 50).joined(separator: " ")
        let source = SourceFile(name: "<query>", text: text)
        let diagnostics = Self.diagnostics(text)
        #expect(diagnostics.count == 50)
        let rendered = DiagnosticRenderer().render(diagnostics, in: source)
        #expect(rendered.components(separatedBy: ": error: ").count - 1 == DiagnosticRenderer.defaultLimit)
        #expect(rendered.hasSuffix("<query>:1:48: note: 30 more errors not shown\n"))
    }

    /// 2,000 unknown names in one statement, through the binary: a bounded standard error.
    @Test func thousandsOfUnknownNamesGiveBoundedOutput() throws {
        let names = (0..<2_000).map { "\"Nobody Atall\($0)\"" }.joined(separator: " or ")
        let run = try runProduct("paperql", ["-e", "papers by " + names])
        #expect(run.status == 1)
        #expect(run.standardError.components(separatedBy: ": error: ").count - 1 == DiagnosticRenderer.defaultLimit)
        #expect(run.standardError.contains("more errors not shown"))
        #expect(run.standardError.utf8.count < 50_000)
    }

    /// Each suggestion scans every author name: only the unknown names a front end shows (the
    /// first `DiagnosticRenderer.defaultLimit` of a statement) get one, so thousands of unknown
    /// names cost no more than twenty.
    @Test func onlyTheShownUnknownNamesGetSuggestions() {
        let names = (0..<(DiagnosticRenderer.defaultLimit + 5)).map { "\"Jack Ra\($0)\"" }.joined(separator: " or ")
        let unknown = Self.diagnostics("papers by " + names).filter { $0.id == "sema.unknownAuthor" }
        #expect(unknown.count == DiagnosticRenderer.defaultLimit + 5)
        let suggested = unknown.map { $0.notes.contains { $0.message.hasPrefix("did you mean") } }
        #expect(suggested == Array(repeating: true, count: DiagnosticRenderer.defaultLimit) + Array(repeating: false, count: 5))
        // The next statement has its own twenty.
        let next = Self.diagnostics("papers by " + names + "\npapers by \"Jack Ray\"").last
        #expect(next?.notes.map(\.message) == ["did you mean \"Jack Rae\" (6 papers)?"])
    }

    /// Over a script, at most `diagnosticsPerRun` are shown, then one line with the rest.
    @Test func aScriptShowsAtMostAHundredDiagnostics() throws {
        let script = String(repeating: "papers @\n", count: 1_000)
        let run = try runProduct("paperql", ["--keep-going"], input: script)
        #expect(run.status == 1)
        #expect(run.standardError.components(separatedBy: ": error: ").count - 1 == 100)
        #expect(run.standardError.hasSuffix("<stdin>:101:8: note: 900 more errors not shown (at most 100 are shown for a script)\n"))
    }

    /// A very long line is shown as a window around the span, cut with `…`, caret in place.
    @Test func aLongLineIsShownAsAWindow() {
        let text = String(repeating: "papers | count; ", count: 2_000) + "papers by \"Jack Ray\"" + String(repeating: "; papers", count: 2_000)
        let source = SourceFile(name: "<query>", text: text)
        let diagnostic = Self.diagnostics(text).first { $0.id == "sema.unknownAuthor" }
        let rendered = DiagnosticRenderer().render([try! #require(diagnostic)], in: source)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("<query>:1:32011: error: no author named \"Jack Ray\""))
        #expect(lines[1].hasPrefix("…"))
        #expect(lines[1].hasSuffix("…"))
        #expect(lines[1].count <= DiagnosticRenderer.defaultLineWindow + 2)
        let caret = try! #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(lines[1].dropFirst(column).hasPrefix("\"Jack Ray\""))
        #expect(lines[2].hasSuffix("^~~~~~~~~~"))
    }

    /// Control characters in a message (a name from data) or in the query are shown escaped.
    @Test func controlCharactersInDiagnosticsAreEscaped() {
        let text = "papers by \"Jack\u{1B}]0;owned\u{07}\""
        let rendered = DiagnosticRenderer().render(Self.diagnostics(text), in: SourceFile(name: "<query>", text: text))
        #expect(!rendered.contains("\u{1B}"))
        #expect(!rendered.contains("\u{07}"))
        #expect(rendered.contains("Jack\\x1B]0;owned\\x07"))
    }

    /// `run --keep-going` over many failing statements was quadratic (`firstIndex(of:)` and
    /// `remove(at:)` per diagnostic, and every statement scanning every parse diagnostic).
    @Test func keepGoingOverManyFailingStatementsIsLinear() {
        let text = String(repeating: "papers @\n", count: 40_000)
        var session = QuerySession(graph: defaultGraph)
        let clock = ContinuousClock()
        var outcome: ScriptOutcome?
        let elapsed = clock.measure { outcome = session.run(text, options: .init(keepGoing: true)) }
        #expect(outcome?.statements.count == 40_000)
        #expect(outcome?.statements.allSatisfy(\.failed) == true)
        #expect(outcome?.unreportedDiagnostics.isEmpty == true)
        #expect(elapsed < .seconds(30), "\(elapsed)")
    }
}
