import Foundation
import Testing

/// The `paperql` binary as a batch user meets it: through pipes, with exit statuses.
@Suite struct BatchCLITests {
    @Test func aQueryFromTheCommandLine() throws {
        let run = try runProduct("paperql", ["-e", "papers by \"Jack Rae\" since 2020"])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        assertGolden(run.standardOutput, named: "jack-rae-since-2020.table")
    }

    @Test(arguments: ["json", "jsonl", "csv", "markdown", "table"])
    func everyFormat(_ format: String) throws {
        let script = """
            papers by "Łukasz Kaiser" since 2018 | show title, year, venue, authors
            coauthors of "Jack Rae" | limit 3
            papers by "Jack Rae" | count by year
            papers | count
            path from "Jack Rae" to "Mostafa Dehghani"
            """
        let run = try runProduct("paperql", ["--format", format], input: script)
        #expect(run.status == 0, "\(run.standardError)")
        assertGolden(run.standardOutput, named: "formats.\(format)")
    }

    @Test func jsonOutputParses() throws {
        let run = try runProduct("paperql", ["--format", "json", "-e", "coauthors of \"Jack Rae\""])
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "authors")
        let rows = object?["rows"] as? [[String: Any]]
        #expect(rows?.first?["name"] as? String == "Razvan Pascanu")
        #expect(rows?.first?["shared"] as? Int == 2)
    }

    @Test func aQueryErrorExitsWithStatusOne() throws {
        let run = try runProduct("paperql", ["-e", "papers by \"Jack Ray\""])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == """
            <command line>:1:11: error: no author named "Jack Ray"
            papers by "Jack Ray"
                      ^~~~~~~~~~
            <command line>:1:11: note: did you mean "Jack Rae" (6 papers)?

            """)
    }

    @Test func aMisspeltKeywordIsSuggested() throws {
        let run = try runProduct("paperql", ["-e", "papers by \"Jack Rae\" sinse 2020"])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == """
            <command line>:1:22: error: expected the end of the statement, found `sinse`
            papers by "Jack Rae" sinse 2020
                                 ^~~~~
            <command line>:1:22: note: did you mean `since`?

            """)
    }

    @Test func aUsageErrorExitsWithStatusTwo() throws {
        let run = try runProduct("paperql", ["--format", "yaml", "-e", "papers"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("Error: The value 'yaml' is invalid for '--format <format>'."),
                "\(run.standardError)")
    }

    @Test func aBadDataLineIsReportedWithFileAndLineAndNothingLoads() throws {
        let file = try temporaryFile("bad.jsonl", """
            {"id": "a", "title": "Good", "authors": ["Ada Lovelace"], "year": 1843}
            {"id": "b", "title": "Bad year", "authors": ["Ada Lovelace"], "year": "soon"}
            {"id": "c", "title": "Broken", "authors": ["Ada
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runProduct("paperql", ["--data", file.path, "-e", "papers | count"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("\(file.path):2: error: field \"year\" must be an integer, found a string"))
        #expect(run.standardError.contains("\(file.path):3:44: error: invalid JSON: unterminated string"))
        #expect(run.standardError.contains("no data loaded"))
    }

    @Test func userDataReplacesTheDefaultCorpus() throws {
        let file = try temporaryFile("mine.jsonl", """
            {"id": "a", "title": "Notes on the Analytical Engine", "authors": ["Ada Lovelace", "Charles Babbage"], "year": 1843}
            {"id": "b", "title": "On the Economy of Machinery", "authors": ["Charles Babbage"], "year": 1832}
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runProduct("paperql", ["--data", file.path, "--format", "csv", "-e", "coauthors of \"Ada Lovelace\""])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "name,shared\r\nCharles Babbage,1\r\n")
    }

    @Test func scriptsFromStandardInput() throws {
        let run = try runProduct("paperql", [], input: "let k = papers by \"Łukasz Kaiser\"\nk | count\nk since 2020 | count\n")
        #expect(run.status == 0)
        #expect(run.standardOutput == "8\n\n2\n")
    }

    @Test func runStopsAtTheFirstFailingStatement() throws {
        let script = try temporaryFile("script.pql", "papers | count\npapers by \"Nobody Here\"\npapers in 2018 | count\n")
        defer { try? FileManager.default.removeItem(at: script) }
        let run = try runProduct("paperql", ["run", script.path])
        #expect(run.status == 1)
        #expect(run.standardOutput == "38\n")
        #expect(run.standardError == Self.nobodyHere(in: script.path))
    }

    /// The error for line 2 of the scripts below, and nothing else.
    static func nobodyHere(in path: String) -> String {
        """
        \(path):2:11: error: no author named "Nobody Here"
        papers by "Nobody Here"
                  ^~~~~~~~~~~~~

        """
    }

    @Test func keepGoingRunsTheRest() throws {
        let script = try temporaryFile("script.pql", "papers | count\npapers by \"Nobody Here\"\npapers in 2018 | count\n")
        defer { try? FileManager.default.removeItem(at: script) }
        let run = try runProduct("paperql", ["run", "--keep-going", script.path])
        #expect(run.status == 1)
        #expect(run.standardOutput == "38\n\n7\n")
        #expect(run.standardError == Self.nobodyHere(in: script.path))
    }

    @Test func aMissingScriptIsAnInputError() throws {
        let run = try runProduct("paperql", ["run", "/nonexistent/script.pql"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("/nonexistent/script.pql: error: cannot read the script"))
    }

    @Test func importWritesASnapshotThatDataLoads() throws {
        let snapshot = temporaryPath("corpus.pqg").path
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let imported = try runProduct("paperql", ["import", "Corpus/default-corpus.jsonl", "-o", snapshot])
        #expect(imported.status == 0, "\(imported.standardError)")
        let query = ["-e", "coauthors of \"Jack Rae\" within 2 | count", "-e", "papers by \"Scott Reed\" | show title"]
        let fromSnapshot = try runProduct("paperql", ["--data", snapshot] + query)
        let fromDefault = try runProduct("paperql", query)
        #expect(fromSnapshot.status == 0)
        #expect(fromSnapshot.standardOutput == fromDefault.standardOutput)
    }

    @Test func aTruncatedSnapshotIsRefused() throws {
        let snapshot = temporaryPath("truncated.pqg")
        defer { try? FileManager.default.removeItem(at: snapshot) }
        try Data("PAPERQLG\u{1}\0\0\0".utf8).write(to: snapshot)
        let run = try runProduct("paperql", ["--data", snapshot.path, "-e", "papers | count"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(snapshot.path): error: the snapshot is truncated"))
    }

}
