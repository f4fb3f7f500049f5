import Foundation
import Testing
@testable import PaperQL
#if canImport(Glibc)
import Glibc
#endif

/// Data paths are looked at with `stat` before anything opens them: a FIFO (which blocked
/// forever in `open`) and a device (which never ends) are refused; standard input is read once.
@Suite struct SpecialFileTests {
    /// Runs the binary, killing it after `seconds` (a hang is a failure, not a stuck suite).
    static func run(_ arguments: [String], input: String? = nil, seconds: Double = 30) throws -> (status: Int32, error: String, output: String, timedOut: Bool) {
        let process = Process()
        process.executableURL = productsFolder.appendingPathComponent("paperql")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = temporaryPath("out.txt")
        let error = temporaryPath("err.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        // SIGKILL: a child blocked in open() on a FIFO may not act on SIGTERM.
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: error, encoding: .utf8)) ?? "",
                (try? String(contentsOf: output, encoding: .utf8)) ?? "", timedOut)
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let fifo = temporaryPath("papers.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        let result = try Self.run(["--data", fifo.path, "-e", "papers | count"])
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(result.error.contains("papers.jsonl: error: a FIFO (named pipe), not a regular file"))
    }

    @Test func aFIFOInsideADataFolderIsRefusedWithoutBlocking() throws {
        let folder = temporaryPath("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("b.jsonl").path, 0o600) == 0)
        let result = try Self.run(["--data", folder.path, "-e", "papers | count"])
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(result.error.contains("b.jsonl: error: a FIFO"))
    }

    @Test func aNameTableThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let fifo = temporaryPath("name_variants.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        let result = try Self.run(["--data", fifo.path, "--data", "Corpus/default-corpus.jsonl", "-e", "papers | count"])
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(result.error.contains("name_variants.yaml: error: a FIFO"))
    }

    @Test func aDeviceIsRefused() throws {
        let result = try Self.run(["--data", "/dev/zero", "-e", "papers | count"])
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(result.error.contains("/dev/zero: error: a character device"))
    }

    @Test func theLibraryRefusesAFIFOToo() {
        let fifo = temporaryPath("snapshot.pqg")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        #expect(throws: SnapshotError.self) { try PaperGraph.loadSnapshot(from: fifo.path) }
        guard case .failure(let failure) = CorpusLoader.load(paths: [fifo.path]) else {
            Issue.record("loaded")
            return
        }
        #expect(failure.errors.first?.message.contains("FIFO") == true)
    }

    /// `--data /dev/stdin` used to fail as "empty": detection read the pipe, then the import
    /// found nothing left.
    @Test(arguments: ["/dev/stdin", "-"])
    func standardInputIsReadOnce(path: String) throws {
        let data = """
            {"id": "a", "title": "First", "authors": ["Ada Lovelace"], "year": 1843}
            {"id": "b", "title": "Second", "authors": ["Ada Lovelace"], "year": 1844}

            """
        let result = try Self.run(["--data", path, "-e", "papers | count"], input: data)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "2\n")
    }

    @Test func errorsInStandardInputNameIt() throws {
        let result = try Self.run(["--data", "/dev/stdin", "-e", "papers | count"], input: "{\"id\": 3}\n")
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("/dev/stdin:1:"))
    }

    /// The REPL's `:load` reads through `NativeJSONLines` directly: a FIFO is refused there too.
    @Test func theLineReaderRefusesAFIFO() throws {
        let fifo = temporaryPath("load.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        #expect(throws: LoadError.self) { try NativeJSONLines.read(path: fifo.path) }
    }
}
