/// A fast 64-bit checksum over bytes, eight at a time: it finds truncation and corruption,
/// it is not a cryptographic hash.
struct SnapshotChecksum {
    private(set) var value: UInt64 = 0x5041_5045_5251_4C47
    private var length: UInt64 = 0

    /// Adds bytes; every call but the last must pass a multiple of eight bytes.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        var hash = value
        while offset + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash = (hash << 29) | (hash >> 35)
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        value = hash
        length += UInt64(bytes.count)
    }

    var final: UInt64 { value ^ length }
}
