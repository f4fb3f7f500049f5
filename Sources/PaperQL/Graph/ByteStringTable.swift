import Foundation

/// Interns short byte strings (index words, ids, facet values) without making a `String` for
/// each occurrence: open addressing, each slot holding a 32-bit hash tag and the entry's
/// number (so a probe rarely touches the bytes), the bytes kept end to end in one buffer.
struct ByteStringTable {
    /// 0 for an empty slot, else `tag << 32 | (entry + 1)`.
    private var slots: [UInt64]
    private(set) var strings = StringColumn()

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    var count: Int { strings.count }

    /// A 32-bit hash of the bytes, eight at a time.
    @inline(__always)
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        guard let base = word.baseAddress else { return UInt32(truncatingIfNeeded: hash >> 32) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= word.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            index += 8
        }
        if index < word.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < word.count {
                tail |= UInt64(word[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 32
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// The id of the bytes if they are in the table.
    func find(_ word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let tag = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(tag) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry >> 32) == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(id, word) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of the bytes, adding them if new (a new entry's id is the count before).
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let tag = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(tag) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(id, word) { return UInt32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = strings.count
        slots[slot] = UInt64(tag) << 32 | UInt64(id + 1)
        strings.appendBytes(word)
        if strings.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    @inline(__always)
    private func equals(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        strings.ends.withUnsafeBufferPointer { ends in
            let start = entry == 0 ? 0 : ends[entry - 1]
            let count = ends[entry] - start
            guard count == word.count else { return false }
            guard count > 0, let other = word.baseAddress else { return true }
            return strings.bytes.withUnsafeBufferPointer { bytes in
                let mine = UnsafeRawPointer(bytes.baseAddress! + start)
                let theirs = UnsafeRawPointer(other)
                var index = 0
                while index + 8 <= count {
                    if mine.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        != theirs.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
                    index += 8
                }
                while index < count {
                    if mine.load(fromByteOffset: index, as: UInt8.self) != theirs.load(fromByteOffset: index, as: UInt8.self) {
                        return false
                    }
                    index += 1
                }
                return true
            }
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }
}

/// Splits text into folded words (the same words as `TextFolding.words`) and interns each,
/// without allocating a string per word.
enum WordScanner {
    static func internWords(in text: String, table: inout ByteStringTable, into ids: inout [UInt32]) {
        var text = text
        if !TextFolding.isASCII(text) { text = TextFolding.fold(text) }
        text.withUTF8 { internASCIIWords(in: $0, table: &table, into: &ids) }
    }

    /// The same for text given as UTF-8 bytes: ASCII text is scanned in place, other text is
    /// folded first.
    static func internWords(in bytes: UnsafeBufferPointer<UInt8>, table: inout ByteStringTable, into ids: inout [UInt32]) {
        if TextFolding.isASCII(bytes) {
            internASCIIWords(in: bytes, table: &table, into: &ids)
        } else {
            internWords(in: String(decoding: bytes, as: UTF8.self), table: &table, into: &ids)
        }
    }

    /// Words of ASCII (or already folded) text.
    private static func internASCIIWords(in bytes: UnsafeBufferPointer<UInt8>, table: inout ByteStringTable, into ids: inout [UInt32]) {
        var start = 0
        var word = [UInt8]()
        while start < bytes.count {
            // Skip separators.
            while start < bytes.count, !isWordByte(bytes[start]) { start += 1 }
            guard start < bytes.count else { break }
            var end = start
            var clean = true
            while end < bytes.count, isWordByte(bytes[end]) {
                let byte = bytes[end]
                if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "'") || byte == 0x60 {
                    clean = false
                }
                end += 1
            }
            if clean {
                ids.append(table.intern(UnsafeBufferPointer(rebasing: bytes[start..<end])))
            } else {
                word.removeAll(keepingCapacity: true)
                for byte in bytes[start..<end] where byte != UInt8(ascii: "'") && byte != 0x60 {
                    word.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
                if !word.isEmpty { ids.append(word.withUnsafeBufferPointer { table.intern($0) }) }
            }
            start = end
        }
    }

    /// Letters, digits, non-ASCII bytes, and apostrophes (dropped, not separating).
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), 0x60, 0x80...:
            return true
        default:
            return false
        }
    }
}
