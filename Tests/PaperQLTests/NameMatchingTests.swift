import PaperQL
import Testing

/// A name that matches several authors answers for all of them and says which; `exactly`
/// narrows it.
@Suite struct NameMatchingTests {
    static let graph: PaperGraph = {
        var builder = GraphBuilder()
        builder.add(PaperRecord(id: "a", title: "Generative Adversarial Text to Image Synthesis", authors: ["Scott Reed"], year: 2016))
        builder.add(PaperRecord(id: "b", title: "A Generalist Agent", authors: ["Scott E. Reed", "Oriol Vinyals"], year: 2022))
        builder.add(PaperRecord(id: "c", title: "Another Paper", authors: ["Scott F. Reed"], year: 2010))
        return builder.build()
    }()

    @Test func aNameMatchingSeveralAuthorsAnswersForAllAndSaysWhich() {
        let output = QueryCase.render(#"papers by "Scott Reed" | show title"#, on: Self.graph)
        #expect(output == """
            <query>:1:11: note: "Scott Reed" matches 3 authors; answering for all of them
            papers by "Scott Reed" | show title
                      ^~~~~~~~~~~~
            <query>:1:11: note: Scott E. Reed (1 paper), Scott F. Reed (1 paper), Scott Reed (1 paper)
            <query>:1:11: note: to see what tells them apart: authors named "Scott Reed"
            title
            A Generalist Agent
            Generative Adversarial Text to Image Synthesis
            Another Paper
            """)
    }

    @Test func authorsNamedListsThePeopleANameMeansWithWhatTellsThemApart() {
        #expect(QueryCase.render(#"authors named "Scott Reed""#, on: Self.graph) == """
            name | identifier | papers | years | venues | coauthors
            Scott E. Reed |  | 1 | 2022 |  | Oriol Vinyals
            Scott F. Reed |  | 1 | 2010 |  | 
            Scott Reed |  | 1 | 2016 |  | 
            """)
        #expect(QueryCase.render(#"authors named exactly "Scott Reed" | show name, years"#, on: Self.graph) == """
            name | years
            Scott Reed | 2016
            """)
    }

    @Test func aConflictingMiddleInitialDoesNotMatch() {
        let output = QueryCase.render(#"papers by "Scott E. Reed" | show title"#, on: Self.graph)
        #expect(output.contains("matches 2 authors"))
        #expect(!output.contains("Another Paper"))
    }

    @Test func exactlyMatchesTheWholeName() {
        #expect(QueryCase.render(#"papers by exactly "Scott Reed" | show title"#, on: Self.graph) == """
            title
            Generative Adversarial Text to Image Synthesis
            """)
        #expect(QueryCase.render(#"papers by exactly "scott e reed" | count"#, on: Self.graph) == "1")
    }

    @Test func anInitialStandsForAFirstName() {
        #expect(QueryCase.render(#"papers by "O. Vinyals" | count"#, on: Self.graph) == "1")
    }
}
