@testable import PaperQL
import Testing

/// `paperql fmt` and an editor's formatting: one layout from the tree, comments kept, and
/// formatting twice changes nothing.
@Suite("Language service: formatting")
struct LanguageServiceFormatTests {
    static let cases: [(String, String)] = [
        ("PAPERS   BY \"Jack Rae\"  SINCE 2020|count by year", "papers by \"Jack Rae\" since 2020 | count by year\n"),
        ("papers where year>=2020 and venue==\"arXiv\"", "papers where year >= 2020 and venue = \"arXiv\"\n"),
        ("let rae = papers by 'Jack Rae'; rae | sort by year desc,title | limit 5",
         "let rae = papers by \"Jack Rae\"\nrae | sort by year desc, title | limit 5\n"),
        ("(papers by \"Łukasz Kaiser\"\n   and \"Samy Bengio\")  at NeurIPS", "(papers by \"Łukasz Kaiser\" and \"Samy Bengio\") at NeurIPS\n"),
        ("# a report\npapers by \"Jack Rae\"   # his\n\n\n# next\ncoauthors of \"Jack Rae\" within 2\n",
         "# a report\npapers by \"Jack Rae\"  # his\n\n# next\ncoauthors of \"Jack Rae\" within 2\n"),
        ("(papers # inside\n by \"Jack Rae\")\n", "(papers # inside\n by \"Jack Rae\")\n"),
        ("papers by \"A\" and not (in 2016 or in 2018) | show title, year", "papers by \"A\" not (in 2016 or in 2018) | show title, year\n"),
        ("papers titled \"say \\\"hi\\\"\"", "papers titled \"say \\\"hi\\\"\"\n"),
    ]

    @Test("one canonical layout", arguments: cases)
    func layout(_ text: String, _ expected: String) {
        #expect(ScriptFormatter.format(text) == expected)
        #expect(ScriptFormatter.format(expected) == expected, "formatting twice changed it")
    }

    @Test("text with syntax errors is not formatted")
    func syntaxErrors() {
        #expect(ScriptFormatter.format("papers by") == nil)
    }

    @Test("formatting keeps the tree and is idempotent on generated queries", arguments: [UInt64(4), 5])
    func generated(seed: UInt64) {
        var generator = QueryGenerator(graph: serviceGraph, seed: seed)
        for _ in 0..<300 {
            let text = generator.script().description
            guard let once = ScriptFormatter.format(text) else {
                Issue.record("a generated query did not format: \(text)")
                continue
            }
            #expect(ScriptFormatter.format(once) == once, "not idempotent: \(text)")
            // The same statements, printed the same way: the tree did not change.
            let before = Parser.parse(SourceFile(name: "a", text: text)).script.statements.map(ScriptFormatter.print)
            let after = Parser.parse(SourceFile(name: "b", text: once)).script.statements.map(ScriptFormatter.print)
            #expect(before == after, "\(text)")
        }
    }
}
