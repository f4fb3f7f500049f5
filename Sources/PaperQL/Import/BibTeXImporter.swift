import Foundation

/// Imports BibTeX (`.bib`) files: each entry becomes a paper whose id is its citation key.
///
/// Entry types map to paper types: `inproceedings`/`conference` → conference; `article` →
/// journal, or preprint when the journal is arXiv/CoRR or absent with an eprint; `misc`,
/// `unpublished`, `online` with an arXiv eprint → preprint; `phdthesis`/`mastersthesis`/`thesis`
/// → thesis; `book`, `inbook`, `incollection` → book; anything else → other.
/// `crossref` and biblatex `xdata` fields are followed within the file (one level): the entry
/// inherits the fields it lacks; `@xdata` entries hold shared fields and are not papers.
/// `@string` macros carry from one file to the next in the order the files are given, so a file
/// of abbreviations can come before the bibliographies that use them.
enum BibTeXImporter {
    /// - Parameter macros: the macros of the files read before; on return, with this file's.
    static func read(path: String, totalBytes: Int?, macros: inout [String: String], into sink: inout ImportSink) throws(ImportStop) {
        var lexer: BibTeXLexer
        do {
            lexer = try BibTeXLexer(path: path, macros: macros)
        } catch {
            throw ImportStop(issue: error)
        }
        defer { macros = lexer.definedMacros }
        var entries = 0
        // Every entry by key, for `crossref` and `xdata`; entries that inherit wait for the end
        // of the file, since BibTeX puts the entries they cite after them.
        var known: [String: BibTeXEntry] = [:]
        var inheriting: [BibTeXEntry] = []
        // Entries are turned into records a batch at a time, half of the batch on each core;
        // problems and records keep the file's order.
        var batch: [Item] = []
        func flush() throws(ImportStop) {
            let middle = batch.count / 2
            let (first, second) = inParallel({ batch[..<middle].map(convert) }, { batch[middle...].map(convert) })
            batch.removeAll(keepingCapacity: true)
            for item in first + second {
                switch item {
                case .record(.success(let record)): sink.accept(record)
                case .record(.failure(let issue)), .problem(let issue): try sink.reject(issue)
                case .warning(let issue): sink.warn(issue)
                case .entry: break
                }
            }
        }
        func convert(_ item: Item) -> Item {
            if case .entry(let entry) = item { return .record(record(from: entry, path: path)) }
            return item
        }
        while let item = lexer.next() {
            sink.read(bytes: lexer.bytesRead, totalBytes: totalBytes)
            switch item {
            case .failure(let issue):
                batch.append(.problem(issue))
            case .entry(let entry):
                entries += 1
                batch += entry.warnings.map(Item.warning)
                known[WhiteSpace.trimmed(entry.key).lowercased()] = entry
                if entry["crossref"] != nil || entry["xdata"] != nil {
                    inheriting.append(entry)
                } else if entry.type != "xdata" {
                    batch.append(.entry(entry))
                }
            }
            if batch.count >= Self.batchSize { try flush() }
        }
        batch += inheriting.map { .entry(inherit($0, from: known)) }
        try flush()
        sink.read(bytes: lexer.bytesRead, totalBytes: totalBytes)
        if entries == 0, sink.report.rejected == 0, lexer.definedMacros == macros {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no BibTeX entries (@article{…}, @inproceedings{…}, …) in the file"))
        }
    }

    /// An entry on its way to the sink: read, turned into a record, or a problem of the lexer.
    private enum Item {
        case entry(BibTeXEntry)
        case record(Result<PaperRecord, ImportIssue>)
        case problem(ImportIssue)
        case warning(ImportIssue)
    }

    /// Entries converted together (half on each core).
    static let batchSize = 2048

    /// An entry with the fields it inherits: from each `xdata` entry it names (biblatex), then
    /// from its `crossref` entry, whose `title` is the child's `booktitle`. Its own fields win.
    static func inherit(_ entry: BibTeXEntry, from known: [String: BibTeXEntry]) -> BibTeXEntry {
        var merged = entry
        var present = Set(entry.fields.map(\.name))
        var parents: [(entry: BibTeXEntry, isCrossref: Bool)] = []
        for key in (entry["xdata"] ?? "").split(separator: ",") {
            if let parent = known[key.trimmingCharacters(in: .whitespaces).lowercased()] { parents.append((parent, false)) }
        }
        if let key = entry["crossref"], let parent = known[key.trimmingCharacters(in: .whitespaces).lowercased()] {
            parents.append((parent, true))
        }
        for (parent, isCrossref) in parents {
            for (name, value) in parent.fields where name != "crossref" && name != "xdata" {
                let target = isCrossref && name == "title" ? "booktitle" : name
                if present.insert(target).inserted { merged.fields.append((target, value)) }
            }
        }
        return merged
    }

    /// A field's LaTeX as plain text, white space already collapsed by the conversion; nil when
    /// the field is absent or empty.
    static func plainText(_ field: String?) -> String? {
        guard let field else { return nil }
        let text = LaTeXAccents.toUnicode(field)
        return text.isEmpty ? nil : text
    }

    static func record(from entry: BibTeXEntry, path: String) -> Result<PaperRecord, ImportIssue> {
        let key = WhiteSpace.trimmed(entry.key)
        guard !key.isEmpty else {
            return .failure(ImportIssue(.missingField, file: path, line: entry.line, message: "@\(entry.type) entry has no citation key"))
        }
        guard let title = plainText(entry["title"]) else {
            return .failure(ImportIssue(.missingField, file: path, line: entry.line, message: "@\(entry.type){\(key)} has no title"))
        }
        var record = PaperRecord(id: key, title: title)
        if let authors = entry["author"] {
            (record.authors, record.authorsTruncated) = BibTeXNames.parse(authors)
        }
        record.year = ImportText.year(entry["year"]) ?? ImportText.year(entry["date"])
        if let date = entry["date"].flatMap(ImportText.clean), date.count >= 4, date.prefix(4).allSatisfy(\.isNumber) {
            record.date = date
        } else {
            record.date = ImportText.date(year: record.year, month: ImportText.month(entry["month"]))
        }
        let journal = plainText(entry["journal"] ?? entry["journaltitle"])
        let booktitle = plainText(entry["booktitle"])
        record.venue = booktitle ?? journal
        record.doi = ImportText.doi(entry["doi"])
        record.arxivID = arxivID(of: entry, journal: journal)
        record.abstract = plainText(entry["abstract"])
        record.categories = ImportText.list((entry["keywords"] ?? entry["keyword"]).map(LaTeXAccents.toUnicode))
        record.institutions = [entry["school"], entry["institution"]].compactMap(plainText)
        record.type = paperType(entryType: entry.type, journal: journal, hasArxiv: record.arxivID != nil)
        if record.type == .preprint, record.venue == nil || journal.map(isArxivVenue) == true { record.venue = "arXiv" }
        return .success(record)
    }

    /// From `eprint` with `archivePrefix`/`eprinttype` arXiv, an `arxivid` field, or a journal
    /// like "arXiv preprint arXiv:1706.03762" / CoRR with `volume = {abs/…}`.
    static func arxivID(of entry: BibTeXEntry, journal: String?) -> String? {
        if let eprint = entry["eprint"] {
            let archive = (entry["archiveprefix"] ?? entry["eprinttype"])?.lowercased()
            if archive == nil || archive == "arxiv", let id = ImportText.arxivID(eprint) ?? (ImportText.isArxivID(eprint.trimmingCharacters(in: .whitespaces)) ? eprint.trimmingCharacters(in: .whitespaces) : nil) {
                return id
            }
        }
        if let id = entry["arxivid"].flatMap({ ImportText.arxivID($0) ?? (ImportText.isArxivID($0) ? $0 : nil) }) { return id }
        if let journal, isArxivVenue(journal) {
            return ImportText.arxivID(journal) ?? ImportText.arxivID(entry["volume"]) ?? ImportText.arxivID(entry["url"])
        }
        return nil
    }

    static func isArxivVenue(_ journal: String) -> Bool {
        let lowered = journal.lowercased()
        return lowered.contains("arxiv") || lowered == "corr"
    }

    static func paperType(entryType: String, journal: String?, hasArxiv: Bool) -> PaperType {
        switch entryType {
        case "inproceedings", "conference":
            return .conference
        case "article":
            if let journal { return isArxivVenue(journal) ? .preprint : .journal }
            return hasArxiv ? .preprint : .journal
        case "misc", "unpublished", "online", "electronic", "preprint", "techreport", "report":
            return hasArxiv || journal.map(isArxivVenue) == true ? .preprint : .other
        case "phdthesis", "mastersthesis", "thesis":
            return .thesis
        case "book", "inbook", "incollection", "booklet", "mvbook", "collection":
            return .book
        default:
            return .other
        }
    }
}
