import Foundation
import Synchronization
import Testing

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Compares text with a golden file under `Tests/PaperQLTests/Golden/`. With `PAPERQL_RECORD`
/// set, rewrites the file and fails, so a re-record is never mistaken for a pass.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = repositoryRoot.appendingPathComponent("Tests/PaperQLTests/Golden/\(name)")
    assertMatchesFile(actual, at: url, sourceLocation: sourceLocation)
}

func assertMatchesFile(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["PAPERQL_RECORD"] != nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("re-recorded \(url.lastPathComponent); run again without PAPERQL_RECORD", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(url.path); run with PAPERQL_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "differs from \(url.lastPathComponent)", sourceLocation: sourceLocation)
}

/// What running a built program printed.
struct ProgramRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// The folder holding the built products of this test run (next to the test bundle).
let productsFolder: URL = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: executable)
    while url.pathComponents.count > 1, !url.lastPathComponent.hasSuffix(".xctest") {
        url.deleteLastPathComponent()
    }
    return url.deletingLastPathComponent()
}()

/// Runs a built product (`paperql`, an example) with arguments and optional standard input.
func runProduct(_ name: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:])
    throws -> ProgramRun
{
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent(name)
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    let error = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramRun(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
}

/// A path for a temporary file that no other test uses; the caller removes it, unless the path is
/// made inside `removingTemporaryFiles`, which removes it.
func temporaryPath(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-\(UUID().uuidString)-\(name)")
    TemporaryFiles.current?.paths.withLock { $0.append(url) }
    return url
}

/// The temporary paths made while `removingTemporaryFiles` runs its body.
final class TemporaryFiles: Sendable {
    @TaskLocal static var current: TemporaryFiles?
    let paths = Mutex<[URL]>([])
}

/// Runs `body`, then removes every file and folder `temporaryPath` named meanwhile.
func removingTemporaryFiles<T>(_ body: () throws -> T) rethrows -> T {
    let files = TemporaryFiles()
    defer { for url in files.paths.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) } }
    return try TemporaryFiles.$current.withValue(files) { try body() }
}

/// Writes text to a new temporary file and returns it; the caller removes it.
func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let url = temporaryPath(name)
    try text.write(to: url, atomically: false, encoding: .utf8)
    return url
}
