import Foundation

/// Reads a file byte by byte through a large buffer, counting lines, so that parsers for
/// formats whose records span lines (BibTeX, CSV) stream in bounded memory.
struct ByteReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let chunkSize: Int
    /// Bytes consumed before the current buffer.
    private var consumedBefore = 0
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// The 1-based byte column of the next byte on its line.
    private(set) var column = 1

    init(path: String, chunkSize: Int = 1 << 20) throws(ImportIssue) {
        if let refusal = InputFileKind.refusal(path) { throw refusal }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)")
        }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// Bytes consumed so far.
    var offset: Int { consumedBefore + position }

    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        let chunk = (try? handle.read(upToCount: chunkSize)) ?? Data()
        consumedBefore += buffer.count
        buffer = [UInt8](chunk)
        position = 0
        if buffer.isEmpty {
            atEnd = true
            try? handle.close()
            return false
        }
        return true
    }

    mutating func peek() -> UInt8? {
        fill() ? buffer[position] : nil
    }

    /// The byte after the next one, without consuming (only when both are in the buffer or the
    /// next one is the buffer's last: good enough for `\r\n` and `""`).
    mutating func peekSecond() -> UInt8? {
        guard fill() else { return nil }
        if position + 1 < buffer.count { return buffer[position + 1] }
        // Keep the current byte and pull in the next chunk behind it.
        let current = buffer[position]
        if atEnd { return nil }
        let chunk = (try? handle.read(upToCount: chunkSize)) ?? Data()
        if chunk.isEmpty { atEnd = true; return nil }
        consumedBefore += position
        buffer = [current] + [UInt8](chunk)
        position = 0
        return buffer[1]
    }

    mutating func next() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[position]
        position += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return byte
    }
}
