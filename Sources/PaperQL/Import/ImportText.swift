import Foundation

/// Small text clean-ups the importers share: identifiers, dates, white space.
enum ImportText {
    /// A DOI without its resolver prefix (`https://doi.org/`, `doi:`), or nil if it is not one.
    static func doi(_ text: String?) -> String? {
        if let text, let fast = asciiDOI(text) { return fast.isEmpty ? nil : fast }
        guard var value = text?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        value = value.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
            .replacingOccurrences(of: "\\", with: "")
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "DOI:", "DOI "] {
            if value.lowercased().hasPrefix(prefix.lowercased()) { value = String(value.dropFirst(prefix.count)) }
        }
        value = value.trimmingCharacters(in: .whitespaces)
        guard value.hasPrefix("10."), value.contains("/") else { return nil }
        // Several DOIs separated by spaces (arXiv does this): keep the first.
        return value.split(separator: " ").first.map(String.init)
    }

    /// `doi(_:)` for the common case, without allocating on the way: plain ASCII with no white
    /// space and no braces or backslashes. "" for not a DOI; nil when the general path must judge.
    private static func asciiDOI(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 || byte <= 0x20 || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "\\") { return nil }
            var start = 0
            for prefix in doiPrefixes where bytes.count - start >= prefix.count {
                var matches = true
                for (offset, byte) in prefix.enumerated() {
                    if asciiLowered(bytes[start + offset]) != byte {
                        matches = false
                        break
                    }
                }
                if matches { start += prefix.count }
            }
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            guard rest.starts(with: [UInt8(ascii: "1"), UInt8(ascii: "0"), UInt8(ascii: ".")]), rest.contains(UInt8(ascii: "/")) else {
                return ""
            }
            return String(decoding: rest, as: UTF8.self)
        }
    }

    /// `doi(_:)`'s prefixes, lowered, in its order ("DOI " needs white space: the general path).
    private static let doiPrefixes: [[UInt8]] = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                                                 "doi.org/", "doi:", "doi:"].map { Array($0.utf8) }

    /// An arXiv identifier (`1706.03762`, `1706.03762v2`, `hep-th/9608091`) in a URL, a DOI of
    /// the form `10.48550/arXiv.…`, or text like `arXiv:1706.03762`; nil when there is none.
    static func arxivID(_ text: String?) -> String? {
        guard var text else { return nil }
        if let fast = text.withUTF8({ asciiArxivID($0) }) { return fast }
        return arxivIDByCharacters(text)
    }

    /// `arxivID(_:)` read by characters: the general path, and the reference for the ASCII one.
    static func arxivIDByCharacters(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return nil }
        let lowered = value.lowercased()
        for marker in arxivMarkers.map(\.description) {
            if let range = lowered.range(of: marker) {
                let start = value.index(value.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound))
                value = String(value[start...])
                break
            }
        }
        value = String(value.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != "}" })
        if value.lowercased().hasSuffix(".pdf") { value = String(value.dropLast(4)) }
        return isArxivID(value) ? value : nil
    }

    static let arxivMarkers: [StaticString] = ["arxiv.org/abs/", "arxiv.org/pdf/", "10.48550/arxiv.", "arxiv:", "abs/"]

    /// `arxivID(_:)` on ASCII text, where every byte is a character, making only the id's
    /// `String`; `.none` when the text is not ASCII (characters must judge).
    private static func asciiArxivID(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        for byte in bytes where byte >= 0x80 { return .none }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return .some(nil) }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for marker in arxivMarkers {
            if let found = offsetIgnoringASCIICase(trimmed, marker) {
                start += found + marker.utf8CodeUnitCount
                break
            }
        }
        var stop = start
        while stop < end, !isSpace(bytes[stop]), bytes[stop] != UInt8(ascii: ","), bytes[stop] != UInt8(ascii: ";"),
            bytes[stop] != UInt8(ascii: "}")
        {
            stop += 1
        }
        if stop - start >= 4, offsetIgnoringASCIICase(UnsafeBufferPointer(rebasing: bytes[(stop - 4)..<stop]), ".pdf") != nil { stop -= 4 }
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        return .some(isArxivID(value) ? value : nil)
    }

    /// `YYMM.NNNNN` (optionally `vN`) or `archive/YYMMNNN`.
    static func isArxivID(_ value: String) -> Bool {
        let base = withoutVersion(value)
        let parts = base.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isNumber), (4...5).contains(parts[1].count),
            parts[1].allSatisfy(\.isNumber)
        {
            return true
        }
        let slash = base.split(separator: "/", omittingEmptySubsequences: false)
        return slash.count == 2 && slash[1].count == 7 && slash[1].allSatisfy(\.isNumber)
            && slash[0].allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }) && !slash[0].isEmpty
    }

    /// `1706.03762v5` → `1706.03762`.
    static func withoutVersion(_ id: String) -> String {
        guard let v = id.lastIndex(of: "v"), v != id.startIndex else { return id }
        let digits = id[id.index(after: v)...]
        return !digits.isEmpty && digits.allSatisfy(\.isNumber) ? String(id[..<v]) : id
    }

    /// The identifier `orcid:0000-0003-1188-1117` of an ORCID as sources write it: bare, or as
    /// its address (`https://orcid.org/0000-0003-1188-1117`). Nil unless it is four groups of
    /// four digits, the last character a digit or an `X` (the checksum is not checked).
    static func orcid(_ text: String?) -> String? {
        guard let text else { return nil }
        var value = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let range = value.range(of: "orcid.org/", options: .caseInsensitive) { value = value[range.upperBound...] }
        while value.hasSuffix("/") { value = value.dropLast() }
        let bytes = Array(value.utf8)
        guard bytes.count == 19 else { return nil }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 9, 14: guard byte == UInt8(ascii: "-") else { return nil }
            case 18: guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") else { return nil }
            default: guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            }
        }
        return "orcid:" + value.uppercased()
    }

    /// The first four-digit year (1000–2999) in a text.
    static func year(_ text: String?) -> Int? {
        guard var text else { return nil }
        if let year = text.withUTF8({ asciiYear($0) }) { return year }
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                if digits.count == 4, let year = Int(digits), (1000...2999).contains(year) { return year }
                digits = ""
            }
        }
        return nil
    }

    /// `year(_:)` on ASCII text, where every byte is a character: the first run of exactly four
    /// digits that makes 1000–2999. Nil when the text is not ASCII (characters must judge).
    private static func asciiYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        var value = 0, run = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if byte >= 0x80 { return .none }
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = run < 4 ? value * 10 + Int(byte - UInt8(ascii: "0")) : value
                run += 1
            } else {
                if run == 4, (1000...2999).contains(value) {
                    // The rest must still be ASCII for the answer to be the characters' answer.
                    return bytes[index...].allSatisfy({ $0 < 0x80 }) ? .some(value) : .none
                }
                value = 0
                run = 0
            }
        }
        return .some(nil)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// 1–12 from "March", "mar", "3", "03".
    static func month(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        if let number = Int(text), (1...12).contains(number) { return number }
        return monthNames.firstIndex { text.hasPrefix($0) }.map { $0 + 1 }
    }

    /// `2018`, `2018-07`.
    static func date(year: Int?, month: Int?) -> String? {
        guard let year else { return nil }
        guard let month else { return String(year) }
        return String(format: "%04d-%02d", year, month)
    }

    /// Trims and collapses runs of white space (titles broken over lines); nil when nothing is left.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = WhiteSpace.collapsed(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Whether `text` holds `part`, comparing bytes (Foundation's `contains` goes through
    /// `NSString` and was a measurable share of reading DBLP's links).
    static func contains(_ text: String, _ part: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, part) }
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == first {
            if UnsafeBufferPointer(rebasing: bytes[start..<start + needle.count]).elementsEqual(needle) { return true }
        }
        return false
    }

    /// Splits a keyword list at commas and semicolons.
    static func list(_ text: String?) -> [String] {
        guard var text else { return [] }
        // On bytes when the text is ASCII (each byte a character); otherwise by characters, so
        // that a comma carrying a combining mark is not a separator.
        if let parts = text.withUTF8({ bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return bytes.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") })
                .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }) {
            return parts.compactMap(clean)
        }
        return text.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { clean(String($0)) }
    }

    /// Whether `text` holds `lowered` (lower-case ASCII) in any ASCII case, comparing bytes: no
    /// other character lower-cases to an ASCII letter that `String.lowercased` would match.
    static func containsIgnoringASCIICase(_ text: String, _ lowered: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { offsetIgnoringASCIICase($0, lowered) != nil }
    }

    /// Where `lowered` (lower-case ASCII, not empty) first stands in `bytes`, in any ASCII case.
    static func offsetIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowered: StaticString) -> Int? {
        let needle = UnsafeBufferPointer(start: lowered.utf8Start, count: lowered.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where asciiLowered(bytes[start]) == needle[0] {
            var index = 1
            while index < needle.count, asciiLowered(bytes[start + index]) == needle[index] { index += 1 }
            if index == needle.count { return start }
        }
        return nil
    }

    /// Whether `text` is `lowered` (lower-case ASCII) in any ASCII case.
    static func equalsIgnoringASCIICase(_ text: String, _ lowered: StaticString) -> Bool {
        text.utf8.count == lowered.utf8CodeUnitCount && containsIgnoringASCIICase(text, lowered)
    }

    @inline(__always)
    private static func asciiLowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
