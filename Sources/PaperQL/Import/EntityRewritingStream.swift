import Foundation

/// An input stream over a file that replaces HTML named entities (`&uuml;`) with numeric
/// character references (`&#252;`) on the way to the XML parser, so that DBLP's entities, which
/// `dblp.dtd` declares, parse without the DTD. An entity it does not know becomes the literal
/// text `&name;` and is remembered, with its line, as a warning.
///
/// Entities inside comments and CDATA sections are rewritten too (neither DBLP nor the ACL
/// Anthology has any there).
final class EntityRewritingStream: InputStream {
    struct UnknownEntity {
        let name: String
        let line: Int
    }

    private let handle: FileHandle
    private let chunkSize: Int
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Bytes held back because an entity may continue in the next chunk.
    private var carry: [UInt8] = []
    private var atEnd = false
    private var status: Stream.Status = .notOpen
    private var line = 1
    /// Bytes of the file read so far.
    private(set) var bytesConsumed = 0
    private(set) var unknownEntities: [UnknownEntity] = []
    private(set) var unknownEntityCount = 0
    private var guardian = XMLInputGuard()
    /// Why the input was cut short (invalid UTF-8, an unsupported encoding), with its place.
    private(set) var failure: XMLInputGuard.Failure?

    init?(path: String, chunkSize: Int = 1 << 18) {
        guard InputFileKind.refusal(path) == nil, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.chunkSize = chunkSize
        super.init(data: Data())
    }

    override func open() { status = .open }

    override func close() {
        status = .closed
        try? handle.close()
    }

    override var streamStatus: Stream.Status { status }
    override var hasBytesAvailable: Bool { pendingStart < pending.count || !atEnd }
    override var streamError: Error? { nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        while pendingStart >= pending.count {
            if atEnd { return 0 }
            refill()
        }
        let count = min(length, pending.count - pendingStart)
        pending.withUnsafeBufferPointer { source in
            if let base = source.baseAddress {
                buffer.update(from: base + pendingStart, count: count)
            }
        }
        pendingStart += count
        return count
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }

    private func refill() {
        var chunk = [UInt8]((try? handle.read(upToCount: chunkSize)) ?? Data())
        bytesConsumed += chunk.count
        let final = chunk.isEmpty
        // Bytes the XML parser cannot be trusted with never reach it: the input ends before them.
        if let failure = guardian.process(&chunk) {
            self.failure = failure
            atEnd = true
        } else if final {
            let (rest, failure) = guardian.finish()
            chunk += rest
            if let failure { self.failure = failure }
        }
        var input = carry
        carry = []
        input.append(contentsOf: chunk)
        if final { atEnd = true }
        pending = rewrite(input, final: atEnd)
        pendingStart = 0
    }

    /// Longest entity name looked for.
    private static let maximumNameLength = 32

    private func rewrite(_ input: [UInt8], final: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 64)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            // Find the end of a name: letters and digits up to `;`.
            var end = index + 1
            while end < input.count, end - index <= Self.maximumNameLength, Self.isNameByte(input[end]) { end += 1 }
            if end == input.count, !final, end - index <= Self.maximumNameLength {
                // The entity may continue in the next chunk.
                carry = Array(input[index...])
                return output
            }
            guard end < input.count, input[end] == UInt8(ascii: ";"), end > index + 1 else {
                output.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: input[(index + 1)..<end], as: UTF8.self)
            switch name {
            case "amp", "lt", "gt", "quot", "apos":
                output.append(contentsOf: input[index...end])
            default:
                if name.hasPrefix("#") {
                    output.append(contentsOf: input[index...end])
                } else if let codePoint = HTMLEntities.codePoints[name] {
                    output.append(contentsOf: Array("&#\(codePoint);".utf8))
                } else {
                    unknownEntityCount += 1
                    if unknownEntities.count < 100 { unknownEntities.append(UnknownEntity(name: name, line: line)) }
                    output.append(contentsOf: Array("&amp;\(name);".utf8))
                }
            }
            index = end + 1
        }
        return output
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"):
            true
        default:
            false
        }
    }
}
