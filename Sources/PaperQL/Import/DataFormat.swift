import Foundation

/// The data formats `--data` understands, detected from the file name or, when that is not
/// enough (`.json`, `.jsonl`, `.xml`, no extension), from the first bytes of the file.
public enum DataFormat: String, Sendable, CaseIterable {
    /// PaperQL's own JSON Lines (see `NativeRecordDecoder`).
    case native
    case bibtex
    /// The arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`), JSON Lines.
    case arxiv
    /// `dblp.xml`.
    case dblp
    /// OpenAlex works, JSON Lines.
    case openalex
    /// ACL Anthology XML (`data/xml/*.xml`).
    case acl
    /// CSV with a header row naming native fields.
    case csv

    /// What the format is, for messages and help.
    public var displayName: String {
        switch self {
        case .native: "PaperQL JSON Lines"
        case .bibtex: "BibTeX"
        case .arxiv: "arXiv metadata JSON Lines"
        case .dblp: "DBLP XML"
        case .openalex: "OpenAlex works JSON Lines"
        case .acl: "ACL Anthology XML"
        case .csv: "CSV"
        }
    }

    /// The file extensions a directory scan picks up.
    static let knownExtensions: Set<String> = ["bib", "jsonl", "ndjson", "json", "xml", "csv"]

    /// Decides the format of a file from its extension and, when needed, its first bytes.
    /// Throws an `ImportIssue` (unknown format) when neither tells.
    public static func detect(path: String) throws(ImportIssue) -> DataFormat {
        // Detection reads the file's head: a FIFO or a device is refused before that open.
        if let refusal = InputFileKind.refusal(path) { throw refusal }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".bib") || lowered.hasSuffix(".bibtex") { return .bibtex }
        if lowered.hasSuffix(".csv") { return .csv }
        let head = readHead(path: path)
        if lowered.hasSuffix(".xml") { return try detectXML(head: head, path: path) }
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".json") {
            return detectJSONLines(head: head)
        }
        // No telling extension: look at the first significant character.
        let text = String(decoding: head, as: UTF8.self)
        switch text.first(where: { !$0.isWhitespace }) {
        case "@"?, "%"?: return .bibtex
        case "{"?: return detectJSONLines(head: head)
        case "<"?: return try detectXML(head: head, path: path)
        default:
            throw ImportIssue(
                .unknownFormat, file: path,
                message: "cannot tell the data format from the file name or its contents; name the file .jsonl, .bib, .xml or .csv, or pass --data-format (\(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    private static func readHead(path: String, count: Int = 1 << 16) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    /// The root element decides: `<dblp>` or `<collection>`.
    static func detectXML(head: [UInt8], path: String) throws(ImportIssue) -> DataFormat {
        let text = String(decoding: head, as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                // A declaration, comment or DOCTYPE: skip past its end.
                guard let close = after.firstIndex(of: ">") else { break }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            switch name {
            case "dblp": return .dblp
            case "collection", "volume": return .acl
            default:
                throw ImportIssue(
                    .unknownFormat, file: path,
                    message: "XML with root element <\(name)> is neither DBLP (<dblp>) nor ACL Anthology (<collection>); pass --data-format if it is one of them")
            }
        }
        throw ImportIssue(.unknownFormat, file: path, message: "no XML root element in the first 64 KB of the file")
    }

    /// The first JSON object decides: arXiv and OpenAlex records have telltale fields.
    static func detectJSONLines(head: [UInt8]) -> DataFormat {
        // One document (an array, or a pretty-printed API page): telltale member names decide.
        if JSONLinesImporter.isDocument(head: head) {
            if containsBytes(head, "\"authorships\"") || containsBytes(head, "\"abstract_inverted_index\"")
                || containsBytes(head, "\"https://openalex.org/W") { return .openalex }
            if containsBytes(head, "\"authors_parsed\"") { return .arxiv }
            return .native
        }
        for line in head.split(separator: UInt8(ascii: "\n")) {
            guard let value = try? JSONParser.parse(line) else {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return .native
            }
            if value["authors_parsed"] != nil || (value["versions"] != nil && value["update_date"] != nil) {
                return .arxiv
            }
            let record = JSONLinesImporter.pageResults(value)?.first ?? value
            if record["authorships"] != nil || record["abstract_inverted_index"] != nil {
                return .openalex
            }
            if case .string(let id)? = record["id"], id.hasPrefix("https://openalex.org/") { return .openalex }
            return .native
        }
        return .native
    }

    private static func containsBytes(_ head: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= head.count else { return false }
        return (0...(head.count - needle.count)).contains { start in head[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
