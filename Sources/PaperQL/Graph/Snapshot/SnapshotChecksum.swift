/// A fast 64-bit checksum over bytes, 32 at a time in four independent lanes: it finds
/// truncation and corruption, it is not a cryptographic hash.
struct SnapshotChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x5041_5045_5251_4C47, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9)
    private var length: UInt64 = 0

    /// Adds bytes; every call but the last must pass a multiple of 32 bytes.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        var (a, b, c, d) = lanes
        @inline(__always) func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            return (mixed << 29) | (mixed >> 35)
        }
        while offset + 32 <= bytes.count {
            a = mix(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = mix(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = mix(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = mix(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        while offset < bytes.count {
            a = (a ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        lanes = (a, b, c, d)
        length += UInt64(bytes.count)
    }

    var final: UInt64 {
        let (a, b, c, d) = lanes
        return a ^ ((b << 17) | (b >> 47)) ^ ((c << 31) | (c >> 33)) ^ ((d << 47) | (d >> 17)) ^ length
    }
}
