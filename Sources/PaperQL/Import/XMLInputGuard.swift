/// Checks and cleans XML bytes before Foundation's `XMLParser` sees them, because that parser
/// cannot be trusted with some input: it traps (SIGILL) when a name, an attribute, a comment or
/// a processing instruction holds invalid UTF-8, and it segfaults (strlen of NULL) on an
/// `<!ATTLIST … #REQUIRED>` declaration in an internal DTD subset and on a processing
/// instruction without data (`<?pi?>`).
///
/// - The XML declaration is replaced by `<?xml version="1.0"?>` (its line breaks kept), so the
///   parser always reads UTF-8: a file declared ISO-8859-1 (DBLP's) is converted here, byte by
///   byte; a file declaring any other encoding than UTF-8 or US-ASCII is refused.
/// - Every byte is validated as UTF-8, and every character as one XML 1.0 allows (no C0
///   control but tab and line breaks, no U+FFFE/U+FFFF): the parser recovers from such a
///   character inside a comment by reading on as markup, and reached a data-less processing
///   instruction the guard had taken for comment text (a segfault found by the `dblp` fuzz
///   target). The first bad byte ends the input there and is reported with its line and
///   character column.
/// - Processing instructions (none of the formats uses one) and the internal DTD subset
///   (`<!DOCTYPE dblp [ … ]>`) are blanked out with spaces, line breaks kept, so lines stay
///   true. Nothing is lost: entities are rewritten before parsing by `EntityRewritingStream`
///   and external DTDs are never loaded, so the importers never used the declarations.
///
/// It works a chunk at a time, keeping its state between chunks, so it streams.
struct XMLInputGuard {
    struct Failure: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    private enum Markup {
        /// Text and tags.
        case text
        /// After `<`.
        case openAngle
        /// Inside `<?…?>`, blanking; `question` is whether the last byte was `?`.
        case instruction(question: Bool)
        /// After `<!`, collecting bytes to tell a comment, a CDATA section and `DOCTYPE` apart.
        case bang([UInt8])
        /// Inside `<!-- … -->`: how many `-` in a row were just seen.
        case comment(dashes: Int)
        /// Inside `<![CDATA[ … ]]>`: how many `]` in a row were just seen.
        case cdata(brackets: Int)
        /// Inside `<!DOCTYPE …` before `[` or `>`; `quote` is the open quote, if any.
        case doctype(quote: UInt8?)
        /// Inside the internal subset, blanking; `quote` is the open quote.
        case subset(quote: UInt8?, inComment: Bool, recent: UInt32)
        /// After the subset's `]`, up to the `>`.
        case doctypeTail
    }

    private var markup: Markup = .text
    private var atStart = true
    private var startBuffer: [UInt8] = []
    private var convertsLatin1 = false
    /// UTF-8 state: continuation bytes still expected, and the range the next one must be in.
    private var needed = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Bytes of the character being read seen so far, and those bytes.
    private var sequenceSeen = 0
    private var sequence: UInt32 = 0
    /// Bytes held back at the end of a chunk (a cut character, or a `<` whose meaning depends
    /// on the next byte), already checked.
    private var held: [UInt8] = []
    private(set) var line = 1
    private(set) var column = 1

    /// Cleans `input` in place. On a failure, `input` is cut to the part before the bad byte and
    /// the failure is returned; the guard must not be fed again after that.
    mutating func process(_ input: inout [UInt8]) -> Failure? {
        var bytes = input
        var index = 0
        if atStart {
            // The declaration is decided on whole: the first kilobyte waits until it is in.
            startBuffer += input
            if startBuffer.count < 1024, !input.isEmpty {
                input = []
                return nil
            }
            bytes = startBuffer
            startBuffer = []
            atStart = false
            switch replaceDeclaration(in: &bytes) {
            case .failure(let failure):
                input = []
                return failure
            case .success(let end):
                index = end
            }
        }
        if convertsLatin1, bytes[index...].contains(where: { $0 >= 0x80 }) {
            var converted = Array(bytes[..<index])
            converted.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes[index...] {
                if byte < 0x80 {
                    converted.append(byte)
                } else {
                    converted.append(0xC0 | byte >> 6)
                    converted.append(0x80 | byte & 0x3F)
                }
            }
            bytes = converted
        }
        var blankHeldAngle = false
        while index < bytes.count {
            let byte = bytes[index]
            if let message = validate(byte) {
                // The parser gets what came before, without the bad character's first bytes;
                // inside a character, the place is where the character started.
                var out = held + bytes[..<index]
                out.removeLast(min(needed > 0 ? sequenceSeen : 0, out.count))
                input = out
                held = []
                return Failure(line: line, column: needed > 0 ? column - 1 : column, message: message)
            }
            sequenceSeen = needed == 0 ? 0 : sequenceSeen + 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            switch follow(byte) {
            case .keep: break
            case .blank: bytes[index] = UInt8(ascii: " ")
            case .blankWithAngle:
                bytes[index] = UInt8(ascii: " ")
                if index > 0 { bytes[index - 1] = UInt8(ascii: " ") } else { blankHeldAngle = true }
            }
            index += 1
        }
        if blankHeldAngle, !held.isEmpty { held[held.count - 1] = UInt8(ascii: " ") }
        var out = held + bytes
        held = []
        // A character cut by the chunk's end, or a `<` that may open an instruction, waits for
        // the next chunk.
        let holdBack = needed > 0 ? sequenceSeen : (isAfterAngle ? 1 : 0)
        if holdBack > 0 {
            held = Array(out.suffix(holdBack))
            out.removeLast(min(holdBack, out.count))
        }
        input = out
        return nil
    }

    /// The end of the input: a character cut short is invalid too. Returns the bytes held back.
    mutating func finish() -> (rest: [UInt8], failure: Failure?) {
        defer { held = [] }
        guard needed > 0 else { return (held, nil) }
        return ([], Failure(line: line, column: column - 1, message: "invalid UTF-8: the file ends inside a character"))
    }

    private var isAfterAngle: Bool {
        if case .openAngle = markup { return true }
        return false
    }

    private mutating func validate(_ byte: UInt8) -> String? {
        if needed > 0 {
            guard byte >= lower, byte <= upper else { return Self.invalid(byte) }
            sequence = sequence << 8 | UInt32(byte)
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF), refused at their last byte, before it
            // counts, so that the character's first bytes are cut too.
            if needed == 1, sequence == 0xEF_BFBE || sequence == 0xEF_BFBF {
                return "the character U+\(String(sequence & 0xFF == 0xBE ? "FFFE" : "FFFF")) is not allowed in XML; the XML parser is not given the rest of the file"
            }
            needed -= 1
            lower = 0x80
            upper = 0xBF
            return nil
        }
        sequence = UInt32(byte)
        switch byte {
        case 0x09, 0x0A, 0x0D, 0x20...0x7F: return nil
        case 0x00...0x1F:
            let hex = String(byte, radix: 16, uppercase: true)
            return "a control character (U+00\(hex.count == 1 ? "0" + hex : hex)) is not allowed in XML; the XML parser is not given the rest of the file"
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: needed = 2; upper = 0x9F
        case 0xF0: needed = 3; lower = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; upper = 0x8F
        default: return Self.invalid(byte)
        }
        return nil
    }

    private static func invalid(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); the XML parser is not given the rest of the file"
    }

    /// Replaces `<?xml … ?>` at the start by a plain UTF-8 declaration and decides how to read
    /// the rest from the encoding it named. Returns where the rest starts.
    private mutating func replaceDeclaration(in bytes: inout [UInt8]) -> Result<Int, Failure> {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let opening = Array("<?xml".utf8)
        guard bytes[start...].starts(with: opening), bytes.count > start + opening.count,
            [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + opening.count])
        else { return .success(start) }
        let searchEnd = min(bytes.count, start + 1024)
        var close: Int?
        var position = start + opening.count
        while position + 1 < searchEnd {
            if bytes[position] == UInt8(ascii: "?"), bytes[position + 1] == UInt8(ascii: ">") {
                close = position + 2
                break
            }
            position += 1
        }
        guard let close else { return .success(start) }
        let declaration = String(decoding: bytes[start..<close], as: UTF8.self).lowercased()
        if let range = declaration.range(of: "encoding") {
            let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let name = rest.dropFirst().prefix { $0 != quote }
                switch name {
                case "utf-8", "utf8", "us-ascii", "ascii":
                    break
                case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
                    convertsLatin1 = true
                default:
                    return .failure(Failure(line: 1, column: 1, message: "the file declares the encoding \"\(name.prefix(40))\"; only UTF-8 and ISO-8859-1 are read"))
                }
            }
        }
        let breaks = bytes[start..<close].filter { $0 == UInt8(ascii: "\n") }.count
        let replacement = Array("<?xml version=\"1.0\"?>".utf8) + [UInt8](repeating: UInt8(ascii: "\n"), count: breaks)
        bytes.replaceSubrange(start..<close, with: replacement)
        line += breaks
        column = breaks > 0 ? 1 : replacement.count + 1
        return .success(start + replacement.count)
    }

    private enum Action {
        case keep
        case blank
        /// Blank this byte and the `<` before it.
        case blankWithAngle
    }

    /// Follows the markup; says whether the byte must be blanked.
    private mutating func follow(_ byte: UInt8) -> Action {
        switch markup {
        case .text:
            if byte == UInt8(ascii: "<") { markup = .openAngle }
        case .openAngle:
            switch byte {
            case UInt8(ascii: "?"):
                markup = .instruction(question: false)
                return .blankWithAngle
            case UInt8(ascii: "!"): markup = .bang([])
            case UInt8(ascii: "<"): markup = .openAngle
            default: markup = .text
            }
        case .instruction(let question):
            markup = question && byte == UInt8(ascii: ">") ? .text : .instruction(question: byte == UInt8(ascii: "?"))
            return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? .keep : .blank
        case .bang(var seen):
            seen.append(byte)
            if seen == Array("--".utf8) {
                markup = .comment(dashes: 0)
            } else if seen == Array("[CDATA[".utf8) {
                markup = .cdata(brackets: 0)
            } else if seen == Array("DOCTYPE".utf8) {
                markup = .doctype(quote: nil)
            } else if Array("DOCTYPE".utf8).starts(with: seen) || Array("[CDATA[".utf8).starts(with: seen)
                || seen == Array("-".utf8)
            {
                markup = .bang(seen)
            } else {
                // Nothing the parser accepts here: it will say so.
                markup = byte == UInt8(ascii: "<") ? .openAngle : .text
            }
        case .comment(let dashes):
            if byte == UInt8(ascii: ">"), dashes >= 2 {
                markup = .text
            } else {
                markup = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .cdata(let brackets):
            if byte == UInt8(ascii: ">"), brackets >= 2 {
                markup = .text
            } else {
                markup = .cdata(brackets: byte == UInt8(ascii: "]") ? brackets + 1 : 0)
            }
        case .doctype(let quote):
            if let quote {
                if byte == quote { markup = .doctype(quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                markup = .doctype(quote: byte)
            } else if byte == UInt8(ascii: "[") {
                markup = .subset(quote: nil, inComment: false, recent: 0)
            } else if byte == UInt8(ascii: ">") {
                markup = .text
            }
        case .subset(let quote, let inComment, let recent):
            let recent = (recent << 8) | UInt32(byte)
            if inComment {
                // `-->` ends the comment.
                markup = .subset(quote: nil, inComment: recent & 0xFF_FFFF != 0x2D_2D3E, recent: recent)
            } else if let quote {
                markup = .subset(quote: byte == quote ? nil : quote, inComment: false, recent: recent)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                markup = .subset(quote: byte, inComment: false, recent: recent)
            } else if byte == UInt8(ascii: "]") {
                markup = .doctypeTail
                return .keep
            } else {
                // `<!--` starts a comment.
                markup = .subset(quote: nil, inComment: recent == 0x3C21_2D2D, recent: recent)
            }
            return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? .keep : .blank
        case .doctypeTail:
            if byte == UInt8(ascii: ">") { markup = .text }
        }
        return .keep
    }
}
