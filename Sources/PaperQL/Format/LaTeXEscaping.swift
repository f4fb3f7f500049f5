import Foundation

/// Text written into a BibTeX field so that LaTeX prints it as it is: the characters TeX reads
/// as commands (`\ { } $ & % # _ ~ ^`) escaped, `--` kept apart, and — with `.latex` accents —
/// accented letters written as LaTeX accent commands (`{\'e}`, `{\L}`, `{\v{c}}`), the reverse of
/// the BibTeX importer's `LaTeXAccents`.
public enum LaTeXEscaping {
    /// How accented letters are written.
    public enum Accents: String, Sendable, CaseIterable {
        /// As they are, in UTF-8 (biblatex with biber, or any `inputenc` set to UTF-8).
        case utf8
        /// As LaTeX commands (classic BibTeX, 7-bit files).
        case latex
    }

    /// Combining marks and the accent command that makes each.
    static let accentCommands: [UInt32: String] = [
        0x0300: "`", 0x0301: "'", 0x0302: "^", 0x0303: "~", 0x0304: "=", 0x0306: "u", 0x0307: ".", 0x0308: "\"",
        0x030A: "r", 0x030B: "H", 0x030C: "v", 0x0323: "d", 0x0327: "c", 0x0328: "k", 0x0331: "b",
    ]

    /// Letters with a command of their own.
    static let letterCommands: [Character: String] = [
        "ł": "\\l", "Ł": "\\L", "ø": "\\o", "Ø": "\\O", "ß": "\\ss", "æ": "\\ae", "Æ": "\\AE", "œ": "\\oe",
        "Œ": "\\OE", "ı": "\\i", "ð": "\\dh", "Ð": "\\DH", "þ": "\\th", "Þ": "\\TH", "đ": "\\dj", "Đ": "\\DJ",
        "–": "--", "—": "---", "’": "\\textquoteright{}", "‘": "\\textquoteleft{}", "“": "\\textquotedblleft{}",
        "”": "\\textquotedblright{}", "…": "\\ldots{}",
    ]

    /// `text` escaped for a BibTeX field value in braces.
    public static func escape(_ text: String, accents: Accents) -> String {
        var output = ""
        var previous: Character?
        for character in text {
            defer { previous = character }
            switch character {
            case "\\": output += "\\textbackslash{}"
            case "{", "}", "$", "&", "%", "#", "_": output += "\\" + String(character)
            case "~": output += "\\textasciitilde{}"
            case "^": output += "\\^{}"
            case "-" where previous == "-": output += "{}-"
            default:
                if character.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) || $0 == "\n" || $0 == "\t" }) {
                    output += " "
                } else if accents == .latex, !character.isASCII {
                    output += latex(character)
                } else {
                    output.append(character)
                }
            }
        }
        return output
    }

    /// One non-ASCII character as LaTeX: a letter command, or a base letter under accent
    /// commands; what LaTeX has no command for stays as it is.
    static func latex(_ character: Character) -> String {
        if let command = letterCommands[character] {
            return command.hasPrefix("\\") && !command.hasSuffix("}") ? "{\(command)}" : command
        }
        let decomposed = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = decomposed.first, decomposed.count > 1,
            decomposed.dropFirst().allSatisfy({ accentCommands[$0.value] != nil })
        else { return String(character) }
        var inner = base == "i" ? "\\i" : base == "j" ? "\\j" : String(base)
        if let letter = letterCommands[Character(base)] { inner = letter }
        // The importer reads `\a{\b{x}}` as x, a, b: the first mark is the outermost command.
        for mark in decomposed.dropFirst().reversed() {
            guard let command = accentCommands[mark.value] else { return String(character) }
            inner = "\\\(command){\(inner)}"
        }
        return "{\(inner)}"
    }
}
