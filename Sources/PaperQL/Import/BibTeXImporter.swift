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
    /// - Parameters:
    ///   - macros: the macros of the files read before; on return, with this file's.
    ///   - pieceBytes: the size of the pieces lexed apart (small in tests, to cut everywhere).
    static func read(
        path: String, totalBytes: Int?, macros: inout [String: String], into sink: inout ImportSink,
        pieceBytes: Int = BibTeXPieces.pieceBytes
    ) throws(ImportStop) {
        var pieces: BibTeXPieces
        do {
            pieces = try BibTeXPieces(path: path, pieceBytes: pieceBytes)
        } catch {
            throw ImportStop(issue: error)
        }
        var reading = Reading(path: path, sourceName: sink.sourceName, macros: BibTeXLexer.monthMacros.merging(macros) { _, defined in defined })
        let given = macros
        defer { macros = BibTeXLexer.definedMacros(in: reading.macros) }
        // Pieces are lexed and their entries turned into records on the cores, a few ahead of
        // the one whose entries go to the sink, in the file's order. A piece that may define
        // macros waits for all before it, and those after it wait for it.
        var ahead: [PieceTask] = []
        defer { for task in ahead { _ = task.result } }
        while let piece = pieces.next() {
            if piece.mayDefineMacros {
                while !ahead.isEmpty { try reading.take(ahead.removeFirst().result, into: &sink, totalBytes: totalBytes) }
                try reading.take(reading.lex(piece), into: &sink, totalBytes: totalBytes)
            } else {
                let (path, sourceName, macros, version) = (path, sink.sourceName, reading.macros, reading.version)
                ahead.append(PieceTask { Reading.lex(piece, path: path, sourceName: sourceName, macros: macros, version: version) })
                if ahead.count > Self.piecesAhead { try reading.take(ahead.removeFirst().result, into: &sink, totalBytes: totalBytes) }
            }
        }
        while !ahead.isEmpty { try reading.take(ahead.removeFirst().result, into: &sink, totalBytes: totalBytes) }
        // Entries that inherit: their parents may come anywhere in the file.
        let inheriting = reading.inheriting.isEmpty ? [] : reading.inheriting.map { [known = reading.allKnown()] in inherit($0, from: known) }
        let middle = inheriting.count / 2
        let (first, second) = inParallel({ inheriting[..<middle].map { record(from: $0, path: path) } },
                                         { inheriting[middle...].map { record(from: $0, path: path) } })
        for converted in first + second {
            switch converted {
            case .success(let record): sink.accept(record)
            case .failure(let issue): try sink.reject(issue)
            }
        }
        if reading.entries == 0, sink.report.rejected == 0, BibTeXLexer.definedMacros(in: reading.macros) == given {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no BibTeX entries (@article{…}, @inproceedings{…}, …) in the file"))
        }
    }

    /// Pieces lexed ahead of the one being read.
    static let piecesAhead = 4

    /// A piece's lexer's output: what one lexer reading the whole file gives for the piece when
    /// `start` is where the previous piece's lexer stopped and `version` the macros' version then.
    struct LexedPiece {
        var start: ByteReader.Position
        var end: Int
        var version: Int
        /// In reverse order, so that the reader pops them off instead of copying them.
        var items: [Lexed] = []
        /// The piece's entries by key (the last of a key), for `crossref` and `xdata`.
        var known: [String: BibTeXEntry] = [:]
        var stop: ByteReader.Position
        var macros: [String: String]
        var setMacro = false
        /// The piece could not be read (the file could not be opened again).
        var failure: ImportIssue?
    }

    /// An entry or a problem of the lexer, in the file's order.
    enum Lexed {
        case problem(ImportIssue)
        /// An entry and what becomes of it.
        case entry(BibTeXEntry, Disposition)
    }

    enum Disposition {
        case record(Result<PaperRecord, ImportIssue>)
        /// It names a `crossref` or `xdata` parent: made a record at the end of the file.
        case inherits
        /// An `@xdata` entry: fields for others, not a paper.
        case fieldsOnly
    }

    /// The reading of one file: what the sink has been given so far.
    private struct Reading {
        let path: String
        let sourceName: String
        /// The macros as the whole file's lexer has them where the pieces read so far end.
        var macros: [String: String]
        /// Counts the changes to `macros`: a piece lexed with an older version is lexed again.
        var version = 0
        /// Where the pieces read so far end: the next piece must begin there.
        var expected = ByteReader.Position()
        var entries = 0
        // Every entry by key, piece by piece, for `crossref` and `xdata`; entries that inherit
        // wait for the end of the file, since BibTeX puts the entries they cite after them.
        var known: [[String: BibTeXEntry]] = []
        var inheriting: [BibTeXEntry] = []

        init(path: String, sourceName: String, macros: [String: String]) {
            self.path = path
            self.sourceName = sourceName
            self.macros = macros
        }

        /// Every entry by key, the file's last of each key.
        func allKnown() -> [String: BibTeXEntry] {
            var all: [String: BibTeXEntry] = [:]
            all.reserveCapacity(known.reduce(0) { $0 + $1.count })
            for piece in known { all.merge(piece) { _, later in later } }
            return all
        }

        func lex(_ piece: BibTeXPieces.Piece) -> LexedPiece {
            Self.lex(piece, path: path, sourceName: sourceName, macros: macros, version: version)
        }

        static func lex(_ piece: BibTeXPieces.Piece, path: String, sourceName: String, macros: [String: String], version: Int) -> LexedPiece {
            var lexed = LexedPiece(start: piece.start, end: piece.end, version: version, stop: piece.start, macros: macros)
            var lexer: BibTeXLexer
            do {
                lexer = try BibTeXLexer(path: path, macros: macros, from: piece.start, limit: piece.end)
            } catch {
                lexed.failure = error
                return lexed
            }
            while let item = lexer.next() {
                switch item {
                case .failure(let issue):
                    lexed.items.append(.problem(issue))
                case .entry(let entry):
                    lexed.known[WhiteSpace.trimmed(entry.key).lowercased()] = entry
                    if entry["crossref"] != nil || entry["xdata"] != nil {
                        lexed.items.append(.entry(entry, .inherits))
                    } else if entry.type == "xdata" {
                        lexed.items.append(.entry(entry, .fieldsOnly))
                    } else {
                        var converted = record(from: entry, path: path)
                        if case .success(var record) = converted {
                            record.sources = [sourceName]
                            converted = .success(record)
                        }
                        lexed.items.append(.entry(entry, .record(converted)))
                    }
                }
            }
            lexed.items.reverse()
            lexed.stop = lexer.stop ?? piece.start
            lexed.macros = lexer.macros
            lexed.setMacro = lexer.setMacro
            return lexed
        }

        /// Gives the sink a piece's entries and problems, lexing it again first when it did not
        /// begin where the pieces before it ended or was lexed with macros since changed.
        mutating func take(_ piece: LexedPiece, into sink: inout ImportSink, totalBytes: Int?) throws(ImportStop) {
            var piece = piece
            if piece.start.offset != expected.offset || piece.version != version {
                // The lexer before read past this whole piece (a long `@comment`, say).
                if expected.offset >= piece.end { return }
                piece = lex(BibTeXPieces.Piece(start: expected, end: piece.end, mayDefineMacros: true))
            }
            if let failure = piece.failure { throw ImportStop(issue: failure) }
            known.append(piece.known)
            piece.known = [:]
            while let item = piece.items.popLast() {
                switch item {
                case .problem(let issue):
                    try sink.reject(issue)
                case .entry(let entry, let disposition):
                    entries += 1
                    for warning in entry.warnings { sink.warn(warning) }
                    switch disposition {
                    case .record(.success(let record)): sink.accept(record)
                    case .record(.failure(let issue)): try sink.reject(issue)
                    case .inherits: inheriting.append(entry)
                    case .fieldsOnly: break
                    }
                }
            }
            expected = piece.stop
            if piece.setMacro {
                macros = piece.macros
                version += 1
            }
            sink.read(bytes: expected.offset, totalBytes: totalBytes)
        }
    }

    /// A piece being lexed on another core.
    private final class PieceTask: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var lexed: LexedPiece?

        init(_ work: @escaping @Sendable () -> LexedPiece) {
            DispatchQueue.global().async {
                self.lexed = work()
                self.done.signal()
            }
        }

        /// The lexed piece, once ready.
        var result: LexedPiece {
            done.wait()
            done.signal()
            guard let lexed else { preconditionFailure("a piece task signalled before it had lexed") }
            return lexed
        }
    }

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
        ImportText.containsIgnoringASCIICase(journal, "arxiv") || ImportText.equalsIgnoringASCIICase(journal, "corr")
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
