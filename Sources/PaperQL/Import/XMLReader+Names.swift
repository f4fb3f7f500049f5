import Foundation

/// Element and attribute names as `String`s, made once per distinct name: a small open-addressed
/// table keyed by the name's bytes, so a file of millions of `<author>` tags makes one "author".
/// Past `maximumEntries` distinct names (hostile input) a name is made each time it is met.
struct XMLNameTable {
    private struct Entry {
        let hash: UInt32
        let bytes: [UInt8]
        let string: String
    }

    private static let slotCount = 1024
    private static let maximumEntries = 768
    private var slots = [Entry?](repeating: nil, count: slotCount)
    private var entries = 0

    /// The name in `bytes[0..<count]`.
    mutating func string(_ bytes: UnsafePointer<UInt8>, count: Int) -> String {
        var hash: UInt32 = 2_166_136_261
        for index in 0..<count { hash = (hash ^ UInt32(bytes[index])) &* 16_777_619 }
        var slot = Int(hash & UInt32(Self.slotCount - 1))
        while let entry = slots[slot] {
            if entry.hash == hash, entry.bytes.count == count,
                entry.bytes.withUnsafeBufferPointer({ stored in stored.baseAddress.map { memcmp($0, bytes, count) == 0 } ?? (count == 0) })
            {
                return entry.string
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        let string = String(decoding: buffer, as: UTF8.self)
        if entries < Self.maximumEntries {
            slots[slot] = Entry(hash: hash, bytes: Array(buffer), string: string)
            entries += 1
        }
        return string
    }

    /// Letters, `_`, `:` and any non-ASCII byte start a name (UTF-8 is checked elsewhere).
    static func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: true
        default: false
        }
    }

    /// …and digits, `-` and `.` go on.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...:
            true
        default: false
        }
    }
}
