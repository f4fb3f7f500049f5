/// Entity and character references: XML's five entities, `&#NNN;` and `&#xHHH;`, and HTML's
/// named entities (`HTMLEntities`), which `dblp.dtd` declares and DBLP writes.
extension XMLReader {
    /// Up to four UTF-8 bytes, without allocating.
    struct DecodedBytes {
        var storage: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0

        init(byte: UInt8) {
            storage.0 = byte
            count = 1
        }

        init(scalar: UInt32) {
            switch scalar {
            case ..<0x80:
                storage.0 = UInt8(scalar)
                count = 1
            case ..<0x800:
                storage = (0xC0 | UInt8(scalar >> 6), 0x80 | UInt8(scalar & 0x3F), 0, 0)
                count = 2
            case ..<0x10000:
                storage = (0xE0 | UInt8(scalar >> 12), 0x80 | UInt8(scalar >> 6 & 0x3F), 0x80 | UInt8(scalar & 0x3F), 0)
                count = 3
            default:
                storage = (0xF0 | UInt8(scalar >> 18), 0x80 | UInt8(scalar >> 12 & 0x3F), 0x80 | UInt8(scalar >> 6 & 0x3F), 0x80 | UInt8(scalar & 0x3F))
                count = 4
            }
        }

        subscript(offset: Int) -> UInt8 {
            switch offset {
            case 0: storage.0
            case 1: storage.1
            case 2: storage.2
            default: storage.3
            }
        }
    }

    enum EntityResult {
        case needMore
        case failure(Failure)
        /// The replacement, and the index after the `;`.
        case decoded(DecodedBytes, next: Int)
        /// A named entity neither XML nor HTML defines: kept as its text `&name;`.
        case unknown(String, next: Int)
    }

    /// Longest entity name or character reference looked for before the `;`.
    static let maximumEntityLength = 64

    /// The reference at `start` (its `&`).
    func entity(at start: Int) -> EntityResult {
        let buffer = buffer
        let limit = checked
        var index = start + 1
        while index < limit, index - start <= Self.maximumEntityLength, buffer[index] != UInt8(ascii: ";") {
            let byte = buffer[index]
            guard XMLNameTable.isNameByte(byte) || byte == UInt8(ascii: "#") else { break }
            index += 1
        }
        if index == limit, index - start <= Self.maximumEntityLength { return .needMore }
        guard index < limit, buffer[index] == UInt8(ascii: ";"), index > start + 1 else {
            return .failure(failure(atAbsolute: base + start, XMLReaderMessage.strayAmpersand))
        }
        let name = UnsafeBufferPointer(start: buffer + start + 1, count: index - start - 1)
        let next = index + 1
        if name[0] == UInt8(ascii: "#") {
            guard let scalar = Self.characterReference(name) else {
                let text = String(decoding: name, as: UTF8.self)
                return .failure(failure(atAbsolute: base + start, XMLReaderMessage.badCharacterReference(text)))
            }
            return .decoded(DecodedBytes(scalar: scalar), next: next)
        }
        guard XMLNameTable.isNameStart(name[0]), !name.contains(UInt8(ascii: "#")) else {
            return .failure(failure(atAbsolute: base + start, XMLReaderMessage.strayAmpersand))
        }
        if let byte = Self.predefined(name) { return .decoded(DecodedBytes(byte: byte), next: next) }
        let text = String(decoding: name, as: UTF8.self)
        if let scalar = HTMLEntities.codePoints[text] { return .decoded(DecodedBytes(scalar: scalar), next: next) }
        return .unknown(text, next: next)
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos`.
    static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch name.count {
        case 2 where name[1] == UInt8(ascii: "t"):
            if name[0] == UInt8(ascii: "l") { return UInt8(ascii: "<") }
            if name[0] == UInt8(ascii: "g") { return UInt8(ascii: ">") }
        case 3 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
            return UInt8(ascii: "&")
        case 4 where name.elementsEqual("quot".utf8): return UInt8(ascii: "\"")
        case 4 where name.elementsEqual("apos".utf8): return UInt8(ascii: "'")
        default: break
        }
        return nil
    }

    /// `#NNN` or `#xHHH` → a character XML 1.0 allows, or nil.
    static func characterReference(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var index = 1
        var radix: UInt32 = 10
        if name.count > 1, name[1] == UInt8(ascii: "x") {
            radix = 16
            index = 2
        }
        guard index < name.count else { return nil }
        var value: UInt32 = 0
        while index < name.count {
            let byte = name[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + digit
            guard value <= 0x10FFFF else { return nil }
            index += 1
        }
        return isAllowed(value) ? value : nil
    }

    /// XML 1.0's `Char`: tab, line breaks, and the rest but C0 controls, surrogates, U+FFFE and
    /// U+FFFF.
    static func isAllowed(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
