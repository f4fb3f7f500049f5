import Foundation

/// Imports `dblp.xml`, streaming (the real file is several gigabytes).
///
/// Records are the children of `<dblp>`: `article` → journal (preprint when the journal is
/// CoRR or `publtype="informal"`), `inproceedings` → conference, `book`/`incollection` → book,
/// `phdthesis`/`mastersthesis` → thesis, `proceedings` → other (its editors are not authors).
/// `person` and `data` records are not papers and are skipped. The id is the record's `key`; the
/// DOI and arXiv id come from `ee` links; titles lose DBLP's final period.
///
/// Who is who, as DBLP says it:
/// - A homonym number ("Wei Wang 0001") is DBLP's identifier of one of several people with a
///   name: the author is "Wei Wang" with the identifier `dblp:Wei Wang 0001`.
/// - An author's `orcid` attribute is the identifier `orcid:…` (when the name has no number); the
///   file also describes that person, so the same name written without an ORCID is them too
///   (when only one ORCID goes with the name).
/// - A person record (`<www key="homepages/…">`) lists one person's names: it describes the person
///   (identifier `dblp:` and the first name as written), so every name it lists is theirs.
enum DBLPImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        let delegate = Delegate(sink: sink, totalBytes: totalBytes)
        sink = try delegate.run(path: path)
        if delegate.records == 0, sink.report.rejected == 0 {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no DBLP publication records (<article>, <inproceedings>, …) in the file"))
        }
    }

    /// Publication records (a `switch`: cheaper than hashing each name into a `Set`).
    static func isRecordElement(_ name: String) -> Bool {
        switch name {
        case "article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis": true
        default: false
        }
    }
    /// Not papers: `www` records other than person records, `person`, `data`.
    static let skippedElements: Set<String> = ["www", "person", "data"]
    static func isFieldElement(_ name: String) -> Bool {
        switch name {
        case "author", "editor", "title", "booktitle", "year", "journal", "ee", "volume", "school", "month": true
        default: false
        }
    }

    struct Draft {
        var element: String
        var key: String?
        var publtype: String?
        var line: Int
        var fields: [(name: String, text: String)] = []
        /// The `orcid` attribute of each `<author>`, in order (nil when none).
        var orcids: [String?] = []

        func first(_ name: String) -> String? { fields.first { $0.name == name }?.text }
        func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.text) }
    }

    final class Delegate: XMLRecordDelegate {
        @exclusivity(unchecked) var draft: Draft?
        @exclusivity(unchecked) var records = 0

        /// A person record being read (`<www key="homepages/…">`).
        @exclusivity(unchecked) var personDraft: Draft?

        override func startElement(_ name: String, attributes: [String: String]) {
            if depth == 2 {
                draft = DBLPImporter.isRecordElement(name)
                    ? Draft(element: name, key: attributes["key"], publtype: attributes["publtype"], line: currentLine) : nil
                personDraft = name == "www" && attributes["key"]?.hasPrefix("homepages/") == true
                    ? Draft(element: name, key: attributes["key"], line: currentLine) : nil
            } else if depth == 3, draft != nil, DBLPImporter.isFieldElement(name) {
                if name == "author" { draft?.orcids.append(attributes["orcid"].flatMap { $0.isEmpty ? nil : $0 }) }
                captureText()
            } else if depth == 3, personDraft != nil, name == "author" {
                captureText()
            }
        }

        override func endElement(_ name: String, text: String?) {
            if let text, depth == 3 {
                draft?.fields.append((name, text))
                personDraft?.fields.append((name, text))
            } else if depth == 2, let finished = personDraft {
                personDraft = nil
                pending.append(.person(finished))
            } else if depth == 2, let finished = draft {
                draft = nil
                records += 1
                pending.append(.record(finished))
            }
            if pending.count >= DBLPImporter.batchSize { handOff() }
        }

        override func warnWhileReading(_ issue: ImportIssue) {
            pending.append(.warning(issue))
        }

        // Reading and converting overlap: this thread reads the XML into drafts, and a batch
        // at a time is converted into records and handed to the sink (and so to the graph
        // builder) on another. One batch is converted while the next is read; the sink is only
        // touched by the converting thread until `finishReading` has waited for it, and the
        // semaphore orders every hand-over, so records, problems and the people the file
        // describes keep the file's order.

        /// Drafts read and not yet handed over (reading thread only).
        @exclusivity(unchecked) var pending: [Pending] = []
        /// Signalled when the converting thread is done with a batch.
        private let converterIdle = DispatchSemaphore(value: 1)
        private let converter = DispatchQueue(label: "paperql.dblp.records")

        enum Pending {
            case record(Draft)
            case person(Draft)
            case warning(ImportIssue)
        }

        /// Hands the drafts read so far to the converting thread, once it is done with the
        /// previous batch; stops the reading when that batch met a `--strict` stop.
        private func handOff() {
            converterIdle.wait()
            if stop != nil {
                pending.removeAll()
                converterIdle.signal()
                abortReading()
                return
            }
            let work = TaskSlot((self, pending, bytesRead))
            pending = []
            pending.reserveCapacity(DBLPImporter.batchSize)
            converter.async {
                let (delegate, batch, bytes) = work.value
                delegate.convert(batch, bytesRead: bytes)
                delegate.converterIdle.signal()
            }
        }

        override func finishReading() {
            converterIdle.wait()
            if stop == nil { convert(pending, bytesRead: bytesRead) }
            pending = []
            converterIdle.signal()
        }

        /// Converts drafts into records and hands them, with problems and people, to the sink
        /// in order (a `--strict` stop at a bad record drops the ones after it).
        private func convert(_ batch: [Pending], bytesRead: Int) {
            do {
                for item in batch {
                    switch item {
                    case .person(let draft):
                        if let person = DBLPImporter.person(from: draft) { sink.describe(person) }
                    case .warning(let issue):
                        sink.warn(issue)
                    case .record(let draft):
                        switch DBLPImporter.record(from: draft, path: path) {
                        case .success(let (record, people)):
                            for person in people { sink.describe(person) }
                            sink.accept(record)
                        case .failure(let issue):
                            try sink.reject(issue)
                        }
                    }
                }
            } catch {
                stop = error
            }
            sink.read(bytes: bytesRead, totalBytes: totalBytes)
        }
    }

    /// Records handed to the converting thread at a time.
    static let batchSize = 4096

    /// "Wei Wang 0001" → ("Wei Wang", "0001"); a name without a homonym number → (name, nil).
    /// The number is the last five bytes: a space and four ASCII digits.
    static func splitHomonymNumber(_ name: String) -> (name: String, number: Substring?) {
        let bytes = name.utf8
        guard bytes.count > 5 else { return (name, nil) }
        let space = bytes.index(bytes.endIndex, offsetBy: -5)
        guard bytes[space] == UInt8(ascii: " "),
            bytes[bytes.index(after: space)...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return (name, nil) }
        return (String(name[..<space]), name[name.index(after: space)...])
    }

    /// The person a `<www key="homepages/…">` record describes: every name it lists, as written
    /// (a homonym number stays, so "Wei Wang 0001" does not claim every unnumbered "Wei Wang").
    static func person(from draft: Draft) -> NameTable.Person? {
        var names: [String] = []
        for name in draft.all("author").compactMap({ ImportText.clean($0) }) where !names.contains(name) { names.append(name) }
        guard let first = names.first else { return nil }
        return NameTable.Person(identifier: "dblp:" + first, canonical: first, variants: Array(names.dropFirst()))
    }

    /// The record, and the people its authors' ORCIDs describe.
    static func record(from draft: Draft, path: String) -> Result<(PaperRecord, [NameTable.Person]), ImportIssue> {
        guard let key = draft.key, !key.isEmpty else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(draft.element)> record without a key attribute"))
        }
        guard var title = ImportText.clean(draft.first("title")) else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(draft.element) key=\"\(key)\"> has no title"))
        }
        if title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
        var record = PaperRecord(id: key, title: title)
        if let yearText = draft.first("year") {
            guard let year = Int(yearText) ?? Int(yearText.trimmingCharacters(in: .whitespaces)), (1000...2999).contains(year)
            else {
                return .failure(ImportIssue(.badValue, file: path, line: draft.line, message: "<\(draft.element) key=\"\(key)\"> has year \"\(yearText)\", not a year"))
            }
            record.year = year
        }
        record.date = ImportText.date(year: record.year, month: ImportText.month(draft.first("month")))
        var people: [NameTable.Person] = []
        if draft.element != "proceedings" {
            var identifiers: [String] = []
            for (position, written) in draft.all("author").enumerated() {
                guard let cleaned = ImportText.clean(written) else { continue }
                let (name, number) = splitHomonymNumber(cleaned)
                let orcid = position < draft.orcids.count ? draft.orcids[position] : nil
                record.authors.append(name)
                if number != nil {
                    identifiers.append("dblp:" + cleaned)
                } else if let orcid {
                    identifiers.append("orcid:" + orcid)
                    people.append(NameTable.Person(identifier: "orcid:" + orcid, canonical: name, variants: []))
                } else {
                    identifiers.append("")
                }
            }
            record.authorIDs = identifiers.allSatisfy(\.isEmpty) ? [] : identifiers
        }
        let journal = ImportText.clean(draft.first("journal"))
        record.venue = ImportText.clean(draft.first("booktitle")) ?? journal
        let links = draft.all("ee")
        record.doi = links.lazy.compactMap { ImportText.contains($0, "doi.org") ? ImportText.doi($0) : nil }.first
        record.arxivID = links.lazy.filter { ImportText.contains($0, "arxiv.org") }.compactMap(ImportText.arxivID).first
        if journal == "CoRR", record.arxivID == nil { record.arxivID = ImportText.arxivID(draft.first("volume")) }
        record.institutions = draft.all("school").compactMap { ImportText.clean($0) }
        switch draft.element {
        case "article":
            record.type = journal == "CoRR" || draft.publtype == "informal" ? .preprint : .journal
        case "inproceedings": record.type = .conference
        case "book", "incollection": record.type = .book
        case "phdthesis", "mastersthesis": record.type = .thesis
        default: record.type = .other
        }
        if journal == "CoRR" { record.venue = "arXiv" }
        return .success((record, people))
    }
}
