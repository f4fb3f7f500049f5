import Foundation

/// White space in UTF-8 bytes, as `Character.isWhitespace` reads it (Unicode's White_Space:
/// tab to carriage return, space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000), without making characters: the importers split and collapse titles and
/// names a million times per file.
enum WhiteSpace {
    /// The length in bytes of the white space character at `index`, or 0 when there is none.
    @inline(__always)
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let count = bytes.count
        switch byte {
        case 0xC2:
            guard index + 1 < count else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < count else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// `text` with every run of white space made one space and none at either end; the same
    /// string when there is nothing to change.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard needsCollapsing(bytes) else { return nil }
            var output: [UInt8] = []
            collapse(bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// Calls `body` with `bytes` collapsed as `collapsed(_:)` does: `bytes` themselves when
    /// nothing changes, else the collapsed copy made in `scratch`.
    static func withCollapsed<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard needsCollapsing(bytes) else { return body(bytes) }
        scratch.removeAll(keepingCapacity: true)
        collapse(bytes, into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(bytes.count)
        var sawSpace = false
        var index = 0
        while index < bytes.count {
            let space = length(bytes, at: index)
            if space > 0 {
                sawSpace = true
                index += space
                continue
            }
            if sawSpace, !output.isEmpty { output.append(0x20) }
            sawSpace = false
            output.append(bytes[index])
            index += 1
        }
    }

    /// Whether `collapsed` would change anything: white space at an end, in a run, or other than
    /// a plain space.
    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true  // so that leading white space counts
        var index = 0
        while index < bytes.count {
            let space = length(bytes, at: index)
            if space > 0 {
                if previousWasSpace || space != 1 || bytes[index] != 0x20 { return true }
                previousWasSpace = true
                index += space
            } else {
                previousWasSpace = false
                index += 1
            }
        }
        return previousWasSpace && !bytes.isEmpty
    }

    /// `text` without white space at either end.
    static func trimmed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end {
                let space = length(bytes, at: start)
                if space == 0 { break }
                start += space
            }
            if start == end { return "" }
            // Backwards: white space is at most three bytes; test each start that could begin one.
            while end > start {
                var stepped = false
                for width in 1...3 where end - width >= start {
                    if length(bytes, at: end - width) == width {
                        end -= width
                        stepped = true
                        break
                    }
                }
                if !stepped { break }
            }
            return start == 0 && end == bytes.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } ?? text
    }
}
