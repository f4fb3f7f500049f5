import Foundation

/// Loads data files into one graph. All or nothing: if any file has a bad record, no graph is
/// built and every problem found is returned (up to a limit per file).
public enum CorpusLoader {
    public struct Failure: Error, Sendable {
        public let errors: [LoadError]
    }

    /// What was read, for reports.
    public struct Summary: Sendable {
        public var files: [(path: String, records: Int)] = []
        public var mergedDuplicates = 0
    }

    public static func load(paths: [String]) -> Result<(graph: PaperGraph, summary: Summary), Failure> {
        var builder = GraphBuilder()
        var errors: [LoadError] = []
        var summary = Summary()
        for path in paths {
            do {
                let records = try readRecords(path: path)
                if let problems = records.errors, !problems.isEmpty {
                    errors.append(contentsOf: problems)
                    continue
                }
                summary.files.append((path, records.records.count))
                builder.add(contentsOf: records.records)
            } catch let error as LoadError {
                errors.append(error)
            } catch {
                errors.append(LoadError(file: path, message: "cannot read the file: \(error.localizedDescription)"))
            }
        }
        guard errors.isEmpty else { return .failure(Failure(errors: errors)) }
        summary.mergedDuplicates = builder.mergedDuplicates
        return .success((builder.build(), summary))
    }

    private static func readRecords(path: String) throws -> (records: [PaperRecord], errors: [LoadError]?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw LoadError(file: path, message: "this is a directory, not a data file") }
        try checkContent(path: path)
        let lowered = path.lowercased()
        guard [".jsonl", ".ndjson", ".json"].contains(where: { lowered.hasSuffix($0) }) else {
            throw LoadError(file: path, message: "unknown data format; native data files end in .jsonl (JSON Lines, one paper per line)")
        }
        let (records, errors) = try NativeJSONLines.read(path: path)
        if errors.isEmpty, records.isEmpty {
            throw LoadError(file: path, message: "no papers in the file")
        }
        return (records, errors)
    }

    /// Refuses empty and binary files before parsing them.
    static func checkContent(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(file: path, message: "cannot open the file (is it readable?)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        if head.isEmpty { throw LoadError(file: path, message: "the file is empty") }
        if head.contains(0) {
            throw LoadError(file: path, message: "this looks like a binary file, not text (it contains NUL bytes)")
        }
    }
}
