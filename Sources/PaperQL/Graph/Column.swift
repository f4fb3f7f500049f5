/// Fixed-width values end to end: the storage of the graph's large columns (list ends and ids,
/// string bytes). A column holds memory of its own (a graph built from records) or a window of
/// a snapshot file mapped into memory, so that loading a snapshot copies none of it: pages are
/// read when the values in them are.
///
/// Read like an array. Appending (while building) works on memory of the column's own: a
/// mapped or shared column is first copied, as an array is on write.
@usableFromInline
struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    // Unchecked: the storage is only written in place while this value is its sole owner
    // (`isKnownUniquelyReferenced`), exactly as `Array` does. Reading is inlinable, so that
    // `GraphText.withUTF8` costs a program reading results what it did over an array.
    @usableFromInline private(set) var storage: ColumnStorage<Element>
    @usableFromInline private(set) var count: Int

    init() {
        storage = ColumnStorage(capacity: 0)
        count = 0
    }

    /// The array's values, copied into the column's own memory.
    init(_ array: [Element]) {
        storage = ColumnStorage(capacity: array.count)
        count = array.count
        array.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { storage.base.initialize(from: from, count: source.count) }
        }
    }

    /// `count` values of a mapped file from `byteOffset`; the caller has checked that they lie
    /// inside the file and that the offset is aligned for `Element`.
    init(mapped file: MappedFile, byteOffset: Int, count: Int) {
        storage = ColumnStorage(mapped: file, byteOffset: byteOffset, count: count)
        self.count = count
    }

    @inlinable var startIndex: Int { 0 }
    @inlinable var endIndex: Int { count }

    @inlinable subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "column index out of range")
        return storage.base[position]
    }

    /// Calls `body` with the values, valid only during the call.
    @inlinable func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        // `self`, and with it the storage, is held by the caller for the whole call.
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    @inlinable func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<Element>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }

    /// The first value's address, for reading without holding the column: valid while its
    /// storage lives unchanged (a built graph keeps its columns, and never changes them).
    var baseAddress: UnsafePointer<Element> { UnsafePointer(storage.base) }

    /// Whether the values are in a mapped file rather than memory of the column's own.
    var isMapped: Bool { storage.mapping != nil }

    mutating func append(_ element: Element) {
        if count == storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(toAtLeast: count + 1) }
        (storage.base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<Element>) {
        guard let from = buffer.baseAddress, !buffer.isEmpty else { return }
        if count + buffer.count > storage.capacity || !isKnownUniquelyReferenced(&storage) {
            grow(toAtLeast: count + buffer.count)
        }
        (storage.base + count).initialize(from: from, count: buffer.count)
        count += buffer.count
    }

    mutating func append(contentsOf slice: Slice<UnsafeBufferPointer<Element>>) {
        append(contentsOf: UnsafeBufferPointer(rebasing: slice))
    }

    mutating func append(contentsOf other: Column<Element>) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf other: Slice<Column<Element>>) {
        other.base.withUnsafeBufferPointer { append(contentsOf: $0[other.startIndex..<other.endIndex]) }
    }

    mutating func append(contentsOf sequence: some Sequence<Element>) {
        for element in sequence { append(element) }
    }

    mutating func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > storage.capacity || !isKnownUniquelyReferenced(&storage) {
            grow(toAtLeast: minimumCapacity)
        }
    }

    /// Moves the values to memory of the column's own with room for at least `minimum` values:
    /// twice the old room when that is more, so that appending one at a time stays linear.
    private mutating func grow(toAtLeast minimum: Int) {
        let capacity = Swift.max(minimum, storage.isOwnMemory ? storage.capacity * 2 : 0, 16)
        let grown = ColumnStorage<Element>(capacity: capacity)
        grown.base.initialize(from: storage.base, count: count)
        storage = grown
    }

    /// The values as an array of their own.
    var array: [Element] { withUnsafeBufferPointer { Array($0) } }
}

/// The memory behind a column: allocated and freed here, or a window of a mapped file kept
/// mapped while any column views it.
@usableFromInline
final class ColumnStorage<Element: BitwiseCopyable> {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    let capacity: Int
    let mapping: MappedFile?

    var isOwnMemory: Bool { mapping == nil }

    init(capacity: Int) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(capacity, 1))
        self.capacity = capacity
        mapping = nil
    }

    init(mapped file: MappedFile, byteOffset: Int, count: Int) {
        // The mapping is read-only: `capacity == count` makes every append copy first.
        base = UnsafeMutableRawPointer(mutating: file.base + byteOffset).assumingMemoryBound(to: Element.self)
        capacity = count
        mapping = file
    }

    deinit {
        if mapping == nil { base.deallocate() }
    }
}

extension Column: Equatable where Element: Equatable {
    @usableFromInline static func == (lhs: Column, rhs: Column) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { right in left.elementsEqual(right) } }
    }
}
