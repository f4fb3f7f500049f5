import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a snapshot's payload, checking every count and id against what it may be. Arrays are
/// read straight from the file into their own memory; the checksum pass maps the file and can
/// run on another core meanwhile.
struct SnapshotReader {
    private let data: Data
    private let file: OpenFile
    private var offset: Int

    /// Opens a file and checks its header, length and checksum.
    init(path: String) throws(SnapshotError) {
        // A FIFO or a device would block or never end: only a regular file is opened.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { throw .cannotOpen("not a regular file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .cannotOpen(error.localizedDescription)
        }
        guard data.count >= 8, Array(data.prefix(8)) == SnapshotWriter.magic else { throw .notASnapshot }
        guard data.count >= SnapshotWriter.headerSize else {
            throw .truncated(expectedBytes: UInt64(SnapshotWriter.headerSize), foundBytes: UInt64(data.count))
        }
        let version = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self) }
        guard UInt32(littleEndian: version) == SnapshotWriter.formatVersion else {
            throw .unsupportedVersion(found: UInt32(littleEndian: version), supported: SnapshotWriter.formatVersion)
        }
        let length = UInt64(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self) })
        let stored = UInt64(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 24, as: UInt64.self) })
        // Every header field is checked arithmetic: a hostile length must not trap.
        let (expected, overflow) = UInt64(SnapshotWriter.headerSize).addingReportingOverflow(length)
        guard !overflow, UInt64(data.count) == expected else {
            if overflow { throw .corrupt("the header declares an impossible payload length \(length)") }
            throw .truncated(expectedBytes: expected, foundBytes: UInt64(data.count))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        self.file = OpenFile(descriptor: descriptor)
        self.data = data
        self.storedChecksum = stored
        self.offset = SnapshotWriter.headerSize
    }

    private let storedChecksum: UInt64

    /// Whether the payload matches the checksum in the header. Reading checks every count and
    /// id on its own, so this may run on another core while the payload is read.
    func checksumMatches() -> Bool {
        // Hashed through a mapping of the file (no copy into a buffer), 64 MiB at a time, each
        // piece unmapped once hashed so that checking does not keep the whole file resident.
        let total = data.count
        let chunk = 64 << 20
        let failed = UnsafeMutableRawPointer(bitPattern: -1)
        var checksum = SnapshotChecksum()
        var mapStart = 0
        while mapStart < total {
            let length = min(chunk, total - mapStart)
            guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, file.descriptor, off_t(mapStart)), mapped != failed
            else { return false }
            defer { munmap(mapped, length) }
            _ = madvise(mapped, length, Int32(MADV_SEQUENTIAL))
            // Every piece but the last is a multiple of 32 bytes, as `add` needs.
            let from = max(SnapshotWriter.headerSize - mapStart, 0)
            checksum.add(UnsafeRawBufferPointer(start: mapped + from, count: length - from))
            mapStart += length
        }
        return checksum.final == storedChecksum
    }

    var isAtEnd: Bool { offset == data.count }

    mutating func readUInt64(_ what: String) throws(SnapshotError) -> UInt64 {
        guard offset + 8 <= data.count else { throw .corrupt("\(what) runs past the end") }
        var value: UInt64 = 0
        try withUnsafeMutableBytes(of: &value) { buffer throws(SnapshotError) in
            try file.read(into: buffer, at: offset, what)
        }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func readArray<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(SnapshotError) -> [T] {
        let count = try readUInt64(what)
        let size = MemoryLayout<T>.size
        guard count <= UInt64(data.count - offset) / UInt64(size) else { throw .corrupt("\(what) is longer than the file") }
        let byteCount = Int(count) * size
        var failure: SnapshotError?
        let start = offset
        let array = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            do {
                try file.read(into: UnsafeMutableRawBufferPointer(buffer), at: start, what)
                initialized = Int(count)
            } catch let error as SnapshotError {
                failure = error
                initialized = 0
            } catch {
                failure = .corrupt(what)
                initialized = 0
            }
        }
        if let failure { throw failure }
        offset += byteCount + (8 - byteCount % 8) % 8
        guard offset <= data.count else { throw .corrupt("\(what) runs past the end") }
        return array
    }

    mutating func readFlags(_ what: String) throws(SnapshotError) -> [Bool] {
        try readArray(UInt8.self, what).map { $0 != 0 }
    }

    /// The largest value, or nil for none (a plain loop the compiler vectorizes).
    static func maximum(_ values: [UInt32]) -> UInt32? {
        guard !values.isEmpty else { return nil }
        return values.withUnsafeBufferPointer { buffer in
            var largest: UInt32 = 0
            for value in buffer where value > largest { largest = value }
            return largest
        }
    }

    static func isNondecreasing<T: FixedWidthInteger>(_ values: [T]) -> Bool {
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
    mutating func readEnds(_ what: String, total: Int) throws(SnapshotError) -> [Int] {
        let ends = try readEnds(what)
        guard (ends.last ?? 0) == total else { throw .corrupt("\(what) does not match its data") }
        return ends
    }

    mutating func readEnds(_ what: String) throws(SnapshotError) -> [Int] {
        let ends = try readArray(Int.self, what)
        guard (ends.first ?? 0) >= 0, Self.isNondecreasing(ends) else { throw .corrupt("\(what) is not in order") }
        return ends
    }

    /// Texts left in the mapped file: only their offsets are read now.
    mutating func readMappedText(_ what: String, count: Int) throws(SnapshotError) -> TextStore {
        let byteCount = try readUInt64(what)
        guard byteCount <= UInt64(data.count - offset) else { throw .corrupt("\(what) is longer than the file") }
        let start = offset
        offset += Int(byteCount) + (8 - Int(byteCount) % 8) % 8
        guard offset <= data.count else { throw .corrupt("\(what) runs past the end") }
        let ends = try readEnds(what, total: Int(byteCount))
        guard ends.count == count else { throw .corrupt("\(what) has \(ends.count) entries, \(count) expected") }
        return TextStore(mapped: data, start: start, byteCount: Int(byteCount), ends: ends)
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
        if let largest = Self.maximum(values), Int(largest) >= valueLimit { throw .corrupt("\(what) refers past its table") }
        return AdjacencyLists(ends: ends, values: values)
    }

    mutating func readIndex(_ what: String, valueLimit: Int) throws(SnapshotError) -> StringIndex {
        let keys = try readStringColumn(what)
        let values = try readArray(UInt32.self, what)
        guard values.count == keys.count else { throw .corrupt("\(what) keys and values differ in number") }
        if let largest = Self.maximum(values), Int(largest) >= valueLimit { throw .corrupt("\(what) refers past its table") }
        return StringIndex(keys: keys, values: values)
    }

    mutating func readMultiIndex(_ what: String, valueLimit: Int) throws(SnapshotError) -> StringMultiIndex {
        let index = try readIndex(what, valueLimit: Int(UInt32.max))
        let lists = try readLists(what, rows: nil, valueLimit: valueLimit)
        guard index.values.allSatisfy({ Int($0) < lists.count }) else { throw .corrupt("\(what) refers past its lists") }
        return StringMultiIndex(index: index, lists: lists)
    }

    mutating func readFacet(_ what: String, paperCount: Int) throws(SnapshotError) -> Facet {
        let names = try readStrings(what)
        let papers = try readLists(what, rows: names.count, valueLimit: paperCount)
        let index = try readIndex(what, valueLimit: names.count)
        return Facet(names: names, papers: papers, byFoldedName: index)
    }
}

/// A file descriptor closed when the last reader is done with it.
final class OpenFile: @unchecked Sendable {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Fills the buffer from the file at an offset.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, _ what: String) throws(SnapshotError) {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .corrupt("\(what) could not be read") }
            done += got
        }
    }
}
