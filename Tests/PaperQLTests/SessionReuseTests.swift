import Testing
@testable import PaperQL

/// What a session keeps between runs (compiled scripts, their source files) never changes an
/// answer or a diagnostic.
@Suite struct SessionReuseTests {
    static let graph = DefaultCorpus.load()

    /// Canonically equivalent texts are equal `String`s; the compiled-script cache keyed on
    /// them handed the second text the first one's spans, one byte off after the accent.
    @Test func canonicallyEquivalentTextsAreCompiledApart() throws {
        var session = QuerySession(graph: Self.graph)
        let composed = "papers by \"Jos\u{E9} Nobody\" | frobnicate"
        let decomposed = "papers by \"Jose\u{301} Nobody\" | frobnicate"
        #expect(composed == decomposed)
        let first = session.run(composed)
        let second = session.run(decomposed)
        let fresh = QuerySession(graph: Self.graph).explain(decomposed).diagnostics
        #expect(!second.diagnostics.isEmpty)
        #expect(second.diagnostics.map(\.span) == fresh.map(\.span))
        #expect(first.diagnostics.map(\.span) != second.diagnostics.map(\.span))
        for diagnostic in second.diagnostics {
            #expect(diagnostic.span.end <= second.source.bytes.count)
        }
    }

    @Test func theSameTextUnderAnotherNameKeepsItsName() {
        var session = QuerySession(graph: Self.graph)
        let text = "papers by \"Nobody At All\""
        #expect(session.run(text, name: "a.pql").source.name == "a.pql")
        let again = session.run(text, name: "b.pql")
        #expect(again.source.name == "b.pql")
        let rendered = DiagnosticRenderer(colored: false).render(again.diagnostics, in: again.source)
        #expect(rendered.hasPrefix("b.pql:1:"))
    }

    @Test func aRepeatedQueryGivesTheSameAnswer() {
        var session = QuerySession(graph: Self.graph)
        let query = #"papers by "Jack Rae" since 2020 | show id, title, year"#
        let first = session.run(query)
        let second = session.run(query)
        guard case .papers(let a)? = first.statements.first?.result, case .papers(let b)? = second.statements.first?.result
        else { Issue.record("not papers"); return }
        #expect(!a.papers.isEmpty)
        #expect(a.papers == b.papers && a.columns == b.columns)
        #expect(second.source.text == query)
    }

    /// A `let` changes what a name means: the text is compiled again, not taken from before.
    @Test func aLetNameRedefinedAsAnotherKindIsCheckedAgain() {
        var session = QuerySession(graph: Self.graph)
        _ = session.run(#"let x = papers by "Jack Rae""#)
        #expect(!session.run("x | count").hasErrors)
        _ = session.run(#"let x = coauthors of "Jack Rae""#)
        let outcome = session.run("x | count by year")
        #expect(outcome.hasErrors, "a set of authors has no year to count by")
        session.reset()
        #expect(session.run("x | count").hasErrors, "x is gone after reset")
    }
}
