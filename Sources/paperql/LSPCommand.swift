import ArgumentParser
import Foundation
import PaperQLLSP

/// `paperql lsp`: the language server, on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the PaperQL language server (LSP 3.17) on standard input and output.",
        discussion: """
            Editors start it and talk to it over stdio. The data is the initializationOptions \
            {"data": [paths]}, else the "data" list of a paperql.json at the workspace root, \
            else the default corpus.
            """
    )

    @Flag(name: .long, help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    func run() throws {
        let status = LanguageServer().run()
        Foundation.exit(status)
    }
}
