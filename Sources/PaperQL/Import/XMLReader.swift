import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an `XMLReader` tells as it reads: elements as they start and end, and character data
/// (entities and character references already replaced) in as many pieces as it comes in.
protocol XMLReaderHandler: AnyObject {
    /// The attributes of the element are `reader.attributes()` until the next event.
    func startElement(_ name: String, reader: XMLReader)
    func endElement(_ name: String, reader: XMLReader)
    /// Character data inside the root element; the bytes are valid only during the call.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, reader: XMLReader)
}

/// Our own streaming reader of the XML that DBLP and the ACL Anthology write, over the file's
/// bytes read in chunks (memory stays bounded whatever the file's size, but for one tag, at most
/// `maximumTagBytes`).
///
/// It reads: the XML declaration (UTF-8, US-ASCII, or ISO-8859-1, which is converted; any other
/// encoding is refused), a DOCTYPE with or without an internal subset (skipped: external DTDs are
/// never loaded), comments and processing instructions (skipped), CDATA sections (text), start,
/// end and empty-element tags with quoted attributes, character data, XML's five entities,
/// decimal and hex character references, and HTML's named entities (`&uuml;`, which `dblp.dtd`
/// declares). An entity it does not know stays as the text `&name;` and is listed
/// (`unknownEntities`). Every byte is checked as UTF-8 and every character as one XML 1.0 allows.
///
/// It refuses, with the line and character column: invalid UTF-8 and forbidden characters, a
/// mismatched end tag, a file that ends inside its root element, a stray `<` or `&`, text or
/// markup after the root element, an attribute without quotes or without a value, and a
/// duplicate attribute. Namespaces are not interpreted (a prefixed name is just a name).
///
/// Its state is `@exclusivity(unchecked)`: one thread reads a file and no access is held across
/// a call, while the runtime's checks of every property access were a fifth of the reading time.
final class XMLReader {
    struct Failure: Error, Equatable, CustomStringConvertible {
        let line: Int
        let column: Int
        let message: String

        var description: String { "\(line):\(column): \(message)" }
    }

    struct UnknownEntity: Equatable {
        let name: String
        let line: Int
    }

    /// Longest tag (name and attributes) read; past it the file is refused.
    static let maximumTagBytes = 4 * ImportLimits.valueBytes
    /// Unknown entities listed one by one; the rest are only counted.
    static let listedUnknownEntities = 100

    enum Source {
        case file(Int32)
        case bytes([UInt8], chunkSize: Int)
    }

    let source: Source
    let chunkSize: Int
    @exclusivity(unchecked) var sourceOffset = 0

    // The buffer: `buffer[0..<end]` holds the file's bytes from the absolute offset `base`
    // (converted to UTF-8 when the file is ISO-8859-1); `buffer[pos..<checked]` is validated and
    // not yet read.
    @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var capacity: Int
    @exclusivity(unchecked) var base = 0
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var end = 0
    @exclusivity(unchecked) var checked = 0
    @exclusivity(unchecked) var atEOF = false
    /// The first bad byte (absolute offset) and why: the input ends there.
    @exclusivity(unchecked) var inputFailure: (offset: Int, message: String)?
    /// Bytes of the file read so far.
    @exclusivity(unchecked) var bytesRead = 0
    @exclusivity(unchecked) var convertsLatin1 = false

    // UTF-8 validation state between chunks.
    @exclusivity(unchecked) var needed = 0
    @exclusivity(unchecked) var lower: UInt8 = 0x80
    @exclusivity(unchecked) var upper: UInt8 = 0xBF
    @exclusivity(unchecked) var sequence: UInt32 = 0
    @exclusivity(unchecked) var sequenceStart = 0

    // Lines, counted up to `countedTo` (absolute); `baseLine`/`baseColumn` are the place of
    // `base`.
    @exclusivity(unchecked) var countedTo = 0
    @exclusivity(unchecked) var countedLine = 1
    /// Where the line of `countedTo` starts (absolute, never before `base`) and its column.
    @exclusivity(unchecked) var lineStart = 0
    @exclusivity(unchecked) var lineStartColumn = 1
    @exclusivity(unchecked) var baseLine = 1
    @exclusivity(unchecked) var baseColumn = 1

    /// Names of the open elements, outermost first.
    @exclusivity(unchecked) private var openElements: [String] = []
    @exclusivity(unchecked) private var rootSeen = false
    @exclusivity(unchecked) private var doctypeSeen = false
    /// Absolute offset of the markup being reported (the `<` of a tag, the start of a text).
    @exclusivity(unchecked) private var eventStart = 0
    @exclusivity(unchecked) var names = XMLNameTable()
    @exclusivity(unchecked) private var aborted = false

    // The attributes of the last start tag: names and ranges of `attributeValues`.
    @exclusivity(unchecked) private var attributeNames: [String] = []
    @exclusivity(unchecked) private var attributeRanges: [Range<Int>] = []
    @exclusivity(unchecked) var attributeValues: [UInt8] = []

    @exclusivity(unchecked) private(set) var unknownEntities: [UnknownEntity] = []
    @exclusivity(unchecked) private(set) var unknownEntityCount = 0
    /// Unknown entities of a tag being read, kept when the tag is complete (a tag cut by the
    /// buffer's end is read again).
    @exclusivity(unchecked) var pendingUnknown: [(name: String, offset: Int)] = []

    init(source: Source) {
        self.source = source
        switch source {
        case .file: chunkSize = 1 << 18
        case .bytes(_, let size): chunkSize = max(1, size)
        }
        capacity = max(2 * chunkSize + 2048, 4096)
        buffer = .allocate(capacity: capacity)
    }

    /// Opens the file (special files are refused first); nil when it cannot be read.
    convenience init?(path: String) {
        guard InputFileKind.refusal(path) == nil else { return nil }
        let descriptor = systemOpen(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.init(source: .file(descriptor))
    }

    deinit {
        buffer.deallocate()
        if case .file(let descriptor) = source { systemClose(descriptor) }
    }

    /// Stops the reading after the current event.
    func abort() { aborted = true }

    /// Depth of the element being read (1 for the root).
    var depth: Int { openElements.count }

    /// The line of the event being reported.
    var currentLine: Int { line(ofAbsolute: eventStart) }

    /// The attributes of the element just started.
    func attributes() -> [String: String] {
        // Most elements have none: no dictionary is made for them.
        guard !attributeNames.isEmpty else { return [:] }
        var result = [String: String](minimumCapacity: attributeNames.count)
        for index in attributeNames.indices {
            result[attributeNames[index]] = String(decoding: attributeValues[attributeRanges[index]], as: UTF8.self)
        }
        return result
    }

    /// The value of the attribute `name` of the element just started, or nil (no dictionary is
    /// made: records ask for one or two of their few attributes).
    func attribute(_ name: String) -> String? {
        guard let index = attributeNames.firstIndex(of: name) else { return nil }
        return String(decoding: attributeValues[attributeRanges[index]], as: UTF8.self)
    }

    /// Reads the whole input, telling `handler`; returns the problem that stopped it, if any.
    func read<Handler: XMLReaderHandler>(into handler: Handler) -> Failure? {
        if let failure = begin() { return failure }
        while !aborted {
            if pos >= checked {
                if fill(keeping: pos) { continue }
                return endOfInput()
            }
            let step: Step
            switch buffer[pos] {
            case UInt8(ascii: "<"): step = markup(handler)
            case UInt8(ascii: "&"): step = textEntity(handler)
            default: step = text(handler)
            }
            switch step {
            case .done: continue
            case .needMore(let keep, let inside):
                if !fill(keeping: keep) { return inputFailureOrEnd(inside: inside) }
            case .failure(let failure): return failure
            }
        }
        return nil
    }

    enum Step {
        case done
        /// The token from `keep` is cut by the end of the buffer; `inside` names it for a
        /// message if the file ends there.
        case needMore(keep: Int, inside: String)
        case failure(Failure)
    }

    func failure(at index: Int, _ message: String) -> Step {
        .failure(failure(atAbsolute: base + index, message))
    }

    func failure(atAbsolute offset: Int, _ message: String) -> Failure {
        let (line, column) = location(ofAbsolute: offset)
        return Failure(line: line, column: column, message: message)
    }

    /// The input ended (or hit a bad byte) between tokens.
    private func endOfInput() -> Failure? {
        if let inputFailure { return failure(atAbsolute: inputFailure.offset, inputFailure.message) }
        if !openElements.isEmpty { return failure(atAbsolute: base + pos, XMLReaderMessage.unclosedRoot) }
        if !rootSeen { return failure(atAbsolute: base + pos, XMLReaderMessage.noRootElement) }
        return nil
    }

    func inputFailureOrEnd(inside: String) -> Failure {
        if let inputFailure { return failure(atAbsolute: inputFailure.offset, inputFailure.message) }
        return failure(atAbsolute: base + end, XMLReaderMessage.endsInside(inside, rootOpen: !openElements.isEmpty))
    }

    // MARK: Character data

    private func text<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        let buffer = buffer
        let start = pos
        let limit = checked
        var index = start
        if openElements.isEmpty {
            // Outside the root element only white space may stand.
            while index < limit {
                switch buffer[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                case UInt8(ascii: "<"), UInt8(ascii: "&"):
                    pos = index
                    return .done
                default:
                    return failure(at: index, rootSeen ? XMLReaderMessage.afterRoot : XMLReaderMessage.beforeRoot)
                }
            }
            pos = index
            return .done
        }
        while index < limit {
            let byte = buffer[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0x0D { break }
            index += 1
        }
        if index > start {
            eventStart = base + start
            handler.text(UnsafeBufferPointer(start: buffer + start, count: index - start), reader: self)
            pos = index
            return .done
        }
        // A carriage return: `\r\n` and a lone `\r` are one line feed.
        if index + 1 >= limit, !atEOF, inputFailure == nil { return .needMore(keep: index, inside: "a text") }
        var lineFeed: UInt8 = 0x0A
        eventStart = base + index
        withUnsafePointer(to: &lineFeed) { handler.text(UnsafeBufferPointer(start: $0, count: 1), reader: self) }
        pos = index + 1 < limit && buffer[index + 1] == 0x0A ? index + 2 : index + 1
        return .done
    }

    private func textEntity<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        if openElements.isEmpty { return failure(at: pos, rootSeen ? XMLReaderMessage.afterRoot : XMLReaderMessage.beforeRoot) }
        switch entity(at: pos) {
        case .needMore: return .needMore(keep: pos, inside: "an entity reference")
        case .failure(let failure): return .failure(failure)
        case .decoded(let bytes, let next):
            eventStart = base + pos
            var bytes = bytes
            withUnsafeBytes(of: &bytes.storage) { raw in
                handler.text(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: bytes.count), reader: self)
            }
            pos = next
        case .unknown(let name, let next):
            eventStart = base + pos
            noteUnknownEntity(name, atAbsolute: base + pos)
            handler.text(UnsafeBufferPointer(start: buffer + pos, count: next - pos), reader: self)
            pos = next
        }
        return .done
    }

    func noteUnknownEntity(_ name: String, atAbsolute offset: Int) {
        unknownEntityCount += 1
        if unknownEntities.count < Self.listedUnknownEntities {
            unknownEntities.append(UnknownEntity(name: name, line: line(ofAbsolute: offset)))
        }
    }

    // MARK: Markup

    private func markup<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        let start = pos
        guard start + 1 < checked else { return .needMore(keep: start, inside: "a tag") }
        switch buffer[start + 1] {
        case UInt8(ascii: "/"): return endTag(handler)
        case UInt8(ascii: "!"): return declaration(handler)
        case UInt8(ascii: "?"):
            pos = start + 2
            return skip(until: Array("?>".utf8), inside: "a processing instruction")
        case let byte where XMLNameTable.isNameStart(byte): return startTag(handler)
        default: return failure(at: start, XMLReaderMessage.strayAngle)
        }
    }

    private func startTag<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        let start = pos
        if openElements.isEmpty, rootSeen { return failure(at: start, XMLReaderMessage.afterRoot) }
        switch readAttributes(from: start) {
        case .needMore: return .needMore(keep: start, inside: "a tag")
        case .failure(let failure): return .failure(failure)
        case .tag(let name, let next, let empty):
            if next - start > Self.maximumTagBytes { return failure(at: start, XMLReaderMessage.tagTooLong) }
            for unknown in pendingUnknown { noteUnknownEntity(unknown.name, atAbsolute: unknown.offset) }
            pendingUnknown.removeAll(keepingCapacity: true)
            rootSeen = true
            openElements.append(name)
            eventStart = base + start
            pos = next
            handler.startElement(name, reader: self)
            if empty {
                handler.endElement(name, reader: self)
                openElements.removeLast()
            }
            return .done
        }
    }

    private func endTag<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        let buffer = buffer
        let start = pos
        let limit = checked
        var index = start + 2
        while index < limit, XMLNameTable.isNameByte(buffer[index]) { index += 1 }
        let nameEnd = index
        while index < limit, Self.isSpace(buffer[index]) { index += 1 }
        guard index < limit else {
            if limit - start > Self.maximumTagBytes { return failure(at: start, XMLReaderMessage.tagTooLong) }
            return .needMore(keep: start, inside: "an end tag")
        }
        guard nameEnd > start + 2, XMLNameTable.isNameStart(buffer[start + 2]) else {
            return failure(at: start, XMLReaderMessage.endTagWithoutName)
        }
        let name = names.string(buffer + start + 2, count: nameEnd - start - 2)
        guard buffer[index] == UInt8(ascii: ">") else { return failure(at: index, XMLReaderMessage.endTagNotClosed(name)) }
        guard let innermost = openElements.last else {
            return failure(at: start, rootSeen ? XMLReaderMessage.afterRoot : XMLReaderMessage.endTagWithoutStart(name))
        }
        guard innermost == name else { return failure(at: start, XMLReaderMessage.mismatchedEndTag(name, open: innermost)) }
        eventStart = base + start
        pos = index + 1
        handler.endElement(name, reader: self)
        openElements.removeLast()
        return .done
    }

    /// `<!--`, `<![CDATA[` or `<!DOCTYPE`.
    private func declaration<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        let start = pos
        let available = checked - start
        func starts(with text: StaticString) -> Bool? {
            let count = text.utf8CodeUnitCount
            let compared = min(count, available)
            for offset in 0..<compared where buffer[start + offset] != text.utf8Start[offset] { return false }
            return compared == count ? true : nil
        }
        let comment = starts(with: "<!--")
        if comment == true {
            pos = start + 4
            return skip(until: Array("-->".utf8), inside: "a comment")
        }
        let cdata = starts(with: "<![CDATA[")
        if cdata == true {
            if openElements.isEmpty { return failure(at: start, rootSeen ? XMLReaderMessage.afterRoot : XMLReaderMessage.beforeRoot) }
            pos = start + 9
            return cdataSection(handler)
        }
        let doctype = starts(with: "<!DOCTYPE")
        if doctype == true {
            if rootSeen || doctypeSeen { return failure(at: start, XMLReaderMessage.misplacedDoctype) }
            doctypeSeen = true
            pos = start + 9
            return skipDoctype()
        }
        if comment == nil || cdata == nil || doctype == nil { return .needMore(keep: start, inside: "a declaration") }
        return failure(at: start, XMLReaderMessage.unknownDeclaration)
    }

    /// Skips to just after `terminator`, reading on as needed (a comment or an instruction may
    /// be longer than the buffer).
    private func skip(until terminator: [UInt8], inside: String) -> Step {
        let last = terminator[terminator.count - 1]
        while true {
            let buffer = buffer
            let limit = checked
            var index = pos + terminator.count - 1
            while index < limit {
                if buffer[index] == last {
                    var matches = true
                    for offset in 0..<terminator.count - 1 where buffer[index - terminator.count + 1 + offset] != terminator[offset] {
                        matches = false
                        break
                    }
                    if matches {
                        pos = index + 1
                        return .done
                    }
                }
                index += 1
            }
            // Keep what may be the start of the terminator.
            pos = max(pos, limit - (terminator.count - 1))
            if !fill(keeping: pos) { return .failure(inputFailureOrEnd(inside: inside)) }
        }
    }

    private func cdataSection<Handler: XMLReaderHandler>(_ handler: Handler) -> Step {
        while true {
            let buffer = buffer
            let limit = checked
            var index = pos
            while index + 2 < limit {
                if buffer[index] == UInt8(ascii: "]"), buffer[index + 1] == UInt8(ascii: "]"), buffer[index + 2] == UInt8(ascii: ">") {
                    if index > pos {
                        eventStart = base + pos
                        handler.text(UnsafeBufferPointer(start: buffer + pos, count: index - pos), reader: self)
                    }
                    pos = index + 3
                    return .done
                }
                index += 1
            }
            if index > pos {
                eventStart = base + pos
                handler.text(UnsafeBufferPointer(start: buffer + pos, count: index - pos), reader: self)
                pos = index
            }
            if !fill(keeping: pos) { return .failure(inputFailureOrEnd(inside: "a CDATA section")) }
        }
    }

    /// Skips `<!DOCTYPE …>` with its internal subset: quoted strings and comments in it may hold
    /// `]` and `>`.
    private func skipDoctype() -> Step {
        var quote: UInt8 = 0
        var inSubset = false
        var inComment = false
        var recent: UInt32 = 0
        while true {
            let buffer = buffer
            let limit = checked
            var index = pos
            while index < limit {
                let byte = buffer[index]
                index += 1
                recent = recent << 8 | UInt32(byte)
                if inComment {
                    if recent & 0xFF_FFFF == 0x2D_2D3E { inComment = false }
                } else if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if inSubset {
                    if byte == UInt8(ascii: "]") {
                        inSubset = false
                    } else if recent == 0x3C21_2D2D {
                        inComment = true
                    }
                } else if byte == UInt8(ascii: "[") {
                    inSubset = true
                } else if byte == UInt8(ascii: ">") {
                    pos = index
                    return .done
                }
            }
            pos = index
            if !fill(keeping: pos) { return .failure(inputFailureOrEnd(inside: "the DOCTYPE")) }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    // MARK: Tags

    enum TagResult {
        case needMore
        case failure(Failure)
        case tag(name: String, next: Int, empty: Bool)
    }

    /// Reads a start tag at `start` (its `<`) with its attributes into `attributeNames`,
    /// `attributeRanges` and `attributeValues`.
    private func readAttributes(from start: Int) -> TagResult {
        let buffer = buffer
        let limit = checked
        var index = start + 1
        func cut() -> TagResult {
            if limit - start > Self.maximumTagBytes { return .failure(failure(atAbsolute: base + start, XMLReaderMessage.tagTooLong)) }
            return .needMore
        }
        while index < limit, XMLNameTable.isNameByte(buffer[index]) { index += 1 }
        guard index < limit else { return cut() }
        let name = names.string(buffer + start + 1, count: index - start - 1)
        if !attributeNames.isEmpty {
            attributeNames.removeAll(keepingCapacity: true)
            attributeRanges.removeAll(keepingCapacity: true)
        }
        if !attributeValues.isEmpty { attributeValues.removeAll(keepingCapacity: true) }
        if !pendingUnknown.isEmpty { pendingUnknown.removeAll(keepingCapacity: true) }
        var seenAttributes: Set<String>?
        while true {
            let spaceStart = index
            while index < limit, Self.isSpace(buffer[index]) { index += 1 }
            guard index < limit else { return cut() }
            let byte = buffer[index]
            if byte == UInt8(ascii: ">") { return .tag(name: name, next: index + 1, empty: false) }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < limit else { return cut() }
                guard buffer[index + 1] == UInt8(ascii: ">") else {
                    return .failure(failure(atAbsolute: base + index, XMLReaderMessage.slashWithoutAngle(name)))
                }
                return .tag(name: name, next: index + 2, empty: true)
            }
            guard XMLNameTable.isNameStart(byte) else {
                return .failure(failure(atAbsolute: base + index, XMLReaderMessage.badInTag(name)))
            }
            guard index > spaceStart else {
                return .failure(failure(atAbsolute: base + index, XMLReaderMessage.attributesNotSeparated(name)))
            }
            let attributeStart = index
            while index < limit, XMLNameTable.isNameByte(buffer[index]) { index += 1 }
            guard index < limit else { return cut() }
            let attribute = names.string(buffer + attributeStart, count: index - attributeStart)
            while index < limit, Self.isSpace(buffer[index]) { index += 1 }
            guard index < limit else { return cut() }
            guard buffer[index] == UInt8(ascii: "=") else {
                return .failure(failure(atAbsolute: base + index, XMLReaderMessage.attributeWithoutValue(attribute, element: name)))
            }
            index += 1
            while index < limit, Self.isSpace(buffer[index]) { index += 1 }
            guard index < limit else { return cut() }
            let quote = buffer[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                return .failure(failure(atAbsolute: base + index, XMLReaderMessage.unquotedAttribute(attribute, element: name)))
            }
            // A few attributes are compared in turn; past 16 (hostile input) a set keeps the
            // check linear in the tag's length.
            let duplicate: Bool
            if attributeNames.count < 16 {
                duplicate = attributeNames.contains(attribute)
            } else {
                if seenAttributes == nil { seenAttributes = Set(attributeNames) }
                duplicate = !seenAttributes!.insert(attribute).inserted
            }
            if duplicate {
                return .failure(failure(atAbsolute: base + attributeStart, XMLReaderMessage.duplicateAttribute(attribute, element: name)))
            }
            index += 1
            let valueStart = attributeValues.count
            while true {
                guard index < limit else { return cut() }
                let byte = buffer[index]
                if byte == quote {
                    index += 1
                    break
                }
                switch byte {
                case UInt8(ascii: "<"):
                    return .failure(failure(atAbsolute: base + index, XMLReaderMessage.angleInAttribute(attribute, element: name)))
                case UInt8(ascii: "&"):
                    switch entity(at: index) {
                    case .needMore: return cut()
                    case .failure(let failure): return .failure(failure)
                    case .decoded(let bytes, let next):
                        for offset in 0..<bytes.count { attributeValues.append(bytes[offset]) }
                        index = next
                    case .unknown(let unknown, let next):
                        pendingUnknown.append((unknown, base + index))
                        attributeValues.append(contentsOf: UnsafeBufferPointer(start: buffer + index, count: next - index))
                        index = next
                    }
                case 0x0D:
                    // `\r\n` is one line break; line breaks and tabs are spaces in a value.
                    guard index + 1 < limit else { return cut() }
                    attributeValues.append(0x20)
                    index += buffer[index + 1] == 0x0A ? 2 : 1
                case 0x0A, 0x09:
                    attributeValues.append(0x20)
                    index += 1
                default:
                    attributeValues.append(byte)
                    index += 1
                }
            }
            attributeNames.append(attribute)
            attributeRanges.append(valueStart..<attributeValues.count)
        }
    }
}

private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemClose(_ descriptor: Int32) { close(descriptor) }
