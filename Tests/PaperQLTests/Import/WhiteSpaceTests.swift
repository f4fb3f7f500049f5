import Foundation
import Testing
@testable import PaperQL

/// The byte-level white space helpers read white space exactly as `Character.isWhitespace`
/// does: checked on examples, then against the plain reading on random strings.
@Suite struct WhiteSpaceTests {
    @Test(arguments: [
        ("plain title", "plain title"),
        ("  broken\n   over\tlines ", "broken over lines"),
        ("non\u{00A0}breaking\u{2009}thin\u{3000}ideographic", "non breaking thin ideographic"),
        ("en–dash — em “quoted” Çağlar", "en–dash — em “quoted” Çağlar"),
        ("\u{2028}\u{85}", ""),
        ("", ""),
    ])
    func collapsed(input: String, expected: String) {
        #expect(WhiteSpace.collapsed(input) == expected)
    }

    @Test(arguments: [
        ("  key ", "key"),
        ("\u{00A0}Müller\u{202F}", "Müller"),
        ("inner  space", "inner  space"),
        (" \n\t", ""),
    ])
    func trimmed(input: String, expected: String) {
        #expect(WhiteSpace.trimmed(input) == expected)
    }

    /// Every white space character Unicode has, a few that look like it but are not (U+200B,
    /// U+180E, U+FEFF, U+001C), and multi-byte neighbours of the ones that are (U+2013, U+00A9).
    static let alphabet: [Character] = [
        "a", "B", "é", "–", "©", "中", "{", "}", ",", "\u{200B}", "\u{180E}", "\u{FEFF}", "\u{1C}",
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]

    @Test func agreesWithCharacterIsWhitespaceOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            let plainCollapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(WhiteSpace.collapsed(text) == plainCollapsed, "\(Array(text.unicodeScalars))")
            var plainTrimmed = Substring(text)
            while plainTrimmed.first?.isWhitespace == true { plainTrimmed.removeFirst() }
            while plainTrimmed.last?.isWhitespace == true { plainTrimmed.removeLast() }
            #expect(WhiteSpace.trimmed(text) == String(plainTrimmed), "\(Array(text.unicodeScalars))")
        }
    }
}

/// `BibTeXNames`' byte-level splitting against the plain reading, on characters, that it replaced.
@Suite struct BibTeXNameSplittingTests {
    static func plainSplit(_ text: String, onWord word: String) -> [String] {
        var parts: [String] = [], current = "", token = "", depth = 0
        func flush() {
            if depth == 0, token.lowercased() == word { parts.append(current); current = "" } else { current += token }
            token = ""
        }
        for character in text {
            if character.isWhitespace { flush(); current.append(" "); continue }
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            token.append(character)
        }
        flush()
        parts.append(current)
        return parts
    }

    static func plainSplit(_ text: String, onCharacter separator: Character) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if character == separator, depth == 0 { parts.append(current); current = "" } else { current.append(character) }
        }
        parts.append(current)
        return parts
    }

    @Test func splittingAgreesWithThePlainReadingOnRandomBylines() {
        let pieces = ["and", "AND", "And", "anda", "{and}", "{", "}", ",", " ", "\n", "\u{A0}", "Müller", "J.", "von", "Çağlar", "–"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BibTeXNames.splitTopLevel(text, onWord: "and") == Self.plainSplit(text, onWord: "and"), "\(text.debugDescription)")
            #expect(BibTeXNames.splitTopLevel(text, onCharacter: ",") == Self.plainSplit(text, onCharacter: ","), "\(text.debugDescription)")
        }
    }
}
