import PaperQL
import Testing

/// The service's answers behind the editor features: let names, semantic tokens, quick fixes,
/// stage signatures, document analysis and running one statement.
@Suite("Language service: editor features")
struct LanguageServiceEditorTests {
    let service = LanguageService(graph: serviceGraph)
    static let lets = "let rae = papers by \"Jack Rae\"\nlet rae = rae since 2020\nrae | count\n"

    @Test("a use of a let name refers to the latest definition before its statement")
    func letOccurrences() throws {
        let text = Self.lets
        let symbols = service.letSymbols(in: text)
        #expect(symbols.map(\.name) == ["rae", "rae"])
        // The `rae` inside the second `let` is the first definition.
        let inner = try #require(service.letOccurrences(in: text, at: 41))
        #expect(inner.definition?.nameSpan == SourceSpan(start: 4, end: 7))
        #expect(inner.spans == [SourceSpan(start: 4, end: 7), SourceSpan(start: 41, end: 44)])
        // The last line's `rae` is the second.
        let last = try #require(service.letOccurrences(in: text, at: 56))
        #expect(last.definition?.nameSpan == SourceSpan(start: 35, end: 38))
        #expect(last.spans.count == 2)
        #expect(service.letOccurrences(in: "nobody", at: 2)?.definition == nil)
        #expect(LanguageService.isValidLetName("jack"))
        #expect(!LanguageService.isValidLetName("since"))
        #expect(!LanguageService.isValidLetName("two words"))
    }

    @Test("semantic tokens come from the tree: let names, fields, authors, values, comments")
    func semanticTokens() {
        let text = "let r = papers by \"Jack Rae\" at NeurIPS # note\nr | count by year"
        let kinds = service.semanticTokens(in: text).map { "\($0.kind.rawValue)\($0.isDefinition ? "!" : "")" }
        #expect(kinds == ["keyword", "variable!", "operator", "keyword", "keyword", "author", "keyword", "value", "comment",
                          "variable", "operator", "keyword", "keyword", "field"])
    }

    @Test("quick fixes: did-you-mean authors and keywords, and a missing `)` at the end")
    func quickFixes() {
        let author = "papers by \"Jack Ray\""
        let fixes = service.analyze(author).diagnostics.flatMap { service.quickFixes(for: $0, in: author) }
        #expect(fixes.map(\.replacement) == ["\"Jack Rae\""])
        #expect(fixes.first?.span == SourceSpan(start: 10, end: 20))
        let keyword = "papers by \"Jack Rae\" sinse 2020"
        #expect(service.diagnostics(for: keyword).flatMap { service.quickFixes(for: $0, in: keyword) }.map(\.replacement) == ["since"])
        let field = "papers | sort by yeer"
        #expect(service.diagnostics(for: field).flatMap { service.quickFixes(for: $0, in: field) }.map(\.replacement) == ["year"])
        let open = "(papers by \"Jack Rae\""
        let closing = service.diagnostics(for: open).flatMap { service.quickFixes(for: $0, in: open) }
        #expect(closing == [QuickFix(title: "Insert the missing `)`", span: .at(21), replacement: ")")])
    }

    @Test("the stage at the cursor and the parameter being typed")
    func stageSignature() {
        #expect(service.stageSignature(in: "papers | sort by year ", at: 22)?.activeParameter == 1)
        #expect(service.stageSignature(in: "papers | sort by ", at: 17)?.activeParameter == 0)
        #expect(service.stageSignature(in: "papers | count ", at: 15)?.label == "count [by FIELD]")
        #expect(service.stageSignature(in: "papers ", at: 7) == nil)
    }

    @Test("analysis runs every statement: sizes, and an empty answer explained")
    func analysis() {
        let analysis = service.analyze("papers by \"Jack Rae\"\npapers by \"Jack Rae\" before 1990\n")
        #expect(analysis.finished)
        #expect(analysis.results.map(\.rowCount) == [6, 0])
        #expect(analysis.diagnostics.map(\.id) == ["sema.emptyResult"])
        let cancelled = CancellationFlag()
        cancelled.cancel()
        let stopped = service.analyze("papers by \"Jack Ray\"\npapers", cancellation: cancelled)
        #expect(stopped.diagnostics.map(\.id) == ["sema.unknownAuthor"])
    }

    @Test("running one statement runs the lets before it")
    func runStatement() throws {
        let run = try #require(service.runStatement(in: Self.lets, at: 60))
        #expect(run.output == "2\n")
        #expect(run.span == SourceSpan(start: 56, end: 67))
        let plan = try #require(service.runStatement(in: Self.lets, at: 60, explain: true))
        #expect(plan.output.contains("`rae`"))
    }

    @Test("an author's hover names the people they wrote most with")
    func topCoauthors() throws {
        let hover = try #require(service.hover(in: "papers by \"Jack Rae\"", at: 12))
        guard case .authorName(_, _, let matches, _) = hover.subject else {
            Issue.record("not an author: \(hover.subject)")
            return
        }
        #expect(matches.first?.topCoauthors.count == 3)
        #expect(matches.first?.topCoauthors.allSatisfy { $0.shared >= 1 && $0.name != "Jack Rae" } == true)
        #expect(hover.text.contains("; most with "))
    }
}
