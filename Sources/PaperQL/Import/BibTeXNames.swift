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
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            if trimmed.lowercased() == "others" || trimmed.lowercased() == "et al." {
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

    /// Splits at commas outside braces.
    static func splitTopLevel(_ text: String, onCharacter separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "{": depth += 1
            case "}": depth = max(0, depth - 1)
            default: break
            }
            if character == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// Splits at a whole word (`and`, any case) outside braces.
    static func splitTopLevel(_ text: String, onWord word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var token = ""
        func flushToken() {
            if depth == 0, token.lowercased() == word {
                parts.append(current)
                current = ""
            } else {
                current += token
            }
            token = ""
        }
        for character in text {
            if character.isWhitespace {
                flushToken()
                current.append(" ")
                continue
            }
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            token.append(character)
        }
        flushToken()
        parts.append(current)
        return parts
    }
}
