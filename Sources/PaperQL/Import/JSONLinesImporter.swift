/// The reading loop shared by the JSON Lines importers (arXiv, OpenAlex): one JSON object per
/// line, blank lines skipped, a bad line rejected with its line and column.
enum JSONLinesImporter {
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
                value = try JSONParser.parse(line)
            } catch {
                let kind: ImportIssue.Kind = error.message.contains("UTF-8") ? .invalidUTF8 : (error.message.contains("unexpected end") ? .truncated : .invalidJSON)
                let column = NativeJSONLines.columnOf(byteOffset: error.offset, in: line)
                try sink.reject(sink.issue(kind, line: lineNumber, column: column, "invalid JSON: \(error.message)"))
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
