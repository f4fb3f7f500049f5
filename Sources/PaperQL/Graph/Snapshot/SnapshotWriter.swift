import Foundation

/// Writes a snapshot: a header, then the payload in chunks, checksummed as it goes.
struct SnapshotWriter {
    static let magic: [UInt8] = Array("PAPERQLG".utf8)
    /// Bumped whenever the payload layout changes.
    static let formatVersion: UInt32 = 3
    static let headerSize = 32

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var checksum = SnapshotChecksum()
    private var payloadLength: UInt64 = 0
    private let chunkSize = 4 << 20

    /// The file is written under a temporary name and renamed into place when complete, so a
    /// reader never sees half a snapshot, and a snapshot that is in use (mapped by a running
    /// session) is replaced, not overwritten.
    private let finalPath: String
    private let temporaryPath: String

    init(path: String) throws(SnapshotError) {
        finalPath = path
        temporaryPath = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else { throw .cannotWrite("cannot create \(path)") }
        self.handle = handle
        buffer.reserveCapacity(chunkSize + 4096)
        buffer.append(contentsOf: [UInt8](repeating: 0, count: Self.headerSize))
        do { try flush(keepingHeader: true) } catch { throw .cannotWrite("\(error)") }
    }

    // MARK: - Values

    mutating func write(_ value: UInt64) throws(SnapshotError) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        payloadLength += 8
        try flushIfFull()
    }

    mutating func write<T: FixedWidthInteger>(_ array: [T]) throws(SnapshotError) {
        try write(UInt64(array.count))
        try writeRaw(array)
    }

    /// Written exactly like an array; `Int`s (list ends) are 64-bit little-endian, as they are
    /// in memory on the machines PaperQL runs on.
    mutating func write<T: FixedWidthInteger>(_ column: Column<T>) throws(SnapshotError) {
        try write(UInt64(column.count))
        try writeRaw { lend in try column.withUnsafeBufferPointer { try lend(UnsafeRawBufferPointer($0)) } }
    }

    mutating func write(_ flags: [Bool]) throws(SnapshotError) {
        try write(flags.map { $0 ? UInt8(1) : 0 })
    }

    mutating func write(_ column: StringColumn) throws(SnapshotError) {
        try write(column.bytes)
        try write(column.ends)
    }

    /// Written exactly like a `StringColumn`.
    mutating func write(_ text: TextStore) throws(SnapshotError) {
        try write(UInt64(text.byteCount))
        // The texts may lie in runs (a graph built from records keeps them in reading order).
        var written = 0
        do {
            try text.forEachRun { run in
                try appendUnpadded(run)
                written += run.count
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw .cannotWrite("\(error)")
        }
        try pad(afterWriting: written)
        try write(text.ends)
    }

    mutating func write(_ strings: [String]) throws(SnapshotError) {
        try write(StringColumn(strings))
    }

    mutating func write(_ lists: AdjacencyLists) throws(SnapshotError) {
        try write(lists.ends)
        try write(lists.values)
    }

    mutating func write(_ index: StringIndex) throws(SnapshotError) {
        try write(index.keys)
        try write(index.values)
    }

    mutating func write(_ index: StringMultiIndex) throws(SnapshotError) {
        try write(index.index)
        try write(index.lists)
    }

    mutating func write(_ facet: Facet) throws(SnapshotError) {
        try write(facet.names)
        try write(facet.papers)
        try write(facet.byFoldedName)
    }

    private mutating func writeRaw<T: FixedWidthInteger>(_ array: [T]) throws(SnapshotError) {
        // Little-endian machines only write their memory as it is.
        try writeRaw { try array.withUnsafeBytes($0) }
    }

    /// Writes the bytes a `withUnsafeBytes`-style function lends.
    private mutating func writeRaw(
        lending: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws(SnapshotError) {
        do {
            try lending { bytes in try writeRaw(bytes) }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw .cannotWrite("\(error)")
        }
    }

    /// Bytes, then zeros up to a multiple of eight, in chunks of at most `chunkSize`.
    private mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        try appendUnpadded(bytes)
        try pad(afterWriting: bytes.count)
    }

    private mutating func appendUnpadded(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
            try flushIfFull()
        }
    }

    /// Zeros up to a multiple of eight after `count` bytes.
    private mutating func pad(afterWriting count: Int) throws(SnapshotError) {
        let padding = (8 - count % 8) % 8
        buffer.append(contentsOf: repeatElement(0, count: padding))
        payloadLength += UInt64(count + padding)
        try flushIfFull()
    }

    private mutating func flushIfFull() throws(SnapshotError) {
        guard buffer.count >= chunkSize else { return }
        do { try flush(keepingHeader: false) } catch { throw .cannotWrite("\(error)") }
    }

    private mutating func flush(keepingHeader: Bool, final: Bool = false) throws {
        if keepingHeader {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        // Chunks are cut at multiples of 32 bytes, the checksum's stride; the rest waits.
        let cut = final ? buffer.count : buffer.count - buffer.count % 32
        buffer.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[0..<cut])) }
        try handle.write(contentsOf: buffer[0..<cut])
        buffer.removeFirst(cut)
    }

    /// Writes the rest of the payload and then the header with its length and checksum.
    mutating func finish() throws(SnapshotError) {
        do {
            try flush(keepingHeader: false, final: true)
            var header: [UInt8] = Self.magic
            withUnsafeBytes(of: Self.formatVersion.littleEndian) { header.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(0)) { header.append(contentsOf: $0) }
            withUnsafeBytes(of: payloadLength.littleEndian) { header.append(contentsOf: $0) }
            withUnsafeBytes(of: checksum.final.littleEndian) { header.append(contentsOf: $0) }
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: header)
            try handle.close()
        } catch {
            discard()
            throw .cannotWrite("\(error)")
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotWrite("cannot move the snapshot into place: \(reason)")
        }
    }

    /// Removes the partly written file after a failure.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
