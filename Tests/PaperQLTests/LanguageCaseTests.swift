import Foundation
import PaperQL
import Testing

/// Runs every case in `Cases/*.test`. Set `PAPERQL_RECORD=1` to rewrite the expected blocks
/// from the actual output (the run then fails, so a re-record is never taken for a pass).
@Suite struct LanguageCaseTests {
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: QueryCase.casesDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".test") }.sorted()

    /// The case files present when this guard was written; a missing one fails the run instead of
    /// silently running nothing.
    static let expectedFiles = ["diagnostics.test", "filters.test", "graph.test", "names.test", "pipeline.test",
                                "sets.test"]
    /// A little under the number of cases when this guard was written (100).
    static let minimumCaseCount = 95

    @Test func theCaseFilesAreThere() throws {
        let missing = Set(Self.expectedFiles).subtracting(Self.files)
        #expect(missing.isEmpty, "case files missing from \(QueryCase.casesDirectory.path): \(missing.sorted())")
        let count = try Self.files.reduce(0) { $0 + (try QueryCase.load($1)).count }
        #expect(count >= Self.minimumCaseCount, "only \(count) cases in \(Self.files)")
    }

    @Test(arguments: files)
    func caseFile(_ file: String) throws {
        let cases = try QueryCase.load(file)
        #expect(!cases.isEmpty, "no cases in \(file)")
        if ProcessInfo.processInfo.environment["PAPERQL_RECORD"] != nil {
            try record(file, cases)
            Issue.record("re-recorded \(file); run again without PAPERQL_RECORD")
            return
        }
        for testCase in cases {
            let actual = testCase.run(on: defaultGraph)
            #expect(actual == testCase.expected, "\(testCase.query)", sourceLocation: testCase.sourceLocation)
        }
    }

    private func record(_ file: String, _ cases: [QueryCase]) throws {
        let url = QueryCase.casesDirectory.appendingPathComponent(file)
        let original = try String(contentsOf: url, encoding: .utf8)
        var output = ""
        var lines = original.components(separatedBy: "\n")[...]
        for testCase in cases {
            // Copy comments and blank lines before the case, then the query.
            while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty || first.hasPrefix("#") {
                output += first + "\n"
                lines.removeFirst()
            }
            while let first = lines.first, first != "----" {
                output += first + "\n"
                lines.removeFirst()
            }
            _ = lines.popFirst()
            while let first = lines.first, !first.isEmpty { lines.removeFirst() }
            output += "----\n" + testCase.run(on: defaultGraph) + "\n"
        }
        for line in lines { output += line + "\n" }
        while output.hasSuffix("\n\n") { output.removeLast() }
        try output.write(to: url, atomically: true, encoding: .utf8)
    }
}
