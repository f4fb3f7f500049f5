import Foundation

/// Long texts (abstracts), end to end: either bytes of their own, or a window of a memory-mapped
/// snapshot file, whose pages are read from disk only when a text in them is. Loading a
/// snapshot then costs nothing for the largest column.
struct TextStore: Sendable {
    private enum Storage: Sendable {
        case owned([UInt8])
        /// `byteCount` bytes of a mapped file from `start`.
        case mapped(Data, start: Int, byteCount: Int)
    }

    private let storage: Storage
    let ends: [Int]

    init(_ column: StringColumn) {
        storage = .owned(column.bytes)
        ends = column.ends
    }

    /// Texts inside a mapped file; the caller has checked that `ends` fit in `byteCount`.
    init(mapped data: Data, start: Int, byteCount: Int, ends: [Int]) {
        storage = .mapped(data, start: start, byteCount: byteCount)
        self.ends = ends
    }

    var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }

    subscript(index: Int) -> String {
        let range = range(index)
        return withBytes { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]).bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }

    /// All the bytes, for writing a snapshot.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch storage {
        case .owned(let bytes):
            return try bytes.withUnsafeBytes(body)
        case .mapped(let data, let start, let byteCount):
            return try data.withUnsafeBytes { raw in
                try body(UnsafeRawBufferPointer(rebasing: raw[start..<(start + byteCount)]))
            }
        }
    }

    var byteCount: Int { ends.last ?? 0 }
}
