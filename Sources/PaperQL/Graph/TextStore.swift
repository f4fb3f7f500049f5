import Foundation

/// Long texts (abstracts), end to end, in a `Column` (bytes of their own, or a window of a
/// mapped snapshot file, whose pages are read from disk only when a text in them is). A graph
/// built from records keeps the bytes they were decoded into, in the records' order (`starts`
/// says where each text is), so the largest column is never copied while building.
struct TextStore: Sendable {
    private enum Storage: Sendable {
        case inOrder(Column<UInt8>)
        /// Texts in another order: text `i` starts at `starts[i]` of the bytes.
        case permuted(Column<UInt8>, starts: [Int])
    }

    private let storage: Storage
    let ends: Column<Int>

    init(_ column: StringColumn) {
        storage = .inOrder(column.bytes)
        ends = column.ends
    }

    /// Texts of a column in the order `rows` gives: the column's bytes are shared, not copied.
    init(_ column: StringColumn, rows: [Int]) {
        var ends: [Int] = []
        ends.reserveCapacity(rows.count)
        var starts: [Int] = []
        starts.reserveCapacity(rows.count)
        var end = 0
        for row in rows {
            let range = column.range(row)
            starts.append(range.lowerBound)
            end += range.count
            ends.append(end)
        }
        storage = .permuted(column.bytes, starts: starts)
        self.ends = Column(ends)
    }

    var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }

    subscript(index: Int) -> String {
        var range = range(index)
        if case .permuted(let bytes, let starts) = storage {
            range = starts[index]..<(starts[index] + range.count)
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        return withBytes { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]).bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }

    /// All the bytes, texts end to end in order, for writing a snapshot; `body` is called once
    /// per run of contiguous bytes.
    func forEachRun(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard case .permuted(let bytes, let starts) = storage else { return try withBytes(body) }
        try bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var index = 0
            while index < starts.count {
                // Consecutive texts that are also consecutive in the bytes go in one run.
                let runStart = starts[index]
                var runEnd = runStart + range(index).count
                index += 1
                while index < starts.count, starts[index] == runEnd {
                    runEnd += range(index).count
                    index += 1
                }
                if runEnd > runStart { try body(UnsafeRawBufferPointer(rebasing: raw[runStart..<runEnd])) }
            }
        }
    }

    /// All the bytes (contiguous storage only; see `forEachRun`).
    private func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch storage {
        case .permuted:
            preconditionFailure("permuted texts are read with forEachRun")
        case .inOrder(let bytes):
            return try bytes.withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
        }
    }

    var byteCount: Int { ends.last ?? 0 }
}
