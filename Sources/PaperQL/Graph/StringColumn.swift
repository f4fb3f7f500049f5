import CPrefetch

/// Many strings stored end to end in one byte buffer: one allocation instead of one per string.
struct StringColumn: Sendable {
    private(set) var bytes = Column<UInt8>()
    private(set) var ends = Column<Int>()

    init() {}

    init(bytes: Column<UInt8>, ends: Column<Int>) {
        self.bytes = bytes
        self.ends = ends
    }

    init(_ strings: some Sequence<String>) {
        for string in strings { append(string) }
    }

    var count: Int { ends.count }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    mutating func appendBytes(_ slice: Slice<UnsafeBufferPointer<UInt8>>) {
        bytes.append(contentsOf: slice)
        ends.append(bytes.count)
    }

    mutating func appendBytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
        ends.append(bytes.count)
    }

    /// Appends entry `index` of another column, copying its bytes.
    mutating func append(_ index: Int, of other: StringColumn) {
        let range = other.range(index)
        if !range.isEmpty { bytes.append(contentsOf: other.bytes[range]) }
        ends.append(bytes.count)
    }

    /// Appends every entry of another column.
    mutating func append(contentsOf other: StringColumn) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.reserveCapacity(ends.count + other.ends.count)
        other.ends.withUnsafeBufferPointer { otherEnds in
            for end in otherEnds { ends.append(base + end) }
        }
    }

    /// Calls `body` with the bytes of entry `index`.
    func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = range(index)
        return try bytes.withUnsafeBufferPointer { buffer in try body(UnsafeBufferPointer(rebasing: buffer[range])) }
    }

    /// Frees the storage (the column becomes empty).
    mutating func removeAll() {
        bytes = Column()
        ends = Column()
    }

    mutating func reserveCapacity(count: Int, bytes byteCount: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(byteCount)
    }

    /// The column as plain pointers, valid while its storage lives unchanged (a built graph's
    /// columns): reading an entry through it retains nothing.
    var pointers: Pointers { Pointers(bytes: bytes.baseAddress, ends: ends.baseAddress, count: count) }

    struct Pointers: @unchecked Sendable {  // read-only views of memory never written again
        let bytes: UnsafePointer<UInt8>
        let ends: UnsafePointer<Int>
        let count: Int

        /// Asks for entry `index`'s end to be brought into the cache (a hint; never reads it).
        @inline(__always) func prefetchEnd(_ index: Int) {
            if UInt(bitPattern: index) < UInt(bitPattern: count) { paperql_prefetch(ends + index) }
        }

        /// Asks for the start of entry `index`'s bytes to be brought into the cache (reads its
        /// ends, which `prefetchEnd` asked for rows before).
        @inline(__always) func prefetchText(_ index: Int) {
            guard UInt(bitPattern: index) < UInt(bitPattern: count) else { return }
            paperql_prefetch(bytes + (index == 0 ? 0 : ends[index - 1]))
        }

        /// Entry `index`'s bytes.
        @inline(__always) func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "string column index out of range")
            let start = index == 0 ? 0 : ends[index - 1]
            return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
        }
    }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    subscript(index: Int) -> String {
        let range = range(index)
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }
}
