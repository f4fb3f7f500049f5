import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a snapshot's payload, checking every count and id against what it may be. The file is
/// mapped, and the graph's columns are windows of the mapping: nothing is copied, and pages are
/// read from disk (or the page cache) when their values are. The checksum pass can run on
/// another core meanwhile.
struct SnapshotReader {
    private let file: MappedFile
    private var offset: Int

    /// Opens a file and checks its header, length and checksum.
    init(path: String) throws(SnapshotError) {
        // A FIFO or a device would block (opening a FIFO waits for a writer) or never end: only
        // a regular file is opened, and it is checked again once open.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { throw .cannotOpen("not a regular file") }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .cannotOpen("not a regular file") }
        let size = Int(info.st_size)
        guard size >= 8 else { throw .notASnapshot }
        guard let file = MappedFile(descriptor: descriptor, length: size) else {
            throw .cannotOpen(String(cString: strerror(errno)))
        }
        let bytes = file.bytes
        guard Array(bytes.prefix(8)) == SnapshotWriter.magic else { throw .notASnapshot }
        guard size >= SnapshotWriter.headerSize else {
            throw .truncated(expectedBytes: UInt64(SnapshotWriter.headerSize), foundBytes: UInt64(size))
        }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == SnapshotWriter.formatVersion else {
            throw .unsupportedVersion(found: version, supported: SnapshotWriter.formatVersion)
        }
        let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        // Every header field is checked arithmetic: a hostile length must not trap.
        let (expected, overflow) = UInt64(SnapshotWriter.headerSize).addingReportingOverflow(length)
        guard !overflow, UInt64(size) == expected else {
            if overflow { throw .corrupt("the header declares an impossible payload length \(length)") }
            throw .truncated(expectedBytes: expected, foundBytes: UInt64(size))
        }
        self.file = file
        self.storedChecksum = stored
        self.offset = SnapshotWriter.headerSize
    }

    private let storedChecksum: UInt64
    private var size: Int { file.length }

    /// Whether the payload matches the checksum in the header. Reading checks every count and
    /// id on its own, so this may run on another core while the payload is read.
    func checksumMatches() -> Bool {
        var checksum = SnapshotChecksum()
        checksum.add(UnsafeRawBufferPointer(rebasing: file.bytes[SnapshotWriter.headerSize...]))
        return checksum.final == storedChecksum
    }

    var isAtEnd: Bool { offset == size }

    mutating func readUInt64(_ what: String) throws(SnapshotError) -> UInt64 {
        guard offset + 8 <= size else { throw .corrupt("\(what) runs past the end") }
        let value = file.bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// A counted array of values, left in the mapped file.
    mutating func readArray<T: FixedWidthInteger & BitwiseCopyable>(_ type: T.Type, _ what: String) throws(SnapshotError) -> Column<T> {
        let count = try readUInt64(what)
        let width = MemoryLayout<T>.stride
        guard count <= UInt64(size - offset) / UInt64(width) else { throw .corrupt("\(what) is longer than the file") }
        // The writer pads every array to 8 bytes, so a well-formed file is always aligned.
        guard offset % MemoryLayout<T>.alignment == 0 else { throw .corrupt("\(what) is misaligned") }
        let byteCount = Int(count) * width
        let column = Column<T>(mapped: file, byteOffset: offset, count: Int(count))
        offset += byteCount + (8 - byteCount % 8) % 8
        guard offset <= size else { throw .corrupt("\(what) runs past the end") }
        return column
    }

    mutating func readFlags(_ what: String) throws(SnapshotError) -> [Bool] {
        try readArray(UInt8.self, what).map { $0 != 0 }
    }

    /// The largest value, or nil for none (a plain loop the compiler vectorizes).
    static func maximum(_ values: Column<UInt32>) -> UInt32? {
        guard !values.isEmpty else { return nil }
        return values.withUnsafeBufferPointer { buffer in
            var largest: UInt32 = 0
            for value in buffer where value > largest { largest = value }
            return largest
        }
    }

    /// Whether every value is below `limit`.
    static func allBelow(_ values: Column<UInt32>, _ limit: Int) -> Bool {
        maximum(values).map { Int($0) < limit } ?? true
    }

    static func isNondecreasing<T: FixedWidthInteger>(_ values: Column<T>) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var ordered = true
            var index = 1
            while index < buffer.count {
                ordered = ordered && buffer[index - 1] <= buffer[index]
                index += 1
            }
            return ordered
        }
    }

    /// List ends, stored as little-endian UInt64 and read straight into `Int`s (the same bytes
    /// on the 64-bit little-endian machines PaperQL runs on; a value past `Int.max` reads as
    /// negative, which the order check refuses).
    mutating func readEnds(_ what: String, total: Int) throws(SnapshotError) -> Column<Int> {
        let ends = try readEnds(what)
        guard (ends.last ?? 0) == total else { throw .corrupt("\(what) does not match its data") }
        return ends
    }

    mutating func readEnds(_ what: String) throws(SnapshotError) -> Column<Int> {
        let ends = try readArray(Int.self, what)
        guard (ends.first ?? 0) >= 0, Self.isNondecreasing(ends) else { throw .corrupt("\(what) is not in order") }
        return ends
    }

    /// Long texts, left in the mapped file like every column.
    mutating func readText(_ what: String, count: Int) throws(SnapshotError) -> TextStore {
        let column = try readStringColumn(what, count: count)
        return TextStore(column)
    }

    mutating func readStringColumn(_ what: String, count: Int? = nil) throws(SnapshotError) -> StringColumn {
        let bytes = try readArray(UInt8.self, what)
        let ends = try readEnds(what, total: bytes.count)
        if let count, ends.count != count { throw .corrupt("\(what) has \(ends.count) entries, \(count) expected") }
        return StringColumn(bytes: bytes, ends: ends)
    }

    mutating func readStrings(_ what: String) throws(SnapshotError) -> [String] {
        let column = try readStringColumn(what)
        return (0..<column.count).map { column[$0] }
    }

    /// Lists whose values must be below `valueLimit`, with `rows` rows when given.
    mutating func readLists(_ what: String, rows: Int?, valueLimit: Int) throws(SnapshotError) -> AdjacencyLists {
        let ends = try readEnds(what)
        let values = try readArray(UInt32.self, what)
        guard (ends.last ?? 0) == values.count else { throw .corrupt("\(what) does not match its values") }
        if let rows, ends.count != rows { throw .corrupt("\(what) has \(ends.count) rows, \(rows) expected") }
        guard Self.allBelow(values, valueLimit) else { throw .corrupt("\(what) refers past its table") }
        return AdjacencyLists(ends: ends, values: values)
    }

    mutating func readIndex(_ what: String, valueLimit: Int) throws(SnapshotError) -> StringIndex {
        let keys = try readStringColumn(what)
        let values = try readArray(UInt32.self, what)
        guard values.count == keys.count else { throw .corrupt("\(what) keys and values differ in number") }
        guard Self.allBelow(values, valueLimit) else { throw .corrupt("\(what) refers past its table") }
        return StringIndex(keys: keys, values: values)
    }

    mutating func readMultiIndex(_ what: String, valueLimit: Int) throws(SnapshotError) -> StringMultiIndex {
        let index = try readIndex(what, valueLimit: Int(UInt32.max))
        let lists = try readLists(what, rows: nil, valueLimit: valueLimit)
        guard Self.allBelow(index.values, lists.count) else { throw .corrupt("\(what) refers past its lists") }
        return StringMultiIndex(index: index, lists: lists)
    }

    mutating func readFacet(_ what: String, paperCount: Int) throws(SnapshotError) -> Facet {
        let names = try readStrings(what)
        let papers = try readLists(what, rows: names.count, valueLimit: paperCount)
        let index = try readIndex(what, valueLimit: names.count)
        return Facet(names: names, papers: papers, byFoldedName: index)
    }
}
