import Foundation

/// BibTeX author lists: `and`-separated names in "First von Last", "von Last, First" and
/// "von Last, Jr, First" forms, with braces protecting what they enclose.
enum BibTeXNames {
    /// The names of an `author` field in "First von Last Jr" order, LaTeX turned into Unicode,
    /// and whether the list ended in "and others".
    static func parse(_ field: String) -> (names: [String], truncated: Bool) {
        var names: [String] = []
        var truncated = false
        for raw in splitTopLevel(field, onWord: "and") {
            let trimmed = WhiteSpace.trimmed(raw)
            if trimmed.isEmpty { continue }
            if ImportText.equalsIgnoringASCIICase(trimmed, "others") || ImportText.equalsIgnoringASCIICase(trimmed, "et al.") {
                truncated = true
                continue
            }
            let name = displayName(trimmed)
            if !name.isEmpty { names.append(name) }
        }
        return (names, truncated)
    }

    /// One name in display order.
    static func displayName(_ raw: String) -> String {
        let parts = splitTopLevel(raw, onCharacter: ",").map { LaTeXAccents.toUnicode($0) }
        switch parts.count {
        case 0: return ""
        case 1: return parts[0]
        case 2: return [parts[1], parts[0]].filter { !$0.isEmpty }.joined(separator: " ")
        default: return [parts[2...].joined(separator: " "), parts[0], parts[1]].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// Splits at commas outside braces (on bytes: the separators are ASCII, so no UTF-8
    /// sequence is ever cut).
    static func splitTopLevel(_ text: String, onCharacter separator: Character) -> [String] {
        guard let separator = separator.asciiValue else { return [text] }
        var text = text
        return text.withUTF8 { bytes in
            var parts: [String] = []
            var depth = 0
            var start = 0
            for index in 0..<bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "}"): depth = max(0, depth - 1)
                case separator where depth == 0:
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                default: break
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
    }

    /// Splits at a whole word (`and`, any case) outside braces; each white space character
    /// becomes one space.
    static func splitTopLevel(_ text: String, onWord word: String) -> [String] {
        let word = Array(word.lowercased().utf8)
        var text = text
        return text.withUTF8 { bytes in
            var parts: [String] = []
            var current: [UInt8] = []
            var depth = 0
            var tokenStart = 0
            func isWord(_ token: Range<Int>) -> Bool {
                guard token.count == word.count else { return false }
                for (offset, expected) in word.enumerated() {
                    let byte = bytes[token.lowerBound + offset]
                    let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    if lowered != expected { return false }
                }
                return true
            }
            func flush(_ end: Int) {
                if depth == 0, isWord(tokenStart..<end) {
                    parts.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                } else {
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tokenStart..<end]))
                }
            }
            var index = 0
            while index < bytes.count {
                let space = WhiteSpace.length(bytes, at: index)
                if space > 0 {
                    flush(index)
                    current.append(0x20)
                    index += space
                    tokenStart = index
                    continue
                }
                if bytes[index] == UInt8(ascii: "{") { depth += 1 }
                if bytes[index] == UInt8(ascii: "}") { depth = max(0, depth - 1) }
                index += 1
            }
            flush(bytes.count)
            parts.append(String(decoding: current, as: UTF8.self))
            return parts
        }
    }
}
