/// Checks and cleans XML bytes before Foundation's `XMLParser` sees them, because that parser
/// cannot be trusted with some input: it traps (SIGILL) when a name, a comment or a processing
/// instruction holds invalid UTF-8, and it segfaults on an `<!ATTLIST … #REQUIRED>` declaration
/// in an internal DTD subset.
///
/// - Every byte is validated as UTF-8 (unless the XML declaration names ISO-8859-1, which the
///   parser converts itself, so that every byte is a character). The first invalid byte ends
///   the input there and is reported with its line and character column.
/// - The internal DTD subset (`<!DOCTYPE dblp [ … ]>`) is blanked out with spaces (line breaks
///   kept, so lines stay true). Nothing is lost: entities are rewritten before parsing by
///   `EntityRewritingStream` and external DTDs are never loaded, so the importers never used
///   the declarations.
/// - An encoding other than UTF-8, US-ASCII or ISO-8859-1 is refused.
///
/// It works a chunk at a time, keeping its state between chunks, so it streams.
struct XMLInputGuard {
    struct Failure: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    private enum Prolog {
        /// Between prolog items.
        case text
        /// After `<`.
        case openAngle
        /// Inside `<?…?>`; `question` is whether the last byte was `?`.
        case instruction(question: Bool)
        /// After `<!`, collecting up to seven bytes to tell a comment from `DOCTYPE`.
        case bang([UInt8])
        /// Inside `<!-- … -->`: how many `-` in a row were just seen.
        case comment(dashes: Int)
        /// Inside `<!DOCTYPE …` before `[` or `>`; `quote` is the open quote, if any.
        case doctype(quote: UInt8?)
        /// Inside the internal subset, blanking; `quote` is the open quote.
        case subset(quote: UInt8?, inComment: Bool, recent: UInt32)
        /// After the subset's `]`, up to the `>`.
        case doctypeTail
        /// The root element has started: nothing more to clean.
        case done
    }

    private var prolog: Prolog = .text
    private var validatesUTF8 = true
    private var sawDeclaration = false
    private var head: [UInt8] = []
    /// UTF-8 state: continuation bytes still expected, and the range the next one must be in.
    private var needed = 0
    /// Bytes of the character being read seen so far, and those held back at a chunk's end.
    private var sequenceSeen = 0
    private var held: [UInt8] = []
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var line = 1
    private(set) var column = 1

    /// Cleans `bytes` in place. On a failure, `bytes` is cut to the part before the bad byte and
    /// the failure is returned; the guard must not be fed again after that.
    mutating func process(_ input: inout [UInt8]) -> Failure? {
        if !sawDeclaration {
            head.append(contentsOf: input.prefix(512 - head.count))
            if let failure = readDeclaration(final: input.isEmpty || head.count >= 512) {
                input = []
                return failure
            }
        }
        var bytes = input
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if validatesUTF8, let message = validate(byte) {
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
            if case .done = prolog {
                index += 1
                continue
            }
            if clean(byte) { bytes[index] = UInt8(ascii: " ") }
            index += 1
        }
        // A character cut by the chunk's end is held back, so the parser never sees half of one.
        var out = held + bytes
        held = []
        if validatesUTF8, needed > 0 {
            held = Array(out.suffix(sequenceSeen))
            out.removeLast(min(sequenceSeen, out.count))
        }
        input = out
        return nil
    }

    /// The end of the input: a character cut short is invalid too.
    func finish() -> Failure? {
        guard validatesUTF8, needed > 0 else { return nil }
        return Failure(line: line, column: column - 1, message: "invalid UTF-8: the file ends inside a character")
    }

    private mutating func validate(_ byte: UInt8) -> String? {
        if needed > 0 {
            guard byte >= lower, byte <= upper else { return Self.invalid(byte) }
            needed -= 1
            lower = 0x80
            upper = 0xBF
            return nil
        }
        switch byte {
        case 0x00...0x7F: return nil
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

    /// Looks at `<?xml … encoding="…"?>` once enough of the file is in.
    private mutating func readDeclaration(final: Bool) -> Failure? {
        let prefix: [UInt8] = Array("<?xml".utf8)
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let body = head[start...]
        if body.count < prefix.count, !final, prefix.starts(with: body) { return nil }
        guard body.starts(with: prefix) else {
            sawDeclaration = true
            return nil
        }
        guard let close = body.firstIndex(of: UInt8(ascii: ">")) else {
            if final { sawDeclaration = true }
            return nil
        }
        sawDeclaration = true
        let declaration = String(decoding: body[..<close], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return nil
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1":
            // Every byte is a character: the parser converts them to UTF-8 itself.
            validatesUTF8 = false
            return nil
        default:
            return Failure(line: 1, column: 1, message: "the file declares the encoding \"\(name.prefix(40))\"; only UTF-8 and ISO-8859-1 are read")
        }
    }

    /// Follows the prolog; true when the byte is inside the internal subset and must be blanked.
    private mutating func clean(_ byte: UInt8) -> Bool {
        switch prolog {
        case .done:
            return false
        case .text:
            if byte == UInt8(ascii: "<") { prolog = .openAngle }
        case .openAngle:
            switch byte {
            case UInt8(ascii: "?"): prolog = .instruction(question: false)
            case UInt8(ascii: "!"): prolog = .bang([])
            default: prolog = .done
            }
        case .instruction(let question):
            prolog = question && byte == UInt8(ascii: ">") ? .text : .instruction(question: byte == UInt8(ascii: "?"))
        case .bang(var seen):
            seen.append(byte)
            if seen == Array("--".utf8) {
                prolog = .comment(dashes: 0)
            } else if seen == Array("DOCTYPE".utf8) {
                prolog = .doctype(quote: nil)
            } else if Array("DOCTYPE".utf8).starts(with: seen) || seen == Array("-".utf8) {
                prolog = .bang(seen)
            } else {
                // Not something a prolog holds: leave the rest to the parser.
                prolog = .done
            }
        case .comment(let dashes):
            if byte == UInt8(ascii: ">"), dashes >= 2 {
                prolog = .text
            } else {
                prolog = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .doctype(let quote):
            if let quote {
                if byte == quote { prolog = .doctype(quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                prolog = .doctype(quote: byte)
            } else if byte == UInt8(ascii: "[") {
                prolog = .subset(quote: nil, inComment: false, recent: 0)
            } else if byte == UInt8(ascii: ">") {
                prolog = .text
            }
        case .subset(let quote, let inComment, let recent):
            let recent = (recent << 8) | UInt32(byte)
            if inComment {
                // `-->` ends the comment.
                prolog = .subset(quote: nil, inComment: recent & 0xFF_FFFF != 0x2D_2D3E, recent: recent)
            } else if let quote {
                prolog = .subset(quote: byte == quote ? nil : quote, inComment: false, recent: recent)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                prolog = .subset(quote: byte, inComment: false, recent: recent)
            } else if byte == UInt8(ascii: "]") {
                prolog = .doctypeTail
                return false
            } else {
                // `<!--` starts a comment.
                prolog = .subset(quote: nil, inComment: recent == 0x3C21_2D2D, recent: recent)
            }
            return byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
        case .doctypeTail:
            if byte == UInt8(ascii: ">") { prolog = .text }
        }
        return false
    }
}
