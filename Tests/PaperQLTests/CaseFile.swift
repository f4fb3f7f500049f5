import Foundation
import PaperQL
import Testing

/// Query/expected cases in text files (like jq.test or sqllogictest):
///
/// ```
/// # a comment
/// papers by "Jack Rae" since 2020 | show title, year
/// ----
/// title | year
/// Top-KAST: Top-K Always Sparse Training | 2020
///
/// ```
/// The query runs in a fresh session over the default corpus (several lines may set up `let`s);
/// the expected block is the rendered diagnostics, then each result as a header line and one
/// line per row with cells joined by ` | `. A blank line ends a case.
struct QueryCase: CustomTestStringConvertible, Sendable {
    let file: String
    let line: Int
    let query: String
    let expected: String

    var testDescription: String { "\(file):\(line)" }

    /// The case's first line in its `.test` file, so that a failure is reported there.
    var sourceLocation: Testing.SourceLocation {
        Testing.SourceLocation(fileID: "PaperQLTests/\(file)", filePath: Self.casesDirectory.appendingPathComponent(file).path,
                       line: line, column: 1)
    }

    static func load(_ file: String) throws -> [QueryCase] {
        let url = casesDirectory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [QueryCase] = []
        var lines = text.components(separatedBy: "\n")[...]
        var lineNumber = 0
        while !lines.isEmpty {
            // Skip blank lines and comments between cases.
            while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty || first.hasPrefix("#") {
                lines.removeFirst()
                lineNumber += 1
            }
            guard !lines.isEmpty else { break }
            let start = lineNumber + 1
            var query: [String] = []
            while let first = lines.first, first != "----" {
                query.append(first)
                lines.removeFirst()
                lineNumber += 1
            }
            _ = lines.popFirst()
            lineNumber += 1
            var expected: [String] = []
            while let first = lines.first, !first.isEmpty {
                expected.append(first)
                lines.removeFirst()
                lineNumber += 1
            }
            cases.append(QueryCase(file: file, line: start, query: query.joined(separator: "\n"),
                                   expected: expected.joined(separator: "\n")))
        }
        return cases
    }

    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    /// What the case's query produces, in the case-file rendering.
    func run(on graph: PaperGraph) -> String {
        Self.render(query, on: graph)
    }

    static func render(_ query: String, on graph: PaperGraph) -> String {
        var session = QuerySession(graph: graph)
        let outcome = session.run(query, name: "<query>", options: .init(keepGoing: true))
        let renderer = DiagnosticRenderer(colored: false)
        var output = renderer.render(outcome.diagnostics, in: outcome.source)
        for statement in outcome.statements {
            guard let result = statement.result, statement.binding == nil else { continue }
            output += plainRows(result, graph: graph)
        }
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    static func plainRows(_ result: QueryResult, graph: PaperGraph) -> String {
        if case .count(let count) = result { return "\(count)\n" }
        if case .path(let path) = result, !path.found { return "no path\n" }
        let table = ResultTable(result, graph: graph)
        var output = table.columns.joined(separator: " | ") + "\n"
        for row in table.rows {
            output += row.map(\.plain).joined(separator: " | ") + "\n"
        }
        return output
    }
}

/// The default corpus, built once for all tests.
let defaultGraph = DefaultCorpus.load()
