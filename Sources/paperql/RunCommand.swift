import ArgumentParser
import PaperQL
import PaperQLBatch

/// `paperql run FILE...`: run query scripts in order, in one session.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run query scripts (.pql) in order, in one session.",
        discussion: "Stops at the first failing statement unless --keep-going is given."
    )

    @OptionGroup var options: SharedOptions

    @Argument(help: "Script files to run.")
    var files: [String]

    mutating func run() throws {
        var texts: [(String, String)] = []
        for file in files {
            guard let text = readText(file) else { throw ExitCode(2) }
            texts.append((file, text))
        }
        var session = try options.makeSession()
        var runner = options.makeRunner()
        var ok = true
        for (file, text) in texts {
            if !runner.run(SourceFile(name: file, text: text), in: &session) {
                ok = false
                if !options.keepGoing { break }
            }
        }
        if !ok { throw ExitCode(1) }
    }

    private func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.writeError("\(path): error: cannot read the script (does it exist?)\n")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Terminal.writeError("\(path): error: the script is not valid UTF-8 text\n")
            return nil
        }
        return text
    }
}

import Foundation
