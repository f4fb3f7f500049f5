/// The plumbing the XML importers share, over an `XMLReader`: it tracks element depth, gathers
/// the text of a field element with any markup inside it flattened (`<i>`, `<fixed-case>`,
/// `<tex-math>`) up to `ImportLimits.valueBytes`, reports unknown entities as warnings, and turns
/// the reader's refusal into an `ImportStop` with its line and column.
///
/// Its state, like the reader's, is `@exclusivity(unchecked)`: one thread reads a file, and no
/// access is held across a call, while the runtime's checks were a fifth of the reading time.
class XMLRecordDelegate: XMLReaderHandler {
    @exclusivity(unchecked) var sink: ImportSink
    /// Set when a bad record must stop the import (`--strict`).
    @exclusivity(unchecked) var stop: ImportStop?
    @exclusivity(unchecked) private(set) var depth = 0
    @exclusivity(unchecked) private var captureDepth: Int?
    @exclusivity(unchecked) private var captured: [UInt8] = []
    @exclusivity(unchecked) private var capturedTooLong = false
    let totalBytes: Int?
    @exclusivity(unchecked) private var reader: XMLReader?

    /// Longest field text kept.
    static let maximumFieldLength = ImportLimits.valueBytes

    /// The file's path, as issues name it.
    let path: String

    init(sink: ImportSink, totalBytes: Int?) {
        self.sink = sink
        self.path = sink.path
        self.totalBytes = totalBytes
    }

    /// Reads the file; returns the sink with everything counted, or throws the problem that
    /// stopped it.
    func run(path: String) throws(ImportStop) -> ImportSink {
        guard let reader = XMLReader(path: path) else {
            throw ImportStop(issue: ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)"))
        }
        self.reader = reader
        defer { self.reader = nil }
        let failure = reader.read(into: self)
        finishReading()
        for entity in reader.unknownEntities {
            sink.warn(sink.issue(.unknownEntity, line: entity.line, "unknown entity &\(entity.name); kept as text"))
        }
        if reader.unknownEntityCount > reader.unknownEntities.count {
            sink.warn(sink.issue(.unknownEntity, "\(reader.unknownEntityCount - reader.unknownEntities.count) more unknown entities"))
        }
        if let stop { throw stop }
        if let failure {
            throw ImportStop(issue: sink.issue(.malformedXML, line: failure.line, column: failure.column, "malformed XML: \(failure.message)"))
        }
        sink.read(bytes: reader.bytesRead, totalBytes: totalBytes)
        return sink
    }

    // MARK: Hooks for the importers

    func startElement(_ name: String, attributes: XMLAttributes) {}
    /// `text` is the flattened text when the element was captured.
    func endElement(_ name: String, text: String?) {}
    /// The flattened text's bytes when the element was captured (valid only during the call);
    /// by default, `endElement(_:text:)` with the text as a `String`.
    func endElement(_ name: String, captured: UnsafeBufferPointer<UInt8>?) {
        endElement(name, text: captured.map { String(decoding: $0, as: UTF8.self) })
    }
    /// Called once the file is read, or its reading stopped: for work an importer hands to
    /// another thread or batches. `stop` is read only after it returns.
    func finishReading() {}

    /// A problem found while reading, in the file's order with the records (an importer that
    /// hands records to another thread queues it with them).
    func warnWhileReading(_ issue: ImportIssue) {
        sink.warn(issue)
    }

    /// Stops the reading at the next element (from the reading thread only).
    func abortReading() {
        reader?.abort()
    }

    /// Bytes of the file read so far (from the reading thread only).
    var bytesRead: Int { reader?.bytesRead ?? 0 }

    /// Gathers the text of the element just started, markup inside it included.
    func captureText() {
        captureDepth = depth
        captured.removeAll(keepingCapacity: true)
        capturedTooLong = false
    }

    var currentLine: Int { reader?.currentLine ?? 0 }

    /// Reports progress and stops the reading when the sink says so.
    func handle(_ body: () throws(ImportStop) -> Void) {
        do {
            try body()
        } catch {
            stop = error
            reader?.abort()
        }
        if let reader { sink.read(bytes: reader.bytesRead, totalBytes: totalBytes) }
    }

    // MARK: XMLReaderHandler

    func startElement(_ name: String, reader: XMLReader) {
        depth += 1
        if captureDepth != nil { return }
        startElement(name, attributes: XMLAttributes(reader: reader))
    }

    func endElement(_ name: String, reader: XMLReader) {
        defer { depth -= 1 }
        if let captureDepth {
            guard depth == captureDepth else { return }
            self.captureDepth = nil
            captured.withUnsafeBufferPointer { endElement(name, captured: $0) }
            return
        }
        endElement(name, captured: nil)
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, reader: XMLReader) {
        guard captureDepth != nil, !capturedTooLong else { return }
        guard captured.count + bytes.count > Self.maximumFieldLength else {
            captured.append(contentsOf: bytes)
            return
        }
        // The first megabyte is kept, cut at a character's start.
        var room = Self.maximumFieldLength - captured.count
        while room > 0, room < bytes.count, bytes[room] & 0xC0 == 0x80 { room -= 1 }
        captured.append(contentsOf: bytes[..<room])
        capturedTooLong = true
        // A limit is said, with its place, never applied silently.
        warnWhileReading(ImportIssue(.tooLarge, file: path, line: reader.currentLine, message: "the text of an element is longer than \(ImportLimits.describe(bytes: Self.maximumFieldLength)); only its first \(ImportLimits.describe(bytes: Self.maximumFieldLength)) are kept"))
    }
}

/// The attributes of the element just started, looked up by name; valid only during
/// `XMLRecordDelegate.startElement(_:attributes:)`.
struct XMLAttributes {
    let reader: XMLReader

    subscript(name: String) -> String? { reader.attribute(name) }
}
