#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Rows' names gathered into one buffer to sort by, in `String`'s order (Unicode scalars after
/// NFC normalization) without making a `String` per row or normalizing per comparison.
///
/// Text whose scalars are all below U+0300 is in NFC however it is joined (no such scalar
/// decomposes, combines, or composes with another), so two such names compare by their UTF-8
/// bytes, which order as their scalars do. A name with a scalar from U+0300 on (a lead byte
/// from 0xCC on) is compared as a `String`.
struct NameOrder {
    private var bytes: [UInt8] = []
    /// Where each name ends in `bytes`; name `i` starts where name `i - 1` ends.
    private var ends: [Int] = []
    /// Whether each name's bytes order it (no scalar from U+0300 on).
    private var byBytes: [Bool] = []
    /// Each name's first 8 bytes as a big-endian number, zeros after its end: two names whose
    /// prefixes differ order as their prefixes do (a name that ends first is the smaller), so
    /// most comparisons read no bytes.
    private var prefixes: [UInt64] = []
    /// What orders rows whose names are equal (a person's id), so that the order is total.
    private var ties: [Int] = []

    init(capacity: Int) {
        ends.reserveCapacity(capacity)
        byBytes.reserveCapacity(capacity)
        prefixes.reserveCapacity(capacity)
        ties.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    /// - Parameter tie: orders this row after rows with the same name and a smaller `tie`.
    mutating func append(_ name: GraphText, tie: Int = 0) {
        name.withUTF8 { append($0, tie: tie) }
    }

    mutating func append(_ name: String, tie: Int = 0) {
        var name = name
        name.withUTF8 { append($0, tie: tie) }
    }

    private mutating func append(_ name: UnsafeBufferPointer<UInt8>, tie: Int) {
        ties.append(tie)
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
        byBytes.append(!name.contains { $0 >= 0xCC })
        var prefix: UInt64 = 0
        for index in 0..<8 { prefix = prefix << 8 | UInt64(index < name.count ? name[index] : 0) }
        prefixes.append(prefix)
    }

    /// Calls `body` with a test of whether name `a` comes before name `b` (equal names: the
    /// smaller tie first).
    func withComparison<Result>(_ body: ((Int, Int) -> Bool) throws(EvaluationError) -> Result) throws(EvaluationError) -> Result {
        try ties.withUnsafeBufferPointer { (ties) throws(EvaluationError) -> Result in
        try bytes.withUnsafeBufferPointer { (all) throws(EvaluationError) -> Result in
            try ends.withUnsafeBufferPointer { (ends) throws(EvaluationError) -> Result in
                try byBytes.withUnsafeBufferPointer { (byBytes) throws(EvaluationError) -> Result in
                  try prefixes.withUnsafeBufferPointer { (prefixes) throws(EvaluationError) -> Result in
                    func name(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                        UnsafeBufferPointer(rebasing: all[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                    }
                    return try body { a, b in
                        guard byBytes[a], byBytes[b] else {
                            let left = String(decoding: name(a), as: UTF8.self), right = String(decoding: name(b), as: UTF8.self)
                            return left != right ? left < right : ties[a] < ties[b]
                        }
                        if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                        let left = name(a), right = name(b)
                        let common = min(left.count, right.count)
                        if common > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                            let order = memcmp(leftBase, rightBase, common)
                            if order != 0 { return order < 0 }
                        }
                        return left.count != right.count ? left.count < right.count : ties[a] < ties[b]
                    }
                  }
                }
            }
        }
        }
    }
}
