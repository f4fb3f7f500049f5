import Foundation

/// Case-, accent- and punctuation-insensitive forms of names and words.
public enum TextFolding {
    /// Folds a name or title for comparison: lower case, accents removed (`Ł` → `l`), punctuation
    /// turned into spaces (apostrophes dropped), runs of spaces collapsed.
    /// `"Scott E. Reed"` → `"scott e reed"`, `"Łukasz  Kaiser"` → `"lukasz kaiser"`.
    public static func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func appendByte(_ byte: UInt8) {
            if pendingSpace, !output.isEmpty { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            output.append(byte)
        }
        let source = isASCII(text) ? text : foldNonASCII(text)
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                appendByte(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                appendByte(byte)
            case UInt8(ascii: "'"), 0x60:
                continue
            case 0x80...:
                appendByte(byte)
            default:
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the text is plain ASCII (checked eight bytes at a time).
    static func isASCII(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isASCII($0) }) {
            return answer
        }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the UTF-8 bytes are plain ASCII (checked eight bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Letters that have no decomposition into a base letter and an accent.
    private static let specialLetters: [Character: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        "\u{2019}": "", "\u{2018}": "", "\u{2010}": " ", "\u{2011}": " ", "\u{2013}": " ", "\u{2014}": " ",
    ]

    private static func foldNonASCII(_ text: String) -> String {
        var replaced = ""
        replaced.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = specialLetters[character] {
                replaced += replacement
            } else {
                replaced.append(character)
            }
        }
        let folded = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        // Keep letters and digits of any script; everything else separates words.
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                result.unicodeScalars.append(" ")
            }
        }
        return result
    }

    /// Folds a person's name for tolerant matching: as `fold`, but a hyphen between two letters
    /// joins them, since a hyphenated name is one name ("Wei-Ming Chen" → `weiming chen`, so it
    /// is not "Wei Chen" with a middle name; "Xuan-Jing" and "Xuanjing" are alike).
    public static func foldName(_ name: String) -> String {
        // A hyphen is "-" (0x2D) or U+2010/U+2011 (E2 80 90/91 in UTF-8): look at bytes first.
        let bytes = name.utf8
        guard bytes.contains(UInt8(ascii: "-"))
            || (bytes.contains(0xE2) && name.unicodeScalars.contains { $0 == "\u{2010}" || $0 == "\u{2011}" })
        else { return fold(name) }
        var joined = ""
        joined.reserveCapacity(name.utf8.count)
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character == "-" || character == "\u{2010}" || character == "\u{2011}", index > 0, index + 1 < characters.count,
                characters[index - 1].isLetter, characters[index + 1].isLetter
            {
                continue
            }
            joined.append(character)
        }
        return fold(joined)
    }

    /// A person's name as its other common spelling: umlauts written out (`ü` → `ue`, `ö` → `oe`,
    /// `ä` → `ae`, as German writes them without the letter) and folded as `foldName` (a hyphen
    /// or apostrophe inside a name dropped). "Schütze" and "Schuetze" both give `schuetze`;
    /// "Jun’ichi", "Jun-ichi" and "Junichi" all give `junichi`. A name and this key are the two
    /// forms names are compared in (`nameForms`).
    public static func nameKey(_ name: String) -> String {
        guard !isASCII(name) else { return foldName(name) }
        var written = ""
        written.reserveCapacity(name.utf8.count + 4)
        for character in name {
            switch character {
            case "ü", "Ü": written += "ue"
            case "ö", "Ö": written += "oe"
            case "ä", "Ä": written += "ae"
            default: written.append(character)
            }
        }
        return foldName(written)
    }

    /// The forms a written name is compared in: folded (`fold`), and its `nameKey` when that
    /// differs. Two names are the same spelling when some form of one equals some form of the other.
    public static func nameForms(_ name: String) -> [String] {
        nameForms(name, folded: fold(name))
    }

    /// `nameForms` when the folded name is known already.
    static func nameForms(_ name: String, folded: String) -> [String] {
        if isASCII(name), !name.utf8.contains(UInt8(ascii: "-")) { return [folded] }
        let key = nameKey(name)
        return key == folded || key.isEmpty ? [folded] : [folded, key]
    }

    /// The folded words of a text, in order (`"Top-KAST: Sparse"` → `["top", "kast", "sparse"]`).
    public static func words(_ text: String) -> [Substring] {
        fold(text).split(separator: " ")
    }
}
