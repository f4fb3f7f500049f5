import PaperQL

/// How positions count characters within a line (LSP 3.17 `positionEncoding`).
enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// UTF-8 when the client offers it, else UTF-16 (the protocol's default), else UTF-32.
    static func negotiate(_ offered: [String]?) -> PositionEncoding {
        guard let offered, !offered.isEmpty else { return .utf16 }
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf16.rawValue) { return .utf16 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }

    func units(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .utf32: 1
        }
    }
}

/// An open document: its text as UTF-8 bytes (the offsets every `SourceSpan` uses), its version,
/// and where its lines start.
struct TextDocument: Sendable {
    let uri: String
    var version: Int
    private(set) var bytes: [UInt8]
    private(set) var lineStarts: [Int]

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.bytes = Array(text.utf8)
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces a range of bytes (an incremental change) or everything (a full one).
    mutating func replace(_ range: Range<Int>?, with text: String) {
        if let range {
            bytes.replaceSubrange(range, with: Array(text.utf8))
        } else {
            bytes = Array(text.utf8)
        }
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// Lines end at `\n`, `\r\n` or `\r`.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                starts.append(index + 1)
            } else if bytes[index] == 13 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The end of a line's text, before its line break.
    private func lineEnd(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1]
        if end > lineStarts[line], bytes[end - 1] == 10 { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The byte offset of a position. A line past the end is the end of the text; a character
    /// past the end of its line is the line's end; one inside a character is that character's start.
    func offset(line: Int, character: Int, encoding: PositionEncoding) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let start = lineStarts[line]
        let end = lineEnd(line)
        var offset = start
        var units = 0
        let lineText = String(decoding: bytes[start..<end], as: UTF8.self)
        for scalar in lineText.unicodeScalars {
            let width = encoding.units(of: scalar)
            if units + width > character { break }
            units += width
            offset += UTF8.width(scalar)
        }
        return min(offset, end)
    }

    /// The position of a byte offset.
    func position(of offset: Int, encoding: PositionEncoding) -> (line: Int, character: Int) {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let end = min(max(offset, start), lineEnd(low))
        let prefix = String(decoding: bytes[start..<end], as: UTF8.self)
        let character = prefix.unicodeScalars.reduce(0) { $0 + encoding.units(of: $1) }
        return (low, character)
    }

    func range(of span: SourceSpan, encoding: PositionEncoding) -> JSONValue {
        .object(["start": position(span.start, encoding), "end": position(span.end, encoding)])
    }

    private func position(_ offset: Int, _ encoding: PositionEncoding) -> JSONValue {
        let (line, character) = position(of: offset, encoding: encoding)
        return .object(["line": .int(line), "character": .int(character)])
    }

    /// The byte offset of an LSP `Position`, if it is one.
    func offset(of position: JSONValue?, encoding: PositionEncoding) -> Int? {
        guard let line = position?["line"]?.clampedIntValue, let character = position?["character"]?.clampedIntValue else {
            return nil
        }
        return offset(line: line, character: character, encoding: encoding)
    }

    /// The byte range of an LSP `Range`, if it is one (ends swapped when reversed).
    func range(of range: JSONValue?, encoding: PositionEncoding) -> Range<Int>? {
        guard let start = offset(of: range?["start"], encoding: encoding),
            let end = offset(of: range?["end"], encoding: encoding) else { return nil }
        return min(start, end)..<max(start, end)
    }
}
