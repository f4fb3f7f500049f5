/// One `@type{key, field = value, ...}` entry, with `@string` macros expanded and `#`
/// concatenations joined. Values are still LaTeX.
struct BibTeXEntry {
    /// Lower-cased entry type (`article`, `inproceedings`).
    var type: String
    var key: String
    /// Lower-cased field names and their values, in order.
    var fields: [(name: String, value: String)]
    var line: Int
    /// Problems that did not stop the entry (an undefined macro).
    var warnings: [ImportIssue] = []

    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}

/// Reads BibTeX entries from a file, streaming: text outside entries is a comment, `@comment`
/// and `@preamble` are skipped, `@string` defines macros. A malformed entry yields a failure and
/// reading resumes at the next line that starts with `@`.
struct BibTeXLexer {
    enum Item {
        case entry(BibTeXEntry)
        case failure(ImportIssue)
    }

    /// Longest value kept (bytes); longer values are an error, not an allocation.
    static let maximumValueLength = ImportLimits.valueBytes
    static let maximumFields = 1000

    private var reader: ByteReader
    private let path: String
    /// Month macros are predefined, as in BibTeX's standard styles.
    static let monthMacros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]
    /// The `@string` macros known so far: the month names, those of the files read before this
    /// one (as `bibtex a.bib b.bib` does), and this file's.
    private(set) var macros: [String: String]
    /// After an error: only an `@` at the start of a line begins the next entry.
    private var resyncing = false
    /// Entries that begin at or after this offset are left to the next lexer.
    private let limit: Int
    /// Where the lexer stopped: the `@` of the first entry at or after the limit, or the end of
    /// the file. Nil until `next()` has returned nil.
    private(set) var stop: ByteReader.Position?
    /// Whether an `@string` set a macro.
    private(set) var setMacro = false

    /// A lexer from the start of the file (`start` nil), or from `start`, which must be the `@`
    /// of an entry as the whole file's lexer would begin it (not resyncing after an error), and
    /// with the macros that lexer would have there.
    /// - Parameter macros: the macros defined so far, the month names among them or not.
    init(path: String, macros: [String: String] = [:], from start: ByteReader.Position? = nil, limit: Int = .max) throws(ImportIssue) {
        self.reader = try ByteReader(path: path, from: start ?? ByteReader.Position())
        self.path = path
        self.macros = Self.monthMacros.merging(macros) { _, defined in defined }
        self.limit = limit
    }

    /// Macros this file defined (or redefined), beyond the month names.
    var definedMacros: [String: String] { Self.definedMacros(in: macros) }

    /// The macros in `macros` beyond the month names.
    static func definedMacros(in macros: [String: String]) -> [String: String] {
        macros.filter { monthMacros[$0.key] != $0.value }
    }

    var bytesRead: Int { reader.offset }

    private struct LexError: Error {
        let kind: ImportIssue.Kind
        let line: Int
        /// The error was found at the `@` of the next entry, which can be read as usual.
        var atNextEntry = false
        let message: String
    }

    mutating func next() -> Item? {
        while true {
            guard skipToEntry() else {
                stop = reader.position
                return nil
            }
            if reader.offset - 1 >= limit {
                // At the `@` just consumed (not a line break: same line, one column back).
                stop = ByteReader.Position(offset: reader.offset - 1, line: reader.line, column: reader.column - 1)
                return nil
            }
            let line = reader.line
            do {
                if let entry = try parseEntry(line: line) { return .entry(entry) }
            } catch {
                resyncing = !error.atNextEntry
                return .failure(ImportIssue(error.kind, file: path, line: error.line, message: error.message))
            }
        }
    }

    /// Skips comment text up to the next `@`, which it consumes. False at the end of the file.
    private mutating func skipToEntry() -> Bool {
        var atLineStart = reader.column == 1
        while let byte = reader.next() {
            if byte == UInt8(ascii: "@"), !resyncing || atLineStart {
                resyncing = false
                return true
            }
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                atLineStart = false
            }
        }
        return false
    }

    /// After the `@`. Returns nil for `@comment`, `@preamble`, `@string` and a stray `@`.
    private mutating func parseEntry(line: Int) throws(LexError) -> BibTeXEntry? {
        let type = readIdentifier().lowercased()
        guard !type.isEmpty else { return nil }
        skipSpace()
        guard let open = reader.peek(), open == UInt8(ascii: "{") || open == UInt8(ascii: "(") else {
            if type == "comment" { return nil }
            throw LexError(kind: .syntax, line: reader.line, message: "expected `{` after `@\(type)`")
        }
        _ = reader.next()
        let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        switch type {
        case "comment":
            try skipBalanced(close: close, openedAt: line)
            return nil
        case "preamble":
            var warnings: [ImportIssue] = []
            _ = try parseValue(warnings: &warnings)
            try expectClose(close, entryLine: line, after: "@preamble")
            return nil
        case "string":
            skipSpace()
            let name = readIdentifier().lowercased()
            guard !name.isEmpty else { throw LexError(kind: .syntax, line: reader.line, message: "expected a macro name in @string") }
            skipSpace()
            guard reader.next() == UInt8(ascii: "=") else {
                throw LexError(kind: .syntax, line: reader.line, message: "expected `=` after the macro name \"\(name)\" in @string")
            }
            var warnings: [ImportIssue] = []
            macros[name] = try parseValue(warnings: &warnings)
            setMacro = true
            skipSpace()
            if reader.peek() == UInt8(ascii: ",") { _ = reader.next() }
            try expectClose(close, entryLine: line, after: "@string{\(name) = …}")
            return nil
        default:
            break
        }
        skipSpace()
        var keyBytes: [UInt8] = []
        while let byte = reader.peek(), byte != UInt8(ascii: ","), byte != close, !Self.isSpace(byte),
            byte != UInt8(ascii: "{"), byte != UInt8(ascii: "}"), keyBytes.count < 1000
        {
            keyBytes.append(byte)
            _ = reader.next()
        }
        var entry = BibTeXEntry(type: type, key: try text(keyBytes, line: line), fields: [], line: line)
        skipSpace()
        if reader.peek() == close {
            _ = reader.next()
            return entry
        }
        guard reader.next() == UInt8(ascii: ",") else {
            throw LexError(kind: .syntax, line: reader.line, message: "expected `,` after the citation key \"\(entry.key)\"")
        }
        while true {
            skipSpace()
            guard let byte = reader.peek() else {
                throw LexError(kind: .unbalancedBraces, line: line, message: "the file ends inside @\(type){\(entry.key), opened at line \(line) (unbalanced braces?)")
            }
            if byte == close {
                _ = reader.next()
                return entry
            }
            let nameLine = reader.line
            let name = readIdentifier().lowercased()
            guard !name.isEmpty else {
                throw LexError(kind: .syntax, line: reader.line, message: "expected a field name or `\(Character(UnicodeScalar(close)))` in @\(type){\(entry.key)")
            }
            skipSpace()
            guard reader.next() == UInt8(ascii: "=") else {
                throw LexError(kind: .syntax, line: nameLine, message: "expected `=` after the field name \"\(name)\" in @\(type){\(entry.key)")
            }
            let value = try parseValue(warnings: &entry.warnings)
            guard entry.fields.count < Self.maximumFields else {
                throw LexError(kind: .tooLarge, line: line, message: "more than \(Self.maximumFields) fields in @\(type){\(entry.key)")
            }
            entry.fields.append((name, value))
            skipSpace()
            if reader.peek() == UInt8(ascii: ",") {
                _ = reader.next()
            } else if reader.peek() != close {
                if reader.peek() == nil {
                    throw LexError(kind: .unbalancedBraces, line: line, message: "the file ends inside @\(type){\(entry.key), opened at line \(line) (unbalanced braces?)")
                }
                if reader.peek() == UInt8(ascii: "@") {
                    throw LexError(kind: .unbalancedBraces, line: line, atNextEntry: true, message: "@\(type){\(entry.key), opened at line \(line), is not closed before the next entry at line \(reader.line) (unbalanced braces in the field \"\(name)\"?)")
                }
                throw LexError(kind: .syntax, line: reader.line, message: "expected `,` or `\(Character(UnicodeScalar(close)))` after the field \"\(name)\" in @\(type){\(entry.key) (a missing comma?)")
            }
        }
    }

    /// `part # part # ...`, each part a braced or quoted string, a number or a macro name.
    private mutating func parseValue(warnings: inout [ImportIssue]) throws(LexError) -> String {
        var result = ""
        while true {
            skipSpace()
            let line = reader.line
            switch reader.peek() {
            case UInt8(ascii: "{")?:
                _ = reader.next()
                result += try text(try readDelimited(quote: false, openedAt: line), line: line)
            case UInt8(ascii: "\"")?:
                _ = reader.next()
                result += try text(try readDelimited(quote: true, openedAt: line), line: line)
            case let byte? where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"):
                var digits: [UInt8] = []
                while let digit = reader.peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9"), digits.count < 64 {
                    digits.append(digit)
                    _ = reader.next()
                }
                result += String(decoding: digits, as: UTF8.self)
            case let byte? where Self.isIdentifierByte(byte):
                let name = readIdentifier()
                if let expansion = macros[name.lowercased()] {
                    result += expansion
                } else {
                    warnings.append(ImportIssue(.unknownMacro, severity: .warning, file: path, line: line, message: "undefined macro \"\(name)\" (no @string defines it); used as empty text"))
                }
            case nil:
                throw LexError(kind: .truncated, line: line, message: "the file ends where a field value was expected")
            case let byte?:
                throw LexError(kind: .syntax, line: line, message: "expected a field value (`{…}`, `\"…\"`, a number or a macro name), found `\(Self.printable(byte))`")
            }
            // Checked after every part: macros that concatenate themselves double in size each
            // time, so a short file could otherwise ask for gigabytes.
            if result.utf8.count > Self.maximumValueLength {
                throw LexError(kind: .tooLarge, line: line, message: "a field value is longer than \(ImportLimits.describe(bytes: Self.maximumValueLength)) once its macros are expanded")
            }
            skipSpace()
            guard reader.peek() == UInt8(ascii: "#") else { return result }
            _ = reader.next()
        }
    }

    /// The bytes of a `{…}` or `"…"` value after its opening delimiter, braces balanced. Runs
    /// of ordinary bytes are taken whole; braces, quotes, line breaks and `@` one at a time.
    private mutating func readDelimited(quote: Bool, openedAt line: Int) throws(LexError) -> [UInt8] {
        var bytes: [UInt8] = []
        var depth = 0
        var atLineStart = false
        while true {
            let runStart = bytes.count
            let stop = reader.take(into: &bytes) { byte in
                byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "\"")
                    || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "@")
            }
            if atLineStart, bytes[runStart...].contains(where: { !Self.isSpace($0) }) { atLineStart = false }
            guard let byte = stop else { break }
            if byte == UInt8(ascii: "@"), atLineStart {
                throw LexError(kind: .unbalancedBraces, line: line, atNextEntry: true, message: "a \(quote ? "quoted" : "braced") value opened at line \(line) is still open when the next entry starts at line \(reader.line) (unbalanced braces?)")
            }
            _ = reader.next()
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 {
                    if quote { throw LexError(kind: .unbalancedBraces, line: reader.line, message: "unbalanced `}` in a quoted value opened at line \(line)") }
                    return bytes
                }
                depth -= 1
            case UInt8(ascii: "\"") where quote && depth == 0:
                return bytes
            default:
                break
            }
            // Every stop byte but the line break is text.
            atLineStart = byte == UInt8(ascii: "\n")
            bytes.append(byte)
            if bytes.count > Self.maximumValueLength {
                throw LexError(kind: .tooLarge, line: line, message: "a field value opened at line \(line) is longer than \(ImportLimits.describe(bytes: Self.maximumValueLength)) (unbalanced braces?)")
            }
        }
        throw LexError(kind: .unbalancedBraces, line: line, message: "the file ends inside a \(quote ? "quoted" : "braced") value opened at line \(line) (unbalanced braces?)")
    }

    /// Skips an `@comment{…}` body.
    private mutating func skipBalanced(close: UInt8, openedAt line: Int) throws(LexError) {
        var depth = 0
        while let byte = reader.next() {
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == close {
                if depth == 0 { return }
                if byte == UInt8(ascii: "}") { depth -= 1 }
            }
        }
        throw LexError(kind: .unbalancedBraces, line: line, message: "the file ends inside @comment opened at line \(line)")
    }

    private mutating func expectClose(_ close: UInt8, entryLine: Int, after what: String) throws(LexError) {
        skipSpace()
        guard reader.next() == close else {
            throw LexError(kind: .syntax, line: reader.line, message: "expected `\(Character(UnicodeScalar(close)))` to end \(what) begun at line \(entryLine)")
        }
    }

    private mutating func readIdentifier() -> String {
        var bytes: [UInt8] = []
        while let byte = reader.peek(), Self.isIdentifierByte(byte), bytes.count < 256 {
            bytes.append(byte)
            _ = reader.next()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func skipSpace() {
        while let byte = reader.peek(), Self.isSpace(byte) { _ = reader.next() }
    }

    private func text(_ bytes: [UInt8], line: Int) throws(LexError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw LexError(kind: .invalidUTF8, line: line, message: "invalid UTF-8 in the value starting at line \(line) (is the file in another encoding, such as Latin-1?)")
        }
        return string
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Letters, digits and the punctuation BibTeX allows in entry types, field and macro names.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        case 0x80...:
            true
        default:
            false
        }
    }

    static func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }
}
