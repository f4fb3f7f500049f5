/// Turns a `SourceFile` into tokens. Never fails: unreadable text becomes an `.invalid` token
/// and a diagnostic, and lexing goes on.
public struct Lexer {
    public struct Output: Sendable {
        public let tokens: [Token]
        public let diagnostics: [Diagnostic]
        /// A string literal was still open at the end of the input.
        public let endsInsideString: Bool
    }

    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    private var endsInsideString = false

    public init(_ source: SourceFile) {
        self.bytes = source.bytes
    }

    public static func tokenize(_ source: SourceFile) -> Output {
        var lexer = Lexer(source)
        return lexer.run()
    }

    private mutating func run() -> Output {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                emit(.newline, from: position, to: position + 1, value: "\n")
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "|"):
                emit(.pipe, from: position, to: position + 1, value: "|")
            case UInt8(ascii: ","):
                emit(.comma, from: position, to: position + 1, value: ",")
            case UInt8(ascii: ";"):
                emit(.semicolon, from: position, to: position + 1, value: ";")
            case UInt8(ascii: "("):
                emit(.leftParen, from: position, to: position + 1, value: "(")
            case UInt8(ascii: ")"):
                emit(.rightParen, from: position, to: position + 1, value: ")")
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString(quote: byte)
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"):
                lexOperator()
            default:
                if isWordByte(byte) {
                    lexWord()
                } else {
                    lexInvalid()
                }
            }
        }
        tokens.append(Token(kind: .endOfInput, span: .at(bytes.count), value: ""))
        return Output(tokens: tokens, diagnostics: diagnostics, endsInsideString: endsInsideString)
    }

    private mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int, value: String) {
        tokens.append(Token(kind: kind, span: SourceSpan(start: start, end: end), value: value))
        position = end
    }

    /// ASCII letters, digits, `_`, and every byte of a non-ASCII character that is a letter.
    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        case 0x80...:
            return true
        default:
            return false
        }
    }

    private mutating func lexWord() {
        let start = position
        var end = position
        while end < bytes.count {
            let byte = bytes[end]
            if isWordByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
                end += 1
            } else {
                break
            }
        }
        // A word never ends in '.' or '-': `limit 5.` is a number and a stray dot.
        while end > start + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") {
            end -= 1
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if !text.unicodeScalars.allSatisfy(Self.isWordScalar) {
            emit(.invalid, from: start, to: end, value: text)
            diagnostics.append(.error(Messages.unexpectedCharacter(Self.shortened(text)), at: SourceSpan(start: start, end: end)))
            return
        }
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            emit(.integer, from: start, to: end, value: text)
        } else if let keyword = Keyword(rawValue: text.lowercased()) {
            emit(.keyword(keyword), from: start, to: end, value: text)
        } else {
            emit(.identifier, from: start, to: end, value: text)
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                || scalar == "."
        }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .decimalNumber
    }

    private mutating func lexString(quote: UInt8) {
        let start = position
        var index = position + 1
        var value: [UInt8] = []
        var badEscapes = 0
        var firstBadEscape: Diagnostic?
        defer {
            if var diagnostic = firstBadEscape {
                if badEscapes > 1 {
                    diagnostic.notes.append(.init("\(badEscapes - 1) more unknown escape\(badEscapes == 2 ? "" : "s") in this string; escapes are \\n \\t \\\\ \\\" \\'"))
                }
                diagnostics.append(diagnostic)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                emit(.string, from: start, to: index + 1, value: String(decoding: value, as: UTF8.self))
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(escaped)
                default:
                    // The first unknown escape of a string is reported; the rest are counted in a note.
                    if badEscapes == 0 {
                        firstBadEscape = .error(
                            Messages.unknownEscape(String(decoding: [escaped], as: UTF8.self)),
                            at: SourceSpan(start: index, end: index + 2))
                    }
                    badEscapes += 1
                    value.append(escaped)
                }
                index += 2
                continue
            }
            value.append(byte)
            index += 1
        }
        // Unterminated: the string runs to the end of the line.
        endsInsideString = index >= bytes.count
        diagnostics.append(
            .error(
                Messages.unterminatedString, at: SourceSpan(start: start, end: start + 1),
                notes: [.init("strings end with a matching \(quote == UInt8(ascii: "\"") ? "\"" : "'") on the same line")]))
        emit(.string, from: start, to: index, value: String(decoding: value, as: UTF8.self))
    }

    private mutating func lexOperator() {
        let start = position
        let first = bytes[position]
        let next: UInt8? = position + 1 < bytes.count ? bytes[position + 1] : nil
        switch (first, next) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")):
            emit(.comparison(.equal), from: start, to: start + 2, value: "==")
        case (UInt8(ascii: "="), _):
            emit(.comparison(.equal), from: start, to: start + 1, value: "=")
        case (UInt8(ascii: "!"), UInt8(ascii: "=")):
            emit(.comparison(.notEqual), from: start, to: start + 2, value: "!=")
        case (UInt8(ascii: "<"), UInt8(ascii: "=")):
            emit(.comparison(.lessOrEqual), from: start, to: start + 2, value: "<=")
        case (UInt8(ascii: "<"), UInt8(ascii: ">")):
            emit(.comparison(.notEqual), from: start, to: start + 2, value: "<>")
        case (UInt8(ascii: "<"), _):
            emit(.comparison(.less), from: start, to: start + 1, value: "<")
        case (UInt8(ascii: ">"), UInt8(ascii: "=")):
            emit(.comparison(.greaterOrEqual), from: start, to: start + 2, value: ">=")
        case (UInt8(ascii: ">"), _):
            emit(.comparison(.greater), from: start, to: start + 1, value: ">")
        case (UInt8(ascii: "~"), _):
            emit(.comparison(.contains), from: start, to: start + 1, value: "~")
        default:
            lexInvalid()
        }
    }

    /// A run of characters that start no token is one `.invalid` token with one diagnostic, so
    /// a line of ten million `@` costs one error, not ten million.
    private mutating func lexInvalid() {
        let start = position
        var end = position + 1
        while end < bytes.count, !isWordByte(bytes[end]), !Self.startsToken(bytes[end]) {
            end += 1
        }
        // Keep a multi-byte character whole.
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        diagnostics.append(.error(Messages.unexpectedCharacter(Self.shortened(text)), at: SourceSpan(start: start, end: end)))
        emit(.invalid, from: start, to: end, value: text)
    }

    /// Bytes that begin a token or separate tokens: a run of stray characters stops there.
    private static func startsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "#"),
            UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Text quoted in a message, cut to a readable length.
    static func shortened(_ text: String, to length: Int = 40) -> String {
        text.unicodeScalars.count <= length ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(length))) + "…"
    }
}
