import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Imports `dblp.xml`, streaming (the real file is several gigabytes).
///
/// Records are the children of `<dblp>`: `article` → journal (preprint when the journal is
/// CoRR or `publtype="informal"`), `inproceedings` → conference, `book`/`incollection` → book,
/// `phdthesis`/`mastersthesis` → thesis, `proceedings` → other (its editors are not authors).
/// `www`, `person` and `data` records are not papers and are skipped. The id is the record's
/// `key`; authors keep DBLP's homonym numbers ("Wei Wang 0001") so namesakes stay apart; the DOI
/// and arXiv id come from `ee` links; titles lose DBLP's final period.
enum DBLPImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        let delegate = Delegate(sink: sink, totalBytes: totalBytes)
        sink = try delegate.run(path: path)
        if delegate.records == 0, sink.report.rejected == 0 {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no DBLP publication records (<article>, <inproceedings>, …) in the file"))
        }
    }

    static let recordElements: Set<String> = ["article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"]
    static let skippedElements: Set<String> = ["www", "person", "data"]
    static let fieldElements: Set<String> = ["author", "editor", "title", "booktitle", "year", "journal", "ee", "volume", "school", "month"]

    struct Draft {
        var element: String
        var key: String?
        var publtype: String?
        var line: Int
        var fields: [(name: String, text: String)] = []

        func first(_ name: String) -> String? { fields.first { $0.name == name }?.text }
        func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.text) }
    }

    final class Delegate: XMLRecordDelegate {
        var draft: Draft?
        var records = 0

        override func startElement(_ name: String, attributes: [String: String]) {
            if depth == 2 {
                draft = DBLPImporter.recordElements.contains(name)
                    ? Draft(element: name, key: attributes["key"], publtype: attributes["publtype"], line: currentLine) : nil
            } else if depth == 3, draft != nil, DBLPImporter.fieldElements.contains(name) {
                captureText()
            }
        }

        override func endElement(_ name: String, text: String?) {
            if let text, depth == 3 {
                draft?.fields.append((name, text))
            } else if depth == 2, let finished = draft {
                draft = nil
                records += 1
                handle { () throws(ImportStop) in
                    switch DBLPImporter.record(from: finished, path: sink.path) {
                    case .success(let record): sink.accept(record)
                    case .failure(let issue): try sink.reject(issue)
                    }
                }
            }
        }
    }

    static func record(from draft: Draft, path: String) -> Result<PaperRecord, ImportIssue> {
        guard let key = draft.key, !key.isEmpty else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(draft.element)> record without a key attribute"))
        }
        guard var title = ImportText.clean(draft.first("title")) else {
            return .failure(ImportIssue(.missingField, file: path, line: draft.line, message: "<\(draft.element) key=\"\(key)\"> has no title"))
        }
        if title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
        var record = PaperRecord(id: key, title: title)
        if let yearText = draft.first("year") {
            guard let year = Int(yearText.trimmingCharacters(in: .whitespaces)), (1000...2999).contains(year) else {
                return .failure(ImportIssue(.badValue, file: path, line: draft.line, message: "<\(draft.element) key=\"\(key)\"> has year \"\(yearText)\", not a year"))
            }
            record.year = year
        }
        record.date = ImportText.date(year: record.year, month: ImportText.month(draft.first("month")))
        if draft.element != "proceedings" {
            record.authors = draft.all("author").compactMap { ImportText.clean($0) }
        }
        let journal = ImportText.clean(draft.first("journal"))
        record.venue = ImportText.clean(draft.first("booktitle")) ?? journal
        let links = draft.all("ee")
        record.doi = links.lazy.compactMap { $0.contains("doi.org") ? ImportText.doi($0) : nil }.first
        record.arxivID = links.lazy.filter { $0.contains("arxiv.org") }.compactMap(ImportText.arxivID).first
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
        return .success(record)
    }
}
