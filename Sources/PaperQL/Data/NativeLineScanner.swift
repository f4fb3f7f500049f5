/// Decodes one line of the native JSON Lines format straight into `RecordColumns`: bytes in,
/// bytes out, with no JSON value tree and no `String` per field.
///
/// It handles the common shape (known fields with plain values) and answers `false` for
/// anything else — an unknown field, a `\u` escape, a number where a string is usual, a field
/// given twice, invalid UTF-8, any error — and then writes nothing. The caller decodes such a
/// line with `JSONParser` and `NativeRecordDecoder`, which define the format and word every error,
/// so this scanner changes speed, never answers or messages.
struct NativeLineScanner {
    /// One decoded string: bytes of the line, or (after unescaping) of `scratch`.
    private struct Span {
        var start: Int
        var end: Int
        var unescaped: Bool
        var isEmpty: Bool { start == end }
    }

    private enum Field: Int, CaseIterable {
        case id, title, authors, authorsTruncated, year, date, venue, type, categories, institutions,
            abstract, sources, versions, doi, arxivID, authorIDs
    }

    private static let keys: [[UInt8]] = Field.allCases.map { field in
        let name = switch field {
        case .id: "id"
        case .title: "title"
        case .authors: "authors"
        case .authorsTruncated: "authors_truncated"
        case .year: "year"
        case .date: "date"
        case .venue: "venue"
        case .type: "type"
        case .categories: "categories"
        case .institutions: "institutions"
        case .abstract: "abstract"
        case .sources: "sources"
        case .versions: "versions"
        case .doi: "doi"
        case .arxivID: "arxiv_id"
        case .authorIDs: "author_ids"
        }
        return Array(name.utf8)
    }

    private static let typeNames: [[UInt8]] = PaperType.allCases.map { Array($0.rawValue.utf8) }

    private var scratch: [UInt8] = []
    // Reused between lines.
    private var spans = [Span?](repeating: nil, count: Field.allCases.count)
    private var lists = [[Span]](repeating: [], count: 5)
    private var listGiven = [Bool](repeating: false, count: 5)
    private let sourceName: [UInt8]

    init(sourceName: String) {
        self.sourceName = Array(sourceName.utf8)
        scratch.reserveCapacity(4096)
    }

    /// Decodes a line (already trimmed of leading blanks and a byte order mark) into `columns`;
    /// false, with `columns` untouched, when the line needs the general decoder.
    mutating func decode(_ line: UnsafeBufferPointer<UInt8>, into columns: inout RecordColumns) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        for index in spans.indices { spans[index] = nil }
        for index in lists.indices {
            lists[index].removeAll(keepingCapacity: true)
            listGiven[index] = false
        }
        var truncated = false
        var year: Int32 = RecordColumns.noYear
        var type: UInt8 = 0
        var seen: UInt32 = 0

        var position = 0
        let count = line.count
        @inline(__always) func skipBlanks() {
            while position < count {
                let byte = line[position]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
                position += 1
            }
        }
        guard count > 0, line[0] == UInt8(ascii: "{") else { return false }
        position = 1
        skipBlanks()
        guard position < count else { return false }
        if line[position] == UInt8(ascii: "}") {
            return false  // no id: the general decoder words the error
        }
        while true {
            skipBlanks()
            guard position < count, line[position] == UInt8(ascii: "\"") else { return false }
            // Member name: plain ASCII without escapes, one of the known fields.
            let keyStart = position + 1
            var keyEnd = keyStart
            while keyEnd < count, line[keyEnd] != UInt8(ascii: "\""), line[keyEnd] != UInt8(ascii: "\\") { keyEnd += 1 }
            guard keyEnd < count, line[keyEnd] == UInt8(ascii: "\"") else { return false }
            guard let field = Self.field(UnsafeBufferPointer(rebasing: line[keyStart..<keyEnd])) else { return false }
            let bit = UInt32(1) << UInt32(field.rawValue)
            guard seen & bit == 0 else { return false }
            seen |= bit
            position = keyEnd + 1
            skipBlanks()
            guard position < count, line[position] == UInt8(ascii: ":") else { return false }
            position += 1
            skipBlanks()
            guard position < count else { return false }
            let first = line[position]
            switch field {
            case .id, .title, .date, .venue, .abstract, .doi, .arxivID, .type:
                if first == UInt8(ascii: "n") {
                    guard Self.literal(line, &position, "null") else { return false }
                    if field == .id || field == .title { return false }
                } else {
                    guard first == UInt8(ascii: "\""), let span = scanString(line, &position) else { return false }
                    if field == .id, span.isEmpty { return false }
                    if field == .type {
                        if !span.isEmpty {
                            guard let code = typeCode(span, line) else { return false }
                            type = code
                        }
                    } else {
                        spans[field.rawValue] = span
                    }
                }
            case .authors, .categories, .institutions, .sources, .versions:
                let list = Self.listIndex(field)
                if first == UInt8(ascii: "n") {
                    guard Self.literal(line, &position, "null") else { return false }
                } else if first == UInt8(ascii: "\"") {
                    guard let span = scanString(line, &position) else { return false }
                    lists[list].append(span)
                } else if first == UInt8(ascii: "[") {
                    position += 1
                    skipBlanks()
                    guard position < count else { return false }
                    if line[position] == UInt8(ascii: "]") {
                        position += 1
                    } else {
                        while true {
                            skipBlanks()
                            guard position < count, line[position] == UInt8(ascii: "\""),
                                let span = scanString(line, &position)
                            else { return false }
                            lists[list].append(span)
                            skipBlanks()
                            guard position < count else { return false }
                            if line[position] == UInt8(ascii: ",") {
                                position += 1
                            } else if line[position] == UInt8(ascii: "]") {
                                position += 1
                                break
                            } else {
                                return false
                            }
                        }
                    }
                } else {
                    return false
                }
                listGiven[list] = true
            case .authorsTruncated:
                if first == UInt8(ascii: "t") {
                    guard Self.literal(line, &position, "true") else { return false }
                    truncated = true
                } else if first == UInt8(ascii: "f") {
                    guard Self.literal(line, &position, "false") else { return false }
                } else {
                    guard Self.literal(line, &position, "null") else { return false }
                }
            case .year:
                if first == UInt8(ascii: "n") {
                    guard Self.literal(line, &position, "null") else { return false }
                } else {
                    // Plain integers only; fractions, exponents and strings go the general way.
                    var negative = false
                    if first == UInt8(ascii: "-") {
                        negative = true
                        position += 1
                    }
                    var value = 0
                    var digits = 0
                    while position < count, line[position] >= UInt8(ascii: "0"), line[position] <= UInt8(ascii: "9") {
                        value = value * 10 + Int(line[position] - UInt8(ascii: "0"))
                        digits += 1
                        position += 1
                        if digits > 5 { return false }
                    }
                    guard digits > 0 else { return false }
                    if position < count, line[position] == UInt8(ascii: ".") || line[position] | 0x20 == UInt8(ascii: "e") {
                        return false
                    }
                    if negative { value = -value }
                    guard PaperRecord.validYears.contains(value) else { return false }
                    year = Int32(value)
                }
            case .authorIDs:
                // Aligned identifiers have rules of their own; only null is taken here.
                guard Self.literal(line, &position, "null") else { return false }
            }
            skipBlanks()
            guard position < count else { return false }
            if line[position] == UInt8(ascii: ",") {
                position += 1
            } else if line[position] == UInt8(ascii: "}") {
                position += 1
                break
            } else {
                return false
            }
        }
        skipBlanks()
        guard position == count else { return false }
        guard let id = spans[Field.id.rawValue], let title = spans[Field.title.rawValue] else { return false }
        // A date without a year gives the year: the general decoder's rule, taken there.
        if year == RecordColumns.noYear, let date = spans[Field.date.rawValue], !date.isEmpty { return false }

        // Accepted: write the row.
        scratch.withUnsafeBufferPointer { scratch in
            func bytes(_ span: Span) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: (span.unescaped ? scratch : line)[span.start..<span.end])
            }
            func append(_ field: Field, to column: inout StringColumn) {
                if let span = spans[field.rawValue], !span.isEmpty {
                    column.appendBytes(bytes(span))
                } else {
                    column.appendBytes(UnsafeBufferPointer(start: nil, count: 0))
                }
            }
            func append(_ field: Field, to column: inout StringListColumn) {
                for span in lists[Self.listIndex(field)] { column.appendItem(bytes(span)) }
                column.endRow()
            }
            columns.ids.appendBytes(bytes(id))
            columns.titles.appendBytes(bytes(title))
            append(.abstract, to: &columns.abstracts)
            append(.date, to: &columns.dates)
            append(.venue, to: &columns.venues)
            append(.doi, to: &columns.dois)
            append(.arxivID, to: &columns.arxivIDs)
            columns.years.append(year)
            columns.types.append(type)
            columns.truncated.append(truncated)
            append(.authors, to: &columns.authors)
            columns.authorIDs.endRow()
            append(.categories, to: &columns.categories)
            append(.institutions, to: &columns.institutions)
            if lists[Self.listIndex(.sources)].isEmpty {
                sourceName.withUnsafeBufferPointer { columns.sources.appendItem($0) }
                columns.sources.endRow()
            } else {
                append(.sources, to: &columns.sources)
            }
            append(.versions, to: &columns.versions)
        }
        return true
    }

    private static func listIndex(_ field: Field) -> Int {
        switch field {
        case .authors: 0
        case .categories: 1
        case .institutions: 2
        case .sources: 3
        default: 4
        }
    }

    private static func field(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
        for field in Field.allCases {
            let name = keys[field.rawValue]
            if name.count == key.count, name.withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return field }
        }
        return nil
    }

    private static func literal(_ line: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= line.count else { return false }
        for offset in 0..<length where line[position + offset] != word.utf8Start[offset] { return false }
        position += length
        return true
    }

    /// The paper type named by a string (any case), as `RecordColumns` stores it.
    private func typeCode(_ span: Span, _ line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let source = span.unescaped ? nil : line
        guard let source, span.end - span.start <= 16 else { return nil }
        var lowered: [UInt8] = []
        for index in span.start..<span.end {
            let byte = source[index]
            guard byte < 0x80 else { return nil }
            lowered.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        guard let index = Self.typeNames.firstIndex(of: lowered) else { return nil }
        return UInt8(index + 1)
    }

    /// Scans a string starting at its opening quote; nil for anything the general decoder must
    /// judge (a `\u` escape, a control character, invalid UTF-8, no closing quote, a string over
    /// `ImportLimits.valueBytes`).
    private mutating func scanString(_ line: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Span? {
        let start = position + 1
        var index = start
        let count = line.count
        var nonASCII = false
        // Eight bytes at a time while none is a quote, a backslash, a control character.
        if let base = line.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- (ones &* 0x20))
                if special & ~word & highs != 0 { break }
                if word & highs != 0 { nonASCII = true }
                index += 8
            }
        }
        while index < count {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                if index - start > ImportLimits.valueBytes { return nil }
                if nonASCII, !Self.isValidUTF8(UnsafeBufferPointer(rebasing: line[start..<index])) { return nil }
                return Span(start: start, end: index, unescaped: false)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        guard index < count else { return nil }
        // Escapes: unescape into the scratch buffer.
        let scratchStart = scratch.count
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<index]))
        while index < count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "\""):
                position = index + 1
                let span = Span(start: scratchStart, end: scratch.count, unescaped: true)
                if span.end - span.start > ImportLimits.valueBytes { return nil }
                if nonASCII, !scratch.withUnsafeBufferPointer({ Self.isValidUTF8(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }) {
                    return nil
                }
                return span
            case UInt8(ascii: "\\"):
                guard index + 1 < count else { return nil }
                switch line[index + 1] {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                default: return nil
                }
                index += 2
            case 0..<0x20:
                return nil
            default:
                if byte >= 0x80 { nonASCII = true }
                scratch.append(byte)
                index += 1
            }
        }
        return nil
    }

    /// Well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF), as Swift's
    /// `String(validating:)` requires.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            @inline(__always) func continuation(_ offset: Int) -> Bool {
                index + offset < count && bytes[index + offset] & 0xC0 == 0x80
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let second = bytes[index + 1]
                if lead == 0xE0, second < 0xA0 { return false }
                if lead == 0xED, second > 0x9F { return false }
                index += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let second = bytes[index + 1]
                if lead == 0xF0, second < 0x90 { return false }
                if lead == 0xF4, second > 0x8F { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }
}
