/// Interns short byte strings (index words) without making a `String` for each occurrence:
/// open addressing over FNV-1a hashes, the bytes kept end to end in one buffer.
struct ByteStringTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private(set) var strings = StringColumn()

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { hashes.count }

    /// The id of the bytes, adding them if new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash, equals(Int(entry), word) { return UInt32(entry) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id
        hashes.append(hash)
        strings.appendBytes(word[...])
        if hashes.count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    private func equals(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = strings.range(entry)
        guard range.count == word.count else { return false }
        return strings.bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < word.count {
                if bytes[range.lowerBound + index] != word[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(entry)
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
        text.withUTF8 { bytes in
            var start = 0
            var word = [UInt8]()
            word.reserveCapacity(32)
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
