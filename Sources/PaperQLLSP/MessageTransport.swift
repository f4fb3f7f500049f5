#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PaperQL
import Synchronization

/// Reads base-protocol messages (`Content-Length` headers, then a JSON body) from a file
/// descriptor. A header without a usable length is skipped; the end of input ends the stream.
struct MessageReader {
    enum Message {
        case body([UInt8])
        /// A header block that gave no usable `Content-Length`.
        case malformedHeader
    }

    /// Bodies larger than this are read and dropped rather than kept.
    static let maximumBody = 256 << 20

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next message, or nil at the end of the input.
    mutating func next() -> Message? {
        guard let headerEnd = readUntilHeaderEnd() else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        start = headerEnd + 4
        var length: Int?
        for line in header.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces.lowercased() == "content-length" else { continue }
            length = Int(parts[1].trimmingSpaces)
        }
        guard let length, length >= 0 else { return .malformedHeader }
        guard fill(upTo: start + min(length, Self.maximumBody)) else { return nil }
        if length > Self.maximumBody {
            // Drop an oversized body without holding it.
            var remaining = length - (buffer.count - start)
            start = buffer.count
            compact()
            while remaining > 0 {
                guard readMore() else { return nil }
                let taken = min(remaining, buffer.count - start)
                remaining -= taken
                start += taken
                compact()
            }
            return .malformedHeader
        }
        let body = Array(buffer[start..<(start + length)])
        start += length
        compact()
        return .body(body)
    }

    private mutating func readUntilHeaderEnd() -> Int? {
        var searchFrom = start
        while true {
            if buffer.count - searchFrom >= 4 {
                var index = searchFrom
                while index + 3 < buffer.count {
                    if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                        return index
                    }
                    index += 1
                }
                searchFrom = max(start, buffer.count - 3)
            }
            guard readMore() else { return nil }
        }
    }

    private mutating func fill(upTo end: Int) -> Bool {
        while buffer.count < end {
            guard readMore() else { return false }
        }
        return true
    }

    private mutating func readMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    private mutating func compact() {
        if start > 65536 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

/// Writes base-protocol messages to a file descriptor, one whole message at a time from any
/// thread.
final class MessageWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func send(_ message: JSONValue) {
        let body = Array(message.serialized.utf8)
        let bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.withLock { _ in
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    written += count
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
