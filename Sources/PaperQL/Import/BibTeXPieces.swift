import Foundation

/// A BibTeX file cut into pieces of about a megabyte, each lexed by its own `BibTeXLexer` so
/// that both cores read the file, with the result one lexer reading the whole file gives.
///
/// A piece ends before an `@` that begins a line. The whole file's lexer begins an entry at
/// such an `@` in all but odd cases (inside `@comment{…}`, or a citation key on a line of its
/// own that starts with `@`); each piece's lexer stops at the first entry it would begin at or
/// after its piece's end, and where that is not the next piece's start, the importer lexes the
/// next piece again from where it stopped. A piece in which `@string` appears (in any case) may
/// define macros that the pieces after it use: it is cut short after the last `@string`, and
/// the importer lexes it once everything before it is read.
struct BibTeXPieces {
    struct Piece {
        /// The `@` the piece begins with (the file's first byte for the first piece).
        var start: ByteReader.Position
        /// The offset after the piece: the next piece's start, or the file's size.
        var end: Int
        /// Whether `@string` appears in the piece.
        var mayDefineMacros: Bool
    }

    /// A piece's size before it is cut at the next line that starts with `@`.
    static let pieceBytes = 1 << 20

    private let pieceBytes: Int
    private let handle: FileHandle
    /// The file's bytes from `start` on, as far as read.
    private var buffer: [UInt8] = []
    private var start = ByteReader.Position()
    private var atEnd = false

    init(path: String, pieceBytes: Int = Self.pieceBytes) throws(ImportIssue) {
        if let refusal = InputFileKind.refusal(path) { throw refusal }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)")
        }
        self.handle = handle
        self.pieceBytes = max(1, pieceBytes)
    }

    /// The next piece; nil after the last.
    mutating func next() -> Piece? {
        var searchFrom = pieceBytes
        var cut: Int?
        while true {
            cut = buffer.withUnsafeBufferPointer { Self.lineStartingAt(in: $0, from: max(1, min(searchFrom, $0.count))) }
            if cut != nil || atEnd { break }
            searchFrom = max(searchFrom, buffer.count)
            let more = (try? handle.read(upToCount: max(pieceBytes, 1 << 16))) ?? Data()
            if more.isEmpty {
                atEnd = true
                try? handle.close()
            } else {
                buffer.append(contentsOf: more)
            }
        }
        var end = cut ?? buffer.count
        guard end > 0 else { return nil }
        let lastMacro = buffer.withUnsafeBufferPointer { Self.lastStringEntry(in: UnsafeBufferPointer(rebasing: $0[..<end])) }
        if let lastMacro, let afterMacro = buffer.withUnsafeBufferPointer({ Self.lineStartingAt(in: $0, from: lastMacro + 1) }),
            afterMacro < end
        {
            end = afterMacro
        }
        let piece = Piece(start: start, end: start.offset + end, mayDefineMacros: lastMacro != nil)
        let lines = buffer.withUnsafeBufferPointer { bytes in
            var count = 0
            for byte in UnsafeBufferPointer(rebasing: bytes[..<end]) where byte == 0x0A { count += 1 }
            return count
        }
        start = ByteReader.Position(offset: start.offset + end, line: start.line + lines, column: 1)
        buffer.removeFirst(end)
        return piece
    }

    /// The first `@` at or after `from` that follows a line break.
    private static func lineStartingAt(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = from
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "@")), bytes.count - index) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at > 0, bytes[at - 1] == 0x0A { return at }
            index = at + 1
        }
        return nil
    }

    /// Where the last `@string` (any case) begins, if anywhere.
    private static func lastStringEntry(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let word = Array("string".utf8)
        var last: Int?
        var index = 0
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "@")), bytes.count - index) else { break }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + word.count < bytes.count,
                word.indices.allSatisfy({ bytes[at + 1 + $0] | 0x20 == word[$0] })
            {
                last = at
            }
            index = at + 1
        }
        return last
    }
}
