import Foundation
import PaperQL
import Testing

/// `Grammar/paperql.ebnf` and the parser stay in step: one `parseX()` per production `x`.
@Suite struct GrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Productions handled by the token cursor rather than a parse function.
    static let lexicalProductions: Set<String> = ["separator"]

    static func productions() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("Grammar/paperql.ebnf"), encoding: .utf8)
        let withoutComments = text.replacing(/\(\*[\s\S]*?\*\)/, with: "")
        let names = withoutComments.matches(of: /(?m)^([a-zA-Z]+)\s*=/).map { String($0.output.1) }
        return Set(names).subtracting(lexicalProductions)
    }

    static func parseFunctions() throws -> Set<String> {
        let folder = root.appendingPathComponent("Sources/PaperQL/Syntax")
        var names = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("Parser") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /func parse([A-Z][A-Za-z]*)\(/) {
                let name = String(match.output.1)
                names.insert(name.prefix(1).lowercased() + name.dropFirst())
            }
        }
        return names
    }

    @Test func everyProductionHasAParseFunction() throws {
        let missing = try Self.productions().subtracting(Self.parseFunctions())
        #expect(missing.isEmpty, "productions without a parseX(): \(missing.sorted())")
    }

    @Test func everyParseFunctionIsAProduction() throws {
        let extra = try Self.parseFunctions().subtracting(Self.productions())
        #expect(extra.isEmpty, "parse functions missing from Grammar/paperql.ebnf: \(extra.sorted())")
    }

    /// The keywords the parser expects (and suggests) are the grammar's: the list in the lexical
    /// rules and every quoted word of the productions are `Keyword` cases, and the other way round.
    @Test func theGrammarsKeywordsAreTheKeywordEnum() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Grammar/paperql.ebnf"), encoding: .utf8)
        let keywords = Set(Keyword.allCases.map(\.rawValue))
        let listed = try #require(text.firstMatch(of: /Keywords are case-insensitive:([^.]*)\./)).output.1
            .split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(Set(listed) == keywords, "listed: \(Set(listed).symmetricDifference(keywords).sorted())")
        #expect(listed.count == keywords.count, "a keyword is listed twice")
        let withoutComments = text.replacing(/\(\*[\s\S]*?\*\)/, with: "")
        let quoted = Set(withoutComments.matches(of: /"([a-z]+)"/).map { String($0.output.1) })
        #expect(quoted.subtracting(keywords).isEmpty, "quoted words that are not keywords: \(quoted.subtracting(keywords).sorted())")
        #expect(keywords.subtracting(quoted).isEmpty, "keywords no production uses: \(keywords.subtracting(quoted).sorted())")
    }
}
