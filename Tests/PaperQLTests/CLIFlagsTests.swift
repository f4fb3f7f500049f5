import Foundation
import Testing

/// Every flag, option and argument of every subcommand of the `paperql` binary is exercised
/// here, through the real binary. The list is the binary's own (`--experimental-dump-help`),
/// so a new flag without a case below fails `everyFlagHasACase`.
@Suite struct CLIFlagsTests {
    /// A flag as "COMMAND --name" (`paperql` for the root command), or "COMMAND <value>" for a
    /// positional argument.
    static func declaredFlags() throws -> Set<String> {
        let run = try runProduct("paperql", ["--experimental-dump-help"])
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        var flags = Set<String>()
        func walk(_ command: [String: Any]) {
            let name = command["commandName"] as? String ?? "?"
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = argument["names"] as? [[String: Any]] ?? []
                if let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String {
                    flags.insert("\(name) --\(long)")
                } else if let short = names.first?["name"] as? String {
                    flags.insert("\(name) -\(short)")
                } else {
                    flags.insert("\(name) <\(argument["valueName"] as? String ?? "?")>")
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        if let command = object?["command"] as? [String: Any] { walk(command) }
        return flags
    }

    /// The options every query-running command shares (`SharedOptions`).
    static let sharedFlags = ["--data", "--data-format", "--strict", "--format", "--out", "--chart", "--no-chart",
                              "--latex-accents", "--keep-going", "--no-color", "--version", "--help"]
    static let subcommands = ["paperql", "run", "import", "export", "sql", "lsp", "fmt", "help"]

    /// A case for a flag: run the binary and check what it did.
    struct Case: CustomStringConvertible, Sendable {
        let flag: String
        let check: @Sendable () throws -> Void
        var description: String { flag }
    }

    static let fixture = "Tests/PaperQLTests/Fixtures/import/dblp-person-sample.xml"

    static func script(_ text: String) throws -> String {
        let url = temporaryPath("flags.pql")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func expectRun(_ arguments: [String], input: String? = nil, status: Int32 = 0, output: String? = nil,
                          error: String? = nil, lacks: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try runProduct("paperql", arguments, input: input)
        #expect(run.status == status, "\(arguments): \(run.standardError)", sourceLocation: sourceLocation)
        if let output { #expect(run.standardOutput.contains(output), "\(arguments): \(run.standardOutput)", sourceLocation: sourceLocation) }
        if let error { #expect(run.standardError.contains(error), "\(arguments): \(run.standardError)", sourceLocation: sourceLocation) }
        if let lacks {
            #expect(!run.standardOutput.contains(lacks) && !run.standardError.contains(lacks), "\(arguments)", sourceLocation: sourceLocation)
        }
    }

    /// How a shared option shows in one command: the arguments that run a query there.
    static func queryArguments(_ command: String, _ flags: [String], query: String) throws -> [String] {
        switch command {
        case "run": ["run"] + flags + [try script(query)]
        default: flags + ["-e", query]
        }
    }

    static func sharedCases(_ command: String) -> [Case] {
        let counting = #"papers by "Jack Rae" | count by year"#
        func query(_ flags: [String], _ query: String = "papers | count", status: Int32 = 0, output: String? = nil,
                   error: String? = nil, lacks: String? = nil) -> @Sendable () throws -> Void {
            { try expectRun(try queryArguments(command, flags, query: query), status: status, output: output, error: error, lacks: lacks) }
        }
        return [
            Case(flag: "\(command) --data", check: query(["--data", fixture], output: "3")),
            Case(flag: "\(command) --data-format", check: {
                let copy = temporaryPath("dblp.data")
                try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent(fixture).path, toPath: copy.path)
                defer { try? FileManager.default.removeItem(at: copy) }
                try expectRun(try queryArguments(command, ["--data", copy.path, "--data-format", "dblp"], query: "papers | count"),
                              output: "3")
            }),
            Case(flag: "\(command) --strict", check: {
                let bib = temporaryPath("strict.bib")
                try "@article{a, title={One}, year=2020}\n@article{b, title={Two}, year=20x0}\n".write(to: bib, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: bib) }
                try expectRun(try queryArguments(command, ["--data", bib.path], query: "papers | count"), output: "1")
                try expectRun(try queryArguments(command, ["--data", bib.path, "--strict"], query: "papers | count"), status: 2)
            }),
            Case(flag: "\(command) --format", check: query(["--format", "json"], output: "\"kind\": \"count\"")),
            Case(flag: "\(command) --out", check: {
                let out = temporaryPath("out.csv")
                defer { try? FileManager.default.removeItem(at: out) }
                try expectRun(try queryArguments(command, ["--out", out.path], query: counting))
                #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("year,count"))
            }),
            Case(flag: "\(command) --chart", check: query(["--chart"], counting, output: "█")),
            Case(flag: "\(command) --no-chart", check: query(["--no-chart"], counting, lacks: "█")),
            Case(flag: "\(command) --latex-accents", check: query(["--format", "bibtex", "--latex-accents"],
                                                                  #"papers by "Łukasz Kaiser" | limit 1"#, output: "{\\L}")),
            Case(flag: "\(command) --keep-going", check: query(["--keep-going"], "papers by \"Jack Ray\"\npapers | count",
                                                               status: 1, output: "38")),
            Case(flag: "\(command) --no-color", check: query(["--no-color"], #"papers by "Jack Ray""#, status: 1,
                                                             error: "no author named", lacks: "\u{1B}[")),
        ]
    }

    /// In commands that run no queries, the shared options that shape results are accepted and
    /// change nothing; those that load data do what they do everywhere.
    static func acceptedCases(_ command: String, _ base: @escaping @Sendable () throws -> [String], output: String?,
                              error: String? = nil) -> [Case] {
        ["--format", "--chart", "--no-chart", "--latex-accents", "--keep-going", "--no-color", "--out"].map { flag in
            Case(flag: "\(command) \(flag)") {
                var arguments = try base() + [flag]
                if flag == "--format" { arguments.append("json") }
                if flag == "--out" { arguments.append(temporaryPath("unused.csv").path) }
                try expectRun(arguments, output: output, error: error)
            }
        }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for command in ["paperql", "run"] { cases += sharedCases(command) }
        cases += acceptedCases("import", { ["import", fixture] }, output: "3 papers")
        cases += acceptedCases("export", { ["export", "--data", fixture, "--relational", temporaryPath("tables").path] },
                               output: nil, error: "papers 3")
        cases += acceptedCases("sql", { ["sql", "--dialect", "duckdb", "-e", "papers | count"] }, output: "SELECT")
        for command in ["export", "sql"] {
            // A closure: the export folder is named while the case runs, so that it is removed after.
            let base: @Sendable () -> [String] = {
                command == "export" ? ["export", "--relational", temporaryPath("tables").path]
                    : ["sql", "--dialect", "duckdb", "-e", "papers | count"]
            }
            cases.append(Case(flag: "\(command) --data") { try expectRun(base() + ["--data", fixture]) })
            cases.append(Case(flag: "\(command) --data-format") {
                let copy = temporaryPath("dblp.data")
                try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent(fixture).path, toPath: copy.path)
                defer { try? FileManager.default.removeItem(at: copy) }
                try expectRun(base() + ["--data", copy.path, "--data-format", "dblp"])
            })
            cases.append(Case(flag: "\(command) --strict") {
                let bib = temporaryPath("strict.bib")
                try "@article{a, title={One}, year=2020}\n@article{b, title={Two}, year=20x0}\n".write(to: bib, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: bib) }
                try expectRun(base() + ["--data", bib.path, "--strict"], status: 2)
            })
        }
        for command in subcommands {
            let prefix = command == "paperql" ? [] : [command]
            cases.append(Case(flag: "\(command) --help") { try expectRun(prefix + ["--help"], output: "USAGE") })
            cases.append(Case(flag: "\(command) --version") { try expectRun(prefix + ["--version"]) })
        }
        cases += [
            Case(flag: "paperql --execute") { try expectRun(["--execute", "papers | count", "-e", "venues | count"], output: "38") },
            Case(flag: "run <files>") {
                try expectRun(["run", try script("papers | count"), try script("venues | count")], output: "38")
            },
            Case(flag: "import <file>") { try expectRun(["import", fixture], output: "3 papers from 1 file") },
            Case(flag: "import --report") { try expectRun(["import", fixture, "--report"], output: "dblp-person-sample.xml") },
            // The phases and their order: ImportCommandTests.timingsNameEveryPhaseWithItsWallAndCPUTime.
            Case(flag: "import --timings") { try expectRun(["import", fixture, "--timings"], output: "3 papers", error: "resolving authors") },
            Case(flag: "import --output") {
                let snapshot = temporaryPath("graph.pqg")
                defer { try? FileManager.default.removeItem(at: snapshot) }
                try expectRun(["import", fixture, "-o", snapshot.path])
                try expectRun(["--data", snapshot.path, "-e", "papers | count"], output: "3")
            },
            Case(flag: "import --data") { try expectRun(["import", fixture, "--data", "Tests/PaperQLTests/Fixtures/import/papers.csv"],
                                                        output: "from 2 files") },
            Case(flag: "import --data-format") {
                let copy = temporaryPath("dblp.data")
                try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent(fixture).path, toPath: copy.path)
                defer { try? FileManager.default.removeItem(at: copy) }
                try expectRun(["import", copy.path, "--data-format", "dblp"], output: "3 papers")
            },
            Case(flag: "import --strict") {
                let bib = temporaryPath("strict.bib")
                try "@article{a, title={One}, year=2020}\n@article{b, title={Two}, year=20x0}\n".write(to: bib, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: bib) }
                try expectRun(["import", bib.path, "--strict"], status: 2, error: "--strict")
            },
            Case(flag: "lsp --stdio") {
                // The server reads requests on standard input; at its end without `exit` it stops
                // with status 1, as the protocol says, having written nothing.
                let run = try runProduct("paperql", ["lsp", "--stdio"], input: "")
                #expect(run.status == 1)
                #expect(run.standardOutput.isEmpty, "a language server writes only the protocol")
            },
            Case(flag: "export --relational") {
                let folder = temporaryPath("tables")
                defer { try? FileManager.default.removeItem(at: folder) }
                try expectRun(["export", "--data", fixture, "--relational", folder.path], error: "papers 3")
                #expect(!((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty)
            },
            Case(flag: "sql --dialect") { try expectRun(["sql", "--dialect", "duckdb", "-e", "papers | count"], output: "SELECT") },
            Case(flag: "sql --execute") {
                try expectRun(["sql", "--dialect", "postgres", "--execute", "papers | count", "--execute", "venues | count"],
                              output: "COUNT(*)")
            },
            Case(flag: "sql --path-bound") {
                try expectRun(["sql", "--dialect", "duckdb", "--path-bound", "3", "-e", #"path from "Jack Rae" to "Oriol Vinyals""#],
                              output: "SELECT")
            },
            Case(flag: "sql <files>") { try expectRun(["sql", "--dialect", "spark", try script("papers | count")], output: "SELECT") },
            Case(flag: "fmt --check") {
                let messy = try script("papers   by \"Jack Rae\"|count\n")
                try expectRun(["fmt", "--check", messy], status: 1, output: messy)
            },
            Case(flag: "fmt <files>") {
                let messy = try script("papers   by \"Jack Rae\"|count\n")
                try expectRun(["fmt", messy])
                #expect(try String(contentsOfFile: messy, encoding: .utf8) == "papers by \"Jack Rae\" | count\n")
            },
            Case(flag: "help <subcommands>") { try expectRun(["help", "import"], output: "paperql import") },
        ]
        return cases
    }()

    /// Flags whose case lives in another suite (named there).
    static let coveredElsewhere: [String: String] = [:]

    @Test func everyFlagHasACase() throws {
        let declared = try Self.declaredFlags()
        let covered = Set(Self.cases.map(\.flag)).union(Self.coveredElsewhere.keys)
        let missing = declared.subtracting(covered)
        #expect(missing.isEmpty, "flags without a case in CLIFlagsTests: \(missing.sorted())")
        #expect(declared.count > 20, "the binary's flag list could not be read: \(declared.sorted())")
    }

    @Test(arguments: cases) func eachFlagDoesWhatItSays(_ flagCase: Case) throws {
        try removingTemporaryFiles { try flagCase.check() }
    }
}
