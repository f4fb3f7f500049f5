import Foundation

/// Reads a file byte by byte through a large buffer, counting lines, so that parsers for
/// formats whose records span lines (BibTeX, CSV) stream in bounded memory.
struct ByteReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var cursor = 0
    private var atEnd = false
    private let chunkSize: Int
    /// Bytes consumed before the current buffer.
    private var consumedBefore = 0
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// The 1-based byte column of the next byte on its line.
    private(set) var column = 1

    /// Reads from `position`: a byte offset into the file, with the line and column of that byte.
    init(path: String, from position: Position = Position(), chunkSize: Int = 1 << 20) throws(ImportIssue) {
        if let refusal = InputFileKind.refusal(path) { throw refusal }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)")
        }
        if position.offset > 0 {
            do {
                try handle.seek(toOffset: UInt64(position.offset))
            } catch {
                throw ImportIssue(.fileUnreadable, file: path, message: "cannot read the file from byte \(position.offset) (\(error.localizedDescription))")
            }
        }
        self.handle = handle
        self.chunkSize = chunkSize
        consumedBefore = position.offset
        line = position.line
        column = position.column
    }

    /// A place in the file: its byte offset, and the 1-based line and byte column there.
    struct Position: Equatable {
        var offset = 0
        var line = 1
        var column = 1
    }

    /// Where the next byte is.
    var position: Position { Position(offset: offset, line: line, column: column) }

    /// Bytes consumed so far.
    var offset: Int { consumedBefore + cursor }

    private mutating func fill() -> Bool {
        if cursor < buffer.count { return true }
        if atEnd { return false }
        let chunk = (try? handle.read(upToCount: chunkSize)) ?? Data()
        consumedBefore += buffer.count
        buffer = [UInt8](chunk)
        cursor = 0
        if buffer.isEmpty {
            atEnd = true
            try? handle.close()
            return false
        }
        return true
    }

    mutating func peek() -> UInt8? {
        fill() ? buffer[cursor] : nil
    }

    /// The byte after the next one, without consuming (only when both are in the buffer or the
    /// next one is the buffer's last: good enough for `\r\n` and `""`).
    mutating func peekSecond() -> UInt8? {
        guard fill() else { return nil }
        if cursor + 1 < buffer.count { return buffer[cursor + 1] }
        // Keep the current byte and pull in the next chunk behind it.
        let current = buffer[cursor]
        if atEnd { return nil }
        let chunk = (try? handle.read(upToCount: chunkSize)) ?? Data()
        if chunk.isEmpty { atEnd = true; return nil }
        consumedBefore += cursor
        buffer = [current] + [UInt8](chunk)
        cursor = 0
        return buffer[1]
    }

    /// Consumes the bytes before the first one `stop` accepts, appending them to `output` and
    /// counting lines; returns that byte, not consumed, or nil at the end of the file. A run
    /// at a time instead of a byte at a time.
    @inline(__always)
    mutating func take(into output: inout [UInt8], until stop: (UInt8) -> Bool) -> UInt8? {
        while fill() {
            let start = cursor
            var newlines = 0
            var afterNewline = -1
            let end = buffer.withUnsafeBufferPointer { bytes -> Int in
                var index = start
                while index < bytes.count {
                    let byte = bytes[index]
                    if stop(byte) { break }
                    if byte == UInt8(ascii: "\n") {
                        newlines += 1
                        afterNewline = index + 1
                    }
                    index += 1
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                return index
            }
            cursor = end
            if newlines > 0 {
                line += newlines
                column = 1 + end - afterNewline
            } else {
                column += end - start
            }
            if end < buffer.count { return buffer[end] }
        }
        return nil
    }

    mutating func next() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[cursor]
        cursor += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return byte
    }
}
