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
/// - An author's `orcid` attribute is the identifier `orcid:…` when the name has no number; the
///   file also describes that person, so the same name written without an ORCID is them too
///   (when only one ORCID goes with the name). With a number, the ORCID is that person's other
///   identifier: both find them, and whatever else carries the ORCID is them.
/// - A person record (`<www key="homepages/…">`) lists one person's names: it describes the person
///   (identifier `dblp:` and the first name as written), so every name it lists is theirs. An
///   ORCID among its `url`s (or on its names) is the person's other identifier. The person is
///   shown by the first name without its homonym number.
enum DBLPImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        let delegate = Delegate(sink: sink, totalBytes: totalBytes)
        sink = try delegate.run(path: path)
        if delegate.records == 0, sink.report.rejected == 0 {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no DBLP publication records (<article>, <inproceedings>, …) in the file"))
        }
    }

    final class Delegate: XMLRecordDelegate {
        @exclusivity(unchecked) var draft: Draft?
        @exclusivity(unchecked) var records = 0
        /// A person record being read (`<www key="homepages/…">`).
        @exclusivity(unchecked) var personDraft: Draft?
        /// The field being captured, and its `orcid` attribute.
        @exclusivity(unchecked) var field = Field.author
        @exclusivity(unchecked) var orcid: Range<Int>?

        override func startElement(_ name: String, attributes: XMLAttributes) {
            if depth == 2 {
                let fields = pending.fields.count..<pending.fields.count
                draft = RecordElement(name).map {
                    Draft(element: $0, key: attributes["key"], publtype: attributes["publtype"], line: currentLine, fields: fields)
                }
                personDraft = nil
                if name == "www", let key = attributes["key"], key.hasPrefix("homepages/") {
                    personDraft = Draft(element: nil, key: key, line: currentLine, fields: fields)
                }
            } else if depth == 3, draft != nil, let field = Field(name) {
                self.field = field
                orcid = nil
                if field == .author, let value = attributes["orcid"], !value.isEmpty { orcid = pending.store(value) }
                captureText()
            } else if depth == 3, personDraft != nil, name == "author" || name == "url" {
                field = name == "url" ? .url : .author
                orcid = nil
                if field == .author, let value = attributes["orcid"], !value.isEmpty { orcid = pending.store(value) }
                captureText()
            }
        }

        override func endElement(_ name: String, captured: UnsafeBufferPointer<UInt8>?) {
            if let captured, depth == 3 {
                pending.append(field, text: captured, orcid: orcid)
            } else if depth == 2, var finished = personDraft {
                personDraft = nil
                finished.fields = finished.fields.lowerBound..<pending.fields.count
                pending.items.append(.person(finished))
            } else if depth == 2, var finished = draft {
                draft = nil
                records += 1
                finished.fields = finished.fields.lowerBound..<pending.fields.count
                pending.items.append(.record(finished))
            }
            // Only between records: a draft's fields are in its batch.
            if pending.items.count >= DBLPImporter.batchSize, draft == nil, personDraft == nil { handOff() }
        }

        override func warnWhileReading(_ issue: ImportIssue) {
            pending.items.append(.warning(issue))
        }

        // Reading and converting overlap: this thread reads the XML into drafts, and a batch
        // at a time is converted into records and handed to the sink (and so to the graph
        // builder) on another. One batch is converted while the next is read; the sink is only
        // touched by the converting thread until `finishReading` has waited for it, and the
        // semaphore orders every hand-over, so records, problems and the people the file
        // describes keep the file's order.

        /// Drafts read and not yet handed over (reading thread only).
        @exclusivity(unchecked) var pending = DraftBatch()
        /// Signalled when the converting thread is done with a batch.
        private let converterIdle = DispatchSemaphore(value: 1)
        private let converter = DispatchQueue(label: "paperql.dblp.records")

        /// Hands the drafts read so far to the converting thread, once it is done with the
        /// previous batch; stops the reading when that batch met a `--strict` stop.
        private func handOff() {
            converterIdle.wait()
            if stop != nil {
                pending = DraftBatch()
                converterIdle.signal()
                abortReading()
                return
            }
            let work = TaskSlot((self, pending, bytesRead))
            pending = DraftBatch()
            pending.items.reserveCapacity(DBLPImporter.batchSize)
            converter.async {
                let (delegate, batch, bytes) = work.value
                delegate.convert(batch, bytesRead: bytes)
                delegate.converterIdle.signal()
            }
        }

        override func finishReading() {
            converterIdle.wait()
            if stop == nil { convert(pending, bytesRead: bytesRead) }
            pending = DraftBatch()
            converterIdle.signal()
        }

        /// Converts drafts into records and hands them, with problems and people, to the sink
        /// in order (a `--strict` stop at a bad record drops the ones after it).
        private func convert(_ batch: DraftBatch, bytesRead: Int) {
            var scratch: [UInt8] = []
            batch.withFields { fields in
                do throws(ImportStop) {
                    for item in batch.items {
                        switch item {
                        case .person(let draft):
                            if let person = DBLPImporter.person(from: draft, fields: fields, scratch: &scratch) { sink.describe(person) }
                        case .warning(let issue):
                            sink.warn(issue)
                        case .record(let draft):
                            switch DBLPImporter.record(from: draft, fields: fields, path: path, scratch: &scratch) {
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
            }
            sink.read(bytes: bytesRead, totalBytes: totalBytes)
        }
    }

    /// Records handed to the converting thread at a time.
    static let batchSize = 4096

    /// "Wei Wang 0001" → 8, the length of "Wei Wang"; nil for a name without a homonym number.
    /// The number is the last five bytes: a space and four ASCII digits.
    static func lengthWithoutHomonymNumber(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = name.count
        guard count > 5, name[count - 5] == UInt8(ascii: " ") else { return nil }
        for byte in name[(count - 4)...] where byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { return nil }
        return count - 5
    }

    /// The text with its white space collapsed, as `ImportText.clean` does; nil when nothing is left.
    static func clean(_ text: UnsafeBufferPointer<UInt8>?, scratch: inout [UInt8]) -> String? {
        guard let text else { return nil }
        return WhiteSpace.withCollapsed(text, scratch: &scratch) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
    }

    /// The person a `<www key="homepages/…">` record describes: every name it lists, as written
    /// for matching (a homonym number stays, so "Wei Wang 0001" does not claim every unnumbered
    /// "Wei Wang") and without the number for showing; and the ORCIDs it gives.
    static func person(from draft: Draft, fields: Fields, scratch: inout [UInt8]) -> NameTable.Person? {
        var names: [String] = []
        var orcids: [String] = []
        func addORCID(_ text: String?) {
            if let orcid = ImportText.orcid(text), !orcids.contains(orcid) { orcids.append(orcid) }
        }
        for author in fields.all(.author, of: draft) {
            if let name = clean(fields.text(author.text), scratch: &scratch), !names.contains(name) { names.append(name) }
            addORCID(author.orcid.map { String(decoding: fields.text($0), as: UTF8.self) })
        }
        for link in fields.all(.url, of: draft) where ImportText.contains(fields.text(link.text), "orcid.org") {
            addORCID(String(decoding: fields.text(link.text), as: UTF8.self))
        }
        guard let first = names.first else { return nil }
        var shown: [String] = []
        for name in names.map(withoutHomonymNumber) where !shown.contains(name) { shown.append(name) }
        return NameTable.Person(identifier: "dblp:" + first, canonical: first, variants: Array(names.dropFirst()),
                                shownNames: shown, otherIdentifiers: orcids)
    }

    /// "Wei Wang 0001" → "Wei Wang"; a name without a number as it is.
    static func withoutHomonymNumber(_ name: String) -> String {
        var name = name
        let length = name.withUTF8 { lengthWithoutHomonymNumber($0) }
        guard let length else { return name }
        return String(decoding: name.utf8.prefix(length), as: UTF8.self)
    }

    /// The title, cleaned, without DBLP's final period (kept when it ends "..").
    static func title(_ text: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String? {
        WhiteSpace.withCollapsed(text, scratch: &scratch) { title -> String? in
            guard let last = title.last else { return nil }
            var count = title.count
            if last == UInt8(ascii: ".") {
                let before = count > 1 ? title[count - 2] : 0
                let beforeThat = count > 2 ? title[count - 3] : 0
                if before >= 0x80 || (before == UInt8(ascii: ".") && beforeThat >= 0x80) {
                    // A period may end a character begun before it (after a prepended mark such
                    // as U+0600): characters judge.
                    var text = String(decoding: title, as: UTF8.self)
                    if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
                    return text
                }
                if before != UInt8(ascii: ".") { count -= 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: title[..<count]), as: UTF8.self)
        }
    }

    /// A year written as 1–9 ASCII digits, or nil when the text must be read as a `String`.
    static func asciiNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...9).contains(text.count) else { return nil }
        var value = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The record, and the people its authors' ORCIDs describe.
    static func record(from draft: Draft, fields: Fields, path: String, scratch: inout [UInt8])
        -> Result<(PaperRecord, [NameTable.Person]), ImportIssue>
    {
        let element = draft.element ?? .article
        guard let key = draft.key, !key.isEmpty else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(element.name)> record without a key attribute"))
        }
        guard let titleText = fields.first(.title, of: draft), let title = title(titleText, scratch: &scratch) else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(element.name) key=\"\(key)\"> has no title"))
        }
        var record = PaperRecord(id: key, title: title)
        if let yearBytes = fields.first(.year, of: draft) {
            let yearText = { String(decoding: yearBytes, as: UTF8.self) }
            guard let year = asciiNumber(yearBytes) ?? Int(yearText()) ?? Int(yearText().trimmingCharacters(in: .whitespaces)),
                (1000...2999).contains(year)
            else {
                return .failure(ImportIssue(.badValue, file: path, line: draft.line, message: "<\(element.name) key=\"\(key)\"> has year \"\(yearText())\", not a year"))
            }
            record.year = year
        }
        let month = fields.first(.month, of: draft).map { String(decoding: $0, as: UTF8.self) }
        record.date = ImportText.date(year: record.year, month: ImportText.month(month))
        var people: [NameTable.Person] = []
        if element != .proceedings {
            var identifiers: [String] = []
            for author in fields.all(.author, of: draft) {
                let orcid = author.orcid.flatMap { ImportText.orcid(String(decoding: fields.text($0), as: UTF8.self)) }
                let written = WhiteSpace.withCollapsed(fields.text(author.text), scratch: &scratch) { cleaned -> (name: String, dblp: String?)? in
                    guard !cleaned.isEmpty else { return nil }
                    guard let length = lengthWithoutHomonymNumber(cleaned) else { return (String(decoding: cleaned, as: UTF8.self), nil) }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: cleaned[..<length]), as: UTF8.self)
                    return (name, "dblp:" + String(decoding: cleaned, as: UTF8.self))
                }
                guard let (name, dblp) = written else { continue }
                record.authors.append(name)
                if let dblp {
                    identifiers.append(dblp)
                    if let orcid {
                        // No name to match: a numbered name is never written without its identifier.
                        people.append(NameTable.Person(identifier: dblp, canonical: "", variants: [],
                                                       shownNames: [name], otherIdentifiers: [orcid]))
                    }
                } else if let orcid {
                    identifiers.append(orcid)
                    people.append(NameTable.Person(identifier: orcid, canonical: name, variants: []))
                } else {
                    identifiers.append("")
                }
            }
            record.authorIDs = identifiers.allSatisfy(\.isEmpty) ? [] : identifiers
        }
        let journal = clean(fields.first(.journal, of: draft), scratch: &scratch)
        record.venue = clean(fields.first(.booktitle, of: draft), scratch: &scratch) ?? journal
        for link in fields.all(.ee, of: draft) where record.doi == nil || record.arxivID == nil {
            let text = fields.text(link.text)
            if record.doi == nil, ImportText.contains(text, "doi.org") {
                record.doi = ImportText.doi(String(decoding: text, as: UTF8.self))
            }
            if record.arxivID == nil, ImportText.contains(text, "arxiv.org") {
                record.arxivID = ImportText.arxivID(String(decoding: text, as: UTF8.self))
            }
        }
        if journal == "CoRR", record.arxivID == nil {
            record.arxivID = ImportText.arxivID(fields.first(.volume, of: draft).map { String(decoding: $0, as: UTF8.self) })
        }
        record.institutions = fields.all(.school, of: draft).compactMap { clean(fields.text($0.text), scratch: &scratch) }
        switch element {
        case .article:
            record.type = journal == "CoRR" || draft.publtype == "informal" ? .preprint : .journal
        case .inproceedings: record.type = .conference
        case .book, .incollection: record.type = .book
        case .phdthesis, .mastersthesis: record.type = .thesis
        case .proceedings: record.type = .other
        }
        if journal == "CoRR" { record.venue = "arXiv" }
        return .success((record, people))
    }
}
