import Foundation

/// The native data format: JSON Lines, one paper per line (see `NativeRecordDecoder`).
public enum NativeJSONLines {
    /// Reads every record of a file. Bad lines are collected as errors (up to `errorLimit`),
    /// blank lines and lines starting with `//` are skipped.
    public static func read(path: String, errorLimit: Int = 20) throws -> (records: [PaperRecord], errors: [LoadError]) {
        var records: [PaperRecord] = []
        let errors = try read(path: path, errorLimit: errorLimit) { records.append($0) }
        return (records, errors)
    }

    /// Streams the records of a file to `onRecord`, in file order, decoding batches of lines on
    /// both cores. Returns the bad lines (up to `errorLimit`); a caller that wants all or
    /// nothing discards what it received when there are any.
    public static func read(
        path: String, errorLimit: Int = 20, progress: ((_ bytesRead: Int) -> Void)? = nil,
        onRecord: (PaperRecord) -> Void
    ) throws -> [LoadError] {
        try readColumns(path: path, errorLimit: errorLimit, progress: progress) { columns in
            for row in 0..<columns.count { onRecord(columns.record(at: row)) }
        }
    }

    /// Streams the records of a file as columns, a batch of lines at a time, in file order:
    /// each batch is cut in two at a line break and the halves decode on both cores straight
    /// into columns (`NativeLineScanner`; the general decoder only for lines it leaves).
    /// Returns the bad lines (up to `errorLimit`).
    static func readColumns(
        path: String, errorLimit: Int = 20, progress: ((_ bytesRead: Int) -> Void)? = nil,
        onColumns: (RecordColumns) -> Void
    ) throws -> [LoadError] {
        var reader = try LineReader(path: path)
        try refuseDocument(path: path)
        var errors: [LoadError] = []
        let sourceName = path.split(separator: "/").last.map(String.init) ?? path
        var batch: [ArraySlice<UInt8>] = []
        let batchSize = 16384
        batch.reserveCapacity(batchSize)
        var firstLineOfBatch = 1
        func flush() {
            let middle = batch.count >= 64 ? batch.count / 2 : batch.count
            let (first, second) = inParallel({ decodeBatch(batch[..<middle], sourceName: sourceName) },
                                             { decodeBatch(batch[middle...], sourceName: sourceName) })
            for (part, offset) in [(first, 0), (second, middle)] {
                for failure in part.failures where errors.count < errorLimit {
                    errors.append(LoadError(file: path, line: firstLineOfBatch + offset + failure.line, column: failure.column,
                                            message: failure.message))
                }
                if part.columns.count > 0 { onColumns(part.columns) }
            }
            firstLineOfBatch += batch.count
            batch.removeAll(keepingCapacity: true)
            progress?(reader.bytesRead)
        }
        while let line = try reader.nextLine() {
            batch.append(line)
            if batch.count == batchSize { flush() }
        }
        if !batch.isEmpty { flush() }
        return errors
    }

    /// A file that is one JSON document (an array of papers, a pretty-printed object) is not
    /// JSON Lines: refused with a message naming the shape wanted, instead of an error per line.
    static func refuseDocument(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        guard JSONLinesImporter.isDocument(head: head) else { return }
        throw LoadError(file: path, line: 1, message: "this file is one JSON document (an array or an object over several lines); the native format is JSON Lines, one paper object per line (convert with `jq -c '.[]'`, or `jq -c '.results[]'` for an API page; OpenAlex and arXiv arrays and API pages are read as they are)")
    }

    /// Decodes lines into columns; failures carry the line's offset in the batch.
    static func decodeBatch(
        _ lines: ArraySlice<ArraySlice<UInt8>>, sourceName: String
    ) -> (columns: RecordColumns, failures: [(line: Int, message: String, column: Int?)]) {
        var columns = RecordColumns()
        var failures: [(line: Int, message: String, column: Int?)] = []
        guard !lines.isEmpty else { return (columns, failures) }
        var scanner = NativeLineScanner(sourceName: sourceName)
        for (offset, line) in lines.enumerated() {
            guard let trimmed = trimmedLine(line) else { continue }
            let done = trimmed.withUnsafeBufferPointer { scanner.decode($0, into: &columns) }
            if done { continue }
            switch decodeLine(line, sourceName: sourceName) {
            case .skip: continue
            case .record(let record): columns.append(record)
            case .failure(let message, let column): failures.append((offset, message, column))
            }
        }
        return (columns, failures)
    }

    /// A line without its leading blanks and byte order mark; nil for a blank or `//` line.
    private static func trimmedLine(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var trimmed = line
        while let first = trimmed.first, first == 0x20 || first == 0x09 || first == 0x0D { trimmed.removeFirst() }
        if trimmed.isEmpty { return nil }
        if trimmed.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { return nil }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { trimmed = trimmed.dropFirst(3) }
        return trimmed
    }

    /// Parses records from text held in memory (the embedded corpus, tests).
    public static func read(text: String, name: String) -> (records: [PaperRecord], errors: [LoadError]) {
        var records: [PaperRecord] = []
        var errors: [LoadError] = []
        let bytes = Array(text.utf8)
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            switch decodeLine(line, sourceName: name) {
            case .skip: continue
            case .record(let record): records.append(record)
            case .failure(let message, let column):
                errors.append(LoadError(file: name, line: lineNumber, column: column, message: message))
            }
        }
        return (records, errors)
    }

    enum LineOutcome {
        case skip
        case record(PaperRecord)
        case failure(String, column: Int?)
    }

    static func decodeLine(_ line: ArraySlice<UInt8>, sourceName: String) -> LineOutcome {
        var trimmed = line
        while let first = trimmed.first, first == 0x20 || first == 0x09 || first == 0x0D { trimmed.removeFirst() }
        if trimmed.isEmpty { return .skip }
        if trimmed.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { return .skip }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { trimmed = trimmed.dropFirst(3) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(trimmed, maximumStringBytes: ImportLimits.valueBytes)
        } catch {
            let skipped = line.count - trimmed.count
            let column = columnOf(byteOffset: error.offset + skipped, in: line)
            return .failure("invalid JSON: \(error.message)", column: column)
        }
        do {
            var record = try NativeRecordDecoder.decode(value)
            if record.sources.isEmpty { record.sources = [sourceName] }
            return .record(record)
        } catch {
            return .failure(error.message, column: nil)
        }
    }

    /// The 1-based character column of a byte offset within a line.
    static func columnOf(byteOffset: Int, in line: ArraySlice<UInt8>) -> Int {
        let end = min(line.startIndex + byteOffset, line.endIndex)
        return String(decoding: line[line.startIndex..<end], as: UTF8.self).count + 1
    }
}
