import Foundation

/// Imports ACL Anthology XML (`data/xml/*.xml`): `<collection id>` / `<volume id>` /
/// `<meta>` (booktitle, year, month) / `<paper id>` (title, authors, abstract, doi).
///
/// - The id is the Anthology id built from the collection, volume and paper ids, as the
///   Anthology builds it: `P18-1001`, `W18-6301`, `2020.acl-main.1`.
/// - `<editor>`s are not authors. A missing `<first>` or `<last>` gives a one-word name.
/// - An author's `id` attribute (`<author id="yang-liu-ict">`) is its identifier `acl:yang-liu-ict`:
///   the Anthology's way of telling namesakes apart. A `<variant>` inside `<author>` (the name in
///   another script) is not the name: the Latin `<first>`/`<last>` are. The variant is one of the
///   person's names (searchable): the file describes the person to the graph builder (identifier
///   from `id`, else the Latin name's slug, as the Anthology assigns it), written first-last and,
///   for Chinese, Japanese and Korean scripts, also family name first without a space (`刘鹏远`).
/// - Markup in titles and abstracts is flattened to its text.
/// - `<frontmatter>` (a volume's front pages) is not a paper and is skipped, as are volumes
///   without papers.
/// - Journals (collections `J`, `Q`, `*.cl`, `*.tacl`) are journal papers; the rest conference.
enum ACLAnthologyImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        let delegate = Delegate(sink: sink, totalBytes: totalBytes)
        sink = try delegate.run(path: path)
        if delegate.sawCollection == false {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no <collection> element: not ACL Anthology XML"))
        }
    }

    struct Draft {
        var paperID: String
        var line: Int
        var title: String?
        var authors: [String] = []
        var authorIDs: [String] = []
        var abstract: String?
        var doi: String?
        var year: String?
    }

    final class Delegate: XMLRecordDelegate {
        @exclusivity(unchecked) var sawCollection = false
        @exclusivity(unchecked) var collectionID = ""
        @exclusivity(unchecked) var volumeID = ""
        @exclusivity(unchecked) var booktitle: String?
        @exclusivity(unchecked) var year: String?
        @exclusivity(unchecked) var month: String?
        @exclusivity(unchecked) var inMeta = false
        @exclusivity(unchecked) var draft: Draft?
        /// Inside `<author>` (of a paper) or `<editor>`.
        @exclusivity(unchecked) var person: (first: String?, last: String?, id: String?)?
        @exclusivity(unchecked) var personIsAuthor = false
        /// Inside a `<variant>` of a person: its names are not the person's name.
        @exclusivity(unchecked) var inVariant = false
        /// The variant being read (its script, first and last names), and the person's variants.
        @exclusivity(unchecked) var variant: (script: String?, first: String?, last: String?)?
        @exclusivity(unchecked) var variantNames: [String] = []

        override func startElement(_ name: String, attributes: XMLAttributes) {
            switch name {
            case "collection" where depth == 1:
                sawCollection = true
                collectionID = attributes["id"] ?? ""
            case "volume" where depth == 2:
                volumeID = attributes["id"] ?? ""
                booktitle = nil
                year = nil
                month = nil
            case "meta":
                inMeta = true
            case "paper":
                draft = Draft(paperID: attributes["id"] ?? "", line: currentLine)
            case "author", "editor":
                person = (nil, nil, attributes["id"].flatMap { $0.isEmpty ? nil : $0 })
                personIsAuthor = name == "author" && draft != nil
                variantNames = []
            case "variant":
                inVariant = person != nil
                if inVariant { variant = (attributes["script"], nil, nil) }
            case "first", "last":
                if person != nil { captureText() }
            case "booktitle", "year", "month":
                if inMeta || (draft != nil && name == "year") { captureText() }
            case "title", "abstract", "doi":
                if draft != nil { captureText() }
            default:
                break
            }
        }

        override func endElement(_ name: String, text: String?) {
            switch name {
            case "first" where !inVariant: person?.first = text
            case "last" where !inVariant: person?.last = text
            case "first": variant?.first = text
            case "last": variant?.last = text
            case "variant":
                inVariant = false
                if let variant { variantNames += Self.names(variant) }
                variant = nil
            case "author", "editor":
                if let person, personIsAuthor,
                    let name = ImportText.clean([person.first, person.last].compactMap { $0 }.joined(separator: " "))
                {
                    draft?.authors.append(name)
                    draft?.authorIDs.append(person.id.map { "acl:" + $0 } ?? "")
                    if !variantNames.isEmpty {
                        let identifier = "acl:" + (person.id ?? NameTable.slug(TextFolding.fold(name)))
                        sink.describe(NameTable.Person(identifier: identifier, canonical: name, variants: variantNames))
                    }
                }
                person = nil
                variantNames = []
            case "booktitle" where inMeta: booktitle = ImportText.clean(text)
            case "year" where inMeta: year = text
            case "year": draft?.year = text
            case "month" where inMeta: month = text
            case "meta": inMeta = false
            case "title": draft?.title = ImportText.clean(text)
            case "abstract": draft?.abstract = ImportText.clean(text)
            case "doi": draft?.doi = text
            case "paper":
                guard let finished = draft else { return }
                draft = nil
                handle { () throws(ImportStop) in
                    switch makeRecord(finished) {
                    case .success(let record): sink.accept(record)
                    case .failure(let issue): try sink.reject(issue)
                    }
                }
            default:
                break
            }
        }

        /// A variant as written (first, then last name) and, in Chinese, Japanese or Korean
        /// script, as those names are written: family name first, no space.
        static func names(_ variant: (script: String?, first: String?, last: String?)) -> [String] {
            let parts = [variant.first, variant.last].compactMap { ImportText.clean($0) }
            guard let written = ImportText.clean(parts.joined(separator: " ")) else { return [] }
            let eastAsian = ["hani", "hans", "hant", "jpan", "kore", "hira", "kana", "hang"]
            guard parts.count == 2, let script = variant.script?.lowercased(), eastAsian.contains(script) else { return [written] }
            return [written, parts[1] + parts[0]]
        }

        func makeRecord(_ draft: Draft) -> Result<PaperRecord, ImportIssue> {
            guard let id = ACLAnthologyImporter.anthologyID(collection: collectionID, volume: volumeID, paper: draft.paperID) else {
                return .failure(sink.issue(.badValue, line: draft.line, "<paper id=\"\(draft.paperID)\"> in <volume id=\"\(volumeID)\"> of <collection id=\"\(collectionID)\">: cannot make an Anthology id from these ids"))
            }
            guard let title = draft.title else {
                return .failure(sink.issue(.missingField, line: draft.line, "paper \(id) has no <title>"))
            }
            var record = PaperRecord(id: id, title: title)
            record.authors = draft.authors
            record.authorIDs = draft.authorIDs.allSatisfy(\.isEmpty) ? [] : draft.authorIDs
            let yearText = draft.year ?? year
            record.year = yearText.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if yearText != nil, record.year == nil {
                return .failure(sink.issue(.badValue, line: draft.line, "paper \(id) has year \"\(yearText ?? "")\", not a year"))
            }
            record.date = ImportText.date(year: record.year, month: ImportText.month(month))
            record.venue = booktitle
            record.abstract = draft.abstract
            record.doi = ImportText.doi(draft.doi)
            record.type = ACLAnthologyImporter.isJournal(collection: collectionID) ? .journal : .conference
            return .success(record)
        }
    }

    /// The Anthology's own rule (its `build_anthology_id`): new-style collections give
    /// `2020.acl-main.1`; old-style ones give `P18-1001`, or `W18-6301` for workshops (two-digit
    /// volume and paper numbers).
    static func anthologyID(collection: String, volume: String, paper: String) -> String? {
        guard !collection.isEmpty, !volume.isEmpty, !paper.isEmpty else { return nil }
        if collection.contains(".") { return "\(collection)-\(volume).\(paper)" }
        guard let volumeNumber = Int(volume), let paperNumber = Int(paper) else { return nil }
        let twoDigit = collection.hasPrefix("W") || collection == "C69" || (collection == "D19" && volumeNumber >= 5)
        if twoDigit { return "\(collection)-" + String(format: "%02d%02d", volumeNumber, paperNumber) }
        return "\(collection)-" + String(format: "%01d%03d", volumeNumber, paperNumber)
    }

    static func isJournal(collection: String) -> Bool {
        if collection.contains(".") {
            let venue = collection.split(separator: ".").last ?? ""
            return venue == "cl" || venue == "tacl"
        }
        return collection.hasPrefix("J") || collection.hasPrefix("Q")
    }
}
