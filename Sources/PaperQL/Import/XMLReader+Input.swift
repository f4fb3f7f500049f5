#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes under the reader: chunks read into one buffer, the XML declaration and its
/// encoding, ISO-8859-1 converted to UTF-8, UTF-8 and XML 1.0's characters checked (the input
/// ends at the first bad byte, which is reported when the reader gets there), and lines and
/// character columns counted for messages.
extension XMLReader {
    /// Reads the start of the file and its declaration. A failure is an encoding refused.
    func begin() -> Failure? {
        while end < 1024, !atEOF { readChunk() }
        var start = 0
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        countedTo = start
        lineStart = start
        switch declarationEnd(from: start) {
        case .failure(let failure): return failure
        case .success(let declarationEnd):
            pos = declarationEnd ?? start
        }
        checked = pos
        if convertsLatin1 { convertLatin1(from: pos) }
        validate()
        if atEOF { finishValidation() }
        return nil
    }

    /// Where `<?xml … ?>` at `start` ends, and what its encoding says; nil when the file has no
    /// declaration (a `<?xml` not closed in the first kilobyte is read as an instruction).
    private func declarationEnd(from start: Int) -> Result<Int?, Failure> {
        let opening = Array("<?xml".utf8)
        guard end > start + opening.count,
            (0..<opening.count).allSatisfy({ buffer[start + $0] == opening[$0] }),
            Self.isSpace(buffer[start + opening.count])
        else { return .success(nil) }
        let searchEnd = min(end, start + 1024)
        var position = start + opening.count
        while position + 1 < searchEnd, !(buffer[position] == UInt8(ascii: "?") && buffer[position + 1] == UInt8(ascii: ">")) {
            position += 1
        }
        guard position + 1 < searchEnd else { return .success(nil) }
        let close = position + 2
        let declaration = String(decoding: UnsafeBufferPointer(start: buffer + start, count: close - start), as: UTF8.self).lowercased()
        if let range = declaration.range(of: "encoding") {
            let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let name = rest.dropFirst().prefix { $0 != quote }
                switch name {
                case "utf-8", "utf8", "us-ascii", "ascii":
                    break
                case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
                    convertsLatin1 = true
                default:
                    return .failure(Failure(line: 1, column: 1, message: XMLReaderMessage.unsupportedEncoding(String(name.prefix(40)))))
                }
            }
        }
        return .success(close)
    }

    /// Makes more validated bytes available, keeping `buffer[keep...]` (moved to the front).
    /// False when no more can come: the end of the file or a bad byte.
    func fill(keeping keep: Int) -> Bool {
        guard inputFailure == nil, !atEOF else { return false }
        if keep > 0 {
            // The place of the new start is kept: what was counted before it leaves the buffer.
            let (line, column) = location(ofAbsolute: base + keep)
            baseLine = line
            baseColumn = column
            if lineStart < base + keep {
                lineStart = base + keep
                lineStartColumn = column
            }
            (buffer).update(from: buffer + keep, count: end - keep)
            base += keep
            pos -= keep
            end -= keep
            checked -= keep
        }
        readChunk()
        if convertsLatin1 { convertLatin1(from: checked) }
        validate()
        if atEOF { finishValidation() }
        return true
    }

    /// Appends up to a chunk of the file to the buffer.
    private func readChunk() {
        reserve(end + chunkSize)
        var count = 0
        switch source {
        case .file(let descriptor):
            while true {
                let result = systemRead(descriptor, buffer + end, chunkSize)
                if result < 0, errno == EINTR { continue }
                count = max(0, result)
                if result < 0 { inputFailure = (base + end, XMLReaderMessage.readError) }
                break
            }
        case .bytes(let bytes, _):
            count = min(chunkSize, bytes.count - sourceOffset)
            bytes.withUnsafeBufferPointer { source in
                if count > 0, let start = source.baseAddress { (buffer + end).update(from: start + sourceOffset, count: count) }
            }
        }
        sourceOffset += count
        bytesRead += count
        end += count
        if count == 0 { atEOF = true }
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = larger
        capacity = grown
    }

    /// ISO-8859-1 → UTF-8 for `buffer[from..<end]`, in place from the back.
    private func convertLatin1(from start: Int) {
        var high = 0
        for index in start..<end where buffer[index] >= 0x80 { high += 1 }
        guard high > 0 else { return }
        reserve(end + high)
        var write = end + high
        var read = end
        while read > start {
            read -= 1
            let byte = buffer[read]
            if byte < 0x80 {
                write -= 1
                buffer[write] = byte
            } else {
                write -= 2
                buffer[write] = 0xC0 | byte >> 6
                buffer[write + 1] = 0x80 | byte & 0x3F
            }
        }
        end += high
    }

    /// Checks `buffer[checked..<end]`; moves `checked` to the end of the last whole character,
    /// or to the first bad one.
    private func validate() {
        let buffer = buffer
        let limit = end
        var index = checked
        var needed = needed
        var lower = lower
        var upper = upper
        var sequence = sequence
        var sequenceStart = sequenceStart - base
        defer {
            self.needed = needed
            self.lower = lower
            self.upper = upper
            self.sequence = sequence
            self.sequenceStart = sequenceStart + base
        }
        while index < limit {
            // Eight printable ASCII bytes at a time: no high bit, none below 0x20.
            if needed == 0, index + 8 <= limit {
                let word = UnsafeRawPointer(buffer + index).loadUnaligned(as: UInt64.self)
                if (word | (word &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = buffer[index]
            if needed == 0 {
                if byte >= 0x20, byte < 0x80 {
                    index += 1
                    continue
                }
                sequence = UInt32(byte)
                sequenceStart = index
                switch byte {
                case 0x09, 0x0A, 0x0D: break
                case 0x00...0x1F:
                    refuse(at: index, XMLReaderMessage.controlCharacter(byte))
                    return
                case 0xC2...0xDF: needed = 1
                case 0xE0: needed = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2
                case 0xED: needed = 2; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90
                case 0xF1...0xF3: needed = 3
                case 0xF4: needed = 3; upper = 0x8F
                default:
                    refuse(at: index, XMLReaderMessage.invalidUTF8(byte))
                    return
                }
                index += 1
                continue
            }
            guard byte >= lower, byte <= upper else {
                refuse(at: sequenceStart, XMLReaderMessage.invalidUTF8(byte))
                return
            }
            sequence = sequence << 8 | UInt32(byte)
            if needed == 1, sequence == 0xEF_BFBE || sequence == 0xEF_BFBF {
                refuse(at: sequenceStart, XMLReaderMessage.nonCharacter(sequence == 0xEF_BFBE ? "FFFE" : "FFFF"))
                return
            }
            needed -= 1
            lower = 0x80
            upper = 0xBF
            index += 1
        }
        checked = needed > 0 ? sequenceStart : limit
    }

    private func refuse(at index: Int, _ message: String) {
        inputFailure = (base + index, message)
        checked = index
    }

    /// At the end of the file, a character cut short is invalid too.
    private func finishValidation() {
        guard needed > 0, inputFailure == nil else { return }
        inputFailure = (sequenceStart, XMLReaderMessage.endsInsideCharacter)
    }

    /// Line and character column of an absolute offset still in the buffer (or at its end).
    func location(ofAbsolute offset: Int) -> (line: Int, column: Int) {
        let target = min(offset, base + end) - base
        if base + target >= countedTo {
            advanceLines(to: target)
            return (countedLine, lineStartColumn + characters(from: lineStart - base, to: target))
        }
        // Before what was counted: from the start of the buffer.
        var line = baseLine
        var start = 0
        var startColumn = baseColumn
        for index in 0..<max(0, target) where buffer[index] == 0x0A {
            line += 1
            start = index + 1
            startColumn = 1
        }
        return (line, startColumn + characters(from: start, to: target))
    }

    /// The line of an absolute offset (no column: cheaper).
    func line(ofAbsolute offset: Int) -> Int {
        let target = min(offset, base + end) - base
        guard base + target >= countedTo else { return location(ofAbsolute: offset).line }
        advanceLines(to: target)
        return countedLine
    }

    /// Counts the line breaks up to `target` (an index in the buffer).
    private func advanceLines(to target: Int) {
        var index = countedTo - base
        while index < target, let found = memchr(buffer + index, 0x0A, target - index) {
            index = found.assumingMemoryBound(to: UInt8.self) - buffer + 1
            countedLine += 1
            lineStart = base + index
            lineStartColumn = 1
        }
        countedTo = base + target
    }

    /// Characters (UTF-8 lead bytes) in `buffer[from..<to]`.
    private func characters(from start: Int, to target: Int) -> Int {
        var count = 0
        for index in start..<max(start, target) where buffer[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

private func systemRead(_ descriptor: Int32, _ into: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, into, count)
}
