import Foundation

/// Graphviz's `dot` program, which draws `--format svg`: found on the `PATH` (or at
/// `$PAPERQL_DOT`), fed the DOT the library writes, its SVG read back.
public enum Graphviz {
    /// What to tell someone who asked for SVG on a machine without Graphviz.
    public static let installHint = """
        --format svg draws with Graphviz's `dot` program, which is not installed here.
        Install it with: sudo apt-get install graphviz   (Debian, Ubuntu; brew install graphviz on macOS)
        or write --format dot and draw the file elsewhere.
        """

    /// The path of `dot`: `$PAPERQL_DOT` when set, else the first `dot` on the `PATH`; nil when
    /// there is none.
    public static func dotProgram(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let configured = environment["PAPERQL_DOT"] {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = String(folder) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// DOT drawn as SVG by `program`, or the reason it could not be.
    public static func svg(fromDOT source: String, program: String) -> Result<String, GraphvizFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(GraphvizFailure(message: "cannot run \(program): \(error.localizedDescription)"))
        }
        // Feed the source while reading the drawing, so neither side waits on a full pipe.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(source.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let drawn = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: complaints, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(GraphvizFailure(message: "\(program) failed (status \(process.terminationStatus)): \(text)"))
        }
        return .success(String(decoding: drawn, as: UTF8.self))
    }
}

/// Why Graphviz could not draw a graph.
public struct GraphvizFailure: Error, Sendable {
    public let message: String
}
