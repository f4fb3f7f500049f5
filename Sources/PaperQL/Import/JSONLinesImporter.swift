import Foundation

/// The reading loop shared by the JSON Lines importers (arXiv, OpenAlex): one JSON object per
/// line, blank lines skipped, a bad line rejected with its line and column. A file that is one
/// JSON document instead — an array of records, or a saved API page
/// (`{"meta": …, "results": [ … ]}`), on one line or many — gives the records inside it, a bad
/// one rejected with its number in the document.
enum JSONLinesImporter {
    /// Largest file read as a single JSON document (an API page is a few megabytes).
    static let maximumDocumentBytes = 512 << 20
    /// Why a JSON object is not a paper.
    struct FieldProblem: Error {
        let kind: ImportIssue.Kind
        let message: String

        init(_ kind: ImportIssue.Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }

        init(_ message: String) {
            self.init(.wrongType, message)
        }
    }

    static func read(
        path: String, totalBytes: Int?, formatName: String, into sink: inout ImportSink,
        decode: (JSONValue) throws(FieldProblem) -> PaperRecord
    ) throws(ImportStop) {
        var reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            throw ImportStop(issue: ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)"))
        }
        if let document = try readDocument(path: path) {
            try readRecords(of: document, path: path, totalBytes: totalBytes, formatName: formatName, into: &sink, decode: decode)
            return
        }
        var objects = 0
        while true {
            let next: ArraySlice<UInt8>?
            do {
                next = try reader.nextLine()
            } catch {
                throw ImportStop(issue: ImportIssue(.fileUnreadable, file: path, line: reader.lineNumber + 1, message: "cannot read the file: \(error)"))
            }
            guard var line = next else { break }
            let lineNumber = reader.lineNumber
            sink.read(bytes: reader.bytesRead, totalBytes: totalBytes)
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            let leading = line.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.count
            if leading == line.count { continue }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line, maximumStringBytes: ImportLimits.valueBytes)
            } catch {
                let kind: ImportIssue.Kind = error.message.contains("UTF-8") ? .invalidUTF8 : (error.message.contains("unexpected end") ? .truncated : .invalidJSON)
                let column = NativeJSONLines.columnOf(byteOffset: error.offset, in: line)
                try sink.reject(sink.issue(kind, line: lineNumber, column: column, "invalid JSON: \(error.message)"))
                continue
            }
            // A saved API page on one line holds its records in `results`.
            if let results = pageResults(value) {
                for (index, item) in results.enumerated() {
                    objects += 1
                    do {
                        try sink.accept(decode(item))
                    } catch {
                        try sink.reject(sink.issue(error.kind, line: lineNumber, "record \(index + 1) of the page's results: not a \(formatName) record: \(error.message)"))
                    }
                }
                continue
            }
            objects += 1
            do {
                try sink.accept(decode(value))
            } catch {
                try sink.reject(sink.issue(error.kind, line: lineNumber, "not a \(formatName) record: \(error.message)"))
            }
        }
        sink.read(bytes: reader.bytesRead, totalBytes: totalBytes)
        if objects == 0, sink.report.rejected == 0 {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no \(formatName) records in the file"))
        }
    }
}

extension JSONLinesImporter {
    /// The records of an API page (`{"meta": …, "results": [ … ]}`), or nil for any other value.
    static func pageResults(_ value: JSONValue) -> [JSONValue]? {
        guard case .object = value, value["id"] == nil, case .array(let results)? = value["results"] else { return nil }
        return results
    }

    /// Whether a file starting with these bytes is one JSON document rather than JSON Lines: it
    /// starts with `[`, or its first line is an unfinished object (a pretty-printed page).
    static func isDocument(head: [UInt8]) -> Bool {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < head.count, [0x20, 0x09, 0x0D, 0x0A].contains(head[start]) { start += 1 }
        guard start < head.count else { return false }
        if head[start] == UInt8(ascii: "[") { return true }
        guard head[start] == UInt8(ascii: "{") else { return false }
        // One long line is JSON Lines (a one-line page is read as such).
        guard let lineEnd = head[start...].firstIndex(of: 0x0A) else { return false }
        do {
            _ = try JSONParser.parse(head[start..<lineEnd])
            return false
        } catch {
            return error.message.contains("unexpected end")
        }
    }

    /// The whole file as one JSON value when it is a single document rather than JSON Lines:
    /// it starts with `[`, or its first line is an unfinished object (a pretty-printed page).
    /// Nil for JSON Lines.
    static func readDocument(path: String) throws(ImportStop) -> JSONValue? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        guard isDocument(head: head) else { return nil }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumDocumentBytes else {
            throw ImportStop(issue: ImportIssue(
                .unknownFormat, file: path,
                message: "a single JSON document of \(size >> 20) MB; documents up to \(maximumDocumentBytes >> 20) MB are read whole, larger data must be JSON Lines (one record per line)"))
        }
        let bytes: [UInt8]
        do {
            try handle.seek(toOffset: 0)
            bytes = [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw ImportStop(issue: ImportIssue(.fileUnreadable, file: path, message: "cannot read the file: \(error)"))
        }
        do {
            return try JSONParser.parse(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], maximumStringBytes: ImportLimits.valueBytes)
        } catch {
            let offset = error.offset + (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            let before = bytes[..<min(offset, bytes.count)]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
            let kind: ImportIssue.Kind = error.message.contains("UTF-8") ? .invalidUTF8 : (error.message.contains("unexpected end") ? .truncated : .invalidJSON)
            throw ImportStop(issue: ImportIssue(kind, file: path, line: line, column: column, message: "invalid JSON: \(error.message)"))
        }
    }

    /// The records of a whole-file document: an array of records, an API page, or one record.
    static func readRecords(
        of document: JSONValue, path: String, totalBytes: Int?, formatName: String, into sink: inout ImportSink,
        decode: (JSONValue) throws(FieldProblem) -> PaperRecord
    ) throws(ImportStop) {
        let items: [JSONValue]
        let place: String
        switch document {
        case .array(let elements):
            items = elements
            place = "of the array"
        case .object:
            if let results = pageResults(document) {
                items = results
                place = "of the page's results"
            } else if document["id"] != nil {
                items = [document]
                place = "of the document"
            } else {
                throw ImportStop(issue: ImportIssue(
                    .unknownFormat, file: path,
                    message: "a JSON object that is neither a \(formatName) record nor an API page; expected JSON Lines (one record per line), a JSON array of records, or a saved API page {\"meta\": …, \"results\": [ … ]}"))
            }
        default:
            throw ImportStop(issue: ImportIssue(
                .unknownFormat, file: path,
                message: "a JSON \(document.typeDescription.split(separator: " ").last ?? ""); expected JSON Lines (one record per line), a JSON array of records, or a saved API page {\"meta\": …, \"results\": [ … ]}"))
        }
        for (index, item) in items.enumerated() {
            do {
                try sink.accept(decode(item))
            } catch {
                try sink.reject(sink.issue(error.kind, "record \(index + 1) \(place): not a \(formatName) record: \(error.message)"))
            }
        }
        sink.read(bytes: totalBytes ?? 0, totalBytes: totalBytes)
        if items.isEmpty {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no \(formatName) records in the file"))
        }
    }
}

/// Typed access to JSON members, with messages that name the field and what was found.
extension JSONValue {
    typealias Problem = JSONLinesImporter.FieldProblem

    func string(_ key: String) throws(Problem) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case let other?: throw Problem("field \"\(key)\" must be a string, found \(other.typeDescription)")
        }
    }

    func requiredString(_ key: String) throws(Problem) -> String {
        guard let text = try string(key) else { throw Problem(.missingField, "missing field \"\(key)\"") }
        return text
    }

    func integer(_ key: String) throws(Problem) -> Int? {
        switch self[key] {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 1_000_000: return Int(number)
        case .string(let text)? where Int(text) != nil: return Int(text)
        case let other?: throw Problem("field \"\(key)\" must be an integer, found \(other.typeDescription)")
        }
    }

    func array(_ key: String) throws(Problem) -> [JSONValue] {
        switch self[key] {
        case nil, .null?: return []
        case .array(let items)?: return items
        case let other?: throw Problem("field \"\(key)\" must be an array, found \(other.typeDescription)")
        }
    }

    func object(_ key: String) throws(Problem) -> JSONValue? {
        switch self[key] {
        case nil, .null?: return nil
        case .object(let members)?: return .object(members)
        case let other?: throw Problem("field \"\(key)\" must be an object, found \(other.typeDescription)")
        }
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
