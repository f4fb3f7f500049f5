import ArgumentParser
import Foundation
import PaperQL
import PaperQLBatch

/// `paperql fmt [--check] FILE...`: one canonical layout, from the syntax tree, comments kept.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format query scripts (.pql) in place, in one canonical layout.",
        discussion: """
            With no files, formats standard input to standard output. With --check, changes \
            nothing and lists the files that are not formatted (exit status 1 if any). A file \
            with syntax errors is left as it is and its errors are shown (exit status 1).
            """
    )

    @Flag(name: .long, help: "List the files that formatting would change; change nothing.")
    var check = false

    @Argument(help: "Script files to format.")
    var files: [String] = []

    func run() throws {
        guard !files.isEmpty else {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            guard let formatted = format(text, name: "<stdin>") else { throw ExitCode(1) }
            if check {
                if formatted != text {
                    print("<stdin>")
                    throw ExitCode(1)
                }
            } else {
                FileHandle.standardOutput.write(Data(formatted.utf8))
            }
            return
        }
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Terminal.writeError("\(file): error: cannot read the script (does it exist?)\n")
                throw ExitCode(2)
            }
            let text = String(decoding: data, as: UTF8.self)
            guard let formatted = format(text, name: file) else {
                failed = true
                continue
            }
            guard formatted != text else { continue }
            if check {
                print(file)
                failed = true
            } else if !FileManager.default.createFile(atPath: file, contents: Data(formatted.utf8)) {
                Terminal.writeError("\(file): error: cannot write the formatted script\n")
                throw ExitCode(2)
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The formatted text, or nil (with the syntax errors shown) when it does not parse.
    private func format(_ text: String, name: String) -> String? {
        if let formatted = ScriptFormatter.format(text) { return formatted }
        let source = SourceFile(name: name, text: text)
        let errors = Parser.parse(source).diagnostics
        Terminal.writeError(DiagnosticRenderer().render(errors, in: source))
        Terminal.writeError("\(name): not formatted: fix the syntax errors above first\n")
        return nil
    }
}
