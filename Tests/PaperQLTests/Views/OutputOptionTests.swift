import Foundation
import Testing

/// `--out FILE`, the new formats and `--chart` as a batch user meets them: the real binary.
@Suite struct OutputOptionTests {
    @Test(arguments: [("csv", "title,year,venue,authors\r\n"), ("json", "{\n  \"kind\": \"papers\""),
                      ("jsonl", "{\"title\":"), ("md", "| title | year |"), ("bib", "@"),
                      ("dot", "graph paperql {"), ("graphml", "<?xml"), ("txt", "title")])
    func theExtensionNamesTheFormat(fileExtension: String, start: String) throws {
        let file = temporaryPath("out.\(fileExtension)")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runProduct("paperql", ["--out", file.path, "-e", #"papers by "Jack Rae""#])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty, "results go to the file")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix(start), "\(written.prefix(80))")
    }

    @Test func formatOverridesTheExtension() throws {
        let file = temporaryPath("out.txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runProduct("paperql", ["--out", file.path, "--format", "csv", "-e", "papers | count"])
        #expect(run.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "count\r\n38\r\n")
    }

    @Test func anUnknownExtensionIsAUsageError() throws {
        let file = temporaryPath("out.xyz")
        let run = try runProduct("paperql", ["--out", file.path, "-e", "papers"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot tell the format of --out"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func anUnwritableFileIsAUsageError() throws {
        let run = try runProduct("paperql", ["--out", "/nonexistent-folder/x.csv", "-e", "papers"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot write the output file"))
    }

    @Test func svgWithoutGraphvizSaysHowToInstallIt() throws {
        let run = try runProduct("paperql", ["--format", "svg", "-e", #"coauthors of "Jack Rae""#],
                                 environment: ["PAPERQL_DOT": "/nonexistent/dot"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("apt-get install graphviz"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func svgIsDrawnByGraphvizWhenInstalled() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
            print("skipping svgIsDrawnByGraphvizWhenInstalled: Graphviz's dot is not installed (scripts/test.sh installs it)")
            return
        }
        let file = temporaryPath("rae.svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try runProduct("paperql", ["--out", file.path, "-e", #"coauthors of "Jack Rae""#])
        #expect(run.status == 0, "\(run.standardError)")
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Razvan Pascanu"))
    }

    @Test func aFormatThatCannotShowAResultIsAnErrorAtTheStatement() throws {
        let run = try runProduct("paperql", ["--format", "bibtex", "-e", #"coauthors of "Jack Rae""#])
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("<command line>:1:1: error: --format bibtex writes papers and profiles"))
    }

    @Test func chartIsForcedOrTurnedOff() throws {
        let forced = try runProduct("paperql", ["--chart", "-e", #"papers by "Jack Rae" | count by year"#])
        #expect(forced.standardOutput.contains("█"))
        #expect(forced.standardOutput.contains("2017      0"))
        let plain = try runProduct("paperql", ["-e", #"papers by "Jack Rae" | count by year"#])
        #expect(!plain.standardOutput.contains("█"), "not a terminal")
        let csv = try runProduct("paperql", ["--chart", "--format", "csv", "-e", "papers | count by year"])
        #expect(!csv.standardOutput.contains("█"))
    }

    @Test func largeResultsAreWrittenInPiecesThatJoinUp() throws {
        // Pieces of the file (5,000 rows each) join into the same text as one rendering.
        let records = (0..<12_000).map { #"{"id": "p\#($0)", "title": "Paper \#($0)", "authors": ["A \#($0 % 50)"], "year": 2000}"# }
        let data = try temporaryFile("many.jsonl", records.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: data) }
        for format in ["csv", "jsonl", "md", "bib"] {
            let file = temporaryPath("many.\(format)")
            defer { try? FileManager.default.removeItem(at: file) }
            let written = try runProduct("paperql", ["--data", data.path, "--out", file.path, "-e", "papers"])
            #expect(written.status == 0)
            let whole = try runProduct("paperql", ["--data", data.path, "--format", format == "md" ? "markdown" : format == "bib" ? "bibtex" : format, "-e", "papers"])
            #expect(try String(contentsOf: file, encoding: .utf8) == whole.standardOutput, "\(format)")
        }
    }
}
