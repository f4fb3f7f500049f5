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
        var reader = try LineReader(path: path)
        var errors: [LoadError] = []
        let sourceName = path.split(separator: "/").last.map(String.init) ?? path
        var batch: [ArraySlice<UInt8>] = []
        let batchSize = 8192
        batch.reserveCapacity(batchSize)
        var firstLineOfBatch = 1
        func flush() {
            let outcomes = decodeInParallel(batch, sourceName: sourceName)
            for (offset, outcome) in outcomes.enumerated() {
                switch outcome {
                case .skip: continue
                case .record(let record): onRecord(record)
                case .failure(let message, let column):
                    if errors.count < errorLimit {
                        errors.append(LoadError(file: path, line: firstLineOfBatch + offset, column: column, message: message))
                    }
                }
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

    /// Decodes lines on two threads; the outcomes come back in line order.
    static func decodeInParallel(_ lines: [ArraySlice<UInt8>], sourceName: String) -> [LineOutcome] {
        guard lines.count >= 64 else { return lines.map { decodeLine($0, sourceName: sourceName) } }
        let middle = lines.count / 2
        let (first, second) = inParallel({ lines[..<middle].map { decodeLine($0, sourceName: sourceName) } },
                                         { lines[middle...].map { decodeLine($0, sourceName: sourceName) } })
        return first + second
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
            value = try JSONParser.parse(trimmed)
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
