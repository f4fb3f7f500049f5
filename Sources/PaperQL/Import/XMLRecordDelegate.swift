import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SAX plumbing the XML importers share: it tracks element depth, gathers the text of a
/// field element with any markup inside it flattened (`<i>`, `<fixed-case>`, `<tex-math>`), and
/// runs the parse over an `EntityRewritingStream` so that memory stays bounded whatever the size
/// of the file.
class XMLRecordDelegate: NSObject, XMLParserDelegate {
    var sink: ImportSink
    /// Set when a bad record must stop the import (`--strict`).
    var stop: ImportStop?
    private(set) var depth = 0
    /// The root element has ended: the document is complete.
    private var rootClosed = false
    private var captureDepth: Int?
    private var captured = ""
    private var capturedTooLong = false
    let totalBytes: Int?
    weak var stream: EntityRewritingStream?
    private(set) var parser: XMLParser?

    /// Longest field text kept.
    static let maximumFieldLength = ImportLimits.valueBytes

    init(sink: ImportSink, totalBytes: Int?) {
        self.sink = sink
        self.totalBytes = totalBytes
    }

    /// Parses the file; returns the sink with everything counted, or throws the problem that
    /// stopped it.
    func run(path: String) throws(ImportStop) -> ImportSink {
        guard let stream = EntityRewritingStream(path: path) else {
            throw ImportStop(issue: ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (does it exist, and is it readable?)"))
        }
        self.stream = stream
        let parser = XMLParser(stream: stream)
        self.parser = parser
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        for entity in stream.unknownEntities {
            sink.warn(sink.issue(.unknownEntity, line: entity.line, "unknown entity &\(entity.name); kept as text"))
        }
        if stream.unknownEntityCount > stream.unknownEntities.count {
            sink.warn(sink.issue(.unknownEntity, "\(stream.unknownEntityCount - stream.unknownEntities.count) more unknown entities"))
        }
        if let stop { throw stop }
        if let failure = stream.failure {
            throw ImportStop(issue: sink.issue(.malformedXML, line: failure.line, column: failure.column, "malformed XML: \(failure.message)"))
        }
        if !ok {
            let message = parser.parserError.map(Self.describe) ?? "the XML parser stopped"
            throw ImportStop(issue: sink.issue(.malformedXML, line: parser.lineNumber, column: parser.columnNumber, "malformed XML: \(message)"))
        }
        guard rootClosed else {
            throw ImportStop(issue: sink.issue(.malformedXML, line: parser.lineNumber, "malformed XML: the file ends before its root element is closed (truncated?)"))
        }
        sink.read(bytes: stream.bytesConsumed, totalBytes: totalBytes)
        return sink
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        let code = nsError.code
        // libxml2's messages are not carried through on Linux; name the common ones.
        switch code {
        case 5: return "the file ends before the document is complete (truncated?)"
        case 9: return "invalid character (is the file valid UTF-8?)"
        case 26: return "undeclared entity"
        case 68: return "a name was expected (a stray `<` or `&`?)"
        case 73, 76: return "mismatched or unclosed tag"
        case 4: return "empty document"
        default: return "parser error \(code) (\(nsError.localizedDescription))"
        }
    }

    // MARK: Hooks for the importers

    func startElement(_ name: String, attributes: [String: String]) {}
    /// `text` is the flattened text when the element was captured.
    func endElement(_ name: String, text: String?) {}

    /// Gathers the text of the element just started, markup inside it included.
    func captureText() {
        captureDepth = depth
        captured = ""
        capturedTooLong = false
    }

    var currentLine: Int { parser?.lineNumber ?? 0 }

    /// Reports progress and stops the parse when the sink says so.
    func handle(_ body: () throws(ImportStop) -> Void) {
        do {
            try body()
        } catch {
            stop = error
            parser?.abortParsing()
        }
        if let stream { sink.read(bytes: stream.bytesConsumed, totalBytes: totalBytes) }
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        if captureDepth != nil { return }
        startElement(elementName, attributes: attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        defer { depth -= 1 }
        if depth == 1 { rootClosed = true }
        if let captureDepth {
            guard depth == captureDepth else { return }
            self.captureDepth = nil
            endElement(elementName, text: captured)
            return
        }
        endElement(elementName, text: nil)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard captureDepth != nil, !capturedTooLong else { return }
        if captured.utf8.count + string.utf8.count > Self.maximumFieldLength {
            capturedTooLong = true
            // A limit is said, with its place, never applied silently.
            sink.warn(sink.issue(.tooLarge, line: parser.lineNumber, "the text of an element is longer than \(Self.maximumFieldLength >> 20) MB; only its first \(Self.maximumFieldLength >> 20) MB are kept"))
            return
        }
        captured += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }
}
