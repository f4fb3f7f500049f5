/// Text from data (titles, names, venues) or from a query shown safely on a terminal: control
/// characters — escape sequences that could retitle the window, clear the screen or move the
/// cursor, and C1 controls that some terminals read as escapes — are shown escaped (`\x1B`,
/// `\u{9B}`), never sent as they are.
public enum TerminalText {
    /// Whether a scalar is a control character that must not reach a terminal as it is: C0
    /// except tab and line feed, DEL, and C1.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` with its control characters escaped; line feeds stay unless `lineFeeds` is false.
    public static func escaped(_ text: String, lineFeeds: Bool = true, tabs: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || (!lineFeeds && $0 == "\n") || (!tabs && $0 == "\t") })
        else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            // A line end (CSV's CRLF) stays a line end.
            if lineFeeds, scalar == "\n", previous == "\r", result.hasSuffix("\\r") {
                result.unicodeScalars.removeLast(2)
                result += "\r\n"
                continue
            }
            if isUnsafe(scalar) || (!lineFeeds && scalar == "\n") || (!tabs && scalar == "\t") {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The escaped form of one scalar.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value < 0x80 ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
        }
    }
}
