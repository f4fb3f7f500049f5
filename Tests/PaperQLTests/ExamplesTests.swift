import Foundation
import Testing

/// Every script in `Examples/` runs and prints what its `.expected` file holds, and the
/// embedding example builds and runs, so examples cannot rot.
@Suite struct ExamplesTests {
    static let folder = repositoryRoot.appendingPathComponent("Examples")
    static let scripts = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".pql") }.sorted()

    @Test func thereAreExamples() {
        #expect(Self.scripts.count >= 2)
    }

    @Test(arguments: scripts)
    func scriptRunsAsDocumented(_ script: String) throws {
        let path = "Examples/\(script)"
        let text = try String(contentsOf: Self.folder.appendingPathComponent(script), encoding: .utf8)
        // A first line `# paperql-args: …` gives extra arguments.
        var arguments: [String] = []
        if let first = text.split(separator: "\n").first, first.hasPrefix("# paperql-args:") {
            arguments = first.dropFirst("# paperql-args:".count).split(separator: " ").map(String.init)
        }
        let run = try runProduct("paperql", ["run"] + arguments + [path])
        #expect(run.status == 0, "\(script): \(run.standardError)")
        #expect(run.standardError.isEmpty, "\(script) printed diagnostics: \(run.standardError)")
        let expected = Self.folder.appendingPathComponent(script.replacingOccurrences(of: ".pql", with: ".expected"))
        assertMatchesFile(run.standardOutput, at: expected)
    }

    @Test func theEmbeddingExampleRuns() throws {
        let run = try runProduct("EmbeddingExample", [])
        #expect(run.status == 0, "\(run.standardError)")
        assertMatchesFile(run.standardOutput, at: Self.folder.appendingPathComponent("Embedding/expected-output.txt"))
    }
}
