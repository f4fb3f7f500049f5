import Foundation
import Testing

/// `paperql import` honours its flags (they were once accepted and ignored).
@Suite struct ImportCommandTests {
    @Test func strictStopsAtTheFirstMalformedRecord() throws {
        let bib = try temporaryFile("strict.bib", "@article{a, title={One}, year=2020}\n@article{b, title={Two}, year=20x0\n@article{c, title={Three}}\n")
        defer { try? FileManager.default.removeItem(at: bib) }
        let lenient = try runProduct("paperql", ["import", bib.path])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("warning: skipped 1 malformed record"))
        let strict = try runProduct("paperql", ["import", bib.path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.standardError.contains("error: no data loaded (--strict stops at the first malformed record)"))
    }

    @Test func dataFormatOverridesDetection() throws {
        // Without an openalex.org id the first record looks native; --data-format says otherwise.
        let works = try temporaryFile("works.json", #"{"id": "W1", "display_name": "One", "publication_year": 2021}"# + "\n")
        defer { try? FileManager.default.removeItem(at: works) }
        let guessed = try runProduct("paperql", ["import", works.path])
        #expect(guessed.status == 2, "as native JSON Lines the record has no title")
        let told = try runProduct("paperql", ["import", works.path, "--data-format", "openalex", "--report"])
        #expect(told.status == 0, "\(told.standardError)")
        #expect(told.standardOutput.contains("OpenAlex works JSON Lines") || told.standardError.contains("OpenAlex works JSON Lines"))
    }

    @Test func aNameTableIsDataToo() throws {
        let table = try temporaryFile("name_variants.yaml", "- canonical: {first: Daniel, last: Jurafsky}\n  variants:\n  - {first: Dan, last: Jurafsky}\n")
        let papers = try temporaryFile("p.jsonl", #"{"id": "a", "title": "One", "authors": ["Dan Jurafsky"]}"# + "\n" + #"{"id": "b", "title": "Two", "authors": ["Daniel Jurafsky"]}"# + "\n")
        defer {
            try? FileManager.default.removeItem(at: table)
            try? FileManager.default.removeItem(at: papers)
        }
        let run = try runProduct("paperql", ["--data", table.path, "--data", papers.path, "--format", "csv", "-e", "authors | show name, papers"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "name,papers\r\nDaniel Jurafsky,2\r\n")
    }

    @Test func timingsNameEveryPhaseWithItsWallAndCPUTime() throws {
        let papers = try temporaryFile("timed.jsonl", #"{"id": "a", "title": "One", "authors": ["Ada Lovelace"], "year": 2020}"# + "\n")
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("timed-\(UUID().uuidString).pqg")
        defer {
            try? FileManager.default.removeItem(at: papers)
            try? FileManager.default.removeItem(at: snapshot)
        }
        let run = try runProduct("paperql", ["import", papers.path, "--timings", "-o", snapshot.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "1 papers from 1 file\n")
        let lines = run.standardError.split(separator: "\n").map(String.init)
        let phases = lines.dropFirst().map { $0.replacing(#/\s+[0-9]+\.[0-9]{2}s\s+[0-9]+\.[0-9]{2}s(\s+[0-9]+ MiB)?$/#, with: "") }
        #expect(lines.first?.hasPrefix("phase") == true)
        #expect(phases == ["opening", "reading \(papers.path)", "sorting papers", "indexing authors and words", "indexing papers",
                           "resolving authors", "linking papers, authors and coauthors", "writing the snapshot", "total"])
    }
}
