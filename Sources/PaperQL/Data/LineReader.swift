import Foundation

/// Reads a file in large chunks and hands out its lines as byte slices, so files larger than
/// memory can be read in a single pass.
public struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    public private(set) var lineNumber = 0
    /// Bytes handed out so far, for progress reports.
    public private(set) var bytesRead = 0
    private let chunkSize: Int
    private let path: String
    /// Longest line read.
    public static let maximumLineLength = 64 << 20

    public init(path: String, chunkSize: Int = 8 << 20) throws {
        // Opening a FIFO would block; a device would never end.
        if let refusal = InputFileKind.refusal(path) { throw refusal.loadError }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(file: path, message: "cannot open the file (does it exist, and is it readable?)")
        }
        self.handle = handle
        self.chunkSize = chunkSize
        self.path = path
    }

    /// The next line without its terminator (`\n` or `\r\n`), or nil at the end of the file.
    public mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                bytesRead += newline + 1 - start
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                bytesRead += buffer.count - start
                start = buffer.count
                lineNumber += 1
                return line
            }
            // A file without line breaks (not JSON Lines, or hostile) must not fill memory.
            if buffer.count - start > Self.maximumLineLength {
                throw LoadError(file: path, line: lineNumber + 1,
                                message: "line \(lineNumber + 1) is longer than \(Self.maximumLineLength >> 20) MB; JSON Lines has one record per line")
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true }
            buffer.removeFirst(start)
            start = 0
            buffer.append(contentsOf: chunk)
        }
    }
}
