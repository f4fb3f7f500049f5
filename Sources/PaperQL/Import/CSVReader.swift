/// Reads RFC 4180 CSV rows from a file, streaming: fields separated by commas, rows by CRLF or
/// LF, fields optionally in double quotes with `""` for a quote (and line breaks allowed inside).
struct CSVReader {
    struct Row {
        /// The line the row starts on.
        var line: Int
        var fields: [[UInt8]]
    }

    enum Failure: Error {
        case unterminatedQuote(line: Int)
        case tooLarge(line: Int)
    }

    static let maximumFieldLength = ImportLimits.valueBytes
    static let maximumFields = 10_000

    private var reader: ByteReader
    let separator: UInt8

    init(path: String, separator: UInt8 = UInt8(ascii: ",")) throws(ImportIssue) {
        reader = try ByteReader(path: path)
        self.separator = separator
        // A UTF-8 byte order mark is not part of the first field.
        if reader.peek() == 0xEF { _ = reader.next(); _ = reader.next(); _ = reader.next() }
    }

    var bytesRead: Int { reader.offset }

    /// The next row, or nil at the end of the file. After a failure the reader continues with
    /// the next line.
    mutating func next() throws(Failure) -> Row? {
        guard reader.peek() != nil else { return nil }
        let line = reader.line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        while true {
            guard let byte = reader.next() else {
                if inQuotes { throw .unterminatedQuote(line: line) }
                fields.append(field)
                return Row(line: line, fields: fields)
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if reader.peek() == UInt8(ascii: "\"") {
                        _ = reader.next()
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case separator:
                    fields.append(field)
                    field = []
                    quoted = false
                case UInt8(ascii: "\n"):
                    if field.last == UInt8(ascii: "\r"), !quoted { field.removeLast() }
                    fields.append(field)
                    return Row(line: line, fields: fields)
                case UInt8(ascii: "\r") where reader.peek() == UInt8(ascii: "\n"):
                    continue
                case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                    quoted = true
                    inQuotes = true
                default:
                    field.append(byte)
                }
            }
            if field.count > Self.maximumFieldLength || fields.count > Self.maximumFields {
                skipRestOfLine()
                throw .tooLarge(line: line)
            }
        }
    }

    private mutating func skipRestOfLine() {
        while let byte = reader.next(), byte != UInt8(ascii: "\n") {}
    }
}
