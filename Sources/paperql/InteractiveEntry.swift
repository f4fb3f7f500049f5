import ArgumentParser
import PaperQL
import PaperQLBatch

/// Starts the interactive session.
enum InteractiveEntry {
    static func start(session: QuerySession, options: SharedOptions) throws {
        Terminal.writeError("paperql: the interactive session is not built yet; pass a query with -e or pipe a script\n")
        throw ExitCode(2)
    }
}
